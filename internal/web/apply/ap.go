package apply

import (
	"net/http"

	"qyzmet/internal/i18n"
	"qyzmet/internal/standard"
	"qyzmet/internal/web/ui"
)

// apOnly is the page of a service the portal does not take by itself (AP:
// AP-STD-2, the State Corporation only): it is asked for on the portal
// together with a service the portal takes, under one application
// (CR-STD-10, AR-STD-10, AP-STD-10), or at a State Corporation branch.
func (p *Pages) apOnly(w http.ResponseWriter, r *http.Request, std *standard.Standard, lang i18n.Lang) {
	type with struct {
		ID   standard.ServiceID
		Name string
		Rule string
	}
	var hosts []with
	for _, c := range std.Combinable {
		if o, err := p.deps.Sys.Standards().At(c.Service, p.today()); err == nil && o.Offers(standard.Portal) {
			hosts = append(hosts, with{ID: o.Service, Name: o.Name.In(lang), Rule: c.Rule})
		}
	}
	if len(hosts) == 0 {
		p.views.NotFound(w, r)
		return
	}
	p.views.Render(w, r, http.StatusOK, "ap", lang, std.Name.In(lang), map[string]any{
		"Hosts": hosts, "Fee": p.feeText(std, lang), "Rule": channelRule(std, standard.StateCorp)})
}

// feeText is the state duty of one document today, or "free".
func (p *Pages) feeText(std *standard.Standard, lang i18n.Lang) string {
	if std.Fee == nil || std.Fee.Free {
		return ui.T("apply.free", lang)
	}
	q, err := p.deps.Sys.Standards().Fee(std, p.today(), 1)
	if err != nil {
		return ""
	}
	return tiynText(q.Tiyn)
}

func channelRule(std *standard.Standard, ch standard.Channel) string {
	for _, c := range std.Channels {
		if c.ID == ch {
			return c.Rule
		}
	}
	return ""
}
