package quality_test

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"io"
	"strings"
	"testing"
	"time"

	"qyzmet/internal/i18n"
	"qyzmet/internal/quality"
	"qyzmet/internal/standard"
)

// sample is a report grouped by service, as Figures returns it.
func sample() *quality.Report {
	return &quality.Report{
		Query: quality.Query{GroupBy: []quality.Dimension{quality.ByService}, Now: time.Date(2026, 5, 20, 7, 0, 0, 0, time.UTC)},
		Rows: []quality.Row{
			{Key: quality.Key{Service: standard.ApostilleCourt}, Received: 5, Decided: 4, OnTime: 3, Late: 1, Overdue: 1, OnTimeShare: 0.75, AvgWorkingDays: 2.5, AvgHours: 60},
			{Key: quality.Key{Service: standard.CriminalRecord}, Received: 3, Decided: 2, OnTime: 1, Late: 1, Overdue: 1, OnTimeShare: 0.5, AvgWorkingDays: 0, AvgHours: 0.2916},
			{Key: quality.Key{Service: standard.ArchivalCertificate}, Received: 1},
		},
		Total: quality.Row{Received: 9, Decided: 6, OnTime: 4, Late: 2, Overdue: 2, OnTimeShare: 4.0 / 6},
	}
}

func drill(k quality.Key) string {
	return "/quality/cases?service=" + string(k.Service) + "&measure=late&x=<&"
}

// svgDoc is what the tests read back from a chart.
type svgDoc struct {
	XMLName xml.Name `xml:"svg"`
	Role    string   `xml:"role,attr"`
	Title   string   `xml:"title"`
	Desc    string   `xml:"desc"`
	Links   []struct {
		Href string `xml:"href,attr"`
		Bar  struct {
			Title string `xml:"title"`
			Rects []struct {
				Width  string `xml:"width,attr"`
				Height string `xml:"height,attr"`
				Fill   string `xml:"fill,attr"`
			} `xml:"rect"`
			Texts []string `xml:"text"`
		} `xml:"g"`
	} `xml:"a"`
}

func parseSVG(t *testing.T, b []byte) svgDoc {
	t.Helper()
	var doc svgDoc
	if err := xml.Unmarshal(b, &doc); err != nil {
		t.Fatalf("the chart is not XML: %v\n%s", err, b)
	}
	return doc
}

func TestBarChartSVG(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.KK, i18n.RU, i18n.EN} {
		t.Run(string(lang), func(t *testing.T) {
			var buf bytes.Buffer
			if err := quality.BarChart(&buf, sample(), quality.ByService, lang, drill); err != nil {
				t.Fatal(err)
			}
			doc := parseSVG(t, buf.Bytes())
			if doc.Role != "img" || doc.Title == "" || doc.Desc == "" {
				t.Errorf("role %q, title %q, desc %q: a screen reader needs all three", doc.Role, doc.Title, doc.Desc)
			}
			if len(doc.Links) != 3 {
				t.Fatalf("%d linked bars, want 3", len(doc.Links))
			}
			if got := doc.Links[0].Href; got != drill(quality.Key{Service: standard.ApostilleCourt}) {
				t.Errorf("first bar links to %q", got)
			}
			// 75% of the 360-pixel plot; the text on the bar states it.
			first := doc.Links[0].Bar
			if len(first.Rects) != 1 || first.Rects[0].Width != "270" || !strings.Contains(strings.Join(first.Texts, " "), "75% (3/4)") {
				t.Errorf("first bar %+v, want 270 px wide labelled 75%% (3/4)", first)
			}
			if last := doc.Links[2].Bar; last.Rects[0].Width != "0" || !strings.Contains(strings.Join(last.Texts, " "), "—") {
				t.Errorf("a service without decisions: %+v, want an empty bar marked —", last)
			}
		})
	}
}

