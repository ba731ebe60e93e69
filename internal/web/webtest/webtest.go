// Package webtest runs the whole of Qyzmet for the tests of the web areas: a
// fresh database (SQLite by default; PostgreSQL with Options.Engine), the
// demo registries, the real casework engine with its River jobs, a
// demonstration signing key, the development SMS gateway, and the site on a
// local address. A browser test drives it with chromedp (internal/browsertest);
// a hostile-input test uses Client, a signed-in HTTP client with a cookie jar.
//
// Area tests import it from their external test package (package apply_test):
// webtest imports package web, which imports every area.
package webtest

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"qyzmet/internal/app"
	"qyzmet/internal/auth"
	"qyzmet/internal/browsertest"
	"qyzmet/internal/casework"
	"qyzmet/internal/registry/csvimport"
	"qyzmet/internal/sign"
	"qyzmet/internal/store"
	"qyzmet/internal/store/storetest"
	"qyzmet/internal/web"
)

// Options change the site a test gets.
type Options struct {
	// Engine is the database engine; the zero value is SQLite.
	Engine *storetest.Engine
	// Clock fixes the time; nil is real time (the River jobs then run at once).
	Clock *storetest.Clock
	// Counts of the demo registries; zero is csvimport.DemoCounts.
	Counts csvimport.Counts
	// Areas are the areas of the site under test (site.Areas for all); the
	// public pages and the sign-in are always there.
	Areas []web.AreaFunc
}

// Site is Qyzmet running for one test.
type Site struct {
	Base string // http://127.0.0.1:port
	Sys  *app.System
	DB   *store.DB

	phones atomic.Int64
}

// DemoSeed is the seed of the demo registries the site loads (serve --demo's).
const DemoSeed = 1

// New starts a site; it stops when t ends.
func New(t testing.TB, o Options) *Site {
	t.Helper()
	e := storetest.Engines()[0]
	if o.Engine != nil {
		e = *o.Engine
	}
	db := e.Open(t, o.Clock)
	counts := o.Counts
	if counts == (csvimport.Counts{}) {
		counts = csvimport.DemoCounts
	}
	ctx := context.Background()
	if _, err := csvimport.Load(ctx, db, DemoSeed, counts); err != nil {
		t.Fatalf("demo registries: %v", err)
	}
	pki := t.TempDir()
	signer, err := sign.NewDemoCA(pki)
	if err != nil {
		t.Fatal(err)
	}
	roots, err := sign.LoadTrust(pki)
	if err != nil {
		t.Fatal(err)
	}
	s := &Site{DB: db}
	// The QR codes point at the site, whose address is known only once it
	// listens: the handler is set after the system starts.
	var handler atomic.Value
	base := browsertest.Serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		handler.Load().(http.Handler).ServeHTTP(w, r)
	}))
	s.Base = base
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	if testing.Verbose() {
		log = slog.New(slog.NewTextHandler(testWriter{t}, nil))
	}
	sys, err := app.Start(ctx, app.Config{DB: db, Log: log, Signer: signer, Roots: roots, PublicURL: base, DevSMS: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(sys.Stop)
	s.Sys = sys
	now := time.Now
	if o.Clock != nil {
		now = o.Clock.Now
	}
	site, err := web.New(web.Server{System: sys, Demo: true, Log: log, Now: now, Areas: o.Areas,
		// Tests sign in many times from one address.
		SignInLimit: web.RateLimit{Burst: 1000, Every: time.Millisecond}})
	if err != nil {
		t.Fatal(err)
	}
	handler.Store(site.Handler())
	return s
}

type testWriter struct{ t testing.TB }

func (w testWriter) Write(b []byte) (int, error) {
	w.t.Log(strings.TrimRight(string(b), "\n"))
	return len(b), nil
}

// Citizen registers a mobile number for the person of the registry with this
// IIN, so that they can sign in, and returns the IIN.
func (s *Site) Citizen(t testing.TB, iin string) string {
	t.Helper()
	dir := s.Sys.Auth.Directory.(*auth.DBDirectory)
	phone := fmt.Sprintf("+7702%07d", s.phones.Add(1))
	if err := dir.RegisterPhone(context.Background(), iin, phone); err != nil {
		t.Fatal(err)
	}
	return iin
}

// CleanCitizen is a person of the demo registry with an IIN and no
// conviction, who can sign in; n picks a different one.
func (s *Site) CleanCitizen(t testing.TB, n int) string {
	t.Helper()
	var iin string
	err := s.DB.ReadTx(context.Background(), func(tx *store.Tx) error {
		return tx.QueryRow(context.Background(), `SELECT p.iin FROM persons p
			WHERE NOT EXISTS (SELECT 1 FROM convictions c WHERE c.iin = p.iin)
			  AND birth_date < '2006-01-01' AND birth_date > '1950-01-01'
			ORDER BY p.iin LIMIT 1 OFFSET ?`, n).Scan(&iin)
	})
	if err != nil {
		t.Fatal(err)
	}
	return s.Citizen(t, iin)
}

// Staff adds a staff account with role (and branch, for operators) and
// returns its login; the password is the login reversed plus "-pass".
func (s *Site) Staff(t testing.TB, login string, branch string, roles ...casework.Role) string {
	t.Helper()
	err := s.Sys.Auth.AddUser(context.Background(), auth.User{Login: login, Name: "Test " + login, Roles: roles, Branch: branch}, Password(login))
	if err != nil {
		t.Fatal(err)
	}
	return login
}

// Password is the password Staff gives login.
func Password(login string) string { return login + "-pass-2026" }

var sixDigits = regexp.MustCompile(`\b[0-9]{6}\b`)

// LastCode is the one-time password last sent to the number of iin.
func (s *Site) LastCode(t testing.TB, iin string) string {
	t.Helper()
	p, err := s.Sys.Auth.Directory.Person(context.Background(), iin)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range s.Sys.DevSMS.Messages() { // newest first
		if m.Phone == p.Phone {
			return sixDigits.FindString(m.Text)
		}
	}
	t.Fatalf("no SMS to %s", p.Phone)
	return ""
}

// Client is a browser-less visitor with a cookie jar, for hostile input.
type Client struct {
	site *Site
	http *http.Client
	t    testing.TB
}

// NewClient is a visitor nobody has signed in yet.
func (s *Site) NewClient(t testing.TB) *Client {
	jar, _ := cookiejar.New(nil)
	return &Client{site: s, t: t, http: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}}
}

