package synth

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"iter"
	"math/rand/v2"
	"strings"
	"time"

	"qyzmet/internal/calendar"
	"qyzmet/internal/iin"
)

// Person is a person of the national registry stand-in: the registry the
// services query for identity, with a valid IIN and the names the person had
// before (a registry keeps them: a certificate asked for under an old surname
// must still find its holder).
type Person struct {
	IIN         string
	Surname     string
	GivenName   string
	Patronymic  string
	Sex         Sex
	BirthDate   calendar.Date
	BirthPlace  string
	Nationality Nationality
	// FormerNames are the earlier names, oldest first.
	FormerNames []NameChange
}

// Name is the person's current full name.
func (p Person) Name() FullName { return FullName{p.Surname, p.GivenName, p.Patronymic} }

// NameChange is a name a person used until ChangedOn.
type NameChange struct {
	Name      FullName
	ChangedOn calendar.Date
	Reason    string // as the civil registry writes it
}

// registryShares is the synthetic composition of today's registry by nationality.
var registryShares = map[Nationality]float64{
	Kazakh: 0.71, Russian: 0.18, German: 0.03, Korean: 0.02, Chechen: 0.02,
	Ingush: 0.01, Polish: 0.01, CrimeanTatar: 0.01, Kalmyk: 0.005, Greek: 0.005,
}

// registryPlaces are birth places of today's residents.
var registryPlaces = []string{
	"г. Алматы", "г. Астана", "г. Шымкент", "г. Караганда", "г. Актобе", "г. Тараз", "г. Павлодар",
	"г. Усть-Каменогорск", "г. Семей", "г. Атырау", "г. Костанай", "г. Кызылорда", "г. Уральск",
	"г. Петропавловск", "г. Актау", "г. Темиртау", "г. Туркестан", "г. Кокшетау", "г. Талдыкорган",
	"Алматинская обл.", "Карагандинская обл.", "Туркестанская обл.", "Жамбылская обл.",
}

// Persons streams n registry persons made from seed, born 1930–2007, each with
// a valid IIN unique in the stream (Generate of package iin; a serial without a
// check digit is skipped for the next one).
func Persons(seed uint64, n int) iter.Seq[Person] {
	return func(yield func(Person) bool) {
		r := newRand(seed, 2)
		nats := Nationalities
		cum := make([]float64, len(nats))
		total := 0.0
		for i, nat := range nats {
			total += registryShares[nat]
			cum[i] = total
		}
		nextSerial := map[calendar.Date]int{}
		start := time.Date(1930, 1, 1, 0, 0, 0, 0, time.UTC)
		days := int(time.Date(2007, 12, 31, 0, 0, 0, 0, time.UTC).Sub(start).Hours() / 24)
		for range n {
			p := peoples[nats[weighted(r, cum)]]
			sex := Male
			if chance(r, 0.52) {
				sex = Female
			}
			birth := start.AddDate(0, 0, r.IntN(days+1))
			number, birth := uniqueIIN(r, birth, sex, nextSerial)
			person := Person{
				IIN:         number,
				Sex:         sex,
				BirthDate:   calendar.DateOf(birth),
				BirthPlace:  pick(r, registryPlaces),
				Nationality: p.nat,
			}
			name := p.personName(r, sex, p.surname(r), p.given(r, Male))
			person.FormerNames, name = nameHistory(r, p, sex, birth, name)
			person.Surname, person.GivenName, person.Patronymic = name.Surname, name.GivenName, name.Patronymic
			if !yield(person) {
				return
			}
		}
	}
}

