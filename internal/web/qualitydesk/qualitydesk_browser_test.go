package qualitydesk_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"qyzmet/internal/browsertest"
	"qyzmet/internal/casework"
	"qyzmet/internal/web/webtest"
)

// The quality officer opens the dashboard, clicks a bar of the chart by
// branch and lands on the applications behind it, then opens one read-only;
// every page passes the accessibility check (AC-4.1's deadlines decide on time).
func TestBrowserDashboardDrillDown_AC_4_1(t *testing.T) {
	tab := browsertest.New(t)
	w := newWorld(t)
	s := w.seed()
	login := w.qs.Staff(t, "quality", "", casework.RoleQuality)

	w.qs.BrowserSignInStaff(t, tab, login, "en")
	browsertest.Do(t, tab, chromedp.Navigate(w.qs.Base+"/desk/quality?"+w.period()))
	browsertest.CheckA11y(t, tab)
	webtest.Screenshot(t, tab, "quality-dashboard.png")

	// The chart by branch: KRG-3's bar (two received, one decided late),
	// reached with the keyboard: a bar is a link, focused and followed with Enter.
	focused := browsertest.Get(t, tab, chromedp.Evaluate[bool](`(() => { const a = document.querySelector('#by-branch svg a[href*="key=KRG-3"]'); a.focus(); return document.activeElement === a })()`))
	if !focused {
		t.Fatal("the bar's link takes no keyboard focus")
	}
	browsertest.Load(t, tab, chromedp.KeyEvent("\r"))
	browsertest.CheckA11y(t, tab)
	webtest.Screenshot(t, tab, "quality-drill.png")
	list := browsertest.Text(t, tab, "main table tbody")
	if !strings.Contains(list, "Late") || !strings.Contains(list, "Overdue now") || strings.Contains(list, "On time") {
		t.Errorf("KRG-3's applications: %q", list)
	}

	browsertest.Load(t, tab, chromedp.Click(chromedp.CSS(`main table a[href$="`+s.late.ID+`"]`)))
	browsertest.CheckA11y(t, tab)
	webtest.Screenshot(t, tab, "quality-application.png")
	if got := browsertest.Text(t, tab, "main .facts"); !strings.Contains(got, "AC-4.1") {
		t.Errorf("summary: %q", got)
	}
}
