package archivesearch

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Query is a search as typed at the desk, sent to the API or read from a batch
// file.
type Query struct {
	// Text is the name in any order, any script, with or without the patronymic.
	// A four-digit year in it is read as the birth year when BirthYear is 0.
	Text string
	// BirthYear is the year of birth if known, roughly right is fine; 0 = unknown.
	BirthYear int
	// Limit is how many hits to return; 0 means DefaultLimit.
	Limit int
	// Prefix says the last word may be unfinished (search as you type).
	Prefix bool
}

// Limits of a query.
const (
	DefaultLimit = 10
	MaxLimit     = 200
	maxTokens    = 6
)

// Validate reports a query the index cannot answer: no name at all, an
// impossible year, a negative or too large limit.
func (q Query) Validate() error {
	switch {
	case strings.TrimSpace(q.Text) == "":
		return fmt.Errorf("%w: the query has no name", ErrInvalid)
	case !validYear(q.BirthYear):
		return fmt.Errorf("%w: birth year %d is not between %d and %d", ErrInvalid, q.BirthYear, MinYear, MaxYear)
	case q.Limit < 0 || q.Limit > MaxLimit:
		return fmt.Errorf("%w: limit %d is not between 0 and %d", ErrInvalid, q.Limit, MaxLimit)
	}
	return nil
}

// Field is one of the three name fields of a card.
type Field uint8

const (
	Surname Field = iota
	GivenName
	Patronymic
)

func (f Field) String() string {
	return [...]string{"surname", "given_name", "patronymic"}[f]
}

// Match says which query word matched which field of a hit, and how closely.
type Match struct {
	Word     string
	Field    Field
	Distance int  // edits between the phonetic keys (0: same sound)
	Exact    bool // spelt exactly as on the card (case and ё aside)
}

// Hit is one card found, best first.
type Hit struct {
	ID         string
	Score      float64 // 0..1: 1 is every word and the year exactly as on the card
	Surname    string
	GivenName  string
	Patronymic string
	BirthYear  int
	Matched    []Match
}

// Scoring. A query word matches a field when the field's key is one of the
// word's candidate keys; the pair scores the field's weight times their
// similarity (a surname counts most, a patronymic least), a little more for the
// same spelling and for the usual order. A word that matches no field costs
// unmatched. The birth year adds up to yearWeight[0].
var fieldWeight = [3]float32{1.0, 0.85, 0.7}

const (
	unmatched     = 0.35 // cost of a query word that matches no field
	exactBonus    = 0.03 // the same spelling, not only the same sound (times the field weight)
	orderBonus    = 0.01 // the word stands where the card has it (surname first …)
	minHitScore   = 0.35 // weaker hits are noise: one word of three, or a name far from the year
	yearWindow    = 3    // first look at cards born within ±3 years of the query
	prefixKeysCap = 2000 // keys an unfinished word may expand to
)

// yearWeight is the birth-year score by the distance in years; beyond it the
// score falls by yearFalloff a year down to -yearWeight[0].
var yearWeight = [...]float32{0.6, 0.45, 0.35, 0.15, 0.05}

const yearFalloff = 0.05

func yearScore(q, r int) float32 {
	if q == 0 || r == 0 {
		return 0
	}
	d := q - r
	if d < 0 {
		d = -d
	}
	if d < len(yearWeight) {
		return yearWeight[d]
	}
	return max(-yearWeight[0], -yearFalloff*float32(d-len(yearWeight)+1))
}

// qtok is one word of a parsed query.
type qtok struct {
	word   string
	keys   []string // one per reading (Latin words may have several)
	light  uint32   // light form id in the lexicon, or noForm
	prefix bool     // unfinished: compare with the start of card keys
}

type parsedQuery struct {
	toks     []qtok
	year     int
	limit    int
	maxScore float32
}

