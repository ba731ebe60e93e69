package cli

import (
	"encoding/json"
	"strings"
	"testing"

	"qyzmet/internal/store/storetest"
)

const cards = `id,surname,given_name,patronymic,birth_year,birth_place,nationality,from_region,to_region,resettled_on,released_on,children
AR1,Шмидт,Мария,Андреевна,1901,с. Мариенталь,немка,АССР Немцев Поволжья,Карагандинская обл.,1941-09-15,1955-12-13,AR2/Шмидт/Иван/Карлович/1922;/Шмидт/Эмма/Карловна/1930
AR2,Шмидт,Иван,Карлович,1922,с. Мариенталь,немец,АССР Немцев Поволжья,Карагандинская обл.,1941-09-15,1955-12-13,
AR3,Құрманов,Ерлан,Серікұлы,1910,Акмолинская обл.,казах,,,,,
AR4,Ким,Ли,,1915,Приморский край,кореец,Приморский край,Кзыл-Ординская обл.,1937-10-01,1954-01-01,
`

func archiveCLI(t *testing.T, e storetest.Engine) *registryCLI {
	t.Helper()
	c := newRegistryCLI(t, e)
	if code, out, errs := c.run("", "import", "card-index", writeFile(t, "cards.csv", cards)); code != exitOK {
		t.Fatalf("import: %d\n%s%s", code, out, errs)
	}
	return c
}

func TestArchiveSearchCommand(t *testing.T) {
	t.Run("AR-6.3 search from the command line", func(t *testing.T) {
		storetest.Run(t, func(t *testing.T, e storetest.Engine) {
			t.Parallel()
			c := archiveCLI(t, e)
			// AR-6.3: by name in another spelling, with the birth year.
			code, out, errs := c.run("", "archive", "search", "Kurmanov Erlan", "--birth-year", "1910")
			if code != exitOK || !strings.Contains(out, "AR3") || !strings.Contains(out, "Құрманов Ерлан Серікұлы") {
				t.Errorf("exit %d\n%s%s", code, out, errs)
			}
			code, out, _ = c.run("", "archive", "search", "Шмидт Иван", "--limit", "1", "--json")
			var res struct {
				Hits []struct {
					ID   string `json:"ID"`
					Card struct {
						ToRegion string `json:"to_region"`
					} `json:"card"`
				} `json:"hits"`
			}
			if err := json.Unmarshal([]byte(out), &res); code != exitOK || err != nil || len(res.Hits) != 1 || res.Hits[0].ID != "AR2" ||
				res.Hits[0].Card.ToRegion != "Карагандинская обл." {
				t.Errorf("JSON: exit %d, %v\n%s", code, err, out)
			}
			code, out, _ = c.run("", "archive", "search", "Zzyzx", "--lang", "ru")
			if code != exitOK || !strings.Contains(out, "Ничего не найдено") {
				t.Errorf("nothing found: exit %d\n%s", code, out)
			}
		})
	})
}

func TestArchiveSearchBatch(t *testing.T) {
	t.Run("AR-6.3 batch search", func(t *testing.T) {
		c := archiveCLI(t, storetest.Engines()[0])
		queries := writeFile(t, "q.csv", "note,qid,birth_year,query\nx,q1,1922,Шмидт Иван\ny,q2,,Ким Ли\nz,q3,1910,Kurmanov\n")
		code, out, errs := c.run("", "archive", "search", "--batch", queries, "--limit", "2")
		if code != exitOK {
			t.Fatalf("exit %d\n%s%s", code, out, errs)
		}
		lines := strings.Split(strings.TrimSpace(out), "\n")
		if len(lines) != 4 || lines[0] != "qid,latency_us,ids" {
			t.Fatalf("output:\n%s", out)
		}
		for i, want := range []struct{ qid, first string }{{"q1", "AR2"}, {"q2", "AR4"}, {"q3", "AR3"}} {
			f := strings.Split(lines[i+1], ",")
			ids := strings.Fields(f[2])
			if len(f) != 3 || f[0] != want.qid || len(ids) == 0 || len(ids) > 2 || ids[0] != want.first {
				t.Errorf("line %q, want %s first %s", lines[i+1], want.qid, want.first)
			}
		}
		// A file without a header is qid,query,birth_year.
		plain := writeFile(t, "plain.csv", "q1,Шмидт Иван,1922\n")
		if code, out, _ := c.run("", "archive", "search", "--batch", plain); code != exitOK || !strings.Contains(out, "q1,") {
			t.Errorf("headerless: exit %d\n%s", code, out)
		}
		// A bad line is reported by number and nothing is searched.
		for body, want := range map[string]string{
			"qid,query,birth_year\nq1,Шмидт,1922\nq2,Ким,19x5\n": "line 3: birth_year",
			"qid,query\nq1,Шмидт\nq1,Ким\n":                      "line 3: qid \"q1\" is already on line 2",
			"qid,query\nq1,\n":                                   "line 2:",
			"qid,text\nq1,Шмидт\n":                               "needs the columns qid and query",
		} {
			code, out, errs := c.run("", "archive", "search", "--batch", writeFile(t, "bad.csv", body))
			if code != exitInvalid || out != "" || !strings.Contains(errs, want) {
				t.Errorf("%q: exit %d, stdout %q, stderr %q; want %q", body, code, out, errs, want)
			}
		}
	})
}

func TestArchiveSearchUsage(t *testing.T) {
	c := newRegistryCLI(t, storetest.Engines()[0])
	for _, args := range [][]string{
		{"archive"}, {"archive", "find", "x"}, {"archive", "search"}, {"archive", "search", "a", "b"},
		{"archive", "search", "x", "--batch", "q.csv"}, {"archive", "search", "x", "--limit", "0"},
	} {
		if code, _, _ := c.run("", args...); code != exitUsage {
			t.Errorf("%v: exit %d, want %d", args, code, exitUsage)
		}
	}
	if code, _, errs := c.run("", "archive", "search", "Шмидт"); code != exitFailure || !strings.Contains(errs, "card index is empty") {
		t.Errorf("an empty card index: %d %s", code, errs)
	}
	if code, _, _ := c.run("", "archive", "search", "Шмидт", "--birth-year", "3000"); code != exitInvalid {
		t.Errorf("an impossible year: %d", code)
	}
}
