package providerdesk_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"qyzmet/internal/browsertest"
	"qyzmet/internal/calendar"
	"qyzmet/internal/casework"
	"qyzmet/internal/store/storetest"
	"qyzmet/internal/web/webtest"
)

// screenshot saves the page as providerdesk-<name>.png in
// $QYZMET_SCREENSHOTS, else a temporary directory.
func screenshot(t *testing.T, tab context.Context, name string) {
	webtest.Screenshot(t, tab, "providerdesk-"+name+".png")
}

// visit opens a page, checks its accessibility and takes its picture.
func visit(t *testing.T, tab context.Context, url, shot string) {
	t.Helper()
	browsertest.Do(t, tab, chromedp.Navigate(url))
	browsertest.CheckA11y(t, tab)
	if shot != "" {
		screenshot(t, tab, shot)
	}
}

// signIn signs the browser in with a staff account.
func signIn(t *testing.T, tab context.Context, d *desk, login string) {
	t.Helper()
	d.BrowserSignInStaff(t, tab, login, "")
}

// A criminal-record request the registries cannot answer goes to the
// additional check (CR-STD-3.1); the officer finds it in the queue, weighs
// the evidence and, with the keyboard alone, sends the interim reply
// (CR-STD-3.4), which closes the application with its signed paper.
func TestBrowserAdditionalCheckEndsInInterimReply_CR_STD_3_1_CR_STD_3_4(t *testing.T) {
	tab := browsertest.New(t)
	d := newDesk(t, nil)
	app := d.crAdditionalCheck(d.unknownPerson())
	d.Staff(t, "officer.cr", "", casework.RoleOfficer)
	signIn(t, tab, d, "officer.cr")

	visit(t, tab, d.Base+"/desk/provider?service=criminal-record&lang=kk", "queue")
	if got := browsertest.Text(t, tab, ".pd-table tbody tr"); !strings.Contains(got, app.ID) || !strings.Contains(got, "қосымша") {
		t.Fatalf("the queue row is %q", got)
	}
	// Keyboard: the application's link, Enter.
	browsertest.Do(t, tab, chromedp.Focus(chromedp.CSS(`a[href="/desk/provider/applications/`+app.ID+`"]`)))
	browsertest.Load(t, tab, chromedp.KeyEvent("\r"))
	browsertest.CheckA11y(t, tab)
	screenshot(t, tab, "record-check")
	if got := browsertest.Text(t, tab, "#record-outcome"); !strings.Contains(got, "Қосымша анықтамалық тексеріс қажет") {
		t.Errorf("record check outcome %q", got)
	}
	if got := browsertest.Text(t, tab, ".pd-evidence"); !strings.Contains(got, "ЖСН адамдар тізілімінде жоқ") {
		t.Errorf("evidence %q", got)
	}

	// Keyboard: the reply's text, Tab to its button, Enter.
	browsertest.Do(t, tab, chromedp.Focus(chromedp.CSS("#cmd-interim-reply textarea")),
		chromedp.KeyEvent("Тексеріс 5 жұмыс күнінде аяқталмайды."), chromedp.KeyEvent("\t"))
	if tag := browsertest.Get(t, tab, chromedp.Evaluate[string](`document.activeElement.closest("#cmd-interim-reply") ? document.activeElement.tagName : ""`)); tag != "BUTTON" {
		t.Fatalf("Tab went to %q, want the interim reply's button", tag)
	}
	browsertest.Load(t, tab, chromedp.KeyEvent("\r"))
	browsertest.CheckA11y(t, tab)
	screenshot(t, tab, "interim-reply")
	if got := browsertest.Text(t, tab, ".notice-ok"); !strings.Contains(got, "Аралық жауап жіберу") {
		t.Errorf("done notice %q", got)
	}
	got := d.get(app.ID)
	if got.State != casework.StateInterimReply || got.Decision == nil || got.Decision.ReapplyFrom == nil || len(got.Documents) == 0 {
		t.Fatalf("after the interim reply: %s, %+v, %d documents", got.State, got.Decision, len(got.Documents))
	}
	if links := browsertest.Text(t, tab, ".pd-docs"); !strings.Contains(links, got.Documents[0].Number) {
		t.Errorf("the documents list %q lacks %s", links, got.Documents[0].Number)
	}
}

