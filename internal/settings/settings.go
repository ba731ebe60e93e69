// Package settings keeps the law's data that changes between releases and that
// an administrator enters on /admin from the published act: transfers of days
// off (rule G-1, Labour Code art. 85(3)) and the MCI of a new budget year
// (AP-STD-6, AC-7). The rows live in the database (migration 0010_admin);
// Apply lays them over the calendar and the standards the binary embeds.
//
// A change takes effect at once in the process that stores it: the calendar
// and the standards are immutable values, so app.System.ReloadLaw builds new
// ones with Apply and hands them to the engine (casework.Engine.SetLaw), which
// counts every deadline and duty after that with them. On PostgreSQL several
// processes share one database: each polls Version every minute and reloads
// when it changed, so the others follow within a minute (or at their start).
package settings

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"qyzmet/internal/apperr"
	"qyzmet/internal/calendar"
	"qyzmet/internal/i18n"
	"qyzmet/internal/standard"
	"qyzmet/internal/store"
)

// Store reads and writes the administrator's additions.
type Store struct{ DB *store.DB }

// Error is a refused entry: the form field at fault and why, in the three
// languages.
type Error struct {
	App   *apperr.Error
	Field string
	Text  i18n.Text
}

func (e *Error) Error() string { return e.App.Error() + " (field " + e.Field + ")" }
func (e *Error) Unwrap() error { return e.App }

func invalid(field string, text i18n.Text, args ...any) *Error {
	t := i18n.Text{KK: fmt.Sprintf(text.KK, args...), RU: fmt.Sprintf(text.RU, args...), EN: fmt.Sprintf(text.EN, args...)}
	return &Error{App: apperr.E(apperr.Invalid, t.EN).WithKey("settings." + field), Field: field, Text: t}
}

// AsError is err's field and text when it is an *Error.
func AsError(err error) (*Error, bool) {
	var e *Error
	ok := errors.As(err, &e)
	return e, ok
}

// MaxSourceLength bounds the citation of an act.
const MaxSourceLength = 500

// checkText refuses an empty or overlong citation and one with markup or
// control characters: it is shown on pages and printed in documents.
func checkText(field, s string) error {
	switch {
	case strings.TrimSpace(s) == "":
		return invalid(field, i18n.Text{KK: "Өріс толтырылуы тиіс.", RU: "Поле обязательно.", EN: "This field is required."})
	case utf8.RuneCountInString(s) > MaxSourceLength || strings.ContainsAny(s, "<>") || strings.ContainsFunc(s, unicode.IsControl):
		return invalid(field, i18n.Text{
			KK: "Ең көбі %d таңба, < > белгілері мен басқару таңбаларынсыз.",
			RU: "Не более %d символов, без знаков < > и управляющих символов.",
			EN: "At most %d characters, without < > or control characters.",
		}, MaxSourceLength)
	}
	return nil
}

// Apply is the law in force: cal with the stored transfers of days off, and
// set with the stored MCI values — then the embedded standards with the
// extended MCI table (the only standards a release has); set itself when no
// value is stored.
func Apply(ctx context.Context, db *store.DB, cal *calendar.Calendar, set *standard.Set) (*calendar.Calendar, *standard.Set, error) {
	s := &Store{DB: db}
	transfers, err := s.Transfers(ctx)
	if err != nil {
		return nil, nil, err
	}
	if len(transfers) > 0 {
		if cal, err = cal.With(calendar.Data{Transfers: plainTransfers(transfers)}); err != nil {
			return nil, nil, fmt.Errorf("settings: stored transfers of days off: %w", err)
		}
	}
	values, err := s.MCIValues(ctx)
	if err != nil {
		return nil, nil, err
	}
	if len(values) == 0 {
		return cal, set, nil
	}
	set, err = standardsWith(values)
	if err != nil {
		return nil, nil, fmt.Errorf("settings: stored MCI values: %w", err)
	}
	return cal, set, nil
}

// Version is the number of stored additions. Both tables are append-only
// (migration 0010: a transfer or an MCI value is never edited or deleted), so
// another count is another law — one cheap query for the processes that poll.
func (s *Store) Version(ctx context.Context) (int64, error) {
	var n int64
	err := s.DB.ReadTx(ctx, func(tx *store.Tx) error {
		return tx.QueryRow(ctx, `SELECT (SELECT COUNT(*) FROM admin_calendar_transfers) + (SELECT COUNT(*) FROM admin_mci_values)`).Scan(&n)
	})
	return n, err
}
