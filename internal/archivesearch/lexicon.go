package archivesearch

import (
	"slices"
	"sort"
	"strings"
)

// noForm marks an empty name field (a card without a patronymic).
const noForm = ^uint32(0)

// lexicon holds every distinct name written in the index once: the form as
// written, its phonetic key, its light form, and a deletion index over the keys
// that finds the keys within one or two edits of a query word.
type lexicon struct {
	forms     []string // as written on the card
	formKey   []uint32
	formLight []uint32

	keys   []string
	lights map[string]uint32 // light form → id (queries look theirs up)
	byText []uint32          // key ids in key order, for prefix search
	del    []uint64          // the deletion index: hash high bits | key id, sorted

	// Only while building.
	formIDs map[string]uint32
	keyIDs  map[string]uint32
}

func newLexicon() *lexicon {
	return &lexicon{lights: map[string]uint32{}, formIDs: map[string]uint32{}, keyIDs: map[string]uint32{}}
}

// intern returns the id of a name field as written, adding it if new.
func (lx *lexicon) intern(form string) uint32 {
	form = strings.TrimSpace(form)
	if form == "" {
		return noForm
	}
	if id, ok := lx.formIDs[form]; ok {
		return id
	}
	id := uint32(len(lx.forms))
	lx.formIDs[form] = id
	lx.forms = append(lx.forms, form)
	key, light := fieldKey(form)
	lx.formKey = append(lx.formKey, lx.internKey(key))
	lid, ok := lx.lights[light]
	if !ok {
		lid = uint32(len(lx.lights))
		lx.lights[light] = lid
	}
	lx.formLight = append(lx.formLight, lid)
	return id
}

// fieldKey is the key and light form of a whole name field: a double name
// ("Кара Мурза", "Хаджи-Мурат") is one key, its words run together.
func fieldKey(form string) (key, light string) {
	var k, l strings.Builder
	for _, w := range splitWords(form) {
		k.WriteString(phoneticKeys(w)[0])
		l.WriteString(lightForm(w))
	}
	return collapse([]byte(k.String())), l.String()
}

func (lx *lexicon) internKey(key string) uint32 {
	if id, ok := lx.keyIDs[key]; ok {
		return id
	}
	id := uint32(len(lx.keys))
	lx.keyIDs[key] = id
	lx.keys = append(lx.keys, key)
	return id
}

// The deletion index is one sorted []uint64: the high bits of a deletion's hash
// with the key ID in the low keyBits. Eight bytes an entry, sorted in place; a
// hash collision in the high bits only adds a candidate that the distance check
// drops.
const (
	keyBits = 26
	keyMask = 1<<keyBits - 1
	maxKeys = 1 << keyBits
)

// finish builds the deletion and prefix indexes and drops the build maps.
func (lx *lexicon) finish() {
	// Sized once for the most deletions the keys can have, so that building the
	// index of a large vocabulary does not briefly hold two copies while growing.
	bound := 0
	for _, key := range lx.keys {
		l := min(len(key), maxKeyLen)
		bound += 1 + l + l*(l-1)/2
	}
	lx.del = make([]uint64, 0, bound)
	var dels []uint64
	for id, key := range lx.keys {
		dels = deletionHashes(dels[:0], key, storedEdits(len(key)))
		for _, h := range dels {
			lx.del = append(lx.del, h&^keyMask|uint64(id))
		}
	}
	slices.Sort(lx.del)
	lx.byText = make([]uint32, len(lx.keys))
	for i := range lx.byText {
		lx.byText[i] = uint32(i)
	}
	slices.SortFunc(lx.byText, func(a, b uint32) int { return strings.Compare(lx.keys[a], lx.keys[b]) })
	lx.formIDs, lx.keyIDs = nil, nil
}

// deletionHashes appends to dst the hashes of key and of every distinct string
// made by deleting up to d of its letters (keys are cut at maxKeyLen). Hashes,
// not strings: a query allocates nothing for its deletions.
func deletionHashes(dst []uint64, key string, d int) []uint64 {
	start := len(dst)
	var buf [maxKeyLen]byte
	n := copy(buf[:], key)
	dst = deleteFrom(dst, buf[:n], 0, d)
	tail := dst[start:]
	slices.Sort(tail)
	return dst[:start+len(slices.Compact(tail))]
}

// deleteFrom appends the hash of b and, recursively, of b with one more letter
// deleted at position from or later, up to left more deletions.
func deleteFrom(dst []uint64, b []byte, from, left int) []uint64 {
	dst = append(dst, fnv(b))
	if left == 0 {
		return dst
	}
	var shorter [maxKeyLen]byte
	for i := from; i < len(b); i++ {
		m := copy(shorter[:], b[:i])
		m += copy(shorter[m:], b[i+1:])
		dst = deleteFrom(dst, shorter[:m], i, left-1)
	}
	return dst
}

// similarKeys calls f for every key whose deletion set meets the query key's:
// the candidates within d edits (the caller checks the true distance). dels is
// a buffer for the query's deletion hashes.
func (lx *lexicon) similarKeys(q string, d int, dels []uint64, f func(key uint32)) []uint64 {
	dels = deletionHashes(dels[:0], q, d)
	for _, h := range dels {
		h &^= keyMask
		i := sort.Search(len(lx.del), func(i int) bool { return lx.del[i] >= h })
		for ; i < len(lx.del) && lx.del[i]&^keyMask == h; i++ {
			f(uint32(lx.del[i] & keyMask))
		}
	}
	return dels
}

// prefixKeys calls f for the keys that start with p, at most limit of them.
func (lx *lexicon) prefixKeys(p string, limit int, f func(key uint32)) {
	i := sort.Search(len(lx.byText), func(i int) bool { return lx.keys[lx.byText[i]] >= p })
	for n := 0; i < len(lx.byText) && n < limit && strings.HasPrefix(lx.keys[lx.byText[i]], p); i, n = i+1, n+1 {
		f(lx.byText[i])
	}
}

// fnv is 64-bit FNV-1a.
func fnv(b []byte) uint64 {
	h := uint64(14695981039346656037)
	for _, c := range b {
		h ^= uint64(c)
		h *= 1099511628211
	}
	return h
}
