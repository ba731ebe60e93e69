package quality

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"time"

	"qyzmet/internal/i18n"
	"qyzmet/internal/xlsx"
)

// figureColumns are the report's figures in the order of both exports, with
// the decimals each is shown with: counts whole, the share and averages with two.
var figureColumns = []struct {
	name     i18n.Text
	decimals int
	value    func(Row) float64
}{
	{textReceived, 0, func(r Row) float64 { return float64(r.Received) }},
	{textDecided, 0, func(r Row) float64 { return float64(r.Decided) }},
	{textOnTime, 0, func(r Row) float64 { return float64(r.OnTime) }},
	{textLate, 0, func(r Row) float64 { return float64(r.Late) }},
	{textOverdue, 0, func(r Row) float64 { return float64(r.Overdue) }},
	{textShare, 2, func(r Row) float64 { return 100 * r.OnTimeShare }},
	{textAvgDays, 2, func(r Row) float64 { return r.AvgWorkingDays }},
	{textAvgHours, 2, func(r Row) float64 { return r.AvgHours }},
}

// header is the exports' header row: the grouped dimensions, then the figures.
func header(rep *Report, lang i18n.Lang) []string {
	var out []string
	for _, d := range rep.Query.GroupBy {
		out = append(out, dimensionName(d).In(lang))
	}
	for _, f := range figureColumns {
		out = append(out, f.name.In(lang))
	}
	return out
}

// labels are the grouped dimensions of a row; the total row says so in the
// first column and leaves the others empty.
func labels(rep *Report, r Row, total bool, lang i18n.Lang) []string {
	var out []string
	for i, d := range rep.Query.GroupBy {
		switch {
		case total && i == 0:
			out = append(out, textTotal.In(lang))
		case total:
			out = append(out, "")
		default:
			out = append(out, Label(r.Key, d, lang))
		}
	}
	return out
}

// eachRow calls line for every row of the report, the total last.
func eachRow(rep *Report, line func(r Row, total bool)) {
	for _, r := range rep.Rows {
		line(r, false)
	}
	line(rep.Total, true)
}

// WriteCSV writes the report as CSV in UTF-8 with a byte-order mark: Excel
// takes a file without it for the local ANSI code page and garbles Kazakh and
// Russian letters. Comma-separated, CRLF line ends (RFC 4180).
func WriteCSV(w io.Writer, rep *Report, lang i18n.Lang) error {
	if _, err := io.WriteString(w, "\uFEFF"); err != nil {
		return err
	}
	// Numbers are plain (a dot for the decimal point) with the decimals of
	// the workbook, so that both exports carry the same values.
	rows := [][]string{header(rep, lang)}
	eachRow(rep, func(r Row, total bool) {
		line := labels(rep, r, total, lang)
		for _, f := range figureColumns {
			line = append(line, strconv.FormatFloat(f.value(r), 'f', f.decimals, 64))
		}
		rows = append(rows, line)
	})
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.WriteAll(rows); err != nil {
		return fmt.Errorf("quality: write CSV: %w", err)
	}
	return nil
}

// WriteXLSX writes the report as an Office Open XML workbook of one sheet:
// the header row frozen, the dimensions as text, the figures as numbers.
func WriteXLSX(w io.Writer, rep *Report, lang i18n.Lang) error {
	sheet := xlsx.Sheet{Name: "Quality", Header: header(rep, lang), Modified: rep.Query.Now.UTC().Truncate(time.Second)}
	eachRow(rep, func(r Row, total bool) {
		var cells []xlsx.Cell
		for _, l := range labels(rep, r, total, lang) {
			cells = append(cells, xlsx.Text(l))
		}
		for _, f := range figureColumns {
			cells = append(cells, xlsx.Number(f.value(r), f.decimals))
		}
		sheet.Rows = append(sheet.Rows, cells)
	})
	if err := xlsx.Write(w, sheet); err != nil {
		return fmt.Errorf("quality: %w", err)
	}
	return nil
}
