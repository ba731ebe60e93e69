package synth

import (
	"slices"
	"strings"
	"testing"
	"unicode"
)

// Each query kind of Rule AR-6.3 changes the card's name the way its kind says.
func TestQueryKinds(t *testing.T) {
	m := NewQueryMaker(5)
	made := map[QueryKind]int{}
	for c := range CardIndex(11, 3000) {
		exact := strings.ToLower(c.Name().String())
		for _, kind := range QueryKinds {
			q, ok := m.Make(c, kind)
			if !ok {
				continue
			}
			made[kind]++
			text := strings.ToLower(q.Text)
			if q.Want != c.ID || q.Kind != kind {
				t.Fatalf("%s: query %+v for card %s", kind, q, c.ID)
			}
			if kind != KindApproxYear && q.BirthYear != c.BirthYear {
				t.Errorf("Rule AR-6.3 %s: year %d, card %d", kind, q.BirthYear, c.BirthYear)
			}
			switch kind {
			case KindExact:
				if text != exact {
					t.Errorf("Rule AR-6.3 exact: %q for %q", q.Text, exact)
				}
			case KindTypo, KindPhonetic, KindKazakhLetters:
				if text == exact {
					t.Errorf("Rule AR-6.3 %s: %q is the card's name", kind, q.Text)
				}
			case KindLatin2021, KindPassport, KindRussianTranslit:
				for _, r := range q.Text {
					if unicode.Is(unicode.Cyrillic, r) {
						t.Errorf("Rule AR-6.3 %s: %q has Cyrillic letters", kind, q.Text)
						break
					}
				}
			case KindSwapped:
				w := strings.Fields(text)
				if w[0] != strings.ToLower(c.GivenName) || !slices.Contains(w, strings.ToLower(c.Surname)) {
					t.Errorf("Rule AR-6.3 swapped: %q for %q", q.Text, exact)
				}
			case KindNoPatronymic:
				if c.Patronymic == "" || text != strings.ToLower(c.Surname+" "+c.GivenName) {
					t.Errorf("Rule AR-6.3 no patronymic: %q for %q", q.Text, exact)
				}
			case KindApproxYear:
				if d := q.BirthYear - c.BirthYear; d == 0 || d < -2 || d > 2 || text != exact {
					t.Errorf("Rule AR-6.3 approximate year: %q %d for %q %d", q.Text, q.BirthYear, exact, c.BirthYear)
				}
			}
		}
		if _, ok := m.Make(c, KindKazakhLetters); ok && c.Nationality != Kazakh {
			t.Errorf("Rule AR-6.3: a Kazakh-letters query for a %s card", c.Nationality)
		}
	}
	for _, kind := range QueryKinds {
		if made[kind] < 100 {
			t.Errorf("kind %s: only %d queries from 3000 cards", kind, made[kind])
		}
	}
}

// Rule AR-6.1: a request through the parents names a child under 16 on
// 1 January 1940 and the parent cards that list the child.
func TestMakeParentQuery(t *testing.T) {
	m := NewQueryMaker(6)
	n := 0
	for fam := range CardFamilies(12, 3000) {
		pq, ok := m.MakeParentQuery(fam)
		if !ok {
			continue
		}
		n++
		if pq.Child.BirthYear < MinorBornFrom || len(pq.Parents) == 0 || len(pq.Parents) != len(pq.Want) {
			t.Fatalf("Rule AR-6.1: %+v", pq)
		}
		for _, id := range pq.Want {
			i := slices.IndexFunc(fam, func(c CardRecord) bool { return c.ID == id })
			if i < 0 || !slices.ContainsFunc(fam[i].Children, func(k Child) bool { return k.ID == "" && k.BirthYear == pq.Child.BirthYear }) {
				t.Errorf("Rule AR-6.1: card %s does not list a child born %d without a card", id, pq.Child.BirthYear)
			}
		}
	}
	if n < 100 {
		t.Errorf("only %d families with a child under 16 on 1 January 1940", n)
	}
}
