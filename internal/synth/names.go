package synth

import (
	"math/rand/v2"
	"strings"
	"unicode/utf8"
)

// FullName is a person's name as a document writes it; Patronymic may be empty.
type FullName struct {
	Surname, GivenName, Patronymic string
}

// String is "Surname GivenName Patronymic" without a trailing space.
func (n FullName) String() string {
	return strings.TrimSpace(n.Surname + " " + n.GivenName + " " + n.Patronymic)
}

// people is a nationality's name table ready for drawing.
type people struct {
	nat                 Nationality
	surnames            []string
	male, female        []string
	surCum, mCum, fCum  []float64
	noPatronymic        float64
	word                [2]string
	birthPlaces         []string
	waves               []wave
	releases            []release
	russianSurnameForms bool // -ов/-ова, -ский/-ская; false for Koreans
}

var peoples = buildPeoples()

func buildPeoples() map[Nationality]*people {
	m := make(map[Nationality]*people, len(nameTables))
	for nat, t := range nameTables {
		p := &people{
			nat:                 nat,
			surnames:            strings.Fields(t.surnames),
			male:                strings.Fields(t.male),
			female:              strings.Fields(t.female),
			noPatronymic:        t.noPatronymic,
			word:                t.word,
			birthPlaces:         places[nat].birthPlaces,
			waves:               places[nat].waves,
			releases:            places[nat].releases,
			russianSurnameForms: nat != Korean,
		}
		p.surCum, p.mCum, p.fCum = zipf(len(p.surnames)), zipf(len(p.male)), zipf(len(p.female))
		m[nat] = p
	}
	return m
}

func (p *people) surname(r *rand.Rand) string { return p.surnames[weighted(r, p.surCum)] }

func (p *people) given(r *rand.Rand, sex Sex) string {
	if sex == Female {
		return p.female[weighted(r, p.fCum)]
	}
	return p.male[weighted(r, p.mCum)]
}

// surnameForm gives the surname in the form for sex: Иванов → Иванова,
// Ковальский → Ковальская; Шмидт, Ким, Новак, Пападопуло stay as they are.
func (p *people) surnameForm(male string, sex Sex) string {
	if sex != Female || !p.russianSurnameForms {
		return male
	}
	return femaleSurname(male)
}

func femaleSurname(male string) string {
	for _, suf := range []string{"ов", "ев", "ёв", "ин", "ын"} {
		if strings.HasSuffix(male, suf) {
			return male + "а"
		}
	}
	for _, suf := range [][2]string{{"ский", "ская"}, {"цкий", "цкая"}, {"ый", "ая"}} {
		if s, ok := strings.CutSuffix(male, suf[0]); ok {
			return s + suf[1]
		}
	}
	return male
}

// patronymic is the Russian-style patronymic from the father's given name:
// Иван → Иванович / Ивановна, Николай → Николаевич, Василий → Васильевич,
// Муса → Мусаевич, Отто → Оттович, with the irregular ones (Михаил, Илья …)
// from patronymicExceptions. A hyphenated name gives one word
// (Хаджи-Мурат → Хаджимуратович).
func patronymic(father string, sex Sex) string {
	fem := sex == Female
	if e, ok := patronymicExceptions[father]; ok {
		if fem {
			return e[1]
		}
		return e[0]
	}
	if a, b, ok := strings.Cut(father, "-"); ok {
		father = a + strings.ToLower(b)
	}
	m, f := "ович", "овна"
	stem := father
	last, _ := utf8.DecodeLastRuneInString(father)
	switch {
	case strings.HasSuffix(father, "ий"):
		stem, m, f = strings.TrimSuffix(father, "ий"), "ьевич", "ьевна"
	case last == 'й' || last == 'ь':
		stem, m, f = father[:len(father)-len(string(last))], "евич", "евна"
	case strings.ContainsRune("жшчщц", last):
		m, f = "евич", "евна"
	case last == 'о':
		m, f = "вич", "вна"
	case strings.ContainsRune("аяиеуыэюіәөұү", last):
		m, f = "евич", "евна"
	}
	if fem {
		return stem + f
	}
	return stem + m
}

// kazakhPatronymic is the Kazakh form: the father's name + ұлы (son) or қызы
// (daughter), written as one word as in current Kazakh practice.
func kazakhPatronymic(father string, sex Sex) string {
	if sex == Female {
		return father + "қызы"
	}
	return father + "ұлы"
}

// kazakhToRussian is the Russian rendering of the nine Kazakh letters, after the
// "Instruction on the Russian rendering of Kazakh anthroponyms": ә→а, ғ→г, қ→к,
// ң→н, ө→о, ұ→у, ү→у, һ→х, і→и.
var kazakhToRussian = map[rune]rune{
	'ә': 'а', 'ғ': 'г', 'қ': 'к', 'ң': 'н', 'ө': 'о', 'ұ': 'у', 'ү': 'у', 'һ': 'х', 'і': 'и',
	'Ә': 'А', 'Ғ': 'Г', 'Қ': 'К', 'Ң': 'Н', 'Ө': 'О', 'Ұ': 'У', 'Ү': 'У', 'Һ': 'Х', 'І': 'И',
}

// russianRendering replaces the Kazakh letters of s with their Russian renderings.
func russianRendering(s string) string {
	return strings.Map(func(r rune) rune {
		if x, ok := kazakhToRussian[r]; ok {
			return x
		}
		return r
	}, s)
}

// hasKazakhLetters reports whether s has any of ә ғ қ ң ө ұ ү һ і.
func hasKazakhLetters(s string) bool {
	for _, r := range s {
		if _, ok := kazakhToRussian[r]; ok {
			return true
		}
	}
	return false
}

// cardStyle is how one clerk wrote a Kazakh name on one card.
type cardStyle struct {
	kazakhLetters bool // keep ә ғ қ … (otherwise the Russian rendering)
	dzh           bool // the traditional Дж for an initial Ж (Джумабаев, Джандосов)
}

func newCardStyle(r *rand.Rand) cardStyle {
	return cardStyle{kazakhLetters: chance(r, 0.35), dzh: chance(r, 0.3)}
}

// render writes one Kazakh name part the way the style says.
func (s cardStyle) render(name string) string {
	if s.kazakhLetters {
		return name
	}
	out := russianRendering(name)
	if s.dzh && strings.HasPrefix(out, "Ж") {
		out = "Дж" + strings.TrimPrefix(out, "Ж")
	}
	return out
}

// personName draws a name of nationality nat and sex whose father's given name
// is father and family surname (male form) is surname. Kazakh names come back
// in Kazakh spelling; cards render them with style.render.
func (p *people) personName(r *rand.Rand, sex Sex, surname, father string) FullName {
	n := FullName{Surname: p.surnameForm(surname, sex), GivenName: p.given(r, sex)}
	n.Patronymic = p.patronymicFor(r, sex, father)
	return n
}

// patronymicFor draws whether the card has a patronymic and in which form:
// Kazakh cards have -ұлы/-қызы, the Russified -ович/-овна, or none.
func (p *people) patronymicFor(r *rand.Rand, sex Sex, father string) string {
	if chance(r, p.noPatronymic) {
		return ""
	}
	if p.nat == Kazakh && chance(r, 0.35) {
		return kazakhPatronymic(father, sex)
	}
	return patronymic(father, sex)
}
