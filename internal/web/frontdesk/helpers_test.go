package frontdesk_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"qyzmet/internal/calendar"
	"qyzmet/internal/casework"
	"qyzmet/internal/registry"
	"qyzmet/internal/registry/sqlstore"
	"qyzmet/internal/standard"
	"qyzmet/internal/store"
	"qyzmet/internal/store/storetest"
	"qyzmet/internal/web"
	"qyzmet/internal/web/frontdesk"
	"qyzmet/internal/web/ui"
	"qyzmet/internal/web/webtest"
)

// The branches of the demo data the tests work in.
const (
	myBranch    = "astana-esil"
	otherBranch = "almaty-almaly"
)

// desk is a site with the front desk and one operator of myBranch signed in.
type desk struct {
	site  *webtest.Site
	clock *storetest.Clock
	op    *webtest.Client
	login string
}

// newDesk starts the site on a working morning a week ahead of the real
// clock: the State Corporation receives only in its hours, and the engine's
// timers, due at the fake clock's dates, stay in the future of the job
// runner's real one.
func newDesk(t *testing.T) *desk {
	t.Helper()
	day := calendar.Default().NextWorkingDay(calendar.DateOf(time.Now().AddDate(0, 0, 7)))
	clock := storetest.NewClock(time.Date(day.Year, day.Month, day.Day, 10, 0, 0, 0, calendar.Almaty))
	site := webtest.New(t, webtest.Options{Clock: clock, Areas: []web.AreaFunc{
		func(d ui.Deps) (web.Area, error) { return frontdesk.New(d) },
	}})
	login := site.Staff(t, "op.esil", myBranch, casework.RoleOperator)
	return &desk{site: site, clock: clock, op: site.SignInStaff(t, login), login: login}
}

// operator is an operator of branch as the engine sees them.
func operator(login, branch string) casework.Actor {
	return casework.Actor{ID: login, Role: casework.RoleOperator, Branch: branch}
}

var officer = casework.Actor{ID: "officer.test", Role: casework.RoleOfficer}

// intakeForm is a complete walk-in apostille of a prosecution document for
// iin, the duty paid through the gateway: a payment of the registry, picked.
func (d *desk) intakeForm(t *testing.T, iin, key string) url.Values {
	t.Helper()
	ref := d.gatewayPayment(t, iin, "GW-"+key, d.apDue(t, calendar.DateOf(d.clock.Now())), "", calendar.DateOf(d.clock.Now()))
	return url.Values{
		"iin": {iin}, "service": {string(standard.ApostilleProsecution)}, "key": {key}, "action": {"accept"},
		"documents[0].provided": {"on"}, "documents[1].provided": {"on"}, "documents[2].provided": {"on"},
		"payment.pick": {ref}, "fields.document": {"Resolution No. 17 of the Astana prosecutor"},
	}
}

// gatewayPayment records a payment of the gateway by payer in the payments
// registry, as its import would, and returns its reference. An empty code is
// the apostille's budget code.
func (d *desk) gatewayPayment(t *testing.T, payer, ref string, tiyn int64, code string, on calendar.Date) string {
	t.Helper()
	if code == "" {
		code = "108125"
	}
	p := registry.Payment{Reference: ref, PayerIIN: payer, PayerName: "Төлеуші " + payer[:4], AmountTiyn: tiyn, BudgetCode: code,
		PaidOn: on, Source: registry.FromGateway}
	err := d.site.DB.Tx(context.Background(), func(tx *store.Tx) error {
		return sqlstore.UpsertPayments(context.Background(), tx, []registry.Payment{p})
	})
	if err != nil {
		t.Fatal(err)
	}
	return ref
}

// apDue is the apostille's duty for one document at the MCI of on, under
// the standard in force today.
func (d *desk) apDue(t *testing.T, on calendar.Date) int64 {
	t.Helper()
	std, err := d.site.Sys.Standards().At(standard.ApostilleProsecution, calendar.DateOf(d.clock.Now()))
	if err != nil {
		t.Fatal(err)
	}
	q, err := d.site.Sys.Standards().Fee(std, on, 1)
	if err != nil {
		t.Fatal(err)
	}
	return q.Tiyn
}

// submitAP enters an AP application at branch through the engine.
func (d *desk) submitAP(t *testing.T, branch, iin string, rep *casework.Representative) *casework.Application {
	t.Helper()
	ctx := context.Background()
	p, err := d.site.Sys.Registries.Persons.ByIIN(ctx, iin)
	if err != nil {
		t.Fatal(err)
	}
	today := calendar.DateOf(d.clock.Now())
	in := casework.SubmitInput{Service: standard.ApostilleProsecution, Channel: standard.StateCorp, Branch: branch, DepartmentClass: standard.Major,
		Applicant:      casework.Party{Kind: casework.KindIndividual, IIN: iin, Surname: p.Surname, GivenName: p.GivenName},
		Representative: rep,
		Documents: []casework.DocumentInput{{ID: "application", Provided: true}, {ID: "identity", Provided: true},
			{ID: "official-document", Provided: true}, {ID: "power-of-attorney", Provided: rep != nil}},
		Payment: &casework.Payment{Method: casework.PaymentGateway, AmountTenge: 2000, PaidOn: today},
		Fields:  map[string]string{"document": "Resolution No. 17 of the Astana prosecutor"}}
	app, _, err := d.site.Sys.Engine.Submit(ctx, operator("fixture."+branch, branch), in, "")
	if err != nil {
		t.Fatal(err)
	}
	return app
}

