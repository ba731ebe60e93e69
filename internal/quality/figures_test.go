package quality_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"qyzmet/internal/calendar"
	"qyzmet/internal/casework"
	"qyzmet/internal/iin"
	"qyzmet/internal/quality"
	"qyzmet/internal/standard"
	"qyzmet/internal/store"
	"qyzmet/internal/store/storetest"
)

func at(y int, m time.Month, d, hh, mm int) time.Time {
	return time.Date(y, m, d, hh, mm, 0, 0, calendar.Almaty)
}

var (
	admin    = casework.Actor{ID: "admin-1", Role: casework.RoleAdmin}
	head     = casework.Actor{ID: "head-1", Role: casework.RoleHead}
	system   = casework.Actor{ID: "system", Role: casework.RoleSystem}
	serial   atomic.Int64
	keys     atomic.Int64
	operator = func(branch string) casework.Actor {
		return casework.Actor{ID: "op-" + branch, Role: casework.RoleOperator, Branch: branch}
	}
)

// world is a casework engine on a fresh database with a fake clock.
type world struct {
	t     testing.TB
	ctx   context.Context
	clock *storetest.Clock
	db    *store.DB
	e     *casework.Engine
}

func newWorld(t testing.TB, kind storetest.Engine, start time.Time) *world {
	t.Helper()
	clock := storetest.NewClock(start)
	db := kind.Open(t, clock)
	e, err := casework.New(casework.Config{DB: db})
	if err != nil {
		t.Fatal(err)
	}
	return &world{t: t, ctx: context.Background(), clock: clock, db: db, e: e}
}

func (w *world) person() casework.Party {
	w.t.Helper()
	for {
		n, err := iin.Generate(time.Date(1985, 4, 12, 0, 0, 0, 0, time.UTC), iin.Male, int(serial.Add(1)%9999))
		if errors.Is(err, iin.ErrNoCheckDigit) {
			continue
		}
		if err != nil {
			w.t.Fatal(err)
		}
		return casework.Party{Kind: casework.KindIndividual, IIN: n, Surname: "Abenov", GivenName: "Aigerim",
			Phone: "+77011234567", Address: "Almaty, Abai 10"}
	}
}

func (w *world) submit(actor casework.Actor, in casework.SubmitInput) *casework.Application {
	w.t.Helper()
	app, _, err := w.e.Submit(w.ctx, actor, in, fmt.Sprintf("key-%d", keys.Add(1)))
	if err != nil {
		w.t.Fatalf("submit %s: %v", in.Service, err)
	}
	return app
}

func (w *world) exec(actor casework.Actor, app *casework.Application, name string, data any) *casework.Application {
	w.t.Helper()
	cur, err := w.e.Get(w.ctx, admin, app.ID)
	if err != nil {
		w.t.Fatal(err)
	}
	var raw json.RawMessage
	if data != nil {
		if raw, err = json.Marshal(data); err != nil {
			w.t.Fatal(err)
		}
	}
	got, err := w.e.Execute(w.ctx, actor, app.ID, casework.Command{Name: name, ExpectedVersion: cur.Version, Data: raw})
	if err != nil {
		w.t.Fatalf("%s on %s (%s, %s): %v", name, app.ID, app.Service, cur.State, err)
	}
	return got
}

// decide starts the verification and issues the result now.
func (w *world) decide(actor casework.Actor, app *casework.Application) *casework.Application {
	w.t.Helper()
	app = w.exec(actor, app, "start-verification", nil)
	return w.exec(actor, app, "issue", nil)
}

func (w *world) acDesk(branch string, class standard.DepartmentClass) *casework.Application {
	w.t.Helper()
	p := w.person()
	app := w.submit(operator(branch), casework.SubmitInput{Service: standard.ApostilleCourt, Channel: standard.StateCorp, Applicant: p,
		Branch: branch, DepartmentClass: class, Payment: &casework.Payment{Method: casework.PaymentGateway, Reference: "PG-1",
			AmountTenge: 2162, PaidOn: calendar.DateOf(w.clock.Now())},
		Documents: []casework.DocumentInput{{ID: "application", Provided: true}, {ID: "identity", Provided: true}, {ID: "court-document", Provided: true}}})
	return w.exec(operator(branch), app, "accept", nil)
}

func (w *world) acPortal() *casework.Application {
	w.t.Helper()
	p := w.person()
	return w.submit(casework.Actor{ID: "u-" + p.IIN, Role: casework.RoleApplicant, IIN: p.IIN}, casework.SubmitInput{
		Service: standard.ApostilleCourt, Channel: standard.Portal, Applicant: p, PickupBranch: "KRG-3",
		Payment:   &casework.Payment{Method: casework.PaymentGateway, Reference: "PG-2", AmountTenge: 2162, PaidOn: calendar.DateOf(w.clock.Now())},
		Documents: []casework.DocumentInput{{ID: "document-scan", Provided: true}}})
}

