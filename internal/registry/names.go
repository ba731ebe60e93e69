package registry

import (
	"strings"
	"unicode"
)

// kazakhLetters maps the nine Kazakh letters to their Russian renderings
// (ә→а, ғ→г, қ→к, ң→н, ө→о, ұ→у, ү→у, һ→х, і→и): one person is Құрманов in a
// Kazakh record and Курманов in a Russian one.
var kazakhLetters = map[rune]rune{
	'ә': 'а', 'ғ': 'г', 'қ': 'к', 'ң': 'н', 'ө': 'о', 'ұ': 'у', 'ү': 'у', 'һ': 'х', 'і': 'и',
	'ё': 'е', 'i': 'и', // ё is written е; a Latin i typed for і
}

// Fold is the form in which two spellings of one name part compare equal: lower
// case, the Kazakh letters and ё in their Russian renderings, without spaces,
// hyphens, apostrophes or dots, and the old Дж- written Ж- (Джумабаев is
// Жұмабаев).
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		r = unicode.ToLower(r)
		if x, ok := kazakhLetters[r]; ok {
			r = x
		}
		if unicode.IsLetter(r) {
			b.WriteRune(r)
		}
	}
	out := b.String()
	if rest, ok := strings.CutPrefix(out, "дж"); ok {
		out = "ж" + rest
	}
	return out
}

// NameMatch is how closely two names agree.
type NameMatch int

const (
	// NoMatch: a different person's name.
	NoMatch NameMatch = iota
	// Similar: possibly the same person written differently — one letter apart
	// in a part, or a patronymic on one side only. Only an officer can tell.
	Similar
	// Same: every part Fold-equal, the patronymic possibly in the other form
	// of the same father's name (Серікұлы, Серикович).
	Same
)

func (m NameMatch) String() string {
	return [...]string{"no-match", "similar", "same"}[m]
}

// CompareNames says how closely a and b agree.
//
// Rule CR-STD-8.2: a record made under the person's former data must still
// find them; records of different periods spell one name differently, so
// spelling alone never separates two names, and near misses go to an officer.
func CompareNames(a, b Name) NameMatch {
	s := comparePart(Fold(a.Surname), Fold(b.Surname))
	g := comparePart(Fold(a.GivenName), Fold(b.GivenName))
	p := comparePatronymic(Fold(a.Patronymic), Fold(b.Patronymic))
	return min(s, g, p)
}

func comparePart(a, b string) NameMatch {
	switch {
	case a == b:
		return Same
	case a == "" || b == "":
		return NoMatch
	case oneEditApart(a, b):
		return Similar
	}
	return NoMatch
}

// patronymicEndings are the endings of the Russian (-ович, -евна …) and the
// Kazakh (-ұлы, -қызы, folded) patronymic, and whether each is a son's; what is
// left is the father's name.
var patronymicEndings = []struct {
	ending string
	son    bool
}{
	{"ьевич", true}, {"ьевна", false}, {"евич", true}, {"евна", false}, {"ович", true}, {"овна", false},
	{"вич", true}, {"вна", false}, {"ич", true}, {"улы", true}, {"кызы", false},
}

// comparePatronymic treats the Russian and the Kazakh form of one father's
// name as the same patronymic (Серикович is Серікұлы), as records of the two
// periods write it; a patronymic on one side only, or one letter apart, is
// Similar.
func comparePatronymic(a, b string) NameMatch {
	switch {
	case a == b:
		return Same
	case a == "" || b == "":
		return Similar
	}
	stemA, sonA, okA := patronymicStem(a)
	stemB, sonB, okB := patronymicStem(b)
	switch {
	case okA && okB && sonA == sonB && stemA == stemB:
		return Same
	case stemA == stemB || oneEditApart(stemA, stemB) || oneEditApart(a, b):
		return Similar
	}
	return NoMatch
}

// patronymicStem splits a folded patronymic into the father's name and whether
// it is a son's; ok is false when p has none of the endings.
func patronymicStem(p string) (stem string, son, ok bool) {
	for _, e := range patronymicEndings {
		if stem, found := strings.CutSuffix(p, e.ending); found && stem != "" {
			return strings.TrimRight(stem, "ь"), e.son, true
		}
	}
	return p, false, false
}

// oneEditApart reports whether a and b, both at least four letters long, differ
// by one inserted, deleted or replaced letter or two neighbours swapped. Short
// names are left alone: Ли and Ким are different people, not typos.
func oneEditApart(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	if len(ra) < 4 || len(rb) < 4 {
		return false
	}
	if len(ra) > len(rb) {
		ra, rb = rb, ra
	}
	switch len(rb) - len(ra) {
	case 0:
		diff := -1
		for i := range ra {
			if ra[i] == rb[i] {
				continue
			}
			if diff >= 0 {
				// A second difference is fine only as the other half of a swap.
				return diff == i-1 && ra[diff] == rb[i] && ra[i] == rb[diff] && string(ra[i+1:]) == string(rb[i+1:])
			}
			diff = i
		}
		return true
	case 1:
		i := 0
		for i < len(ra) && ra[i] == rb[i] {
			i++
		}
		return string(ra[i:]) == string(rb[i+1:])
	}
	return false
}

// Matches reports whether n agrees with q in every part q gives (Fold-equal);
// the empty query name matches nothing.
func (q Name) Matches(n Name) bool {
	if q == (Name{}) {
		return false
	}
	for _, part := range [][2]string{{q.Surname, n.Surname}, {q.GivenName, n.GivenName}, {q.Patronymic, n.Patronymic}} {
		if part[0] != "" && Fold(part[0]) != Fold(part[1]) {
			return false
		}
	}
	return true
}
