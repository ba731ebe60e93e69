package frontdesk

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"qyzmet/internal/apperr"
	"qyzmet/internal/audit"
	"qyzmet/internal/calendar"
	"qyzmet/internal/casework"
	"qyzmet/internal/i18n"
	"qyzmet/internal/web/ui"
)

// appPage is one application as the operator works it.
type appPage struct {
	App         *casework.Application
	ServiceName string
	State       string
	Checklist   []checkRow
	Clocks      []clockRow
	Events      []eventRow
	Commands    []string          // the commands the desk may run now
	Labels      map[string]string // the commands' names in the page's language
	HasMissing  bool              // the checklist still misses an item
	BackBy      string            // the provider's 1-working-day due date after a request-back
	Err         ui.FormError
	Conflict    bool
	Done        string
	HandOver    handOverForm
}

type checkRow struct {
	Index              int
	ID, Name, Rule     string
	Status, StatusText string
}

// clockRow is a deadline with its colour: ok, near (the last working day)
// or over.
type clockRow struct {
	Name, Rule, Status, Class string
	Due                       time.Time
}

type eventRow struct {
	At                  time.Time
	What, Who, Rule, To string
}

type handOverForm struct{ To, IDDocument, POANumber string }

// deskCommands are the commands the front desk offers, in the order of the
// work: intake, then the shelf (G-7, G-8).
var deskCommands = []string{"update-checklist", "accept", "refuse-at-intake", "receive-at-branch", "hand-over",
	"return-to-provider", "request-back"}

func (p *Pages) application(w http.ResponseWriter, r *http.Request) {
	app, err := p.deps.Sys.Engine.Get(r.Context(), actor(r), r.PathValue("id"))
	if err != nil {
		p.views.Fail(w, r, err)
		return
	}
	page := appPage{Done: r.URL.Query().Get("done")}
	p.renderApp(w, r, http.StatusOK, app, page)
}

// renderApp logs the view, then shows the application.
func (p *Pages) renderApp(w http.ResponseWriter, r *http.Request, status int, app *casework.Application, page appPage) {
	lang := ui.RequestLang(w, r)
	if err := p.auditApp(r, app, "front-desk application"); err != nil {
		p.views.Fail(w, r, err)
		return
	}
	events, err := p.deps.Sys.Engine.Events(r.Context(), actor(r), app.ID)
	if err != nil {
		p.views.Fail(w, r, err)
		return
	}
	page.App, page.State = app, stateNames[app.State].In(lang)
	page.ServiceName = p.serviceName(app.Service, app.SubmittedAt, lang)
	now := p.deps.Now()
	for i, it := range app.Checklist {
		page.HasMissing = page.HasMissing || it.Status == casework.DocMissing
		page.Checklist = append(page.Checklist, checkRow{Index: i, ID: it.DocumentID, Name: it.Name.In(lang), Rule: it.Rule,
			Status: it.Status, StatusText: checklistStatuses[it.Status].In(lang)})
	}
	for _, c := range app.Clocks {
		row := clockRow{Name: c.Name.In(lang), Rule: c.Rule, Due: c.Due}
		row.Class, row.Status = clockState(c, now, lang)
		page.Clocks = append(page.Clocks, row)
		if c.ID == casework.ClockReturnToBranch && !c.Done {
			page.BackBy = ui.Tf("frontdesk.backby", lang, ui.FormatTime(c.Due))
		}
	}
	descriptions := commandNames(p)
	page.Labels = map[string]string{}
	for name, d := range descriptions {
		page.Labels[name] = d.In(lang)
	}
	for _, e := range events {
		what := e.Type
		if d, ok := descriptions[e.Type]; ok {
			what = d.In(lang)
		}
		page.Events = append(page.Events, eventRow{At: e.At, What: what, Who: e.ActorID + " (" + string(e.Role) + ")",
			Rule: e.Rule, To: stateNames[e.ToState].In(lang)})
	}
	page.Commands = p.commandsFor(app)
	if page.HandOver.To == "" {
		page.HandOver.To = "applicant"
	}
	p.render(w, r, status, "application", lang, "frontdesk.app.title", page)
}

// auditApp logs a look at the application's personal data.
func (p *Pages) auditApp(r *http.Request, app *casework.Application, detail string) error {
	return p.audited(r, audit.View{What: audit.ViewApplication, ApplicationID: app.ID, SubjectIIN: app.Applicant.IIN, Detail: detail})
}

// clockState colours a deadline: done, over, near (due within a day) or ok.
func clockState(c casework.Clock, now time.Time, lang i18n.Lang) (class, status string) {
	switch {
	case c.Done && c.Late:
		return "clock-over", ui.T("frontdesk.app.late", lang)
	case c.Done:
		return "clock-done", ui.T("frontdesk.app.done", lang)
	case c.Overdue || now.After(c.Due):
		return "clock-over", ui.T("frontdesk.app.overdue", lang)
	case c.Due.Sub(now) < 24*time.Hour:
		return "clock-near", ui.T("frontdesk.app.near", lang)
	}
	return "clock-ok", ui.T("frontdesk.app.running", lang)
}

