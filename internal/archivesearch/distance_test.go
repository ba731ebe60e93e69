package archivesearch

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// referenceDamerau is the textbook unrestricted Damerau–Levenshtein distance,
// written plainly to check the fast one.
func referenceDamerau(a, b string) int {
	da := map[byte]int{}
	inf := len(a) + len(b)
	h := make([][]int, len(a)+2)
	for i := range h {
		h[i] = make([]int, len(b)+2)
	}
	h[0][0] = inf
	for i := 0; i <= len(a); i++ {
		h[i+1][0], h[i+1][1] = inf, i
	}
	for j := 0; j <= len(b); j++ {
		h[0][j+1], h[1][j+1] = inf, j
	}
	for i := 1; i <= len(a); i++ {
		db := 0
		for j := 1; j <= len(b); j++ {
			i1, j1 := da[b[j-1]], db
			cost := 1
			if a[i-1] == b[j-1] {
				cost, db = 0, j
			}
			h[i+1][j+1] = min(h[i][j]+cost, h[i+1][j]+1, h[i][j+1]+1, h[i1][j1]+(i-i1-1)+1+(j-j1-1))
		}
		da[a[i-1]] = i
	}
	return h[len(a)+1][len(b)+1]
}

func TestDamerau(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"abc", "", 3}, {"ivan", "ivan", 0}, {"ivan", "ivna", 1},
		{"leilia", "leial", 2}, // Лейля typed Лейял: a transposition edited again
		{"kurmanav", "kurmnav", 1}, {"pavel", "pavn", 2}, {"ca", "abc", 2},
	}
	for _, tt := range tests {
		if got := damerau(tt.a, tt.b, 10); got != tt.want {
			t.Errorf("damerau(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	word := func() string {
		b := make([]byte, r.IntN(9))
		for i := range b {
			b[i] = "aeiktnsv"[r.IntN(8)]
		}
		return string(b)
	}
	for range 5000 {
		a, b := word(), word()
		want := referenceDamerau(a, b)
		for limit := range 5 {
			got := damerau(a, b, limit)
			if (want <= limit && got != want) || (want > limit && got != limit+1) {
				t.Fatalf("damerau(%q, %q, %d) = %d, reference %d", a, b, limit, got, want)
			}
		}
	}
}

// The deletion index must find every key the scoring counts as a match: a
// missed candidate is a card never looked at (Rule AR-6.3).
func TestSimilarKeysFindsEveryMatch(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	word := func(n int) string {
		b := make([]byte, n)
		for i := range b {
			b[i] = "aeiuktnsvrlm"[r.IntN(12)]
		}
		return string(b)
	}
	lx := newLexicon()
	var keys []string
	for range 3000 {
		k := word(1 + r.IntN(11))
		keys = append(keys, k)
		lx.internKey(k)
	}
	lx.finish()
	for range 400 {
		// A query near a key: up to three random edits.
		q := []byte(keys[r.IntN(len(keys))])
		for range r.IntN(4) {
			switch i := r.IntN(max(len(q), 1)); r.IntN(3) {
			case 0:
				if len(q) > 0 {
					q[i] = "aeiuktnsvrlm"[r.IntN(12)]
				}
			case 1:
				if len(q) > 1 {
					q = append(q[:i], q[i+1:]...)
				}
			case 2:
				q = append(q[:i], append([]byte{'z'}, q[i:]...)...)
			}
		}
		qs := string(q)
		tok := qtok{keys: []string{qs}}
		var found []uint32
		lx.similarKeys(qs, maxEdits(len(qs)), nil, func(k uint32) { found = append(found, k) })
		for id, k := range lx.keys {
			if tok.sim(k) > 0 && !slices.Contains(found, uint32(id)) {
				t.Fatalf("Rule AR-6.3: query key %q matches %q (distance %d) but the deletion index misses it",
					qs, k, damerau(qs, k, 10))
			}
		}
	}
}

func TestSimilarity(t *testing.T) {
	if similarity(0, 3) != 1 {
		t.Error("equal keys must be 1")
	}
	if !(similarity(1, 10) > similarity(1, 5) && similarity(1, 5) > similarity(2, 5)) {
		t.Error("a slip must cost less in a long name and two slips more than one")
	}
	if similarity(5, 4) != 0 {
		t.Error("similarity must not go below 0")
	}
}
