package providerdesk_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"qyzmet/internal/audit"
	"qyzmet/internal/calendar"
	"qyzmet/internal/casework"
	"qyzmet/internal/registry"
	"qyzmet/internal/standard"
	"qyzmet/internal/store"
)

// The verification panel compares the official document with the card index
// of specimens (AP-6.2): the specimen's own data is authentic; another seal is
// not, and the grounds to refuse follow. Issuing keeps the verified signer and
// seal on the application, and the journal (AP-6.1) shows who signed.
func TestSpecimenVerification_AP_6_2_AP_6_1(t *testing.T) {
	d := newDesk(t, nil)
	sp := d.specimen()
	app := d.inVerification(d.apostille(d.person(2)), officer("officer.v", casework.RoleOfficer))
	c := d.staff("officer.v", casework.RoleOfficer)
	q := url.Values{"sig.signer_surname": {sp.Surname}, "sig.signer_given_name": {sp.GivenName}, "sig.signer_patronymic": {sp.Patronymic},
		"sig.signer_position": {sp.Position}, "sig.signer_body": {sp.Body}, "sig.seal_id": {sp.SealID},
		"sig.signed_on": {sp.ValidFrom.AddDays(30).String()}}
	// The panel compares what the front desk typed at intake.
	resp, body := c.Get(appPath(app.ID))
	wantStatus(t, resp, body, http.StatusOK)
	if !strings.Contains(body, `id="specimen-verdict">Құжат үлгілермен толық сәйкес`) {
		t.Fatalf("the specimen's own data is not authentic:\n%s", excerpt(body))
	}
	if !strings.Contains(body, `name="data.fields.seal_id" value="`+sp.SealID+`"`) {
		t.Errorf("the issue form does not carry the verified seal")
	}
	page := body

	q.Set("sig.seal_id", "XX-00-000")
	_, body = c.Get(appPath(app.ID) + "?" + q.Encode())
	if !strings.Contains(body, "Құжат үлгілермен сәйкес емес") || !strings.Contains(body, `value="unreliable" checked`) {
		t.Errorf("another seal: no mismatch, or the ground is not ticked for the preliminary refusal")
	}

	form := url.Values{"version": {pageVersion(t, page)}}
	for _, f := range []string{"signer_surname", "signer_given_name", "signer_patronymic", "signer_position", "signer_body", "seal_id", "signed_on"} {
		form.Set("data.fields."+f, q.Get("sig."+f))
	}
	form.Set("data.fields.seal_id", sp.SealID)
	resp, body = c.Post(appPath(app.ID)+"/commands/issue", form)
	wantStatus(t, resp, body, http.StatusSeeOther)
	got := d.get(app.ID)
	if got.State != casework.StateIssued || got.Fields["seal_id"] != sp.SealID || got.Fields["signer_surname"] != sp.Surname {
		t.Fatalf("issued: %s with fields %v", got.State, got.Fields)
	}
	_, body = c.Get("/desk/provider/journal")
	if !strings.Contains(body, got.Number) || !strings.Contains(body, sp.Surname) {
		t.Errorf("the journal does not list %s signed by %s:\n%s", got.Number, sp.Surname, excerpt(body))
	}
}

