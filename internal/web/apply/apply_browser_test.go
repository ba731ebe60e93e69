package apply_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"qyzmet/internal/browsertest"
	"qyzmet/internal/calendar"
	"qyzmet/internal/casework"
	"qyzmet/internal/web/webtest"
)

// signIn signs the tab in as the citizen iin through the sign-in pages.
func signIn(t *testing.T, s *webtest.Site, tab context.Context, iin string) {
	t.Helper()
	s.BrowserSignInCitizen(t, tab, iin, "en")
}

// visit opens path, checks its accessibility and saves a screenshot.
func visit(t *testing.T, s *webtest.Site, tab context.Context, path, shot string) {
	t.Helper()
	browsertest.Do(t, tab, chromedp.Navigate(s.Base+path))
	browsertest.CheckA11y(t, tab)
	webtest.Screenshot(t, tab, shot)
}

func active(t *testing.T, tab context.Context) string {
	return browsertest.Get(t, tab, chromedp.Evaluate[string](
		`(document.activeElement.id || document.activeElement.tagName) + ":" + (document.activeElement.textContent || "").trim()`))
}

func location(t *testing.T, tab context.Context) string {
	return browsertest.Get(t, tab, chromedp.Location())
}

// certifyInBrowser types the code into the focused code field and sends it
// with Enter; it returns the application's id from the page it lands on.
func certifyInBrowser(t *testing.T, s *webtest.Site, tab context.Context, iin string) string {
	t.Helper()
	if !strings.Contains(location(t, tab), "/apply/confirm/") {
		t.Fatalf("not on the confirmation page: %s (%s)", location(t, tab), browsertest.Text(t, tab, "main"))
	}
	browsertest.CheckA11y(t, tab)
	browsertest.Do(t, tab, chromedp.WaitVisible(chromedp.CSS("#code")), chromedp.Focus(chromedp.CSS("#code")), chromedp.KeyEvent(s.LastCode(t, iin)))
	browsertest.Load(t, tab, chromedp.KeyEvent("\r"))
	loc := location(t, tab)
	i := strings.Index(loc, "/cabinet/applications/")
	if i < 0 {
		return loc
	}
	return loc[i+len("/cabinet/applications/"):]
}

// The criminal-record form completed with the keyboard alone — Tab, arrow,
// typing and Enter — for a minor relative, and the certificate issued within
// seconds (CR-STD-8.3, CR-STD-8.1); the
// start page, the form, the confirmation and the apostille's page are
// accessible.
func TestBrowserApplyCriminalRecordKeyboard_CR_STD_8_3(t *testing.T) {
	tab := browsertest.New(t)
	s := newSite(t)
	me := s.CleanCitizen(t, 20)
	signIn(t, s, tab, me)
	visit(t, s, tab, "/apply?lang=en", "apply-start.png")
	visit(t, s, tab, "/apply/apostille-prosecution", "apply-ap.png")
	visit(t, s, tab, "/apply/criminal-record?lang=kk", "apply-cr-form.png")

	// Tab from the top of the page to the relation, choose "a minor
	// relative" with the arrow key, type the child's data, and Tab on to the
	// form's button.
	tabTo := func(want string) {
		t.Helper()
		var got string
		for range 60 {
			browsertest.Do(t, tab, chromedp.KeyEvent("\t"))
			if got = active(t, tab); strings.HasPrefix(got, want) {
				return
			}
		}
		t.Fatalf("Tab never reached %q; last focus %q", want, got)
	}
	tabTo("INPUT:") // the checked radio: "about myself"
	browsertest.Do(t, tab, chromedp.KeyEvent(kb.ArrowDown))
	tabTo("subject-person-surname:")
	browsertest.Do(t, tab, chromedp.KeyEvent("Сейітова"), chromedp.KeyEvent("\t"), chromedp.KeyEvent("Айым"))
	tabTo("subject-birth_date:")
	birth := calendar.DateOf(time.Now()).AddMonths(-8 * 12)
	browsertest.Do(t, tab, chromedp.KeyEvent(fmt.Sprintf("%02d%02d%04d", int(birth.Month), birth.Day, birth.Year)))
	if v := browsertest.Get(t, tab, chromedp.Evaluate[string](`document.querySelector('#subject-birth_date').value`)); v != birth.String() {
		t.Fatalf("typed birth date = %q, want %s", v, birth)
	}
	if v := browsertest.Get(t, tab, chromedp.Evaluate[string](`document.querySelector('input[name="subject.relation"]:checked').value`)); v != "minor-relative" {
		t.Fatalf("relation chosen with the arrow key = %q", v)
	}
	tabTo("BUTTON:Жалғастыру")
	browsertest.Load(t, tab, chromedp.KeyEvent("\r"))
	webtest.Screenshot(t, tab, "apply-confirm.png")
	id := certifyInBrowser(t, s, tab, me)
	a, err := s.Sys.Engine.Get(context.Background(), applicantActor(me), id)
	if err != nil || a.Channel != "portal" || a.Subject == nil || a.Subject.Relation != casework.RelationMinorRelative || a.Subject.Person.Surname != "Сейітова" {
		t.Fatalf("minor relative's application: %v, %+v", err, a)
	}

	// About oneself, the default: Tab to the button, Enter, the code, Enter —
	// and the signed certificate within seconds.
	browsertest.Do(t, tab, chromedp.Navigate(s.Base+"/apply/criminal-record"))
	tabTo("BUTTON:Жалғастыру")
	browsertest.Load(t, tab, chromedp.KeyEvent("\r"))
	waitIssued(t, s, applicantActor(me), certifyInBrowser(t, s, tab, me))
}

