package synth

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"iter"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"

	"qyzmet/internal/calendar"
	"qyzmet/internal/iin"
	"qyzmet/internal/standard"
)

// This file generates the registries the services decide on, beside the card
// index: the person registry with families (parents, children, the wives' and
// daughters' name changes), criminal records made under the names of the time
// (old ones without an IIN), specimens of officials' signatures and seals, and
// payments of the state duty through the payment gateway. The CSV files are
// the import formats of package registry/csvimport (docs/registries.md).
//
// Streams number their own random sources (stream 10 and up) so that they do
// not replay the cards' (1), the persons' (2) or the queries' (3) choices.

// RegistryPerson is a person of the registry with the links to the parents
// when they are in the registry too.
type RegistryPerson struct {
	Person
	FatherIIN, MotherIIN string
}

// registryEnd is the last day of the generated history.
var registryEnd = day(2025, 12, 31)

// RegistryPersons streams n persons of the registry made from seed, family by
// family: a third are single, the others a father and a mother — she took his
// surname on marriage, so her maiden name is a former name — and up to five
// children with his surname and a patronymic from his given name, born up to
// 2007. Daughters may marry in turn. Every IIN is valid and unique in the stream.
func RegistryPersons(seed uint64, n int) iter.Seq[RegistryPerson] {
	return func(yield func(RegistryPerson) bool) {
		g := newFamilyGen(seed)
		for emitted := 0; emitted < n; {
			fam := g.family()
			for _, p := range fam[:min(len(fam), n-emitted)] {
				if !yield(p) {
					return
				}
				emitted++
			}
		}
	}
}

type familyGen struct {
	r          *rand.Rand
	nats       []Nationality
	cum        []float64
	nextSerial map[calendar.Date]int
}

func newFamilyGen(seed uint64) *familyGen {
	g := &familyGen{r: newRand(seed, 10), nats: Nationalities, nextSerial: map[calendar.Date]int{}}
	total := 0.0
	for _, nat := range g.nats {
		total += registryShares[nat]
		g.cum = append(g.cum, total)
	}
	return g
}

// between draws a day from from to to.
func between(r *rand.Rand, from, to time.Time) time.Time {
	days := int(to.Sub(from).Hours() / 24)
	if days <= 0 {
		return from
	}
	return from.AddDate(0, 0, r.IntN(days+1))
}

func (g *familyGen) person(p *people, sex Sex, birth time.Time, name FullName) RegistryPerson {
	number, birth := uniqueIIN(g.r, birth, sex, g.nextSerial)
	return RegistryPerson{Person: Person{
		IIN: number, Surname: name.Surname, GivenName: name.GivenName, Patronymic: name.Patronymic,
		Sex: sex, BirthDate: calendar.DateOf(birth), BirthPlace: pick(g.r, registryPlaces), Nationality: p.nat,
	}}
}

func (g *familyGen) family() []RegistryPerson {
	r := g.r
	p := peoples[g.nats[weighted(r, g.cum)]]
	if chance(r, 0.35) {
		sex := Male
		if chance(r, 0.52) {
			sex = Female
		}
		birth := between(r, day(1930, 1, 1), day(2007, 12, 31))
		single := g.person(p, sex, birth, p.personName(r, sex, p.surname(r), p.given(r, Male)))
		var name FullName
		single.FormerNames, name = nameHistory(r, p, sex, birth, single.Name())
		single.Surname, single.GivenName, single.Patronymic = name.Surname, name.GivenName, name.Patronymic
		return []RegistryPerson{single}
	}

	surname := p.surname(r)
	fatherBirth := between(r, day(1930, 1, 1), day(1982, 12, 31))
	father := g.person(p, Male, fatherBirth, p.personName(r, Male, surname, p.given(r, Male)))
	motherBirth := fatherBirth.AddDate(r.IntN(9)-1, r.IntN(12), r.IntN(28))
	maiden := p.personName(r, Female, p.surname(r), p.given(r, Male))
	mother := g.person(p, Female, motherBirth, maiden)
	wedding := motherBirth.AddDate(19+r.IntN(10), r.IntN(12), r.IntN(28))
	if married := p.surnameForm(surname, Female); married != maiden.Surname && chance(r, 0.85) {
		mother.FormerNames = []NameChange{{Name: maiden, ChangedOn: calendar.DateOf(wedding), Reason: "заключение брака"}}
		mother.Surname = married
	}
	fam := []RegistryPerson{father, mother}

	born := wedding.AddDate(1, r.IntN(12), r.IntN(28))
	last := day(2007, 12, 31)
	for k := weighted(r, []float64{10, 30, 65, 85, 95, 100}); k > 0 && !born.After(last); k-- {
		sex := Male
		if chance(r, 0.49) {
			sex = Female
		}
		child := g.person(p, sex, born, p.personName(r, sex, surname, father.GivenName))
		if sex == Female {
			var name FullName
			child.FormerNames, name = nameHistory(r, p, sex, born, child.Name())
			child.Surname, child.GivenName, child.Patronymic = name.Surname, name.GivenName, name.Patronymic
		}
		child.FatherIIN, child.MotherIIN = father.IIN, mother.IIN
		fam = append(fam, child)
		born = born.AddDate(1+r.IntN(5), r.IntN(12), r.IntN(28))
	}
	return fam
}

