// Package providerdesk holds the provider's desk: work queues by deadline, the verification panel with registry evidence, hearings, decisions, the head's batch signing, dispatch and the journal.
package providerdesk

import (
	"embed"
	"net/http"
	"net/url"
	"strings"

	"qyzmet/internal/casework"
	"qyzmet/internal/standard"
	"qyzmet/internal/web/ui"
)

//go:embed templates/*.html
var templateFS embed.FS

// Paths of the desk under ui.PathProviderDesk.
const (
	pathApplications = ui.PathProviderDesk + "/applications/"
	pathSign         = ui.PathProviderDesk + "/sign"
	pathDispatch     = ui.PathProviderDesk + "/dispatch"
	pathJournal      = ui.PathProviderDesk + "/journal"
)

// The desk's roles: officers and heads decide, archivists search the card
// index and file what nobody collected (G-7).
var (
	deskRoles     = []casework.Role{casework.RoleOfficer, casework.RoleHead, casework.RoleArchivist}
	decidingRoles = []casework.Role{casework.RoleOfficer, casework.RoleHead}
)

// Pages are the area's pages.
type Pages struct {
	deps    ui.Deps
	views   *ui.Views
	archive archiveIndex
}

// New parses the area's views.
func New(d ui.Deps) (*Pages, error) {
	v, err := ui.Parse(templateFS, d.Log, "queue", "application", "card", "batch", "journal")
	if err != nil {
		return nil, err
	}
	p := &Pages{deps: d, views: v}
	p.archive.cards = d.Sys.Registries.Cards
	return p, nil
}

// Mount adds the area's routes. Every route is guarded by the roles that may
// use it; the engine checks each command's role again.
func (p *Pages) Mount(mux *http.ServeMux) {
	staff := func(h http.HandlerFunc, roles ...casework.Role) http.Handler { return p.views.Staff(h, roles...) }
	post := func(h http.HandlerFunc, roles ...casework.Role) http.Handler {
		return p.views.Staff(p.views.Protect(h), roles...)
	}
	mux.Handle("GET "+ui.PathProviderDesk, staff(p.queue, deskRoles...))
	mux.Handle("GET "+pathApplications+"{id}", staff(p.application, deskRoles...))
	mux.Handle("POST "+pathApplications+"{id}/commands/{command}", post(p.command, deskRoles...))
	mux.Handle("GET "+pathApplications+"{id}/cards/{card}", staff(p.card, deskRoles...))
	mux.Handle("GET "+pathApplications+"{id}/documents/{number}", staff(p.document, deskRoles...))
	mux.Handle("GET "+pathSign, staff(p.signList, casework.RoleHead))
	mux.Handle("POST "+pathSign, post(p.signBatch, casework.RoleHead))
	mux.Handle("GET "+pathDispatch, staff(p.dispatchList, decidingRoles...))
	mux.Handle("POST "+pathDispatch, post(p.dispatchBatch, decidingRoles...))
	mux.Handle("GET "+pathJournal, staff(p.journal, decidingRoles...))
}

// actorIn is the signed-in staff member acting in the first of roles they
// hold; false when they hold none.
func actorIn(r *http.Request, roles ...casework.Role) (casework.Actor, bool) {
	who := ui.Principal(r)
	for _, role := range roles {
		if a, ok := who.ActorAs(role); ok {
			return a, true
		}
	}
	return casework.Actor{}, false
}

// reader is the actor a page reads as: an officer or a head sees the
// criminal-record evidence (docs/adr/0004-automation.md §4), an archivist not.
func reader(r *http.Request) casework.Actor {
	a, _ := actorIn(r, casework.RoleOfficer, casework.RoleHead, casework.RoleArchivist)
	return a
}

// standardOf is the standard version the application runs under.
func (p *Pages) standardOf(app *casework.Application) *standard.Standard {
	for _, v := range p.deps.Sys.Engine.Standards().Versions(app.Service) {
		if v.Version == app.StandardVersion {
			return v
		}
	}
	return nil
}

// desk services, in the order of the queue's tabs.
var deskServices = []standard.ServiceID{standard.CriminalRecord, standard.ApostilleProsecution, standard.ApostilleCourt, standard.ArchivalCertificate}

func applicationPath(id string) string { return pathApplications + id }

// query is a query string of the non-empty values, "" when all are empty.
func query(values map[string]string) string {
	v := url.Values{}
	for k, s := range values {
		if s != "" {
			v.Set(k, s)
		}
	}
	if len(v) == 0 {
		return ""
	}
	return "?" + v.Encode()
}

// joinWords joins the non-empty words with spaces.
func joinWords(words ...string) string {
	var out []string
	for _, w := range words {
		if w = strings.TrimSpace(w); w != "" {
			out = append(out, w)
		}
	}
	return strings.Join(out, " ")
}
