package pdf

import (
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
	"unicode/utf16"
)

// Font is one parsed TrueType face. Parsing walks the whole file, so do it once per
// process and share the *Font between documents and goroutines: its metrics never
// change after ParseFont returns, the per-document glyph subset lives in the
// Document, and the compressed pieces it caches for subsetting are safe for
// concurrent use.
type Font struct {
	name   string // PostScript name, "PTSerif-Regular"
	data   []byte // the whole file; tables are sub-slices of it
	tables map[string][]byte

	unitsPerEm  int
	longLoca    bool
	numGlyphs   int
	bbox        [4]int // xMin yMin xMax yMax; metrics are per mille of the em
	ascent      int    // hhea (positive)
	descent     int    // hhea (negative)
	capHeight   int
	italicAngle float64
	weight      int
	fixedPitch  bool
	widths      []int         // advance per glyph, per mille of the em (the unit of PDF /W)
	cmapLow     [0x500]uint16 // runes below U+0500 (Latin, Cyrillic, Kazakh): dense for speed
	cmapHigh    map[rune]uint16
	loca        []uint32 // glyph offsets into glyf, numGlyphs+1 entries

	static func() *staticBlock             // the tables every subset shares, compressed on first use
	frags  []atomic.Pointer[glyphFragment] // each glyph's outline, compressed on first use
}

// ParseFont reads a TrueType (glyf-outline) font file. The slice is kept, not
// copied: do not modify it afterwards. Fonts whose licence forbids embedding
// (OS/2 fsType "restricted") are refused.
func ParseFont(ttf []byte) (*Font, error) {
	f := &Font{data: ttf, tables: map[string][]byte{}, cmapHigh: map[rune]uint16{}}
	if err := f.readDirectory(); err != nil {
		return nil, err
	}
	for _, tag := range []string{"head", "hhea", "maxp", "hmtx", "cmap", "loca", "glyf"} {
		if f.tables[tag] == nil {
			return nil, fmt.Errorf("pdf: font has no %q table (only TrueType outlines are supported)", tag)
		}
	}
	steps := []func() error{f.readHead, f.readMaxp, f.readHhea, f.readOS2, f.readPost, f.readName, f.readLoca, f.readCmap}
	for _, step := range steps {
		if err := step(); err != nil {
			return nil, fmt.Errorf("pdf: font %s: %w", f.name, err)
		}
	}
	if f.name == "" {
		return nil, errors.New("pdf: font has no PostScript name")
	}
	f.static = sync.OnceValue(f.buildStatic)
	f.frags = make([]atomic.Pointer[glyphFragment], f.numGlyphs)
	return f, nil
}

// Name is the font's PostScript name, such as "PTSerif-Bold".
func (f *Font) Name() string { return f.name }

// Has reports whether the font has a glyph for r.
func (f *Font) Has(r rune) bool {
	_, ok := f.glyph(r)
	return ok
}

// glyph maps a character to its glyph index.
func (f *Font) glyph(r rune) (uint16, bool) {
	if r >= 0 && r < rune(len(f.cmapLow)) {
		g := f.cmapLow[r]
		return g, g != 0
	}
	g, ok := f.cmapHigh[r]
	return g, ok
}

// advance is the advance width of a glyph in thousandths of the font size.
func (f *Font) advance(g uint16) int {
	if int(g) < len(f.widths) {
		return f.widths[g]
	}
	return 0
}

var errShortTable = errors.New("table is truncated")

func (f *Font) readDirectory() error {
	d := f.data
	if len(d) < 12 {
		return errors.New("pdf: font file is too short")
	}
	switch v := binary.BigEndian.Uint32(d); v {
	case 0x00010000, 0x74727565: // 1.0 and 'true'
	case 0x4F54544F: // 'OTTO'
		return errors.New("pdf: OpenType fonts with CFF outlines are not supported; use a TrueType (glyf) font")
	default:
		return fmt.Errorf("pdf: not a TrueType font (version %#x)", v)
	}
	n := int(binary.BigEndian.Uint16(d[4:]))
	if len(d) < 12+16*n {
		return errors.New("pdf: font table directory is truncated")
	}
	for i := range n {
		rec := d[12+16*i:]
		tag := string(rec[:4])
		off := int(binary.BigEndian.Uint32(rec[8:]))
		length := int(binary.BigEndian.Uint32(rec[12:]))
		if off < 0 || length < 0 || off+length > len(d) || off+length < off {
			return fmt.Errorf("pdf: font table %q lies outside the file", tag)
		}
		f.tables[tag] = d[off : off+length : off+length]
	}
	return nil
}

