package iin

import (
	"errors"
	"fmt"
	"time"

	"qyzmet/internal/i18n"
)

// The BIN's 5th and 6th digits, as listed in python-stdnum stdnum/kz/bin.py (after
// the OECD's "Kazakhstan – Information on Tax Identification Numbers") and in the Law
// No. 223 definition of who gets a BIN: a legal entity (its branches and representative
// offices) and an individual entrepreneur operating in joint entrepreneurship.

// EntityKind is the BIN's 5th digit; its value is that digit.
type EntityKind int

const (
	ResidentEntity    EntityKind = 4 // legal entity, resident
	NonResidentEntity EntityKind = 5 // legal entity, non-resident
	JointEntrepreneur EntityKind = 6 // individual entrepreneur in joint entrepreneurship, ИП(С)
)

// String is the stable English key used in JSON.
func (k EntityKind) String() string {
	switch k {
	case ResidentEntity:
		return "resident-entity"
	case NonResidentEntity:
		return "non-resident-entity"
	case JointEntrepreneur:
		return "joint-entrepreneur"
	}
	return fmt.Sprintf("EntityKind(%d)", int(k))
}

// Text is the kind of entity in words in the three languages.
func (k EntityKind) Text() i18n.Text {
	switch k {
	case ResidentEntity:
		return i18n.Text{KK: "резидент заңды тұлға", RU: "юридическое лицо — резидент", EN: "resident legal entity"}
	case NonResidentEntity:
		return i18n.Text{KK: "бейрезидент заңды тұлға", RU: "юридическое лицо — нерезидент", EN: "non-resident legal entity"}
	case JointEntrepreneur:
		return i18n.Text{
			KK: "бірлескен кәсіпкерлік түрінде жұмыс істейтін жеке кәсіпкер",
			RU: "индивидуальный предприниматель в форме совместного предпринимательства",
			EN: "individual entrepreneur in joint entrepreneurship",
		}
	}
	return i18n.Text{KK: k.String(), RU: k.String(), EN: k.String()}
}

// SubKind is the BIN's 6th digit; its value is that digit.
type SubKind int

const (
	HeadUnit             SubKind = 0 // the legal entity (or joint entrepreneurship) itself
	Branch               SubKind = 1
	RepresentativeOffice SubKind = 2
	FarmEnterprise       SubKind = 3 // peasant (farm) enterprise in joint entrepreneurship
)

// String is the stable English key used in JSON.
func (k SubKind) String() string {
	switch k {
	case HeadUnit:
		return "head-unit"
	case Branch:
		return "branch"
	case RepresentativeOffice:
		return "representative-office"
	case FarmEnterprise:
		return "farm-enterprise"
	}
	return fmt.Sprintf("SubKind(%d)", int(k))
}

// Text is the sub-kind in words in the three languages.
func (k SubKind) Text() i18n.Text {
	switch k {
	case HeadUnit:
		return i18n.Text{KK: "бас ұйым", RU: "головная организация", EN: "head organisation"}
	case Branch:
		return i18n.Text{KK: "филиал", RU: "филиал", EN: "branch"}
	case RepresentativeOffice:
		return i18n.Text{KK: "өкілдік", RU: "представительство", EN: "representative office"}
	case FarmEnterprise:
		return i18n.Text{
			KK: "бірлескен кәсіпкерлік түріндегі шаруа (фермер) қожалығы",
			RU: "крестьянское (фермерское) хозяйство в форме совместного предпринимательства",
			EN: "peasant (farm) enterprise in joint entrepreneurship",
		}
	}
	return i18n.Text{KK: k.String(), RU: k.String(), EN: k.String()}
}

// BIN is a decoded business identification number.
type BIN struct {
	Number     string    // the 12 digits
	Registered time.Time // UTC midnight of the first day of the month of (re-)registration
	EntityKind EntityKind
	SubKind    SubKind
	Serial     string // digits 7–11
}

func (n BIN) String() string { return n.Number }

// ParseBIN decodes s as a BIN: 12 digits (white space ignored), a registration month
// YYMM, an entity kind 4–6, a sub-kind 0–3 and a matching check digit. An IIN is
// rejected with code "is-iin". Errors are *Error.
func ParseBIN(s string) (BIN, error) {
	num, err := normalize(s)
	if err != nil {
		return BIN{}, err
	}
	switch num[4] {
	case '0', '1', '2', '3':
		return BIN{}, &Error{Code: CodeIsIIN, Number: num}
	case '7', '8', '9':
		return BIN{}, &Error{Code: CodeEntityKind, Number: num}
	}
	month := atoi2(num[2:4])
	if month < 1 || month > 12 {
		return BIN{}, &Error{Code: CodeMonth, Number: num}
	}
	if num[5] > '3' {
		return BIN{}, &Error{Code: CodeSubKind, Number: num}
	}
	if err := verifyCheckDigit(num); err != nil {
		return BIN{}, err
	}
	return BIN{
		Number:     num,
		Registered: time.Date(binYear(atoi2(num[0:2])), time.Month(month), 1, 0, 0, 0, 0, time.UTC),
		EntityKind: EntityKind(num[4] - '0'),
		SubKind:    SubKind(num[5] - '0'),
		Serial:     num[6:11],
	}, nil
}

// binYear reads a BIN's two-digit year: 90–99 are the 1990s, 00–89 the 2000s (see the
// package comment).
func binYear(yy int) int {
	if yy >= 90 {
		return 1900 + yy
	}
	return 2000 + yy
}

// GenerateBIN builds the BIN registered in the month of registered (read in its own
// location; years 1990–2089) with the given kind, sub-kind and serial (0–99999, digits
// 7–11). When the serial leaves the number without a check digit it returns an *Error
// of code "no-check-digit" (errors.Is(err, ErrNoCheckDigit)), and the caller tries the
// next serial.
func GenerateBIN(registered time.Time, kind EntityKind, sub SubKind, serial int) (string, error) {
	if kind < ResidentEntity || kind > JointEntrepreneur {
		return "", fmt.Errorf("iin: generate BIN: entity kind %d is not 4, 5 or 6", int(kind))
	}
	if sub < HeadUnit || sub > FarmEnterprise {
		return "", fmt.Errorf("iin: generate BIN: sub-kind %d is not 0–3", int(sub))
	}
	if serial < 0 || serial > 99999 {
		return "", fmt.Errorf("iin: generate BIN: serial %d is outside 0–99999", serial)
	}
	y, m, _ := registered.Date()
	if y < 1990 || y > 2089 {
		return "", fmt.Errorf("iin: generate BIN: registration year %d is outside 1990–2089", y)
	}
	first11 := fmt.Sprintf("%02d%02d%d%d%05d", y%100, int(m), int(kind), int(sub), serial)
	return withCheckDigit(first11)
}

// NthBIN is the n-th (from 1) valid BIN of a resident legal entity's head
// unit registered in the month of registered, skipping serials whose number
// has no check digit: fixtures, demos and generated registries use it.
func NthBIN(registered time.Time, n int) (string, error) {
	left := n
	for serial := 1; serial < 100000; serial++ {
		b, err := GenerateBIN(registered, ResidentEntity, HeadUnit, serial)
		if errors.Is(err, ErrNoCheckDigit) {
			continue
		}
		if err != nil {
			return "", err
		}
		if left--; left <= 0 {
			return b, nil
		}
	}
	return "", fmt.Errorf("iin: no %d-th BIN in a month", n)
}
