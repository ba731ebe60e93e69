package casework

import (
	"context"
	"fmt"
	"time"

	"github.com/riverqueue/river"

	"qyzmet/internal/calendar"
	"qyzmet/internal/i18n"
	"qyzmet/internal/standard"
	"qyzmet/internal/store"
)

// Timer actions.
const (
	timerWarn    = "warn"    // tell the assigned officer a clock is about to run out
	timerOverdue = "overdue" // flag the application: a clock ran out
	timerReturn  = "return"  // G-7: after 1 month the State Corporation hands the result to the provider
	timerFile    = "file"    // G-7: after 3 months the provider files it in the nomenclature file
)

// timerArgs is a durable timer: a River job scheduled at the moment it acts,
// inserted in the transaction of the event that started its clock.
type timerArgs struct {
	ApplicationID string    `json:"application_id"`
	Clock         string    `json:"clock"`
	Action        string    `json:"action"`
	Due           time.Time `json:"due"` // the clock's due time when scheduled; another one makes the job stale
}

func (timerArgs) Kind() string { return "casework_timer" }

// timerWorker runs the timers.
type timerWorker struct {
	river.WorkerDefaults[timerArgs]
	e *Engine
}

// RegisterWorkers adds the engine's workers to the server's River workers: the
// timers and the criminal-record checks.
func (e *Engine) RegisterWorkers(w *river.Workers) {
	river.AddWorker(w, &timerWorker{e: e})
	river.AddWorker(w, &recordCheckWorker{e: e})
}

// scheduleTimers enqueues, in tx, the timers of every running clock that is new
// or whose due time moved since old.
func (e *Engine) scheduleTimers(ctx context.Context, tx *store.Tx, std *standard.Standard, a *Application, old []Clock, now time.Time) error {
	prev := map[string]Clock{}
	for _, c := range old {
		prev[c.ID] = c
	}
	sched := e.schedule(std, a)
	insert := func(c Clock, action string, at time.Time) error {
		args := timerArgs{ApplicationID: a.ID, Clock: c.ID, Action: action, Due: c.Due}
		_, err := e.jobs.InsertTx(ctx, tx, args, &river.InsertOpts{ScheduledAt: at, MaxAttempts: 10})
		return err
	}
	for _, c := range a.Clocks {
		if p, ok := prev[c.ID]; c.Done || (ok && p.Due.Equal(c.Due)) {
			continue
		}
		var err error
		switch c.ID {
		case ClockStorageReturn:
			err = insert(c, timerReturn, c.Due)
		case ClockStorageFile:
			err = insert(c, timerFile, c.Due)
		default:
			if at, ok := e.warnAt(c, sched, now); ok {
				err = insert(c, timerWarn, at)
			}
			if err == nil {
				err = insert(c, timerOverdue, c.Due)
			}
		}
		if err != nil {
			return fmt.Errorf("casework: schedule the %s timer of %s: %w", c.ID, a.ID, err)
		}
	}
	return nil
}

// warnAt is when to warn of clock c: at the provider's opening on the working day
// before it is due (or on its day when that has passed); a clock of minutes
// (CR-STD-3.1) is warned of when a fifth of its time is left.
func (e *Engine) warnAt(c Clock, sched calendar.Schedule, now time.Time) (time.Time, bool) {
	left := c.Due.Sub(now)
	if left <= 0 {
		return time.Time{}, false
	}
	if left < 24*time.Hour && calendar.DateOf(now) == c.DueOn {
		return c.Due.Add(-left / 5), true
	}
	prevDay, _ := e.Calendar().AddWorkingDays(c.DueOn, -1)
	for _, at := range []time.Time{sched.Opening(prevDay), sched.Opening(c.DueOn)} {
		if at.After(now) && at.Before(c.Due) {
			return at, true
		}
	}
	return time.Time{}, false
}

// Work runs one timer in its own transaction. A timer whose application moved on
// — the clock is done or gone, its due time changed, the application reached a
// final state or left the state the timer guards — is stale and does nothing.
func (w *timerWorker) Work(ctx context.Context, job *river.Job[timerArgs]) error {
	e, args := w.e, job.Args
	return e.retry(ctx, func() error { return w.run(ctx, args) })
}