// RegistryPersonsColumns is the header of the person registry CSV: the columns
// of PersonsColumns and the parents' IINs.
var RegistryPersonsColumns = append(append([]string(nil), PersonsColumns...), "father_iin", "mother_iin")

// WriteRegistryPersonsCSV writes RegistryPersons(seed, n) as CSV with the
// header RegistryPersonsColumns.
func WriteRegistryPersonsCSV(w io.Writer, seed uint64, n int) error {
	return writeCSV(w, RegistryPersonsColumns, func(write func([]string) error) error {
		for p := range RegistryPersons(seed, n) {
			var former []string
			for _, c := range p.FormerNames {
				former = append(former, strings.Join([]string{c.Name.Surname, c.Name.GivenName, c.Name.Patronymic, c.ChangedOn.String(), c.Reason}, "/"))
			}
			if err := write([]string{p.IIN, p.Surname, p.GivenName, p.Patronymic, p.Sex.String(), p.BirthDate.String(),
				p.BirthPlace, string(p.Nationality), strings.Join(former, ";"), p.FatherIIN, p.MotherIIN}); err != nil {
				return err
			}
		}
		return nil
	})
}

// writeCSV writes a header and the rows rows gives, buffered.
func writeCSV(w io.Writer, header []string, rows func(write func([]string) error) error) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	cw := csv.NewWriter(bw)
	if err := cw.Write(header); err != nil {
		return err
	}
	if err := rows(cw.Write); err != nil {
		return err
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}

// selection picks exactly k of the next n items in order, each set of k equally
// likely (Knuth's algorithm S): the generators give an exact count of
// convictions or payments over a stream of persons without holding it.
type selection struct {
	r       *rand.Rand
	k, left int
}

func (s *selection) next() bool {
	if s.left <= 0 {
		return false
	}
	take := s.r.IntN(s.left) < s.k
	s.left--
	if take {
		s.k--
	}
	return take
}

// Conviction is a conviction of the criminal records. Records made before
// 2009 usually lack the IIN and carry the name of the time (a woman's maiden
// name, Kazakh names in their Russian rendering).
type Conviction struct {
	ID          string
	IIN         string // empty on an old record
	Name        FullName
	BirthDate   calendar.Date
	Article     string
	Court       string
	ConvictedOn calendar.Date
	Sentence    string
	ExpungedOn  calendar.Date
	RemovedOn   calendar.Date
}

// offence is a crime as the records name it, the sentences courts gave for
// it and the years after serving them until the conviction is expunged (the
// Criminal Code's terms by gravity: 1, 3, 6 or 8 years).
type offence struct {
	article  string
	soviet   string // the article of the Kazakh SSR code for records before 1998
	expunge  int
	sentence []sentence
}

type sentence struct {
	text   string
	soviet string // the same sentence as the Kazakh SSR code wrote it; "" when the text is the same
	years  int
}