func TestMonthChartSVG(t *testing.T) {
	rep := &quality.Report{Query: quality.Query{GroupBy: []quality.Dimension{quality.ByMonth}}, Rows: []quality.Row{
		{Key: quality.Key{Month: "2026-04"}, Decided: 4, OnTime: 2, OnTimeShare: 0.5},
		{Key: quality.Key{Month: "2026-05"}, Decided: 2, OnTime: 2, OnTimeShare: 1},
	}}
	var buf bytes.Buffer
	if err := quality.MonthChart(&buf, rep, i18n.RU, drill); err != nil {
		t.Fatal(err)
	}
	doc := parseSVG(t, buf.Bytes())
	if len(doc.Links) != 2 || doc.Links[0].Bar.Rects[0].Height != "120" || doc.Links[1].Bar.Rects[0].Height != "240" {
		t.Fatalf("columns %+v, want 120 and 240 px (50%% and 100%% of 240)", doc.Links)
	}
	if !strings.Contains(doc.Title, "Доля") || !strings.Contains(strings.Join(doc.Links[1].Bar.Texts, " "), "2026-05") {
		t.Errorf("title %q, texts %v: want Russian labels and the month", doc.Title, doc.Links[1].Bar.Texts)
	}
	buf.Reset()
	if err := quality.MonthChart(&buf, rep, i18n.EN, nil); err != nil {
		t.Fatal(err)
	}
	if doc := parseSVG(t, buf.Bytes()); len(doc.Links) != 0 {
		t.Errorf("no drill-down given, yet %d links", len(doc.Links))
	}
}

func TestCSVRoundTrip(t *testing.T) {
	var buf bytes.Buffer
	if err := quality.WriteCSV(&buf, sample(), i18n.RU); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(buf.Bytes(), []byte("\xEF\xBB\xBF")) {
		t.Fatal("no UTF-8 byte-order mark: Excel would misread the Cyrillic")
	}
	recs, err := csv.NewReader(bytes.NewReader(buf.Bytes()[3:])).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 5 || recs[0][0] != "Услуга" || recs[0][1] != "Принято" {
		t.Fatalf("CSV %v: want the Russian header, 3 rows and the total", recs)
	}
	if got := recs[1]; !strings.Contains(got[0], "Апостилирование") || got[1] != "5" || got[3] != "3" || got[6] != "75.00" || got[7] != "2.50" {
		t.Errorf("AC row %v", got)
	}
	if got := recs[4]; got[0] != "Итого" || got[1] != "9" || got[6] != "66.67" {
		t.Errorf("total row %v", got)
	}
}

func TestXLSXRoundTrip(t *testing.T) {
	var buf bytes.Buffer
	if err := quality.WriteXLSX(&buf, sample(), i18n.KK); err != nil {
		t.Fatal(err)
	}
	z, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string][]byte{}
	for _, f := range z.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		parts[f.Name], _ = io.ReadAll(r)
		r.Close()
		var v struct{}
		if err := xml.Unmarshal(parts[f.Name], &v); err != nil {
			t.Errorf("%s is not XML: %v", f.Name, err)
		}
	}
	for _, want := range []string{"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml"} {
		if parts[want] == nil {
			t.Errorf("the workbook lacks %s", want)
		}
	}
	var sheet struct {
		Rows []struct {
			Cells []struct {
				Ref    string `xml:"r,attr"`
				Type   string `xml:"t,attr"`
				Value  string `xml:"v"`
				Inline string `xml:"is>t"`
			} `xml:"c"`
		} `xml:"sheetData>row"`
	}
	if err := xml.Unmarshal(parts["xl/worksheets/sheet1.xml"], &sheet); err != nil {
		t.Fatal(err)
	}
	if len(sheet.Rows) != 5 {
		t.Fatalf("%d rows, want the header, 3 services and the total", len(sheet.Rows))
	}
	if h := sheet.Rows[0].Cells; h[0].Inline != "Қызмет" || h[1].Inline != "Қабылданды" {
		t.Errorf("header %+v: want the Kazakh headings", h)
	}
	ac := sheet.Rows[1].Cells
	if ac[0].Type != "inlineStr" || ac[1].Ref != "B2" || ac[1].Type != "" || ac[1].Value != "5" || ac[6].Value != "75.00" {
		t.Errorf("AC row %+v: want the name as text, then numbers", ac)
	}
	if tot := sheet.Rows[4].Cells; tot[0].Inline != "Барлығы" || tot[1].Value != "9" {
		t.Errorf("total row %+v", tot)
	}
}

func TestMeasureNames(t *testing.T) {
	seen := map[string]bool{}
	for _, m := range quality.Measures() {
		n := quality.MeasureName(m)
		if !n.Complete() || seen[n.EN] {
			t.Errorf("measure %s: name %+v, want a distinct one in kk/ru/en", m, n)
		}
		seen[n.EN] = true
	}
}
