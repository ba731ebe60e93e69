package synth

import (
	"testing"

	"qyzmet/internal/calendar"
	"qyzmet/internal/iin"
)

// Every registry person has a valid IIN, unique, that encodes their date of
// birth and sex.
func TestPersonsHaveValidIINs(t *testing.T) {
	seen := map[string]bool{}
	changes := 0
	for p := range Persons(3, 20000) {
		n, err := iin.ParseIIN(p.IIN)
		if err != nil {
			t.Fatalf("person %s: IIN %s: %v", p.Name(), p.IIN, err)
		}
		if seen[p.IIN] {
			t.Fatalf("IIN %s twice", p.IIN)
		}
		seen[p.IIN] = true
		if calendar.DateOf(n.BirthDate) != p.BirthDate {
			t.Errorf("IIN %s says born %v, the person %v", p.IIN, n.BirthDate, p.BirthDate)
		}
		if (n.Sex == iin.Female) != (p.Sex == Female) {
			t.Errorf("IIN %s says %v, the person %v", p.IIN, n.Sex, p.Sex)
		}
		if p.Surname == "" || p.GivenName == "" || p.BirthPlace == "" {
			t.Errorf("person %+v incomplete", p)
		}
		prev := p.BirthDate
		for _, c := range p.FormerNames {
			changes++
			if c.ChangedOn.Compare(prev) <= 0 || c.Reason == "" || c.Name.Surname == "" {
				t.Errorf("person %s: name change %+v", p.IIN, c)
			}
			prev = c.ChangedOn
		}
	}
	if changes < 2000 {
		t.Errorf("only %d name changes in 20 000 persons", changes)
	}
}

func TestPersonsAreDeterministic(t *testing.T) {
	var a, b []Person
	for p := range Persons(9, 300) {
		a = append(a, p)
	}
	for p := range Persons(9, 300) {
		b = append(b, p)
	}
	for i := range a {
		if a[i].IIN != b[i].IIN || a[i].Name() != b[i].Name() || len(a[i].FormerNames) != len(b[i].FormerNames) {
			t.Fatalf("person %d differs between two runs with the same seed", i)
		}
	}
}
