// Package frontdesk holds the State Corporation's front desk: walk-in intake with the standard's checklist, receipts, the shelf of ready results, hand-over, returns and the electronic queue.
package frontdesk

import (
	"context"
	"embed"
	"net/http"

	"qyzmet/internal/audit"
	"qyzmet/internal/casework"
	"qyzmet/internal/i18n"
	"qyzmet/internal/org"
	"qyzmet/internal/web/ui"
)

//go:embed templates/*.html
var templateFS embed.FS

// Pages are the area's pages.
type Pages struct {
	deps  ui.Deps
	views *ui.Views
}

// views of the area; parsing fails at start-up when one is missing.
var views = []string{"start", "person", "application", "receipt", "shelf", "queue"}

// New parses the area's views.
func New(d ui.Deps) (*Pages, error) {
	v, err := ui.Parse(templateFS, d.Log, views...)
	if err != nil {
		return nil, err
	}
	return &Pages{deps: d, views: v}, nil
}

// Paths of the desk.
const (
	pathPerson       = ui.PathFrontDesk + "/person"
	pathIntake       = ui.PathFrontDesk + "/intake"
	pathApplications = ui.PathFrontDesk + "/applications/"
	pathShelf        = ui.PathFrontDesk + "/shelf"
)

// Mount adds the area's routes: every one for operators only, every POST
// behind the CSRF and cross-origin check.
func (p *Pages) Mount(mux *http.ServeMux) {
	get := func(pattern string, h http.HandlerFunc) {
		mux.Handle("GET "+pattern, p.views.Staff(p.withBranch(h), casework.RoleOperator))
	}
	post := func(pattern string, h http.HandlerFunc) {
		mux.Handle("POST "+pattern, p.views.Staff(p.views.Protect(p.withBranch(h)), casework.RoleOperator))
	}
	get(ui.PathFrontDesk, p.start)
	get(pathPerson, p.person)
	post(pathIntake, p.intake)
	get(pathApplications+"{id}", p.application)
	get(pathApplications+"{id}/receipt", p.receipt)
	get(pathApplications+"{id}/documents/{number}", p.document)
	post(pathApplications+"{id}/commands/{command}", p.command)
	get(pathShelf, p.shelf)
	get(pathQueue, p.queueView)
	post(pathQueue+"/call", p.callNext)
	post(pathQueue+"/finish", p.finish)
	post(pathQueue+"/walk-in", p.walkIn)
	post(pathQueue+"/arrive", p.arrive)
	get(pathQueue+"/tickets/{id}/intake", p.receive)
	post(pathQueue+"/visits/{id}/schedule", p.scheduleVisit)
	post(pathQueue+"/visits/{id}/close", p.closeVisit)
}

// branchKey carries the operator's branch in the request's context.
type branchKey struct{}

// withBranch loads the operator's branch: the desk works in one, and an
// account without a branch cannot receive anybody.
func (p *Pages) withBranch(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		lang := ui.RequestLang(w, r)
		id := ui.Principal(r).Branch
		if id == "" {
			p.views.Message(w, r, http.StatusForbidden, "frontdesk.no_branch.title", ui.T("frontdesk.no_branch", lang))
			return
		}
		b, err := p.deps.Sys.Branches.Branch(r.Context(), id)
		if err != nil {
			p.views.Fail(w, r, err)
			return
		}
		next(w, r.WithContext(context.WithValue(r.Context(), branchKey{}, b)))
	}
}

// branch is the operator's branch (withBranch put it there).
func branch(r *http.Request) org.Branch {
	b, _ := r.Context().Value(branchKey{}).(org.Branch)
	return b
}

// actor is the signed-in operator as the engine sees them.
func actor(r *http.Request) casework.Actor {
	a, _ := ui.Principal(r).ActorAs(casework.RoleOperator)
	return a
}

// audited records that the operator looks at v's data; the page is shown only
// when the entry is written (#7: every view of personal data is logged).
func (p *Pages) audited(r *http.Request, v audit.View) error {
	v.Actor = actor(r)
	return p.deps.Sys.Audit.Record(r.Context(), v)
}

func (p *Pages) render(w http.ResponseWriter, r *http.Request, status int, view string, lang i18n.Lang, titleKey string, content any) {
	p.views.Render(w, r, status, view, lang, ui.T(titleKey, lang), content)
}
