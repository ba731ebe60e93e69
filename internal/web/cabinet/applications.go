package cabinet

import (
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"time"

	"qyzmet/internal/calendar"
	"qyzmet/internal/casework"
	"qyzmet/internal/i18n"
	"qyzmet/internal/standard"
	"qyzmet/internal/web/ui"
)

// AppRow is one application in the list of mine.
type AppRow struct {
	ID, Number, Service, State string // Number: the journal's, else the result's (a CR e-request has no journal)
	Submitted                  time.Time
	DeadlineOn                 calendar.Date
	Overdue, Complaint         bool
	AboutMe                    bool // a request about me made by someone else
}

// StartPage is the cabinet's first page.
type StartPage struct {
	Shell
	Apps     []AppRow
	Bookings []BookingRow
	Unread   int
	Consents int
}

func (p *Pages) start(w http.ResponseWriter, r *http.Request) {
	lang := ui.RequestLang(w, r)
	a := actor(r)
	apps, err := p.myApplications(r, a)
	if err != nil {
		p.views.Fail(w, r, err)
		return
	}
	page := StartPage{Shell: p.shell(r, lang, ui.PathCabinet)}
	for _, t := range page.Tabs {
		switch t.Href {
		case pathNotifications:
			page.Unread = t.Count
		case pathConsents:
			page.Consents = t.Count
		}
	}
	for _, app := range apps {
		page.Apps = append(page.Apps, AppRow{ID: app.ID, Number: reference(&app), Service: p.serviceName(app.Service, lang),
			State: app.State.Name().In(lang), Submitted: app.SubmittedAt, DeadlineOn: app.DeadlineOn, Overdue: app.Overdue,
			Complaint: app.Complaint != nil, AboutMe: a.BIN == "" && app.Applicant.IIN != a.IIN})
	}
	bookings, err := p.deps.Sys.Queue.Mine(r.Context(), a.IIN)
	if err != nil {
		p.views.Fail(w, r, err)
		return
	}
	names := map[string]string{}
	for _, b := range p.branches(r.Context()) {
		names[b.ID] = b.Name.In(lang)
	}
	for _, t := range bookings {
		if t.Booked() && t.Live() && t.SlotStart.After(p.deps.Now()) {
			page.Bookings = append(page.Bookings, p.bookingRow(t, names, lang))
		}
	}
	p.views.Render(w, r, http.StatusOK, "start", lang, ui.T("cabinet.title", lang), page)
}

// myApplications are the applications of the capacity the citizen acts in:
// while acting for an organisation its applications only (Rule CR-3: the
// legal entity is the applicant), otherwise the citizen's own and those about
// them, without the organisations' they represent.
func (p *Pages) myApplications(r *http.Request, a casework.Actor) ([]casework.Application, error) {
	f := casework.Filter{Limit: 200, ApplicantBIN: a.BIN}
	apps, err := p.deps.Sys.Engine.List(r.Context(), a, f)
	if err != nil || a.BIN != "" {
		return apps, err
	}
	return slices.DeleteFunc(apps, func(app casework.Application) bool { return app.Applicant.Kind == casework.KindLegalEntity }), nil
}

// reference is how the citizen knows an application: its journal number,
// else the number of its first signed result, else nothing yet.
func reference(app *casework.Application) string {
	if app.Number == "" && len(app.Documents) > 0 {
		return app.Documents[0].Number
	}
	return app.Number
}

// TimelineEntry is one event of an application in words.
type TimelineEntry struct {
	At         time.Time
	What, Rule string
	State      string // the state it led to, when it changed
	Reason     string
}

// AppPage is one application.
type AppPage struct {
	Shell
	App          *casework.Application
	Number       string // reference(App)
	Service      string
	State        string
	Channel      string
	Timeline     []TimelineEntry
	Branch       string
	PickupBranch string
	// Live is set while a criminal-record certificate is being decided: the
	// page then refreshes itself until the result is there.
	Live        bool
	Consent     bool // the citizen is the subject and may consent or decline
	CanComplain bool
	Complaints  []ComplaintLink
	Notice      string
	Error       string
}

// ComplaintLink is a complaint about the application shown.
type ComplaintLink struct{ ID, Number, State string }

// pending are the states of a criminal-record request the automation decides
// within seconds (CR-STD-3.1's 10 minutes is a ceiling): the page polls in them.
var pending = []casework.State{casework.StateAccepted, casework.StateRegistered, casework.StateVerification}

func (p *Pages) application(w http.ResponseWriter, r *http.Request) {
	notice := ""
	switch r.URL.Query().Get("done") {
	case "give":
		notice = ui.T("cabinet.consent.given", ui.RequestLang(w, r))
	case "decline":
		notice = ui.T("cabinet.consent.declined", ui.RequestLang(w, r))
	case "complaint":
		notice = ui.T("cabinet.complaint.filed", ui.RequestLang(w, r))
	}
	p.renderApplication(w, r, http.StatusOK, notice, "")
}

