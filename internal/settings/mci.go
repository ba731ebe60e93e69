package settings

import (
	"bytes"
	"context"
	"io/fs"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"qyzmet/internal/apperr"
	"qyzmet/internal/calendar"
	"qyzmet/internal/i18n"
	"qyzmet/internal/standard"
	"qyzmet/internal/store"
	"qyzmet/standards"
)

// MCIValue is the monthly calculation index of one budget year.
type MCIValue struct {
	Year  int
	Tenge int
	Ref   string    // short citation returned with every fee
	Act   i18n.Text // the budget law's full title
	// Stored is true for a value an administrator entered, false for one the
	// release embeds (standards/mci.yaml).
	Stored    bool
	CreatedBy string
	CreatedAt time.Time
}

// Fields of the MCI form.
const (
	FieldYear  = "year"
	FieldTenge = "tenge"
	FieldRef   = "ref"
	FieldActKK = "act.kk"
	FieldActRU = "act.ru"
	FieldActEN = "act.en"
)

// MaxMCI bounds the tenge of an MCI, a guard against an extra digit (the 2026
// value is 4,325 tenge).
const MaxMCI = 99_999

const mciFile = "mci.yaml"

// embeddedMCI is the MCI table the release carries.
func embeddedMCI() (standard.MCITable, error) {
	var t standard.MCITable
	b, err := fs.ReadFile(standards.FS, mciFile)
	if err != nil {
		return t, err
	}
	return t, yaml.Unmarshal(b, &t)
}

// MCIValues lists the stored values by year.
func (s *Store) MCIValues(ctx context.Context) ([]MCIValue, error) {
	var out []MCIValue
	err := s.DB.ReadTx(ctx, func(tx *store.Tx) error {
		var err error
		out, err = mciValues(ctx, tx)
		return err
	})
	return out, err
}

