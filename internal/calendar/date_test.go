package calendar

import (
	"encoding/json"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want Date
		ok   bool
	}{
		{"2026-03-20", D(2026, time.March, 20), true},
		{"2024-02-29", D(2024, time.February, 29), true},
		{"2026-02-29", Date{}, false},
		{"2026-3-20", Date{}, false},
		{"20.03.2026", Date{}, false},
		{"", Date{}, false},
	}
	for _, tt := range tests {
		got, err := ParseDate(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("ParseDate(%q) = %v, %v; want %v, ok=%v", tt.in, got, err, tt.want, tt.ok)
		}
	}
}

func TestDateArithmetic(t *testing.T) {
	d := D(2026, time.January, 31)
	tests := []struct {
		name string
		got  Date
		want string
	}{
		{"D normalises", D(2026, time.February, 30), "2026-03-02"},
		{"AddDays forward across a year", D(2025, time.December, 30).AddDays(3), "2026-01-02"},
		{"AddDays back", D(2026, time.March, 1).AddDays(-1), "2026-02-28"},
		{"AddMonths clamps to 28 February", d.AddMonths(1), "2026-02-28"},
		{"AddMonths clamps to 29 February in a leap year", D(2024, time.January, 31).AddMonths(1), "2024-02-29"},
		{"AddMonths keeps the day when it exists", d.AddMonths(2), "2026-03-31"},
		{"AddMonths across a year", D(2025, time.November, 30).AddMonths(3), "2026-02-28"},
		{"AddMonths back", D(2026, time.March, 31).AddMonths(-1), "2026-02-28"},
		{"AddMonths by 12", D(2024, time.February, 29).AddMonths(12), "2025-02-28"},
	}
	for _, tt := range tests {
		if tt.got.String() != tt.want {
			t.Errorf("%s: got %s, want %s", tt.name, tt.got, tt.want)
		}
	}
	if D(2026, 3, 20).Weekday() != time.Friday {
		t.Errorf("2026-03-20 is a Friday, got %s", D(2026, 3, 20).Weekday())
	}
	a, b := D(2026, 3, 20), D(2026, 3, 21)
	if a.Compare(b) != -1 || b.Compare(a) != 1 || a.Compare(a) != 0 || !a.Before(b) || !b.After(a) || a.After(b) {
		t.Error("Compare/Before/After disagree on 2026-03-20 < 2026-03-21")
	}
	if D(2025, 12, 31).Compare(D(2026, 1, 1)) != -1 || D(2026, 2, 1).Compare(D(2026, 1, 31)) != 1 {
		t.Error("Compare is wrong across a month or a year")
	}
	if !(Date{}).IsZero() || a.IsZero() || (Date{}).String() != "" {
		t.Error("zero date")
	}
}

func TestDateText(t *testing.T) {
	type doc struct {
		Due  Date `json:"due" yaml:"due"`
		None Date `json:"none,omitzero" yaml:"none,omitempty"`
	}
	b, err := json.Marshal(doc{Due: D(2026, 3, 26)})
	if err != nil || string(b) != `{"due":"2026-03-26"}` {
		t.Errorf("json = %s, %v", b, err)
	}
	var back doc
	if err := json.Unmarshal([]byte(`{"due":"2026-03-26"}`), &back); err != nil || back.Due != D(2026, 3, 26) {
		t.Errorf("json back = %+v, %v", back, err)
	}
	if err := json.Unmarshal([]byte(`{"due":"26.03.2026"}`), &back); err == nil {
		t.Error("json accepted 26.03.2026")
	}
	// An unquoted YAML date resolves as a timestamp; it must still arrive as a Date.
	var y doc
	if err := yaml.Unmarshal([]byte("due: 2026-03-26\n"), &y); err != nil || y.Due != D(2026, 3, 26) {
		t.Errorf("yaml = %+v, %v", y, err)
	}
	out, err := yaml.Marshal(doc{Due: D(2026, 3, 26)})
	if err != nil || string(out) != "due: \"2026-03-26\"\n" {
		t.Errorf("yaml out = %q, %v", out, err)
	}
}
