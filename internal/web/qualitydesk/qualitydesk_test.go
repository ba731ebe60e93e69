package qualitydesk_test

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"html"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"qyzmet/internal/audit"
	"qyzmet/internal/calendar"
	"qyzmet/internal/casework"
	"qyzmet/internal/standard"
	"qyzmet/internal/store"
	"qyzmet/internal/store/storetest"
	"qyzmet/internal/web"
	"qyzmet/internal/web/qualitydesk"
	"qyzmet/internal/web/ui"
	"qyzmet/internal/web/webtest"
)

// world is the site with the dashboard alone, on a fixed clock that starts
// at 10:00 in Astana on the first working day after tomorrow (the demo
// signing certificate is valid from the test's start).
type world struct {
	t     *testing.T
	qs    *webtest.Site
	clock *storetest.Clock
	cal   *calendar.Calendar
	day0  calendar.Date
}

var keys atomic.Int64

func newWorld(t *testing.T) *world {
	t.Helper()
	cal := calendar.Default()
	day := cal.NextWorkingDay(calendar.DateOf(time.Now().Add(24 * time.Hour)))
	clock := storetest.NewClock(time.Date(day.Year, day.Month, day.Day, 10, 0, 0, 0, calendar.Almaty))
	qs := webtest.New(t, webtest.Options{Clock: clock, Areas: []web.AreaFunc{
		func(d ui.Deps) (web.Area, error) { return qualitydesk.New(d) },
	}})
	return &world{t: t, qs: qs, clock: clock, cal: cal, day0: day}
}

var (
	head  = casework.Actor{ID: "head-1", Role: casework.RoleHead}
	admin = casework.Actor{ID: "admin-1", Role: casework.RoleAdmin}
)

func (w *world) exec(a casework.Actor, app *casework.Application, name string, data ...json.RawMessage) *casework.Application {
	w.t.Helper()
	cur, err := w.qs.Sys.Engine.Get(context.Background(), admin, app.ID)
	if err != nil {
		w.t.Fatal(err)
	}
	out, err := w.qs.Sys.Engine.Execute(context.Background(), a, app.ID, casework.Command{Name: name, ExpectedVersion: cur.Version, Data: append(data, nil)[0]})
	if err != nil {
		w.t.Fatalf("%s on %s: %v", name, app.ID, err)
	}
	return out
}

// ac is a court apostille accepted at a State Corporation branch of class.
func (w *world) ac(n int, branch string, class standard.DepartmentClass) *casework.Application {
	w.t.Helper()
	p := casework.Party{Kind: casework.KindIndividual, IIN: w.qs.CleanCitizen(w.t, n), Surname: "Абенов", GivenName: "Ерлан",
		Phone: "+77011234567", Address: "Алматы, Абай 10"}
	op := casework.Actor{ID: "op-" + branch, Role: casework.RoleOperator, Branch: branch}
	app, _, err := w.qs.Sys.Engine.Submit(context.Background(), op, casework.SubmitInput{Service: standard.ApostilleCourt, Channel: standard.StateCorp,
		Applicant: p, Branch: branch, DepartmentClass: class,
		Payment:   &casework.Payment{Method: casework.PaymentGateway, Reference: "PG-1", AmountTenge: 2162, PaidOn: calendar.DateOf(w.clock.Now())},
		Documents: []casework.DocumentInput{{ID: "application", Provided: true}, {ID: "identity", Provided: true}, {ID: "court-document", Provided: true}}},
		fmt.Sprintf("k-%d", keys.Add(1)))
	if err != nil {
		w.t.Fatal(err)
	}
	return w.exec(op, app, "accept")
}

// decide issues the apostille on a court document that agrees with a
// specimen of the demo registry (AC-15-1).
func (w *world) decide(app *casework.Application) *casework.Application {
	w.t.Helper()
	var signer struct {
		Surname    string `json:"surname"`
		GivenName  string `json:"given_name"`
		Patronymic string `json:"patronymic"`
	}
	var position, body, seal string
	err := w.qs.DB.ReadTx(context.Background(), func(tx *store.Tx) error {
		return tx.QueryRow(context.Background(), `SELECT surname, given_name, patronymic, position, body, seal_id FROM signatory_specimens
			WHERE body_kind = 'court' AND valid_to IS NULL AND valid_from < '2024-01-01' ORDER BY id LIMIT 1`).
			Scan(&signer.Surname, &signer.GivenName, &signer.Patronymic, &position, &body, &seal)
	})
	if err != nil {
		w.t.Fatal(err)
	}
	data, _ := json.Marshal(map[string]any{"apostille": map[string]any{"signer": signer, "position": position, "body": body,
		"seal_id": seal, "signed_on": "2024-03-02", "document": "Сот шешімі", "document_number": "2-17/2024", "pages": 2}})
	return w.exec(head, w.exec(head, app, "start-verification"), "issue", data)
}

