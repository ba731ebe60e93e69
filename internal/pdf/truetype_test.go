package pdf

import (
	"encoding/binary"
	"slices"
	"strings"
	"testing"

	"qyzmet/assets/fonts"
)

// kazakhLetters are the letters of the Kazakh Cyrillic alphabet that Russian lacks.
const kazakhLetters = "ӘәҒғҚқҢңӨөҰұҮүҺһІі"

const russianLetters = "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюя"

// frenchLetters are the Latin letters with accents that the apostille's French needs.
const frenchLetters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyzàâæçéèêëîïôœùûüÿÀÂÆÇÉÈÊËÎÏÔŒÙÛÜŸ"

const punctuation = "0123456789 .,;:!?«»„“”–—№()/-'\"%\u00A0"

func TestStandardFontsCoverKazakhRussianAndFrench(t *testing.T) {
	fs := StandardFonts()
	for _, f := range []*Font{fs.Serif, fs.SerifBold, fs.SerifItalic, fs.Sans, fs.SansBold} {
		for _, r := range kazakhLetters + russianLetters + frenchLetters + punctuation {
			if !f.Has(r) {
				t.Errorf("%s has no glyph for %q (U+%04X)", f.Name(), r, r)
			}
		}
	}
}

func TestStandardFontsAreParsedOnce(t *testing.T) {
	a, b := StandardFonts(), StandardFonts()
	if a.Serif != b.Serif || a.SansBold != b.SansBold {
		t.Fatal("StandardFonts parsed the fonts again")
	}
	if got := a.SerifBold.Name(); got != "PTSerif-Bold" {
		t.Errorf("SerifBold is %q, want PTSerif-Bold", got)
	}
}

func TestEveryGlyphOfTheStandardFontsLosesItsHinting(t *testing.T) {
	fs := StandardFonts()
	for _, f := range []*Font{fs.Serif, fs.SerifBold, fs.SerifItalic, fs.Sans, fs.SansBold} {
		shrunk := 0
		for g := range f.numGlyphs {
			d := f.glyphData(uint16(g))
			out, ok := unhinted(d)
			if !ok {
				t.Errorf("%s glyph %d: outline not understood", f.Name(), g)
				continue
			}
			if len(out) < len(d) {
				shrunk++
			}
			if len(d) >= 10 && int16(binary.BigEndian.Uint16(d)) < 0 &&
				!slices.Equal(f.components(uint16(g)), componentsOf(out)) {
				t.Errorf("%s glyph %d: components changed", f.Name(), g)
			}
		}
		if shrunk == 0 {
			t.Errorf("%s: no glyph had instructions to remove", f.Name())
		}
	}
}

func componentsOf(d []byte) []uint16 {
	var out []uint16
	walkComponents(d, func(_ int, g uint16) { out = append(out, g) })
	return out
}

func TestParseFontRejectsWhatItCannotEmbed(t *testing.T) {
	restricted := slices.Clone(fonts.PTSansRegular)
	os2 := tableOffset(t, restricted, "OS/2")
	binary.BigEndian.PutUint16(restricted[os2+8:], 0x0002)

	otto := slices.Clone(fonts.PTSansRegular)
	copy(otto, "OTTO")

	truncated := slices.Clone(fonts.PTSansRegular[:2000])

	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"empty", nil, "too short"},
		{"not a font", []byte("%PDF-1.7 this is not a font at all"), "not a TrueType font"},
		{"CFF outlines", otto, "CFF"},
		{"licence forbids embedding", restricted, "forbids embedding"},
		{"truncated", truncated, "outside the file"},
	}
	for _, tt := range tests {
		_, err := ParseFont(tt.data)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %v, want one mentioning %q", tt.name, err, tt.want)
		}
	}
}

// tableOffset finds a table in a font file's directory.
func tableOffset(t *testing.T, ttf []byte, tag string) int {
	n := int(binary.BigEndian.Uint16(ttf[4:]))
	for i := range n {
		rec := ttf[12+16*i:]
		if string(rec[:4]) == tag {
			return int(binary.BigEndian.Uint32(rec[8:]))
		}
	}
	t.Fatalf("no %q table", tag)
	return 0
}
