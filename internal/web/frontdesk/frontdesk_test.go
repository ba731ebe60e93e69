package frontdesk_test

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"

	"qyzmet/internal/audit"
	"qyzmet/internal/casework"
	"qyzmet/internal/i18n"
	"qyzmet/internal/iin"
	"qyzmet/internal/web/ui"
)

// A walk-in apostille, every item handed in: accepted, and the receipt for
// the documents printed (AC-12); the registry look-up was logged before the
// person was shown.
func TestWalkInAccepted_AC_12(t *testing.T) {
	d := newDesk(t)
	person := d.site.CleanCitizen(t, 0)

	resp, body := d.op.Get("/desk/front/person?iin=" + person + "&service=apostille-prosecution&lang=en")
	wantStatus(t, "person", resp, body, http.StatusOK)
	if !strings.Contains(body, `name="documents[2].provided"`) || !strings.Contains(body, "official document") {
		t.Fatalf("the intake form lacks the standard's checklist:\n%s", excerpt(body))
	}
	views, err := d.site.Sys.Audit.Entries(context.Background(), audit.Filter{SubjectIIN: person})
	if err != nil || len(views) == 0 || views[0].What != audit.ViewPerson || views[0].ActorID != d.login {
		t.Fatalf("the look-up is not logged: %+v (%v)", views, err)
	}

	resp, body = d.op.Post("/desk/front/intake", d.intakeForm(t, person, "k-accept"))
	wantStatus(t, "intake", resp, body, http.StatusSeeOther)
	id := appID(t, resp)
	if app := d.get(t, id); app.State != casework.StateAccepted || app.Channel != "state-corp" || app.Branch != myBranch {
		t.Fatalf("application %s in %s on %s at %s, want accepted at the State Corporation, %s", id, app.State, app.Channel, app.Branch, myBranch)
	}
	resp, body = d.op.Get(resp.Header.Get("Location") + "?lang=en")
	wantStatus(t, "receipt", resp, body, http.StatusOK)
	for _, want := range []string{"Receipt for the documents", "AC-12", "Documents accepted", "identity document", "Result ready on"} {
		if !strings.Contains(body, want) {
			t.Errorf("the receipt lacks %q", want)
		}
	}
}

// An incomplete package is not accepted: the receipt of refusal (AC-15,
// form AC-F2) lists what is missing.
func TestWalkInRefusedIncomplete_AC_15(t *testing.T) {
	d := newDesk(t)
	person := d.site.CleanCitizen(t, 1)
	form := d.intakeForm(t, person, "k-refuse")
	form.Del("documents[2].provided") // no official document to apostille
	form.Set("action", "refuse")
	resp, body := d.op.Post("/desk/front/intake", form)
	wantStatus(t, "refusal", resp, body, http.StatusSeeOther)
	id := appID(t, resp)
	if app := d.get(t, id); app.State != casework.StateRefusedAtIntake || len(app.Missing) != 1 || app.Missing[0] != "official-document" {
		t.Fatalf("application in %s missing %v, want refused at intake for the official document", app.State, app.Missing)
	}
	_, body = d.op.Get("/desk/front/applications/" + id + "/receipt?lang=ru")
	for _, want := range []string{"Расписка об отказе в приёме документов", "AC-F2", "неполного пакета", "официальный документ органов прокуратуры"} {
		if !strings.Contains(body, want) {
			t.Errorf("the refusal receipt lacks %q:\n%s", want, excerpt(body))
		}
	}
}

// Accepting an incomplete package is refused by the engine with the rule,
// and the application waits for the missing item or the refusal.
func TestAcceptIncompleteShowsMissing_AC_15(t *testing.T) {
	d := newDesk(t)
	person := d.site.CleanCitizen(t, 2)
	form := d.intakeForm(t, person, "k-incomplete")
	form.Del("payment.pick") // the duty receipt is now required and not ticked
	resp, body := d.op.Post("/desk/front/intake", form)
	wantStatus(t, "accept incomplete", resp, body, http.StatusUnprocessableEntity)
	if !strings.Contains(body, "AC-15") && !strings.Contains(body, "AP-STD-8") {
		t.Errorf("the error names no rule:\n%s", excerpt(body))
	}
	if !strings.Contains(body, "refuse-at-intake") {
		t.Errorf("the page offers no refusal at intake:\n%s", excerpt(body))
	}
}

