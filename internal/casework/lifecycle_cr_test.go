package casework_test

import (
	"testing"

	"qyzmet/internal/apperr"
	"qyzmet/internal/casework"
	"qyzmet/internal/standard"
	"qyzmet/internal/store/storetest"
)

func crPortal(p casework.Party) casework.SubmitInput {
	return casework.SubmitInput{Service: standard.CriminalRecord, Channel: standard.Portal, Applicant: p,
		Subject: &casework.Subject{Relation: casework.RelationSelf, Person: p}}
}

// TestCriminalRecordPortalLifecycle: a portal request on a Sunday night, the
// automated electronic certificate within 10 minutes, and an unanswered request
// warned of and flagged overdue.
func TestCriminalRecordPortalLifecycle(t *testing.T) {
	storetest.Run(t, func(t *testing.T, kind storetest.Engine) {
		t.Parallel()
		v := newEnv(t, kind, at(2026, 4, 5, 23, 0)) // Sunday night
		p1, p2 := person(t, "Abenov"), person(t, "Bekova")
		desk := casework.Actor{ID: "off-9", Role: casework.RoleOfficer}
		var a1, a2 *casework.Application

		v.rule("G-3 CR-STD-7 CR-STD-3.1 received at Monday's opening, due 10 minutes later", func(t *testing.T) {
			a1 = v.submit(applicantOf(p1), crPortal(p1))
			a2 = v.submit(applicantOf(p2), crPortal(p2))
			wantState(t, a1, casework.StateAccepted)
			if !a1.ReceivedAt.Equal(at(2026, 4, 6, 9, 0)) || !a1.Deadline.Equal(at(2026, 4, 6, 9, 10)) || a1.DeadlineRule != "CR-STD-3.1" {
				t.Fatalf("received %v, due %v (%s); want Monday 09:00 and 09:10 (CR-STD-3.1)", a1.ReceivedAt, a1.Deadline, a1.DeadlineRule)
			}
		})
		v.rule("CR-STD-8.3 CR-STD-8.4 portal checklist", func(t *testing.T) {
			got := a1.Checklist
			if len(got) != 3 || got[0].DocumentID != "e-request" || got[0].Status != casework.DocProvided {
				t.Fatalf("portal checklist %+v, want the e-request provided and the rest waived", got)
			}
			for _, it := range got[1:] {
				if it.Status != casework.DocWaived || it.Condition == "" {
					t.Errorf("item %s: %s (%s), want waived by its condition", it.DocumentID, it.Status, it.Condition)
				}
			}
		})
		v.rule("CR-STD-3.1 CR-STD-5.1 automated electronic certificate", func(t *testing.T) {
			v.advanceTo(at(2026, 4, 6, 9, 3))
			a1 = v.exec(system, a1, "start-verification", nil)
			a1 = v.exec(system, a1, "issue", map[string]any{"document_ref": "pdf/1"})
			wantState(t, a1, casework.StateIssued)
			if a1.Decision.Paper || a1.Decision.Result != "certificate" || !a1.Final() {
				t.Errorf("decision %+v: want the electronic certificate, final", a1.Decision)
			}
			if c := clockOf(t, a1, "deadline"); !c.Done || c.Late {
				t.Errorf("deadline %+v, want met", c)
			}
			_, err := v.try(officer, a1, "dispatch", nil)
			wantErr(t, err, apperr.Invalid, "G-7", "")
		})
		v.rule("CR-STD-3.1 warning and overdue flag", func(t *testing.T) {
			if !hasNote(v.notes(desk), a2.ID, casework.NoteWarning, "CR-STD-3.1") {
				t.Errorf("no warning of the 10-minute clock for the officers' desk")
			}
			v.advanceTo(at(2026, 4, 6, 9, 9))
			if v.get(a2.ID).Overdue {
				t.Fatal("flagged overdue before 09:10")
			}
			v.advanceTo(at(2026, 4, 6, 9, 10))
			a2 = v.get(a2.ID)
			if c := clockOf(t, a2, "deadline"); !a2.Overdue || !c.Overdue {
				t.Fatalf("at 09:10 the unanswered request is not overdue: %+v", c)
			}
			if v.get(a1.ID).Overdue {
				t.Error("the answered request is flagged overdue")
			}
			if got := v.eventTypes(a2.ID); !equal(got, []string{"submit", "accept", "overdue"}) {
				t.Errorf("events %v", got)
			}
			evs, _ := v.e.Events(v.ctx, admin, a2.ID)
			if last := evs[len(evs)-1]; last.Rule != "CR-STD-3.1" || last.Version != a2.Version {
				t.Errorf("overdue event %+v: want rule CR-STD-3.1 at the unchanged version %d", last, a2.Version)
			}
			if !hasNote(v.notes(desk), a2.ID, casework.NoteOverdue, "CR-STD-3.1") {
				t.Error("no overdue notice for the officers' desk")
			}
			// The flag is not a command: a command at the version read before still applies.
			a2 = v.exec(system, a2, "start-verification", nil)
			wantState(t, a2, casework.StateVerification)
			if overdue, err := v.e.List(v.ctx, admin, casework.Filter{Overdue: true}); err != nil || len(overdue) != 1 || overdue[0].ID != a2.ID {
				t.Errorf("overdue list %v (%v), want only %s", overdue, err, a2.ID)
			}
		})
	})
}

