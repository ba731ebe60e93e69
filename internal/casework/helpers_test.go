package casework_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/riverqueue/river"

	"qyzmet/internal/apperr"
	"qyzmet/internal/calendar"
	"qyzmet/internal/casework"
	"qyzmet/internal/iin"
	"qyzmet/internal/standard"
	"qyzmet/internal/store"
	"qyzmet/internal/store/storetest"
)

// env is one engine on a fresh database of one engine kind, with a fake clock
// and a started River client that works the timers.
type env struct {
	t     *testing.T
	ctx   context.Context
	clock *storetest.Clock
	db    *store.DB
	jobs  *store.Jobs
	e     *casework.Engine
}

// at is a wall-clock time in Almaty.
func at(y int, m time.Month, d, hh, mm int) time.Time {
	return time.Date(y, m, d, hh, mm, 0, 0, calendar.Almaty)
}

func newEnv(t *testing.T, kind storetest.Engine, start time.Time) *env {
	t.Helper()
	clock := storetest.NewClock(start)
	db := kind.Open(t, clock)
	e, err := casework.New(casework.Config{DB: db})
	if err != nil {
		t.Fatal(err)
	}
	workers := river.NewWorkers()
	e.RegisterWorkers(workers)
	jobs := storetest.StartJobs(t, db, workers)
	return &env{t: t, ctx: context.Background(), clock: clock, db: db, jobs: jobs, e: e}
}

// advanceTo moves the clock to t and runs every timer due by then.
func (v *env) advanceTo(t time.Time) {
	v.t.Helper()
	if t.Before(v.clock.Now()) {
		v.t.Fatalf("cannot move the clock back from %v to %v", v.clock.Now(), t)
	}
	v.clock.Set(t)
	if err := v.jobs.WorkDue(v.ctx); err != nil {
		v.t.Fatal(err)
	}
}

// exec runs a command that must succeed, at the application's current version.
func (v *env) exec(actor casework.Actor, app *casework.Application, name string, data any) *casework.Application {
	v.t.Helper()
	got, err := v.try(actor, app, name, data)
	if err != nil {
		v.t.Fatalf("%s on %s (state %s): %v", name, app.ID, app.State, err)
	}
	return got
}

// try runs a command at the application's current version (read fresh).
func (v *env) try(actor casework.Actor, app *casework.Application, name string, data any) (*casework.Application, error) {
	v.t.Helper()
	cur := v.get(app.ID)
	raw, err := json.Marshal(data)
	if err != nil {
		v.t.Fatal(err)
	}
	if data == nil {
		raw = nil
	}
	return v.e.Execute(v.ctx, actor, app.ID, casework.Command{Name: name, ExpectedVersion: cur.Version, Data: raw})
}

// get reads an application as an administrator.
func (v *env) get(id string) *casework.Application {
	v.t.Helper()
	app, err := v.e.Get(v.ctx, admin, id)
	if err != nil {
		v.t.Fatal(err)
	}
	return app
}

func (v *env) submit(actor casework.Actor, in casework.SubmitInput) *casework.Application {
	v.t.Helper()
	app, created, err := v.e.Submit(v.ctx, actor, in, fmt.Sprintf("key-%d", keys.Add(1)))
	if err != nil {
		v.t.Fatalf("submit %s: %v", in.Service, err)
	}
	if !created {
		v.t.Fatalf("submit %s: not created", in.Service)
	}
	return app
}

var keys atomic.Int64

// events lists the event types of an application.
func (v *env) eventTypes(id string) []string {
	v.t.Helper()
	evs, err := v.e.Events(v.ctx, admin, id)
	if err != nil {
		v.t.Fatal(err)
	}
	var out []string
	for _, e := range evs {
		out = append(out, e.Type)
	}
	return out
}

// notes lists the notifications of a recipient's kinds.
func (v *env) notes(actor casework.Actor) []casework.Notification {
	v.t.Helper()
	ns, err := v.e.Notifications(v.ctx, actor)
	if err != nil {
		v.t.Fatal(err)
	}
	return ns
}

func hasNote(ns []casework.Notification, appID, kind, rule string) bool {
	return slices.ContainsFunc(ns, func(n casework.Notification) bool {
		return n.ApplicationID == appID && n.Kind == kind && (rule == "" || n.Rule == rule)
	})
}

// clock returns an application's clock; the test fails when it is missing.
func clockOf(t *testing.T, app *casework.Application, id string) casework.Clock {
	t.Helper()
	for _, c := range app.Clocks {
		if c.ID == id {
			return c
		}
	}
	var ids []string
	for _, c := range app.Clocks {
		ids = append(ids, c.ID)
	}
	t.Fatalf("application %s (%s, state %s) has no clock %q; it has %v", app.ID, app.Service, app.State, id, ids)
	return casework.Clock{}
}

func hasClock(app *casework.Application, id string) bool {
	return slices.ContainsFunc(app.Clocks, func(c casework.Clock) bool { return c.ID == id })
}

