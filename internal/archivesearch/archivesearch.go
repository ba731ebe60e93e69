// Package archivesearch finds a person in the card index of persons sent to
// special settlement 1939–1955 (Rule AR-6.3) from a query as people type it:
// with typos, spelt by ear, with Kazakh letters or their Russian renderings, in
// Latin script (the 2021 Kazakh alphabet, a passport's ICAO spelling, GOST 7.79
// or by ear), with the given name first, without the patronymic, with the birth
// year roughly right. It also finds a person under 16 on 1 January 1940 through
// the parents' cards (Rule AR-6.1) and says when such a person has no card of
// their own (Rule AR-STD-9).
//
// It is the one search path of the desk, the API and the CLI: an in-memory index
// built once from the card records (Build, BuildCSV), then queried concurrently
// (Search, SearchByParents, Find). How it works and what it measures are in
// docs/archive-search.md.
package archivesearch

import (
	"fmt"
	"iter"
	"slices"
	"strings"
	"sync"

	"qyzmet/internal/apperr"
)

// Record is one card in the compact form the index needs; the store fills it
// from its rows, BuildCSV from a card-index CSV file.
type Record struct {
	ID         string
	Surname    string
	GivenName  string
	Patronymic string // may be empty
	BirthYear  int    // 0 when the card has none
	// Family are the relatives written on the card. The index keeps the
	// children: a child under 16 on 1 January 1940 is found only there.
	Family []Relative
}

// Relation is how a relative on a card is related to the card's person.
type Relation uint8

const (
	Child Relation = iota + 1
	Father
	Mother
)

// Relative is one family link on a card.
type Relative struct {
	Relation   Relation
	ID         string // the relative's own card; empty when there is none
	Surname    string
	GivenName  string
	Patronymic string
	BirthYear  int
}

// Years a birth year may take on a card or in a query; 0 means unknown.
const (
	MinYear = 1800
	MaxYear = 2100
)

// ErrInvalid is wrapped by every error about bad input: a card without an ID or a
// name, a duplicate ID, an impossible year, a malformed query file. It is an
// apperr error of code Invalid, so the interfaces show the generic "the data is
// not valid" in the user's language and the details (with the line) go to the
// operator and the log.
var ErrInvalid = apperr.E(apperr.Invalid, "archive search")

// Index is the built search index. It is read-only after Build and safe for
// concurrent use.
type Index struct {
	lex   *lexicon
	ids   []string
	cards table

	// The children written on the cards: kids rows, the card that carries each,
	// the child's own card ID if any, and each card's range of kids rows.
	kids     table
	kidOwner []uint32
	kidIDs   []string
	cardKids []uint32

	scratch sync.Pool
}

// Len is the number of cards in the index.
func (ix *Index) Len() int { return len(ix.ids) }

// DistinctNames is the number of distinct name fields (as written) on the cards
// and children lines: what the lexicon and the deletion index grow with.
func (ix *Index) DistinctNames() int { return len(ix.lex.forms) }

// table is a searchable set of rows (the cards, or the children on them): each
// row's three name fields and birth year, and posting lists from (key, field) to
// the rows carrying that key in that field, sorted by birth year.
type table struct {
	names     [][3]uint32 // surname, given name, patronymic form ids
	years     []uint16
	postStart []uint32 // index key*3+field; len keys*3+1
	post      []uint32
}

func (t *table) add(lx *lexicon, surname, given, patronymic string, year int) {
	t.names = append(t.names, [3]uint32{lx.intern(surname), lx.intern(given), lx.intern(patronymic)})
	t.years = append(t.years, uint16(year))
}

// buildPostings orders the rows by birth year (counting sort) and fills the
// posting lists in that order, so each list is sorted by year and a year range
// is a binary search away.
func (t *table) buildPostings(lx *lexicon) {
	byYear := make([]uint32, MaxYear+2)
	for _, y := range t.years {
		byYear[y+1]++
	}
	for y := 1; y < len(byYear); y++ {
		byYear[y] += byYear[y-1]
	}
	order := make([]uint32, len(t.years))
	for row, y := range t.years {
		order[byYear[y]] = uint32(row)
		byYear[y]++
	}
	t.postStart = make([]uint32, len(lx.keys)*3+1)
	for _, n := range t.names {
		for f, form := range n {
			if form != noForm {
				t.postStart[int(lx.formKey[form])*3+f+1]++
			}
		}
	}
	for i := 1; i < len(t.postStart); i++ {
		t.postStart[i] += t.postStart[i-1]
	}
	t.post = make([]uint32, t.postStart[len(t.postStart)-1])
	fill := slices.Clone(t.postStart[:len(t.postStart)-1])
	for _, row := range order {
		for f, form := range t.names[row] {
			if form != noForm {
				slot := int(lx.formKey[form])*3 + f
				t.post[fill[slot]] = row
				fill[slot]++
			}
		}
	}
}

