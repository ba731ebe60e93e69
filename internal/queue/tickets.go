package queue

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"time"

	"qyzmet/internal/standard"
	"qyzmet/internal/store"
)

const ticketColumns = `id, branch, number, iin, purpose, service, application_id, slot_start, created_at,
	arrived_at, called_at, done_at, cancelled_at, window_no, operator`

func scanTicket(row interface{ Scan(...any) error }) (Ticket, error) {
	var t Ticket
	var purpose, service string
	err := row.Scan(&t.ID, &t.Branch, &t.Number, &t.IIN, &purpose, &service, &t.ApplicationID, &t.SlotStart, &t.CreatedAt,
		&t.ArrivedAt, &t.CalledAt, &t.DoneAt, &t.CancelledAt, &t.Window, &t.Operator)
	t.Purpose, t.Service = Purpose(purpose), standard.ServiceID(service)
	t.CreatedAt = t.CreatedAt.UTC()
	for _, p := range []**time.Time{&t.SlotStart, &t.ArrivedAt, &t.CalledAt, &t.DoneAt, &t.CancelledAt} {
		if *p != nil {
			u := (*p).UTC()
			*p = &u
		}
	}
	return t, err
}

func queryTickets(ctx context.Context, tx *store.Tx, query string, args ...any) ([]Ticket, error) {
	rows, err := tx.Query(ctx, `SELECT `+ticketColumns+` FROM queue_tickets `+query, args...)
	if err != nil {
		return nil, fmt.Errorf("queue: read tickets: %w", err)
	}
	defer rows.Close()
	out := []Ticket{}
	for rows.Next() {
		t, err := scanTicket(rows)
		if err != nil {
			return nil, fmt.Errorf("queue: read tickets: %w", err)
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

func loadTicket(ctx context.Context, tx *store.Tx, id string) (Ticket, error) {
	ts, err := queryTickets(ctx, tx, `WHERE id = ?`, id)
	if err != nil {
		return Ticket{}, err
	}
	if len(ts) == 0 {
		return Ticket{}, ticketNotFound()
	}
	return ts[0], nil
}

func insertTicket(ctx context.Context, tx *store.Tx, t Ticket, idempotencyKey string) error {
	_, err := tx.Exec(ctx, `INSERT INTO queue_tickets (id, branch, day, number, iin, purpose, service, application_id,
		slot_start, idempotency_key, created_at, arrived_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		t.ID, t.Branch, ticketDay(t), t.Number, t.IIN, string(t.Purpose), string(t.Service), t.ApplicationID,
		t.SlotStart, idempotencyKey, t.CreatedAt, t.ArrivedAt)
	if err != nil {
		return fmt.Errorf("queue: save ticket: %w", err)
	}
	return nil
}

// ticketDay is the day the ticket's number belongs to: its slot's day, or the
// day it was taken.
func ticketDay(t Ticket) string {
	if t.SlotStart != nil {
		return day(*t.SlotStart)
	}
	return day(t.CreatedAt)
}

// Letters of ticket numbers: the board tells a booked applicant from walk-ins
// and those who hand in from those who collect.
const (
	letterBooked  = "E"
	letterSubmit  = "A"
	letterCollect = "B"
)

// nextNumber gives the next number of letter at branch on day: E-001, E-002 …
func nextNumber(ctx context.Context, tx *store.Tx, branch, day, letter string) (string, error) {
	var n int
	err := tx.QueryRow(ctx, `INSERT INTO queue_counters (branch, day, letter, last) VALUES (?, ?, ?, 1)
		ON CONFLICT (branch, day, letter) DO UPDATE SET last = queue_counters.last + 1
		RETURNING last`, branch, day, letter).Scan(&n)
	if err != nil {
		return "", fmt.Errorf("queue: number a ticket: %w", err)
	}
	return fmt.Sprintf("%s-%03d", letter, n), nil
}

func newID() string {
	b := make([]byte, 16)
	rand.Read(b)
	return hex.EncodeToString(b)
}
