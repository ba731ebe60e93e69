package pdf

import (
	"fmt"
	"sync"

	"qyzmet/assets/fonts"
)

// FontSet is the faces embedded in the binary (assets/fonts): PT Serif for the body
// of official papers, PT Sans for labels and small print.
type FontSet struct {
	Serif, SerifBold, SerifItalic *Font
	Sans, SansBold                *Font
}

// standardFonts parses the embedded fonts on first use and never again: a TrueType
// parse costs far more than drawing a whole certificate (DESIGN, example 12).
var standardFonts = sync.OnceValue(func() *FontSet {
	must := func(name string, ttf []byte) *Font {
		f, err := ParseFont(ttf)
		if err != nil {
			// The files are part of the binary and covered by tests; a failure here is a
			// broken build, not bad input.
			panic(fmt.Sprintf("pdf: embedded font %s: %v", name, err))
		}
		return f
	}
	return &FontSet{
		Serif:       must("PTSerif-Regular.ttf", fonts.PTSerifRegular),
		SerifBold:   must("PTSerif-Bold.ttf", fonts.PTSerifBold),
		SerifItalic: must("PTSerif-Italic.ttf", fonts.PTSerifItalic),
		Sans:        must("PTSans-Regular.ttf", fonts.PTSansRegular),
		SansBold:    must("PTSans-Bold.ttf", fonts.PTSansBold),
	}
})

// StandardFonts returns the embedded faces, parsed once per process and shared.
func StandardFonts() *FontSet { return standardFonts() }
