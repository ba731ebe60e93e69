package casework_test

import (
	"testing"

	"qyzmet/internal/apperr"
	"qyzmet/internal/casework"
	"qyzmet/internal/standard"
	"qyzmet/internal/store/storetest"
)

// apInput is an apostille of a prosecution document at a major State
// Corporation department, the duty paid through the gateway.
func apInput(applicant casework.Party) casework.SubmitInput {
	return casework.SubmitInput{
		Service: standard.ApostilleProsecution, Channel: standard.StateCorp, Applicant: applicant,
		Branch: "ALM-1", DepartmentClass: standard.Major,
		Documents: provided("application", "identity", "official-document"),
		Payment:   gateway(date(2026, 4, 6)),
		Fields:    map[string]string{"document": "Resolution No. 17 of the Almaty prosecutor", "country": "DE"},
	}
}

// TestApostilleProsecutionLifecycle walks an AP application from intake to the
// nomenclature file: refused only after a held hearing, then unclaimed.
func TestApostilleProsecutionLifecycle(t *testing.T) {
	storetest.Run(t, func(t *testing.T, kind storetest.Engine) {
		t.Parallel()
		v := newEnv(t, kind, at(2026, 4, 6, 10, 0)) // Monday
		applicant := person(t, "Seitkali")
		var app *casework.Application

		v.rule("AP-STD-3 G-2 AP-STD-8 accepted, 5 working days at a major department", func(t *testing.T) {
			app = v.submit(operator, apInput(applicant))
			wantState(t, app, casework.StateSubmitted)
			for _, it := range app.Checklist {
				if it.DocumentID == "duty-receipt" && (it.Status != casework.DocWaived || it.Condition != standard.CondNotPaidViaGateway) {
					t.Errorf("duty receipt %+v: want waived, paid through the gateway", it)
				}
			}
			app = v.exec(operator, app, "accept", nil)
			wantState(t, app, casework.StateAccepted)
			if app.DeadlineOn != date(2026, 4, 13) || app.DeadlineRule != "AP-STD-3" || app.StandardVersion != "2022-1" {
				t.Fatalf("deadline %s (%s) under %s, want 2026-04-13 (AP-STD-3) under 2022-1", app.DeadlineOn, app.DeadlineRule, app.StandardVersion)
			}
		})
		v.rule("AP-6.1 AP-6.2 AP-6.3 AP-6.5 step clocks", func(t *testing.T) {
			wantClock(t, app, "deadline", date(2026, 4, 13), "AP-STD-3")
			wantClock(t, app, "register", date(2026, 4, 6), "AP-6.1")
			wantClock(t, app, "check", date(2026, 4, 9), "AP-6.2")
			wantClock(t, app, "draw-up", date(2026, 4, 10), "AP-6.3")
			wantClock(t, app, "delivery", date(2026, 4, 10), "AP-6.5")
			if hasClock(app, "hearing-notice") || hasClock(app, "hearing") {
				t.Errorf("hearing clocks run before any preliminary refusal")
			}
		})
		v.rule("AP-6.1 registered in the journal the same day", func(t *testing.T) {
			v.advanceTo(at(2026, 4, 6, 10, 30))
			_, err := v.try(officer, app, "start-verification", nil)
			wantErr(t, err, apperr.Invalid, "AP-6.1", "")
			app = v.exec(officer, app, "register", nil)
			wantState(t, app, casework.StateRegistered)
			if app.Number != "2026-000001" {
				t.Errorf("journal number %q, want 2026-000001", app.Number)
			}
			if c := clockOf(t, app, "register"); !c.Done || c.Late {
				t.Errorf("register clock %+v, want done on time", c)
			}
			app = v.exec(officer, app, "start-verification", nil)
			wantState(t, app, casework.StateVerification)
			if app.Assignee != officer.ID {
				t.Errorf("assignee %q, want the officer who started the check", app.Assignee)
			}
		})
		v.rule("AP-6.4 AP-STD-9 no refusal without a held hearing", func(t *testing.T) {
			v.advanceTo(at(2026, 4, 7, 11, 0))
			_, err := v.try(head, app, "refuse", map[string]any{"grounds": []string{"unreliable"}})
			wantErr(t, err, apperr.Invalid, "AP-6.4", "")
			_, err = v.try(officer, app, "preliminary-refusal", map[string]any{"grounds": []string{"forged"}})
			wantErr(t, err, apperr.Invalid, "", "data.grounds[0]")
		})
		v.rule("AP-6.4 AP-6.2 preliminary refusal and the notice clock", func(t *testing.T) {
			app = v.exec(officer, app, "preliminary-refusal", map[string]any{"grounds": []string{"unreliable"}, "text": "the seal does not match the card index"})
			wantState(t, app, casework.StatePreliminaryRefusal)
			wantClock(t, app, "hearing-notice", date(2026, 4, 8), "AP-6.4")
			if app.Hearing == nil || app.Hearing.NoticeBy != date(2026, 4, 8) {
				t.Fatalf("hearing %+v, want the notice due 2026-04-08", app.Hearing)
			}
			if c := clockOf(t, app, "check"); !c.Done {
				t.Errorf("the check (AP-6.2) is not done after grounds were found")
			}
		})
		v.rule("AP-6.4 hearing no later than 2 working days after the notice", func(t *testing.T) {
			_, err := v.try(officer, app, "schedule-hearing", map[string]any{"at": at(2026, 4, 10, 15, 0), "method": "in-person", "place": "room 12"})
			wantErr(t, err, apperr.Invalid, "AP-6.4", "data.at")
			_, err = v.try(officer, app, "schedule-hearing", map[string]any{"at": at(2026, 4, 9, 15, 0), "method": "in-person"})
			wantErr(t, err, apperr.Invalid, "", "data.place")
			app = v.exec(officer, app, "schedule-hearing", map[string]any{"at": at(2026, 4, 9, 15, 0), "method": "in-person", "place": "room 12"})
			wantState(t, app, casework.StateHearingScheduled)
			wantClock(t, app, "hearing", date(2026, 4, 9), "AP-6.4")
			if c := clockOf(t, app, "hearing-notice"); !c.Done || c.Late {
				t.Errorf("notice clock %+v, want done on time", c)
			}
			if !hasNote(v.notes(applicantOf(applicant)), app.ID, casework.NoteHearingNotice, "AP-6.4") {
				t.Errorf("no hearing notice in the applicant's outbox")
			}
			_, err = v.try(head, app, "refuse", map[string]any{"grounds": []string{"unreliable"}})
			wantErr(t, err, apperr.Invalid, "AP-6.4", "")
			_, err = v.try(officer, app, "hold-hearing", map[string]any{"attended": true})
			wantErr(t, err, apperr.Invalid, "AP-6.4", "")
		})
		v.rule("AP-6.4 AP-6.3 hearing held, then the result within a working day", func(t *testing.T) {
			v.advanceTo(at(2026, 4, 9, 15, 40))
			app = v.exec(officer, app, "hold-hearing", map[string]any{"attended": true, "position": "the seal is genuine", "minutes": "heard"})
			wantState(t, app, casework.StateHearingHeld)
			wantClock(t, app, "draw-up", date(2026, 4, 10), "AP-6.3")
		})
		v.rule("AP-STD-9 AP-STD-5 motivated refusal on paper", func(t *testing.T) {
			app = v.exec(head, app, "refuse", map[string]any{"grounds": []string{"unreliable"}, "text": "the seal does not match"})
			wantState(t, app, casework.StateRefused)
			if d := app.Decision; d == nil || d.Outcome != casework.OutcomeRefused || d.Rule != "AP-STD-9" || !d.Paper || d.Result != "motivated-refusal" {
				t.Fatalf("decision %+v, want a paper motivated refusal under AP-STD-9", app.Decision)
			}
		})
		v.rule("AP-6.5 delivered a day before the deadline", func(t *testing.T) {
			v.advanceTo(at(2026, 4, 10, 11, 0))
			app = v.exec(officer, app, "dispatch", nil)
			if c := clockOf(t, app, "delivery"); !c.Done || c.Late {
				t.Errorf("delivery clock %+v, want done on time", c)
			}
			v.advanceTo(at(2026, 4, 10, 16, 0))
			app = v.exec(operator, app, "receive-at-branch", nil)
			wantState(t, app, casework.StateReadyForPickup)
			if c := clockOf(t, app, "deadline"); !c.Done || c.Late || c.Overdue {
				t.Errorf("deadline clock %+v, want met", c)
			}
			if !hasNote(v.notes(applicantOf(applicant)), app.ID, casework.NoteReadyForPickup, "") {
				t.Errorf("no ready-for-pick-up notice")
			}
		})
		v.rule("G-7 AP-STD-5 unclaimed: returned at 1 month, filed at 3 months", func(t *testing.T) {
			wantClock(t, app, "storage-return", date(2026, 5, 10), "G-7")
			wantClock(t, app, "storage-file", date(2026, 7, 10), "G-7")
			_, err := v.try(operator, app, "return-to-provider", nil)
			wantErr(t, err, apperr.Invalid, "G-7", "")
			v.advanceTo(at(2026, 5, 10, 15, 59))
			wantState(t, v.get(app.ID), casework.StateReadyForPickup)
			v.advanceTo(at(2026, 5, 10, 16, 0))
			wantState(t, v.get(app.ID), casework.StateReturnedToProvider)
			_, err = v.try(archivist, app, "file", nil)
			wantErr(t, err, apperr.Invalid, "G-7", "")
			v.advanceTo(at(2026, 7, 10, 15, 59))
			wantState(t, v.get(app.ID), casework.StateReturnedToProvider)
			v.advanceTo(at(2026, 7, 10, 16, 0))
			app = v.get(app.ID)
			wantState(t, app, casework.StateFiled)
			if app.Storage == nil || app.Storage.FiledAt == nil || !app.Storage.FiledAt.Equal(at(2026, 7, 10, 16, 0)) {
				t.Errorf("storage %+v, want filed at 2026-07-10 16:00", app.Storage)
			}
			if app.Overdue {
				t.Errorf("an application handled in time is flagged overdue: %+v", app.Clocks)
			}
		})
		v.rule("AP-6.1 the event log", func(t *testing.T) {
			want := []string{"submit", "accept", "register", "start-verification", "preliminary-refusal", "schedule-hearing",
				"hold-hearing", "refuse", "dispatch", "receive-at-branch", "return-to-provider", "file"}
			if got := v.eventTypes(app.ID); !equal(got, want) {
				t.Errorf("events %v, want %v", got, want)
			}
			evs, err := v.e.Events(v.ctx, applicantOf(applicant), app.ID)
			if err != nil {
				t.Fatal(err)
			}
			for i, ev := range evs {
				if ev.Version != i+1 || ev.ActorID == "" || ev.Role == "" || ev.At.IsZero() {
					t.Errorf("event %d %+v: want version %d, an actor, a role and a time", i, ev, i+1)
				}
			}
			if last := evs[len(evs)-1]; last.Rule != "G-7" || last.Role != casework.RoleSystem || last.FromState != casework.StateReturnedToProvider {
				t.Errorf("last event %+v: want the system filing it under G-7", last)
			}
		})
	})
}

