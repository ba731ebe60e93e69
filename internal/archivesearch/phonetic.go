package archivesearch

import (
	"strings"
	"unicode"
)

// Rule AR-6.3: the phonetic key. Every name, from a card or from a query, in
// Cyrillic (Russian or Kazakh letters) or in Latin script (any of the
// transliterations people use), is folded into one skeleton over a small
// alphabet of sound classes. Two spellings of the same name get the same key, or keys one or two
// edits apart; the tables are in docs/archive-search.md.
//
//	a  а о ә ө (unstressed о sounds а; ә ө are written а о in Russian renderings)
//	e  е э ё
//	i  и ы й і (and the glide of я ю: я = ia, ю = iu)
//	u  у ұ ү ў
//	t  т д      (д/т at the end of a word sound alike)
//	v  в ф      (-ов / -оф)
//	g  г ғ
//	k  к қ
//	n  н ң
//	h  х һ
//	j  ж дж     (Джумабаев = Жұмабаев)
//	c  ч
//	w  ш щ
//	ts ц
//	b l m p r s z as they are; ь ъ are dropped; a doubled class is one.

// cyrillicKey maps a lower-case Cyrillic letter to its key; letters not in the
// table (ь, ъ, marks) contribute nothing.
var cyrillicKey = map[rune]string{
	'а': "a", 'о': "a", 'ә': "a", 'ө': "a",
	'е': "e", 'э': "e", 'ё': "e", 'є': "e",
	'и': "i", 'ы': "i", 'й': "i", 'і': "i", 'ї': "i",
	'у': "u", 'ұ': "u", 'ү': "u", 'ў': "u", 'ӯ': "u",
	'я': "ia", 'ю': "iu",
	'т': "t", 'д': "t",
	'в': "v", 'ф': "v",
	'г': "g", 'ғ': "g", 'ґ': "g",
	'к': "k", 'қ': "k",
	'н': "n", 'ң': "n",
	'х': "h", 'һ': "h",
	'ж': "j", 'ч': "c", 'ш': "w", 'щ': "w", 'ц': "ts",
	'б': "b", 'л': "l", 'м': "m", 'п': "p", 'р': "r", 'с': "s", 'з': "z",
}

// latinLetter maps a single lower-case Latin letter (after the digraphs of
// latinDigraphs) to its key. ş (Kazakh 2021, Turkish) and š are ш; ç and č are ч;
// ž is ж; x and j are ambiguous and handled in latinKeys.
var latinLetter = map[rune]string{
	'a': "a", 'ä': "a", 'á': "a", 'à': "a", 'â': "a", 'å': "a", 'ą': "a", 'ã': "a",
	'o': "a", 'ö': "a", 'ó': "a", 'ò': "a", 'ô': "a", 'ø': "a", 'õ': "a",
	'e': "e", 'é': "e", 'è': "e", 'ê': "e", 'ë': "e", 'ę': "e", 'ė': "e",
	'i': "i", 'ı': "i", 'í': "i", 'ì': "i", 'î': "i", 'ï': "i", 'y': "i", 'ý': "i", 'ÿ': "i",
	'u': "u", 'ū': "u", 'ü': "u", 'ú': "u", 'ù': "u", 'û': "u", 'ŭ': "u",
	't': "t", 'd': "t", 'v': "v", 'f': "v", 'w': "v",
	'g': "g", 'ğ': "g", 'k': "k", 'q': "k", 'n': "n", 'ñ': "n", 'ń': "n", 'ŋ': "n",
	'h': "h", 'c': "ts", 'ç': "c", 'č': "c", 'ć': "c",
	'ş': "w", 'š': "w", 'ŝ': "w", 'ž': "j", 'ż': "j", 'ź': "z",
	'b': "b", 'l': "l", 'ł': "l", 'm': "m", 'p': "p", 'r': "r", 's': "s", 'ś': "s", 'z': "z",
}

