// Package complaintsdesk holds the complaints desk: registering complaints with their talons, the forward-or-satisfy decision, reviews and motivated replies (CP-1..CP-7).
package complaintsdesk

import (
	"embed"
	"net/http"

	"qyzmet/internal/casework"
	"qyzmet/internal/i18n"
	"qyzmet/internal/web/ui"
)

//go:embed templates/*.html
var templateFS embed.FS

// Pages are the area's pages.
type Pages struct {
	deps  ui.Deps
	views *ui.Views
}

// New parses the area's views.
func New(d ui.Deps) (*Pages, error) {
	v, err := ui.Parse(templateFS, d.Log, "start")
	if err != nil {
		return nil, err
	}
	return &Pages{deps: d, views: v}, nil
}

// Mount adds the area's routes.
func (p *Pages) Mount(mux *http.ServeMux) {
	mux.Handle("GET "+ui.PathComplaintDesk, p.views.Staff(http.HandlerFunc(p.start), casework.RoleComplaints, casework.RoleHead, casework.RoleOfficer, casework.RoleQuality))
}

func (p *Pages) start(w http.ResponseWriter, r *http.Request) {
	lang := ui.RequestLang(w, r)
	p.views.Render(w, r, http.StatusOK, "start", lang, ui.T("complaintsdesk.title", lang), nil)
}

func init() {
	ui.Add(map[string]i18n.Text{
		"complaintsdesk.title": {KK: "Шағымдар", RU: "Жалобы", EN: "Complaints"},
	})
}
