package synth

import (
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"unicode"
)

// QueryKind names one way people get a name wrong or write it differently when
// they search the card index (Rule AR-6.3).
type QueryKind string

const (
	KindExact           QueryKind = "exact"          // the card's name as written
	KindTypo            QueryKind = "typo"           // one or two keyboard slips
	KindPhonetic        QueryKind = "phonetic"       // д/т, е/э, и/ы, о/а, doubled letters, ь/ъ
	KindKazakhLetters   QueryKind = "kazakh_letters" // Kazakh letters ↔ their Russian renderings
	KindLatin2021       QueryKind = "latin_kz2021"   // the 2021 Kazakh Latin alphabet
	KindPassport        QueryKind = "passport_icao"  // ICAO 9303, as a passport prints it
	KindRussianTranslit QueryKind = "translit_ru"    // GOST 7.79 system B or by ear
	KindSwapped         QueryKind = "swapped"        // given name first
	KindNoPatronymic    QueryKind = "no_patronymic"  // surname and given name only
	KindApproxYear      QueryKind = "approx_year"    // birth year off by one or two
	// KindParents is the child of a request through the parents (Rule AR-6.1),
	// made by MakeParentQuery.
	KindParents QueryKind = "parents"
)

// QueryKinds lists every kind in report order.
var QueryKinds = []QueryKind{
	KindExact, KindTypo, KindPhonetic, KindKazakhLetters, KindLatin2021, KindPassport,
	KindRussianTranslit, KindSwapped, KindNoPatronymic, KindApproxYear,
}

// Query is a search as a person would type it, with the card it must find.
type Query struct {
	Kind      QueryKind
	Text      string
	BirthYear int    // 0 when not given
	Want      string // ID of the card the query is about
}

// QueryMaker makes queries from card records; it is deterministic for a seed.
type QueryMaker struct {
	r *rand.Rand
}

// NewQueryMaker returns a query maker seeded with seed.
func NewQueryMaker(seed uint64) *QueryMaker { return &QueryMaker{r: newRand(seed, 3)} }

// Make returns a query of kind about card c. ok is false when the kind does not
// apply to the card: Kazakh letters on a card that has no Kazakh name, dropping a
// patronymic the card does not have.
func (m *QueryMaker) Make(c CardRecord, kind QueryKind) (q Query, ok bool) {
	r := m.r
	q = Query{Kind: kind, BirthYear: c.BirthYear, Want: c.ID}
	parts := []string{c.Surname, c.GivenName, c.Patronymic}
	switch kind {
	case KindExact:
	case KindTypo, KindPhonetic:
		if parts, ok = misspell(r, kind, parts); !ok {
			return q, false
		}
	case KindKazakhLetters:
		if c.Nationality != Kazakh {
			return q, false
		}
		if parts, ok = swapKazakhLetters(parts); !ok {
			return q, false
		}
	case KindLatin2021:
		if c.Nationality == Kazakh && chance(r, 0.5) {
			parts = kazakhSpelling(parts)
		}
		q.Text = joinName(mapParts(parts, Kazakh2021))
		q.Text = randomCase(r, q.Text, false)
		return q, true
	case KindPassport:
		q.Text = joinName(mapParts(parts, ICAO))
		return q, true
	case KindRussianTranslit:
		f := GOSTB
		if chance(r, 0.5) {
			f = func(s string) string { return Everyday(r, s) }
		}
		q.Text = randomCase(r, joinName(mapParts(parts, f)), false)
		return q, true
	case KindSwapped:
		if parts[2] == "" || chance(r, 0.5) {
			parts = []string{parts[1], parts[0], parts[2]}
		} else {
			parts = []string{parts[1], parts[2], parts[0]}
		}
	case KindNoPatronymic:
		if parts[2] == "" {
			return q, false
		}
		parts[2] = ""
	case KindApproxYear:
		d := 1 + r.IntN(2)
		if chance(r, 0.5) {
			d = -d
		}
		q.BirthYear += d
	default:
		return q, false
	}
	q.Text = randomCase(r, joinName(parts), true)
	return q, true
}

func joinName(parts []string) string {
	var nonEmpty []string
	for _, p := range parts {
		if p != "" {
			nonEmpty = append(nonEmpty, p)
		}
	}
	return strings.Join(nonEmpty, " ")
}

func mapParts(parts []string, f func(string) string) []string {
	out := make([]string, len(parts))
	for i, p := range parts {
		out[i] = f(p)
	}
	return out
}

