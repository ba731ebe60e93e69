package calendar

import (
	"fmt"

	"qyzmet/internal/i18n"
)

// Error is a calendar data or schedule error, worded in the three languages so an
// administrator sees it in theirs. Error() gives the English text.
type Error struct {
	// Where names the offending entry, e.g. "transfers[2].worked"; empty when the
	// error concerns the whole input.
	Where string
	Text  i18n.Text
}

func (e *Error) Error() string { return e.In(i18n.EN) }

// In is the message in l, prefixed with the entry it concerns.
func (e *Error) In(l i18n.Lang) string {
	if e.Where == "" {
		return e.Text.In(l)
	}
	return e.Where + ": " + e.Text.In(l)
}

// errorf builds an Error; the three formats take the same arguments.
func errorf(where, kk, ru, en string, args ...any) *Error {
	return &Error{Where: where, Text: i18n.Text{
		KK: fmt.Sprintf(kk, args...),
		RU: fmt.Sprintf(ru, args...),
		EN: fmt.Sprintf(en, args...),
	}}
}