// TestCriminalRecordAdditionalCheckLifecycle: an additional reference check ends
// with the interim reply; the service is never refused.
func TestCriminalRecordAdditionalCheckLifecycle(t *testing.T) {
	storetest.Run(t, func(t *testing.T, kind storetest.Engine) {
		t.Parallel()
		v := newEnv(t, kind, at(2026, 4, 6, 10, 0))
		p := person(t, "Kaliyev")
		var app *casework.Application

		v.rule("CR-STD-8.1 CR-STD-3.1 at the State Corporation: 10 minutes", func(t *testing.T) {
			app = v.submit(operator, casework.SubmitInput{Service: standard.CriminalRecord, Channel: standard.StateCorp, Applicant: p,
				Branch: "ALM-1", DepartmentClass: standard.Major, Documents: provided("application", "identity")})
			app = v.exec(operator, app, "accept", nil)
			if !app.Deadline.Equal(at(2026, 4, 6, 10, 10)) {
				t.Fatalf("deadline %v, want 10:10", app.Deadline)
			}
		})
		v.rule("CR-STD-3.1 CR-STD-3.4 additional check: 5 working days, interim reply within 4", func(t *testing.T) {
			app = v.exec(system, app, "start-verification", nil)
			app = v.exec(system, app, "start-additional-check", nil)
			wantState(t, app, casework.StateAdditionalCheck)
			if app.DeadlineOn != date(2026, 4, 13) || app.DeadlineRule != "CR-STD-3.1" {
				t.Fatalf("deadline %s (%s), want 2026-04-13 (CR-STD-3.1)", app.DeadlineOn, app.DeadlineRule)
			}
			wantClock(t, app, "deadline", date(2026, 4, 13), "CR-STD-3.1")
			wantClock(t, app, "interim-reply", date(2026, 4, 10), "CR-STD-3.4")
			if hasClock(app, "reapply-after") {
				t.Error("reapply-after is a date from which, not a deadline")
			}
		})
		v.rule("CR-STD-9 never refused", func(t *testing.T) {
			for _, cmd := range []string{"refuse", "preliminary-refusal", "schedule-hearing"} {
				_, err := v.try(head, app, cmd, map[string]any{"grounds": []string{"unreliable"}})
				wantErr(t, err, apperr.Invalid, "CR-STD-9", "command")
			}
		})
		v.rule("CR-STD-3.4 warning a working day before the interim reply", func(t *testing.T) {
			v.advanceTo(at(2026, 4, 8, 18, 0))
			desk := casework.Actor{ID: "x", Role: casework.RoleOfficer}
			if hasNote(v.notes(desk), app.ID, casework.NoteWarning, "CR-STD-3.4") {
				t.Fatal("warned too early")
			}
			v.advanceTo(at(2026, 4, 9, 9, 0))
			if !hasNote(v.notes(desk), app.ID, casework.NoteWarning, "CR-STD-3.4") {
				t.Error("no warning on the working day before the interim reply is due")
			}
		})
		v.rule("CR-STD-3.4 interim reply: apply again after 20 working days", func(t *testing.T) {
			v.advanceTo(at(2026, 4, 10, 12, 0))
			app = v.exec(officer, app, "interim-reply", map[string]any{"text": "another region's records have not answered"})
			wantState(t, app, casework.StateInterimReply)
			// 1 May 2026 is a holiday: the 20th working day after 6 April is 5 May.
			if d := app.Decision; d == nil || d.ReapplyFrom == nil || *d.ReapplyFrom != date(2026, 5, 5) || d.Rule != "CR-STD-3.4" || d.Result != "interim-reply" {
				t.Fatalf("decision %+v, want an interim reply with re-application from 2026-05-05", app.Decision)
			}
			if !app.Final() {
				t.Error("the interim reply does not close the application")
			}
			for _, c := range app.Clocks {
				if !c.Done || c.Overdue {
					t.Errorf("clock %s still running or overdue after the interim reply: %+v", c.ID, c)
				}
			}
			if !hasNote(v.notes(applicantOf(p)), app.ID, casework.NoteInterimReply, "CR-STD-3.4") {
				t.Error("no interim reply in the outbox")
			}
			v.advanceTo(at(2026, 4, 14, 12, 0))
			if v.get(app.ID).Overdue {
				t.Error("a closed application is flagged overdue by a stale timer")
			}
		})
	})
}

