package complaintsdesk

import (
	"encoding/json"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"qyzmet/internal/apperr"
	"qyzmet/internal/audit"
	"qyzmet/internal/auth"
	"qyzmet/internal/casework"
	"qyzmet/internal/i18n"
	"qyzmet/internal/web/ui"
)

// The desk's commands on a complaint (casework's command table).
const (
	cmdForward = "forward"
	cmdSatisfy = "satisfy"
	cmdReply   = "reply"
)

// stepForwardOrSatisfy is the clock of CP-2's forwarding step.
const stepForwardOrSatisfy = "forward-or-satisfy"

// actionView is one command the principal may give now.
type actionView struct {
	Name, Label, Rule string
}

// docView is a signed paper of the complaint (the talon, the motivated reply).
type docView struct {
	Number, Title, Issued string
}

type complaintView struct {
	App         *casework.Application
	Talon       talonView
	Complainant string
	Addressee   string
	Form        string
	Channel     string
	ReplyMethod string
	State       string
	Clocks      []clockView
	About       aboutView
	AboutActor  string
	Decision    string
	Actions     []actionView
	Documents   []docView
	Outcomes    []ui.Option
	Err         ui.FormError
	ErrCommand  string
	ErrTop      bool
	V           map[string]string
	Done        string
	Filed       bool
}

// complaint shows one complaint: its talon, the complainant, the clocks, the
// application complained about, and the commands the principal may give.
func (p *Pages) complaint(w http.ResponseWriter, r *http.Request) {
	lang := ui.RequestLang(w, r)
	app, ok := p.loadComplaint(r.Context(), ui.Principal(r), r.PathValue("id"))
	if !ok {
		p.views.NotFound(w, r)
		return
	}
	q := r.URL.Query()
	p.renderComplaint(w, r, http.StatusOK, lang, app, func(v *complaintView) {
		v.Filed = q.Get("filed") != ""
		if d := q.Get("done"); slices.Contains([]string{cmdForward, cmdSatisfy, cmdReply}, d) {
			v.Done = ui.T("complaintsdesk.done."+d, lang)
		}
	})
}

func (p *Pages) renderComplaint(w http.ResponseWriter, r *http.Request, status int, lang i18n.Lang, app *casework.Application, edit func(*complaintView)) {
	who := ui.Principal(r)
	ctx := r.Context()
	if err := p.audited(ctx, who, audit.ViewApplication, app, "complaint "+app.Number); err != nil {
		p.deps.Log.Error("audit", "err", err)
		p.views.Message(w, r, http.StatusInternalServerError, "error.title", "")
		return
	}
	c := app.Complaint
	v := complaintView{App: app, Talon: p.talonOf(app, lang), Complainant: app.Applicant.Name(),
		Addressee: ui.T("complaintsdesk.addressee."+c.Addressee, lang), Form: ui.T("complaintsdesk.form."+c.Form, lang),
		Channel: app.Channel.Name().In(lang), ReplyMethod: ui.T("complaintsdesk.reply."+c.ReplyMethod, lang),
		State: app.State.Name().In(lang), Clocks: p.clocks(app, lang), Actions: p.actions(who, app, lang), V: map[string]string{},
		Outcomes: []ui.Option{{Value: "", Label: ui.T("complaintsdesk.outcome.choose", lang)},
			{Value: casework.OutcomeUpheld, Label: ui.T("complaintsdesk.outcome.upheld", lang)},
			{Value: casework.OutcomeRejected, Label: ui.T("complaintsdesk.outcome.rejected", lang)}}}
	if d := app.Decision; d != nil {
		v.Decision = ui.T("complaintsdesk.outcome."+d.Outcome, lang)
	}
	for _, d := range app.Documents {
		v.Documents = append(v.Documents, docView{Number: d.Number, Title: d.Title.In(lang), Issued: ui.FormatTime(d.IssuedAt)})
	}
	// The application complained about carries its applicant's data: logged too.
	if about, err := p.deps.Sys.Engine.Get(ctx, viewer(who), c.About); err == nil {
		if err := p.audited(ctx, who, audit.ViewApplication, about, "complained about in "+app.Number); err != nil {
			p.deps.Log.Error("audit", "err", err)
			p.views.Message(w, r, http.StatusInternalServerError, "error.title", "")
			return
		}
		v.About = aboutView{ID: about.ID, Number: about.Number, Service: p.serviceName(about.Service, lang), State: about.State.Name().In(lang),
			Received: ui.FormatDate(about.ReceivedOn), Deadline: ui.FormatDate(about.DeadlineOn)}
		v.AboutActor = about.Applicant.Name()
	} else {
		v.About = aboutView{ID: c.About, Service: p.serviceName(c.AboutService, lang)}
	}
	if edit != nil {
		edit(&v)
	}
	// An error of a command no longer offered (another officer moved the
	// complaint on) is shown at the top rather than lost.
	v.ErrTop = v.Err.Any() && !slices.ContainsFunc(v.Actions, func(a actionView) bool { return a.Name == v.ErrCommand })
	p.views.RenderAt(w, r, status, "complaint", lang, ui.Tf("complaintsdesk.complaint.title", lang, app.Number),
		ui.PathComplaintDesk+"/"+app.ID, v)
}