func (ix *Index) parse(q Query) parsedQuery {
	pq := parsedQuery{year: q.BirthYear, limit: q.Limit}
	if !validYear(pq.year) {
		pq.year = 0
	}
	if pq.limit <= 0 {
		pq.limit = DefaultLimit
	}
	pq.limit = min(pq.limit, MaxLimit)
	words := splitWords(q.Text)
	for i, w := range words {
		if y, err := strconv.Atoi(w); err == nil {
			if pq.year == 0 && len(w) == 4 && validYear(y) {
				pq.year = y
			}
			continue
		}
		var keys []string
		for _, k := range phoneticKeys(w) {
			if k != "" {
				keys = append(keys, k)
			}
		}
		if len(keys) == 0 || len(pq.toks) == maxTokens {
			continue
		}
		t := qtok{word: w, keys: keys, light: noForm}
		if id, ok := ix.lex.lights[lightForm(w)]; ok && lightForm(w) != "" {
			t.light = id
		}
		t.prefix = q.Prefix && i == len(words)-1 && !strings.HasSuffix(q.Text, " ")
		pq.toks = append(pq.toks, t)
	}
	for f := range min(len(pq.toks), 3) {
		pq.maxScore += fieldWeight[f]*(1+exactBonus) + orderBonus
	}
	if pq.year != 0 {
		pq.maxScore += yearWeight[0]
	}
	return pq
}

// Search finds the cards that best match q, best first, at most q.Limit
// (DefaultLimit if 0). A query without a name finds nothing.
//
// Rule AR-6.3: the search of the card index, tolerant of typos, spellings by
// ear, Kazakh letters, Latin script, word order, a missing patronymic and an
// approximate birth year.
func (ix *Index) Search(q Query) []Hit {
	pq := ix.parse(q)
	if len(pq.toks) == 0 {
		return nil
	}
	s := ix.getScratch()
	defer ix.scratch.Put(s)
	found := ix.searchTable(s, &ix.cards, pq)
	hits := make([]Hit, len(found))
	sims := s.simsFor(len(pq.toks))
	for i, f := range found {
		hits[i] = ix.hit(&ix.cards, pq, sims, f, ix.ids[f.row])
	}
	return hits
}

// scored is a row and its score.
type scored struct {
	row   uint32
	score float32
}

// searchTable is the search itself, on the cards or on the children: candidate
// keys for every query word, candidate rows from their posting lists, every
// candidate scored, the best kept. With a birth year it looks inside the year
// window first, then outside it (the year may be wrong); in both passes a word
// whose rows cannot reach the current top is skipped (scoreRows).
func (ix *Index) searchTable(s *scratch, t *table, pq parsedQuery) []scored {
	s.newQuery()
	cands := make([][]uint32, len(pq.toks))
	for i := range pq.toks {
		cands[i] = ix.candidateKeys(s, pq, i)
	}
	top := topK{k: pq.limit, floor: minHitScore * pq.maxScore}
	s.newRows()
	sims := s.simsFor(len(pq.toks))
	if pq.year == 0 {
		ix.scoreRows(t, pq, sims, cands, s, &top, rowRange{}, 0)
	} else {
		window := rowRange{from: pq.year - yearWindow, to: pq.year + yearWindow}
		ix.scoreRows(t, pq, sims, cands, s, &top, window, yearWeight[0])
		window.outside = true
		ix.scoreRows(t, pq, sims, cands, s, &top, window, yearScore(pq.year, pq.year+yearWindow+1))
	}
	return top.sorted()
}

// candidateKeys lists the lexicon keys query word i may stand for — within
// maxEdits of one of its readings, or (unfinished word) starting with it — and
// records its similarity to each for the scoring.
func (ix *Index) candidateKeys(s *scratch, pq parsedQuery, i int) []uint32 {
	t := &pq.toks[i]
	var out []uint32
	s.keyEpoch = bump(s.keyEpoch, s.keySeen)
	add := func(k uint32) {
		if s.keySeen[k] == s.keyEpoch {
			return
		}
		s.keySeen[k] = s.keyEpoch
		if sim := t.sim(ix.lex.keys[k]); sim > 0 {
			s.setSim(k, i, sim, len(pq.toks))
			out = append(out, k)
		}
	}
	for _, v := range t.keys {
		s.dels = ix.lex.similarKeys(v, maxEdits(len(v)), s.dels, add)
		if t.prefix && len(v) >= 2 {
			ix.lex.prefixKeys(v, prefixKeysCap, add)
		}
	}
	return out
}

// rowRange selects rows by birth year: all rows (from = 0), the rows born in
// [from, to] or in an unknown year, or (outside) those born outside [from, to].
type rowRange struct {
	from, to int
	outside  bool
}

