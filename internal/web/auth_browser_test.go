package web

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"qyzmet/internal/apperr"
	"qyzmet/internal/auth"
	"qyzmet/internal/browsertest"
	"qyzmet/internal/casework"
	"qyzmet/internal/iin"
	"qyzmet/internal/standard"
	"qyzmet/internal/store"
	"qyzmet/internal/store/storetest"
)

// fakeDirectory knows one citizen.
type fakeDirectory struct{ p auth.Person }

func (d fakeDirectory) Person(ctx context.Context, number string) (auth.Person, error) {
	if number != d.p.IIN {
		return auth.Person{}, apperr.E(apperr.NotFound, "no phone").WithKey(auth.KeyNoPhone)
	}
	return d.p, nil
}

type signinSite struct {
	base string
	sms  *auth.DevSMS
	db   *store.DB
	iin  string
}

func newSigninSite(t *testing.T) signinSite {
	t.Helper()
	db := storetest.Engines()[0].Open(t, nil) // SQLite: the browser tests are about pages, the store suite covers both engines
	number, err := iin.Generate(time.Date(1990, 5, 17, 0, 0, 0, 0, time.UTC), iin.Female, 2)
	if err != nil {
		t.Fatal(err)
	}
	sms := &auth.DevSMS{}
	svc := &auth.Service{DB: db, SMS: sms, Directory: fakeDirectory{auth.Person{IIN: number, Name: "Айгүл Нұрланова", Phone: "+77011234567"}}}
	if err := svc.AddUser(context.Background(), auth.User{Login: "a.officer", Name: "Асқар Officer", Roles: []casework.Role{casework.RoleOfficer}}, "correct horse battery"); err != nil {
		t.Fatal(err)
	}
	set, err := standard.Default()
	if err != nil {
		t.Fatal(err)
	}
	s, err := New(Server{Standards: set, Demo: true, Auth: svc, DevSMS: sms})
	if err != nil {
		t.Fatal(err)
	}
	return signinSite{base: browsertest.Serve(t, s.Handler()), sms: sms, db: db, iin: number}
}

var sixDigits = regexp.MustCompile(`\b[0-9]{6}\b`)

func (s signinSite) lastCode(t *testing.T) string {
	t.Helper()
	msgs := s.sms.Messages()
	if len(msgs) == 0 {
		t.Fatal("no SMS")
	}
	return sixDigits.FindString(msgs[0].Text)
}

// screenshot saves a page to $QYZMET_SCREENSHOTS (docs/screenshots when the
// lead refreshes them), else to a temporary directory.
func screenshot(t *testing.T, tab context.Context, name string) {
	dir := os.Getenv("QYZMET_SCREENSHOTS")
	if dir == "" {
		dir = t.TempDir()
	}
	browsertest.Screenshot(t, tab, filepath.Join(dir, name))
}

