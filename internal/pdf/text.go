package pdf

import (
	"fmt"
	"strings"
)

// Align is the horizontal alignment of text.
type Align uint8

const (
	Left Align = iota
	Center
	Right
	Justify // both edges; the last line of a paragraph stays left-aligned
)

// Style is how text looks. The zero Style is 11 pt PT Serif, black, left-aligned,
// with lines 1.25 times the font size apart.
type Style struct {
	Font       *Font   // nil: StandardFonts().Serif
	Size       float64 // points; 0: 11
	Align      Align
	LineHeight float64 // distance between baselines as a multiple of Size; 0: 1.25
	Color      Color
}

func (s Style) font() *Font {
	if s.Font != nil {
		return s.Font
	}
	return StandardFonts().Serif
}

func (s Style) size() float64 {
	if s.Size > 0 {
		return s.Size
	}
	return 11
}

// Leading is the distance between two lines' baselines, in millimetres.
func (s Style) Leading() float64 {
	lh := s.LineHeight
	if lh <= 0 {
		lh = 1.25
	}
	return lh * s.size() / ptPerMM
}

// unitsToMM converts a width in thousandths of the em to millimetres at this size.
func (s Style) unitsToMM(units int) float64 { return float64(units) * s.size() / 1000 / ptPerMM }

// units is the advance width of text in thousandths of the em.
func (s Style) units(text string) int {
	f := s.font()
	w := 0
	for _, r := range text {
		g, _ := f.glyph(r)
		w += f.advance(g)
	}
	return w
}

// Width is the width of one line of text in millimetres.
func (s Style) Width(text string) float64 { return s.unitsToMM(s.units(text)) }

// Lines breaks text into the lines that fit width millimetres: at spaces, at
// explicit newlines, and inside a word only when the word alone is wider than the
// line. A no-break space (U+00A0) never breaks.
func (s Style) Lines(text string, width float64) []string {
	lines := s.wrap(text, width)
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = l.text
	}
	return out
}

// Height is the height in millimetres that TextBox needs for text in a box of the
// given width.
func (s Style) Height(text string, width float64) float64 {
	return float64(len(s.wrap(text, width))) * s.Leading()
}

type line struct {
	text   string
	units  int  // width in thousandths of the em
	spaces int  // spaces between words, for justification
	last   bool // the last line of a paragraph
}

func (s Style) wrap(text string, width float64) []line {
	f := s.font()
	space, _ := f.glyph(' ')
	spaceW := f.advance(space)
	maxUnits := int(width * ptPerMM * 1000 / s.size())
	var out []line
	for para := range strings.SplitSeq(text, "\n") {
		var cur line
		words := strings.Split(para, " ")
		has := false
		for _, word := range words {
			if word == "" {
				continue
			}
			ww := s.units(word)
			switch {
			case !has && ww <= maxUnits:
				cur = line{text: word, units: ww}
				has = true
			case has && cur.units+spaceW+ww <= maxUnits:
				cur.text += " " + word
				cur.units += spaceW + ww
				cur.spaces++
			default:
				if has {
					out = append(out, cur)
				}
				// A word wider than a whole line is cut where it must be.
				for ww > maxUnits {
					head, hw := s.fitPrefix(word, maxUnits)
					out = append(out, line{text: head, units: hw})
					word = word[len(head):]
					ww -= hw
				}
				cur = line{text: word, units: ww}
				has = word != ""
			}
		}
		cur.last = true
		out = append(out, cur)
	}
	return out
}

// fitPrefix is the longest prefix of word (at least one character) that fits.
func (s Style) fitPrefix(word string, maxUnits int) (string, int) {
	f := s.font()
	w := 0
	for i, r := range word {
		g, _ := f.glyph(r)
		a := f.advance(g)
		if w+a > maxUnits && i > 0 {
			return word[:i], w
		}
		w += a
	}
	return word, w
}

// Text draws text on one line (or one line per "\n") without wrapping. y is the top
// of the line box; x is the left end, the centre or the right end of the text as
// the style is aligned Left (or Justify), Center or Right.
func (p *Page) Text(x, y float64, s Style, text string) {
	for l := range strings.SplitSeq(text, "\n") {
		w := s.Width(l)
		lx := x
		switch s.Align {
		case Center:
			lx -= w / 2
		case Right:
			lx -= w
		}
		p.showLine(s, lx, y, l, 0)
		y += s.Leading()
	}
}

// TextBox draws text wrapped to the width of the box, from its top, and returns the
// height it took. When the box has a height (r.H > 0) and the text needs more, nothing
// is drawn and the document fails with an error: an official paper must not lose
// words off the edge of a box.
func (p *Page) TextBox(r Rect, s Style, text string) float64 {
	lines := s.wrap(text, r.W)
	h := float64(len(lines)) * s.Leading()
	if r.H > 0 && h > r.H+0.01 {
		p.doc.fail(fmt.Errorf("pdf: text %q needs %.1f mm but its box is %.1f mm high", abbreviate(text), h, r.H))
		return h
	}
	for i, l := range lines {
		y := r.Y + float64(i)*s.Leading()
		w := s.unitsToMM(l.units)
		x := r.X
		extra := 0.0
		switch s.Align {
		case Center:
			x += (r.W - w) / 2
		case Right:
			x += r.W - w
		case Justify:
			if !l.last && l.spaces > 0 {
				extra = (r.W - w) / float64(l.spaces)
			}
		}
		p.showLine(s, x, y, l.text, extra)
	}
	return h
}

func abbreviate(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}

// showLine draws one line of text whose line box starts at (x, top); extra is
// added after every space, in millimetres, to justify the line.
func (p *Page) showLine(s Style, x, top float64, text string, extra float64) {
	if text == "" {
		return
	}
	f := s.font()
	u := p.doc.useFont(f)
	size := s.size()
	// The baseline sits where CSS puts it: half the leading above the ascent.
	contentH := float64(f.ascent-f.descent) * size / 1000 / ptPerMM
	baseline := top + (s.Leading()-contentH)/2 + float64(f.ascent)*size/1000/ptPerMM

	p.op("BT\n")
	p.fillColor(s.Color)
	p.op("/" + u.res + " ")
	p.num(size)
	p.op("Tf 1 0 0 1 ")
	p.num(px(x))
	p.num(py(baseline))
	p.op("Tm\n[<")
	// In TJ a number moves the next glyph left by thousandths of the font size.
	adjust := -extra * ptPerMM * 1000 / size
	const hexDigits = "0123456789ABCDEF"
	for _, r := range text {
		g, ok := f.glyph(r)
		if !ok {
			p.doc.fail(fmt.Errorf("pdf: font %s has no glyph for %q (U+%04X)", f.name, r, r))
		}
		if u.runes[g] == 0 && ok {
			u.runes[g] = r
		}
		p.content = append(p.content, hexDigits[g>>12], hexDigits[g>>8&15], hexDigits[g>>4&15], hexDigits[g&15])
		if r == ' ' && extra != 0 {
			p.op("> ")
			p.num(adjust)
			p.op("<")
		}
	}
	p.op(">] TJ\nET\n")
}
