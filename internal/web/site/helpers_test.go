package site_test

import (
	"context"
	"net/url"
	"strings"
	"testing"
	"time"

	"qyzmet/internal/auth"
	"qyzmet/internal/calendar"
	"qyzmet/internal/casework"
	"qyzmet/internal/queue"
	"qyzmet/internal/registry"
	"qyzmet/internal/standard"
	"qyzmet/internal/store"
	"qyzmet/internal/web/site"
	"qyzmet/internal/web/webtest"
)

func contains(s, sub string) bool { return strings.Contains(s, sub) }

func escape(p string) string { return url.QueryEscape(p) }

// world is a whole site with one of everything the desks list, made through
// the engine as the areas would: a citizen's criminal-record certificate,
// issued, with an electronic complaint about it; an apostille of a
// prosecution document accepted at the front desk; an archival request about
// oneself; a ticket of the branch's queue; and a staff account for every role.
type world struct {
	*webtest.Site
	citizen          string // the IIN of the citizen who holds the certificate
	cr, ap, ar, comp *casework.Application
	ticket           queue.Ticket
	logins           map[casework.Role]string
}

// worldBranch is the State Corporation branch the operators work at.
const worldBranch = "astana-esil"

func newWorld(t *testing.T) *world {
	t.Helper()
	w := &world{Site: webtest.New(t, webtest.Options{Areas: site.Areas}), logins: map[casework.Role]string{}}
	for _, role := range auth.StaffRoles() {
		w.logins[role] = w.Staff(t, "w-"+string(role), worldBranch, role)
	}
	w.citizen = w.CleanCitizen(t, 0)
	me := w.party(t, w.citizen)
	ctx := context.Background()
	var err error
	w.cr, _, err = w.Sys.Engine.Submit(ctx, citizenActor(w.citizen), casework.SubmitInput{Service: standard.CriminalRecord,
		Channel: standard.Portal, Applicant: me, Subject: &casework.Subject{Relation: casework.RelationSelf, Person: me}}, "world-cr")
	if err != nil {
		t.Fatal(err)
	}
	w.cr = w.waitState(t, w.cr.ID, casework.StateIssued)
	w.comp, _, err = w.Sys.Engine.FileComplaint(ctx, citizenActor(w.citizen), casework.ComplaintInput{About: w.cr.ID,
		Complainant: me, Addressee: casework.AddresseeProvider, Form: "electronic", ReplyMethod: "electronic",
		Text: "Анықтаманың мәтінінде қате бар."}, "world-complaint")
	if err != nil {
		t.Fatalf("complaint: %v", err)
	}
	w.ap = w.acceptAtFrontDesk(t, w.apostille(t, w.party(t, w.CleanCitizen(t, 1))))
	other := w.party(t, w.CleanCitizen(t, 2))
	w.ar = w.acceptAtFrontDesk(t, casework.SubmitInput{Service: standard.ArchivalCertificate, Applicant: other,
		Subject: &casework.Subject{Relation: casework.RelationSelf, Person: other}, Documents: provided("application", "identity")})
	if w.ticket, err = w.Sys.Queue.WalkIn(ctx, worldBranch, queue.PurposeSubmit, w.citizen); err != nil {
		t.Fatalf("walk-in ticket: %v", err)
	}
	return w
}

func citizenActor(iin string) casework.Actor {
	return casework.Actor{ID: "citizen-" + iin, Role: casework.RoleApplicant, IIN: iin}
}

func (w *world) operator() casework.Actor {
	return casework.Actor{ID: w.logins[casework.RoleOperator], Role: casework.RoleOperator, Branch: worldBranch, Name: "Test operator"}
}

// party is the registry's person iin as an application names them.
func (w *world) party(t *testing.T, iin string) casework.Party {
	t.Helper()
	p, err := w.Sys.Registries.Persons.ByIIN(context.Background(), iin)
	if err != nil {
		t.Fatal(err)
	}
	return casework.Party{Kind: casework.KindIndividual, IIN: iin, Surname: p.Surname, GivenName: p.GivenName, Patronymic: p.Patronymic,
		Phone: "+77011234567", Address: "Астана, Абай даңғылы 10"}
}

// acceptAtFrontDesk files in at the world's branch and accepts it, as the
// front desk does.
func (w *world) acceptAtFrontDesk(t *testing.T, in casework.SubmitInput) *casework.Application {
	t.Helper()
	in.Channel, in.Branch, in.DepartmentClass = standard.StateCorp, worldBranch, standard.Major
	ctx := context.Background()
	app, _, err := w.Sys.Engine.Submit(ctx, w.operator(), in, "world-"+string(in.Service))
	if err != nil {
		t.Fatalf("submit %s: %v", in.Service, err)
	}
	app, err = w.Sys.Engine.Execute(ctx, w.operator(), app.ID, casework.Command{Name: "accept", ExpectedVersion: app.Version})
	if err != nil {
		t.Fatalf("accept %s: %v", in.Service, err)
	}
	return app
}

// apostille is an apostille of a prosecution document paid through the
// gateway, its signer and seal typed from a specimen in force.
func (w *world) apostille(t *testing.T, applicant casework.Party) casework.SubmitInput {
	t.Helper()
	ctx := context.Background()
	var seal string
	err := w.DB.ReadTx(ctx, func(tx *store.Tx) error {
		return tx.QueryRow(ctx, `SELECT seal_id FROM signatory_specimens WHERE body_kind = 'prosecution' AND valid_to IS NULL
			AND valid_from < '2020-01-01' ORDER BY id LIMIT 1`).Scan(&seal)
	})
	if err != nil {
		t.Fatal(err)
	}
	ss, err := w.Sys.Registries.Signatories.Specimens(ctx, registry.SpecimenQuery{SealID: seal})
	if err != nil || len(ss) == 0 {
		t.Fatalf("specimen of %s: %v", seal, err)
	}
	sp := ss[0]
	return casework.SubmitInput{Service: standard.ApostilleProsecution, Applicant: applicant,
		Documents: provided("application", "identity", "official-document"),
		Payment:   &casework.Payment{Method: casework.PaymentGateway, Reference: "PG-WORLD", AmountTenge: 2162, PaidOn: calendar.DateOf(time.Now())},
		Fields: map[string]string{"document": "Прокурордың № 17 қаулысы", "country": "DE",
			"signer_surname": sp.Surname, "signer_given_name": sp.GivenName, "signer_patronymic": sp.Patronymic,
			"signer_position": sp.Position, "signer_body": sp.Body, "seal_id": sp.SealID, "signed_on": sp.ValidFrom.AddDays(30).String()}}
}

func provided(ids ...string) []casework.DocumentInput {
	var out []casework.DocumentInput
	for _, id := range ids {
		out = append(out, casework.DocumentInput{ID: id, Provided: true})
	}
	return out
}

// waitState waits up to 20 seconds for the automation to bring the
// citizen's application id to state.
func (w *world) waitState(t *testing.T, id string, state casework.State) *casework.Application {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		app, err := w.Sys.Engine.Get(context.Background(), citizenActor(w.citizen), id)
		if err != nil {
			t.Fatal(err)
		}
		if app.State == state {
			return app
		}
		if time.Now().After(deadline) {
			t.Fatalf("application %s is %s, want %s", id, app.State, state)
		}
		time.Sleep(100 * time.Millisecond)
	}
}
