// Package admin holds administration (/admin, role admin): staff accounts and
// their roles, the State Corporation's branches and departments with their
// class, transfers of days off (G-1), MCI values (AP-STD-6, AC-7), the links
// of legal entities to the persons who act for them (CR-3, CR-STD-8.1) and a
// read-only view of every version of every service standard.
//
//	GET  /admin                              the overview
//	GET  /admin/users, POST /admin/users     accounts; add one (a one-time password shown once)
//	GET  /admin/users/{login}, POST …        change name, roles, branch
//	POST /admin/users/{login}/disable|enable|password
//	GET  /admin/branches, POST /admin/branches
//	GET  /admin/branches/{id}, POST …        change; POST …/close|reopen
//	GET  /admin/calendar, POST /admin/calendar   transfers of days off
//	GET  /admin/mci, POST /admin/mci         the MCI by year
//	GET  /admin/organisations, POST …        links of legal entities; add one
//	POST /admin/organisations/end            end a link (kept, ended)
//	GET  /admin/standards                    every standard's versions and rule IDs
//
// Every route is guarded by views.Staff(…, admin); every POST also by
// views.Protect (CSRF and cross-origin). A change of the calendar or the MCI
// takes effect at once in this process and within a minute in the others
// (app.System.ReloadLaw).
package admin

import (
	"crypto/rand"
	"embed"
	"net/http"
	"net/url"

	"qyzmet/internal/casework"
	"qyzmet/internal/settings"
	"qyzmet/internal/web/ui"
)

//go:embed templates/*.html
var templateFS embed.FS

// viewNames are the area's pages, one templates/NAME.html each.
var viewNames = []string{"start", "users", "user", "password", "branches", "branch", "calendar", "mci", "standards", "organisations"}

// Pages are the area's pages.
type Pages struct {
	deps     ui.Deps
	views    *ui.Views
	settings *settings.Store
}

// New parses the area's views.
func New(d ui.Deps) (*Pages, error) {
	v, err := ui.Parse(templateFS, d.Log, viewNames...)
	if err != nil {
		return nil, err
	}
	return &Pages{deps: d, views: v, settings: &settings.Store{DB: d.Sys.DB}}, nil
}

// Mount adds the area's routes, each for administrators only.
func (p *Pages) Mount(mux *http.ServeMux) {
	get := func(path string, h http.HandlerFunc) {
		mux.Handle("GET "+path, p.views.Staff(h, casework.RoleAdmin))
	}
	post := func(path string, h http.HandlerFunc) {
		mux.Handle("POST "+path, p.views.Staff(p.views.Protect(h), casework.RoleAdmin))
	}
	get(ui.PathAdmin, p.start)
	get(pathUsers, p.users)
	post(pathUsers, p.addUser)
	get(pathUsers+"/{login}", p.user)
	post(pathUsers+"/{login}", p.saveUser)
	post(pathUsers+"/{login}/disable", p.disableUser)
	post(pathUsers+"/{login}/enable", p.enableUser)
	post(pathUsers+"/{login}/password", p.resetPassword)
	get(pathBranches, p.branches)
	post(pathBranches, p.addBranch)
	get(pathBranches+"/{id}", p.branch)
	post(pathBranches+"/{id}", p.saveBranch)
	post(pathBranches+"/{id}/close", p.closeBranch)
	post(pathBranches+"/{id}/reopen", p.reopenBranch)
	get(pathCalendar, p.calendar)
	post(pathCalendar, p.addTransfer)
	get(pathMCI, p.mci)
	post(pathMCI, p.addMCI)
	get(pathOrganisations, p.organisations)
	post(pathOrganisations, p.addLink)
	post(pathOrganisations+"/end", p.endLink)
	get(pathStandards, p.standards)
}

// Paths of the area's sections.
const (
	pathUsers     = ui.PathAdmin + "/users"
	pathBranches  = ui.PathAdmin + "/branches"
	pathCalendar  = ui.PathAdmin + "/calendar"
	pathMCI       = ui.PathAdmin + "/mci"
	pathStandards = ui.PathAdmin + "/standards"
)

// Section is one entry of the area's own menu.
type Section struct {
	Href    string
	Key     string
	Current bool
}

var sectionList = []Section{
	{Href: pathUsers, Key: "admin.users.title"},
	{Href: pathBranches, Key: "admin.branches.title"},
	{Href: pathCalendar, Key: "admin.calendar.title"},
	{Href: pathMCI, Key: "admin.mci.title"},
	{Href: pathOrganisations, Key: "admin.orgs.title"},
	{Href: pathStandards, Key: "admin.standards.title"},
}

// Base is what every page of the area shows besides its own content: the
// area's menu and the notice of the change just made (Post/Redirect/Get).
type Base struct {
	Sections []Section
	Done     string
}

// doneKeys are the notices a redirect may ask for (?done=…): nothing else
// from the URL reaches the page.
var doneKeys = map[string]bool{"saved": true, "added": true, "disabled": true, "enabled": true, "closed": true, "reopened": true, "ended": true}

func base(r *http.Request, current string) Base {
	b := Base{Sections: make([]Section, len(sectionList))}
	copy(b.Sections, sectionList)
	for i := range b.Sections {
		b.Sections[i].Current = b.Sections[i].Href == current
	}
	if d := r.URL.Query().Get("done"); doneKeys[d] {
		b.Done = "admin.done." + d
	}
	return b
}

// done redirects after a successful POST to path with its notice.
func done(w http.ResponseWriter, r *http.Request, path, what string) {
	http.Redirect(w, r, path+"?done="+url.QueryEscape(what), http.StatusSeeOther)
}

// formKey is a fresh hidden key of a create form: a repeat of the form (a
// double click) is recognised by it.
func formKey() string { return rand.Text() }

func (p *Pages) start(w http.ResponseWriter, r *http.Request) {
	lang := ui.RequestLang(w, r)
	p.views.Render(w, r, http.StatusOK, "start", lang, ui.T("admin.title", lang), base(r, ""))
}

// failed answers an error that is no user's mistake: logged once, a generic
// page in the user's language.
func (p *Pages) failed(w http.ResponseWriter, r *http.Request, err error) {
	p.deps.Log.Error("admin", "path", r.URL.Path, "err", err)
	lang := ui.RequestLang(w, r)
	p.views.Message(w, r, ui.Status(err), "error.title", ErrText(err, lang))
}
