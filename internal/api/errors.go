package api

import (
	"errors"
	"log/slog"
	"net/http"

	"qyzmet/internal/apperr"
	"qyzmet/internal/casework"
	"qyzmet/internal/i18n"
)

// errorResponse is the body of every error answer of the API:
//
//	{"error": {"code": "invalid", "message": "…", "field": "applicant.iin"}}
//
// code is one of apperr's codes and is stable: clients switch on it. message is
// for a person, in the request's language. field, when present, is the JSON path
// of the value at fault in the request body (or the name of the header or query
// parameter), so that a form can show the message next to it.
type errorResponse struct {
	Error errorDetail `json:"error"`
}

type errorDetail struct {
	Code    apperr.Code `json:"code"`
	Message string      `json:"message"`
	Field   string      `json:"field,omitempty"`
	Rule    string      `json:"rule,omitempty"` // the DIGEST.md rule that refuses the change
}

// requestError is a failure of the HTTP request itself — its body, headers or
// query — found by this layer before the engine is asked anything. It carries
// the HTTP status that says precisely what was wrong (413, 415 …) where the
// engine's codes alone would be too coarse.
type requestError struct {
	status int
	code   apperr.Code
	key    string // message key in the catalogue
	field  string // JSON path, header or query parameter at fault
	err    error  // the cause, for errors.Is; never shown
}

func (e *requestError) Error() string {
	s := string(e.code) + ": " + e.key
	if e.field != "" {
		s += " (" + e.field + ")"
	}
	if e.err != nil {
		s += ": " + e.err.Error()
	}
	return s
}

func (e *requestError) Unwrap() error { return e.err }

// statusByCode is the one map from the application's error codes to HTTP
// statuses. An engine's invalid is 422: the request was well formed and the
// engine judged its content; a malformed request is a requestError with 400.
var statusByCode = map[apperr.Code]int{
	apperr.Invalid:      http.StatusUnprocessableEntity,
	apperr.NotFound:     http.StatusNotFound,
	apperr.Unauthorized: http.StatusUnauthorized,
	apperr.Forbidden:    http.StatusForbidden,
	apperr.Conflict:     http.StatusConflict,
	apperr.Internal:     http.StatusInternalServerError,
}

// httpStatus is the status of an error answer: the request error's own status,
// else the status of the error's code.
func httpStatus(err error) int {
	var re *requestError
	if errors.As(err, &re) {
		return re.status
	}
	return statusByCode[apperr.CodeOf(err)]
}

// errorCode is the stable code an answer shows.
func errorCode(err error) apperr.Code {
	var re *requestError
	if errors.As(err, &re) {
		return re.code
	}
	return apperr.CodeOf(err)
}

// localizer is implemented by errors that word their own reason in every
// language, such as iin.Error ("the 12th digit is not the check digit").
type localizer interface {
	Message(i18n.Lang) string
}

// errorMessage is the message an answer shows in lang: the engine's own
// wording of the error (which names the values at fault), else the translation
// of the error's key, else the wording of an error that words itself, else the
// generic message of its code. An internal error shows only the generic
// message: its details are for the log.
func errorMessage(err error, lang i18n.Lang) string {
	var re *requestError
	if errors.As(err, &re) {
		return text(re.key, lang)
	}
	code := apperr.CodeOf(err)
	if code != apperr.Internal {
		if t, ok := casework.TextOf(err); ok {
			return t.In(lang)
		}
		if key := apperr.KeyOf(err); key != apperr.GenericKey(code) {
			if t, ok := lookup(key); ok {
				return t.In(lang)
			}
		}
		var l localizer
		if errors.As(err, &l) {
			return l.Message(lang)
		}
	}
	return text(apperr.GenericKey(code), lang)
}

// errorField is the field at fault, when the error names one.
func errorField(err error) string {
	var re *requestError
	if errors.As(err, &re) {
		return re.field
	}
	if apperr.CodeOf(err) == apperr.Internal {
		return ""
	}
	return casework.FieldOf(err)
}

// errorRule is the rule ID the engine cites for refusing, when there is one.
func errorRule(err error) string {
	var ce *casework.Error
	if apperr.CodeOf(err) != apperr.Internal && errors.As(err, &ce) {
		return ce.Rule
	}
	return ""
}

// writeError answers with err as JSON. An internal error is logged here, once,
// with its cause; the client sees only the generic message.
func (h *handler) writeError(w http.ResponseWriter, r *http.Request, err error) {
	status := httpStatus(err)
	if status >= 500 {
		h.log.ErrorContext(r.Context(), "api: internal error",
			slog.String("method", r.Method), slog.String("path", r.URL.Path), slog.Any("error", err))
	}
	lang := requestLang(r)
	if status == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", `Bearer realm="qyzmet"`)
	}
	h.writeJSON(w, r, status, errorResponse{Error: errorDetail{
		Code:    errorCode(err),
		Message: errorMessage(err, lang),
		Field:   errorField(err),
		Rule:    errorRule(err),
	}})
}
