package pdf

import (
	"bytes"
	"compress/flate"
	"compress/zlib"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"hash/adler32"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf16"
)

// objWriter appends PDF objects to one buffer and remembers where each starts, for
// the cross-reference table.
type objWriter struct {
	buf     []byte
	offsets []int // by object number; 0 is the free-list head
}

func (w *objWriter) begin(id int) {
	for len(w.offsets) <= id {
		w.offsets = append(w.offsets, 0)
	}
	w.offsets[id] = len(w.buf)
	w.buf = strconv.AppendInt(w.buf, int64(id), 10)
	w.buf = append(w.buf, " 0 obj\n"...)
}

func (w *objWriter) end() { w.buf = append(w.buf, "\nendobj\n"...) }

func (w *objWriter) str(s string) { w.buf = append(w.buf, s...) }

func (w *objWriter) int(n int) { w.buf = strconv.AppendInt(w.buf, int64(n), 10) }

func (w *objWriter) ref(id int) {
	w.int(id)
	w.str(" 0 R")
}

// object writes a whole dictionary object.
func (w *objWriter) object(id int, dict string) {
	w.begin(id)
	w.str(dict)
	w.end()
}

// stream writes a Flate-compressed stream object; dict holds the entries other than
// /Length and /Filter, without the angle brackets.
func (w *objWriter) stream(id int, dict string, data []byte) {
	w.precompressed(id, dict, compress(data))
}

// precompressed writes a stream whose data is already Flate-compressed.
func (w *objWriter) precompressed(id int, dict string, data []byte) {
	w.begin(id)
	w.str("<<")
	w.str(dict)
	w.str(" /Length ")
	w.int(len(data))
	w.str(" /Filter /FlateDecode >>\nstream\n")
	w.buf = append(w.buf, data...)
	w.str("\nendstream")
	w.end()
}

// zlibWriters and flateWriters are reused: a new compressor allocates several
// hundred kilobytes of tables, more than the rest of a one-page document. What is
// compressed per document uses the fastest level, since compressing is most of
// the cost of drawing one; what is compressed once per process (a font's glyphs)
// uses the best.
var (
	zlibWriters = sync.Pool{New: func() any {
		zw, _ := zlib.NewWriterLevel(nil, zlib.BestSpeed)
		return zw
	}}
	fastFlate = sync.Pool{New: func() any {
		fw, _ := flate.NewWriter(nil, flate.BestSpeed)
		return fw
	}}
	bestFlate = sync.Pool{New: func() any {
		fw, _ := flate.NewWriter(nil, flate.BestCompression)
		return fw
	}}
)

// compress is FlateDecode (zlib) encoding.
func compress(data []byte) []byte {
	var out bytes.Buffer
	out.Grow(len(data)/2 + 64)
	zw := zlibWriters.Get().(*zlib.Writer)
	zw.Reset(&out)
	zw.Write(data) // writes to a bytes.Buffer cannot fail
	zw.Close()
	zlibWriters.Put(zw)
	return out.Bytes()
}

// fragment is a piece of data compressed on its own so that it can be reused in
// many zlib streams: deflate blocks that refer to nothing before them and end on a
// byte boundary (a sync flush). Fonts keep the fragments of their glyphs, so a
// document compresses only what is new in it.
type fragment struct {
	z     []byte // the deflate blocks
	n     int    // length of the uncompressed data
	adler uint32 // Adler-32 of the uncompressed data
}

// newFragment compresses data quickly (for what changes with every document).
func newFragment(data []byte) fragment { return fragmentWith(&fastFlate, data) }

// newLastingFragment compresses data hard (for what is kept and reused).
func newLastingFragment(data []byte) fragment { return fragmentWith(&bestFlate, data) }

func fragmentWith(pool *sync.Pool, data []byte) fragment {
	var out bytes.Buffer
	fw := pool.Get().(*flate.Writer)
	fw.Reset(&out)
	fw.Write(data) // writes to a bytes.Buffer cannot fail
	fw.Flush()
	pool.Put(fw)
	return fragment{z: out.Bytes(), n: len(data), adler: adler32.Checksum(data)}
}

