package cabinet

import (
	"context"
	"net/http"
	"strconv"
	"time"

	"qyzmet/internal/casework"
	"qyzmet/internal/web/ui"
)

// NoteRow is one notification as the cabinet lists it.
type NoteRow struct {
	ID            int64
	ApplicationID string
	Kind, Text    string
	Rule          string
	At            time.Time
	Unread        bool
	// Important marks what asks for the citizen's action or presence: a
	// hearing, a ready result, an interim reply, a consent request.
	Important bool
}

// NotesPage is the list of my notifications.
type NotesPage struct {
	Shell
	Notes  []NoteRow
	Unread int
}

var importantKinds = map[string]bool{casework.NoteHearingNotice: true, casework.NoteReadyForPickup: true,
	casework.NoteInterimReply: true, casework.NoteConsentRequest: true, casework.NoteOverdue: true}

func (p *Pages) notifications(w http.ResponseWriter, r *http.Request) {
	lang := ui.RequestLang(w, r)
	notes, err := p.deps.Sys.Engine.Notifications(r.Context(), actor(r))
	if err != nil {
		p.views.Fail(w, r, err)
		return
	}
	page := NotesPage{Shell: p.shellWith(r, lang, pathNotifications, unreadOf(notes), len(p.pendingConsents(r.Context(), actor(r), notes)))}
	for _, n := range notes {
		kind, ok := ui.Lookup("cabinet.note." + n.Kind)
		row := NoteRow{ID: n.ID, ApplicationID: n.ApplicationID, Kind: kind.In(lang), Text: n.Text.In(lang), Rule: n.Rule,
			At: n.CreatedAt, Unread: n.ReadAt == nil, Important: importantKinds[n.Kind]}
		if !ok {
			row.Kind = n.Kind
		}
		page.Notes = append(page.Notes, row)
	}
	page.Unread = unreadOf(notes)
	p.views.Render(w, r, http.StatusOK, "notifications", lang, ui.T("cabinet.notes.title", lang), page)
}

func (p *Pages) markRead(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.PathValue("nid"), 10, 64)
	if err != nil {
		p.views.NotFound(w, r)
		return
	}
	if err := p.deps.Sys.Engine.MarkRead(r.Context(), actor(r), id); err != nil {
		p.views.Fail(w, r, err)
		return
	}
	http.Redirect(w, r, pathNotifications+"#note-"+r.PathValue("nid"), http.StatusSeeOther)
}

func (p *Pages) markAllRead(w http.ResponseWriter, r *http.Request) {
	a := actor(r)
	notes, err := p.deps.Sys.Engine.Notifications(r.Context(), a)
	for _, n := range notes {
		if err == nil && n.ReadAt == nil {
			err = p.deps.Sys.Engine.MarkRead(r.Context(), a, n.ID)
		}
	}
	if err != nil {
		p.views.Fail(w, r, err)
		return
	}
	http.Redirect(w, r, pathNotifications, http.StatusSeeOther)
}

// ConsentRow is a request about me that waits for my consent.
type ConsentRow struct {
	App       *casework.Application
	Service   string
	Applicant string
	Asked     time.Time
}

// ConsentsPage lists the requests about me.
type ConsentsPage struct {
	Shell
	Pending []ConsentRow
}

// pendingConsents are the applications about a whose consent they still
// wait for (CR-STD-8.4): the engine asks by a consent-request notification and
// lets the person concerned see the application.
func (p *Pages) pendingConsents(ctx context.Context, a casework.Actor, notes []casework.Notification) []ConsentRow {
	var out []ConsentRow
	seen := map[string]bool{}
	for _, n := range notes {
		if n.Kind != casework.NoteConsentRequest || seen[n.ApplicationID] {
			continue
		}
		seen[n.ApplicationID] = true
		app, err := p.deps.Sys.Engine.Get(ctx, a, n.ApplicationID)
		if err != nil || !consentPending(app, a) {
			continue
		}
		out = append(out, ConsentRow{App: app, Asked: n.CreatedAt})
	}
	return out
}

func (p *Pages) consents(w http.ResponseWriter, r *http.Request) {
	lang := ui.RequestLang(w, r)
	a := actor(r)
	notes, err := p.deps.Sys.Engine.Notifications(r.Context(), a)
	if err != nil {
		p.views.Fail(w, r, err)
		return
	}
	pending := p.pendingConsents(r.Context(), a, notes)
	page := ConsentsPage{Shell: p.shellWith(r, lang, pathConsents, unreadOf(notes), len(pending)), Pending: pending}
	for i := range page.Pending {
		c := &page.Pending[i]
		c.Service = p.serviceName(c.App.Service, lang)
		c.Applicant = partyName(c.App.Applicant)
	}
	p.views.Render(w, r, http.StatusOK, "consents", lang, ui.T("cabinet.consents.title", lang), page)
}

// partyName is how a party is named to the person asked to consent.
func partyName(pt casework.Party) string {
	if pt.OrgName != "" {
		return pt.OrgName + " (" + pt.BIN + ")"
	}
	return pt.Surname + " " + pt.GivenName + " " + pt.Patronymic
}
