package queue

import (
	"context"
	"slices"
	"time"

	"qyzmet/internal/apperr"
	"qyzmet/internal/calendar"
	"qyzmet/internal/store"
)

// Arrive checks a booked applicant in at the branch on the day of the slot;
// from then on the ticket waits for its call. Checking in twice is harmless.
// Errors: not found (no such booking at this branch), invalid (cancelled, or
// another day's booking).
func (q *Queue) Arrive(ctx context.Context, branch, ticketID string) (Ticket, error) {
	var out Ticket
	err := q.DB.Tx(ctx, func(tx *store.Tx) error {
		t, err := loadTicket(ctx, tx, ticketID)
		if err != nil {
			return err
		}
		now := tx.Now()
		switch {
		case t.Branch != branch || !t.Booked():
			return ticketNotFound()
		case t.CancelledAt != nil:
			return fail(apperr.Invalid, "cancelled", "ticket", "", txt(
				"Бұл жазылу болдырылмаған", "Эта запись отменена", "This booking was cancelled"))
		case t.ArrivedAt != nil:
			out = t
			return nil
		case day(*t.SlotStart) != day(now):
			return fail(apperr.Invalid, "other_day", "ticket", "G-5", txt(
				"Жазылу басқа күнге: %s", "Запись на другой день: %s", "The booking is for another day: %s"), day(*t.SlotStart))
		}
		if _, err := tx.Exec(ctx, `UPDATE queue_tickets SET arrived_at = ? WHERE id = ?`, now, t.ID); err != nil {
			return err
		}
		t.ArrivedAt = &now
		out = t
		return nil
	})
	return out, err
}

// WalkIn prints a ticket at the branch's terminal for someone without a
// booking; iin may be empty (the terminal does not ask for it).
func (q *Queue) WalkIn(ctx context.Context, branch string, p Purpose, applicant string) (Ticket, error) {
	if err := checkPurposeService(Booking{Purpose: p}); err != nil {
		return Ticket{}, err
	}
	if applicant != "" {
		if err := checkIIN(applicant); err != nil {
			return Ticket{}, err
		}
	}
	b, err := q.branch(ctx, branch)
	if err != nil {
		return Ticket{}, err
	}
	letter := letterSubmit
	if p == PurposeCollect {
		letter = letterCollect
	}
	var out Ticket
	err = q.DB.Tx(ctx, func(tx *store.Tx) error {
		now := tx.Now()
		number, err := nextNumber(ctx, tx, b.ID, day(now), letter)
		if err != nil {
			return err
		}
		out = Ticket{ID: newID(), Branch: b.ID, Number: number, IIN: applicant, Purpose: p, CreatedAt: now, ArrivedAt: &now}
		return insertTicket(ctx, tx, out, "")
	})
	return out, err
}

// CallNext calls the next applicant to window and records the operator. The
// ticket the window was serving is finished first: an operator calls the next
// person only when done with the last. Rule G-5 (no expedited service): the
// order is booked applicants whose slot has come and who arrived in time, then
// everyone else by arrival (walk-ins and those who came late for their slot),
// then booked applicants who came early. Errors: apperr.NotFound when nobody
// waits; invalid window.
func (q *Queue) CallNext(ctx context.Context, branch string, window int, operator string) (Ticket, error) {
	b, err := q.branch(ctx, branch)
	if err != nil {
		return Ticket{}, err
	}
	if window < 1 || window > b.Windows {
		return Ticket{}, fail(apperr.Invalid, "bad_window", "window", "", txt(
			"Терезе нөмірі 1-ден %d-ге дейін", "Номер окна от 1 до %d", "The window number is 1 to %d"), b.Windows)
	}
	var out Ticket
	err = q.DB.Tx(ctx, func(tx *store.Tx) error {
		now := tx.Now()
		if _, err := tx.Exec(ctx, `UPDATE queue_tickets SET done_at = ? WHERE branch = ? AND window_no = ?
			AND called_at IS NOT NULL AND done_at IS NULL`, now, b.ID, window); err != nil {
			return err
		}
		waiting, err := waitingAt(ctx, tx, b.ID, now)
		if err != nil {
			return err
		}
		if len(waiting) == 0 {
			return fail(apperr.NotFound, "empty", "", "", txt("Кезекте ешкім жоқ", "В очереди никого нет", "Nobody is waiting"))
		}
		out = waiting[0]
		out.CalledAt, out.Window, out.Operator = &now, window, operator
		_, err = tx.Exec(ctx, `UPDATE queue_tickets SET called_at = ?, window_no = ?, operator = ? WHERE id = ?`,
			now, window, operator, out.ID)
		return err
	})
	return out, err
}

