package site_test

import (
	"context"
	"fmt"
	"io"
	"maps"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"qyzmet/internal/casework"
	"qyzmet/internal/i18n"
	"qyzmet/internal/store"
	"qyzmet/internal/web/ui"
	"qyzmet/internal/web/webtest"
)

// route is one state-changing form of the site, as the role that may send it.
type route struct {
	who  string // "citizen", a staff role, or "" for the public forms sent before sign-in
	path string
	form url.Values
}

// postRoutes are every POST route of every area's Mount (and of the public
// pages: sign-in, /verify), with real ids of w so that a forged request that
// got through would change something. TestEveryPostRouteIsListed keeps the
// list complete.
func postRoutes(w *world) []route {
	cr, ap, ar, comp := w.cr.ID, w.ap.ID, w.ar.ID, w.comp.ID
	version := func(a *casework.Application) url.Values { return url.Values{"version": {fmt.Sprint(a.Version)}} }
	citizen, op := "citizen", string(casework.RoleOperator)
	officer, head, complaints, admin := string(casework.RoleOfficer), string(casework.RoleHead), string(casework.RoleComplaints), string(casework.RoleAdmin)
	return []route{
		{"", "/signin", url.Values{"iin": {w.citizen}}},
		{"", "/signin/otp", url.Values{"code": {"000000"}}},
		{"", "/staff/signin", url.Values{"login": {w.logins[casework.RoleAdmin]}, "password": {webtest.Password(w.logins[casework.RoleAdmin])}}},
		{"", "/verify", url.Values{"number": {"KZ-0000"}, "issued": {"2026-01-01"}}},
		{"", "/verify/upload", nil},

		{citizen, "/apply/criminal-record", url.Values{"key": {"forged-1"}, "subject.relation": {"self"}}},
		{citizen, "/apply/pay/draft-1", url.Values{"action": {"pay"}}},
		{citizen, "/apply/confirm/draft-1", url.Values{"code": {"000000"}}},
		{citizen, "/apply/confirm/draft-1/resend", nil},
		{citizen, "/apply/consent/" + cr + "/send", nil},
		{citizen, "/apply/consent/" + cr, url.Values{"code": {"000000"}}},
		{citizen, "/cabinet/applications/" + cr + "/consent", url.Values{"decision": {"give"}, "version": {fmt.Sprint(w.cr.Version)}}},
		{citizen, "/cabinet/applications/" + cr + "/complaint", url.Values{"addressee": {"provider"}, "reply_method": {"electronic"},
			"text": {"Жалған шағым"}, "complainant.phone": {"+77015550000"}, "complainant.address": {"Астана"}, "idempotency_key": {"forged-2"}}},
		{citizen, "/cabinet/notifications/1/read", nil},
		{citizen, "/cabinet/notifications/read-all", nil},
		{citizen, "/cabinet/queue", url.Values{"branch": {worldBranch}, "service": {"criminal-record"}, "purpose": {"submit"}, "key": {"forged-3"}}},
		{citizen, "/cabinet/queue/" + w.ticket.ID + "/cancel", nil},
		{citizen, "/cabinet/organisations", url.Values{"bin": {"150340000019"}}},
		{citizen, "/cabinet/home-visit", url.Values{"service": {"criminal-record"}, "address": {"Астана"}, "key": {"forged-4"}}},

		{op, "/desk/front/intake", url.Values{"iin": {w.citizen}, "service": {"criminal-record"}, "key": {"forged-5"}}},
		{op, "/desk/front/applications/" + ap + "/commands/issue", version(w.ap)},
		{op, "/desk/front/queue/call", url.Values{"window": {"1"}}},
		{op, "/desk/front/queue/finish", url.Values{"window": {"1"}}},
		{op, "/desk/front/queue/walk-in", url.Values{"purpose": {"submit"}, "service": {"criminal-record"}}},
		{op, "/desk/front/queue/arrive", url.Values{"ticket": {w.ticket.ID}}},
		{op, "/desk/front/queue/visits/visit-1/schedule", url.Values{"scheduled_for": {"2026-12-01T10:00"}}},
		{op, "/desk/front/queue/visits/visit-1/close", url.Values{"status": {"done"}, "note": {"Жалған"}}},

		{officer, "/desk/provider/applications/" + ap + "/commands/register", version(w.ap)},
		{string(casework.RoleArchivist), "/desk/provider/applications/" + ar + "/commands/register", version(w.ar)},
		{head, "/desk/provider/sign", url.Values{"id": {ap}}},
		{officer, "/desk/provider/dispatch", url.Values{"id": {ap}}},

		{complaints, "/desk/complaints/new", url.Values{"about": {cr}, "addressee": {"provider"}, "form": {"paper"}, "text": {"Жалған"}, "idempotency_key": {"forged-6"}}},
		{complaints, "/desk/complaints/" + comp + "/forward", version(w.comp)},

		{admin, "/admin/users", url.Values{"login": {"forged"}, "name": {"Forged"}, "roles": {"admin"}, "password": {"forged-password-2026"}}},
		{admin, "/admin/users/" + w.logins[casework.RoleOperator], url.Values{"name": {"Forged"}, "roles": {"admin"}}},
		{admin, "/admin/users/" + w.logins[casework.RoleOperator] + "/disable", nil},
		{admin, "/admin/users/" + w.logins[casework.RoleOperator] + "/enable", nil},
		{admin, "/admin/users/" + w.logins[casework.RoleOperator] + "/password", url.Values{"password": {"forged-password-2026"}}},
		{admin, "/admin/branches", url.Values{"id": {"forged"}, "kind": {"state-corp"}, "name_kk": {"Жалған"}, "name_ru": {"Поддельный"}, "name_en": {"Forged"}}},
		{admin, "/admin/branches/" + worldBranch, url.Values{"windows": {"1"}}},
		{admin, "/admin/branches/" + worldBranch + "/close", nil},
		{admin, "/admin/branches/" + worldBranch + "/reopen", nil},
		{admin, "/admin/calendar", url.Values{"from": {"2026-12-12"}, "to": {"2026-12-14"}}},
		{admin, "/admin/mci", url.Values{"year": {"2027"}, "tenge": {"9999"}}},
		{admin, "/admin/organisations", url.Values{"bin": {"150340000019"}, "org_name": {"Жалған"}, "iin": {w.citizen}, "capacity": {"head"}, "key": {"forged-7"}}},
		{admin, "/admin/organisations/end", url.Values{"bin": {"150340000019"}, "iin": {w.citizen}}},
		{citizen, "/signout", nil}, // last: the control below ends the session
	}
}

