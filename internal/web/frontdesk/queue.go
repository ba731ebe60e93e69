package frontdesk

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"qyzmet/internal/apperr"
	"qyzmet/internal/audit"
	"qyzmet/internal/calendar"
	"qyzmet/internal/i18n"
	"qyzmet/internal/queue"
	"qyzmet/internal/web/ui"
)

// queuePage is the branch's electronic queue today: who waits, who is being
// served, the G-4 figures and the home visits asked for.
type queuePage struct {
	Waiting, Serving []ticketRow
	Window           int
	Windows          []int
	Stats            queue.Stats
	MeanWait         string
	MeanService      string
	WaitOver         bool
	ServiceOver      bool
	Target           int
	Visits           []visitRow
	Called           string
	Err              ui.FormError
	// Booked are today's bookings not yet checked in (G-5); Arrived is the
	// number just checked in.
	Booked  []ticketRow
	Arrived string
	// VisitID is the home visit whose form VisitErr belongs to.
	VisitID  string
	VisitErr ui.FormError
}

// visitRow is a home visit with its time as the schedule form takes it.
type visitRow struct {
	queue.HomeVisit
	StatusText, ScheduledInput, MinInput string
	Open, CanClose                       bool
}

// ticketRow is a ticket as the desk shows it: by number, never by person.
type ticketRow struct {
	ID, Number, Purpose   string
	Service               string // the service booked for, named
	Window                int
	Slot, Arrived, Called time.Time
}

func ticketRows(ts []queue.Ticket) []ticketRow {
	out := make([]ticketRow, 0, len(ts))
	for _, t := range ts {
		row := ticketRow{ID: t.ID, Number: t.Number, Purpose: string(t.Purpose), Window: t.Window}
		for _, v := range []struct {
			from *time.Time
			to   *time.Time
		}{{t.SlotStart, &row.Slot}, {t.ArrivedAt, &row.Arrived}, {t.CalledAt, &row.Called}} {
			if v.from != nil {
				*v.to = *v.from
			}
		}
		out = append(out, row)
	}
	return out
}

const pathQueue = ui.PathFrontDesk + "/queue"

func (p *Pages) queueView(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	p.renderQueue(w, r, http.StatusOK, queuePage{Called: q.Get("called"), Arrived: q.Get("arrived")})
}

// renderQueue shows the queue. Tickets are shown by number only; the home
// visits name people, so they are logged as viewed first.
func (p *Pages) renderQueue(w http.ResponseWriter, r *http.Request, status int, page queuePage) {
	lang := ui.RequestLang(w, r)
	ctx, b, q := r.Context(), branch(r), p.deps.Sys.Queue
	waiting, err := q.Waiting(ctx, b.ID)
	if err != nil {
		p.views.Fail(w, r, err)
		return
	}
	serving, err := q.Serving(ctx, b.ID)
	if err != nil {
		p.views.Fail(w, r, err)
		return
	}
	page.Waiting, page.Serving = ticketRows(waiting), ticketRows(serving)
	// Rule G-4: waiting at most 15 minutes, service at most 15 minutes —
	// measured over today's calls at this branch.
	today := calendar.DateOf(p.deps.Now())
	from := time.Date(today.Year, today.Month, today.Day, 0, 0, 0, 0, calendar.Almaty)
	if page.Stats, err = q.Stats(ctx, b.ID, from, from.AddDate(0, 0, 1)); err != nil {
		p.views.Fail(w, r, err)
		return
	}
	page.Target = int(queue.Target / time.Minute)
	page.MeanWait, page.MeanService = minutes(page.Stats.MeanWait), minutes(page.Stats.MeanService)
	page.WaitOver, page.ServiceOver = page.Stats.MeanWait > queue.Target, page.Stats.MeanService > queue.Target
	booked, err := q.Booked(ctx, b.ID, today)
	if err != nil {
		p.views.Fail(w, r, err)
		return
	}
	page.Booked = ticketRows(booked)
	for i, t := range booked {
		if t.Service != "" {
			page.Booked[i].Service = p.serviceName(t.Service, p.deps.Now(), lang)
		}
	}
	visits, err := q.HomeVisits(ctx, b.ID)
	if err != nil {
		p.views.Fail(w, r, err)
		return
	}
	for _, v := range visits {
		page.Visits = append(page.Visits, p.visitRow(v, lang))
		// Rule G-6: the home visits of the branch, each a person's address.
		if err := p.audited(r, audit.View{What: audit.ViewPerson, SubjectIIN: v.IIN, Detail: "home visit " + v.ID}); err != nil {
			p.views.Fail(w, r, err)
			return
		}
	}
	if page.Window == 0 {
		page.Window = windowOf(r)
	}
	for i := 1; i <= b.Windows; i++ {
		page.Windows = append(page.Windows, i)
	}
	p.render(w, r, status, "queue", lang, "frontdesk.queue.title", page)
}

