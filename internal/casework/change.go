package casework

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	"qyzmet/internal/apperr"
	"qyzmet/internal/calendar"
	"qyzmet/internal/deadline"
	"qyzmet/internal/i18n"
	"qyzmet/internal/standard"
	"qyzmet/internal/store"
)

// change is one command being applied to one application in a transaction.
type change struct {
	e     *Engine
	ctx   context.Context
	tx    *store.Tx
	actor Actor
	app   *Application
	std   *standard.Standard
	now   time.Time
	cmd   string

	from      State
	to        State // "" keeps the state
	rule      string
	reason    string
	payload   any
	done      []string // clocks the command completes
	oldClocks []Clock

	// noteKind and noteText replace the plain status notification for the
	// applicant (hearing notice, ready for pick-up, interim reply …).
	noteKind string
	noteText i18n.Text
	noStatus bool // no notification to the applicant
	// about is the application a complaint is about, read once per change
	// however many papers need it (complained).
	about *Application
	// extra runs after the change is written: changes of linked applications
	// in the same transaction (the combined hand-over).
	extra func() error
}

func (e *Engine) newChange(ctx context.Context, tx *store.Tx, actor Actor, app *Application, std *standard.Standard, cmd string) *change {
	return &change{
		e: e, ctx: ctx, tx: tx, actor: actor, app: app, std: std, now: tx.Now(), cmd: cmd,
		from: app.State, oldClocks: slices.Clone(app.Clocks),
	}
}

// standardOf is the standard version the application runs under: the one in
// force at receipt, recorded on the application.
func (e *Engine) standardOf(a *Application) (*standard.Standard, error) {
	for _, v := range e.Standards().Versions(a.Service) {
		if v.Version == a.StandardVersion {
			return v, nil
		}
	}
	return nil, fmt.Errorf("casework: application %s runs under %s version %s, which is not loaded", a.ID, a.Service, a.StandardVersion)
}

// commit writes the change: the new state, the clocks re-planned and completed,
// the version, the row (checking the version it was read at), the event, the
// notifications and the timers — all in the change's transaction.
func (c *change) commit(created bool) error {
	a, now := c.app, c.now
	expected := a.Version
	if c.to != "" && c.to != a.State {
		a.State, a.StateSince = c.to, now
	}
	a.Clocks = c.e.plan(c.std, a)
	a.complete(now, c.done...)
	a.Clocks = c.e.plan(c.std, a) // steps counted from a step just completed move
	if a.Final() {
		a.closeAll(now)
	}
	a.Overdue = slices.ContainsFunc(a.Clocks, func(k Clock) bool { return k.Overdue })
	a.normalize()
	a.Version++
	a.UpdatedAt = now
	if created {
		a.CreatedAt = now
		if err := insertApp(c.ctx, c.tx, a); err != nil {
			return err
		}
	} else if err := updateApp(c.ctx, c.tx, a, expected); err != nil {
		return err
	}

	payload, err := json.Marshal(c.payload)
	if err != nil {
		return fmt.Errorf("casework: encode event: %w", err)
	}
	if c.payload == nil {
		payload = nil
	}
	ev := &Event{
		ApplicationID: a.ID, Version: a.Version, Type: c.cmd, ActorID: c.actor.ID, Role: c.actor.Role, At: now,
		Rule: c.rule, Reason: c.reason, FromState: c.from, ToState: a.State, Payload: payload,
	}
	if err := appendEvent(c.ctx, c.tx, ev); err != nil {
		return err
	}
	if err := c.notifyApplicant(); err != nil {
		return err
	}
	if err := c.e.scheduleTimers(c.ctx, c.tx, c.std, a, c.oldClocks, now); err != nil {
		return err
	}
	if c.extra != nil {
		return c.extra()
	}
	return nil
}

