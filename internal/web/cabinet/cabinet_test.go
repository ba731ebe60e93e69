package cabinet_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"qyzmet/internal/calendar"
	"qyzmet/internal/casework"
	"qyzmet/internal/queue"
)

// An e-request of a criminal-record certificate is decided within seconds
// (CR-STD-3.1: 10 minutes is the ceiling); the cabinet lists it with its
// number and deadline date, tells its story in words, and gives the signed PDF.
func TestApplicationTimelineAndDownload_CR_STD_3_1(t *testing.T) {
	s := newPortal(t)
	alice := s.CleanCitizen(t, 0)
	app := s.submitCR(t, alice, alice)
	app = s.waitState(t, alice, app.ID, casework.StateIssued)
	if len(app.Documents) == 0 {
		t.Fatal("no signed document issued")
	}
	c := s.SignInCitizen(t, alice)

	resp, body := c.Get("/cabinet?lang=en")
	wantStatus(t, "cabinet", resp, http.StatusOK)
	wantIn(t, "cabinet", body, app.Documents[0].Number, "/cabinet/applications/"+app.ID, casework.StateIssued.Name().EN)

	resp, body = c.Get("/cabinet/applications/" + app.ID)
	wantStatus(t, "application", resp, http.StatusOK)
	wantIn(t, "application page", body, "Application submitted", "Document signed and entered in the e-Register",
		"/cabinet/applications/"+app.ID+"/documents/"+app.Documents[0].Number, "No criminal record")

	// The verify link opens the e-Register's form filled with the number and
	// the date of issue; sending it finds the document.
	doc := app.Documents[0]
	link := "/verify?number=" + doc.Number + "&amp;issued=" + calendar.DateOf(doc.IssuedAt).String()
	wantIn(t, "application page", body, link)
	resp, form := c.Get(strings.ReplaceAll(link, "&amp;", "&") + "&lang=en")
	wantStatus(t, "verify form", resp, http.StatusOK)
	wantIn(t, "verify form", form, `value="`+doc.Number+`"`, `value="`+calendar.DateOf(doc.IssuedAt).String()+`"`)
	resp, found := c.Post("/verify?lang=en", url.Values{"number": {doc.Number}, "issued": {calendar.DateOf(doc.IssuedAt).String()}})
	wantStatus(t, "verify", resp, http.StatusOK)
	wantIn(t, "verify", found, "Qyzmet issued this document")
	if strings.Contains(body, `hx-trigger="every`) {
		t.Error("a decided application still polls")
	}

	resp, pdf := c.Get("/cabinet/applications/" + app.ID + "/documents/" + app.Documents[0].Number)
	wantStatus(t, "download", resp, http.StatusOK)
	if resp.Header.Get("Content-Type") != "application/pdf" || !strings.HasPrefix(pdf, "%PDF") {
		t.Errorf("download: %s, starts %q", resp.Header.Get("Content-Type"), pdf[:min(len(pdf), 8)])
	}
	if cd := resp.Header.Get("Content-Disposition"); !strings.Contains(cd, `filename="`+app.Documents[0].Number+`.pdf"`) {
		t.Errorf("Content-Disposition = %q", cd)
	}
}

// A pending request polls until decided; the poll stops once it is.
func TestPendingRequestRefreshes_CR_STD_3_1(t *testing.T) {
	s := newPortal(t)
	alice, bob := s.CleanCitizen(t, 1), s.CleanCitizen(t, 2)
	app := s.submitCR(t, alice, bob) // about Bob: it waits for his consent
	c := s.SignInCitizen(t, alice)
	_, body := c.Get("/cabinet/applications/" + app.ID)
	if strings.Contains(body, `hx-trigger="every`) {
		t.Error("an application waiting for consent polls")
	}
	wantIn(t, "waiting application", body, casework.StateSubmitted.Name().KK)
}

