package iin

import (
	"fmt"
	"time"

	"qyzmet/internal/i18n"
)

// Sex as encoded in the 7th digit of an IIN: odd digits are male, even female.
type Sex int

const (
	Male   Sex = 1
	Female Sex = 2
)

// String is the stable English key ("male", "female") used in JSON.
func (s Sex) String() string {
	switch s {
	case Male:
		return "male"
	case Female:
		return "female"
	}
	return fmt.Sprintf("Sex(%d)", int(s))
}

// Text is the sex in words in the three languages.
func (s Sex) Text() i18n.Text {
	switch s {
	case Male:
		return i18n.Text{KK: "ер", RU: "мужской", EN: "male"}
	case Female:
		return i18n.Text{KK: "әйел", RU: "женский", EN: "female"}
	}
	return i18n.Text{KK: s.String(), RU: s.String(), EN: s.String()}
}

// IIN is a decoded individual identification number.
type IIN struct {
	Number    string    // the 12 digits
	BirthDate time.Time // UTC midnight of the date of birth
	Sex       Sex
	Century   int    // century of birth as an ordinal: 19, 20 or 21
	Serial    string // digits 8–11
}

func (n IIN) String() string { return n.Number }

// ParseIIN decodes s as an IIN: 12 digits (white space ignored), a real date of birth
// YYMMDD, a century-and-sex digit 1–6 and a matching check digit. A BIN is rejected with
// code "is-bin". Errors are *Error.
func ParseIIN(s string) (IIN, error) {
	num, err := normalize(s)
	if err != nil {
		return IIN{}, err
	}
	switch num[4] {
	case '4', '5', '6':
		return IIN{}, &Error{Code: CodeIsBIN, Number: num}
	case '7', '8', '9':
		return IIN{}, &Error{Code: CodeKind, Number: num}
	}
	c := int(num[6] - '0')
	if c < 1 || c > 6 {
		return IIN{}, &Error{Code: CodeCentury, Number: num}
	}
	// 1, 2: born 1800–1899; 3, 4: 1900–1999; 5, 6: 2000–2099.
	year := 1800 + 100*((c-1)/2) + atoi2(num[0:2])
	birth, ok := realDate(year, atoi2(num[2:4]), atoi2(num[4:6]))
	if !ok {
		return IIN{}, &Error{Code: CodeDate, Number: num}
	}
	if err := verifyCheckDigit(num); err != nil {
		return IIN{}, err
	}
	sex := Female
	if c%2 == 1 {
		sex = Male
	}
	return IIN{Number: num, BirthDate: birth, Sex: sex, Century: 19 + (c-1)/2, Serial: num[7:11]}, nil
}

// Generate builds the IIN of a person born on the calendar date of birth (read in
// birth's own location) with the given sex and serial (0–9999, digits 8–11). When the
// serial leaves the number without a check digit it returns an *Error of code
// "no-check-digit" (errors.Is(err, ErrNoCheckDigit)), and the caller tries the next serial.
// Birth years outside 1800–2099 cannot be encoded.
func Generate(birth time.Time, sex Sex, serial int) (string, error) {
	if sex != Male && sex != Female {
		return "", fmt.Errorf("iin: generate: sex %d is neither Male nor Female", int(sex))
	}
	if serial < 0 || serial > 9999 {
		return "", fmt.Errorf("iin: generate: serial %d is outside 0–9999", serial)
	}
	y, m, d := birth.Date()
	if y < 1800 || y > 2099 {
		return "", fmt.Errorf("iin: generate: birth year %d is outside 1800–2099", y)
	}
	c := 1 + 2*((y-1800)/100)
	if sex == Female {
		c++
	}
	first11 := fmt.Sprintf("%02d%02d%02d%d%04d", y%100, int(m), d, c, serial)
	return withCheckDigit(first11)
}

// atoi2 reads two ASCII digits.
func atoi2(s string) int { return int(s[0]-'0')*10 + int(s[1]-'0') }

// realDate is UTC midnight of year-month-day, and false when no such day exists
// (month 13, 31 April, 29 February of a common year, day 0).
func realDate(year, month, day int) (time.Time, bool) {
	if month < 1 || month > 12 || day < 1 {
		return time.Time{}, false
	}
	t := time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
	return t, t.Day() == day
}

// verifyCheckDigit checks the 12th digit of a normalised number.
func verifyCheckDigit(num string) error {
	want, ok := CheckDigit(num[:11])
	if !ok {
		return &Error{Code: CodeNoCheckDigit, Number: num}
	}
	if int(num[11]-'0') != want {
		return &Error{Code: CodeChecksum, Number: num}
	}
	return nil
}

// withCheckDigit appends the check digit to 11 digits.
func withCheckDigit(first11 string) (string, error) {
	d, ok := CheckDigit(first11)
	if !ok {
		return "", &Error{Code: CodeNoCheckDigit, Number: first11}
	}
	return first11 + string(rune('0'+d)), nil
}
