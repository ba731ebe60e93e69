package casework

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"qyzmet/internal/apperr"
	"qyzmet/internal/i18n"
	"qyzmet/internal/store"
)

// Execute runs a command on an application in one transaction: the role, the
// expected version, what the standard allows and the state are checked in that
// order, then the command changes the application, appends its event, writes the
// notifications and enqueues the timers. Errors: unauthorized; not_found (also
// for an application the actor may not see); forbidden when the role may not
// issue the command; conflict when cmd.ExpectedVersion is not the current
// version; invalid when the command is unknown, not allowed by the standard or in
// the current state (the message names the rule), or its data is wrong (the field
// at fault is named).
func (e *Engine) Execute(ctx context.Context, a Actor, id string, cmd Command) (*Application, error) {
	if err := checkActor(a); err != nil {
		return nil, err
	}
	def, ok := commandIndex[cmd.Name]
	if !ok {
		var names []string
		for _, d := range commandTable {
			names = append(names, d.spec.Name)
		}
		return nil, badValue("command", cmd.Name, names)
	}
	var out *Application
	err := e.retry(ctx, func() error {
		return e.db.Tx(ctx, func(tx *store.Tx) error {
			app, err := loadApp(ctx, tx, id)
			if err != nil {
				return err
			}
			if !visible(a, app) {
				return notFound(id)
			}
			out, err = e.execute(ctx, tx, a, app, def, cmd)
			return err
		})
	})
	if err != nil {
		return nil, err
	}
	return out.shownTo(a), nil
}

// execute runs a command inside tx; timers and cascades call it too.
func (e *Engine) execute(ctx context.Context, tx *store.Tx, a Actor, app *Application, def *commandDef, cmd Command) (*Application, error) {
	if !slices.Contains(def.spec.Roles, a.Role) {
		return nil, forbidden(a.Role, def.spec.Name, def.spec.Roles)
	}
	if cmd.ExpectedVersion == 0 {
		return nil, required("expected_version")
	}
	if cmd.ExpectedVersion != app.Version {
		return nil, versionConflict(app.ID, cmd.ExpectedVersion)
	}
	std, err := e.standardOf(app)
	if err != nil {
		return nil, err
	}
	c := e.newChange(ctx, tx, a, app, std, def.spec.Name)
	c.to, c.rule, c.reason = def.spec.To, def.spec.Rule, cmd.Reason
	if def.allowed != nil {
		if err := def.allowed(c); err != nil {
			return nil, err
		}
	}
	if !slices.Contains(def.spec.From, app.State) {
		return nil, invalid("wrong_state", "command", def.spec.Rule, txt(
			"«%s» командасы «%s» күйінде орындалмайды (рұқсат етілген күйлер: %v)",
			"команда «%s» не выполняется в состоянии «%s» (допустимые состояния: %v)",
			"%q is not allowed in state %q (allowed from: %v)"), def.spec.Name, app.State, def.spec.From)
	}
	if err := def.run(c, cmd.Data); err != nil {
		return nil, err
	}
	paper, err := e.issuePaper(c)
	if err != nil {
		return nil, err
	}
	if err := c.commit(false); err != nil {
		return nil, err
	}
	if paper != nil {
		if err := e.keepPaper(ctx, tx, app, a, paper); err != nil {
			return nil, err
		}
	}
	return app, nil
}

// visible reports whether the actor may see the application: applicants only
// their own (as applicant, organization, representative or the person the
// request is about), operators those of their branch, other staff all.
func visible(a Actor, app *Application) bool {
	switch a.Role {
	case RoleApplicant:
		if a.IIN != "" && slices.Contains([]string{app.Applicant.IIN, representativeIIN(app), subjectIIN(app)}, a.IIN) {
			return true
		}
		return a.BIN != "" && app.Applicant.BIN == a.BIN
	case RoleOperator:
		return a.Branch == "" || app.Branch == a.Branch || app.PickupBranch == a.Branch
	}
	return true
}