func mciValues(ctx context.Context, tx *store.Tx) ([]MCIValue, error) {
	rows, err := tx.Query(ctx, `SELECT CAST(valid_from AS TEXT), tenge, ref, act_kk, act_ru, act_en, created_by, created_at
		FROM admin_mci_values ORDER BY valid_from`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []MCIValue
	for rows.Next() {
		v := MCIValue{Stored: true}
		var from string
		if err := rows.Scan(&from, &v.Tenge, &v.Ref, &v.Act.KK, &v.Act.RU, &v.Act.EN, &v.CreatedBy, &v.CreatedAt); err != nil {
			return nil, err
		}
		d, err := calendar.ParseDate(from)
		if err != nil {
			return nil, err
		}
		v.Year = d.Year
		out = append(out, v)
	}
	return out, rows.Err()
}

// MCITable is every MCI value for payments (state duties) by year: the
// embedded ones, then the stored ones. A year whose value changed during the
// year (none for payments so far) shows its value of 1 January.
func (s *Store) MCITable(ctx context.Context) ([]MCIValue, error) {
	table, err := embeddedMCI()
	if err != nil {
		return nil, err
	}
	var out []MCIValue
	for _, v := range table.Values {
		if !appliesToPayments(v) || (len(out) > 0 && out[len(out)-1].Year == v.From.Year) {
			continue
		}
		out = append(out, MCIValue{Year: v.From.Year, Tenge: v.Tenge, Ref: v.Ref, Act: v.Act})
	}
	stored, err := s.MCIValues(ctx)
	return append(out, stored...), err
}

func appliesToPayments(v standard.MCIValue) bool {
	for _, p := range v.AppliesTo {
		if p == standard.PurposePayments {
			return true
		}
	}
	return false
}

// AddMCI stores the MCI of the year after the last one known, as the budget
// law sets it, for payments and social payments alike from 1 January.
//
// Rule AP-STD-6, AC-7: the state duty is a multiple of the MCI on the day of
// payment, so the year's value must be known before its first payment; a
// year already known is never rewritten, since duties were paid with it.
// Storing the same value again changes nothing and is no error.
// Errors: *Error (FieldYear, FieldTenge, FieldRef, FieldAct*) with
// apperr.Invalid.
func (s *Store) AddMCI(ctx context.Context, by string, v MCIValue) error {
	v.Ref, v.Act = strings.TrimSpace(v.Ref), i18n.Text{KK: strings.TrimSpace(v.Act.KK), RU: strings.TrimSpace(v.Act.RU), EN: strings.TrimSpace(v.Act.EN)}
	if err := checkMCIText(v); err != nil {
		return err
	}
	return s.DB.Tx(ctx, func(tx *store.Tx) error {
		stored, err := mciValues(ctx, tx)
		if err != nil {
			return err
		}
		if n := len(stored); n > 0 && stored[n-1].Year == v.Year && stored[n-1].Tenge == v.Tenge && stored[n-1].Ref == v.Ref {
			return nil // the same form sent twice: one value
		}
		next, err := nextMCIYear(stored)
		if err != nil {
			return err
		}
		if v.Year != next {
			return invalid(FieldYear, i18n.Text{
				KK: "Келесі белгісіз жыл — %d: кесте үзіліссіз жалғасады, белгілі жыл қайта жазылмайды.",
				RU: "Следующий неизвестный год — %d: таблица продолжается без пропусков, известный год не переписывается.",
				EN: "The next unknown year is %d: the table goes on without gaps and a known year is never rewritten.",
			}, next)
		}
		if v.Tenge < 1 || v.Tenge > MaxMCI {
			return invalid(FieldTenge, i18n.Text{
				KK: "Теңгемен 1-ден %d-ге дейінгі бүтін сан.",
				RU: "Целое число тенге от 1 до %d.",
				EN: "A whole number of tenge from 1 to %d.",
			}, MaxMCI)
		}
		if _, err := standardsWith(append(stored, v)); err != nil {
			return apperr.Wrap(apperr.Invalid, err, "the MCI table does not load with the value")
		}
		_, err = tx.Exec(ctx, `INSERT INTO admin_mci_values (valid_from, valid_until, tenge, ref, act_kk, act_ru, act_en, created_by, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			calendar.D(v.Year, time.January, 1).String(), calendar.D(v.Year, time.December, 31).String(),
			v.Tenge, v.Ref, v.Act.KK, v.Act.RU, v.Act.EN, by, tx.Now())
		return err
	})
}

func checkMCIText(v MCIValue) error {
	for _, f := range []struct{ field, text string }{
		{FieldRef, v.Ref}, {FieldActKK, v.Act.KK}, {FieldActRU, v.Act.RU}, {FieldActEN, v.Act.EN},
	} {
		if err := checkText(f.field, f.text); err != nil {
			return err
		}
	}
	return nil
}

// nextMCIYear is the first year neither the release nor the stored values know.
func nextMCIYear(stored []MCIValue) (int, error) {
	if len(stored) > 0 {
		return stored[len(stored)-1].Year + 1, nil
	}
	t, err := embeddedMCI()
	if err != nil {
		return 0, err
	}
	return t.ValidUntil.Year + 1, nil
}

// standardsWith loads the embedded standards with the MCI table extended by
// values, each from 1 January to 31 December of its year.
func standardsWith(values []MCIValue) (*standard.Set, error) {
	table, err := embeddedMCI()
	if err != nil {
		return nil, err
	}
	for _, v := range values {
		table.Values = append(table.Values, standard.MCIValue{
			From:      calendar.D(v.Year, time.January, 1),
			Tenge:     v.Tenge,
			AppliesTo: []standard.MCIPurpose{standard.PurposePayments, standard.PurposeSocial},
			Ref:       v.Ref,
			Act:       v.Act,
		})
		table.ValidUntil = calendar.D(v.Year, time.December, 31)
	}
	b, err := yaml.Marshal(table)
	if err != nil {
		return nil, err
	}
	return standard.Load(replaced{FS: standards.FS, name: mciFile, data: b})
}

// replaced is a file system with one file's content replaced.
type replaced struct {
	fs.FS
	name string
	data []byte
}

func (r replaced) Open(name string) (fs.File, error) {
	if name != r.name {
		return r.FS.Open(name)
	}
	f, err := r.FS.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	return &memFile{Reader: bytes.NewReader(r.data), info: sizedInfo{info, int64(len(r.data))}}, nil
}

type memFile struct {
	*bytes.Reader
	info fs.FileInfo
}

func (m *memFile) Stat() (fs.FileInfo, error) { return m.info, nil }
func (m *memFile) Close() error               { return nil }

// sizedInfo is a file's information with the size of its new content.
type sizedInfo struct {
	fs.FileInfo
	size int64
}

func (s sizedInfo) Size() int64 { return s.size }
