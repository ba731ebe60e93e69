package document

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"strconv"
	"strings"
	"time"

	"qyzmet/internal/calendar"
	"qyzmet/internal/i18n"
)

// JournalXLSX writes the journal of apostilled documents (Rule AP-6.1, annex 4
// to the AP rules) as an Office Open XML workbook: one sheet with the bilingual
// header row frozen at the top, the column widths, and one row per entry, dates
// as real dates. It is written with archive/zip and SpreadsheetML by hand (inline
// strings, a minimal style sheet): a journal needs a small part of the format.
// The data are checked as for Render; nothing is written when they are wrong.
func JournalXLSX(j *ApostilleJournal) ([]byte, error) {
	spec, _ := Spec(APJournal)
	if j == nil {
		return nil, wrongData(spec, nil)
	}
	c := &check{form: APJournal}
	j.check(c)
	if c.err != nil {
		return nil, c.err
	}
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	// A fixed time keeps the same journal byte for byte the same workbook.
	modified := time.Date(j.To.Year, j.To.Month, j.To.Day, 0, 0, 0, 0, time.UTC)
	for _, part := range []struct{ name, body string }{
		{"[Content_Types].xml", xlsxContentTypes},
		{"_rels/.rels", xlsxRootRels},
		{"docProps/core.xml", xlsxCore(spec.Title, j)},
		{"xl/workbook.xml", xlsxWorkbook},
		{"xl/_rels/workbook.xml.rels", xlsxWorkbookRels},
		{"xl/styles.xml", xlsxStyles},
		{"xl/worksheets/sheet1.xml", xlsxSheet(j)},
	} {
		w, err := z.CreateHeader(&zip.FileHeader{Name: part.name, Method: zip.Deflate, Modified: modified})
		if err == nil {
			_, err = w.Write([]byte(part.body))
		}
		if err != nil {
			return nil, fmt.Errorf("document: write %s: %w", part.name, err)
		}
	}
	if err := z.Close(); err != nil {
		return nil, fmt.Errorf("document: write the workbook: %w", err)
	}
	return buf.Bytes(), nil
}

const xmlHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"

const xlsxContentTypes = xmlHeader + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
	`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
	`<Default Extension="xml" ContentType="application/xml"/>` +
	`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
	`<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
	`<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
	`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
	`</Types>`

const xlsxRootRels = xmlHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
	`</Relationships>`

// xlsxSheetName is the sheet's name (at most 31 characters, none of []:*?/\).
const xlsxSheetName = "Журнал"

const xlsxWorkbook = xmlHeader + `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ` +
	`xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
	`<sheets><sheet name="` + xlsxSheetName + `" sheetId="1" r:id="rId1"/></sheets></workbook>`

const xlsxWorkbookRels = xmlHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
	`</Relationships>`

// The cell styles of xlsxStyles, by their index in cellXfs.
const (
	styleHeader = 1 // bold, tinted, centred, wrapped, bordered
	styleText   = 2 // wrapped, top-aligned, bordered
	styleDate   = 3 // dd.mm.yyyy
	styleNumber = 4 // the row number, centred
)

const xlsxStyles = xmlHeader + `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
	`<numFmts count="1"><numFmt numFmtId="164" formatCode="dd.mm.yyyy"/></numFmts>` +
	`<fonts count="2"><font><sz val="10"/><name val="Calibri"/><family val="2"/></font>` +
	`<font><b/><sz val="10"/><name val="Calibri"/><family val="2"/></font></fonts>` +
	`<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>` +
	`<fill><patternFill patternType="solid"><fgColor rgb="FFF3F0E6"/><bgColor indexed="64"/></patternFill></fill></fills>` +
	`<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>` +
	`<border><left style="thin"><color rgb="FF595959"/></left><right style="thin"><color rgb="FF595959"/></right>` +
	`<top style="thin"><color rgb="FF595959"/></top><bottom style="thin"><color rgb="FF595959"/></bottom><diagonal/></border></borders>` +
	`<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
	`<cellXfs count="5">` +
	`<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
	`<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>` +
	`<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>` +
	`<xf numFmtId="164" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="top"/></xf>` +
	`<xf numFmtId="1" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="top"/></xf>` +
	`</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`

func xlsxCore(title i18n.Text, j *ApostilleJournal) string {
	var b strings.Builder
	b.WriteString(xmlHeader + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
		`xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ` +
		`xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>`)
	escape(&b, title.RU+" "+dateNum(j.From)+" – "+dateNum(j.To))
	b.WriteString(`</dc:title><dc:creator>Qyzmet</dc:creator></cp:coreProperties>`)
	return b.String()
}

// xlsxSheet is the worksheet: the frozen header row, the widths, the rows.
func xlsxSheet(j *ApostilleJournal) string {
	var b strings.Builder
	b.WriteString(xmlHeader + `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ` +
		`xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">`)
	last := columnName(len(journalColumns)) + strconv.Itoa(len(j.Entries)+1)
	b.WriteString(`<dimension ref="A1:` + last + `"/>`)
	b.WriteString(`<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>`)
	b.WriteString(`<sheetFormatPr defaultRowHeight="15"/><cols>`)
	for i, c := range journalColumns {
		fmt.Fprintf(&b, `<col min="%d" max="%d" width="%g" customWidth="1"/>`, i+1, i+1, c.chars)
	}
	b.WriteString(`</cols><sheetData><row r="1" ht="54" customHeight="1">`)
	for i, c := range journalColumns {
		inlineCell(&b, i, 1, styleHeader, strings.Replace(slash(c.title), " / ", "\n", 1))
	}
	b.WriteString(`</row>`)
	for n, e := range j.Entries {
		r := n + 2
		fmt.Fprintf(&b, `<row r="%d">`, r)
		for i, c := range journalColumns {
			switch {
			case i == 0:
				fmt.Fprintf(&b, `<c r="%s%d" s="%d"><v>%d</v></c>`, columnName(i+1), r, styleNumber, n+1)
			case c.date != nil:
				if d := c.date(e); !d.IsZero() {
					fmt.Fprintf(&b, `<c r="%s%d" s="%d"><v>%d</v></c>`, columnName(i+1), r, styleDate, serialDate(d))
				} else {
					fmt.Fprintf(&b, `<c r="%s%d" s="%d"/>`, columnName(i+1), r, styleText)
				}
			default:
				inlineCell(&b, i, r, styleText, c.text(n+1, e))
			}
		}
		b.WriteString(`</row>`)
	}
	b.WriteString(`</sheetData><pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>`)
	b.WriteString(`<pageSetup paperSize="9" orientation="landscape"/></worksheet>`)
	return b.String()
}

// inlineCell writes a text cell with an inline string.
func inlineCell(b *strings.Builder, col, row, style int, text string) {
	fmt.Fprintf(b, `<c r="%s%d" t="inlineStr" s="%d"><is><t xml:space="preserve">`, columnName(col+1), row, style)
	escape(b, text)
	b.WriteString(`</t></is></c>`)
}

// escape writes text as XML character data; characters XML cannot hold become U+FFFD.
func escape(b *strings.Builder, text string) {
	var buf bytes.Buffer
	_ = xml.EscapeText(&buf, []byte(text)) // writing to a bytes.Buffer cannot fail
	// EscapeText writes a newline as "&#xA;", which is what a cell needs.
	b.Write(buf.Bytes())
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

// serialDate is a date as a spreadsheet serial number: days since 30 December
// 1899 (the 1900 date system, with its phantom 29 February 1900 absorbed).
func serialDate(d calendar.Date) int {
	epoch := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	t := time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC)
	return int(t.Sub(epoch).Hours() / 24)
}
