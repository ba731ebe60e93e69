package site_test

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"

	"qyzmet/internal/browsertest"
	"qyzmet/internal/eregister/eregistertest"
	"qyzmet/internal/i18n"
	"qyzmet/internal/pdf/pdftest"
	"qyzmet/internal/sign"
	"qyzmet/internal/web/site"
	"qyzmet/internal/web/ui"
	"qyzmet/internal/web/webtest"
)

// newcomerBudget is what issue #6 promises a newcomer: from the catalogue to
// the signed certificate on their disk within a minute.
const newcomerBudget = time.Minute

// The newcomer's journey of issue #6 in a real browser, on a fresh site: the
// catalogue, "Apply on the portal" for the criminal record, the sign-in it
// sends them to (an IIN and the one-time password read off the /dev/sms page,
// as a newcomer to the demo does — CR-STD-8.3), the form, the certifying code
// from /dev/sms again, the cabinet, and the signed PDF downloaded — all within
// a minute, which also keeps the certificate's ten minutes (CR-STD-3.1). The
// file is valid in pdfsig and genuine on /verify. Every page on the way is
// checked for accessibility.
func TestBrowserNewcomerGetsCertificate_CR_STD_3_1_CR_STD_8_3(t *testing.T) {
	s := webtest.New(t, webtest.Options{Areas: site.Areas})
	me := s.CleanCitizen(t, 0)
	tab := browsertest.New(t)
	lang := i18n.Lang("en")
	start := time.Now()

	browsertest.Do(t, tab, chromedp.Navigate(s.Base+"/?lang="+string(lang)))
	browsertest.CheckA11y(t, tab)
	webtest.Screenshot(t, tab, "catalogue.png")
	apply := `main a.button[href="/apply/criminal-record"]`
	if got := browsertest.Text(t, tab, apply); got != ui.T("catalogue.apply", lang) {
		t.Errorf("the catalogue's criminal-record link says %q", got)
	}
	browsertest.Load(t, tab, chromedp.Click(chromedp.CSS(apply)))
	if loc := location(t, tab); !strings.Contains(loc, ui.PathSignIn+"?next=") {
		t.Fatalf("a newcomer following Apply went to %s, want the sign-in", loc)
	}
	browsertest.CheckA11y(t, tab)
	browsertest.Do(t, tab, chromedp.SendKeys(chromedp.CSS("#iin"), me))
	browsertest.Load(t, tab, chromedp.Click(chromedp.CSS("main form button")))
	browsertest.CheckA11y(t, tab)
	browsertest.Do(t, tab, chromedp.SendKeys(chromedp.CSS("#code"), codeFromDevSMS(t, s, tab)))
	browsertest.Load(t, tab, chromedp.Click(chromedp.CSS("main form button")))

	// Signed in, back at the form they asked for; "about myself" is the default.
	if loc := location(t, tab); !strings.HasSuffix(loc, "/apply/criminal-record") {
		t.Fatalf("after sign-in: %s, want the criminal-record form", loc)
	}
	browsertest.CheckA11y(t, tab)
	webtest.Screenshot(t, tab, "newcomer-form.png")
	browsertest.Load(t, tab, chromedp.Click(chromedp.CSS("main form.apply-form button")))
	if loc := location(t, tab); !strings.Contains(loc, "/apply/confirm/") {
		t.Fatalf("after the form: %s (%s)", loc, browsertest.Text(t, tab, "main"))
	}
	browsertest.CheckA11y(t, tab)
	browsertest.Do(t, tab, chromedp.SendKeys(chromedp.CSS("#code"), codeFromDevSMS(t, s, tab)))
	browsertest.Load(t, tab, chromedp.Click(chromedp.CSS("main form.card button")))
	if loc := location(t, tab); !strings.Contains(loc, ui.PathCabinet+"/applications/") {
		t.Fatalf("after certifying: %s (%s)", loc, browsertest.Text(t, tab, "main"))
	}

	// The page follows the check by itself (htmx); the certificate appears.
	download := `main a[href*="/documents/"][download]`
	wait, cancel := context.WithTimeout(tab, 20*time.Second)
	defer cancel()
	if err := chromedp.Do(wait, chromedp.WaitVisible(chromedp.CSS(download))); err != nil {
		t.Fatalf("no certificate to download on %s within 20 s: %v", location(t, tab), err)
	}
	browsertest.CheckA11y(t, tab)
	webtest.Screenshot(t, tab, "newcomer-cabinet.png")
	file := downloadPDF(t, tab, download)
	took := time.Since(start)
	t.Logf("catalogue → signed certificate on disk: %s", took.Round(10*time.Millisecond))
	if took > newcomerBudget {
		t.Errorf("the newcomer took %s, over the minute of issue #6", took)
	}

	// The file is genuine: its signature chains to the site's provider
	// certificates, pdfsig (poppler over NSS) validates it, and /verify says
	// it is the original.
	res, err := sign.Verify(file, s.Sys.Register.Roots)
	if err != nil {
		t.Fatalf("the downloaded certificate does not verify: %v", err)
	}
	pdftest.Tool(t, "pdfsig")
	nss := eregistertest.NSSTrusting(t, writeCA(t, res))
	if ok, report := eregistertest.PdfsigValid(t, nss, file); !ok {
		t.Errorf("pdfsig does not validate the certificate:\n%s", report)
	}
	browsertest.Do(t, tab, chromedp.Navigate(s.Base+ui.PathVerify),
		chromedp.SetUploadFiles(chromedp.CSS("#file"), []string{pdftest.WriteFile(t, "certificate.pdf", file)}))
	browsertest.Load(t, tab, chromedp.Click(chromedp.CSS(`main form[action^="/verify/upload"] button`)))
	if got := browsertest.Text(t, tab, "main .notice"); got != ui.T("verify.original", lang) {
		t.Errorf("/verify says %q of the downloaded certificate", got)
	}
	browsertest.CheckA11y(t, tab)
	webtest.Screenshot(t, tab, "newcomer-verify.png")
}

