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
