package iin

import (
	"errors"
	"testing"
	"time"
)

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func TestParseIIN(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		birth   time.Time
		sex     Sex
		century int
		serial  string
		code    string // empty when valid
	}{
		{name: "AC-F1 applicant IIN from the acceptance case", in: "921029350851",
			birth: date(1992, 10, 29), sex: Male, century: 20, serial: "5085"},
		{name: "AC-F1 acceptance case with a wrong check digit", in: "921029350852", code: CodeChecksum},
		{name: "21st century male, check digit from the second pass", in: "050315500503",
			birth: date(2005, 3, 15), sex: Male, century: 21, serial: "0050"},
		{name: "20th century female", in: "010101400007",
			birth: date(1901, 1, 1), sex: Female, century: 20, serial: "0000"},
		{name: "19th century male", in: "750701100003",
			birth: date(1875, 7, 1), sex: Male, century: 19, serial: "0000"},
		{name: "29 February 2000 (leap year)", in: "000229500008",
			birth: date(2000, 2, 29), sex: Male, century: 21, serial: "0000"},
		{name: "29 February 1900 (not a leap year)", in: "000229300005", code: CodeDate},
		{name: "spaces inside and around", in: " 921029 350851\t",
			birth: date(1992, 10, 29), sex: Male, century: 20, serial: "5085"},
		{name: "no-break space inside", in: "921029\u00a0350851",
			birth: date(1992, 10, 29), sex: Male, century: 20, serial: "5085"},
		{name: "both passes give 10", in: "050315500590", code: CodeNoCheckDigit},
		{name: "both passes give 10 whatever the 12th digit", in: "050315500599", code: CodeNoCheckDigit},
		{name: "month 13", in: "921329350851", code: CodeDate},
		{name: "month 00", in: "920029350851", code: CodeDate},
		{name: "day 00", in: "921000350851", code: CodeDate},
		{name: "31 April", in: "920431350851", code: CodeDate},
		{name: "century digit 0", in: "921029050851", code: CodeCentury},
		{name: "century digit 7", in: "921029750851", code: CodeCentury},
		{name: "a BIN where an IIN is required", in: "981140001105", code: CodeIsBIN},
		{name: "5th digit 8", in: "921089350851", code: CodeKind},
		{name: "11 digits", in: "92102935085", code: CodeLength},
		{name: "13 digits", in: "9210293508511", code: CodeLength},
		{name: "empty", in: "", code: CodeLength},
		{name: "a letter O for a zero", in: "921O29350851", code: CodeDigits},
		{name: "hyphens", in: "921029-350851", code: CodeDigits},
		{name: "Arabic-Indic digits", in: "٩٢١٠٢٩٣٥٠٨٥١", code: CodeDigits},
	}
	for _, tt := range tests {
		got, err := ParseIIN(tt.in)
		if tt.code != "" {
			var e *Error
			if !errors.As(err, &e) || e.Code != tt.code {
				t.Errorf("%s: ParseIIN(%q) = %+v, %v; want error code %q", tt.name, tt.in, got, err, tt.code)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: ParseIIN(%q) error %v", tt.name, tt.in, err)
			continue
		}
		if !got.BirthDate.Equal(tt.birth) || got.BirthDate.Location() != time.UTC || got.Sex != tt.sex ||
			got.Century != tt.century || got.Serial != tt.serial || len(got.Number) != 12 {
			t.Errorf("%s: ParseIIN(%q) = %+v; want birth %s, %v, century %d, serial %s",
				tt.name, tt.in, got, tt.birth.Format(time.DateOnly), tt.sex, tt.century, tt.serial)
		}
	}
}

// Every 12th digit but the right one is a checksum error.
func TestParseIINEveryWrongCheckDigit(t *testing.T) {
	for _, valid := range []string{"921029350851", "050315500503", "000229500008"} {
		for d := byte('0'); d <= '9'; d++ {
			s := valid[:11] + string(d)
			_, err := ParseIIN(s)
			var e *Error
			switch {
			case s == valid && err != nil:
				t.Errorf("ParseIIN(%q) error %v; want valid", s, err)
			case s != valid && (!errors.As(err, &e) || e.Code != CodeChecksum):
				t.Errorf("ParseIIN(%q) error %v; want code %q", s, err, CodeChecksum)
			}
		}
	}
}

func TestGenerate(t *testing.T) {
	tests := []struct {
		birth  time.Time
		sex    Sex
		serial int
		want   string
	}{
		{date(1992, 10, 29), Male, 5085, "921029350851"},
		{date(2005, 3, 15), Male, 50, "050315500503"},
		{date(1901, 1, 1), Female, 0, "010101400007"},
		{date(1875, 7, 1), Male, 0, "750701100003"},
		// The calendar date is read in birth's own location, not converted to UTC.
		{time.Date(1992, 10, 29, 23, 30, 0, 0, time.FixedZone("UTC+5", 5*3600)), Male, 5085, "921029350851"},
	}
	for _, tt := range tests {
		got, err := Generate(tt.birth, tt.sex, tt.serial)
		if err != nil || got != tt.want {
			t.Errorf("Generate(%s, %v, %d) = %q, %v; want %q", tt.birth, tt.sex, tt.serial, got, err, tt.want)
		}
	}
}

func TestGenerateRejects(t *testing.T) {
	tests := []struct {
		name   string
		birth  time.Time
		sex    Sex
		serial int
	}{
		{"no check digit", date(2005, 3, 15), Male, 59},
		{"sex zero", date(1992, 10, 29), 0, 1},
		{"serial negative", date(1992, 10, 29), Male, -1},
		{"serial 10000", date(1992, 10, 29), Male, 10000},
		{"born 1799", date(1799, 12, 31), Male, 1},
		{"born 2100", date(2100, 1, 1), Female, 1},
	}
	for _, tt := range tests {
		got, err := Generate(tt.birth, tt.sex, tt.serial)
		if err == nil {
			t.Errorf("%s: Generate = %q; want an error", tt.name, got)
		}
		if noDigit := errors.Is(err, ErrNoCheckDigit); noDigit != (tt.name == "no check digit") {
			t.Errorf("%s: errors.Is(%v, ErrNoCheckDigit) = %v", tt.name, err, noDigit)
		}
	}
}

func TestSexText(t *testing.T) {
	if Male.String() != "male" || Female.String() != "female" {
		t.Errorf("String() = %q, %q", Male, Female)
	}
	for _, s := range []Sex{Male, Female} {
		if !s.Text().Complete() {
			t.Errorf("%v.Text() = %+v; want all three languages", s, s.Text())
		}
	}
	if Male.Text() == Female.Text() {
		t.Error("Male and Female have the same text")
	}
}
