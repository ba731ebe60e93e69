package synth

import (
	"fmt"
	"iter"
	"math/rand/v2"

	"qyzmet/internal/calendar"
)

// CardRecord is one card of the index of persons sent to special settlement
// 1939–1955, with every field a card of the period carries.
type CardRecord struct {
	ID          string
	Surname     string
	GivenName   string
	Patronymic  string // empty on cards that lack one
	Sex         Sex
	BirthYear   int
	BirthPlace  string
	Nationality Nationality
	// NationalityText is the nationality as the card writes it ("немец", "немка").
	NationalityText string
	FromRegion      string // where the person was sent from
	ToRegion        string // where to, in the Kazakh SSR: "oblast, district"
	ResettledOn     calendar.Date
	ReleasedOn      calendar.Date // removed from the special-settlement register (or died)
	ReleaseBasis    string
	FatherID        string // the father's card, when he has one
	MotherID        string
	Children        []Child
}

// Name is the card's full name.
func (c CardRecord) Name() FullName { return FullName{c.Surname, c.GivenName, c.Patronymic} }

// Child is a child written on a parent's card.
type Child struct {
	// ID is the child's own card. It is empty for a child under 16 on 1 January
	// 1940: such children were not registered separately (Rule AR-STD-9) and are
	// found only through this entry on a parent's card (Rule AR-6.1).
	ID         string
	Surname    string
	GivenName  string
	Patronymic string
	Sex        Sex
	BirthYear  int
}

// Name is the child's full name.
func (c Child) Name() FullName { return FullName{c.Surname, c.GivenName, c.Patronymic} }

// MinorBornFrom is the first birth year of a person under 16 on 1 January 1940
// (born after 1 January 1924); with a birth year alone, 1924 counts as under 16.
const MinorBornFrom = 1924

// CardIndex streams n card records made from seed. Records come family by
// family: the parents' cards, then the cards of their children who were 16 or
// over on 1 January 1940; younger children appear only on the parents' cards.
// Card IDs are AR0000001, AR0000002, … in the order of the stream.
func CardIndex(seed uint64, n int) iter.Seq[CardRecord] {
	return func(yield func(CardRecord) bool) {
		for fam := range CardFamilies(seed, n) {
			for _, c := range fam {
				if !yield(c) {
					return
				}
			}
		}
	}
}

// CardFamilies streams the same n cards as CardIndex(seed, n), one family per
// element, so a test can see which cards belong together.
func CardFamilies(seed uint64, n int) iter.Seq[[]CardRecord] {
	return func(yield func([]CardRecord) bool) {
		g := &cardGen{r: newRand(seed, 1), nats: Nationalities}
		g.cum = make([]float64, len(g.nats))
		total := 0.0
		for i, nat := range g.nats {
			total += shares[nat]
			g.cum[i] = total
		}
		for emitted := 0; emitted < n; {
			fam := g.family()
			if len(fam) > n-emitted {
				fam = dropTail(fam, n-emitted)
			}
			if !yield(fam) {
				return
			}
			emitted += len(fam)
		}
	}
}

// dropTail keeps the first k cards of a family and clears links to the dropped
// ones, so the last family of a stream of exactly n cards has no dangling IDs.
func dropTail(fam []CardRecord, k int) []CardRecord {
	dropped := map[string]bool{}
	for _, c := range fam[k:] {
		dropped[c.ID] = true
	}
	fam = fam[:k]
	for i := range fam {
		for j := range fam[i].Children {
			if dropped[fam[i].Children[j].ID] {
				fam[i].Children[j].ID = ""
			}
		}
	}
	return fam
}

type cardGen struct {
	r    *rand.Rand
	nats []Nationality
	cum  []float64
	next int
}

func (g *cardGen) id() string {
	g.next++
	return fmt.Sprintf("AR%07d", g.next)
}

// person is one family member before it becomes a card or a child entry.
type person struct {
	name   FullName // Kazakh names in Kazakh spelling; rendered per card
	sex    Sex
	year   int
	father string // father's given name (the source of the patronymic)
	card   bool
	id     string
}

