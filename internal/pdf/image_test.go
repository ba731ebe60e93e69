package pdf

import (
	"bytes"
	"compress/zlib"
	"image"
	"image/color"
	"image/png"
	"io"
	"strings"
	"testing"
)

func inflate(t *testing.T, z []byte) []byte {
	t.Helper()
	zr, err := zlib.NewReader(bytes.NewReader(z))
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestImagesKeepColourAndTransparency(t *testing.T) {
	rgba := image.NewNRGBA(image.Rect(0, 0, 2, 1))
	rgba.SetNRGBA(0, 0, color.NRGBA{255, 0, 0, 255})
	rgba.SetNRGBA(1, 0, color.NRGBA{0, 0, 255, 128})
	var file bytes.Buffer
	if err := png.Encode(&file, rgba); err != nil {
		t.Fatal(err)
	}
	img, err := DecodePNG(file.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if w, h := img.Size(); w != 2 || h != 1 || img.gray {
		t.Fatalf("image %d×%d gray=%v, want 2×1 RGB", w, h, img.gray)
	}
	if got := inflate(t, img.pix); !bytes.Equal(got, []byte{255, 0, 0, 0, 0, 255}) {
		t.Errorf("samples %v, want red then blue, un-premultiplied", got)
	}
	if got := inflate(t, img.alpha); !bytes.Equal(got, []byte{255, 128}) {
		t.Errorf("soft mask %v, want [255 128]", got)
	}

	gray := image.NewGray(image.Rect(0, 0, 3, 3))
	gray.SetGray(1, 1, color.Gray{200})
	g := NewImage(gray)
	if !g.gray || g.alpha != nil || !bytes.Equal(inflate(t, g.pix), []byte{0, 0, 0, 0, 200, 0, 0, 0, 0}) {
		t.Errorf("grey image: gray=%v alpha=%v samples=%v", g.gray, g.alpha != nil, inflate(t, g.pix))
	}

	d := New(Info{})
	p := d.AddPage()
	p.Image(img, Rect{X: 10, Y: 10, W: 20, H: 10})
	p.Image(img, Rect{X: 40, Y: 10, W: 20, H: 10}) // the same image is embedded once
	p.Image(g, Rect{X: 70, Y: 10, W: 10, H: 10})
	b, err := d.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(b), "/Subtype /Image"); n != 3 {
		t.Errorf("%d image objects, want 3 (RGB, its soft mask, grey)", n)
	}
	if !strings.Contains(string(b), "/SMask ") || !strings.Contains(string(b), "/ColorSpace /DeviceGray") {
		t.Error("no soft mask or no grey colour space written")
	}
	if _, err := DecodePNG([]byte("not a png")); err == nil {
		t.Error("DecodePNG accepted garbage")
	}
}