func (p *Pages) renderApplication(w http.ResponseWriter, r *http.Request, status int, notice, errText string) {
	lang := ui.RequestLang(w, r)
	a := actor(r)
	ctx := r.Context()
	app, err := p.deps.Sys.Engine.Get(ctx, a, r.PathValue("id"))
	if err != nil {
		p.views.Fail(w, r, err)
		return
	}
	events, err := p.deps.Sys.Engine.Events(ctx, a, app.ID)
	if err != nil {
		p.views.Fail(w, r, err)
		return
	}
	page := AppPage{Shell: p.shell(r, lang, ""), App: app, Number: reference(app), Service: p.serviceName(app.Service, lang),
		State: app.State.Name().In(lang), Timeline: timeline(p.deps.Sys.Engine.Commands(), events, lang),
		Branch: p.branchName(ctx, app.Branch, lang), PickupBranch: p.branchName(ctx, app.PickupBranch, lang),
		Live:    app.Service == standard.CriminalRecord && slices.Contains(pending, app.State),
		Consent: consentPending(app, a), Notice: notice, Error: errText,
		CanComplain: app.Complaint == nil && app.State != casework.StateSubmitted}
	if std, err := p.deps.Sys.Standards().At(app.Service, calendar.DateOf(app.SubmittedAt)); err == nil {
		page.Channel = std.ChannelName(app.Channel).In(lang)
	}
	for _, l := range app.Links {
		if l.Kind != casework.LinkComplaint {
			continue
		}
		if c, err := p.deps.Sys.Engine.Get(ctx, a, l.ApplicationID); err == nil {
			page.Complaints = append(page.Complaints, ComplaintLink{ID: c.ID, Number: c.Number, State: c.State.Name().In(lang)})
		}
	}
	title := ui.Tf("cabinet.app.title", lang, page.Service)
	if app.Complaint != nil {
		title = ui.Tf("cabinet.complaint.title", lang, app.Number)
	}
	p.views.Render(w, r, status, "application", lang, title, page)
}

// consentPending reports whether a is the person a third-party request is
// about and it still waits for their word (CR-STD-8.4).
func consentPending(app *casework.Application, a casework.Actor) bool {
	return app.Subject != nil && app.Subject.Relation == casework.RelationThirdParty &&
		app.Subject.Person.IIN == a.IIN && app.Applicant.IIN != a.IIN &&
		app.State == casework.StateSubmitted && app.ConsentGiven == nil
}

// timeline puts the events in words: the command's own description, else the
// automated steps' names, with the state each led to.
func timeline(commands []casework.CommandSpec, events []casework.Event, lang i18n.Lang) []TimelineEntry {
	described := map[string]i18n.Text{}
	for _, c := range commands {
		described[c.Name] = c.Description
	}
	out := make([]TimelineEntry, 0, len(events))
	for _, e := range events {
		what, ok := described[e.Type]
		if !ok {
			what, ok = ui.Lookup("cabinet.event." + e.Type)
		}
		entry := TimelineEntry{At: e.At, What: what.In(lang), Rule: e.Rule, Reason: e.Reason}
		if !ok {
			entry.What = e.Type
		}
		if e.ToState != "" && e.ToState != e.FromState {
			entry.State = e.ToState.Name().In(lang)
		}
		out = append(out, entry)
	}
	return out
}

// safeName keeps a document number fit for a file name.
var unsafeName = regexp.MustCompile(`[^A-Za-z0-9._-]+`)

// document streams a signed result of one of my applications.
func (p *Pages) document(w http.ResponseWriter, r *http.Request) {
	doc, pdf, err := p.deps.Sys.Engine.Document(r.Context(), actor(r), r.PathValue("id"), r.PathValue("number"))
	if err != nil {
		p.views.Fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/pdf")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="%s.pdf"`, unsafeName.ReplaceAllString(doc.Number, "_")))
	w.Header().Set("Content-Length", strconv.Itoa(len(pdf)))
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Write(pdf)
}

// consent gives or refuses my consent to a request about me (CR-STD-8.4).
func (p *Pages) consent(w http.ResponseWriter, r *http.Request) {
	lang := ui.RequestLang(w, r)
	name := map[string]string{"give": "give-consent", "decline": "decline-consent"}[r.PostFormValue("decision")]
	version, _ := strconv.Atoi(r.PostFormValue("version"))
	if name == "" {
		p.renderApplication(w, r, http.StatusUnprocessableEntity, "", ui.T("cabinet.consent.choose", lang))
		return
	}
	// Rule CR-STD-8.4: only the person whose data is requested consents; the
	// engine refuses anyone else.
	_, err := p.deps.Sys.Engine.Execute(r.Context(), actor(r), r.PathValue("id"),
		casework.Command{Name: name, ExpectedVersion: version})
	if err != nil {
		if ui.Status(err) == http.StatusNotFound {
			p.views.NotFound(w, r)
			return
		}
		p.renderApplication(w, r, ui.Status(err), "", ui.ErrText(err, lang))
		return
	}
	http.Redirect(w, r, pathApplications+r.PathValue("id")+"?done="+r.PostFormValue("decision"), http.StatusSeeOther)
}