// notifyApplicant writes the outbox messages the applicant must get: every
// change of state, with the details of a hearing notice, a result ready for
// pick-up or an interim reply.
func (c *change) notifyApplicant() error {
	a := c.app
	if c.noStatus || (c.noteKind == "" && c.from == a.State) {
		return nil
	}
	kind := c.noteKind
	if kind == "" {
		kind = NoteStatus
	}
	svc := c.std.Name
	ref := a.Number
	if ref == "" {
		ref = a.ID
	}
	st := a.State.Name()
	text := i18n.Text{
		KK: fmt.Sprintf("%s, № %s: %s.", svc.In(i18n.KK), ref, st.In(i18n.KK)),
		RU: fmt.Sprintf("%s, № %s: %s.", svc.In(i18n.RU), ref, st.In(i18n.RU)),
		EN: fmt.Sprintf("%s, No. %s: %s.", svc.In(i18n.EN), ref, st.In(i18n.EN)),
	}
	if c.noteText.Complete() {
		text.KK += " " + c.noteText.KK
		text.RU += " " + c.noteText.RU
		text.EN += " " + c.noteText.EN
	}
	for _, r := range applicantRecipients(a) {
		n := &Notification{ApplicationID: a.ID, Recipient: r, Kind: kind, Text: text, Rule: c.rule, CreatedAt: c.now}
		if err := writeNotification(c.ctx, c.tx, n); err != nil {
			return err
		}
	}
	return nil
}

// applicantRecipients are who learns of the application in the personal
// cabinet: the applicant (IIN or BIN) and the representative.
func applicantRecipients(a *Application) []string {
	var out []string
	for _, r := range []string{a.Applicant.IIN, a.Applicant.BIN, representativeIIN(a)} {
		if r != "" && !slices.Contains(out, r) {
			out = append(out, r)
		}
	}
	return out
}

// decodeData reads a command's data strictly: an unknown field is an error.
func decodeData(data json.RawMessage, v any) error {
	if len(bytes.TrimSpace(data)) == 0 || string(bytes.TrimSpace(data)) == "null" {
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return invalid("bad_data", "data", "", i18n.Text{
			KK: "команда деректері дұрыс емес: %v", RU: "неверные данные команды: %v", EN: "the command's data is not valid: %v",
		}, err)
	}
	return nil
}

// receive computes when the application counts as received and its deadline
// (Rules G-1, G-2, G-3 and the standard's deadline, through package deadline).
func (e *Engine) receive(a *Application, submitted time.Time) error {
	res, err := e.law.Load().deadlines.Compute(deadline.Request{
		Service: a.Service, Channel: a.Channel, Class: a.DepartmentClass,
		TravelAbroad: a.TravelAbroad, AdditionalCheck: a.AdditionalCheck, Submitted: submitted,
	})
	if err != nil {
		return deadlineError(err)
	}
	a.ReceivedAt, a.ReceivedOn = res.Received.UTC(), res.ReceivedOn
	a.Deadline, a.DeadlineOn, a.DeadlineRule = res.Deadline.UTC(), res.DeadlineOn, res.Rule.Rule
	return nil
}

// deadlineError turns a failure to compute the deadline into the input field at
// fault: the department class, the channel, or the submission time.
func deadlineError(err error) error {
	field := "submitted_at"
	switch {
	case errors.Is(err, standard.ErrClassRequired), errors.Is(err, standard.ErrBadRequest), errors.Is(err, standard.ErrNoDeadline):
		field = "department_class"
	case errors.Is(err, standard.ErrNotOffered):
		field = "channel"
	case errors.Is(err, standard.ErrUnknownService), errors.Is(err, standard.ErrNotInForce):
		field = "service"
	}
	var se *standard.Error
	if errors.As(err, &se) {
		return &Error{App: apperr.Wrap(apperr.Invalid, err, se.Text.EN).WithKey("casework.deadline"), Field: field, Text: se.Text}
	}
	msg := err.Error()
	return &Error{App: apperr.Wrap(apperr.Invalid, err, msg).WithKey("casework.deadline"), Field: field,
		Text: i18n.Text{KK: msg, RU: msg, EN: msg}}
}

// dateText formats a date for a notification.
func dateText(d calendar.Date) string { return d.String() }

// stamp formats an instant in Almaty time for a notification.
func stamp(t time.Time) string { return t.In(calendar.Almaty).Format("2006-01-02 15:04") }
