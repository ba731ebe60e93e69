package i18n

import "testing"

func TestParse(t *testing.T) {
	tests := []struct {
		in   string
		want Lang
		ok   bool
	}{
		{"kk", KK, true}, {"KZ", KK, true}, {"ru-RU", RU, true}, {"en_GB", EN, true},
		{"de", "", false}, {"", "", false},
	}
	for _, tt := range tests {
		got, err := Parse(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("Parse(%q) = %q, %v; want %q, ok=%v", tt.in, got, err, tt.want, tt.ok)
		}
	}
}

func TestTextFallsBack(t *testing.T) {
	tx := Text{KK: "Анықтама", RU: "Справка"}
	if got := tx.In(EN); got != "Анықтама" {
		t.Errorf("In(EN) with no English = %q, want the Kazakh text", got)
	}
	if got := tx.In(RU); got != "Справка" {
		t.Errorf("In(RU) = %q", got)
	}
	if tx.Complete() {
		t.Error("Complete() = true for a text without English")
	}
}
