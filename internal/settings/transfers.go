package settings

import (
	"context"
	"errors"
	"strings"
	"time"

	"qyzmet/internal/apperr"
	"qyzmet/internal/calendar"
	"qyzmet/internal/i18n"
	"qyzmet/internal/store"
)

// Transfer is a transfer of a day off an administrator entered.
type Transfer struct {
	calendar.Transfer
	CreatedBy string
	CreatedAt time.Time
}

// Fields of the transfer form.
const (
	FieldWorked = "worked"
	FieldOff    = "off"
	FieldSource = "source"
)

// Transfers lists the stored transfers by the day worked.
func (s *Store) Transfers(ctx context.Context) ([]Transfer, error) {
	var out []Transfer
	err := s.DB.ReadTx(ctx, func(tx *store.Tx) error {
		var err error
		out, err = transfers(ctx, tx)
		return err
	})
	return out, err
}

func transfers(ctx context.Context, tx *store.Tx) ([]Transfer, error) {
	rows, err := tx.Query(ctx, `SELECT CAST(day_worked AS TEXT), CAST(day_off AS TEXT), source, created_by, created_at
		FROM admin_calendar_transfers ORDER BY day_worked`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Transfer
	for rows.Next() {
		var t Transfer
		var worked, off string
		if err := rows.Scan(&worked, &off, &t.Source, &t.CreatedBy, &t.CreatedAt); err != nil {
			return nil, err
		}
		if t.Worked, err = calendar.ParseDate(worked); err != nil {
			return nil, err
		}
		if t.Off, err = calendar.ParseDate(off); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

func plainTransfers(ts []Transfer) []calendar.Transfer {
	out := make([]calendar.Transfer, len(ts))
	for i, t := range ts {
		out[i] = t.Transfer
	}
	return out
}

// AddTransfer validates t against running — the calendar the service runs
// with — together with every stored transfer, and stores it.
//
// Rule G-1: a transfer of days off (Labour Code art. 85(3)) makes a Saturday,
// Sunday or carried-over day a working day (t.Worked) and a plain working day a
// day off (t.Off); calendar.With refuses anything else, so a public holiday or
// a religious day off (Labour Code art. 84(5)) is never moved.
// Storing the same transfer again changes nothing and is no error.
// Errors: *Error (FieldWorked, FieldOff, FieldSource) with apperr.Invalid;
// apperr.Conflict when either day is already in another stored transfer.
func (s *Store) AddTransfer(ctx context.Context, by string, t calendar.Transfer, running *calendar.Calendar) error {
	t.Source = strings.TrimSpace(t.Source)
	if err := checkTransferDates(t); err != nil {
		return err
	}
	if err := checkText(FieldSource, t.Source); err != nil {
		return err
	}
	return s.DB.Tx(ctx, func(tx *store.Tx) error {
		stored, err := transfers(ctx, tx)
		if err != nil {
			return err
		}
		for _, o := range stored {
			if o.Transfer == t {
				return nil // the same form sent twice: one transfer
			}
			if o.Worked == t.Worked || o.Off == t.Off || o.Worked == t.Off || o.Off == t.Worked {
				return apperr.E(apperr.Conflict, "a stored transfer already moves one of these days").WithKey("settings.transfer_exists")
			}
		}
		if _, err := running.With(calendar.Data{Transfers: append(plainTransfers(stored), t)}); err != nil {
			return calendarError(err)
		}
		_, err = tx.Exec(ctx, `INSERT INTO admin_calendar_transfers (day_worked, day_off, source, created_by, created_at) VALUES (?, ?, ?, ?, ?)`,
			t.Worked.String(), t.Off.String(), t.Source, by, tx.Now())
		return err
	})
}

func checkTransferDates(t calendar.Transfer) error {
	required := i18n.Text{KK: "Күнді көрсетіңіз.", RU: "Укажите дату.", EN: "Give the date."}
	switch {
	case t.Worked.IsZero():
		return invalid(FieldWorked, required)
	case t.Off.IsZero():
		return invalid(FieldOff, required)
	case t.Worked == t.Off:
		return invalid(FieldOff, i18n.Text{
			KK: "Демалыс күні басқа күнге ауыстырылуы тиіс.",
			RU: "Выходной должен переноситься на другой день.",
			EN: "The day off must move to another day.",
		})
	case t.Worked.Year != t.Off.Year:
		// The decrees move days within one calendar year.
		return invalid(FieldOff, i18n.Text{
			KK: "Ауыстыру бір күнтізбелік жыл ішінде болады.",
			RU: "Перенос делается в пределах одного календарного года.",
			EN: "A transfer stays within one calendar year.",
		})
	}
	return nil
}

// calendarError places the calendar's refusal ("transfers[3].off: …") on
// the form's field.
func calendarError(err error) error {
	var ce *calendar.Error
	if !errors.As(err, &ce) {
		return err
	}
	field := FieldWorked
	if strings.HasSuffix(ce.Where, ".off") {
		field = FieldOff
	}
	return &Error{App: apperr.E(apperr.Invalid, ce.Text.EN).WithKey("settings." + field), Field: field, Text: ce.Text}
}
