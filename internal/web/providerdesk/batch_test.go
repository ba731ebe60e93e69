package providerdesk_test

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"qyzmet/internal/audit"
	"qyzmet/internal/calendar"
	"qyzmet/internal/casework"
	"qyzmet/internal/standard"
	"qyzmet/internal/store/storetest"
)

var pickRe = regexp.MustCompile(`name="app" value="([^"]+)"`)

// picks are the id:version keys a batch page offers.
func picks(body string) map[string]string {
	out := map[string]string{}
	for _, m := range pickRe.FindAllStringSubmatch(body, -1) {
		id, _, _ := strings.Cut(m[1], ":")
		out[id] = m[1]
	}
	return out
}

// The head signs many results at once (AR-6.4: the head signs): the officers
// send decided applications to the head's list; one signing runs one command
// per application and reports each line — one changed meanwhile by an
// officer is a conflict and left as it is.
func TestHeadSignsBatch_AR_6_4(t *testing.T) {
	d := newDesk(t, nil)
	off := officer("officer.b", casework.RoleOfficer)
	var ids []string
	for i := range 3 {
		app := d.inVerification(d.apostille(d.person(10+i)), off)
		d.exec(off, app.ID, "assign", map[string]string{"assignee": "role:head"})
		ids = append(ids, app.ID)
	}
	head := d.staff("head.b", casework.RoleHead)
	resp, body := head.Get("/desk/provider/sign")
	wantStatus(t, resp, body, http.StatusOK)
	keys := picks(body)
	for _, id := range ids {
		if keys[id] == "" {
			t.Fatalf("application %s is not on the head's list:\n%s", id, excerpt(body))
		}
	}
	// An officer takes the third back before the head signs.
	d.exec(off, ids[2], "assign", map[string]string{"assignee": "officer.b"})

	resp, body = head.Post("/desk/provider/sign", url.Values{"app": {keys[ids[0]], keys[ids[1]], keys[ids[2]]}})
	wantStatus(t, resp, body, http.StatusConflict)
	if !strings.Contains(body, "Орындалды: 2, орындалмады: 1.") || !strings.Contains(body, "Қақтығыс") {
		t.Errorf("the report does not say 2 done and 1 conflict:\n%s", excerpt(body))
	}
	for i, id := range ids {
		got := d.get(id)
		switch {
		case i < 2 && (got.State != casework.StateIssued || got.Decision.DecidedBy != "head.b"):
			t.Errorf("%s: %s decided by %+v, want issued by the head", id, got.State, got.Decision)
		case i == 2 && got.State != casework.StateVerification:
			t.Errorf("the conflicting application is %s", got.State)
		}
	}
	// Signing again what is signed already is no second result.
	resp, body = head.Post("/desk/provider/sign", url.Values{"app": {keys[ids[0]]}})
	if !strings.Contains(body, "бұрын орындалған") {
		t.Errorf("a repeated signing is not reported as already done (%d):\n%s", resp.StatusCode, excerpt(body))
	}
}

// Paper results go to the State Corporation one day before the deadline
// (AP-6.5): the dispatch list ticks what is due today or tomorrow, and one
// post dispatches the ticked.
func TestDispatchBeforeDeadline_AP_6_5(t *testing.T) {
	d := newDesk(t, nil)
	off := officer("officer.d", casework.RoleOfficer)
	app := d.inVerification(d.apostille(d.person(20)), off)
	d.exec(off, app.ID, "issue", nil)
	c := d.staff("officer.d", casework.RoleOfficer)
	resp, body := c.Get("/desk/provider/dispatch")
	wantStatus(t, resp, body, http.StatusOK)
	key := picks(body)[app.ID]
	if key == "" {
		t.Fatalf("the issued apostille is not on the dispatch list:\n%s", excerpt(body))
	}
	resp, body = c.Post("/desk/provider/dispatch", url.Values{"app": {key}})
	wantStatus(t, resp, body, http.StatusOK)
	if got := d.get(app.ID); got.State != casework.StateDispatched {
		t.Fatalf("after dispatch: %s", got.State)
	}
	if picks(body)[app.ID] != "" {
		t.Errorf("the dispatched result is still listed")
	}
	resp, body = c.Post("/desk/provider/dispatch", url.Values{})
	if !strings.Contains(body, "Ештеңе таңдалмады") {
		t.Errorf("an empty selection is not reported (%d)", resp.StatusCode)
	}
}