var otp = regexp.MustCompile(`\b[0-9]{6}\b`)

// codeFromDevSMS reads the newest one-time password off the /dev/sms page in
// a second tab, as a newcomer to the demo does.
func codeFromDevSMS(t *testing.T, s *webtest.Site, tab context.Context) string {
	t.Helper()
	sms, cancel := chromedp.NewContext(tab)
	defer cancel()
	browsertest.Do(t, sms, chromedp.Navigate(s.Base+"/dev/sms"))
	browsertest.CheckA11y(t, sms)
	code := otp.FindString(browsertest.Text(t, sms, "main .sms-text"))
	if code == "" {
		t.Fatal("no code on /dev/sms")
	}
	return code
}

// downloadPDF clicks the link as the user does and returns the file the
// browser saved.
func downloadPDF(t *testing.T, tab context.Context, link string) []byte {
	t.Helper()
	dir := t.TempDir()
	progress := chromedp.Events(tab, browser.DownloadProgress)
	browsertest.Do(t, tab, chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
			Behavior: browser.SetDownloadBehaviorBehaviorAllowAndName, DownloadPath: dir, EventsEnabled: new(true)})
		return err
	}), chromedp.Click(chromedp.CSS(link)))
	for ev, err := range progress {
		if err != nil {
			t.Fatalf("download: %v", err)
		}
		switch ev.State {
		case browser.DownloadProgressStateCanceled:
			t.Fatal("the browser cancelled the download")
		case browser.DownloadProgressStateCompleted:
			b, err := os.ReadFile(filepath.Join(dir, ev.GUID))
			if err != nil {
				t.Fatal(err)
			}
			return b
		}
	}
	t.Fatal("no download")
	return nil
}

// writeCA saves the root the verification reached, for NSS to trust.
func writeCA(t *testing.T, res sign.Result) string {
	t.Helper()
	if len(res.Chain) == 0 {
		t.Fatal("no chain")
	}
	return pdftest.WriteFile(t, "ca.crt", res.Chain[len(res.Chain)-1].Raw)
}

func location(t *testing.T, tab context.Context) string {
	t.Helper()
	return browsertest.Get(t, tab, chromedp.Location())
}
