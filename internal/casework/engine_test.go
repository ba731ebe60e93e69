package casework_test

import (
	"encoding/json"
	"fmt"
	"slices"
	"sync"
	"testing"

	"qyzmet/internal/apperr"
	"qyzmet/internal/calendar"
	"qyzmet/internal/casework"
	"qyzmet/internal/standard"
	"qyzmet/internal/store/storetest"
)

// TestConcurrentDecisions: two (here eight) officers decide the same
// application at the same version at once — exactly one wins, the others get a
// conflict, and one decision is recorded (AP-6.3).
func TestConcurrentDecisions(t *testing.T) {
	storetest.Run(t, func(t *testing.T, kind storetest.Engine) {
		t.Parallel()
		v := newEnv(t, kind, at(2026, 4, 6, 10, 0))
		app := v.submit(operator, apInput(person(t, "Race")))
		app = v.exec(operator, app, "accept", nil)
		app = v.exec(officer, app, "register", nil)
		app = v.exec(officer, app, "start-verification", nil)
		v.rule("AP-6.3 concurrent issue at one version: one wins", func(t *testing.T) {
			const n = 8
			var wg sync.WaitGroup
			errs := make([]error, n)
			for i := range n {
				wg.Add(1)
				go func() {
					defer wg.Done()
					actor := casework.Actor{ID: fmt.Sprintf("off-%d", i), Role: casework.RoleOfficer}
					_, errs[i] = v.e.Execute(v.ctx, actor, app.ID, casework.Command{Name: "issue", ExpectedVersion: app.Version,
						Data: json.RawMessage(fmt.Sprintf(`{"text":"decision %d"}`, i))})
				}()
			}
			wg.Wait()
			ok := 0
			for i, err := range errs {
				switch apperr.CodeOf(err) {
				case "":
					ok++
				case apperr.Conflict:
				default:
					t.Errorf("officer %d: %v, want success or conflict", i, err)
				}
			}
			if ok != 1 {
				t.Fatalf("%d commands succeeded, want exactly 1: %v", ok, errs)
			}
			got := v.get(app.ID)
			if got.Version != app.Version+1 {
				t.Errorf("version %d, want %d", got.Version, app.Version+1)
			}
			if n := slices.Index(v.eventTypes(app.ID), "issue"); n < 0 || slices.Contains(v.eventTypes(app.ID)[n+1:], "issue") {
				t.Errorf("events %v, want one issue", v.eventTypes(app.ID))
			}
		})
		v.rule("AP-6.1 concurrent registrations take distinct journal numbers", func(t *testing.T) {
			var apps []*casework.Application
			for i := range 6 {
				a := v.submit(operator, apInput(person(t, fmt.Sprintf("Reg%d", i))))
				apps = append(apps, v.exec(operator, a, "accept", nil))
			}
			var wg sync.WaitGroup
			numbers := make([]string, len(apps))
			for i, a := range apps {
				wg.Add(1)
				go func() {
					defer wg.Done()
					got, err := v.e.Execute(v.ctx, officer, a.ID, casework.Command{Name: "register", ExpectedVersion: a.Version})
					if err != nil {
						t.Errorf("register %d: %v", i, err)
						return
					}
					numbers[i] = got.Number
				}()
			}
			wg.Wait()
			slices.Sort(numbers)
			want := []string{"2026-000002", "2026-000003", "2026-000004", "2026-000005", "2026-000006", "2026-000007"}
			if !slices.Equal(numbers, want) {
				t.Errorf("numbers %v, want %v", numbers, want)
			}
		})
	})
}

