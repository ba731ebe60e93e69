package casework_test

import (
	"encoding/json"
	"strings"
	"testing"

	"qyzmet/internal/apperr"
	"qyzmet/internal/casework"
	"qyzmet/internal/standard"
	"qyzmet/internal/store/storetest"
)

// TestApostilleCourtIntakeRefusal: an incomplete package at the State
// Corporation is refused with the list of what is missing; a completed one is
// accepted.
func TestApostilleCourtIntakeRefusal(t *testing.T) {
	storetest.Run(t, func(t *testing.T, kind storetest.Engine) {
		t.Parallel()
		v := newEnv(t, kind, at(2026, 4, 6, 10, 0))
		p := person(t, "Zhumabay")
		in := casework.SubmitInput{Service: standard.ApostilleCourt, Channel: standard.StateCorp, Applicant: p,
			Branch: "ALM-1", DepartmentClass: standard.Other, Documents: provided("application", "identity")}
		var app *casework.Application
		v.rule("AC-9 AC-15 accepting an incomplete package is refused", func(t *testing.T) {
			app = v.submit(operator, in)
			_, err := v.try(operator, app, "accept", nil)
			wantErr(t, err, apperr.Invalid, "AC-15", "checklist")
		})
		v.rule("AC-15 AC-F2 refusal to accept lists the missing documents", func(t *testing.T) {
			app = v.exec(operator, app, "refuse-at-intake", nil)
			wantState(t, app, casework.StateRefusedAtIntake)
			if !equal(app.Missing, []string{"court-document", "duty-payment-proof"}) {
				t.Errorf("missing %v, want the court document and the duty proof", app.Missing)
			}
			evs, _ := v.e.Events(v.ctx, admin, app.ID)
			if last := evs[len(evs)-1]; last.Rule != "AC-15" || !strings.Contains(string(last.Payload), "court-document") {
				t.Errorf("event %+v: want AC-15 with the missing documents", last)
			}
			ns := v.notes(applicantOf(p))
			found := false
			for _, n := range ns {
				if n.ApplicationID == app.ID && n.Rule == "AC-15" && strings.Contains(n.Text.EN, "the official court document to be apostilled") &&
					strings.Contains(n.Text.RU, "официальный документ, исходящий из судебных органов") {
					found = true
				}
			}
			if !found {
				t.Errorf("no notice naming the missing documents: %+v", ns)
			}
			if !app.Final() {
				t.Error("a refused package is not final")
			}
			_, err := v.try(operator, app, "accept", nil)
			wantErr(t, err, apperr.Invalid, "", "command")
		})
		v.rule("AC-9 AC-10 the package completed at the desk is accepted", func(t *testing.T) {
			app = v.submit(operator, in)
			_, err := v.try(operator, app, "update-checklist", map[string]any{"documents": []map[string]any{{"id": "court-decision", "provided": true}}})
			wantErr(t, err, apperr.Invalid, "", "data.documents[0].id")
			if it := item(t, app, "duty-payment-proof"); it.Status != casework.DocMissing {
				t.Fatalf("duty proof %+v before any payment: want missing", it)
			}
			app = v.exec(operator, app, "update-checklist", map[string]any{
				"documents": []map[string]any{{"id": "court-document", "provided": true}},
				"payment":   gateway(date(2026, 4, 6))})
			for _, it := range app.Checklist {
				if it.Status == casework.DocMissing {
					t.Errorf("item %s still missing", it.DocumentID)
				}
			}
			// AC-10: a payment through the gateway is seen in the information
			// systems, so its proof is not asked for.
			if it := item(t, app, "duty-payment-proof"); it.Status != casework.DocWaived || it.Condition != standard.CondNotPaidViaGateway {
				t.Errorf("duty proof %+v: want waived, paid through the gateway", it)
			}
			_, err = v.try(officer, app, "accept", nil)
			wantErr(t, err, apperr.Forbidden, "", "")
			app = v.exec(operator, app, "accept", nil)
			wantState(t, app, casework.StateAccepted)
		})
	})
}

