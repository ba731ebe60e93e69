package synth

import (
	"bytes"
	"strings"
	"testing"

	"qyzmet/internal/calendar"
	"qyzmet/internal/iin"
	"qyzmet/internal/standard"
)

// The registry's families hang together: parents come before their children,
// are at least 16 years older, the father's surname and given name pass to the
// children, and a wife's maiden name is her former name.
func TestRegistryPersonsAreFamilies(t *testing.T) {
	const n = 5000
	byIIN := map[string]RegistryPerson{}
	children, married := 0, 0
	for p := range RegistryPersons(7, n) {
		num, err := iin.ParseIIN(p.IIN)
		if err != nil {
			t.Fatalf("%s: %v", p.IIN, err)
		}
		if _, dup := byIIN[p.IIN]; dup {
			t.Fatalf("IIN %s twice", p.IIN)
		}
		if calendar.DateOf(num.BirthDate) != p.BirthDate || (num.Sex == iin.Female) != (p.Sex == Female) {
			t.Errorf("%s does not encode %s %v", p.IIN, p.BirthDate, p.Sex)
		}
		if p.BirthDate.After(calendar.D(2007, 12, 31)) || p.BirthDate.Before(calendar.D(1930, 1, 1)) {
			t.Errorf("%s born %s", p.IIN, p.BirthDate)
		}
		byIIN[p.IIN] = p
		if p.FatherIIN == "" {
			continue
		}
		children++
		father, okF := byIIN[p.FatherIIN]
		mother, okM := byIIN[p.MotherIIN]
		if !okF || !okM {
			t.Fatalf("%s: parents %s, %s not before the child", p.IIN, p.FatherIIN, p.MotherIIN)
		}
		if father.Sex != Male || mother.Sex != Female {
			t.Errorf("%s: father %v, mother %v", p.IIN, father.Sex, mother.Sex)
		}
		for _, parent := range []RegistryPerson{father, mother} {
			if p.BirthDate.Before(parent.BirthDate.AddMonths(16 * 12)) {
				t.Errorf("%s born %s, parent %s born %s", p.IIN, p.BirthDate, parent.IIN, parent.BirthDate)
			}
		}
		birthName := p.Name()
		if len(p.FormerNames) > 0 {
			birthName = p.FormerNames[0].Name
		}
		if want := peoples[p.Nationality].surnameForm(father.Surname, p.Sex); birthName.Surname != want {
			t.Errorf("%s: surname at birth %s, want %s", p.IIN, birthName.Surname, want)
		}
		switch birthName.Patronymic {
		case "", patronymic(father.GivenName, p.Sex), kazakhPatronymic(father.GivenName, p.Sex):
		default:
			t.Errorf("%s: patronymic %s, father %s", p.IIN, birthName.Patronymic, father.GivenName)
		}
		if len(mother.FormerNames) > 0 {
			married++
			if mother.FormerNames[0].Reason != "заключение брака" || mother.FormerNames[0].Name.Surname == mother.Surname {
				t.Errorf("mother %s: %+v", mother.IIN, mother.FormerNames)
			}
		}
	}
	if len(byIIN) != n || children < n/3 || married < children/2 {
		t.Errorf("%d persons, %d children, %d of them with a mother who took the father's name", len(byIIN), children, married)
	}
}

// Convictions name registry persons as they were named on the day; old ones
// mostly without the IIN, and those before 2000 mostly in the Russian
// rendering of Kazakh names. The count is exact.
func TestConvictionsNamePersonsOfTheTime(t *testing.T) {
	t.Run("CR-STD-8.2 records under the name of the time", func(t *testing.T) {
		const persons, n = 3000, 400
		people := map[calendar.Date][]RegistryPerson{}
		for p := range RegistryPersons(5, persons) {
			people[p.BirthDate] = append(people[p.BirthDate], p)
		}
		count, withoutIIN, strangers := 0, 0, 0
		ids := map[string]bool{}
		for c := range Convictions(5, persons, n) {
			count++
			if ids[c.ID] {
				t.Fatalf("record %s twice", c.ID)
			}
			ids[c.ID] = true
			if !c.ExpungedOn.After(c.ConvictedOn) || (!c.RemovedOn.IsZero() && !c.RemovedOn.After(c.ConvictedOn)) {
				t.Errorf("%s: convicted %s, expunged %s, removed %s", c.ID, c.ConvictedOn, c.ExpungedOn, c.RemovedOn)
			}
			if c.ConvictedOn.Before(c.BirthDate.AddMonths(16 * 12)) {
				t.Errorf("%s: convicted at %s, born %s", c.ID, c.ConvictedOn, c.BirthDate)
			}
			var subject *RegistryPerson
			for i, p := range people[c.BirthDate] {
				if p.IIN == c.IIN || (c.IIN == "" && sameAsThen(p, c)) {
					subject = &people[c.BirthDate][i]
				}
			}
			if c.IIN == "" {
				withoutIIN++
			}
			if subject == nil {
				if c.IIN != "" {
					t.Errorf("%s: IIN %s is nobody's", c.ID, c.IIN)
				}
				strangers++
				continue
			}
			if !sameAsThen(*subject, c) {
				t.Errorf("%s: %v is not what %s was called on %s", c.ID, c.Name, subject.IIN, c.ConvictedOn)
			}
		}
		if count != n || withoutIIN == 0 || strangers > n/10 {
			t.Errorf("%d convictions (want %d), %d without IIN, %d of strangers", count, n, withoutIIN, strangers)
		}
		// More than the registry can hold: the rest are strangers' old records.
		count = 0
		for c := range Convictions(5, 10, 30) {
			count++
			if c.ID == "" || c.Article == "" || c.Court == "" || c.Sentence == "" {
				t.Errorf("incomplete %+v", c)
			}
		}
		if count != 30 {
			t.Errorf("%d convictions, want 30", count)
		}
	})
}

