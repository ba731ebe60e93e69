package complaintsdesk_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"qyzmet/internal/audit"
	"qyzmet/internal/calendar"
	"qyzmet/internal/casework"
	"qyzmet/internal/iin"
	"qyzmet/internal/standard"
	"qyzmet/internal/store/storetest"
	"qyzmet/internal/web"
	"qyzmet/internal/web/complaintsdesk"
	"qyzmet/internal/web/ui"
	"qyzmet/internal/web/webtest"
)

func at(y int, m time.Month, d, hh, mm int) time.Time {
	return time.Date(y, m, d, hh, mm, 0, 0, calendar.Almaty)
}

// desk is the site with the complaints desk alone, on a fixed clock that
// starts at 10:00 in Astana on the first working day after tomorrow (the demo
// signing certificate is valid from the test's start).
type desk struct {
	t     *testing.T
	qs    *webtest.Site
	clock *storetest.Clock
}

var keys atomic.Int64

// complainantIIN is a valid IIN of a woman born on 1 January 1990.
var complainantIIN = func() string {
	for serial := 1; ; serial++ {
		if n, err := iin.Generate(time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC), iin.Female, serial); err == nil {
			return n
		}
	}
}()

func newDesk(t *testing.T) *desk {
	t.Helper()
	cal := calendar.Default()
	day := cal.NextWorkingDay(calendar.DateOf(time.Now().Add(24 * time.Hour)))
	clock := storetest.NewClock(at(day.Year, day.Month, day.Day, 10, 0))
	qs := webtest.New(t, webtest.Options{Clock: clock, Areas: []web.AreaFunc{
		func(d ui.Deps) (web.Area, error) { return complaintsdesk.New(d) },
	}})
	return &desk{t: t, qs: qs, clock: clock}
}

// application is a court apostille accepted at a State Corporation branch: the
// application the complaints are about.
func (d *desk) application(n int) *casework.Application {
	d.t.Helper()
	p := casework.Party{Kind: casework.KindIndividual, IIN: d.qs.CleanCitizen(d.t, n), Surname: "Абенова", GivenName: "Айгерим",
		Phone: "+77011234567", Address: "Алматы, Абай 10"}
	op := casework.Actor{ID: "op-1", Role: casework.RoleOperator, Branch: "ALM-1"}
	ctx := context.Background()
	app, _, err := d.qs.Sys.Engine.Submit(ctx, op, casework.SubmitInput{Service: standard.ApostilleCourt, Channel: standard.StateCorp,
		Applicant: p, Branch: "ALM-1", DepartmentClass: standard.Major,
		Payment:   &casework.Payment{Method: casework.PaymentGateway, Reference: "PG-1", AmountTenge: 2162, PaidOn: calendar.DateOf(d.clock.Now())},
		Documents: []casework.DocumentInput{{ID: "application", Provided: true}, {ID: "identity", Provided: true}, {ID: "court-document", Provided: true}}},
		fmt.Sprintf("k-%d", keys.Add(1)))
	if err != nil {
		d.t.Fatal(err)
	}
	app, err = d.qs.Sys.Engine.Execute(ctx, op, app.ID, casework.Command{Name: "accept", ExpectedVersion: app.Version})
	if err != nil {
		d.t.Fatal(err)
	}
	return app
}

// complaintForm is a valid paper complaint about the application numbered about.
func complaintForm(about, addressee, key string) url.Values {
	return url.Values{"about": {about}, "addressee": {addressee}, "form": {"paper"}, "channel": {"provider-office"},
		"reply_method": {"post"}, "complainant.kind": {"individual"}, "complainant.iin": {complainantIIN},
		"complainant.surname": {"Серікова"}, "complainant.given_name": {"Дана"}, "complainant.phone": {"+77017654321"},
		"complainant.address": {"Астана, Қабанбай батыр 5, 12"}, "text": {"Апостиль мерзімінде қойылмады."}, "idempotency_key": {key}}
}

