package iin

import (
	"errors"
	"testing"
)

func TestParseTellsIINFromBIN(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string // "iin", "bin" or an error code
	}{
		{"AC-F1 acceptance IIN", "921029350851", "iin"},
		{"AC-F1 acceptance IIN typed in two groups", "921029 350851", "iin"},
		{"AC-F1 acceptance IIN with a wrong check digit", "921029350852", CodeChecksum},
		{"AP-STD-6 BIN", "981140001105", "bin"},
		{"AP-STD-6 BIN with a wrong check digit", "981140001100", CodeChecksum},
		{"5th digit 3 is an IIN (day 30)", "920430350851", CodeChecksum},
		{"5th digit 7 is neither", "921070350851", CodeKind},
		{"5th digit 9 is neither", "921090350851", CodeKind},
		{"too short", "9210", CodeLength},
		{"punctuation", "921029.350851", CodeDigits},
	}
	for _, tt := range tests {
		v, err := Parse(tt.in)
		var got string
		var e *Error
		switch x := v.(type) {
		case IIN:
			got = "iin"
		case BIN:
			got = "bin"
		case nil:
			if errors.As(err, &e) {
				got = e.Code
			} else {
				got = "non-*Error: " + err.Error()
			}
		default:
			t.Fatalf("%s: Parse returned %T", tt.name, x)
		}
		if got != tt.want {
			t.Errorf("%s: Parse(%q) = %v, %v; want %s", tt.name, tt.in, v, err, tt.want)
		}
		if Valid(tt.in) != (tt.want == "iin" || tt.want == "bin") {
			t.Errorf("%s: Valid(%q) = %v", tt.name, tt.in, Valid(tt.in))
		}
	}
}

func TestNormalizeKeepsNumber(t *testing.T) {
	n, err := ParseIIN("\u2002921 029 350 851\n")
	if err != nil || n.Number != "921029350851" || n.String() != "921029350851" {
		t.Errorf("ParseIIN with en spaces = %+v, %v; want Number 921029350851", n, err)
	}
	b, err := ParseBIN("9811 4000 1105")
	if err != nil || b.Number != "981140001105" || b.String() != "981140001105" {
		t.Errorf("ParseBIN with spaces = %+v, %v; want Number 981140001105", b, err)
	}
}
