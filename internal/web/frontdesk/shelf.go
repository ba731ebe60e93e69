package frontdesk

import (
	"net/http"
	"time"

	"qyzmet/internal/calendar"
	"qyzmet/internal/casework"
	"qyzmet/internal/web/ui"
)

// shelfPage is the branch's paper results: those on the shelf with their
// month (G-7), those on their way from the provider, and those returned.
type shelfPage struct {
	Ready, Incoming, Returned []shelfRow
	Done                      string
}

// shelfRow is one paper result. Class colours its clock: near in the last
// three days, over once the month or the provider's day has passed.
type shelfRow struct {
	ID, Number, Service, Applicant, IIN string
	Version                             int
	Since                               time.Time
	Until                               calendar.Date
	BackBy                              time.Time
	RequestedBack                       bool
	Class                               string
	CanReturn                           bool
}

// shelf lists the paper results of the branch. Every row names a person, so
// each is logged as viewed first.
func (p *Pages) shelf(w http.ResponseWriter, r *http.Request) {
	lang := ui.RequestLang(w, r)
	now := p.deps.Now()
	page := shelfPage{Done: r.URL.Query().Get("done")}
	lists := []struct {
		state casework.State
		rows  *[]shelfRow
	}{
		{casework.StateReadyForPickup, &page.Ready},
		{casework.StateDispatched, &page.Incoming},
		{casework.StateReturnedToProvider, &page.Returned},
	}
	for _, l := range lists {
		apps, err := p.list(r, l.state)
		if err != nil {
			p.views.Fail(w, r, err)
			return
		}
		for i := range apps {
			a := &apps[i]
			if err := p.auditApp(r, a, "front-desk shelf"); err != nil {
				p.views.Fail(w, r, err)
				return
			}
			row := shelfRow{ID: a.ID, Number: a.Number, Service: p.serviceName(a.Service, a.SubmittedAt, lang),
				Applicant: a.Applicant.Name(), IIN: a.Applicant.IIN, Version: a.Version}
			shelfClock(&row, a, now)
			*l.rows = append(*l.rows, row)
		}
	}
	p.render(w, r, http.StatusOK, "shelf", lang, "frontdesk.shelf.title", page)
}

// shelfClock fills the row's clock. Rule G-7: the branch keeps a result one
// month, then returns it to the provider; a result requested back must come
// within 1 working day (AC-14).
func shelfClock(row *shelfRow, a *casework.Application, now time.Time) {
	if s := a.Storage; s != nil {
		row.Since, row.Until = s.ReadyAt, s.ReturnOn
		row.RequestedBack = s.RequestedBackAt != nil && a.State == casework.StateDispatched
		row.CanReturn = a.State == casework.StateReadyForPickup && !now.Before(s.ReturnAt)
		due := s.ReturnAt
		for _, c := range a.Clocks {
			if row.RequestedBack && c.ID == casework.ClockReturnToBranch && !c.Done {
				row.BackBy, due = c.Due, c.Due
			}
		}
		if a.State == casework.StateReadyForPickup || row.RequestedBack {
			row.Class = dueClass(due, now)
		}
	}
}

// dueClass colours a due time: over once passed, near within three days.
func dueClass(due, now time.Time) string {
	switch {
	case !now.Before(due):
		return "clock-over"
	case due.Sub(now) < 72*time.Hour:
		return "clock-near"
	}
	return "clock-ok"
}
