package archivesearch_test

import (
	"slices"
	"testing"

	"qyzmet/internal/archivesearch"
	"qyzmet/internal/calendar"
)

func TestMinorOnJan1940(t *testing.T) {
	years := []struct {
		name string
		year int
		want bool
	}{
		{"Rule AR-6.1: born 1923, 16 on 1 January 1940", 1923, false},
		{"Rule AR-6.1: born 1924, under 16 (by the year alone)", 1924, true},
		{"Rule AR-6.1: born 1939", 1939, true},
		{"Rule AR-6.1: born 1870", 1870, false},
		{"Rule AR-6.1: year unknown", 0, false},
	}
	for _, tt := range years {
		if got := archivesearch.MinorOnJan1940(tt.year); got != tt.want {
			t.Errorf("%s: MinorOnJan1940(%d) = %v", tt.name, tt.year, got)
		}
	}
	dates := []struct {
		name string
		d    calendar.Date
		want bool
	}{
		{"Rule AR-6.1: born 1 January 1924 turns 16 that day", calendar.D(1924, 1, 1), false},
		{"Rule AR-6.1: born 2 January 1924", calendar.D(1924, 1, 2), true},
		{"Rule AR-6.1: born 31 December 1923", calendar.D(1923, 12, 31), false},
	}
	for _, tt := range dates {
		if got := archivesearch.MinorOnJan1940Date(tt.d); got != tt.want {
			t.Errorf("%s: MinorOnJan1940Date(%v) = %v", tt.name, tt.d, got)
		}
	}
}

// Rule AR-6.1: a child under 16 on 1 January 1940 is found on the parents'
// cards; Rule AR-STD-9: such a child has no card of their own.
func TestSearchByParents(t *testing.T) {
	ix := mustIndex(t)
	parents := []archivesearch.Query{{Text: "Шмидт Иоганн Генрихович"}, {Text: "Шмидт Мария Давидовна"}}
	tests := []struct {
		name    string
		child   archivesearch.Query
		parents []archivesearch.Query
	}{
		{"Rule AR-6.1: both parents", archivesearch.Query{Text: "Шмидт Эмма Иоганновна", BirthYear: 1930}, parents},
		{"Rule AR-6.1: one parent, child misspelt", archivesearch.Query{Text: "Шмит Эма", BirthYear: 1930}, parents[1:]},
		{"Rule AR-6.1: parents in Latin script", archivesearch.Query{Text: "SHMIDT EMMA", BirthYear: 1930},
			[]archivesearch.Query{{Text: "SHMIDT IOGANN GENRIKHOVICH"}}},
		{"Rule AR-6.1: the year only in the child's line", archivesearch.Query{Text: "Шмидт Эмма Иоганновна"}, parents},
	}
	for _, tt := range tests {
		res := ix.SearchByParents(tt.child, tt.parents...)
		if len(res.Matches) == 0 {
			t.Errorf("%s: nothing found", tt.name)
			continue
		}
		m := res.Matches[0]
		if !slices.Contains([]string{"T-G1", "T-G2"}, m.CardID) || m.Child.GivenName != "Эмма" || m.Child.BirthYear != 1930 {
			t.Errorf("%s: first match %+v, want Эмма 1930 on T-G1 or T-G2", tt.name, m)
		}
		if m.Child.ID != "" {
			t.Errorf("Rule AR-STD-9: %s: the child has card %q of her own", tt.name, m.Child.ID)
		}
		if !res.Minor || res.NotRegistered == nil || res.NotRegistered.Rule != "AR-STD-9" {
			t.Errorf("Rule AR-STD-9: %s: minor %v, ground %+v; want the AR-STD-9 ground", tt.name, res.Minor, res.NotRegistered)
		}
	}
	// A child who was 16 or over has a card of their own, and no ground.
	res := ix.SearchByParents(archivesearch.Query{Text: "Шмидт Генрих Иоганнович", BirthYear: 1922}, parents...)
	if len(res.Matches) == 0 || res.Matches[0].Child.ID != "T-G3" || res.Minor || res.NotRegistered != nil {
		t.Errorf("Rule AR-STD-9: a child born 1922: %+v", res)
	}
	// The wrong parents do not find Эмма first.
	res = ix.SearchByParents(archivesearch.Query{Text: "Шмидт Давид", BirthYear: 1934}, archivesearch.Query{Text: "Цой Николай Енгирович"})
	if len(res.Matches) == 0 || res.Matches[0].Child.GivenName != "Давид" {
		t.Errorf("Rule AR-6.1: Давид 1934: %+v", res.Matches)
	}
}

func TestNotRegisteredSeparatelyIsTrilingual(t *testing.T) {
	g := archivesearch.NotRegisteredSeparately
	if g.Rule != "AR-STD-9" || !g.Reason.Complete() {
		t.Errorf("Rule AR-STD-9: the ground %+v must cite AR-STD-9 in Kazakh, Russian and English", g)
	}
}

// Find is the one search path: an adult by the card index, a minor only through
// the parents (Rule AR-6.1), and a minor without the parents' data meets the
// AR-STD-9 ground.
func TestFind(t *testing.T) {
	ix := mustIndex(t)
	res := ix.Find(archivesearch.Request{Person: archivesearch.Query{Text: "Шмидт Эмма Иоганновна", BirthYear: 1930}})
	if !res.Minor || res.Refusal == nil || res.Refusal.Rule != "AR-STD-9" || res.Hits != nil || res.Family != nil {
		t.Errorf("Rule AR-STD-9: a minor without the parents: %+v", res)
	}
	res = ix.Find(archivesearch.Request{
		Person:  archivesearch.Query{Text: "Шмидт Эмма Иоганновна", BirthYear: 1930},
		Parents: []archivesearch.Query{{Text: "Шмидт Мария Давидовна"}},
	})
	if !res.Minor || res.Refusal != nil || res.Hits != nil || len(res.Family) == 0 || res.Family[0].Child.GivenName != "Эмма" {
		t.Errorf("Rule AR-6.1: a minor with a parent: %+v", res)
	}
	res = ix.Find(archivesearch.Request{Person: archivesearch.Query{Text: "Шмидт Генрих Иоганнович", BirthYear: 1922}})
	if res.Minor || res.Refusal != nil || len(res.Hits) == 0 || res.Hits[0].ID != "T-G3" {
		t.Errorf("Rule AR-6.3: an adult: %+v", res)
	}
}
