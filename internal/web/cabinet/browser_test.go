package cabinet_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"qyzmet/internal/browsertest"
	"qyzmet/internal/casework"
	"qyzmet/internal/web/webtest"
)

// screenshot saves the page as cabinet-<name>.png in $QYZMET_SCREENSHOTS, else
// in a temporary directory.
func screenshot(t *testing.T, tab context.Context, name string) {
	t.Helper()
	webtest.Screenshot(t, tab, "cabinet-"+name+".png")
}

// signIn signs iin in through the pages, as a person would, and lands in the cabinet.
func (s *portal) signIn(t *testing.T, tab context.Context, iin string) {
	t.Helper()
	s.BrowserSignInCitizen(t, tab, iin, "")
	if loc := browsertest.Get(t, tab, chromedp.Location()); !strings.HasSuffix(loc, "/cabinet") {
		t.Fatalf("signed in at %s, want the cabinet", loc)
	}
}

// visit loads path and checks its accessibility.
func visit(t *testing.T, tab context.Context, url string) {
	t.Helper()
	browsertest.Do(t, tab, chromedp.Navigate(url))
	browsertest.CheckA11y(t, tab)
}

// The newcomer's journey: an e-request sent through the portal is issued
// within seconds, the signed PDF downloads and the e-Register confirms it;
// the cabinet switches language, books a queue slot (G-5) and files a
// complaint with its talon (CP-7).
func TestBrowserCabinetJourney_G_5_CP_7(t *testing.T) {
	s := newPortal(t)
	alice := s.CleanCitizen(t, 20)
	app := s.submitCR(t, alice, alice)
	tab := browsertest.New(t)
	s.signIn(t, tab, alice)
	browsertest.CheckA11y(t, tab)

	// The application page shows the certificate once the automation decided.
	app = s.waitState(t, alice, app.ID, casework.StateIssued)
	doc := app.Documents[0]
	browsertest.Do(t, tab, chromedp.Navigate(s.Base+"/cabinet"))
	screenshot(t, tab, "start")
	browsertest.Load(t, tab, chromedp.Click(chromedp.CSS(`main a[href="/cabinet/applications/`+app.ID+`"]`)))
	browsertest.CheckA11y(t, tab)
	screenshot(t, tab, "application")
	link := "/cabinet/applications/" + app.ID + "/documents/" + doc.Number
	if n := browsertest.Get(t, tab, chromedp.Evaluate[int](`document.querySelectorAll('a[href="`+link+`"]').length`)); n != 1 {
		t.Fatalf("no download link for %s", doc.Number)
	}
	head := browsertest.Get(t, tab, chromedp.Evaluate[string](`fetch("`+link+`").then(r => r.arrayBuffer()).then(b => String.fromCharCode(...new Uint8Array(b.slice(0, 5))))`,
		chromedp.EvalAsValue, chromedp.EvalAwaitPromise))
	if head != "%PDF-" {
		t.Fatalf("the download starts %q, want a PDF", head)
	}

	// The same PDF, uploaded to the e-Register, is confirmed as the original.
	_, pdf := s.SignInCitizen(t, alice).Get(link)
	file := filepath.Join(t.TempDir(), doc.Number+".pdf")
	if err := os.WriteFile(file, []byte(pdf), 0o600); err != nil {
		t.Fatal(err)
	}
	visit(t, tab, s.Base+"/verify?lang=en")
	browsertest.Do(t, tab, chromedp.SetUploadFiles(chromedp.CSS("#file"), []string{file}))
	browsertest.Load(t, tab, chromedp.Click(chromedp.CSS(`main form[action^="/verify/upload"] button`)))
	if got := browsertest.Text(t, tab, "main .notice"); !strings.Contains(got, "original") {
		t.Errorf("the e-Register says %q of the downloaded PDF", got)
	}
	browsertest.CheckA11y(t, tab)

	// Switching language on the application page keeps the page.
	browsertest.Do(t, tab, chromedp.Navigate(s.Base+"/cabinet/applications/"+app.ID))
	browsertest.Load(t, tab, chromedp.Click(chromedp.CSS(`nav.langs a[lang="ru"]`)))
	if lang := browsertest.Get(t, tab, chromedp.Evaluate[string](`document.documentElement.lang`)); lang != "ru" {
		t.Errorf("language after the switch = %q", lang)
	}
	if got := browsertest.Text(t, tab, "#timeline-h"); got != "Ход рассмотрения" {
		t.Errorf("timeline heading in Russian = %q", got)
	}
	browsertest.CheckA11y(t, tab)
	browsertest.Do(t, tab, chromedp.Navigate(s.Base+"/cabinet?lang=en"))

	// Rule G-5: a slot is booked by picking a time and pressing Book.
	visit(t, tab, s.Base+"/cabinet/queue")
	browsertest.Do(t, tab, chromedp.Click(chromedp.CSS(`.cab-slot input:not([disabled])`)))
	screenshot(t, tab, "queue")
	browsertest.Load(t, tab, chromedp.Click(chromedp.CSS(`main form.cab-slots button[type="submit"]`)))
	if got := browsertest.Text(t, tab, "main .notice-ok"); !strings.Contains(got, "You are booked") {
		t.Errorf("after booking: %q", got)
	}
	browsertest.CheckA11y(t, tab)

	// Rule CP-7: a complaint about the application, and its talon.
	visit(t, tab, s.Base+"/cabinet/applications/"+app.ID+"/complaint")
	browsertest.Do(t, tab,
		chromedp.SendKeys(chromedp.CSS("#text"), "The certificate names my birthplace wrongly."),
		chromedp.SendKeys(chromedp.CSS("#complainant-address"), "Astana, Beibitshilik 1"),
		chromedp.SetValue(chromedp.CSS("#complainant-phone"), "+77015550000"))
	screenshot(t, tab, "complaint")
	browsertest.Load(t, tab, chromedp.Click(chromedp.CSS(`main form.cab-form button[type="submit"]`)))
	talon := browsertest.Text(t, tab, ".cab-talon")
	for _, want := range []string{"Talon", "contact centre 1414", "Reply due by"} {
		if !strings.Contains(talon, want) {
			t.Errorf("talon lacks %q: %s", want, talon)
		}
	}
	browsertest.CheckA11y(t, tab)
	screenshot(t, tab, "talon")
}

