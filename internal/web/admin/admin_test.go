package admin_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"qyzmet/internal/app"
	"qyzmet/internal/calendar"
	"qyzmet/internal/casework"
	"qyzmet/internal/standard"
	"qyzmet/internal/store/storetest"
	"qyzmet/internal/web"
	"qyzmet/internal/web/admin"
	"qyzmet/internal/web/ui"
	"qyzmet/internal/web/webtest"
)

func newSite(t *testing.T, clock *storetest.Clock) *webtest.Site {
	t.Helper()
	return webtest.New(t, webtest.Options{Clock: clock, Areas: []web.AreaFunc{
		func(d ui.Deps) (web.Area, error) { return admin.New(d) },
	}})
}

func adminClient(t *testing.T, qs *webtest.Site) *webtest.Client {
	t.Helper()
	qs.Staff(t, "root", "", casework.RoleAdmin)
	return qs.SignInStaff(t, "root")
}

func wantStatus(t *testing.T, what string, resp *http.Response, body string, status int) {
	t.Helper()
	if resp.StatusCode != status {
		t.Fatalf("%s: status %d, want %d\n%s", what, resp.StatusCode, status, body)
	}
}

var adminGets = []string{"/admin", "/admin/users", "/admin/users/root", "/admin/branches", "/admin/branches/astana-esil",
	"/admin/calendar", "/admin/mci", "/admin/standards", "/admin/organisations"}

var adminPosts = []string{"/admin/users", "/admin/users/root", "/admin/users/root/disable", "/admin/users/root/enable",
	"/admin/users/root/password", "/admin/branches", "/admin/branches/astana-esil", "/admin/branches/astana-esil/close",
	"/admin/branches/astana-esil/reopen", "/admin/calendar", "/admin/mci", "/admin/organisations", "/admin/organisations/end"}

// Every role but the administrator's gets 403 on every page and form of the
// area, and nothing changes; nobody signed in is sent to the staff sign-in.
func TestRoleBoundaries(t *testing.T) {
	qs := newSite(t, nil)
	adminClient(t, qs)
	for _, role := range nonAdminRoles() {
		t.Run(string(role), func(t *testing.T) {
			login := "x-" + string(role)
			qs.Staff(t, login, "astana-esil", role)
			c := qs.SignInStaff(t, login)
			for _, path := range adminGets {
				resp, body := c.Get(path)
				wantStatus(t, "GET "+path, resp, body, http.StatusForbidden)
			}
			for _, path := range adminPosts {
				resp, body := c.Post(path, url.Values{"login": {"intruder"}, "name": {"I"}, "roles": {"admin"}, "key": {"k"}})
				wantStatus(t, "POST "+path, resp, body, http.StatusForbidden)
			}
		})
	}
	t.Run("citizen", func(t *testing.T) {
		c := qs.SignInCitizen(t, qs.CleanCitizen(t, 1))
		resp, body := c.Get("/admin/users")
		wantStatus(t, "citizen", resp, body, http.StatusForbidden)
		resp, body = c.Post("/admin/users", url.Values{"login": {"intruder"}})
		wantStatus(t, "citizen post", resp, body, http.StatusForbidden)
	})
	t.Run("anonymous", func(t *testing.T) {
		resp, _ := qs.NewClient(t).Get("/admin")
		if loc := resp.Header.Get("Location"); resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(loc, ui.PathStaffSignIn) {
			t.Errorf("anonymous: %d → %s", resp.StatusCode, loc)
		}
	})
	if ok, _ := qs.Sys.Auth.UserExists(context.Background(), "intruder"); ok {
		t.Error("a refused post created an account")
	}
	if b, _ := qs.Sys.Branches.Branch(context.Background(), "astana-esil"); !b.Open() {
		t.Error("a refused post closed a branch")
	}
}

func nonAdminRoles() []casework.Role {
	return []casework.Role{casework.RoleOperator, casework.RoleOfficer, casework.RoleHead, casework.RoleArchivist,
		casework.RoleComplaints, casework.RoleQuality}
}

var passwordOnPage = regexp.MustCompile(`id="one-time-password">([A-Z2-7]{26})<`)

