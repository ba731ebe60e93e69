package sqlstore

import (
	"context"
	"time"

	"qyzmet/internal/apperr"
	"qyzmet/internal/registry"
	"qyzmet/internal/store"
)

// AuditLog is the log of criminal-record reads in the database; it implements
// registry.AuditLog. The table refuses updates and deletes.
type AuditLog struct{ db *store.DB }

var _ registry.AuditLog = (*AuditLog)(nil)

// RecordRead appends r; a zero r.At is the transaction's time.
func (a *AuditLog) RecordRead(ctx context.Context, r registry.RecordRead) error {
	if r.ActorID == "" || r.ActorRole == "" || r.Purpose == "" || r.Rule == "" ||
		(r.SubjectIIN == "" && r.SubjectName == (registry.Name{})) {
		return apperr.E(apperr.Invalid, "an audit entry needs who read, about whom, and why")
	}
	return a.db.Tx(ctx, func(tx *store.Tx) error {
		at := r.At
		if at.IsZero() {
			at = tx.Now()
		}
		_, err := tx.Exec(ctx, `INSERT INTO criminal_record_reads (read_at, actor_id, actor_role, subject_iin, subject_surname,
			subject_given_name, subject_patronymic, subject_birth_date, purpose, application_id, rule)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			at.UTC(), r.ActorID, r.ActorRole, r.SubjectIIN, r.SubjectName.Surname, r.SubjectName.GivenName,
			r.SubjectName.Patronymic, dateArg(r.SubjectBirthDate), r.Purpose, r.ApplicationID, r.Rule)
		return err
	})
}

// Reads lists the reads about the person with iin, oldest first: what a person
// may ask to see, and what an inspector checks.
func (a *AuditLog) Reads(ctx context.Context, iin string) ([]registry.RecordRead, error) {
	var out []registry.RecordRead
	err := a.db.ReadTx(ctx, func(tx *store.Tx) error {
		rows, err := tx.Query(ctx, `SELECT read_at, actor_id, actor_role, subject_iin, subject_surname, subject_given_name,
			subject_patronymic, subject_birth_date, purpose, application_id, rule
			FROM criminal_record_reads WHERE subject_iin = ? ORDER BY read_at, id`, iin)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var r registry.RecordRead
			var at time.Time
			if err := rows.Scan(&at, &r.ActorID, &r.ActorRole, &r.SubjectIIN, &r.SubjectName.Surname, &r.SubjectName.GivenName,
				&r.SubjectName.Patronymic, dateCol{&r.SubjectBirthDate}, &r.Purpose, &r.ApplicationID, &r.Rule); err != nil {
				return err
			}
			r.At = at.UTC()
			out = append(out, r)
		}
		return rows.Err()
	})
	return out, err
}
