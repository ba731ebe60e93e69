// Package pdf draws PDF documents natively — no browser, no external program — for
// Qyzmet's certificates, apostilles, receipts and notices.
//
// A Document has A4 pages; a Page draws text in embedded TrueType fonts (subset per
// document, Type0/Identity-H with a ToUnicode map, so text extracts correctly in
// Kazakh and Russian), lines, rectangles, paths, images and QR codes. Lengths are
// millimetres from the top-left corner of the page, y growing downwards, as a form
// is measured on paper; font sizes and line widths are points, as typographers say
// them. Drawing never fails on the spot: the first problem (a character the font
// lacks, text that does not fit its box) is kept and returned by Bytes or Signed,
// so a form is laid out without error checks on every line.
//
// Signed writes the file once with a signature placeholder and fills in /ByteRange
// and /Contents afterwards; internal/sign builds the CMS container that goes there.
package pdf

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"hash/fnv"
	"strconv"
	"time"
)

// A4 page size in millimetres.
const (
	PageWidth  = 210.0
	PageHeight = 297.0
)

// ptPerMM converts millimetres to PDF points (1/72 inch).
const ptPerMM = 72 / 25.4

// NumberKey is the document-information key that carries the document's unique
// number, so a verifier can read it back (ReadInfo) without parsing the page.
const NumberKey = "QyzmetNumber"

// Info is the document's metadata (the PDF document information dictionary).
type Info struct {
	Title    string
	Author   string // the issuing body
	Subject  string
	Keywords string
	Creator  string    // the application that drew it, e.g. "Qyzmet 0.1"
	Number   string    // the document's unique number, written under NumberKey
	Lang     string    // the main language as a BCP 47 tag, such as "kk-KZ"
	Created  time.Time // zero: the time Bytes or Signed is called
}

// Producer is written as the /Producer of every document.
const Producer = "Qyzmet internal/pdf"

// Document is one PDF file being drawn. It is not safe for concurrent use; draw
// different documents in different goroutines instead (fonts and images are shared).
type Document struct {
	info   Info
	pages  []*Page
	fonts  []*fontUse
	byFont map[*Font]*fontUse
	images []*imageUse
	byImg  map[*Image]*imageUse
	err    error // the first drawing problem
}

// New starts an empty document.
func New(info Info) *Document {
	return &Document{info: info, byFont: map[*Font]*fontUse{}, byImg: map[*Image]*imageUse{}}
}

// AddPage appends an A4 portrait page and returns it for drawing.
func (d *Document) AddPage() *Page {
	p := &Page{doc: d}
	p.content = make([]byte, 0, 4096)
	d.pages = append(d.pages, p)
	return p
}

// Err is the first drawing problem so far, or nil.
func (d *Document) Err() error { return d.err }

func (d *Document) fail(err error) {
	if d.err == nil {
		d.err = err
	}
}

// Bytes writes the finished, unsigned document.
func (d *Document) Bytes() ([]byte, error) {
	out, _, err := d.serialize(nil)
	return out, err
}

// object numbers of the document-wide objects; the rest follow in order.
const (
	idCatalog = 1 + iota
	idPages
	idInfo
	idResources
	idFirstFree
)

