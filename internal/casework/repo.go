package casework

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"qyzmet/internal/apperr"
	"qyzmet/internal/i18n"
	"qyzmet/internal/standard"
	"qyzmet/internal/store"
)

// newID is a random application ID (128 bits, hex).
func newID() string {
	b := make([]byte, 16)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// insertApp writes a new application row.
func insertApp(ctx context.Context, tx *store.Tx, a *Application) error {
	doc, err := encodeApp(a)
	if err != nil {
		return err
	}
	_, err = tx.Exec(ctx, `INSERT INTO casework_applications
		(id, service, standard_version, channel, state, version, provider, number,
		 applicant_iin, applicant_bin, representative_iin, subject_iin, branch, pickup_branch,
		 assignee, deadline_on, overdue, created_at, updated_at, doc)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		a.ID, string(a.Service), a.StandardVersion, string(a.Channel), string(a.State), a.Version, a.Provider, nullable(a.Number),
		a.Applicant.IIN, a.Applicant.BIN, representativeIIN(a), subjectIIN(a), a.Branch, a.PickupBranch,
		a.Assignee, a.DeadlineOn.String(), a.Overdue, a.CreatedAt, a.UpdatedAt, string(doc))
	if err != nil {
		return fmt.Errorf("casework: insert application: %w", err)
	}
	return nil
}

// updateApp writes a changed application if its row is still at version
// expected; otherwise another command won and the caller gets a conflict.
func updateApp(ctx context.Context, tx *store.Tx, a *Application, expected int) error {
	doc, err := encodeApp(a)
	if err != nil {
		return err
	}
	res, err := tx.Exec(ctx, `UPDATE casework_applications SET
		state = ?, version = ?, number = ?, pickup_branch = ?, assignee = ?, deadline_on = ?, overdue = ?,
		updated_at = ?, doc = ?
		WHERE id = ? AND version = ?`,
		string(a.State), a.Version, nullable(a.Number), a.PickupBranch, a.Assignee, a.DeadlineOn.String(), a.Overdue,
		a.UpdatedAt, string(doc), a.ID, expected)
	if err != nil {
		return fmt.Errorf("casework: update application: %w", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("casework: update application: %w", err)
	}
	if n == 0 {
		return versionConflict(a.ID, expected)
	}
	return nil
}

// encodeApp is the stored document of an application: everything but the links,
// which live in casework_links (a complaint adds one to the application it is
// about without changing that application's version).
func encodeApp(a *Application) ([]byte, error) {
	c := *a
	c.Links = nil
	doc, err := json.Marshal(&c)
	if err != nil {
		return nil, fmt.Errorf("casework: encode application: %w", err)
	}
	return doc, nil
}

func versionConflict(id string, expected int) *Error {
	return fail(apperr.Conflict, "version_conflict", "expected_version", "", i18n.Text{
		KK: "%s өтініші осы уақытта өзгертілді (күтілген нұсқа %d): жаңартып, қайталаңыз",
		RU: "заявление %s тем временем изменилось (ожидалась версия %d): обновите и повторите",
		EN: "application %s changed in the meantime (expected version %d): reload and retry",
	}, id, expected)
}

func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func representativeIIN(a *Application) string {
	if a.Representative != nil {
		return a.Representative.IIN
	}
	return ""
}

func subjectIIN(a *Application) string {
	if a.Subject != nil {
		return a.Subject.Person.IIN
	}
	return ""
}

// loadApp reads an application with its links.
func loadApp(ctx context.Context, tx *store.Tx, id string) (*Application, error) {
	var doc string
	var version int
	err := tx.QueryRow(ctx, `SELECT doc, version FROM casework_applications WHERE id = ?`, id).Scan(&doc, &version)
	if apperr.CodeOf(err) == apperr.NotFound {
		return nil, notFound(id)
	}
	if err != nil {
		return nil, fmt.Errorf("casework: read application %s: %w", id, err)
	}
	a, err := decodeApp(doc)
	if err != nil {
		return nil, err
	}
	a.Version = version
	if a.Links, err = loadLinks(ctx, tx, id); err != nil {
		return nil, err
	}
	return a, nil
}

func decodeApp(doc string) (*Application, error) {
	var a Application
	if err := json.Unmarshal([]byte(doc), &a); err != nil {
		return nil, fmt.Errorf("casework: decode application: %w", err)
	}
	a.normalize()
	return &a, nil
}

// normalize makes the lists the API serialises empty rather than null.
func (a *Application) normalize() {
	if a.Clocks == nil {
		a.Clocks = []Clock{}
	}
	if a.Checklist == nil {
		a.Checklist = []ChecklistItem{}
	}
}

func notFound(id string) *Error {
	return fail(apperr.NotFound, "not_found", "", "", i18n.Text{
		KK: "%s өтініші табылмады", RU: "заявление %s не найдено", EN: "application %s not found",
	}, id)
}

func loadLinks(ctx context.Context, tx *store.Tx, id string) ([]Link, error) {
	rows, err := tx.Query(ctx, `SELECT linked_id, kind, part, service FROM casework_links WHERE application_id = ? ORDER BY kind, linked_id`, id)
	if err != nil {
		return nil, fmt.Errorf("casework: read links: %w", err)
	}
	defer rows.Close()
	out := []Link{}
	for rows.Next() {
		var l Link
		var svc string
		if err := rows.Scan(&l.ApplicationID, &l.Kind, &l.Part, &svc); err != nil {
			return nil, fmt.Errorf("casework: read links: %w", err)
		}
		l.Service = standard.ServiceID(svc)
		out = append(out, l)
	}
	return out, rows.Err()
}

func insertLink(ctx context.Context, tx *store.Tx, from string, l Link) error {
	_, err := tx.Exec(ctx, `INSERT INTO casework_links (application_id, linked_id, kind, part, service) VALUES (?, ?, ?, ?, ?)`,
		from, l.ApplicationID, l.Kind, l.Part, string(l.Service))
	if err != nil {
		return fmt.Errorf("casework: link applications: %w", err)
	}
	return nil
}

// appendEvent writes an event and returns its sequence number.
func appendEvent(ctx context.Context, tx *store.Tx, ev *Event) error {
	payload := ev.Payload
	if len(payload) == 0 {
		payload = json.RawMessage(`{}`)
	}
	err := tx.QueryRow(ctx, `INSERT INTO casework_events
		(application_id, version, type, actor_id, role, at, rule, reason, from_state, to_state, payload)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING seq`,
		ev.ApplicationID, ev.Version, ev.Type, ev.ActorID, string(ev.Role), ev.At, ev.Rule, ev.Reason,
		string(ev.FromState), string(ev.ToState), string(payload)).Scan(&ev.Seq)
	if err != nil {
		return fmt.Errorf("casework: append event: %w", err)
	}
	return nil
}

// writeNotification adds a message to the outbox.
func writeNotification(ctx context.Context, tx *store.Tx, n *Notification) error {
	body, err := json.Marshal(n.Text)
	if err != nil {
		return fmt.Errorf("casework: encode notification: %w", err)
	}
	err = tx.QueryRow(ctx, `INSERT INTO casework_outbox (application_id, recipient, kind, rule, body, created_at)
		VALUES (?, ?, ?, ?, ?, ?) RETURNING id`,
		n.ApplicationID, n.Recipient, n.Kind, n.Rule, string(body), n.CreatedAt).Scan(&n.ID)
	if err != nil {
		return fmt.Errorf("casework: write notification: %w", err)
	}
	return nil
}

// nextNumber takes the next number of a journal for a year (Rule AP-6.1: the
// journal of apostilled documents; CP-7: the registration of complaints). The
// counter row is updated in the command's transaction, so numbers are unique
// and have no gaps among committed applications.
func nextNumber(ctx context.Context, tx *store.Tx, journal string, year int) (int, error) {
	var n int
	err := tx.QueryRow(ctx, `INSERT INTO casework_journal (journal, year, last) VALUES (?, ?, 1)
		ON CONFLICT (journal, year) DO UPDATE SET last = casework_journal.last + 1
		RETURNING last`, journal, year).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("casework: journal %s/%d: %w", journal, year, err)
	}
	return n, nil
}

// idempotent looks up an earlier request with the same key from the same actor:
// the application it made, or "" when there was none. The same key with another
// body is a conflict.
func idempotent(ctx context.Context, tx *store.Tx, actorID, key, hash string) (string, error) {
	var id, stored string
	err := tx.QueryRow(ctx, `SELECT application_id, request_hash FROM casework_idempotency WHERE actor_id = ? AND key = ?`,
		actorID, key).Scan(&id, &stored)
	switch {
	case apperr.CodeOf(err) == apperr.NotFound:
		return "", nil
	case err != nil:
		return "", fmt.Errorf("casework: idempotency key: %w", err)
	case stored != hash:
		return "", fail(apperr.Conflict, "idempotency_key_reused", "idempotency_key", "", i18n.Text{
			KK: "бұл идемпотенттік кілт басқа сұрау үшін пайдаланылған",
			RU: "этот ключ идемпотентности уже использован для другого запроса",
			EN: "this idempotency key was already used for a different request",
		})
	}
	return id, nil
}

func rememberKey(ctx context.Context, tx *store.Tx, actorID, key, hash, appID string, now time.Time) error {
	_, err := tx.Exec(ctx, `INSERT INTO casework_idempotency (actor_id, key, request_hash, application_id, created_at) VALUES (?, ?, ?, ?, ?)`,
		actorID, key, hash, appID, now)
	if err != nil {
		return fmt.Errorf("casework: idempotency key: %w", err)
	}
	return nil
}

// queryApps runs a SELECT doc, version … and decodes the applications.
func queryApps(ctx context.Context, tx *store.Tx, query string, args ...any) ([]Application, error) {
	rows, err := tx.Query(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("casework: list applications: %w", err)
	}
	defer rows.Close()
	out := []Application{}
	for rows.Next() {
		var doc string
		var version int
		if err := rows.Scan(&doc, &version); err != nil {
			return nil, fmt.Errorf("casework: list applications: %w", err)
		}
		a, err := decodeApp(doc)
		if err != nil {
			return nil, err
		}
		a.Version = version
		out = append(out, *a)
	}
	return out, rows.Err()
}

// where builds a conjunction of conditions with their arguments.
type where struct {
	conds []string
	args  []any
}

func (w *where) add(cond string, args ...any) {
	w.conds = append(w.conds, cond)
	w.args = append(w.args, args...)
}

func (w *where) String() string {
	if len(w.conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(w.conds, " AND ")
}

func scanEvents(rows *sql.Rows) ([]Event, error) {
	defer rows.Close()
	out := []Event{}
	for rows.Next() {
		var ev Event
		var role, from, to, payload string
		if err := rows.Scan(&ev.Seq, &ev.ApplicationID, &ev.Version, &ev.Type, &ev.ActorID, &role, &ev.At,
			&ev.Rule, &ev.Reason, &from, &to, &payload); err != nil {
			return nil, fmt.Errorf("casework: read events: %w", err)
		}
		ev.Role, ev.FromState, ev.ToState = Role(role), State(from), State(to)
		ev.At = ev.At.UTC()
		ev.Payload = json.RawMessage(payload)
		out = append(out, ev)
	}
	return out, rows.Err()
}
