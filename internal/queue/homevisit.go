package queue

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"qyzmet/internal/apperr"
	"qyzmet/internal/i18n"
	"qyzmet/internal/standard"
	"qyzmet/internal/store"
)

// Home visit statuses.
const (
	VisitRequested = "requested"
	VisitScheduled = "scheduled"
	VisitDone      = "done"
	VisitCancelled = "cancelled"
)

// HomeVisit is a request that a State Corporation employee accept documents at
// the applicant's home (Rule G-6: persons with a persistent health disorder
// limiting their life activity).
type HomeVisit struct {
	ID, IIN, Branch, Address, Phone, Reason string
	Service                                 standard.ServiceID
	RequestedAt                             time.Time
	ScheduledFor                            *time.Time
	Status                                  string
	// Operator and OperatorName are the employee who last scheduled or closed
	// the visit (login and name as the desk shows it); Note says why a visit
	// was cancelled, or what was done.
	Operator, OperatorName, Note string
}

// Limits of a home visit request's free text.
const (
	maxAddress = 300
	maxReason  = 1000
)

// RequestHomeVisit records a home visit request for the branch that serves the
// address (Rule G-6). A repeated request with the same idempotency key returns
// the first. Errors, each on its field: invalid (address, phone, reason,
// service), not found (branch).
func (q *Queue) RequestHomeVisit(ctx context.Context, applicant string, v HomeVisit, idempotencyKey string) (HomeVisit, error) {
	if err := checkIIN(applicant); err != nil {
		return HomeVisit{}, err
	}
	v.Address, v.Reason = strings.TrimSpace(v.Address), strings.TrimSpace(v.Reason)
	phone, err := normalPhone(v.Phone)
	if err != nil {
		return HomeVisit{}, err
	}
	if err := checkVisit(v); err != nil {
		return HomeVisit{}, err
	}
	b, err := q.branch(ctx, v.Branch)
	if err != nil {
		return HomeVisit{}, err
	}
	out := HomeVisit{ID: newID(), IIN: applicant, Branch: b.ID, Address: v.Address, Phone: phone, Reason: v.Reason,
		Service: v.Service, Status: VisitRequested}
	key := strings.TrimSpace(idempotencyKey)
	err = q.DB.Tx(ctx, func(tx *store.Tx) error {
		if key != "" {
			earlier, err := queryVisits(ctx, tx, `WHERE iin = ? AND idempotency_key = ?`, applicant, key)
			if err != nil || len(earlier) > 0 {
				if len(earlier) > 0 {
					out = earlier[0]
				}
				return err
			}
		}
		out.RequestedAt = tx.Now()
		_, err := tx.Exec(ctx, `INSERT INTO queue_home_visits (id, iin, branch, address, phone, reason, service, requested_at,
			status, idempotency_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			out.ID, out.IIN, out.Branch, out.Address, out.Phone, out.Reason, string(out.Service), out.RequestedAt, out.Status, key)
		return err
	})
	return out, err
}

// HomeVisits are the branch's home visit requests, newest first.
func (q *Queue) HomeVisits(ctx context.Context, branch string) ([]HomeVisit, error) {
	return q.visits(ctx, `WHERE branch = ? ORDER BY requested_at DESC LIMIT 200`, branch)
}

// MyHomeVisits are the applicant's home visit requests, newest first.
func (q *Queue) MyHomeVisits(ctx context.Context, applicant string) ([]HomeVisit, error) {
	return q.visits(ctx, `WHERE iin = ? ORDER BY requested_at DESC LIMIT 50`, applicant)
}

func (q *Queue) visits(ctx context.Context, where string, args ...any) ([]HomeVisit, error) {
	var out []HomeVisit
	err := q.DB.ReadTx(ctx, func(tx *store.Tx) error {
		var err error
		out, err = queryVisits(ctx, tx, where, args...)
		return err
	})
	return out, err
}

func queryVisits(ctx context.Context, tx *store.Tx, where string, args ...any) ([]HomeVisit, error) {
	rows, err := tx.Query(ctx, `SELECT id, iin, branch, address, phone, reason, service, requested_at, scheduled_for, status,
		operator, operator_name, note FROM queue_home_visits `+where, args...)
	if err != nil {
		return nil, fmt.Errorf("queue: read home visits: %w", err)
	}
	defer rows.Close()
	out := []HomeVisit{}
	for rows.Next() {
		var v HomeVisit
		var service string
		if err := rows.Scan(&v.ID, &v.IIN, &v.Branch, &v.Address, &v.Phone, &v.Reason, &service, &v.RequestedAt, &v.ScheduledFor, &v.Status,
			&v.Operator, &v.OperatorName, &v.Note); err != nil {
			return nil, fmt.Errorf("queue: read home visits: %w", err)
		}
		v.Service, v.RequestedAt = standard.ServiceID(service), v.RequestedAt.UTC()
		if v.ScheduledFor != nil {
			u := v.ScheduledFor.UTC()
			v.ScheduledFor = &u
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

func checkVisit(v HomeVisit) error {
	if !slices.Contains(services, v.Service) {
		return fail(apperr.Invalid, "bad_service", "service", "", txt(
			"Тізімнен қызметті таңдаңыз", "Выберите услугу из списка", "Choose a service from the list"))
	}
	if err := checkText("address", v.Address, maxAddress, txt("Мекенжай", "Адрес", "The address")); err != nil {
		return err
	}
	return checkText("reason", v.Reason, maxReason, txt("Себеп", "Причина", "The reason"))
}

// checkText refuses empty, overlong or markup-bearing text: an address and a
// reason are plain words, and a "<" in them is an attack, not a typo.
func checkText(field, s string, limit int, name i18n.Text) error {
	say := func(key, rule, kk, ru, en string) error {
		return made(apperr.Invalid, key, field, rule, i18n.Text{KK: name.KK + kk, RU: name.RU + ru, EN: name.EN + en})
	}
	switch {
	case s == "":
		return say("required", "G-6", " толтырылуы тиіс", ": заполните поле", " is required")
	case utf8.RuneCountInString(s) > limit:
		return say("too_long", "", fmt.Sprintf(" %d таңбадан аспауы тиіс", limit), fmt.Sprintf(": не более %d символов", limit),
			fmt.Sprintf(" must be at most %d characters", limit))
	case strings.ContainsAny(s, "<>") || strings.ContainsFunc(s, func(r rune) bool { return unicode.IsControl(r) && r != '\n' && r != '\r' }):
		return say("markup", "", " ішінде < > белгілері мен басқару таңбалары болмауы тиіс",
			": символы < > и управляющие символы недопустимы", " must not contain < > or control characters")
	}
	return nil
}

// normalPhone reads a Kazakhstan mobile or landline number as people write it
// (+7 701 123 45 67, 8 (701) 123-45-67) and returns +77011234567.
func normalPhone(s string) (string, error) {
	var digits strings.Builder
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits.WriteRune(r)
		case strings.ContainsRune(" +-()", r):
		default:
			return "", badPhone()
		}
	}
	d := digits.String()
	if len(d) == 11 && (d[0] == '7' || d[0] == '8') {
		return "+7" + d[1:], nil
	}
	return "", badPhone()
}

func badPhone() error {
	return fail(apperr.Invalid, "bad_phone", "phone", "G-6", txt(
		"Телефон нөмірін +7 XXX XXX XX XX түрінде жазыңыз",
		"Укажите телефон в виде +7 XXX XXX XX XX",
		"Give the phone as +7 XXX XXX XX XX"))
}

// Staff is the State Corporation employee who works a home visit.
type Staff struct{ Login, Name string }

// ScheduleHomeVisit fixes (or moves) the time an employee of branch comes to
// the applicant's home (Rule G-6), recording who scheduled it. The time must
// be ahead, within the State Corporation's working hours on a working day
// (G-1). Errors: not found (another branch's visit or none), invalid (the
// time, on field "scheduled_for"; a closed visit).
func (q *Queue) ScheduleHomeVisit(ctx context.Context, branch, id string, at time.Time, by Staff) (HomeVisit, error) {
	at = at.UTC().Truncate(time.Minute)
	return q.changeVisit(ctx, branch, id, func(tx *store.Tx, v *HomeVisit) error {
		if v.Status != VisitRequested && v.Status != VisitScheduled {
			return visitClosed()
		}
		if !at.After(tx.Now()) || !q.hours().OpenAt(q.calendar(), at) {
			return fail(apperr.Invalid, "visit_time", "scheduled_for", "G-6", txt(
				"Үйге бару уақыты алда болуы және Мемлекеттік корпорацияның жұмыс күні мен сағатына түсуі тиіс",
				"Время выезда должно быть впереди и приходиться на рабочий день и часы Государственной корпорации",
				"The visit must be ahead, on a working day within the State Corporation's hours"))
		}
		v.ScheduledFor, v.Status = &at, VisitScheduled
		return nil
	}, by)
}

// CloseHomeVisit records the end of a home visit of branch: done (the
// documents were accepted at home, Rule G-6) or cancelled, with a note saying
// why — a cancelled visit must say why. Only a scheduled visit can be done;
// closing twice with the same status is harmless.
func (q *Queue) CloseHomeVisit(ctx context.Context, branch, id, status, note string, by Staff) (HomeVisit, error) {
	note = strings.TrimSpace(note)
	if status != VisitDone && status != VisitCancelled {
		return HomeVisit{}, fail(apperr.Invalid, "visit_status", "status", "", txt(
			"Нәтижесін таңдаңыз: орындалды немесе болдырылмады", "Выберите итог: выполнен или отменён", "Choose the outcome: done or cancelled"))
	}
	if note != "" || status == VisitCancelled {
		if err := checkText("note", note, maxReason, txt("Ескертпе", "Примечание", "The note")); err != nil {
			return HomeVisit{}, err
		}
	}
	return q.changeVisit(ctx, branch, id, func(tx *store.Tx, v *HomeVisit) error {
		switch {
		case v.Status == status:
			return nil
		case v.Status == VisitDone || v.Status == VisitCancelled:
			return visitClosed()
		case status == VisitDone && v.Status != VisitScheduled:
			return fail(apperr.Invalid, "visit_not_scheduled", "status", "G-6", txt(
				"Алдымен үйге бару уақытын белгілеңіз", "Сначала назначьте время выезда", "Schedule the visit first"))
		}
		v.Status, v.Note = status, note
		return nil
	}, by)
}

// changeVisit loads branch's visit id, lets change alter it and writes it
// with the employee who changed it.
func (q *Queue) changeVisit(ctx context.Context, branch, id string, change func(*store.Tx, *HomeVisit) error, by Staff) (HomeVisit, error) {
	var out HomeVisit
	err := q.DB.Tx(ctx, func(tx *store.Tx) error {
		vs, err := queryVisits(ctx, tx, `WHERE id = ? AND branch = ?`, id, branch)
		if err != nil {
			return err
		}
		if len(vs) == 0 {
			return fail(apperr.NotFound, "visit_not_found", "", "", txt("Өтінім табылмады", "Заявка не найдена", "No such home visit request"))
		}
		out = vs[0]
		before := out
		if err := change(tx, &out); err != nil || out == before {
			return err
		}
		out.Operator, out.OperatorName = by.Login, by.Name
		_, err = tx.Exec(ctx, `UPDATE queue_home_visits SET scheduled_for = ?, status = ?, note = ?, operator = ?, operator_name = ?
			WHERE id = ?`, out.ScheduledFor, out.Status, out.Note, out.Operator, out.OperatorName, out.ID)
		return err
	})
	return out, err
}

func visitClosed() error {
	return fail(apperr.Invalid, "visit_closed", "status", "", txt(
		"Бұл өтінім жабылған", "Эта заявка закрыта", "This home visit is closed"))
}