func (f *Font) readHead() error {
	t := f.tables["head"]
	if len(t) < 54 {
		return fmt.Errorf("head: %w", errShortTable)
	}
	f.unitsPerEm = int(binary.BigEndian.Uint16(t[18:]))
	if f.unitsPerEm < 16 || f.unitsPerEm > 16384 {
		return fmt.Errorf("head: unitsPerEm %d is out of range", f.unitsPerEm)
	}
	for i := range 4 {
		f.bbox[i] = f.units(int16(binary.BigEndian.Uint16(t[36+2*i:])))
	}
	f.longLoca = binary.BigEndian.Uint16(t[50:]) == 1
	return nil
}

// units converts font units to thousandths of the em, the unit of PDF font metrics.
func (f *Font) units(v int16) int {
	n := int(v) * 1000
	if n >= 0 {
		return (n + f.unitsPerEm/2) / f.unitsPerEm
	}
	return -((-n + f.unitsPerEm/2) / f.unitsPerEm)
}

func (f *Font) readMaxp() error {
	t := f.tables["maxp"]
	if len(t) < 6 {
		return fmt.Errorf("maxp: %w", errShortTable)
	}
	f.numGlyphs = int(binary.BigEndian.Uint16(t[4:]))
	return nil
}

func (f *Font) readHhea() error {
	t := f.tables["hhea"]
	if len(t) < 36 {
		return fmt.Errorf("hhea: %w", errShortTable)
	}
	f.ascent = f.units(int16(binary.BigEndian.Uint16(t[4:])))
	f.descent = f.units(int16(binary.BigEndian.Uint16(t[6:])))
	nh := int(binary.BigEndian.Uint16(t[34:]))
	h := f.tables["hmtx"]
	if nh == 0 || nh > f.numGlyphs || len(h) < 4*nh {
		return fmt.Errorf("hmtx: %w", errShortTable)
	}
	f.widths = make([]int, f.numGlyphs)
	for g := range f.numGlyphs {
		i := min(g, nh-1)
		f.widths[g] = f.units(int16(binary.BigEndian.Uint16(h[4*i:])))
	}
	return nil
}

func (f *Font) readOS2() error {
	t := f.tables["OS/2"]
	f.capHeight = f.ascent * 7 / 10
	f.weight = 400
	if len(t) < 10 {
		return nil
	}
	f.weight = int(binary.BigEndian.Uint16(t[4:]))
	// fsType bits 0–3: 2 = restricted licence, no embedding.
	if binary.BigEndian.Uint16(t[8:])&0x000F == 0x0002 {
		return errors.New("its licence forbids embedding (OS/2 fsType restricted)")
	}
	if len(t) >= 90 && binary.BigEndian.Uint16(t) >= 2 {
		f.capHeight = f.units(int16(binary.BigEndian.Uint16(t[88:])))
	}
	return nil
}

func (f *Font) readPost() error {
	t := f.tables["post"]
	if len(t) < 16 {
		return nil
	}
	f.italicAngle = float64(int32(binary.BigEndian.Uint32(t[4:]))) / 65536
	f.fixedPitch = binary.BigEndian.Uint32(t[12:]) != 0
	return nil
}

// readName finds the PostScript name (name ID 6), preferring the Windows Unicode record.
func (f *Font) readName() error {
	t := f.tables["name"]
	if len(t) < 6 {
		return nil
	}
	count := int(binary.BigEndian.Uint16(t[2:]))
	storage := int(binary.BigEndian.Uint16(t[4:]))
	if len(t) < 6+12*count {
		return fmt.Errorf("name: %w", errShortTable)
	}
	for i := range count {
		rec := t[6+12*i:]
		platform := binary.BigEndian.Uint16(rec)
		nameID := binary.BigEndian.Uint16(rec[6:])
		length := int(binary.BigEndian.Uint16(rec[8:]))
		off := storage + int(binary.BigEndian.Uint16(rec[10:]))
		if nameID != 6 || off+length > len(t) {
			continue
		}
		raw := t[off : off+length]
		switch platform {
		case 3, 0: // UTF-16BE
			u := make([]uint16, len(raw)/2)
			for j := range u {
				u[j] = binary.BigEndian.Uint16(raw[2*j:])
			}
			f.name = string(utf16.Decode(u))
			return nil
		case 1: // Mac Roman; PostScript names are ASCII
			f.name = string(raw)
		}
	}
	return nil
}

