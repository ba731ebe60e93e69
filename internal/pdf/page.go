package pdf

import (
	"fmt"

	"rsc.io/qr"
)

// Page is one A4 page; its methods append drawing operators to the page's content.
type Page struct {
	doc     *Document
	content []byte
}

// Rect is a box in millimetres: X, Y of its top-left corner, its width and height.
type Rect struct{ X, Y, W, H float64 }

// Inset returns the box shrunk by d millimetres on every side.
func (r Rect) Inset(d float64) Rect { return Rect{r.X + d, r.Y + d, r.W - 2*d, r.H - 2*d} }

// Color is an RGB colour; the zero value is black.
type Color struct{ R, G, B uint8 }

// Hex makes a colour from 0xRRGGBB.
func Hex(rgb uint32) Color { return Color{uint8(rgb >> 16), uint8(rgb >> 8), uint8(rgb)} }

// Common colours.
var (
	Black = Color{}
	White = Color{255, 255, 255}
)

// Stroke is how a line is drawn: its width in points (0 means 0.5 pt), colour, and
// an optional dash pattern (lengths in points, on and off in turn).
type Stroke struct {
	Width float64
	Color Color
	Dash  []float64
}

// x and y convert page millimetres (top-left origin) to PDF points (bottom-left).
func px(mm float64) float64 { return mm * ptPerMM }
func py(mm float64) float64 { return (PageHeight - mm) * ptPerMM }

func (p *Page) op(s string) { p.content = append(p.content, s...) }

func (p *Page) num(v float64) {
	p.content = appendNum(p.content, v)
	p.content = append(p.content, ' ')
}

func (p *Page) fillColor(c Color) {
	p.num(float64(c.R) / 255)
	p.num(float64(c.G) / 255)
	p.num(float64(c.B) / 255)
	p.op("rg\n")
}

func (p *Page) strokeStyle(s Stroke) {
	w := s.Width
	if w <= 0 {
		w = 0.5
	}
	p.num(float64(s.Color.R) / 255)
	p.num(float64(s.Color.G) / 255)
	p.num(float64(s.Color.B) / 255)
	p.op("RG\n")
	p.num(w)
	p.op("w [")
	for _, d := range s.Dash {
		p.num(d)
	}
	p.op("] 0 d\n")
}

// Line draws a straight line from (x1, y1) to (x2, y2).
func (p *Page) Line(x1, y1, x2, y2 float64, s Stroke) {
	p.op("q\n")
	p.strokeStyle(s)
	p.num(px(x1))
	p.num(py(y1))
	p.op("m ")
	p.num(px(x2))
	p.num(py(y2))
	p.op("l S\nQ\n")
}

func (p *Page) rect(r Rect) {
	p.num(px(r.X))
	p.num(py(r.Y + r.H))
	p.num(px(r.W))
	p.num(r.H * ptPerMM)
	p.op("re ")
}

// Rect draws the outline of a box.
func (p *Page) Rect(r Rect, s Stroke) {
	p.op("q\n")
	p.strokeStyle(s)
	p.rect(r)
	p.op("S\nQ\n")
}

// FillRect paints a box in one colour.
func (p *Page) FillRect(r Rect, c Color) {
	p.op("q\n")
	p.fillColor(c)
	p.rect(r)
	p.op("f\nQ\n")
}

// Fill paints the inside of a path (non-zero winding rule).
func (p *Page) Fill(path *Path, c Color) {
	p.op("q\n")
	p.fillColor(c)
	p.path(path)
	p.op("f\nQ\n")
}

// Stroke draws the outline of a path.
func (p *Page) Stroke(path *Path, s Stroke) {
	p.op("q\n")
	p.strokeStyle(s)
	p.path(path)
	p.op("S\nQ\n")
}

func (p *Page) path(path *Path) {
	i := 0
	for _, op := range path.ops {
		n := 2
		switch op {
		case 'c':
			n = 6
		case 'h':
			n = 0
		}
		for j := 0; j < n; j += 2 {
			p.num(px(path.pts[i+j]))
			p.num(py(path.pts[i+j+1]))
		}
		i += n
		p.content = append(p.content, op, '\n')
	}
}

// Image draws an image stretched to fill the box.
func (p *Page) Image(img *Image, r Rect) {
	u := p.doc.useImage(img)
	p.op("q\n")
	p.num(px(r.W))
	p.op("0 0 ")
	p.num(r.H * ptPerMM)
	p.num(px(r.X))
	p.num(py(r.Y + r.H))
	p.op("cm /" + u.res + " Do\nQ\n")
}

// QRCode draws text (a URL) as a QR code with error correction level M, in vector
// squares that stay crisp at any zoom and on any printer, into a square of side
// size millimetres whose top-left corner is (x, y). The square includes the quiet
// zone of four modules on every side that scanners need.
func (p *Page) QRCode(text string, x, y, size float64) {
	code, err := qr.Encode(text, qr.M)
	if err != nil {
		p.doc.fail(fmt.Errorf("pdf: QR code for %q: %w", abbreviate(text), err))
		return
	}
	n := code.Size
	module := size / float64(n+8)
	p.op("q\n")
	p.fillColor(Black)
	for row := range n {
		for col := 0; col < n; {
			if !code.Black(col, row) {
				col++
				continue
			}
			start := col
			for col < n && code.Black(col, row) {
				col++
			}
			// Rows overlap by a hair so that no pale seam shows between them when rasterised.
			p.rect(Rect{x + float64(start+4)*module, y + float64(row+4)*module, float64(col-start) * module, module * 1.02})
		}
	}
	p.op("f\nQ\n")
}

// Path is a shape made of straight and curved segments, in page millimetres.
type Path struct {
	ops []byte
	pts []float64
}

// MoveTo starts a new sub-path at (x, y).
func (pa *Path) MoveTo(x, y float64) *Path {
	pa.ops = append(pa.ops, 'm')
	pa.pts = append(pa.pts, x, y)
	return pa
}

// LineTo adds a straight segment to (x, y).
func (pa *Path) LineTo(x, y float64) *Path {
	pa.ops = append(pa.ops, 'l')
	pa.pts = append(pa.pts, x, y)
	return pa
}

// CurveTo adds a cubic Bézier segment with control points (x1, y1), (x2, y2) to (x3, y3).
func (pa *Path) CurveTo(x1, y1, x2, y2, x3, y3 float64) *Path {
	pa.ops = append(pa.ops, 'c')
	pa.pts = append(pa.pts, x1, y1, x2, y2, x3, y3)
	return pa
}

// Close closes the current sub-path with a straight segment to its start.
func (pa *Path) Close() *Path {
	pa.ops = append(pa.ops, 'h')
	return pa
}

// Circle adds a closed circle of radius r around (cx, cy), from four Bézier arcs.
func (pa *Path) Circle(cx, cy, r float64) *Path {
	const k = 0.5522847498 // control-point distance for a quarter circle
	kr := k * r
	pa.MoveTo(cx+r, cy)
	pa.CurveTo(cx+r, cy+kr, cx+kr, cy+r, cx, cy+r)
	pa.CurveTo(cx-kr, cy+r, cx-r, cy+kr, cx-r, cy)
	pa.CurveTo(cx-r, cy-kr, cx-kr, cy-r, cx, cy-r)
	pa.CurveTo(cx+kr, cy-r, cx+r, cy-kr, cx+r, cy)
	return pa.Close()
}
