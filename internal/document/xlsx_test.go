package document

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"testing"

	"qyzmet/internal/calendar"
)

// The worksheet as SpreadsheetML, as much of it as the test reads back.
type xlsxWorksheet struct {
	Cols []struct {
		Min   int     `xml:"min,attr"`
		Width float64 `xml:"width,attr"`
	} `xml:"cols>col"`
	Pane struct {
		YSplit string `xml:"ySplit,attr"`
		State  string `xml:"state,attr"`
	} `xml:"sheetViews>sheetView>pane"`
	Rows []struct {
		R     int `xml:"r,attr"`
		Cells []struct {
			R      string `xml:"r,attr"`
			T      string `xml:"t,attr"`
			S      int    `xml:"s,attr"`
			V      string `xml:"v"`
			Inline string `xml:"is>t"`
		} `xml:"c"`
	} `xml:"sheetData>row"`
}

// readXLSX opens a workbook, checks that every part is well-formed XML, and
// returns the parts by name.
func readXLSX(t *testing.T, b []byte) map[string][]byte {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string][]byte{}
	for _, f := range z.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
		d := xml.NewDecoder(bytes.NewReader(data))
		for {
			if _, err := d.Token(); err == io.EOF {
				break
			} else if err != nil {
				t.Fatalf("%s is not well-formed XML: %v", f.Name, err)
			}
		}
		parts[f.Name] = data
	}
	return parts
}