// serialize writes the whole file. With a signature it also writes the
// signature field and returns where its placeholders are.
func (d *Document) serialize(sig *SignatureField) ([]byte, placeholders, error) {
	var ph placeholders
	if d.err != nil {
		return nil, ph, d.err
	}
	if len(d.pages) == 0 {
		return nil, ph, errors.New("pdf: the document has no pages")
	}
	created := d.info.Created
	if created.IsZero() {
		created = time.Now()
	}

	// Number every object before writing any, so references can point forward.
	next := idFirstFree
	alloc := func(n int) int { id := next; next += n; return id }
	pageIDs := make([]int, len(d.pages)) // page object, content stream follows
	for i := range d.pages {
		pageIDs[i] = alloc(2)
	}
	for _, u := range d.fonts {
		u.id = alloc(fontObjects)
	}
	for _, u := range d.images {
		u.id = alloc(1)
		if u.img.alpha != nil {
			u.maskID = alloc(1)
		}
	}
	var widgetID, sigID int
	if sig != nil {
		widgetID, sigID = alloc(1), alloc(1)
	}

	w := &objWriter{buf: make([]byte, 0, 64<<10), offsets: make([]int, next)}
	w.str("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n")

	cat := "<< /Type /Catalog /Pages 2 0 R /ViewerPreferences << /DisplayDocTitle true >>"
	if d.info.Lang != "" {
		cat += " /Lang " + textString(d.info.Lang)
	}
	if sig != nil {
		cat += " /AcroForm << /Fields [" + strconv.Itoa(widgetID) + " 0 R] /SigFlags 3 >>"
	}
	w.object(idCatalog, cat+" >>")

	w.begin(idPages)
	w.str("<< /Type /Pages /Count ")
	w.int(len(d.pages))
	w.str(" /Kids [")
	for i, id := range pageIDs {
		if i > 0 {
			w.str(" ")
		}
		w.ref(id)
	}
	w.str("] >>")
	w.end()

	w.object(idInfo, d.infoDict(created))
	d.writeResources(w)

	for i, p := range d.pages {
		w.begin(pageIDs[i])
		w.str("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.276 841.89] /Resources 4 0 R /Contents ")
		w.ref(pageIDs[i] + 1)
		if sig != nil && i == 0 {
			w.str(" /Annots [")
			w.ref(widgetID)
			w.str("]")
		}
		w.str(" >>")
		w.end()
		w.stream(pageIDs[i]+1, "", p.content)
	}
	for _, u := range d.fonts {
		u.write(w)
	}
	for _, u := range d.images {
		u.write(w)
	}
	if sig != nil {
		ph = sig.write(w, widgetID, sigID, pageIDs[0], created)
	}

	xref := len(w.buf)
	w.str("xref\n0 ")
	w.int(next)
	w.str("\n0000000000 65535 f \n")
	for id := 1; id < next; id++ {
		w.buf = fmt.Appendf(w.buf, "%010d 00000 n \n", w.offsets[id])
	}
	fileID := d.fileID(created)
	w.str("trailer\n<< /Size ")
	w.int(next)
	w.str(" /Root 1 0 R /Info 3 0 R /ID [<" + fileID + "> <" + fileID + ">] >>\nstartxref\n")
	w.int(xref)
	w.str("\n%%EOF\n")
	return w.buf, ph, nil
}

func (d *Document) infoDict(created time.Time) string {
	s := "<< /Producer " + textString(Producer) + " /CreationDate " + pdfDate(created)
	for _, kv := range [...]struct{ key, val string }{
		{"Title", d.info.Title}, {"Author", d.info.Author}, {"Subject", d.info.Subject},
		{"Keywords", d.info.Keywords}, {"Creator", d.info.Creator}, {NumberKey, d.info.Number},
	} {
		if kv.val != "" {
			s += " /" + kv.key + " " + textString(kv.val)
		}
	}
	return s + " >>"
}

// writeResources writes the one resource dictionary that every page shares.
func (d *Document) writeResources(w *objWriter) {
	w.begin(idResources)
	w.str("<< /ProcSet [/PDF /Text /ImageB /ImageC]")
	if len(d.fonts) > 0 {
		w.str(" /Font <<")
		for _, u := range d.fonts {
			w.str(" /" + u.res + " ")
			w.ref(u.id)
		}
		w.str(" >>")
	}
	if len(d.images) > 0 {
		w.str(" /XObject <<")
		for _, u := range d.images {
			w.str(" /" + u.res + " ")
			w.ref(u.id)
		}
		w.str(" >>")
	}
	w.str(" >>")
	w.end()
}

// fileID is the trailer's /ID: a digest of what identifies the document, so the
// same data drawn twice gives the same file.
func (d *Document) fileID(created time.Time) string {
	h := sha256.New()
	fmt.Fprintf(h, "%q %q %q %d %d", d.info.Number, d.info.Title, d.info.Author, created.UnixNano(), len(d.pages))
	for _, p := range d.pages {
		h.Write(p.content)
	}
	return fmt.Sprintf("%x", h.Sum(nil)[:16])
}

// fontUse is one font as used by one document: which glyphs, under which name.
type fontUse struct {
	font  *Font
	res   string // resource name, "F1"
	runes []rune // by glyph index: the character first drawn with it; 0 = unused
	id    int    // first of the font's fontObjects object numbers
}

func (d *Document) useFont(f *Font) *fontUse {
	if u, ok := d.byFont[f]; ok {
		return u
	}
	u := &fontUse{font: f, res: "F" + strconv.Itoa(len(d.fonts)+1), runes: make([]rune, f.numGlyphs)}
	d.byFont[f] = u
	d.fonts = append(d.fonts, u)
	return u
}

// subsetTag is the six capital letters that prefix a subset font's name
// (ISO 32000-1 9.6.4), derived from the glyphs it holds.
func (u *fontUse) subsetTag() string {
	h := fnv.New32a()
	for g, r := range u.runes {
		if r != 0 {
			h.Write([]byte{byte(g >> 8), byte(g)})
		}
	}
	v := h.Sum32()
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = 'A' + byte(v%26)
		v /= 26
	}
	return string(tag)
}