// file registers a complaint and returns its ID.
func (d *desk) file(c *webtest.Client, v url.Values) string {
	d.t.Helper()
	resp, body := c.Post(ui.PathComplaintDesk+"/new", v)
	if resp.StatusCode != http.StatusSeeOther {
		d.t.Fatalf("register: status %d\n%s", resp.StatusCode, body)
	}
	loc := resp.Header.Get("Location")
	id, _, _ := strings.Cut(strings.TrimPrefix(loc, ui.PathComplaintDesk+"/"), "?")
	return id
}

func (d *desk) complaints() []casework.Application {
	d.t.Helper()
	apps, err := d.qs.Sys.Engine.List(context.Background(), casework.Actor{ID: "admin", Role: casework.RoleAdmin}, casework.Filter{Service: standard.Complaint})
	if err != nil {
		d.t.Fatal(err)
	}
	return apps
}

func (d *desk) get(id string) *casework.Application {
	d.t.Helper()
	app, err := d.qs.Sys.Engine.Get(context.Background(), casework.Actor{ID: "admin", Role: casework.RoleAdmin}, id)
	if err != nil {
		d.t.Fatal(err)
	}
	return app
}

func wantIn(t *testing.T, body string, parts ...string) {
	t.Helper()
	for _, p := range parts {
		if !strings.Contains(body, p) {
			t.Errorf("page lacks %q", p)
		}
	}
}

// Only the desk's roles reach it: a citizen and an operator get 403, nobody
// signed in goes to the staff sign-in.
func TestDeskRefusesOthers_CP_1(t *testing.T) {
	d := newDesk(t)
	citizen := d.qs.SignInCitizen(t, d.qs.CleanCitizen(t, 0))
	op := d.qs.SignInStaff(t, d.qs.Staff(t, "op-1", "ALM-1", casework.RoleOperator))
	for name, c := range map[string]*webtest.Client{"citizen": citizen, "operator": op} {
		for _, path := range []string{"", "/new", "/some-id", "/some-id/talon"} {
			if resp, _ := c.Get(ui.PathComplaintDesk + path); resp.StatusCode != http.StatusForbidden {
				t.Errorf("%s at %s: %d, want 403", name, path, resp.StatusCode)
			}
		}
		if resp, _ := c.Post(ui.PathComplaintDesk+"/new", complaintForm("x", "provider", "k")); resp.StatusCode != http.StatusForbidden {
			t.Errorf("%s registering: %d, want 403", name, resp.StatusCode)
		}
	}
	if resp, _ := d.qs.NewClient(t).Get(ui.PathComplaintDesk); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("nobody at the desk: %d, want a redirect to sign in", resp.StatusCode)
	}
	if n := len(d.complaints()); n != 0 {
		t.Errorf("%d complaints after refused requests", n)
	}
}