// seeded are the applications of the figures test by what they are.
type seeded struct {
	onTime, late, overdue, open *casework.Application
}

// seed: AC at a major department (1 working day, AC-4.1) decided the same
// day; at other departments (5 working days) one decided after its deadline,
// one left open past it, and one received later and still within it.
func (w *world) seed() seeded {
	w.t.Helper()
	var s seeded
	s.onTime = w.ac(1, "ALM-1", standard.Major)
	s.late = w.ac(2, "KRG-3", standard.Other)
	s.overdue = w.ac(3, "KRG-3", standard.Other)
	w.clock.Set(w.clock.Now().Add(5 * time.Hour))
	s.onTime = w.decide(s.onTime)
	w.clock.Set(s.late.Deadline.Add(26 * time.Hour))
	s.late = w.decide(s.late)
	s.open = w.ac(4, "SHY-2", standard.Other)
	return s
}

// direct counts the figures of each branch with plain SQL over the same
// table (SQLite's JSON functions): the acceptance check of #7.
func direct(t *testing.T, db *store.DB, now time.Time) map[string][5]int {
	t.Helper()
	decided, deadline := "json_extract(doc, '$.decision.decided_at')", "json_extract(doc, '$.deadline')"
	q := `SELECT COALESCE(branch, ''), COUNT(*),
		SUM(` + decided + ` IS NOT NULL),
		SUM(` + decided + ` IS NOT NULL AND julianday(` + decided + `) <= julianday(` + deadline + `)),
		SUM(` + decided + ` IS NOT NULL AND julianday(` + decided + `) > julianday(` + deadline + `)),
		SUM(` + decided + ` IS NULL AND julianday(` + deadline + `) < julianday(?))
		FROM casework_applications
		WHERE service <> 'complaint' AND json_extract(doc, '$.received_on') IS NOT NULL
		GROUP BY COALESCE(branch, '')`
	out := map[string][5]int{}
	err := db.ReadTx(context.Background(), func(tx *store.Tx) error {
		rows, err := tx.Query(context.Background(), q, now.UTC().Format(time.RFC3339Nano))
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var branch string
			var n [5]int
			if err := rows.Scan(&branch, &n[0], &n[1], &n[2], &n[3], &n[4]); err != nil {
				return err
			}
			out[branch] = n
		}
		return rows.Err()
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func (w *world) period() string {
	return "from=" + w.day0.String() + "&to=" + calendar.DateOf(w.clock.Now()).String()
}

// readCSV parses an export: UTF-8 with a byte-order mark.
func readCSV(t *testing.T, body string) [][]string {
	t.Helper()
	if !strings.HasPrefix(body, "\ufeff") {
		t.Error("the CSV has no byte-order mark")
	}
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(body, "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

// readXLSX parses the sheet of an export into rows of cell texts.
func readXLSX(t *testing.T, body string) [][]string {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader([]byte(body)), int64(len(body)))
	if err != nil {
		t.Fatal(err)
	}
	var sheet struct {
		Rows []struct {
			Cells []struct {
				Value  string `xml:"v"`
				Inline string `xml:"is>t"`
			} `xml:"c"`
		} `xml:"sheetData>row"`
	}
	for _, f := range z.File {
		if f.Name != "xl/worksheets/sheet1.xml" {
			continue
		}
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(r)
		r.Close()
		if err := xml.Unmarshal(b, &sheet); err != nil {
			t.Fatal(err)
		}
	}
	var out [][]string
	for _, row := range sheet.Rows {
		var cells []string
		for _, c := range row.Cells {
			cells = append(cells, c.Inline+c.Value)
		}
		out = append(out, cells)
	}
	return out
}

// The dashboard's figures — on the page, in the CSV and in the XLSX — equal a
// direct SQL count of the same applications (#7 acceptance): received,
// decided, on time and late against the deadline of AC-4.1 counted in working
// days (G-1) from the day after receipt (G-2), and overdue now.
func TestFiguresEqualSQL_AC_4_1_G_1_G_2(t *testing.T) {
	w := newWorld(t)
	w.seed()
	quality := w.qs.SignInStaff(t, w.qs.Staff(t, "quality", "", casework.RoleQuality))
	want := direct(t, w.qs.DB, w.clock.Now())
	if len(want) != 3 || want["KRG-3"] != [5]int{2, 1, 0, 1, 1} || want["ALM-1"] != [5]int{1, 1, 1, 0, 0} {
		t.Fatalf("the seed is not what the test expects: %v", want)
	}
	branchOf := map[string]string{"ALM-1": "ALM-1", "KRG-3": "KRG-3", "SHY-2": "SHY-2"}

	for _, ext := range []string{"csv", "xlsx"} {
		resp, body := quality.Get(ui.PathQuality + "/export." + ext + "?" + w.period() + "&by=branch&lang=en")
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("%s export: %d", ext, resp.StatusCode)
		}
		if cd := resp.Header.Get("Content-Disposition"); !strings.Contains(cd, "attachment") || !strings.Contains(cd, "."+ext) {
			t.Errorf("%s Content-Disposition %q", ext, cd)
		}
		recs := readXLSXorCSV(t, ext, body)
		if len(recs) != len(want)+2 || recs[0][0] != "Branch" {
			t.Fatalf("%s: %v, want the header, a row per branch and the total", ext, recs)
		}
		var total [5]int
		for _, rec := range recs[1 : len(recs)-1] {
			n := want[branchOf[rec[0]]]
			if got := fmt.Sprint(rec[1:6]); got != fmt.Sprint(n) {
				t.Errorf("%s %s: figures %s, SQL %v", ext, rec[0], got, n)
			}
			for i := range total {
				total[i] += n[i]
			}
		}
		if last := recs[len(recs)-1]; last[0] != "Total" || fmt.Sprint(last[1:6]) != fmt.Sprint(total) {
			t.Errorf("%s total %v, SQL %v", ext, last, total)
		}
	}

	// The page: the table by branch shows the same numbers.
	resp, body := quality.Get(ui.PathQuality + "?" + w.period() + "&lang=en")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("dashboard: %d", resp.StatusCode)
	}
	section := body[strings.Index(body, `id="by-branch"`):]
	section = section[:strings.Index(section, "</section>")]
	for branch, n := range want {
		cells := rowCells(t, section, branch)
		if fmt.Sprint(cells[:5]) != fmt.Sprint(n) {
			t.Errorf("page, %s: %v, SQL %v", branch, cells[:5], n)
		}
	}
	for _, part := range []string{`role="img"`, `<title id="chart-branch-title">`, `<desc id="chart-month-desc">`, "By service", "By channel", "By month of receipt"} {
		if !strings.Contains(body, part) {
			t.Errorf("dashboard lacks %q", part)
		}
	}
}

func readXLSXorCSV(t *testing.T, ext, body string) [][]string {
	if ext == "csv" {
		return readCSV(t, body)
	}
	return readXLSX(t, body)
}

var tag = regexp.MustCompile(`<[^>]+>`)

// rowCells are the texts of the cells of the table row headed label.
func rowCells(t *testing.T, table, label string) []string {
	t.Helper()
	i := strings.Index(table, `<th scope="row">`+label+`</th>`)
	if i < 0 {
		t.Fatalf("no row %s", label)
	}
	row := table[i:]
	row = row[:strings.Index(row, "</tr>")]
	var out []string
	for _, td := range strings.Split(row, "<td")[1:] {
		out = append(out, strings.TrimSpace(html.UnescapeString(tag.ReplaceAllString("<td"+td, ""))))
	}
	return out
}

// Drill-down: a count links to the applications behind it, each to a
// read-only summary whose view is audited; an unknown id is a 404.
func TestDrillDown_AC_4_1(t *testing.T) {
	w := newWorld(t)
	s := w.seed()
	login := w.qs.Staff(t, "quality", "", casework.RoleQuality)
	quality := w.qs.SignInStaff(t, login)
	_, body := quality.Get(ui.PathQuality + "?" + w.period() + "&lang=en")
	link := regexp.MustCompile(`href="(/desk/quality/drill\?[^"]*measure=late[^"]*)"`).FindStringSubmatch(body)
	if link == nil {
		t.Fatal("no drill-down link for a late count")
	}
	resp, body := quality.Get(html.UnescapeString(link[1]) + "&lang=en")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("drill: %d", resp.StatusCode)
	}
	if !strings.Contains(body, "/desk/quality/applications/"+s.late.ID) || strings.Contains(body, s.onTime.ID) {
		t.Error("the late drill-down does not list exactly the late application")
	}
	resp, body = quality.Get("/desk/quality/applications/" + s.late.ID + "?lang=en")
	if resp.StatusCode != http.StatusOK || !strings.Contains(body, "Абенов") || !strings.Contains(body, "AC-4.1") {
		t.Fatalf("summary: %d", resp.StatusCode)
	}
	entries, err := w.qs.Sys.Audit.Entries(context.Background(), audit.Filter{ApplicationID: s.late.ID, ActorID: login})
	if err != nil || len(entries) != 1 {
		t.Errorf("audit of the summary: %v %v", entries, err)
	}
	if resp, _ := quality.Get("/desk/quality/applications/no-such-id"); resp.StatusCode != http.StatusNotFound {
		t.Errorf("unknown application: %d", resp.StatusCode)
	}
	if resp, _ := quality.Get("/desk/quality/drill?by=nothing&measure=late"); resp.StatusCode != http.StatusNotFound {
		t.Errorf("drill with a bad dimension: %d", resp.StatusCode)
	}
}

