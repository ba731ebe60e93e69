package synth

import (
	"math/rand/v2"
	"strings"
	"testing"
)

func TestTransliterations(t *testing.T) {
	tests := []struct {
		name string
		f    func(string) string
		in   string
		want string
	}{
		{"ICAO 9303", ICAO, "Жұмабаев Щербаков", "ZHUMABAEV SHCHERBAKOV"},
		{"ICAO 9303", ICAO, "Юлия Подъячева Хасан", "IULIIA PODIEIACHEVA KHASAN"},
		{"ICAO 9303 Kazakh letters", ICAO, "Әбдірахманұлы Қоңыр Өтеп Үмбет Ғали Һ", "ABDIRAKHMANULY KONYR OTEP UMBET GALI KH"},
		{"Kazakh 2021", Kazakh2021, "Құрманов Шәкен Жібек", "Qūrmanov Şäken Jıbek"},
		{"Kazakh 2021", Kazakh2021, "Іліясов Иван Ыбырай Үмбет Ғали Өтеп Ңң", "Ilıiasov İvan Ybyrai Ümbet Ğali Ötep Ññ"},
		{"Kazakh 2021 Russian letters", Kazakh2021, "Цой Чернов Щукин Юлия Яков Фёдор", "Tsoi Chernov Şşukin İuliia İakov Fiodor"},
		{"GOST 7.79 system B", GOSTB, "Щукин Цой Цыганов Хасан Йозеф", "Shhukin Czoj Cy'ganov Xasan Jozef"},
		{"GOST 7.79 system B", GOSTB, "Эрдниев Васильев Подъячев Юлия", "E`rdniev Vasil`ev Pod``yachev Yuliya"},
		{"GOST 7.79 Kazakh letters by their Russian rendering", GOSTB, "Құрманов", "Kurmanov"},
	}
	for _, tt := range tests {
		if got := tt.f(tt.in); got != tt.want {
			t.Errorf("%s(%q) = %q, want %q", tt.name, tt.in, got, tt.want)
		}
	}
}

func TestEverydayTransliteration(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 1))
	seen := map[string]bool{}
	for range 200 {
		got := Everyday(r, "Юрьев Андреев")
		seen[got] = true
		for _, c := range got {
			if c > 127 {
				t.Fatalf("Everyday gave a non-Latin letter: %q", got)
			}
		}
		if !strings.HasPrefix(got, "Y") && !strings.HasPrefix(got, "J") && !strings.HasPrefix(got, "I") {
			t.Errorf("Ю spelt %q", got)
		}
	}
	if len(seen) < 4 || !seen["Yur'yev Andreyev"] && !seen["Yuryev Andreyev"] {
		t.Errorf("Everyday should vary as people do: %v", seen)
	}
}
