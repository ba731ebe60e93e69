package archivesearch

import (
	"slices"
	"testing"
)

// Spellings of one name that the phonetic key must bring together (Rule AR-6.3):
// every reading of the second word must include the key of the first.
func TestPhoneticKeysFoldVariants(t *testing.T) {
	tests := []struct {
		name      string
		card, alt string
	}{
		{"Rule AR-6.3 phonetic д/т", "Ахмедов", "Ахметов"},
		{"Rule AR-6.3 phonetic е/э", "Бауэр", "Бауер"},
		{"Rule AR-6.3 phonetic и/ы", "Кадыров", "Кадиров"},
		{"Rule AR-6.3 phonetic о/а", "Мусабаев", "Мусабоев"},
		{"Rule AR-6.3 phonetic doubled letter", "Иоганн", "Иоган"},
		{"Rule AR-6.3 phonetic soft sign", "Васильев", "Василев"},
		{"Rule AR-6.3 phonetic hard sign", "Подъячев", "Подячев"},
		{"Rule AR-6.3 phonetic -ов/-оф", "Иванов", "Иваноф"},
		{"Rule AR-6.3 phonetic ё", "Фёдоров", "Федоров"},
		{"Rule AR-6.3 Kazakh letters ә ұ", "Әбдірахманұлы", "Абдирахманулы"},
		{"Rule AR-6.3 Kazakh letters қ ғ ң ө ү һ і", "Қоңыратбай Ғөүһі", "Коныратбай Гоухи"},
		{"Rule AR-6.3 Kazakh Дж for Ж", "Жұмабаев", "Джумабаев"},
		{"Rule AR-6.3 Latin Kazakh 2021", "Құрманов", "Qūrmanov"},
		{"Rule AR-6.3 Latin Kazakh 2021 ş ä", "Шәкен", "Şäken"},
		{"Rule AR-6.3 Latin Kazakh 2021 j = ж", "Жақып", "Jaqyp"},
		{"Rule AR-6.3 Latin Kazakh 2021 ı = і", "Жібек", "Jıbek"},
		{"Rule AR-6.3 passport ICAO zh kh", "Жуков Михаил", "ZHUKOV MIKHAIL"},
		{"Rule AR-6.3 passport ICAO shch", "Щербаков", "SHCHERBAKOV"},
		{"Rule AR-6.3 passport ICAO ia iu", "Юлия", "IULIIA"},
		{"Rule AR-6.3 passport ICAO ts", "Цой", "TSOI"},
		{"Rule AR-6.3 GOST 7.79 x cz shh j", "Щукин Хасан Цой Йозеф", "Shhukin Xasan Czoj Jozef"},
		{"Rule AR-6.3 GOST 7.79 y' e`", "Эрдниев Кадыров", "E`rdniev Kady'rov"},
		{"Rule AR-6.3 by ear ye yu ya", "Евгений Юрьевич Андреева", "Yevgeniy Yuryevich Andreyeva"},
		{"Rule AR-6.3 by ear yo", "Фёдор", "Fyodor"},
		{"Rule AR-6.3 by ear j = й", "Йозеф", "Jozef"},
		{"Rule AR-6.3 by ear x = кс", "Александр", "Alexandr"},
		{"Rule AR-6.3 by ear ts + h", "Цхай", "Tshai"},
		{"Rule AR-6.3 German sch", "Шмидт", "Schmidt"},
		{"Rule AR-6.3 mixed keyboard layout", "Сергеев", "Cepгeeв"},
		{"Rule AR-6.3 combining cedilla", "Шамиль", "S\u0327amil"},
	}
	for _, tt := range tests {
		cardKeys := wordKeys(tt.card)
		altKeys := wordKeys(tt.alt)
		if len(cardKeys) != len(altKeys) {
			t.Errorf("%s: %q has %d words, %q has %d", tt.name, tt.card, len(cardKeys), tt.alt, len(altKeys))
			continue
		}
		for i := range cardKeys {
			if !slices.Contains(altKeys[i], cardKeys[i][0]) {
				t.Errorf("%s: %q → %v, %q → %v", tt.name, tt.card, cardKeys[i], tt.alt, altKeys[i])
			}
		}
	}
}

func wordKeys(s string) [][]string {
	var out [][]string
	for _, w := range splitWords(s) {
		out = append(out, phoneticKeys(w))
	}
	return out
}

// Different names must keep different keys: the folding is not so coarse that
// everything matches.
func TestPhoneticKeysKeepNamesApart(t *testing.T) {
	pairs := [][2]string{
		{"Иванов", "Иванова"}, {"Ким", "Пак"}, {"Шмидт", "Шульц"}, {"Ахметов", "Ахмедова"},
		{"Мария", "Марьям"}, {"Иван", "Иона"}, {"Жуков", "Щуков"}, {"Лейла", "Лейля"},
	}
	for _, p := range pairs {
		a, b := phoneticKeys(p[0])[0], phoneticKeys(p[1])[0]
		if a == b {
			t.Errorf("Rule AR-6.3: %q and %q share the key %q", p[0], p[1], a)
		}
	}
}

func TestSplitWords(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Иванов  Иван,Иванович", []string{"Иванов", "Иван", "Иванович"}},
		{"Хаджи-Мурат", []string{"ХаджиМурат"}},
		{"Vorob`eva  Il'ich 1920", []string{"Vorobeva", "Ilich", "1920"}},
		{"  ", nil},
	}
	for _, tt := range tests {
		if got := splitWords(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("splitWords(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestLightForm(t *testing.T) {
	tests := map[string]string{
		"Фёдоров":     "федоров",
		"ХАДЖИ-МУРАТ": "хаджимурат",
		"Құрманов":    "құрманов",
		"Kurmanov":    "",
	}
	for in, want := range tests {
		if got := lightForm(in); got != want {
			t.Errorf("lightForm(%q) = %q, want %q", in, got, want)
		}
	}
}
