// Package fonts holds the TrueType files that Qyzmet embeds in its PDF documents:
// ParaType's PT Serif (regular, bold, italic) and PT Sans (regular, bold). They were
// designed for the public documents of the peoples of Russia and the CIS and carry
// every letter of the Kazakh Cyrillic alphabet (Ә Ғ Қ Ң Ө Ұ Ү Һ І) as well as Latin
// with French accents for the apostille. The files come unchanged from Debian's
// fonts-paratype package; LICENSE-ParaType.txt beside them must travel with them.
//
// The bytes are raw: parse them once per process (internal/pdf does) rather than per
// document.
package fonts

import _ "embed"

// The five faces, by their usual names. The original Debian file names are
// PTF55F, PTF75F, PTF56F, PTS55F and PTS75F.
var (
	//go:embed PTSerif-Regular.ttf
	PTSerifRegular []byte
	//go:embed PTSerif-Bold.ttf
	PTSerifBold []byte
	//go:embed PTSerif-Italic.ttf
	PTSerifItalic []byte
	//go:embed PTSans-Regular.ttf
	PTSansRegular []byte
	//go:embed PTSans-Bold.ttf
	PTSansBold []byte
)

// License is the ParaType Free Font License with the copyright notice, to show
// wherever the fonts are redistributed (an "about" page, the binary's notices).
//
//go:embed LICENSE-ParaType.txt
var License string