// actorFor is the role the principal gives cmd in on app, or false when none
// of their roles may. It mirrors the engine's table so that the desk offers
// only the buttons that can work; the engine still decides.
func actorFor(who auth.Principal, app *casework.Application, cmd string) (casework.Actor, bool) {
	k := forwardClock(app)
	var roles []casework.Role
	switch cmd {
	case cmdForward, cmdSatisfy:
		// Rule CP-2: the appealed provider forwards the complaint, or satisfies
		// it in full, within 3 working days of receipt.
		if app.State != casework.StateRegistered || k == nil || k.Done {
			return casework.Actor{}, false
		}
		roles = []casework.Role{casework.RoleHead, casework.RoleOfficer}
	case cmdReply:
		if app.State != casework.StateRegistered && app.State != casework.StateForwarded || k != nil && !k.Done {
			return casework.Actor{}, false
		}
		switch {
		case app.Complaint.Addressee == casework.AddresseeQualityBody:
			// Rule CP-4, AC-21: the quality-control body reviews what is addressed to it.
			roles = []casework.Role{casework.RoleQuality}
		case app.State == casework.StateForwarded:
			// Rule CP-3: the reviewing body replies to a forwarded complaint.
			roles = []casework.Role{casework.RoleComplaints}
		default:
			roles = []casework.Role{casework.RoleComplaints, casework.RoleHead}
		}
	}
	for _, role := range roles {
		if a, ok := who.ActorAs(role); ok {
			return a, true
		}
	}
	return casework.Actor{}, false
}

// anyRole is the principal in a role the command table lets give cmd at all.
func anyRole(who auth.Principal, cmd string) (casework.Actor, bool) {
	roles := []casework.Role{casework.RoleHead, casework.RoleOfficer}
	if cmd == cmdReply {
		roles = []casework.Role{casework.RoleComplaints, casework.RoleQuality, casework.RoleHead}
	}
	for _, role := range roles {
		if a, ok := who.ActorAs(role); ok {
			return a, true
		}
	}
	return casework.Actor{}, false
}

func forwardClock(app *casework.Application) *casework.Clock {
	for i := range app.Clocks {
		if app.Clocks[i].ID == stepForwardOrSatisfy {
			return &app.Clocks[i]
		}
	}
	return nil
}

// actions are the commands the principal may give on app now, with their rules.
func (p *Pages) actions(who auth.Principal, app *casework.Application, lang i18n.Lang) []actionView {
	var out []actionView
	for _, spec := range p.deps.Sys.Engine.Commands() {
		if !slices.Contains([]string{cmdForward, cmdSatisfy, cmdReply}, spec.Name) {
			continue
		}
		if _, ok := actorFor(who, app, spec.Name); ok {
			rule := spec.Rule
			if spec.Name == cmdReply {
				rule = replyRule(app)
			}
			out = append(out, actionView{Name: spec.Name, Label: spec.Description.In(lang), Rule: rule})
		}
	}
	return out
}

// replyRule is the rule of the review clock that runs: CP-3 or CP-4 (AC-19 or
// AC-21 under the 2019 procedure).
func replyRule(app *casework.Application) string {
	for _, k := range app.Clocks {
		if strings.HasPrefix(k.ID, "review") {
			return k.Rule
		}
	}
	return "CP-3"
}

