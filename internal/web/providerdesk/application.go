package providerdesk

import (
	"context"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"qyzmet/internal/apperr"
	"qyzmet/internal/audit"
	"qyzmet/internal/calendar"
	"qyzmet/internal/casework"
	"qyzmet/internal/decision"
	"qyzmet/internal/i18n"
	"qyzmet/internal/standard"
	"qyzmet/internal/web/ui"
)

// appContent is the application page: the facts, the clocks, the
// verification panel with the registries' evidence, and the decisions the
// signed-in staff member may take.
type appContent struct {
	App      *casework.Application
	Std      *standard.Standard
	Service  i18n.Text
	Clock    clockView
	HasClock bool
	Clocks   []clockRow
	Events   []casework.Event
	Forms    []commandForm

	// The outcome of the last action: a done command, or the failed one with
	// its errors next to its fields and the values as posted.
	Done     string
	Failed   string
	Err      ui.FormError
	Values   url.Values
	Conflict bool

	// The registries' evidence.
	Apostille   bool
	Specimen    *specimenPanel
	Payment     *decision.PaymentCheck
	PaymentErr  string
	RecordCheck *casework.RecordCheck
	Archive     *archivePanel

	// What the decision forms offer.
	Grounds      []standard.Ground
	Checked      []string // grounds pre-ticked (the hearing's, or the verification's)
	Results      []standard.Result
	Hearing      hearingWindow
	NeedsFinding bool
	NeedsPlace   bool
	Methods      []ui.Option
	Choice       bool // a result comes on paper or electronically, as the applicant chose (AR-6.4)
	// CanRecord: the staff member may record what the verification
	// established now (record-verification), in the verification panel.
	CanRecord bool
	HeadSigns bool // the archival answer on paper waits for the head (AR-6.4)
	Me        string
	Assignee  string

	specs []casework.CommandSpec
}

type clockRow struct {
	Clock casework.Clock
	Level string
}

// commandForm is one decision the page offers.
type commandForm struct {
	Name        string
	Description i18n.Text
	Rule        string
}

// hearingWindow is the days a hearing may be set on: Rule AP-6.4, AR-6.2 —
// no later than the hearing step's working days after the notice, which the
// desk sends today; AC-15-1 sets no limit (only after the notice).
type hearingWindow struct {
	Min, Max string // YYYY-MM-DD for the date input
	From, To calendar.Date
	Rule     string
	Limited  bool
	NoticeBy calendar.Date
	LateNote bool // the notice is already later than AP-6.4's 3 working days before the deadline
}

// application shows one application to the desk.
func (p *Pages) application(w http.ResponseWriter, r *http.Request) {
	done := r.URL.Query().Get("done")
	p.showApplication(w, r, http.StatusOK, r.PathValue("id"), func(c *appContent) {
		for _, spec := range p.deps.Sys.Engine.Commands() {
			if spec.Name == done {
				c.Done = spec.Description.In(ui.RequestLang(w, r))
			}
		}
	})
}

// showApplication loads, audits and renders the application page; adjust
// fills in the outcome of an action.
func (p *Pages) showApplication(w http.ResponseWriter, r *http.Request, status int, id string, adjust func(*appContent)) {
	lang := ui.RequestLang(w, r)
	c, err := p.loadApplication(r.Context(), r, id, lang)
	if err != nil {
		p.views.Fail(w, r, err)
		return
	}
	adjust(c)
	// A refused post is answered here too: the language switch goes to the
	// application's page, not to the command's address.
	p.views.RenderAt(w, r, status, "application", lang, ui.Tf("providerdesk.app.title", lang, appRef(c.App)), applicationPath(id), c)
}

func (p *Pages) loadApplication(ctx context.Context, r *http.Request, id string, lang i18n.Lang) (*appContent, error) {
	actor := reader(r)
	app, err := p.deps.Sys.Engine.Get(ctx, actor, id)
	if err != nil {
		return nil, err
	}
	if app.Complaint != nil {
		return nil, apperr.E(apperr.NotFound, "a complaint is not the provider desk's")
	}
	std := p.standardOf(app)
	if std == nil {
		return nil, apperr.E(apperr.Internal, "the application's standard is not loaded")
	}
	// Every view of personal data is logged before it is shown (#7).
	if err := p.audit(ctx, actor, audit.ViewApplication, app, ""); err != nil {
		return nil, err
	}
	c := &appContent{App: app, Std: std, Service: std.Name, Me: actor.ID, specs: p.deps.Sys.Engine.Commands(),
		Assignee: assigneeName(app.Assignee, lang)}
	now := p.deps.Now()
	c.Clock, c.HasClock = clockOf(p.deps.Sys.Engine.Calendar(), app, now, lang)
	for _, k := range app.Clocks {
		row := clockRow{Clock: k}
		if !k.Done {
			one := *app
			one.Clocks = []casework.Clock{k}
			v, _ := clockOf(p.deps.Sys.Engine.Calendar(), &one, now, lang)
			row.Level = v.Level
		}
		c.Clocks = append(c.Clocks, row)
	}
	if c.Events, err = p.deps.Sys.Engine.Events(ctx, actor, id); err != nil {
		return nil, err
	}
	if err := p.evidence(ctx, r, c, actor, lang); err != nil {
		return nil, err
	}
	p.decisionOptions(c, ui.Principal(r).Roles)
	for _, m := range hearingMethods {
		c.Methods = append(c.Methods, ui.Option{Value: m, Label: ui.T("providerdesk.method."+m, lang)})
	}
	return c, nil
}