// TestIdempotentSubmit: a retried submit never makes a second application.
func TestIdempotentSubmit(t *testing.T) {
	storetest.Run(t, func(t *testing.T, kind storetest.Engine) {
		t.Parallel()
		v := newEnv(t, kind, at(2026, 4, 6, 10, 0))
		p := person(t, "Retry")
		in := crPortal(p)
		me := applicantOf(p)
		v.rule("G-3 one key, one application", func(t *testing.T) {
			first, created, err := v.e.Submit(v.ctx, me, in, "retry-1")
			if err != nil || !created {
				t.Fatalf("first submit: %v, created %v", err, created)
			}
			again, created, err := v.e.Submit(v.ctx, me, in, "retry-1")
			if err != nil || created || again.ID != first.ID || again.Version != first.Version {
				t.Fatalf("retry: %v, created %v, id %s (first %s)", err, created, again.ID, first.ID)
			}
			other := in
			other.TravelAbroad, other.PickupBranch, other.DepartmentClass = true, "ALM-1", standard.Major
			_, _, err = v.e.Submit(v.ctx, me, other, "retry-1")
			wantErr(t, err, apperr.Conflict, "", "idempotency_key")
			// Another actor's key of the same name is another request.
			p2 := person(t, "Other")
			if _, created, err := v.e.Submit(v.ctx, applicantOf(p2), crPortal(p2), "retry-1"); err != nil || !created {
				t.Errorf("another actor's key: %v, created %v", err, created)
			}
		})
		v.rule("G-3 concurrent retries with one key: one application", func(t *testing.T) {
			const n = 6
			ids := make([]string, n)
			created := make([]bool, n)
			var wg sync.WaitGroup
			for i := range n {
				wg.Add(1)
				go func() {
					defer wg.Done()
					app, c, err := v.e.Submit(v.ctx, me, in, "retry-2")
					if err != nil {
						t.Errorf("submit %d: %v", i, err)
						return
					}
					ids[i], created[i] = app.ID, c
				}()
			}
			wg.Wait()
			made := 0
			for i := range n {
				if created[i] {
					made++
				}
				if ids[i] != ids[0] {
					t.Errorf("submit %d returned %s, submit 0 %s", i, ids[i], ids[0])
				}
			}
			if made != 1 {
				t.Errorf("%d submits created an application, want 1", made)
			}
			mine, err := v.e.List(v.ctx, me, casework.Filter{})
			if err != nil || len(mine) != 2 {
				t.Errorf("the applicant has %d applications (%v), want 2 (one per key)", len(mine), err)
			}
		})
		v.rule("CP-7 a retried complaint is one complaint", func(t *testing.T) {
			mine, _ := v.e.List(v.ctx, me, casework.Filter{})
			in := complaintInput(mine[0].ID, p, casework.AddresseeProvider)
			c1, created1, err1 := v.e.FileComplaint(v.ctx, me, in, "c-1")
			c2, created2, err2 := v.e.FileComplaint(v.ctx, me, in, "c-1")
			if err1 != nil || err2 != nil || !created1 || created2 || c1.ID != c2.ID {
				t.Errorf("complaint retry: %v %v %v %v", err1, err2, created1, created2)
			}
		})
	})
}

// TestOutboxWrittenWithEvents: every state change the applicant must learn of
// writes an outbox row in the event's transaction; a rejected command writes
// neither (AR-6.5, AC-25: statuses reach the personal cabinet).
func TestOutboxWrittenWithEvents(t *testing.T) {
	storetest.Run(t, func(t *testing.T, kind storetest.Engine) {
		t.Parallel()
		v := newEnv(t, kind, at(2026, 4, 6, 10, 0))
		p := person(t, "Outbox")
		me := applicantOf(p)
		v.rule("AR-6.5 AC-25 one status row per change, none for a rejected command", func(t *testing.T) {
			app := v.submit(operator, apInput(p))
			app = v.exec(operator, app, "accept", nil)
			before := len(v.notes(me))
			evBefore := len(v.eventTypes(app.ID))
			_, err := v.e.Execute(v.ctx, officer, app.ID, casework.Command{Name: "register", ExpectedVersion: app.Version - 1})
			wantErr(t, err, apperr.Conflict, "", "expected_version")
			_, err = v.e.Execute(v.ctx, officer, app.ID, casework.Command{Name: "register", ExpectedVersion: app.Version, Data: json.RawMessage(`{"x":1}`)})
			wantErr(t, err, apperr.Invalid, "", "data")
			if got := len(v.notes(me)); got != before {
				t.Fatalf("a rejected command wrote %d notifications", got-before)
			}
			if got := len(v.eventTypes(app.ID)); got != evBefore {
				t.Fatalf("a rejected command wrote %d events", got-evBefore)
			}
			app = v.exec(officer, app, "register", nil)
			ns := v.notes(me)
			if len(ns) != before+1 {
				t.Fatalf("registration wrote %d notifications, want 1", len(ns)-before)
			}
			evs, _ := v.e.Events(v.ctx, admin, app.ID)
			last := evs[len(evs)-1]
			if n := ns[0]; n.Kind != casework.NoteStatus || n.Rule != last.Rule || !n.CreatedAt.Equal(last.At) || n.Recipient != p.IIN || !n.Text.Complete() {
				t.Errorf("notification %+v does not match the event %+v", n, last)
			}
			if err := v.e.MarkRead(v.ctx, me, ns[0].ID); err != nil {
				t.Fatal(err)
			}
			if got := v.notes(me)[0]; got.ReadAt == nil {
				t.Error("not marked read")
			}
			wantErr(t, v.e.MarkRead(v.ctx, applicantOf(person(t, "X")), ns[0].ID), apperr.NotFound, "", "")
		})
	})
}