// Another person's application id in any URL gets the same 404 as a missing
// one, and nothing changes.
func TestAnotherPersonsIDIsNotFound(t *testing.T) {
	s := newPortal(t)
	alice, mallory := s.CleanCitizen(t, 3), s.CleanCitizen(t, 4)
	app := s.submitCR(t, alice, alice)
	app = s.waitState(t, alice, app.ID, casework.StateIssued)
	m := s.SignInCitizen(t, mallory)
	events, complaints := s.count(t, "casework_events"), s.count(t, "casework_applications")

	_, missing := m.Get("/cabinet/applications/0000")
	doc := app.Documents[0].Number
	for _, path := range []string{"/cabinet/applications/" + app.ID, "/cabinet/applications/" + app.ID + "/documents/" + doc,
		"/cabinet/applications/" + app.ID + "/complaint", "/cabinet/applications/" + app.ID + "/talon"} {
		resp, body := m.Get(path)
		wantStatus(t, path, resp, http.StatusNotFound)
		// The language links repeat the path asked for; the rest is the same.
		body = langLinks.ReplaceAllString(body, "")
		if body != langLinks.ReplaceAllString(missing, "") {
			t.Errorf("%s answers differently from a missing id", path)
		}
		if strings.Contains(body, s.party(t, alice).Surname) {
			t.Errorf("%s shows whose application it is", path)
		}
	}
	for path, form := range map[string]url.Values{
		"/cabinet/applications/" + app.ID + "/consent":   {"decision": {"give"}, "version": {fmt.Sprint(app.Version)}},
		"/cabinet/applications/" + app.ID + "/complaint": {"addressee": {"provider"}, "text": {"x"}, "reply_method": {"electronic"}, "complainant.address": {"x"}, "complainant.phone": {"+77010000000"}},
	} {
		resp, _ := m.Post(path, form)
		wantStatus(t, path, resp, http.StatusNotFound)
	}
	if e, c := s.count(t, "casework_events"), s.count(t, "casework_applications"); e != events || c != complaints {
		t.Errorf("events %d → %d, applications %d → %d", events, e, complaints, c)
	}
}

// Rule CR-STD-8.4: the person a third-party request is about is asked in their
// cabinet and consents there; the applicant cannot consent for them.
func TestConsentInCabinet_CR_STD_8_4(t *testing.T) {
	s := newPortal(t)
	employer, worker := s.CleanCitizen(t, 5), s.CleanCitizen(t, 6)
	app := s.submitCR(t, employer, worker)

	e := s.SignInCitizen(t, employer)
	resp, _ := e.Post("/cabinet/applications/"+app.ID+"/consent", url.Values{"decision": {"give"}, "version": {fmt.Sprint(app.Version)}})
	wantStatus(t, "consent by the applicant", resp, http.StatusForbidden)
	if got, _ := s.Sys.Engine.Get(context.Background(), applicant(employer), app.ID); got.State != casework.StateSubmitted || got.ConsentGiven != nil {
		t.Fatalf("the applicant's consent changed the request: %s", got.State)
	}
	_, body := e.Get("/cabinet/consents")
	if strings.Contains(body, "/cabinet/applications/"+app.ID+"/consent") {
		t.Error("the applicant is offered to consent for another")
	}

	w := s.SignInCitizen(t, worker)
	_, body = w.Get("/cabinet?lang=en")
	wantIn(t, "worker's cabinet", body, "1 requests about you wait for your consent.")
	_, body = w.Get("/cabinet/consents")
	wantIn(t, "consents", body, "/cabinet/applications/"+app.ID+"/consent", s.party(t, employer).Surname)
	resp, _ = w.Post("/cabinet/applications/"+app.ID+"/consent", url.Values{"decision": {"give"}, "version": {fmt.Sprint(app.Version)}})
	wantStatus(t, "consent", resp, http.StatusSeeOther)
	s.waitState(t, worker, app.ID, casework.StateIssued)
	_, body = w.Get("/cabinet/consents?lang=en")
	wantIn(t, "consents after", body, "No request waits for your consent.")
}

var langLinks = regexp.MustCompile(`(?s)<nav class="langs".*?</nav>`)

var keyField = regexp.MustCompile(`name="idempotency_key" value="([0-9a-f]+)"`)

func formKey(t *testing.T, body string) string {
	t.Helper()
	m := keyField.FindStringSubmatch(body)
	if m == nil {
		t.Fatal("the form carries no idempotency key")
	}
	return m[1]
}