// postings returns the rows with key in field f born in [from, to] (years), or
// all of them when from is 0; unknown years (0) are always included.
func (t *table) postings(key uint32, f int, from, to int) (unknown, inRange []uint32) {
	p := t.post[t.postStart[int(key)*3+f]:t.postStart[int(key)*3+f+1]]
	firstKnown, _ := slices.BinarySearchFunc(p, 1, t.cmpYear)
	unknown, p = p[:firstKnown], p[firstKnown:]
	if from == 0 {
		return unknown, p
	}
	lo, _ := slices.BinarySearchFunc(p, from, t.cmpYear)
	hi, _ := slices.BinarySearchFunc(p, to+1, t.cmpYear)
	return unknown, p[lo:hi]
}

func (t *table) cmpYear(row uint32, year int) int { return int(t.years[row]) - year }

// Build reads the records once and builds the index. It rejects a record
// without an ID or without any name, an impossible birth year and a duplicate ID.
func Build(records iter.Seq[Record]) (*Index, error) {
	ix := &Index{lex: newLexicon()}
	n := 0
	for r := range records {
		n++
		if err := validRecord(r); err != nil {
			return nil, fmt.Errorf("record %d: %w", n, err)
		}
		ix.ids = append(ix.ids, r.ID)
		ix.cards.add(ix.lex, r.Surname, r.GivenName, r.Patronymic, r.BirthYear)
		ix.cardKids = append(ix.cardKids, uint32(len(ix.kidOwner)))
		for _, rel := range r.Family {
			if rel.Relation != Child {
				continue
			}
			ix.kids.add(ix.lex, rel.Surname, rel.GivenName, rel.Patronymic, rel.BirthYear)
			ix.kidOwner = append(ix.kidOwner, uint32(n-1))
			ix.kidIDs = append(ix.kidIDs, rel.ID)
		}
	}
	ix.cardKids = append(ix.cardKids, uint32(len(ix.kidOwner)))
	if err := noDuplicates(ix.ids); err != nil {
		return nil, err
	}
	if len(ix.lex.keys) >= maxKeys {
		return nil, fmt.Errorf("%w: more than %d distinct names", ErrInvalid, maxKeys-1)
	}
	ix.lex.finish()
	ix.cards.buildPostings(ix.lex)
	ix.kids.buildPostings(ix.lex)
	return ix, nil
}

func validRecord(r Record) error {
	switch {
	case strings.TrimSpace(r.ID) == "":
		return fmt.Errorf("%w: a card without an id", ErrInvalid)
	case strings.TrimSpace(r.Surname+r.GivenName+r.Patronymic) == "":
		return fmt.Errorf("%w: card %s has no name", ErrInvalid, r.ID)
	case !validYear(r.BirthYear):
		return fmt.Errorf("%w: card %s: birth year %d is not between %d and %d", ErrInvalid, r.ID, r.BirthYear, MinYear, MaxYear)
	}
	for _, rel := range r.Family {
		if rel.Relation == Child && !validYear(rel.BirthYear) {
			return fmt.Errorf("%w: card %s: child %s %s born %d", ErrInvalid, r.ID, rel.Surname, rel.GivenName, rel.BirthYear)
		}
		if rel.Relation == Child && strings.TrimSpace(rel.Surname+rel.GivenName+rel.Patronymic) == "" {
			return fmt.Errorf("%w: card %s: a child without a name", ErrInvalid, r.ID)
		}
	}
	return nil
}

func validYear(y int) bool { return y == 0 || (y >= MinYear && y <= MaxYear) }

func noDuplicates(ids []string) error {
	sorted := slices.Clone(ids)
	slices.Sort(sorted)
	for i := 1; i < len(sorted); i++ {
		if sorted[i] == sorted[i-1] {
			return fmt.Errorf("%w: card id %q appears more than once", ErrInvalid, sorted[i])
		}
	}
	return nil
}
