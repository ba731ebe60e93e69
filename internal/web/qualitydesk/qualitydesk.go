// Package qualitydesk holds the quality-control dashboard of the authorized body: on-time share, overdue and time to result as charts with drill-down and exports.
package qualitydesk

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
	mux.Handle("GET "+ui.PathQuality, p.views.Staff(http.HandlerFunc(p.start), casework.RoleQuality))
}

func (p *Pages) start(w http.ResponseWriter, r *http.Request) {
	lang := ui.RequestLang(w, r)
	p.views.Render(w, r, http.StatusOK, "start", lang, ui.T("qualitydesk.title", lang), nil)
}

func init() {
	ui.Add(map[string]i18n.Text{
		"qualitydesk.title": {KK: "Сапа бақылауы", RU: "Контроль качества", EN: "Quality control"},
	})
}