// audit records one view of an application's data.
func (p *Pages) audit(ctx context.Context, actor casework.Actor, what string, app *casework.Application, detail string) error {
	return p.deps.Sys.Audit.Record(ctx, audit.View{Actor: actor, What: what, ApplicationID: app.ID,
		SubjectIIN: subjectIIN(app), Detail: detail})
}

// subjectIIN is the IIN of the person whose data the application is about.
func subjectIIN(app *casework.Application) string {
	if s := app.Subject; s != nil && s.Person.IIN != "" {
		return s.Person.IIN
	}
	return app.Applicant.IIN
}

// evidence fills the verification panel for the application's service.
func (p *Pages) evidence(ctx context.Context, r *http.Request, c *appContent, actor casework.Actor, lang i18n.Lang) error {
	app, std := c.App, c.Std
	today := calendar.DateOf(p.deps.Now())
	var err error
	switch app.Service {
	case standard.ApostilleProsecution, standard.ApostilleCourt:
		c.Apostille = true
		if c.Specimen, err = p.verifySpecimen(ctx, std, app, specimenQuery(r), today); err != nil {
			return err
		}
	case standard.ArchivalCertificate:
		if c.Archive, err = p.searchArchive(ctx, app, r.URL.Query()); err != nil {
			return err
		}
	case standard.CriminalRecord:
		// Rule CR-STD-3.1: the officer of the additional check sees what the
		// registries answered; opening the evidence is logged first.
		if app.RecordCheck != nil {
			if err := p.audit(ctx, actor, audit.ViewRecordCheck, app, string(app.RecordCheck.Outcome)); err != nil {
				return err
			}
			c.RecordCheck = app.RecordCheck
		}
	}
	if slices.Contains(decidingRoles, actor.Role) {
		pay, err := p.checkPayment(ctx, std, app)
		switch {
		case apperr.CodeOf(err) == apperr.Invalid:
			c.PaymentErr = ui.ErrText(err, lang)
		case err != nil:
			return err
		}
		c.Payment = pay
	}
	return nil
}

// specimenQuery is the document the specimen panel compares: the query's,
// or — on a refused record form — the document as posted, so the form comes
// back with its errors and what the officer typed.
func specimenQuery(r *http.Request) url.Values {
	if r.Method != http.MethodPost {
		return r.URL.Query()
	}
	q := url.Values{}
	for _, f := range signerFields {
		if v := r.PostForm.Get("data.apostille." + f); v != "" {
			q.Set("sig."+f, v)
		}
	}
	return q
}

// hearingMethods are the engine's ways of holding a hearing (ADR 0003 §3).
var hearingMethods = []string{"in-person", "video", "phone", "written"}

// deskCommands are the commands of the provider desk, in the order the page
// offers them; the front desk and the complaints desk have the others.
var deskCommands = []string{"register", "start-verification", "assign", "start-additional-check", "interim-reply",
	"preliminary-refusal", "schedule-hearing", "hold-hearing", cmdRecord, "issue", "refuse", "dispatch", "file"}

// cmdRecord records what the verification established; its forms are in the
// verification panel, next to the evidence they record.
const cmdRecord = "record-verification"

