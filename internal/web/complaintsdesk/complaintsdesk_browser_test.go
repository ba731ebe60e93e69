package complaintsdesk_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"qyzmet/internal/browsertest"
	"qyzmet/internal/casework"
	"qyzmet/internal/web/webtest"
)

// A paper complaint is registered at the desk with the keyboard-friendly
// form, its talon printed (CP-7, AC-18), forwarded by the provider's head
// within 3 working days (CP-2) and answered with a motivated reply by the
// reviewing body (CP-3); every page passes the accessibility check.
func TestBrowserComplaintJourney_CP_7_AC_18_CP_2_CP_3(t *testing.T) {
	tab := browsertest.New(t)
	d := newDesk(t)
	about := d.application(1)
	d.qs.Staff(t, "head", "", casework.RoleHead)
	d.qs.Staff(t, "reviewer", "", casework.RoleComplaints)
	base := d.qs.Base

	d.qs.BrowserSignInStaff(t, tab, "head", "")
	browsertest.Do(t, tab, chromedp.Navigate(base+"/desk/complaints?lang=kk"))
	browsertest.CheckA11y(t, tab)
	browsertest.Load(t, tab, chromedp.Click(chromedp.CSS("main .cd-head a.button")))
	browsertest.CheckA11y(t, tab)
	webtest.Screenshot(t, tab, "complaints-register.png")

	browsertest.Do(t, tab,
		chromedp.SendKeys(chromedp.CSS("#about"), about.ID),
		chromedp.SendKeys(chromedp.CSS("#complainant-iin"), complainantIIN),
		chromedp.SendKeys(chromedp.CSS("#complainant-surname"), "Серікова"),
		chromedp.SendKeys(chromedp.CSS("#complainant-given_name"), "Дана"),
		chromedp.SendKeys(chromedp.CSS("#complainant-phone"), "+77017654321"),
		chromedp.SendKeys(chromedp.CSS("#complainant-address"), "Астана, Қабанбай батыр 5, 12"),
		chromedp.SendKeys(chromedp.CSS("#text"), "Апостиль мерзімінде қойылмады."))
	browsertest.Load(t, tab, chromedp.Click(chromedp.CSS("main form.cd-form button[type=submit]")))
	if got := browsertest.Text(t, tab, "main .notice-ok"); !strings.Contains(got, "тіркелді") {
		t.Fatalf("after registering: %q", got)
	}
	browsertest.CheckA11y(t, tab)
	webtest.Screenshot(t, tab, "complaints-complaint.png")
	if got := browsertest.Text(t, tab, ".cd-talon .facts"); !strings.Contains(got, "1414") || !strings.Contains(got, "C-") {
		t.Errorf("talon on the page: %q", got)
	}

	browsertest.Load(t, tab, chromedp.Click(chromedp.CSS(".cd-talon a.button")))
	browsertest.CheckA11y(t, tab)
	webtest.Screenshot(t, tab, "complaints-talon.png")
	if got := browsertest.Text(t, tab, ".cd-talon-sheet"); !strings.Contains(got, "1414") {
		t.Errorf("printable talon: %q", got)
	}
	browsertest.Load(t, tab, chromedp.Click(chromedp.CSS(".cd-back a")))

	// Rule CP-2: the head forwards it.
	browsertest.Do(t, tab, chromedp.SendKeys(chromedp.CSS("#forward-text"), "Әкімшілік іс қоса жіберілді."))
	browsertest.Load(t, tab, chromedp.Click(chromedp.CSS("#action-forward button")))
	if got := browsertest.Text(t, tab, "main .notice-ok"); !strings.Contains(got, "жіберілді") {
		t.Fatalf("after forwarding: %q", got)
	}
	browsertest.CheckA11y(t, tab)
	complaintURL := browsertest.Get(t, tab, chromedp.Location())

	// Rule CP-3: the reviewing body replies, in Russian this time.
	browsertest.Load(t, tab, chromedp.Click(chromedp.CSS(".who-bar form button")))
	d.qs.BrowserSignInStaff(t, tab, "reviewer", "")
	browsertest.Do(t, tab, chromedp.Navigate(strings.Split(complaintURL, "?")[0]+"?lang=ru"))
	browsertest.CheckA11y(t, tab)
	browsertest.Do(t, tab, chromedp.SetValue(chromedp.CSS("#reply-outcome"), "upheld"),
		chromedp.SendKeys(chromedp.CSS("#reply-text"), "Жалоба обоснована: сотруднику объявлено замечание."))
	browsertest.Load(t, tab, chromedp.Click(chromedp.CSS("#action-reply button")))
	if got := browsertest.Text(t, tab, "main .notice-ok"); !strings.Contains(got, "Мотивированный ответ") {
		t.Fatalf("after the reply: %q", got)
	}
	browsertest.CheckA11y(t, tab)
	webtest.Screenshot(t, tab, "complaints-replied.png")

	browsertest.Do(t, tab, chromedp.Navigate(base+"/desk/complaints?show=all"))
	browsertest.CheckA11y(t, tab)
	webtest.Screenshot(t, tab, "complaints-list.png")
	if app := d.complaints(); len(app) != 1 || app[0].State != casework.StateReviewed {
		t.Errorf("complaints %+v", app)
	}
}