// TestCriminalRecordTravelAbroadWithApostilleLifecycle: one application of a
// paper certificate for travel abroad and its apostille, by a representative.
func TestCriminalRecordTravelAbroadWithApostilleLifecycle(t *testing.T) {
	storetest.Run(t, func(t *testing.T, kind storetest.Engine) {
		t.Parallel()
		v := newEnv(t, kind, at(2026, 4, 7, 11, 0)) // Tuesday
		principal, rep := person(t, "Omarov"), person(t, "Nurlanova")
		in := casework.SubmitInput{Service: standard.CriminalRecord, Channel: standard.Portal, Applicant: principal,
			Representative: &casework.Representative{Party: rep, POA: casework.POA{Number: "POA-77", IssuedOn: date(2026, 3, 1), Notary: "Notary Ivanova"}},
			Subject:        &casework.Subject{Relation: casework.RelationSelf, Person: principal},
			TravelAbroad:   true, DepartmentClass: standard.Major, Payment: gateway(date(2026, 4, 7)),
			Combined: []standard.ServiceID{standard.ApostilleProsecution},
		}
		var cr, ap *casework.Application

		v.rule("CR-STD-8.3 AP-STD-8 the portal package of one application", func(t *testing.T) {
			_, _, err := v.e.Submit(v.ctx, applicantOf(rep), in, "k-nobranch")
			wantErr(t, err, apperr.Invalid, "CR-STD-8.3", "pickup_branch")
			in.PickupBranch = "ALM-1"
			_, _, err = v.e.Submit(v.ctx, applicantOf(rep), in, "k-nopoa")
			wantErr(t, err, apperr.Invalid, "AP-STD-8", "documents")
			in.Documents = []casework.DocumentInput{{ID: "apostille-prosecution/power-of-attorney", Provided: true, FileRef: "scan/poa"}}
			cr = v.submit(applicantOf(rep), in)
			wantState(t, cr, casework.StateAccepted)
		})
		v.rule("CR-STD-4 CR-STD-10 AP-STD-10 CR-STD-3.1 AP-STD-3 linked applications and their deadlines", func(t *testing.T) {
			if cr.DeadlineOn != date(2026, 4, 14) || cr.DeadlineRule != "CR-STD-3.1" {
				t.Fatalf("certificate due %s (%s), want 2026-04-14 (CR-STD-3.1)", cr.DeadlineOn, cr.DeadlineRule)
			}
			if len(cr.Links) != 1 || cr.Links[0].Kind != casework.LinkCombined || cr.Links[0].Part != casework.PartSecondary {
				t.Fatalf("links %+v, want the combined apostille", cr.Links)
			}
			ap = v.get(cr.Links[0].ApplicationID)
			wantState(t, ap, casework.StateAccepted)
			if ap.Channel != standard.StateCorp || ap.DeadlineOn != date(2026, 4, 14) || ap.DeadlineRule != "AP-STD-3" {
				t.Fatalf("apostille: channel %s, due %s (%s); want the chosen branch, 2026-04-14 (AP-STD-3)", ap.Channel, ap.DeadlineOn, ap.DeadlineRule)
			}
			if len(ap.Links) != 1 || ap.Links[0].ApplicationID != cr.ID || ap.Links[0].Part != casework.PartPrimary {
				t.Errorf("apostille links %+v", ap.Links)
			}
			for _, it := range ap.Checklist {
				if it.Status == casework.DocMissing {
					t.Errorf("apostille checklist item %s missing", it.DocumentID)
				}
			}
		})
		v.rule("AP-STD-10 the apostille waits for the certificate", func(t *testing.T) {
			ap = v.exec(officer, ap, "register", nil)
			ap = v.exec(officer, ap, "start-verification", nil)
			_, err := v.try(officer, ap, "issue", nil)
			wantErr(t, err, apperr.Invalid, "AP-STD-10", "command")
		})
		v.rule("CR-3 CR-STD-5.1 paper certificate for travel abroad", func(t *testing.T) {
			cr = v.exec(system, cr, "start-verification", nil)
			cr = v.exec(system, cr, "issue", nil)
			if d := cr.Decision; !d.Paper || d.Result != "certificate-travel-abroad" {
				t.Fatalf("certificate decision %+v, want the paper certificate for travel abroad", d)
			}
			cr = v.exec(officer, cr, "dispatch", nil)
			v.advanceTo(at(2026, 4, 8, 10, 0))
			cr = v.exec(operator, cr, "receive-at-branch", nil)
		})
		v.rule("CR-STD-5.3 hand-over waits for the whole application", func(t *testing.T) {
			_, err := v.try(operator, cr, "hand-over", map[string]any{"to": "representative", "id_document": "ID 123", "poa_number": "POA-77"})
			wantErr(t, err, apperr.Invalid, "CR-STD-5.3", "command")
			ap = v.exec(officer, ap, "issue", nil)
			if ap.Decision.Result != "apostilled-document" || !ap.Decision.Paper {
				t.Fatalf("apostille decision %+v", ap.Decision)
			}
			ap = v.exec(officer, ap, "dispatch", nil)
			ap = v.exec(operator, ap, "receive-at-branch", nil)
		})
		v.rule("G-8 handed to the representative against ID and POA, together", func(t *testing.T) {
			_, err := v.try(operator, cr, "hand-over", map[string]any{"to": "representative", "id_document": "ID 123", "poa_number": "POA-78"})
			wantErr(t, err, apperr.Invalid, "G-8", "data.poa_number")
			_, err = v.try(operator, cr, "hand-over", map[string]any{"to": "representative", "poa_number": "POA-77"})
			wantErr(t, err, apperr.Invalid, "", "data.id_document")
			cr = v.exec(operator, cr, "hand-over", map[string]any{"to": "representative", "id_document": "ID 123", "poa_number": "POA-77"})
			wantState(t, cr, casework.StateHandedOver)
			ap = v.get(ap.ID)
			wantState(t, ap, casework.StateHandedOver)
			if ap.Storage.HandedTo != "representative" {
				t.Errorf("apostille handed to %q", ap.Storage.HandedTo)
			}
		})
		v.rule("G-7 storage timers of handed-over results are stale", func(t *testing.T) {
			v.advanceTo(at(2026, 7, 9, 12, 0))
			wantState(t, v.get(cr.ID), casework.StateHandedOver)
			wantState(t, v.get(ap.ID), casework.StateHandedOver)
		})
		v.rule("AR-6.5 the principal and the representative follow it in the cabinet", func(t *testing.T) {
			for _, who := range []casework.Party{principal, rep} {
				if !hasNote(v.notes(applicantOf(who)), cr.ID, casework.NoteReadyForPickup, "") {
					t.Errorf("%s got no ready-for-pick-up notice", who.Surname)
				}
			}
		})
	})
}