// command gives one of the desk's commands. The form carries the version the
// officer saw: if another officer acted meanwhile, the engine answers with a
// conflict and the page says so, with the complaint as it now stands.
func (p *Pages) command(w http.ResponseWriter, r *http.Request) {
	lang := ui.RequestLang(w, r)
	who := ui.Principal(r)
	cmd := r.PathValue("command")
	app, ok := p.loadComplaint(r.Context(), who, r.PathValue("id"))
	if !ok || !slices.Contains([]string{cmdForward, cmdSatisfy, cmdReply}, cmd) {
		p.views.NotFound(w, r)
		return
	}
	text := strings.TrimSpace(r.PostFormValue(cmd + ".text"))
	outcome := r.PostFormValue(cmd + ".outcome")
	fail := func(status int, fe ui.FormError) {
		p.renderComplaint(w, r, status, lang, app, func(v *complaintView) {
			v.Err, v.ErrCommand = fe, cmd
			v.V[cmd+".text"], v.V[cmd+".outcome"] = text, outcome
		})
	}
	if markup.MatchString(text) {
		fail(http.StatusUnprocessableEntity, ui.FormError{Fields: map[string]string{cmd + ".text": ui.T("complaintsdesk.err.markup", lang)}})
		return
	}
	version, _ := strconv.Atoi(r.PostFormValue("version"))
	actor, ok := actorFor(who, app, cmd)
	if !ok && version != app.Version {
		// A form from before another officer's change: the engine's conflict
		// says so better than "not now" would.
		actor, ok = anyRole(who, cmd)
	}
	if !ok {
		fail(http.StatusForbidden, ui.FormError{Notice: ui.T("complaintsdesk.err.not_yours", lang)})
		return
	}
	data := map[string]string{"text": text}
	if cmd == cmdReply {
		data["outcome"] = outcome
	}
	raw, _ := json.Marshal(data) // a map of strings always marshals
	_, err := p.deps.Sys.Engine.Execute(r.Context(), actor, app.ID, casework.Command{Name: cmd, ExpectedVersion: version, Data: raw})
	if err != nil {
		if apperr.CodeOf(err) == apperr.Internal {
			p.deps.Log.Error("complaint command", "command", cmd, "err", err)
		}
		if fresh, ok := p.loadComplaint(r.Context(), who, app.ID); ok {
			app = fresh
		}
		fail(ui.Status(err), placeError(err, cmd, lang))
		return
	}
	http.Redirect(w, r, ui.PathComplaintDesk+"/"+app.ID+"?done="+cmd, http.StatusSeeOther)
}

// placeError puts an engine error of a command next to the command form's
// field ("data.text" is the form's "reply.text"); any other (the version, the
// state, the rule) goes to the form's notice.
func placeError(err error, cmd string, lang i18n.Lang) ui.FormError {
	fe := ui.NewFormError(err, lang)
	out := ui.FormError{Notice: fe.Notice}
	for f, text := range fe.Fields {
		if name, ok := strings.CutPrefix(f, "data."); ok {
			out.Fields = map[string]string{cmd + "." + name: text}
		} else {
			out.Notice = text
		}
	}
	return out
}

// document sends a signed paper of the complaint (the talon, the motivated
// reply) as the e-Register holds it; the view is logged first.
func (p *Pages) document(w http.ResponseWriter, r *http.Request) {
	who := ui.Principal(r)
	app, ok := p.loadComplaint(r.Context(), who, r.PathValue("id"))
	if !ok {
		p.views.NotFound(w, r)
		return
	}
	number := r.PathValue("number")
	if !slices.ContainsFunc(app.Documents, func(d casework.IssuedDocument) bool { return d.Number == number }) {
		p.views.NotFound(w, r)
		return
	}
	if err := p.audited(r.Context(), who, audit.ViewDocument, app, number); err != nil {
		p.deps.Log.Error("audit", "err", err)
		p.views.Message(w, r, http.StatusInternalServerError, "error.title", "")
		return
	}
	_, pdf, err := p.deps.Sys.Engine.Document(r.Context(), viewer(who), app.ID, number)
	if err != nil {
		p.views.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "application/pdf")
	w.Header().Set("Content-Disposition", `inline; filename="`+fileName(number)+`.pdf"`)
	w.Header().Set("Cache-Control", "no-store")
	w.Write(pdf)
}

// fileName keeps the letters, digits and dashes of a document number, so that
// it is safe in a header.
func fileName(number string) string {
	return strings.Map(func(r rune) rune {
		if r == '-' || r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' {
			return r
		}
		return '_'
	}, number)
}
