package casework

import (
	"errors"
	"fmt"

	"qyzmet/internal/apperr"
	"qyzmet/internal/i18n"
)

// Error is an application error of the engine: an *apperr.Error (code and message
// key, so apperr.CodeOf and apperr.KeyOf work on it) with the input field at
// fault, the rule ID that forbids the change, and the message in the three
// languages.
type Error struct {
	App *apperr.Error
	// Field is the input field at fault as the API names it ("applicant.iin",
	// "documents[2].id", "data.grounds"); empty when no single field is.
	Field string
	// Rule is the DIGEST.md rule behind the refusal, when there is one.
	Rule string
	Text i18n.Text
}

func (e *Error) Unwrap() error { return e.App }

// Error is the English message with the field and the rule.
func (e *Error) Error() string {
	s := e.App.Error()
	if e.Field != "" {
		s = fmt.Sprintf("%s (field %s)", s, e.Field)
	}
	return s
}

// FieldOf is the input field at fault in err, or "".
func FieldOf(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Field
	}
	return ""
}

// TextOf is err's message in the three languages when the engine wrote one.
func TextOf(err error) (i18n.Text, bool) {
	var e *Error
	if errors.As(err, &e) && e.Text.Complete() {
		return e.Text, true
	}
	return i18n.Text{}, false
}

// fail builds an *Error. key is the message key after "casework."; kk, ru and en
// are format strings over the same args.
func fail(code apperr.Code, key, field, rule string, text i18n.Text, args ...any) *Error {
	t := i18n.Text{KK: fmt.Sprintf(text.KK, args...), RU: fmt.Sprintf(text.RU, args...), EN: fmt.Sprintf(text.EN, args...)}
	msg := t.EN
	if rule != "" {
		msg += " (Rule " + rule + ")"
	}
	return &Error{App: apperr.E(code, msg).WithKey("casework." + key), Field: field, Rule: rule, Text: t}
}

// incompletePackage is the error of a package with missing items, naming them
// and the rule that requires the first; what names the package (a service ID)
// and may be empty.
func incompletePackage(field, what, rule string, miss []ChecklistItem) *Error {
	mt := missingText(miss)
	if what != "" {
		what += ": "
	}
	t := i18n.Text{
		KK: what + "топтама толық емес, жетіспейді: " + mt.KK,
		RU: what + "пакет неполный, не хватает: " + mt.RU,
		EN: what + "the package is incomplete; missing: " + mt.EN,
	}
	if rule == "" {
		rule = miss[0].Rule
	}
	return &Error{App: apperr.E(apperr.Invalid, t.EN+" (Rule "+rule+")").WithKey("casework.package_incomplete"), Field: field, Rule: rule, Text: t}
}

func invalid(key, field, rule string, text i18n.Text, args ...any) *Error {
	return fail(apperr.Invalid, key, field, rule, text, args...)
}

// required is the error of a missing input field.
func required(field string) *Error {
	return invalid("required", field, "", i18n.Text{
		KK: "%s толтырылуы тиіс",
		RU: "поле %s обязательно",
		EN: "%s is required",
	}, field)
}

// badValue is the error of an input field with a value outside its set.
func badValue(field, value string, allowed any) *Error {
	return invalid("bad_value", field, "", i18n.Text{
		KK: "%s: %q мәні жарамсыз (рұқсат етілгені: %v)",
		RU: "%s: недопустимое значение %q (допустимо: %v)",
		EN: "%s: %q is not allowed (use one of %v)",
	}, field, value, allowed)
}
