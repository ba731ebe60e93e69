package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"qyzmet/internal/i18n"
	"qyzmet/internal/registry/csvimport"
	"qyzmet/internal/store"
	"qyzmet/internal/store/storetest"
)

// registryCLI runs a command against a migrated database of engine e.
type registryCLI struct {
	t   *testing.T
	cfg store.Config
}

func newRegistryCLI(t *testing.T, e storetest.Engine) *registryCLI {
	t.Helper()
	cfg := e.Config(t)
	migrated := cfg
	migrated.AutoMigrate = true
	db, err := store.Open(context.Background(), migrated)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	return &registryCLI{t: t, cfg: cfg}
}

func (c *registryCLI) run(stdin string, args ...string) (code int, stdout, stderr string) {
	if c.cfg.DatabaseURL == "" {
		args = append(args, "--data", c.cfg.DataDir)
	}
	var out, errb bytes.Buffer
	env := Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb, Getenv: func(k string) string {
		if k == "QYZMET_DATABASE_URL" {
			return c.cfg.DatabaseURL
		}
		return ""
	}}
	code = Main(context.Background(), args, env)
	return code, out.String(), errb.String()
}

func writeFile(t *testing.T, name, body string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

const brokenCards = `id,surname,given_name,patronymic,birth_year,birth_place,nationality,extra
AR1,Шмидт,Мария,Андреевна,1901,с. Мариенталь,немка,x
AR2,Шмидт,Иван,Карлович,19x2,с. Мариенталь,немец,x
AR3,,,,1900,,,x
AR4,Шмидт,Эмма,Карловна,1930,с. Мариенталь,немка,x
`

// Importers reject bad rows with line numbers and keep the good ones.
func TestImportCommandReportsBadRows(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		t.Parallel()
		c := newRegistryCLI(t, e)
		file := writeFile(t, "cards.csv", brokenCards)
		code, out, errs := c.run("", "import", "card-index", file)
		if code != exitInvalid {
			t.Errorf("exit %d, want %d\n%s%s", code, exitInvalid, out, errs)
		}
		for _, want := range []string{"line 3, column birth_year: \"19x2\" is not a year", "line 4, column surname:"} {
			if !strings.Contains(errs, want) {
				t.Errorf("stderr lacks %q:\n%s", want, errs)
			}
		}
		if !strings.Contains(out, "4 rows read, 2 loaded, 2 rejected") {
			t.Errorf("summary:\n%s", out)
		}

		// Again, in Russian, with the report in a file and the summary as JSON.
		report := filepath.Join(t.TempDir(), "bad.csv")
		code, out, errs = c.run("", "import", "--lang", "ru", "--report", report, "--json", "card-index", file)
		if code != exitInvalid || errs != "" {
			t.Errorf("exit %d, stderr %q", code, errs)
		}
		var sum csvimport.Summary
		if err := json.Unmarshal([]byte(out), &sum); err != nil || sum.Loaded != 2 || sum.Bad != 2 || sum.Kind != csvimport.CardIndex {
			t.Errorf("JSON summary %q: %+v, %v", out, sum, err)
		}
		b, _ := os.ReadFile(report)
		if lines := strings.Split(strings.TrimSpace(string(b)), "\n"); len(lines) != 3 || lines[0] != "line,column,reason" ||
			!strings.HasPrefix(lines[1], "3,birth_year,") || !strings.Contains(lines[1], "не год") {
			t.Errorf("report:\n%s", b)
		}

		// A clean file from stdin.
		code, out, errs = c.run("id,surname,given_name,patronymic,birth_year,birth_place,nationality\nAR9,Ким,Ли,,1920,,\n", "import", "card-index", "-")
		if code != exitOK || !strings.Contains(out, "1 rows read, 1 loaded, 0 rejected") {
			t.Errorf("stdin: exit %d\n%s%s", code, out, errs)
		}
	})
}

func TestImportCommandRefuses(t *testing.T) {
	c := newRegistryCLI(t, storetest.Engines()[0])
	noColumns := writeFile(t, "cards.csv", "id,surname\nAR1,Шмидт\n")
	for _, tt := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"import", "card-index", noColumns}, exitInvalid, "lacks the column(s) given_name"},
		{[]string{"import", "card-index", noColumns, "--lang", "kk"}, exitInvalid, "бағандары жоқ"},
		{[]string{"import", "census", noColumns}, exitUsage, "unknown registry"},
		{[]string{"import", "card-index"}, exitUsage, "usage: qyzmet import"},
		{[]string{"import", "card-index", noColumns, "--batch", "0"}, exitUsage, "usage: qyzmet import"},
		{[]string{"import", "card-index", filepath.Join(t.TempDir(), "missing.csv")}, exitFailure, "no such file"},
	} {
		code, out, errs := c.run("", tt.args...)
		if code != tt.code || !strings.Contains(errs, tt.want) {
			t.Errorf("%v: exit %d, want %d with %q\n%s%s", tt.args, code, tt.code, tt.want, out, errs)
		}
	}
	// A database that was never migrated is refused, not silently created.
	code, _, errs := (&registryCLI{t: t, cfg: store.Config{DataDir: t.TempDir()}}).run("", "import", "card-index", noColumns)
	if code != exitFailure || !strings.Contains(errs, "qyzmet migrate") {
		t.Errorf("an unmigrated database: exit %d, %s", code, errs)
	}
}

func TestRenderProgress(t *testing.T) {
	p := csvimport.Progress{Bytes: 50e6, Size: 100e6, Rows: 200000, Bad: 3, Elapsed: 2 * time.Second}
	got := renderProgress(p, i18n.EN)
	want := "[###############...............]  50% 50.0/100.0 MB  200000 rows  100000/s  3 bad"
	if got != want {
		t.Errorf("renderProgress = %q, want %q", got, want)
	}
	if got := renderProgress(csvimport.Progress{Bytes: 1e6, Rows: 10, Elapsed: time.Second}, i18n.RU); got != "1.0 MB  10 строк  10/s  0 ошибок" {
		t.Errorf("without a size: %q", got)
	}
	// Not a terminal: nothing is drawn.
	var b bytes.Buffer
	bar := newProgressBar(&b, i18n.EN)
	bar.update(p)
	bar.clear()
	if b.Len() != 0 {
		t.Errorf("drew %q on a buffer", b.String())
	}
}
