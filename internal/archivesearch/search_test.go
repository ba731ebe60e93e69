package archivesearch_test

import (
	"errors"
	"fmt"
	"iter"
	"slices"
	"sync"
	"testing"

	"qyzmet/internal/archivesearch"
	"qyzmet/internal/synth"
)

// testCards are hand-written cards; testIndex adds them to 5 000 synthetic
// cards so that every search has look-alikes to beat.
var testCards = []archivesearch.Record{
	{ID: "T-A1", Surname: "Құрманов", GivenName: "Ахмет", Patronymic: "Жақыпұлы", BirthYear: 1905},
	{ID: "T-A2", Surname: "Курманова", GivenName: "Жамал", Patronymic: "Ахметовна", BirthYear: 1908},
	{ID: "T-A3", Surname: "Джумабаев", GivenName: "Касым", BirthYear: 1899},
	{ID: "T-G1", Surname: "Шмидт", GivenName: "Иоганн", Patronymic: "Генрихович", BirthYear: 1901, Family: schmidtChildren},
	{ID: "T-G2", Surname: "Шмидт", GivenName: "Мария", Patronymic: "Давидовна", BirthYear: 1903, Family: schmidtChildren},
	{ID: "T-G3", Surname: "Шмидт", GivenName: "Генрих", Patronymic: "Иоганнович", BirthYear: 1922, Family: []archivesearch.Relative{
		{Relation: archivesearch.Father, ID: "T-G1", Surname: "Шмидт", GivenName: "Иоганн", Patronymic: "Генрихович", BirthYear: 1901},
		{Relation: archivesearch.Mother, ID: "T-G2", Surname: "Шмидт", GivenName: "Мария", Patronymic: "Давидовна", BirthYear: 1903},
	}},
	{ID: "T-R1", Surname: "Щербаков", GivenName: "Фёдор", Patronymic: "Ильич", BirthYear: 1890},
	{ID: "T-K1", Surname: "Цой", GivenName: "Николай", Patronymic: "Енгирович", BirthYear: 1912},
	{ID: "T-K2", Surname: "Ким", GivenName: "Николай", BirthYear: 1912},
	{ID: "T-C1", Surname: "Дудаев", GivenName: "Хаджи-Мурат", Patronymic: "Мусаевич", BirthYear: 1915},
}

var schmidtChildren = []archivesearch.Relative{
	{Relation: archivesearch.Child, ID: "T-G3", Surname: "Шмидт", GivenName: "Генрих", Patronymic: "Иоганнович", BirthYear: 1922},
	{Relation: archivesearch.Child, Surname: "Шмидт", GivenName: "Эмма", Patronymic: "Иоганновна", BirthYear: 1930},
	{Relation: archivesearch.Child, Surname: "Шмидт", GivenName: "Давид", Patronymic: "Иоганнович", BirthYear: 1934},
}

var testIndex = sync.OnceValues(func() (*archivesearch.Index, error) {
	return archivesearch.Build(func(yield func(archivesearch.Record) bool) {
		for _, r := range testCards {
			if !yield(r) {
				return
			}
		}
		for c := range synth.CardIndex(7, 5000) {
			if !yield(fromCard(c)) {
				return
			}
		}
	})
})

func mustIndex(t testing.TB) *archivesearch.Index {
	t.Helper()
	ix, err := testIndex()
	if err != nil {
		t.Fatal(err)
	}
	return ix
}

