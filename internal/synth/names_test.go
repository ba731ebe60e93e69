package synth

import (
	"testing"
	"unicode"
)

func TestNameTablesAreClean(t *testing.T) {
	if len(nameTables) != len(Nationalities) {
		t.Fatalf("%d name tables for %d nationalities", len(nameTables), len(Nationalities))
	}
	for _, nat := range Nationalities {
		p := peoples[nat]
		for _, list := range []struct {
			name  string
			names []string
			min   int
		}{{"surnames", p.surnames, 25}, {"male", p.male, 25}, {"female", p.female, 18}} {
			if len(list.names) < list.min {
				t.Errorf("%s %s: %d names, want at least %d", nat, list.name, len(list.names), list.min)
			}
			seen := map[string]bool{}
			for _, n := range list.names {
				if seen[n] {
					t.Errorf("%s %s: %q twice", nat, list.name, n)
				}
				seen[n] = true
				for _, r := range n {
					if r != '-' && !unicode.Is(unicode.Cyrillic, r) {
						t.Errorf("%s %s: %q has %q, not Cyrillic", nat, list.name, n, r)
					}
				}
				if !unicode.IsUpper([]rune(n)[0]) {
					t.Errorf("%s %s: %q is not capitalised", nat, list.name, n)
				}
			}
		}
		if p.word[0] == "" || p.word[1] == "" || len(p.birthPlaces) == 0 || len(p.waves) == 0 || len(p.releases) == 0 {
			t.Errorf("%s: incomplete tables", nat)
		}
	}
}

func TestSurnameForms(t *testing.T) {
	tests := []struct {
		nat        Nationality
		male, want string
	}{
		{Russian, "Иванов", "Иванова"}, {Russian, "Ильин", "Ильина"}, {Russian, "Покровский", "Покровская"},
		{Polish, "Ковальский", "Ковальская"}, {Polish, "Высоцкий", "Высоцкая"}, {Polish, "Новак", "Новак"},
		{German, "Шмидт", "Шмидт"}, {Korean, "Ким", "Ким"}, {Korean, "Шин", "Шин"},
		{Greek, "Пападопуло", "Пападопуло"}, {Greek, "Кирьязов", "Кирьязова"}, {Kazakh, "Құрманов", "Құрманова"},
		{Kazakh, "Ғабдуллин", "Ғабдуллина"}, {Chechen, "Дудаев", "Дудаева"},
	}
	for _, tt := range tests {
		if got := peoples[tt.nat].surnameForm(tt.male, Female); got != tt.want {
			t.Errorf("%s %s female: %s, want %s", tt.nat, tt.male, got, tt.want)
		}
		if got := peoples[tt.nat].surnameForm(tt.male, Male); got != tt.male {
			t.Errorf("%s %s male: %s", tt.nat, tt.male, got)
		}
	}
}

func TestPatronymics(t *testing.T) {
	tests := []struct{ father, son, daughter string }{
		{"Иван", "Иванович", "Ивановна"},
		{"Николай", "Николаевич", "Николаевна"},
		{"Сергей", "Сергеевич", "Сергеевна"},
		{"Василий", "Васильевич", "Васильевна"},
		{"Дмитрий", "Дмитриевич", "Дмитриевна"},
		{"Михаил", "Михайлович", "Михайловна"},
		{"Павел", "Павлович", "Павловна"},
		{"Яков", "Яковлевич", "Яковлевна"},
		{"Лев", "Львович", "Львовна"},
		{"Илья", "Ильич", "Ильинична"},
		{"Никита", "Никитич", "Никитична"},
		{"Лазарь", "Лазаревич", "Лазаревна"},
		{"Муса", "Мусаевич", "Мусаевна"},
		{"Санджи", "Санджиевич", "Санджиевна"},
		{"Отто", "Оттович", "Оттовна"},
		{"Франц", "Францевич", "Францевна"},
		{"Хаджи-Мурат", "Хаджимуратович", "Хаджимуратовна"},
		{"Құрман", "Құрманович", "Құрмановна"},
	}
	for _, tt := range tests {
		if got := patronymic(tt.father, Male); got != tt.son {
			t.Errorf("son of %s: %s, want %s", tt.father, got, tt.son)
		}
		if got := patronymic(tt.father, Female); got != tt.daughter {
			t.Errorf("daughter of %s: %s, want %s", tt.father, got, tt.daughter)
		}
	}
	if kazakhPatronymic("Құрман", Male) != "Құрманұлы" || kazakhPatronymic("Құрман", Female) != "Құрманқызы" {
		t.Error("Kazakh patronymics: want Құрманұлы and Құрманқызы")
	}
}

func TestKazakhRenderings(t *testing.T) {
	if got := russianRendering("Әбдірахманұлы Қоңырбай Ғөүһі"); got != "Абдирахманулы Конырбай Гоухи" {
		t.Errorf("russianRendering: %s", got)
	}
	style := cardStyle{dzh: true}
	if got := style.render("Жұмабаев"); got != "Джумабаев" {
		t.Errorf("Дж rendering: %s", got)
	}
	if got := (cardStyle{kazakhLetters: true}).render("Жұмабаев"); got != "Жұмабаев" {
		t.Errorf("Kazakh letters kept: %s", got)
	}
	// The dictionary restores the Kazakh spelling of every rendering it made.
	d := kazakhDictionary()
	for ru, kk := range map[string]string{"Курманов": "Құрманов", "Джумабаев": "Жұмабаев", "Абдирахманулы": "Әбдірахманұлы", "Айгул": "Айгүл"} {
		if d[ru] != kk {
			t.Errorf("dictionary %s → %q, want %s", ru, d[ru], kk)
		}
	}
}