func (w *world) crPortal() *casework.Application {
	w.t.Helper()
	p := w.person()
	return w.submit(casework.Actor{ID: "u-" + p.IIN, Role: casework.RoleApplicant, IIN: p.IIN}, casework.SubmitInput{
		Service: standard.CriminalRecord, Channel: standard.Portal, Applicant: p,
		Subject: &casework.Subject{Relation: casework.RelationSelf, Person: p}})
}

// seeded is the data of the acceptance test and what each application is.
type seeded struct {
	onTime, late, overdue, open, intakeRefused []string
}

// seed populates the database through the engine: three services, two
// channels, three branches (and none on the portal), two months; decisions on
// time and late, applications open past their deadline and within it.
func seed(w *world) seeded {
	var s seeded
	ids := func(list *[]string, apps ...*casework.Application) {
		for _, a := range apps {
			*list = append(*list, a.ID)
		}
	}
	// Monday 6 April 2026, 10:00.
	acMajor := w.acDesk("ALM-1", standard.Major) // AC-4.1: 1 working day → 7 April
	acOther := w.acDesk("KRG-3", standard.Other) // AC-4.1: 5 working days → 13 April
	acOpen := w.acDesk("KRG-3", standard.Other)  // left open: overdue from 13 April
	crFast, crSlow, crOpen := w.crPortal(), w.crPortal(), w.crPortal()
	p := w.person()
	refused := w.submit(operator("ALM-1"), casework.SubmitInput{Service: standard.ApostilleCourt, Channel: standard.StateCorp, Applicant: p,
		Branch: "ALM-1", DepartmentClass: standard.Major, Documents: []casework.DocumentInput{{ID: "application", Provided: true}}})
	refused = w.exec(operator("ALM-1"), refused, "refuse-at-intake", nil)
	ids(&s.intakeRefused, refused)

	w.clock.Set(at(2026, 4, 6, 10, 5)) // CR-STD-3.1: within the 10 minutes
	ids(&s.onTime, w.decide(system, crFast))
	w.clock.Set(at(2026, 4, 6, 10, 30)) // 20 minutes after the 10
	ids(&s.late, w.decide(system, crSlow))
	w.clock.Set(at(2026, 4, 6, 15, 0))
	ids(&s.onTime, w.decide(head, acMajor))
	w.clock.Set(at(2026, 4, 14, 11, 0)) // a day after 13 April
	ids(&s.late, w.decide(head, acOther))
	ids(&s.overdue, acOpen, crOpen)

	// Tuesday 5 May 2026: 1 May and 7 May are holidays (G-1).
	w.clock.Set(at(2026, 5, 5, 10, 0))
	acWeb := w.acPortal()                       // AC-4.1: portal, 1 working day → 6 May
	acLate := w.acDesk("ALM-1", standard.Major) // → 6 May, left open
	acBusy := w.acDesk("SHY-2", standard.Other) // 5 working days → 13 May (7, 9, 10 are off)
	w.clock.Set(at(2026, 5, 6, 12, 0))
	ids(&s.onTime, w.decide(head, acWeb))
	ids(&s.overdue, acLate)
	w.clock.Set(at(2026, 5, 12, 16, 0))
	ids(&s.onTime, w.decide(head, acBusy))

	// Tuesday 19 May: an application still within its 5 working days.
	w.clock.Set(at(2026, 5, 19, 10, 0))
	ids(&s.open, w.acDesk("SHY-2", standard.Other))
	return s
}

// direct is the acceptance's independent count: plain SQL over the same
// tables, written for each engine's JSON functions, with the cell's filters.
type direct struct {
	db      *store.DB
	dialect store.Dialect
}

func (d direct) json(path string) string {
	if d.dialect == store.Postgres {
		return "(CAST(doc AS jsonb) #>> '{" + path + "}')"
	}
	return "json_extract(doc, '$." + path + "')"
}

func (d direct) instant(expr string) string {
	if d.dialect == store.Postgres {
		return "CAST(" + expr + " AS timestamptz)"
	}
	return "julianday(" + expr + ")"
}