// A double click sends the same form twice: one application.
func TestDoubleSubmitMakesOneApplication(t *testing.T) {
	d := newDesk(t)
	person := d.site.CleanCitizen(t, 3)
	first, _ := d.op.Post("/desk/front/intake", d.intakeForm(t, person, "k-twice"))
	second, body := d.op.Post("/desk/front/intake", d.intakeForm(t, person, "k-twice"))
	wantStatus(t, "second click", second, body, http.StatusSeeOther)
	if a, b := appID(t, first), appID(t, second); a != b {
		t.Fatalf("two applications %s and %s from one form", a, b)
	}
	apps, _ := d.site.Sys.Engine.List(context.Background(), operator(d.login, myBranch), casework.Filter{ApplicantIIN: person})
	if len(apps) != 1 {
		t.Fatalf("%d applications, want 1", len(apps))
	}
}

// A wrong IIN checksum is named next to the field in the user's language,
// and nobody's data is looked at.
func TestWrongIINNextToField(t *testing.T) {
	d := newDesk(t)
	person := d.site.CleanCitizen(t, 4)
	wrong := person[:11] + string('0'+(person[11]-'0'+1)%10)
	resp, body := d.op.Get("/desk/front/person?iin=" + wrong + "&lang=kk")
	wantStatus(t, "wrong IIN", resp, body, http.StatusUnprocessableEntity)
	want := (&iin.Error{Code: iin.CodeChecksum}).Message(i18n.KK)
	if !strings.Contains(body, `id="iin-error">`+want) {
		t.Errorf("no Kazakh checksum error next to the IIN:\n%s", excerpt(body))
	}
	if views, _ := d.site.Sys.Audit.Entries(context.Background(), audit.Filter{ActorID: d.login}); len(views) != 0 {
		t.Errorf("a failed look-up was logged as a view: %+v", views)
	}
}

// An IIN typed with spaces, as it is printed on the identity card, finds the
// person.
func TestIINWithSpacesFound(t *testing.T) {
	d := newDesk(t)
	person := d.site.CleanCitizen(t, 6)
	spaced := person[:6] + " " + person[6:]
	resp, body := d.op.Get("/desk/front/person?iin=" + url.QueryEscape(spaced) + "&lang=en")
	wantStatus(t, "IIN with a space", resp, body, http.StatusOK)
	if !strings.Contains(body, person) {
		t.Errorf("the person %s is not shown:\n%s", person, excerpt(body))
	}
}

// Script typed into text fields is shown as text.
func TestScriptEscaped(t *testing.T) {
	d := newDesk(t)
	person := d.site.CleanCitizen(t, 5)
	form := d.intakeForm(t, person, "k-script")
	form.Set("fields.document", `<script>alert("x")</script>`)
	form.Set("applicant.address", `<img src=x onerror=alert(1)>`)
	resp, _ := d.op.Post("/desk/front/intake", form)
	id := appID(t, resp)
	for _, path := range []string{"/desk/front/applications/" + id, "/desk/front/applications/" + id + "/receipt"} {
		_, body := d.op.Get(path)
		if strings.Contains(body, `<script>alert`) || strings.Contains(body, `<img src=x`) {
			t.Errorf("%s: script reached the page unescaped", path)
		}
		if !strings.Contains(body, `&lt;script&gt;alert`) {
			t.Errorf("%s: the typed text is not shown escaped", path)
		}
	}
}

