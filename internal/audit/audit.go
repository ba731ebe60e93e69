// Package audit keeps the log of who looked at whose personal or
// criminal-record data (#7): every desk page that shows an application, the
// registries' evidence or a person writes an entry before it answers, so that
// a view that could not be logged is not shown. The registries' own reads
// (the criminal-record decision) are logged by registry.AuditLog.
package audit

import (
	"context"
	"time"

	"qyzmet/internal/apperr"
	"qyzmet/internal/casework"
	"qyzmet/internal/store"
)

// What was viewed.
const (
	ViewApplication = "application"  // an application with the applicant's personal data
	ViewRecordCheck = "record-check" // the criminal-record evidence of an application
	ViewPerson      = "person"       // a person of the registry (front-desk search by IIN)
	ViewCard        = "card"         // a card of the special-settlement index
	ViewDocument    = "document"     // an issued document's PDF
)

// View is one look at personal data.
type View struct {
	Actor         casework.Actor
	What          string
	ApplicationID string
	SubjectIIN    string
	Detail        string
}

// Entry is a logged view.
type Entry struct {
	ID            int64
	At            time.Time
	ActorID       string
	ActorRole     casework.Role
	What          string
	ApplicationID string
	SubjectIIN    string
	Detail        string
}

// Log writes and reads the view log.
type Log struct{ DB *store.DB }

// Record logs v. Callers show the data only when it returns nil.
func (l *Log) Record(ctx context.Context, v View) error {
	if v.Actor.ID == "" || v.Actor.Role == "" || v.What == "" || (v.ApplicationID == "" && v.SubjectIIN == "" && v.Detail == "") {
		return apperr.E(apperr.Invalid, "an audit entry needs who looked, at what and whose")
	}
	return l.DB.Tx(ctx, func(tx *store.Tx) error {
		_, err := tx.Exec(ctx, `INSERT INTO audit_views (at, actor_id, actor_role, what, application_id, subject_iin, detail)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, tx.Now(), v.Actor.ID, string(v.Actor.Role), v.What, v.ApplicationID, v.SubjectIIN, v.Detail)
		return err
	})
}

// Filter selects entries; zero fields select all.
type Filter struct {
	ApplicationID string
	SubjectIIN    string
	ActorID       string
	Limit         int // default 200
}

// Entries are the entries of f, newest first.
func (l *Log) Entries(ctx context.Context, f Filter) ([]Entry, error) {
	if f.Limit <= 0 || f.Limit > 1000 {
		f.Limit = 200
	}
	var out []Entry
	err := l.DB.ReadTx(ctx, func(tx *store.Tx) error {
		rows, err := tx.Query(ctx, `SELECT id, at, actor_id, actor_role, what, application_id, subject_iin, detail FROM audit_views
			WHERE (? = '' OR application_id = ?) AND (? = '' OR subject_iin = ?) AND (? = '' OR actor_id = ?)
			ORDER BY id DESC LIMIT ?`, f.ApplicationID, f.ApplicationID, f.SubjectIIN, f.SubjectIIN, f.ActorID, f.ActorID, f.Limit)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var e Entry
			var role string
			if err := rows.Scan(&e.ID, &e.At, &e.ActorID, &role, &e.What, &e.ApplicationID, &e.SubjectIIN, &e.Detail); err != nil {
				return err
			}
			e.ActorRole = casework.Role(role)
			out = append(out, e)
		}
		return rows.Err()
	})
	return out, err
}
