package pdf

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"hash/adler32"
	"io"
	"testing"
	"time"
)

func TestJoinedFragmentsAreOneZlibStream(t *testing.T) {
	pieces := [][]byte{
		[]byte("first piece, compressed quickly "),
		bytes.Repeat([]byte("ӘәҒғ"), 5000), // longer than the 64 KiB sum window of Adler-32
		{},
		[]byte("last"),
	}
	frags := []fragment{newFragment(pieces[0]), newLastingFragment(pieces[1]), newFragment(pieces[2]), newFragment(pieces[3])}
	zr, err := zlib.NewReader(bytes.NewReader(joinFragments(frags)))
	if err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(zr) // checks the Adler-32 at the end
	if err != nil {
		t.Fatal(err)
	}
	if want := bytes.Join(pieces, nil); !bytes.Equal(got, want) {
		t.Fatalf("joined stream inflates to %d bytes, want %d", len(got), len(want))
	}
}

func TestAdler32Combine(t *testing.T) {
	a := bytes.Repeat([]byte{0xFF}, 70000)
	b := bytes.Repeat([]byte("ҚАЗАҚСТАН"), 9000)
	got := adler32Combine(adler32.Checksum(a), adler32.Checksum(b), len(b))
	if want := adler32.Checksum(append(a, b...)); got != want {
		t.Fatalf("adler32Combine = %#x, want %#x", got, want)
	}
}

func TestSubsetKeepsOnlyTheGlyphsDrawn(t *testing.T) {
	d := New(Info{})
	d.AddPage().Text(10, 10, Style{}, "Әз")
	u := d.fonts[0]
	z, n := u.subset()
	zr, err := zlib.NewReader(bytes.NewReader(z))
	if err != nil {
		t.Fatal(err)
	}
	ttf, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	if len(ttf) != n {
		t.Fatalf("subset is %d bytes, /Length1 says %d", len(ttf), n)
	}
	if sum := checksum(ttf); sum != 0xB1B0AFBA {
		t.Errorf("whole-file checksum %#x, want 0xB1B0AFBA", sum)
	}
	tables := map[string][]byte{}
	for i := range int(binary.BigEndian.Uint16(ttf[4:])) {
		rec := ttf[12+16*i:]
		off, length := binary.BigEndian.Uint32(rec[8:]), binary.BigEndian.Uint32(rec[12:])
		tables[string(rec[:4])] = ttf[off : off+length]
		if got, want := checksum(ttf[off:off+length]), binary.BigEndian.Uint32(rec[4:]); string(rec[:4]) != "head" && got != want {
			t.Errorf("table %q checksum %#x, directory says %#x", rec[:4], got, want)
		}
	}
	for _, tag := range []string{"fpgm", "prep", "cvt ", "cmap", "name"} {
		if tables[tag] != nil {
			t.Errorf("subset keeps table %q", tag)
		}
	}
	f := u.font
	short := binary.BigEndian.Uint16(tables["head"][50:]) == 0
	length := func(g uint16) int {
		loca := tables["loca"]
		if short {
			return 2 * int(binary.BigEndian.Uint16(loca[2*g+2:])-binary.BigEndian.Uint16(loca[2*g:]))
		}
		return int(binary.BigEndian.Uint32(loca[4*g+4:]) - binary.BigEndian.Uint32(loca[4*g:]))
	}
	drawn := map[uint16]bool{0: true}
	for _, r := range "Әз" {
		g, _ := f.glyph(r)
		drawn[g] = true
		for _, c := range f.components(g) {
			drawn[c] = true
		}
	}
	for g := range uint16(f.numGlyphs) {
		if got := length(g) > 0; got != (drawn[g] && len(f.glyphData(g)) > 0) {
			t.Errorf("glyph %d: kept = %v, drawn = %v", g, got, drawn[g])
		}
	}
}

func TestTextStringEncodesNonASCIIAsUTF16(t *testing.T) {
	tests := []struct{ in, want string }{
		{"KZ-CR-1", "(KZ-CR-1)"},
		{`a(b)\c`, `(a\(b\)\\c)`},
		{"Қ", "<feff049a>"},
		{"", "()"},
	}
	for _, tt := range tests {
		if got := textString(tt.in); got != tt.want {
			t.Errorf("textString(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestPDFDateRoundTrip(t *testing.T) {
	for _, tm := range []time.Time{
		time.Date(2026, 3, 20, 10, 4, 5, 0, time.FixedZone("", 5*3600)),
		time.Date(2026, 12, 31, 23, 59, 59, 0, time.UTC),
		time.Date(2026, 1, 2, 3, 4, 5, 0, time.FixedZone("", -(3*3600+30*60))),
	} {
		s := pdfDate(tm)
		got, ok := parsePDFDate(s[1 : len(s)-1])
		if !ok || !got.Equal(tm) {
			t.Errorf("%v → %s → %v (%v)", tm, s, got, ok)
		}
	}
	if _, ok := parsePDFDate("yesterday"); ok {
		t.Error("parsePDFDate accepted \"yesterday\"")
	}
}

func TestAppendNum(t *testing.T) {
	tests := []struct {
		in   float64
		want string
	}{{0, "0"}, {12, "12"}, {1.5, "1.5"}, {0.1234, "0.123"}, {-0.0001, "0"}, {595.2756, "595.276"}, {-3.25, "-3.25"}}
	for _, tt := range tests {
		if got := string(appendNum(nil, tt.in)); got != tt.want {
			t.Errorf("appendNum(%v) = %s, want %s", tt.in, got, tt.want)
		}
	}
}
