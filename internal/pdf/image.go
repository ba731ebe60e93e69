package pdf

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"strconv"
)

// Image is a raster image prepared for embedding: decoded and compressed once, then
// drawn into any number of documents (an emblem on every certificate costs one
// compression per process, not per paper).
type Image struct {
	w, h  int
	gray  bool
	pix   []byte // Flate-compressed samples, 8 bits per component
	alpha []byte // Flate-compressed soft mask, nil when opaque
}

// DecodePNG prepares a PNG file for drawing.
func DecodePNG(data []byte) (*Image, error) {
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("pdf: PNG image: %w", err)
	}
	return NewImage(img), nil
}

// NewImage prepares any image for drawing: grey images stay grey, others become RGB,
// and transparency becomes a soft mask.
func NewImage(img image.Image) *Image {
	b := img.Bounds()
	out := &Image{w: b.Dx(), h: b.Dy()}
	switch img.ColorModel() {
	case color.GrayModel, color.Gray16Model:
		out.gray = true
	}
	comps := 3
	if out.gray {
		comps = 1
	}
	pix := make([]byte, 0, out.w*out.h*comps)
	alpha := make([]byte, 0, out.w*out.h)
	opaque := true
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, a := img.At(x, y).RGBA()
			if a != 0xFFFF {
				opaque = false
			}
			// Samples are stored un-premultiplied; the soft mask carries the coverage.
			if a != 0 && a != 0xFFFF {
				r, g, bl = r*0xFFFF/a, g*0xFFFF/a, bl*0xFFFF/a
			}
			if out.gray {
				pix = append(pix, byte(r>>8))
			} else {
				pix = append(pix, byte(r>>8), byte(g>>8), byte(bl>>8))
			}
			alpha = append(alpha, byte(a>>8))
		}
	}
	out.pix = compress(pix)
	if !opaque {
		out.alpha = compress(alpha)
	}
	return out
}

// Size is the image's width and height in pixels.
func (img *Image) Size() (w, h int) { return img.w, img.h }

// imageUse is one image as used by one document.
type imageUse struct {
	img    *Image
	res    string // resource name, "Im1"
	id     int
	maskID int
}

func (d *Document) useImage(img *Image) *imageUse {
	if u, ok := d.byImg[img]; ok {
		return u
	}
	u := &imageUse{img: img, res: "Im" + strconv.Itoa(len(d.images)+1)}
	d.byImg[img] = u
	d.images = append(d.images, u)
	return u
}

func (u *imageUse) write(w *objWriter) {
	img := u.img
	dims := " /Width " + strconv.Itoa(img.w) + " /Height " + strconv.Itoa(img.h) + " /BitsPerComponent 8"
	space := " /ColorSpace /DeviceRGB"
	if img.gray {
		space = " /ColorSpace /DeviceGray"
	}
	mask := ""
	if img.alpha != nil {
		mask = " /SMask " + strconv.Itoa(u.maskID) + " 0 R"
	}
	w.precompressed(u.id, " /Type /XObject /Subtype /Image"+dims+space+mask, img.pix)
	if img.alpha != nil {
		w.precompressed(u.maskID, " /Type /XObject /Subtype /Image"+dims+" /ColorSpace /DeviceGray", img.alpha)
	}
}