// A paper complaint registered at the desk by the application's number gets
// its talon (CP-7, AC-18): number, date, who accepted, reply due, where, and
// the contact centre 1414 (AC-17); a double submission gives one complaint;
// the view is audited.
func TestRegisterPaperComplaintWithTalon_CP_7_AC_18(t *testing.T) {
	d := newDesk(t)
	about := d.application(1)
	login := d.qs.Staff(t, "reviewer", "", casework.RoleComplaints)
	c := d.qs.SignInStaff(t, login)
	form := complaintForm(about.ID, casework.AddresseeProvider, "key-1")
	id := d.file(c, form)
	if again := d.file(c, form); again != id {
		t.Errorf("double submission made %s and %s", id, again)
	}
	if n := len(d.complaints()); n != 1 {
		t.Fatalf("%d complaints after a double submission, want 1", n)
	}
	app := d.get(id)
	if app.Complaint.Form != "paper" || app.Complaint.About != about.ID || app.Applicant.Surname != "Серікова" {
		t.Errorf("complaint %+v", app.Complaint)
	}
	resp, body := c.Get(ui.PathComplaintDesk + "/" + id + "?filed=1&lang=en")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("complaint page: %d", resp.StatusCode)
	}
	tl := app.Complaint.Talon
	// Rule CP-3: the reply is due 5 working days after registration.
	today := calendar.DateOf(d.clock.Now())
	if due, _ := calendar.Default().AddWorkingDays(today, 5); tl.ReplyDueOn != due || tl.Date != today {
		t.Errorf("talon of %s due %s, want %s due %s", tl.Date, tl.ReplyDueOn, today, due)
	}
	wantIn(t, body, tl.Number, ui.FormatDate(today), "Test reviewer", ui.FormatDate(tl.ReplyDueOn), "1414", "is registered", about.Number, "Серікова")
	resp, body = c.Get(ui.PathComplaintDesk + "/" + id + "/talon?lang=kk")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("talon: %d", resp.StatusCode)
	}
	wantIn(t, body, "Талон", tl.Number, ui.FormatDate(tl.ReplyDueOn), "1414", "Қабанбай батыр" /* reply by post: to the address */)
	entries, err := d.qs.Sys.Audit.Entries(context.Background(), audit.Filter{ApplicationID: id})
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) == 0 || entries[0].ActorID != login {
		t.Errorf("no audit entry of the complaint's view: %+v", entries)
	}
}

// Bad input changes nothing and is answered next to its field in the user's
// language: a wrong IIN checksum, a script in the text, an unknown number.
func TestRegisterRefusesBadInput_CP_7(t *testing.T) {
	d := newDesk(t)
	about := d.application(1)
	c := d.qs.SignInStaff(t, d.qs.Staff(t, "reviewer", "", casework.RoleComplaints))
	for _, tt := range []struct {
		name, field, value, id, want string
	}{
		{"wrong IIN checksum", "complainant.iin", complainantIIN[:11] + string('0'+(complainantIIN[11]-'0'+1)%10), "complainant-iin-error", "Контрольный разряд"},
		{"script in the text", "text", `<script>alert(1)</script>`, "text-error", "HTML"},
		{"unknown application", "about", "NO-SUCH-1", "about-error", "не найдено"},
		{"no phone", "complainant.phone", "", "complainant-phone-error", "телефон"},
		{"another body's addressee", "addressee", "nowhere", "addressee-error", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			form := complaintForm(about.ID, casework.AddresseeProvider, "k-"+tt.name)
			form.Set(tt.field, tt.value)
			form.Set("lang", "ru")
			resp, body := c.Post(ui.PathComplaintDesk+"/new?lang=ru", form)
			if resp.StatusCode < 400 {
				t.Fatalf("status %d", resp.StatusCode)
			}
			i := strings.Index(body, `id="`+tt.id+`"`)
			if i < 0 {
				t.Fatalf("no error next to %s", tt.field)
			}
			if msg := body[i:min(len(body), i+300)]; !strings.Contains(msg, tt.want) {
				t.Errorf("error %q lacks %q", msg, tt.want)
			}
			if strings.Contains(body, "<script>alert") {
				t.Error("the script came back unescaped")
			}
		})
	}
	if n := len(d.complaints()); n != 0 {
		t.Errorf("%d complaints after bad input", n)
	}
}

