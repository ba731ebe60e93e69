package frontdesk_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"qyzmet/internal/calendar"
	"qyzmet/internal/casework"
	"qyzmet/internal/queue"
	"qyzmet/internal/standard"
)

// A booked applicant is checked in from today's list (G-5), called, and the
// intake opened from the ticket carries the IIN and the service booked for;
// accepting the package finishes the ticket with the application (G-4).
func TestCheckInAndIntakeFromTicket_G_5_G_4(t *testing.T) {
	d := newDesk(t)
	ctx := context.Background()
	person := d.site.CleanCitizen(t, 30)
	slot := d.clock.Now().Add(15 * time.Minute).Truncate(15 * time.Minute)
	booked, err := d.site.Sys.Queue.Book(ctx, person, queue.Booking{Branch: myBranch, Start: slot, Purpose: queue.PurposeSubmit,
		Service: standard.CriminalRecord})
	if err != nil {
		t.Fatal(err)
	}
	_, page := d.op.Get("/desk/front/queue?lang=en")
	if !strings.Contains(page, booked.Number) || !strings.Contains(page, `action="/desk/front/queue/arrive"`) || strings.Contains(page, person) {
		t.Fatalf("the check-in list does not offer %s by number only:\n%s", booked.Number, excerpt(page))
	}
	stranger := d.site.SignInStaff(t, d.site.Staff(t, "op.almaly", otherBranch, casework.RoleOperator))
	stranger.Post("/desk/front/queue/arrive", url.Values{"ticket": {booked.ID}})
	if tk, _ := d.site.Sys.Queue.Ticket(ctx, myBranch, booked.ID); tk.ArrivedAt != nil {
		t.Fatalf("another branch checked my booking in")
	}
	resp, body := d.op.Post("/desk/front/queue/arrive", url.Values{"ticket": {booked.ID}, "window": {"3"}})
	wantStatus(t, "arrive", resp, body, http.StatusSeeOther)
	_, page = d.op.Get(resp.Header.Get("Location") + "&lang=en")
	if !strings.Contains(page, "Ticket "+booked.Number+" checked in") || !strings.Contains(page, "No booked applicant still to arrive") {
		t.Errorf("after the check-in:\n%s", excerpt(page))
	}

	d.clock.Set(slot)
	resp, body = d.op.Post("/desk/front/queue/call", url.Values{"window": {"3"}})
	wantStatus(t, "call", resp, body, http.StatusSeeOther)
	_, page = d.op.Get("/desk/front/queue?window=3")
	link := "/desk/front/queue/tickets/" + booked.ID + "/intake"
	if !strings.Contains(page, link) {
		t.Fatalf("the ticket served has no link to the intake:\n%s", excerpt(page))
	}
	if resp, _ := stranger.Get(link); resp.StatusCode != http.StatusNotFound {
		t.Errorf("another branch opening my ticket: %d, want 404", resp.StatusCode)
	}
	resp, _ = d.op.Get(link)
	loc := resp.Header.Get("Location")
	if resp.StatusCode != http.StatusSeeOther || !strings.Contains(loc, "iin="+person) || !strings.Contains(loc, "service=criminal-record") {
		t.Fatalf("the intake link goes to %q (%d)", loc, resp.StatusCode)
	}
	_, page = d.op.Get(loc)
	if !strings.Contains(page, `name="ticket" value="`+booked.ID+`"`) {
		t.Fatalf("the intake form does not carry the ticket:\n%s", excerpt(page))
	}
	d.clock.Advance(9 * time.Minute)
	form := crForm(person, "k-ticket")
	form.Set("ticket", booked.ID)
	app := d.accepted(t, "intake from the ticket", form)
	tk, _ := d.site.Sys.Queue.Ticket(ctx, myBranch, booked.ID)
	if tk.DoneAt == nil || tk.ApplicationID != app.ID {
		t.Errorf("ticket %+v, want finished with %s", tk, app.ID)
	}
	_, page = d.op.Get("/desk/front/queue?window=3&lang=en")
	if !strings.Contains(page, "9.0 min (at most 15)") {
		t.Errorf("the 9-minute service is not measured:\n%s", excerpt(page))
	}
}

// Home visits (G-6): the operator schedules one inside the State
// Corporation's hours — a Saturday is refused next to the field — and closes
// it as done; the operator's name is shown; another branch's is not found.
func TestHomeVisitScheduleAndClose_G_6(t *testing.T) {
	d := newDesk(t)
	ctx := context.Background()
	v, err := d.site.Sys.Queue.RequestHomeVisit(ctx, d.site.CleanCitizen(t, 31), queue.HomeVisit{Branch: myBranch,
		Address: "Астана қ., Мәңгілік Ел д-лы, 20", Phone: "+77015550022", Reason: "төсектен тұра алмайды", Service: standard.ArchivalCertificate}, "")
	if err != nil {
		t.Fatal(err)
	}
	path := "/desk/front/queue/visits/" + v.ID
	today := calendar.DateOf(d.clock.Now())
	saturday := today
	for saturday.Weekday() != time.Saturday {
		saturday = saturday.AddDays(1)
	}
	resp, body := d.op.Post(path+"/schedule?lang=ru", url.Values{"scheduled_for": {saturday.String() + "T11:00"}})
	wantStatus(t, "Saturday", resp, body, http.StatusUnprocessableEntity)
	if !strings.Contains(body, `id="scheduled_for-`+v.ID+`-error">`) || !strings.Contains(body, "рабочий день") {
		t.Errorf("the Saturday is not refused next to the field:\n%s", excerpt(body))
	}
	resp, body = d.op.Post(path+"/schedule", url.Values{"scheduled_for": {"tomorrow"}})
	wantStatus(t, "unreadable", resp, body, http.StatusUnprocessableEntity)
	stranger := d.site.SignInStaff(t, d.site.Staff(t, "op.almaly", otherBranch, casework.RoleOperator))
	next := calendar.Default().NextWorkingDay(today)
	good := next.String() + "T15:30"
	if resp, _ := stranger.Post(path+"/schedule", url.Values{"scheduled_for": {good}}); resp.StatusCode != http.StatusNotFound {
		t.Errorf("another branch scheduling: %d, want 404", resp.StatusCode)
	}
	resp, body = d.op.Post(path+"/schedule", url.Values{"scheduled_for": {good}})
	wantStatus(t, "schedule", resp, body, http.StatusSeeOther)
	resp, body = d.op.Post(path+"/close?lang=en", url.Values{"status": {"cancelled"}, "note": {""}})
	wantStatus(t, "cancel without a note", resp, body, http.StatusUnprocessableEntity)
	if !strings.Contains(body, `id="note-`+v.ID+`-error">`) {
		t.Errorf("the missing note is not named next to it:\n%s", excerpt(body))
	}
	resp, body = d.op.Post(path+"/close", url.Values{"status": {"done"}, "note": {"құжаттар үйде қабылданды"}})
	wantStatus(t, "done", resp, body, http.StatusSeeOther)
	visits, _ := d.site.Sys.Queue.HomeVisits(ctx, myBranch)
	if len(visits) != 1 || visits[0].Status != queue.VisitDone || visits[0].Operator != d.login || visits[0].ScheduledFor == nil {
		t.Fatalf("visit %+v", visits)
	}
	_, page := d.op.Get("/desk/front/queue?lang=en")
	if !strings.Contains(page, "by Test "+d.login) || !strings.Contains(page, "құжаттар үйде қабылданды") {
		t.Errorf("the visit's operator or note is not shown:\n%s", excerpt(page))
	}
}