// decisionOptions lists the commands the staff member may take on the
// application now, and what their forms offer.
func (p *Pages) decisionOptions(c *appContent, roles []casework.Role) {
	app, std := c.App, c.Std
	for _, spec := range p.deps.Sys.Engine.Commands() {
		if !slices.Contains(deskCommands, spec.Name) || !slices.Contains(spec.From, app.State) ||
			!slices.ContainsFunc(spec.Roles, func(r casework.Role) bool { return slices.Contains(roles, r) }) ||
			!usedBy(std, app, spec.Name) {
			continue
		}
		if spec.Name == cmdRecord {
			c.CanRecord = c.Apostille || c.Archive != nil
			continue
		}
		c.Forms = append(c.Forms, commandForm{Name: spec.Name, Description: spec.Description, Rule: spec.Rule})
	}
	slices.SortStableFunc(c.Forms, func(a, b commandForm) int {
		return slices.Index(deskCommands, a.Name) - slices.Index(deskCommands, b.Name)
	})
	if std.Refusal != nil {
		c.Grounds = std.Refusal.Grounds
	}
	switch {
	case app.Hearing != nil:
		c.Checked = app.Hearing.Grounds
	case c.Specimen != nil:
		c.Checked = c.Specimen.Grounds
	}
	for _, res := range std.Results {
		if res.ID != "motivated-refusal" && res.ID != "interim-reply" && res.ID != "readiness-notice" {
			c.Results = append(c.Results, res)
			if len(res.Media) > 1 {
				c.Choice = true
			}
		}
	}
	if rc := app.RecordCheck; app.Service == standard.CriminalRecord {
		c.NeedsFinding = rc == nil || (rc.Outcome != decision.NoRecord && rc.Outcome != decision.HasRecord)
		c.NeedsPlace = rc == nil || rc.Person == nil || rc.Person.BirthPlace == ""
	}
	c.Hearing = p.hearingWindow(std, app)
	// Rule AR-6.4: the head signs the archival answer on paper.
	c.HeadSigns = app.Service == standard.ArchivalCertificate && !slices.Contains(roles, casework.RoleHead)
}

// usedBy reports whether the application's standard uses the command now, so
// that the page offers no button the engine would refuse for the standard.
func usedBy(std *standard.Standard, app *casework.Application, name string) bool {
	_, register := std.Step("register")
	hearing := std.Refusal != nil && std.Refusal.Allowed && std.Refusal.Hearing != nil && std.Refusal.Hearing.Required
	paper := app.Decision != nil && app.Decision.Paper
	switch name {
	case "register":
		return register
	case "start-verification":
		// Rule AP-6.1: an apostille is registered in the journal first.
		return !register || app.State == casework.StateRegistered
	case "start-additional-check":
		return slices.ContainsFunc(std.Deadlines, func(d standard.DeadlineRule) bool { return d.Path == standard.PathAdditionalCheck })
	case "interim-reply":
		_, ok := std.Step("interim-reply")
		return ok
	case "preliminary-refusal", "schedule-hearing", "hold-hearing":
		return hearing
	case "refuse":
		return std.Refusal != nil && std.Refusal.Allowed && (!hearing || app.State == casework.StateHearingHeld)
	case "dispatch", "file":
		return paper
	}
	return true
}

// hearingWindow is the window the hearing date input allows.
func (p *Pages) hearingWindow(std *standard.Standard, app *casework.Application) hearingWindow {
	today := calendar.DateOf(p.deps.Now())
	hw := hearingWindow{From: today, Min: today.String()}
	if std.Refusal != nil && std.Refusal.Hearing != nil {
		hw.Rule = std.Refusal.Hearing.Rule
	}
	if st, ok := std.Step("hearing"); ok {
		hw.To, _ = p.deps.Sys.Engine.Calendar().AddWorkingDays(today, st.WorkingDays)
		hw.Max, hw.Limited, hw.Rule = hw.To.String(), true, st.Rule
	}
	if h := app.Hearing; h != nil {
		hw.NoticeBy = h.NoticeBy
		hw.LateNote = !h.NoticeBy.IsZero() && today.After(h.NoticeBy)
	}
	return hw
}

// appRef is how the desk names an application: its journal number, else its ID.
func appRef(app *casework.Application) string {
	if app.Number != "" {
		return app.Number
	}
	return app.ID
}

// document answers the signed PDF of a paper issued for the application.
func (p *Pages) document(w http.ResponseWriter, r *http.Request) {
	actor := reader(r)
	doc, file, err := p.deps.Sys.Engine.Document(r.Context(), actor, r.PathValue("id"), r.PathValue("number"))
	if err != nil {
		p.views.Fail(w, r, err)
		return
	}
	app := &casework.Application{ID: r.PathValue("id")}
	if got, err := p.deps.Sys.Engine.Get(r.Context(), actor, app.ID); err == nil {
		app = got
	}
	if err := p.audit(r.Context(), actor, audit.ViewDocument, app, doc.Number); err != nil {
		p.views.Fail(w, r, err)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "application/pdf")
	h.Set("Content-Disposition", `attachment; filename="`+doc.Number+`.pdf"`)
	h.Set("Cache-Control", "no-store")
	h.Set("Content-Length", strconv.Itoa(len(file)))
	w.Write(file)
}