// randomCase writes the query as people type it: as on the card, all lower case,
// or (Cyrillic only, as from a list in capitals) all upper case.
func randomCase(r *rand.Rand, s string, upperToo bool) string {
	switch x := r.Float64(); {
	case x < 0.5:
		return s
	case x < 0.9 || !upperToo:
		return strings.ToLower(s)
	default:
		return strings.ToUpper(s)
	}
}

// misspell applies typo or phonetic until the name changes (two changes can undo
// each other); ok is false for a name too short to misspell.
func misspell(r *rand.Rand, kind QueryKind, parts []string) ([]string, bool) {
	f := typo
	if kind == KindPhonetic {
		f = phonetic
	}
	for range 10 {
		out := f(r, parts)
		if !slices.Equal(out, parts) {
			return out, true
		}
	}
	return parts, false
}

// jcuken is the Russian keyboard, row by row: a slip hits a key beside or
// above/below the intended one.
var jcuken = [][]rune{
	[]rune("йцукенгшщзхъ"),
	[]rune("фывапролджэ"),
	[]rune("ячсмитьбю"),
}

func keyNeighbours(c rune) []rune {
	c = unicode.ToLower(c)
	for i, row := range jcuken {
		for j, k := range row {
			if k != c {
				continue
			}
			var out []rune
			if j > 0 {
				out = append(out, row[j-1])
			}
			if j+1 < len(row) {
				out = append(out, row[j+1])
			}
			for _, d := range []int{-1, 1} {
				if i+d >= 0 && i+d < len(jcuken) && j < len(jcuken[i+d]) {
					out = append(out, jcuken[i+d][j])
				}
			}
			return out
		}
	}
	return nil
}

// typo makes one or two keyboard slips (a neighbouring key, a dropped or an extra
// letter, two letters swapped) in the name parts of four letters or more.
func typo(r *rand.Rand, parts []string) []string {
	out := append([]string(nil), parts...)
	var long []int
	for i, p := range out {
		if len([]rune(p)) >= 4 {
			long = append(long, i)
		}
	}
	if len(long) == 0 {
		return out
	}
	for range 1 + r.IntN(2) {
		i := pick(r, long)
		w := []rune(out[i])
		pos := 1 + r.IntN(len(w)-1) // people rarely miss the first letter
		switch r.IntN(4) {
		case 0:
			if nb := keyNeighbours(w[pos]); len(nb) > 0 {
				w[pos] = matchCase(pick(r, nb), w[pos])
			}
		case 1:
			w = append(w[:pos], w[pos+1:]...)
		case 2:
			extra := w[pos]
			if nb := keyNeighbours(w[pos]); len(nb) > 0 && chance(r, 0.5) {
				extra = matchCase(pick(r, nb), w[pos])
			}
			w = append(w[:pos], append([]rune{extra}, w[pos:]...)...)
		case 3:
			if pos+1 < len(w) {
				w[pos], w[pos+1] = w[pos+1], w[pos]
			} else {
				w[pos-1], w[pos] = w[pos], w[pos-1]
			}
		}
		out[i] = string(w)
	}
	return out
}

func matchCase(c, like rune) rune {
	if unicode.IsUpper(like) {
		return unicode.ToUpper(c)
	}
	return c
}

// phoneticRewrite is one spelling-by-ear change: from → to, anywhere but the
// first letter.
type phoneticRewrite struct{ from, to string }

var phoneticRewrites = []phoneticRewrite{
	{"д", "т"}, {"т", "д"}, {"е", "э"}, {"э", "е"}, {"и", "ы"}, {"ы", "и"}, {"о", "а"}, {"а", "о"},
	{"нн", "н"}, {"лл", "л"}, {"сс", "с"}, {"мм", "м"}, {"тт", "т"}, {"рр", "р"}, {"фф", "ф"}, {"кк", "к"},
	{"н", "нн"}, {"л", "лл"}, {"с", "сс"}, {"т", "тт"}, {"р", "рр"}, {"м", "мм"},
	{"ь", ""}, {"ъ", ""}, {"ль", "л"}, {"л", "ль"}, {"н", "нь"},
}