// Get returns one application. Errors: unauthorized; not_found, also for an
// application the actor may not see.
func (e *Engine) Get(ctx context.Context, a Actor, id string) (*Application, error) {
	if err := checkActor(a); err != nil {
		return nil, err
	}
	var out *Application
	err := e.db.ReadTx(ctx, func(tx *store.Tx) error {
		app, err := loadApp(ctx, tx, id)
		if err != nil {
			return err
		}
		if !visible(a, app) {
			return notFound(id)
		}
		out = app.shownTo(a)
		return nil
	})
	return out, err
}

// List returns the applications f selects that the actor may see, newest first.
// Errors: unauthorized, invalid (a bad limit).
func (e *Engine) List(ctx context.Context, a Actor, f Filter) ([]Application, error) {
	if err := checkActor(a); err != nil {
		return nil, err
	}
	limit := f.Limit
	switch {
	case limit == 0:
		limit = 100
	case limit < 0 || limit > 1000:
		return nil, invalid("bad_limit", "limit", "", txt("шек 1 мен 1000 аралығында болуы тиіс", "предел должен быть от 1 до 1000", "the limit must be 1 to 1000"))
	}
	var w where
	switch a.Role {
	case RoleApplicant:
		switch {
		case a.IIN != "" && a.BIN != "":
			w.add("(applicant_iin = ? OR representative_iin = ? OR subject_iin = ? OR applicant_bin = ?)", a.IIN, a.IIN, a.IIN, a.BIN)
		case a.IIN != "":
			w.add("(applicant_iin = ? OR representative_iin = ? OR subject_iin = ?)", a.IIN, a.IIN, a.IIN)
		case a.BIN != "":
			w.add("applicant_bin = ?", a.BIN)
		default:
			return []Application{}, nil
		}
	case RoleOperator:
		if a.Branch != "" {
			w.add("(branch = ? OR pickup_branch = ?)", a.Branch, a.Branch)
		}
	}
	if f.Service != "" {
		w.add("service = ?", string(f.Service))
	}
	if f.State != "" {
		w.add("state = ?", string(f.State))
	}
	if f.ApplicantIIN != "" {
		w.add("applicant_iin = ?", f.ApplicantIIN)
	}
	if f.ApplicantBIN != "" {
		w.add("applicant_bin = ?", f.ApplicantBIN)
	}
	if f.Branch != "" {
		w.add("(branch = ? OR pickup_branch = ?)", f.Branch, f.Branch)
	}
	if f.Assignee != "" {
		w.add("assignee = ?", f.Assignee)
	}
	if f.Number != "" {
		w.add("number = ?", f.Number)
	}
	if f.Overdue {
		w.add("overdue = ?", true)
	}
	var out []Application
	err := e.db.ReadTx(ctx, func(tx *store.Tx) error {
		if f.Before != "" {
			var at time.Time
			if err := tx.QueryRow(ctx, `SELECT created_at FROM casework_applications WHERE id = ?`, f.Before).Scan(&at); err != nil {
				if apperr.CodeOf(err) == apperr.NotFound {
					return badValue("before", f.Before, "an application ID")
				}
				return err
			}
			w.add("(created_at < ? OR (created_at = ? AND id < ?))", at, at, f.Before)
		}
		args := append(w.args, limit)
		var err error
		out, err = queryApps(ctx, tx, `SELECT doc, version FROM casework_applications`+w.String()+
			` ORDER BY created_at DESC, id DESC LIMIT ?`, args...)
		if err != nil {
			return err
		}
		for i := range out {
			if out[i].Links, err = loadLinks(ctx, tx, out[i].ID); err != nil {
				return err
			}
			out[i].shownTo(a)
		}
		return nil
	})
	return out, err
}