// Finish records the end of a ticket's service. Finishing twice is harmless.
func (q *Queue) Finish(ctx context.Context, id string) error {
	return q.DB.Tx(ctx, func(tx *store.Tx) error {
		t, err := loadTicket(ctx, tx, id)
		switch {
		case err != nil:
			return err
		case t.DoneAt != nil:
			return nil
		case t.CalledAt == nil:
			return fail(apperr.Invalid, "not_called", "ticket", "", txt(
				"Талон әлі шақырылған жоқ", "Талон ещё не вызван", "The ticket has not been called yet"))
		}
		_, err = tx.Exec(ctx, `UPDATE queue_tickets SET done_at = ? WHERE id = ?`, tx.Now(), id)
		return err
	})
}

// Waiting are today's checked-in applicants of the branch not yet called, in
// the order CallNext calls them.
func (q *Queue) Waiting(ctx context.Context, branch string) ([]Ticket, error) {
	b, err := q.branch(ctx, branch)
	if err != nil {
		return nil, err
	}
	var out []Ticket
	err = q.DB.ReadTx(ctx, func(tx *store.Tx) error {
		out, err = waitingAt(ctx, tx, b.ID, tx.Now())
		return err
	})
	return out, err
}

// Serving are the tickets the branch's windows are serving now, by window.
func (q *Queue) Serving(ctx context.Context, branch string) ([]Ticket, error) {
	var out []Ticket
	err := q.DB.ReadTx(ctx, func(tx *store.Tx) error {
		var err error
		out, err = queryTickets(ctx, tx, `WHERE branch = ? AND called_at IS NOT NULL AND done_at IS NULL ORDER BY window_no`, branch)
		return err
	})
	return out, err
}

func waitingAt(ctx context.Context, tx *store.Tx, branch string, now time.Time) ([]Ticket, error) {
	ts, err := queryTickets(ctx, tx, `WHERE branch = ? AND day = ? AND arrived_at IS NOT NULL
		AND called_at IS NULL AND cancelled_at IS NULL`, branch, day(now))
	if err != nil {
		return nil, err
	}
	slices.SortStableFunc(ts, func(a, b Ticket) int {
		if ra, rb := rank(a, now), rank(b, now); ra != rb {
			return ra - rb
		}
		return waitFrom(a).Compare(waitFrom(b))
	})
	return ts, nil
}

// Ranks of the calling order.
const (
	rankDue   = iota // booked, slot has come, arrived in time
	rankQueue        // walk-ins and late arrivals, by arrival
	rankEarly        // booked, slot still to come
)

func rank(t Ticket, now time.Time) int {
	switch {
	case !t.Booked() || t.ArrivedAt.After(t.SlotStart.Add(Target)):
		return rankQueue
	case t.SlotStart.After(now):
		return rankEarly
	}
	return rankDue
}

// waitFrom is when the applicant's wait began: arrival, or for a booked
// applicant who came early and in time, the slot's start (Rule G-4 measures
// the wait the queue imposes, not the time someone chose to come early).
func waitFrom(t Ticket) time.Time {
	if t.Booked() && t.ArrivedAt.Before(*t.SlotStart) {
		return *t.SlotStart
	}
	return *t.ArrivedAt
}

