package cabinet_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"qyzmet/internal/calendar"
	"qyzmet/internal/casework"
	"qyzmet/internal/standard"
	"qyzmet/internal/store"
	"qyzmet/internal/store/storetest"
	"qyzmet/internal/web"
	"qyzmet/internal/web/cabinet"
	"qyzmet/internal/web/ui"
	"qyzmet/internal/web/webtest"
)

// portal is a site with the cabinet, its clock on a working morning a week
// ahead of the real one: the portal's requests are received at once (G-3) and
// the engine's timers stay in the job runner's future.
type portal struct {
	*webtest.Site
	clock *storetest.Clock
}

func newPortal(t *testing.T) *portal {
	t.Helper()
	day := calendar.Default().NextWorkingDay(calendar.DateOf(time.Now().AddDate(0, 0, 7)))
	clock := storetest.NewClock(time.Date(day.Year, day.Month, day.Day, 10, 0, 0, 0, calendar.Almaty))
	site := webtest.New(t, webtest.Options{Clock: clock, Areas: []web.AreaFunc{
		func(d ui.Deps) (web.Area, error) { return cabinet.New(d) },
	}})
	return &portal{Site: site, clock: clock}
}

// applicant is the citizen iin as the engine sees them on the portal.
func applicant(iin string) casework.Actor {
	return casework.Actor{ID: "citizen-" + iin, Role: casework.RoleApplicant, IIN: iin}
}

// party is the registry's person iin as an application names them.
func (s *portal) party(t *testing.T, iin string) casework.Party {
	t.Helper()
	p, err := s.Sys.Registries.Persons.ByIIN(context.Background(), iin)
	if err != nil {
		t.Fatal(err)
	}
	return casework.Party{Kind: casework.KindIndividual, IIN: iin, Surname: p.Surname, GivenName: p.GivenName, Patronymic: p.Patronymic}
}

// submitCR sends a criminal-record e-request of applicant about subject, as the
// portal's form does.
func (s *portal) submitCR(t *testing.T, applicantIIN, subjectIIN string) *casework.Application {
	t.Helper()
	relation := casework.RelationSelf
	if subjectIIN != applicantIIN {
		relation = casework.RelationThirdParty
	}
	in := casework.SubmitInput{Service: standard.CriminalRecord, Channel: standard.Portal, Applicant: s.party(t, applicantIIN),
		Subject: &casework.Subject{Relation: relation, Person: s.party(t, subjectIIN)}}
	app, _, err := s.Sys.Engine.Submit(context.Background(), applicant(applicantIIN), in, "")
	if err != nil {
		t.Fatal(err)
	}
	return app
}

// waitState waits up to 20 seconds for the automation to bring app to state.
func (s *portal) waitState(t *testing.T, iin, id string, state casework.State) *casework.Application {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		app, err := s.Sys.Engine.Get(context.Background(), applicant(iin), id)
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

// count is the number of rows of table.
func (s *portal) count(t *testing.T, table string) int {
	t.Helper()
	return s.countWhere(t, table, "1 = 1")
}

// countWhere counts the rows of table that match the SQL condition where.
func (s *portal) countWhere(t *testing.T, table, where string) int {
	t.Helper()
	var n int
	err := s.DB.ReadTx(context.Background(), func(tx *store.Tx) error {
		return tx.QueryRow(context.Background(), `SELECT count(*) FROM `+table+` WHERE `+where).Scan(&n)
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func wantStatus(t *testing.T, what string, resp *http.Response, want int) {
	t.Helper()
	if resp.StatusCode != want {
		t.Fatalf("%s: status %d, want %d", what, resp.StatusCode, want)
	}
}

func wantIn(t *testing.T, what, body string, parts ...string) {
	t.Helper()
	for _, p := range parts {
		if !strings.Contains(body, p) {
			t.Errorf("%s lacks %q", what, p)
		}
	}
}
