package providerdesk_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"qyzmet/internal/audit"
	"qyzmet/internal/calendar"
	"qyzmet/internal/casework"
	"qyzmet/internal/iin"
	"qyzmet/internal/registry"
	"qyzmet/internal/standard"
	"qyzmet/internal/store"
	"qyzmet/internal/store/storetest"
	"qyzmet/internal/web"
	"qyzmet/internal/web/providerdesk"
	"qyzmet/internal/web/ui"
	"qyzmet/internal/web/webtest"
)

// desk is the site with the provider desk only: the tests here are about
// this area, and other areas' pages have their own.
type desk struct {
	*webtest.Site
	t     testing.TB
	clock *storetest.Clock
}

var area = []web.AreaFunc{func(d ui.Deps) (web.Area, error) { return providerdesk.New(d) }}

// newDesk starts a site; clock nil runs on real time (the River jobs, such as
// the criminal-record check, then run at once).
func newDesk(t testing.TB, clock *storetest.Clock) *desk {
	t.Helper()
	return &desk{Site: webtest.New(t, webtest.Options{Areas: area, Clock: clock}), t: t, clock: clock}
}

var (
	operator = casework.Actor{ID: "op-test", Role: casework.RoleOperator, Branch: "ALM-1", Name: "Operator"}
	system   = casework.Actor{ID: "admin-test", Role: casework.RoleAdmin}
	keys     atomic.Int64
)

// officer is the casework actor of a staff login in a role.
func officer(login string, role casework.Role) casework.Actor {
	return casework.Actor{ID: login, Role: role, Name: "Test " + login}
}

// person is a person of the demo registry as an applicant.
func (d *desk) person(n int) casework.Party {
	d.t.Helper()
	iin := d.CleanCitizen(d.t, n)
	p, err := d.Sys.Registries.Persons.ByIIN(context.Background(), iin)
	if err != nil {
		d.t.Fatal(err)
	}
	return casework.Party{Kind: "individual", IIN: iin, Surname: p.Surname, GivenName: p.GivenName, Patronymic: p.Patronymic,
		Phone: "+77011234567", Address: "Астана, Абай 10"}
}

func provided(ids ...string) []casework.DocumentInput {
	var out []casework.DocumentInput
	for _, id := range ids {
		out = append(out, casework.DocumentInput{ID: id, Provided: true})
	}
	return out
}

// submit files an application at the State Corporation and accepts it, as
// the front desk does.
func (d *desk) submit(in casework.SubmitInput) *casework.Application {
	d.t.Helper()
	if in.Channel == "" {
		in.Channel = standard.StateCorp
	}
	in.Branch, in.DepartmentClass = "ALM-1", standard.Major
	ctx := context.Background()
	app, _, err := d.Sys.Engine.Submit(ctx, operator, in, fmt.Sprintf("k-%d", keys.Add(1)))
	if err != nil {
		d.t.Fatalf("submit %s: %v", in.Service, err)
	}
	return d.exec(operator, app.ID, "accept", nil)
}

// exec runs a command at the application's current version.
func (d *desk) exec(a casework.Actor, id, name string, data any) *casework.Application {
	d.t.Helper()
	app := d.get(id)
	var raw json.RawMessage
	if data != nil {
		raw, _ = json.Marshal(data)
	}
	got, err := d.Sys.Engine.Execute(context.Background(), a, id, casework.Command{Name: name, ExpectedVersion: app.Version, Data: raw})
	if err != nil {
		d.t.Fatalf("%s on %s (%s): %v", name, id, app.State, err)
	}
	return got
}

func (d *desk) get(id string) *casework.Application {
	d.t.Helper()
	app, err := d.Sys.Engine.Get(context.Background(), system, id)
	if err != nil {
		d.t.Fatal(err)
	}
	return app
}

// apostille is an apostille of a prosecution document, paid through the
// gateway, accepted at the State Corporation.
//
// The front desk types the official document's signer and seal at intake
// (docs/adr/0004-automation.md: the application's fields), from a specimen
// in force, so the document is authentic.
func (d *desk) apostille(applicant casework.Party) *casework.Application {
	d.t.Helper()
	sp := d.specimen()
	return d.submit(casework.SubmitInput{Service: standard.ApostilleProsecution, Applicant: applicant,
		Documents: provided("application", "identity", "official-document"),
		Payment:   &casework.Payment{Method: casework.PaymentGateway, Reference: "PG-NONE", AmountTenge: 2162, PaidOn: calendar.DateOf(d.now())},
		Fields: map[string]string{"document": "Прокурордың № 17 қаулысы", "country": "DE",
			"signer_surname": sp.Surname, "signer_given_name": sp.GivenName, "signer_patronymic": sp.Patronymic,
			"signer_position": sp.Position, "signer_body": sp.Body, "seal_id": sp.SealID, "signed_on": sp.ValidFrom.AddDays(30).String()}})
}

