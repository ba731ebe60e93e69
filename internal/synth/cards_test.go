package synth

import (
	"bytes"
	"encoding/csv"
	"slices"
	"strings"
	"testing"

	"qyzmet/internal/calendar"
)

func TestCardIndexIsDeterministic(t *testing.T) {
	var a, b, c bytes.Buffer
	for _, w := range []struct {
		buf  *bytes.Buffer
		seed uint64
	}{{&a, 42}, {&b, 42}, {&c, 43}} {
		if err := WriteCardIndexCSV(w.buf, w.seed, 500); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("the same seed gave two different card indexes")
	}
	if bytes.Equal(a.Bytes(), c.Bytes()) {
		t.Error("two seeds gave the same card index")
	}
	rows, err := csv.NewReader(&a).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 501 || !slices.Equal(rows[0], CardIndexColumns) {
		t.Fatalf("%d rows, header %q", len(rows), rows[0])
	}
	if !slices.Equal(rows[0][:7], []string{"id", "surname", "given_name", "patronymic", "birth_year", "birth_place", "nationality"}) {
		t.Errorf("the first seven columns must be the card-index columns of the issue: %q", rows[0][:7])
	}
}

// The generated index keeps the rules of the real one: every card holder was 16
// or over on 1 January 1940, a younger child is only a line on a parent's card
// (Rule AR-STD-9), every link resolves, dates fall in 1939–1955 and names have
// the forms of their sex.
func TestCardIndexFollowsTheRules(t *testing.T) {
	const n = 20000
	cards := map[string]CardRecord{}
	var all []CardRecord
	for c := range CardIndex(7, n) {
		if _, dup := cards[c.ID]; dup {
			t.Fatalf("card id %s twice", c.ID)
		}
		cards[c.ID] = c
		all = append(all, c)
	}
	if len(all) != n {
		t.Fatalf("%d cards, want %d", len(all), n)
	}
	nats := map[Nationality]int{}
	withPatronymic, withKazakhLetters, minors := 0, 0, 0
	first, last := calendar.D(1939, 1, 1), calendar.D(1955, 12, 31)
	for _, c := range all {
		nats[c.Nationality]++
		if c.BirthYear < 1870 || c.BirthYear >= MinorBornFrom {
			t.Errorf("Rule AR-STD-9: card %s born %d: a card holder must be 16 on 1 January 1940", c.ID, c.BirthYear)
		}
		if c.ResettledOn.Compare(first) < 0 || c.ResettledOn.Compare(last) > 0 {
			t.Errorf("card %s resettled %v, outside 1939–1955", c.ID, c.ResettledOn)
		}
		if c.ReleasedOn.Compare(c.ResettledOn) < 0 {
			t.Errorf("card %s released %v before resettled %v", c.ID, c.ReleasedOn, c.ResettledOn)
		}
		if c.Surname == "" || c.GivenName == "" || c.BirthPlace == "" || c.NationalityText == "" || c.FromRegion == "" || !strings.Contains(c.ToRegion, "обл.") {
			t.Errorf("card %s incomplete: %+v", c.ID, c)
		}
		if c.Patronymic != "" {
			withPatronymic++
			if c.Sex == Female && !strings.HasSuffix(c.Patronymic, "на") && !strings.HasSuffix(c.Patronymic, "қызы") && !strings.HasSuffix(c.Patronymic, "кызы") {
				t.Errorf("card %s: a woman's patronymic %q", c.ID, c.Patronymic)
			}
			if c.Sex == Male && !strings.HasSuffix(c.Patronymic, "ич") && !strings.HasSuffix(c.Patronymic, "ұлы") && !strings.HasSuffix(c.Patronymic, "улы") {
				t.Errorf("card %s: a man's patronymic %q", c.ID, c.Patronymic)
			}
		}
		if c.Sex == Female && strings.HasSuffix(c.Surname, "ов") {
			t.Errorf("card %s: a woman with the surname %q", c.ID, c.Surname)
		}
		if hasKazakhLetters(c.Name().String()) {
			withKazakhLetters++
		}
		for _, link := range []string{c.FatherID, c.MotherID} {
			if link == "" {
				continue
			}
			parent, ok := cards[link]
			if !ok || !slices.ContainsFunc(parent.Children, func(k Child) bool { return k.ID == c.ID }) {
				t.Errorf("card %s links to parent %s, who does not list it", c.ID, link)
			}
		}
		for _, k := range c.Children {
			if k.BirthYear >= MinorBornFrom {
				minors++
				if k.ID != "" {
					t.Errorf("Rule AR-STD-9: child %s %d on card %s has card %s of their own", k.Name(), k.BirthYear, c.ID, k.ID)
				}
			} else if k.ID != "" {
				own, ok := cards[k.ID]
				if !ok || (own.FatherID != c.ID && own.MotherID != c.ID) || own.BirthYear != k.BirthYear {
					t.Errorf("child %s on card %s: own card %+v does not link back", k.ID, c.ID, own)
				}
			}
			if k.BirthYear > 1955 || k.BirthYear <= c.BirthYear {
				t.Errorf("card %s born %d has a child born %d", c.ID, c.BirthYear, k.BirthYear)
			}
		}
	}
	for _, nat := range Nationalities {
		if nats[nat] < n/50 {
			t.Errorf("%s: only %d cards", nat, nats[nat])
		}
	}
	if withPatronymic < n*8/10 || withPatronymic == n {
		t.Errorf("%d of %d cards have a patronymic: most, not all, should", withPatronymic, n)
	}
	if withKazakhLetters == 0 || minors < n/10 {
		t.Errorf("%d cards with Kazakh letters, %d children under 16 on 1 January 1940", withKazakhLetters, minors)
	}
}

func TestCardFamiliesMatchCardIndex(t *testing.T) {
	var flat []string
	for fam := range CardFamilies(3, 1000) {
		for _, c := range fam {
			flat = append(flat, c.ID)
		}
	}
	var direct []string
	for c := range CardIndex(3, 1000) {
		direct = append(direct, c.ID)
	}
	if !slices.Equal(flat, direct) || len(direct) != 1000 {
		t.Errorf("families and the index differ: %d vs %d cards", len(flat), len(direct))
	}
}