// A walk-in apostille refused after a hearing (AP-6.4, AP-STD-9): the
// preliminary refusal with its ground; a hearing date outside the window is
// refused next to the date in the user's language; a date inside is
// accepted; at the hearing the minutes; then the motivated refusal.
func TestBrowserApostilleRefusedAfterHearing_AP_6_4(t *testing.T) {
	tab := browsertest.New(t)
	start := time.Now().Truncate(time.Minute)
	clock := storetest.NewClock(start)
	d := newDesk(t, clock)
	off := officer("officer.ap", casework.RoleOfficer)
	app := d.inVerification(d.apostille(d.person(40)), off)
	d.Staff(t, "officer.ap", "", casework.RoleOfficer)
	signIn(t, tab, d, "officer.ap")
	page := d.Base + appPath(app.ID)

	visit(t, tab, page+"?lang=ru", "verification")
	browsertest.Do(t, tab, chromedp.Click(chromedp.CSS(`#cmd-preliminary-refusal input[value="unreliable"]`)),
		chromedp.SendKeys(chromedp.CSS("#cmd-preliminary-refusal textarea"), "Печать не совпадает с образцом"))
	browsertest.Load(t, tab, chromedp.Click(chromedp.CSS("#cmd-preliminary-refusal button")))
	browsertest.CheckA11y(t, tab)

	latest, _ := d.Sys.Calendar().AddWorkingDays(calendar.DateOf(start), 2)
	if max := browsertest.Get(t, tab, chromedp.AttributeValue(chromedp.CSS("#data-at"), "max")); max.Value != latest.String() {
		t.Fatalf("the date input's last day is %q, want %s", max.Value, latest)
	}
	// A day outside the window, typed past the picker.
	outside := latest.AddDays(10).String()
	browsertest.Do(t, tab, chromedp.SetValue(chromedp.CSS("#data-at"), outside), chromedp.SetValue(chromedp.CSS("#hearing_time"), "10:00"),
		chromedp.SendKeys(chromedp.CSS("#data-place"), "каб. 301"))
	browsertest.Load(t, tab, chromedp.Click(chromedp.CSS("#cmd-schedule-hearing button")))
	browsertest.CheckA11y(t, tab)
	screenshot(t, tab, "hearing-date-refused")
	if e := browsertest.Text(t, tab, "#data-at-error"); !strings.Contains(e, "не позднее 2 рабочих дней") {
		t.Fatalf("error next to the date: %q", e)
	}
	if d.get(app.ID).State != casework.StatePreliminaryRefusal {
		t.Fatalf("the refused date changed the application")
	}
	browsertest.Do(t, tab, chromedp.SetValue(chromedp.CSS("#data-at"), latest.String()))
	browsertest.Load(t, tab, chromedp.Click(chromedp.CSS("#cmd-schedule-hearing button")))
	if got := d.get(app.ID); got.State != casework.StateHearingScheduled {
		t.Fatalf("the hearing inside the window was not set: %s", got.State)
	}

	// The day of the hearing: a new session, the minutes, the refusal.
	clock.Set(time.Date(latest.Year, latest.Month, latest.Day, 11, 0, 0, 0, calendar.Almaty))
	signIn(t, tab, d, "officer.ap")
	visit(t, tab, page, "")
	browsertest.Do(t, tab, chromedp.SendKeys(chromedp.CSS("#data-position"), "Құжат түпнұсқа деп санаймын"),
		chromedp.SendKeys(chromedp.CSS("#data-minutes"), "Өтініш беруші келді. Мөр үлгімен сәйкес емес екені түсіндірілді."))
	browsertest.Load(t, tab, chromedp.Click(chromedp.CSS("#cmd-hold-hearing button")))
	browsertest.CheckA11y(t, tab)
	screenshot(t, tab, "hearing-held")
	if checked := browsertest.Get(t, tab, chromedp.Evaluate[bool](`document.querySelector('#cmd-refuse input[value="unreliable"]').checked`)); !checked {
		t.Errorf("the refusal does not carry the hearing's ground")
	}
	browsertest.Load(t, tab, chromedp.Click(chromedp.CSS("#cmd-refuse button")))
	browsertest.CheckA11y(t, tab)
	screenshot(t, tab, "refused")
	got := d.get(app.ID)
	if got.State != casework.StateRefused || !strings.Contains(got.Hearing.Minutes, "Мөр үлгімен") || len(got.Documents) < 2 {
		t.Fatalf("after the refusal: %s, minutes %q, %d documents", got.State, got.Hearing.Minutes, len(got.Documents))
	}
}

