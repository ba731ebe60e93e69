package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"io/fs"
	"strings"
	"testing"
	"time"
)

// readParts opens a workbook, checks that every part is well-formed XML, and
// returns the parts by name.
func readParts(t *testing.T, b []byte) map[string][]byte {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string][]byte{}
	for _, f := range z.File {
		data, err := fs.ReadFile(z, f.Name)
		if err != nil {
			t.Fatal(err)
		}
		d := xml.NewDecoder(bytes.NewReader(data))
		for err == nil {
			_, err = d.Token()
		}
		if err != io.EOF {
			t.Fatalf("%s is not well-formed XML: %v", f.Name, err)
		}
		parts[f.Name] = data
	}
	return parts
}

// worksheetXML is the worksheet as much as the tests read back.
type worksheetXML struct {
	Dimension struct {
		Ref string `xml:"ref,attr"`
	} `xml:"dimension"`
	Pane struct {
		YSplit string `xml:"ySplit,attr"`
		State  string `xml:"state,attr"`
	} `xml:"sheetViews>sheetView>pane"`
	Cols []struct {
		Min   int     `xml:"min,attr"`
		Width float64 `xml:"width,attr"`
	} `xml:"cols>col"`
	Rows []struct {
		R      int     `xml:"r,attr"`
		Height float64 `xml:"ht,attr"`
		Cells  []struct {
			R      string `xml:"r,attr"`
			T      string `xml:"t,attr"`
			S      int    `xml:"s,attr"`
			V      string `xml:"v"`
			Inline string `xml:"is>t"`
		} `xml:"c"`
	} `xml:"sheetData>row"`
	Page struct {
		Orientation string `xml:"orientation,attr"`
	} `xml:"pageSetup"`
}

// cellStyle is what a test reads back of a cell style.
type cellStyle struct {
	format string // the number format code; "" for General
	bold   bool
}

// cellStyles reads the style sheet's cell styles, by index.
func cellStyles(t *testing.T, data []byte) []cellStyle {
	t.Helper()
	var sheet struct {
		Formats []struct {
			ID   int    `xml:"numFmtId,attr"`
			Code string `xml:"formatCode,attr"`
		} `xml:"numFmts>numFmt"`
		Fonts []struct {
			Bold *struct{} `xml:"b"`
		} `xml:"fonts>font"`
		Xfs []struct {
			Format int `xml:"numFmtId,attr"`
			Font   int `xml:"fontId,attr"`
		} `xml:"cellXfs>xf"`
	}
	if err := xml.Unmarshal(data, &sheet); err != nil {
		t.Fatal(err)
	}
	codes := map[int]string{}
	for _, f := range sheet.Formats {
		codes[f.ID] = f.Code
	}
	out := make([]cellStyle, len(sheet.Xfs))
	for i, x := range sheet.Xfs {
		if x.Font >= len(sheet.Fonts) {
			t.Fatalf("cell style %d uses font %d of %d", i, x.Font, len(sheet.Fonts))
		}
		out[i] = cellStyle{format: codes[x.Format], bold: sheet.Fonts[x.Font].Bold != nil}
	}
	return out
}

func sample() Sheet {
	return Sheet{
		Name:         "Отчёт & <итоги>",
		Title:        `Журнал "A&B" <2026>`,
		Columns:      []Column{{Width: 12}, {Width: 30.5}},
		Header:       []string{"Күні\nДата", "Атауы <&>"},
		HeaderHeight: 40,
		Rows: [][]Cell{
			{Date(time.Date(2026, 3, 20, 23, 30, 0, 0, time.FixedZone("ALMT", 5*3600))), Text(`Қаулы <№ 5> & "A&B"`), Number(75, 2), Number(5, 0)},
			{{}, Text("екі\nжол\x01"), Number(2.345, 1), Number(-3, 0)},
		},
		Landscape: true,
		Modified:  time.Date(2026, 3, 31, 0, 0, 0, 0, time.UTC),
	}
}

