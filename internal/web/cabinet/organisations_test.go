package cabinet_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"qyzmet/internal/browsertest"

	"qyzmet/internal/auth"
	"qyzmet/internal/calendar"
	"qyzmet/internal/casework"
	"qyzmet/internal/iin"
	"qyzmet/internal/store/storetest"
	"qyzmet/internal/web"
	"qyzmet/internal/web/apply"
	"qyzmet/internal/web/cabinet"
	"qyzmet/internal/web/ui"
	"qyzmet/internal/web/webtest"
)

// orgPortal is the portal's cabinet and forms, with a clock on a working
// morning a week ahead (see newPortal).
func orgPortal(t *testing.T) *portal {
	t.Helper()
	day := calendar.Default().NextWorkingDay(calendar.DateOf(time.Now().AddDate(0, 0, 7)))
	clock := storetest.NewClock(time.Date(day.Year, day.Month, day.Day, 10, 0, 0, 0, calendar.Almaty))
	site := webtest.New(t, webtest.Options{Clock: clock, Areas: []web.AreaFunc{
		func(d ui.Deps) (web.Area, error) { return cabinet.New(d) },
		func(d ui.Deps) (web.Area, error) { return apply.New(d) },
	}})
	return &portal{Site: site, clock: clock}
}

// orgBIN is the n-th valid BIN of a resident legal entity (iin.NthBIN).
func orgBIN(t *testing.T, n int) string {
	t.Helper()
	b, err := iin.NthBIN(time.Date(2015, 3, 1, 0, 0, 0, 0, time.UTC), n)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func (s *portal) link(t *testing.T, l auth.BINLink) {
	t.Helper()
	if err := (&auth.DBOrgs{DB: s.DB}).Link(context.Background(), l); err != nil {
		t.Fatal(err)
	}
}

// poaLink links iin to bin on a notarized power of attorney valid until until.
// poaLink is a power of attorney issued in January 2025, or a year before it
// ends when it ended earlier.
func poaLink(bin, name, iin string, until calendar.Date) auth.BINLink {
	issued := calendar.D(2025, 1, 15)
	if !until.After(issued) {
		issued = until.AddDays(-365)
	}
	return auth.BINLink{BIN: bin, OrgName: name, IIN: iin, Capacity: auth.CapacityPOA,
		POANumber: "2026-N-417", POANotary: "Ә. Нотариус", POAIssuedOn: issued, ValidUntil: until}
}

// The whole way of a representative: switch to the organisation, apply for a
// criminal-record certificate about an employee in its name, see it in the
// organisation's list and not in one's own, switch back.
func TestActForOrganisationAndApply_CR_3(t *testing.T) {
	s := orgPortal(t)
	ctx := context.Background()
	me, employee := s.CleanCitizen(t, 20), s.CleanCitizen(t, 21)
	bin := orgBIN(t, 1)
	s.link(t, poaLink(bin, "«Алтын Дала» ЖШС", me, calendar.D(2030, 12, 31)))
	own := s.submitCR(t, me, me) // an application in my own name
	c := s.SignInCitizen(t, me)

	resp, body := c.Get("/cabinet/organisations?lang=en")
	wantStatus(t, "organisations", resp, http.StatusOK)
	wantIn(t, "organisations", body, "«Алтын Дала» ЖШС", "BIN "+bin, "power of attorney No. 2026-N-417", `value="`+bin+`"`)

	resp, _ = c.Post("/cabinet/organisations", url.Values{"bin": {bin}})
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/cabinet" {
		t.Fatalf("switch: %d %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	resp, body = c.Get("/cabinet?lang=en")
	wantStatus(t, "cabinet", resp, http.StatusOK)
	wantIn(t, "cabinet acting", body, "You are acting for «Алтын Дала» ЖШС (BIN "+bin+")", "Applications of «Алтын Дала» ЖШС")
	// The header says it on every page, the portal's forms included.
	_, form := c.Get("/apply/criminal-record?lang=en")
	wantIn(t, "the header while acting", form, `<span class="who-org">«Алтын Дала» ЖШС (`+bin+`)</span>`)
	if strings.Contains(body, "/cabinet/applications/"+own.ID) {
		t.Error("the organisation's list shows my own application")
	}

	// Rule CR-3: the certificate for a legal entity, about its employee, who
	// consents (CR-STD-8.4); the organisation is the applicant, I represent it.
	person, err := s.Sys.Registries.Persons.ByIIN(ctx, employee)
	if err != nil {
		t.Fatal(err)
	}
	resp, body = c.Get("/apply/criminal-record?lang=en")
	wantStatus(t, "form", resp, http.StatusOK)
	wantIn(t, "form", body, "made in the name of «Алтын Дала» ЖШС (BIN "+bin+")")
	if strings.Contains(body, `value="self"`) || strings.Contains(body, `name="consent_here"`) {
		t.Error("the organisation's form offers a request about oneself or consent on the spot")
	}
	key := keyIn(t, body)
	resp, body = c.Post("/apply/criminal-record?lang=en", url.Values{"key": {key}, "subject.relation": {"third-party"},
		"subject.person.iin": {employee}, "subject.person.surname": {person.Surname}, "subject.person.given_name": {person.GivenName}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("form: %d %s", resp.StatusCode, body)
	}
	confirm := resp.Header.Get("Location")
	_, body = c.Get(confirm + "?lang=en")
	wantIn(t, "confirmation", body, "«Алтын Дала» ЖШС, BIN "+bin, "representative on power of attorney No. 2026-N-417")
	resp, _ = c.Post(confirm, url.Values{"code": {s.LastCode(t, me)}})
	if resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(resp.Header.Get("Location"), "/cabinet/applications/") {
		t.Fatalf("certify: %d %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	id := strings.TrimPrefix(resp.Header.Get("Location"), "/cabinet/applications/")
	app, err := s.Sys.Engine.Get(ctx, casework.Actor{ID: "citizen-" + me, Role: casework.RoleApplicant, IIN: me, BIN: bin}, id)
	if err != nil {
		t.Fatal(err)
	}
	if app.Applicant.Kind != casework.KindLegalEntity || app.Applicant.BIN != bin || app.Applicant.OrgName != "«Алтын Дала» ЖШС" {
		t.Errorf("applicant = %+v", app.Applicant)
	}
	if r := app.Representative; r == nil || r.IIN != me || r.POA.Number != "2026-N-417" || r.POA.Notary != "Ә. Нотариус" {
		t.Errorf("representative = %+v", app.Representative)
	}
	if app.Subject == nil || app.Subject.Person.IIN != employee || app.Subject.Relation != casework.RelationThirdParty {
		t.Errorf("subject = %+v", app.Subject)
	}
	_, body = c.Get("/cabinet?lang=en")
	wantIn(t, "organisation's list", body, "/cabinet/applications/"+id)

	// Act as myself: my application again, not the organisation's.
	resp, _ = c.Post("/cabinet/organisations", url.Values{"self": {"1"}})
	wantStatus(t, "act as myself", resp, http.StatusSeeOther)
	_, body = c.Get("/cabinet?lang=en")
	wantIn(t, "my list", body, "/cabinet/applications/"+own.ID, "My applications")
	if strings.Contains(body, "/cabinet/applications/"+id) || strings.Contains(body, "You are acting for") {
		t.Error("my own list shows the organisation's application or the acting banner")
	}
}

// Another person's BIN, a number that is no BIN, a form without its CSRF
// token: refused next to the choice, the session unchanged.
func TestActForRefusals_CR_3(t *testing.T) {
	s := orgPortal(t)
	me, other := s.CleanCitizen(t, 22), s.CleanCitizen(t, 23)
	mine, theirs := orgBIN(t, 1), orgBIN(t, 2)
	s.link(t, auth.BINLink{BIN: mine, OrgName: "«Мой» ЖШС", IIN: me, Capacity: auth.CapacityHead})
	s.link(t, auth.BINLink{BIN: theirs, OrgName: "«Бөтен» АҚ", IIN: other, Capacity: auth.CapacityHead})
	c := s.SignInCitizen(t, me)

	_, body := c.Get("/cabinet/organisations?lang=en")
	if strings.Contains(body, theirs) {
		t.Error("another person's organisation is offered")
	}
	for _, tc := range []struct {
		name, bin, want string
		status          int
	}{
		{"another person's BIN", theirs, "Your IIN is not linked to this organisation", http.StatusForbidden},
		{"not a BIN", "123456789012", "This is not a BIN", http.StatusUnprocessableEntity},
		{"script", "<script>alert(1)</script>", "This is not a BIN", http.StatusUnprocessableEntity},
		{"nothing chosen", "", "Choose an organisation", http.StatusUnprocessableEntity},
	} {
		resp, body := c.Post("/cabinet/organisations?lang=en", url.Values{"bin": {tc.bin}})
		wantStatus(t, tc.name, resp, tc.status)
		wantIn(t, tc.name, body, `id="bin-error"`, tc.want)
		if strings.Contains(body, "<script>alert") {
			t.Errorf("%s: the input is echoed unescaped", tc.name)
		}
	}
	// A forged form: no CSRF token.
	resp, _ := c.Send("POST", "/cabinet/organisations", "application/x-www-form-urlencoded", strings.NewReader(url.Values{"bin": {mine}}.Encode()))
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("no CSRF token: %d", resp.StatusCode)
	}
	_, body = c.Get("/cabinet?lang=en")
	if strings.Contains(body, "You are acting for") {
		t.Error("a refused switch changed the session")
	}
}

// Rule G-8: an expired power of attorney is shown, cannot be chosen, and a
// switch to it is refused; one that expires after the switch stops the
// organisation's application at the form.
func TestActForExpiredPOA_G_8(t *testing.T) {
	s := orgPortal(t)
	me := s.CleanCitizen(t, 24)
	expired, ending := orgBIN(t, 1), orgBIN(t, 2)
	today := calendar.DateOf(s.clock.Now())
	s.link(t, poaLink(expired, "«Ескі» ЖШС", me, today.AddDays(-1)))
	s.link(t, poaLink(ending, "«Бүгін» ЖШС", me, today))
	// 23:30 in Almaty: the session outlives the day.
	s.clock.Set(time.Date(today.Year, today.Month, today.Day, 23, 30, 0, 0, calendar.Almaty))
	c := s.SignInCitizen(t, me)

	_, body := c.Get("/cabinet/organisations?lang=en")
	wantIn(t, "organisations", body, "the power of attorney has expired", `value="`+expired+`" disabled`)
	resp, body := c.Post("/cabinet/organisations?lang=en", url.Values{"bin": {expired}})
	wantStatus(t, "expired", resp, http.StatusForbidden)
	wantIn(t, "expired", body, `id="bin-error"`, "The power of attorney has expired")

	// The last day counts; after midnight the form refuses to apply in the
	// organisation's name and changes nothing.
	resp, _ = c.Post("/cabinet/organisations", url.Values{"bin": {ending}})
	wantStatus(t, "last day", resp, http.StatusSeeOther)
	_, body = c.Get("/apply/archival-certificate?lang=en")
	key := keyIn(t, body)
	s.clock.Advance(45 * time.Minute)
	// The session is the person's again (auth.Service.Session): no page acts
	// for the organisation, and the form posted keeps nothing in its name.
	_, body = c.Get("/cabinet?lang=en")
	if strings.Contains(body, "You are acting for") || strings.Contains(body, `class="who-org"`) {
		t.Error("after midnight the cabinet still acts for the organisation")
	}
	c.Post("/apply/archival-certificate?lang=en", url.Values{"key": {key}, "subject.relation": {"third-party"},
		"subject.person.surname": {"Шмидт"}, "subject.person.given_name": {"Иоганн"}, "subject.birth_date": {"1930-04-02"},
		"fields.father_name": {"Шмидт Карл, 1901"}})
	if n := s.countWhere(t, "apply_drafts", "owner_iin LIKE '%@%'"); n != 0 {
		t.Errorf("a form posted after the expiry kept %d drafts in the organisation's name", n)
	}
	if resp, _ := c.Post("/cabinet/organisations", url.Values{"bin": {ending}}); resp.StatusCode != http.StatusForbidden {
		t.Errorf("switch to an expired POA: %d", resp.StatusCode)
	}
}

func keyIn(t *testing.T, body string) string {
	t.Helper()
	const marker = `name="key" value="`
	i := strings.Index(body, marker)
	if i < 0 {
		t.Fatal("the form has no idempotency key")
	}
	rest := body[i+len(marker):]
	return rest[:strings.IndexByte(rest, '"')]
}

// In the browser: the choice of an organisation, made with the keyboard, the
// banner on the cabinet, and the way back; every page passes the
// accessibility check.
func TestBrowserActForOrganisation_CR_3(t *testing.T) {
	s := orgPortal(t)
	me := s.CleanCitizen(t, 25)
	bin := orgBIN(t, 1)
	s.link(t, poaLink(bin, "«Алтын Дала» ЖШС", me, calendar.D(2030, 12, 31)))
	s.link(t, poaLink(orgBIN(t, 2), "«Ескі» ЖШС", me, calendar.D(2020, 1, 1)))
	tab := browsertest.New(t)
	s.signIn(t, tab, me)

	visit(t, tab, s.Base+"/cabinet/organisations?lang=en")
	screenshot(t, tab, "organisations")
	browsertest.Do(t, tab, chromedp.Focus(chromedp.CSS(`#bin-`+bin)), chromedp.KeyEvent(" "))
	browsertest.Load(t, tab, chromedp.KeyEvent(kb.Enter))
	if got := browsertest.Text(t, tab, "main .cab-acting"); !strings.Contains(got, "«Алтын Дала» ЖШС (BIN "+bin+")") {
		t.Fatalf("banner after the switch: %q", got)
	}
	browsertest.CheckA11y(t, tab)
	screenshot(t, tab, "acting")

	visit(t, tab, s.Base+"/cabinet/organisations")
	browsertest.Load(t, tab, chromedp.Click(chromedp.CSS(`main form button[name="self"]`)))
	if n := browsertest.Get(t, tab, chromedp.Evaluate[int](`document.querySelectorAll("main .cab-acting").length`)); n != 0 {
		t.Error("the banner stays after acting as myself")
	}
	browsertest.CheckA11y(t, tab)
}
