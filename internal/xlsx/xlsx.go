// Package xlsx writes a one-sheet Office Open XML workbook (.xlsx): a header
// row frozen at the top, column widths, and cells of text, numbers and dates.
// It writes the small part of SpreadsheetML that the project's exports need
// (the AP-6.1 journal, the quality report) with archive/zip and inline
// strings, so no spreadsheet library is needed.
package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Sheet is the workbook's one sheet.
type Sheet struct {
	// Name is the sheet's tab: 1 to 31 characters, none of []:*?/\.
	Name string
	// Title, when not empty, is the workbook's title (docProps/core.xml).
	Title string
	// Columns are the widths of the first columns; the others keep the default.
	Columns []Column
	// Header is the first row, bold and frozen at the top.
	Header []string
	// HeaderHeight is the header row's height in points; 0 leaves it to the reader.
	HeaderHeight float64
	Rows         [][]Cell
	// Landscape turns the printed A4 page sideways.
	Landscape bool
	// Modified stamps every part of the archive: a fixed time keeps the same
	// sheet byte for byte the same workbook.
	Modified time.Time
}

// Column is the width of a column, in characters of the default font.
type Column struct {
	Width float64
}

// Cell is one cell of a row; the zero Cell is an empty one.
type Cell struct {
	kind     cellKind
	text     string
	number   float64
	decimals int
	date     time.Time
}

type cellKind int

const (
	empty cellKind = iota
	text
	number
	date
)

// Text is a cell of text; a newline breaks the line within the cell.
func Text(s string) Cell { return Cell{kind: text, text: s} }

// Number is a cell holding v rounded to decimals places and shown with exactly
// that many (0 to MaxDecimals).
func Number(v float64, decimals int) Cell { return Cell{kind: number, number: v, decimals: decimals} }

// Date is a cell holding the calendar day of t (its year, month and day as
// they stand, whatever the location), shown as dd.mm.yyyy. The day must be
// 1 March 1900 or later.
func Date(t time.Time) Cell { return Cell{kind: date, date: t} }

// MaxDecimals is the most decimal places a Number cell may show.
const MaxDecimals = 15

// firstDate is the first day whose serial number every spreadsheet agrees on
// (before it, the 1900 date system counts a phantom 29 February 1900).
var firstDate = time.Date(1900, 3, 1, 0, 0, 0, 0, time.UTC)

// Write writes the sheet as a workbook to w. A sheet with a bad name, a
// number with decimals out of range or a date before 1 March 1900 is an
// error, and then nothing is written.
func Write(w io.Writer, s Sheet) error {
	if err := s.check(); err != nil {
		return err
	}
	z := zip.NewWriter(w)
	parts := []struct{ name, body string }{
		{"[Content_Types].xml", contentTypes(s.Title != "")},
		{"_rels/.rels", rootRels(s.Title != "")},
		{"xl/workbook.xml", workbook(s.Name)},
		{"xl/_rels/workbook.xml.rels", workbookRels},
		{"xl/styles.xml", styles(numberFormats(s))},
		{"xl/worksheets/sheet1.xml", worksheet(s)},
	}
	if s.Title != "" {
		parts = append(parts, struct{ name, body string }{"docProps/core.xml", core(s.Title)})
	}
	for _, part := range parts {
		f, err := z.CreateHeader(&zip.FileHeader{Name: part.name, Method: zip.Deflate, Modified: s.Modified})
		if err == nil {
			_, err = io.WriteString(f, part.body)
		}
		if err != nil {
			return fmt.Errorf("xlsx: write %s: %w", part.name, err)
		}
	}
	if err := z.Close(); err != nil {
		return fmt.Errorf("xlsx: write the workbook: %w", err)
	}
	return nil
}