func write(t *testing.T, s Sheet) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, s); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestWriteParts(t *testing.T) {
	parts := readParts(t, write(t, sample()))
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/worksheets/sheet1.xml"} {
		if parts[name] == nil {
			t.Errorf("the workbook has no part %s", name)
		}
	}
	var wb struct {
		Sheet struct {
			Name string `xml:"name,attr"`
		} `xml:"sheets>sheet"`
	}
	if err := xml.Unmarshal(parts["xl/workbook.xml"], &wb); err != nil || wb.Sheet.Name != sample().Name {
		t.Errorf("sheet name read back as %q (%v)", wb.Sheet.Name, err)
	}
	var core struct {
		Title string `xml:"title"`
	}
	if err := xml.Unmarshal(parts["docProps/core.xml"], &core); err != nil || core.Title != sample().Title {
		t.Errorf("title read back as %q (%v)", core.Title, err)
	}

	untitled := sample()
	untitled.Title = ""
	parts = readParts(t, write(t, untitled))
	if parts["docProps/core.xml"] != nil || bytes.Contains(parts["[Content_Types].xml"], []byte("core")) || bytes.Contains(parts["_rels/.rels"], []byte("core")) {
		t.Error("a workbook without a title still has core properties")
	}
}

func TestWriteSheet(t *testing.T) {
	parts := readParts(t, write(t, sample()))
	var ws worksheetXML
	if err := xml.Unmarshal(parts["xl/worksheets/sheet1.xml"], &ws); err != nil {
		t.Fatal(err)
	}
	styles := cellStyles(t, parts["xl/styles.xml"])
	style := func(s int) cellStyle {
		t.Helper()
		if s < 0 || s >= len(styles) {
			t.Fatalf("style %d is not in the style sheet (%d styles)", s, len(styles))
		}
		return styles[s]
	}

	t.Run("layout", func(t *testing.T) {
		if ws.Dimension.Ref != "A1:D3" {
			t.Errorf("dimension %q, want A1:D3", ws.Dimension.Ref)
		}
		if ws.Pane.YSplit != "1" || ws.Pane.State != "frozen" {
			t.Errorf("the header row is not frozen: %+v", ws.Pane)
		}
		if len(ws.Cols) != 2 || ws.Cols[0].Min != 1 || ws.Cols[0].Width != 12 || ws.Cols[1].Min != 2 || ws.Cols[1].Width != 30.5 {
			t.Errorf("columns %+v", ws.Cols)
		}
		if ws.Page.Orientation != "landscape" {
			t.Errorf("orientation %q", ws.Page.Orientation)
		}
		if len(ws.Rows) != 3 || ws.Rows[0].R != 1 || ws.Rows[0].Height != 40 || ws.Rows[2].R != 3 {
			t.Fatalf("rows %+v", ws.Rows)
		}
	})

	t.Run("text is escaped", func(t *testing.T) {
		head := ws.Rows[0].Cells
		if len(head) != 2 || head[0].Inline != "Күні\nДата" || head[1].Inline != "Атауы <&>" || head[0].T != "inlineStr" {
			t.Errorf("header %+v", head)
		}
		if !style(head[0].S).bold || style(ws.Rows[1].Cells[1].S).bold {
			t.Errorf("header style %+v, text style %+v: want only the header bold", style(head[0].S), style(ws.Rows[1].Cells[1].S))
		}
		if c := ws.Rows[1].Cells[1]; c.T != "inlineStr" || c.Inline != `Қаулы <№ 5> & "A&B"` || c.R != "B2" {
			t.Errorf("text cell %+v", c)
		}
		if c := ws.Rows[2].Cells[1]; c.Inline != "екі\nжол\uFFFD" {
			t.Errorf("a newline and a control character read back as %q", c.Inline)
		}
	})

	t.Run("numbers are typed", func(t *testing.T) {
		for _, c := range []struct {
			row, col   int
			ref, value string
			format     string
		}{
			{1, 2, "C2", "75.00", "0.00"},
			{1, 3, "D2", "5", "0"},
			{2, 2, "C3", "2.3", "0.0"},
			{2, 3, "D3", "-3", "0"},
		} {
			got := ws.Rows[c.row].Cells[c.col]
			if got.R != c.ref || got.T != "" || got.V != c.value || style(got.S).format != c.format {
				t.Errorf("%s: %+v with format %q, want %s shown as %s", c.ref, got, style(got.S).format, c.value, c.format)
			}
		}
	})

	t.Run("dates are typed", func(t *testing.T) {
		got := ws.Rows[1].Cells[0]
		// The day as it stands in its zone (20 March in Almaty, 19 March in UTC).
		if got.R != "A2" || got.T != "" || got.V != "46101" || style(got.S).format != "dd.mm.yyyy" {
			t.Errorf("date cell %+v with format %q", got, style(got.S).format)
		}
		if e := ws.Rows[2].Cells[0]; e.R != "A3" || e.V != "" || e.Inline != "" || e.T != "" {
			t.Errorf("empty cell %+v", e)
		}
	})
}