// refusal is the message key of the page that refuses a forged form at path.
func refusal(path string) string {
	switch {
	case strings.HasPrefix(path, "/verify"):
		return "verify.cross_origin"
	case slices.Contains([]string{"/signin", "/signin/otp", "/staff/signin", "/signout"}, path):
		return "signin.refused"
	}
	return "error.refused"
}

// A forged form — without the session's CSRF token, or with it but sent from
// another site (by the Origin header of older browsers, or by Sec-Fetch-Site)
// — is refused with 403 on every POST route of the site, and changes nothing
// in the database or the SMS gateway. The public forms have no session and so
// no token: for them the cross-origin check is the guard.
func TestForgedFormsAreRefused(t *testing.T) {
	w := newWorld(t)
	visitors := map[string]*visitor{"": w.visitor(t)}
	visitors["citizen"] = w.visitor(t).citizen(t, w.citizen)
	for role, login := range w.logins {
		visitors[string(role)] = w.visitor(t).staff(t, login)
	}
	// The engine's jobs already due (the fixture's own) finish first: what
	// changes after this is the forged forms' doing.
	w.settle(t)
	before, sms := w.snapshot(t), len(w.Sys.DevSMS.Messages())
	for _, r := range postRoutes(w) {
		v := visitors[r.who]
		token := v.csrf(t)
		forgeries := map[string]http.Header{
			"other Origin":   {"Origin": {"https://evil.example"}},
			"cross-site":     {"Origin": {"https://evil.example"}, "Sec-Fetch-Site": {"cross-site"}},
			"without a CSRF": {"Origin": {w.Base}, "Sec-Fetch-Site": {"same-origin"}},
		}
		for name, header := range forgeries {
			withToken := name != "without a CSRF"
			if !withToken && r.who == "" {
				continue // no session, no token to leave out
			}
			form := maps.Clone(r.form)
			if form == nil {
				form = url.Values{}
			}
			if withToken && token != "" {
				form.Set("csrf", token)
			}
			status, body := v.post(t, r.path+"?lang=en", form, header)
			if want := ui.T(refusal(r.path), i18n.EN); status != http.StatusForbidden || !strings.Contains(body, want) {
				t.Errorf("%s POST %s %s: %d, want 403 saying %q", r.who, r.path, name, status, want)
			}
		}
	}
	after := w.snapshot(t)
	for _, table := range slices.Sorted(maps.Keys(before)) {
		if before[table] != after[table] {
			t.Errorf("%s changed after forged forms: %s → %s", table, before[table], after[table])
		}
	}
	if n := len(w.Sys.DevSMS.Messages()); n != sms {
		t.Errorf("%d SMS sent by forged forms", n-sms)
	}

	for _, r := range postRoutes(w) {
		v := visitors[r.who]
		form := maps.Clone(r.form)
		if form == nil {
			form = url.Values{}
		}
		if token := v.csrf(t); token != "" {
			form.Set("csrf", token)
		}
		if _, body := v.post(t, r.path+"?lang=en", form, sameOrigin); strings.Contains(body, ui.T(refusal(r.path), i18n.EN)) {
			t.Errorf("%s POST %s from the site itself is refused as forged", r.who, r.path)
		}
	}
}

