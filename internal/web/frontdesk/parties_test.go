package frontdesk_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"qyzmet/internal/calendar"
	"qyzmet/internal/casework"
	"qyzmet/internal/decision"
	"qyzmet/internal/iin"
	"qyzmet/internal/standard"
)

// crForm is a walk-in criminal-record certificate for iin: the application
// and the identity document handed in.
func crForm(iin, key string) url.Values {
	return url.Values{"iin": {iin}, "service": {string(standard.CriminalRecord)}, "key": {key}, "action": {"accept"},
		"documents[0].provided": {"on"}, "documents[1].provided": {"on"}}
}

// arForm is a walk-in archival certificate for iin.
func arForm(iin, key string) url.Values {
	return url.Values{"iin": {iin}, "service": {string(standard.ArchivalCertificate)}, "key": {key}, "action": {"accept"},
		"documents[0].provided": {"on"}, "documents[1].provided": {"on"}}
}

// postRefused posts form and wants it answered on the form with want next
// to the input id, and no application made for the applicant.
func (d *desk) postRefused(t *testing.T, what string, form url.Values, id, want string) {
	t.Helper()
	resp, body := d.op.Post("/desk/front/intake?lang=en", form)
	wantStatus(t, what, resp, body, http.StatusUnprocessableEntity)
	if !strings.Contains(body, `id="`+id+`-error">`) || !strings.Contains(body, want) {
		t.Errorf("%s: no %q next to #%s:\n%s", what, want, id, excerpt(body))
	}
	apps, _ := d.site.Sys.Engine.List(context.Background(), operator(d.login, myBranch), casework.Filter{ApplicantIIN: form.Get("iin")})
	if len(apps) != 0 {
		t.Errorf("%s: %d applications made, want none", what, len(apps))
	}
}

// accepted posts form and returns the accepted application.
func (d *desk) accepted(t *testing.T, what string, form url.Values) *casework.Application {
	t.Helper()
	resp, body := d.op.Post("/desk/front/intake", form)
	wantStatus(t, what, resp, body, http.StatusSeeOther)
	app := d.get(t, appID(t, resp))
	if app.State != casework.StateAccepted {
		t.Fatalf("%s: state %s, want accepted", what, app.State)
	}
	return app
}

// A certificate about a minor close relative: the kinship and the birth date
// are asked, an adult is refused by the engine next to the birth date
// (CR-STD-8.1).
func TestMinorRelative_CR_STD_8_1(t *testing.T) {
	d := newDesk(t)
	parent := d.site.CleanCitizen(t, 20)
	_, page := d.op.Get("/desk/front/person?iin=" + parent + "&service=criminal-record&lang=en")
	for _, want := range []string{`name="subject.relation"`, `value="minor-relative"`, `name="fields.kinship"`, `name="subject.birth_date"`} {
		if !strings.Contains(page, want) {
			t.Fatalf("the CR intake form lacks %s:\n%s", want, excerpt(page))
		}
	}
	today := calendar.DateOf(d.clock.Now())
	form := crForm(parent, "k-minor")
	form.Set("subject.relation", "minor-relative")
	form.Set("subject.person.surname", "Серікова")
	form.Set("subject.person.given_name", "Айша")
	form.Set("subject.birth_date", today.AddMonths(-10*12).String())
	d.postRefused(t, "no kinship", form, "fields-kinship", "Fill this in")

	form.Set("fields.kinship", "child")
	form.Set("subject.birth_date", today.AddMonths(-30*12).String())
	form.Set("key", "k-minor-2")
	d.postRefused(t, "an adult", form, "subject-birth_date", "not a minor")

	form.Set("subject.birth_date", today.AddMonths(-10*12).String())
	form.Set("key", "k-minor-3")
	app := d.accepted(t, "minor relative", form)
	if s := app.Subject; s == nil || s.Relation != casework.RelationMinorRelative || s.Person.GivenName != "Айша" || app.Fields["kinship"] != "child" {
		t.Errorf("subject %+v, fields %v", app.Subject, app.Fields)
	}
}