// Only operators reach the desk: a citizen and an officer get 403, nobody
// signed in is sent to the staff sign-in.
func TestDeskForOperatorsOnly(t *testing.T) {
	d := newDesk(t)
	citizen := d.site.SignInCitizen(t, d.site.CleanCitizen(t, 6))
	officerLogin := d.site.Staff(t, "officer.x", "", casework.RoleOfficer)
	off := d.site.SignInStaff(t, officerLogin)
	app := d.submitAP(t, myBranch, d.site.CleanCitizen(t, 7), nil)
	for _, path := range []string{"/desk/front", "/desk/front/shelf", "/desk/front/applications/" + app.ID} {
		for who, c := range map[string]interface {
			Get(string) (*http.Response, string)
		}{"citizen": citizen, "officer": off} {
			if resp, _ := c.Get(path); resp.StatusCode != http.StatusForbidden {
				t.Errorf("%s GET %s: %d, want 403", who, path, resp.StatusCode)
			}
		}
		if resp, _ := d.site.NewClient(t).Get(path); resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(resp.Header.Get("Location"), ui.PathStaffSignIn) {
			t.Errorf("anonymous GET %s: %d to %q, want the staff sign-in", path, resp.StatusCode, resp.Header.Get("Location"))
		}
	}
	resp, _ := off.Post("/desk/front/applications/"+app.ID+"/commands/accept", url.Values{"version": {"1"}})
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("officer accepting at the desk: %d, want 403", resp.StatusCode)
	}
	if got := d.get(t, app.ID); got.State != casework.StateSubmitted {
		t.Errorf("the refused command changed the application to %s", got.State)
	}
}

// An operator of another branch cannot see, nor hand over, my branch's
// result: the same 404 as for a missing application; my shelf lists it (G-8).
func TestOtherBranchCannotHandOver_G_8(t *testing.T) {
	d := newDesk(t)
	app := d.ready(t, myBranch, d.site.CleanCitizen(t, 8), nil)
	stranger := d.site.SignInStaff(t, d.site.Staff(t, "op.almaly", otherBranch, casework.RoleOperator))
	resp, missing := stranger.Get("/desk/front/applications/no-such-application")
	wantStatus(t, "missing", resp, missing, http.StatusNotFound)
	resp, body := stranger.Get("/desk/front/applications/" + app.ID)
	wantStatus(t, "other branch", resp, body, http.StatusNotFound)
	resp, body = stranger.Post("/desk/front/applications/"+app.ID+"/commands/hand-over", url.Values{
		"version": {itoa(app.Version)}, "data.to": {"applicant"}, "data.id_document": {"N1234567"}})
	wantStatus(t, "other branch hand-over", resp, body, http.StatusNotFound)
	if _, shelf := stranger.Get("/desk/front/shelf"); strings.Contains(shelf, app.ID) {
		t.Errorf("another branch's shelf lists my result")
	}
	if got := d.get(t, app.ID); got.State != casework.StateReadyForPickup {
		t.Fatalf("the result is %s, want still on my shelf", got.State)
	}
	if _, shelf := d.op.Get("/desk/front/shelf"); !strings.Contains(shelf, app.ID) {
		t.Errorf("my shelf does not list my result")
	}
}

// Two operators hand over one result at once: one succeeds, the other is
// told that someone else changed the application and sees its state (G-8).
func TestTwoOperatorsAtOnce_G_8(t *testing.T) {
	d := newDesk(t)
	app := d.ready(t, myBranch, d.site.CleanCitizen(t, 9), nil)
	second := d.site.SignInStaff(t, d.site.Staff(t, "op.esil2", myBranch, casework.RoleOperator))
	form := url.Values{"version": {itoa(app.Version)}, "data.to": {"applicant"}, "data.id_document": {"N0123456"}}
	statuses := make([]int, 2)
	bodies := make([]string, 2)
	var wg sync.WaitGroup
	for i, c := range []interface {
		Post(string, url.Values) (*http.Response, string)
	}{d.op, second} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			resp, body := c.Post("/desk/front/applications/"+app.ID+"/commands/hand-over?lang=en", form)
			statuses[i], bodies[i] = resp.StatusCode, body
		}()
	}
	wg.Wait()
	won, lost := 0, -1
	for i, s := range statuses {
		switch s {
		case http.StatusSeeOther:
			won++
		case http.StatusConflict:
			lost = i
		}
	}
	if won != 1 || lost < 0 {
		t.Fatalf("statuses %v, want one 303 and one 409", statuses)
	}
	if !strings.Contains(bodies[lost], "Someone else changed this application") || !strings.Contains(bodies[lost], "handed over") {
		t.Errorf("the loser is not told of the conflict and the current state:\n%s", excerpt(bodies[lost]))
	}
	if got := d.get(t, app.ID); got.State != casework.StateHandedOver {
		t.Errorf("state %s, want handed over", got.State)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
