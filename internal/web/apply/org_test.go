package apply_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"qyzmet/internal/auth"
	"qyzmet/internal/calendar"
	"qyzmet/internal/casework"
	"qyzmet/internal/iin"
	"qyzmet/internal/store"
	"qyzmet/internal/web"
	"qyzmet/internal/web/apply"
	"qyzmet/internal/web/cabinet"
	"qyzmet/internal/web/ui"
	"qyzmet/internal/web/webtest"
)

// orgSite has the forms and the cabinet, where the citizen switches to act
// for an organisation; the citizen n heads an organisation and is signed in
// acting for it.
func orgSite(t *testing.T, n int) (*webtest.Site, *webtest.Client, string, string) {
	t.Helper()
	s := webtest.New(t, webtest.Options{Areas: []web.AreaFunc{
		func(d ui.Deps) (web.Area, error) { return apply.New(d) },
		func(d ui.Deps) (web.Area, error) { return cabinet.New(d) },
	}})
	me := s.CleanCitizen(t, n)
	var bin string
	for serial := 1; bin == ""; serial++ {
		bin, _ = iin.GenerateBIN(time.Date(2019, 7, 1, 0, 0, 0, 0, time.UTC), iin.ResidentEntity, iin.HeadUnit, serial)
	}
	l := auth.BINLink{BIN: bin, OrgName: "«Береке Логистика» АҚ", IIN: me, Capacity: auth.CapacityHead}
	if err := (&auth.DBOrgs{DB: s.DB}).Link(context.Background(), l); err != nil {
		t.Fatal(err)
	}
	c := s.SignInCitizen(t, me)
	if resp, _ := c.Post("/cabinet/organisations", url.Values{"bin": {bin}}); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("switch: %d", resp.StatusCode)
	}
	return s, c, me, bin
}

// Rule AP-STD-6: the apostille of prosecution documents is for individuals
// only: the organisation's form does not offer it with the certificate, and
// a forged choice is refused with the rule and stores nothing.
func TestApplyForOrganisationIndividualsOnly_AP_STD_6(t *testing.T) {
	s, c, _, _ := orgSite(t, 30)
	if _, body := c.Get("/apply?lang=en"); strings.Contains(body, "/apply/apostille-prosecution") || !strings.Contains(body, "/apply/criminal-record") {
		t.Error("the organisation's list of services offers the apostille of prosecution documents, or not the certificate")
	}
	_, body := c.Get("/apply/criminal-record?lang=en")
	if strings.Contains(body, `value="apostille-prosecution"`) {
		t.Error("the organisation's form offers the apostille of prosecution documents")
	}
	key := keyField.FindStringSubmatch(body)[1]
	resp, body := c.Post("/apply/criminal-record?lang=en", url.Values{"key": {key}, "subject.relation": {"third-party"},
		"subject.person.iin": {s.CleanCitizen(t, 31)}, "subject.person.surname": {"Ахметов"}, "subject.person.given_name": {"Ерлан"},
		"travel_abroad": {"1"}, "pickup_branch": {"astana-esil"}, "combined": {"apostille-prosecution"},
		"fields.country": {"Italy"}, "payment.method": {"gateway"}})
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "provided to individuals only (AP-STD-6)") {
		t.Fatalf("forged apostille: %d %s", resp.StatusCode, excerpt(body))
	}
	if n := count(t, s, "apply_drafts"); n != 0 {
		t.Errorf("refused form kept %d drafts", n)
	}
}

// Rule CR-3: the head applies in the organisation's name without a power of
// attorney; the draft belongs to that capacity and cannot be certified after
// switching back to oneself.
func TestApplyForOrganisationAsHead_CR_3(t *testing.T) {
	s, c, me, bin := orgSite(t, 32)
	employee := s.CleanCitizen(t, 33)
	person, err := s.Sys.Registries.Persons.ByIIN(context.Background(), employee)
	if err != nil {
		t.Fatal(err)
	}
	v := url.Values{"key": {formKey(t, c, "criminal-record")}, "subject.person.iin": {employee},
		"subject.person.surname": {person.Surname}, "subject.person.given_name": {person.GivenName}}
	// No relation posted: the organisation asks about another person.
	resp, body := postForm(t, c, "criminal-record", v, nil)
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("form: %d %s", resp.StatusCode, excerpt(body))
	}
	confirm := resp.Header.Get("Location")

	// As myself the organisation's draft is nobody's.
	if resp, _ := c.Post("/cabinet/organisations", url.Values{"self": {"1"}}); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("act as myself: %d", resp.StatusCode)
	}
	if resp, _ := c.Get(confirm); resp.StatusCode != http.StatusNotFound {
		t.Errorf("the organisation's draft as myself: %d", resp.StatusCode)
	}
	if resp, _ := c.Post("/cabinet/organisations", url.Values{"bin": {bin}}); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("switch back: %d", resp.StatusCode)
	}
	id := appID(t, certify(t, s, c, confirm, me))
	org := casework.Actor{ID: "citizen-" + me, Role: casework.RoleApplicant, IIN: me, BIN: bin}
	app, err := s.Sys.Engine.Get(context.Background(), org, id)
	if err != nil {
		t.Fatal(err)
	}
	if app.Applicant.Kind != casework.KindLegalEntity || app.Applicant.BIN != bin || app.Representative != nil {
		t.Errorf("applicant %+v, representative %+v", app.Applicant, app.Representative)
	}
	if app.Subject == nil || app.Subject.Relation != casework.RelationThirdParty || app.Subject.Person.IIN != employee {
		t.Errorf("subject = %+v", app.Subject)
	}
	// The employee is asked to consent (CR-STD-8.4).
	notes, err := s.Sys.Engine.Notifications(context.Background(), applicantActor(employee))
	if err != nil || len(notes) == 0 || notes[0].Kind != casework.NoteConsentRequest || !strings.Contains(notes[0].Text.EN, "«Береке Логистика» АҚ") {
		t.Errorf("the employee's notifications: %+v, %v", notes, err)
	}
}

