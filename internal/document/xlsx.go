package document

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"qyzmet/internal/calendar"
	"qyzmet/internal/xlsx"
)

// JournalXLSX writes the journal of apostilled documents (Rule AP-6.1, annex 4
// to the AP rules) as an Office Open XML workbook: one sheet with the bilingual
// header row frozen at the top, the column widths, and one row per entry, dates
// as real dates, printed on landscape A4. The data are checked as for Render;
// nothing is written when they are wrong.
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
	sheet := xlsx.Sheet{
		Name:         "Журнал",
		Title:        spec.Title.RU + " " + dateNum(j.From) + " – " + dateNum(j.To),
		HeaderHeight: 54, // the two languages of a heading, wrapped
		Landscape:    true,
		// A fixed time keeps the same journal byte for byte the same workbook.
		Modified: dayTime(j.To),
	}
	for _, col := range journalColumns {
		sheet.Columns = append(sheet.Columns, xlsx.Column{Width: col.chars})
		sheet.Header = append(sheet.Header, strings.Replace(slash(col.title), " / ", "\n", 1))
	}
	for n, e := range j.Entries {
		row := make([]xlsx.Cell, len(journalColumns))
		for i, col := range journalColumns {
			switch {
			case i == 0:
				row[i] = xlsx.Number(float64(n+1), 0)
			case col.date != nil:
				if d := col.date(e); !d.IsZero() {
					row[i] = xlsx.Date(dayTime(d))
				} // else the zero Cell: an empty one
			default:
				row[i] = xlsx.Text(col.text(n+1, e))
			}
		}
		sheet.Rows = append(sheet.Rows, row)
	}
	var buf bytes.Buffer
	if err := xlsx.Write(&buf, sheet); err != nil {
		return nil, fmt.Errorf("document: %w", err)
	}
	return buf.Bytes(), nil
}

// dayTime is the day d at midnight UTC.
func dayTime(d calendar.Date) time.Time {
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC)
}