// The provider's head forwards a complaint within CP-2's 3 working days, the
// reviewing body replies (CP-3); a stale form gets the conflict in words; the
// list shows the 3-day clock overdue once it has run out, in red and in words.
func TestForwardThenReply_CP_2_CP_3(t *testing.T) {
	d := newDesk(t)
	about := d.application(1)
	reviewer := d.qs.SignInStaff(t, d.qs.Staff(t, "reviewer", "", casework.RoleComplaints))
	head := d.qs.SignInStaff(t, d.qs.Staff(t, "head", "", casework.RoleHead))
	id := d.file(reviewer, complaintForm(about.ID, casework.AddresseeProvider, "k1"))

	// The reviewing body cannot reply before the provider forwards (CP-2).
	_, body := reviewer.Get(ui.PathComplaintDesk + "/" + id + "?lang=en")
	if strings.Contains(body, `action="/desk/complaints/`+id+`/reply"`) {
		t.Error("reply offered before forwarding")
	}
	_, body = head.Get(ui.PathComplaintDesk + "?lang=en")
	wantIn(t, body, "3 working days left")

	// Rule CP-2: once the 3 working days have run out the clock is overdue.
	for _, k := range d.get(id).Clocks {
		if k.ID == "forward-or-satisfy" {
			d.clock.Set(k.Due.Add(time.Hour))
		}
	}
	// Sessions end when idle: the clock's jump ended them.
	head = d.qs.SignInStaff(t, "head")
	reviewer = d.qs.SignInStaff(t, "reviewer")
	_, body = head.Get(ui.PathComplaintDesk + "?lang=en")
	wantIn(t, body, "cd-row-overdue", "OVERDUE", "Overdue complaints: 1")

	version := d.get(id).Version
	resp, body := head.Post(ui.PathComplaintDesk+"/"+id+"/forward", url.Values{"version": {fmt.Sprint(version)}, "forward.text": {"Іс қоса жіберілді."}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("forward: %d\n%s", resp.StatusCode, body)
	}
	if app := d.get(id); app.State != casework.StateForwarded {
		t.Fatalf("state %s after forward", app.State)
	}
	// The same stale form again: a conflict, said in words.
	resp, body = head.Post(ui.PathComplaintDesk+"/"+id+"/forward?lang=en", url.Values{"version": {fmt.Sprint(version)}})
	if resp.StatusCode != http.StatusConflict || !strings.Contains(body, "changed in the meantime") {
		t.Errorf("stale forward: %d, no conflict message", resp.StatusCode)
	}

	// Rule CP-3: the reviewing body replies; a stale version is a conflict.
	cur := d.get(id).Version
	resp, body = reviewer.Post(ui.PathComplaintDesk+"/"+id+"/reply?lang=en", url.Values{"version": {fmt.Sprint(cur - 1)},
		"reply.outcome": {"upheld"}, "reply.text": {"x"}})
	if resp.StatusCode != http.StatusConflict || !strings.Contains(body, "changed in the meantime") {
		t.Errorf("stale reply: %d", resp.StatusCode)
	}
	resp, body = reviewer.Post(ui.PathComplaintDesk+"/"+id+"/reply?lang=en", url.Values{"version": {fmt.Sprint(cur)}, "reply.text": {"x"}})
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, `id="reply-outcome-error"`) {
		t.Errorf("reply without outcome: %d, error not next to the field", resp.StatusCode)
	}
	resp, _ = reviewer.Post(ui.PathComplaintDesk+"/"+id+"/reply", url.Values{"version": {fmt.Sprint(cur)},
		"reply.outcome": {"upheld"}, "reply.text": {"Апостиль кешіктірілді; қызметкерге ескерту жасалды."}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("reply: %d", resp.StatusCode)
	}
	app := d.get(id)
	if app.State != casework.StateReviewed || app.Decision.Outcome != casework.OutcomeUpheld || app.Decision.Rule != "CP-3" {
		t.Errorf("after reply: %s %+v", app.State, app.Decision)
	}
}

// Rule CP-2: the provider may satisfy the complaint in full instead; the
// reason is required, next to its field.
func TestSatisfyInFull_CP_2(t *testing.T) {
	d := newDesk(t)
	about := d.application(1)
	officer := d.qs.SignInStaff(t, d.qs.Staff(t, "officer", "", casework.RoleOfficer))
	id := d.file(officer, complaintForm(about.ID, casework.AddresseeProvider, "k1"))
	v := fmt.Sprint(d.get(id).Version)
	resp, body := officer.Post(ui.PathComplaintDesk+"/"+id+"/satisfy", url.Values{"version": {v}})
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, `id="satisfy-text-error"`) {
		t.Errorf("satisfy without text: %d", resp.StatusCode)
	}
	resp, _ = officer.Post(ui.PathComplaintDesk+"/"+id+"/satisfy", url.Values{"version": {v}, "satisfy.text": {"Апостиль қайта қойылды."}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("satisfy: %d", resp.StatusCode)
	}
	if app := d.get(id); app.State != casework.StateSatisfied {
		t.Errorf("state %s", app.State)
	}
}

// Rule CP-4, AC-21: a complaint to the quality-control body is the quality
// officer's, with 15 working days; the provider's staff do not see it (404,
// the same as a missing one), and the quality officer does not see the
// provider's complaints.
func TestQualityBodyComplaint_CP_4(t *testing.T) {
	d := newDesk(t)
	about := d.application(1)
	quality := d.qs.SignInStaff(t, d.qs.Staff(t, "quality", "", casework.RoleQuality))
	head := d.qs.SignInStaff(t, d.qs.Staff(t, "head", "", casework.RoleHead))
	q := d.file(quality, complaintForm(about.ID, casework.AddresseeQualityBody, "k1"))
	p := d.file(head, complaintForm(about.ID, casework.AddresseeProvider, "k2"))
	if resp, _ := head.Get(ui.PathComplaintDesk + "/" + q); resp.StatusCode != http.StatusNotFound {
		t.Errorf("head on the quality body's complaint: %d, want 404", resp.StatusCode)
	}
	if resp, _ := quality.Get(ui.PathComplaintDesk + "/" + p); resp.StatusCode != http.StatusNotFound {
		t.Errorf("quality officer on the provider's complaint: %d, want 404", resp.StatusCode)
	}
	if resp, _ := quality.Get(ui.PathComplaintDesk + "/" + about.ID); resp.StatusCode != http.StatusNotFound {
		t.Errorf("a service application on the complaints desk: %d, want 404", resp.StatusCode)
	}
	resp, _ := head.Post(ui.PathComplaintDesk+"/new", complaintForm(about.ID, casework.AddresseeQualityBody, "k3"))
	if resp.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("head registering for the quality body: %d", resp.StatusCode)
	}
	_, body := quality.Get(ui.PathComplaintDesk + "?lang=en")
	wantIn(t, body, d.get(q).Number, "15 working days left")
	if strings.Contains(body, `/desk/complaints/`+p+`"`) {
		t.Error("the quality officer's list shows the provider's complaint")
	}
	resp, _ = quality.Post(ui.PathComplaintDesk+"/"+q+"/reply", url.Values{"version": {fmt.Sprint(d.get(q).Version)},
		"reply.outcome": {"rejected"}, "reply.text": {"Мерзім сақталды."}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("reply: %d", resp.StatusCode)
	}
	if app := d.get(q); app.Decision == nil || app.Decision.Rule != "CP-4" {
		t.Errorf("decision %+v", app.Decision)
	}
}

// Every page of the desk is in Kazakh, Russian and English: no message key
// shows as itself.
func TestEveryPageInThreeLanguages_CP_7(t *testing.T) {
	d := newDesk(t)
	about := d.application(1)
	c := d.qs.SignInStaff(t, d.qs.Staff(t, "head", "", casework.RoleHead))
	id := d.file(c, complaintForm(about.ID, casework.AddresseeProvider, "k1"))
	for _, lang := range []string{"kk", "ru", "en"} {
		for _, path := range []string{"", "?show=all", "/new", "/" + id, "/" + id + "/talon"} {
			resp, body := c.Get(ui.PathComplaintDesk + path + sep(path) + "lang=" + lang)
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("%s in %s: %d", path, lang, resp.StatusCode)
			}
			if strings.Contains(strings.ReplaceAll(body, "complaintsdesk.css", ""), "complaintsdesk.") {
				t.Errorf("%s in %s shows a message key", path, lang)
			}
		}
	}
}

func sep(path string) string {
	if strings.Contains(path, "?") {
		return "&"
	}
	return "?"
}