// slices returns the parts of a posting list (sorted by year) in the range.
func (r rowRange) slices(t *table, key uint32, f int) [2][]uint32 {
	if r.from == 0 {
		unknown, known := t.postings(key, f, 0, 0)
		return [2][]uint32{unknown, known}
	}
	if !r.outside {
		unknown, in := t.postings(key, f, r.from, r.to)
		return [2][]uint32{unknown, in}
	}
	_, all := t.postings(key, f, 0, 0)
	lo, _ := slices.BinarySearchFunc(all, r.from, t.cmpYear)
	hi, _ := slices.BinarySearchFunc(all, r.to+1, t.cmpYear)
	return [2][]uint32{all[:lo], all[hi:]}
}

// scoreRows scores every row in range that carries a candidate key of a query
// word in any field. Words go from the rarest to the most common; before each,
// the best score a row not yet seen could still reach is bounded (such a row
// carries no candidate key of the earlier, rarer words, so they cannot match it),
// and once that bound cannot beat the current top the remaining words are
// skipped: their rows cannot change the answer. yearMax bounds the year score in
// the range.
func (ix *Index) scoreRows(t *table, pq parsedQuery, sims func(uint32) []float32, cands [][]uint32, s *scratch, top *topK, r rowRange, yearMax float32) {
	type word struct {
		i     int
		parts [][2][]uint32
		size  int
	}
	words := make([]word, len(cands))
	for i, keys := range cands {
		words[i].i = i
		for _, k := range keys {
			for f := range 3 {
				p := r.slices(t, k, f)
				if n := len(p[0]) + len(p[1]); n > 0 {
					words[i].parts = append(words[i].parts, p)
					words[i].size += n
				}
			}
		}
	}
	slices.SortStableFunc(words, func(a, b word) int { return cmp.Compare(a.size, b.size) })
	caps := make([]float32, len(pq.toks))
	for i := range caps {
		caps[i] = 1
	}
	for _, w := range words {
		if pq.bound(caps)+yearMax < top.threshold() {
			return
		}
		for _, p := range w.parts {
			for _, rows := range p {
				for _, row := range rows {
					if s.rowSeen[row] == s.rowEpoch {
						continue
					}
					s.rowSeen[row] = s.rowEpoch
					v, _ := ix.assign(pq, t.names[row], sims)
					top.push(row, v+yearScore(pq.year, int(t.years[row])))
				}
			}
		}
		caps[w.i] = 0
	}
}

// bound is the highest name score a row can have when query word i is at most
// caps[i] similar to any of its fields: the largest caps on the heaviest fields.
func (pq parsedQuery) bound(caps []float32) float32 {
	c := slices.Clone(caps)
	slices.SortFunc(c, func(a, b float32) int { return cmp.Compare(b, a) })
	total := -unmatched * float32(len(c))
	for f := range min(3, len(c)) {
		if c[f] > 0 {
			total += fieldWeight[f]*(c[f]+exactBonus) + unmatched + orderBonus
		}
	}
	return total
}

// assign finds the best way to match query words to the three fields (each word
// to at most one field and back): it returns the name score and, per field, the
// word matched (-1 for none). sims gives the words' similarities to a key.
func (ix *Index) assign(pq parsedQuery, names [3]uint32, sims func(uint32) []float32) (float32, [3]int8) {
	m := len(pq.toks)
	// pair[f][i] is what matching word i to field f adds.
	var pair [3][maxTokens]float32
	var opts [3][maxTokens]int8
	var nopts [3]int
	for f, form := range names {
		if form == noForm {
			continue
		}
		ks := sims(ix.lex.formKey[form])
		for i := range m {
			if ks[i] <= 0 {
				continue
			}
			v := fieldWeight[f]*ks[i] + unmatched
			if pq.toks[i].light != noForm && pq.toks[i].light == ix.lex.formLight[form] {
				v += exactBonus * fieldWeight[f]
			}
			if i == f {
				v += orderBonus
			}
			pair[f][i] = v
			opts[f][nopts[f]] = int8(i)
			nopts[f]++
		}
	}
	best := float32(0)
	bestAt := [3]int8{-1, -1, -1}
	for a := -1; a < nopts[0]; a++ {
		ia, va := int8(-1), float32(0)
		if a >= 0 {
			ia = opts[0][a]
			va = pair[0][ia]
		}
		for b := -1; b < nopts[1]; b++ {
			ib, vb := int8(-1), float32(0)
			if b >= 0 {
				ib = opts[1][b]
				if ib == ia {
					continue
				}
				vb = pair[1][ib]
			}
			for c := -1; c < nopts[2]; c++ {
				ic, vc := int8(-1), float32(0)
				if c >= 0 {
					ic = opts[2][c]
					if ic == ia || ic == ib {
						continue
					}
					vc = pair[2][ic]
				}
				if v := va + vb + vc; v > best {
					best, bestAt = v, [3]int8{ia, ib, ic}
				}
			}
		}
	}
	return best - unmatched*float32(m), bestAt
}

