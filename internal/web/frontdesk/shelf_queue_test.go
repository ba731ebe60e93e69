package frontdesk_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"qyzmet/internal/audit"
	"qyzmet/internal/casework"
	"qyzmet/internal/queue"
	"qyzmet/internal/web/ui"
)

// The shelf keeps a result one month (G-7): returning it earlier is refused
// with the rule; after the month it goes back to the provider, and when the
// applicant comes it is requested back, due from the provider within one
// working day (G-7, AC-14), the due time shown.
func TestShelfMonthReturnAndRequestBack_G_7_AC_14(t *testing.T) {
	d := newDesk(t)
	app := d.ready(t, myBranch, d.site.CleanCitizen(t, 10), nil)
	resp, body := d.op.Get("/desk/front/shelf?lang=en")
	wantStatus(t, "shelf", resp, body, http.StatusOK)
	if !strings.Contains(body, ui.FormatDate(app.Storage.ReturnOn)) || !strings.Contains(body, "clock-ok") {
		t.Errorf("the shelf does not show the month's end %s:\n%s", ui.FormatDate(app.Storage.ReturnOn), excerpt(body))
	}
	early := url.Values{"version": {itoa(app.Version)}, "back": {"shelf"}}
	resp, body = d.op.Post("/desk/front/applications/"+app.ID+"/commands/return-to-provider?lang=en", early)
	wantStatus(t, "early return", resp, body, http.StatusUnprocessableEntity)
	if !strings.Contains(body, "keeps the result until") {
		t.Errorf("the early return is not explained:\n%s", excerpt(body))
	}

	d.clock.Advance(32 * 24 * time.Hour)
	op := d.site.SignInStaff(t, d.login) // the shift's session has ended
	_, body = op.Get("/desk/front/shelf?lang=en")
	// The engine's timer returns the result at the month's end by itself;
	// until it has run, the shelf offers the operator the return.
	if d.get(t, app.ID).State == casework.StateReadyForPickup {
		if !strings.Contains(body, "clock-over") || !strings.Contains(body, "commands/return-to-provider") {
			t.Fatalf("after the month the shelf offers no return:\n%s", excerpt(body))
		}
		resp, _ = op.Post("/desk/front/applications/"+app.ID+"/commands/return-to-provider", early)
		if resp.StatusCode == http.StatusSeeOther && !strings.HasPrefix(resp.Header.Get("Location"), "/desk/front/shelf") {
			t.Errorf("after the return: to %q, want the shelf", resp.Header.Get("Location"))
		}
	}
	app = d.get(t, app.ID)
	if app.State != casework.StateReturnedToProvider {
		t.Fatalf("state %s, want returned to the provider", app.State)
	}
	if _, body = op.Get("/desk/front/shelf"); !strings.Contains(body, "commands/request-back") {
		t.Errorf("the shelf offers no request back:\n%s", excerpt(body))
	}
	resp, body = op.Post("/desk/front/applications/"+app.ID+"/commands/request-back", url.Values{"version": {itoa(app.Version)}})
	wantStatus(t, "request back", resp, body, http.StatusSeeOther)
	app = d.get(t, app.ID)
	var due time.Time
	for _, c := range app.Clocks {
		if c.ID == casework.ClockReturnToBranch {
			due = c.Due
		}
	}
	if app.State != casework.StateDispatched || due.IsZero() {
		t.Fatalf("state %s, return clock %v: want dispatched with the 1-working-day clock", app.State, due)
	}
	_, body = op.Get("/desk/front/applications/" + app.ID + "?lang=en")
	if want := "must send the result back by " + ui.FormatTime(due); !strings.Contains(body, want) {
		t.Errorf("the application page lacks %q:\n%s", want, excerpt(body))
	}
	_, body = op.Get("/desk/front/shelf?lang=en")
	if !strings.Contains(body, "requested back: "+ui.FormatTime(due)) {
		t.Errorf("the shelf does not show the due time of the request:\n%s", excerpt(body))
	}
}

// The queue: walk-in tickets are called in order of arrival to my window
// (G-5), the service time is measured against the 15-minute target (G-4),
// and the branch's home visit requests are listed (G-6).
func TestQueueCallAndFigures_G_4_G_5_G_6(t *testing.T) {
	d := newDesk(t)
	visitor := d.site.CleanCitizen(t, 15)
	if _, err := d.site.Sys.Queue.RequestHomeVisit(context.Background(), visitor, queue.HomeVisit{Branch: myBranch,
		Address: "Астана қ., Бейбітшілік к., 7, 12 пәтер", Phone: "+77015550011", Reason: "мүгедектігі бар", Service: "criminal-record"}, "hv-1"); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		resp, body := d.op.Post("/desk/front/queue/walk-in", url.Values{"purpose": {"submit"}})
		wantStatus(t, "walk-in", resp, body, http.StatusSeeOther)
		d.clock.Advance(time.Minute)
	}
	_, body := d.op.Get("/desk/front/queue?lang=en")
	if strings.Count(body, `class="ticket"`) != 2 {
		t.Fatalf("the waiting list does not show two tickets:\n%s", excerpt(body))
	}
	resp, body := d.op.Post("/desk/front/queue/call", url.Values{"window": {"2"}})
	wantStatus(t, "call", resp, body, http.StatusSeeOther)
	waiting, _ := d.site.Sys.Queue.Waiting(context.Background(), myBranch)
	serving, _ := d.site.Sys.Queue.Serving(context.Background(), myBranch)
	if len(serving) != 1 || serving[0].Window != 2 || len(waiting) != 1 || !serving[0].CreatedAt.Before(waiting[0].CreatedAt) {
		t.Fatalf("serving %+v, waiting %+v: want the first arrival at window 2", serving, waiting)
	}
	if !strings.Contains(resp.Header.Get("Location"), "called="+serving[0].Number) {
		t.Errorf("the call does not name the ticket: %q", resp.Header.Get("Location"))
	}
	d.clock.Advance(20 * time.Minute)
	resp, body = d.op.Post("/desk/front/queue/finish", url.Values{"ticket": {serving[0].ID}, "window": {"2"}})
	wantStatus(t, "finish", resp, body, http.StatusSeeOther)
	_, body = d.op.Get("/desk/front/queue?window=2&lang=en")
	if !strings.Contains(body, "20.0 min (at most 15)") || !strings.Contains(body, `clock clock-over">20.0`) {
		t.Errorf("the 20-minute service is not shown over the 15-minute target:\n%s", excerpt(body))
	}
	// Rule G-6: the branch's home visits, each logged as a view of the person.
	if !strings.Contains(body, "Бейбітшілік к., 7") {
		t.Errorf("the home visit is not listed:\n%s", excerpt(body))
	}
	if views, _ := d.site.Sys.Audit.Entries(context.Background(), audit.Filter{SubjectIIN: visitor}); len(views) == 0 {
		t.Errorf("the home visit's person was shown without an audit entry")
	}
	stranger := d.site.SignInStaff(t, d.site.Staff(t, "op.almaly", otherBranch, casework.RoleOperator))
	if resp, _ := stranger.Post("/desk/front/queue/finish", url.Values{"ticket": {waiting[0].ID}}); resp.StatusCode != http.StatusNotFound {
		t.Errorf("another branch finishing my ticket: %d, want 404", resp.StatusCode)
	}
}
