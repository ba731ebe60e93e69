package document

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"qyzmet/internal/calendar"
	"qyzmet/internal/i18n"
	"qyzmet/internal/pdf"
)

// The page: A4, millimetres from the top-left corner (internal/pdf).
const (
	marginL  = 20.0
	marginR  = 190.0
	contentW = marginR - marginL
	// A bilingual paragraph: Kazakh in the left column, Russian in the right one.
	colW = 81.0
	ruX  = marginR - colW
	midX = (marginL + colW + ruX) / 2

	// Where the text of a page ends: above the footer with the QR code on issued
	// papers, above the page number on the others.
	bottomIssued = 261.0
	bottomPlain  = 279.0
	footerY      = 264.0
	topRunning   = 24.0 // where the text of a continuation page starts
)

// The palette: navy and gold on white, as samplecert; no state symbol.
var (
	navy  = pdf.Hex(0x1F3864)
	gold  = pdf.Hex(0xB08D3C)
	grey  = pdf.Hex(0x595959)
	faint = pdf.Hex(0xF3F0E6)
)

// look is how a form's first page is dressed.
type look int

const (
	// lookCertificate: a double frame, the letterhead with the ornament, the number.
	lookCertificate look = iota
	// lookLetter: the letterhead and the outgoing number, no frame (replies, notices).
	lookLetter
	// lookForm: a form the applicant fills and signs: the annex reference at the
	// top right, no letterhead (applications, minutes, the journal).
	lookForm
)

// styles are the text styles of every form: a typographic hierarchy of PT Serif
// for the text and PT Sans for labels and small print.
type styles struct {
	title, titleSmall, subtitle       pdf.Style
	body, bodyBold, bodyItalic, value pdf.Style
	label, small, smallBold, head     pdf.Style
	fine                              pdf.Style // small print of the body (the appeal, the notes)
}

func newStyles() styles {
	f := pdf.StandardFonts()
	return styles{
		title:      pdf.Style{Font: f.SerifBold, Size: 16, Align: pdf.Center, Color: navy, LineHeight: 1.15},
		titleSmall: pdf.Style{Font: f.SerifBold, Size: 12.5, Align: pdf.Center, Color: navy, LineHeight: 1.2},
		subtitle:   pdf.Style{Font: f.Serif, Size: 11, Align: pdf.Center, LineHeight: 1.2},
		// Ragged right: a justified column of 8 cm opens wide gaps between Kazakh words.
		body:       pdf.Style{Font: f.Serif, Size: 10, LineHeight: 1.3},
		bodyBold:   pdf.Style{Font: f.SerifBold, Size: 10, LineHeight: 1.3},
		bodyItalic: pdf.Style{Font: f.SerifItalic, Size: 10, LineHeight: 1.3},
		value:      pdf.Style{Font: f.SerifBold, Size: 10, LineHeight: 1.22},
		label:      pdf.Style{Font: f.Sans, Size: 7.5, Color: grey, LineHeight: 1.15},
		small:      pdf.Style{Font: f.Sans, Size: 7.5, Color: grey, LineHeight: 1.25},
		smallBold:  pdf.Style{Font: f.SansBold, Size: 7.5, Color: grey, LineHeight: 1.25},
		fine:       pdf.Style{Font: f.Serif, Size: 8.5, LineHeight: 1.25},
		head:       pdf.Style{Font: f.SerifBold, Size: 7.8, Align: pdf.Center, Color: navy, LineHeight: 1.18},
	}
}

// sheet is a form being laid out: a cursor that flows down the pages, starting
// a new page (with a running header) when the next block does not fit, and the
// footers drawn on every page at the end.
type sheet struct {
	spec   FormSpec
	meta   Meta
	on     calendar.Date // the paper's date in Almaty
	body   i18n.Text     // the issuing body of the letterhead
	st     styles
	doc    *pdf.Document
	pages  []*pdf.Page
	p      *pdf.Page
	y      float64
	bottom float64
	framed bool
}

