package quality

import (
	"archive/zip"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"qyzmet/internal/i18n"
)

// table is the report as a header and rows of cells: the grouped dimensions,
// then the figures; the total comes last. Numbers are plain (a dot for the
// decimal point, two decimals) so that both exports carry the same values.
func table(rep *Report, lang i18n.Lang) (header []string, rows [][]string) {
	for _, d := range rep.Query.GroupBy {
		header = append(header, dimensionName(d).In(lang))
	}
	for _, t := range []i18n.Text{textReceived, textDecided, textOnTime, textLate, textOverdue, textShare, textAvgDays, textAvgHours} {
		header = append(header, t.In(lang))
	}
	line := func(r Row, total bool) []string {
		var out []string
		for i, d := range rep.Query.GroupBy {
			switch {
			case total && i == 0:
				out = append(out, textTotal.In(lang))
			case total:
				out = append(out, "")
			default:
				out = append(out, label(r.Key, d, lang))
			}
		}
		return append(out, strconv.Itoa(r.Received), strconv.Itoa(r.Decided), strconv.Itoa(r.OnTime),
			strconv.Itoa(r.Late), strconv.Itoa(r.Overdue), decimal(100*r.OnTimeShare), decimal(r.AvgWorkingDays), decimal(r.AvgHours))
	}
	for _, r := range rep.Rows {
		rows = append(rows, line(r, false))
	}
	rows = append(rows, line(rep.Total, true))
	return header, rows
}

func decimal(f float64) string { return strconv.FormatFloat(f, 'f', 2, 64) }

// WriteCSV writes the report as CSV in UTF-8 with a byte-order mark: Excel
// takes a file without it for the local ANSI code page and garbles Kazakh and
// Russian letters. Comma-separated, CRLF line ends (RFC 4180).
func WriteCSV(w io.Writer, rep *Report, lang i18n.Lang) error {
	if _, err := io.WriteString(w, "\uFEFF"); err != nil {
		return err
	}
	header, rows := table(rep, lang)
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(header); err != nil {
		return err
	}
	if err := cw.WriteAll(rows); err != nil {
		return fmt.Errorf("quality: write CSV: %w", err)
	}
	return nil
}

// WriteXLSX writes the report as an Office Open XML workbook of one sheet:
// the header row frozen, text cells as inline strings, figures as numbers.
// internal/document's JournalXLSX writes only its journal, so this package
// writes its own minimal SpreadsheetML with archive/zip.
func WriteXLSX(w io.Writer, rep *Report, lang i18n.Lang) error {
	header, rows := table(rep, lang)
	numeric := len(rep.Query.GroupBy) // the first numeric column
	z := zip.NewWriter(w)
	modified := rep.Query.Now.UTC().Truncate(time.Second)
	for _, part := range []struct{ name, body string }{
		{"[Content_Types].xml", xlsxContentTypes},
		{"_rels/.rels", xlsxRootRels},
		{"xl/workbook.xml", xlsxWorkbook},
		{"xl/_rels/workbook.xml.rels", xlsxWorkbookRels},
		{"xl/styles.xml", xlsxStyles},
		{"xl/worksheets/sheet1.xml", xlsxSheet(header, rows, numeric)},
	} {
		f, err := z.CreateHeader(&zip.FileHeader{Name: part.name, Method: zip.Deflate, Modified: modified})
		if err == nil {
			_, err = io.WriteString(f, part.body)
		}
		if err != nil {
			return fmt.Errorf("quality: write %s: %w", part.name, err)
		}
	}
	if err := z.Close(); err != nil {
		return fmt.Errorf("quality: write the workbook: %w", err)
	}
	return nil
}

const xmlHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"

const xlsxContentTypes = xmlHeader + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
	`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
	`<Default Extension="xml" ContentType="application/xml"/>` +
	`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
	`<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
	`<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
	`</Types>`

const xlsxRootRels = xmlHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>` +
	`</Relationships>`

const xlsxWorkbook = xmlHeader + `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ` +
	`xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
	`<sheets><sheet name="Quality" sheetId="1" r:id="rId1"/></sheets></workbook>`

const xlsxWorkbookRels = xmlHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
	`</Relationships>`

// Cell styles of xlsxStyles by index: 1 the bold header, 2 numbers with two
// decimals (the share and the averages; counts keep the default style).
const xlsxStyles = xmlHeader + `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
	`<fonts count="2"><font><sz val="10"/><name val="Calibri"/></font><font><b/><sz val="10"/><name val="Calibri"/></font></fonts>` +
	`<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
	`<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
	`<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
	`<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
	`<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment wrapText="1"/></xf>` +
	`<xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>` +
	`<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`

// xlsxSheet is the worksheet: columns from numeric on hold numbers.
func xlsxSheet(header []string, rows [][]string, numeric int) string {
	var b strings.Builder
	b.WriteString(xmlHeader + `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`)
	b.WriteString(`<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>`)
	b.WriteString(`<sheetData>`)
	writeRow := func(r int, cells []string, header bool) {
		fmt.Fprintf(&b, `<row r="%d">`, r)
		for i, v := range cells {
			ref := columnName(i+1) + strconv.Itoa(r)
			switch {
			case header:
				fmt.Fprintf(&b, `<c r="%s" t="inlineStr" s="1"><is><t>%s</t></is></c>`, ref, esc(v))
			case i >= numeric && strings.Contains(v, "."):
				fmt.Fprintf(&b, `<c r="%s" s="2"><v>%s</v></c>`, ref, v)
			case i >= numeric:
				fmt.Fprintf(&b, `<c r="%s"><v>%s</v></c>`, ref, v)
			default:
				fmt.Fprintf(&b, `<c r="%s" t="inlineStr"><is><t xml:space="preserve">%s</t></is></c>`, ref, esc(v))
			}
		}
		b.WriteString(`</row>`)
	}
	writeRow(1, header, true)
	for i, r := range rows {
		writeRow(i+2, r, false)
	}
	b.WriteString(`</sheetData></worksheet>`)
	return b.String()
}

// columnName is the spreadsheet name of the n-th column (1 → A, 27 → AA).
func columnName(n int) string {
	name := ""
	for n > 0 {
		n--
		name = string(rune('A'+n%26)) + name
		n /= 26
	}
	return name
}