// TestApostilleCourtLifecycle: AC at a State Corporation department on a
// Saturday, issued and handed over; a portal request refused only after a held
// hearing, which has no time limits of its own (docs/standards.md decision 14);
// the deadlines of every channel.
func TestApostilleCourtLifecycle(t *testing.T) {
	storetest.Run(t, func(t *testing.T, kind storetest.Engine) {
		t.Parallel()
		v := newEnv(t, kind, at(2026, 4, 11, 11, 0)) // Saturday
		p := person(t, "Sadykova")
		operator := casework.Actor{ID: "op-krg", Role: casework.RoleOperator, Branch: "KRG-3"}
		var app, web *casework.Application
		v.rule("AC-8 AC-4.1 G-2 received on Saturday at the State Corporation, 5 working days", func(t *testing.T) {
			app = v.submit(operator, casework.SubmitInput{Service: standard.ApostilleCourt, Channel: standard.StateCorp, Applicant: p,
				Branch: "KRG-3", DepartmentClass: standard.Other, Payment: gateway(date(2026, 4, 11)),
				Documents: provided("application", "identity", "court-document")})
			app = v.exec(operator, app, "accept", nil)
			if app.ReceivedOn != date(2026, 4, 11) || app.DeadlineOn != date(2026, 4, 17) || app.DeadlineRule != "AC-4.1" {
				t.Fatalf("received %s due %s (%s), want Saturday and 2026-04-17 (AC-4.1)", app.ReceivedOn, app.DeadlineOn, app.DeadlineRule)
			}
			if len(app.Clocks) != 1 {
				t.Errorf("clocks %+v: AC names no steps, only the deadline runs", app.Clocks)
			}
		})
		v.rule("CR-STD-7 the CR office is closed on Saturday", func(t *testing.T) {
			_, _, err := v.e.Submit(v.ctx, operator, casework.SubmitInput{Service: standard.CriminalRecord, Channel: standard.StateCorp, Applicant: p,
				Branch: "KRG-3", DepartmentClass: standard.Other, Documents: provided("application", "identity")}, "sat")
			wantErr(t, err, apperr.Invalid, "", "submitted_at")
		})
		v.rule("AC-15-1 no refusal without a held hearing; no journal step", func(t *testing.T) {
			v.advanceTo(at(2026, 4, 13, 9, 30))
			app = v.exec(officer, app, "start-verification", nil)
			_, err := v.try(head, app, "refuse", map[string]any{"grounds": []string{"unreliable"}})
			wantErr(t, err, apperr.Invalid, "AC-15-1", "command")
			if got := v.get(app.ID); got.State != casework.StateVerification || got.Decision != nil {
				t.Errorf("a rejected refusal changed the application: %s, %+v", got.State, got.Decision)
			}
			_, err = v.try(officer, app, "register", nil)
			wantErr(t, err, apperr.Invalid, "", "command")
		})
		v.rule("AC-6 AC-13 G-8 issued on paper and handed over", func(t *testing.T) {
			app = v.exec(head, app, "issue", nil)
			if d := app.Decision; d.Result != "apostilled-document" || !d.Paper || d.Rule != "AC-4.1" {
				t.Fatalf("decision %+v", d)
			}
			app = v.exec(officer, app, "dispatch", nil)
			evs, _ := v.e.Events(v.ctx, admin, app.ID)
			if last := evs[len(evs)-1]; last.Rule != "G-7" {
				t.Errorf("dispatch without a delivery step cites %q, want G-7", last.Rule)
			}
			v.advanceTo(at(2026, 4, 14, 12, 0))
			app = v.exec(operator, app, "receive-at-branch", nil)
			wantClock(t, app, "storage-return", date(2026, 5, 14), "G-7")
			app = v.exec(operator, app, "hand-over", map[string]any{"to": "applicant", "id_document": "ID 9"})
			wantState(t, app, casework.StateHandedOver)
		})
		v.rule("AC-4.1 AC-3 consulate 10 working days, provider office 1", func(t *testing.T) {
			for _, tt := range []struct {
				ch   standard.Channel
				want string
			}{{standard.Consulate, "2026-04-28"}, {standard.ProviderOffice, "2026-04-15"}} {
				a := v.submit(officer, casework.SubmitInput{Service: standard.ApostilleCourt, Channel: tt.ch, Applicant: p,
					Payment: gateway(date(2026, 4, 14)), Documents: provided("application", "identity", "court-document")})
				a = v.exec(officer, a, "accept", nil)
				if a.DeadlineOn.String() != tt.want {
					t.Errorf("%s: due %s, want %s", tt.ch, a.DeadlineOn, tt.want)
				}
			}
		})
		v.rule("AC-6 a portal request is issued as the apostilled document, not the notice", func(t *testing.T) {
			w := v.submit(applicantOf(p), casework.SubmitInput{Service: standard.ApostilleCourt, Channel: standard.Portal, Applicant: p,
				PickupBranch: "KRG-3", Payment: gateway(date(2026, 4, 14)), Documents: provided("document-scan")})
			w = v.exec(officer, w, "start-verification", nil)
			// The readiness notice tells of the result in the cabinet; it is never the result.
			_, err := v.try(head, w, "issue", map[string]any{"result": "readiness-notice"})
			wantErr(t, err, apperr.Invalid, "", "data.result")
			w = v.exec(head, w, "issue", nil)
			if d := w.Decision; d.Result != "apostilled-document" || !d.Paper || w.Final() {
				t.Errorf("decision %+v: want the paper apostilled document, collected at the branch", d)
			}
		})
		v.rule("AC-4.1 AC-9-1 AC-15-1 a portal request: a refusal without a hearing is rejected", func(t *testing.T) {
			web = v.submit(applicantOf(p), casework.SubmitInput{Service: standard.ApostilleCourt, Channel: standard.Portal, Applicant: p,
				PickupBranch: "KRG-3", Payment: gateway(date(2026, 4, 14)), Documents: provided("document-scan")})
			if web.DeadlineOn != date(2026, 4, 15) {
				t.Errorf("portal deadline %s, want 1 working day: 2026-04-15", web.DeadlineOn)
			}
			web = v.exec(officer, web, "start-verification", nil)
			_, err := v.try(head, web, "refuse", map[string]any{"grounds": []string{"non-compliant"}, "text": "no court seal"})
			wantErr(t, err, apperr.Invalid, "AC-15-1", "command")
		})
		v.rule("AC-15-1 preliminary refusal without hearing time limits", func(t *testing.T) {
			_, err := v.try(officer, web, "preliminary-refusal", nil)
			wantErr(t, err, apperr.Invalid, "", "data.grounds")
			web = v.exec(officer, web, "preliminary-refusal", map[string]any{"grounds": []string{"non-compliant"}, "text": "no court seal"})
			wantState(t, web, casework.StatePreliminaryRefusal)
			if h := web.Hearing; h == nil || !h.NoticeBy.IsZero() || !equal(h.Grounds, []string{"non-compliant"}) {
				t.Fatalf("hearing %+v: want the grounds and no notice limit", web.Hearing)
			}
			if len(web.Clocks) != 1 || web.Clocks[0].ID != "deadline" {
				t.Errorf("clocks %+v: AC's hearing has no clocks of its own", web.Clocks)
			}
			if b, _ := json.Marshal(web.Hearing); strings.Contains(string(b), "notice_by") {
				t.Errorf("hearing %s: an unset notice limit is left out", b)
			}
			evs, _ := v.e.Events(v.ctx, admin, web.ID)
			if last := evs[len(evs)-1]; last.Type != "preliminary-refusal" || last.Rule != "AC-15-1" {
				t.Errorf("event %+v, want the preliminary refusal under AC-15-1", last)
			}
		})
		v.rule("AC-15-1 the hearing is after the notice, at any later day", func(t *testing.T) {
			_, err := v.try(officer, web, "schedule-hearing", map[string]any{"at": at(2026, 4, 14, 11, 0), "method": "video"})
			wantErr(t, err, apperr.Invalid, "AC-15-1", "data.at")
			// Five working days after the notice: beyond AP's and AR's 2, which AC does not have.
			web = v.exec(officer, web, "schedule-hearing", map[string]any{"at": at(2026, 4, 21, 11, 0), "method": "video"})
			wantState(t, web, casework.StateHearingScheduled)
			if h := web.Hearing; h.NoticeSentAt == nil || h.At == nil || !h.At.Equal(at(2026, 4, 21, 11, 0)) || !h.LatestOn.IsZero() {
				t.Errorf("hearing %+v: want the notice sent, the hearing at 2026-04-21 11:00, no latest day", h)
			}
			if !hasNote(v.notes(applicantOf(p)), web.ID, casework.NoteHearingNotice, "AC-15-1") {
				t.Error("no hearing notice in the applicant's cabinet")
			}
			_, err = v.try(head, web, "refuse", map[string]any{"grounds": []string{"non-compliant"}})
			wantErr(t, err, apperr.Invalid, "AC-15-1", "command")
			_, err = v.try(officer, web, "hold-hearing", map[string]any{"attended": true})
			wantErr(t, err, apperr.Invalid, "AC-15-1", "command")
		})
		v.rule("AC-15-1 AC-6 refused after the held hearing, the reasons in the cabinet", func(t *testing.T) {
			v.advanceTo(at(2026, 4, 21, 11, 30))
			web = v.exec(officer, web, "hold-hearing", map[string]any{"attended": true, "position": "the seal is on page 2"})
			wantState(t, web, casework.StateHearingHeld)
			web = v.exec(head, web, "refuse", map[string]any{"text": "no court seal"})
			wantState(t, web, casework.StateRefused)
			if d := web.Decision; d.Rule != "AC-15-1" || !d.Paper || d.Result != "motivated-refusal" || !equal(d.Grounds, []string{"non-compliant"}) {
				t.Errorf("decision %+v, want a paper motivated refusal on the hearing's grounds", d)
			}
			found := false
			for _, n := range v.notes(applicantOf(p)) {
				found = found || (n.ApplicationID == web.ID && n.Rule == "AC-15-1" && strings.Contains(n.Text.EN, "Unified Rules"))
			}
			if !found {
				t.Error("the reasons of refusal did not reach the cabinet (AC-6)")
			}
			// Decision 14: the hearing does not fit AC's 1-day term; the overrun stays visible.
			if k := clockOf(t, web, "deadline"); !k.Overdue || !web.Overdue {
				t.Errorf("deadline %+v: want flagged overdue", k)
			}
			want := []string{"submit", "accept", "start-verification", "preliminary-refusal", "schedule-hearing", "overdue", "hold-hearing", "refuse"}
			if got := v.eventTypes(web.ID); !equal(got, want) {
				t.Errorf("events %v, want %v", got, want)
			}
		})
	})
}

