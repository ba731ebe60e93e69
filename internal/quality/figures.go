// Package quality computes the quality-control figures of the services — how
// many applications were received and decided, the share decided on time, how
// many are overdue now, the average time to result — grouped by service,
// channel, branch and month of receipt, with the applications behind every
// figure (drill-down); renders them as server-side SVG charts and exports them
// as CSV and XLSX. docs/quality.md defines every figure.
//
// The package only reads casework_applications; the web layer mounts it:
// Figures for the numbers, Drill for the list behind a cell, BarChart and
// MonthChart for the pictures, WriteCSV and WriteXLSX for the exports.
package quality

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"qyzmet/internal/calendar"
	"qyzmet/internal/i18n"
	"qyzmet/internal/standard"
	"qyzmet/internal/store"
)

// Dimension is what the figures can be grouped by.
type Dimension string

const (
	ByService Dimension = "service"
	ByChannel Dimension = "channel"
	ByBranch  Dimension = "branch"
	ByMonth   Dimension = "month" // the month of receipt in Almaty, YYYY-MM
)

// Dimensions lists every dimension in the order the keys and exports use.
func Dimensions() []Dimension { return []Dimension{ByService, ByChannel, ByBranch, ByMonth} }

// Query selects the applications and says how to group them. Zero fields select
// everything; Now is required (the caller's clock decides what is overdue).
type Query struct {
	// From and To bound the day of receipt (received_on), both inclusive.
	From, To calendar.Date
	Service  standard.ServiceID
	Channel  standard.Channel
	Branch   string // the intake branch; "" selects all, portal applications have none
	GroupBy  []Dimension
	Now      time.Time
}

// Key names one cell: the values of the grouped dimensions, the others empty.
type Key struct {
	Service standard.ServiceID `json:"service,omitempty"`
	Channel standard.Channel   `json:"channel,omitempty"`
	Branch  string             `json:"branch,omitempty"`
	Month   string             `json:"month,omitempty"`
}

// Row is the figures of one cell.
type Row struct {
	Key      Key `json:"key"`
	Received int `json:"received"`
	Decided  int `json:"decided"`
	OnTime   int `json:"on_time"`
	Late     int `json:"late"`
	Overdue  int `json:"overdue"`
	// OnTimeShare is OnTime / Decided (0 when nothing was decided).
	OnTimeShare float64 `json:"on_time_share"`
	// AvgWorkingDays is the mean of the working days from the day of receipt to
	// the day of the decision (Rule G-1, G-2); AvgHours the mean of the hours
	// from receipt to decision (for the 10-minute deadline of CR-STD-3.1).
	AvgWorkingDays float64 `json:"avg_working_days"`
	AvgHours       float64 `json:"avg_hours"`

	workingDays, hours float64 // sums behind the averages
}

// Report is the figures of a query: one row per cell, sorted by key, and the
// total over all of them.
type Report struct {
	Query Query `json:"query"`
	Rows  []Row `json:"rows"`
	Total Row   `json:"total"`
}

// Measure names the applications behind a figure, for the drill-down.
type Measure string

const (
	Received Measure = "received"
	Decided  Measure = "decided"
	OnTime   Measure = "on-time"
	Late     Measure = "late"
	Overdue  Measure = "overdue"
)

// Measures lists every measure.
func Measures() []Measure { return []Measure{Received, Decided, OnTime, Late, Overdue} }

// Case is one application behind a figure.
type Case struct {
	ID         string             `json:"id"`
	Number     string             `json:"number,omitempty"`
	Service    standard.ServiceID `json:"service"`
	Channel    standard.Channel   `json:"channel"`
	Branch     string             `json:"branch,omitempty"`
	ReceivedOn calendar.Date      `json:"received_on"`
	Deadline   time.Time          `json:"deadline"`
	DecidedAt  *time.Time         `json:"decided_at,omitempty"`
}

// Error is bad input to a query, in the three languages; nothing was read.
type Error struct {
	Field string
	Text  i18n.Text
}

func (e *Error) Error() string { return "quality: " + e.Field + ": " + e.Text.EN }

func badInput(field string, text i18n.Text) *Error { return &Error{Field: field, Text: text} }