// joinFragments makes one zlib stream (RFC 1950) of fragments, in order.
func joinFragments(frags []fragment) []byte {
	size := 2 + 2 + 4
	for _, f := range frags {
		size += len(f.z)
	}
	out := make([]byte, 0, size)
	out = append(out, 0x78, 0x01) // deflate, 32 KiB window, fastest level
	adler := uint32(1)
	for _, f := range frags {
		out = append(out, f.z...)
		adler = adler32Combine(adler, f.adler, f.n)
	}
	out = append(out, 0x03, 0x00) // an empty final block with fixed codes
	return binary.BigEndian.AppendUint32(out, adler)
}

// adler32Combine is the Adler-32 of two pieces of data from the checksum of each
// and the length of the second (zlib's adler32_combine).
func adler32Combine(a1, a2 uint32, len2 int) uint32 {
	const base = 65521
	rem := uint32(len2 % base)
	sum1 := a1 & 0xFFFF
	sum2 := (rem * sum1) % base
	sum1 += (a2 & 0xFFFF) + base - 1
	sum2 += (a1 >> 16) + (a2 >> 16) + base - rem
	if sum1 >= base {
		sum1 -= base
	}
	if sum1 >= base {
		sum1 -= base
	}
	if sum2 >= base<<1 {
		sum2 -= base << 1
	}
	if sum2 >= base {
		sum2 -= base
	}
	return sum1 | sum2<<16
}

// appendNum formats a coordinate: at most three decimals, no exponent, no trailing zeros.
func appendNum(b []byte, v float64) []byte {
	if v == float64(int64(v)) {
		return strconv.AppendInt(b, int64(v), 10)
	}
	n := len(b)
	b = strconv.AppendFloat(b, v, 'f', 3, 64)
	for b[len(b)-1] == '0' {
		b = b[:len(b)-1]
	}
	if b[len(b)-1] == '.' {
		b = b[:len(b)-1]
	}
	if string(b[n:]) == "-0" {
		b = append(b[:n], '0')
	}
	return b
}

// textString encodes a PDF text string (ISO 32000-1 7.9.2.2): a literal string when
// the text is printable ASCII, else UTF-16BE with a byte-order mark, in hex.
func textString(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] > 0x7E {
			ascii = false
			break
		}
	}
	if ascii {
		b := make([]byte, 0, len(s)+2)
		b = append(b, '(')
		for i := 0; i < len(s); i++ {
			if c := s[i]; c == '(' || c == ')' || c == '\\' {
				b = append(b, '\\')
			}
			b = append(b, s[i])
		}
		return string(append(b, ')'))
	}
	u := utf16.Encode([]rune(s))
	raw := make([]byte, 2, 2+2*len(u))
	raw[0], raw[1] = 0xFE, 0xFF
	for _, c := range u {
		raw = append(raw, byte(c>>8), byte(c))
	}
	return "<" + hex.EncodeToString(raw) + ">"
}

// pdfDate formats a date as ISO 32000-1 7.9.4 wants: (D:YYYYMMDDHHmmSS+HH'mm').
func pdfDate(t time.Time) string {
	s := t.Format("D:20060102150405")
	_, off := t.Zone()
	if off == 0 {
		return "(" + s + "Z)"
	}
	sign := byte('+')
	if off < 0 {
		sign, off = '-', -off
	}
	return fmt.Sprintf("(%s%c%02d'%02d')", s, sign, off/3600, off%3600/60)
}

// parsePDFDate reads a date written by pdfDate, and the usual variants of other
// writers (no time zone, no seconds, a zone without minutes).
func parsePDFDate(s string) (time.Time, bool) {
	s, ok := strings.CutPrefix(s, "D:")
	if !ok {
		return time.Time{}, false
	}
	// Rewrite the zone +HH'mm' as +HH:MM, which Go parses.
	zone := ""
	if i := strings.IndexAny(s, "+-Z"); i >= 0 {
		s, zone = s[:i], s[i:]
		zone = strings.TrimSuffix(strings.ReplaceAll(zone, "'", ":"), ":")
		switch {
		case zone == "Z":
		case len(zone) == 3:
			zone += ":00"
		case len(zone) != 6:
			return time.Time{}, false
		}
	}
	for _, layout := range []string{"20060102150405", "200601021504", "20060102"} {
		if len(s) != len(layout) {
			continue
		}
		if zone == "" {
			t, err := time.Parse(layout, s)
			return t, err == nil
		}
		t, err := time.Parse(layout+"Z07:00", s+zone)
		return t, err == nil
	}
	return time.Time{}, false
}