// TestApostilleCourtDeadlineOverHolidays: the service deadline counts working
// days of the production calendar.
func TestApostilleCourtDeadlineOverHolidays(t *testing.T) {
	storetest.Run(t, func(t *testing.T, kind storetest.Engine) {
		t.Parallel()
		v := newEnv(t, kind, at(2026, 4, 30, 15, 0)) // Thursday
		p := person(t, "Mayday")
		v.rule("G-1 G-2 AC-4.1 five working days over the May holidays", func(t *testing.T) {
			app := v.submit(operator, casework.SubmitInput{Service: standard.ApostilleCourt, Channel: standard.StateCorp, Applicant: p,
				Branch: "ALM-1", DepartmentClass: standard.Other, Payment: gateway(date(2026, 4, 30)),
				Documents: provided("application", "identity", "court-document")})
			app = v.exec(operator, app, "accept", nil)
			// Not counted: 1 May (Unity Day), 7 May (Defender's Day), 9 May
			// (Victory Day, a Saturday) and 11 May, the day off it moves to, and
			// the weekends: 4, 5, 6, 8 and 12 May are the five working days.
			wantClock(t, app, "deadline", date(2026, 5, 12), "AC-4.1")
			if app.ReceivedOn != date(2026, 4, 30) {
				t.Errorf("received on %s, want the day it was handed in", app.ReceivedOn)
			}
		})
	})
}