var offences = []offence{
	{"ст. 188 ч. 1 УК РК (кража)", "ст. 76 УК КазССР", 1, []sentence{{"штраф 300 МРП", "штраф 100 рублей", 0}, {"исправительные работы 1 год", "", 1}, {"ограничение свободы 1 год", "условно 1 год", 1}}},
	{"ст. 188 ч. 2 УК РК (кража)", "ст. 76 ч. 2 УК КазССР", 3, []sentence{{"ограничение свободы 2 года", "условно 2 года", 2}, {"лишение свободы 2 года", "", 2}}},
	{"ст. 293 ч. 1 УК РК (хулиганство)", "ст. 200 УК КазССР", 1, []sentence{{"штраф 200 МРП", "штраф 50 рублей", 0}, {"общественные работы 200 часов", "исправительные работы 6 месяцев", 0}}},
	{"ст. 345 ч. 2 УК РК (нарушение ПДД)", "ст. 216 УК КазССР", 3, []sentence{{"ограничение свободы 2 года", "условно 2 года", 2}, {"лишение свободы 1 год 6 месяцев", "", 1}}},
	{"ст. 190 ч. 2 УК РК (мошенничество)", "ст. 80 УК КазССР", 3, []sentence{{"штраф 1000 МРП", "штраф 300 рублей", 0}, {"лишение свободы 3 года", "", 3}}},
	{"ст. 296 ч. 1 УК РК (незаконный оборот наркотиков)", "ст. 213 УК КазССР", 1, []sentence{{"штраф 100 МРП", "штраф 50 рублей", 0}, {"исправительные работы 6 месяцев", "", 1}}},
	{"ст. 106 ч. 1 УК РК (умышленное причинение тяжкого вреда здоровью)", "ст. 93 УК КазССР", 6, []sentence{{"лишение свободы 4 года", "", 4}, {"лишение свободы 5 лет", "", 5}}},
	{"ст. 99 ч. 1 УК РК (убийство)", "ст. 88 УК КазССР", 8, []sentence{{"лишение свободы 10 лет", "", 10}, {"лишение свободы 12 лет", "", 12}}},
	{"ст. 366 ч. 2 УК РК (получение взятки)", "ст. 146 УК КазССР", 6, []sentence{{"лишение свободы 5 лет с конфискацией имущества", "", 5}}},
}

var courts = []string{
	"Медеуский районный суд г. Алматы", "Алмалинский районный суд г. Алматы", "Бостандыкский районный суд г. Алматы",
	"Есильский районный суд г. Астаны", "Сарыаркинский районный суд г. Астаны", "Алматинский районный суд г. Астаны",
	"Специализированный межрайонный суд по уголовным делам г. Шымкента", "Карагандинский городской суд",
	"Павлодарский городской суд № 2", "Актюбинский городской суд", "Костанайский городской суд", "Уральский городской суд",
	"Атырауский городской суд", "Таразский городской суд", "Семейский городской суд", "Кызылординский городской суд",
}

var sovietCourts = []string{
	"Народный суд Октябрьского района г. Алма-Аты", "Народный суд Ленинского района г. Алма-Аты",
	"Народный суд г. Целинограда", "Народный суд Кировского района г. Караганды", "Народный суд г. Чимкента",
	"Народный суд г. Павлодара", "Народный суд г. Актюбинска", "Народный суд г. Семипалатинска",
}

// iinRecordsFrom is when criminal records began to carry IINs.
var iinRecordsFrom = day(2009, 1, 1)

// Convictions streams n convictions made from seed of the persons of
// RegistryPersons(seed, persons): persons are picked uniformly, one in five of
// them twice. When n exceeds what the persons can take, or persons is 0, the
// rest are old records of people no longer in the registry.
func Convictions(seed uint64, persons, n int) iter.Seq[Conviction] {
	return func(yield func(Conviction) bool) {
		r := newRand(seed, 11)
		made := 0
		emit := func(c Conviction) bool {
			made++
			c.ID = fmt.Sprintf("CR%09d", made)
			return yield(c)
		}
		subjects := min(persons, n)
		sel := selection{r: r, k: subjects, left: persons}
		for p := range RegistryPersons(seed, persons) {
			if made >= n {
				return
			}
			if !sel.next() {
				continue
			}
			times := 1
			if chance(r, 0.2) && made+1 < n-(sel.k) {
				times = 2
			}
			var after calendar.Date
			for range times {
				c, ok := convictionOf(r, p.Person, after)
				if !ok {
					break
				}
				after = c.ConvictedOn
				if !emit(c) {
					return
				}
			}
		}
		for made < n {
			if !emit(oldRecordOfStranger(r)) {
				return
			}
		}
	}
}

