// Package complaintsdesk holds the complaints desk: registering complaints with their talons, the forward-or-satisfy decision, reviews and motivated replies (CP-1..CP-7).
package complaintsdesk

import (
	"context"
	"embed"
	"net/http"
	"slices"

	"qyzmet/internal/audit"
	"qyzmet/internal/auth"
	"qyzmet/internal/calendar"
	"qyzmet/internal/casework"
	"qyzmet/internal/i18n"
	"qyzmet/internal/standard"
	"qyzmet/internal/web/ui"
)

//go:embed templates/*.html
var templateFS embed.FS

// Pages are the area's pages.
type Pages struct {
	deps  ui.Deps
	views *ui.Views
}

// deskRoles are the roles that work the desk: the body reviewing complaints,
// the provider's officers and head (complaints addressed to the provider,
// CP-1, CP-2) and the quality-control body (CP-4).
var deskRoles = []casework.Role{casework.RoleComplaints, casework.RoleHead, casework.RoleOfficer, casework.RoleQuality}

// New parses the area's views.
func New(d ui.Deps) (*Pages, error) {
	v, err := ui.Parse(templateFS, d.Log, "list", "register", "complaint", "talon")
	if err != nil {
		return nil, err
	}
	return &Pages{deps: d, views: v}, nil
}

// Mount adds the area's routes. Every route is guarded by the desk's roles;
// every POST also by the form token and the origin check.
func (p *Pages) Mount(mux *http.ServeMux) {
	staff := func(h http.HandlerFunc) http.Handler { return p.views.Staff(h, deskRoles...) }
	post := func(h http.HandlerFunc) http.Handler { return p.views.Protect(staff(h)) }
	base := ui.PathComplaintDesk
	mux.Handle("GET "+base, staff(p.list))
	mux.Handle("GET "+base+"/new", staff(p.registerForm))
	mux.Handle("POST "+base+"/new", post(p.register))
	mux.Handle("GET "+base+"/{id}", staff(p.complaint))
	mux.Handle("POST "+base+"/{id}/{command}", post(p.command))
	mux.Handle("GET "+base+"/{id}/talon", staff(p.talon))
	mux.Handle("GET "+base+"/{id}/documents/{number}", staff(p.document))
}

// viewer is the principal as the engine sees them when reading: any of their
// desk roles sees every complaint (casework's visibility), the desk narrows it.
func viewer(who auth.Principal) casework.Actor {
	for _, r := range deskRoles {
		if a, ok := who.ActorAs(r); ok {
			return a
		}
	}
	return who.Actor()
}

// inScope reports whether the complaint is one the principal's desk handles.
// Rule CP-1: a complaint about the provider goes to that provider (its officers
// and head); Rule CP-4: one to the quality-control body to the quality officer;
// the body reviewing complaints sees them all, including those about the State
// Corporation's employees (CP-5).
func inScope(who auth.Principal, app *casework.Application) bool {
	if app == nil || app.Complaint == nil {
		return false
	}
	if who.Has(casework.RoleComplaints) {
		return true
	}
	switch app.Complaint.Addressee {
	case casework.AddresseeProvider:
		return who.Has(casework.RoleHead, casework.RoleOfficer)
	case casework.AddresseeQualityBody:
		return who.Has(casework.RoleQuality)
	}
	return false
}

// addresseesOf are the addressees whose complaints the principal registers.
func addresseesOf(who auth.Principal) []string {
	var out []string
	for _, a := range []string{casework.AddresseeProvider, casework.AddresseeQualityBody, casework.AddresseeStateCorp} {
		if inScope(who, &casework.Application{Complaint: &casework.Complaint{Addressee: a}}) {
			out = append(out, a)
		}
	}
	return out
}

// filerRole is the role the principal registers a complaint to addressee in.
func filerRole(who auth.Principal, addressee string) casework.Role {
	switch {
	case who.Has(casework.RoleComplaints):
		return casework.RoleComplaints
	case addressee == casework.AddresseeQualityBody:
		return casework.RoleQuality
	case who.Has(casework.RoleHead):
		return casework.RoleHead
	}
	return casework.RoleOfficer
}

// loadComplaint reads a complaint the principal's desk handles; anything else
// — another kind of application, another body's complaint, no such id — is
// the same not-found, so that an id in the URL reveals nothing.
func (p *Pages) loadComplaint(ctx context.Context, who auth.Principal, id string) (*casework.Application, bool) {
	app, err := p.deps.Sys.Engine.Get(ctx, viewer(who), id)
	if err != nil || !inScope(who, app) {
		return nil, false
	}
	return app, true
}

// audited records that who looks at the personal data of app before it is
// shown; a view that cannot be logged is not shown (#7).
func (p *Pages) audited(ctx context.Context, who auth.Principal, what string, app *casework.Application, detail string) error {
	return p.deps.Sys.Audit.Record(ctx, audit.View{Actor: viewer(who), What: what,
		ApplicationID: app.ID, SubjectIIN: app.Applicant.IIN, Detail: detail})
}

// serviceName is a service's name from its latest standard.
func (p *Pages) serviceName(id standard.ServiceID, lang i18n.Lang) string {
	if vs := p.deps.Sys.Standards().Versions(id); len(vs) > 0 {
		return vs[len(vs)-1].Name.In(lang)
	}
	return string(id)
}

// today is the day in Astana by the site's clock.
func (p *Pages) today() calendar.Date { return calendar.DateOf(p.deps.Now()) }

// clockView is one deadline of a complaint as the desk shows it: the status in
// words and a class that colours it (never colour alone).
type clockView struct {
	Name, Rule, Due, Status, Class string
	Open, Overdue                  bool
}

// clocks describes a complaint's deadlines at now: the 3 working days to
// forward or satisfy (CP-2), the 5-day review (CP-3, AC-19) and the 15-day
// review of the quality-control body (CP-4, AC-21).
func (p *Pages) clocks(app *casework.Application, lang i18n.Lang) []clockView {
	now := p.deps.Now()
	out := make([]clockView, 0, len(app.Clocks))
	for _, k := range app.Clocks {
		v := clockView{Name: k.Name.In(lang), Rule: k.Rule, Due: ui.FormatDate(k.DueOn)}
		switch {
		case k.Done && k.Late:
			v.Status, v.Class = ui.T("complaintsdesk.clock.done_late", lang), "cd-bad"
		case k.Done:
			v.Status, v.Class = ui.T("complaintsdesk.clock.done", lang), "cd-ok"
		case k.Overdue || now.After(k.Due):
			v.Open, v.Overdue = true, true
			v.Status, v.Class = ui.T("complaintsdesk.clock.overdue", lang), "cd-bad"
		default:
			v.Open = true
			v.Status, v.Class = p.remaining(k.DueOn, lang)
		}
		out = append(out, v)
	}
	return out
}

// remaining words the working days left until due (Rule G-1: working days).
func (p *Pages) remaining(due calendar.Date, lang i18n.Lang) (string, string) {
	left := p.deps.Sys.Calendar().WorkingDaysBetween(p.today(), due)
	switch {
	case left <= 0:
		return ui.T("complaintsdesk.clock.today", lang), "cd-warn"
	case left == 1:
		return ui.T("complaintsdesk.clock.one_left", lang), "cd-warn"
	}
	return ui.Tf("complaintsdesk.clock.left", lang, left), "cd-ok"
}

// anyOverdue reports whether any open clock is overdue.
func anyOverdue(cs []clockView) bool {
	return slices.ContainsFunc(cs, func(c clockView) bool { return c.Overdue })
}
