package providerdesk_test

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"qyzmet/internal/calendar"
	"qyzmet/internal/casework"
	"qyzmet/internal/store/storetest"
)

// Two officers register one apostille at once (AP-6.1): one succeeds, the
// other gets a clear conflict message in their language with the
// application as it now is, and the journal has one number. A double click
// by one officer is one result.
func TestTwoOfficersAtOnce_AP_6_1(t *testing.T) {
	d := newDesk(t, nil)
	app := d.apostille(d.person(0))
	first, second := d.staff("officer.a", casework.RoleOfficer), d.staff("officer.b", casework.RoleOfficer)
	_, pageA := first.Get(appPath(app.ID))
	_, pageB := second.Get(appPath(app.ID) + "?lang=ru")
	va, vb := pageVersion(t, pageA), pageVersion(t, pageB)

	resp, body := first.Post(appPath(app.ID)+"/commands/register", url.Values{"version": {va}})
	wantStatus(t, resp, body, http.StatusSeeOther)
	resp, body = second.Post(appPath(app.ID)+"/commands/register", url.Values{"version": {vb}})
	wantStatus(t, resp, body, http.StatusConflict)
	if !strings.Contains(body, "Пока страница была открыта, заявление изменил другой сотрудник") || !strings.Contains(body, `id="conflict"`) {
		t.Errorf("the second officer sees no conflict message in Russian:\n%s", excerpt(body))
	}
	if !strings.Contains(body, "зарегистрировано") {
		t.Errorf("the conflict page does not show the current state")
	}
	got := d.get(app.ID)
	if got.State != casework.StateRegistered || got.Number == "" || got.Version != app.Version+1 {
		t.Fatalf("application %s № %q v%d, want registered once", got.State, got.Number, got.Version)
	}

	// A double click: the second post meets its own first one.
	v := strconv.Itoa(got.Version)
	for range 2 {
		resp, body = first.Post(appPath(app.ID)+"/commands/start-verification", url.Values{"version": {v}})
		wantStatus(t, resp, body, http.StatusSeeOther)
	}
	if got := d.get(app.ID); got.State != casework.StateVerification || got.Version != app.Version+2 {
		t.Errorf("after a double click: %s v%d", got.State, got.Version)
	}
}

// The hearing before a refusal (AP-6.4): the preliminary refusal needs its
// grounds; the desk offers the days of the window and refuses a day outside
// it with the engine's error next to the date; a day inside is accepted;
// the minutes are kept; then the refusal (AP-STD-9) with the hearing's grounds.
func TestHearingWindow_AP_6_4(t *testing.T) {
	start := time.Now().Truncate(time.Minute)
	clock := storetest.NewClock(start)
	d := newDesk(t, clock)
	app := d.inVerification(d.apostille(d.person(1)), officer("officer.h", casework.RoleOfficer))
	c := d.staff("officer.h", casework.RoleOfficer)
	path := appPath(app.ID)

	_, page := c.Get(path)
	resp, body := c.Post(path+"/commands/preliminary-refusal", url.Values{"version": {pageVersion(t, page)}, "data.text": {"<script>alert(1)</script>"}})
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	if fieldError(body, "preliminary-refusal-grounds") == "" {
		t.Fatalf("no error next to the grounds:\n%s", excerpt(body))
	}
	if strings.Contains(body, "<script>alert(1)</script>") || !strings.Contains(body, "&lt;script&gt;") {
		t.Errorf("the reasons are not kept escaped")
	}
	resp, body = c.Post(path+"/commands/preliminary-refusal", url.Values{"version": {pageVersion(t, body)},
		"data.grounds": {"unreliable"}, "data.text": {"Мөр үлгідегі мөр емес"}})
	wantStatus(t, resp, body, http.StatusSeeOther)

	_, page = c.Get(path)
	today := calendar.DateOf(start)
	latest, _ := d.Sys.Calendar().AddWorkingDays(today, 2)
	if !strings.Contains(page, `min="`+today.String()+`" max="`+latest.String()+`"`) {
		t.Fatalf("the date input does not offer %s to %s:\n%s", today, latest, excerpt(page))
	}
	outside := latest.AddDays(7)
	resp, body = c.Post(path+"/commands/schedule-hearing", url.Values{"version": {pageVersion(t, page)},
		"data.at": {outside.String()}, "hearing_time": {"10:00"}, "data.method": {"in-person"}, "data.place": {"каб. 301"}})
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	if e := fieldError(body, "data-at"); !strings.Contains(e, "2") || !strings.Contains(e, latest.String()) {
		t.Errorf("error next to the date %q: want the 2-working-day limit and %s", e, latest)
	}
	if got := d.get(app.ID); got.State != casework.StatePreliminaryRefusal {
		t.Fatalf("a refused date changed the state to %s", got.State)
	}
	resp, body = c.Post(path+"/commands/schedule-hearing", url.Values{"version": {pageVersion(t, body)},
		"data.at": {latest.String()}, "hearing_time": {"10:00"}, "data.method": {"in-person"}, "data.place": {"каб. 301"}})
	wantStatus(t, resp, body, http.StatusSeeOther)

	// The hearing is held at its time.
	clock.Set(time.Date(latest.Year, latest.Month, latest.Day, 11, 0, 0, 0, calendar.Almaty))
	c = d.SignInStaff(t, "officer.h") // the session of two days ago has ended
	_, page = c.Get(path)
	resp, body = c.Post(path+"/commands/hold-hearing", url.Values{"version": {pageVersion(t, page)},
		"data.attended": {"yes"}, "data.position": {"Құжат түпнұсқа"}, "data.minutes": {"Өтініш беруші келді, ұстанымын айтты."}})
	wantStatus(t, resp, body, http.StatusSeeOther)
	_, page = c.Get(path)
	resp, body = c.Post(path+"/commands/refuse", url.Values{"version": {pageVersion(t, page)}, "data.grounds": {"unreliable"}})
	wantStatus(t, resp, body, http.StatusSeeOther)
	got := d.get(app.ID)
	if got.State != casework.StateRefused || got.Hearing.Minutes == "" || !got.Hearing.Attended || got.Decision.Grounds[0] != "unreliable" {
		t.Fatalf("after the hearing: %s, hearing %+v, decision %+v", got.State, got.Hearing, got.Decision)
	}
	_, page = c.Get(path + "?done=refuse")
	if !strings.Contains(page, "Өтініш беруші келді") || !strings.Contains(page, "/documents/") {
		t.Errorf("the page does not show the minutes and the refusal's documents")
	}
}