func (w *timerWorker) run(ctx context.Context, args timerArgs) error {
	e := w.e
	return e.db.Tx(ctx, func(tx *store.Tx) error {
		a, err := loadApp(ctx, tx, args.ApplicationID)
		if err != nil {
			return err
		}
		c := a.clock(args.Clock)
		if c == nil || c.Done || !c.Due.Equal(args.Due) || a.Final() {
			e.log.Debug("casework: stale timer", "application", a.ID, "clock", args.Clock, "action", args.Action, "state", a.State)
			return nil
		}
		std, err := e.standardOf(a)
		if err != nil {
			return err
		}
		switch args.Action {
		case timerWarn:
			if c.Overdue {
				return nil
			}
			return e.staffNote(ctx, tx, a, NoteWarning, c.Rule, i18n.Text{
				KK: fmt.Sprintf("%s мерзімі жақындады: %s (%s).", c.Name.In(i18n.KK), stamp(c.Due), c.Rule),
				RU: fmt.Sprintf("Истекает срок «%s»: %s (%s).", c.Name.In(i18n.RU), stamp(c.Due), c.Rule),
				EN: fmt.Sprintf("Due soon: %s, at %s (%s).", c.Name.In(i18n.EN), stamp(c.Due), c.Rule),
			})
		case timerOverdue:
			return e.flagOverdue(ctx, tx, a, c)
		case timerReturn:
			if a.State != StateReadyForPickup {
				return nil
			}
			return e.systemCommand(ctx, tx, a, std, cmdReturnToProvider)
		case timerFile:
			if a.State != StateReturnedToProvider {
				return nil
			}
			return e.systemCommand(ctx, tx, a, std, cmdFile)
		}
		return fmt.Errorf("casework: unknown timer action %q", args.Action)
	})
}

// systemActor is who timers act as.
var systemActor = Actor{ID: "system", Role: RoleSystem, Name: "Qyzmet"}

// systemCommand runs a command as the system at the application's current version.
func (e *Engine) systemCommand(ctx context.Context, tx *store.Tx, a *Application, std *standard.Standard, name string) error {
	_, err := e.execute(ctx, tx, systemActor, a, commandIndex[name], Command{Name: name, ExpectedVersion: a.Version})
	return err
}

// flagOverdue records that clock c ran out: the clock and the application are
// flagged, an event is appended and the responsible staff notified. The flag is
// not a command and does not change the version, so an officer's pending command
// does not fail because a timer fired.
func (e *Engine) flagOverdue(ctx context.Context, tx *store.Tx, a *Application, c *Clock) error {
	now := tx.Now()
	c.Overdue = true
	a.Overdue = true
	a.UpdatedAt = now
	if err := updateApp(ctx, tx, a, a.Version); err != nil {
		return err
	}
	ev := &Event{ApplicationID: a.ID, Version: a.Version, Type: "overdue", ActorID: systemActor.ID, Role: RoleSystem,
		At: now, Rule: c.Rule, Reason: "the " + c.ID + " clock ran out", FromState: a.State, ToState: a.State,
		Payload: []byte(fmt.Sprintf(`{"clock":%q,"due":%q}`, c.ID, c.Due.Format(time.RFC3339)))}
	if err := appendEvent(ctx, tx, ev); err != nil {
		return err
	}
	return e.staffNote(ctx, tx, a, NoteOverdue, c.Rule, i18n.Text{
		KK: fmt.Sprintf("Мерзім өтті: %s, %s (%s).", c.Name.In(i18n.KK), stamp(c.Due), c.Rule),
		RU: fmt.Sprintf("Срок истёк: %s, %s (%s).", c.Name.In(i18n.RU), stamp(c.Due), c.Rule),
		EN: fmt.Sprintf("Overdue: %s, due %s (%s).", c.Name.In(i18n.EN), stamp(c.Due), c.Rule),
	})
}

// staffNote writes a notification for whoever is responsible for the application
// now: its assignee, else the desk of the responsible role.
func (e *Engine) staffNote(ctx context.Context, tx *store.Tx, a *Application, kind, rule string, text i18n.Text) error {
	ref := a.Number
	if ref == "" {
		ref = a.ID
	}
	text.KK = "№ " + ref + ": " + text.KK
	text.RU = "№ " + ref + ": " + text.RU
	text.EN = "No. " + ref + ": " + text.EN
	recipient := a.Assignee
	if recipient == "" {
		recipient = "role:" + string(responsibleRole(a))
	}
	return writeNotification(ctx, tx, &Notification{ApplicationID: a.ID, Recipient: recipient, Kind: kind, Text: text, Rule: rule, CreatedAt: tx.Now()})
}

// responsibleRole is the desk that acts next on the application.
func responsibleRole(a *Application) Role {
	switch {
	case a.Complaint != nil && a.Complaint.Addressee == AddresseeQualityBody:
		return RoleQuality
	case a.Complaint != nil && a.State == StateForwarded:
		return RoleComplaints
	case a.State == StateSubmitted, a.State == StateDispatched, a.State == StateReadyForPickup:
		return RoleOperator
	}
	return RoleOfficer
}