// Every query kind of Rule AR-6.3 finds its card first.
func TestSearchQueryKinds(t *testing.T) {
	ix := mustIndex(t)
	tests := []struct {
		name string
		q    archivesearch.Query
		want string
	}{
		{"Rule AR-6.3 exact", archivesearch.Query{Text: "Құрманов Ахмет Жақыпұлы", BirthYear: 1905}, "T-A1"},
		{"Rule AR-6.3 typo", archivesearch.Query{Text: "Кұрманв Ахмет Жақыпұлы", BirthYear: 1905}, "T-A1"},
		{"Rule AR-6.3 two typos", archivesearch.Query{Text: "Щербкаов Фёдр Ильич", BirthYear: 1890}, "T-R1"},
		{"Rule AR-6.3 phonetic", archivesearch.Query{Text: "Шмит Иоган Генрихавич", BirthYear: 1901}, "T-G1"},
		{"Rule AR-6.3 Kazakh letters to Russian rendering", archivesearch.Query{Text: "Курманов Ахмет Жакыпулы", BirthYear: 1905}, "T-A1"},
		{"Rule AR-6.3 Russian rendering to Kazakh letters", archivesearch.Query{Text: "Жұмабаев Қасым", BirthYear: 1899}, "T-A3"},
		{"Rule AR-6.3 Latin 2021 Kazakh alphabet", archivesearch.Query{Text: "Qūrmanov Ahmet Jaqypūly", BirthYear: 1905}, "T-A1"},
		{"Rule AR-6.3 passport ICAO", archivesearch.Query{Text: "SHCHERBAKOV FEDOR ILICH", BirthYear: 1890}, "T-R1"},
		{"Rule AR-6.3 GOST 7.79", archivesearch.Query{Text: "Shherbakov Fyodor Il`ich", BirthYear: 1890}, "T-R1"},
		{"Rule AR-6.3 swapped surname and given name", archivesearch.Query{Text: "Николай Цой Енгирович", BirthYear: 1912}, "T-K1"},
		{"Rule AR-6.3 missing patronymic", archivesearch.Query{Text: "Шмидт Иоганн", BirthYear: 1901}, "T-G1"},
		{"Rule AR-6.3 birth year approximately", archivesearch.Query{Text: "Цой Николай Енгирович", BirthYear: 1914}, "T-K1"},
		{"Rule AR-6.3 year typed in the text", archivesearch.Query{Text: "Цой Николай Енгирович 1912"}, "T-K1"},
		{"Rule AR-6.3 hyphenated name", archivesearch.Query{Text: "Дудаев Хаджимурат", BirthYear: 1915}, "T-C1"},
		{"Rule AR-6.3 as people type", archivesearch.Query{Text: "Щербаков Фёд", BirthYear: 1890, Prefix: true}, "T-R1"},
	}
	for _, tt := range tests {
		hits := ix.Search(tt.q)
		if len(hits) == 0 || hits[0].ID != tt.want {
			t.Errorf("%s: %q %d → %s, want %s first", tt.name, tt.q.Text, tt.q.BirthYear, ids(hits), tt.want)
		}
	}
}

func ids(hits []archivesearch.Hit) string {
	var s []string
	for _, h := range hits[:min(5, len(hits))] {
		s = append(s, fmt.Sprintf("%s %s %s %s %d %.2f", h.ID, h.Surname, h.GivenName, h.Patronymic, h.BirthYear, h.Score))
	}
	return fmt.Sprint(s)
}

func TestSearchExplainsMatches(t *testing.T) {
	ix := mustIndex(t)
	hits := ix.Search(archivesearch.Query{Text: "Шмидт Иоганн Генрихович", BirthYear: 1901})
	if len(hits) == 0 || hits[0].ID != "T-G1" {
		t.Fatalf("Rule AR-6.3: got %s", ids(hits))
	}
	h := hits[0]
	if h.Score < 0.99 || h.Surname != "Шмидт" || h.GivenName != "Иоганн" || h.Patronymic != "Генрихович" || h.BirthYear != 1901 {
		t.Errorf("hit %+v: want the card's name and year with score 1", h)
	}
	want := []archivesearch.Match{
		{Word: "Шмидт", Field: archivesearch.Surname, Exact: true},
		{Word: "Иоганн", Field: archivesearch.GivenName, Exact: true},
		{Word: "Генрихович", Field: archivesearch.Patronymic, Exact: true},
	}
	if !slices.Equal(h.Matched, want) {
		t.Errorf("matched %+v, want %+v", h.Matched, want)
	}
	// Swapped and misspelt: each word still finds its field.
	hits = ix.Search(archivesearch.Query{Text: "Иоган Шмит", BirthYear: 1901})
	if len(hits) == 0 || hits[0].ID != "T-G1" {
		t.Fatalf("Rule AR-6.3: got %s", ids(hits))
	}
	got := map[archivesearch.Field]string{}
	for _, m := range hits[0].Matched {
		got[m.Field] = m.Word
		if m.Exact || m.Distance != 0 {
			t.Errorf("match %+v: a phonetic spelling is not exact but at distance 0", m)
		}
	}
	if got[archivesearch.Surname] != "Шмит" || got[archivesearch.GivenName] != "Иоган" {
		t.Errorf("matched %v", got)
	}
}