func (s Sheet) check() error {
	if n := utf8.RuneCountInString(s.Name); n < 1 || n > 31 || strings.ContainsAny(s.Name, `[]:*?/\`) {
		return fmt.Errorf("xlsx: sheet name %q: want 1 to 31 characters, none of []:*?/\\", s.Name)
	}
	for r, row := range s.Rows {
		for c, cell := range row {
			switch {
			case cell.kind == number && (cell.decimals < 0 || cell.decimals > MaxDecimals):
				return fmt.Errorf("xlsx: cell %s: %d decimals, want 0 to %d", ref(c, r+2), cell.decimals, MaxDecimals)
			case cell.kind == date && day(cell.date).Before(firstDate):
				return fmt.Errorf("xlsx: cell %s: date %s is before 1 March 1900", ref(c, r+2), cell.date.Format(time.DateOnly))
			}
		}
	}
	return nil
}

// numberFormats are the distinct decimals of the sheet's Number cells, in order.
func numberFormats(s Sheet) []int {
	var ds []int
	for _, row := range s.Rows {
		for _, c := range row {
			if c.kind == number && !slices.Contains(ds, c.decimals) {
				ds = append(ds, c.decimals)
			}
		}
	}
	slices.Sort(ds)
	return ds
}

const xmlHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"

func contentTypes(withCore bool) string {
	s := xmlHeader + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
		`<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
		`<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>`
	if withCore {
		s += `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>`
	}
	return s + `</Types>`
}

func rootRels(withCore bool) string {
	s := xmlHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>`
	if withCore {
		s += `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>`
	}
	return s + `</Relationships>`
}

func workbook(name string) string {
	return xmlHeader + `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ` +
		`xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
		`<sheets><sheet name="` + escape(name) + `" sheetId="1" r:id="rId1"/></sheets></workbook>`
}

const workbookRels = xmlHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
	`</Relationships>`

func core(title string) string {
	return xmlHeader + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
		`xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ` +
		`xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>` + escape(title) + `</dc:title></cp:coreProperties>`
}

// The cell styles of styles, by their index in cellXfs; the number styles
// follow, one for each of the sheet's decimals.
const (
	styleHeader = 1 // bold, tinted, centred, wrapped, bordered
	styleText   = 2 // wrapped, top-aligned, bordered
	styleDate   = 3 // dd.mm.yyyy, centred
	styleNumber = 4 // the first number style
)

// dateFormat is the number format of dates; number formats with n decimals
// are dateFormat+1+n (164 is the first number a workbook may define).
const dateFormat = 164

// styles is the style sheet for a sheet whose numbers show the given decimals.
func styles(decimals []int) string {
	var b strings.Builder
	b.WriteString(xmlHeader + `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`)
	fmt.Fprintf(&b, `<numFmts count="%d"><numFmt numFmtId="%d" formatCode="dd.mm.yyyy"/>`, len(decimals)+1, dateFormat)
	for _, d := range decimals {
		code := "0"
		if d > 0 {
			code += "." + strings.Repeat("0", d)
		}
		fmt.Fprintf(&b, `<numFmt numFmtId="%d" formatCode="%s"/>`, dateFormat+1+d, code)
	}
	b.WriteString(`</numFmts>` +
		`<fonts count="2"><font><sz val="10"/><name val="Calibri"/><family val="2"/></font>` +
		`<font><b/><sz val="10"/><name val="Calibri"/><family val="2"/></font></fonts>` +
		`<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>` +
		`<fill><patternFill patternType="solid"><fgColor rgb="FFF3F0E6"/><bgColor indexed="64"/></patternFill></fill></fills>` +
		`<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>` +
		`<border><left style="thin"><color rgb="FF595959"/></left><right style="thin"><color rgb="FF595959"/></right>` +
		`<top style="thin"><color rgb="FF595959"/></top><bottom style="thin"><color rgb="FF595959"/></bottom><diagonal/></border></borders>` +
		`<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>`)
	fmt.Fprintf(&b, `<cellXfs count="%d">`, styleNumber+len(decimals))
	b.WriteString(`<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
		`<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>` +
		`<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>`)
	fmt.Fprintf(&b, `<xf numFmtId="%d" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="top"/></xf>`, dateFormat)
	for _, d := range decimals {
		fmt.Fprintf(&b, `<xf numFmtId="%d" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment vertical="top"/></xf>`, dateFormat+1+d)
	}
	b.WriteString(`</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`)
	return b.String()
}

// worksheet is the sheet's part: the frozen header row, the widths, the rows.
func worksheet(s Sheet) string {
	decimals := numberFormats(s)
	var b strings.Builder
	b.WriteString(xmlHeader + `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ` +
		`xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">`)
	cols := len(s.Header)
	for _, row := range s.Rows {
		cols = max(cols, len(row))
	}
	b.WriteString(`<dimension ref="A1:` + ref(max(cols, 1)-1, len(s.Rows)+1) + `"/>`)
	b.WriteString(`<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>`)
	b.WriteString(`<sheetFormatPr defaultRowHeight="15"/>`)
	if len(s.Columns) > 0 {
		b.WriteString(`<cols>`)
		for i, c := range s.Columns {
			fmt.Fprintf(&b, `<col min="%d" max="%d" width="%g" customWidth="1"/>`, i+1, i+1, c.Width)
		}
		b.WriteString(`</cols>`)
	}
	b.WriteString(`<sheetData><row r="1"`)
	if s.HeaderHeight > 0 {
		fmt.Fprintf(&b, ` ht="%g" customHeight="1"`, s.HeaderHeight)
	}
	b.WriteString(`>`)
	for i, h := range s.Header {
		inline(&b, ref(i, 1), styleHeader, h)
	}
	b.WriteString(`</row>`)
	for n, row := range s.Rows {
		r := n + 2
		fmt.Fprintf(&b, `<row r="%d">`, r)
		for i, c := range row {
			switch c.kind {
			case text:
				inline(&b, ref(i, r), styleText, c.text)
			case number:
				fmt.Fprintf(&b, `<c r="%s" s="%d"><v>%s</v></c>`, ref(i, r), styleNumber+slices.Index(decimals, c.decimals),
					strconv.FormatFloat(c.number, 'f', c.decimals, 64))
			case date:
				fmt.Fprintf(&b, `<c r="%s" s="%d"><v>%d</v></c>`, ref(i, r), styleDate, serial(c.date))
			default:
				fmt.Fprintf(&b, `<c r="%s" s="%d"/>`, ref(i, r), styleText)
			}
		}
		b.WriteString(`</row>`)
	}
	orientation := "portrait"
	if s.Landscape {
		orientation = "landscape"
	}
	b.WriteString(`</sheetData><pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>`)
	b.WriteString(`<pageSetup paperSize="9" orientation="` + orientation + `"/></worksheet>`)
	return b.String()
}

// inline writes a text cell with an inline string.
func inline(b *strings.Builder, ref string, style int, s string) {
	fmt.Fprintf(b, `<c r="%s" t="inlineStr" s="%d"><is><t xml:space="preserve">`, ref, style)
	b.WriteString(escape(s))
	b.WriteString(`</t></is></c>`)
}

// escape is s as XML character data; characters XML cannot hold become U+FFFD.
// A newline becomes "&#xA;", which keeps it a line break within a cell.
func escape(s string) string {
	var buf bytes.Buffer
	_ = xml.EscapeText(&buf, []byte(s)) // writing to a bytes.Buffer cannot fail
	return buf.String()
}

// ref is the name of the cell in the col-th column (from 0) of the row-th
// row (from 1): A1, B2, AA10.
func ref(col, row int) string {
	name := ""
	for n := col + 1; n > 0; n /= 26 {
		n--
		name = string(rune('A'+n%26)) + name
	}
	return name + strconv.Itoa(row)
}

// day is the calendar day of t at midnight UTC.
func day(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// serial is the day of t as a spreadsheet serial number: days since 30
// December 1899 (the 1900 date system, its phantom 29 February 1900 absorbed;
// check keeps earlier days out).
func serial(t time.Time) int {
	epoch := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	return int(day(t).Sub(epoch).Hours() / 24)
}