// Rule CR-STD-8.4: the person a request is about consents in their own
// cabinet; the notifications and home-visit pages are checked on the way.
func TestBrowserThirdPartyConsent_CR_STD_8_4(t *testing.T) {
	s := newPortal(t)
	employer, worker := s.CleanCitizen(t, 21), s.CleanCitizen(t, 22)
	app := s.submitCR(t, employer, worker)
	tab := browsertest.New(t)
	s.signIn(t, tab, worker)
	browsertest.Do(t, tab, chromedp.Navigate(s.Base+"/cabinet?lang=en"))
	if got := browsertest.Text(t, tab, `.cab-tabs a[href="/cabinet/consents"] .cab-badge`); !strings.HasPrefix(got, "1") {
		t.Errorf("consent badge = %q", got)
	}
	visit(t, tab, s.Base+"/cabinet/consents")
	screenshot(t, tab, "consents")
	browsertest.Load(t, tab, chromedp.Click(chromedp.CSS(`main form button[value="give"]`)))
	if got := browsertest.Text(t, tab, "main .notice-ok"); !strings.Contains(got, "consent has been recorded") {
		t.Errorf("after consenting: %q", got)
	}
	browsertest.CheckA11y(t, tab)
	s.waitState(t, worker, app.ID, casework.StateIssued)

	visit(t, tab, s.Base+"/cabinet/notifications")
	screenshot(t, tab, "notifications")
	visit(t, tab, s.Base+"/cabinet/home-visit")
	screenshot(t, tab, "home-visit")
}