// The head signs the results the officers sent, many at once, and sees a
// line per application (AR-6.4: the head signs); then the dispatch list and
// the journal (AP-6.5, AP-6.1), each page checked for accessibility.
func TestBrowserHeadBatchSigning_AR_6_4_AP_6_5_AP_6_1(t *testing.T) {
	tab := browsertest.New(t)
	d := newDesk(t, nil)
	off := officer("officer.hb", casework.RoleOfficer)
	var ids []string
	for i := range 2 {
		app := d.inVerification(d.apostille(d.person(50+i)), off)
		d.exec(off, app.ID, "assign", map[string]string{"assignee": "role:head"})
		ids = append(ids, app.ID)
	}
	d.Staff(t, "head.hb", "", casework.RoleHead)
	signIn(t, tab, d, "head.hb")
	visit(t, tab, d.Base+"/desk/provider/sign?lang=en", "sign")
	browsertest.Load(t, tab, chromedp.Click(chromedp.CSS("main form button")))
	browsertest.CheckA11y(t, tab)
	screenshot(t, tab, "signed")
	if got := browsertest.Text(t, tab, "#batch-report"); !strings.Contains(got, "Done: 2, not done: 0.") {
		t.Errorf("report %q", got)
	}
	for _, id := range ids {
		if got := d.get(id); got.State != casework.StateIssued || got.Decision.DecidedBy != "head.hb" {
			t.Errorf("%s: %s by %+v", id, got.State, got.Decision)
		}
	}
	visit(t, tab, d.Base+"/desk/provider/dispatch", "dispatch")
	visit(t, tab, d.Base+"/desk/provider/journal", "journal")
	if got := browsertest.Text(t, tab, "#journal"); !strings.Contains(got, d.get(ids[0]).Number) {
		t.Errorf("the journal lacks %s: %q", d.get(ids[0]).Number, got)
	}
}

// An archival request about a person under 16 on 1 January 1940 is answered
// through the parents (AR-6.1): the desk's built-in search finds the parent's
// card, the officer opens it and, with the keyboard, records it as the answer
// (AR-6.3) and sends the application to the head, who signs the certificate
// in the batch (AR-6.4).
func TestBrowserArchivalCertificateThroughParents_AR_6_1_AR_6_3_AR_6_4(t *testing.T) {
	tab := browsertest.New(t)
	d := newDesk(t, nil)
	parent, child := d.cardWithMinorChild()
	app := d.minorRequest(parent, child)
	d.exec(officer("officer.ar", casework.RoleOfficer), app.ID, "start-verification", nil)
	d.Staff(t, "officer.ar", "", casework.RoleOfficer)
	signIn(t, tab, d, "officer.ar")

	visit(t, tab, d.Base+appPath(app.ID)+"?lang=kk", "archive-search")
	browsertest.Do(t, tab, chromedp.Focus(chromedp.CSS(`#archive-family a[href$="/cards/`+parent.ID+`"]`)))
	browsertest.Load(t, tab, chromedp.KeyEvent("\r"))
	browsertest.CheckA11y(t, tab)
	screenshot(t, tab, "card")
	browsertest.Do(t, tab, chromedp.Focus(chromedp.CSS("#choose-card")))
	browsertest.Load(t, tab, chromedp.KeyEvent("\r"))
	browsertest.CheckA11y(t, tab)
	screenshot(t, tab, "archival-recorded")
	if got := browsertest.Text(t, tab, "#recorded"); !strings.Contains(got, parent.ID) {
		t.Fatalf("the page does not show the recorded card: %q", got)
	}
	if got := browsertest.Text(t, tab, "#head-signs"); !strings.Contains(got, "басшы қол қояды") {
		t.Errorf("the issue form does not say the head signs: %q", got)
	}
	browsertest.Do(t, tab, chromedp.Focus(chromedp.CSS("#cmd-assign .pd-second button")))
	browsertest.Load(t, tab, chromedp.KeyEvent("\r"))
	if got := d.get(app.ID); got.Assignee != "role:head" || got.Verification == nil || got.Verification.CardID != parent.ID {
		t.Fatalf("after sending to the head: assignee %q, verification %+v", got.Assignee, got.Verification)
	}

	head := d.staff("head.ar", casework.RoleHead)
	_, body := head.Get("/desk/provider/sign")
	resp, body := head.Post("/desk/provider/sign", url.Values{"app": {picks(body)[app.ID]}})
	wantStatus(t, resp, body, http.StatusOK)
	if got := d.get(app.ID); got.State != casework.StateIssued || got.Decision.CardID != parent.ID || len(got.Documents) == 0 {
		t.Fatalf("after the head's signing: %s with card %q and %d documents", got.State, got.Decision.CardID, len(got.Documents))
	}
}