// A certificate about another person who is present: the applicant types
// the person's data, the person's consent code arrives on the person's phone
// (CR-STD-8.4), and the certificate is issued.
func TestBrowserApplyThirdPartyConsent_CR_STD_8_4(t *testing.T) {
	tab := browsertest.New(t)
	s := newSite(t)
	me, subject := s.CleanCitizen(t, 21), s.CleanCitizen(t, 22)
	person, err := s.Sys.Registries.Persons.ByIIN(context.Background(), subject)
	if err != nil {
		t.Fatal(err)
	}
	signIn(t, s, tab, me)
	browsertest.Do(t, tab, chromedp.Navigate(s.Base+"/apply/criminal-record?lang=ru"),
		chromedp.Click(chromedp.CSS(`input[name="subject.relation"][value="third-party"]`)),
		chromedp.SendKeys(chromedp.CSS("#subject-person-iin"), subject),
		chromedp.SendKeys(chromedp.CSS("#subject-person-surname"), person.Surname),
		chromedp.SendKeys(chromedp.CSS("#subject-person-given_name"), person.GivenName),
		chromedp.SendKeys(chromedp.CSS("#subject-person-patronymic"), person.Patronymic),
		chromedp.Click(chromedp.CSS(`input[name="consent_here"]`)))
	browsertest.Load(t, tab, chromedp.Click(chromedp.CSS("main form.apply-form button")))
	certifyInBrowser(t, s, tab, me)
	if !strings.Contains(location(t, tab), "/apply/consent/") {
		t.Fatalf("after certifying: %s", location(t, tab))
	}
	id := location(t, tab)[strings.Index(location(t, tab), "/apply/consent/")+len("/apply/consent/"):]
	browsertest.CheckA11y(t, tab)
	browsertest.Load(t, tab, chromedp.Click(chromedp.CSS("main form.inline-form button")))
	browsertest.CheckA11y(t, tab)
	webtest.Screenshot(t, tab, "apply-consent.png")
	browsertest.Do(t, tab, chromedp.SendKeys(chromedp.CSS("#code"), s.LastCode(t, subject)))
	browsertest.Load(t, tab, chromedp.Click(chromedp.CSS("main form.card button")))
	a := waitIssued(t, s, applicantActor(me), id)
	if a.ConsentGiven == nil || a.Subject.Person.IIN != subject {
		t.Errorf("consent %v, subject %+v", a.ConsentGiven, a.Subject)
	}
}