// commandNames are the engine's descriptions of its commands, by name, and
// of the events that are not commands.
func commandNames(p *Pages) map[string]i18n.Text {
	out := map[string]i18n.Text{
		"submit":   {KK: "Өтініш берілді", RU: "Заявление подано", EN: "Application submitted"},
		"overdue":  {KK: "Мерзім өтіп кетті", RU: "Срок просрочен", EN: "A deadline passed"},
		"document": {KK: "Құжат берілді", RU: "Выдан документ", EN: "Document issued"},
	}
	for _, c := range p.deps.Sys.Engine.Commands() {
		out[c.Name] = c.Description
	}
	return out
}

// commandsFor lists the desk's commands the operator may run in the
// application's state; the engine checks them again.
func (p *Pages) commandsFor(app *casework.Application) []string {
	var out []string
	for _, c := range p.deps.Sys.Engine.Commands() {
		if slices.Contains(deskCommands, c.Name) && slices.Contains(c.Roles, casework.RoleOperator) && slices.Contains(c.From, app.State) {
			out = append(out, c.Name)
		}
	}
	if app.Decision != nil && !app.Decision.Paper {
		// An electronic result has no shelf life at the branch.
		out = slices.DeleteFunc(out, func(n string) bool { return n != "update-checklist" && n != "accept" && n != "refuse-at-intake" })
	}
	return out
}

// command runs one of the desk's commands on the version the operator saw.
// A stale version (Rule: two people never change one application blindly)
// shows the current state with the conflict named.
func (p *Pages) command(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("command")
	if !slices.Contains(deskCommands, name) {
		p.views.NotFound(w, r)
		return
	}
	app, err := p.deps.Sys.Engine.Get(r.Context(), actor(r), r.PathValue("id"))
	if err != nil {
		p.views.Fail(w, r, err)
		return
	}
	version, err := strconv.Atoi(r.PostFormValue("version"))
	if err != nil || version < 1 {
		version = app.Version
	}
	app.Version = version
	data, hand := commandData(r, name, app)
	p.run(w, r, app, name, data, r.PostFormValue("back"), hand)
}

// commandData is the data of a desk command from its form.
func commandData(r *http.Request, name string, app *casework.Application) (json.RawMessage, handOverForm) {
	var hand handOverForm
	var data any
	switch name {
	case "hand-over":
		// Rule G-8: the result is handed over against the identity document;
		// a representative also shows the notarized POA, its number checked.
		hand = handOverForm{To: r.PostFormValue("data.to"), IDDocument: strings.TrimSpace(r.PostFormValue("data.id_document")),
			POANumber: strings.TrimSpace(r.PostFormValue("data.poa_number"))}
		data = map[string]string{"to": hand.To, "id_document": hand.IDDocument, "poa_number": hand.POANumber}
	case "update-checklist":
		var docs []casework.DocumentInput
		for i, it := range app.Checklist {
			if r.PostFormValue(fmt.Sprintf("documents[%d].provided", i)) == "on" {
				docs = append(docs, casework.DocumentInput{ID: it.DocumentID, Provided: true})
			}
		}
		data = map[string]any{"documents": docs}
	default:
		return nil, hand
	}
	b, _ := json.Marshal(data)
	return b, hand
}

// run executes cmd on app at the version app carries and answers: the
// receipt after an intake decision, the shelf or the application after the
// others; on an error the application again, with the error next to its
// field, or the conflict named.
func (p *Pages) run(w http.ResponseWriter, r *http.Request, app *casework.Application, cmd string, data json.RawMessage, back string, hand ...handOverForm) {
	lang := ui.RequestLang(w, r)
	done, err := p.deps.Sys.Engine.Execute(r.Context(), actor(r), app.ID, casework.Command{Name: cmd, ExpectedVersion: app.Version, Data: data})
	if err != nil {
		if apperr.CodeOf(err) == apperr.NotFound {
			p.views.Fail(w, r, err)
			return
		}
		current, gerr := p.deps.Sys.Engine.Get(r.Context(), actor(r), app.ID)
		if gerr != nil {
			p.views.Fail(w, r, gerr)
			return
		}
		page := appPage{Err: placed(ui.NewFormError(err, lang), handOverFields), Conflict: apperr.CodeOf(err) == apperr.Conflict}
		if page.Conflict {
			page.Err = ui.FormError{}
		}
		if len(hand) > 0 {
			page.HandOver = hand[0]
		}
		p.renderApp(w, r, ui.Status(err), current, page)
		return
	}
	if cmd == "accept" {
		p.claimDuty(r, done)
	}
	switch {
	case cmd == "accept" || cmd == "refuse-at-intake":
		http.Redirect(w, r, pathApplications+url.PathEscape(done.ID)+"/receipt", http.StatusSeeOther)
	case back == "shelf":
		http.Redirect(w, r, pathShelf+"?done="+url.QueryEscape(cmd), http.StatusSeeOther)
	default:
		http.Redirect(w, r, pathApplications+url.PathEscape(done.ID)+"?done="+url.QueryEscape(cmd), http.StatusSeeOther)
	}
}