// TestAccessAndCommands: who sees and does what.
func TestAccessAndCommands(t *testing.T) {
	storetest.Run(t, func(t *testing.T, kind storetest.Engine) {
		t.Parallel()
		v := newEnv(t, kind, at(2026, 4, 6, 10, 0))
		p, q := person(t, "Owner"), person(t, "Nosy")
		app := v.submit(applicantOf(p), crPortal(p))
		v.rule("CR-STD-8.4 applicants see only their own", func(t *testing.T) {
			if _, err := v.e.Get(v.ctx, applicantOf(p), app.ID); err != nil {
				t.Errorf("owner: %v", err)
			}
			_, err := v.e.Get(v.ctx, applicantOf(q), app.ID)
			wantErr(t, err, apperr.NotFound, "", "")
			_, err = v.e.Events(v.ctx, applicantOf(q), app.ID)
			wantErr(t, err, apperr.NotFound, "", "")
			if l, err := v.e.List(v.ctx, applicantOf(q), casework.Filter{}); err != nil || len(l) != 0 {
				t.Errorf("another applicant lists %d (%v)", len(l), err)
			}
			_, err = v.e.Get(v.ctx, casework.Actor{Role: casework.RoleApplicant}, app.ID)
			wantErr(t, err, apperr.Unauthorized, "", "")
			other := casework.Actor{ID: "op-9", Role: casework.RoleOperator, Branch: "AST-2"}
			app2 := v.submit(operator, casework.SubmitInput{Service: standard.CriminalRecord, Channel: standard.StateCorp, Applicant: q,
				Branch: "ALM-1", DepartmentClass: standard.Major, Documents: provided("application", "identity")})
			_, err = v.e.Get(v.ctx, other, app2.ID)
			wantErr(t, err, apperr.NotFound, "", "")
		})
		v.rule("CR-STD-3.1 roles, unknown commands and versions", func(t *testing.T) {
			app = v.get(app.ID)
			_, err := v.try(applicantOf(p), app, "start-verification", nil)
			wantErr(t, err, apperr.Forbidden, "", "")
			_, err = v.e.Execute(v.ctx, officer, app.ID, casework.Command{Name: "approve", ExpectedVersion: app.Version})
			wantErr(t, err, apperr.Invalid, "", "command")
			_, err = v.e.Execute(v.ctx, officer, app.ID, casework.Command{Name: "start-verification"})
			wantErr(t, err, apperr.Invalid, "", "expected_version")
			_, err = v.e.Execute(v.ctx, officer, "nope", casework.Command{Name: "start-verification", ExpectedVersion: 1})
			wantErr(t, err, apperr.NotFound, "", "")
			_, err = v.try(officer, app, "dispatch", nil)
			wantErr(t, err, apperr.Invalid, "G-7", "command")
		})
		v.rule("AP-6.4 the command table", func(t *testing.T) {
			specs := v.e.Commands()
			seen := map[string]bool{}
			for _, s := range specs {
				if seen[s.Name] || len(s.Roles) == 0 || len(s.From) == 0 || !s.Description.Complete() {
					t.Errorf("command %+v: duplicate, or without roles, states or a description", s)
				}
				seen[s.Name] = true
			}
			for _, want := range []string{"accept", "refuse-at-intake", "register", "preliminary-refusal", "schedule-hearing", "hold-hearing",
				"issue", "refuse", "interim-reply", "dispatch", "receive-at-branch", "hand-over", "return-to-provider", "file", "forward", "satisfy", "reply"} {
				if !seen[want] {
					t.Errorf("no command %q", want)
				}
			}
			specs[0].Roles[0] = "x"
			if v.e.Commands()[0].Roles[0] == "x" {
				t.Error("Commands hands out the engine's own table")
			}
		})
	})
}

