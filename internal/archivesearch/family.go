package archivesearch

import (
	"cmp"
	"slices"

	"qyzmet/internal/calendar"
	"qyzmet/internal/i18n"
)

// Rule AR-6.1: a person under 16 on 1 January 1940 is searched for through the
// parents' data. Rule AR-STD-9: persons resettled under the age of 16 were not
// registered separately — they have no card of their own, only a line on a
// parent's card.

// minorBornFrom is the first birth year of a person under 16 on 1 January 1940.
const minorBornFrom = 1924

// MinorOnJan1940 reports whether a person born in year was under 16 on
// 1 January 1940 (Rule AR-6.1). With the year alone, 1924 counts as under 16:
// only a person born on 1 January 1924 was already 16 that day
// (MinorOnJan1940Date decides it from a full date). Year 0 (unknown) is not.
func MinorOnJan1940(year int) bool { return year >= minorBornFrom }

// MinorOnJan1940Date is MinorOnJan1940 for a full date of birth: born after
// 1 January 1924.
func MinorOnJan1940Date(birth calendar.Date) bool {
	return birth.Compare(calendar.D(minorBornFrom, 1, 1)) > 0
}

// Ground is a ground for refusing a request as made, with the rule behind it.
type Ground struct {
	Rule   string
	Reason i18n.Text
}

// NotRegisteredSeparately is Rule AR-STD-9: a person resettled under the age of
// 16 has no card of their own; the search goes through the parents (AR-6.1).
var NotRegisteredSeparately = Ground{
	Rule: "AR-STD-9",
	Reason: i18n.Text{
		KK: "1939–1955 жылдары 16 жасқа толмай арнаулы қоныстандыруға жіберілген адамдар жеке есепке алынбаған: олар ата-аналарының карточкалары бойынша ізделеді, ата-аналарының деректері қажет.",
		RU: "Лица, направленные на спецпоселение в 1939–1955 годах в возрасте до 16 лет, отдельно не учитывались: они ищутся по карточкам родителей, нужны данные родителей.",
		EN: "Persons sent to special settlement in 1939–1955 under the age of 16 were not registered separately: they are found on their parents' cards, so the parents' data is needed.",
	},
}

// FamilyHit is a person found as a child written on a parent's card.
type FamilyHit struct {
	CardID string // the parent's card that lists the child
	// The parent as on that card.
	ParentSurname, ParentGivenName, ParentPatronymic string
	ParentBirthYear                                  int
	// Child is the line on the card; Child.ID is the child's own card, empty for
	// a child who was not registered separately (Rule AR-STD-9).
	Child Relative
	Score float64 // 0..1
}

// FamilyResult is the answer of SearchByParents.
type FamilyResult struct {
	// Minor: the person was under 16 on 1 January 1940 (Rule AR-6.1), by the
	// year in the query or, without one, by the best match.
	Minor bool
	// NotRegistered is set for a minor: the person has no card of their own
	// (Rule AR-STD-9); the certificate rests on a parent's card.
	NotRegistered *Ground
	Matches       []FamilyHit
}

// How many candidates each side of the family search looks at.
const (
	childCandidates  = 50
	parentCandidates = 20
)