// latinDigraphs are the multi-letter spellings of one Cyrillic letter, longest
// first: ICAO 9303 (zh kh ts ch sh shch), GOST 7.79 system B (cz shh), and the
// spellings by ear (sch dzh dj tz ck ph gh ye).
var latinDigraphs = []struct{ from, key string }{
	{"shch", "w"}, {"dzh", "j"}, {"sch", "w"}, {"shh", "w"},
	{"sh", "w"}, {"zh", "j"}, {"dj", "j"}, {"kh", "h"}, {"gh", "g"}, {"ch", "c"},
	{"cz", "ts"}, {"tz", "ts"}, {"ck", "k"}, {"ph", "v"}, {"ye", "e"},
}

// homoglyphs are Latin letters that look like Cyrillic ones: in a word that also
// has Cyrillic letters they are read as Cyrillic (a mixed keyboard layout).
var homoglyphs = map[rune]rune{
	'A': 'А', 'B': 'В', 'C': 'С', 'E': 'Е', 'H': 'Н', 'K': 'К', 'M': 'М', 'O': 'О', 'P': 'Р', 'T': 'Т', 'X': 'Х', 'Y': 'У',
	'a': 'а', 'c': 'с', 'e': 'е', 'o': 'о', 'p': 'р', 'x': 'х', 'y': 'у', 'k': 'к', 'i': 'і',
}

// maxVariants bounds the readings of one ambiguous Latin word (j = ж or й,
// x = кс or х, yo = ё or йо).
const maxVariants = 4

// splitWords cuts a query or a card field into words of letters and digits.
// Hyphens and apostrophes stay inside a word and are dropped (Хаджи-Мурат is one
// word, GOST's Kady'rov and Vasil`ev too); anything else separates. Combining
// marks are joined to their letter (ş, ç typed with a cedilla) or dropped.
func splitWords(s string) []string {
	var words []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			words = append(words, string(cur))
			cur = cur[:0]
		}
	}
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Mn, r):
			if len(cur) > 0 && r == '\u0327' { // combining cedilla
				switch cur[len(cur)-1] {
				case 's':
					cur[len(cur)-1] = 'ş'
				case 'S':
					cur[len(cur)-1] = 'Ş'
				case 'c':
					cur[len(cur)-1] = 'ç'
				case 'C':
					cur[len(cur)-1] = 'Ç'
				}
			}
		case unicode.IsLetter(r):
			cur = append(cur, r)
		case r == '-' || r == '\'' || r == '`' || r == '’' || r == 'ʼ' || r == '‘':
			// part of a word: hyphenated names, GOST's ` and ', apostrophes
		case unicode.IsDigit(r):
			cur = append(cur, r)
		default:
			flush()
		}
	}
	flush()
	return words
}

// isCyrillic reports whether r is a Cyrillic letter.
func isCyrillic(r rune) bool { return unicode.Is(unicode.Cyrillic, r) }

// phoneticKeys returns the keys of one word: one for a Cyrillic word, up to
// maxVariants for a Latin word with ambiguous letters. Digits are ignored.
func phoneticKeys(word string) []string {
	rs := []rune(word)
	cyr, lat := false, false
	for _, r := range rs {
		if isCyrillic(r) {
			cyr = true
		} else if unicode.IsLetter(r) {
			lat = true
		}
	}
	if cyr && lat {
		for i, r := range rs {
			if c, ok := homoglyphs[r]; ok {
				rs[i] = c
			}
		}
	}
	for i, r := range rs {
		rs[i] = unicode.ToLower(r)
	}
	if !lat || cyr {
		return []string{collapse(cyrillicKeyOf(rs))}
	}
	return latinKeys(rs)
}

