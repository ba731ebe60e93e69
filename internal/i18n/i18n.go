// Package i18n holds the three languages of Qyzmet — Kazakh (the state language and
// the default), Russian and English — and the trilingual text type that standards,
// calendars and documents carry.
package i18n

import (
	"fmt"
	"strings"
)

// Lang is a language code as it appears in URLs, cookies and CLI flags.
type Lang string

const (
	KK Lang = "kk"
	RU Lang = "ru"
	EN Lang = "en"
)

// Default is Kazakh: the state language comes first on every page and paper.
const Default = KK

// All lists the supported languages in the order they are offered to a user.
var All = []Lang{KK, RU, EN}

// Parse accepts "kk", "ru", "en" (any case, with or without a region such as "ru-RU";
// "kz" is read as Kazakh because people type it).
func Parse(s string) (Lang, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	if i := strings.IndexAny(s, "-_"); i > 0 {
		s = s[:i]
	}
	switch s {
	case "kk", "kz", "kaz":
		return KK, nil
	case "ru", "rus":
		return RU, nil
	case "en", "eng":
		return EN, nil
	}
	return "", fmt.Errorf("unknown language %q: use kk, ru or en", s)
}

// Text is one phrase in the three languages.
type Text struct {
	KK string `yaml:"kk" json:"kk"`
	RU string `yaml:"ru" json:"ru"`
	EN string `yaml:"en" json:"en"`
}

// In returns the text in l; a missing translation falls back to Kazakh, then Russian,
// then English, so a user always sees something rather than an empty label.
func (t Text) In(l Lang) string {
	var s string
	switch l {
	case RU:
		s = t.RU
	case EN:
		s = t.EN
	default:
		s = t.KK
	}
	for _, fallback := range []string{s, t.KK, t.RU, t.EN} {
		if fallback != "" {
			return fallback
		}
	}
	return ""
}

// Complete reports whether all three languages are filled in.
func (t Text) Complete() bool { return t.KK != "" && t.RU != "" && t.EN != "" }