func newSheet(spec FormSpec, meta Meta) *sheet {
	body := meta.Provider
	if body.KK == "" && body.RU == "" {
		body = defaultBody(spec)
	}
	s := &sheet{
		spec: spec, meta: meta, on: calendar.DateOf(meta.IssuedAt), body: body, st: newStyles(),
		bottom: bottomPlain,
	}
	if spec.Issued {
		s.bottom = bottomIssued
	}
	// Metadata carries no personal data beyond the page (ADR 0002): the form's
	// title and the issuing body.
	s.doc = pdf.New(pdf.Info{
		Title:   spec.Title.KK + " / " + spec.Title.RU,
		Author:  body.KK + " / " + body.RU,
		Subject: spec.Title.EN,
		Creator: "Qyzmet",
		Number:  meta.Number,
		Lang:    "kk-KZ",
		Created: meta.IssuedAt,
	})
	return s
}

// start opens the first page in the given look; the cursor is below the head.
func (s *sheet) start(l look) {
	s.framed = l == lookCertificate
	s.addPage()
	switch l {
	case lookCertificate, lookLetter:
		s.letterhead()
	default:
		s.y = 14
	}
}

func (s *sheet) addPage() {
	s.p = s.doc.AddPage()
	s.pages = append(s.pages, s.p)
	if s.framed {
		s.p.Rect(pdf.Rect{X: 10, Y: 10, W: 190, H: 277}, pdf.Stroke{Width: 1.2, Color: navy})
		s.p.Rect(pdf.Rect{X: 11.6, Y: 11.6, W: 186.8, H: 273.8}, pdf.Stroke{Width: 0.4, Color: gold})
	}
	if len(s.pages) > 1 {
		// The running header of a continuation page: the title and the number.
		h := s.st.small
		s.p.Text(marginL, 15, h, ellipsis(h, s.spec.Title.KK+" / "+s.spec.Title.RU, contentW-45))
		if s.meta.Number != "" {
			r := h
			r.Align = pdf.Right
			s.p.Text(marginR, 15, r, "№ "+s.meta.Number)
		}
		s.p.Line(marginL, 19, marginR, 19, pdf.Stroke{Width: 0.4, Color: gold})
		s.y = topRunning
	}
}

// letterhead draws the body's name in Kazakh (left) and Russian (right) around a
// neutral ornament, a double rule, and the number and date of an issued paper.
func (s *sheet) letterhead() {
	const w = 76.0
	kk, ru := strings.ToUpper(s.body.In(i18n.KK)), strings.ToUpper(s.body.In(i18n.RU))
	h := max(s.st.head.Height(kk, w), s.st.head.Height(ru, w), 17)
	top := 16.0
	s.p.TextBox(pdf.Rect{X: 14, Y: top + (h-s.st.head.Height(kk, w))/2, W: w}, s.st.head, kk)
	s.p.TextBox(pdf.Rect{X: 210 - 14 - w, Y: top + (h-s.st.head.Height(ru, w))/2, W: w}, s.st.head, ru)
	s.p.Rosette(105, top+h/2, 8, gold, navy)
	y := top + h + 3
	s.p.Line(marginL-2, y, marginR+2, y, pdf.Stroke{Width: 1, Color: navy})
	s.p.Line(marginL-2, y+1, marginR+2, y+1, pdf.Stroke{Width: 0.3, Color: navy})
	y += 4
	if s.spec.Issued {
		meta := pdf.Style{Font: pdf.StandardFonts().Sans, Size: 9, Color: grey}
		s.p.Text(marginL, y, meta, "№ "+s.meta.Number)
		meta.Align = pdf.Right
		s.p.Text(marginR, y, meta, dateNum(s.on))
		y += 5
	}
	s.y = y + 1.5
}

// annexRef prints the form's place in the law at the top right, as the annexes
// of the rules print it ("… 1-қосымша" / "Приложение 1 к …").
func (s *sheet) annexRef(kk, ru string) {
	st := s.st.small
	st.Align = pdf.Left
	x, w := 118.0, 72.0
	h := s.p.TextBox(pdf.Rect{X: x, Y: s.y, W: w}, st, kk)
	h += s.p.TextBox(pdf.Rect{X: x, Y: s.y + h + 0.8, W: w}, st, ru) + 0.8
	s.y += h + 3
}

// room is the height left on the page.
func (s *sheet) room() float64 { return s.bottom - s.y }

// pageRoom is the height of a whole continuation page.
func (s *sheet) pageRoom() float64 { return s.bottom - topRunning }