// uniqueIIN gives the next free IIN for a birth date: serials count up per date
// from a random start; a serial without a check digit is skipped, and a date
// whose serials run out moves to the next day.
func uniqueIIN(r *rand.Rand, birth time.Time, sex Sex, next map[calendar.Date]int) (string, time.Time) {
	s := iin.Male
	if sex == Female {
		s = iin.Female
	}
	for {
		d := calendar.DateOf(birth)
		serial, ok := next[d]
		if !ok {
			serial = 1 + r.IntN(2000)
		}
		for ; serial <= 9999; serial++ {
			number, err := iin.Generate(birth, s, serial)
			if errors.Is(err, iin.ErrNoCheckDigit) {
				continue
			}
			if err != nil {
				panic(fmt.Sprintf("synth: iin.Generate(%v, %v, %d): %v", birth, s, serial, err)) // a bug: the inputs are in range
			}
			next[d] = serial + 1
			return number, birth
		}
		next[d] = serial
		birth = birth.AddDate(0, 0, 1)
	}
}

// nameHistory draws the name changes of a life: most women marry and take the
// husband's surname (some divorce and take theirs back), a few Kazakhs drop the
// Russian -ов/-ев ending after 1991 (Құрманов → Құрман). It returns the former
// names, oldest first, and the current name.
func nameHistory(r *rand.Rand, p *people, sex Sex, birth time.Time, name FullName) ([]NameChange, FullName) {
	var changes []NameChange
	change := func(on time.Time, reason string, to FullName) {
		if on.After(time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC)) {
			return
		}
		changes = append(changes, NameChange{Name: name, ChangedOn: calendar.DateOf(on), Reason: reason})
		name = to
	}
	if sex == Female && chance(r, 0.6) {
		married := birth.AddDate(19+r.IntN(12), r.IntN(12), r.IntN(28))
		maiden := name
		wed := name
		wed.Surname = p.surnameForm(p.surname(r), Female)
		if wed.Surname != name.Surname {
			change(married, "заключение брака", wed)
			if chance(r, 0.12) {
				change(married.AddDate(2+r.IntN(15), r.IntN(12), 0), "расторжение брака", maiden)
			}
		}
	}
	if p.nat == Kazakh && chance(r, 0.05) {
		for _, suf := range []string{"ова", "ева", "ов", "ев"} {
			if stem, ok := strings.CutSuffix(name.Surname, suf); ok {
				// After independence, as an adult, after any earlier change.
				earliest := later(time.Date(1992, 1, 1, 0, 0, 0, 0, time.UTC), birth.AddDate(16, 0, 0))
				if len(changes) > 0 {
					last := changes[len(changes)-1].ChangedOn
					earliest = later(earliest, time.Date(last.Year, last.Month, last.Day+1, 0, 0, 0, 0, time.UTC))
				}
				to := name
				to.Surname = stem
				change(earliest.AddDate(0, 0, r.IntN(20*365)), "по заявлению", to)
				break
			}
		}
	}
	return changes, name
}

func later(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

// PersonsColumns is the header of the registry CSV. former_names holds the
// earlier names, oldest first, separated by ";", each as
// "surname/given_name/patronymic/changed_on/reason".
var PersonsColumns = []string{
	"iin", "surname", "given_name", "patronymic", "sex", "birth_date", "birth_place", "nationality", "former_names",
}

// WritePersonsCSV writes n registry persons made from seed as CSV with the
// header PersonsColumns.
func WritePersonsCSV(w io.Writer, seed uint64, n int) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	cw := csv.NewWriter(bw)
	if err := cw.Write(PersonsColumns); err != nil {
		return err
	}
	for p := range Persons(seed, n) {
		var former []string
		for _, c := range p.FormerNames {
			former = append(former, strings.Join([]string{c.Name.Surname, c.Name.GivenName, c.Name.Patronymic, c.ChangedOn.String(), c.Reason}, "/"))
		}
		if err := cw.Write([]string{
			p.IIN, p.Surname, p.GivenName, p.Patronymic, p.Sex.String(), p.BirthDate.String(), p.BirthPlace,
			string(p.Nationality), strings.Join(former, ";"),
		}); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("writing the registry: %w", err)
	}
	return bw.Flush()
}