// ErrOf is the errors of the command's form: only the failed one has any.
func (c *appContent) ErrOf(name string) ui.FormError {
	if c.Failed != name {
		return ui.FormError{}
	}
	return c.Err
}

// ValueOf is what was posted in the failed form, else def, so that a refused
// form keeps what the officer typed.
func (c *appContent) ValueOf(name, field, def string) string {
	if c.Failed != name {
		return def
	}
	return c.Values.Get(field)
}

// GroundChecked says whether a ground's box is ticked in the command's form.
func (c *appContent) GroundChecked(name, id string) bool {
	if c.Failed == name {
		return slices.Contains(c.Values["data.grounds"], id)
	}
	return slices.Contains(c.Checked, id)
}

// SendToHead says whether the officer may pass the decided application to the
// head's signature list.
func (c *appContent) SendToHead() bool {
	return c.App.Assignee != headDesk && slices.Contains(decisionStates, c.App.State)
}

// RecordOutcome is the automatic check's answer when it is one a
// certificate can state, else "".
func (c *appContent) RecordOutcome() string {
	if rc := c.RecordCheck; rc != nil && (rc.Outcome == decision.NoRecord || rc.Outcome == decision.HasRecord) {
		return string(rc.Outcome)
	}
	return ""
}

// fieldRow is one service-specific field of the application, labelled.
type fieldRow struct {
	Label string
	Value string
}

// fieldLabels name the fields the forms and the engine use; the official
// document's signer and seal are shown in the verification panel instead.
var fieldLabels = map[string]string{
	"document": "providerdesk.field.document", "country": "providerdesk.field.country", fieldParents: "providerdesk.field.parents",
	casework.FieldFormerNames: "providerdesk.field.former_names", casework.FieldBirthPlace: "providerdesk.field.birth_place",
	fieldCardID: "providerdesk.form.card",
	// What the portal and the front desk add (AR-6.1, CR-STD-8.1, CR-STD-5.2).
	"father_name": "providerdesk.field.father", "mother_name": "providerdesk.field.mother", "kinship": "providerdesk.field.kinship",
	"birth_year": "providerdesk.field.birth_year", "attached_files": "providerdesk.field.attached_files",
	"subject_poa_number": "providerdesk.field.subject_poa_number", "subject_poa_issued_on": "providerdesk.field.subject_poa_issued_on",
	"subject_poa_notary": "providerdesk.field.subject_poa_notary", "subject_poa_valid_until": "providerdesk.field.subject_poa_valid_until",
}

// servicePrefix is the prefix of the rule IDs of each service's own rules.
var servicePrefix = map[standard.ServiceID]string{
	standard.CriminalRecord: "CR-", standard.ApostilleProsecution: "AP-", standard.ArchivalCertificate: "AR-",
	standard.ApostilleCourt: "AC-", standard.Complaint: "CP-",
}

// RuleFor is a command's rule as this application's page shows it: the
// engine names one rule per command (issue: AP-6.3), which is not the rule of
// another service's application; the rules shared by all services (G-…)
// always show.
func (c *appContent) RuleFor(rule string) string {
	if strings.HasPrefix(rule, "G-") || strings.HasPrefix(rule, servicePrefix[c.App.Service]) {
		return rule
	}
	return ""
}

// FieldRows are the application's fields for the facts, in a stable order.
func (c *appContent) FieldRows(lang i18n.Lang) []fieldRow {
	var out []fieldRow
	for _, k := range slices.Sorted(maps.Keys(c.App.Fields)) {
		if slices.Contains(signerFields, k) {
			continue
		}
		label := k
		if key, ok := fieldLabels[k]; ok {
			label = ui.T(key, lang)
		}
		out = append(out, fieldRow{Label: label, Value: c.App.Fields[k]})
	}
	return out
}

// EventName is an event of the history in words: the command's description,
// else the name of the engine's own events.
func (c *appContent) EventName(e casework.Event, lang i18n.Lang) string {
	for _, spec := range c.specs {
		if spec.Name == e.Type {
			return spec.Description.In(lang)
		}
	}
	if t, ok := ui.Lookup("providerdesk.event." + e.Type); ok {
		return t.In(lang)
	}
	return e.Type
}

// assigneeName is the assignee as the desk shows it: the head's signature
// list by its name.
func assigneeName(assignee string, lang i18n.Lang) string {
	switch assignee {
	case "":
		return "—"
	case headDesk:
		return ui.T("providerdesk.sign.title", lang)
	}
	return assignee
}