func TestSearchLimitsAndOrder(t *testing.T) {
	ix := mustIndex(t)
	hits := ix.Search(archivesearch.Query{Text: "Шмидт", Limit: 3})
	if len(hits) != 3 {
		t.Fatalf("limit 3 gave %d hits", len(hits))
	}
	for i := 1; i < len(hits); i++ {
		if hits[i].Score > hits[i-1].Score {
			t.Errorf("hits not best first: %s", ids(hits))
		}
	}
	if hits := ix.Search(archivesearch.Query{Text: " ,. "}); hits != nil {
		t.Errorf("a query without a name found %s", ids(hits))
	}
	if hits := ix.Search(archivesearch.Query{Text: "Шмидт Иоганн Генрихович", BirthYear: 1901}); len(hits) > archivesearch.DefaultLimit {
		t.Errorf("default limit: %d hits", len(hits))
	}
}

func TestQueryValidate(t *testing.T) {
	bad := []archivesearch.Query{
		{Text: "  "},
		{Text: "Ким", BirthYear: 12},
		{Text: "Ким", Limit: -1},
		{Text: "Ким", Limit: archivesearch.MaxLimit + 1},
	}
	for _, q := range bad {
		if err := q.Validate(); !errors.Is(err, archivesearch.ErrInvalid) {
			t.Errorf("Validate(%+v) = %v, want ErrInvalid", q, err)
		}
	}
	if err := (archivesearch.Query{Text: "Ким", BirthYear: 1912, Limit: 5}).Validate(); err != nil {
		t.Errorf("a good query: %v", err)
	}
}

func TestBuildRejectsBadRecords(t *testing.T) {
	tests := []struct {
		name string
		recs []archivesearch.Record
	}{
		{"no id", []archivesearch.Record{{Surname: "Ким"}}},
		{"no name", []archivesearch.Record{{ID: "1"}}},
		{"impossible year", []archivesearch.Record{{ID: "1", Surname: "Ким", BirthYear: 194}}},
		{"duplicate id", []archivesearch.Record{{ID: "1", Surname: "Ким"}, {ID: "1", Surname: "Пак"}}},
		{"child with an impossible year", []archivesearch.Record{{ID: "1", Surname: "Ким", Family: []archivesearch.Relative{
			{Relation: archivesearch.Child, Surname: "Ким", GivenName: "Ли", BirthYear: 30000}}}}},
		{"child without a name", []archivesearch.Record{{ID: "1", Surname: "Ким", Family: []archivesearch.Relative{
			{Relation: archivesearch.Child, BirthYear: 1930}}}}},
	}
	for _, tt := range tests {
		ix, err := archivesearch.Build(seq(tt.recs))
		if !errors.Is(err, archivesearch.ErrInvalid) || ix != nil {
			t.Errorf("%s: Build = %v, %v; want ErrInvalid", tt.name, ix, err)
		}
	}
}

func seq(recs []archivesearch.Record) iter.Seq[archivesearch.Record] {
	return func(yield func(archivesearch.Record) bool) {
		for _, r := range recs {
			if !yield(r) {
				return
			}
		}
	}
}

// The index is shared by the desk, the API and the CLI: concurrent searches
// must give what one search alone gives.
func TestSearchConcurrent(t *testing.T) {
	ix := mustIndex(t)
	queries := []archivesearch.Query{
		{Text: "Шмидт Иоганн", BirthYear: 1901}, {Text: "TSOI NIKOLAI", BirthYear: 1912},
		{Text: "Құрманов Ахмет"}, {Text: "Щербаков", Prefix: true},
	}
	want := make([]string, len(queries))
	for i, q := range queries {
		want[i] = ids(ix.Search(q))
	}
	var wg sync.WaitGroup
	errs := make(chan string, 64)
	for g := range 8 {
		wg.Go(func() {
			for n := range 50 {
				i := (g + n) % len(queries)
				if got := ids(ix.Search(queries[i])); got != want[i] {
					errs <- fmt.Sprintf("query %d: %s, alone %s", i, got, want[i])
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}