// The archive search is built into the desk (AR-6.3): a person under 16 on
// 1 January 1940 is found on a parent's card through the parents' data
// (AR-6.1); opening the card is logged; the chosen card goes with the issue.
func TestArchiveSearchThroughParents_AR_6_1(t *testing.T) {
	d := newDesk(t, nil)
	parent, child := d.cardWithMinorChild()
	app := d.minorRequest(parent, child)
	arch := d.staff("archivist.s", casework.RoleArchivist)
	resp, body := arch.Get(appPath(app.ID))
	wantStatus(t, resp, body, http.StatusOK)
	if !strings.Contains(body, "Адам 1940 жылғы 1 қаңтарда 16 жасқа толмаған") || !strings.Contains(body, `id="archive-family"`) {
		t.Fatalf("no family search:\n%s", excerpt(body))
	}
	cardLink := appPath(app.ID) + "/cards/" + parent.ID
	if !strings.Contains(body, `href="`+cardLink+`"`) {
		t.Fatalf("the parent's card %s is not among the hits", parent.ID)
	}
	resp, body = arch.Get(cardLink)
	wantStatus(t, resp, body, http.StatusOK)
	if !strings.Contains(body, child.GivenName) {
		t.Errorf("the card does not list the child")
	}
	if !hasView(d.auditEntries(app.ID, "archivist.s"), audit.ViewCard) {
		t.Errorf("the card view was not logged")
	}
	if resp, _ := arch.Get(appPath(app.ID) + "/cards/NO-SUCH-CARD"); resp.StatusCode != http.StatusNotFound {
		t.Errorf("an unknown card: %d, want 404", resp.StatusCode)
	}

	// The officer answers with the card from the card's page: it is recorded
	// (AR-6.3) and shown as chosen. The certificate on paper is the head's to
	// sign (AR-6.4): the officer's issue is refused with the rule, next to
	// the form, and changes nothing; the head's issue draws it from the card.
	offActor := officer("officer.s", casework.RoleOfficer)
	d.exec(offActor, app.ID, "start-verification", nil)
	off := d.staff("officer.s", casework.RoleOfficer)
	_, cardPage := off.Get(cardLink)
	resp, body = off.Post(appPath(app.ID)+"/commands/record-verification", url.Values{"version": {pageVersion(t, cardPage)}, "data.card_id": {parent.ID}})
	wantStatus(t, resp, body, http.StatusSeeOther)
	if got := d.get(app.ID); got.Verification == nil || got.Verification.CardID != parent.ID || got.State != casework.StateVerification {
		t.Fatalf("recorded %+v in %s", got.Verification, got.State)
	}
	_, page := off.Get(appPath(app.ID))
	if !strings.Contains(page, `id="recorded"`) || !strings.Contains(page, `class="pd-chosen"><td><a href="`+cardLink+`"`) {
		t.Fatalf("the page does not show the recorded card:\n%s", excerpt(page))
	}
	before := d.get(app.ID)
	resp, body = off.Post(appPath(app.ID)+"/commands/issue", url.Values{"version": {pageVersion(t, page)}})
	wantStatus(t, resp, body, http.StatusForbidden)
	if !strings.Contains(body, "басшы қол қояды") || !strings.Contains(body, `id="cmd-issue"`) {
		t.Errorf("the officer's issue is not refused next to the form with AR-6.4:\n%s", excerpt(body))
	}
	if got := d.get(app.ID); got.Version != before.Version || got.Decision != nil {
		t.Fatalf("the refused issue changed the application: v%d → v%d, %+v", before.Version, got.Version, got.Decision)
	}
	head := d.staff("head.s", casework.RoleHead)
	_, page = head.Get(appPath(app.ID))
	resp, body = head.Post(appPath(app.ID)+"/commands/issue", url.Values{"version": {pageVersion(t, page)}})
	wantStatus(t, resp, body, http.StatusSeeOther)
	if got := d.get(app.ID); got.State != casework.StateIssued || got.Decision.CardID != parent.ID || len(got.Documents) != 1 {
		t.Errorf("issued %s with card %q and %d documents", got.State, got.Decision.CardID, len(got.Documents))
	}
}

// cardWithMinorChild is a card of the demo index listing a child born after
// 1924 who has no card of their own.
func (d *desk) cardWithMinorChild() (registry.Card, registry.CardChild) {
	d.t.Helper()
	var parent registry.Card
	var child registry.CardChild
	err := d.Sys.Registries.Cards.Each(context.Background(), func(c registry.Card) bool {
		for _, k := range c.Children {
			if k.CardID == "" && k.BirthYear > 1925 && k.Surname != "" && c.BirthYear > 0 && c.Patronymic != "" {
				parent, child = c, k
				return false
			}
		}
		return true
	})
	if err != nil || parent.ID == "" {
		d.t.Fatalf("no card with a minor child in the demo index: %v", err)
	}
	return parent, child
}