// Rule G-5: a slot is booked from the cabinet on a working day; a double click
// books once, a second booking that day for the same purpose is refused next
// to the slot, and another person cannot cancel it.
func TestBookSlot_G_5(t *testing.T) {
	s := newPortal(t)
	alice, bob := s.CleanCitizen(t, 7), s.CleanCitizen(t, 8)
	c := s.SignInCitizen(t, alice)
	day := calendar.DateOf(s.clock.Now()).String()
	resp, body := c.Get("/cabinet/queue?lang=en&branch=astana-saryarka&day=" + day)
	wantStatus(t, "queue page", resp, http.StatusOK)
	wantIn(t, "queue page", body, `value="`+day+`" selected`, `name="start"`)
	slots, err := s.Sys.Queue.Slots(context.Background(), "astana-saryarka", calendar.DateOf(s.clock.Now()))
	if err != nil || len(slots) < 2 {
		t.Fatalf("slots: %v, %v", slots, err)
	}
	form := url.Values{"branch": {"astana-saryarka"}, "purpose": {"submit"}, "service": {"criminal-record"}, "day": {day},
		"start": {slots[0].Start.Format("2006-01-02T15:04:05Z07:00")}, "idempotency_key": {formKey(t, body)}}
	for range 2 {
		resp, _ = c.Post("/cabinet/queue", form)
		wantStatus(t, "book", resp, http.StatusSeeOther)
	}
	mine, _ := s.Sys.Queue.Mine(context.Background(), alice)
	if len(mine) != 1 {
		t.Fatalf("a double click made %d bookings", len(mine))
	}
	_, body = c.Get(resp.Header.Get("Location"))
	wantIn(t, "booked page", body, mine[0].Number, "You are booked")

	form.Set("idempotency_key", "another-click")
	form.Set("start", slots[1].Start.Format("2006-01-02T15:04:05Z07:00"))
	resp, body = c.Post("/cabinet/queue?lang=en", form)
	wantStatus(t, "second booking", resp, http.StatusConflict)
	wantIn(t, "second booking", body, `id="start-error"`, "You already have a booking that day")

	form.Set("start", "tomorrow at nine")
	resp, body = c.Post("/cabinet/queue?lang=en", form)
	wantStatus(t, "bad time", resp, http.StatusUnprocessableEntity)
	wantIn(t, "bad time", body, "Choose a time from the list")

	b := s.SignInCitizen(t, bob)
	resp, _ = b.Post("/cabinet/queue/"+mine[0].ID+"/cancel", url.Values{})
	wantStatus(t, "cancel by another", resp, http.StatusNotFound)
	resp, _ = c.Post("/cabinet/queue/"+mine[0].ID+"/cancel", url.Values{})
	wantStatus(t, "cancel", resp, http.StatusSeeOther)
	if mine, _ := s.Sys.Queue.Mine(context.Background(), alice); mine[0].CancelledAt == nil {
		t.Error("not cancelled")
	}
}

// Rule G-6: a home visit is requested from the cabinet; markup in the address
// is refused next to the field and nothing is stored.
func TestHomeVisitRequest_G_6(t *testing.T) {
	s := newPortal(t)
	alice := s.CleanCitizen(t, 9)
	c := s.SignInCitizen(t, alice)
	_, body := c.Get("/cabinet/home-visit")
	form := url.Values{"branch": {"karaganda-1"}, "service": {"criminal-record"}, "phone": {"+7 701 555 44 33"},
		"reason": {"Мүгедектігім бар, үйден шыға алмаймын"}, "address": {`<script>alert("x")</script>`},
		"idempotency_key": {formKey(t, body)}}
	resp, body := c.Post("/cabinet/home-visit?lang=en", form)
	wantStatus(t, "markup", resp, http.StatusUnprocessableEntity)
	wantIn(t, "markup", body, `id="address-error"`, "The address must not contain")
	if strings.Contains(body, `<script>alert`) {
		t.Error("the script is echoed unescaped")
	}
	if n := s.count(t, "queue_home_visits"); n != 0 {
		t.Fatalf("%d requests stored after an error", n)
	}
	form.Set("address", "Қарағанды қ., Ерубаев к., 12, 5 пәтер")
	for range 2 {
		resp, _ = c.Post("/cabinet/home-visit", form)
		wantStatus(t, "request", resp, http.StatusSeeOther)
	}
	visits, _ := s.Sys.Queue.HomeVisits(context.Background(), "karaganda-1")
	if len(visits) != 1 || visits[0].Phone != "+77015554433" || visits[0].Status != queue.VisitRequested {
		t.Fatalf("visits = %+v", visits)
	}
	_, body = c.Get("/cabinet/home-visit?sent=1")
	wantIn(t, "my requests", body, "Ерубаев")
}