// What a forged form could change: every table the forms write, with the
// columns a command updates in place.
var watched = map[string]string{
	"casework_applications":    "SELECT count(*) || '/' || coalesce(sum(version), 0) FROM casework_applications",
	"casework_events":          "SELECT count(*) FROM casework_events",
	"casework_idempotency":     "SELECT count(*) FROM casework_idempotency",
	"auth_users":               "SELECT count(*) || '/' || count(disabled_at) FROM auth_users",
	"auth_sessions":            "SELECT count(*) FROM auth_sessions",
	"auth_otp_challenges":      "SELECT count(*) || '/' || coalesce(sum(attempts), 0) FROM auth_otp_challenges",
	"auth_confirmations":       "SELECT count(*) FROM auth_confirmations",
	"org_branches":             "SELECT count(*) || '/' || count(closed_at) || '/' || sum(windows) FROM org_branches",
	"upload_files":             "SELECT count(*) FROM upload_files",
	"apply_drafts":             "SELECT count(*) FROM apply_drafts",
	"queue_tickets":            "SELECT count(*) || '/' || count(arrived_at) || '/' || count(called_at) || '/' || count(done_at) || '/' || count(cancelled_at) FROM queue_tickets",
	"queue_home_visits":        "SELECT count(*) FROM queue_home_visits",
	"admin_calendar_transfers": "SELECT count(*) FROM admin_calendar_transfers",
	"admin_mci_values":         "SELECT count(*) FROM admin_mci_values",
	"eregister_documents":      "SELECT count(*) FROM eregister_documents",
	"auth_bin_links":           "SELECT count(*) || '/' || count(ended_on) FROM auth_bin_links",
	"acting_sessions":          "SELECT count(*) FROM auth_sessions WHERE bin <> ''",
}

