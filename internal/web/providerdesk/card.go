package providerdesk

import (
	"net/http"
	"slices"

	"qyzmet/internal/audit"
	"qyzmet/internal/casework"
	"qyzmet/internal/registry"
	"qyzmet/internal/standard"
	"qyzmet/internal/web/ui"
)

type cardContent struct {
	App     *casework.Application
	Card    registry.Card
	CanPick bool
}

// card shows one card of the special-settlement index found for an archival
// request, logged as a view of personal data before it is shown.
func (p *Pages) card(w http.ResponseWriter, r *http.Request) {
	lang := ui.RequestLang(w, r)
	actor := reader(r)
	app, err := p.deps.Sys.Engine.Get(r.Context(), actor, r.PathValue("id"))
	if err == nil && app.Service != standard.ArchivalCertificate {
		p.views.NotFound(w, r)
		return
	}
	if err != nil {
		p.views.Fail(w, r, err)
		return
	}
	card, err := p.deps.Sys.Registries.Cards.Card(r.Context(), r.PathValue("card"))
	if err != nil {
		p.views.Fail(w, r, err)
		return
	}
	if err := p.audit(r.Context(), actor, audit.ViewCard, app, card.ID); err != nil {
		p.views.Fail(w, r, err)
		return
	}
	// Rule AR-6.3: the card that answers is recorded while the search runs.
	c := cardContent{App: app, Card: card, CanPick: slices.Contains(decisionStates, app.State)}
	p.views.Render(w, r, http.StatusOK, "card", lang, ui.Tf("providerdesk.card.title", lang, card.ID), c)
}
