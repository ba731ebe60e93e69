// Package cabinet holds the citizen's personal cabinet: my applications with their timelines, notifications, downloads of signed results, consents asked of me, queue slots, home visits and complaints.
package cabinet

import (
	"embed"
	"net/http"

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
	mux.Handle("GET "+ui.PathCabinet, p.views.Citizen(http.HandlerFunc(p.start)))
}

func (p *Pages) start(w http.ResponseWriter, r *http.Request) {
	lang := ui.RequestLang(w, r)
	p.views.Render(w, r, http.StatusOK, "start", lang, ui.T("cabinet.title", lang), nil)
}

func init() {
	ui.Add(map[string]i18n.Text{
		"cabinet.title": {KK: "Жеке кабинет", RU: "Личный кабинет", EN: "My cabinet"},
	})
}
