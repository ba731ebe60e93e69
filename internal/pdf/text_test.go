package pdf

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

func TestLinesWrapAtSpacesAndNewlines(t *testing.T) {
	s := Style{Size: 10}
	w := s.Width("сотталғандығы жоқ")
	tests := []struct {
		name  string
		text  string
		width float64
		want  []string
	}{
		{"fits on one line", "сотталғандығы жоқ", w + 0.1, []string{"сотталғандығы жоқ"}},
		{"breaks at the space", "сотталғандығы жоқ", w - 0.1, []string{"сотталғандығы", "жоқ"}},
		{"keeps explicit lines", "Басқарма басшысы\nНачальник управления", 200, []string{"Басқарма басшысы", "Начальник управления"}},
		{"keeps an empty line", "a\n\nb", 200, []string{"a", "", "b"}},
		{"collapses repeated spaces", "a   b", 200, []string{"a b"}},
		{"no-break space holds", "№\u00A0123 456", s.Width("№\u00A0123") + 0.1, []string{"№\u00A0123", "456"}},
		{"cuts a word wider than the line", "900215450123", s.Width("9002154") + 0.01, []string{"9002154", "50123"}},
		{"empty", "", 100, []string{""}},
	}
	for _, tt := range tests {
		if got := s.Lines(tt.text, tt.width); !slices.Equal(got, tt.want) {
			t.Errorf("%s: Lines(%q, %.1f) = %q, want %q", tt.name, tt.text, tt.width, got, tt.want)
		}
	}
}

func TestEveryLineFitsItsWidth(t *testing.T) {
	s := Style{Size: 11.5}
	text := strings.Repeat("Құжат электрондық цифрлық қолтаңбамен қол қойылған. ", 12)
	for _, width := range []float64{20, 45.5, 80, 174} {
		lines := s.Lines(text, width)
		for _, l := range lines {
			if got := s.Width(l); got > width {
				t.Errorf("width %.1f: line %q is %.2f mm wide", width, l, got)
			}
		}
		if got, want := s.Height(text, width), float64(len(lines))*s.Leading(); got != want {
			t.Errorf("width %.1f: Height = %.2f, want %.2f", width, got, want)
		}
		// Lines may cut a long word, so compare without the spaces.
		if got, want := strings.ReplaceAll(strings.Join(lines, ""), " ", ""), strings.ReplaceAll(text, " ", ""); got != want {
			t.Errorf("width %.1f: the lines lose or change words", width)
		}
	}
}

func TestWidthScalesWithSize(t *testing.T) {
	a := Style{Size: 10}.Width("АНЫҚТАМА")
	b := Style{Size: 20}.Width("АНЫҚТАМА")
	if a <= 0 || b < 2*a-1e-9 || b > 2*a+1e-9 {
		t.Fatalf("width at 10 pt %.3f, at 20 pt %.3f: want exactly double", a, b)
	}
	bold := Style{Size: 10, Font: StandardFonts().SerifBold}.Width("АНЫҚТАМА")
	if bold <= a {
		t.Errorf("bold (%.2f mm) is not wider than regular (%.2f mm)", bold, a)
	}
}

func TestDrawingProblemsFailTheDocument(t *testing.T) {
	tests := []struct {
		name string
		draw func(p *Page)
		want string
	}{
		{"character the font lacks", func(p *Page) { p.Text(20, 20, Style{}, "Қызмет 中") }, "no glyph"},
		{"text taller than its box", func(p *Page) {
			p.TextBox(Rect{X: 20, Y: 20, W: 30, H: 5}, Style{}, "Құжат электрондық цифрлық қолтаңбамен қол қойылған")
		}, "needs"},
		{"QR code text too long", func(p *Page) { p.QRCode(strings.Repeat("x", 5000), 10, 10, 30) }, "QR code"},
	}
	for _, tt := range tests {
		d := New(Info{})
		tt.draw(d.AddPage())
		_, err := d.Bytes()
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: Bytes error = %v, want one mentioning %q", tt.name, err, tt.want)
		}
		if d.Err() != err {
			t.Errorf("%s: Err() = %v, Bytes returned %v", tt.name, d.Err(), err)
		}
	}
}

func TestDocumentWithoutPagesIsRefused(t *testing.T) {
	if _, err := New(Info{}).Bytes(); err == nil {
		t.Fatal("Bytes of a document without pages succeeded")
	}
}

func ExampleStyle_Lines() {
	body := Style{Size: 11}
	for _, l := range body.Lines("Осы анықтама шетелге шығу үшін берілді.", 50) {
		fmt.Println(l)
	}
	// Output:
	// Осы анықтама шетелге
	// шығу үшін берілді.
}

// Fonts are shared: documents drawn at once must not disturb each other's
// subsets (run with -race).
func TestDocumentsShareFontsSafely(t *testing.T) {
	texts := []string{"АНЫҚТАМА", "Ғалымқызы", "Һашимова", "Усть-Каменогорск", "Convention de La Haye"}
	results := make(chan error, len(texts))
	for _, text := range texts {
		go func() {
			d := New(Info{})
			d.AddPage().Text(20, 20, Style{Font: StandardFonts().Sans}, text)
			b, err := d.Bytes()
			if err == nil && !strings.Contains(string(b), "/FontFile2") {
				err = fmt.Errorf("%q: no embedded font", text)
			}
			results <- err
		}()
	}
	for range texts {
		if err := <-results; err != nil {
			t.Error(err)
		}
	}
}