// count runs SELECT COUNT(*) for a measure within the cell k of the grouping by.
func (d direct) count(t *testing.T, m quality.Measure, by []quality.Dimension, k quality.Key, now time.Time) int {
	t.Helper()
	received, decided, deadline := d.json("received_on"), d.json("decision,decided_at"), d.json("deadline")
	if d.dialect == store.SQLite {
		decided = d.json("decision.decided_at")
	}
	q := `SELECT COUNT(*) FROM casework_applications WHERE ` + received + ` IS NOT NULL AND service <> 'complaint'`
	var args []any
	switch m {
	case quality.Decided:
		q += ` AND ` + decided + ` IS NOT NULL`
	case quality.OnTime:
		q += ` AND ` + d.instant(decided) + ` <= ` + d.instant(deadline)
	case quality.Late:
		q += ` AND ` + d.instant(decided) + ` > ` + d.instant(deadline)
	case quality.Overdue:
		q += ` AND ` + decided + ` IS NULL AND state NOT IN ('refused-at-intake', 'interim-reply', 'handed-over', 'filed') AND ` +
			d.instant(deadline) + ` < ` + d.instant("?")
		if d.dialect == store.Postgres {
			args = append(args, now)
		} else {
			args = append(args, now.UTC().Format(time.RFC3339))
		}
	}
	for _, dim := range by {
		switch dim {
		case quality.ByService:
			q, args = q+` AND service = ?`, append(args, string(k.Service))
		case quality.ByChannel:
			q, args = q+` AND channel = ?`, append(args, string(k.Channel))
		case quality.ByBranch:
			q, args = q+` AND branch = ?`, append(args, k.Branch)
		case quality.ByMonth:
			q, args = q+` AND substr(`+received+`, 1, 7) = ?`, append(args, k.Month)
		}
	}
	var n int
	err := d.db.ReadTx(context.Background(), func(tx *store.Tx) error { return tx.QueryRow(context.Background(), q, args...).Scan(&n) })
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n
}

