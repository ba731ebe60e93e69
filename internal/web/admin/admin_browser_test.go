package admin_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"qyzmet/internal/browsertest"
	"qyzmet/internal/web/webtest"
)

// An administrator adds an operator with the keyboard: a refused form shows
// its errors next to the fields in Kazakh, the accepted one shows the
// one-time password once; every page passes the accessibility checks.
func TestBrowserUsersPage(t *testing.T) {
	tab := browsertest.New(t)
	qs := newSite(t, nil)
	qs.Staff(t, "root", "", "admin")

	qs.BrowserSignInStaff(t, tab, "root", "kk")
	browsertest.Load(t, tab, chromedp.Navigate(qs.Base+"/admin/users"))
	browsertest.CheckA11y(t, tab)
	webtest.Screenshot(t, tab, "admin-users.png")

	// An operator without a branch: the error sits under the branch select.
	browsertest.Do(t, tab,
		chromedp.SendKeys(chromedp.CSS("#login"), "b.operator"),
		chromedp.SendKeys(chromedp.CSS("#name"), "Бауыржан Оспанов"),
		chromedp.Click(chromedp.CSS(`input[name="roles"][value="operator"]`)))
	browsertest.Load(t, tab, chromedp.SendKeys(chromedp.CSS("#name"), kb.Enter))
	if got := browsertest.Text(t, tab, "#branch-error"); !strings.Contains(got, "филиал") {
		t.Errorf("branch error = %q", got)
	}
	browsertest.CheckA11y(t, tab)
	webtest.Screenshot(t, tab, "admin-users-error.png")

	browsertest.Do(t, tab, chromedp.SetValue(chromedp.CSS("#branch"), "astana-esil"))
	browsertest.Load(t, tab, chromedp.Click(chromedp.CSS("main form.admin-form button")))
	if got := browsertest.Text(t, tab, "#one-time-password"); len(got) != 26 {
		t.Errorf("one-time password = %q", got)
	}
	browsertest.CheckA11y(t, tab)
	webtest.Screenshot(t, tab, "admin-password.png")

	for _, path := range []string{"/admin/users/b.operator", "/admin/calendar", "/admin/mci", "/admin/standards", "/admin/branches"} {
		browsertest.Load(t, tab, chromedp.Navigate(qs.Base+path))
		browsertest.CheckA11y(t, tab)
		webtest.Screenshot(t, tab, "admin-"+strings.ReplaceAll(strings.TrimPrefix(path, "/admin/"), "/", "-")+".png")
	}
}

// Rule CR-3: an administrator links a person to an organisation with the
// keyboard; a refused form puts its error next to the BIN in Kazakh; the
// list and the form pass the accessibility checks.
func TestBrowserOrganisationsPage_CR_3(t *testing.T) {
	tab := browsertest.New(t)
	qs := newSite(t, nil)
	qs.Staff(t, "root", "", "admin")
	person := qs.CleanCitizen(t, 6)

	qs.BrowserSignInStaff(t, tab, "root", "kk")
	browsertest.Load(t, tab, chromedp.Navigate(qs.Base+"/admin/organisations"))
	browsertest.CheckA11y(t, tab)
	browsertest.Do(t, tab,
		chromedp.SendKeys(chromedp.CSS("#bin"), "123456789012"),
		chromedp.SendKeys(chromedp.CSS("#org_name"), "«Алтын» ЖШС"),
		chromedp.SendKeys(chromedp.CSS("#iin"), person))
	browsertest.Load(t, tab, chromedp.SendKeys(chromedp.CSS("#iin"), kb.Enter))
	if got := browsertest.Text(t, tab, "#bin-error"); !strings.Contains(got, "БСН") {
		t.Errorf("BIN error = %q", got)
	}
	browsertest.CheckA11y(t, tab)

	browsertest.Do(t, tab, chromedp.SetValue(chromedp.CSS("#bin"), testBIN(t, 4)))
	browsertest.Load(t, tab, chromedp.Click(chromedp.CSS("main form.admin-form button")))
	if got := browsertest.Text(t, tab, "main table"); !strings.Contains(got, person) || !strings.Contains(got, "қолданыста") {
		t.Errorf("the list = %q", got)
	}
	browsertest.CheckA11y(t, tab)
	webtest.Screenshot(t, tab, "admin-organisations.png")
}