// settle waits, at most ten seconds, until no River job that is due is
// waiting or running.
func (w *world) settle(t *testing.T) {
	t.Helper()
	ctx := context.Background()
	for range 200 {
		var n int
		err := w.DB.ReadTx(ctx, func(tx *store.Tx) error {
			return tx.QueryRow(ctx, `SELECT count(*) FROM river_job WHERE state IN ('available', 'running', 'retryable') AND scheduled_at <= ?`,
				time.Now().UTC()).Scan(&n)
		})
		if err != nil {
			t.Fatal(err)
		}
		if n == 0 {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatal("the engine's due jobs did not finish in ten seconds")
}

func (w *world) snapshot(t *testing.T) map[string]string {
	t.Helper()
	out := map[string]string{}
	ctx := context.Background()
	err := w.DB.ReadTx(ctx, func(tx *store.Tx) error {
		for table, q := range watched {
			var v string
			if err := tx.QueryRow(ctx, q).Scan(&v); err != nil {
				return fmt.Errorf("%s: %w", table, err)
			}
			out[table] = v
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// visitor is a browser whose every header the test sets: webtest.Client
// always sends its own site's origin, which a forgery must not.
type visitor struct {
	base string
	http *http.Client
}

func (w *world) visitor(t *testing.T) *visitor {
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	return &visitor{base: w.Base, http: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}}
}

var sameOrigin = http.Header{"Sec-Fetch-Site": {"same-origin"}}

// citizen signs the visitor in as the citizen iin; w's SMS gives the code.
func (v *visitor) citizen(t *testing.T, iin string) *visitor {
	t.Helper()
	if s, _ := v.post(t, "/signin", url.Values{"iin": {iin}}, sameOrigin); s != http.StatusSeeOther {
		t.Fatalf("sign-in of %s: %d", iin, s)
	}
	_, body := v.get(t, "/dev/sms")
	if s, _ := v.post(t, "/signin/otp", url.Values{"code": {otp.FindString(body)}}, sameOrigin); s != http.StatusSeeOther {
		t.Fatalf("code of %s: %d", iin, s)
	}
	return v
}

func (v *visitor) staff(t *testing.T, login string) *visitor {
	t.Helper()
	if s, _ := v.post(t, "/staff/signin", url.Values{"login": {login}, "password": {webtest.Password(login)}}, sameOrigin); s != http.StatusSeeOther {
		t.Fatalf("sign-in of %s: %d", login, s)
	}
	return v
}

var csrfField = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

// csrf is the session's form token ("" before sign-in).
func (v *visitor) csrf(t *testing.T) string {
	t.Helper()
	_, body := v.get(t, "/")
	if m := csrfField.FindStringSubmatch(body); m != nil {
		return m[1]
	}
	return ""
}

func (v *visitor) get(t *testing.T, path string) (int, string) {
	t.Helper()
	resp, err := v.http.Get(v.base + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func (v *visitor) post(t *testing.T, path string, form url.Values, header http.Header) (int, string) {
	t.Helper()
	req, err := http.NewRequest("POST", v.base+path, strings.NewReader(form.Encode()))
	if err != nil {
		t.Fatal(err)
	}
	req.Header = header.Clone()
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := v.http.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// postRegistration is a line of an area's Mount that adds a POST route: a
// call of the area's post helper, or a "POST " pattern given to the mux —
// except inside the helpers themselves, whose pattern is their parameter.
var (
	postRegistration = regexp.MustCompile(`(?m)^\s*(post\(.*|mux\.Handle\("POST .*)$`)
	postHelper       = regexp.MustCompile(`"POST "\+(path|pattern),`)
)

// The table of TestForgedFormsAreRefused lists as many routes as the areas'
// Mount functions register: a new POST route fails here until it is listed
// there.
func TestEveryPostRouteIsListed(t *testing.T) {
	files, err := filepath.Glob("../*.go")
	if err != nil {
		t.Fatal(err)
	}
	areas, _ := filepath.Glob("../*/*.go")
	var registered []string
	for _, f := range append(files, areas...) {
		if strings.HasSuffix(f, "_test.go") || strings.HasPrefix(f, "../ui/") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range postRegistration.FindAllString(string(src), -1) {
			if !postHelper.MatchString(line) {
				registered = append(registered, f+": "+strings.TrimSpace(line))
			}
		}
	}
	// The same route for two roles (an officer's and an archivist's
	// command) counts once: the applications' ids are made alike.
	app := func() *casework.Application { return &casework.Application{ID: "{id}"} }
	listed := map[string]bool{}
	for _, r := range postRoutes(&world{cr: app(), ap: app(), ar: app(), comp: app(), logins: map[casework.Role]string{}}) {
		listed[r.path] = true
	}
	if len(registered) != len(listed) {
		t.Errorf("the areas register %d POST routes, the forgery table lists %d; the registrations:\n  %s",
			len(registered), len(listed), strings.Join(registered, "\n  "))
	}
}