// hit turns a found row into a Hit with its matches explained.
func (ix *Index) hit(t *table, pq parsedQuery, sims func(uint32) []float32, f scored, id string) Hit {
	names := t.names[f.row]
	h := Hit{
		ID:         id,
		Score:      float64(min(max(f.score/pq.maxScore, 0), 1)),
		Surname:    ix.form(names[0]),
		GivenName:  ix.form(names[1]),
		Patronymic: ix.form(names[2]),
		BirthYear:  int(t.years[f.row]),
	}
	_, at := ix.assign(pq, names, sims)
	for fi, i := range at {
		if i < 0 {
			continue
		}
		tok := pq.toks[i]
		form := names[fi]
		h.Matched = append(h.Matched, Match{
			Word:     tok.word,
			Field:    Field(fi),
			Distance: tok.distance(ix.lex.keys[ix.lex.formKey[form]]),
			Exact:    tok.light != noForm && tok.light == ix.lex.formLight[form],
		})
	}
	return h
}

func (ix *Index) form(id uint32) string {
	if id == noForm {
		return ""
	}
	return ix.lex.forms[id]
}

// prefixSim is the similarity of an unfinished word to a key it begins.
const prefixSim = 0.9

// sim is how close the word is to a card key over its readings: similarity
// within maxEdits, nothing beyond; an unfinished word also matches the keys it
// begins.
func (t *qtok) sim(key string) float32 {
	best := float32(0)
	for _, v := range t.keys {
		l := max(len(v), len(key))
		limit := maxEdits(l)
		if d := damerau(v, key, limit); d <= limit {
			best = max(best, similarity(d, l))
		}
		if t.prefix && len(v) >= 2 && len(v) < len(key) && strings.HasPrefix(key, v) {
			best = max(best, prefixSim)
		}
	}
	return best
}

// distance is the smallest edit distance from a reading of the word to key (0
// for the start of a key when the word is unfinished).
func (t *qtok) distance(key string) int {
	best := maxKeyLen
	for _, v := range t.keys {
		if t.prefix && strings.HasPrefix(key, v) {
			return 0
		}
		best = min(best, damerau(v, key, maxKeyLen))
	}
	return best
}

// topK keeps the k best rows seen (ties: the earlier row) that score at least
// floor.
type topK struct {
	k     int
	floor float32
	heap  []scored // min-heap on (score, -row)
}

func worse(a, b scored) bool {
	if a.score != b.score {
		return a.score < b.score
	}
	return a.row > b.row
}

func (h *topK) push(row uint32, score float32) {
	if score < h.floor {
		return
	}
	x := scored{row, score}
	if len(h.heap) < h.k {
		h.heap = append(h.heap, x)
		for i := len(h.heap) - 1; i > 0; {
			p := (i - 1) / 2
			if !worse(h.heap[i], h.heap[p]) {
				break
			}
			h.heap[i], h.heap[p] = h.heap[p], h.heap[i]
			i = p
		}
		return
	}
	if !worse(h.heap[0], x) {
		return
	}
	h.heap[0] = x
	for i := 0; ; {
		l, r, m := 2*i+1, 2*i+2, i
		if l < len(h.heap) && worse(h.heap[l], h.heap[m]) {
			m = l
		}
		if r < len(h.heap) && worse(h.heap[r], h.heap[m]) {
			m = r
		}
		if m == i {
			break
		}
		h.heap[i], h.heap[m] = h.heap[m], h.heap[i]
		i = m
	}
}

// threshold is the score a new row must reach to enter: the floor, or the
// lowest kept score once k rows are kept.
func (h *topK) threshold() float32 {
	if len(h.heap) == h.k {
		return max(h.floor, h.heap[0].score)
	}
	return h.floor
}

// sorted returns the kept rows best first.
func (h *topK) sorted() []scored {
	out := slices.Clone(h.heap)
	slices.SortFunc(out, func(a, b scored) int {
		if c := cmp.Compare(b.score, a.score); c != 0 {
			return c
		}
		return cmp.Compare(a.row, b.row)
	})
	return out
}
