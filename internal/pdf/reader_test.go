package pdf

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

func TestReadInfoReturnsWhatWasWritten(t *testing.T) {
	created := time.Date(2026, 3, 20, 10, 4, 0, 0, time.FixedZone("", 5*3600))
	in := Info{
		Title: "АНЫҚТАМА / СПРАВКА", Author: "ҚСжАЕК (test)", Subject: "Apostille (Convention de La Haye du 5 octobre 1961)",
		Keywords: "a, b", Creator: "Qyzmet", Number: "KZ-AP-2026-000042", Created: created,
	}
	d := New(in)
	d.AddPage()
	b, err := d.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	got, err := ReadInfo(b)
	if err != nil {
		t.Fatal(err)
	}
	if !got.Created.Equal(created) {
		t.Errorf("Created = %v, want %v", got.Created, created)
	}
	got.Created, in.Created = time.Time{}, time.Time{}
	if got != in {
		t.Errorf("ReadInfo = %+v\nwant       %+v", got, in)
	}
	sigs, err := ReadSignatures(b)
	if err != nil || len(sigs) != 0 {
		t.Errorf("ReadSignatures of an unsigned file = %v, %v; want none", sigs, err)
	}
}

func TestSignedLeavesOutExactlyTheContents(t *testing.T) {
	d := New(Info{Number: "N-1"})
	d.AddPage().Text(20, 20, Style{}, "Қол қойылды")
	var before, after []byte
	der := []byte{0x30, 0x03, 0x02, 0x01, 0x07}
	b, err := d.Signed(SignatureField{SubFilter: SubFilterCAdES, Size: 64, Time: time.Unix(1774000000, 0).UTC()},
		func(b, a []byte) ([]byte, error) {
			before, after = bytes.Clone(b), bytes.Clone(a)
			return der, nil
		})
	if err != nil {
		t.Fatal(err)
	}
	sigs, err := ReadSignatures(b)
	if err != nil || len(sigs) != 1 {
		t.Fatalf("ReadSignatures = %v, %v; want one", sigs, err)
	}
	s := sigs[0]
	br := s.ByteRange
	if len(br) != 4 || br[0] != 0 || br[1] != s.ContentsAt || br[2] != s.ContentsEnd || br[2]+br[3] != int64(len(b)) {
		t.Fatalf("ByteRange %v, contents at %d..%d, file %d bytes", br, s.ContentsAt, s.ContentsEnd, len(b))
	}
	if !bytes.Equal(before, b[:br[1]]) || !bytes.Equal(after, b[br[2]:]) {
		t.Error("seal was not given exactly the byte ranges")
	}
	if !bytes.HasPrefix(s.Contents, der) || len(bytes.Trim(s.Contents[len(der):], "\x00")) != 0 || len(s.Contents) != 64 {
		t.Errorf("Contents = %x, want %x and zero padding to 64 bytes", s.Contents, der)
	}
	if s.SubFilter != SubFilterCAdES || s.Field != "Signature1" || !s.Time.Equal(time.Unix(1774000000, 0)) {
		t.Errorf("signature = %+v", s)
	}
}

func TestSignedRefusesTooLargeASignature(t *testing.T) {
	d := New(Info{})
	d.AddPage()
	_, err := d.Signed(SignatureField{SubFilter: SubFilterCAdES, Size: 4}, func(_, _ []byte) ([]byte, error) {
		return make([]byte, 5), nil
	})
	if err == nil || !strings.Contains(err.Error(), "reserved") {
		t.Fatalf("err = %v, want a complaint about the reserved room", err)
	}
	_, err = d.Signed(SignatureField{SubFilter: "adbe.x509.rsa_sha1", Size: 4}, nil)
	if err == nil {
		t.Fatal("an unknown sub-filter was accepted")
	}
}

func TestReaderRejectsBrokenFiles(t *testing.T) {
	d := New(Info{Number: "X"})
	d.AddPage()
	good, err := d.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	xref := bytes.LastIndex(good, []byte("\nxref\n")) + 1
	tests := []struct {
		name string
		data []byte
	}{
		{"empty", nil},
		{"not a PDF", []byte("hello, world")},
		{"truncated", good[:len(good)/2]},
		{"startxref points nowhere", bytes.Replace(good, []byte("startxref\n"+itoa(xref)), []byte("startxref\n999999999"), 1)},
		{"cross-reference stream", bytes.Replace(good, []byte("xref\n0 "), []byte("1 0 obj "), 1)},
	}
	for _, tt := range tests {
		if _, err := ReadInfo(tt.data); err == nil {
			t.Errorf("%s: ReadInfo succeeded", tt.name)
		}
	}
}

func itoa(n int) string { return strings.TrimSpace(string(appendNum(nil, float64(n)))) }
