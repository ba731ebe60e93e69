package calendar

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"
)

var (
	weekdays = []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday}
	// Rule CR-STD-7: the provider works Mon–Fri 09:00–18:30 with lunch 13:00–14:30.
	provider = Schedule{Days: weekdays, Open: Clock{9, 0}, Close: Clock{18, 30}, LunchFrom: &Clock{13, 0}, LunchTo: &Clock{14, 30}}
	// Rule CR-STD-7: the State Corporation works Mon–Fri 09:00–18:00 without lunch.
	stateCorp = Schedule{Days: weekdays, Open: Clock{9, 0}, Close: Clock{18, 0}}
	// Rule AC-8: for the court apostille the State Corporation works Mon–Sat 09:00–20:00.
	stateCorpSat = Schedule{Days: append(append([]time.Weekday{}, weekdays...), time.Saturday), Open: Clock{9, 0}, Close: Clock{20, 0}}
	portal       = Schedule{RoundTheClock: true}
)

func TestScheduleOpenOn(t *testing.T) {
	tests := []struct {
		name  string
		sched Schedule
		date  string
		open  bool
	}{
		{"Rule CR-STD-7: provider open on a Wednesday", provider, "2026-04-08", true},
		{"Rule CR-STD-7: provider closed on a Saturday", provider, "2026-04-04", false},
		{"Rule CR-STD-7: provider closed on Nauryz", provider, "2026-03-23", false},
		{"Rule CR-STD-7: provider closed on a Nauryz carry-over", provider, "2026-03-24", false},
		{"Rule CR-STD-7: provider closed on Kurban Ait", provider, "2026-05-27", false},
		{"Rule CR-STD-7 + G-1: provider open on the worked Saturday 4 May 2024", provider, "2024-05-04", true},
		{"Rule CR-STD-7 + G-1: provider closed on the transferred Wednesday 8 May 2024", provider, "2024-05-08", false},
		{"Rule CR-STD-7 + G-1: State Corporation open on the worked Sunday 5 January 2025", stateCorp, "2025-01-05", true},
		{"Rule AC-8: State Corporation (Mon–Sat) open on a plain Saturday", stateCorpSat, "2026-04-04", true},
		{"Rule AC-8: State Corporation (Mon–Sat) closed on Sunday", stateCorpSat, "2026-04-05", false},
		{"Rule AC-8: State Corporation (Mon–Sat) closed on a Saturday holiday (Victory Day 2026)", stateCorpSat, "2026-05-09", false},
		{"Rule AC-8: State Corporation (Mon–Sat) closed on the Monday carried over from it", stateCorpSat, "2026-05-11", false},
		{"Rule AC-8: State Corporation (Mon–Sat) open on the worked Sunday 5 January 2025", stateCorpSat, "2025-01-05", true},
		{"Rule G-3: the portal is open on a holiday", portal, "2026-03-23", true},
	}
	for _, tt := range tests {
		if got := tt.sched.OpenOn(Default(), mustDate(t, tt.date)); got != tt.open {
			t.Errorf("%s: OpenOn(%s) = %v, want %v", tt.name, tt.date, got, tt.open)
		}
	}
}

func TestScheduleOpenAt(t *testing.T) {
	// Tuesday 7 April 2026 in Almaty (UTC+5).
	at := func(h, m int) time.Time { return time.Date(2026, 4, 7, h-5, m, 0, 0, time.UTC) }
	tests := []struct {
		name  string
		sched Schedule
		t     time.Time
		open  bool
	}{
		{"Rule CR-STD-7: provider before opening", provider, at(8, 59), false},
		{"Rule CR-STD-7: provider at opening", provider, at(9, 0), true},
		{"Rule CR-STD-7: provider just before lunch", provider, at(12, 59), true},
		{"Rule CR-STD-7: provider at lunch", provider, at(13, 0), false},
		{"Rule CR-STD-7: provider at the end of lunch", provider, at(14, 29), false},
		{"Rule CR-STD-7: provider after lunch", provider, at(14, 30), true},
		{"Rule CR-STD-7: provider a minute before closing", provider, at(18, 29), true},
		{"Rule CR-STD-7: provider at closing", provider, at(18, 30), false},
		{"Rule CR-STD-7: State Corporation has no lunch break", stateCorp, at(13, 30), true},
		{"Rule CR-STD-7: State Corporation closed at 18:00", stateCorp, at(18, 0), false},
		{"Rule AC-8: State Corporation (Mon–Sat) open at 19:59", stateCorpSat, at(19, 59), true},
		{"Rule AC-8: State Corporation (Mon–Sat) on Saturday morning", stateCorpSat, time.Date(2026, 4, 11, 5, 0, 0, 0, time.UTC), true},
		{"Rule CR-STD-7: provider on a Saturday morning", provider, time.Date(2026, 4, 11, 5, 0, 0, 0, time.UTC), false},
		{"Rule CR-STD-7: provider at 10:00 on Nauryz", provider, time.Date(2026, 3, 23, 5, 0, 0, 0, time.UTC), false},
		{"Rule G-3: portal at 03:00 on a Sunday", portal, time.Date(2026, 4, 11, 22, 0, 0, 0, time.UTC), true},
		{"Rule G-1: provider at 09:30 on 29 February 2024 (UTC+6)", provider, time.Date(2024, 2, 29, 3, 30, 0, 0, time.UTC), true},
		{"Rule G-1: provider at 08:30 on 1 March 2024 (UTC+5)", provider, time.Date(2024, 3, 1, 3, 30, 0, 0, time.UTC), false},
	}
	for _, tt := range tests {
		if got := tt.sched.OpenAt(Default(), tt.t); got != tt.open {
			t.Errorf("%s: OpenAt(%s) = %v, want %v", tt.name, tt.t.In(Almaty), got, tt.open)
		}
	}
}