func TestUsers(t *testing.T) {
	qs := newSite(t, nil)
	c := adminClient(t, qs)
	ctx := context.Background()

	_, page := c.Get("/admin/users?lang=en")
	key := regexp.MustCompile(`name="key" value="([^"]+)"`).FindStringSubmatch(page)
	if key == nil {
		t.Fatal("the add form has no hidden key")
	}
	form := url.Values{"login": {"a.operator"}, "name": {"Айгүл Сейітова"}, "roles": {"operator"}, "branch": {"astana-esil"}, "key": {key[1]}}

	for _, bad := range []struct {
		name, field, value, want string
	}{
		{"script in the name", "name", "<script>alert(1)</script>", `id="name-error"`},
		{"bad login", "login", "Bad Login", `id="login-error"`},
		{"operator without a branch", "branch", "", `id="branch-error"`},
		{"unknown branch", "branch", "nowhere", `id="branch-error"`},
		{"no role", "roles", "", `id="roles-error"`},
	} {
		v := url.Values{}
		for k, vs := range form {
			v[k] = vs
		}
		if bad.value == "" {
			v.Del(bad.field)
		} else {
			v.Set(bad.field, bad.value)
		}
		resp, body := c.Post("/admin/users?lang=kk", v)
		if resp.StatusCode != 422 || !strings.Contains(body, bad.want) {
			t.Errorf("%s: status %d, error %s missing", bad.name, resp.StatusCode, bad.want)
		}
		if strings.Contains(body, "<script>alert") {
			t.Errorf("%s: the script came back unescaped", bad.name)
		}
	}
	if ok, _ := qs.Sys.Auth.UserExists(ctx, "a.operator"); ok {
		t.Fatal("a refused form created the account")
	}

	// A double click: one account, and the password the page shows last works.
	var password string
	for range 2 {
		resp, body := c.Post("/admin/users", form)
		wantStatus(t, "add", resp, body, http.StatusOK)
		m := passwordOnPage.FindStringSubmatch(body)
		if m == nil {
			t.Fatalf("no one-time password on the page:\n%s", body)
		}
		password = m[1]
	}
	if users, _ := qs.Sys.Auth.Users(ctx); len(users) != 2 {
		t.Errorf("%d accounts after a double click", len(users))
	}
	if _, err := qs.Sys.Auth.StaffSignIn(ctx, "a.operator", password); err != nil {
		t.Errorf("the shown password: %v", err)
	}

	// Change the roles; the account's new role shows.
	resp, body := c.Post("/admin/users/a.operator", url.Values{"name": {"Айгүл Сейітова"}, "roles": {"operator", "quality-officer"}, "branch": {"astana-esil"}})
	wantStatus(t, "save", resp, body, http.StatusSeeOther)
	if u, _ := qs.Sys.Auth.User(ctx, "a.operator"); !u.Has(casework.RoleQuality) {
		t.Errorf("roles = %v", u.Roles)
	}

	// The administrator cannot lock themselves out.
	resp, body = c.Post("/admin/users/root", url.Values{"name": {"Root"}, "roles": {"quality-officer"}})
	if resp.StatusCode != http.StatusForbidden || !strings.Contains(body, `id="roles-error"`) {
		t.Errorf("own admin role dropped: %d", resp.StatusCode)
	}
	resp, _ = c.Post("/admin/users/root/disable", url.Values{})
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("disabled themselves: %d", resp.StatusCode)
	}

	// Disable, then reset the password (shown once, the old one dead).
	resp, body = c.Post("/admin/users/a.operator/disable", url.Values{})
	wantStatus(t, "disable", resp, body, http.StatusSeeOther)
	if _, err := qs.Sys.Auth.StaffSignIn(ctx, "a.operator", password); err == nil {
		t.Error("a disabled account signed in")
	}
	resp, body = c.Post("/admin/users/a.operator/enable", url.Values{})
	wantStatus(t, "enable", resp, body, http.StatusSeeOther)
	resp, body = c.Post("/admin/users/a.operator/password", url.Values{})
	wantStatus(t, "reset", resp, body, http.StatusOK)
	if m := passwordOnPage.FindStringSubmatch(body); m == nil || m[1] == password || resp.Header.Get("Cache-Control") != "no-store" {
		t.Error("the reset did not show a new password once")
	}

	for _, path := range []string{"/admin/users/nobody", "/admin/branches/nowhere"} {
		resp, body := c.Get(path)
		wantStatus(t, path, resp, body, http.StatusNotFound)
	}
	resp, body = c.Post("/admin/users/nobody/password", url.Values{})
	wantStatus(t, "reset nobody", resp, body, http.StatusNotFound)
}

