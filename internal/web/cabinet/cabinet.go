// Package cabinet holds the citizen's personal cabinet: my applications with
// their timelines, notifications, downloads of signed results, consents asked
// of me, queue slots, home visits and complaints. Every route is for a
// signed-in citizen only (views.Citizen) and every change is a CSRF-protected
// POST (views.Protect); the engine and the queue check again whose data it is,
// and the pages answer another person's id with the same 404 as a missing one.
package cabinet

import (
	"context"
	"embed"
	"html/template"
	"net/http"
	"slices"
	"strings"

	"qyzmet/internal/casework"
	"qyzmet/internal/i18n"
	"qyzmet/internal/org"
	"qyzmet/internal/standard"
	"qyzmet/internal/web/ui"
)

//go:embed templates/*.html
var templateFS embed.FS

// Paths of the cabinet's pages.
const (
	pathApplications  = ui.PathCabinet + "/applications/"
	pathNotifications = ui.PathCabinet + "/notifications"
	pathConsents      = ui.PathCabinet + "/consents"
	pathQueue         = ui.PathCabinet + "/queue"
	pathHomeVisit     = ui.PathCabinet + "/home-visit"
)

// Pages are the area's pages.
type Pages struct {
	deps  ui.Deps
	views *ui.Views
}

// New parses the area's views.
func New(d ui.Deps) (*Pages, error) {
	v, err := ui.Parse(templateFS, d.Log, "start", "application", "notifications", "consents", "queue", "homevisit", "complaint", "talon", "organisations")
	if err != nil {
		return nil, err
	}
	return &Pages{deps: d, views: v}, nil
}

// Mount adds the area's routes.
func (p *Pages) Mount(mux *http.ServeMux) {
	get := func(pattern string, h http.HandlerFunc) { mux.Handle("GET "+pattern, p.views.Citizen(h)) }
	post := func(pattern string, h http.HandlerFunc) {
		mux.Handle("POST "+pattern, p.views.Citizen(p.views.Protect(h)))
	}
	get(ui.PathCabinet, p.start)
	get(pathApplications+"{id}", p.application)
	get(pathApplications+"{id}/documents/{number}", p.document)
	post(pathApplications+"{id}/consent", p.consent)
	get(pathApplications+"{id}/complaint", p.complaintForm)
	post(pathApplications+"{id}/complaint", p.fileComplaint)
	get(pathApplications+"{id}/talon", p.talon)
	get(pathNotifications, p.notifications)
	post(pathNotifications+"/{nid}/read", p.markRead)
	post(pathNotifications+"/read-all", p.markAllRead)
	get(pathConsents, p.consents)
	get(pathQueue, p.queuePage)
	post(pathQueue, p.book)
	post(pathQueue+"/{tid}/cancel", p.cancelBooking)
	get(pathHomeVisit, p.homeVisitPage)
	post(pathHomeVisit, p.requestHomeVisit)
	get(pathOrganisations, p.organisations)
	post(pathOrganisations, p.actFor)
}

// actor is the signed-in citizen as the engine sees them.
func actor(r *http.Request) casework.Actor {
	a, _ := ui.Principal(r).ActorAs(casework.RoleApplicant)
	return a
}

// Tab is one entry of the cabinet's own menu.
type Tab struct {
	Href, Label string
	Count       int // unread or pending, shown as a badge
	Current     bool
}

// Shell is what every cabinet page shows around its own content.
type Shell struct {
	Lang i18n.Lang
	Tabs []Tab
	// ActingName and ActingBIN are the organisation the session acts for;
	// empty when the citizen acts as themself.
	ActingName, ActingBIN string
}

// menuTemplate is the cabinet's own menu, the same on every page.
var menuTemplate = template.Must(template.New("menu").Parse(`{{with .Acting}}<div class="notice notice-warn cab-acting" role="status">` +
	`<span>{{.}}</span> <a href="/cabinet/organisations">{{$.Change}}</a></div>{{end}}<nav class="cab-tabs" aria-label="{{.Label}}">` +
	`{{range .Tabs}}<a href="{{.Href}}"{{if .Current}} aria-current="page"{{end}}>{{.Label}}` +
	`{{if .Count}} <span class="cab-badge">{{.Count}}<span class="visually-hidden"> {{$.Badge}}</span></span>{{end}}</a>{{end}}</nav>`))