// convictionOf draws a conviction of p given after after, between p's 16th and
// 60th birthdays.
func convictionOf(r *rand.Rand, p Person, after calendar.Date) (Conviction, bool) {
	birth := day(p.BirthDate.Year, p.BirthDate.Month, p.BirthDate.Day)
	from := birth.AddDate(16, 0, 0)
	if !after.IsZero() {
		from = day(after.Year, after.Month, after.Day).AddDate(0, 6, 0)
	}
	to := birth.AddDate(60, 0, 0) // few are first convicted after 60
	if to.After(registryEnd) {
		to = registryEnd
	}
	if from.After(to) {
		return Conviction{}, false
	}
	on := between(r, from, to)
	name := p.Name()
	for _, c := range p.FormerNames {
		if calendar.DateOf(on).Before(c.ChangedOn) {
			name = c.Name
			break
		}
	}
	c := Conviction{IIN: p.IIN, Name: name, BirthDate: p.BirthDate}
	sentenceTo(r, &c, on)
	// A record older than IINs carries one only if it was still in force when
	// the records were matched with the registry, and not always then.
	if on.Before(iinRecordsFrom) && (c.ExpungedOn.Before(calendar.DateOf(iinRecordsFrom)) || chance(r, 0.5)) {
		c.IIN = ""
		if on.Year() < 2000 && chance(r, 0.8) {
			c.Name = FullName{russianRendering(name.Surname), russianRendering(name.GivenName), russianRendering(name.Patronymic)}
		}
	}
	return c, true
}

// oldRecordOfStranger is an old record without an IIN of a person the registry
// does not have (died or left before IINs).
func oldRecordOfStranger(r *rand.Rand) Conviction {
	p := peoples[pick(r, Nationalities)]
	sex := Male
	if chance(r, 0.15) {
		sex = Female
	}
	birth := between(r, day(1920, 1, 1), day(1975, 12, 31))
	name := p.personName(r, sex, p.surname(r), p.given(r, Male))
	name = FullName{russianRendering(name.Surname), russianRendering(name.GivenName), russianRendering(name.Patronymic)}
	c := Conviction{Name: name, BirthDate: calendar.DateOf(birth)}
	sentenceTo(r, &c, between(r, birth.AddDate(16, 0, 0), day(2008, 12, 31)))
	return c
}

// sentenceTo fills in the offence, the court, the sentence and the dates the
// conviction ends.
func sentenceTo(r *rand.Rand, c *Conviction, on time.Time) {
	o := pick(r, offences)
	s := pick(r, o.sentence)
	c.ConvictedOn = calendar.DateOf(on)
	c.Article, c.Court = o.article, pick(r, courts)
	if on.Year() < 1998 {
		c.Article, c.Court = o.soviet, pick(r, sovietCourts)
	}
	c.Sentence = s.text
	if on.Year() < 1998 && s.soviet != "" {
		c.Sentence = s.soviet
	}
	c.ExpungedOn = calendar.DateOf(on.AddDate(s.years+o.expunge, r.IntN(3), 0))
	if s.years >= 2 && chance(r, 0.08) {
		// Removed early by a court after good conduct (parole and removal).
		c.RemovedOn = calendar.DateOf(on.AddDate(s.years, 0, 0).AddDate(0, r.IntN(12), 0))
	}
}

// ConvictionsColumns is the header of the criminal records CSV.
var ConvictionsColumns = []string{
	"record_id", "iin", "surname", "given_name", "patronymic", "birth_date", "article", "court",
	"convicted_on", "sentence", "expunged_on", "removed_on",
}

// WriteConvictionsCSV writes Convictions(seed, persons, n) as CSV with the
// header ConvictionsColumns.
func WriteConvictionsCSV(w io.Writer, seed uint64, persons, n int) error {
	return writeCSV(w, ConvictionsColumns, func(write func([]string) error) error {
		for c := range Convictions(seed, persons, n) {
			if err := write([]string{c.ID, c.IIN, c.Name.Surname, c.Name.GivenName, c.Name.Patronymic, c.BirthDate.String(),
				c.Article, c.Court, c.ConvictedOn.String(), c.Sentence, c.ExpungedOn.String(), c.RemovedOn.String()}); err != nil {
				return err
			}
		}
		return nil
	})
}

// Signatory is the specimen of the signature and seal of an official.
type Signatory struct {
	ID        string
	Name      FullName
	Position  string
	Body      string
	BodyKind  string // prosecution, investigation, inquiry or court
	SealID    string
	ValidFrom calendar.Date
	ValidTo   calendar.Date // zero: in office
}

