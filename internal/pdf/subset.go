package pdf

import (
	"encoding/binary"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"
)

// fontObjects is how many objects one embedded font takes: the Type0 font, its
// CIDFontType2 descendant, the font descriptor, the subset font file and the
// ToUnicode map.
const fontObjects = 5

// write embeds the font as a Type0 font with Identity-H encoding: the content
// streams carry two-byte glyph indices, the CIDToGIDMap is the identity, and the
// ToUnicode map turns glyphs back into text for copying, search and pdftotext.
func (u *fontUse) write(w *objWriter) {
	f := u.font
	name := u.subsetTag() + "+" + f.name
	type0, cid, desc, file, toUni := u.id, u.id+1, u.id+2, u.id+3, u.id+4

	w.begin(type0)
	w.str("<< /Type /Font /Subtype /Type0 /BaseFont /" + name + " /Encoding /Identity-H /DescendantFonts [")
	w.ref(cid)
	w.str("] /ToUnicode ")
	w.ref(toUni)
	w.str(" >>")
	w.end()

	w.begin(cid)
	w.str("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /" + name +
		" /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor ")
	w.ref(desc)
	w.str(" /CIDToGIDMap /Identity /DW 1000 /W [")
	u.appendWidths(w)
	w.str("] >>")
	w.end()

	flags := 32 // nonsymbolic
	if f.fixedPitch {
		flags |= 1
	}
	if f.italicAngle != 0 {
		flags |= 64
	}
	stemV := 80
	if f.weight >= 600 {
		stemV = 140
	}
	w.begin(desc)
	w.buf = fmt.Appendf(w.buf, "<< /Type /FontDescriptor /FontName /%s /Flags %d /FontBBox [%d %d %d %d] "+
		"/ItalicAngle %s /Ascent %d /Descent %d /CapHeight %d /StemV %d /FontFile2 %d 0 R >>",
		name, flags, f.bbox[0], f.bbox[1], f.bbox[2], f.bbox[3],
		strconv.FormatFloat(f.italicAngle, 'f', -1, 64), f.ascent, f.descent, f.capHeight, stemV, file)
	w.end()

	sub, n := u.subset()
	w.precompressed(file, " /Length1 "+strconv.Itoa(n), sub)
	w.stream(toUni, "", u.toUnicode())
}

// appendWidths writes the /W array: runs of consecutive glyphs with their widths.
func (u *fontUse) appendWidths(w *objWriter) {
	for g := 0; g < len(u.runes); {
		if u.runes[g] == 0 {
			g++
			continue
		}
		w.int(g)
		w.str(" [")
		for first := true; g < len(u.runes) && u.runes[g] != 0; g++ {
			if !first {
				w.str(" ")
			}
			first = false
			w.int(u.font.widths[g])
		}
		w.str("] ")
	}
}

