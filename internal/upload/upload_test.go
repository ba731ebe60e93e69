package upload_test

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"testing"

	"qyzmet/internal/apperr"
	"qyzmet/internal/store/storetest"
	"qyzmet/internal/upload"
)

func pdfFile(body string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n")
	off := b.Len()
	fmt.Fprintf(&b, "1 0 obj\n<< /Type /Catalog %s >>\nendobj\n", body)
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 2\n0000000000 65535 f \n%010d 00000 n \ntrailer\n<< /Size 2 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", off, xref)
	return b.Bytes()
}

func img(t *testing.T, format string, w, h int) []byte {
	t.Helper()
	var b bytes.Buffer
	m := image.NewRGBA(image.Rect(0, 0, w, h))
	var err error
	if format == "png" {
		err = png.Encode(&b, m)
	} else {
		err = jpeg.Encode(&b, m, nil)
	}
	if err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// Files are recognised by their content, never by name: the scans of AC-9-1
// are PDF, JPEG or PNG that parse.
func TestDetect_AC_9_1(t *testing.T) {
	hugePNG := img(t, "png", 1, 1)
	// Rewrite the IHDR's width to 20000 px (a decompression bomb's header).
	copy(hugePNG[16:20], []byte{0, 0, 0x4e, 0x20})
	for _, tt := range []struct {
		name string
		data []byte
		want string
		key  string
	}{
		{"pdf", pdfFile(""), upload.PDF, ""},
		{"jpeg", img(t, "jpeg", 64, 48), upload.JPEG, ""},
		{"png", img(t, "png", 64, 48), upload.PNG, ""},
		{"exe", append([]byte("MZ\x90\x00"), make([]byte, 100)...), "", upload.KeyType},
		{"html", []byte("<html><script>alert(1)</script></html>"), "", upload.KeyType},
		{"empty", nil, "", upload.KeyEmpty},
		{"pdf header only", []byte("%PDF-1.4\nhello\n%%EOF\n"), "", upload.KeyBadPDF},
		{"pdf without EOF", bytes.TrimSuffix(pdfFile(""), []byte("%%EOF\n")), "", upload.KeyBadPDF},
		{"pdf with script", pdfFile("/OpenAction << /S /JavaScript /JS (app.alert(1)) >>"), "", upload.KeyBadPDF},
		{"jpeg magic, garbage", append([]byte{0xFF, 0xD8, 0xFF, 0xE0}, make([]byte, 50)...), "", upload.KeyBadImage},
		{"png too large", hugePNG, "", upload.KeyBadImage},
		{"too large", append(pdfFile(""), make([]byte, upload.MaxFileBytes)...), "", upload.KeyTooLarge},
	} {
		got, err := upload.Detect(tt.data)
		if got != tt.want || apperr.KeyOf(err) != tt.key && !(tt.key == "" && err == nil) {
			t.Errorf("%s: Detect = %q, %v; want %q, key %q", tt.name, got, err, tt.want, tt.key)
		}
		if tt.key != "" && apperr.CodeOf(err) != apperr.Invalid {
			t.Errorf("%s: code %v, want invalid", tt.name, apperr.CodeOf(err))
		}
	}
}

// A stored file is its owner's: another person's id is NotFound, the same as
// a missing one.
func TestStoreOwnerOnly_AC_9_1(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		ctx := context.Background()
		s := &upload.Store{DB: e.Open(t, nil)}
		if _, err := s.Save(ctx, "900517400001", "x.pdf", []byte("MZ")); apperr.KeyOf(err) != upload.KeyType {
			t.Fatalf("EXE saved: %v", err)
		}
		data := pdfFile("")
		f, err := s.Save(ctx, "900517400001", "../../scan\x00.pdf", data)
		if err != nil {
			t.Fatal(err)
		}
		if f.MediaType != upload.PDF || f.Name != "....scan.pdf" || len(f.SHA256) != 64 {
			t.Errorf("saved %+v", f)
		}
		got, err := s.Get(ctx, "900517400001", f.ID)
		if err != nil || !bytes.Equal(got.Bytes, data) {
			t.Fatalf("owner's get: %v", err)
		}
		if _, err := s.Get(ctx, "010101500004", f.ID); apperr.CodeOf(err) != apperr.NotFound {
			t.Errorf("another person's get: %v", err)
		}
		if _, err := s.Get(ctx, "900517400001", "upl_missing"); apperr.CodeOf(err) != apperr.NotFound {
			t.Errorf("missing: %v", err)
		}
	})
}