// A certificate about another person is issued on that person's notarized
// POA (CR-STD-5.2): the IIN and the POA are asked, an expired POA is refused
// next to its date, and the POA item joins the checklist.
func TestThirdPartyPOA_CR_STD_5_2(t *testing.T) {
	d := newDesk(t)
	agent, principal := d.site.CleanCitizen(t, 21), d.site.CleanCitizen(t, 22)
	today := calendar.DateOf(d.clock.Now())
	form := crForm(agent, "k-third")
	form.Set("subject.relation", "third-party")
	form.Set("subject.person.surname", "Омаров")
	form.Set("subject.person.given_name", "Ержан")
	d.postRefused(t, "no IIN", form, "subject-person-iin", "Fill this in")
	form.Set("subject.person.iin", principal)
	d.postRefused(t, "no POA", form, "fields-subject_poa_number", "Fill this in")
	form.Set("fields.subject_poa_number", "2-1177")
	form.Set("fields.subject_poa_notary", "Нотариус Ахметова А.")
	form.Set("fields.subject_poa_issued_on", today.AddDays(-5).String())
	form.Set("fields.subject_poa_valid_until", today.AddDays(-1).String())
	d.postRefused(t, "expired POA", form, "fields-subject_poa_valid_until", "CR-STD-5.2")

	// Without the POA ticked on the checklist the package is incomplete.
	form.Set("fields.subject_poa_valid_until", today.AddMonths(12).String())
	resp, body := d.op.Post("/desk/front/intake?lang=en", form)
	wantStatus(t, "POA not handed in", resp, body, http.StatusUnprocessableEntity)
	if !strings.Contains(body, "CR-STD-5.2") {
		t.Errorf("the missing POA is not named with its rule:\n%s", excerpt(body))
	}
	form.Set("documents[3].provided", "on")
	form.Set("key", "k-third-2")
	app := d.accepted(t, "third party", form)
	if app.Subject == nil || app.Subject.Person.IIN != principal || app.Fields[casework.FieldSubjectPOANumber] != "2-1177" ||
		app.Fields[casework.FieldSubjectPOAIssuedOn] != today.AddDays(-5).String() {
		t.Errorf("subject %+v, fields %v", app.Subject, app.Fields)
	}
}

// A representative acts on a notarized POA (CR-STD-8.1, checked by the
// engine): an expired one is refused next to its date (G-8); a valid one is
// kept with the application and printed on the receipt.
func TestRepresentativePOA_CR_STD_8_1(t *testing.T) {
	d := newDesk(t)
	applicant, agent := d.site.CleanCitizen(t, 23), d.site.CleanCitizen(t, 24)
	today := calendar.DateOf(d.clock.Now())
	form := crForm(applicant, "k-rep")
	form.Set("documents[2].provided", "on")
	for k, v := range map[string]string{"representative.iin": agent, "representative.surname": "Сенімді", "representative.given_name": "Өкіл",
		"representative.poa.number": "POA-5/2026", "representative.poa.issued_on": today.AddDays(-30).String(),
		"representative.poa.notary": "Нотариус Бекова Г.", "representative.poa.valid_until": today.AddDays(-2).String()} {
		form.Set(k, v)
	}
	d.postRefused(t, "expired POA", form, "representative-poa-valid_until", "expired")
	form.Set("representative.poa.valid_until", today.AddMonths(6).String())
	form.Set("key", "k-rep-2")
	app := d.accepted(t, "representative", form)
	if r := app.Representative; r == nil || r.IIN != agent || r.POA.Number != "POA-5/2026" || r.POA.ValidUntil == nil {
		t.Fatalf("representative %+v", app.Representative)
	}
	_, receipt := d.op.Get("/desk/front/applications/" + app.ID + "/receipt")
	if !strings.Contains(receipt, "POA-5/2026") {
		t.Errorf("the receipt does not name the POA:\n%s", excerpt(receipt))
	}
}

