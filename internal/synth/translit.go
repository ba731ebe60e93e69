package synth

import (
	"math/rand/v2"
	"strings"
	"unicode"
)

// Transliterations of Cyrillic names into Latin script, the way people type a
// name they read from a passport, a Kazakh Latin text or an e-mail. These are
// the generator's own tables, written from the sources in docs/archive-search.md
// and kept apart from the search engine's parser on purpose: the evaluation must
// not test the engine against its own tables.

// icao9303 is ICAO Doc 9303 Part 3 (machine readable travel documents), the
// recommended transliteration of Cyrillic, with its extended letters for Kazakh
// (Ә A, Ғ G, Қ K, Ң N, Ө O, Ұ U, Ү U, Һ KH, І I) — what a Kazakhstan passport prints.
var icao9303 = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ё': "e", 'ж': "zh", 'з': "z",
	'и': "i", 'й': "i", 'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o", 'п': "p", 'р': "r",
	'с': "s", 'т': "t", 'у': "u", 'ф': "f", 'х': "kh", 'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "shch",
	'ъ': "ie", 'ы': "y", 'ь': "", 'э': "e", 'ю': "iu", 'я': "ia",
	'ә': "a", 'ғ': "g", 'қ': "k", 'ң': "n", 'ө': "o", 'ұ': "u", 'ү': "u", 'һ': "kh", 'і': "i",
}

// kazakh2021 is the Kazakh Latin alphabet presented by the Government on
// 28 January 2021 (31 letters: A Ä B D E F G Ğ H I İ J K L M N Ñ O Ö P Q R S Ş T
// U Ū Ü V Y Z). The letters of Russian loanwords that it lacks are written as
// its orthography proposes: ц ts, ч ch, щ şş, ё io, ю iu, я ia, э e; ъ and ь are
// dropped. и and й are both i (İ), і is ı (I), ы is y.
var kazakh2021 = map[rune]string{
	'а': "a", 'ә': "ä", 'б': "b", 'в': "v", 'г': "g", 'ғ': "ğ", 'д': "d", 'е': "e", 'ё': "io",
	'ж': "j", 'з': "z", 'и': "i", 'й': "i", 'к': "k", 'қ': "q", 'л': "l", 'м': "m", 'н': "n",
	'ң': "ñ", 'о': "o", 'ө': "ö", 'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u", 'ұ': "ū",
	'ү': "ü", 'ф': "f", 'х': "h", 'һ': "h", 'ц': "ts", 'ч': "ch", 'ш': "ş", 'щ': "şş", 'ъ': "",
	'ы': "y", 'і': "ı", 'ь': "", 'э': "e", 'ю': "iu", 'я': "ia",
}

// gost779b is GOST 7.79-2000 system B for Russian letters (ц is c before е и ы й,
// cz elsewhere; handled in gostB).
var gost779b = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ё': "yo", 'ж': "zh", 'з': "z",
	'и': "i", 'й': "j", 'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o", 'п': "p", 'р': "r",
	'с': "s", 'т': "t", 'у': "u", 'ф': "f", 'х': "x", 'ц': "cz", 'ч': "ch", 'ш': "sh", 'щ': "shh",
	'ъ': "``", 'ы': "y'", 'ь': "`", 'э': "e`", 'ю': "yu", 'я': "ya",
}

// everyday lists the spellings people use when they transliterate a Russian
// name by ear (e-mail, social networks, older foreign visas); one is drawn per
// letter. Letters not listed are as in GOST 7.79 system B.
var everyday = map[rune][]string{
	'ж': {"zh", "zh", "j"}, 'х': {"kh", "h"}, 'ц': {"ts", "c", "tz"}, 'ч': {"ch"}, 'ш': {"sh"},
	'щ': {"shch", "sch", "sh"}, 'й': {"y", "i", "j"}, 'ы': {"y", "i"}, 'ь': {"", "", "'"}, 'ъ': {""},
	'э': {"e"}, 'ю': {"yu", "ju", "iu"}, 'я': {"ya", "ja", "ia"}, 'ё': {"yo", "e", "jo"}, 'е': {"e"},
}

// translit maps s letter by letter with f, keeping the case of each source
// letter on the first letter of its Latin spelling. upperI is the capital of i
// (İ in the Kazakh alphabet, I elsewhere).
func translit(s string, f func(prev, r, next rune) string, upperI string) string {
	var b strings.Builder
	rs := []rune(s)
	for i, r := range rs {
		lower := unicode.ToLower(r)
		prev, next := rune(0), rune(0)
		if i > 0 {
			prev = unicode.ToLower(rs[i-1])
		}
		if i+1 < len(rs) {
			next = unicode.ToLower(rs[i+1])
		}
		out := f(prev, lower, next)
		if !unicode.IsUpper(r) || out == "" {
			b.WriteString(out)
			continue
		}
		first, rest := []rune(out)[0], string([]rune(out)[1:])
		switch first {
		case 'i':
			b.WriteString(upperI)
		default:
			b.WriteRune(unicode.ToUpper(first))
		}
		b.WriteString(rest)
	}
	return b.String()
}

func fromTable(t map[rune]string) func(prev, r, next rune) string {
	return func(_, r, _ rune) string {
		if x, ok := t[r]; ok {
			return x
		}
		return string(r)
	}
}

// ICAO is the passport spelling of s, in capitals as a passport prints it.
func ICAO(s string) string {
	return strings.ToUpper(translit(s, fromTable(icao9303), "I"))
}

// Kazakh2021 is s in the 2021 Kazakh Latin alphabet.
func Kazakh2021(s string) string {
	return translit(s, fromTable(kazakh2021), "İ")
}

// GOSTB is s (Kazakh letters first given their Russian rendering) in GOST 7.79-2000
// system B.
func GOSTB(s string) string {
	return translit(russianRendering(s), func(_, r, next rune) string {
		if r == 'ц' && strings.ContainsRune("еиыйя", next) {
			return "c"
		}
		if x, ok := gost779b[r]; ok {
			return x
		}
		return string(r)
	}, "I")
}

// Everyday is s transliterated by ear: one of the common spellings drawn for
// each letter, "ye" for е after a vowel or a sign as people write it.
func Everyday(r *rand.Rand, s string) string {
	return translit(russianRendering(s), func(prev, c, _ rune) string {
		if c == 'е' && prev != 0 && strings.ContainsRune("аеёиоуыэюяьъ", prev) && chance(r, 0.7) {
			return "ye"
		}
		if opts, ok := everyday[c]; ok {
			return pick(r, opts)
		}
		if x, ok := gost779b[c]; ok {
			return x
		}
		return string(c)
	}, "I")
}
