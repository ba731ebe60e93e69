package iin

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

// checkAccepted asserts what every accepted number must satisfy: 12 ASCII digits made
// of the input's digits, ending in the check digit of the first 11.
func checkAccepted(t *testing.T, in, number string) {
	t.Helper()
	if len(number) != 12 || !allDigits(number) {
		t.Fatalf("%q accepted as %q, not 12 digits", in, number)
	}
	if stripped := strings.Join(strings.Fields(in), ""); stripped != number {
		t.Fatalf("%q accepted as %q; the digits of the input are %q", in, number, stripped)
	}
	d, ok := CheckDigit(number[:11])
	if !ok || int(number[11]-'0') != d {
		t.Fatalf("%q accepted, but CheckDigit(%q) = %d, %v", in, number[:11], d, ok)
	}
}

func FuzzParseIIN(f *testing.F) {
	for _, s := range []string{"921029350851", "921029350852", "921029 350851", "050315500590",
		"000229300005", "981140001105", "", "92102935085１", "\u00a0921029350851"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := ParseIIN(s)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("ParseIIN(%q) error %v is not *Error", s, err)
			}
			if e.Message("kk") == "" || e.Message("ru") == "" || e.Message("en") == "" {
				t.Fatalf("ParseIIN(%q): code %q has an empty message", s, e.Code)
			}
			return
		}
		checkAccepted(t, s, n.Number)
		// The decoded fields give the number back.
		if got := n.BirthDate.Format("060102"); got != n.Number[:6] {
			t.Fatalf("ParseIIN(%q) birth date %s does not encode as %s", s, got, n.Number[:6])
		}
		again, err := Generate(n.BirthDate, n.Sex, atoi4(n.Serial))
		if err != nil || again != n.Number {
			t.Fatalf("ParseIIN(%q) = %+v, but Generate gives %q, %v", s, n, again, err)
		}
	})
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"921029350851", "981140001105", "990 140 004 654", "150340000090",
		"949940000385", "921070350851"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := Parse(s)
		if (v == nil) == (err == nil) || Valid(s) != (err == nil) {
			t.Fatalf("Parse(%q) = %v, %v: exactly one of them must be nil; Valid = %v", s, v, err, Valid(s))
		}
		switch n := v.(type) {
		case IIN:
			checkAccepted(t, s, n.Number)
		case BIN:
			checkAccepted(t, s, n.Number)
			again, err := GenerateBIN(n.Registered, n.EntityKind, n.SubKind, atoi5(n.Serial))
			if err != nil || again != n.Number {
				t.Fatalf("ParseBIN(%q) = %+v, but GenerateBIN gives %q, %v", s, n, again, err)
			}
		}
	})
}

func FuzzGenerate(f *testing.F) {
	f.Add(int64(0), true, 5085)
	f.Add(int64(-2e9), false, 59)
	f.Add(int64(4e9), true, 9999)
	f.Fuzz(func(t *testing.T, day int64, male bool, serial int) {
		// Spread the seed over 1800–2099 so every century digit is reached.
		start, end := time.Date(1800, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC)
		days := int64(end.Sub(start).Hours() / 24)
		birth := start.AddDate(0, 0, int((day%days+days)%days))
		sex := Female
		if male {
			sex = Male
		}
		serial = (serial%10000 + 10000) % 10000
		num, err := Generate(birth, sex, serial)
		if errors.Is(err, ErrNoCheckDigit) {
			if _, ok := CheckDigit(num); ok {
				t.Fatal("no-check-digit error with a number")
			}
			return
		}
		if err != nil {
			t.Fatalf("Generate(%s, %v, %d): %v", birth.Format(time.DateOnly), sex, serial, err)
		}
		n, err := ParseIIN(num)
		if err != nil {
			t.Fatalf("Generate(%s, %v, %d) = %q, which ParseIIN rejects: %v", birth.Format(time.DateOnly), sex, serial, num, err)
		}
		if !n.BirthDate.Equal(birth) || n.Sex != sex || n.Serial != fmt.Sprintf("%04d", serial) ||
			n.Century != birth.Year()/100+1 {
			t.Fatalf("Generate(%s, %v, %d) = %q, parsed back as %+v", birth.Format(time.DateOnly), sex, serial, num, n)
		}
	})
}

func FuzzGenerateBIN(f *testing.F) {
	f.Add(0, 4, 0, 110)
	f.Add(1199, 6, 3, 99999)
	f.Fuzz(func(t *testing.T, month, kind, sub, serial int) {
		// months since 1990-01 up to 2089-12; kinds 4–6; sub-kinds 0–3.
		month = (month%1200 + 1200) % 1200
		registered := time.Date(1990+month/12, time.Month(month%12+1), 1, 0, 0, 0, 0, time.UTC)
		k := EntityKind(4 + (kind%3+3)%3)
		s := SubKind((sub%4 + 4) % 4)
		serial = (serial%100000 + 100000) % 100000
		num, err := GenerateBIN(registered, k, s, serial)
		if errors.Is(err, ErrNoCheckDigit) {
			return
		}
		if err != nil {
			t.Fatalf("GenerateBIN(%s, %v, %v, %d): %v", registered.Format("2006-01"), k, s, serial, err)
		}
		b, err := ParseBIN(num)
		if err != nil || !b.Registered.Equal(registered) || b.EntityKind != k || b.SubKind != s ||
			b.Serial != fmt.Sprintf("%05d", serial) {
			t.Fatalf("GenerateBIN(%s, %v, %v, %d) = %q, parsed back as %+v, %v",
				registered.Format("2006-01"), k, s, serial, num, b, err)
		}
	})
}

func atoi4(s string) int { return atoi2(s[:2])*100 + atoi2(s[2:]) }
func atoi5(s string) int { return int(s[0]-'0')*10000 + atoi4(s[1:]) }
