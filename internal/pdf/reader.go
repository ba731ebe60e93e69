package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"time"
	"unicode/utf16"
)

// The reader is just enough PDF parsing to check a signed Qyzmet document: it follows
// the classic cross-reference tables (with incremental updates) to the document
// information and the signature fields. It does not read content streams or object
// streams; a file that keeps its objects there is reported as unsupported.

// ErrUnsupported is returned for well-formed PDF features the reader does not handle.
var ErrUnsupported = errors.New("pdf: unsupported file structure")

// FoundSignature is a signature field's value as written in a file.
type FoundSignature struct {
	Field     string // the field's name (/T)
	SubFilter string
	Name      string
	Reason    string
	Location  string
	Time      time.Time // /M; zero when absent or unreadable
	ByteRange []int64
	Contents  []byte // the signature container, with the zero padding that followed it
	// ContentsAt and ContentsEnd locate the /Contents string in the file, its "<"
	// and just after its ">", so a verifier can check that /ByteRange leaves out
	// exactly that string.
	ContentsAt, ContentsEnd int64
}

// ReadSignatures lists the signature fields that carry a signature.
func ReadSignatures(data []byte) ([]FoundSignature, error) {
	r, err := newReader(data)
	if err != nil {
		return nil, err
	}
	root, err := r.dict(r.trailer["Root"])
	if err != nil {
		return nil, fmt.Errorf("pdf: catalog: %w", err)
	}
	acro, err := r.dict(root["AcroForm"])
	if err != nil {
		return nil, nil // no form, no signature
	}
	fields, _ := r.resolve(acro["Fields"]).([]any)
	var out []FoundSignature
	for _, fv := range fields {
		field, err := r.dict(fv)
		if err != nil {
			return nil, fmt.Errorf("pdf: form field: %w", err)
		}
		if name, _ := r.resolve(field["FT"]).(pdfName); name != "Sig" {
			continue
		}
		v, err := r.dict(field["V"])
		if err != nil {
			continue // an empty signature field
		}
		s := FoundSignature{Field: r.text(field["T"])}
		sub, _ := r.resolve(v["SubFilter"]).(pdfName)
		s.SubFilter = string(sub)
		s.Name, s.Reason, s.Location = r.text(v["Name"]), r.text(v["Reason"]), r.text(v["Location"])
		if t, ok := parsePDFDate(r.text(v["M"])); ok {
			s.Time = t
		}
		br, _ := r.resolve(v["ByteRange"]).([]any)
		for _, n := range br {
			i, ok := n.(int64)
			if !ok {
				return nil, errors.New("pdf: /ByteRange holds a non-integer")
			}
			s.ByteRange = append(s.ByteRange, i)
		}
		c, ok := v["Contents"].(pdfString)
		if !ok {
			return nil, errors.New("pdf: the signature has no /Contents string")
		}
		s.Contents, s.ContentsAt, s.ContentsEnd = c.b, int64(c.start), int64(c.end)
		out = append(out, s)
	}
	return out, nil
}

// ReadInfo reads the document information dictionary, including the document number.
// Only the fields of Info that are text come back (Created too, when readable).
func ReadInfo(data []byte) (Info, error) {
	r, err := newReader(data)
	if err != nil {
		return Info{}, err
	}
	d, err := r.dict(r.trailer["Info"])
	if err != nil {
		return Info{}, fmt.Errorf("pdf: document information: %w", err)
	}
	info := Info{
		Title: r.text(d["Title"]), Author: r.text(d["Author"]), Subject: r.text(d["Subject"]),
		Keywords: r.text(d["Keywords"]), Creator: r.text(d["Creator"]), Number: r.text(d[NumberKey]),
	}
	if t, ok := parsePDFDate(r.text(d["CreationDate"])); ok {
		info.Created = t
	}
	return info, nil
}

type (
	pdfName   string
	pdfRef    struct{ num, gen int64 }
	pdfString struct {
		b          []byte
		start, end int // where the string sits in the file
	}
)

type reader struct {
	data    []byte
	offsets map[int64]int // object number → offset of "N G obj"
	trailer map[string]any
}

func newReader(data []byte) (*reader, error) {
	r := &reader{data: data, offsets: map[int64]int{}}
	tail := data[max(0, len(data)-1024):]
	i := bytes.LastIndex(tail, []byte("startxref"))
	if i < 0 {
		return nil, errors.New("pdf: no startxref: not a PDF file or truncated")
	}
	p := len(data) - len(tail) + i + len("startxref")
	v, _, err := r.value(p)
	xref, ok := v.(int64)
	if err != nil || !ok {
		return nil, errors.New("pdf: startxref is not followed by an offset")
	}
	for seen := map[int64]bool{}; ; {
		if seen[xref] || xref < 0 || xref >= int64(len(data)) {
			return nil, errors.New("pdf: bad cross-reference offset")
		}
		seen[xref] = true
		trailer, err := r.readXref(int(xref))
		if err != nil {
			return nil, err
		}
		if r.trailer == nil {
			r.trailer = trailer
		}
		prev, ok := trailer["Prev"].(int64)
		if !ok {
			return r, nil
		}
		xref = prev
	}
}

