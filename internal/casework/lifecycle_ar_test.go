package casework_test

import (
	"testing"

	"qyzmet/internal/apperr"
	"qyzmet/internal/calendar"
	"qyzmet/internal/casework"
	"qyzmet/internal/standard"
	"qyzmet/internal/store/storetest"
)

func TestUnder16On1January1940(t *testing.T) {
	for _, tt := range []struct {
		name  string
		birth calendar.Date
		want  bool
	}{
		{"AR-6.1 sixteen on the day itself", date(1924, 1, 1), false},
		{"AR-6.1 sixteen the day after", date(1924, 1, 2), true},
		{"AR-6.1 older", date(1923, 12, 31), false},
		{"AR-6.1 a child", date(1936, 6, 1), true},
		{"AR-6.1 leap day birth", date(1924, 2, 29), true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := casework.Under16On1January1940(tt.birth); got != tt.want {
				t.Errorf("Under16On1January1940(%s) = %v, want %v", tt.birth, got, tt.want)
			}
		})
	}
}

// TestArchivalCertificateLifecycle walks an AR portal request about a person
// resettled as a child: the parents' data, the search, a preliminary refusal
// withdrawn after the hearing, the paper certificate returned to the provider
// after a month and sent back when the applicant comes.
func TestArchivalCertificateLifecycle(t *testing.T) {
	storetest.Run(t, func(t *testing.T, kind storetest.Engine) {
		t.Parallel()
		v := newEnv(t, kind, at(2026, 4, 8, 14, 0)) // Wednesday
		p := person(t, "Tokayeva")
		born := date(1930, 5, 1)
		in := casework.SubmitInput{Service: standard.ArchivalCertificate, Channel: standard.Portal, Applicant: p,
			Subject: &casework.Subject{Relation: casework.RelationThirdParty, BirthDate: &born,
				Person: casework.Party{Kind: casework.KindIndividual, Surname: "Tokayev", GivenName: "Ermek"}},
			Conditions: []standard.Condition{standard.CondKinshipNotInRegistry},
		}
		var app *casework.Application

		v.rule("AR-STD-8.2 AR-6.1 the portal package", func(t *testing.T) {
			_, _, err := v.e.Submit(v.ctx, applicantOf(p), in, "k1")
			wantErr(t, err, apperr.Invalid, "AR-STD-8.2", "pickup_branch")
			in.PickupBranch = "ALM-1"
			_, _, err = v.e.Submit(v.ctx, applicantOf(p), in, "k2")
			wantErr(t, err, apperr.Invalid, "AR-6.1", "fields.parents-data")
			in.Fields = map[string]string{"parents-data": "Tokayev Serik, 1901; Tokayeva Aisha, 1905"}
			app = v.submit(applicantOf(p), in)
			wantState(t, app, casework.StateAccepted)
			if !hasCondition(app, standard.CondSubjectUnder16In1940) {
				t.Errorf("conditions %v: want subject-under-16-in-1940", app.Conditions)
			}
		})
		v.rule("AR-STD-3 AR-6.3 AR-6.4 AR-6.6 deadline and steps", func(t *testing.T) {
			wantClock(t, app, "deadline", date(2026, 4, 20), "AR-STD-3")
			wantClock(t, app, "delivery", date(2026, 4, 17), "AR-6.6")
			// The 8-day search and the 1-day forming end by the delivery (decision 9).
			wantClock(t, app, "search", date(2026, 4, 17), "AR-6.3")
			wantClock(t, app, "draw-up", date(2026, 4, 17), "AR-6.4")
		})
		v.rule("AR-6.2 AR-STD-9 preliminary refusal: notice within 2 working days of receipt", func(t *testing.T) {
			v.advanceTo(at(2026, 4, 9, 10, 0))
			app = v.exec(officer, app, "start-verification", nil)
			app = v.exec(officer, app, "preliminary-refusal", map[string]any{"grounds": []string{"non-compliant"}})
			wantClock(t, app, "hearing-notice-from-receipt", date(2026, 4, 10), "AR-6.2")
			wantClock(t, app, "hearing-notice", date(2026, 4, 15), "AR-6.2")
			if app.Hearing.NoticeBy != date(2026, 4, 10) {
				t.Errorf("notice due %s, want the earlier bound 2026-04-10", app.Hearing.NoticeBy)
			}
		})
		v.rule("AR-6.2 hearing within 2 working days of the notice", func(t *testing.T) {
			v.advanceTo(at(2026, 4, 10, 10, 0))
			_, err := v.try(officer, app, "schedule-hearing", map[string]any{"at": at(2026, 4, 15, 11, 0), "method": "video"})
			wantErr(t, err, apperr.Invalid, "AR-6.2", "data.at")
			app = v.exec(officer, app, "schedule-hearing", map[string]any{"at": at(2026, 4, 13, 11, 0), "method": "video"})
			wantClock(t, app, "hearing", date(2026, 4, 14), "AR-6.2")
			v.advanceTo(at(2026, 4, 13, 11, 30))
			app = v.exec(officer, app, "hold-hearing", map[string]any{"attended": true, "position": "the parents' record was found"})
		})
		v.rule("AR-6.4 AR-STD-5 the certificate after the hearing", func(t *testing.T) {
			app = v.exec(head, app, "issue", map[string]any{"document_ref": "pdf/ar-1"})
			wantState(t, app, casework.StateIssued)
			if d := app.Decision; d.Result != "archival-certificate" || !d.Paper || d.Rule != "AR-6.4" {
				t.Fatalf("decision %+v, want the paper archival certificate (AR-6.4)", d)
			}
			wantClock(t, app, "draw-up", date(2026, 4, 14), "AR-6.4")
			if c := clockOf(t, app, "draw-up"); !c.Done || c.Late {
				t.Errorf("draw-up %+v, want done on time", c)
			}
		})
		v.rule("AR-6.6 AR-6.5 delivered and announced in the cabinet", func(t *testing.T) {
			v.advanceTo(at(2026, 4, 14, 16, 0))
			app = v.exec(officer, app, "dispatch", nil)
			if c := clockOf(t, app, "delivery"); !c.Done || c.Late {
				t.Errorf("delivery %+v, want done on time", c)
			}
			v.advanceTo(at(2026, 4, 15, 10, 0))
			app = v.exec(operator, app, "receive-at-branch", nil)
			if !hasNote(v.notes(applicantOf(p)), app.ID, casework.NoteReadyForPickup, "G-7") {
				t.Error("no notice of the place and date of collection (AR-6.5)")
			}
		})
		v.rule("G-7 AR-STD-5 returned after a month, sent back within a working day", func(t *testing.T) {
			v.advanceTo(at(2026, 5, 15, 10, 0))
			app = v.get(app.ID)
			wantState(t, app, casework.StateReturnedToProvider)
			v.advanceTo(at(2026, 5, 18, 11, 0))
			app = v.exec(operator, app, "request-back", nil)
			wantState(t, app, casework.StateDispatched)
			wantClock(t, app, "return-to-branch", date(2026, 5, 19), "G-7")
			v.advanceTo(at(2026, 5, 19, 10, 0))
			app = v.exec(operator, app, "receive-at-branch", nil)
			if c := clockOf(t, app, "return-to-branch"); !c.Done || c.Late {
				t.Errorf("return clock %+v, want done on time", c)
			}
		})
		v.rule("G-8 AR-6.7 handed over against ID", func(t *testing.T) {
			_, err := v.try(operator, app, "hand-over", map[string]any{"to": "representative", "id_document": "ID 1"})
			wantErr(t, err, apperr.Invalid, "G-8", "data.to")
			app = v.exec(operator, app, "hand-over", map[string]any{"to": "applicant", "id_document": "ID 1"})
			wantState(t, app, casework.StateHandedOver)
			v.advanceTo(at(2026, 7, 16, 10, 0))
			wantState(t, v.get(app.ID), casework.StateHandedOver)
		})
	})
}

