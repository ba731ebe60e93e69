package quality

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"qyzmet/internal/i18n"
)

// Chart colours: dark blue bars and near-black text on white, both above the
// 4.5:1 contrast WCAG asks of text (bars 7.0:1, text 17:1, grid lines only
// decorate). A bar's value is also written as text, so colour carries nothing alone.
const (
	colourBar  = "#1f4e79"
	colourText = "#1a1a1a"
	colourGrid = "#8c8c8c"
)

// Href makes the drill-down address of a cell; the web layer supplies it.
type Href func(k Key) string

// bar is one bar of a chart: its label, the on-time share, the text on it and
// the drill-down link.
type bar struct {
	label, value, href string
	share              float64
	decided            bool
}

func bars(rep *Report, by Dimension, lang i18n.Lang, href Href) []bar {
	out := make([]bar, 0, len(rep.Rows))
	for _, r := range rep.Rows {
		b := bar{label: Label(r.Key, by, lang), share: r.OnTimeShare, decided: r.Decided > 0}
		if b.decided {
			b.value = fmt.Sprintf("%.0f%% (%d/%d)", 100*r.OnTimeShare, r.OnTime, r.Decided)
		} else {
			b.value = "— (" + textNothing.In(lang) + ")"
		}
		if href != nil {
			b.href = href(r.Key)
		}
		out = append(out, b)
	}
	return out
}

// BarChart writes an SVG chart of the on-time share of each row of rep, one
// horizontal bar per row labelled with the value of dimension by (service or
// branch names are long, so they stand to the left of their bars). rep should
// be grouped by by alone. Each bar links to href of its cell (nil: no links).
func BarChart(w io.Writer, rep *Report, by Dimension, lang i18n.Lang, href Href) error {
	bs := bars(rep, by, lang, href)
	const labelW, plotW, rowH, top, right = 300, 360, 34, 64, 140
	width, height := labelW+plotW+right, top+rowH*max(len(bs), 1)+40
	var b strings.Builder
	title := textChartPrefix.In(lang) + ": " + strings.ToLower(dimensionName(by).In(lang))
	open(&b, width, height, title, textChartDesc.In(lang))
	axis := top + rowH*len(bs)
	for p := 0; p <= 100; p += 25 {
		x := labelW + plotW*p/100
		fmt.Fprintf(&b, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="%s" stroke-width="1" stroke-dasharray="2 3"/>`, x, top-6, x, axis, colourGrid)
		fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="middle">%d%%</text>`, x, axis+18, p)
	}
	fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="middle">%s</text>`, labelW+plotW/2, axis+36, esc(textShare.In(lang)))
	fmt.Fprintf(&b, `<text x="8" y="%d" font-weight="bold">%s</text>`, top-12, esc(dimensionName(by).In(lang)))
	for i, bar := range bs {
		y := top + rowH*i
		barW := int(float64(plotW)*bar.share + 0.5)
		linkOpen(&b, bar.href)
		fmt.Fprintf(&b, `<g class="bar"><title>%s: %s</title>`, esc(bar.label), esc(bar.value))
		fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="end">%s</text>`, labelW-8, y+rowH/2+5, esc(shorten(bar.label, 44)))
		fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%d" height="%d" fill="%s"/>`, labelW, y+5, barW, rowH-10, colourBar)
		fmt.Fprintf(&b, `<text x="%d" y="%d">%s</text></g>`, labelW+barW+6, y+rowH/2+5, esc(bar.value))
		linkClose(&b, bar.href)
	}
	b.WriteString(`</svg>`)
	_, err := io.WriteString(w, b.String())
	return err
}

// MonthChart writes an SVG column chart of the on-time share by month of
// receipt: one column per row of rep (grouped by month alone), the months along
// the horizontal axis, each column linking to href of its month.
func MonthChart(w io.Writer, rep *Report, lang i18n.Lang, href Href) error {
	bs := bars(rep, ByMonth, lang, href)
	const left, plotH, colW, top, bottom = 70, 240, 84, 64, 70
	width, height := left+colW*max(len(bs), 1)+30, top+plotH+bottom
	var b strings.Builder
	title := textChartPrefix.In(lang) + ": " + strings.ToLower(textMonth.In(lang))
	open(&b, width, height, title, textChartDesc.In(lang))
	axis := top + plotH
	for p := 0; p <= 100; p += 25 {
		y := axis - plotH*p/100
		fmt.Fprintf(&b, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="%s" stroke-width="1" stroke-dasharray="2 3"/>`, left, y, width-20, y, colourGrid)
		fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="end">%d%%</text>`, left-6, y+4, p)
	}
	fmt.Fprintf(&b, `<text transform="translate(16 %d) rotate(-90)" text-anchor="middle">%s</text>`, top+plotH/2, esc(textShare.In(lang)))
	fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="middle">%s</text>`, left+colW*len(bs)/2, axis+52, esc(textMonth.In(lang)))
	for i, bar := range bs {
		x := left + colW*i
		h := int(float64(plotH)*bar.share + 0.5)
		value := bar.value
		if bar.decided {
			value = fmt.Sprintf("%.0f%%", 100*bar.share)
		}
		linkOpen(&b, bar.href)
		fmt.Fprintf(&b, `<g class="bar"><title>%s: %s</title>`, esc(bar.label), esc(bar.value))
		fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%d" height="%d" fill="%s"/>`, x+12, axis-h, colW-24, h, colourBar)
		fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="middle">%s</text>`, x+colW/2, axis-h-6, esc(value))
		fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="middle">%s</text></g>`, x+colW/2, axis+20, esc(bar.label))
		linkClose(&b, bar.href)
	}
	b.WriteString(`</svg>`)
	_, err := io.WriteString(w, b.String())
	return err
}

// open starts the SVG with its accessible name and description (role="img"
// with aria-labelledby, so screen readers read the title and the description).
func open(b *strings.Builder, width, height int, title, desc string) {
	fmt.Fprintf(b, `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" `+
		`width="%d" height="%d" viewBox="0 0 %d %d" role="img" aria-labelledby="chart-title chart-desc" `+
		`font-family="sans-serif" font-size="13" fill="%s">`, width, height, width, height, colourText)
	fmt.Fprintf(b, `<title id="chart-title">%s</title><desc id="chart-desc">%s</desc>`, esc(title), esc(desc))
	fmt.Fprintf(b, `<rect width="100%%" height="100%%" fill="#ffffff"/>`)
	fmt.Fprintf(b, `<text x="8" y="24" font-size="16" font-weight="bold">%s</text>`, esc(title))
}

// linkOpen wraps a bar in a link to its drill-down (href for SVG 2,
// xlink:href for older readers).
func linkOpen(b *strings.Builder, href string) {
	if href != "" {
		fmt.Fprintf(b, `<a href="%s" xlink:href="%s">`, esc(href), esc(href))
	}
}

func linkClose(b *strings.Builder, href string) {
	if href != "" {
		b.WriteString(`</a>`)
	}
}

// esc escapes text for XML character data and attribute values.
func esc(s string) string {
	var buf bytes.Buffer
	_ = xml.EscapeText(&buf, []byte(s)) // writing to a bytes.Buffer cannot fail
	return buf.String()
}

// shorten cuts a label to n characters with an ellipsis; the bar's <title>
// keeps it whole.
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
