package iin

import (
	"strings"
	"unicode"
)

// Parse decodes s as an IIN or a BIN, told apart by the 5th digit (0–3: the first
// digit of an IIN's day of birth; 4–6: a BIN's kind of entity). The result is an IIN or
// a BIN value, and nil with an *Error when s is neither.
func Parse(s string) (any, error) {
	num, err := normalize(s)
	if err != nil {
		return nil, err
	}
	switch num[4] {
	case '0', '1', '2', '3':
		n, err := ParseIIN(num)
		if err != nil {
			return nil, err // not a typed zero value inside a non-nil any
		}
		return n, nil
	case '4', '5', '6':
		n, err := ParseBIN(num)
		if err != nil {
			return nil, err
		}
		return n, nil
	}
	return nil, &Error{Code: CodeKind, Number: num}
}

// Valid reports whether s is a valid IIN or BIN.
func Valid(s string) bool {
	_, err := Parse(s)
	return err == nil
}

// normalize removes white space anywhere in s (people type "921029 350851") and
// checks that 12 ASCII digits remain.
func normalize(s string) (string, error) {
	s = strings.TrimSpace(s)
	if len(s) == 12 && allDigits(s) {
		return s, nil
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		default:
			return "", &Error{Code: CodeDigits, Number: s}
		}
	}
	if b.Len() != 12 {
		return "", &Error{Code: CodeLength, Number: b.String()}
	}
	return b.String(), nil
}