// need starts a new page unless h millimetres fit on this one.
func (s *sheet) need(h float64) {
	if h > s.room() {
		s.addPage()
	}
}

// center draws centred lines (a title); each text may wrap.
func (s *sheet) center(st pdf.Style, texts ...string) {
	st.Align = pdf.Center
	for _, t := range texts {
		h := st.Height(t, contentW)
		s.need(h)
		s.p.TextBox(pdf.Rect{X: marginL, Y: s.y, W: contentW}, st, t)
		s.y += h
	}
}

// title prints the form's title in Kazakh and Russian, centred.
func (s *sheet) title() {
	s.center(s.st.titleSmall, s.spec.Title.KK)
	s.y += 1
	s.center(s.st.titleSmall, s.spec.Title.RU)
	s.y += 4
}

// columns draws a bilingual paragraph: Kazakh on the left, Russian on the
// right, a thin rule between. A paragraph longer than the page is split line by
// line (the split lines are left-aligned).
func (s *sheet) columns(st pdf.Style, kk, ru string) {
	lk, lr := st.Lines(kk, colW), st.Lines(ru, colW)
	n := max(len(lk), len(lr))
	lead := st.Leading()
	h := float64(n) * lead
	if h > s.room() && h <= s.pageRoom() {
		s.addPage()
	}
	if h <= s.room() {
		s.p.TextBox(pdf.Rect{X: marginL, Y: s.y, W: colW}, st, kk)
		s.p.TextBox(pdf.Rect{X: ruX, Y: s.y, W: colW}, st, ru)
		s.p.Line(midX, s.y+0.5, midX, s.y+h, pdf.Stroke{Width: 0.3, Color: gold})
		s.y += h
		return
	}
	left := st
	if left.Align == pdf.Justify {
		left.Align = pdf.Left
	}
	for i := 0; i < n; {
		fit := int(s.room() / lead)
		if fit < 1 {
			s.addPage()
			continue
		}
		j := min(n, i+fit)
		s.p.Text(marginL, s.y, left, strings.Join(part(lk, i, j), "\n"))
		s.p.Text(ruX, s.y, left, strings.Join(part(lr, i, j), "\n"))
		s.p.Line(midX, s.y+0.5, midX, s.y+float64(j-i)*lead, pdf.Stroke{Width: 0.3, Color: gold})
		s.y += float64(j-i) * lead
		i = j
	}
}

// part is lines[i:j] clipped to the slice.
func part(lines []string, i, j int) []string {
	return lines[min(i, len(lines)):min(j, len(lines))]
}

// bi is columns with the Kazakh and Russian of one text.
func (s *sheet) bi(st pdf.Style, t i18n.Text) { s.columns(st, t.In(i18n.KK), t.In(i18n.RU)) }

// para draws a full-width paragraph, split across pages when it must be.
func (s *sheet) para(st pdf.Style, text string) {
	s.paraAt(st, marginL, contentW, text)
}

func (s *sheet) paraAt(st pdf.Style, x, w float64, text string) {
	lines := st.Lines(text, w)
	lead := st.Leading()
	h := float64(len(lines)) * lead
	if h > s.room() && h <= s.pageRoom() {
		s.addPage()
	}
	if h <= s.room() {
		s.p.TextBox(pdf.Rect{X: x, Y: s.y, W: w}, st, text)
		s.y += h
		return
	}
	if st.Align == pdf.Justify {
		st.Align = pdf.Left
	}
	for i := 0; i < len(lines); {
		fit := int(s.room() / lead)
		if fit < 1 {
			s.addPage()
			continue
		}
		j := min(len(lines), i+fit)
		s.p.Text(x, s.y, st, strings.Join(lines[i:j], "\n"))
		s.y += float64(j-i) * lead
		i = j
	}
}

// field is one row of a table of bilingual labels and values: a value that
// reads the same in both languages, or a bilingual text.
type field struct {
	label i18n.Text
	value string
	text  i18n.Text
}

// biField is a row whose value differs between Kazakh and Russian: printed
// "kk / ru" on one line when that fits, else the Russian under the Kazakh.
func biField(label, t i18n.Text) field { return field{label: label, text: t} }