// check rejects a query that cannot be answered.
func (q Query) check() error {
	if q.Now.IsZero() {
		return badInput("now", i18n.Text{KK: "ағымдағы уақыт берілмеген", RU: "не задано текущее время", EN: "the current time is missing"})
	}
	if !q.From.IsZero() && !q.To.IsZero() && q.To.Before(q.From) {
		return badInput("to", i18n.Text{KK: "кезеңнің соңы басынан ерте", RU: "конец периода раньше начала", EN: "the end of the period is before its start"})
	}
	for i, d := range q.GroupBy {
		if !slices.Contains(Dimensions(), d) || slices.Contains(q.GroupBy[:i], d) {
			return badInput("group_by", i18n.Text{
				KK: fmt.Sprintf("топтау өлшемі %q белгісіз немесе қайталанады", d),
				RU: fmt.Sprintf("измерение группировки %q неизвестно или повторяется", d),
				EN: fmt.Sprintf("grouping dimension %q is unknown or repeated", d),
			})
		}
	}
	return nil
}

// record is one received application as the figures see it.
type record struct {
	Case
	receivedAt time.Time
}

// stored is the part of the application document the figures read. The day of
// receipt and the decision live only in the document (ADR 0003 §1), and the
// two engines read JSON with different functions, so the document is decoded
// here rather than in SQL.
type stored struct {
	ReceivedAt time.Time     `json:"received_at"`
	ReceivedOn calendar.Date `json:"received_on"`
	Deadline   time.Time     `json:"deadline"`
	Decision   *struct {
		Outcome   string    `json:"outcome"`
		DecidedAt time.Time `json:"decided_at"`
	} `json:"decision"`
	Complaint json.RawMessage `json:"complaint"`
}

