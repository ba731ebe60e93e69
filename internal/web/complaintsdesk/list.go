package complaintsdesk

import (
	"context"
	"net/http"
	"slices"
	"strings"

	"qyzmet/internal/audit"
	"qyzmet/internal/auth"
	"qyzmet/internal/calendar"
	"qyzmet/internal/casework"
	"qyzmet/internal/i18n"
	"qyzmet/internal/standard"
	"qyzmet/internal/web/ui"
)

// listLimit bounds the complaints one page lists.
const listLimit = 500

// aboutView is the application a complaint is about, in one line.
type aboutView struct {
	ID, Number, Service, State, Received, Deadline string
}

// rowView is one complaint of the list.
type rowView struct {
	ID, Number, Registered, Complainant, Addressee, Form, State string
	About                                                       aboutView
	Clocks                                                      []clockView
	Overdue, Final                                              bool
	dueOn                                                       calendar.Date
}

type listView struct {
	Rows    []rowView
	ShowAll bool
	Open    int
	Late    int
}

// list is the desk's start page: the complaints of the principal's body with
// their clocks, the most urgent first, overdue ones in red and in words.
func (p *Pages) list(w http.ResponseWriter, r *http.Request) {
	lang := ui.RequestLang(w, r)
	who := ui.Principal(r)
	showAll := r.URL.Query().Get("show") == "all"
	apps, err := p.deps.Sys.Engine.List(r.Context(), viewer(who), casework.Filter{Service: standard.Complaint, Limit: listLimit})
	if err != nil {
		p.deps.Log.Error("complaints list", "err", err)
		p.views.Message(w, r, ui.Status(err), "error.title", ui.ErrText(err, lang))
		return
	}
	v := listView{ShowAll: showAll}
	abouts := map[string]aboutView{}
	var numbers []string
	for i := range apps {
		app := &apps[i]
		if !inScope(who, app) || (!showAll && app.Final()) {
			continue
		}
		row := p.row(r.Context(), who, app, abouts, lang)
		if !row.Final {
			v.Open++
		}
		if row.Overdue {
			v.Late++
		}
		v.Rows = append(v.Rows, row)
		numbers = append(numbers, app.Number)
	}
	// The list shows complainants' names: the view is logged before it is shown.
	if len(numbers) > 0 {
		if err := p.deps.Sys.Audit.Record(r.Context(), audit.View{Actor: viewer(who), What: audit.ViewApplication,
			Detail: "complaints list: " + strings.Join(numbers, ", ")}); err != nil {
			p.deps.Log.Error("audit", "err", err)
			p.views.Message(w, r, http.StatusInternalServerError, "error.title", "")
			return
		}
	}
	sortRows(v.Rows)
	p.views.Render(w, r, http.StatusOK, "list", lang, ui.T("complaintsdesk.title", lang), v)
}

// sortRows puts the open complaints first, overdue ones before the others,
// then by the reply's due day.
func sortRows(rows []rowView) {
	rank := func(r rowView) int {
		switch {
		case r.Final:
			return 2
		case r.Overdue:
			return 0
		}
		return 1
	}
	slices.SortStableFunc(rows, func(a, b rowView) int {
		if d := rank(a) - rank(b); d != 0 {
			return d
		}
		return a.dueOn.Compare(b.dueOn)
	})
}

func (p *Pages) row(ctx context.Context, who auth.Principal, app *casework.Application, abouts map[string]aboutView, lang i18n.Lang) rowView {
	c := app.Complaint
	row := rowView{ID: app.ID, Number: app.Number, Registered: ui.FormatDate(app.ReceivedOn),
		Complainant: app.Applicant.Name(), Addressee: ui.T("complaintsdesk.addressee."+c.Addressee, lang),
		Form: ui.T("complaintsdesk.form."+c.Form, lang), State: app.State.Name().In(lang),
		Final: app.Final(), dueOn: app.DeadlineOn}
	if !row.Final {
		row.Clocks = p.clocks(app, lang)
		row.Overdue = anyOverdue(row.Clocks)
	}
	about, ok := abouts[c.About]
	if !ok {
		about = p.about(ctx, who, c.About, lang)
		abouts[c.About] = about
	}
	row.About = about
	return row
}

// about summarizes the application complained about (service, number, state);
// one the desk cannot read shows its service alone.
func (p *Pages) about(ctx context.Context, who auth.Principal, id string, lang i18n.Lang) aboutView {
	app, err := p.deps.Sys.Engine.Get(ctx, viewer(who), id)
	if err != nil {
		return aboutView{ID: id}
	}
	return aboutView{ID: app.ID, Number: app.Number, Service: p.serviceName(app.Service, lang), State: app.State.Name().In(lang),
		Received: ui.FormatDate(app.ReceivedOn), Deadline: ui.FormatDate(app.DeadlineOn)}
}