func (f *Font) readLoca() error {
	t := f.tables["loca"]
	n := f.numGlyphs + 1
	f.loca = make([]uint32, n)
	glyf := uint32(len(f.tables["glyf"]))
	if f.longLoca {
		if len(t) < 4*n {
			return fmt.Errorf("loca: %w", errShortTable)
		}
		for i := range n {
			f.loca[i] = binary.BigEndian.Uint32(t[4*i:])
		}
	} else {
		if len(t) < 2*n {
			return fmt.Errorf("loca: %w", errShortTable)
		}
		for i := range n {
			f.loca[i] = 2 * uint32(binary.BigEndian.Uint16(t[2*i:]))
		}
	}
	for i := 1; i < n; i++ {
		if f.loca[i] < f.loca[i-1] || f.loca[i] > glyf {
			return fmt.Errorf("loca: glyph %d lies outside the glyf table", i-1)
		}
	}
	return nil
}

// glyphData is the glyf record of one glyph (empty for a blank glyph such as space).
func (f *Font) glyphData(g uint16) []byte {
	if int(g) >= f.numGlyphs {
		return nil
	}
	return f.tables["glyf"][f.loca[g]:f.loca[g+1]]
}

// Flags of a composite glyph's components (OpenType glyf table).
const (
	argsAreWords     = 0x0001
	haveScale        = 0x0008
	moreComponents   = 0x0020
	haveXYScale      = 0x0040
	haveTwoByTwo     = 0x0080
	haveInstructions = 0x0100
)

// components lists the glyphs a composite glyph is built from.
func (f *Font) components(g uint16) []uint16 {
	var out []uint16
	walkComponents(f.glyphData(g), func(_ int, gid uint16) { out = append(out, gid) })
	return out
}

// walkComponents calls fn with the offset of each component record of a composite
// glyph and the glyph it uses, and returns the offset just past the last record,
// or -1 when d is not a composite glyph or is truncated.
func walkComponents(d []byte, fn func(at int, gid uint16)) int {
	if len(d) < 10 || int16(binary.BigEndian.Uint16(d)) >= 0 {
		return -1
	}
	p := 10
	for p+4 <= len(d) {
		flags := binary.BigEndian.Uint16(d[p:])
		fn(p, binary.BigEndian.Uint16(d[p+2:]))
		next := p + 4
		if flags&argsAreWords != 0 {
			next += 4
		} else {
			next += 2
		}
		switch {
		case flags&haveScale != 0:
			next += 2
		case flags&haveXYScale != 0:
			next += 4
		case flags&haveTwoByTwo != 0:
			next += 8
		}
		if next > len(d) {
			return -1
		}
		p = next
		if flags&moreComponents == 0 {
			return p
		}
	}
	return -1
}

// unhinted is glyph data without its TrueType instructions. PDF viewers render
// outlines without the hinting bytecode (and the fpgm, prep and cvt tables it
// needs), and leaving it out makes the embedded fonts a third smaller. ok is false
// when the data cannot be parsed.
func unhinted(d []byte) (out []byte, ok bool) {
	if len(d) == 0 {
		return d, true
	}
	if len(d) < 10 {
		return nil, false
	}
	contours := int16(binary.BigEndian.Uint16(d))
	if contours >= 0 {
		p := 10 + 2*int(contours)
		if p+2 > len(d) {
			return nil, false
		}
		n := int(binary.BigEndian.Uint16(d[p:]))
		if p+2+n > len(d) {
			return nil, false
		}
		out = make([]byte, 0, len(d)-n)
		out = append(out, d[:p]...)
		out = append(out, 0, 0)
		return append(out, d[p+2+n:]...), true
	}
	out = slices.Clone(d)
	instructions := false
	end := walkComponents(out, func(at int, _ uint16) {
		flags := binary.BigEndian.Uint16(out[at:])
		instructions = instructions || flags&haveInstructions != 0
		binary.BigEndian.PutUint16(out[at:], flags&^haveInstructions)
	})
	if end < 0 {
		return nil, false
	}
	if !instructions {
		return out, true
	}
	return out[:end], true // the instructions followed the last component
}