// TestSubmitRejectsBadInput: bad input gets a clear error naming the field, and
// nothing is written.
func TestSubmitRejectsBadInput(t *testing.T) {
	storetest.Run(t, func(t *testing.T, kind storetest.Engine) {
		t.Parallel()
		v := newEnv(t, kind, at(2026, 4, 6, 10, 0))
		p := person(t, "Valid")
		future := at(2026, 4, 7, 10, 0)
		for _, tt := range []struct {
			name  string
			actor casework.Actor
			edit  func(in *casework.SubmitInput)
			code  apperr.Code
			rule  string
			field string
		}{
			{"AP-STD-8 bad IIN", operator, func(in *casework.SubmitInput) { in.Applicant.IIN = "123456789012" }, apperr.Invalid, "", "applicant.iin"},
			{"AP-STD-6 AP serves individuals only", operator, func(in *casework.SubmitInput) {
				in.Applicant = casework.Party{Kind: casework.KindLegalEntity, BIN: newBIN(t), OrgName: "TOO"}
			}, apperr.Invalid, "AP-STD-6", "applicant.kind"},
			{"AP-STD-2 AP is not on the portal", applicantOf(p), func(in *casework.SubmitInput) { in.Channel = standard.Portal }, apperr.Invalid, "", "channel"},
			{"AP-STD-2 the operator does not enter portal requests", operator, func(in *casework.SubmitInput) { in.Channel = standard.Portal }, apperr.Forbidden, "", ""},
			{"AP-STD-3 a State Corporation department's class", operator, func(in *casework.SubmitInput) { in.DepartmentClass = "" }, apperr.Invalid, "", "department_class"},
			{"AP-STD-3 an unknown class", operator, func(in *casework.SubmitInput) { in.DepartmentClass = "huge" }, apperr.Invalid, "", "department_class"},
			{"G-5 the branch", operator, func(in *casework.SubmitInput) { in.Branch = "" }, apperr.Invalid, "", "branch"},
			{"G-5 the operator's own branch", operator, func(in *casework.SubmitInput) { in.Branch = "AST-2" }, apperr.Invalid, "", "branch"},
			{"AP-STD-10 AC does not combine", operator, func(in *casework.SubmitInput) { in.Combined = []standard.ServiceID{standard.ApostilleCourt} }, apperr.Invalid, "AP-STD-4", "combined[0]"},
			{"G-8 an expired POA", operator, func(in *casework.SubmitInput) {
				until := date(2026, 1, 1)
				in.Representative = &casework.Representative{Party: person(t, "Rep"), POA: casework.POA{Number: "1", IssuedOn: date(2025, 1, 1), Notary: "N", ValidUntil: &until}}
			}, apperr.Invalid, "G-8", "representative.poa.valid_until"},
			{"G-8 a POA without a notary", operator, func(in *casework.SubmitInput) {
				in.Representative = &casework.Representative{Party: person(t, "Rep"), POA: casework.POA{Number: "1", IssuedOn: date(2025, 1, 1)}}
			}, apperr.Invalid, "", "representative.poa.notary"},
			{"AP-STD-8 an unknown document", operator, func(in *casework.SubmitInput) {
				in.Documents = append(in.Documents, casework.DocumentInput{ID: "passport", Provided: true})
			}, apperr.Invalid, "", "documents[3].id"},
			{"AP-STD-8 the document to apostille cannot be fetched", operator, func(in *casework.SubmitInput) {
				in.Documents = []casework.DocumentInput{{ID: "official-document", Fetched: true}}
			}, apperr.Invalid, "AP-STD-8", "documents[0].fetched"},
			{"AC-9 an unknown condition", operator, func(in *casework.SubmitInput) { in.Conditions = []standard.Condition{"rich"} }, apperr.Invalid, "", "conditions[0]"},
			{"AP-STD-6 a payment without a date", operator, func(in *casework.SubmitInput) { in.Payment.PaidOn = calendar.Date{} }, apperr.Invalid, "", "payment.paid_on"},
			{"AP-STD-6 a payment on no real day", operator, func(in *casework.SubmitInput) { in.Payment.PaidOn = calendar.Date{Year: 2026, Month: 2, Day: 30} }, apperr.Invalid, "", "payment.paid_on"},
			{"CR-STD-3.1 no travel-abroad path in AP", operator, func(in *casework.SubmitInput) { in.TravelAbroad = true }, apperr.Invalid, "", "travel_abroad"},
			{"G-3 a submission from the future", operator, func(in *casework.SubmitInput) { in.SubmittedAt = &future }, apperr.Invalid, "", "submitted_at"},
			{"CR-STD-8.1 a minor relative's birth date", operator, func(in *casework.SubmitInput) {
				in.Subject = &casework.Subject{Relation: casework.RelationMinorRelative, Person: person(t, "Kid")}
			}, apperr.Invalid, "", "subject.birth_date"},
			{"CR-STD-5.2 an unknown relation", operator, func(in *casework.SubmitInput) {
				in.Subject = &casework.Subject{Relation: "neighbour", Person: person(t, "Kid")}
			}, apperr.Invalid, "", "subject.relation"},
			{"CP-7 a complaint is not submitted", operator, func(in *casework.SubmitInput) { in.Service = standard.Complaint }, apperr.Invalid, "CP-7", "service"},
			{"CR-STD-1 an unknown service", operator, func(in *casework.SubmitInput) { in.Service = "passport" }, apperr.Invalid, "", "service"},
		} {
			t.Run(tt.name, func(t *testing.T) {
				in := apInput(p)
				tt.edit(&in)
				_, _, err := v.e.Submit(v.ctx, tt.actor, in, "")
				wantErr(t, err, tt.code, tt.rule, tt.field)
			})
		}
		t.Run("CR-STD-8.3 applicants apply for themselves", func(t *testing.T) {
			_, _, err := v.e.Submit(v.ctx, applicantOf(person(t, "Someone")), crPortal(p), "")
			wantErr(t, err, apperr.Forbidden, "", "applicant")
		})
		if l, err := v.e.List(v.ctx, admin, casework.Filter{}); err != nil || len(l) != 0 {
			t.Errorf("rejected submissions wrote %d applications (%v)", len(l), err)
		}
	})
}

