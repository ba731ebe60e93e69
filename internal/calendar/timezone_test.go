package calendar

import (
	"errors"
	"testing"
	"time"
)

// Rule G-1: Almaty is UTC+6 until 1 March 2024 00:00 and UTC+5 since; clocks went
// back from midnight to 23:00 of 29 February.
func TestAlmatyZoneChange(t *testing.T) {
	tests := []struct {
		name   string
		at     time.Time
		offset int
		date   Date
		clock  string
	}{
		{"Rule G-1: a second before the change, UTC+6", time.Date(2024, 2, 29, 17, 59, 59, 0, time.UTC), 6, D(2024, 2, 29), "23:59"},
		{"Rule G-1: at the change, UTC+5, back to 23:00", time.Date(2024, 2, 29, 18, 0, 0, 0, time.UTC), 5, D(2024, 2, 29), "23:00"},
		{"Rule G-1: 1 March 2024 09:00 is 04:00 UTC", time.Date(2024, 3, 1, 4, 0, 0, 0, time.UTC), 5, D(2024, 3, 1), "09:00"},
		{"Rule G-1: 2023 ran on UTC+6", time.Date(2023, 7, 1, 3, 0, 0, 0, time.UTC), 6, D(2023, 7, 1), "09:00"},
		{"Rule G-1: 2026 runs on UTC+5", time.Date(2026, 3, 20, 19, 30, 0, 0, time.UTC), 5, D(2026, 3, 21), "00:30"},
	}
	for _, tt := range tests {
		local := tt.at.In(Almaty)
		if _, off := local.Zone(); off != tt.offset*3600 || DateOf(tt.at) != tt.date || local.Format("15:04") != tt.clock {
			t.Errorf("%s: %s in Almaty = %s (date %s), want UTC%+d, %s %s", tt.name, tt.at, local, DateOf(tt.at), tt.offset, tt.date, tt.clock)
		}
	}
	if got := D(2024, 2, 28).At(9, 0).UTC(); !got.Equal(time.Date(2024, 2, 28, 3, 0, 0, 0, time.UTC)) {
		t.Errorf("Rule G-1: 2024-02-28 09:00 Almaty = %s, want 03:00 UTC", got)
	}
	if got := D(2024, 3, 1).At(9, 0).UTC(); !got.Equal(time.Date(2024, 3, 1, 4, 0, 0, 0, time.UTC)) {
		t.Errorf("Rule G-1: 2024-03-01 09:00 Almaty = %s, want 04:00 UTC", got)
	}
}

// A host whose zoneinfo predates the 2024 change must not shift deadlines: the
// embedded zone replaces it.
func TestAlmatyIgnoresStaleHostZone(t *testing.T) {
	stale := func(string) (*time.Location, error) { return time.FixedZone("+06", 6*3600), nil }
	missing := func(string) (*time.Location, error) { return nil, errors.New("no zoneinfo") }
	for name, load := range map[string]func(string) (*time.Location, error){"stale": stale, "missing": missing} {
		if err := checkAlmaty(loadAlmaty(load)); err != nil {
			t.Errorf("Rule G-1: with a %s host zone: %v", name, err)
		}
	}
	if checkAlmaty(time.FixedZone("+06", 6*3600)) == nil {
		t.Error("checkAlmaty accepted a zone without the 2024 change")
	}
}