// exec runs a command through the engine and fails the test on an error.
func (d *desk) exec(t *testing.T, a casework.Actor, app *casework.Application, name string, data any) *casework.Application {
	t.Helper()
	var raw json.RawMessage
	if data != nil {
		raw, _ = json.Marshal(data)
	}
	out, err := d.site.Sys.Engine.Execute(context.Background(), a, app.ID, casework.Command{Name: name, ExpectedVersion: app.Version, Data: raw})
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return out
}

// dispatched brings an AP application of branch to the branch's doorstep:
// accepted, registered, verified against a specimen of the demo registry,
// apostilled and sent (AP-6.1 – AP-6.5).
func (d *desk) dispatched(t *testing.T, branch, iin string, rep *casework.Representative) *casework.Application {
	t.Helper()
	app := d.submitAP(t, branch, iin, rep)
	app = d.exec(t, operator("fixture."+branch, branch), app, "accept", nil)
	app = d.exec(t, officer, app, "register", nil)
	app = d.exec(t, officer, app, "start-verification", nil)
	app = d.exec(t, officer, app, "issue", map[string]any{"apostille": d.specimen(t)})
	return d.exec(t, officer, app, "dispatch", nil)
}

// ready is dispatched and received at the branch: on the shelf (G-7).
func (d *desk) ready(t *testing.T, branch, iin string, rep *casework.Representative) *casework.Application {
	t.Helper()
	app := d.dispatched(t, branch, iin, rep)
	return d.exec(t, operator("fixture."+branch, branch), app, "receive-at-branch", nil)
}

// specimen is an official document agreeing with a prosecution specimen of
// the demo registry, signed yesterday.
func (d *desk) specimen(t *testing.T) map[string]any {
	t.Helper()
	ctx := context.Background()
	signed := calendar.DateOf(d.clock.Now()).AddDays(-1)
	var sur, given, pat, pos, body, seal string
	err := d.site.DB.ReadTx(ctx, func(tx *store.Tx) error {
		return tx.QueryRow(ctx, `SELECT surname, given_name, patronymic, position, body, seal_id FROM signatory_specimens
			WHERE body_kind = 'prosecution' AND valid_to IS NULL AND valid_from < ? ORDER BY id LIMIT 1`, signed.String()).
			Scan(&sur, &given, &pat, &pos, &body, &seal)
	})
	if err != nil {
		t.Fatal(err)
	}
	return map[string]any{"signer": map[string]string{"surname": sur, "given_name": given, "patronymic": pat},
		"position": pos, "body": body, "seal_id": seal, "signed_on": signed.String()}
}

// rep is a representative with a notarized POA.
func (d *desk) rep(t *testing.T, n int) *casework.Representative {
	t.Helper()
	iin := d.site.CleanCitizen(t, n)
	return &casework.Representative{Party: casework.Party{Kind: casework.KindIndividual, IIN: iin, Surname: "Сенімді", GivenName: "Өкіл"},
		POA: casework.POA{Number: "POA-77/2026", IssuedOn: calendar.DateOf(d.clock.Now()).AddDays(-3), Notary: "Нотариус Ахметова А."}}
}

func (d *desk) get(t *testing.T, id string) *casework.Application {
	t.Helper()
	app, err := d.site.Sys.Engine.Get(context.Background(), operator(d.login, myBranch), id)
	if err != nil {
		t.Fatal(err)
	}
	return app
}

// wantStatus fails unless resp has status.
func wantStatus(t *testing.T, what string, resp *http.Response, body string, status int) {
	t.Helper()
	if resp.StatusCode != status {
		t.Fatalf("%s: status %d, want %d\n%s", what, resp.StatusCode, status, excerpt(body))
	}
}

var mainPart = regexp.MustCompile(`(?s)<main.*</main>`)

// excerpt is the page's main part, for failure messages.
func excerpt(body string) string {
	if m := mainPart.FindString(body); m != "" {
		body = m
	}
	if len(body) > 3000 {
		body = body[:3000]
	}
	return body
}

// appID is the application ID a redirect points at.
func appID(t *testing.T, resp *http.Response) string {
	t.Helper()
	loc := resp.Header.Get("Location")
	rest, ok := strings.CutPrefix(loc, "/desk/front/applications/")
	if !ok {
		t.Fatalf("redirect to %q, want an application", loc)
	}
	id, _, _ := strings.Cut(rest, "/")
	id, _, _ = strings.Cut(id, "?")
	return id
}