// A legal entity applies through the person at the window on its POA where
// the standard serves legal entities (CR-3); the BIN is checked next to its
// field; the apostille of a prosecution document (AP-STD-6: individuals)
// does not offer it.
func TestLegalEntity_CR_3(t *testing.T) {
	d := newDesk(t)
	person := d.site.CleanCitizen(t, 25)
	today := calendar.DateOf(d.clock.Now())
	bin := validBIN(t)
	form := crForm(person, "k-legal")
	form.Set("documents[2].provided", "on")
	for k, v := range map[string]string{"applicant.kind": "legal-entity", "applicant.bin": bin[:11] + string('0'+(bin[11]-'0'+1)%10),
		"applicant.org_name": "«Дала Логистик» ЖШС", "representative.poa.number": "17",
		"representative.poa.issued_on": today.AddDays(-3).String(), "representative.poa.notary": "Нотариус Ким В."} {
		form.Set(k, v)
	}
	resp, body := d.op.Post("/desk/front/intake?lang=en", form)
	wantStatus(t, "wrong BIN", resp, body, http.StatusUnprocessableEntity)
	if !strings.Contains(body, `id="applicant-bin-error">`) {
		t.Errorf("the wrong BIN is not named next to its field:\n%s", excerpt(body))
	}
	form.Set("applicant.bin", bin)
	form.Set("key", "k-legal-2")
	app := d.accepted(t, "legal entity", form)
	if app.Applicant.Kind != casework.KindLegalEntity || app.Applicant.BIN != bin || app.Representative == nil || app.Representative.IIN != person {
		t.Fatalf("applicant %+v, representative %+v", app.Applicant, app.Representative)
	}
	_, page := d.op.Get("/desk/front/person?iin=" + person + "&service=apostille-prosecution")
	if strings.Contains(page, `name="applicant.kind"`) {
		t.Errorf("the AP form offers a legal entity")
	}
	ap := d.intakeForm(t, person, "k-legal-ap")
	ap.Set("applicant.kind", "legal-entity")
	resp, body = d.op.Post("/desk/front/intake?lang=en", ap)
	wantStatus(t, "AP for a legal entity", resp, body, http.StatusUnprocessableEntity)
	if !strings.Contains(body, "individuals only (AP-STD-6)") {
		t.Errorf("the refusal of a legal entity is not explained:\n%s", excerpt(body))
	}
}

func validBIN(t *testing.T) string {
	t.Helper()
	for serial := 100; ; serial++ {
		if b, err := iin.GenerateBIN(time.Date(2015, 4, 1, 0, 0, 0, 0, time.UTC), iin.ResidentEntity, iin.HeadUnit, serial); err == nil {
			return b
		}
	}
}

// The archival certificate about a relative: the names, birth year and place;
// born in 1930 the person was under 16 on 1 January 1940, so the parents are
// required (AR-6.1) and kept as the provider desk reads them; born in 1920
// they are not. Markup in the place is refused next to it.
func TestArchivalParents_AR_6_1(t *testing.T) {
	d := newDesk(t)
	person := d.site.CleanCitizen(t, 26)
	_, page := d.op.Get("/desk/front/person?iin=" + person + "&service=archival-certificate&lang=kk")
	for _, want := range []string{`name="fields.father_name"`, `name="fields.birth_year"`, `name="fields.birth_place"`, "AR-6.1"} {
		if !strings.Contains(page, want) {
			t.Fatalf("the AR intake form lacks %s", want)
		}
	}
	if strings.Contains(page, `name="documents[4].provided"`) {
		t.Errorf("the parents' data is a checkbox, want fields")
	}
	form := arForm(person, "k-ar")
	form.Set("subject.relation", "third-party")
	form.Set("fields.kinship", "grandparent")
	form.Set("subject.person.surname", "Шмидт")
	form.Set("subject.person.given_name", "Эрих")
	d.postRefused(t, "no birth", form, "subject-birth_date", "date or the year")
	form.Set("fields.birth_year", "1930")
	form.Set("fields.birth_place", "<script>x</script>")
	d.postRefused(t, "markup", form, "fields-birth_place", "not allowed")
	form.Set("fields.birth_place", "Саратов облысы, Энгельс")
	d.postRefused(t, "no parents", form, "fields-father_name", "AR-6.1")

	form.Set("fields.father_name", "Шмидт Генрих")
	form.Set("fields.father_year", "1901")
	app := d.accepted(t, "under 16 in 1940", form)
	f := app.Fields
	if f["parents-data"] != "Шмидт Генрих, 1901" || f["father_name"] != "Шмидт Генрих" || f["birth_year"] != "1930" || f["birth_place"] != "Саратов облысы, Энгельс" {
		t.Errorf("fields %v", f)
	}
	for _, it := range app.Checklist {
		if it.DocumentID == "parents-data" && it.Status != casework.DocProvided {
			t.Errorf("the parents' data item is %s, want provided", it.Status)
		}
	}

	older := arForm(d.site.CleanCitizen(t, 27), "k-ar-old")
	for k, v := range map[string]string{"subject.relation": "third-party", "subject.person.surname": "Шмидт", "subject.person.given_name": "Анна",
		"subject.birth_date": "1920-03-08"} {
		older.Set(k, v)
	}
	if app := d.accepted(t, "16 or older in 1940", older); app.Subject.BirthDate == nil || app.Fields["parents-data"] != "" {
		t.Errorf("subject %+v, fields %v", app.Subject, app.Fields)
	}
}

