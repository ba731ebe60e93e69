package queue

import (
	"context"
	"slices"
	"strings"
	"time"

	"qyzmet/internal/apperr"
	"qyzmet/internal/calendar"
	"qyzmet/internal/iin"
	"qyzmet/internal/org"
	"qyzmet/internal/store"
)

// Slots are the bookable slots of branch on d: 15-minute slots within the
// State Corporation's hours on its working days (Rule G-1: holidays and
// transferred days off have none), not yet begun, within the booking horizon;
// each with the windows still free. A day without reception has no slots.
func (q *Queue) Slots(ctx context.Context, branch string, d calendar.Date) ([]Slot, error) {
	b, err := q.branch(ctx, branch)
	if err != nil {
		return nil, err
	}
	starts := q.slotStarts(d, q.DB.Now())
	out := make([]Slot, 0, len(starts))
	if len(starts) == 0 {
		return out, nil
	}
	taken := map[int64]int{}
	err = q.DB.ReadTx(ctx, func(tx *store.Tx) error {
		rows, err := tx.Query(ctx, `SELECT slot_start FROM queue_tickets
			WHERE branch = ? AND day = ? AND slot_start IS NOT NULL AND cancelled_at IS NULL`, b.ID, d.String())
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var at time.Time
			if err := rows.Scan(&at); err != nil {
				return err
			}
			taken[at.Unix()]++
		}
		return rows.Err()
	})
	if err != nil {
		return nil, err
	}
	// Rule G-5: every window can take a booked applicant in each slot.
	for _, s := range starts {
		out = append(out, Slot{Start: s, Free: max(b.Windows-taken[s.Unix()], 0)})
	}
	return out, nil
}

// BookingDays are the days from today within the horizon on which the branches
// receive applicants (G-1), for the portal's day picker.
func (q *Queue) BookingDays(now time.Time) []calendar.Date {
	var out []calendar.Date
	today := calendar.DateOf(now)
	for i := range BookingHorizon {
		d := today.AddDays(i)
		if len(q.slotStarts(d, now)) > 0 {
			out = append(out, d)
		}
	}
	return out
}

// slotStarts are the starts of d's slots that have not begun by now.
func (q *Queue) slotStarts(d calendar.Date, now time.Time) []time.Time {
	h, cal := q.hours(), q.calendar()
	today := calendar.DateOf(now)
	if d.Before(today) || !d.Before(today.AddDays(BookingHorizon)) || !h.OpenOn(cal, d) {
		return nil
	}
	var out []time.Time
	for s := h.Opening(d); !s.Add(SlotLength).After(h.Closing(d)); s = s.Add(SlotLength) {
		if s.After(now) && h.OpenAt(cal, s) {
			out = append(out, s.UTC())
		}
	}
	return out
}

// Book books a slot for the applicant iin (Rule G-5). A repeated request with
// the same idempotency key returns the first ticket. Errors, each on its
// field: invalid (purpose, service, start outside the offered slots), not
// found (branch), conflict (the slot is full, or the applicant already holds
// this slot or a booking for the same purpose that day).
func (q *Queue) Book(ctx context.Context, applicant string, in Booking) (Ticket, error) {
	if err := checkIIN(applicant); err != nil {
		return Ticket{}, err
	}
	if err := checkPurposeService(in); err != nil {
		return Ticket{}, err
	}
	b, err := q.branch(ctx, in.Branch)
	if err != nil {
		return Ticket{}, err
	}
	start := in.Start.UTC().Truncate(time.Second)
	d := calendar.DateOf(start)
	if !slices.ContainsFunc(q.slotStarts(d, q.DB.Now()), start.Equal) {
		return Ticket{}, fail(apperr.Invalid, "slot_not_offered", "start", "G-5", txt(
			"Бұл уақытқа жазылу мүмкін емес: бөлімнің жұмыс күндері мен сағаттарындағы бос уақытты таңдаңыз",
			"На это время записаться нельзя: выберите свободное время в рабочие дни и часы отдела",
			"This time cannot be booked: choose a free slot in the branch's working days and hours"))
	}
	var out Ticket
	err = q.DB.Tx(ctx, func(tx *store.Tx) error {
		if key := strings.TrimSpace(in.IdempotencyKey); key != "" {
			earlier, err := queryTickets(ctx, tx, `WHERE iin = ? AND idempotency_key = ?`, applicant, key)
			if err != nil || len(earlier) > 0 {
				if len(earlier) > 0 {
					out = earlier[0]
				}
				return err
			}
		}
		if err := checkFree(ctx, tx, b, applicant, in.Purpose, start); err != nil {
			return err
		}
		number, err := nextNumber(ctx, tx, b.ID, d.String(), letterBooked)
		if err != nil {
			return err
		}
		out = Ticket{ID: newID(), Branch: b.ID, Number: number, IIN: applicant, Purpose: in.Purpose, Service: in.Service,
			ApplicationID: strings.TrimSpace(in.ApplicationID), SlotStart: &start, CreatedAt: tx.Now()}
		return insertTicket(ctx, tx, out, strings.TrimSpace(in.IdempotencyKey))
	})
	return out, err
}

