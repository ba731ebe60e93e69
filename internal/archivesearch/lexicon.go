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

	keys    []string
	lights  map[string]uint32 // light form → id (queries look theirs up)
	byText  []uint32          // key ids in key order, for prefix search
	delHash []uint64          // sorted; with delKey, the deletion index
	delKey  []uint32

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

// finish builds the deletion and prefix indexes and drops the build maps.
func (lx *lexicon) finish() {
	type entry struct {
		h uint64
		k uint32
	}
	var entries []entry
	var dels []string
	for id, key := range lx.keys {
		dels = deletions(dels[:0], key, storedEdits(len(key)))
		for _, d := range dels {
			entries = append(entries, entry{fnv(d), uint32(id)})
		}
	}
	slices.SortFunc(entries, func(a, b entry) int {
		if a.h != b.h {
			if a.h < b.h {
				return -1
			}
			return 1
		}
		return int(a.k) - int(b.k)
	})
	lx.delHash = make([]uint64, len(entries))
	lx.delKey = make([]uint32, len(entries))
	for i, e := range entries {
		lx.delHash[i], lx.delKey[i] = e.h, e.k
	}
	lx.byText = make([]uint32, len(lx.keys))
	for i := range lx.byText {
		lx.byText[i] = uint32(i)
	}
	slices.SortFunc(lx.byText, func(a, b uint32) int { return strings.Compare(lx.keys[a], lx.keys[b]) })
	lx.formIDs, lx.keyIDs = nil, nil
}

// deletions appends to dst the key and every distinct string made by deleting up
// to d of its letters.
func deletions(dst []string, key string, d int) []string {
	start := len(dst)
	dst = append(dst, key)
	frontier := []string{key}
	for range d {
		var next []string
		for _, s := range frontier {
			for i := range len(s) {
				next = append(next, s[:i]+s[i+1:])
			}
		}
		slices.Sort(next)
		next = slices.Compact(next)
		dst = append(dst, next...)
		frontier = next
	}
	tail := dst[start:]
	slices.Sort(tail)
	return dst[:start+len(slices.Compact(tail))]
}

// similarKeys calls f for every key whose deletion set meets the query key's:
// the candidates within d edits (the caller checks the true distance).
func (lx *lexicon) similarKeys(q string, d int, f func(key uint32)) {
	for _, del := range deletions(nil, q, d) {
		h := fnv(del)
		i := sort.Search(len(lx.delHash), func(i int) bool { return lx.delHash[i] >= h })
		for ; i < len(lx.delHash) && lx.delHash[i] == h; i++ {
			f(lx.delKey[i])
		}
	}
}

// prefixKeys calls f for the keys that start with p, at most limit of them.
func (lx *lexicon) prefixKeys(p string, limit int, f func(key uint32)) {
	i := sort.Search(len(lx.byText), func(i int) bool { return lx.keys[lx.byText[i]] >= p })
	for n := 0; i < len(lx.byText) && n < limit && strings.HasPrefix(lx.keys[lx.byText[i]], p); i, n = i+1, n+1 {
		f(lx.byText[i])
	}
}

// fnv is 64-bit FNV-1a.
func fnv(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := range len(s) {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}