// cyrillicKeyOf is the key of a lower-case Cyrillic word before doubled classes
// are collapsed. дж is one sound (j). Latin letters left in a mixed word go
// through the Latin table.
func cyrillicKeyOf(rs []rune) []byte {
	out := make([]byte, 0, len(rs)+4)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if r == 'д' && i+1 < len(rs) && rs[i+1] == 'ж' {
			continue // the ж that follows gives j
		}
		if k, ok := cyrillicKey[r]; ok {
			out = append(out, k...)
		} else if k, ok := latinLetter[r]; ok {
			out = append(out, k...)
		}
	}
	return out
}

// latinKeys reads a lower-case Latin word back into keys. Digraphs first, then
// single letters; the ambiguous spellings fork the reading.
func latinKeys(rs []rune) []string {
	variants := [][]byte{make([]byte, 0, len(rs)+4)}
	add := func(k string) {
		for i := range variants {
			variants[i] = append(variants[i], k...)
		}
	}
	fork := func(a, b string) {
		if len(variants)*2 > maxVariants {
			add(a)
			return
		}
		n := len(variants)
		for i := range n {
			v := append(append([]byte(nil), variants[i]...), b...)
			variants[i] = append(variants[i], a...)
			variants = append(variants, v)
		}
	}
	isVowel := func(r rune) bool { return strings.ContainsRune("aeiouyäöüūıàáâèéêìíîòóôùúû", r) }
	for i := 0; i < len(rs); {
		if i > 0 && rs[i] == 's' && i+1 < len(rs) && rs[i+1] == 'h' && (i+2 >= len(rs) || (rs[i+2] != 'c' && rs[i+2] != 'h')) {
			// ш, or с + х inside a word (Цхай = Tshai, Исхак = Ishak)
			fork("w", "sh")
			i += 2
			continue
		}
		if d, n := digraphAt(rs, i); n > 0 {
			add(d)
			i += n
			continue
		}
		r := rs[i]
		next := rune(0)
		if i+1 < len(rs) {
			next = rs[i+1]
		}
		switch {
		case (r == 'y' || r == 'i' || r == 'j') && next == 'o' && i > 0 && !isVowel(rs[i-1]):
			// ё after a consonant (Fyodor, Piotr) or a glide + о (Iosif after a vowel)
			fork("e", "ia")
			i += 2
		case r == 'j':
			fork("i", "j") // й (GOST, German) or ж (Kazakh 2021, by ear)
			i++
		case r == 'x':
			fork("ks", "h") // кс (Alexandr) or х (GOST 7.79 system B)
			i++
		default:
			if k, ok := latinLetter[r]; ok {
				add(k)
			}
			i++
		}
	}
	out := make([]string, 0, len(variants))
	for _, v := range variants {
		k := collapse(v)
		if !containsString(out, k) {
			out = append(out, k)
		}
	}
	return out
}

func digraphAt(rs []rune, i int) (string, int) {
	for _, d := range latinDigraphs {
		n := len(d.from)
		if i+n > len(rs) {
			continue
		}
		match := true
		for j := range n {
			if rs[i+j] != rune(d.from[j]) {
				match = false
				break
			}
		}
		if match {
			return d.key, n
		}
	}
	return "", 0
}

// collapse merges runs of the same class into one: нн = н, ии (ий) = и.
func collapse(b []byte) string {
	out := b[:0]
	for i, c := range b {
		if i > 0 && c == b[i-1] {
			continue
		}
		out = append(out, c)
	}
	return string(out)
}

func containsString(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

// lightForm is a word as written, lower case, ё as е, hyphens and apostrophes
// gone: two records whose light forms are equal are spelt the same. It is empty
// for a word with Latin letters (compared through keys only).
func lightForm(word string) string {
	var b strings.Builder
	for _, r := range word {
		if !unicode.IsLetter(r) {
			continue
		}
		if !isCyrillic(r) {
			return ""
		}
		r = unicode.ToLower(r)
		if r == 'ё' {
			r = 'е'
		}
		b.WriteRune(r)
	}
	return b.String()
}
