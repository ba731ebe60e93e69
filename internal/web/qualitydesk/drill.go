package qualitydesk

import (
	"net/http"
	"slices"

	"qyzmet/internal/audit"
	"qyzmet/internal/casework"
	"qyzmet/internal/i18n"
	"qyzmet/internal/quality"
	"qyzmet/internal/standard"
	"qyzmet/internal/web/ui"
)

// channels are the channels the filter offers.
var channels = []standard.Channel{standard.Portal, standard.StateCorp, standard.ProviderOffice, standard.Consulate}

// caseView is one application behind a figure.
type caseView struct {
	ID, Number, Service, Channel, Branch, Received, Deadline, Decided, Status, Class string
}

type drillView struct {
	Measure, Cell, Dimension string
	Cases                    []caseView
	Back                     string
}

// drill lists the applications behind one figure of one cell, with the same
// filters as the dashboard: a bar of a chart or a count of a table.
func (p *Pages) drill(w http.ResponseWriter, r *http.Request) {
	lang := ui.RequestLang(w, r)
	q, f, fe := p.query(r, lang)
	g := r.URL.Query()
	d, m := quality.Dimension(g.Get("by")), quality.Measure(g.Get("measure"))
	if fe.Any() || !slices.Contains(quality.Dimensions(), d) || !slices.Contains(quality.Measures(), m) {
		p.views.NotFound(w, r)
		return
	}
	q.GroupBy = []quality.Dimension{d}
	k := keyOf(d, g.Get("key"))
	cases, err := quality.Drill(r.Context(), p.deps.Sys.DB, q, k, m)
	if err != nil {
		p.deps.Log.Error("drill", "err", err)
		p.views.Message(w, r, http.StatusUnprocessableEntity, "error.title", queryError(err, lang).Notice)
		return
	}
	v := drillView{Measure: quality.MeasureName(m).In(lang), Cell: quality.Label(k, d, lang), Dimension: ui.T("qualitydesk.by."+string(d), lang),
		Back: ui.PathQuality + "?" + f.values().Encode()}
	for _, c := range cases {
		v.Cases = append(v.Cases, p.caseOf(c, q, lang))
	}
	p.views.Render(w, r, http.StatusOK, "drill", lang, v.Measure+": "+v.Cell, v)
}

// caseOf describes an application behind a figure, with whether it was
// decided on time (the same test as the figures: the decision no later than
// the deadline the engine computed, CR-STD-3.1, AP-STD-3, AR-STD-3, AC-4.1).
func (p *Pages) caseOf(c quality.Case, q quality.Query, lang i18n.Lang) caseView {
	v := caseView{ID: c.ID, Number: c.Number, Service: p.serviceName(c.Service, lang), Channel: c.Channel.Name().In(lang),
		Branch: c.Branch, Received: ui.FormatDate(c.ReceivedOn), Deadline: ui.FormatTime(c.Deadline)}
	switch {
	case c.DecidedAt != nil && !c.DecidedAt.After(c.Deadline):
		v.Decided, v.Status, v.Class = ui.FormatTime(*c.DecidedAt), quality.MeasureName(quality.OnTime).In(lang), "qd-ok"
	case c.DecidedAt != nil:
		v.Decided, v.Status, v.Class = ui.FormatTime(*c.DecidedAt), quality.MeasureName(quality.Late).In(lang), "qd-bad"
	case q.Now.After(c.Deadline):
		v.Status, v.Class = quality.MeasureName(quality.Overdue).In(lang), "qd-bad"
	default:
		v.Status, v.Class = ui.T("qualitydesk.in_progress", lang), "qd-open"
	}
	return v
}

type applicationView struct {
	App       *casework.Application
	Service   string
	Channel   string
	State     string
	Applicant string
	Decision  string
	Clocks    []clockView
}

type clockView struct {
	Name, Due, Rule, Status, Class string
}

// application is the read-only summary of an application behind a figure.
// It shows the applicant's name, so the view is logged before it is shown.
func (p *Pages) application(w http.ResponseWriter, r *http.Request) {
	lang := ui.RequestLang(w, r)
	who := ui.Principal(r)
	actor, _ := who.ActorAs(casework.RoleQuality)
	app, err := p.deps.Sys.Engine.Get(r.Context(), actor, r.PathValue("id"))
	if err != nil || app.Complaint != nil {
		p.views.NotFound(w, r)
		return
	}
	if err := p.deps.Sys.Audit.Record(r.Context(), audit.View{Actor: actor, What: audit.ViewApplication, ApplicationID: app.ID,
		SubjectIIN: app.Applicant.IIN, Detail: "quality drill-down"}); err != nil {
		p.deps.Log.Error("audit", "err", err)
		p.views.Message(w, r, http.StatusInternalServerError, "error.title", "")
		return
	}
	v := applicationView{App: app, Service: p.serviceName(app.Service, lang), Channel: app.Channel.Name().In(lang),
		State: app.State.Name().In(lang), Applicant: app.Applicant.Name()}
	if d := app.Decision; d != nil {
		v.Decision = ui.T("qualitydesk.outcome."+d.Outcome, lang)
	}
	for _, k := range app.Clocks {
		c := clockView{Name: k.Name.In(lang), Due: ui.FormatTime(k.Due), Rule: k.Rule}
		switch {
		case k.Done && k.Late:
			c.Status, c.Class = ui.T("qualitydesk.clock.late", lang), "qd-bad"
		case k.Done:
			c.Status, c.Class = ui.T("qualitydesk.clock.done", lang), "qd-ok"
		case k.Overdue || p.deps.Now().After(k.Due):
			c.Status, c.Class = ui.T("qualitydesk.clock.overdue", lang), "qd-bad"
		default:
			c.Status, c.Class = ui.T("qualitydesk.clock.open", lang), "qd-open"
		}
		v.Clocks = append(v.Clocks, c)
	}
	title := ui.Tf("qualitydesk.application.title", lang, app.Number)
	p.views.Render(w, r, http.StatusOK, "application", lang, title, v)
}