// fields draws label/value rows: the labels on a tinted band (Kazakh and
// Russian on one line when they fit, else one over the other), the values bold.
func (s *sheet) fields(rows ...field) {
	const lw = 56.0
	for _, r := range rows {
		kk, ru := capital(r.label.In(i18n.KK)), capital(r.label.In(i18n.RU))
		label := kk + " / " + ru
		if kk == ru {
			label = kk
		} else if s.st.label.Width(label) > lw-4 {
			label = kk + "\n" + ru
		}
		v := r.value
		if r.text.KK != "" || r.text.RU != "" {
			v = slash(r.text)
			if s.st.value.Width(v) > contentW-lw {
				v = both(r.text)
			}
		}
		if strings.TrimSpace(v) == "" {
			v = "—"
		}
		h := max(s.st.label.Height(label, lw-4)+0.6, s.st.value.Height(v, contentW-lw)) + 2.2
		s.need(h)
		s.p.FillRect(pdf.Rect{X: marginL - 2, Y: s.y, W: lw, H: h}, faint)
		s.p.TextBox(pdf.Rect{X: marginL, Y: s.y + 1.7, W: lw - 4}, s.st.label, label)
		s.p.TextBox(pdf.Rect{X: marginL + lw, Y: s.y + 1.1, W: contentW - lw + 2}, s.st.value, v)
		s.p.Line(marginL-2, s.y+h, marginR+2, s.y+h, pdf.Stroke{Width: 0.3, Color: grey})
		s.y += h
	}
}