// courtApostilleToPay fills in the court apostille's form for the
// organisation and returns the simulator's page.
func courtApostilleToPay(t *testing.T, c *webtest.Client) string {
	t.Helper()
	v := url.Values{"key": {formKey(t, c, "apostille-court")}, "fields.document": {"Решение суда № 2-77/2026"},
		"fields.country": {"Germany"}, "payment.method": {"gateway"}}
	resp, body := postForm(t, c, "apostille-court", v, map[string][]byte{"document-scan": minimalPDF()})
	if resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(resp.Header.Get("Location"), "/apply/pay/") {
		t.Fatalf("form: %d %q %s", resp.StatusCode, resp.Header.Get("Location"), excerpt(body))
	}
	return resp.Header.Get("Location")
}

// paymentsOf counts the payments registry's payments of payer (an IIN or a
// BIN): what the front desk's and the provider's payment lookups read.
func paymentsOf(t *testing.T, s *webtest.Site, payer string) int {
	t.Helper()
	var n int
	err := s.DB.ReadTx(context.Background(), func(tx *store.Tx) error {
		return tx.QueryRow(context.Background(), `SELECT COUNT(*) FROM payments WHERE payer_iin = ?`, payer).Scan(&n)
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// Rule CR-3: the organisation is the applicant, so the organisation pays:
// the gateway records its BIN and name as the payer (AC-7: legal entities
// pay the duty), and the citizen who acts for it pays nothing themself.
func TestApplyForOrganisationPaysAsOrganisation_CR_3(t *testing.T) {
	s, c, me, bin := orgSite(t, 34)
	payPage := courtApostilleToPay(t, c)
	mine := paymentsOf(t, s, me)
	if _, body := c.Get(payPage + "?lang=en"); !strings.Contains(body, "«Береке Логистика» АҚ") {
		t.Errorf("the simulator does not name the organisation as the payer: %s", excerpt(body))
	}
	resp, body := c.Post(payPage, url.Values{"action": {"pay"}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("pay: %d %s", resp.StatusCode, excerpt(body))
	}
	id := appID(t, certify(t, s, c, resp.Header.Get("Location"), me))
	org := casework.Actor{ID: "citizen-" + me, Role: casework.RoleApplicant, IIN: me, BIN: bin}
	a, err := s.Sys.Engine.Get(context.Background(), org, id)
	if err != nil || a.Payment == nil {
		t.Fatalf("application %+v, %v", a, err)
	}
	p, err := s.Sys.Registries.Payments.ByReference(context.Background(), a.Payment.Reference)
	if err != nil || p.PayerIIN != bin || p.PayerName != "«Береке Логистика» АҚ" {
		t.Fatalf("registry payment %+v, %v; want the payer %s", p, err, bin)
	}
	if n := paymentsOf(t, s, bin); n != 1 {
		t.Errorf("payments of the BIN: %d, want 1", n)
	}
	if n := paymentsOf(t, s, me); n != mine {
		t.Errorf("payments of the citizen who acts: %d, want %d (the registry's own)", n, mine)
	}
}

// Rule G-8: a representative whose power of attorney expires between the
// form and the payment pays nothing: the session acts for the person again
// (auth.Service.Session), the organisation's payment page is not theirs, and
// no payment lands in anyone's name.
func TestApplyForOrganisationPOAExpiredBeforePaying_G_8(t *testing.T) {
	s, c, me, bin := orgSite(t, 35)
	payPage := courtApostilleToPay(t, c)
	today := calendar.DateOf(s.DB.Now())
	expired := auth.BINLink{BIN: bin, OrgName: "«Береке Логистика» АҚ", IIN: me, Capacity: auth.CapacityPOA,
		POANumber: "Д-12", POANotary: "Сейітова А.", POAIssuedOn: today.AddDays(-365), ValidUntil: today.AddDays(-1)}
	if err := (&auth.DBOrgs{DB: s.DB}).Link(context.Background(), expired); err != nil {
		t.Fatal(err)
	}
	before := count(t, s, "payments")
	resp, body := c.Post(payPage+"?lang=en", url.Values{"action": {"pay"}})
	if resp.StatusCode != http.StatusNotFound || strings.Contains(body, `class="who-org"`) {
		t.Fatalf("pay on an expired power of attorney: %d %s", resp.StatusCode, excerpt(body))
	}
	if n := count(t, s, "payments") - before; n != 0 {
		t.Errorf("%d payments recorded", n)
	}
}