// The journal of apostilled documents (AP-6.1) for a period, as a page, a
// PDF and a workbook; a period that ends before it starts is refused next
// to its field.
func TestJournalDownloads_AP_6_1(t *testing.T) {
	d := newDesk(t, nil)
	off := officer("officer.j", casework.RoleOfficer)
	app := d.exec(off, d.apostille(d.person(21)).ID, "register", nil)
	c := d.staff("officer.j", casework.RoleOfficer)
	today := calendar.DateOf(time.Now())
	period := "?from=" + today.AddDays(-1).String() + "&to=" + today.String()
	resp, body := c.Get("/desk/provider/journal" + period)
	wantStatus(t, resp, body, http.StatusOK)
	if !strings.Contains(body, app.Number) || !strings.Contains(body, "Прокурордың № 17 қаулысы") {
		t.Fatalf("the journal does not list %s:\n%s", app.Number, excerpt(body))
	}
	if es, _ := d.Sys.Audit.Entries(context.Background(), audit.Filter{ActorID: "officer.j"}); len(es) == 0 || !strings.HasPrefix(es[0].Detail, "ap-journal") {
		t.Errorf("the journal view was not logged: %+v", es)
	}
	resp, pdf := c.Get("/desk/provider/journal" + period + "&format=pdf")
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "application/pdf" || !strings.HasPrefix(pdf, "%PDF") {
		t.Errorf("PDF: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	resp, xlsx := c.Get("/desk/provider/journal" + period + "&format=xlsx")
	if resp.StatusCode != http.StatusOK || !strings.Contains(resp.Header.Get("Content-Type"), "spreadsheetml") || !strings.HasPrefix(xlsx, "PK") {
		t.Errorf("XLSX: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	_, body = c.Get("/desk/provider/journal?from=" + today.AddDays(-1).String() + "&to=" + today.AddDays(-30).String())
	if fieldError(body, "to") == "" {
		t.Errorf("a period ending before it starts has no error next to its end")
	}
	_, body = c.Get("/desk/provider/journal?from=" + today.AddDays(-40).String() + "&to=" + today.AddDays(-30).String())
	if strings.Contains(body, app.Number) {
		t.Errorf("the journal of another period lists %s", app.Number)
	}
}

// The queue orders the open applications by the clock that runs out first,
// in colour and in words: red overdue, amber due today, green later; the
// counts per service and the filter of one's own.
func TestQueueByDeadline(t *testing.T) {
	// The next working day at 10:00: in the future, so that the sessions the
	// fake clock dates do not look expired to the cookie jar.
	day := calendar.Default().NextWorkingDay(calendar.DateOf(time.Now()))
	start := time.Date(day.Year, day.Month, day.Day, 10, 0, 0, 0, calendar.Almaty)
	clock := storetest.NewClock(start)
	d := newDesk(t, clock)
	off := officer("officer.q", casework.RoleOfficer)
	late := d.apostille(d.person(30)) // its register step is due today
	fresh := d.inVerification(d.apostille(d.person(31)), off)
	clock.Set(start.Add(9 * time.Hour)) // 19:00: the register step of the first is overdue
	c := d.staff("officer.q", casework.RoleOfficer)
	resp, body := c.Get("/desk/provider")
	wantStatus(t, resp, body, http.StatusOK)
	il, ifr := strings.Index(body, late.ID), strings.Index(body, fresh.ID)
	if il < 0 || ifr < 0 || il > ifr {
		t.Fatalf("the overdue application is not first (%d, %d):\n%s", il, ifr, excerpt(body))
	}
	if !strings.Contains(body, `class="pd-clock pd-late">Мерзімі өтті`) || !strings.Contains(body, `class="pd-clock pd-ok">`) {
		t.Errorf("the clocks are not red and green in words:\n%s", excerpt(body))
	}
	if !strings.Contains(body, `<span class="pd-count">2</span>`) {
		t.Errorf("the apostille tab does not count 2")
	}
	_, body = c.Get("/desk/provider?mine=1")
	if strings.Contains(body, late.ID) || !strings.Contains(body, fresh.ID) {
		t.Errorf("mine shows another's or hides one's own")
	}
	_, body = c.Get("/desk/provider?state=registered")
	if strings.Contains(body, late.ID) || strings.Contains(body, fresh.ID) {
		t.Errorf("the state filter lets other states through")
	}
}

var hiddenApostille = regexp.MustCompile(`<input type="hidden" name="(data\.apostille\.[a-z_]+)" value="([^"]*)">`)

// The officer records what the verification established and the head signs
// the batch with nothing to type (AP-6.2, AP-6.3, AR-6.3, AR-6.4): the
// apostille's document as compared with the specimens on the desk — one that
// disagrees is refused and nothing changes — and the card that answers an
// archival request; both results are issued with their signed PDFs. "No
// data" needs the medium the applicant chose, asked next to its input.
func TestHeadSignsRecordedBatch_AP_6_2_AR_6_3_AR_6_4(t *testing.T) {
	d := newDesk(t, nil)
	offActor := officer("officer.r", casework.RoleOfficer)
	off := d.staff("officer.r", casework.RoleOfficer)
	sp := d.specimen()

	// An apostille whose document nobody described at intake.
	ap := d.submit(casework.SubmitInput{Service: standard.ApostilleProsecution, Applicant: d.person(40),
		Documents: provided("application", "identity", "official-document"),
		Payment:   &casework.Payment{Method: casework.PaymentGateway, Reference: "PG-NONE", AmountTenge: 2162, PaidOn: calendar.DateOf(d.now())},
		Fields:    map[string]string{"document": "Тергеушінің № 8 қаулысы", "country": "DE"}})
	ap = d.inVerification(ap, offActor)
	q := url.Values{"sig.signer_surname": {sp.Surname}, "sig.signer_given_name": {sp.GivenName}, "sig.signer_patronymic": {sp.Patronymic},
		"sig.signer_position": {sp.Position}, "sig.signer_body": {sp.Body}, "sig.seal_id": {sp.SealID},
		"sig.signed_on": {sp.ValidFrom.AddDays(30).String()}}
	_, page := off.Get(appPath(ap.ID) + "?" + q.Encode())
	form := url.Values{"version": {pageVersion(t, page)}, "data.apostille.document": {"Тергеушінің № 8 қаулысы"},
		"data.apostille.document_number": {"8/2026"}, "data.apostille.pages": {"2"}}
	for _, m := range hiddenApostille.FindAllStringSubmatch(page, -1) {
		form.Set(m[1], m[2])
	}
	if form.Get("data.apostille.seal_id") != sp.SealID || form.Get("data.apostille.signer_surname") != sp.Surname {
		t.Fatalf("the record form does not carry the compared document: %v\n%s", form, excerpt(page))
	}
	bad := url.Values{}
	for k, v := range form {
		bad[k] = v
	}
	bad.Set("data.apostille.seal_id", "XX-00-000")
	resp, body := off.Post(appPath(ap.ID)+"/commands/record-verification", bad)
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	if !strings.Contains(body, `id="form-errors"`) || !strings.Contains(body, "Апостиль қойылмайды") {
		t.Errorf("a seal that disagrees is not refused with the reason:\n%s", excerpt(body))
	}
	if got := d.get(ap.ID); got.Version != ap.Version || got.Verification != nil {
		t.Fatalf("the refused record changed the application: v%d, %+v", got.Version, got.Verification)
	}
	bad.Set("data.apostille.seal_id", sp.SealID)
	bad.Set("data.apostille.pages", "two")
	_, body = off.Post(appPath(ap.ID)+"/commands/record-verification", bad)
	if fieldError(body, "data-apostille-pages") == "" {
		t.Errorf("pages that are no number have no error next to the input")
	}
	resp, body = off.Post(appPath(ap.ID)+"/commands/record-verification", form)
	wantStatus(t, resp, body, http.StatusSeeOther)
	d.exec(offActor, ap.ID, "assign", map[string]string{"assignee": "role:head"})

	// An archival request answered by the parent's card, found on the desk.
	parent, child := d.cardWithMinorChild()
	ar := d.minorRequest(parent, child)
	ar = d.exec(offActor, ar.ID, "start-verification", nil)
	_, page = off.Get(appPath(ar.ID))
	if !strings.Contains(page, `name="data.card_id" value="`+parent.ID+`"`) || !strings.Contains(page, `id="record-no-data"`) {
		t.Fatalf("the search offers no answer with the card or no-data:\n%s", excerpt(page))
	}
	resp, body = off.Post(appPath(ar.ID)+"/commands/record-verification", url.Values{"version": {pageVersion(t, page)}, "data.card_id": {"NO-SUCH-CARD"}})
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	if !strings.Contains(body, "картотекада NO-SUCH-CARD карточкасы жоқ") {
		t.Errorf("an unknown card is not refused with the reason:\n%s", excerpt(body))
	}
	_, body = off.Post(appPath(ar.ID)+"/commands/record-verification", url.Values{"version": {pageVersion(t, page)}, "data.no_data": {"yes"}})
	if fieldError(body, "record-medium") == "" {
		t.Errorf("no data without the applicant's medium has no error next to the medium")
	}
	resp, body = off.Post(appPath(ar.ID)+"/commands/record-verification", url.Values{"version": {pageVersion(t, page)}, "data.card_id": {parent.ID}})
	wantStatus(t, resp, body, http.StatusSeeOther)
	d.exec(offActor, ar.ID, "assign", map[string]string{"assignee": "role:head"})

	head := d.staff("head.r", casework.RoleHead)
	_, body = head.Get("/desk/provider/sign")
	keys := picks(body)
	if keys[ap.ID] == "" || keys[ar.ID] == "" || !strings.Contains(body, "Жазылды: жауап беретін карточка "+parent.ID) {
		t.Fatalf("the head's list lacks the recorded lines:\n%s", excerpt(body))
	}
	resp, body = head.Post("/desk/provider/sign", url.Values{"app": {keys[ap.ID], keys[ar.ID]}})
	wantStatus(t, resp, body, http.StatusOK)
	if !strings.Contains(body, "Орындалды: 2, орындалмады: 0.") {
		t.Errorf("the report does not say both were signed:\n%s", excerpt(body))
	}
	for _, id := range []string{ap.ID, ar.ID} {
		got := d.get(id)
		if got.State != casework.StateIssued || got.Decision.DecidedBy != "head.r" || len(got.Documents) != 1 {
			t.Fatalf("%s (%s): %s by %+v with %d documents", id, got.Service, got.State, got.Decision, len(got.Documents))
		}
		resp, pdf := head.Get(appPath(id) + "/documents/" + got.Documents[0].Number)
		if resp.StatusCode != http.StatusOK || !strings.HasPrefix(pdf, "%PDF") {
			t.Errorf("%s: the PDF answers %d", got.Documents[0].Number, resp.StatusCode)
		}
	}
	if got := d.get(ap.ID); got.Apostille == nil || got.Apostille.SealID != sp.SealID || got.Apostille.DocumentNumber != "8/2026" || got.Apostille.Pages != 2 {
		t.Errorf("the apostille certifies %+v", got.Apostille)
	}
	if got := d.get(ar.ID); got.Decision.CardID != parent.ID {
		t.Errorf("the certificate is drawn from %q, want %s", got.Decision.CardID, parent.ID)
	}
}