// Events returns an application's history, oldest first. Errors: unauthorized,
// not_found.
func (e *Engine) Events(ctx context.Context, a Actor, id string) ([]Event, error) {
	if _, err := e.Get(ctx, a, id); err != nil {
		return nil, err
	}
	var out []Event
	err := e.db.ReadTx(ctx, func(tx *store.Tx) error {
		rows, err := tx.Query(ctx, `SELECT seq, application_id, version, type, actor_id, role, at, rule, reason, from_state, to_state, payload
			FROM casework_events WHERE application_id = ? ORDER BY seq`, id)
		if err != nil {
			return fmt.Errorf("casework: read events: %w", err)
		}
		out, err = scanEvents(rows)
		return err
	})
	return out, err
}

// recipients are the outbox addresses of an actor: an applicant's IIN and BIN;
// a staff member's ID and their role's desk.
func recipients(a Actor) []any {
	if a.Role == RoleApplicant {
		var out []any
		for _, r := range []string{a.IIN, a.BIN} {
			if r != "" {
				out = append(out, r)
			}
		}
		return out
	}
	return []any{a.ID, "role:" + string(a.Role)}
}

func placeholders(n int) string {
	s := "?"
	for range n - 1 {
		s += ", ?"
	}
	return s
}

// maxNotifications bounds one read of the outbox.
const maxNotifications = 200

// Notifications returns the actor's own notifications, newest first: an
// applicant's by IIN or BIN, staff's by ID and by their role's desk. Errors:
// unauthorized.
func (e *Engine) Notifications(ctx context.Context, a Actor) ([]Notification, error) {
	if err := checkActor(a); err != nil {
		return nil, err
	}
	rs := recipients(a)
	out := []Notification{}
	if len(rs) == 0 {
		return out, nil
	}
	err := e.db.ReadTx(ctx, func(tx *store.Tx) error {
		rows, err := tx.Query(ctx, `SELECT id, application_id, recipient, kind, rule, body, created_at, read_at FROM casework_outbox
			WHERE recipient IN (`+placeholders(len(rs))+`) ORDER BY id DESC LIMIT `+fmt.Sprint(maxNotifications), rs...)
		if err != nil {
			return fmt.Errorf("casework: read notifications: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			var n Notification
			var body string
			var read *time.Time
			if err := rows.Scan(&n.ID, &n.ApplicationID, &n.Recipient, &n.Kind, &n.Rule, &body, &n.CreatedAt, &read); err != nil {
				return fmt.Errorf("casework: read notifications: %w", err)
			}
			if err := json.Unmarshal([]byte(body), &n.Text); err != nil {
				return fmt.Errorf("casework: decode notification %d: %w", n.ID, err)
			}
			n.CreatedAt = n.CreatedAt.UTC()
			if read != nil {
				t := read.UTC()
				n.ReadAt = &t
			}
			out = append(out, n)
		}
		return rows.Err()
	})
	return out, err
}

// MarkRead marks one of the actor's notifications read. Errors: unauthorized,
// not_found (also for another's notification).
func (e *Engine) MarkRead(ctx context.Context, a Actor, id int64) error {
	if err := checkActor(a); err != nil {
		return err
	}
	rs := recipients(a)
	if len(rs) == 0 {
		return notFound(fmt.Sprint(id))
	}
	return e.db.Tx(ctx, func(tx *store.Tx) error {
		var n int
		args := append([]any{id}, rs...)
		if err := tx.QueryRow(ctx, `SELECT count(*) FROM casework_outbox WHERE id = ? AND recipient IN (`+placeholders(len(rs))+`)`, args...).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return fail(apperr.NotFound, "notification_not_found", "", "", i18n.Text{
				KK: "%d хабарламасы табылмады", RU: "уведомление %d не найдено", EN: "notification %d not found"}, id)
		}
		_, err := tx.Exec(ctx, `UPDATE casework_outbox SET read_at = ? WHERE id = ? AND read_at IS NULL`, tx.Now(), id)
		return err
	})
}