// load reads the received service applications the query selects. The
// filters on columns run in SQL; deadline_on ≥ From narrows the scan safely
// because the deadline is never before the day of receipt.
func load(ctx context.Context, db *store.DB, q Query) ([]record, error) {
	var conds []string
	var args []any
	conds = append(conds, "deadline_on <> ''")
	if !q.From.IsZero() {
		conds, args = append(conds, "deadline_on >= ?"), append(args, q.From.String())
	}
	if q.Service != "" {
		conds, args = append(conds, "service = ?"), append(args, string(q.Service))
	}
	if q.Channel != "" {
		conds, args = append(conds, "channel = ?"), append(args, string(q.Channel))
	}
	if q.Branch != "" {
		conds, args = append(conds, "branch = ?"), append(args, q.Branch)
	}
	query := `SELECT id, number, service, channel, branch, doc FROM casework_applications WHERE ` +
		strings.Join(conds, " AND ") + ` ORDER BY id`
	var out []record
	err := db.ReadTx(ctx, func(tx *store.Tx) error {
		rows, err := tx.Query(ctx, query, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var r record
			var number sql.NullString
			var service, channel, doc string
			if err := rows.Scan(&r.ID, &number, &service, &channel, &r.Branch, &doc); err != nil {
				return err
			}
			var s stored
			if err := json.Unmarshal([]byte(doc), &s); err != nil {
				return fmt.Errorf("application %s: %w", r.ID, err)
			}
			if len(s.Complaint) > 0 && string(s.Complaint) != "null" || s.ReceivedOn.IsZero() {
				continue // complaints are not service applications; not yet received
			}
			if !q.From.IsZero() && s.ReceivedOn.Before(q.From) || !q.To.IsZero() && s.ReceivedOn.After(q.To) {
				continue
			}
			r.Number, r.Service, r.Channel = number.String, standard.ServiceID(service), standard.Channel(channel)
			r.ReceivedOn, r.Deadline, r.receivedAt = s.ReceivedOn, s.Deadline, s.ReceivedAt
			if s.Decision != nil {
				at := s.Decision.DecidedAt
				r.DecidedAt = &at
			}
			out = append(out, r)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("quality: read applications: %w", err)
	}
	return out, nil
}

// key is the cell of a record under the grouping.
func (r *record) key(by []Dimension) Key {
	var k Key
	for _, d := range by {
		switch d {
		case ByService:
			k.Service = r.Service
		case ByChannel:
			k.Channel = r.Channel
		case ByBranch:
			k.Branch = r.Branch
		case ByMonth:
			k.Month = month(r.ReceivedOn)
		}
	}
	return k
}

func month(d calendar.Date) string { return fmt.Sprintf("%04d-%02d", d.Year, int(d.Month)) }

// is reports whether the record counts in a measure at now.
func (r *record) is(m Measure, now time.Time) bool {
	switch m {
	case Received:
		return true
	case Decided:
		return r.DecidedAt != nil
	case OnTime:
		// Rule CR-STD-3.1, AC-4.1 (and every service's deadline rule alike): the
		// service deadline the engine computed (working days per G-1, from the day
		// after receipt per G-2; 10 minutes for CR) is met when the decision comes
		// no later.
		return r.DecidedAt != nil && !r.DecidedAt.After(r.Deadline)
	case Late:
		return r.DecidedAt != nil && r.DecidedAt.After(r.Deadline)
	case Overdue:
		// Open (no decision yet) with its deadline passed at now. Every received
		// application that ends without a decision has none to miss: a refusal
		// at intake is never received, and the interim reply is a decision.
		return r.DecidedAt == nil && now.After(r.Deadline)
	}
	return false
}

// Figures computes the report of q over the database. cal counts the working
// days (nil: calendar.Default()). Errors: *Error for bad input, otherwise the
// storage's.
func Figures(ctx context.Context, db *store.DB, cal *calendar.Calendar, q Query) (*Report, error) {
	if err := q.check(); err != nil {
		return nil, err
	}
	if cal == nil {
		cal = calendar.Default()
	}
	recs, err := load(ctx, db, q)
	if err != nil {
		return nil, err
	}
	cells := map[Key]*Row{}
	rep := &Report{Query: q, Rows: []Row{}}
	for i := range recs {
		r := &recs[i]
		k := r.key(q.GroupBy)
		row := cells[k]
		if row == nil {
			row = &Row{Key: k}
			cells[k] = row
		}
		for _, row := range []*Row{row, &rep.Total} {
			row.add(r, cal, q.Now)
		}
	}
	for _, row := range cells {
		row.finish()
		rep.Rows = append(rep.Rows, *row)
	}
	rep.Total.finish()
	slices.SortFunc(rep.Rows, func(a, b Row) int { return compareKeys(a.Key, b.Key) })
	return rep, nil
}

func (row *Row) add(r *record, cal *calendar.Calendar, now time.Time) {
	row.Received++
	if r.is(OnTime, now) {
		row.OnTime++
	}
	if r.is(Late, now) {
		row.Late++
	}
	if r.is(Overdue, now) {
		row.Overdue++
	}
	if r.DecidedAt != nil {
		row.Decided++
		// Rule G-1: working days per the production calendar, counted from the
		// day after receipt (G-2) to the day of the decision in Almaty.
		row.workingDays += float64(cal.WorkingDaysBetween(r.ReceivedOn, calendar.DateOf(*r.DecidedAt)))
		row.hours += r.DecidedAt.Sub(r.receivedAt).Hours()
	}
}

func (row *Row) finish() {
	if row.Decided > 0 {
		row.OnTimeShare = float64(row.OnTime) / float64(row.Decided)
		row.AvgWorkingDays = row.workingDays / float64(row.Decided)
		row.AvgHours = row.hours / float64(row.Decided)
	}
}

func compareKeys(a, b Key) int {
	return cmpOr(strings.Compare(string(a.Service), string(b.Service)), strings.Compare(string(a.Channel), string(b.Channel)),
		strings.Compare(a.Branch, b.Branch), strings.Compare(a.Month, b.Month))
}

func cmpOr(cs ...int) int {
	for _, c := range cs {
		if c != 0 {
			return c
		}
	}
	return 0
}

// Drill lists the applications behind the figure m of the cell k under q's
// filters and grouping, by day of receipt then ID: the drill-down of a chart's
// bar or a table's cell.
func Drill(ctx context.Context, db *store.DB, q Query, k Key, m Measure) ([]Case, error) {
	if err := q.check(); err != nil {
		return nil, err
	}
	if !slices.Contains(Measures(), m) {
		return nil, badInput("measure", i18n.Text{
			KK: fmt.Sprintf("көрсеткіш %q белгісіз", m), RU: fmt.Sprintf("показатель %q неизвестен", m), EN: fmt.Sprintf("unknown measure %q", m),
		})
	}
	recs, err := load(ctx, db, q)
	if err != nil {
		return nil, err
	}
	out := []Case{}
	for i := range recs {
		r := &recs[i]
		if r.key(q.GroupBy) == k && r.is(m, q.Now) {
			out = append(out, r.Case)
		}
	}
	slices.SortFunc(out, func(a, b Case) int { return cmpOr(a.ReceivedOn.Compare(b.ReceivedOn), strings.Compare(a.ID, b.ID)) })
	return out, nil
}