// Bad filters are answered next to their field, in the user's language.
func TestBadFilters(t *testing.T) {
	w := newWorld(t)
	quality := w.qs.SignInStaff(t, w.qs.Staff(t, "quality", "", casework.RoleQuality))
	for _, tt := range []struct{ query, id, want string }{
		{"from=2026-02-30", "from-error", "правильную дату"},
		{"from=2026-05-01&to=2026-04-01", "to-error", "раньше начала"},
		{"service=" + url.QueryEscape("<script>"), "service-error", "нет"},
	} {
		resp, body := quality.Get(ui.PathQuality + "?" + tt.query + "&lang=ru")
		if resp.StatusCode != http.StatusUnprocessableEntity {
			t.Errorf("%s: %d", tt.query, resp.StatusCode)
		}
		i := strings.Index(body, `id="`+tt.id+`"`)
		if i < 0 || !strings.Contains(body[i:min(len(body), i+200)], tt.want) {
			t.Errorf("%s: no error %q next to the field", tt.query, tt.want)
		}
		if strings.Contains(body, "<script>") {
			t.Errorf("%s: markup came back unescaped", tt.query)
		}
	}
}

// Only the quality officer reaches the dashboard and its exports.
func TestDashboardRefusesOthers(t *testing.T) {
	w := newWorld(t)
	clients := map[string]*webtest.Client{
		"citizen":  w.qs.SignInCitizen(t, w.qs.CleanCitizen(t, 0)),
		"operator": w.qs.SignInStaff(t, w.qs.Staff(t, "op-1", "ALM-1", casework.RoleOperator)),
		"officer":  w.qs.SignInStaff(t, w.qs.Staff(t, "officer", "", casework.RoleOfficer)),
		"reviewer": w.qs.SignInStaff(t, w.qs.Staff(t, "reviewer", "", casework.RoleComplaints)),
	}
	for name, c := range clients {
		for _, path := range []string{"", "/drill?by=branch&measure=late", "/export.csv", "/export.xlsx", "/applications/x"} {
			if resp, _ := c.Get(ui.PathQuality + path); resp.StatusCode != http.StatusForbidden {
				t.Errorf("%s at %s: %d, want 403", name, path, resp.StatusCode)
			}
		}
	}
	if resp, _ := w.qs.NewClient(t).Get(ui.PathQuality); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("nobody: %d, want a redirect to sign in", resp.StatusCode)
	}
}

// Every page of the dashboard is in Kazakh, Russian and English: no message
// key shows as itself.
func TestEveryPageInThreeLanguages(t *testing.T) {
	w := newWorld(t)
	s := w.seed()
	quality := w.qs.SignInStaff(t, w.qs.Staff(t, "quality", "", casework.RoleQuality))
	for _, lang := range []string{"kk", "ru", "en"} {
		for _, path := range []string{"?" + w.period(), "/drill?by=branch&key=KRG-3&measure=received&" + w.period(), "/applications/" + s.late.ID + "?x=1"} {
			resp, body := quality.Get(ui.PathQuality + path + "&lang=" + lang)
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("%s in %s: %d", path, lang, resp.StatusCode)
			}
			if strings.Contains(strings.ReplaceAll(body, "qualitydesk.css", ""), "qualitydesk.") {
				t.Errorf("%s in %s shows a message key", path, lang)
			}
		}
	}
}