// SignInCitizen signs a new client in as the citizen iin by OTP.
func (s *Site) SignInCitizen(t testing.TB, iin string) *Client {
	t.Helper()
	c := s.NewClient(t)
	resp, _ := c.Post("/signin", url.Values{"iin": {iin}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("sign-in of %s: status %d", iin, resp.StatusCode)
	}
	resp, _ = c.Post("/signin/otp", url.Values{"code": {s.LastCode(t, iin)}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("code of %s: status %d", iin, resp.StatusCode)
	}
	return c
}

// SignInStaff signs a new client in as the staff account login.
func (s *Site) SignInStaff(t testing.TB, login string) *Client {
	t.Helper()
	c := s.NewClient(t)
	resp, _ := c.Post("/staff/signin", url.Values{"login": {login}, "password": {Password(login)}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("sign-in of %s: status %d", login, resp.StatusCode)
	}
	return c
}

// Get fetches path (without following redirects) and returns the answer and its body.
func (c *Client) Get(path string) (*http.Response, string) {
	c.t.Helper()
	resp, err := c.http.Get(c.site.Base + path)
	if err != nil {
		c.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

var csrfField = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

// CSRF is the form token of the client's session ("" before sign-in).
func (c *Client) CSRF() string {
	c.t.Helper()
	_, body := c.Get("/")
	if m := csrfField.FindStringSubmatch(body); m != nil {
		return m[1]
	}
	return ""
}

// Post sends a form as a same-origin browser would, with the session's CSRF
// token added unless the values carry one.
func (c *Client) Post(path string, v url.Values) (*http.Response, string) {
	c.t.Helper()
	if _, ok := v["csrf"]; !ok {
		if tok := c.CSRF(); tok != "" {
			v = cloneValues(v)
			v.Set("csrf", tok)
		}
	}
	return c.Send("POST", path, "application/x-www-form-urlencoded", strings.NewReader(v.Encode()))
}

// Send sends a body of any type (multipart uploads) from this site's origin.
func (c *Client) Send(method, path, contentType string, body io.Reader) (*http.Response, string) {
	c.t.Helper()
	req, err := http.NewRequest(method, c.site.Base+path, body)
	if err != nil {
		c.t.Fatal(err)
	}
	req.Header.Set("Content-Type", contentType)
	req.Header.Set("Origin", c.site.Base)
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	resp, err := c.http.Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

func cloneValues(v url.Values) url.Values {
	out := url.Values{}
	for k, vs := range v {
		out[k] = append([]string(nil), vs...)
	}
	return out
}