// After the additional check the officer issues the certificate: the finding
// is the officer's to state (CR-STD-5.1) and the place of birth the registry
// lacks is asked for, each refusal next to its field (CR-STD-3.1).
func TestIssueAfterAdditionalCheck_CR_STD_5_1_CR_STD_3_1(t *testing.T) {
	d := newDesk(t, nil)
	app := d.crAdditionalCheck(d.unknownPerson())
	c := d.staff("officer.i", casework.RoleOfficer)
	_, page := c.Get(appPath(app.ID))
	if !strings.Contains(page, `id="data-fields-birth_place"`) {
		t.Fatalf("no place of birth asked for a person the registry lacks")
	}
	resp, body := c.Post(appPath(app.ID)+"/commands/issue", url.Values{"version": {pageVersion(t, page)}})
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	if fieldError(body, "data-finding") == "" {
		t.Fatalf("no error next to the finding:\n%s", excerpt(body))
	}
	resp, body = c.Post(appPath(app.ID)+"/commands/issue", url.Values{"version": {pageVersion(t, body)}, "data.finding": {"no-record"}})
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	if fieldError(body, "data-fields-birth_place") == "" {
		t.Fatalf("no error next to the place of birth:\n%s", excerpt(body))
	}
	if d.get(app.ID).State != casework.StateAdditionalCheck {
		t.Fatalf("a refused issue changed the application")
	}
	resp, body = c.Post(appPath(app.ID)+"/commands/issue", url.Values{"version": {pageVersion(t, body)}, "data.finding": {"no-record"},
		"data.fields.birth_place": {"Қарағанды қаласы"}})
	wantStatus(t, resp, body, http.StatusSeeOther)
	got := d.get(app.ID)
	if got.State != casework.StateIssued || got.Decision.Finding != "no-record" || len(got.Documents) == 0 {
		t.Errorf("issued: %s %+v", got.State, got.Decision)
	}
}

// A refused post answers with the application's page, whose language switch
// leads back to that page rather than to the command's address.
func TestRefusedPostSwitchesLanguageOnItsPage(t *testing.T) {
	d := newDesk(t, nil)
	app := d.inVerification(d.apostille(d.person(70)), officer("officer.l", casework.RoleOfficer))
	c := d.staff("officer.l", casework.RoleOfficer)
	_, page := c.Get(appPath(app.ID))
	resp, body := c.Post(appPath(app.ID)+"/commands/preliminary-refusal", url.Values{"version": {pageVersion(t, page)}})
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	if !strings.Contains(body, `href="`+appPath(app.ID)+`?lang=ru"`) || strings.Contains(body, `/commands/preliminary-refusal?lang=`) {
		t.Errorf("the language switch of a refused post does not lead to the application's page")
	}
}
