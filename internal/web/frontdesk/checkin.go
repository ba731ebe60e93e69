package frontdesk

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"qyzmet/internal/calendar"
	"qyzmet/internal/queue"
	"qyzmet/internal/web/ui"
)

// servedTicket is id when it is a ticket of the operator's branch being
// served now, else "": a stale or foreign ticket in a URL links nothing.
func (p *Pages) servedTicket(r *http.Request, id string) string {
	if id == "" {
		return ""
	}
	t, err := p.deps.Sys.Queue.Ticket(r.Context(), branch(r).ID, id)
	if err != nil || t.CalledAt == nil || t.DoneAt != nil {
		return ""
	}
	return t.ID
}

// finishTicket ends the service of the ticket the intake was for, with the
// application made (Rule G-4: the service time runs from the call to the
// end of the intake). The application stands whatever happens to the ticket,
// so a failure is logged, not shown.
func (p *Pages) finishTicket(r *http.Request, ticket, applicationID, iin string) {
	if ticket == "" {
		return
	}
	if err := p.deps.Sys.Queue.FinishWith(r.Context(), branch(r).ID, ticket, applicationID, iin); err != nil {
		p.deps.Log.Warn("frontdesk: finish the ticket of an intake", "ticket", ticket, "application", applicationID, "err", err)
	}
}

// receive opens the intake for the ticket being served: the person page of
// its holder when the ticket names one (booked on the portal), with the
// service booked for; else the IIN search, carrying the ticket.
func (p *Pages) receive(w http.ResponseWriter, r *http.Request) {
	t, err := p.deps.Sys.Queue.Ticket(r.Context(), branch(r).ID, r.PathValue("id"))
	if err != nil || t.CalledAt == nil || t.DoneAt != nil {
		p.views.NotFound(w, r)
		return
	}
	q := url.Values{"ticket": {t.ID}}
	switch {
	case t.Purpose == queue.PurposeCollect:
		http.Redirect(w, r, pathShelf, http.StatusSeeOther)
		return
	case t.IIN == "":
		http.Redirect(w, r, ui.PathFrontDesk+"?"+q.Encode(), http.StatusSeeOther)
		return
	}
	q.Set("iin", t.IIN)
	if t.Service != "" {
		q.Set("service", string(t.Service))
	}
	http.Redirect(w, r, pathPerson+"?"+q.Encode(), http.StatusSeeOther)
}

// arrive checks a booked applicant in (Rule G-5: the booked slot keeps its
// place in the queue once the applicant is here).
func (p *Pages) arrive(w http.ResponseWriter, r *http.Request) {
	window := windowOf(r)
	t, err := p.deps.Sys.Queue.Arrive(r.Context(), branch(r).ID, r.PostFormValue("ticket"))
	if err != nil {
		p.queueError(w, r, err, window)
		return
	}
	http.Redirect(w, r, fmt.Sprintf("%s?window=%d&arrived=%s", pathQueue, window, url.QueryEscape(t.Number)), http.StatusSeeOther)
}

// visitTimeLayout is how a datetime-local input sends a time.
const visitTimeLayout = "2006-01-02T15:04"

// scheduleVisit fixes the time of a home visit (Rule G-6), recording the
// operator who scheduled it.
func (p *Pages) scheduleVisit(w http.ResponseWriter, r *http.Request) {
	window, id := windowOf(r), r.PathValue("id")
	lang := ui.RequestLang(w, r)
	at, err := time.ParseInLocation(visitTimeLayout, strings.TrimSpace(r.PostFormValue("scheduled_for")), calendar.Almaty)
	if err != nil {
		p.visitError(w, r, window, id, ui.FormError{Fields: map[string]string{"scheduled_for": ui.T("frontdesk.err.datetime", lang)}})
		return
	}
	if _, err := p.deps.Sys.Queue.ScheduleHomeVisit(r.Context(), branch(r).ID, id, at, p.staff(r)); err != nil {
		p.visitFailed(w, r, err, window, id)
		return
	}
	http.Redirect(w, r, fmt.Sprintf("%s?window=%d#visit-%s", pathQueue, window, url.QueryEscape(id)), http.StatusSeeOther)
}

// closeVisit records a home visit as done or cancelled, with the note.
func (p *Pages) closeVisit(w http.ResponseWriter, r *http.Request) {
	window, id := windowOf(r), r.PathValue("id")
	_, err := p.deps.Sys.Queue.CloseHomeVisit(r.Context(), branch(r).ID, id, r.PostFormValue("status"), r.PostFormValue("note"), p.staff(r))
	if err != nil {
		p.visitFailed(w, r, err, window, id)
		return
	}
	http.Redirect(w, r, fmt.Sprintf("%s?window=%d#visit-%s", pathQueue, window, url.QueryEscape(id)), http.StatusSeeOther)
}

// staff is the signed-in operator as the home visits record them.
func (p *Pages) staff(r *http.Request) queue.Staff {
	who := ui.Principal(r)
	return queue.Staff{Login: who.Login, Name: who.Name}
}

// visitFailed shows the queue with a home visit's error next to its field
// in the visit's row; another branch's visit is the same 404 as none.
func (p *Pages) visitFailed(w http.ResponseWriter, r *http.Request, err error, window int, id string) {
	if ui.Status(err) == http.StatusNotFound {
		p.views.NotFound(w, r)
		return
	}
	p.visitError(w, r, window, id, ui.NewFormError(err, ui.RequestLang(w, r)))
}

func (p *Pages) visitError(w http.ResponseWriter, r *http.Request, window int, id string, fe ui.FormError) {
	p.renderQueue(w, r, http.StatusUnprocessableEntity, queuePage{Window: window, VisitID: id, VisitErr: fe})
}