// toUnicode builds the ToUnicode CMap from glyph index to the character drawn.
func (u *fontUse) toUnicode() []byte {
	b := make([]byte, 0, 1024)
	b = append(b, "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"+
		"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"+
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"+
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"...)
	var glyphs []int
	for g, r := range u.runes {
		if r != 0 {
			glyphs = append(glyphs, g)
		}
	}
	for len(glyphs) > 0 {
		n := min(len(glyphs), 100) // a bfchar block holds at most 100 entries
		b = strconv.AppendInt(b, int64(n), 10)
		b = append(b, " beginbfchar\n"...)
		for _, g := range glyphs[:n] {
			b = fmt.Appendf(b, "<%04X> <", g)
			for _, c := range utf16.Encode([]rune{u.runes[g]}) {
				b = fmt.Appendf(b, "%04X", c)
			}
			b = append(b, ">\n"...)
		}
		b = append(b, "endbfchar\n"...)
		glyphs = glyphs[n:]
	}
	return append(b, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"...)
}

// staticTables are the TrueType tables a PDF viewer needs to draw a CIDFontType2
// font addressed by glyph index, besides head, loca and glyf, which change with
// the subset. cmap and name are left out (ISO 32000-1 9.9), and so is the hinting
// (fpgm, prep, cvt: see unhinted); post keeps only its header (version 3, no
// glyph names).
var staticTables = []string{"OS/2", "hhea", "hmtx", "maxp", "post"}

// tableRecord is one table of a subset file: where it sits and its checksum.
type tableRecord struct {
	tag         string
	off, length int
	sum         uint32
}

// staticBlock is the tables that every subset of a font shares, laid out and
// compressed once per process.
type staticBlock struct {
	frag   fragment
	tables []tableRecord // offsets relative to the start of the block
}

func (f *Font) buildStatic() *staticBlock {
	var raw []byte
	b := &staticBlock{}
	for _, tag := range staticTables {
		t := f.tables[tag]
		if t == nil {
			continue
		}
		if tag == "post" {
			if len(t) < 32 {
				continue
			}
			t = slices.Clone(t[:32])
			binary.BigEndian.PutUint32(t, 0x00030000)
		}
		b.tables = append(b.tables, tableRecord{tag: tag, off: len(raw), length: len(t), sum: checksum(t)})
		raw = append(raw, t...)
		raw = pad4(raw)
	}
	b.frag = newLastingFragment(raw)
	return b
}

func pad4(b []byte) []byte {
	for len(b)%4 != 0 {
		b = append(b, 0)
	}
	return b
}

// glyphFragment is one glyph's outline, padded to four bytes, compressed on its own.
type glyphFragment struct {
	fragment
	sum uint32 // TrueType checksum of the padded outline
}

// glyphFrag returns the compressed outline of glyph g, compressing it on first use.
// Concurrent documents may both compress it; either result is kept.
func (f *Font) glyphFrag(g uint16) *glyphFragment {
	if gf := f.frags[g].Load(); gf != nil {
		return gf
	}
	data, ok := unhinted(f.glyphData(g))
	if !ok {
		// Malformed outline: embed it as it is rather than fail the document; a
		// viewer that cannot draw it shows a blank, as it would with the original.
		data = slices.Clone(f.glyphData(g))
	}
	data = pad4(data)
	gf := &glyphFragment{fragment: newLastingFragment(data), sum: checksum(data)}
	f.frags[g].Store(gf)
	return gf
}

// subset builds the document's font file and returns it compressed, with its
// uncompressed length. The file keeps the glyph indices of the original but only
// the outlines of the glyphs this document draws (and the components of composite
// glyphs among them); every other glyph is empty. Only the table directory, head
// and loca are compressed here: the shared tables and each outline were compressed
// once per process.
func (u *fontUse) subset() ([]byte, int) {
	f := u.font
	keep := make([]bool, f.numGlyphs)
	var visit func(g uint16)
	visit = func(g uint16) {
		if int(g) >= len(keep) || keep[g] {
			return
		}
		keep[g] = true
		for _, c := range f.components(g) {
			visit(c)
		}
	}
	visit(0) // .notdef must stay
	for g, r := range u.runes {
		if r != 0 {
			visit(uint16(g))
		}
	}

	offsets := make([]int, f.numGlyphs+1)
	var glyphs []*glyphFragment
	var glyfSum uint32
	glyfLen := 0
	for g := range f.numGlyphs {
		offsets[g] = glyfLen
		if keep[g] {
			gf := f.glyphFrag(uint16(g))
			glyphs = append(glyphs, gf)
			glyfLen += gf.n
			glyfSum += gf.sum
		}
	}
	offsets[f.numGlyphs] = glyfLen
	short := glyfLen < 0x20000 // offsets/2 fit 16 bits
	var loca []byte
	for _, off := range offsets {
		if short {
			loca = binary.BigEndian.AppendUint16(loca, uint16(off/2))
		} else {
			loca = binary.BigEndian.AppendUint32(loca, uint32(off))
		}
	}
	head := slices.Clone(f.tables["head"][:54])
	binary.BigEndian.PutUint32(head[8:], 0) // checkSumAdjustment, set below
	binary.BigEndian.PutUint16(head[50:], 0)
	if !short {
		binary.BigEndian.PutUint16(head[50:], 1)
	}

	// File layout: directory, shared tables, head, loca, glyf.
	static := f.static()
	n := len(static.tables) + 3
	dirLen := 12 + 16*n
	at := dirLen + static.frag.n
	records := make([]tableRecord, 0, n)
	for _, t := range static.tables {
		t.off += dirLen
		records = append(records, t)
	}
	records = append(records, tableRecord{tag: "head", off: at, length: len(head), sum: checksum(head)})
	at += 56
	records = append(records, tableRecord{tag: "loca", off: at, length: len(loca), sum: checksum(loca)})
	at += (len(loca) + 3) &^ 3
	records = append(records, tableRecord{tag: "glyf", off: at, length: glyfLen, sum: glyfSum})
	total := at + glyfLen
	slices.SortFunc(records, func(a, b tableRecord) int { return strings.Compare(a.tag, b.tag) })

	dir := make([]byte, dirLen)
	binary.BigEndian.PutUint32(dir, 0x00010000)
	binary.BigEndian.PutUint16(dir[4:], uint16(n))
	entrySelector := 0
	for 1<<(entrySelector+1) <= n {
		entrySelector++
	}
	binary.BigEndian.PutUint16(dir[6:], uint16(16<<entrySelector))
	binary.BigEndian.PutUint16(dir[8:], uint16(entrySelector))
	binary.BigEndian.PutUint16(dir[10:], uint16(16*n-16<<entrySelector))
	fileSum := uint32(0)
	for i, t := range records {
		rec := dir[12+16*i:]
		copy(rec, t.tag)
		binary.BigEndian.PutUint32(rec[4:], t.sum)
		binary.BigEndian.PutUint32(rec[8:], uint32(t.off))
		binary.BigEndian.PutUint32(rec[12:], uint32(t.length))
		fileSum += t.sum
	}
	fileSum += checksum(dir)
	// The whole-file checksum is the sum of the directory's and the tables'
	// (every table starts on a four-byte boundary and is padded with zeros).
	binary.BigEndian.PutUint32(head[8:], 0xB1B0AFBA-fileSum)

	frags := make([]fragment, 0, 3+len(glyphs))
	frags = append(frags, newFragment(dir), static.frag, newFragment(append(pad4(head), pad4(loca)...)))
	for _, g := range glyphs {
		frags = append(frags, g.fragment)
	}
	return joinFragments(frags), total
}

// checksum is the TrueType table checksum: the sum of big-endian 32-bit words.
func checksum(b []byte) uint32 {
	var sum uint32
	for len(b) >= 4 {
		sum += binary.BigEndian.Uint32(b)
		b = b[4:]
	}
	if len(b) > 0 {
		var last [4]byte
		copy(last[:], b)
		sum += binary.BigEndian.Uint32(last[:])
	}
	return sum
}