// capital makes the first letter of a label upper-case (the forms word their
// captions in lower case, under the line to fill).
func capital(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// heading draws a small bilingual section heading with a rule under it, on the
// next page when too little room is left for some of its section as well.
func (s *sheet) heading(t i18n.Text) {
	st := pdf.Style{Font: pdf.StandardFonts().SansBold, Size: 8.5, Color: navy}
	s.need(24)
	s.y += 1.5
	s.p.Text(marginL, s.y, st, strings.ToUpper(t.In(i18n.KK)))
	st.Align = pdf.Right
	s.p.Text(marginR, s.y, st, strings.ToUpper(t.In(i18n.RU)))
	s.y += 4.2
	s.p.Line(marginL, s.y, marginR, s.y, pdf.Stroke{Width: 0.5, Color: gold})
	s.y += 2.2
}

// numbered draws a numbered bilingual list: "1) …" in both columns.
func (s *sheet) numbered(st pdf.Style, items []i18n.Text) {
	for i, it := range items {
		n := itoa(i+1) + ") "
		s.columns(st, n+it.In(i18n.KK), n+it.In(i18n.RU))
		s.y += 1
	}
}

// cell is one filled blank of a paper form: a value on an underline with its
// caption under it.
type cell struct {
	x, w           float64
	value, caption string
}

// blanks draws a row of filled blanks, the way a paper form is filled in (an
// empty value leaves the line for the hand), after a gap of top millimetres.
func (s *sheet) blanks(top float64, cells ...cell) {
	v := s.st.value
	c := pdf.Style{Font: s.st.label.Font, Size: 6.5, Color: grey, Align: pdf.Center, LineHeight: 1.15}
	height := func(k cell) (float64, float64) {
		hv := v.Leading()
		if k.value != "" {
			hv = v.Height(k.value, k.w-2)
		}
		return hv, hv + 0.9 + c.Height(k.caption, k.w)
	}
	row := 0.0
	for _, k := range cells {
		_, h := height(k)
		row = max(row, h)
	}
	s.need(top + row)
	s.y += top
	for _, k := range cells {
		hv, _ := height(k)
		s.p.TextBox(pdf.Rect{X: k.x + 1, Y: s.y, W: k.w - 2}, v, k.value)
		line := s.y + hv + 0.3
		s.p.Line(k.x, line, k.x+k.w, line, pdf.Stroke{Width: 0.4})
		s.p.TextBox(pdf.Rect{X: k.x, Y: line + 0.6, W: k.w}, c, k.caption)
	}
	s.y += row
}

// signatureHeight is the height of the signature block.
const signatureHeight = 15.0

// biHeight is the height columns needs for t.
func (s *sheet) biHeight(st pdf.Style, t i18n.Text) float64 {
	return max(st.Height(t.In(i18n.KK), colW), st.Height(t.In(i18n.RU), colW))
}

// keepWithSignature starts a new page unless the next h millimetres and the
// signature block fit on this one: a signature never stands alone on a page.
func (s *sheet) keepWithSignature(h float64) { s.need(h + signatureHeight) }

// signature is the signature block: the position in both languages, the line
// to sign on with the place of the seal, and the name.
func (s *sheet) signature(position i18n.Text, name string) {
	s.need(signatureHeight)
	s.y += 3
	st := pdf.Style{Font: s.st.body.Font, Size: 10.5, LineHeight: 1.3}
	h := s.p.TextBox(pdf.Rect{X: marginL, Y: s.y, W: 72}, st, position.In(i18n.KK)+"\n"+position.In(i18n.RU))
	line := s.y + 9
	s.p.Line(100, line, 140, line, pdf.Stroke{Width: 0.4})
	s.p.Text(120, line+0.8, pdf.Style{Font: s.st.label.Font, Size: 6.5, Color: grey, Align: pdf.Center}, "қолы / подпись")
	s.p.Text(marginR, s.y+4, pdf.Style{Font: s.st.value.Font, Size: 11, Align: pdf.Right}, name)
	s.y += max(h, 11) + 1
}

// finish draws the footers and returns the document, or the first drawing
// problem as ErrLayout.
func (s *sheet) finish() (*pdf.Document, error) {
	n := len(s.pages)
	for i, p := range s.pages {
		s.footer(p, i+1, n)
	}
	if err := s.doc.Err(); err != nil {
		return nil, &Error{Kind: ErrLayout, Form: s.spec.ID, Text: i18n.Text{
			KK: "мәтін нысанға сыймайды: " + err.Error(),
			RU: "текст не помещается в форму: " + err.Error(),
			EN: "the text does not fit the form: " + err.Error(),
		}}
	}
	return s.doc, nil
}

// footer: on an issued paper, the QR code to the e-Register, the number and
// date, and how to check the paper; on every paper, the page number.
func (s *sheet) footer(p *pdf.Page, page, pages int) {
	small := s.st.small
	num := small
	num.Align = pdf.Right
	if !s.spec.Issued {
		y := bottomPlain + 2.5
		p.Line(marginL, y, marginR, y, pdf.Stroke{Width: 0.3, Color: gold})
		if s.meta.Number != "" {
			p.Text(marginL, y+1.5, small, "№ "+s.meta.Number)
		}
		p.Text(marginR, y+1.5, num, pageLabel(page, pages))
		return
	}
	p.Line(marginL, footerY, marginR, footerY, pdf.Stroke{Width: 0.5, Color: gold})
	const qr = 20.0
	p.QRCode(s.meta.VerifyURL, marginL-1.5, footerY+1, qr)
	x := marginL + qr + 1
	w := marginR - x
	bold := s.st.smallBold
	bold.Color = navy
	p.Text(x, footerY+2.5, bold, "№ "+s.meta.Number+"   ·   "+dateNum(s.on)+" "+clock(s.meta.IssuedAt))
	p.Text(marginR, footerY+2.5, num, pageLabel(page, pages))
	note := "Құжаттың түпнұсқалығын QR-код немесе нөмірі мен күні бойынша электрондық тізілімде тексеріңіз / " +
		"Проверьте подлинность документа по QR-коду или по номеру и дате в электронном реестре: " + s.meta.VerifyURL + "\n" +
		"Құжат электрондық цифрлық қолтаңбамен қол қойылған / Документ подписан электронной цифровой подписью."
	p.TextBox(pdf.Rect{X: x, Y: footerY + 6, W: w, H: 14}, small, note)
}

func pageLabel(page, pages int) string {
	return "бет / стр. " + itoa(page) + " / " + itoa(pages)
}

// ellipsis shortens text to fit width, ending it with "…".
func ellipsis(st pdf.Style, text string, width float64) string {
	if st.Width(text) <= width {
		return text
	}
	r := []rune(text)
	for len(r) > 1 && st.Width(string(r)+"…") > width {
		r = r[:len(r)-1]
	}
	return strings.TrimSpace(string(r)) + "…"
}
