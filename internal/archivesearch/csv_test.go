package archivesearch_test

import (
	"bytes"
	"encoding/csv"
	"errors"
	"strings"
	"testing"

	"qyzmet/internal/apperr"
	"qyzmet/internal/archivesearch"
	"qyzmet/internal/synth"
)

// The generator's CSV reads back into an index that finds its cards, and its
// children lines (Rule AR-6.1).
func TestBuildCSVFromGenerator(t *testing.T) {
	var buf bytes.Buffer
	if err := synth.WriteCardIndexCSV(&buf, 5, 3000); err != nil {
		t.Fatal(err)
	}
	ix, err := archivesearch.BuildCSV(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if ix.Len() != 3000 {
		t.Fatalf("%d cards, want 3000", ix.Len())
	}
	qm := synth.NewQueryMaker(9)
	n := 0
	for fam := range synth.CardFamilies(5, 3000) {
		for _, c := range fam {
			hits := ix.Search(archivesearch.Query{Text: c.Name().String(), BirthYear: c.BirthYear})
			if len(hits) == 0 || hits[0].Score < 0.99 {
				t.Fatalf("Rule AR-6.3: card %s %s %d not found exactly: %s", c.ID, c.Name(), c.BirthYear, ids(hits))
			}
		}
		if pq, ok := qm.MakeParentQuery(fam); ok && n < 50 {
			n++
			var parents []archivesearch.Query
			for _, p := range pq.Parents {
				parents = append(parents, archivesearch.Query{Text: p})
			}
			res := ix.SearchByParents(archivesearch.Query{Text: pq.Child.Text, BirthYear: pq.Child.BirthYear}, parents...)
			if len(res.Matches) == 0 || !slicesContains(pq.Want, res.Matches[0].CardID) {
				t.Errorf("Rule AR-6.1: %q %d with parents %q: %+v, want a card of %v", pq.Child.Text, pq.Child.BirthYear, pq.Parents, res.Matches, pq.Want)
			}
		}
	}
	if n == 0 {
		t.Fatal("no family with a child under 16 on 1 January 1940")
	}
}

func slicesContains(xs []string, x string) bool {
	for _, s := range xs {
		if s == x {
			return true
		}
	}
	return false
}

// A file with only the required columns, in another order, with a BOM.
func TestBuildCSVMinimalColumns(t *testing.T) {
	in := "\ufeffnationality,id,birth_place,surname,given_name,patronymic,birth_year\n" +
		"немец,7,с. Норка,Шмидт,Иоганн,Генрихович,1901\n" +
		"кореец,8,Приморский край,Цой,Николай,,\n"
	ix, err := archivesearch.BuildCSV(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	hits := ix.Search(archivesearch.Query{Text: "Tsoi Nikolai"})
	if len(hits) == 0 || hits[0].ID != "8" || hits[0].BirthYear != 0 {
		t.Errorf("Rule AR-6.3: %s", ids(hits))
	}
}

func TestBuildCSVRejectsBadFiles(t *testing.T) {
	tests := map[string]string{
		"missing column":    "id,surname,given_name,birth_year,birth_place,nationality\n1,Ким,Ли,1900,x,y\n",
		"bad year":          "id,surname,given_name,patronymic,birth_year,birth_place,nationality\n1,Ким,Ли,,19x0,x,y\n",
		"bad children":      "id,surname,given_name,patronymic,birth_year,birth_place,nationality,children\n1,Ким,Ли,,1900,x,y,Ким/Ли\n",
		"duplicate id":      "id,surname,given_name,patronymic,birth_year,birth_place,nationality\n1,Ким,Ли,,1900,x,y\n1,Пак,Ли,,1900,x,y\n",
		"ragged row":        "id,surname,given_name,patronymic,birth_year,birth_place,nationality\n1,Ким\n",
		"empty file":        "",
		"child bad year":    "id,surname,given_name,patronymic,birth_year,birth_place,nationality,children\n1,Ким,Ли,,1900,x,y,/Ким/Ян//3\n",
		"card without id":   "id,surname,given_name,patronymic,birth_year,birth_place,nationality\n,Ким,Ли,,1900,x,y\n",
		"card without name": "id,surname,given_name,patronymic,birth_year,birth_place,nationality\n1,,,,1900,x,y\n",
	}
	for name, in := range tests {
		if _, err := archivesearch.BuildCSV(strings.NewReader(in)); !errors.Is(err, archivesearch.ErrInvalid) {
			t.Errorf("%s: err = %v, want ErrInvalid", name, err)
		}
	}
}

// Batch mode: qid,query,birth_year in, qid,latency_us,ids out, top ten best
// first (Rule AR-6.3 through the CLI).
func TestRunBatch(t *testing.T) {
	ix := mustIndex(t)
	in := "qid,query,birth_year\n" +
		"q1,Шмидт Иоганн Генрихович,1901\n" +
		"q2,\"Tsoi, Nikolai\",\n" +
		"q3,Жұмабаев Қасым,1899\n"
	var out bytes.Buffer
	if err := ix.RunBatch(strings.NewReader(in), &out); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&out).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 4 || strings.Join(rows[0], ",") != "qid,latency_us,ids" {
		t.Fatalf("output %q", rows)
	}
	wantFirst := map[string]string{"q1": "T-G1", "q2": "T-K1", "q3": "T-A3"}
	for _, row := range rows[1:] {
		got := strings.Fields(row[2])
		if len(got) == 0 || len(got) > 10 || got[0] != wantFirst[row[0]] {
			t.Errorf("Rule AR-6.3: %s → %q, want %s first, at most 10", row[0], row[2], wantFirst[row[0]])
		}
		if row[1] == "" || strings.HasPrefix(row[1], "-") {
			t.Errorf("%s: latency %q", row[0], row[1])
		}
	}
}

func TestRunBatchRejectsBadInput(t *testing.T) {
	ix := mustIndex(t)
	tests := map[string]string{
		"empty qid":      ",Ким,1900\n",
		"duplicate qid":  "a,Ким,1900\na,Пак,1900\n",
		"bad year":       "a,Ким,19\n",
		"no name":        "a, ,1900\n",
		"two columns":    "a,Ким\n",
		"bad line later": "a,Ким,1900\nb,Пак,year\n",
	}
	for name, in := range tests {
		var out bytes.Buffer
		err := ix.RunBatch(strings.NewReader(in), &out)
		if !errors.Is(err, archivesearch.ErrInvalid) || out.Len() != 0 {
			t.Errorf("%s: err %v, output %q; want ErrInvalid and no output", name, err, out.String())
		}
	}
}

// Bad input is an apperr Invalid error: the interfaces translate it, the message
// keeps the line for the operator.
func TestBadInputIsAppErrInvalid(t *testing.T) {
	_, err := archivesearch.BuildCSV(strings.NewReader("id,surname,given_name,patronymic,birth_year,birth_place,nationality\n1,Ким,Ли,,19x0,x,y\n"))
	if apperr.CodeOf(err) != apperr.Invalid || !strings.Contains(err.Error(), "line 2") {
		t.Errorf("err %v: want code invalid and the line", err)
	}
}