func TestJournalXLSX(t *testing.T) {
	j := sampleJournal()
	b, err := JournalXLSX(j)
	if err != nil {
		t.Fatal(err)
	}
	parts := readXLSX(t, b)
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/worksheets/sheet1.xml"} {
		if parts[name] == nil {
			t.Errorf("the workbook has no part %s", name)
		}
	}
	if !bytes.Contains(parts["[Content_Types].xml"], []byte(`PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"`)) {
		t.Error("the content types do not declare the worksheet")
	}
	if !bytes.Contains(parts["xl/workbook.xml"], []byte(`<sheet name="Журнал" sheetId="1" r:id="rId1"/>`)) {
		t.Error("the workbook does not name its sheet")
	}
	var ws xlsxWorksheet
	if err := xml.Unmarshal(parts["xl/worksheets/sheet1.xml"], &ws); err != nil {
		t.Fatal(err)
	}

	t.Run("AP-6.1 header row with the journal's columns, frozen, with widths", func(t *testing.T) {
		if len(ws.Cols) != len(journalColumns) {
			t.Fatalf("%d column widths, want %d", len(ws.Cols), len(journalColumns))
		}
		for i, c := range ws.Cols {
			if c.Min != i+1 || c.Width < 5 {
				t.Errorf("column %d: %+v", i+1, c)
			}
		}
		if ws.Pane.YSplit != "1" || ws.Pane.State != "frozen" {
			t.Errorf("the header row is not frozen: %+v", ws.Pane)
		}
		if len(ws.Rows) == 0 || ws.Rows[0].R != 1 {
			t.Fatal("no header row")
		}
		head := ws.Rows[0].Cells
		if len(head) != len(journalColumns) {
			t.Fatalf("%d header cells", len(head))
		}
		for i, want := range []string{"№", "Құжаттар келіп түскен күн\nДата поступления документов", "Көрсетілетін қызметті алушының Т.А.Ә., ЖСН\nФ.И.О., ИИН услугополучателя"} {
			if head[i].Inline != want {
				t.Errorf("header %d is %q, want %q", i+1, head[i].Inline, want)
			}
		}
		if !strings.Contains(head[7].Inline, "Номер и дата апостиля") {
			t.Errorf("column 8 is %q", head[7].Inline)
		}
	})

	t.Run("AP-6.1 one row per entry, dates as dates", func(t *testing.T) {
		if len(ws.Rows) != len(j.Entries)+1 {
			t.Fatalf("%d rows, want %d", len(ws.Rows), len(j.Entries)+1)
		}
		for n, e := range j.Entries {
			row := ws.Rows[n+1]
			if row.R != n+2 || len(row.Cells) != len(journalColumns) {
				t.Fatalf("row %d: r=%d with %d cells", n+2, row.R, len(row.Cells))
			}
			c := row.Cells
			if c[0].V != itoa(n+1) || c[0].R != "A"+itoa(n+2) {
				t.Errorf("row %d: number cell %+v", n+2, c[0])
			}
			if c[1].T != "" || formatOf(t, parts["xl/styles.xml"], c[1].S) != "dd.mm.yyyy" || fromSerial(t, c[1].V) != e.ReceivedOn {
				t.Errorf("row %d: date cell %+v, want %s", n+2, c[1], e.ReceivedOn)
			}
			if !strings.Contains(c[2].Inline, e.Applicant) || !strings.Contains(c[2].Inline, e.IIN) {
				t.Errorf("row %d: applicant %q", n+2, c[2].Inline)
			}
			if c[3].Inline != e.Document || c[5].Inline != e.Country {
				t.Errorf("row %d: document %q, country %q", n+2, c[3].Inline, c[5].Inline)
			}
			if e.ApostilleNumber != "" && !strings.Contains(c[7].Inline, e.ApostilleNumber) {
				t.Errorf("row %d: result %q lacks %s", n+2, c[7].Inline, e.ApostilleNumber)
			}
			if e.Refusal != "" && !strings.Contains(c[7].Inline, "Отказ: "+e.Refusal) {
				t.Errorf("row %d: result %q lacks the refusal", n+2, c[7].Inline)
			}
			if e.HandedOverOn.IsZero() != (c[8].V == "") {
				t.Errorf("row %d: hand-over cell %+v", n+2, c[8])
			}
		}
	})

	t.Run("AP-6.1 the same journal gives the same workbook", func(t *testing.T) {
		again, err := JournalXLSX(sampleJournal())
		if err != nil || !bytes.Equal(again, b) {
			t.Errorf("a second workbook differs (%v)", err)
		}
	})

	t.Run("AP-6.1 an entry outside the period is refused", func(t *testing.T) {
		bad := sampleJournal()
		bad.Entries[1].ReceivedOn = calendar.D(2026, 4, 2)
		out, err := JournalXLSX(bad)
		var e *Error
		if !errors.Is(err, ErrInvalid) || !errors.As(err, &e) || e.Field != "Entries[1].ReceivedOn" || out != nil {
			t.Errorf("got %v", err)
		}
		if _, err := JournalXLSX(nil); !errors.Is(err, ErrWrongData) {
			t.Errorf("nil journal: %v", err)
		}
	})

	t.Run("AP-6.1 text that XML cannot hold is escaped", func(t *testing.T) {
		odd := sampleJournal()
		odd.Entries[0].Document = `Қаулы <№ 5> & "A&B"`
		b, err := JournalXLSX(odd)
		if err != nil {
			t.Fatal(err)
		}
		var ws xlsxWorksheet
		if err := xml.Unmarshal(readXLSX(t, b)["xl/worksheets/sheet1.xml"], &ws); err != nil {
			t.Fatal(err)
		}
		if got := ws.Rows[1].Cells[3].Inline; got != odd.Entries[0].Document {
			t.Errorf("read back %q", got)
		}
	})
}

func fromSerial(t *testing.T, v string) calendar.Date {
	t.Helper()
	n := 0
	for _, r := range v {
		if r < '0' || r > '9' {
			t.Fatalf("serial %q is not a whole number", v)
		}
		n = n*10 + int(r-'0')
	}
	return calendar.D(1899, 12, 30).AddDays(n)
}

// formatOf is the number format of the cell style with the given index.
func formatOf(t *testing.T, styles []byte, style int) string {
	t.Helper()
	var ss struct {
		Formats []struct {
			ID   int    `xml:"numFmtId,attr"`
			Code string `xml:"formatCode,attr"`
		} `xml:"numFmts>numFmt"`
		Styles []struct {
			Format int `xml:"numFmtId,attr"`
		} `xml:"cellXfs>xf"`
	}
	if err := xml.Unmarshal(styles, &ss); err != nil {
		t.Fatal(err)
	}
	if style < 0 || style >= len(ss.Styles) {
		t.Fatalf("style %d is not in the style sheet (%d styles)", style, len(ss.Styles))
	}
	for _, f := range ss.Formats {
		if f.ID == ss.Styles[style].Format {
			return f.Code
		}
	}
	return ""
}
