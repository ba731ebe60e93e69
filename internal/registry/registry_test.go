package registry_test

import (
	"testing"

	"qyzmet/internal/calendar"
	"qyzmet/internal/registry"
)

func n(s, g, p string) registry.Name { return registry.Name{Surname: s, GivenName: g, Patronymic: p} }

func TestFold(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Құрманов", "курманов"}, {"КУРМАНОВ", "курманов"}, {"Алёна", "алена"}, {"Ғалым-Жан", "галымжан"},
		{"Джумабаев", "жумабаев"}, {"Жұмабаев", "жумабаев"}, {"  Өмір  ", "омир"}, {"Д'Артаньян", "дартаньян"},
		{"Іңкәр", "инкар"}, {"Ли", "ли"},
	} {
		if got := registry.Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// Rule CR-STD-8.2: old records write names in other spellings; CompareNames
// tells the same name, a similar one an officer must look at, and another.
func TestCompareNames(t *testing.T) {
	t.Run("CR-STD-8.2 spellings of one name", func(t *testing.T) {
		for _, tt := range []struct {
			a, b registry.Name
			want registry.NameMatch
		}{
			{n("Құрманов", "Ерлан", "Серікұлы"), n("Курманов", "Ерлан", "Серикович"), registry.Same},
			{n("Құрманова", "Әсел", "Серікқызы"), n("Курманова", "Асель", "Сериковна"), registry.Similar}, // Асель: one letter more
			{n("Құрманова", "Әсел", "Серікқызы"), n("Курманова", "Асел", "Сериковна"), registry.Same},
			{n("Құрманов", "Ерлан", "Серікұлы"), n("Курманов", "Ерлан", "Сериковна"), registry.Similar}, // a son's and a daughter's form
			{n("Иванова", "Анна", "Петровна"), n("ИВАНОВА", "АННА", "ПЕТРОВНА"), registry.Same},
			{n("Иванова", "Анна", "Петровна"), n("Иванова", "Анна", ""), registry.Similar},
			{n("Иванова", "Анна", "Петровна"), n("Иванова", "Анна", "Павловна"), registry.NoMatch},
			{n("Ахметов", "Серик", "Болатович"), n("Ахмедов", "Серик", "Болатович"), registry.Similar},
			{n("Ахметов", "Серик", "Болатович"), n("Ахметов", "Серикк", "Болатович"), registry.Similar},
			{n("Ахметов", "Серик", "Болатович"), n("Ахметвоа", "Серик", "Болатович"), registry.NoMatch},
			{n("Ахметов", "Серик", "Болатович"), n("Ахмтеов", "Серик", "Болатович"), registry.Similar}, // a swap
			{n("Ким", "Ли", ""), n("Кин", "Ли", ""), registry.NoMatch},                                 // short names are not typos
			{n("Шмидт", "Иван", ""), n("Шмидт", "Пётр", ""), registry.NoMatch},
		} {
			if got := registry.CompareNames(tt.a, tt.b); got != tt.want {
				t.Errorf("CompareNames(%v, %v) = %v, want %v", tt.a, tt.b, got, tt.want)
			}
			if got := registry.CompareNames(tt.b, tt.a); got != tt.want {
				t.Errorf("CompareNames(%v, %v) = %v, want %v (not symmetric)", tt.b, tt.a, got, tt.want)
			}
		}
	})
}

func TestNameMatches(t *testing.T) {
	full := n("Құрманов", "Ерлан", "Серікұлы")
	for _, tt := range []struct {
		q    registry.Name
		want bool
	}{
		{n("Курманов", "", ""), true}, {n("", "ерлан", ""), true}, {n("Курманов", "Ерлан", "Серикулы"), true},
		{n("Курманов", "Ерлан", "Серикович"), false}, {registry.Name{}, false},
	} {
		if got := tt.q.Matches(full); got != tt.want {
			t.Errorf("%v.Matches(%v) = %v", tt.q, full, got)
		}
	}
}

// Rule CR-STD-3.1: a conviction counts from the day it is given until the day
// it is expunged or removed, whichever comes first.
func TestConvictionInForce(t *testing.T) {
	t.Run("CR-STD-3.1 in force until expunged or removed", func(t *testing.T) {
		c := registry.Conviction{ConvictedOn: calendar.D(2020, 5, 1), ExpungedOn: calendar.D(2025, 5, 1)}
		removed := c
		removed.RemovedOn = calendar.D(2023, 1, 1)
		never := registry.Conviction{ConvictedOn: calendar.D(2020, 5, 1)}
		for _, tt := range []struct {
			c    registry.Conviction
			on   calendar.Date
			want bool
		}{
			{c, calendar.D(2020, 4, 30), false}, {c, calendar.D(2020, 5, 1), true}, {c, calendar.D(2025, 4, 30), true},
			{c, calendar.D(2025, 5, 1), false}, {removed, calendar.D(2022, 12, 31), true}, {removed, calendar.D(2023, 1, 1), false},
			{never, calendar.D(2099, 1, 1), true},
		} {
			if got := tt.c.InForce(tt.on); got != tt.want {
				t.Errorf("%+v InForce(%s) = %v", tt.c, tt.on, got)
			}
		}
		if removed.EndsOn() != calendar.D(2023, 1, 1) || c.EndsOn() != calendar.D(2025, 5, 1) || !never.EndsOn().IsZero() {
			t.Error("EndsOn")
		}
	})
}

func TestPersonNames(t *testing.T) {
	p := registry.Person{Name: n("Сейтова", "Анна", ""), BirthDate: calendar.D(1990, 7, 4), FormerNames: []registry.NameChange{
		{Name: n("Иванова", "Анна", ""), ChangedOn: calendar.D(2012, 5, 19)},
		{Name: n("Петрова", "Анна", ""), ChangedOn: calendar.D(2018, 1, 1)},
	}}
	names := p.Names()
	if len(names) != 3 || names[0].Surname != "Сейтова" || names[1].Surname != "Петрова" || names[2].Surname != "Иванова" {
		t.Errorf("Names = %v", names)
	}
	if p.AgeOn(calendar.D(2008, 7, 3)) != 17 || p.AgeOn(calendar.D(2008, 7, 4)) != 18 {
		t.Error("AgeOn")
	}
}

func TestValidate(t *testing.T) {
	person := registry.Person{IIN: "880315300014", Name: n("Ахметов", "Серік", ""), Sex: registry.Male, BirthDate: calendar.D(1988, 3, 15)}
	for _, tt := range []struct {
		name  string
		edit  func(p *registry.Person)
		field string
	}{
		{"valid", func(*registry.Person) {}, ""},
		{"check digit", func(p *registry.Person) { p.IIN = "880315300015" }, "iin"},
		{"the IIN's birth date", func(p *registry.Person) { p.BirthDate = calendar.D(1988, 3, 16) }, "iin"},
		{"the IIN's sex", func(p *registry.Person) { p.Sex = registry.Female }, "iin"},
		{"sex", func(p *registry.Person) { p.Sex = "X" }, "sex"},
		{"no surname", func(p *registry.Person) { p.Surname = " " }, "surname"},
		{"a parent of the wrong sex", func(p *registry.Person) { p.MotherIIN = "751120300010" }, "mother_iin"},
		{"own parent", func(p *registry.Person) { p.FatherIIN = p.IIN }, "father_iin"},
		{"a name change before birth", func(p *registry.Person) {
			p.FormerNames = []registry.NameChange{{Name: n("А", "Б", ""), ChangedOn: calendar.D(1980, 1, 1)}}
		}, "former_names"},
	} {
		p := person
		tt.edit(&p)
		err := p.Validate()
		var field string
		if fe, ok := err.(*registry.FieldError); ok {
			field = fe.Field
			if !fe.Reason.Complete() {
				t.Errorf("%s: reason %+v", tt.name, fe.Reason)
			}
		} else if err != nil {
			t.Errorf("%s: %T %v", tt.name, err, err)
		}
		if field != tt.field {
			t.Errorf("%s: error on %q, want %q (%v)", tt.name, field, tt.field, err)
		}
	}
}