// wantClock checks a clock's due day and rule.
func wantClock(t *testing.T, app *casework.Application, id string, due calendar.Date, rule string) casework.Clock {
	t.Helper()
	c := clockOf(t, app, id)
	if c.DueOn != due || c.Rule != rule {
		t.Errorf("clock %s: due %s (%s), want %s (%s)", id, c.DueOn, c.Rule, due, rule)
	}
	return c
}

func wantState(t *testing.T, app *casework.Application, want casework.State) {
	t.Helper()
	if app.State != want {
		t.Fatalf("application %s (%s) is %s, want %s", app.ID, app.Service, app.State, want)
	}
}

// wantErr checks an error's code and, when given, the rule its message names
// and the field at fault.
func wantErr(t *testing.T, err error, code apperr.Code, rule, field string) {
	t.Helper()
	if apperr.CodeOf(err) != code {
		t.Fatalf("error %v: code %s, want %s", err, apperr.CodeOf(err), code)
	}
	var ce *casework.Error
	if errors.As(err, &ce) {
		for _, m := range []string{ce.Text.KK, ce.Text.RU, ce.Text.EN} {
			if m == "" || strings.Contains(m, "%!") {
				t.Errorf("error %v: bad message %q in %+v", err, m, ce.Text)
			}
		}
	}
	if rule != "" || field != "" {
		if !errors.As(err, &ce) {
			t.Fatalf("error %v is not a *casework.Error", err)
		}
		if rule != "" && ce.Rule != rule {
			t.Errorf("error %v: rule %q, want %q", err, ce.Rule, rule)
		}
		if field != "" && ce.Field != field {
			t.Errorf("error %v: field %q, want %q", err, ce.Field, field)
		}
	}
}

// ---- fixtures ----

var serial atomic.Int64

// newIIN makes a valid IIN of a person born on birth.
func newIIN(t *testing.T, birth calendar.Date) string {
	t.Helper()
	for {
		n, err := iin.Generate(time.Date(birth.Year, birth.Month, birth.Day, 0, 0, 0, 0, time.UTC), iin.Male, int(serial.Add(1)%9999))
		if errors.Is(err, iin.ErrNoCheckDigit) {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
}

// newBIN makes a valid BIN of a resident legal entity.
func newBIN(t *testing.T) string {
	t.Helper()
	for {
		n, err := iin.GenerateBIN(time.Date(2008, 2, 1, 0, 0, 0, 0, time.UTC), iin.ResidentEntity, iin.HeadUnit, int(serial.Add(1)%99999))
		if errors.Is(err, iin.ErrNoCheckDigit) {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
}

func person(t *testing.T, surname string) casework.Party {
	return casework.Party{Kind: casework.KindIndividual, IIN: newIIN(t, calendar.D(1985, 4, 12)), Surname: surname,
		GivenName: "Aigerim", Phone: "+77011234567", Address: "Almaty, Abai 10", Email: surname + "@example.kz"}
}

// applicantOf is the portal actor of a party.
func applicantOf(p casework.Party) casework.Actor {
	return casework.Actor{ID: "u-" + p.IIN, Role: casework.RoleApplicant, IIN: p.IIN, Name: p.Surname}
}

var (
	admin     = casework.Actor{ID: "admin-1", Role: casework.RoleAdmin}
	operator  = casework.Actor{ID: "op-1", Role: casework.RoleOperator, Branch: "ALM-1", Name: "Operator One"}
	officer   = casework.Actor{ID: "off-1", Role: casework.RoleOfficer, Name: "Officer One"}
	head      = casework.Actor{ID: "head-1", Role: casework.RoleHead, Name: "Head"}
	system    = casework.Actor{ID: "system", Role: casework.RoleSystem}
	archivist = casework.Actor{ID: "arch-1", Role: casework.RoleArchivist}
	reviewer  = casework.Actor{ID: "cmp-1", Role: casework.RoleComplaints}
	quality   = casework.Actor{ID: "q-1", Role: casework.RoleQuality}
)

func provided(ids ...string) []casework.DocumentInput {
	var out []casework.DocumentInput
	for _, id := range ids {
		out = append(out, casework.DocumentInput{ID: id, Provided: true})
	}
	return out
}

func gateway(on calendar.Date) *casework.Payment {
	return &casework.Payment{Method: casework.PaymentGateway, Reference: "PG-1", AmountTenge: 2162, PaidOn: on}
}

func date(y int, m time.Month, d int) calendar.Date { return calendar.D(y, m, d) }

var _ = standard.Portal

// rule runs one step of a lifecycle walk as a subtest named after the rules it
// checks (so the rule-to-test table and `go test -run` find it); the walk stops
// at the first step that fails. The env's helpers report to the step.
func (v *env) rule(name string, f func(t *testing.T)) {
	parent := v.t
	parent.Helper()
	ok := parent.Run(name, func(t *testing.T) {
		v.t = t
		defer func() { v.t = parent }()
		f(t)
	})
	if !ok {
		parent.FailNow()
	}
}
