package frontdesk_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"qyzmet/internal/audit"
	"qyzmet/internal/calendar"
	"qyzmet/internal/casework"
	"qyzmet/internal/i18n"
	"qyzmet/internal/iin"
	"qyzmet/internal/web/ui"
)

// unknownIIN is a well-formed IIN of nobody in the demo registry.
func (d *desk) unknownIIN(t *testing.T) string {
	t.Helper()
	for serial := 9000; serial < 9999; serial++ {
		n, err := iin.Generate(time.Date(1977, 7, 7, 0, 0, 0, 0, time.UTC), iin.Male, serial)
		if err != nil {
			continue
		}
		if _, err := d.site.Sys.Registries.Persons.ByIIN(context.Background(), n); err != nil {
			return n
		}
	}
	t.Fatal("no free IIN")
	return ""
}

// The representative's name is the person registry's for the IIN typed, not
// the operator's typing (G-8, CR-STD-8.1): the "find" button shows it without
// sending the package and logs the look; an unknown IIN, a wrong checksum or
// the applicant's own IIN is refused next to the field; the application
// keeps the registry's name whatever was posted.
func TestRepresentativeFromRegistry_G_8_CR_STD_8_1(t *testing.T) {
	d := newDesk(t)
	applicant, agent := d.site.CleanCitizen(t, 50), d.site.CleanCitizen(t, 51)
	agentPerson, err := d.site.Sys.Registries.Persons.ByIIN(context.Background(), agent)
	if err != nil {
		t.Fatal(err)
	}
	today := calendar.DateOf(d.clock.Now())
	form := crForm(applicant, "k-rep-registry")
	form.Set("documents[2].provided", "on")
	for k, v := range map[string]string{"representative.poa.number": "POA-9/2026", "representative.poa.issued_on": today.AddDays(-10).String(),
		"representative.poa.notary": "Нотариус Бекова Г.", "representative.surname": "Typed", "representative.given_name": "ByHand"} {
		form.Set(k, v)
	}
	for _, c := range []struct{ iin, want string }{
		{d.unknownIIN(t), "No person with this IIN"},
		{agent[:11] + string('0'+(agent[11]-'0'+1)%10), (&iin.Error{Code: iin.CodeChecksum}).Message(i18n.EN)},
		{applicant, "cannot be their own representative"},
	} {
		form.Set("representative.iin", c.iin)
		d.postRefused(t, c.iin, form, "representative-iin", c.want)
	}

	form.Set("representative.iin", agent)
	resp, body := d.op.Post("/desk/front/intake?lang=en", withAction(form, "find-rep"))
	wantStatus(t, "find the representative", resp, body, http.StatusOK)
	if !strings.Contains(body, `id="rep-found"`) || !strings.Contains(body, agentPerson.Surname+" "+agentPerson.GivenName) {
		t.Errorf("the registry's name is not shown:\n%s", excerpt(body))
	}
	if apps, _ := d.site.Sys.Engine.List(context.Background(), operator(d.login, myBranch), casework.Filter{ApplicantIIN: applicant}); len(apps) != 0 {
		t.Errorf("finding the representative made %d applications", len(apps))
	}
	views, err := d.site.Sys.Audit.Entries(context.Background(), audit.Filter{SubjectIIN: agent})
	if err != nil || len(views) == 0 || views[0].ActorID != d.login || views[0].What != audit.ViewPerson {
		t.Errorf("the look at the representative is not logged: %+v (%v)", views, err)
	}

	app := d.accepted(t, "representative", form)
	if r := app.Representative; r == nil || r.Surname != agentPerson.Surname || r.GivenName != agentPerson.GivenName || r.Patronymic != agentPerson.Patronymic {
		t.Errorf("representative %+v, want the registry's %s %s", app.Representative, agentPerson.Surname, agentPerson.GivenName)
	}
}