// Menu is the cabinet's menu as HTML.
func (s Shell) Menu() template.HTML {
	var b strings.Builder
	acting := ""
	if s.ActingBIN != "" {
		acting = ui.Tf("cabinet.org.acting", s.Lang, s.ActingName, s.ActingBIN)
	}
	err := menuTemplate.Execute(&b, map[string]any{"Label": ui.T("cabinet.tabs", s.Lang), "Badge": ui.T("cabinet.badge", s.Lang), "Tabs": s.Tabs,
		"Acting": acting, "Change": ui.T("cabinet.org.change", s.Lang)})
	if err != nil {
		return ""
	}
	return template.HTML(b.String())
}

// shell builds the cabinet menu for the page at current, with the counts of
// unread notifications and pending consents that call for attention; a
// failure to count only hides the badges. A page that has read the
// notifications already builds it with shellWith.
func (p *Pages) shell(r *http.Request, lang i18n.Lang, current string) Shell {
	a := actor(r)
	notes, err := p.deps.Sys.Engine.Notifications(r.Context(), a)
	if err != nil {
		p.deps.Log.Warn("cabinet: count notifications", "err", err)
		return p.shellWith(r, lang, current, 0, 0)
	}
	return p.shellWith(r, lang, current, unreadOf(notes), len(p.pendingConsents(r.Context(), a, notes)))
}

// shellWith is the cabinet menu with the counts given.
func (p *Pages) shellWith(r *http.Request, lang i18n.Lang, current string, unread, consents int) Shell {
	tabs := []Tab{
		{Href: ui.PathCabinet, Label: ui.T("cabinet.tab.applications", lang)},
		{Href: pathNotifications, Label: ui.T("cabinet.tab.notifications", lang), Count: unread},
		{Href: pathConsents, Label: ui.T("cabinet.tab.consents", lang), Count: consents},
		{Href: pathQueue, Label: ui.T("cabinet.tab.queue", lang)},
		{Href: pathHomeVisit, Label: ui.T("cabinet.tab.home_visit", lang)},
		{Href: pathOrganisations, Label: ui.T("cabinet.tab.organisations", lang)},
	}
	for i := range tabs {
		tabs[i].Current = tabs[i].Href == current
	}
	name, bin := acting(r)
	return Shell{Lang: lang, Tabs: tabs, ActingName: name, ActingBIN: bin}
}

// unreadOf counts the notifications not read yet.
func unreadOf(notes []casework.Notification) int {
	n := 0
	for _, note := range notes {
		if note.ReadAt == nil {
			n++
		}
	}
	return n
}

// serviceName is the name of a service in lang, from the standard in force.
func (p *Pages) serviceName(id standard.ServiceID, lang i18n.Lang) string {
	if vs := p.deps.Sys.Standards().Versions(id); len(vs) > 0 {
		return vs[len(vs)-1].Name.In(lang)
	}
	return string(id)
}

// serviceOptions are the services one comes to a branch for.
func (p *Pages) serviceOptions(lang i18n.Lang) []ui.Option {
	var out []ui.Option
	for _, id := range p.deps.Sys.Standards().Services() {
		if id != standard.Complaint {
			out = append(out, ui.Option{Value: string(id), Label: p.serviceName(id, lang)})
		}
	}
	return out
}

// branches are the State Corporation's open branches.
func (p *Pages) branches(ctx context.Context) []org.Branch {
	bs, err := p.deps.Sys.Branches.List(ctx, org.KindStateCorp)
	if err != nil {
		p.deps.Log.Warn("cabinet: list branches", "err", err)
	}
	return slices.DeleteFunc(bs, func(b org.Branch) bool { return !b.Open() })
}

func branchOptions(bs []org.Branch, lang i18n.Lang) []ui.Option {
	out := make([]ui.Option, 0, len(bs))
	for _, b := range bs {
		out = append(out, ui.Option{Value: b.ID, Label: b.Name.In(lang) + " — " + b.Address})
	}
	return out
}

// branchName is the branch's name in lang, or its code when unknown.
func (p *Pages) branchName(ctx context.Context, id string, lang i18n.Lang) string {
	if id == "" {
		return ""
	}
	b, err := p.deps.Sys.Branches.Branch(ctx, id)
	if err != nil {
		return id
	}
	return b.Name.In(lang) + " (" + b.Address + ")"
}