// Rule CP-7: a complaint about my application is registered with a talon —
// number, date, who accepted it, the reply's deadline and place, the contact
// 1414 — and the script in its text is shown as text.
func TestComplaintTalon_CP_7(t *testing.T) {
	s := newPortal(t)
	alice := s.CleanCitizen(t, 10)
	app := s.submitCR(t, alice, alice)
	s.waitState(t, alice, app.ID, casework.StateIssued)
	c := s.SignInCitizen(t, alice)
	resp, body := c.Get("/cabinet/applications/" + app.ID + "/complaint")
	wantStatus(t, "complaint form", resp, http.StatusOK)
	form := url.Values{"addressee": {"provider"}, "reply_method": {"electronic"}, "complainant.address": {"Астана қ., Бейбітшілік к., 1"},
		"complainant.phone": {"+77015550000"}, "text": {`Анықтама кеш берілді <script>alert("x")</script>`}, "idempotency_key": {formKey(t, body)}}
	var where string
	for range 2 {
		resp, _ = c.Post("/cabinet/applications/"+app.ID+"/complaint", form)
		wantStatus(t, "complaint", resp, http.StatusSeeOther)
		if where != "" && resp.Header.Get("Location") != where {
			t.Error("a double click filed two complaints")
		}
		where = resp.Header.Get("Location")
	}
	_, body = c.Get(where + "&lang=en")
	all, _ := s.Sys.Engine.List(context.Background(), applicant(alice), casework.Filter{})
	var complaint *casework.Application
	for i := range all {
		if all[i].Complaint != nil {
			if complaint != nil {
				t.Fatal("two complaints")
			}
			complaint = &all[i]
		}
	}
	if complaint == nil {
		t.Fatal("no complaint")
	}
	tl := complaint.Complaint.Talon
	wantIn(t, "talon", body, "Your complaint is registered", tl.Number, "contact centre 1414", "Reply due by",
		fmt.Sprintf("%02d.%02d.%04d", tl.ReplyDueOn.Day, tl.ReplyDueOn.Month, tl.ReplyDueOn.Year), "&lt;script&gt;")
	if strings.Contains(body, `<script>alert`) {
		t.Error("the complaint's script is not escaped")
	}
	resp, body = c.Get("/cabinet/applications/" + complaint.ID + "/talon")
	wantStatus(t, "printable talon", resp, http.StatusOK)
	wantIn(t, "printable talon", body, tl.Number, tl.AcceptedBy)

	// An empty address is refused next to its field, in the user's language.
	form.Set("complainant.address", "")
	form.Set("idempotency_key", "other")
	resp, body = c.Post("/cabinet/applications/"+app.ID+"/complaint?lang=ru", form)
	wantStatus(t, "no address", resp, http.StatusUnprocessableEntity)
	wantIn(t, "no address", body, `id="complainant-address-error"`, "почтовый адрес")
}

// Notifications are listed with an unread count; marking one read lowers it,
// and another person's notification is not found.
func TestNotificationsMarkRead(t *testing.T) {
	s := newPortal(t)
	alice, bob := s.CleanCitizen(t, 11), s.CleanCitizen(t, 12)
	app := s.submitCR(t, alice, alice)
	s.waitState(t, alice, app.ID, casework.StateIssued)
	notes, err := s.Sys.Engine.Notifications(context.Background(), applicant(alice))
	if err != nil || len(notes) == 0 {
		t.Fatalf("notifications: %v, %v", notes, err)
	}
	c := s.SignInCitizen(t, alice)
	_, body := c.Get("/cabinet/notifications?lang=en")
	wantIn(t, "notifications", body, notes[0].Text.EN, fmt.Sprintf(`<span class="cab-badge">%d`, len(notes)))

	b := s.SignInCitizen(t, bob)
	resp, _ := b.Post(fmt.Sprintf("/cabinet/notifications/%d/read", notes[0].ID), url.Values{})
	wantStatus(t, "another's notification", resp, http.StatusNotFound)

	resp, _ = c.Post(fmt.Sprintf("/cabinet/notifications/%d/read", notes[0].ID), url.Values{})
	wantStatus(t, "mark read", resp, http.StatusSeeOther)
	resp, _ = c.Post("/cabinet/notifications/read-all", url.Values{})
	wantStatus(t, "mark all", resp, http.StatusSeeOther)
	_, body = c.Get("/cabinet/notifications")
	if strings.Contains(body, `class="cab-badge"`) {
		t.Error("unread badge after marking all read")
	}
}