// TestFiguresEqualDirectSQL is the acceptance test of the dashboard: every
// figure of every cell, grouped by service, channel, branch and month, equals
// an independent SQL count on the same data, and the averages equal the
// working days (G-1, G-2) and hours recomputed from the stored days.
func TestFiguresEqualDirectSQL(t *testing.T) {
	storetest.Run(t, func(t *testing.T, kind storetest.Engine) {
		t.Parallel()
		w := newWorld(t, kind, at(2026, 4, 6, 10, 0))
		s := seed(w)
		now := at(2026, 5, 20, 12, 0)
		d := direct{db: w.db, dialect: kind.Dialect}
		all := []quality.Dimension{quality.ByService, quality.ByChannel, quality.ByBranch, quality.ByMonth}
		rep, err := quality.Figures(w.ctx, w.db, nil, quality.Query{GroupBy: all, Now: now})
		if err != nil {
			t.Fatal(err)
		}

		t.Run("CR-STD-3.1 AC-4.1 on time, late and overdue against the deadline", func(t *testing.T) {
			tot := rep.Total
			if tot.Received != 10 || tot.Decided != 6 || tot.OnTime != len(s.onTime) || tot.Late != len(s.late) || tot.Overdue != len(s.overdue) {
				t.Errorf("total %+v: want 10 received (the intake refusal is not), 6 decided, %d on time, %d late, %d overdue",
					tot, len(s.onTime), len(s.late), len(s.overdue))
			}
			for _, m := range quality.Measures() {
				if got, want := pick(tot, m), d.count(t, m, nil, quality.Key{}, now); got != want {
					t.Errorf("total %s = %d, direct SQL %d", m, got, want)
				}
			}
			if want := float64(len(s.onTime)) / 6; tot.OnTimeShare != want {
				t.Errorf("on-time share %v, want %v", tot.OnTimeShare, want)
			}
		})

		t.Run("every cell equals the direct SQL count", func(t *testing.T) {
			if len(rep.Rows) < 6 {
				t.Fatalf("%d cells, want at least 6 (three services, two channels, three branches, two months)", len(rep.Rows))
			}
			sum := 0
			for _, r := range rep.Rows {
				for _, m := range quality.Measures() {
					if got, want := pick(r, m), d.count(t, m, all, r.Key, now); got != want {
						t.Errorf("cell %+v %s = %d, direct SQL %d", r.Key, m, got, want)
					}
				}
				sum += r.Received
			}
			if sum != rep.Total.Received {
				t.Errorf("cells hold %d applications, the total %d", sum, rep.Total.Received)
			}
		})

		t.Run("G-1 G-2 averages of working days and hours", func(t *testing.T) {
			cal := calendar.Default()
			byService, err := quality.Figures(w.ctx, w.db, nil, quality.Query{GroupBy: []quality.Dimension{quality.ByService}, Now: now})
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range byService.Rows {
				var days, hours float64
				var n int
				for _, id := range append(slices.Clone(s.onTime), s.late...) {
					app, err := w.e.Get(w.ctx, admin, id)
					if err != nil {
						t.Fatal(err)
					}
					if app.Service != r.Key.Service {
						continue
					}
					n++
					days += float64(cal.WorkingDaysBetween(app.ReceivedOn, calendar.DateOf(app.Decision.DecidedAt)))
					hours += app.Decision.DecidedAt.Sub(app.ReceivedAt).Hours()
				}
				if n != r.Decided || !near(r.AvgWorkingDays, days/float64(n)) || !near(r.AvgHours, hours/float64(n)) {
					t.Errorf("%s: %d decided, %.3f wd, %.3f h; recomputed %d, %.3f, %.3f", r.Key.Service, r.Decided,
						r.AvgWorkingDays, r.AvgHours, n, days/float64(n), hours/float64(n))
				}
			}
			// AC at the State Corporation: 0 working days (ALM-1, same day), 6 (KRG-3,
			// 6 → 14 April), 0 (portal) and 4 (SHY-2, 5 → 12 May over the 7 May holiday).
			ac := row(t, byService, quality.Key{Service: standard.ApostilleCourt})
			if ac.AvgWorkingDays != 10.0/4 {
				t.Errorf("AC average %.3f working days, want 2.5", ac.AvgWorkingDays)
			}
			// CR-STD-3.1: 5 and 30 minutes → 17.5 minutes on average.
			if cr := row(t, byService, quality.Key{Service: standard.CriminalRecord}); !near(cr.AvgHours, 17.5/60) {
				t.Errorf("CR average %.4f h, want 17.5 minutes", cr.AvgHours)
			}
		})

		t.Run("filters and drill-down", func(t *testing.T) {
			may, err := quality.Figures(w.ctx, w.db, nil, quality.Query{From: calendar.D(2026, 5, 1), To: calendar.D(2026, 5, 31),
				Channel: standard.StateCorp, GroupBy: []quality.Dimension{quality.ByBranch}, Now: now})
			if err != nil {
				t.Fatal(err)
			}
			if may.Total.Received != 3 || may.Total.Overdue != 1 || len(may.Rows) != 2 {
				t.Errorf("May at the State Corporation: %+v in %d rows; want 3 received, 1 overdue, 2 branches", may.Total, len(may.Rows))
			}
			cases, err := quality.Drill(w.ctx, w.db, quality.Query{Now: now}, quality.Key{}, quality.Overdue)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, c := range cases {
				got = append(got, c.ID)
			}
			if want := slices.Sorted(slices.Values(s.overdue)); !slices.Equal(slices.Sorted(slices.Values(got)), want) {
				t.Errorf("overdue drill-down %v, want %v", got, want)
			}
			q := quality.Query{GroupBy: []quality.Dimension{quality.ByService, quality.ByMonth}, Now: now}
			k := quality.Key{Service: standard.CriminalRecord, Month: "2026-04"}
			late, err := quality.Drill(w.ctx, w.db, q, k, quality.Late)
			if err != nil {
				t.Fatal(err)
			}
			if len(late) != 1 || late[0].ID != s.late[0] || late[0].DecidedAt == nil {
				t.Errorf("late CR in April: %+v, want %s", late, s.late[0])
			}
		})

		t.Run("bad input changes nothing and names the field", func(t *testing.T) {
			for _, tc := range []struct {
				field string
				q     quality.Query
			}{
				{"now", quality.Query{}},
				{"to", quality.Query{From: calendar.D(2026, 5, 2), To: calendar.D(2026, 5, 1), Now: now}},
				{"group_by", quality.Query{GroupBy: []quality.Dimension{"year"}, Now: now}},
				{"group_by", quality.Query{GroupBy: []quality.Dimension{quality.ByMonth, quality.ByMonth}, Now: now}},
			} {
				_, err := quality.Figures(w.ctx, w.db, nil, tc.q)
				var qe *quality.Error
				if !errors.As(err, &qe) || qe.Field != tc.field || !qe.Text.Complete() {
					t.Errorf("%+v: error %v, want one about %s in kk/ru/en", tc.q, err, tc.field)
				}
			}
			if _, err := quality.Drill(w.ctx, w.db, quality.Query{Now: now}, quality.Key{}, "pending"); err == nil {
				t.Error("an unknown measure is accepted")
			}
		})
	})
}

func pick(r quality.Row, m quality.Measure) int {
	switch m {
	case quality.Received:
		return r.Received
	case quality.Decided:
		return r.Decided
	case quality.OnTime:
		return r.OnTime
	case quality.Late:
		return r.Late
	}
	return r.Overdue
}

func row(t *testing.T, rep *quality.Report, k quality.Key) quality.Row {
	t.Helper()
	for _, r := range rep.Rows {
		if r.Key == k {
			return r
		}
	}
	t.Fatalf("no row %+v in %+v", k, rep.Rows)
	return quality.Row{}
}

func near(a, b float64) bool { return a-b < 1e-9 && b-a < 1e-9 }