// readCmap loads the Unicode character map: format 12 (full Unicode) when the font
// has it, else format 4 (the Basic Multilingual Plane).
func (f *Font) readCmap() error {
	t := f.tables["cmap"]
	if len(t) < 4 {
		return fmt.Errorf("cmap: %w", errShortTable)
	}
	n := int(binary.BigEndian.Uint16(t[2:]))
	if len(t) < 4+8*n {
		return fmt.Errorf("cmap: %w", errShortTable)
	}
	var best []byte
	bestFormat := 0
	for i := range n {
		rec := t[4+8*i:]
		platform, encoding := binary.BigEndian.Uint16(rec), binary.BigEndian.Uint16(rec[2:])
		off := int(binary.BigEndian.Uint32(rec[4:]))
		if off+2 > len(t) {
			continue
		}
		unicode := platform == 0 || (platform == 3 && (encoding == 1 || encoding == 10))
		format := int(binary.BigEndian.Uint16(t[off:]))
		if !unicode || (format != 4 && format != 12) {
			continue
		}
		if format > bestFormat {
			best, bestFormat = t[off:], format
		}
	}
	switch bestFormat {
	case 4:
		return f.readCmap4(best)
	case 12:
		return f.readCmap12(best)
	}
	return errors.New("cmap: no Unicode subtable of format 4 or 12")
}

func (f *Font) setGlyph(r rune, g uint16) {
	if g == 0 || int(g) >= f.numGlyphs {
		return
	}
	if r >= 0 && r < rune(len(f.cmapLow)) {
		f.cmapLow[r] = g
		return
	}
	f.cmapHigh[r] = g
}

func (f *Font) readCmap4(t []byte) error {
	if len(t) < 14 {
		return fmt.Errorf("cmap format 4: %w", errShortTable)
	}
	segX2 := int(binary.BigEndian.Uint16(t[6:]))
	if len(t) < 16+4*segX2 {
		return fmt.Errorf("cmap format 4: %w", errShortTable)
	}
	ends := t[14:]
	starts := t[16+segX2:]
	deltas := t[16+2*segX2:]
	rangeOffs := t[16+3*segX2:]
	for s := 0; s < segX2; s += 2 {
		end := rune(binary.BigEndian.Uint16(ends[s:]))
		start := rune(binary.BigEndian.Uint16(starts[s:]))
		delta := binary.BigEndian.Uint16(deltas[s:])
		ro := int(binary.BigEndian.Uint16(rangeOffs[s:]))
		for r := start; r <= end && r != 0xFFFF; r++ {
			if ro == 0 {
				f.setGlyph(r, uint16(r)+delta)
				continue
			}
			p := 16 + 3*segX2 + s + ro + 2*int(r-start)
			if p+2 > len(t) {
				return fmt.Errorf("cmap format 4: %w", errShortTable)
			}
			if g := binary.BigEndian.Uint16(t[p:]); g != 0 {
				f.setGlyph(r, g+delta)
			}
		}
	}
	return nil
}

func (f *Font) readCmap12(t []byte) error {
	if len(t) < 16 {
		return fmt.Errorf("cmap format 12: %w", errShortTable)
	}
	n := int(binary.BigEndian.Uint32(t[12:]))
	if n < 0 || len(t) < 16+12*n {
		return fmt.Errorf("cmap format 12: %w", errShortTable)
	}
	for i := range n {
		g := t[16+12*i:]
		start := rune(binary.BigEndian.Uint32(g))
		end := rune(binary.BigEndian.Uint32(g[4:]))
		gid := binary.BigEndian.Uint32(g[8:])
		if end < start || end-start > 0x10FFFF {
			return errors.New("cmap format 12: bad group")
		}
		for r := start; r <= end; r++ {
			f.setGlyph(r, uint16(gid+uint32(r-start)))
		}
	}
	return nil
}
