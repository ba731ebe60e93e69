package web

import (
	"qyzmet/internal/web/admin"
	"qyzmet/internal/web/apply"
	"qyzmet/internal/web/cabinet"
	"qyzmet/internal/web/complaintsdesk"
	"qyzmet/internal/web/frontdesk"
	"qyzmet/internal/web/providerdesk"
	"qyzmet/internal/web/qualitydesk"
	"qyzmet/internal/web/ui"
)

// areas build the parts of the site that need the running system, each in its
// own package; each mounts its routes on the site's mux.
var areas = []func(ui.Deps) (area, error){
	func(d ui.Deps) (area, error) { return apply.New(d) },
	func(d ui.Deps) (area, error) { return cabinet.New(d) },
	func(d ui.Deps) (area, error) { return frontdesk.New(d) },
	func(d ui.Deps) (area, error) { return providerdesk.New(d) },
	func(d ui.Deps) (area, error) { return complaintsdesk.New(d) },
	func(d ui.Deps) (area, error) { return qualitydesk.New(d) },
	func(d ui.Deps) (area, error) { return admin.New(d) },
}
