package casework_test

import (
	"context"
	"encoding/json"
	"slices"
	"testing"

	"qyzmet/internal/apperr"
	"qyzmet/internal/calendar"
	"qyzmet/internal/casework"
	"qyzmet/internal/registry"
	"qyzmet/internal/registry/sqlstore"
	"qyzmet/internal/standard"
	"qyzmet/internal/store"
	"qyzmet/internal/store/storetest"
)

// lastEvent is the application's newest event of a type.
func (v *env) lastEvent(t *testing.T, id, typ string) casework.Event {
	t.Helper()
	evs, err := v.e.Events(v.ctx, admin, id)
	if err != nil {
		t.Fatal(err)
	}
	for i := len(evs) - 1; i >= 0; i-- {
		if evs[i].Type == typ {
			return evs[i]
		}
	}
	t.Fatalf("no %s event among %v", typ, v.eventTypes(id))
	return casework.Event{}
}

// unchanged fails when a refused command changed the application.
func (v *env) unchanged(t *testing.T, before *casework.Application) {
	t.Helper()
	got := v.get(before.ID)
	if got.Version != before.Version || got.State != before.State || (got.Verification == nil) != (before.Verification == nil) {
		t.Fatalf("a refused record changed the application: version %d → %d, %s, %+v", before.Version, got.Version, got.State, got.Verification)
	}
}

// TestRecordVerification_AP_6_2_AP_6_3_AC_15_1: the officer records the
// official document as verified — checked against the specimens at once, a
// seal that disagrees refused on its field with nothing changed — without a
// change of state; the check's clock is done, the history says what was
// recorded, and the head's issue without data puts the apostille on it.
func TestRecordVerification_AP_6_2_AP_6_3_AC_15_1(t *testing.T) {
	storetest.Run(t, func(t *testing.T, kind storetest.Engine) {
		t.Parallel()
		v := newPaperEnv(t, kind, nextWorkingMorning())
		seed(t, v.db, func(ctx context.Context, tx *store.Tx) error {
			return sqlstore.UpsertSignatories(ctx, tx, []registry.Signatory{prosecutor, judge})
		})
		app := v.submit(operator, apInput(person(t, "Omarova")))
		app = v.exec(operator, app, "accept", nil)
		app = v.exec(officer, app, "register", nil)
		_, err := v.try(officer, app, "record-verification", map[string]any{"apostille": officialDocument(prosecutor, prosecutor.SealID, "", "5")})
		wantErr(t, err, apperr.Invalid, "", "") // not before the verification starts
		app = v.exec(officer, app, "start-verification", nil)

		v.rule("AP-6.2 a seal that disagrees is refused on its field", func(t *testing.T) {
			_, err := v.try(officer, app, "record-verification", map[string]any{"apostille": officialDocument(prosecutor, "PR-02-999", "", "5")})
			wantErr(t, err, apperr.Invalid, "AP-6.2", "data.apostille.seal_id")
			_, err = v.try(officer, app, "record-verification", nil)
			wantErr(t, err, apperr.Invalid, "", "data")
			_, err = v.try(officer, app, "record-verification", map[string]any{"card_id": settler.ID})
			wantErr(t, err, apperr.Invalid, "", "data.card_id")
			_, err = v.try(operator, app, "record-verification", map[string]any{"apostille": officialDocument(prosecutor, prosecutor.SealID, "", "5")})
			wantErr(t, err, apperr.Forbidden, "", "")
			v.unchanged(t, app)
		})
		v.rule("AP-6.2 recorded without a change of state", func(t *testing.T) {
			got := v.exec(officer, app, "record-verification", map[string]any{"apostille": officialDocument(prosecutor, prosecutor.SealID, "", "5")})
			if got.State != casework.StateVerification || got.Version != app.Version+1 {
				t.Fatalf("recorded: %s v%d, want verification v%d", got.State, got.Version, app.Version+1)
			}
			rec, k := got.Verification, got.Apostille
			if rec == nil || rec.Kind != casework.VerifiedApostille || rec.RecordedBy != officer.ID || rec.Rule != "AP-6.2" {
				t.Fatalf("verification %+v", rec)
			}
			if k == nil || k.SpecimenID != prosecutor.ID || k.DocumentNumber != "5" || len(got.Documents) != 0 || got.Decision != nil {
				t.Fatalf("apostille check %+v, documents %v, decision %+v", k, got.Documents, got.Decision)
			}
			if c := clockOf(t, got, "check"); !c.Done {
				t.Errorf("the check's clock is not done: %+v", c)
			}
			ev := v.lastEvent(t, got.ID, "record-verification")
			var payload map[string]any
			if err := json.Unmarshal(ev.Payload, &payload); err != nil || ev.Rule != "AP-6.2" || payload["kind"] != "apostille" ||
				payload["specimen_id"] != prosecutor.ID || payload["seal_id"] != prosecutor.SealID || ev.FromState != ev.ToState {
				t.Errorf("event %+v payload %v (%v)", ev, payload, err)
			}
			app = got
		})
		v.rule("AP-6.3 the head issues the recorded apostille without data", func(t *testing.T) {
			got := v.exec(head, app, "issue", nil)
			wantState(t, got, casework.StateIssued)
			doc := v.wantPaper(t, got, "ap-apostille", "APOSTILLE", "Серікбаев Нұрлан Асқарұлы", prosecutor.Position, "№ 5")
			v.wantSigner(t, doc.Number, head.Name, "Head of department")
		})
		v.rule("AC-15-1 the court apostille recorded by the head", func(t *testing.T) {
			p := person(t, "Sadykov")
			ac := v.submit(applicantOf(p), casework.SubmitInput{Service: standard.ApostilleCourt, Channel: standard.Portal, Applicant: p,
				PickupBranch: "KRG-3", Payment: gateway(calendar.DateOf(v.clock.Now())), Documents: provided("document-scan")})
			ac = v.exec(officer, ac, "start-verification", nil)
			_, err := v.try(officer, ac, "record-verification", map[string]any{"apostille": officialDocument(prosecutor, prosecutor.SealID, "Шешім", "1")})
			wantErr(t, err, apperr.Invalid, "AC-15-1", "data.apostille.body")
			v.unchanged(t, ac)
			ac = v.exec(head, ac, "record-verification", map[string]any{"apostille": officialDocument(judge, judge.SealID, "Шешім", "1")})
			ac = v.exec(head, ac, "issue", nil)
			v.wantPaper(t, ac, "ac-apostille", "Тұрсынбаев Әділ Ғаниұлы", judge.Body)
		})
	})
}

