package providerdesk

import (
	"context"
	"net/http"
	"slices"

	"qyzmet/internal/casework"
	"qyzmet/internal/i18n"
	"qyzmet/internal/standard"
	"qyzmet/internal/web/ui"
)

// workStates are the states in which an application waits for the provider:
// from acceptance to dispatch, and a result returned unclaimed (G-7), which
// the archivist files.
var workStates = []casework.State{
	casework.StateAccepted, casework.StateRegistered, casework.StateVerification, casework.StateAdditionalCheck,
	casework.StatePreliminaryRefusal, casework.StateHearingScheduled, casework.StateHearingHeld,
	casework.StateIssued, casework.StateRefused, casework.StateReturnedToProvider,
}

// pageSize is one read of a list; the engine allows up to 1000.
const pageSize = 1000

// listAll is every application of f in the states, read page by page: a
// queue must not miss the oldest — most urgent — applications behind the
// newest thousand.
func (p *Pages) listAll(ctx context.Context, actor casework.Actor, f casework.Filter, states ...casework.State) ([]casework.Application, error) {
	if len(states) == 0 {
		states = []casework.State{""}
	}
	var out []casework.Application
	for _, st := range states {
		f.State, f.Limit, f.Before = st, pageSize, ""
		for {
			page, err := p.deps.Sys.Engine.List(ctx, actor, f)
			if err != nil {
				return nil, err
			}
			out = append(out, page...)
			if len(page) < pageSize {
				break
			}
			f.Before = page[len(page)-1].ID
		}
	}
	return out, nil
}

type queueRow struct {
	App       casework.Application
	Assignee  string
	Service   i18n.Text
	Applicant string
	Clock     clockView
	HasClock  bool
}

type serviceTab struct {
	ID      standard.ServiceID
	Name    i18n.Text
	Count   int
	Overdue int
	Current bool
	Href    string
}

type queueContent struct {
	Tabs    []serviceTab
	Rows    []queueRow
	State   string
	States  []ui.Option
	Mine    bool
	Service string
	Total   int
	IsHead  bool
	Decides bool // an officer or head: dispatch and the journal are theirs
}

// queue is the desk's start page: the open applications of every service,
// the one that runs out first at the top.
func (p *Pages) queue(w http.ResponseWriter, r *http.Request) {
	lang := ui.RequestLang(w, r)
	actor := reader(r)
	q := r.URL.Query()
	c := queueContent{State: q.Get("state"), Mine: q.Get("mine") == "1", Service: q.Get("service"),
		IsHead: ui.Principal(r).Has(casework.RoleHead), Decides: ui.Principal(r).Has(decidingRoles...)}
	f := casework.Filter{Assignee: ""}
	if c.Mine {
		f.Assignee = actor.ID
	}
	states := workStates
	if c.State != "" {
		states = []casework.State{casework.State(c.State)}
	}
	apps, err := p.listAll(r.Context(), actor, f, states...)
	if err != nil {
		p.views.Fail(w, r, err)
		return
	}
	now := p.deps.Now()
	counts := map[standard.ServiceID]*serviceTab{}
	for _, id := range deskServices {
		counts[id] = &serviceTab{ID: id, Name: p.serviceText(id), Current: string(id) == c.Service,
			Href: queueHref(string(id), c.State, c.Mine)}
	}
	for _, app := range apps {
		tab, ok := counts[app.Service]
		if !ok || app.Complaint != nil || !slices.Contains(workStates, app.State) || app.Final() {
			continue
		}
		row := queueRow{App: app, Service: tab.Name, Applicant: app.Applicant.Name(), Assignee: assigneeName(app.Assignee, lang)}
		row.Clock, row.HasClock = clockOf(p.deps.Sys.Engine.Calendar(), &app, now, lang)
		tab.Count++
		if row.Clock.Level == levelLate {
			tab.Overdue++
		}
		if c.Service == "" || string(app.Service) == c.Service {
			c.Rows = append(c.Rows, row)
		}
	}
	for _, id := range deskServices {
		c.Tabs = append(c.Tabs, *counts[id])
		c.Total += counts[id].Count
	}
	slices.SortStableFunc(c.Rows, byFirstDue)
	c.States = stateOptions(lang)
	p.views.Render(w, r, http.StatusOK, "queue", lang, ui.T("providerdesk.title", lang), c)
}

// byFirstDue orders rows by the clock that runs out first; rows without a
// running clock go last.
func byFirstDue(a, b queueRow) int {
	switch {
	case a.HasClock && !b.HasClock:
		return -1
	case !a.HasClock && b.HasClock:
		return 1
	}
	return a.Clock.Due.Compare(b.Clock.Due)
}

func queueHref(service, state string, mine bool) string {
	v := map[string]string{"service": service, "state": state}
	if mine {
		v["mine"] = "1"
	}
	return ui.PathProviderDesk + query(v)
}

func stateOptions(lang i18n.Lang) []ui.Option {
	out := []ui.Option{{Value: "", Label: ui.T("providerdesk.queue.all_states", lang)}}
	for _, s := range workStates {
		out = append(out, ui.Option{Value: string(s), Label: s.Name().In(lang)})
	}
	return out
}

// serviceText is the service's name in the newest standard loaded.
func (p *Pages) serviceText(id standard.ServiceID) i18n.Text {
	vs := p.deps.Sys.Engine.Standards().Versions(id)
	if len(vs) == 0 {
		return i18n.Text{KK: string(id), RU: string(id), EN: string(id)}
	}
	return vs[len(vs)-1].Name
}
