package standard

import (
	"errors"
	"fmt"

	"qyzmet/internal/i18n"
)

// Kinds of error, for errors.Is. Every error the package returns is an *Error
// that unwraps to one of these.
var (
	ErrInvalid        = errors.New("invalid standard data")        // a file is malformed or inconsistent
	ErrUnknownService = errors.New("unknown service")              // no standard of that service is loaded
	ErrNotInForce     = errors.New("no version in force")          // the service has no version on that date
	ErrNotOffered     = errors.New("channel not offered")          // the standard does not offer the channel
	ErrClassRequired  = errors.New("department class required")    // the deadline depends on the department class
	ErrNoDeadline     = errors.New("no deadline for that request") // no deadline rule fits
	ErrNoSchedule     = errors.New("no schedule for that office")  // the standard states no such schedule
	ErrNoMCI          = errors.New("no MCI value for that date")   // the MCI table does not cover the date
	ErrBadRequest     = errors.New("bad request")                  // an argument is not a valid value
)

// Error is an error worded in the three languages, so an officer or an
// administrator reads it in theirs; Error() gives the English text.
type Error struct {
	Kind error
	// Where names the offending place, e.g. "criminal-record.yaml: deadlines[2]";
	// empty when the error concerns no particular place.
	Where string
	Text  i18n.Text
}

func (e *Error) Error() string { return e.In(i18n.EN) }

// In is the message in l, prefixed with the place it concerns.
func (e *Error) In(l i18n.Lang) string {
	if e.Where == "" {
		return e.Text.In(l)
	}
	return e.Where + ": " + e.Text.In(l)
}

// Unwrap gives the kind, for errors.Is.
func (e *Error) Unwrap() error { return e.Kind }

// errorf builds an Error; the three formats take the same arguments.
func errorf(kind error, where, kk, ru, en string, args ...any) *Error {
	return &Error{Kind: kind, Where: where, Text: i18n.Text{
		KK: fmt.Sprintf(kk, args...),
		RU: fmt.Sprintf(ru, args...),
		EN: fmt.Sprintf(en, args...),
	}}
}

// Message is err in l: the translated text of every *Error it holds (a load may
// report several), else err's own text.
func Message(err error, l i18n.Lang) string {
	if joined, ok := err.(interface{ Unwrap() []error }); ok {
		s := ""
		for i, e := range joined.Unwrap() {
			if i > 0 {
				s += "\n"
			}
			s += Message(e, l)
		}
		return s
	}
	var e *Error
	if errors.As(err, &e) {
		return e.In(l)
	}
	return err.Error()
}