// readXref reads one classic cross-reference section and the trailer after it.
// Entries already known (from a newer section) are kept.
func (r *reader) readXref(p int) (map[string]any, error) {
	p = r.skipSpace(p)
	if !bytes.HasPrefix(r.data[p:], []byte("xref")) {
		return nil, fmt.Errorf("%w: cross-reference streams", ErrUnsupported)
	}
	p += 4
	for {
		p = r.skipSpace(p)
		if bytes.HasPrefix(r.data[p:], []byte("trailer")) {
			v, _, err := r.value(p + len("trailer"))
			if err != nil {
				return nil, fmt.Errorf("pdf: trailer: %w", err)
			}
			d, ok := v.(map[string]any)
			if !ok {
				return nil, errors.New("pdf: trailer is not a dictionary")
			}
			return d, nil
		}
		first, p1, err1 := r.value(p)
		count, p2, err2 := r.value(p1)
		start, ok1 := first.(int64)
		n, ok2 := count.(int64)
		if err1 != nil || err2 != nil || !ok1 || !ok2 || n < 0 || n > int64(len(r.data)) {
			return nil, errors.New("pdf: bad cross-reference subsection")
		}
		p = r.skipSpace(p2)
		for i := range n {
			if p+18 > len(r.data) {
				return nil, errors.New("pdf: cross-reference table is truncated")
			}
			entry := r.data[p : p+18]
			off, err := strconv.Atoi(string(entry[:10]))
			if err != nil {
				return nil, errors.New("pdf: bad cross-reference entry")
			}
			if entry[17] == 'n' {
				if _, known := r.offsets[start+i]; !known {
					r.offsets[start+i] = off
				}
			}
			p = r.skipSpace(p + 18)
		}
	}
}

// resolve follows an indirect reference to the object's value.
func (r *reader) resolve(v any) any {
	ref, ok := v.(pdfRef)
	if !ok {
		return v
	}
	off, ok := r.offsets[ref.num]
	if !ok || off < 0 || off >= len(r.data) {
		return nil
	}
	// "N G obj" then the value.
	num, p, err := r.value(off)
	if err != nil || num != ref.num {
		return nil
	}
	_, p, err = r.value(p)
	if err != nil {
		return nil
	}
	p = r.skipSpace(p)
	if !bytes.HasPrefix(r.data[p:], []byte("obj")) {
		return nil
	}
	obj, _, err := r.value(p + 3)
	if err != nil {
		return nil
	}
	return obj
}

func (r *reader) dict(v any) (map[string]any, error) {
	d, ok := r.resolve(v).(map[string]any)
	if !ok {
		return nil, errors.New("missing or not a dictionary")
	}
	return d, nil
}

