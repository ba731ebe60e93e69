package archivesearch

// scratch is the per-query working memory: "seen" marks for rows and keys and a
// cache of word-to-key similarities, stamped with an epoch so that nothing is
// cleared between queries. Pooled: a search allocates almost nothing.
type scratch struct {
	rowSeen  []uint32
	rowEpoch uint32
	keySeen  []uint32
	keyEpoch uint32
	simSeen  []uint32
	simEpoch uint32
	simVals  []float32 // key*maxTokens + word
	dels     []uint64  // a query word's deletion hashes
}

func (ix *Index) getScratch() *scratch {
	if s, ok := ix.scratch.Get().(*scratch); ok {
		return s
	}
	rows := max(len(ix.cards.years), len(ix.kids.years))
	keys := len(ix.lex.keys)
	return &scratch{
		rowSeen: make([]uint32, rows),
		keySeen: make([]uint32, keys),
		simSeen: make([]uint32, keys),
		simVals: make([]float32, keys*maxTokens),
	}
}

// newQuery starts a query: cached similarities belong to the previous one.
func (s *scratch) newQuery() { s.simEpoch = bump(s.simEpoch, s.simSeen) }

// newRows starts a pass over rows in which each row is scored once.
func (s *scratch) newRows() { s.rowEpoch = bump(s.rowEpoch, s.rowSeen) }

// bump advances an epoch, clearing its marks on the rare wrap-around.
func bump(epoch uint32, marks []uint32) uint32 {
	epoch++
	if epoch == 0 {
		clear(marks)
		epoch = 1
	}
	return epoch
}

// setSim records the similarity of query word i (of m) to candidate key k.
func (s *scratch) setSim(k uint32, i int, v float32, m int) {
	vals := s.simVals[int(k)*maxTokens : int(k)*maxTokens+m]
	if s.simSeen[k] != s.simEpoch {
		s.simSeen[k] = s.simEpoch
		clear(vals)
	}
	vals[i] = v
}

// noSims is the similarity of every word to a key that is no word's candidate.
var noSims [maxTokens]float32

// simsFor returns the similarities of the m query words to a key, as recorded
// by setSim for the candidate keys of the current query.
func (s *scratch) simsFor(m int) func(key uint32) []float32 {
	epoch := s.simEpoch
	return func(key uint32) []float32 {
		if s.simSeen[key] != epoch {
			return noSims[:m]
		}
		return s.simVals[int(key)*maxTokens : int(key)*maxTokens+m]
	}
}

// cachedSims computes the similarities of query words to any key, for the few
// cards of a family search scored against a query they were not found by.
func cachedSims(lx *lexicon, toks []qtok) func(key uint32) []float32 {
	cache := map[uint32][]float32{}
	return func(key uint32) []float32 {
		if v, ok := cache[key]; ok {
			return v
		}
		v := make([]float32, len(toks))
		for i := range toks {
			v[i] = toks[i].sim(lx.keys[key])
		}
		cache[key] = v
		return v
	}
}
