// Package apperr is the one application error type of Qyzmet: a small fixed set
// of codes that every layer understands (the web layer maps them to HTTP statuses
// in one place), a message key that the interface translates, and the cause for
// the log. Anything that is not an *Error is "internal" to the user.
package apperr

import (
	"errors"

	"qyzmet/internal/i18n"
)

// Code says what kind of failure an error is, not where it happened.
type Code string

// The codes; the set is closed on purpose so that callers can switch on it.
const (
	Invalid      Code = "invalid"      // the input breaks a rule; nothing was changed
	NotFound     Code = "not_found"    // the thing asked for does not exist (or may not be seen)
	Unauthorized Code = "unauthorized" // who is asking is unknown: sign in
	Forbidden    Code = "forbidden"    // who is asking is known and may not do this
	Conflict     Code = "conflict"     // the state moved on (a duplicate, a concurrent change): reload and retry
	Internal     Code = "internal"     // a bug or an outage; the details go to the log, not to the user
)

// Error is an application error. Message is English for developers and logs; the
// user sees the translation of Key (or of the code's generic key when Key is empty).
type Error struct {
	Code    Code
	Key     string // message key for translation, such as "application.not_found"
	Message string
	Err     error // the cause, if any; kept for errors.Is/As and the log
}

// E returns an error with a code and an English message.
func E(code Code, msg string) *Error {
	return &Error{Code: code, Message: msg}
}

// Wrap returns an error with a code and an English message that keeps err as its cause.
func Wrap(code Code, err error, msg string) *Error {
	return &Error{Code: code, Message: msg, Err: err}
}

// WithKey returns a copy of e whose user-facing message is the translation of key.
func (e *Error) WithKey(key string) *Error {
	c := *e
	c.Key = key
	return &c
}

func (e *Error) Error() string {
	s := string(e.Code)
	if e.Message != "" {
		s += ": " + e.Message
	}
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

func (e *Error) Unwrap() error { return e.Err }

// CodeOf is the code of the first *Error in err's chain: "" for nil, Internal when
// there is none (an unexpected error is the system's fault, never the user's).
func CodeOf(err error) Code {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) && e.Code != "" {
		return e.Code
	}
	return Internal
}

// KeyOf is the message key to translate for the user: the error's own key, else
// the generic key of its code ("error.not_found"). Internal errors always get the
// generic key so that no detail of a failure reaches the user.
func KeyOf(err error) string {
	code := CodeOf(err)
	if code == "" {
		return ""
	}
	var e *Error
	if code != Internal && errors.As(err, &e) && e.Key != "" {
		return e.Key
	}
	return GenericKey(code)
}

// GenericKey is the key of the code's generic message, such as "error.conflict".
func GenericKey(code Code) string { return "error." + string(code) }

// Generic is the generic user-facing message of each code, by its GenericKey, for
// an interface that has no more specific translation of an error's key.
var Generic = map[string]i18n.Text{
	GenericKey(Invalid): {
		KK: "Деректер дұрыс емес: қатені түзетіп, қайта жіберіңіз.",
		RU: "Данные неверны: исправьте ошибку и отправьте снова.",
		EN: "The data is not valid: correct it and send it again.",
	},
	GenericKey(NotFound): {
		KK: "Сұралған жазба табылмады.",
		RU: "Запрошенная запись не найдена.",
		EN: "The requested record was not found.",
	},
	GenericKey(Unauthorized): {
		KK: "Жүйеге кіріңіз.",
		RU: "Войдите в систему.",
		EN: "Please sign in.",
	},
	GenericKey(Forbidden): {
		KK: "Бұл әрекетке рұқсатыңыз жоқ.",
		RU: "У вас нет права на это действие.",
		EN: "You are not allowed to do this.",
	},
	GenericKey(Conflict): {
		KK: "Деректер осы уақытта өзгерді: бетті жаңартып, қайталаңыз.",
		RU: "Данные тем временем изменились: обновите страницу и повторите.",
		EN: "The data changed in the meantime: reload the page and try again.",
	},
	GenericKey(Internal): {
		KK: "Ішкі қате орын алды. Кейінірек қайталаңыз.",
		RU: "Произошла внутренняя ошибка. Повторите позже.",
		EN: "An internal error occurred. Please try again later.",
	},
}
