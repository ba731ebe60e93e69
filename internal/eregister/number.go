package eregister

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"regexp"
	"strings"
	"unicode"

	"qyzmet/internal/apperr"
)

// A document number reads KIND-YYYY-NNNN-NNNN-C, for example CR-2026-4831-0275-3:
//
//   - KIND: two or three Latin capitals naming the kind of document — the digest
//     section of its form (CR certificate, AP or AC apostille, AR archival
//     certificate);
//   - YYYY: the year of issue in Almaty;
//   - NNNN-NNNN: eight digits drawn at random, unique among all numbers (a draw
//     that hits an existing number is drawn again). Not a running sequence: a
//     sequence would tell how many documents were issued and make the neighbours
//     of a known number the obvious guesses;
//   - C: a check digit (Damm's algorithm over the number's characters, letters
//     spelt as two digits A=10 … Z=35) that catches every mistyped digit and
//     every swap of two neighbouring digits before the register is even asked.
//
// The QR code carries the number and a separate random verification code (ten
// characters of Crockford's base32, 50 bits), which the register keeps only as a
// SHA-256 hash. docs/eregister.md explains the scheme.
var numberPattern = regexp.MustCompile(`^([A-Z]{2,3})([0-9]{4})([0-9]{8})([0-9])$`)

var kindPattern = regexp.MustCompile(`^[A-Z]{2,3}$`)

const serialDigits = 8

// lookalikes maps the Cyrillic capitals that look like Latin ones to those, for
// a number copied by eye on a Kazakh or Russian keyboard.
var lookalikes = strings.NewReplacer("А", "A", "В", "B", "С", "C", "Е", "E", "Н", "H", "К", "K", "М", "M",
	"О", "O", "Р", "P", "Т", "T", "Х", "X")

// ParseNumber reads a document number as a person may type it — any case, with
// or without hyphens and spaces, Cyrillic look-alike letters — and returns it in
// its canonical form. A malformed number or a wrong check digit is an
// apperr.Invalid: that is arithmetic on the input, and says nothing about which
// documents exist.
func ParseNumber(s string) (string, error) {
	s = lookalikes.Replace(strings.ToUpper(strings.TrimSpace(s)))
	s = strings.Map(func(r rune) rune {
		if r == '-' || unicode.Is(unicode.Pd, r) || unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
	m := numberPattern.FindStringSubmatch(s)
	if m == nil {
		return "", apperr.E(apperr.Invalid, "a document number looks like CR-2026-4831-0275-3").WithKey(KeyNumberFormat)
	}
	if checkDigit(m[1]+m[2]+m[3]) != m[4][0] {
		return "", apperr.E(apperr.Invalid, "the number's check digit does not match: it was mistyped").WithKey(KeyNumberCheck)
	}
	return formatNumber(m[1], m[2], m[3]), nil
}

// formatNumber joins the parts with hyphens and appends the check digit.
func formatNumber(kind, year, serial string) string {
	return fmt.Sprintf("%s-%s-%s-%s-%c", kind, year, serial[:4], serial[4:], checkDigit(kind+year+serial))
}

// newNumber draws a number of the kind for the year; the caller checks that it is free.
func newNumber(kind string, year int) (string, error) {
	if !kindPattern.MatchString(kind) {
		return "", fmt.Errorf("eregister: kind %q is not two or three Latin capitals", kind)
	}
	if year < 1000 || year > 9999 {
		return "", fmt.Errorf("eregister: year %d has not four digits", year)
	}
	return formatNumber(kind, fmt.Sprint(year), randomDigits(serialDigits)), nil
}

// randomDigits returns n decimal digits from crypto/rand, without modulo bias.
func randomDigits(n int) string {
	b := make([]byte, 0, n)
	var buf [1]byte
	for len(b) < n {
		rand.Read(buf[:])
		if buf[0] < 250 { // 250 = 25 × 10: the bytes that map evenly onto digits
			b = append(b, '0'+buf[0]%10)
		}
	}
	return string(b)
}

// damm is the quasigroup of Damm's check-digit algorithm (totally anti-symmetric,
// order 10): one table lookup per digit detects all single-digit errors and all
// transpositions of adjacent digits.
var damm = [10][10]byte{
	{0, 3, 1, 7, 5, 9, 8, 6, 4, 2},
	{7, 0, 9, 2, 1, 5, 4, 8, 6, 3},
	{4, 2, 0, 6, 8, 7, 1, 3, 5, 9},
	{1, 7, 5, 0, 9, 8, 3, 4, 2, 6},
	{6, 1, 2, 3, 0, 4, 5, 9, 7, 8},
	{3, 6, 7, 4, 2, 0, 9, 5, 8, 1},
	{5, 8, 6, 9, 7, 2, 0, 1, 3, 4},
	{8, 9, 4, 5, 3, 6, 2, 0, 1, 7},
	{9, 4, 3, 8, 6, 1, 7, 2, 0, 5},
	{2, 5, 8, 1, 4, 3, 6, 7, 9, 0},
}

// checkDigit is the Damm check digit of s (digits and capitals A–Z, a letter
// counting as its two-digit value A=10 … Z=35, as in an IBAN).
func checkDigit(s string) byte {
	var interim byte
	step := func(d byte) { interim = damm[interim][d] }
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			v := c - 'A' + 10
			step(v / 10)
			step(v % 10)
			continue
		}
		step(c - '0')
	}
	return '0' + interim
}

// codeAlphabet is Crockford's base32: no I, L, O or U, so a code read aloud or
// copied by hand is not misread.
const codeAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

const codeLength = 10

// newCode draws a verification code for the QR link.
func newCode() string {
	b := make([]byte, codeLength)
	rand.Read(b)
	for i := range b {
		b[i] = codeAlphabet[b[i]&31]
	}
	return string(b)
}

// normalizeCode reads a code as typed: case-insensitive, with Crockford's
// substitutions (O→0, I and L→1) and without spaces or hyphens.
func normalizeCode(s string) string {
	return codeReplacer.Replace(strings.ToUpper(strings.TrimSpace(s)))
}

var codeReplacer = strings.NewReplacer("O", "0", "I", "1", "L", "1", "-", "", " ", "")

// hashCode is what the register keeps of a code.
func hashCode(code string) string {
	h := sha256.Sum256([]byte(normalizeCode(code)))
	return hex.EncodeToString(h[:])
}