// activeID is the id (else the tag) of the focused element, waiting up to a
// second for want: browsers apply autofocus after the load event.
func activeID(t *testing.T, tab context.Context, want string) string {
	var got string
	for range 50 {
		got = browsertest.Get(t, tab, chromedp.Evaluate[string](`document.activeElement.id || document.activeElement.tagName`))
		if got == want {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	return got
}

// A citizen signs in with the keyboard alone, in Russian chosen once
// (CR-STD-8.3); the wrong checksum, the replayed code and the accessibility of
// every page are checked on the way.
func TestBrowserCitizenSignIn_CR_STD_8_3(t *testing.T) {
	tab := browsertest.New(t)
	site := newSigninSite(t)

	// The language is chosen once, with ?lang=.
	browsertest.Do(t, tab, chromedp.Navigate(site.base+"/signin?lang=ru"))
	browsertest.CheckA11y(t, tab)
	screenshot(t, tab, "signin.png")

	// A wrong check digit: the error in Russian, next to the field.
	wrong := site.iin[:11] + string('0'+(site.iin[11]-'0'+1)%10)
	browsertest.Do(t, tab, chromedp.SendKeys(chromedp.CSS("#iin"), wrong))
	browsertest.Load(t, tab, chromedp.Click(chromedp.CSS("main form button")))
	if got, want := browsertest.Text(t, tab, ".field #iin-error"), (&iin.Error{Code: iin.CodeChecksum}).Message("ru"); got != want {
		t.Errorf("error next to the IIN = %q, want %q", got, want)
	}
	if v := browsertest.Get(t, tab, chromedp.AttributeValue(chromedp.CSS("#iin"), "aria-describedby")); !strings.Contains(v.Value, "iin-error") {
		t.Errorf("the field does not point at its error: %q", v.Value)
	}
	browsertest.CheckA11y(t, tab)
	screenshot(t, tab, "signin-error.png")
	if n := len(site.sms.Messages()); n != 0 {
		t.Fatalf("%d SMS after an invalid IIN", n)
	}

	// Keyboard only: the field has the focus, Tab reaches the button, Enter sends.
	browsertest.Do(t, tab, chromedp.Navigate(site.base+"/signin"))
	if id := activeID(t, tab, "iin"); id != "iin" {
		t.Fatalf("focus on %q, want the IIN field", id)
	}
	browsertest.Do(t, tab, chromedp.KeyEvent(site.iin), chromedp.KeyEvent("\t"))
	if id := activeID(t, tab, "BUTTON"); id != "BUTTON" {
		t.Fatalf("Tab went to %q, want the button", id)
	}
	browsertest.Load(t, tab, chromedp.KeyEvent("\r"))

	// The OTP page, still in Russian (remembered), names the masked number.
	if lang := browsertest.Get(t, tab, chromedp.Evaluate[string](`document.documentElement.lang`)); lang != "ru" {
		t.Errorf("language not remembered: %q", lang)
	}
	if got := browsertest.Text(t, tab, "main .lead"); !strings.Contains(got, "+7 *** *** 45 67") {
		t.Errorf("OTP page lead = %q", got)
	}
	browsertest.CheckA11y(t, tab)
	screenshot(t, tab, "signin-otp.png")
	code := site.lastCode(t)
	if id := activeID(t, tab, "code"); id != "code" {
		t.Fatalf("focus on %q, want the code field", id)
	}
	browsertest.Do(t, tab, chromedp.KeyEvent(code))
	browsertest.Load(t, tab, chromedp.KeyEvent("\r"))

	// Signed in: the citizen sees their name.
	if got := browsertest.Text(t, tab, ".who-name"); !strings.Contains(got, "Айгүл Нұрланова") {
		t.Errorf("signed in as %q", got)
	}
	browsertest.CheckA11y(t, tab)

	// The same code again: refused in words, and nothing changes.
	sessions := countRows(t, site.db, "auth_sessions")
	browsertest.Do(t, tab, chromedp.Navigate(site.base+"/signin/otp"))
	browsertest.Do(t, tab, chromedp.SendKeys(chromedp.CSS("#code"), code))
	browsertest.Load(t, tab, chromedp.Click(chromedp.CSS("main form button")))
	if got, want := browsertest.Text(t, tab, ".notice-bad p"), msg(auth.KeyOTPUsed, "ru"); got != want {
		t.Errorf("replayed code: notice %q, want %q", got, want)
	}
	if n := countRows(t, site.db, "auth_sessions"); n != sessions {
		t.Errorf("replayed code: sessions %d → %d", sessions, n)
	}

	// Sign out: the session ends.
	browsertest.Do(t, tab, chromedp.Navigate(site.base+PathSignedIn))
	browsertest.Load(t, tab, chromedp.Click(chromedp.CSS("main form button")))
	browsertest.Do(t, tab, chromedp.Navigate(site.base+PathSignedIn))
	if loc := browsertest.Get(t, tab, chromedp.Location()); !strings.Contains(loc, PathSignIn+"?next=") {
		t.Errorf("after sign-out the status page went to %q", loc)
	}

	// The development SMS page lists the code.
	browsertest.Do(t, tab, chromedp.Navigate(site.base+PathDevSMS))
	if got := browsertest.Text(t, tab, ".sms-text"); !strings.Contains(got, code) {
		t.Errorf("dev SMS page shows %q", got)
	}
	browsertest.CheckA11y(t, tab)
}

func TestBrowserStaffSignIn(t *testing.T) {
	tab := browsertest.New(t)
	site := newSigninSite(t)
	browsertest.Do(t, tab, chromedp.Navigate(site.base+PathStaffSignIn+"?lang=en"))
	browsertest.CheckA11y(t, tab)
	screenshot(t, tab, "staff-signin.png")

	browsertest.Do(t, tab, chromedp.SendKeys(chromedp.CSS("#login"), "a.officer"), chromedp.SendKeys(chromedp.CSS("#password"), "wrong horse battery"))
	browsertest.Load(t, tab, chromedp.Click(chromedp.CSS("main form button")))
	if got := browsertest.Text(t, tab, ".notice-bad p"); got != msg(auth.KeyBadCredentials, "en") {
		t.Errorf("wrong password: %q", got)
	}
	browsertest.CheckA11y(t, tab)

	browsertest.Do(t, tab, chromedp.SendKeys(chromedp.CSS("#password"), "correct horse battery"))
	browsertest.Load(t, tab, chromedp.Click(chromedp.CSS("main form button")))
	if got := browsertest.Text(t, tab, ".who-name"); !strings.Contains(got, "Асқар Officer") {
		t.Errorf("signed in as %q", got)
	}
	browsertest.CheckA11y(t, tab)
}

func countRows(t *testing.T, db *store.DB, table string) int {
	t.Helper()
	var n int
	err := db.ReadTx(context.Background(), func(tx *store.Tx) error {
		return tx.QueryRow(context.Background(), "SELECT COUNT(*) FROM "+table).Scan(&n)
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}