// handOverFields are the fields the application page shows errors next to.
var handOverFields = []string{"data.to", "data.id_document", "data.poa_number"}

// placed keeps the errors of the fields a form shows next to them and moves
// any other (the command, the branch …) to the notice above the form, so
// that no error goes unseen.
func placed(fe ui.FormError, shown []string) ui.FormError {
	for field, text := range fe.Fields {
		if slices.Contains(shown, field) || strings.HasPrefix(field, "documents[") {
			continue
		}
		delete(fe.Fields, field)
		fe.Notice = strings.TrimSpace(fe.Notice + " " + text)
	}
	return fe
}

// receiptPage is the printable receipt: for an accepted package the receipt
// (AC-12) with the application form, for a refused one the receipt of
// refusal to accept (AC-15, form AC-F2).
type receiptPage struct {
	App               *casework.Application
	Refused           bool
	ServiceName       string
	Provider          string
	Applicant         string
	Department        string
	Accepted, Missing []string
	Executor          string
	ReceivedAt        time.Time
	ReadyOn           calendar.Date
	Documents         []casework.IssuedDocument
	Parties           receiptParties
}

// receipt shows the receipt of the intake decision, printable from the
// browser; the signed PDFs the engine issued are linked beside it.
func (p *Pages) receipt(w http.ResponseWriter, r *http.Request) {
	lang := ui.RequestLang(w, r)
	app, err := p.deps.Sys.Engine.Get(r.Context(), actor(r), r.PathValue("id"))
	if err != nil {
		p.views.Fail(w, r, err)
		return
	}
	if app.State == casework.StateSubmitted {
		http.Redirect(w, r, pathApplications+url.PathEscape(app.ID), http.StatusSeeOther)
		return
	}
	if err := p.auditApp(r, app, "front-desk receipt"); err != nil {
		p.views.Fail(w, r, err)
		return
	}
	b := branch(r)
	page := receiptPage{App: app, Refused: app.State == casework.StateRefusedAtIntake,
		ServiceName: p.serviceName(app.Service, app.SubmittedAt, lang), Applicant: app.Applicant.Name(),
		Department: ui.Tf("frontdesk.receipt.department", lang, b.Department, b.Address),
		ReceivedAt: app.ReceivedAt, ReadyOn: app.DeadlineOn, Documents: app.Documents, Executor: p.intakeOfficer(r, app)}
	if std, err := p.deps.Sys.Standards().At(app.Service, calendar.DateOf(app.SubmittedAt)); err == nil {
		page.Provider = std.Provider.Name.In(lang)
	}
	page.Parties = p.receiptParties(r.Context(), app, lang)
	for _, it := range app.Checklist {
		switch {
		case slices.Contains(app.Missing, it.DocumentID):
			// Rule AC-15: the receipt of refusal names each missing document.
			page.Missing = append(page.Missing, it.Name.In(lang)+" ("+it.Rule+")")
		case it.Status == casework.DocProvided || it.Status == casework.DocFetched:
			page.Accepted = append(page.Accepted, it.Name.In(lang))
		}
	}
	title := "frontdesk.receipt.title"
	if page.Refused {
		title = "frontdesk.receipt.refusal"
	}
	p.render(w, r, http.StatusOK, "receipt", lang, title, page)
}

// intakeOfficer is who decided the intake, by the application's history.
func (p *Pages) intakeOfficer(r *http.Request, app *casework.Application) string {
	events, err := p.deps.Sys.Engine.Events(r.Context(), actor(r), app.ID)
	if err != nil {
		return ""
	}
	for _, e := range slices.Backward(events) {
		if e.Type == "accept" || e.Type == "refuse-at-intake" {
			if who := ui.Principal(r); who.Login == e.ActorID && who.Name != "" {
				return who.Name
			}
			return e.ActorID
		}
	}
	return ""
}

// document streams a signed PDF issued for the application (the receipt, the
// result), after logging the view.
func (p *Pages) document(w http.ResponseWriter, r *http.Request) {
	id, number := r.PathValue("id"), r.PathValue("number")
	app, err := p.deps.Sys.Engine.Get(r.Context(), actor(r), id)
	if err != nil {
		p.views.Fail(w, r, err)
		return
	}
	if err := p.audited(r, audit.View{What: audit.ViewDocument, ApplicationID: id, SubjectIIN: app.Applicant.IIN, Detail: number}); err != nil {
		p.views.Fail(w, r, err)
		return
	}
	_, pdf, err := p.deps.Sys.Engine.Document(r.Context(), actor(r), id, number)
	if err != nil {
		p.views.Fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/pdf")
	w.Header().Set("Content-Disposition", fmt.Sprintf("inline; filename=%q", number+".pdf"))
	w.Header().Set("Cache-Control", "no-store")
	w.Write(pdf)
}
