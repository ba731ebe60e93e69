package cabinet

import (
	"net/http"
	"net/url"
	"time"

	"qyzmet/internal/apperr"
	"qyzmet/internal/calendar"
	"qyzmet/internal/i18n"
	"qyzmet/internal/queue"
	"qyzmet/internal/standard"
	"qyzmet/internal/web/ui"
)

// SlotView is one slot as a radio button.
type SlotView struct {
	Value, Label string
	Free         int
	Checked      bool
}

// BookingRow is one of my bookings.
type BookingRow struct {
	queue.Ticket
	Branch, Purpose, Service, Status string
	When                             string // the slot, or when the ticket was taken
	Cancellable                      bool
}

// QueuePage books a slot at a branch (Rule G-5) and lists my bookings.
type QueuePage struct {
	Shell
	Branches, Days, Purposes, Services []ui.Option
	Branch, Day, Purpose, Service      string
	Start                              string
	BranchName, DayName                string // of the slots shown
	Slots                              []SlotView
	Key                                string
	Mine                               []BookingRow
	Booked                             *BookingRow
	Cancelled                          bool
	Err                                ui.FormError
}

func (p *Pages) queuePage(w http.ResponseWriter, r *http.Request) {
	lang := ui.RequestLang(w, r)
	q := r.URL.Query()
	p.renderQueue(w, r, lang, http.StatusOK, q, ui.FormError{})
}

// renderQueue shows the booking form for the choices in v (the query of the
// page, or the posted form that failed) with err next to its field.
func (p *Pages) renderQueue(w http.ResponseWriter, r *http.Request, lang i18n.Lang, status int, v url.Values, formErr ui.FormError) {
	ctx := r.Context()
	sys := p.deps.Sys
	page := QueuePage{Shell: p.shell(r, lang, pathQueue), Branch: v.Get("branch"), Day: v.Get("day"),
		Purpose: v.Get("purpose"), Service: v.Get("service"), Start: v.Get("start"), Key: ui.NewKey(), Err: formErr,
		Cancelled: v.Get("cancelled") == "1",
		Services:  append([]ui.Option{{Value: "", Label: ui.T("cabinet.queue.any_service", lang)}}, p.serviceOptions(lang)...),
		Purposes: []ui.Option{
			{Value: string(queue.PurposeSubmit), Label: ui.T("cabinet.purpose.submit", lang)},
			{Value: string(queue.PurposeCollect), Label: ui.T("cabinet.purpose.collect", lang)}}}
	branches := p.branches(ctx)
	page.Branches = branchOptions(branches, lang)
	names := map[string]string{}
	for _, b := range branches {
		names[b.ID] = b.Name.In(lang)
	}
	if page.Branch == "" && len(branches) > 0 {
		page.Branch = branches[0].ID
	}
	// Rule G-1: only the days the branches receive applicants are offered.
	for _, d := range sys.Queue.BookingDays(p.deps.Now()) {
		page.Days = append(page.Days, ui.Option{Value: d.String(), Label: dayLabel(d, lang)})
	}
	if page.Day == "" && len(page.Days) > 0 {
		page.Day = page.Days[0].Value
	}
	if page.Purpose == "" {
		page.Purpose = string(queue.PurposeSubmit)
	}
	page.BranchName = names[page.Branch]
	if d, err := calendar.ParseDate(page.Day); err == nil {
		page.DayName = dayLabel(d, lang)
		slots, err := sys.Queue.Slots(ctx, page.Branch, d)
		if err != nil && !page.Err.Any() {
			page.Err = ui.NewFormError(err, lang)
		}
		for _, s := range slots {
			value := s.Start.Format(time.RFC3339)
			page.Slots = append(page.Slots, SlotView{Value: value, Label: s.Start.In(calendar.Almaty).Format("15:04"),
				Free: s.Free, Checked: value == page.Start})
		}
	}
	mine, err := sys.Queue.Mine(ctx, actor(r).IIN)
	if err != nil {
		p.views.Fail(w, r, err)
		return
	}
	for _, t := range mine {
		row := p.bookingRow(t, names, lang)
		if t.ID == v.Get("booked") {
			page.Booked = &row
		}
		page.Mine = append(page.Mine, row)
	}
	p.views.Render(w, r, status, "queue", lang, ui.T("cabinet.queue.title", lang), page)
}