// Several services under one application (CR-STD-10): the certificate with
// its apostille. The apostille needs the paper certificate for travel abroad
// (CR-STD-5.3); with it both applications are made, linked, the duty paid
// once through the gateway.
func TestCombinedApostille_CR_STD_10_CR_STD_5_3(t *testing.T) {
	d := newDesk(t)
	person := d.site.CleanCitizen(t, 28)
	_, page := d.op.Get("/desk/front/person?iin=" + person + "&service=criminal-record&lang=en")
	if !strings.Contains(page, `name="combined" value="apostille-prosecution"`) || !strings.Contains(page, `value="apostille-prosecution/duty-receipt"`) {
		t.Fatalf("the CR form does not offer the apostille:\n%s", excerpt(page))
	}
	form := crForm(person, "k-combo")
	form.Set("combined", "apostille-prosecution")
	today := calendar.DateOf(d.clock.Now())
	ref := d.gatewayPayment(t, person, "GW-COMBO-1", d.apDue(t, today), "", today)
	_, page = d.op.Get("/desk/front/person?iin=" + person + "&service=criminal-record&lang=en")
	if !strings.Contains(page, `value="`+ref+`"`) {
		t.Fatalf("the CR form does not offer the payment of the apostille's duty:\n%s", excerpt(page))
	}
	form.Set("payment.pick", ref)
	d.postRefused(t, "apostille without paper", form, "combined", "CR-STD-5.3")
	form.Set("travel_abroad", "on")
	app := d.accepted(t, "combined", form)
	if len(app.Links) != 1 || app.Links[0].Service != standard.ApostilleProsecution || !app.TravelAbroad {
		t.Fatalf("links %+v, travel %v", app.Links, app.TravelAbroad)
	}
	second := d.get(t, app.Links[0].ApplicationID)
	if second.Payment == nil || second.Payment.Method != casework.PaymentGateway || second.Payment.Reference != ref || second.Payment.AmountTenge <= 0 {
		t.Errorf("the apostille's payment %+v", second.Payment)
	}
	// The certificate is free: the apostille's application holds the payment.
	if got, _ := d.site.Sys.Registries.Payments.ByReference(context.Background(), ref); got.ApplicationID != second.ID {
		t.Errorf("the payment is held by %q, want the apostille's application %s", got.ApplicationID, second.ID)
	}
	if res := d.providerCheck(t, second); res.Outcome != decision.Paid {
		t.Errorf("the provider's check of the apostille: %+v", res)
	}
	_, ap := d.op.Get("/desk/front/person?iin=" + person + "&service=apostille-prosecution")
	if strings.Contains(ap, `name="combined"`) {
		t.Errorf("the AP form offers combined services")
	}
}
