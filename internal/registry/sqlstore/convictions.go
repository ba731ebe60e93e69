package sqlstore

import (
	"context"

	"qyzmet/internal/apperr"
	"qyzmet/internal/calendar"
	"qyzmet/internal/registry"
	"qyzmet/internal/store"
)

// CriminalRecords is the register of convictions in the database; it
// implements registry.CriminalRecords. It does not audit: package decision
// writes the audit log before it reads.
type CriminalRecords struct{ db *store.DB }

var _ registry.CriminalRecords = (*CriminalRecords)(nil)

const convictionColumns = `id, iin, surname, given_name, patronymic, birth_date, article, court, convicted_on, sentence, expunged_on, removed_on`

var convictionsTable = &bulkTable{name: "convictions", key: []string{"id"}, cols: splitColumns(convictionColumns)}

// ConvictionRows encodes cs (valid, with distinct IDs) for an upsert.
func ConvictionRows(cs []registry.Conviction) (Rows, error) {
	args := make([]any, 0, len(cs)*len(convictionsTable.cols))
	for _, c := range cs {
		args = append(args, c.ID, nullString(c.IIN), c.Surname, c.GivenName, c.Patronymic, dateArg(c.BirthDate),
			c.Article, c.Court, dateArg(c.ConvictedOn), c.Sentence, dateArg(c.ExpungedOn), dateArg(c.RemovedOn))
	}
	return Rows{convictionsTable, args}, nil
}

// UpsertConvictions writes cs (valid, with distinct IDs) in tx.
func UpsertConvictions(ctx context.Context, tx *store.Tx, cs []registry.Conviction) error {
	rows, err := ConvictionRows(cs)
	if err != nil {
		return err
	}
	return rows.Write(ctx, tx)
}

func (s *CriminalRecords) query(ctx context.Context, where string, arg any) ([]registry.Conviction, error) {
	var cs []registry.Conviction
	err := s.db.ReadTx(ctx, func(tx *store.Tx) error {
		rows, err := tx.Query(ctx, `SELECT `+convictionColumns+` FROM convictions WHERE `+where+` ORDER BY convicted_on, id`, arg)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var c registry.Conviction
			if err := rows.Scan(&c.ID, stringCol{&c.IIN}, &c.Surname, &c.GivenName, &c.Patronymic, dateCol{&c.BirthDate},
				&c.Article, &c.Court, dateCol{&c.ConvictedOn}, &c.Sentence, dateCol{&c.ExpungedOn}, dateCol{&c.RemovedOn}); err != nil {
				return err
			}
			cs = append(cs, c)
		}
		return rows.Err()
	})
	return cs, err
}

// ByIIN returns the convictions recorded under iin, oldest first.
func (s *CriminalRecords) ByIIN(ctx context.Context, number string) ([]registry.Conviction, error) {
	if err := validIIN(number); err != nil {
		return nil, err
	}
	return s.query(ctx, `iin = ?`, number)
}

// WithoutIIN returns the old records without an IIN of persons born on born.
func (s *CriminalRecords) WithoutIIN(ctx context.Context, born calendar.Date) ([]registry.Conviction, error) {
	if born.IsZero() {
		return nil, apperr.E(apperr.Invalid, "old records are looked up by the date of birth")
	}
	return s.query(ctx, `iin IS NULL AND birth_date = ?`, dateArg(born))
}