// bodyKind is a kind of body: its share of the specimens, its positions and
// the bodies of that kind (one per city).
type bodyKind struct {
	kind      string
	share     float64
	seal      string
	positions []string
	body      string // with %s for the city
}

var bodyKinds = []bodyKind{
	{"prosecution", 0.35, "PR", []string{"прокурор", "заместитель прокурора", "старший помощник прокурора", "помощник прокурора"}, "Прокуратура %s"},
	{"investigation", 0.2, "SL", []string{"следователь", "старший следователь", "начальник следственного отдела"}, "Следственное управление Департамента полиции %s"},
	{"inquiry", 0.1, "DZ", []string{"дознаватель", "старший дознаватель"}, "Отдел дознания Департамента полиции %s"},
	{"court", 0.35, "SD", []string{"судья", "председатель суда", "руководитель аппарата суда"}, "Специализированный межрайонный суд %s"},
}

var bodyCities = []string{
	"г. Астаны", "г. Алматы", "г. Шымкента", "Карагандинской области", "Павлодарской области", "Актюбинской области",
	"Атырауской области", "Костанайской области", "Жамбылской области", "Туркестанской области",
	"Восточно-Казахстанской области", "Западно-Казахстанской области", "Мангистауской области", "Кызылординской области",
}

// Signatories streams n specimens made from seed: officials of the bodies of
// fourteen cities, each body with one seal that all its officials' specimens
// share; a quarter of the specimens have ended (the official left).
func Signatories(seed uint64, n int) iter.Seq[Signatory] {
	return func(yield func(Signatory) bool) {
		r := newRand(seed, 12)
		cum := make([]float64, len(bodyKinds))
		total := 0.0
		for i, k := range bodyKinds {
			total += k.share
			cum[i] = total
		}
		for i := range n {
			k := bodyKinds[weighted(r, cum)]
			city := r.IntN(len(bodyCities))
			p := peoples[pick(r, []Nationality{Kazakh, Kazakh, Kazakh, Russian, Russian, Korean, German})]
			sex := Male
			if chance(r, 0.4) {
				sex = Female
			}
			from := between(r, day(2008, 1, 1), day(2025, 6, 30))
			s := Signatory{
				ID:        fmt.Sprintf("SG%06d", i+1),
				Name:      p.personName(r, sex, p.surname(r), p.given(r, Male)),
				Position:  pick(r, k.positions),
				Body:      fmt.Sprintf(k.body, bodyCities[city]),
				BodyKind:  k.kind,
				SealID:    fmt.Sprintf("%s-%02d-001", k.seal, city+1),
				ValidFrom: calendar.DateOf(from),
			}
			if chance(r, 0.25) {
				s.ValidTo = calendar.DateOf(between(r, from.AddDate(1, 0, 0), registryEnd))
			}
			if !yield(s) {
				return
			}
		}
	}
}

// SignatoriesColumns is the header of the specimens CSV.
var SignatoriesColumns = []string{
	"id", "surname", "given_name", "patronymic", "position", "body", "body_kind", "seal_id", "valid_from", "valid_to",
}

// WriteSignatoriesCSV writes Signatories(seed, n) as CSV with the header
// SignatoriesColumns.
func WriteSignatoriesCSV(w io.Writer, seed uint64, n int) error {
	return writeCSV(w, SignatoriesColumns, func(write func([]string) error) error {
		for s := range Signatories(seed, n) {
			if err := write([]string{s.ID, s.Name.Surname, s.Name.GivenName, s.Name.Patronymic, s.Position, s.Body,
				s.BodyKind, s.SealID, s.ValidFrom.String(), s.ValidTo.String()}); err != nil {
				return err
			}
		}
		return nil
	})
}

// Payment is a payment of the state duty reported by the payment gateway.
type Payment struct {
	Reference  string
	PayerIIN   string // an IIN, or a BIN for a legal entity
	PayerName  string
	AmountTiyn int64
	BudgetCode string
	PaidOn     calendar.Date
}

// stateDutyKBK is the budget classification code of the state duty for an
// apostille (AP-STD-6).
const stateDutyKBK = "108125"

