// Package apply holds the portal's application forms: one per service on the portal channel, the payment of the state duty and the certification of the application with a one-time password.
//
// The way through (docs in each file):
//
//	GET  /apply                       the services the portal takes
//	GET  /apply/{service}             the form (a fresh idempotency key)
//	POST /apply/{service}             check, store uploads, keep a draft, then pay or confirm
//	GET  /apply/pay/{draft}           the payment-gateway simulator (pay.go)
//	GET  /apply/confirm/{draft}       summary + one-time password (confirm.go)
//	POST /apply/confirm/{draft}       certify and submit → /cabinet/applications/{id}
//	GET  /apply/consent/{id}          consent of a third party who is present (consent.go)
//	GET  /apply/files/{id}            an upload, to its owner only
package apply

import (
	"embed"
	"net/http"
	"slices"

	"qyzmet/internal/calendar"
	"qyzmet/internal/standard"
	"qyzmet/internal/upload"
	"qyzmet/internal/web/ui"
)

//go:embed templates/*.html
var templateFS embed.FS

// Pages are the area's pages.
type Pages struct {
	deps    ui.Deps
	views   *ui.Views
	uploads *upload.Store
	drafts  drafts
}

// New parses the area's views.
func New(d ui.Deps) (*Pages, error) {
	v, err := ui.Parse(templateFS, d.Log, "start", "form", "ap", "pay", "confirm", "consent")
	if err != nil {
		return nil, err
	}
	return &Pages{deps: d, views: v, uploads: &upload.Store{DB: d.Sys.DB}, drafts: drafts{db: d.Sys.DB}}, nil
}

// Mount adds the area's routes. Every route is for a signed-in citizen, and
// every POST is guarded against cross-site forgery.
func (p *Pages) Mount(mux *http.ServeMux) {
	get := func(pattern string, h http.HandlerFunc) { mux.Handle("GET "+pattern, p.views.Citizen(h)) }
	post := func(pattern string, h http.HandlerFunc) {
		mux.Handle("POST "+pattern, p.views.Citizen(p.limitBody(p.views.Protect(h))))
	}
	get(ui.PathApply, p.start)
	get(ui.PathApply+"/{service}", p.form)
	post(ui.PathApply+"/{service}", p.submitForm)
	get(ui.PathApply+"/pay/{draft}", p.payPage)
	post(ui.PathApply+"/pay/{draft}", p.pay)
	get(ui.PathApply+"/confirm/{draft}", p.confirmPage)
	post(ui.PathApply+"/confirm/{draft}", p.confirm)
	post(ui.PathApply+"/confirm/{draft}/resend", p.resend)
	get(ui.PathApply+"/consent/{id}", p.consentPage)
	post(ui.PathApply+"/consent/{id}/send", p.consentSend)
	post(ui.PathApply+"/consent/{id}", p.consent)
	get(ui.PathApply+"/files/{id}", p.file)
}

// serviceCard is one service on the start page.
type serviceCard struct {
	ID     standard.ServiceID
	Name   string
	Fee    string
	Portal bool // false: only combined with another service (AP-STD-2)
}

// unfinishedLine is a form left before its certification.
type unfinishedLine struct {
	Name, Href string
	Paid       bool
}

// start lists the forms left unfinished, then the services: those the portal takes, and the apostille of
// prosecution documents, which the portal takes only together with another
// service under one application.
func (p *Pages) start(w http.ResponseWriter, r *http.Request) {
	lang := ui.RequestLang(w, r)
	today := p.today()
	forOrganisation := ui.Principal(r).BIN != ""
	var cards []serviceCard
	for _, id := range p.deps.Sys.Standards().Services() {
		std, err := p.deps.Sys.Standards().At(id, today)
		if err != nil || std.Kind != standard.KindService || forOrganisation && !takesLegalEntities(std) {
			continue
		}
		c := serviceCard{ID: id, Name: std.Name.In(lang), Portal: std.Offers(standard.Portal), Fee: p.feeText(std, lang)}
		if !c.Portal && !combinableOnPortal(p.deps.Sys.Standards(), std, today) {
			continue
		}
		cards = append(cards, c)
	}
	slices.SortStableFunc(cards, func(a, b serviceCard) int {
		if a.Portal == b.Portal {
			return 0
		}
		if a.Portal {
			return -1
		}
		return 1
	})
	var unfinished []unfinishedLine
	if ds, err := p.drafts.unfinished(r.Context(), draftOwner(ui.Principal(r))); err != nil {
		p.deps.Log.Error("apply: unfinished drafts", "err", err)
	} else {
		for _, d := range ds {
			name := string(d.Service)
			if std, err := p.deps.Sys.Standards().At(d.Service, today); err == nil {
				name = std.Name.In(lang)
			}
			unfinished = append(unfinished, unfinishedLine{Name: name, Href: ui.PathApply + "/" + string(d.Service) + "?draft=" + d.ID,
				Paid: d.Data.Payment != nil})
		}
	}
	p.views.Render(w, r, http.StatusOK, "start", lang, ui.T("apply.title", lang), map[string]any{"Cards": cards, "Unfinished": unfinished})
}

// combinableOnPortal: a service the portal does not take may still be asked
// for together with one it does (CR-STD-10, AR-STD-10).
func combinableOnPortal(set *standard.Set, std *standard.Standard, today calendar.Date) bool {
	for _, c := range std.Combinable {
		if o, err := set.At(c.Service, today); err == nil && o.Offers(standard.Portal) {
			return true
		}
	}
	return false
}

func (p *Pages) today() calendar.Date { return calendar.DateOf(p.deps.Now()) }
