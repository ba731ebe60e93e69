package webtest

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"

	"qyzmet/internal/browsertest"
)

// Screenshot saves the tab's page as name (area-page.png) into
// $QYZMET_SCREENSHOTS — docs/screenshots when the lead refreshes them — or
// else into a temporary directory.
func Screenshot(t testing.TB, tab context.Context, name string) {
	t.Helper()
	dir := os.Getenv("QYZMET_SCREENSHOTS")
	if dir == "" {
		dir = t.TempDir()
	}
	browsertest.Screenshot(t, tab, filepath.Join(dir, name))
}

// BrowserSignInCitizen signs the tab in as the citizen iin through the
// sign-in pages, in lang ("" keeps the tab's language), reading the code the
// development gateway sent.
func (s *Site) BrowserSignInCitizen(t testing.TB, tab context.Context, iin, lang string) {
	t.Helper()
	browsertest.Do(t, tab, chromedp.Navigate(s.Base+"/signin"+langQuery(lang)), chromedp.SendKeys(chromedp.CSS("#iin"), iin))
	browsertest.Load(t, tab, chromedp.Click(chromedp.CSS("main form button")))
	browsertest.Do(t, tab, chromedp.SendKeys(chromedp.CSS("#code"), s.LastCode(t, iin)))
	browsertest.Load(t, tab, chromedp.Click(chromedp.CSS("main form button")))
}

// BrowserSignInStaff signs the tab in as the staff account login (made by
// Staff), in lang ("" keeps the tab's language).
func (s *Site) BrowserSignInStaff(t testing.TB, tab context.Context, login, lang string) {
	t.Helper()
	browsertest.Do(t, tab, chromedp.Navigate(s.Base+"/staff/signin"+langQuery(lang)),
		chromedp.SendKeys(chromedp.CSS("#login"), login), chromedp.SendKeys(chromedp.CSS("#password"), Password(login)))
	browsertest.Load(t, tab, chromedp.Click(chromedp.CSS("main form button")))
}

func langQuery(lang string) string {
	if lang == "" {
		return ""
	}
	return "?lang=" + lang
}