// Payments streams n gateway payments made from seed, paid 2022–2025 by
// persons of RegistryPersons(seed, persons) (or by legal entities, one in ten):
// the state duty of a prosecution or a court apostille for one to three
// documents at the MCI of the day (standard.Set.Fee),
// except a few mistakes — the previous year's MCI, or another budget code —
// that the payment check must catch.
func Payments(seed uint64, persons, n int) iter.Seq[Payment] {
	return func(yield func(Payment) bool) {
		set, err := standard.Default()
		if err != nil {
			panic(fmt.Sprintf("synth: the embedded standards do not load: %v", err)) // a broken build
		}
		r := newRand(seed, 13)
		made := 0
		emit := func(payerIIN, payerName string) bool {
			made++
			paid := between(r, day(2022, 2, 1), registryEnd)
			on := calendar.DateOf(paid)
			service := standard.ApostilleProsecution
			if chance(r, 0.4) {
				service = standard.ApostilleCourt
			}
			std, err := set.At(service, on)
			if err != nil {
				panic(fmt.Sprintf("synth: %s is not in force on %s: %v", service, on, err)) // both are, from 2022-01-24
			}
			mciDay := on
			if chance(r, 0.02) {
				mciDay = calendar.D(on.Year-1, 6, 1) // the payer used last year's MCI
			}
			// Rule AP-STD-6, AC-7: 0.5 MCI per document, from the standard.
			fee, err := set.Fee(std, mciDay, 1+weighted(r, []float64{80, 95, 100}))
			if err != nil {
				panic(fmt.Sprintf("synth: no fee on %s: %v", mciDay, err)) // the MCI table covers 2015–2026
			}
			p := Payment{
				Reference:  fmt.Sprintf("GW%s%07d", paid.Format("20060102"), made),
				PayerIIN:   payerIIN,
				PayerName:  payerName,
				AmountTiyn: fee.Tiyn,
				BudgetCode: stateDutyKBK,
				PaidOn:     on,
			}
			if chance(r, 0.01) {
				p.BudgetCode = "108101"
			}
			return yield(p)
		}
		subjects := min(persons, n)
		sel := selection{r: r, k: subjects, left: persons}
		for p := range RegistryPersons(seed, persons) {
			if made >= n {
				return
			}
			if !sel.next() {
				continue
			}
			payer, name := p.IIN, initials(p.Name())
			if chance(r, 0.1) {
				payer, name = companyBIN(r), pick(r, companies)
			}
			if !emit(payer, name) {
				return
			}
		}
		for made < n {
			if !emit(companyBIN(r), pick(r, companies)) {
				return
			}
		}
	}
}

var companies = []string{
	`ТОО "Казахстанская юридическая компания"`, `ТОО "Апостиль Сервис"`, `ТОО "Global Visa KZ"`,
	`ТОО "Translation Bureau Astana"`, `АО "Нотариальная палата"`, `ТОО "Легализация документов"`,
}

// companyBIN is the BIN of a resident company registered 2000–2020.
func companyBIN(r *rand.Rand) string {
	for {
		registered := between(r, day(2000, 1, 1), day(2020, 12, 31))
		bin, err := iin.GenerateBIN(registered, iin.ResidentEntity, iin.HeadUnit, r.IntN(100000))
		if err == nil {
			return bin
		}
	}
}

// initials is "Surname G. P.", as a bank writes the payer.
func initials(n FullName) string {
	out := n.Surname
	for _, part := range []string{n.GivenName, n.Patronymic} {
		if rs := []rune(part); len(rs) > 0 {
			out += " " + string(rs[0]) + "."
		}
	}
	return out
}

// PaymentsColumns is the header of the payments CSV (the amount in tenge).
var PaymentsColumns = []string{"reference", "payer_iin", "payer_name", "amount", "budget_code", "paid_on"}

// WritePaymentsCSV writes Payments(seed, persons, n) as CSV with the header
// PaymentsColumns.
func WritePaymentsCSV(w io.Writer, seed uint64, persons, n int) error {
	return writeCSV(w, PaymentsColumns, func(write func([]string) error) error {
		for p := range Payments(seed, persons, n) {
			amount := strconv.FormatInt(p.AmountTiyn/100, 10) + "." + fmt.Sprintf("%02d", p.AmountTiyn%100)
			if err := write([]string{p.Reference, p.PayerIIN, p.PayerName, amount, p.BudgetCode, p.PaidOn.String()}); err != nil {
				return err
			}
		}
		return nil
	})
}
