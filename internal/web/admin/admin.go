// Package admin holds administration: users and roles, branches and departments, calendar transfers, MCI values and the standards in force.
package admin

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
	mux.Handle("GET "+ui.PathAdmin, p.views.Staff(http.HandlerFunc(p.start), casework.RoleAdmin))
}

func (p *Pages) start(w http.ResponseWriter, r *http.Request) {
	lang := ui.RequestLang(w, r)
	p.views.Render(w, r, http.StatusOK, "start", lang, ui.T("admin.title", lang), nil)
}

func init() {
	ui.Add(map[string]i18n.Text{
		"admin.title": {KK: "Әкімшілік", RU: "Администрирование", EN: "Administration"},
	})
}
