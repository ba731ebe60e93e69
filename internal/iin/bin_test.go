package iin

import (
	"errors"
	"testing"
	"time"
)

func TestParseBIN(t *testing.T) {
	tests := []struct {
		name       string
		in         string
		registered time.Time
		kind       EntityKind
		sub        SubKind
		serial     string
		code       string // empty when valid
	}{
		{name: "AP-STD-6 BIN of the State Revenue Office in the apostille payment details", in: "981140001105",
			registered: date(1998, 11, 1), kind: ResidentEntity, sub: HeadUnit, serial: "00110"},
		{name: "python-stdnum example", in: "940140000385",
			registered: date(1994, 1, 1), kind: ResidentEntity, sub: HeadUnit, serial: "00038"},
		{name: "python-stdnum example with spaces", in: "990 140 004 654",
			registered: date(1999, 1, 1), kind: ResidentEntity, sub: HeadUnit, serial: "00465"},
		{name: "resident entity 2015", in: "150340001236",
			registered: date(2015, 3, 1), kind: ResidentEntity, sub: HeadUnit, serial: "00123"},
		{name: "non-resident branch", in: "200751001232",
			registered: date(2020, 7, 1), kind: NonResidentEntity, sub: Branch, serial: "00123"},
		{name: "joint entrepreneur representative office", in: "071262001238",
			registered: date(2007, 12, 1), kind: JointEntrepreneur, sub: RepresentativeOffice, serial: "00123"},
		{name: "farm enterprise", in: "990143001238",
			registered: date(1999, 1, 1), kind: ResidentEntity, sub: FarmEnterprise, serial: "00123"},
		{name: "AP-STD-6 BIN with a wrong check digit", in: "981140001106", code: CodeChecksum},
		{name: "both passes give 10", in: "150340000090", code: CodeNoCheckDigit},
		{name: "month 13", in: "981340001105", code: CodeMonth},
		{name: "month 00", in: "980040001105", code: CodeMonth},
		{name: "month 99 (python-stdnum)", in: "949940000385", code: CodeMonth},
		{name: "entity kind 7", in: "981170001105", code: CodeEntityKind},
		{name: "sub-kind 9 (python-stdnum)", in: "940149000385", code: CodeSubKind},
		{name: "an IIN where a BIN is required", in: "921029350851", code: CodeIsIIN},
		{name: "letters", in: "12345678901X", code: CodeDigits},
		{name: "five digits", in: "12345", code: CodeLength},
	}
	for _, tt := range tests {
		got, err := ParseBIN(tt.in)
		if tt.code != "" {
			var e *Error
			if !errors.As(err, &e) || e.Code != tt.code {
				t.Errorf("%s: ParseBIN(%q) = %+v, %v; want error code %q", tt.name, tt.in, got, err, tt.code)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: ParseBIN(%q) error %v", tt.name, tt.in, err)
			continue
		}
		if !got.Registered.Equal(tt.registered) || got.Registered.Location() != time.UTC || got.EntityKind != tt.kind ||
			got.SubKind != tt.sub || got.Serial != tt.serial || len(got.Number) != 12 {
			t.Errorf("%s: ParseBIN(%q) = %+v; want %s, %v, %v, serial %s",
				tt.name, tt.in, got, tt.registered.Format("2006-01"), tt.kind, tt.sub, tt.serial)
		}
	}
}

func TestParseBINEveryWrongCheckDigit(t *testing.T) {
	valid := "981140001105" // Rule AP-STD-6
	for d := byte('0'); d <= '9'; d++ {
		s := valid[:11] + string(d)
		_, err := ParseBIN(s)
		var e *Error
		switch {
		case s == valid && err != nil:
			t.Errorf("AP-STD-6: ParseBIN(%q) error %v; want valid", s, err)
		case s != valid && (!errors.As(err, &e) || e.Code != CodeChecksum):
			t.Errorf("AP-STD-6: ParseBIN(%q) error %v; want code %q", s, err, CodeChecksum)
		}
	}
}

func TestBINYearPivot(t *testing.T) {
	for yy, want := range map[int]int{0: 2000, 26: 2026, 89: 2089, 90: 1990, 99: 1999} {
		if got := binYear(yy); got != want {
			t.Errorf("binYear(%02d) = %d; want %d", yy, got, want)
		}
	}
}

func TestGenerateBIN(t *testing.T) {
	tests := []struct {
		registered time.Time
		kind       EntityKind
		sub        SubKind
		serial     int
		want       string
	}{
		{date(1998, 11, 17), ResidentEntity, HeadUnit, 110, "981140001105"}, // Rule AP-STD-6
		{date(2020, 7, 1), NonResidentEntity, Branch, 123, "200751001232"},
		{date(2007, 12, 31), JointEntrepreneur, RepresentativeOffice, 123, "071262001238"},
	}
	for _, tt := range tests {
		got, err := GenerateBIN(tt.registered, tt.kind, tt.sub, tt.serial)
		if err != nil || got != tt.want {
			t.Errorf("GenerateBIN(%s, %v, %v, %d) = %q, %v; want %q", tt.registered.Format(time.DateOnly),
				tt.kind, tt.sub, tt.serial, got, err, tt.want)
		}
	}
}

func TestGenerateBINRejects(t *testing.T) {
	tests := []struct {
		name       string
		registered time.Time
		kind       EntityKind
		sub        SubKind
		serial     int
	}{
		{"no check digit", date(2015, 3, 1), ResidentEntity, HeadUnit, 9},
		{"kind 3", date(2015, 3, 1), 3, HeadUnit, 1},
		{"kind 7", date(2015, 3, 1), 7, HeadUnit, 1},
		{"sub-kind 4", date(2015, 3, 1), ResidentEntity, 4, 1},
		{"sub-kind -1", date(2015, 3, 1), ResidentEntity, -1, 1},
		{"serial 100000", date(2015, 3, 1), ResidentEntity, HeadUnit, 100000},
		{"serial -1", date(2015, 3, 1), ResidentEntity, HeadUnit, -1},
		{"year 1989", date(1989, 12, 1), ResidentEntity, HeadUnit, 1},
		{"year 2090", date(2090, 1, 1), ResidentEntity, HeadUnit, 1},
	}
	for _, tt := range tests {
		got, err := GenerateBIN(tt.registered, tt.kind, tt.sub, tt.serial)
		if err == nil {
			t.Errorf("%s: GenerateBIN = %q; want an error", tt.name, got)
		}
		if noDigit := errors.Is(err, ErrNoCheckDigit); noDigit != (tt.name == "no check digit") {
			t.Errorf("%s: errors.Is(%v, ErrNoCheckDigit) = %v", tt.name, err, noDigit)
		}
	}
}

func TestKindTexts(t *testing.T) {
	seen := map[string]bool{}
	for _, k := range []EntityKind{ResidentEntity, NonResidentEntity, JointEntrepreneur} {
		if !k.Text().Complete() || seen[k.Text().EN] || seen[k.String()] {
			t.Errorf("%v: text %+v incomplete or repeated", k, k.Text())
		}
		seen[k.Text().EN], seen[k.String()] = true, true
	}
	for _, k := range []SubKind{HeadUnit, Branch, RepresentativeOffice, FarmEnterprise} {
		if !k.Text().Complete() || seen[k.Text().EN] || seen[k.String()] {
			t.Errorf("%v: text %+v incomplete or repeated", k, k.Text())
		}
		seen[k.Text().EN], seen[k.String()] = true, true
	}
}

// NthBIN counts only the serials that give a valid BIN.
func TestNthBIN(t *testing.T) {
	month := time.Date(2015, 3, 1, 0, 0, 0, 0, time.UTC)
	seen := map[string]bool{}
	for n := 1; n <= 20; n++ {
		b, err := NthBIN(month, n)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := ParseBIN(b); err != nil || seen[b] {
			t.Fatalf("NthBIN(%d) = %s: %v (seen %v)", n, b, err, seen[b])
		}
		seen[b] = true
	}
}