// SearchByParents finds the cards whose children include the person described
// by child (name, birth year), preferring cards whose holder matches one of the
// parents (Rule AR-6.1). It looks both ways: children lines that match child,
// then their cards against the parents; and the parents' cards, then their
// children lines against child.
func (ix *Index) SearchByParents(child Query, parents ...Query) FamilyResult {
	// Rule AR-6.1: the person is found on the parents' cards.
	cq := ix.parse(child)
	var res FamilyResult
	if len(cq.toks) == 0 {
		res.setMinor(cq.year)
		return res
	}
	var pqs []parsedQuery
	for _, p := range parents {
		if pq := ix.parse(p); len(pq.toks) > 0 {
			pqs = append(pqs, pq)
		}
	}
	s := ix.getScratch()
	defer ix.scratch.Put(s)

	// The parents' cards first: the search below reuses the scratch for the child.
	var parentRows []uint32
	for _, pq := range pqs {
		pq.limit = parentCandidates
		for _, h := range ix.searchTable(s, &ix.cards, pq) {
			parentRows = append(parentRows, h.row)
		}
	}

	kq := cq
	kq.limit = childCandidates
	childScore := map[uint32]float32{} // kids row → normalised score against child
	for _, h := range ix.searchTable(s, &ix.kids, kq) {
		childScore[h.row] = h.score / cq.maxScore
	}
	childSims := s.simsFor(len(cq.toks))
	for _, card := range parentRows {
		for row := ix.cardKids[card]; row < ix.cardKids[card+1]; row++ {
			if _, ok := childScore[row]; !ok {
				v, _ := ix.assign(cq, ix.kids.names[row], childSims)
				childScore[row] = (v + yearScore(cq.year, int(ix.kids.years[row]))) / cq.maxScore
			}
		}
	}

	parentSims := make([]func(uint32) []float32, len(pqs))
	for i := range pqs {
		parentSims[i] = cachedSims(ix.lex, pqs[i].toks)
	}
	type cand struct {
		row   uint32
		score float32
	}
	var cands []cand
	for row, cs := range childScore {
		if cs < minHitScore {
			continue
		}
		score := cs
		if len(pqs) > 0 {
			owner := ix.kidOwner[row]
			best := float32(0)
			for i, pq := range pqs {
				v, _ := ix.assign(pq, ix.cards.names[owner], parentSims[i])
				best = max(best, (v+yearScore(pq.year, int(ix.cards.years[owner])))/pq.maxScore)
			}
			score = (cs + best) / 2
		}
		cands = append(cands, cand{row, score})
	}
	slices.SortFunc(cands, func(a, b cand) int {
		if c := cmp.Compare(b.score, a.score); c != 0 {
			return c
		}
		return cmp.Compare(a.row, b.row)
	})
	for _, c := range cands[:min(len(cands), cq.limit)] {
		res.Matches = append(res.Matches, ix.familyHit(c.row, c.score))
	}
	year := cq.year
	if year == 0 && len(res.Matches) > 0 {
		year = res.Matches[0].Child.BirthYear
	}
	res.setMinor(year)
	return res
}

func (r *FamilyResult) setMinor(year int) {
	// Rule AR-STD-9: a minor was not registered separately.
	r.Minor = MinorOnJan1940(year)
	if r.Minor {
		g := NotRegisteredSeparately
		r.NotRegistered = &g
	}
}

func (ix *Index) familyHit(row uint32, score float32) FamilyHit {
	owner := ix.kidOwner[row]
	pn, kn := ix.cards.names[owner], ix.kids.names[row]
	return FamilyHit{
		CardID:           ix.ids[owner],
		ParentSurname:    ix.form(pn[0]),
		ParentGivenName:  ix.form(pn[1]),
		ParentPatronymic: ix.form(pn[2]),
		ParentBirthYear:  int(ix.cards.years[owner]),
		Child: Relative{
			Relation:   Child,
			ID:         ix.kidIDs[row],
			Surname:    ix.form(kn[0]),
			GivenName:  ix.form(kn[1]),
			Patronymic: ix.form(kn[2]),
			BirthYear:  int(ix.kids.years[row]),
		},
		Score: float64(min(max(score, 0), 1)),
	}
}

// Request is one archive-search request as the service handles it: the person
// asked about and, for a person under 16 on 1 January 1940, the parents (AR-6.1).
type Request struct {
	Person  Query
	Parents []Query
}

// Result is the answer to a Request.
type Result struct {
	Minor bool // under 16 on 1 January 1940 (Rule AR-6.1)
	// Hits are the person's own cards; a minor has none (Rule AR-STD-9).
	Hits []Hit
	// Family are the parents' cards that list the person (Rule AR-6.1).
	Family []FamilyHit
	// Refusal is set when the request cannot be served as made: a minor asked
	// about without the parents' data (Rule AR-STD-9).
	Refusal *Ground
}

// Find is the one search path of the desk, the API and the CLI. An adult is
// looked up in the card index (and, if parents are given, on their cards too); a
// person under 16 on 1 January 1940 only through the parents' cards, and without
// the parents' data the request meets the AR-STD-9 ground.
func (ix *Index) Find(req Request) Result {
	year := ix.parse(req.Person).year
	res := Result{Minor: MinorOnJan1940(year)}
	if res.Minor && len(req.Parents) == 0 {
		// Rule AR-STD-9: not registered separately, and nothing to search by.
		g := NotRegisteredSeparately
		res.Refusal = &g
		return res
	}
	if !res.Minor {
		res.Hits = ix.Search(req.Person)
	}
	if len(req.Parents) > 0 {
		fr := ix.SearchByParents(req.Person, req.Parents...)
		res.Family = fr.Matches
		res.Minor = res.Minor || fr.Minor
	}
	return res
}