// family makes one family's cards: a single adult (a fifth of the time) or a
// mother, usually a father, and 0–7 children.
func (g *cardGen) family() []CardRecord {
	r := g.r
	p := peoples[g.nats[weighted(r, g.cum)]]
	w := pick(r, p.waves)
	resettled := w.from.AddDate(0, 0, r.IntN(w.days+1))
	base := CardRecord{
		Nationality: p.nat,
		FromRegion:  pick(r, w.fromRegion),
		ResettledOn: calendar.DateOf(resettled),
	}
	dest := pick(r, destinations)
	base.ToRegion = dest[0] + ", " + dest[1]
	rel := pick(r, p.releases)
	released := rel.on.AddDate(0, 0, r.IntN(rel.lagD+1))
	if released.Before(resettled) {
		released = resettled.AddDate(0, 6, 0)
	}
	base.ReleaseBasis = rel.basis
	if chance(r, 0.04) {
		// Died in special settlement: the card is closed by the death.
		span := int(released.Sub(resettled).Hours() / 24)
		released = resettled.AddDate(0, 0, r.IntN(max(span, 1)))
		base.ReleaseBasis = "умер"
	}
	base.ReleasedOn = calendar.DateOf(released)

	surname := p.surname(r)
	if chance(r, 0.2) {
		sex := Male
		if chance(r, 0.6) {
			sex = Female
		}
		adult := person{sex: sex, year: 1870 + r.IntN(54), father: p.given(r, Male), card: true}
		adult.name = p.personName(r, sex, surname, adult.father)
		adult.id = g.id()
		return []CardRecord{g.card(base, p, adult, nil, "", "")}
	}

	motherYear := 1872 + r.IntN(44) // 1872–1915
	fatherYear := max(min(motherYear-r.IntN(11)+2, 1923), 1870)
	father := person{sex: Male, year: fatherYear, father: p.given(r, Male), card: chance(r, 0.7)}
	father.name = p.personName(r, Male, surname, father.father)
	mother := person{sex: Female, year: motherYear, father: p.given(r, Male), card: true}
	mother.name = p.personName(r, Female, surname, mother.father)

	// Children one to four years apart, from the mother's 18th to her 44th year.
	var kids []person
	year, last := motherYear+18+r.IntN(6), min(motherYear+44, 1955)
	for n := childCount(r); n > 0 && year <= last; n-- {
		sex := Male
		if chance(r, 0.5) {
			sex = Female
		}
		k := person{sex: sex, year: year, father: father.name.GivenName}
		k.name = p.personName(r, sex, surname, k.father)
		k.card = k.year < MinorBornFrom // Rule AR-STD-9: younger children have no card of their own
		kids = append(kids, k)
		year += 1 + r.IntN(4)
	}

	// IDs first, so every card can link to every other.
	if father.card {
		father.id = g.id()
	}
	mother.id = g.id()
	for i := range kids {
		if kids[i].card {
			kids[i].id = g.id()
		}
	}
	var cards []CardRecord
	if father.card {
		cards = append(cards, g.card(base, p, father, kids, "", ""))
	}
	cards = append(cards, g.card(base, p, mother, kids, "", ""))
	for _, k := range kids {
		if k.card {
			cards = append(cards, g.card(base, p, k, nil, father.id, mother.id))
		}
	}
	return cards
}

// childCount is 0–7, most often 2–3.
func childCount(r *rand.Rand) int {
	return weighted(r, []float64{8, 20, 38, 58, 74, 86, 94, 100})
}

// card writes one person's card; a Kazakh card renders the names in the style
// of its clerk (Kazakh letters or the Russian rendering).
func (g *cardGen) card(base CardRecord, p *people, who person, kids []person, fatherID, motherID string) CardRecord {
	r := g.r
	render := func(s string) string { return s }
	if p.nat == Kazakh {
		render = newCardStyle(r).render
	}
	c := base
	c.ID = who.id
	c.Surname, c.GivenName, c.Patronymic = render(who.name.Surname), render(who.name.GivenName), render(who.name.Patronymic)
	c.Sex = who.sex
	c.BirthYear = who.year
	c.BirthPlace = pick(r, p.birthPlaces)
	c.NationalityText = p.word[0]
	if who.sex == Female {
		c.NationalityText = p.word[1]
	}
	c.FatherID, c.MotherID = fatherID, motherID
	for _, k := range kids {
		c.Children = append(c.Children, Child{
			ID:         k.id,
			Surname:    render(k.name.Surname),
			GivenName:  render(k.name.GivenName),
			Patronymic: render(k.name.Patronymic),
			Sex:        k.sex,
			BirthYear:  k.year,
		})
	}
	return c
}