func TestBranches(t *testing.T) {
	qs := newSite(t, nil)
	c := adminClient(t, qs)
	ctx := context.Background()
	form := url.Values{"id": {"shymkent-1"}, "kind": {"state-corp"}, "class": {"major"}, "name.kk": {"Шымкент қ. №1 бөлім"},
		"name.ru": {"Отдел №1 г. Шымкента"}, "name.en": {"Shymkent department No. 1"}, "region": {"Шымкент"},
		"address": {"Шымкент қ., Тәуке хан даңғ., 5"}, "department": {"1"}, "windows": {"5"}}

	bad := url.Values{}
	for k, vs := range form {
		bad[k] = vs
	}
	bad.Set("address", `<img src=x onerror=alert(1)>`)
	resp, body := c.Post("/admin/branches", bad)
	if resp.StatusCode != 422 || !strings.Contains(body, `id="address-error"`) {
		t.Errorf("markup in the address: %d", resp.StatusCode)
	}
	bad.Set("address", "ok")
	bad.Set("windows", "0")
	if resp, body := c.Post("/admin/branches", bad); resp.StatusCode != 422 || !strings.Contains(body, `id="windows-error"`) {
		t.Errorf("no windows: %d", resp.StatusCode)
	}

	for range 2 { // a double click adds one branch
		resp, body = c.Post("/admin/branches", form)
		wantStatus(t, "add", resp, body, http.StatusSeeOther)
	}
	form.Set("windows", "7")
	resp, body = c.Post("/admin/branches", form)
	if resp.StatusCode != http.StatusConflict || !strings.Contains(body, `id="id-error"`) {
		t.Errorf("a taken code: %d", resp.StatusCode)
	}
	form.Set("class", "other")
	resp, body = c.Post("/admin/branches/shymkent-1", form)
	wantStatus(t, "save", resp, body, http.StatusSeeOther)
	resp, body = c.Post("/admin/branches/shymkent-1/close", url.Values{})
	wantStatus(t, "close", resp, body, http.StatusSeeOther)
	b, err := qs.Sys.Branches.Branch(ctx, "shymkent-1")
	if err != nil || b.Class != standard.Other || b.Windows != 7 || b.Open() {
		t.Errorf("branch = %+v, %v", b, err)
	}
}