// The receipt (AC-12) and the printed application form name the person the
// request is about, the representative with the POA, every service asked
// under the one application and the duty paid; the receipt of refusal
// (AC-15) names the person and the representative too.
func TestReceiptNamesParties_AC_12(t *testing.T) {
	d := newDesk(t)
	applicant, agent, principal := d.site.CleanCitizen(t, 52), d.site.CleanCitizen(t, 53), d.site.CleanCitizen(t, 54)
	agentPerson, err := d.site.Sys.Registries.Persons.ByIIN(context.Background(), agent)
	if err != nil {
		t.Fatal(err)
	}
	today := calendar.DateOf(d.clock.Now())
	ref := d.gatewayPayment(t, applicant, "GW-RECEIPT-1", d.apDue(t, today), "", today)
	form := crForm(applicant, "k-receipt")
	for k, v := range map[string]string{"documents[2].provided": "on", "documents[3].provided": "on",
		"subject.relation": "third-party", "subject.person.iin": principal, "subject.person.surname": "Омаров", "subject.person.given_name": "Ержан",
		"fields.subject_poa_number": "2-1177", "fields.subject_poa_notary": "Нотариус Ахметова А.", "fields.subject_poa_issued_on": today.AddDays(-5).String(),
		"representative.iin": agent, "representative.poa.number": "POA-5/2026", "representative.poa.issued_on": today.AddDays(-30).String(),
		"representative.poa.notary": "Нотариус Бекова Г.", "representative.poa.valid_until": today.AddMonths(6).String(),
		"combined": "apostille-prosecution", "travel_abroad": "on", "payment.pick": ref} {
		form.Set(k, v)
	}
	app := d.accepted(t, "third party through a representative, with the apostille", form)
	if len(app.Links) != 1 {
		t.Fatalf("links %+v, want the apostille", app.Links)
	}
	_, body := d.op.Get("/desk/front/applications/" + app.ID + "/receipt?lang=en")
	papers := strings.Split(body, `<article class="paper"`)
	if len(papers) != 3 {
		t.Fatalf("%d papers, want the receipt and the application form:\n%s", len(papers)-1, excerpt(body))
	}
	for i, paper := range papers[1:] {
		for _, want := range []string{"The request is about", "Омаров Ержан · " + principal, "Another person",
			agentPerson.Surname + " " + agentPerson.GivenName, agent, "POA-5/2026", "until " + ui.FormatDate(today.AddMonths(6)),
			"Services under the one application", "Apostille", app.Links[0].ApplicationID, amountText(d.apDue(t, today)) + ", paid on", "gateway payment " + ref} {
			if !strings.Contains(paper, want) {
				t.Errorf("paper %d lacks %q", i+1, want)
			}
		}
	}

	refused := crForm(d.site.CleanCitizen(t, 55), "k-receipt-refused")
	for k, v := range map[string]string{"action": "refuse", "subject.relation": "third-party", "subject.person.iin": principal,
		"subject.person.surname": "Омаров", "subject.person.given_name": "Ержан", "fields.subject_poa_number": "2-1177",
		"fields.subject_poa_notary": "Нотариус Ахметова А.", "fields.subject_poa_issued_on": today.AddDays(-5).String(),
		"representative.iin": agent, "representative.poa.number": "POA-5/2026", "representative.poa.issued_on": today.AddDays(-30).String(),
		"representative.poa.notary": "Нотариус Бекова Г."} {
		refused.Set(k, v)
	}
	resp, body := d.op.Post("/desk/front/intake", refused)
	wantStatus(t, "refused", resp, body, http.StatusSeeOther)
	_, body = d.op.Get("/desk/front/applications/" + appID(t, resp) + "/receipt?lang=en")
	for _, want := range []string{"AC-F2", "Омаров Ержан", agentPerson.Surname, "POA-5/2026"} {
		if !strings.Contains(body, want) {
			t.Errorf("the receipt of refusal lacks %q:\n%s", want, excerpt(body))
		}
	}
}

// amountText is tiyn as the desk writes an amount paid: tenge with the tiyn
// after a comma when there are any.
func amountText(tiyn int64) string {
	s := ui.Tenge(int(tiyn / 100))
	if tiyn%100 == 0 {
		return s
	}
	whole, sign, _ := strings.Cut(s, "\u00a0")
	return fmt.Sprintf("%s,%02d\u00a0%s", whole, tiyn%100, sign)
}