// Stats are the G-4 figures of branch for the tickets called in [from, to):
// how long applicants waited from arrival (or their slot) to the call, how
// long service took from the call to the end, and how many exceeded the
// 15-minute targets.
func (q *Queue) Stats(ctx context.Context, branch string, from, to time.Time) (Stats, error) {
	var ts []Ticket
	err := q.DB.ReadTx(ctx, func(tx *store.Tx) error {
		var err error
		ts, err = queryTickets(ctx, tx, `WHERE branch = ? AND called_at >= ? AND called_at < ? AND arrived_at IS NOT NULL`,
			branch, from.UTC(), to.UTC())
		return err
	})
	if err != nil {
		return Stats{}, err
	}
	var s Stats
	var waited, served time.Duration
	for _, t := range ts {
		// Rule G-4: waiting at most 15 minutes, service at most 15 minutes.
		wait := max(t.CalledAt.Sub(waitFrom(t)), 0)
		waited += wait
		if wait > Target {
			s.WaitOver15++
		}
		if t.DoneAt == nil {
			continue
		}
		service := t.DoneAt.Sub(*t.CalledAt)
		served += service
		s.Served++
		if service > Target {
			s.ServiceOver15++
		}
	}
	if len(ts) > 0 {
		s.MeanWait = waited / time.Duration(len(ts))
	}
	if s.Served > 0 {
		s.MeanService = served / time.Duration(s.Served)
	}
	return s, nil
}

// Booked are the bookings of branch for day that have not checked in: the
// desk's check-in list, by slot. Rule G-5: a slot booked on the portal keeps
// its place once the applicant arrives.
func (q *Queue) Booked(ctx context.Context, branch string, d calendar.Date) ([]Ticket, error) {
	b, err := q.branch(ctx, branch)
	if err != nil {
		return nil, err
	}
	var out []Ticket
	err = q.DB.ReadTx(ctx, func(tx *store.Tx) error {
		out, err = queryTickets(ctx, tx, `WHERE branch = ? AND day = ? AND slot_start IS NOT NULL
			AND arrived_at IS NULL AND cancelled_at IS NULL ORDER BY slot_start, number`, b.ID, d.String())
		return err
	})
	return out, err
}

// Ticket is one ticket of branch; another branch's is not found.
func (q *Queue) Ticket(ctx context.Context, branch, id string) (Ticket, error) {
	var out Ticket
	err := q.DB.ReadTx(ctx, func(tx *store.Tx) error {
		t, err := loadTicket(ctx, tx, id)
		if err == nil && t.Branch != branch {
			err = ticketNotFound()
		}
		out = t
		return err
	})
	return out, err
}

// FinishWith ends the service of a ticket being served at branch with the
// application the operator received from its holder, so that the queue's
// figures (G-4) and the application point at each other; a walk-in ticket
// taken without an IIN gets the holder's iin. A ticket already finished
// keeps its end; one not yet called is refused.
func (q *Queue) FinishWith(ctx context.Context, branch, id, applicationID, iin string) error {
	return q.DB.Tx(ctx, func(tx *store.Tx) error {
		t, err := loadTicket(ctx, tx, id)
		switch {
		case err != nil:
			return err
		case t.Branch != branch:
			return ticketNotFound()
		case t.CalledAt == nil:
			return fail(apperr.Invalid, "not_called", "ticket", "", txt(
				"Талон әлі шақырылған жоқ", "Талон ещё не вызван", "The ticket has not been called yet"))
		}
		_, err = tx.Exec(ctx, `UPDATE queue_tickets SET application_id = ?, done_at = COALESCE(done_at, ?),
			iin = CASE WHEN iin = '' THEN ? ELSE iin END WHERE id = ?`, applicationID, tx.Now(), iin, id)
		return err
	})
}