func (p *Pages) bookingRow(t queue.Ticket, branches map[string]string, lang i18n.Lang) BookingRow {
	row := BookingRow{Ticket: t, Branch: branches[t.Branch], Purpose: ui.T("cabinet.purpose."+string(t.Purpose), lang)}
	if row.Branch == "" {
		row.Branch = t.Branch
	}
	row.When = ui.FormatTime(t.CreatedAt)
	if t.SlotStart != nil {
		row.When = ui.FormatTime(*t.SlotStart)
	}
	if t.Service != "" {
		row.Service = p.serviceName(t.Service, lang)
	}
	switch {
	case t.CancelledAt != nil:
		row.Status = ui.T("cabinet.ticket.cancelled", lang)
	case t.DoneAt != nil:
		row.Status = ui.T("cabinet.ticket.done", lang)
	case t.CalledAt != nil:
		row.Status = ui.T("cabinet.ticket.called", lang)
	case t.ArrivedAt != nil:
		row.Status = ui.T("cabinet.ticket.arrived", lang)
	case t.SlotStart != nil && t.SlotStart.Add(queue.SlotLength).Before(p.deps.Now()):
		row.Status = ui.T("cabinet.ticket.missed", lang)
	default:
		row.Status = ui.T("cabinet.ticket.booked", lang)
		row.Cancellable = t.Booked()
	}
	return row
}

// book books the chosen slot (Rule G-5).
func (p *Pages) book(w http.ResponseWriter, r *http.Request) {
	lang := ui.RequestLang(w, r)
	r.ParseForm()
	in := queue.Booking{Branch: r.PostFormValue("branch"), Purpose: queue.Purpose(r.PostFormValue("purpose")),
		Service: standard.ServiceID(r.PostFormValue("service")), IdempotencyKey: r.PostFormValue("idempotency_key")}
	v := r.PostForm
	start, err := time.Parse(time.RFC3339, r.PostFormValue("start"))
	if err != nil {
		v.Set("day", r.PostFormValue("day"))
		p.renderQueue(w, r, lang, http.StatusUnprocessableEntity, v, ui.FormError{Fields: map[string]string{"start": ui.T("cabinet.queue.choose_time", lang)}})
		return
	}
	in.Start = start
	t, err := p.deps.Sys.Queue.Book(r.Context(), actor(r).IIN, in)
	if err != nil {
		if apperr.CodeOf(err) == apperr.Internal {
			p.views.Fail(w, r, err)
			return
		}
		p.renderQueue(w, r, lang, ui.Status(err), v, ui.NewFormError(err, lang))
		return
	}
	http.Redirect(w, r, pathQueue+"?booked="+t.ID+"&branch="+url.QueryEscape(t.Branch)+"&day="+calendar.DateOf(start).String(), http.StatusSeeOther)
}

func (p *Pages) cancelBooking(w http.ResponseWriter, r *http.Request) {
	if err := p.deps.Sys.Queue.Cancel(r.Context(), actor(r).IIN, r.PathValue("tid")); err != nil {
		p.views.Fail(w, r, err)
		return
	}
	http.Redirect(w, r, pathQueue+"?cancelled=1", http.StatusSeeOther)
}

// dayLabel is "Дүйсенбі, 02.03.2026".
func dayLabel(d calendar.Date, lang i18n.Lang) string {
	return ui.T("cabinet.wd."+d.Weekday().String(), lang) + ", " + ui.FormatDate(d)
}
