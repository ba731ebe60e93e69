// Package browsertest runs pages in a real headless Chromium (Debian's
// /usr/bin/chromium) through the DevTools protocol (chromedp): start the
// server's handler on httptest, drive the browser, take screenshots and run
// an accessibility check inside the page. Without Chromium a test is skipped,
// except under CI=true, where it fails: CI cannot go green without browsers.
package browsertest

import (
	"context"
	_ "embed"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// chromiumPaths are tried in order; QYZMET_CHROMIUM overrides them.
var chromiumPaths = []string{"/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"}

// Chromium is the browser's path. Without one the test is skipped, or fails
// when CI=true.
func Chromium(t testing.TB) string {
	t.Helper()
	paths := chromiumPaths
	if p := os.Getenv("QYZMET_CHROMIUM"); p != "" {
		paths = []string{p}
	}
	for _, p := range paths {
		if _, err := exec.LookPath(p); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("no Chromium at %v: install it (scripts/deps.sh) or set QYZMET_CHROMIUM", paths)
	}
	t.Skipf("no Chromium at %v (set CI=true to make this a failure)", paths)
	return ""
}

// Timeout bounds one browser test.
const Timeout = 60 * time.Second

// New starts a fresh headless Chromium (its own profile directory, nothing
// from the network but the server under test) and returns a tab's context,
// closed at the end of the test.
func New(t testing.TB) context.Context {
	t.Helper()
	path := Chromium(t)
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1024, 768),
	}
	ctx, cancelTimeout := context.WithTimeout(context.Background(), Timeout)
	actx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	tab, cancelTab := chromedp.NewContext(actx)
	t.Cleanup(func() {
		cancelTab()
		cancelAlloc()
		cancelTimeout()
	})
	if err := chromedp.Do(tab); err != nil {
		t.Fatalf("start Chromium: %v", err)
	}
	return tab
}

// Serve runs h on a local test server and returns its base URL.
func Serve(t testing.TB, h http.Handler) string {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv.URL
}

// Do runs the steps in the tab and fails the test on an error.
func Do(t testing.TB, tab context.Context, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(tab, steps...); err != nil {
		t.Fatal(err)
	}
}

// Get runs one action that returns a value and fails the test on an error.
func Get[T any](t testing.TB, tab context.Context, a chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(tab, a)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// Load runs an action that makes the page load another (a click on a submit
// button, Enter in a form) and waits for the new page's load event.
func Load[T any](t testing.TB, tab context.Context, a chromedp.Action[T]) {
	t.Helper()
	if _, err := chromedp.Run(tab, chromedp.WaitEvent(page.LoadEventFired, nil, a)); err != nil {
		t.Fatal(err)
	}
}

// Screenshot saves the whole page as a PNG at path (its directory created).
func Screenshot(t testing.TB, tab context.Context, path string) {
	t.Helper()
	png := Get(t, tab, chromedp.FullScreenshot(100)) // quality 100 is PNG
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
}

//go:embed a11y.js
var a11yScript string

// A11yProblems runs the accessibility check in the page: every input, select
// and textarea has a label; every image has alt; one main landmark; html lang
// set; text contrast at least 4.5:1 (WCAG 2.1 AA for body text), computed
// from the computed styles. It returns the problems found.
func A11yProblems(t testing.TB, tab context.Context) []string {
	t.Helper()
	return Get(t, tab, chromedp.Evaluate[[]string](a11yScript))
}

// CheckA11y fails the test with every accessibility problem of the page.
func CheckA11y(t testing.TB, tab context.Context) {
	t.Helper()
	url := Get(t, tab, chromedp.Location())
	if p := A11yProblems(t, tab); len(p) > 0 {
		t.Errorf("accessibility of %s:\n  %s", url, strings.Join(p, "\n  "))
	}
}

// Text is the visible text of the first element matching the CSS selector.
func Text(t testing.TB, tab context.Context, sel string) string {
	t.Helper()
	return strings.TrimSpace(Get(t, tab, chromedp.Text(chromedp.CSS(sel))))
}