// sameAsThen reports whether c names p as p was named when convicted, in the
// Kazakh spelling or its Russian rendering.
func sameAsThen(p RegistryPerson, c Conviction) bool {
	name := p.Name()
	for _, ch := range p.FormerNames {
		if c.ConvictedOn.Before(ch.ChangedOn) {
			name = ch.Name
			break
		}
	}
	return c.Name == name || c.Name == FullName{russianRendering(name.Surname), russianRendering(name.GivenName), russianRendering(name.Patronymic)}
}

// Rule AP-6.2: a body's specimens share its seal; specimens end after they begin.
func TestSignatoriesShareTheBodysSeal(t *testing.T) {
	t.Run("AP-6.2 one seal per body", func(t *testing.T) {
		seal := map[string]string{}
		count := 0
		for s := range Signatories(2, 500) {
			count++
			if prev, ok := seal[s.Body]; ok && prev != s.SealID {
				t.Errorf("%s has seals %s and %s", s.Body, prev, s.SealID)
			}
			seal[s.Body] = s.SealID
			if !s.ValidTo.IsZero() && !s.ValidTo.After(s.ValidFrom) {
				t.Errorf("%s: valid %s to %s", s.ID, s.ValidFrom, s.ValidTo)
			}
			switch s.BodyKind {
			case "prosecution", "investigation", "inquiry", "court":
			default:
				t.Errorf("%s: body kind %q", s.ID, s.BodyKind)
			}
		}
		if count != 500 || len(seal) < 20 {
			t.Errorf("%d specimens of %d bodies", count, len(seal))
		}
	})
}

// Rule AP-STD-6, AC-7: nearly every payment is exactly the state duty for its
// documents at the MCI of its day; the few that are not are the mistakes the
// payment check must catch.
func TestPaymentsAreTheStateDuty(t *testing.T) {
	t.Run("AP-STD-6 AC-7 the duty at the MCI of the day", func(t *testing.T) {
		set, err := standard.Default()
		if err != nil {
			t.Fatal(err)
		}
		const n = 2000
		exact, count := 0, 0
		refs := map[string]bool{}
		for p := range Payments(4, 500, n) {
			count++
			if refs[p.Reference] {
				t.Fatalf("reference %s twice", p.Reference)
			}
			refs[p.Reference] = true
			if _, err := iin.Parse(p.PayerIIN); err != nil {
				t.Errorf("%s: payer %s: %v", p.Reference, p.PayerIIN, err)
			}
			std, err := set.At(standard.ApostilleProsecution, p.PaidOn)
			if err != nil {
				t.Fatal(err)
			}
			for docs := 1; docs <= 3; docs++ {
				fee, err := set.Fee(std, p.PaidOn, docs)
				if err == nil && fee.Tiyn == p.AmountTiyn && p.BudgetCode == "108125" {
					exact++
					break
				}
			}
		}
		if count != n || exact < n*95/100 || exact == n {
			t.Errorf("%d payments, %d of them exact (want nearly all, not all)", count, exact)
		}
	})
}

// The generators are deterministic: the same seed gives the same files.
func TestRegistryCSVsAreReproducible(t *testing.T) {
	write := func() string {
		var b bytes.Buffer
		for _, err := range []error{
			WriteRegistryPersonsCSV(&b, 9, 200),
			WriteConvictionsCSV(&b, 9, 200, 40),
			WriteSignatoriesCSV(&b, 9, 30),
			WritePaymentsCSV(&b, 9, 200, 50),
		} {
			if err != nil {
				t.Fatal(err)
			}
		}
		return b.String()
	}
	first := write()
	if first != write() {
		t.Error("two runs with one seed differ")
	}
	if got := strings.Count(first, "\n"); got != 200+40+30+50+4 {
		t.Errorf("%d lines", got)
	}
}