// restart starts the system again on the site's database, as `qyzmet serve`
// does after a change of the law (no signing key: no documents are issued).
func restart(t *testing.T, qs *webtest.Site) *app.System {
	t.Helper()
	sys, err := app.Start(context.Background(), app.Config{DB: qs.DB, Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(sys.Stop)
	return sys
}

// accepted is the due date of a court apostille accepted now at a State
// Corporation department, paid with the MCI of 2027 (4,500 tenge).
func accepted(t *testing.T, sys *app.System, qs *webtest.Site, n int, today calendar.Date) calendar.Date {
	t.Helper()
	ctx := context.Background()
	p := casework.Party{Kind: casework.KindIndividual, IIN: qs.CleanCitizen(t, n), Surname: "Абенова", GivenName: "Айгерим",
		Phone: "+77011234567", Address: "Алматы, Абай 10"}
	op := casework.Actor{ID: "op-1", Role: casework.RoleOperator, Branch: "astana-esil"}
	a, _, err := sys.Engine.Submit(ctx, op, casework.SubmitInput{Service: standard.ApostilleCourt, Channel: standard.StateCorp,
		Applicant: p, Branch: "astana-esil", DepartmentClass: standard.Major,
		Payment:   &casework.Payment{Method: casework.PaymentGateway, Reference: "PG-" + p.IIN, AmountTenge: 2250, PaidOn: today},
		Documents: []casework.DocumentInput{{ID: "application", Provided: true}, {ID: "identity", Provided: true}, {ID: "court-document", Provided: true}}},
		"k-"+p.IIN)
	if err != nil {
		t.Fatal(err)
	}
	a, err = sys.Engine.Execute(ctx, op, a.ID, casework.Command{Name: "accept", ExpectedVersion: a.Version})
	if err != nil {
		t.Fatal(err)
	}
	for _, clock := range a.Clocks {
		if clock.ID == "deadline" {
			return clock.DueOn
		}
	}
	t.Fatalf("no deadline among %+v", a.Clocks)
	return calendar.Date{}
}

// Rule G-1: a transfer of days off entered on /admin changes the deadlines
// the engine computes right after, without a restart; the MCI of a new year
// entered there prices the state duty (AC-7) at once. Another process on the
// same database has the change after its reload (the minute's poll), and a
// process started later from the start.
func TestTransferChangesDeadline_G_1_AC_7(t *testing.T) {
	start := time.Date(2027, time.July, 2, 10, 0, 0, 0, calendar.Almaty) // Friday
	qs := newSite(t, storetest.NewClock(start))
	c := adminClient(t, qs)
	today := calendar.DateOf(start)
	other := restart(t, qs) // another process sharing the database

	resp, body := c.Post("/admin/mci", url.Values{"year": {"2027"}, "tenge": {"4 500"}, "ref": {"Law No. 1-VIII of 01.12.2026"},
		"act.kk": {"2027 жылғы республикалық бюджет туралы Заң"}, "act.ru": {"Закон о республиканском бюджете на 2027 год"},
		"act.en": {"Law on the republican budget for 2027"}})
	wantStatus(t, "MCI", resp, body, http.StatusSeeOther)
	_, body = c.Get("/admin/mci?lang=en")
	if strings.Contains(body, "in force on this server within a minute") {
		t.Error("the MCI page says the value is not in force yet")
	}
	if tenge, _, err := qs.Sys.Engine.Standards().MCI(today); err != nil || tenge != 4500 {
		t.Errorf("the running engine's MCI of 2027 is %d (%v), want 4500", tenge, err)
	}
	before := accepted(t, qs.Sys, qs, 1, today)

	// A bad transfer is refused next to its field, in the user's language.
	resp, body = c.Post("/admin/calendar?lang=ru", url.Values{"worked": {"2027-07-05"}, "off": {"2027-12-31"}, "source": {"Приказ"}})
	if resp.StatusCode != 422 || !strings.Contains(body, `id="worked-error"`) || !strings.Contains(body, "не выходной день") {
		t.Errorf("a Monday to be worked: %d", resp.StatusCode)
	}
	resp, body = c.Post("/admin/calendar", url.Values{"worked": {"2027-07-03"}, "off": {"2027-12-31"},
		"source": {"Order of the Minister of Labour No. 100 of 01.06.2027"}})
	wantStatus(t, "transfer", resp, body, http.StatusSeeOther)
	_, body = c.Get("/admin/calendar?lang=en&year=2027")
	if strings.Contains(body, "in force on this server within a minute") || !strings.Contains(body, "03.07.2027") {
		t.Error("the calendar page does not list the transfer as in force")
	}

	after := accepted(t, qs.Sys, qs, 2, today)
	t.Logf("due %s before the transfer, %s after", before, after)
	if !after.Before(before) || !qs.Sys.Engine.Calendar().IsWorkingDay(calendar.D(2027, time.July, 3)) {
		t.Errorf("due %s before the transfer, %s right after: want earlier", before, after)
	}
	if other.Engine.Calendar().IsWorkingDay(calendar.D(2027, time.July, 3)) {
		t.Fatal("the other process counts with the transfer before its reload")
	}
	if err := other.ReloadLaw(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got := accepted(t, other, qs, 3, today); got != after {
		t.Errorf("the other process counts %s after its reload, want %s", got, after)
	}
	if later := restart(t, qs); !later.Engine.Calendar().IsWorkingDay(calendar.D(2027, time.July, 3)) {
		t.Error("a process started after the change does not count with it")
	}
}
