package providerdesk_test

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"qyzmet/internal/audit"
	"qyzmet/internal/casework"
	"qyzmet/internal/web/webtest"
)

// Every route of the desk answers 403 to a role that is not the provider's:
// an operator, a citizen, a quality officer; nobody signed in goes to the
// staff sign-in. Nothing changes.
func TestDeskDeniedToOtherRoles(t *testing.T) {
	d := newDesk(t, nil)
	app := d.apostille(d.person(0))
	clients := map[string]func() *webtest.Client{
		"operator": func() *webtest.Client { return d.staff("operator1", casework.RoleOperator) },
		"quality":  func() *webtest.Client { return d.staff("quality1", casework.RoleQuality) },
		"citizen":  func() *webtest.Client { return d.SignInCitizen(t, d.CleanCitizen(t, 5)) },
	}
	gets := []string{"/desk/provider", appPath(app.ID), "/desk/provider/sign", "/desk/provider/dispatch", "/desk/provider/journal"}
	for who, open := range clients {
		c := open()
		for _, p := range gets {
			if resp, _ := c.Get(p); resp.StatusCode != http.StatusForbidden {
				t.Errorf("%s GET %s: %d, want 403", who, p, resp.StatusCode)
			}
		}
		if resp, _ := c.Post(appPath(app.ID)+"/commands/register", url.Values{"version": {"2"}}); resp.StatusCode != http.StatusForbidden {
			t.Errorf("%s POST register: %d, want 403", who, resp.StatusCode)
		}
	}
	anon := d.NewClient(t)
	resp, _ := anon.Get("/desk/provider")
	if resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(resp.Header.Get("Location"), "/staff/signin") {
		t.Errorf("anonymous: %d to %q, want the staff sign-in", resp.StatusCode, resp.Header.Get("Location"))
	}
	if got := d.get(app.ID); got.State != casework.StateAccepted || got.Number != "" {
		t.Errorf("after the refused posts the application is %s № %q", got.State, got.Number)
	}
	// Only a head signs; an officer does not see the signing page.
	officerClient := d.staff("officer1", casework.RoleOfficer)
	if resp, _ := officerClient.Get("/desk/provider/sign"); resp.StatusCode != http.StatusForbidden {
		t.Errorf("officer GET sign: %d, want 403", resp.StatusCode)
	}
	// An application id nobody has is the same 404 as one not to be seen.
	if resp, _ := officerClient.Get(appPath("no-such-id")); resp.StatusCode != http.StatusNotFound {
		t.Errorf("unknown application: %d, want 404", resp.StatusCode)
	}
}

// An archivist searches the card index and files, but cannot issue a
// criminal-record certificate (CR-STD-3.1: the officer's additional check),
// nor see the registries' evidence about convictions.
func TestArchivistCannotIssueCertificate_CR_STD_3_1(t *testing.T) {
	d := newDesk(t, nil)
	app := d.crAdditionalCheck(d.unknownPerson())
	arch := d.staff("archivist1", casework.RoleArchivist)
	resp, body := arch.Get(appPath(app.ID))
	wantStatus(t, resp, body, http.StatusOK)
	if strings.Contains(body, `id="record-outcome"`) || strings.Contains(body, "/commands/issue") {
		t.Errorf("the archivist's page shows the evidence or an issue form")
	}
	resp, body = arch.Post(appPath(app.ID)+"/commands/issue", url.Values{"version": {strconv.Itoa(app.Version)}, "data.finding": {"no-record"}})
	wantStatus(t, resp, body, http.StatusForbidden)
	if got := d.get(app.ID); got.State != casework.StateAdditionalCheck || got.Decision != nil {
		t.Errorf("after the archivist's post the application is %s with %+v", got.State, got.Decision)
	}
	if es := d.auditEntries(app.ID, "archivist1"); !hasView(es, audit.ViewApplication) || hasView(es, audit.ViewRecordCheck) {
		t.Errorf("archivist's audit entries %+v: want the application view only", es)
	}
}

// Opening a criminal-record application in the additional check logs the
// view of the application and of the registries' evidence before the page is
// shown (CR-STD-3.1), and the download of an issued paper (CR-STD-3.4).
func TestViewsAreAudited_CR_STD_3_1_CR_STD_3_4(t *testing.T) {
	d := newDesk(t, nil)
	app := d.crAdditionalCheck(d.unknownPerson())
	c := d.staff("officer2", casework.RoleOfficer)
	if es := d.auditEntries(app.ID, "officer2"); len(es) != 0 {
		t.Fatalf("entries before any view: %+v", es)
	}
	resp, body := c.Get(appPath(app.ID))
	wantStatus(t, resp, body, http.StatusOK)
	if !strings.Contains(body, `id="record-outcome"`) {
		t.Fatalf("the officer's page has no record check")
	}
	es := d.auditEntries(app.ID, "officer2")
	if !hasView(es, audit.ViewApplication) || !hasView(es, audit.ViewRecordCheck) {
		t.Fatalf("audit entries %+v: want application and record-check views", es)
	}
	for _, e := range es {
		if e.SubjectIIN != app.Applicant.IIN || e.ActorRole != casework.RoleOfficer {
			t.Errorf("entry %+v: want the subject %s and the officer's role", e, app.Applicant.IIN)
		}
	}
	done := d.exec(officer("officer2", casework.RoleOfficer), app.ID, "interim-reply", nil)
	if len(done.Documents) == 0 {
		t.Fatalf("no interim reply document")
	}
	n := done.Documents[0].Number
	resp, pdf := c.Get(appPath(app.ID) + "/documents/" + n)
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "application/pdf" || !strings.HasPrefix(pdf, "%PDF") {
		t.Fatalf("download: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	if !hasView(d.auditEntries(app.ID, "officer2"), audit.ViewDocument) {
		t.Errorf("the download was not logged")
	}
	if resp, _ := c.Get(appPath(app.ID) + "/documents/NO-SUCH"); resp.StatusCode != http.StatusNotFound {
		t.Errorf("unknown document: %d, want 404", resp.StatusCode)
	}
}