func hasCondition(app *casework.Application, c standard.Condition) bool {
	for _, x := range app.Conditions {
		if x == c {
			return true
		}
	}
	return false
}

// TestArchivalCertificateWithApostille: an archival certificate and its
// apostille under one application at the State Corporation, handed in by a
// representative. The intake decision on the certificate is the decision on the
// whole application.
func TestArchivalCertificateWithApostille(t *testing.T) {
	storetest.Run(t, func(t *testing.T, kind storetest.Engine) {
		t.Parallel()
		v := newEnv(t, kind, at(2026, 4, 8, 11, 0)) // Wednesday
		p, rep := person(t, "Nurlanova"), person(t, "Rep")
		in := casework.SubmitInput{Service: standard.ArchivalCertificate, Channel: standard.StateCorp, Applicant: p,
			Representative: &casework.Representative{Party: rep, POA: casework.POA{Number: "POA-5", IssuedOn: date(2026, 1, 10), Notary: "Notary A"}},
			Branch:         "ALM-1", DepartmentClass: standard.Major, Payment: gateway(date(2026, 4, 8)),
			Combined:  []standard.ServiceID{standard.ApostilleProsecution},
			Documents: provided("application", "identity")}
		var ar, ap *casework.Application

		v.rule("AR-STD-8.1 a representative's package needs the power of attorney", func(t *testing.T) {
			ar = v.submit(operator, in)
			if it := item(t, ar, "power-of-attorney"); it.Status != casework.DocMissing || it.Condition != standard.CondRepresentative || it.Rule != "AR-STD-8.1" {
				t.Errorf("power of attorney %+v: want missing, required for a representative (AR-STD-8.1)", it)
			}
			_, err := v.try(operator, ar, "accept", nil)
			wantErr(t, err, apperr.Invalid, "AR-STD-8.1", "checklist")
		})
		v.rule("AR-STD-10 AP-STD-10 the apostille takes the certificate's package", func(t *testing.T) {
			if len(ar.Links) != 1 || ar.Links[0].Service != standard.ApostilleProsecution || ar.Links[0].Part != casework.PartSecondary {
				t.Fatalf("links %+v, want the combined apostille", ar.Links)
			}
			ap = v.get(ar.Links[0].ApplicationID)
			wantState(t, ap, casework.StateSubmitted)
			for id, want := range map[string]string{
				"application": casework.DocProvided, "identity": casework.DocProvided, // from the certificate's package
				"official-document": casework.DocFetched, // the certificate itself
				"duty-receipt":      casework.DocWaived,  // paid through the gateway
				"power-of-attorney": casework.DocMissing, // as in the certificate's package
			} {
				if it := item(t, ap, id); it.Status != want {
					t.Errorf("apostille item %s: %s, want %s", id, it.Status, want)
				}
			}
		})
		v.rule("AR-STD-4 AP-STD-4 accepting the certificate accepts the apostille", func(t *testing.T) {
			ar = v.exec(operator, ar, "update-checklist", map[string]any{"documents": []map[string]any{{"id": "power-of-attorney", "provided": true}}})
			ar = v.exec(operator, ar, "accept", nil)
			wantState(t, ar, casework.StateAccepted)
			ap = v.get(ap.ID)
			wantState(t, ap, casework.StateAccepted)
			if it := item(t, ap, "power-of-attorney"); it.Status != casework.DocProvided {
				t.Errorf("apostille's power of attorney %+v: want provided with the certificate's", it)
			}
			if ap.DeadlineOn.IsZero() || ap.DeadlineRule != "AP-STD-3" || ap.ReceivedOn != ar.ReceivedOn {
				t.Errorf("apostille received %s, due %s (%s): want the certificate's receipt and AP-STD-3", ap.ReceivedOn, ap.DeadlineOn, ap.DeadlineRule)
			}
		})
		v.rule("AR-STD-4 AP-STD-4 refusing the package refuses the apostille too", func(t *testing.T) {
			other := v.submit(operator, in)
			other = v.exec(operator, other, "refuse-at-intake", nil)
			wantState(t, other, casework.StateRefusedAtIntake)
			if !equal(other.Missing, []string{"power-of-attorney"}) {
				t.Errorf("missing %v, want the power of attorney", other.Missing)
			}
			wantState(t, v.get(other.Links[0].ApplicationID), casework.StateRefusedAtIntake)
		})
	})
}

// item returns a checklist item; the test fails when it is missing.
func item(t *testing.T, app *casework.Application, id string) casework.ChecklistItem {
	t.Helper()
	for _, it := range app.Checklist {
		if it.DocumentID == id {
			return it
		}
	}
	t.Fatalf("application %s (%s) has no checklist item %q", app.ID, app.Service, id)
	return casework.ChecklistItem{}
}