func TestWriteIsDeterministic(t *testing.T) {
	a, b := write(t, sample()), write(t, sample())
	if !bytes.Equal(a, b) {
		t.Error("the same sheet gives different workbooks")
	}
	later := sample()
	later.Modified = later.Modified.Add(48 * time.Hour)
	if bytes.Equal(a, write(t, later)) {
		t.Error("Modified does not reach the archive")
	}
}

func TestWriteRefusesBadSheets(t *testing.T) {
	for _, c := range []struct {
		name  string
		sheet func(*Sheet)
		want  string
	}{
		{"no name", func(s *Sheet) { s.Name = "" }, "sheet name"},
		{"long name", func(s *Sheet) { s.Name = strings.Repeat("ж", 32) }, "sheet name"},
		{"slash in name", func(s *Sheet) { s.Name = "2026/03" }, "sheet name"},
		{"negative decimals", func(s *Sheet) { s.Rows[1][2] = Number(1, -1) }, "C3"},
		{"too many decimals", func(s *Sheet) { s.Rows[0][3] = Number(1, MaxDecimals+1) }, "D2"},
		{"phantom leap day", func(s *Sheet) { s.Rows[1][0] = Date(time.Date(1900, 2, 28, 0, 0, 0, 0, time.UTC)) }, "A3"},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := sample()
			c.sheet(&s)
			var buf bytes.Buffer
			err := Write(&buf, s)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %v, want one naming %s", err, c.want)
			}
			if buf.Len() != 0 {
				t.Errorf("%d bytes written for a bad sheet", buf.Len())
			}
		})
	}
	s := sample()
	s.Name = strings.Repeat("ж", 31)
	if err := Write(io.Discard, s); err != nil {
		t.Errorf("a 31-letter name: %v", err)
	}
}

func TestSerial(t *testing.T) {
	// Spreadsheets count 1 January 1900 as 1 and 1 March 1900 as 61 (the
	// phantom 29 February 1900 sits between them); Write refuses earlier days.
	for _, c := range []struct {
		d    time.Time
		want int
	}{
		{time.Date(1900, 3, 1, 0, 0, 0, 0, time.UTC), 61},
		{time.Date(1939, 1, 1, 0, 0, 0, 0, time.UTC), 14246},
		{time.Date(2026, 3, 20, 12, 0, 0, 0, time.UTC), 46101},
	} {
		if got := serial(c.d); got != c.want {
			t.Errorf("serial(%s) = %d, want %d", c.d.Format(time.DateOnly), got, c.want)
		}
	}
}

func TestRef(t *testing.T) {
	for _, c := range []struct {
		col, row int
		want     string
	}{{0, 1, "A1"}, {25, 2, "Z2"}, {26, 10, "AA10"}, {701, 3, "ZZ3"}, {702, 4, "AAA4"}} {
		if got := ref(c.col, c.row); got != c.want {
			t.Errorf("ref(%d, %d) = %s, want %s", c.col, c.row, got, c.want)
		}
	}
}
