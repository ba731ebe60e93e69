package archivesearch

// maxKeyLen bounds the keys the distance function compares; longer keys are
// cut (no name in the card index comes near it).
const maxKeyLen = 32

// damerau is the Damerau–Levenshtein distance between two keys: insertions,
// deletions, substitutions and transpositions of neighbours each cost one — the
// four slips of typing — and, unlike the restricted form, a transposed pair may
// be edited again (Лейля typed Лейял is "leilia" against "leial", two edits). It
// stops early and returns limit+1 once the distance must exceed limit. Keys are
// over the letters a–z (the key alphabet).
func damerau(a, b string, limit int) int {
	a, b = a[:min(len(a), maxKeyLen)], b[:min(len(b), maxKeyLen)]
	if d := len(a) - len(b); d > limit || -d > limit {
		return limit + 1
	}
	if len(a) == 0 || len(b) == 0 {
		return min(max(len(a), len(b)), limit+1)
	}
	// h is the (len(a)+2) × (len(b)+2) matrix of Lowrance and Wagner, row-major;
	// row and column 0 hold the sentinel inf.
	const w = maxKeyLen + 2
	var h [w * w]uint8
	inf := uint8(len(a) + len(b))
	h[0] = inf
	for i := 0; i <= len(a); i++ {
		h[(i+1)*w] = inf
		h[(i+1)*w+1] = uint8(i)
	}
	for j := 0; j <= len(b); j++ {
		h[j+1] = inf
		h[w+j+1] = uint8(j)
	}
	var lastRow [26]int // last row of a (1-based) where each letter was seen
	for i := 1; i <= len(a); i++ {
		lastCol := 0
		rowMin := inf
		for j := 1; j <= len(b); j++ {
			i1 := lastRow[letter(b[j-1])]
			j1 := lastCol
			cost := uint8(1)
			if a[i-1] == b[j-1] {
				cost = 0
				lastCol = j
			}
			v := min(
				h[i*w+j]+cost,  // substitution
				h[(i+1)*w+j]+1, // insertion
				h[i*w+j+1]+1,   // deletion
				h[i1*w+j1]+uint8(i-i1-1)+1+uint8(j-j1-1), // transposition
			)
			h[(i+1)*w+j+1] = v
			rowMin = min(rowMin, v)
		}
		if int(rowMin) > limit {
			return limit + 1
		}
		lastRow[letter(a[i-1])] = i
	}
	return min(int(h[(len(a)+1)*w+len(b)+1]), limit+1)
}

// letter is the index of a key letter in a–z (anything else counts as z).
func letter(c byte) int {
	if c >= 'a' && c <= 'z' {
		return int(c - 'a')
	}
	return 25
}

// maxEdits is how many edits a query word's key may be from a card's key and
// still match it: none for one or two sounds, one for three or four, two beyond.
// Farther keys count as no match at all, which keeps the score of a card to the
// words whose candidate keys it carries.
func maxEdits(keyLen int) int {
	switch {
	case keyLen <= 2:
		return 0
	case keyLen <= 4:
		return 1
	}
	return 2
}

// storedEdits is how many deletions of a card key the deletion index keeps:
// enough that every query key within maxEdits of it shares a deletion with it.
func storedEdits(keyLen int) int {
	switch {
	case keyLen <= 2:
		return 0
	case keyLen == 3:
		return 1
	}
	return 2
}

// similarity turns an edit distance from a query word's key into 0..1: 1 for
// equal keys, falling by 1.5/len per edit (len of the word's key, at least 4),
// so one slip in a long name costs less than in a short one. Measuring by the
// word alone makes the similarity of keys beyond the candidate edits bounded
// (outsideSim), which lets the search skip common words.
func similarity(dist, qLen int) float32 {
	if dist == 0 {
		return 1
	}
	s := 1 - 1.5*float32(dist)/float32(max(qLen, 4))
	if s < 0 {
		return 0
	}
	return s
}