func TestScheduleOpeningClosing(t *testing.T) {
	tests := []struct {
		name string
		got  time.Time
		want time.Time
	}{
		{"Rule CR-STD-7 + G-1: provider opens 09:00 UTC+6 before the change", provider.Opening(D(2024, 2, 29)), time.Date(2024, 2, 29, 3, 0, 0, 0, time.UTC)},
		{"Rule CR-STD-7 + G-1: provider closes 18:30 UTC+5 after the change", provider.Closing(D(2024, 3, 1)), time.Date(2024, 3, 1, 13, 30, 0, 0, time.UTC)},
		{"Rule G-3: portal day starts at midnight", portal.Opening(D(2026, 3, 20)), time.Date(2026, 3, 19, 19, 0, 0, 0, time.UTC)},
		{"Rule G-3: portal day ends at the next midnight", portal.Closing(D(2026, 3, 20)), time.Date(2026, 3, 20, 19, 0, 0, 0, time.UTC)},
	}
	for _, tt := range tests {
		if !tt.got.Equal(tt.want) {
			t.Errorf("%s: %s, want %s", tt.name, tt.got.UTC(), tt.want)
		}
	}
}

func TestScheduleYAML(t *testing.T) {
	const in = `
days: [mon, tue, wed, thu, fri]
open: "09:00"
close: 18:30
lunch_from: "13:00"
lunch_to: "14:30"
`
	var s Schedule
	if err := yaml.Unmarshal([]byte(in), &s); err != nil {
		t.Fatal(err)
	}
	if s.Open != provider.Open || s.Close != provider.Close || *s.LunchFrom != *provider.LunchFrom || *s.LunchTo != *provider.LunchTo || len(s.Days) != 5 || s.Days[0] != time.Monday {
		t.Errorf("Rule CR-STD-7: parsed %+v, want the provider schedule", s)
	}
	out, err := yaml.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	var back Schedule
	if err := yaml.Unmarshal(out, &back); err != nil || back.Close != s.Close || len(back.Days) != 5 {
		t.Errorf("round trip through %q: %+v, %v", out, back, err)
	}
	var p Schedule
	if err := yaml.Unmarshal([]byte("round_the_clock: true\n"), &p); err != nil || !p.RoundTheClock {
		t.Errorf("Rule G-3: portal schedule = %+v, %v", p, err)
	}

	bad := []struct{ name, in, msg string }{
		{"unknown field", "days: [mon]\nopen: \"09:00\"\nclose: \"18:00\"\nlunch: \"13:00\"\n", `no field "lunch"`},
		{"full day name", "days: [monday]\nopen: \"09:00\"\nclose: \"18:00\"\n", `"monday" is not a weekday`},
		{"day twice", "days: [mon, mon]\nopen: \"09:00\"\nclose: \"18:00\"\n", "twice"},
		{"no days", "open: \"09:00\"\nclose: \"18:00\"\n", "no working days"},
		{"no closing", "days: [mon]\nopen: \"09:00\"\n", "open and close"},
		{"closing before opening", "days: [mon]\nopen: \"18:00\"\nclose: \"09:00\"\n", "before closing"},
		{"bad time", "days: [mon]\nopen: \"9:00\"\nclose: \"18:00\"\n", "HH:MM"},
		{"hour 25", "days: [mon]\nopen: \"09:00\"\nclose: \"25:00\"\n", "HH:MM"},
		{"half a lunch", "days: [mon]\nopen: \"09:00\"\nclose: \"18:00\"\nlunch_from: \"13:00\"\n", "both"},
		{"lunch outside hours", "days: [mon]\nopen: \"09:00\"\nclose: \"18:00\"\nlunch_from: \"17:30\"\nlunch_to: \"18:30\"\n", "inside the hours"},
		{"round the clock with hours", "round_the_clock: true\nopen: \"09:00\"\nclose: \"18:00\"\n", "states no days or hours"},
	}
	for _, tt := range bad {
		var s Schedule
		err := yaml.Unmarshal([]byte(tt.in), &s)
		var e *Error
		if err == nil || !strings.Contains(err.Error(), tt.msg) || (errors.As(err, &e) && !e.Text.Complete()) {
			t.Errorf("%s: error = %v, want one containing %q", tt.name, err, tt.msg)
		}
	}
}

func TestScheduleJSON(t *testing.T) {
	b, err := json.Marshal(stateCorpSat)
	if err != nil {
		t.Fatal(err)
	}
	const want = `{"days":["mon","tue","wed","thu","fri","sat"],"open":"09:00","close":"20:00"}`
	if string(b) != want {
		t.Errorf("Rule AC-8: json = %s, want %s", b, want)
	}
	var back Schedule
	if err := json.Unmarshal(b, &back); err != nil || len(back.Days) != 6 || back.Close != (Clock{20, 0}) {
		t.Errorf("json back = %+v, %v", back, err)
	}
	if err := json.Unmarshal([]byte(`{"days":["mon"],"open":"09:00","close":"18:00","shift":1}`), &back); err == nil {
		t.Error("json accepted an unknown field")
	}
}
