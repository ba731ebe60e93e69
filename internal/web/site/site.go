// Package site lists every area of Qyzmet's web site, for `qyzmet serve` and
// for the tests that walk across areas (a walk-in apostille from the front
// desk to the provider desk and back).
package site

import (
	"qyzmet/internal/web"
	"qyzmet/internal/web/admin"
	"qyzmet/internal/web/apply"
	"qyzmet/internal/web/cabinet"
	"qyzmet/internal/web/complaintsdesk"
	"qyzmet/internal/web/frontdesk"
	"qyzmet/internal/web/providerdesk"
	"qyzmet/internal/web/qualitydesk"
	"qyzmet/internal/web/ui"
)

// Areas are all the areas, the portal's first.
var Areas = []web.AreaFunc{
	func(d ui.Deps) (web.Area, error) { return apply.New(d) },
	func(d ui.Deps) (web.Area, error) { return cabinet.New(d) },
	func(d ui.Deps) (web.Area, error) { return frontdesk.New(d) },
	func(d ui.Deps) (web.Area, error) { return providerdesk.New(d) },
	func(d ui.Deps) (web.Area, error) { return complaintsdesk.New(d) },
	func(d ui.Deps) (web.Area, error) { return qualitydesk.New(d) },
	func(d ui.Deps) (web.Area, error) { return admin.New(d) },
}
