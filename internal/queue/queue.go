// Package queue is the State Corporation's electronic queue (Rule G-5:
// reception is by electronic queue without expedited service; a slot may be
// booked on the portal): 15-minute slots booked on the portal, tickets taken
// at a branch's terminal, the call of the next applicant to a window, and the
// times the G-4 targets are measured from (waiting at most 15 minutes, service
// at most 15 minutes). It also takes requests for a home visit (G-6).
//
// The portal's cabinet books and cancels; the front desk checks booked
// applicants in, prints walk-in tickets, calls and finishes them. Every time
// comes from the database's clock (store.Tx.Now), so tests move days in
// milliseconds and both engines agree.
package queue

import (
	"context"
	"fmt"
	"time"

	"qyzmet/internal/apperr"
	"qyzmet/internal/calendar"
	"qyzmet/internal/casework"
	"qyzmet/internal/i18n"
	"qyzmet/internal/org"
	"qyzmet/internal/standard"
	"qyzmet/internal/store"
)

// Purpose is why an applicant comes to the branch.
type Purpose string

const (
	PurposeSubmit  Purpose = "submit"  // to hand in documents
	PurposeCollect Purpose = "collect" // to collect a ready result
)

// Valid reports whether p is a known purpose.
func (p Purpose) Valid() bool { return p == PurposeSubmit || p == PurposeCollect }

// Rule G-4: waiting and service are each targeted at 15 minutes, so a slot is
// one service's worth of time and the statistics count what exceeds it.
const (
	SlotLength = 15 * time.Minute
	Target     = 15 * time.Minute
)

// BookingHorizon is how far ahead the portal offers slots: a month of days is
// enough to plan a visit and short enough that slots are not hoarded.
const BookingHorizon = 31 // days

// Ticket is one applicant's place in a branch's queue: booked on the portal
// (SlotStart set) or taken at the terminal.
type Ticket struct {
	ID, Branch, Number string // Number as the board shows it: "A-017"
	IIN                string // empty for an anonymous walk-in
	Purpose            Purpose
	Service            standard.ServiceID
	ApplicationID      string
	SlotStart          *time.Time // booked slot; nil for a walk-in
	CreatedAt          time.Time
	ArrivedAt          *time.Time
	CalledAt           *time.Time
	DoneAt             *time.Time
	CancelledAt        *time.Time
	Window             int
	Operator           string
}

// Booked reports whether the ticket was booked on the portal.
func (t Ticket) Booked() bool { return t.SlotStart != nil }

// Live reports whether the ticket still waits for service: not cancelled, not
// called.
func (t Ticket) Live() bool { return t.CancelledAt == nil && t.CalledAt == nil }

// Slot is one bookable 15-minute slot of a branch.
type Slot struct {
	Start time.Time
	Free  int
}

// Stats are the G-4 figures of a branch over a period.
type Stats struct {
	Served                    int // tickets finished
	MeanWait, MeanService     time.Duration
	WaitOver15, ServiceOver15 int
}

// Booking is a request for a slot.
type Booking struct {
	Branch         string
	Start          time.Time
	Purpose        Purpose
	Service        standard.ServiceID
	ApplicationID  string
	IdempotencyKey string // made when the form was rendered: a double click books once
}

// Queue works the electronic queue of every branch.
type Queue struct {
	DB *store.DB
	// Calendar is the calendar in force: a function, so that an
	// administrator's transfer of a day off reaches the slots at once
	// (app.System passes the engine's); nil is calendar.Default.
	Calendar func() *calendar.Calendar
	Branches *org.Directory
	// Hours are the State Corporation's working hours; the zero value is
	// Monday to Friday 09:00–18:00 without lunch, as the standards state them
	// (CR-STD-7).
	Hours calendar.Schedule
}

// DefaultHours are the State Corporation's working hours (CR-STD-7).
var DefaultHours = calendar.Schedule{
	Days:  []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday},
	Open:  calendar.Clock{Hour: 9},
	Close: calendar.Clock{Hour: 18},
}

func (q *Queue) hours() calendar.Schedule {
	if len(q.Hours.Days) == 0 && !q.Hours.RoundTheClock {
		return DefaultHours
	}
	return q.Hours
}

func (q *Queue) calendar() *calendar.Calendar {
	if q.Calendar == nil {
		return calendar.Default()
	}
	return q.Calendar()
}

// services an applicant may come for (a complaint is filed, not queued for).
var services = []standard.ServiceID{standard.CriminalRecord, standard.ApostilleProsecution, standard.ArchivalCertificate, standard.ApostilleCourt}

// fail is an error the forms place next to their field: the engine's error
// type, so that the web kit shows its text in the user's language.
func fail(code apperr.Code, key, field, rule string, text i18n.Text, args ...any) error {
	return made(code, key, field, rule, i18n.Text{KK: fmt.Sprintf(text.KK, args...), RU: fmt.Sprintf(text.RU, args...), EN: fmt.Sprintf(text.EN, args...)})
}

// made is fail with a text already written in each language.
func made(code apperr.Code, key, field, rule string, t i18n.Text) error {
	msg := t.EN
	if rule != "" {
		msg += " (Rule " + rule + ")"
	}
	return &casework.Error{App: apperr.E(code, msg).WithKey("queue." + key), Field: field, Rule: rule, Text: t}
}

func txt(kk, ru, en string) i18n.Text { return i18n.Text{KK: kk, RU: ru, EN: en} }

func ticketNotFound() error {
	return fail(apperr.NotFound, "ticket_not_found", "", "", txt("Талон табылмады", "Талон не найден", "No such ticket"))
}

// branch is an open State Corporation branch; anything else is not found, on
// the field the forms name "branch".
func (q *Queue) branch(ctx context.Context, id string) (org.Branch, error) {
	b, err := q.Branches.Branch(ctx, id)
	if apperr.CodeOf(err) == apperr.NotFound || (err == nil && (b.Kind != org.KindStateCorp || !b.Open())) {
		return org.Branch{}, fail(apperr.NotFound, "branch_not_found", "branch", "",
			txt("Мұндай Мемлекеттік корпорация бөлімі жоқ", "Такого отдела Государственной корпорации нет", "There is no such State Corporation branch"))
	}
	return b, err
}

// day is the branch-local date a time belongs to (Rule G-1: Almaty time).
func day(t time.Time) string { return calendar.DateOf(t).String() }