// inVerification registers an apostille and starts its check.
func (d *desk) inVerification(app *casework.Application, by casework.Actor) *casework.Application {
	d.t.Helper()
	d.exec(by, app.ID, "register", nil)
	return d.exec(by, app.ID, "start-verification", nil)
}

func (d *desk) now() time.Time {
	if d.clock != nil {
		return d.clock.Now()
	}
	return time.Now()
}

// staff adds a staff account and signs a client in with it.
func (d *desk) staff(login string, roles ...casework.Role) *webtest.Client {
	d.t.Helper()
	d.Staff(d.t, login, "", roles...)
	return d.SignInStaff(d.t, login)
}

// auditEntries are the views of the application the actor logged.
func (d *desk) auditEntries(appID, actorID string) []audit.Entry {
	d.t.Helper()
	es, err := d.Sys.Audit.Entries(context.Background(), audit.Filter{ApplicationID: appID, ActorID: actorID})
	if err != nil {
		d.t.Fatal(err)
	}
	return es
}

func hasView(es []audit.Entry, what string) bool {
	for _, e := range es {
		if e.What == what {
			return true
		}
	}
	return false
}

// specimen is a prosecution official's specimen in force.
func (d *desk) specimen() registry.Signatory {
	d.t.Helper()
	ctx := context.Background()
	var seal string
	err := d.DB.ReadTx(ctx, func(tx *store.Tx) error {
		return tx.QueryRow(ctx, `SELECT seal_id FROM signatory_specimens WHERE body_kind = 'prosecution' AND valid_to IS NULL
			AND valid_from < '2020-01-01' ORDER BY id LIMIT 1`).Scan(&seal)
	})
	if err != nil {
		d.t.Fatal(err)
	}
	ss, err := d.Sys.Registries.Signatories.Specimens(ctx, registry.SpecimenQuery{SealID: seal})
	if err != nil || len(ss) == 0 {
		d.t.Fatalf("specimen of %s: %v", seal, err)
	}
	return ss[0]
}

var version = regexp.MustCompile(`name="version" value="([0-9]+)"`)

// pageVersion is the version the application page's forms carry.
func pageVersion(t testing.TB, body string) string {
	t.Helper()
	m := version.FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("no version in the page:\n%s", body)
	}
	return m[1]
}

// wantStatus fails the test when the answer is not the status.
func wantStatus(t testing.TB, resp *http.Response, body string, status int) {
	t.Helper()
	if resp.StatusCode != status {
		t.Fatalf("%s %s: status %d, want %d\n%s", resp.Request.Method, resp.Request.URL.Path, resp.StatusCode, status, excerpt(body))
	}
}

// fieldError is the error text shown next to the input with this id.
var fieldErrorRe = regexp.MustCompile(`<span class="error" id="([^"]+)-error">([^<]*)</span>`)

func fieldError(body, id string) string {
	for _, m := range fieldErrorRe.FindAllStringSubmatch(body, -1) {
		if m[1] == id {
			return m[2]
		}
	}
	return ""
}

func excerpt(body string) string {
	if i := strings.Index(body, "<main"); i >= 0 {
		body = body[i:]
	}
	if len(body) > 3000 {
		body = body[:3000]
	}
	return body
}

func appPath(id string) string { return "/desk/provider/applications/" + id }

// unknownPerson is a person with a valid IIN the person registry does not
// know: the automatic check sends their request to the additional check.
func (d *desk) unknownPerson() casework.Party {
	d.t.Helper()
	for serial := int(keys.Add(1)); ; serial++ {
		n, err := iin.Generate(time.Date(1987, 3, 14, 0, 0, 0, 0, time.UTC), iin.Male, 7000+serial%2000)
		if err != nil {
			continue
		}
		if _, err := d.Sys.Registries.Persons.ByIIN(context.Background(), n); err == nil {
			continue
		}
		return casework.Party{Kind: "individual", IIN: n, Surname: "Серікбаев", GivenName: "Нұрлан", Patronymic: "Асқарұлы",
			Phone: "+77017654321", Address: "Қарағанды, Бұқар жырау 5"}
	}
}

// crAdditionalCheck files a criminal-record request about p at the State
// Corporation and waits for the automatic check (a River job) to send it to
// the additional reference check (CR-STD-3.1).
func (d *desk) crAdditionalCheck(p casework.Party) *casework.Application {
	d.t.Helper()
	app := d.submit(casework.SubmitInput{Service: standard.CriminalRecord, Applicant: p,
		Subject: &casework.Subject{Relation: "self", Person: p}, Documents: provided("application", "identity")})
	for range 200 {
		if got := d.get(app.ID); got.State == casework.StateAdditionalCheck {
			return got
		}
		time.Sleep(50 * time.Millisecond)
	}
	d.t.Fatalf("application %s is %s, not in the additional check", app.ID, d.get(app.ID).State)
	return nil
}