// TestRecordedArchivalAnswer_AR_6_3_AR_6_4: the card that answers is checked
// to exist and recorded; the archival certificate on paper is signed by the
// head only — the officer's issue is refused with AR-6.4 — and the head's
// issue without data draws it from the recorded card. "No data" is recorded
// with the medium the applicant chose: on paper the head signs it too,
// electronically the officer may.
func TestRecordedArchivalAnswer_AR_6_3_AR_6_4(t *testing.T) {
	storetest.Run(t, func(t *testing.T, kind storetest.Engine) {
		t.Parallel()
		v := newPaperEnv(t, kind, nextWorkingMorning())
		seed(t, v.db, func(ctx context.Context, tx *store.Tx) error {
			return sqlstore.UpsertCards(ctx, tx, []registry.Card{settler})
		})
		request := func(surname, given string, born calendar.Date) *casework.Application {
			p := person(t, "Tokayeva")
			app := v.submit(applicantOf(p), casework.SubmitInput{Service: standard.ArchivalCertificate, Channel: standard.Portal, Applicant: p,
				Subject: &casework.Subject{Relation: casework.RelationThirdParty, BirthDate: &born,
					Person: casework.Party{Kind: casework.KindIndividual, Surname: surname, GivenName: given}},
				Conditions: []standard.Condition{standard.CondKinshipNotInRegistry}, PickupBranch: "ALM-1",
				Fields: map[string]string{"parents-data": "Tokayev Serik, 1901"}})
			return v.exec(officer, app, "start-verification", nil)
		}
		v.rule("AR-6.3 the recorded card, AR-6.4 signed by the head", func(t *testing.T) {
			app := request("Tokayev", "Serik", date(1901, 3, 1))
			_, err := v.try(archivist, app, "record-verification", map[string]any{"card_id": "KZ-SP-0000-00000"})
			wantErr(t, err, apperr.Invalid, "AR-6.3", "data.card_id")
			_, err = v.try(archivist, app, "record-verification", map[string]any{"card_id": settler.ID, "no_data": true})
			wantErr(t, err, apperr.Invalid, "", "data")
			_, err = v.try(archivist, app, "record-verification", map[string]any{"card_id": settler.ID, "medium": "paper"})
			wantErr(t, err, apperr.Invalid, "AR-6.4", "data.medium")
			v.unchanged(t, app)
			app = v.exec(archivist, app, "record-verification", map[string]any{"card_id": settler.ID})
			if rec := app.Verification; rec == nil || rec.Kind != casework.VerifiedCard || rec.CardID != settler.ID || rec.Rule != "AR-6.3" {
				t.Fatalf("verification %+v", app.Verification)
			}
			if c := clockOf(t, app, "search"); !c.Done {
				t.Errorf("the search's clock is not done: %+v", c)
			}
			_, err = v.try(officer, app, "issue", nil)
			wantErr(t, err, apperr.Forbidden, "AR-6.4", "")
			_, err = v.try(officer, app, "issue", map[string]any{"card_id": settler.ID})
			wantErr(t, err, apperr.Forbidden, "AR-6.4", "")
			v.unchanged(t, app)
			app = v.exec(head, app, "issue", nil)
			doc := v.wantPaper(t, app, "ar-certificate", "Tokayev Serik", "1901", settler.ID)
			v.wantSigner(t, doc.Number, head.Name, "Head of department")
			if app.Decision.CardID != settler.ID || !app.Decision.Paper {
				t.Errorf("decision %+v, want the card on paper", app.Decision)
			}
		})
		v.rule("AR-6.4 no data on paper: the head signs", func(t *testing.T) {
			app := request("Nurlanov", "Asan", date(1915, 1, 1))
			_, err := v.try(officer, app, "record-verification", map[string]any{"no_data": true})
			wantErr(t, err, apperr.Invalid, "AR-6.4", "data.medium")
			_, err = v.try(officer, app, "record-verification", map[string]any{"no_data": true, "medium": "fax"})
			wantErr(t, err, apperr.Invalid, "", "data.medium")
			app = v.exec(officer, app, "record-verification", map[string]any{"no_data": true, "medium": "paper"})
			if ev := v.lastEvent(t, app.ID, "record-verification"); ev.Rule != "AR-6.4" {
				t.Errorf("event rule %q, want AR-6.4", ev.Rule)
			}
			_, err = v.try(officer, app, "issue", nil)
			wantErr(t, err, apperr.Forbidden, "AR-6.4", "")
			app = v.exec(head, app, "issue", nil)
			v.wantPaper(t, app, "ar-no-data", "Nurlanov Asan")
			if !app.Decision.Paper || app.Decision.Result != "no-data-reply" {
				t.Errorf("decision %+v, want the no-data reply on paper", app.Decision)
			}
		})
		v.rule("AR-6.4 no data electronically: the officer issues", func(t *testing.T) {
			app := request("Nurlanov", "Bolat", date(1916, 1, 1))
			app = v.exec(officer, app, "record-verification", map[string]any{"no_data": true, "medium": "electronic"})
			app = v.exec(officer, app, "issue", nil)
			v.wantPaper(t, app, "ar-no-data", "Nurlanov Bolat", "Ответ направлен в «личный кабинет» портала")
			if app.Decision.Paper || app.State != casework.StateIssued {
				t.Errorf("decision %+v in %s, want electronic and issued", app.Decision, app.State)
			}
			if !slices.Contains(v.eventTypes(app.ID), "record-verification") {
				t.Errorf("no record in the history")
			}
		})
	})
}