// The payment panel puts the state duty to the payments registry
// (AP-STD-6): the duty at the MCI of the payment date, the budget code, and
// one payment for one application — opening the page reserves it for the
// application, so another application with the same payment is refused.
func TestPaymentMatch_AP_STD_6(t *testing.T) {
	d := newDesk(t, nil)
	pay := d.duePayment()
	withPayment := func(n int) *casework.Application {
		return d.submit(casework.SubmitInput{Service: standard.ApostilleProsecution, Applicant: d.person(n),
			Documents: provided("application", "identity", "official-document"),
			Payment:   &casework.Payment{Method: casework.PaymentGateway, Reference: pay.Reference, AmountTenge: int(pay.AmountTiyn / 100), PaidOn: pay.PaidOn},
			Fields:    map[string]string{"document": "Қаулы № 3"}})
	}
	first, second := withPayment(60), withPayment(61)
	c := d.staff("officer.p", casework.RoleOfficer)
	for range 2 { // opening the page again changes nothing
		_, body := c.Get(appPath(first.ID))
		if !strings.Contains(body, `id="payment-verdict">Баж төленген`) {
			t.Fatalf("the matching payment is not paid:\n%s", excerpt(body))
		}
	}
	got, err := d.Sys.Registries.Payments.ByReference(context.Background(), pay.Reference)
	if err != nil || got.ApplicationID != first.ID {
		t.Fatalf("the payment is claimed by %q (%v), want %s", got.ApplicationID, err, first.ID)
	}
	_, body := c.Get(appPath(second.ID))
	if !strings.Contains(body, `id="payment-verdict">Баж төленбеген`) || !strings.Contains(body, "басқа өтініш үшін пайдаланылған") {
		t.Errorf("the second application with the same payment is not refused:\n%s", excerpt(body))
	}
}

// duePayment is an unclaimed gateway payment of the demo registry that pays
// the prosecution apostille's duty for one document.
func (d *desk) duePayment() registry.Payment {
	d.t.Helper()
	ctx := context.Background()
	var refs []string
	err := d.DB.ReadTx(ctx, func(tx *store.Tx) error {
		rows, err := tx.Query(ctx, `SELECT reference FROM payments WHERE source = 'gateway' AND application_id IS NULL ORDER BY reference`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var r string
			if err := rows.Scan(&r); err != nil {
				return err
			}
			refs = append(refs, r)
		}
		return rows.Err()
	})
	if err != nil {
		d.t.Fatal(err)
	}
	for _, ref := range refs {
		p, err := d.Sys.Registries.Payments.ByReference(ctx, ref)
		if err != nil {
			d.t.Fatal(err)
		}
		std, err := d.Sys.Standards().At(standard.ApostilleProsecution, p.PaidOn)
		if err != nil || std.Fee == nil || std.Fee.Budget == nil || p.BudgetCode != std.Fee.Budget.KBK {
			continue
		}
		if due, err := d.Sys.Standards().Fee(std, p.PaidOn, 1); err == nil && p.AmountTiyn >= due.Tiyn {
			return p
		}
	}
	d.t.Fatalf("no payment of the apostille's duty among %d demo payments", len(refs))
	return registry.Payment{}
}

// minorRequest is an archival request about the child of a card, with the
// parent's data (AR-6.1), accepted at the State Corporation.
func (d *desk) minorRequest(parent registry.Card, child registry.CardChild) *casework.Application {
	d.t.Helper()
	born := calendar.D(child.BirthYear, 5, 1)
	app := d.submit(casework.SubmitInput{Service: standard.ArchivalCertificate, Applicant: d.person(3),
		Subject: &casework.Subject{Relation: "third-party", BirthDate: &born,
			Person: casework.Party{Kind: "individual", Surname: child.Surname, GivenName: child.GivenName, Patronymic: child.Patronymic}},
		Conditions: []standard.Condition{standard.CondKinshipNotInRegistry},
		Documents:  provided("application", "identity", "kinship-documents"),
		Fields:     map[string]string{"parents-data": fmt.Sprintf("%s %s %s, %d", parent.Surname, parent.GivenName, parent.Patronymic, parent.BirthYear)}})
	if app.State != casework.StateAccepted {
		d.t.Fatalf("the AR application is %s (missing %v)", app.State, app.Missing)
	}
	return app
}