// The court apostille with a scanned document (AC-9-1) and the duty paid in
// the gateway simulator (AC-7, AC-10).
func TestBrowserApplyCourtApostille_AC_9_1(t *testing.T) {
	tab := browsertest.New(t)
	s := newSite(t)
	me := s.CleanCitizen(t, 23)
	scan := filepath.Join(t.TempDir(), "decision.pdf")
	if err := os.WriteFile(scan, minimalPDF(), 0o600); err != nil {
		t.Fatal(err)
	}
	signIn(t, s, tab, me)
	visit(t, s, tab, "/apply/apostille-court?lang=en", "apply-ac-form.png")
	browsertest.Do(t, tab,
		chromedp.SendKeys(chromedp.CSS("#fields-document"), "Decision of the Esil district court No. 2-123/2026"),
		chromedp.SendKeys(chromedp.CSS("#fields-country"), "Germany"),
		chromedp.SetUploadFiles(chromedp.CSS("#file-document-scan"), []string{scan}))
	browsertest.Load(t, tab, chromedp.Click(chromedp.CSS("main form.apply-form button")))
	if !strings.Contains(location(t, tab), "/apply/pay/") {
		t.Fatalf("not at the simulator: %s (%s)", location(t, tab), browsertest.Text(t, tab, "main"))
	}
	browsertest.CheckA11y(t, tab)
	webtest.Screenshot(t, tab, "apply-pay.png")
	browsertest.Load(t, tab, chromedp.Click(chromedp.CSS(`main button[value="pay"]`)))
	id := certifyInBrowser(t, s, tab, me)
	a, err := s.Sys.Engine.Get(context.Background(), applicantActor(me), id)
	if err != nil {
		t.Fatal(err)
	}
	if a.Payment == nil || a.Payment.Method != casework.PaymentGateway || a.Fields["country"] != "Germany" {
		t.Errorf("payment %+v, fields %v", a.Payment, a.Fields)
	}
}

// The archival certificate: without the parents of a person born in 1930 the
// error sits next to the father's name (AR-6.1); with them the request goes in.
func TestBrowserApplyArchivalParents_AR_6_1(t *testing.T) {
	tab := browsertest.New(t)
	s := newSite(t)
	me := s.CleanCitizen(t, 24)
	signIn(t, s, tab, me)
	browsertest.Do(t, tab, chromedp.Navigate(s.Base+"/apply/archival-certificate?lang=kk"),
		chromedp.Click(chromedp.CSS(`input[name="subject.relation"][value="third-party"]`)),
		chromedp.SendKeys(chromedp.CSS("#subject-person-surname"), "Шмидт"),
		chromedp.SendKeys(chromedp.CSS("#subject-person-given_name"), "Иоганн"),
		chromedp.SetValue(chromedp.CSS("#subject-birth_date"), "1930-04-02"),
		chromedp.SetValue(chromedp.CSS("#pickup_branch"), "astana-esil"))
	browsertest.Load(t, tab, chromedp.Click(chromedp.CSS("main form.apply-form button")))
	if got := browsertest.Text(t, tab, "#fields-father_name-error"); !strings.Contains(got, "AR-6.1") {
		t.Fatalf("error at the father's name: %q", got)
	}
	browsertest.CheckA11y(t, tab)
	webtest.Screenshot(t, tab, "apply-ar-parents.png")
	browsertest.Do(t, tab, chromedp.SendKeys(chromedp.CSS("#fields-father_name"), "Шмидт Генрих"))
	browsertest.Load(t, tab, chromedp.Click(chromedp.CSS("main form.apply-form button")))
	id := certifyInBrowser(t, s, tab, me)
	deadline := time.Now().Add(5 * time.Second)
	for {
		a, err := s.Sys.Engine.Get(context.Background(), applicantActor(me), id)
		if err != nil {
			t.Fatal(err)
		}
		if a.State != casework.StateSubmitted {
			if !strings.Contains(a.Fields["parents-data"], "Шмидт Генрих") {
				t.Errorf("parents' data %q", a.Fields["parents-data"])
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("still %s", a.State)
		}
		time.Sleep(100 * time.Millisecond)
	}
}