// TestApplicationJSON: the document the API serialises has arrays, never null,
// for the checklist and the clocks, and leaves out the dates not yet known.
func TestApplicationJSON(t *testing.T) {
	storetest.Run(t, func(t *testing.T, kind storetest.Engine) {
		t.Parallel()
		v := newEnv(t, kind, at(2026, 4, 6, 10, 0))
		employer, worker := person(t, "Hr"), person(t, "Worker")
		doc := func(t *testing.T, app *casework.Application) map[string]json.RawMessage {
			t.Helper()
			b, err := json.Marshal(app)
			if err != nil {
				t.Fatal(err)
			}
			var m map[string]json.RawMessage
			if err := json.Unmarshal(b, &m); err != nil {
				t.Fatal(err)
			}
			return m
		}
		var waiting *casework.Application
		v.rule("CR-STD-8.4 waiting for consent: no clocks, no receipt dates", func(t *testing.T) {
			waiting = v.submit(applicantOf(employer), casework.SubmitInput{Service: standard.CriminalRecord, Channel: standard.Portal,
				Applicant: employer, Subject: &casework.Subject{Relation: casework.RelationThirdParty, Person: worker}})
			for name, app := range map[string]*casework.Application{"submitted": waiting, "read back": v.get(waiting.ID)} {
				m := doc(t, app)
				if string(m["clocks"]) != "[]" || len(m["checklist"]) < 3 || string(m["checklist"][:1]) != "[" {
					t.Errorf("%s: clocks %s, checklist %s; want arrays", name, m["clocks"], m["checklist"])
				}
				for _, k := range []string{"received_on", "deadline_on"} {
					if raw, ok := m[k]; ok {
						t.Errorf("%s: %s is %s before the receipt, want it left out", name, k, raw)
					}
				}
			}
		})
		v.rule("CP-7 a complaint has an empty checklist, not null", func(t *testing.T) {
			c := v.complain(applicantOf(employer), complaintInput(waiting.ID, employer, casework.AddresseeProvider))
			for name, app := range map[string]*casework.Application{"filed": c, "read back": v.get(c.ID)} {
				m := doc(t, app)
				if string(m["checklist"]) != "[]" {
					t.Errorf("%s: checklist %s, want []", name, m["checklist"])
				}
				if string(m["received_on"]) != `"2026-04-06"` || string(m["deadline_on"]) != `"2026-04-13"` {
					t.Errorf("%s: received_on %s, deadline_on %s", name, m["received_on"], m["deadline_on"])
				}
			}
		})
	})
}