// text decodes a text string: UTF-16BE with a byte-order mark, or PDFDocEncoding
// (read as Latin-1, which agrees on every character Qyzmet writes).
func (r *reader) text(v any) string {
	s, ok := r.resolve(v).(pdfString)
	if !ok {
		return ""
	}
	b := s.b
	if len(b) >= 2 && b[0] == 0xFE && b[1] == 0xFF {
		u := make([]uint16, (len(b)-2)/2)
		for i := range u {
			u[i] = uint16(b[2+2*i])<<8 | uint16(b[3+2*i])
		}
		return string(utf16.Decode(u))
	}
	rs := make([]rune, len(b))
	for i, c := range b {
		rs[i] = rune(c)
	}
	return string(rs)
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

func isDelim(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

func (r *reader) skipSpace(p int) int {
	for p < len(r.data) {
		c := r.data[p]
		switch {
		case isSpace(c):
			p++
		case c == '%':
			for p < len(r.data) && r.data[p] != '\n' && r.data[p] != '\r' {
				p++
			}
		default:
			return p
		}
	}
	return p
}

var errSyntax = errors.New("pdf: syntax error")

// value parses one PDF object starting at p (after optional white space) and
// returns it with the offset just past it. Integers followed by "G R" become
// references.
func (r *reader) value(p int) (any, int, error) {
	return r.valueDepth(p, 0)
}

func (r *reader) valueDepth(p, depth int) (any, int, error) {
	if depth > 32 {
		return nil, p, fmt.Errorf("%w: nesting too deep", errSyntax)
	}
	d := r.data
	p = r.skipSpace(p)
	if p >= len(d) {
		return nil, p, fmt.Errorf("%w: unexpected end of file", errSyntax)
	}
	switch c := d[p]; {
	case c == '/':
		q := p + 1
		for q < len(d) && !isSpace(d[q]) && !isDelim(d[q]) {
			q++
		}
		return pdfName(d[p+1 : q]), q, nil
	case c == '(':
		return r.literal(p)
	case c == '<' && p+1 < len(d) && d[p+1] == '<':
		m := map[string]any{}
		q := p + 2
		for {
			q = r.skipSpace(q)
			if q+1 < len(d) && d[q] == '>' && d[q+1] == '>' {
				return m, q + 2, nil
			}
			k, q2, err := r.valueDepth(q, depth+1)
			if err != nil {
				return nil, q2, err
			}
			key, ok := k.(pdfName)
			if !ok {
				return nil, q2, fmt.Errorf("%w: dictionary key is not a name", errSyntax)
			}
			v, q3, err := r.valueDepth(q2, depth+1)
			if err != nil {
				return nil, q3, err
			}
			m[string(key)] = v
			q = q3
		}
	case c == '<':
		end := bytes.IndexByte(d[p:], '>')
		if end < 0 {
			return nil, p, fmt.Errorf("%w: unterminated hex string", errSyntax)
		}
		h := make([]byte, 0, end)
		for _, x := range d[p+1 : p+end] {
			if !isSpace(x) {
				h = append(h, x)
			}
		}
		if len(h)%2 == 1 {
			h = append(h, '0')
		}
		b := make([]byte, len(h)/2)
		for i := range b {
			hi, ok1 := unhex(h[2*i])
			lo, ok2 := unhex(h[2*i+1])
			if !ok1 || !ok2 {
				return nil, p, fmt.Errorf("%w: bad hex string", errSyntax)
			}
			b[i] = hi<<4 | lo
		}
		return pdfString{b: b, start: p, end: p + end + 1}, p + end + 1, nil
	case c == '[':
		var arr []any
		q := p + 1
		for {
			q = r.skipSpace(q)
			if q < len(d) && d[q] == ']' {
				return arr, q + 1, nil
			}
			v, q2, err := r.valueDepth(q, depth+1)
			if err != nil {
				return nil, q2, err
			}
			arr = append(arr, v)
			q = q2
		}
	case c == '+' || c == '-' || c == '.' || (c >= '0' && c <= '9'):
		q := p
		for q < len(d) && (d[q] == '+' || d[q] == '-' || d[q] == '.' || (d[q] >= '0' && d[q] <= '9')) {
			q++
		}
		tok := string(d[p:q])
		n, err := strconv.ParseInt(tok, 10, 64)
		if err != nil {
			f, err := strconv.ParseFloat(tok, 64)
			if err != nil {
				return nil, q, fmt.Errorf("%w: bad number %q", errSyntax, tok)
			}
			return f, q, nil
		}
		// "N G R" is a reference.
		if gen, q2, ok := r.integer(q); ok {
			if q3 := r.skipSpace(q2); q3 < len(d) && d[q3] == 'R' && (q3+1 == len(d) || isSpace(d[q3+1]) || isDelim(d[q3+1])) {
				return pdfRef{n, gen}, q3 + 1, nil
			}
		}
		return n, q, nil
	default:
		q := p
		for q < len(d) && !isSpace(d[q]) && !isDelim(d[q]) {
			q++
		}
		switch string(d[p:q]) {
		case "true":
			return true, q, nil
		case "false":
			return false, q, nil
		case "null":
			return nil, q, nil
		}
		return nil, q, fmt.Errorf("%w: unexpected %q", errSyntax, abbreviate(string(d[p:min(q+1, len(d))])))
	}
}

// integer reads a non-negative integer at p, without consuming anything else.
func (r *reader) integer(p int) (int64, int, bool) {
	p = r.skipSpace(p)
	q := p
	for q < len(r.data) && r.data[q] >= '0' && r.data[q] <= '9' {
		q++
	}
	if q == p {
		return 0, p, false
	}
	n, err := strconv.ParseInt(string(r.data[p:q]), 10, 64)
	return n, q, err == nil
}

func unhex(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

// literal parses a (string) with its escapes and balanced parentheses.
func (r *reader) literal(p int) (any, int, error) {
	d := r.data
	var b []byte
	depth := 0
	for q := p + 1; q < len(d); q++ {
		c := d[q]
		switch c {
		case '(':
			depth++
		case ')':
			if depth == 0 {
				return pdfString{b: b, start: p, end: q + 1}, q + 1, nil
			}
			depth--
		case '\\':
			q++
			if q >= len(d) {
				break
			}
			switch e := d[q]; e {
			case 'n':
				c = '\n'
			case 'r':
				c = '\r'
			case 't':
				c = '\t'
			case 'b':
				c = '\b'
			case 'f':
				c = '\f'
			case '\r', '\n': // a line continuation
				if e == '\r' && q+1 < len(d) && d[q+1] == '\n' {
					q++
				}
				continue
			default:
				if e >= '0' && e <= '7' {
					v := 0
					for k := 0; k < 3 && q < len(d) && d[q] >= '0' && d[q] <= '7'; k++ {
						v = v*8 + int(d[q]-'0')
						q++
					}
					q--
					c = byte(v)
				} else {
					c = e
				}
			}
		}
		b = append(b, c)
	}
	return nil, len(d), fmt.Errorf("%w: unterminated string", errSyntax)
}