// TestStorageAfterRequestBack: a paper result requested back from the provider
// and again not collected starts a new storage period at the branch — returned
// after a month, filed after three — each time it comes back (G-7).
func TestStorageAfterRequestBack(t *testing.T) {
	storetest.Run(t, func(t *testing.T, kind storetest.Engine) {
		t.Parallel()
		v := newEnv(t, kind, at(2026, 4, 6, 10, 0)) // Monday
		app := v.submit(operator, apInput(person(t, "Forgetful")))
		for _, cmd := range []string{"accept", "register", "start-verification", "issue", "dispatch"} {
			actor := officer
			if cmd == "accept" {
				actor = operator
			}
			app = v.exec(actor, app, cmd, nil)
		}
		v.advanceTo(at(2026, 4, 7, 11, 0))
		app = v.exec(operator, app, "receive-at-branch", nil)

		v.rule("G-7 returned after a month, requested back, at the branch again", func(t *testing.T) {
			v.advanceTo(at(2026, 5, 7, 11, 0))
			wantState(t, v.get(app.ID), casework.StateReturnedToProvider)
			v.advanceTo(at(2026, 5, 20, 10, 0))
			app = v.exec(operator, app, "request-back", nil)
			v.advanceTo(at(2026, 5, 21, 10, 0))
			app = v.exec(operator, app, "receive-at-branch", nil)
			wantState(t, app, casework.StateReadyForPickup)
			if c := clockOf(t, app, "return-to-branch"); !c.Done || c.Late {
				t.Errorf("return clock %+v, want done on time", c)
			}
		})
		v.rule("G-7 again not collected: the storage timers are re-armed from the new arrival", func(t *testing.T) {
			if s := app.Storage; !s.ReadyAt.Equal(at(2026, 5, 21, 10, 0)) || s.ReturnedAt != nil || s.FiledAt != nil {
				t.Errorf("storage %+v, want a new period from 2026-05-21 10:00", s)
			}
			for _, id := range []string{"storage-return", "storage-file"} {
				if c := clockOf(t, app, id); c.Done || c.Overdue {
					t.Errorf("clock %+v, want running again", c)
				}
			}
			wantClock(t, app, "storage-return", date(2026, 6, 21), "G-7")
			wantClock(t, app, "storage-file", date(2026, 8, 21), "G-7")
			v.advanceTo(at(2026, 6, 21, 9, 59))
			wantState(t, v.get(app.ID), casework.StateReadyForPickup)
			v.advanceTo(at(2026, 6, 21, 10, 0))
			wantState(t, v.get(app.ID), casework.StateReturnedToProvider)
			// The first period's filing time (7 July) passes without effect.
			v.advanceTo(at(2026, 7, 7, 11, 30))
			wantState(t, v.get(app.ID), casework.StateReturnedToProvider)
		})
		v.rule("G-7 a second request back has its own working day", func(t *testing.T) {
			v.advanceTo(at(2026, 7, 8, 10, 0))
			app = v.exec(operator, app, "request-back", nil)
			if c := clockOf(t, app, "return-to-branch"); c.Done || c.DueOn != date(2026, 7, 9) {
				t.Errorf("return clock %+v, want running, due 2026-07-09", c)
			}
			v.advanceTo(at(2026, 7, 9, 10, 0))
			app = v.exec(operator, app, "receive-at-branch", nil)
			wantClock(t, app, "storage-file", date(2026, 10, 9), "G-7")
		})
		v.rule("G-7 filed three months after the last arrival", func(t *testing.T) {
			v.advanceTo(at(2026, 8, 9, 10, 0))
			wantState(t, v.get(app.ID), casework.StateReturnedToProvider)
			v.advanceTo(at(2026, 8, 21, 10, 30)) // the second period's filing time: stale
			wantState(t, v.get(app.ID), casework.StateReturnedToProvider)
			v.advanceTo(at(2026, 10, 9, 10, 0))
			app = v.get(app.ID)
			wantState(t, app, casework.StateFiled)
			count := map[string]int{}
			for _, e := range v.eventTypes(app.ID) {
				count[e]++
			}
			if count["receive-at-branch"] != 3 || count["return-to-provider"] != 3 || count["request-back"] != 2 || count["file"] != 1 {
				t.Errorf("events %v", v.eventTypes(app.ID))
			}
		})
	})
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