// TestCriminalRecordThirdPartyConsent: a portal request about another person
// waits for that person's consent; the deadline runs from the consent.
func TestCriminalRecordThirdPartyConsent(t *testing.T) {
	storetest.Run(t, func(t *testing.T, kind storetest.Engine) {
		t.Parallel()
		v := newEnv(t, kind, at(2026, 4, 6, 10, 0))
		employer, worker, stranger := person(t, "Hr"), person(t, "Worker"), person(t, "Stranger")
		var app *casework.Application
		v.rule("CR-STD-5.2 CR-STD-8.4 waits for the consent", func(t *testing.T) {
			app = v.submit(applicantOf(employer), casework.SubmitInput{Service: standard.CriminalRecord, Channel: standard.Portal,
				Applicant: employer, Subject: &casework.Subject{Relation: casework.RelationThirdParty, Person: worker}})
			wantState(t, app, casework.StateSubmitted)
			if !app.DeadlineOn.IsZero() || len(app.Clocks) != 0 {
				t.Errorf("clocks run before the consent: %+v", app.Clocks)
			}
			if !hasNote(v.notes(applicantOf(worker)), app.ID, casework.NoteConsentRequest, "CR-STD-8.4") {
				t.Fatal("the person concerned was not asked for consent")
			}
		})
		v.rule("CR-STD-8.4 only the person concerned consents", func(t *testing.T) {
			_, err := v.try(applicantOf(stranger), app, "give-consent", nil)
			wantErr(t, err, apperr.NotFound, "", "")
			_, err = v.try(applicantOf(employer), app, "give-consent", nil)
			wantErr(t, err, apperr.Forbidden, "CR-STD-8.4", "")
		})
		v.rule("CR-STD-8.4 CR-STD-3.1 received at the consent", func(t *testing.T) {
			v.advanceTo(at(2026, 4, 6, 15, 0))
			app = v.exec(applicantOf(worker), app, "give-consent", nil)
			wantState(t, app, casework.StateAccepted)
			if !app.ReceivedAt.Equal(at(2026, 4, 6, 15, 0)) || !app.Deadline.Equal(at(2026, 4, 6, 15, 10)) {
				t.Errorf("received %v due %v, want from the consent at 15:00", app.ReceivedAt, app.Deadline)
			}
		})
		v.rule("CR-STD-8.4 a declined consent ends the request", func(t *testing.T) {
			other := v.submit(applicantOf(employer), casework.SubmitInput{Service: standard.CriminalRecord, Channel: standard.Portal,
				Applicant: employer, Subject: &casework.Subject{Relation: casework.RelationThirdParty, Person: worker}})
			_, err := v.try(applicantOf(employer), other, "decline-consent", nil)
			wantErr(t, err, apperr.Forbidden, "CR-STD-8.4", "")
			other = v.exec(applicantOf(worker), other, "decline-consent", nil)
			wantState(t, other, casework.StateRefusedAtIntake)
			if !hasNote(v.notes(applicantOf(employer)), other.ID, casework.NoteStatus, "CR-STD-8.4") {
				t.Error("the applicant was not told")
			}
			_, err = v.try(applicantOf(worker), app, "decline-consent", nil)
			wantErr(t, err, apperr.Invalid, "", "command")
		})
	})
}
