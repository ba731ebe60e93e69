package pdf_test

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"qyzmet/internal/pdf"
	"qyzmet/internal/pdf/pdftest"
	"qyzmet/internal/pdf/samplecert"
)

const kazakhLetters = "ӘәҒғҚқҢңӨөҰұҮүҺһІі"

// The sample certificate, read back by poppler: its text extracts in Kazakh and
// Russian, it is an A4 PDF 1.7 with subset embedded fonts, and it renders.
func TestPopplerReadsTheCertificate(t *testing.T) {
	b, err := samplecert.Draw(samplecert.Example()).Bytes()
	if err != nil {
		t.Fatal(err)
	}
	file := pdftest.WriteFile(t, "certificate.pdf", b)

	text, ok := pdftest.Run(t, "pdftotext", "-enc", "UTF-8", file, "-")
	if !ok {
		t.Fatalf("pdftotext failed: %s", text)
	}
	for _, r := range kazakhLetters {
		if !strings.ContainsRune(text, r) {
			t.Errorf("pdftotext output lacks %q", r)
		}
	}
	for _, want := range []string{"АНЫҚТАМА", "СПРАВКА", "о наличии либо отсутствии судимости",
		"сотталғандығының бар не жоқ екендігі туралы", "ҺАШИМОВА ӘЙГЕРІМ ҒАЛЫМҚЫЗЫ", "Жиһаншин", "KZ-CR-2026-00012345"} {
		if !strings.Contains(text, want) {
			t.Errorf("pdftotext output lacks %q", want)
		}
	}

	info, _ := pdftest.Run(t, "pdfinfo", file)
	for _, want := range []string{"Page size:       595.276 x 841.89 pts (A4)", "PDF version:     1.7", "Pages:           1",
		"Producer:        " + pdf.Producer} {
		if !strings.Contains(info, want) {
			t.Errorf("pdfinfo output lacks %q:\n%s", want, info)
		}
	}
	custom, _ := pdftest.Run(t, "pdfinfo", "-custom", file)
	if !strings.Contains(custom, pdf.NumberKey+":    KZ-CR-2026-00012345") {
		t.Errorf("pdfinfo -custom lacks the document number:\n%s", custom)
	}

	fonts, _ := pdftest.Run(t, "pdffonts", file)
	lines := strings.Split(strings.TrimSpace(fonts), "\n")[2:]
	if len(lines) == 0 {
		t.Fatalf("pdffonts lists no font:\n%s", fonts)
	}
	for _, l := range lines {
		// name, type "CID TrueType", encoding, then emb sub uni all "yes".
		if f := strings.Fields(l); len(f) < 8 || f[1] != "CID" || f[3] != "Identity-H" || f[4] != "yes" || f[5] != "yes" || f[6] != "yes" {
			t.Errorf("font not embedded as a subset with ToUnicode: %s", l)
		}
	}

	dir := t.TempDir()
	if out, ok := pdftest.Run(t, "pdftoppm", "-png", "-r", "80", file, filepath.Join(dir, "page")); !ok {
		t.Fatalf("pdftoppm failed: %s", out)
	}
	img := readPNG(t, filepath.Join(dir, "page-1.png"))
	if got := img.Bounds().Size(); got.X != 662 || got.Y != 936 {
		t.Errorf("rendered page is %v pixels, want 662×936 (A4 at 80 dpi)", got)
	}
	// The title band must hold ink, and the margin outside the frame must not.
	if ink(img, image.Rect(230, 150, 430, 175)) < 0.05 {
		t.Error("no ink where the title АНЫҚТАМА is drawn")
	}
	if ink(img, image.Rect(0, 0, 20, 936)) > 0 {
		t.Error("ink in the left margin outside the frame")
	}
}

func readPNG(t *testing.T, path string) image.Image {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// ink is the share of pixels in r that are clearly darker than paper.
func ink(img image.Image, r image.Rectangle) float64 {
	dark, all := 0, 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			cr, cg, cb, _ := img.At(x, y).RGBA()
			if (cr+cg+cb)/3 < 0x8000 {
				dark++
			}
			all++
		}
	}
	return float64(dark) / float64(all)
}
