package providerdesk

import (
	"net/http"
	"slices"
	"strconv"
	"strings"

	"qyzmet/internal/apperr"
	"qyzmet/internal/calendar"
	"qyzmet/internal/casework"
	"qyzmet/internal/i18n"
	"qyzmet/internal/web/ui"
)

// headDesk is the assignee an officer gives an application whose result is
// decided and waits for the head's signature (AR-6.4: signed by the head).
// The engine's notifications for an assignee "role:head" reach every head's
// desk (casework.recipients).
const headDesk = "role:head"

// decisionStates are the states a result is decided from (ADR 0003 §3).
var decisionStates = []casework.State{casework.StateVerification, casework.StateAdditionalCheck, casework.StateHearingHeld}

// batchKind is one of the desk's batch pages.
type batchKind struct {
	name    string // "sign" or "dispatch"
	command string
	roles   []casework.Role
	// filter and states select what the page reads; waiting, when set,
	// what of that it lists.
	filter  casework.Filter
	states  []casework.State
	waiting func(app *casework.Application) bool
}

var (
	signBatch = batchKind{name: "sign", command: "issue", roles: []casework.Role{casework.RoleHead},
		filter: casework.Filter{Assignee: headDesk}, states: decisionStates}
	dispatchBatch = batchKind{name: "dispatch", command: "dispatch", roles: decidingRoles,
		states:  []casework.State{casework.StateIssued, casework.StateRefused},
		waiting: func(app *casework.Application) bool { return app.Decision != nil && app.Decision.Paper }}
)

type batchRow struct {
	App       casework.Application
	Service   i18n.Text
	Applicant string
	Clock     clockView
	HasClock  bool
	Key       string // id:version, what the form posts
	Due       bool   // dispatch: the delivery is due today or tomorrow
}

type lineResult struct {
	Ref      string
	ID       string
	OK       bool
	Conflict bool
	Text     string
}

type batchContent struct {
	Kind    string
	Rows    []batchRow
	Results []lineResult
	Done    int
	Failed  int
}

func (p *Pages) signList(w http.ResponseWriter, r *http.Request) { p.batchPage(w, r, signBatch, nil) }
func (p *Pages) dispatchList(w http.ResponseWriter, r *http.Request) {
	p.batchPage(w, r, dispatchBatch, nil)
}
func (p *Pages) signBatch(w http.ResponseWriter, r *http.Request) { p.runBatch(w, r, signBatch) }
func (p *Pages) dispatchBatch(w http.ResponseWriter, r *http.Request) {
	p.runBatch(w, r, dispatchBatch)
}

// batchPage lists what waits for the batch, the first due at the top, with
// the results of the last run above it.
func (p *Pages) batchPage(w http.ResponseWriter, r *http.Request, k batchKind, results []lineResult) {
	lang := ui.RequestLang(w, r)
	actor, _ := actorIn(r, k.roles...)
	apps, err := p.listAll(r.Context(), actor, k.filter, k.states...)
	if err != nil {
		p.views.Fail(w, r, err)
		return
	}
	c := batchContent{Kind: k.name, Results: results}
	for _, res := range results {
		if res.OK {
			c.Done++
		} else {
			c.Failed++
		}
	}
	now := p.deps.Now()
	tomorrow := p.deps.Sys.Engine.Calendar().NextWorkingDay(calendar.DateOf(now))
	for i := range apps {
		app := &apps[i]
		if app.Complaint != nil || (k.waiting != nil && !k.waiting(app)) {
			continue
		}
		row := batchRow{App: *app, Service: p.serviceText(app.Service), Applicant: app.Applicant.Name(),
			Key: app.ID + ":" + strconv.Itoa(app.Version)}
		row.Clock, row.HasClock = clockOf(p.deps.Sys.Engine.Calendar(), app, now, lang)
		// Rule AP-6.5, AR-6.6: the result reaches the State Corporation no later
		// than one day before the deadline; the delivery clock says when.
		row.Due = row.HasClock && !row.Clock.Due.IsZero() && !calendar.DateOf(row.Clock.Due).After(tomorrow)
		c.Rows = append(c.Rows, row)
	}
	slices.SortStableFunc(c.Rows, func(a, b batchRow) int {
		return byFirstDue(queueRow{HasClock: a.HasClock, Clock: a.Clock}, queueRow{HasClock: b.HasClock, Clock: b.Clock})
	})
	status := http.StatusOK
	if c.Failed > 0 {
		status = http.StatusConflict
	}
	p.views.Render(w, r, status, "batch", lang, ui.T("providerdesk."+k.name+".title", lang), c)
}

// runBatch runs the batch's command on every selected application, one
// transaction each, and reports per line what was done and what conflicted:
// an application changed since the list was shown is left as it is.
func (p *Pages) runBatch(w http.ResponseWriter, r *http.Request, k batchKind) {
	lang := ui.RequestLang(w, r)
	actor, ok := actorIn(r, k.roles...)
	if !ok {
		p.views.Forbidden(w, r)
		return
	}
	if err := r.ParseForm(); err != nil {
		p.views.Message(w, r, http.StatusBadRequest, "error.title", ui.T("error.refused", lang))
		return
	}
	if len(r.PostForm["app"]) == 0 {
		p.batchPage(w, r, k, []lineResult{{Text: ui.T("providerdesk.batch.none", lang)}})
		return
	}
	var results []lineResult
	for _, key := range r.PostForm["app"] {
		id, v, _ := strings.Cut(key, ":")
		version, _ := strconv.Atoi(v)
		res := lineResult{ID: id, Ref: id}
		app, err := p.deps.Sys.Engine.Execute(r.Context(), actor, id, casework.Command{Name: k.command, ExpectedVersion: version})
		switch {
		case err == nil:
			res.OK, res.Ref, res.Text = true, appRef(app), app.State.Name().In(lang)
		case apperr.CodeOf(err) == apperr.Conflict && p.alreadyDone(r.Context(), actor, id, k.command, version):
			res.OK, res.Text = true, ui.T("providerdesk.batch.already", lang)
		case apperr.CodeOf(err) == apperr.Conflict:
			res.Conflict, res.Text = true, ui.T("providerdesk.batch.conflict", lang)
		default:
			res.Text = ui.ErrText(err, lang)
		}
		if !res.OK {
			if cur, err := p.deps.Sys.Engine.Get(r.Context(), actor, id); err == nil {
				res.Ref = appRef(cur)
			}
		}
		results = append(results, res)
	}
	p.batchPage(w, r, k, results)
}
