package document

import (
	"errors"
	"fmt"
	"strings"

	"qyzmet/internal/calendar"
	"qyzmet/internal/i18n"
)

// Kinds of error, for errors.Is. Every error Render, Sample and JournalXLSX
// return is an *Error that unwraps to one of these.
var (
	ErrUnknownForm = errors.New("unknown form")                   // no form has that ID
	ErrWrongData   = errors.New("wrong data type for the form")   // data is not the form's struct
	ErrInvalid     = errors.New("invalid form data")              // a required field is empty or a value impossible
	ErrLayout      = errors.New("the text does not fit the form") // drawing failed (overflowing box, missing glyph)
	ErrNoWording   = errors.New("no wording for the form")        // the standard in force lacks the form's fixed text
)

// Error is an error worded in the three languages, so the officer who prints a
// paper reads it in theirs; Error() gives the English text.
type Error struct {
	Kind  error
	Form  FormID
	Field string // the offending field of the data or of Meta, when there is one
	Text  i18n.Text
}

func (e *Error) Error() string { return e.In(i18n.EN) }

// In is the message in l, prefixed with the form and the field.
func (e *Error) In(l i18n.Lang) string {
	var b strings.Builder
	b.WriteString("document")
	if e.Form != "" {
		b.WriteString(" " + string(e.Form))
	}
	if e.Field != "" {
		b.WriteString(": " + e.Field)
	}
	b.WriteString(": " + e.Text.In(l))
	return b.String()
}

// Unwrap gives the kind, for errors.Is.
func (e *Error) Unwrap() error { return e.Kind }

func unknownForm(id FormID) *Error {
	return &Error{Kind: ErrUnknownForm, Form: id, Text: i18n.Text{
		KK: fmt.Sprintf("%q нысаны жоқ", id),
		RU: fmt.Sprintf("формы %q нет", id),
		EN: fmt.Sprintf("there is no form %q", id),
	}}
}

func wrongData(spec FormSpec, data any) *Error {
	got := fmt.Sprintf("%T", data)
	if data == nil {
		got = "nil"
	}
	return &Error{Kind: ErrWrongData, Form: spec.ID, Text: i18n.Text{
		KK: fmt.Sprintf("нысанның деректері %s болуы керек (nil емес), берілгені: %s", spec.Data, got),
		RU: fmt.Sprintf("данные формы должны быть %s (не nil), передано: %s", spec.Data, got),
		EN: fmt.Sprintf("the form's data must be a non-nil %s, got %s", spec.Data, got),
	}}
}

// check collects the first problem of a form's data.
type check struct {
	form FormID
	err  *Error
}

func (c *check) fail(field, kk, ru, en string) {
	if c.err == nil {
		c.err = &Error{Kind: ErrInvalid, Form: c.form, Field: field, Text: i18n.Text{KK: kk, RU: ru, EN: en}}
	}
}

func (c *check) empty(field string) {
	c.fail(field, "өріс толтырылмаған", "поле не заполнено", "the field is empty")
}

// text requires a non-blank string.
func (c *check) text(field, v string) {
	if strings.TrimSpace(v) == "" {
		c.empty(field)
	}
}

// i18n requires the Kazakh or the Russian wording (i18n.Text.In falls back from
// one to the other, so one of them fills both columns).
func (c *check) i18n(field string, t i18n.Text) {
	if strings.TrimSpace(t.KK) == "" && strings.TrimSpace(t.RU) == "" {
		c.empty(field)
	}
}

// date requires a date.
func (c *check) date(field string, d calendar.Date) {
	if d.IsZero() {
		c.empty(field)
	}
}

// order requires that first is not after second (both set).
func (c *check) order(field string, first, second calendar.Date) {
	if !first.IsZero() && !second.IsZero() && first.After(second) {
		c.fail(field,
			fmt.Sprintf("%s күні %s күнінен кейін болмауы керек", first, second),
			fmt.Sprintf("дата %s не может быть позже %s", first, second),
			fmt.Sprintf("the date %s cannot be after %s", first, second))
	}
}

// iin requires twelve digits; the check digit is the business of internal/iin,
// which checked it when the data came in.
func (c *check) iin(field, v string) {
	if len(v) != 12 || strings.Trim(v, "0123456789") != "" {
		c.fail(field,
			fmt.Sprintf("ЖСН 12 цифрдан тұрады, берілгені %q", v),
			fmt.Sprintf("ИИН состоит из 12 цифр, передано %q", v),
			fmt.Sprintf("an IIN has 12 digits, got %q", v))
	}
}

// optionalIIN checks an IIN only when one is given.
func (c *check) optionalIIN(field, v string) {
	if v != "" {
		c.iin(field, v)
	}
}

// list requires between min and max items.
func (c *check) list(field string, n, min, max int) {
	if n < min || n > max {
		c.fail(field,
			fmt.Sprintf("%d–%d жол болуы керек, берілгені %d", min, max, n),
			fmt.Sprintf("должно быть от %d до %d строк, передано %d", min, max, n),
			fmt.Sprintf("%d to %d items are needed, got %d", min, max, n))
	}
}

// oneOf requires v to be one of the allowed values.
func (c *check) oneOf(field, v string, allowed []string) {
	for _, a := range allowed {
		if v == a {
			return
		}
	}
	list := strings.Join(allowed, ", ")
	c.fail(field,
		fmt.Sprintf("%q мәні белгісіз (мүмкін мәндер: %s)", v, list),
		fmt.Sprintf("неизвестное значение %q (допустимы: %s)", v, list),
		fmt.Sprintf("unknown value %q (allowed: %s)", v, list))
}