func minutes(d time.Duration) string { return fmt.Sprintf("%.1f", d.Minutes()) }

// windowOf is the operator's window: the form's, else the one remembered in
// the query, else 1.
func windowOf(r *http.Request) int {
	for _, s := range []string{r.PostFormValue("window"), r.URL.Query().Get("window")} {
		if n, err := strconv.Atoi(s); err == nil && n > 0 {
			return n
		}
	}
	return 1
}

// callNext calls the next applicant to the operator's window (Rule G-5: in
// the queue's order, no expedited service).
func (p *Pages) callNext(w http.ResponseWriter, r *http.Request) {
	window := windowOf(r)
	t, err := p.deps.Sys.Queue.CallNext(r.Context(), branch(r).ID, window, actor(r).ID)
	if err != nil {
		p.queueError(w, r, err, window)
		return
	}
	http.Redirect(w, r, fmt.Sprintf("%s?window=%d&called=%s", pathQueue, window, url.QueryEscape(t.Number)), http.StatusSeeOther)
}

// finish ends the service of a ticket of this branch.
func (p *Pages) finish(w http.ResponseWriter, r *http.Request) {
	window := windowOf(r)
	id := r.PostFormValue("ticket")
	serving, err := p.deps.Sys.Queue.Serving(r.Context(), branch(r).ID)
	if err != nil {
		p.views.Fail(w, r, err)
		return
	}
	mine := false
	for _, t := range serving {
		mine = mine || t.ID == id
	}
	if !mine {
		p.views.NotFound(w, r)
		return
	}
	if err := p.deps.Sys.Queue.Finish(r.Context(), id); err != nil {
		p.queueError(w, r, err, window)
		return
	}
	http.Redirect(w, r, fmt.Sprintf("%s?window=%d", pathQueue, window), http.StatusSeeOther)
}

// walkIn prints a ticket for someone who came without a booking.
func (p *Pages) walkIn(w http.ResponseWriter, r *http.Request) {
	window := windowOf(r)
	t, err := p.deps.Sys.Queue.WalkIn(r.Context(), branch(r).ID, queue.Purpose(r.PostFormValue("purpose")), "")
	if err != nil {
		p.queueError(w, r, err, window)
		return
	}
	http.Redirect(w, r, fmt.Sprintf("%s?window=%d&ticket=%s", pathQueue, window, url.QueryEscape(t.Number)), http.StatusSeeOther)
}

// queueError shows the queue with the error: "nobody is waiting" is an
// answer, not a missing page.
func (p *Pages) queueError(w http.ResponseWriter, r *http.Request, err error, window int) {
	status := ui.Status(err)
	if apperr.CodeOf(err) == apperr.NotFound {
		status = http.StatusOK
	}
	p.renderQueue(w, r, status, queuePage{Window: window, Err: ui.FormError{Notice: ui.ErrText(err, ui.RequestLang(w, r))}})
}

// visitRow is v as the desk shows it: its status named, its time in Almaty
// for the schedule form.
func (p *Pages) visitRow(v queue.HomeVisit, lang i18n.Lang) visitRow {
	row := visitRow{HomeVisit: v, StatusText: ui.T("frontdesk.visit."+v.Status, lang),
		Open:     v.Status == queue.VisitRequested || v.Status == queue.VisitScheduled,
		CanClose: v.Status == queue.VisitScheduled,
		MinInput: p.deps.Now().In(calendar.Almaty).Format(visitTimeLayout)}
	if v.ScheduledFor != nil {
		row.ScheduledInput = v.ScheduledFor.In(calendar.Almaty).Format(visitTimeLayout)
	}
	return row
}