// phonetic applies one or two spelling-by-ear changes.
func phonetic(r *rand.Rand, parts []string) []string {
	out := append([]string(nil), parts...)
	for range 1 + r.IntN(2) {
		type site struct {
			part, at int
			rw       phoneticRewrite
		}
		var sites []site
		for i, p := range out {
			lower := strings.ToLower(p)
			for _, rw := range phoneticRewrites {
				for at := 1; at < len(lower); {
					k := strings.Index(lower[at:], rw.from)
					if k < 0 {
						break
					}
					sites = append(sites, site{i, at + k, rw})
					at += k + 1
				}
			}
		}
		if len(sites) == 0 {
			break
		}
		s := pick(r, sites)
		p := out[s.part]
		out[s.part] = p[:s.at] + inCaseOf(p[s.at:s.at+len(s.rw.from)], s.rw.to) + p[s.at+len(s.rw.from):]
	}
	return out
}

// inCaseOf returns to in the case of from.
func inCaseOf(from, to string) string {
	if from != "" && unicode.IsUpper([]rune(from)[0]) {
		return strings.ToUpper(to)
	}
	return to
}

// kazakhDictionary maps the Russian rendering of every Kazakh name the generator
// knows (surnames in both forms, given names, patronymics of both kinds, with
// and without the traditional Дж) to its Kazakh spelling.
var kazakhDictionary = sync.OnceValue(func() map[string]string {
	d := map[string]string{}
	add := func(canon string) {
		if !hasKazakhLetters(canon) {
			return
		}
		ru := russianRendering(canon)
		d[ru] = canon
		if strings.HasPrefix(ru, "Ж") {
			d["Дж"+strings.TrimPrefix(ru, "Ж")] = canon
		}
	}
	p := peoples[Kazakh]
	for _, s := range p.surnames {
		add(s)
		add(femaleSurname(s))
	}
	for _, g := range p.female {
		add(g)
	}
	for _, g := range p.male {
		add(g)
		for _, sex := range []Sex{Male, Female} {
			add(patronymic(g, sex))
			add(kazakhPatronymic(g, sex))
		}
	}
	return d
})

// kazakhSpelling gives each name part its Kazakh spelling where the generator
// knows one.
func kazakhSpelling(parts []string) []string {
	d := kazakhDictionary()
	out := make([]string, len(parts))
	for i, p := range parts {
		out[i] = p
		if k, ok := d[p]; ok {
			out[i] = k
		}
	}
	return out
}

// swapKazakhLetters writes a Kazakh name the other way: a card with Kazakh letters
// in the Russian rendering, a card in the Russian rendering with Kazakh letters.
func swapKazakhLetters(parts []string) ([]string, bool) {
	var out []string
	if hasKazakhLetters(strings.Join(parts, " ")) {
		out = mapParts(parts, russianRendering)
	} else {
		out = kazakhSpelling(parts)
	}
	for i := range parts {
		if out[i] != parts[i] {
			return out, true
		}
	}
	return nil, false
}

// ParentQuery is a request about a person under 16 on 1 January 1940 made through
// the parents' data (Rule AR-6.1): the child as the applicant writes them, the
// parents' names, and the parents' cards that carry the child.
type ParentQuery struct {
	Child   Query
	Parents []string
	Want    []string // IDs of the parent cards that list the child
}

// isMinor reports whether a child on a card was under 16 on 1 January 1940.
func isMinor(k Child) bool { return k.BirthYear >= MinorBornFrom }

// MakeParentQuery makes an AR-6.1 request from one family: a child under 16 on
// 1 January 1940 written on the parents' cards, sometimes misspelt or without
// the patronymic, and the parents' names as on their cards. ok is false when the
// family has no such child.
func (m *QueryMaker) MakeParentQuery(fam []CardRecord) (ParentQuery, bool) {
	r := m.r
	var carriers []CardRecord
	for _, c := range fam {
		if slices.ContainsFunc(c.Children, isMinor) {
			carriers = append(carriers, c)
		}
	}
	if len(carriers) == 0 {
		return ParentQuery{}, false
	}
	var minors []int
	for i, k := range carriers[0].Children {
		if isMinor(k) {
			minors = append(minors, i)
		}
	}
	ki := pick(r, minors)
	k := carriers[0].Children[ki]
	parts := []string{k.Surname, k.GivenName, k.Patronymic}
	switch r.IntN(4) {
	case 1:
		parts, _ = misspell(r, KindPhonetic, parts)
	case 2:
		parts, _ = misspell(r, KindTypo, parts)
	case 3:
		parts[2] = ""
	}
	pq := ParentQuery{Child: Query{Kind: KindParents, Text: randomCase(r, joinName(parts), true), BirthYear: k.BirthYear}}
	for _, c := range carriers {
		pq.Parents = append(pq.Parents, c.Name().String())
		pq.Want = append(pq.Want, c.ID)
	}
	pq.Child.Want = pq.Want[0]
	return pq, true
}