// checkFree refuses a booking the slot or the applicant's other bookings leave
// no room for. Rule G-5: no expedited service, so nobody holds more than one
// booking for one purpose a day, and a slot takes as many as there are windows.
func checkFree(ctx context.Context, tx *store.Tx, b org.Branch, applicant string, p Purpose, start time.Time) error {
	mine, err := queryTickets(ctx, tx, `WHERE iin = ? AND day = ? AND slot_start IS NOT NULL AND cancelled_at IS NULL`,
		applicant, day(start))
	if err != nil {
		return err
	}
	for _, t := range mine {
		if t.SlotStart.Equal(start) || t.Purpose == p {
			return fail(apperr.Conflict, "already_booked", "start", "G-5", txt(
				"Сізде осы күнге осы мақсатпен жазылу бар (%s, талон %s): алдымен оны болдырмаңыз",
				"У вас уже есть запись на этот день с той же целью (%s, талон %s): сначала отмените её",
				"You already have a booking that day for the same purpose (%s, ticket %s): cancel it first"),
				t.SlotStart.In(calendar.Almaty).Format("15:04"), t.Number)
		}
	}
	var taken int
	if err := tx.QueryRow(ctx, `SELECT count(*) FROM queue_tickets WHERE branch = ? AND slot_start = ? AND cancelled_at IS NULL`,
		b.ID, start).Scan(&taken); err != nil {
		return err
	}
	if taken >= b.Windows {
		return fail(apperr.Conflict, "slot_full", "start", "G-5", txt(
			"Бұл уақыттың бос орны қалмады: басқа уақытты таңдаңыз",
			"На это время мест не осталось: выберите другое время",
			"This slot has just been taken: choose another time"))
	}
	return nil
}

// Cancel cancels the applicant's booking before they check in. Another
// person's ticket is not found; a cancelled one stays cancelled.
func (q *Queue) Cancel(ctx context.Context, applicant, id string) error {
	return q.DB.Tx(ctx, func(tx *store.Tx) error {
		t, err := loadTicket(ctx, tx, id)
		if err != nil {
			return err
		}
		switch {
		case t.IIN != applicant || !t.Booked():
			return ticketNotFound()
		case t.CancelledAt != nil:
			return nil
		case t.ArrivedAt != nil:
			return fail(apperr.Invalid, "already_arrived", "", "", txt(
				"Сіз бөлімге келіп тіркелдіңіз: жазылуды енді болдыру мүмкін емес",
				"Вы уже отметились в отделе: запись больше нельзя отменить",
				"You have checked in at the branch: the booking can no longer be cancelled"))
		}
		_, err = tx.Exec(ctx, `UPDATE queue_tickets SET cancelled_at = ? WHERE id = ?`, tx.Now(), id)
		return err
	})
}

// Mine are the applicant's tickets, the latest slot first.
func (q *Queue) Mine(ctx context.Context, applicant string) ([]Ticket, error) {
	var out []Ticket
	err := q.DB.ReadTx(ctx, func(tx *store.Tx) error {
		var err error
		out, err = queryTickets(ctx, tx, `WHERE iin = ? ORDER BY day DESC, COALESCE(slot_start, created_at) DESC LIMIT 100`, applicant)
		return err
	})
	return out, err
}

func checkIIN(s string) error {
	if _, err := iin.ParseIIN(s); err != nil {
		return fail(apperr.Invalid, "bad_iin", "iin", "", txt(
			"ЖСН дұрыс емес: 12 цифр және бақылау саны", "ИИН неверен: 12 цифр и контрольная цифра", "The IIN is not valid: 12 digits with a check digit"))
	}
	return nil
}

func checkPurposeService(in Booking) error {
	if !in.Purpose.Valid() {
		return fail(apperr.Invalid, "bad_purpose", "purpose", "", txt(
			"Келу мақсатын таңдаңыз: құжат тапсыру немесе нәтиже алу",
			"Выберите цель визита: сдать документы или получить результат",
			"Choose why you come: to hand in documents or to collect a result"))
	}
	if in.Service != "" && !slices.Contains(services, in.Service) {
		return fail(apperr.Invalid, "bad_service", "service", "", txt(
			"Тізімнен қызметті таңдаңыз", "Выберите услугу из списка", "Choose a service from the list"))
	}
	return nil
}
