package frontdesk

import (
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
	"qyzmet/internal/iin"
	"qyzmet/internal/registry"
	"qyzmet/internal/standard"
	"qyzmet/internal/web/ui"
)

// startPage is the desk's home: the IIN search and what waits at the branch.
type startPage struct {
	Branch  string
	IIN     string
	Ticket  string // the queue ticket being served, carried to the intake
	Err     ui.FormError
	Pending []appRow
	Shelf   shelfCounts
}

// shelfCounts are the shelf's figures shown on the home page.
type shelfCounts struct{ Ready, Incoming, Returned int }

// appRow is an application in a list. Names appear only where the list is
// about one person already looked up (and audited).
type appRow struct {
	ID, Service, State string
	Submitted          time.Time
	Deadline           calendar.Date
}

func (p *Pages) start(w http.ResponseWriter, r *http.Request) {
	p.renderStart(w, r, http.StatusOK, "", ui.FormError{})
}

// renderStart shows the home page with the IIN typed and its error, if any.
// The lists show no personal data, so the page needs no audit entry.
func (p *Pages) renderStart(w http.ResponseWriter, r *http.Request, status int, typed string, fe ui.FormError) {
	lang := ui.RequestLang(w, r)
	b := branch(r)
	page := startPage{Branch: b.Name.In(lang), IIN: typed, Err: fe, Ticket: p.servedTicket(r, r.FormValue("ticket"))}
	pending, err := p.list(r, casework.StateSubmitted)
	if err != nil {
		p.views.Fail(w, r, err)
		return
	}
	for _, a := range pending {
		page.Pending = append(page.Pending, p.row(a, lang))
	}
	counts := []*int{&page.Shelf.Ready, &page.Shelf.Incoming, &page.Shelf.Returned}
	for i, st := range []casework.State{casework.StateReadyForPickup, casework.StateDispatched, casework.StateReturnedToProvider} {
		apps, err := p.list(r, st)
		if err != nil {
			p.views.Fail(w, r, err)
			return
		}
		*counts[i] = len(apps)
	}
	p.render(w, r, status, "start", lang, "frontdesk.title", page)
}

// list is the applications of the operator's branch in state.
func (p *Pages) list(r *http.Request, st casework.State) ([]casework.Application, error) {
	return p.deps.Sys.Engine.List(r.Context(), actor(r), casework.Filter{Branch: branch(r).ID, State: st, Limit: 1000})
}

func (p *Pages) row(a casework.Application, lang i18n.Lang) appRow {
	return appRow{ID: a.ID, Service: p.serviceName(a.Service, a.SubmittedAt, lang), State: stateNames[a.State].In(lang),
		Submitted: a.SubmittedAt, Deadline: a.DeadlineOn}
}

// serviceName is the service's name under the standard in force on at.
func (p *Pages) serviceName(id standard.ServiceID, at time.Time, lang i18n.Lang) string {
	if std, err := p.deps.Sys.Standards().At(id, calendar.DateOf(at)); err == nil {
		return std.Name.In(lang)
	}
	return string(id)
}

// personPage is a person found by IIN, their applications here, and — once a
// service is chosen — the intake form.
type personPage struct {
	Person   registry.Person
	Apps     []appRow
	Services []serviceLink
	Form     *intakeForm
	Ticket   string // the queue ticket being served, carried to the intake
}

// serviceLink is a service to receive, with its access key (Alt+1 …).
type serviceLink struct {
	ID, Name, Key string
	Current       bool
}

// intakeForm is the walk-in intake of one service at the State Corporation.
type intakeForm struct {
	IIN, Service, ServiceName, Key string
	Items                          []itemView
	Digital, Travel                bool // the form offers these checkboxes
	DigitalTicked, TravelTicked    bool
	Fee                            string // the state duty, "" when free
	Pay                            paymentForm
	Conditions                     []conditionView
	Phone, Address, Document       string
	Rep                            repForm
	Parties                        parties
	// Ticket is the queue ticket being served at the operator's window: the
	// intake finishes it (G-4).
	Ticket string
	Err    ui.FormError
}

// itemView is one item of the standard's checklist on the intake form.
type itemView struct {
	Index    int
	ID, Name string
	Rule     string
	When     string // the condition that makes it required, named
	Provided bool
}

type conditionView struct {
	ID, Name string
	Checked  bool
}

// repForm is the representative's part of the intake form; the name is
// the person registry's for the IIN typed.
type repForm struct{ IIN, Surname, GivenName, Patronymic, POANumber, POADate, POANotary, POAUntil string }

// person finds the applicant in the person registry. Rule G-5 brings the
// applicant to the window; the desk identifies them by IIN before anything
// else, and logs the look at the registry before showing it.
func (p *Pages) person(w http.ResponseWriter, r *http.Request) {
	lang := ui.RequestLang(w, r)
	number := strings.TrimSpace(r.URL.Query().Get("iin"))
	per, ok := p.lookup(w, r, number)
	if !ok {
		return
	}
	var form *intakeForm
	if sid := r.URL.Query().Get("service"); sid != "" {
		std, err := p.intakeStandard(standard.ServiceID(sid))
		if err != nil {
			p.views.NotFound(w, r)
			return
		}
		form = p.newIntakeForm(std, per, lang)
		form.Ticket = p.servedTicket(r, r.URL.Query().Get("ticket"))
	}
	p.renderPerson(w, r, http.StatusOK, per, form)
}

// lookup checks the IIN and finds its person, answering the home page with
// the error next to the field when it cannot.
func (p *Pages) lookup(w http.ResponseWriter, r *http.Request, number string) (registry.Person, bool) {
	lang := ui.RequestLang(w, r)
	n, err := iin.ParseIIN(number)
	if err != nil {
		p.renderStart(w, r, http.StatusUnprocessableEntity, number, ui.FormError{Fields: map[string]string{"iin": ui.ErrText(err, lang)}})
		return registry.Person{}, false
	}
	// The registry is asked the number as parsed: typed with spaces, it is found.
	per, err := p.deps.Sys.Registries.Persons.ByIIN(r.Context(), n.Number)
	if apperr.CodeOf(err) == apperr.NotFound {
		p.renderStart(w, r, http.StatusNotFound, number, ui.FormError{Fields: map[string]string{"iin": ui.T("frontdesk.find.not_found", lang)}})
		return registry.Person{}, false
	}
	if err != nil {
		p.views.Fail(w, r, err)
		return registry.Person{}, false
	}
	return per, true
}

// renderPerson shows the person with their applications at this branch,
// after logging the view.
func (p *Pages) renderPerson(w http.ResponseWriter, r *http.Request, status int, per registry.Person, form *intakeForm) {
	lang := ui.RequestLang(w, r)
	if err := p.audited(r, audit.View{What: audit.ViewPerson, SubjectIIN: per.IIN, Detail: "front-desk intake"}); err != nil {
		p.views.Fail(w, r, err)
		return
	}
	if form != nil {
		if err := p.loadPayments(r.Context(), form); err != nil {
			p.views.Fail(w, r, err)
			return
		}
	}
	page := personPage{Person: per, Form: form}
	// The form has resolved the ticket already; the page alone reads it.
	if form != nil {
		page.Ticket = form.Ticket
	} else {
		page.Ticket = p.servedTicket(r, r.FormValue("ticket"))
	}
	apps, err := p.deps.Sys.Engine.List(r.Context(), actor(r), casework.Filter{ApplicantIIN: per.IIN, Branch: branch(r).ID})
	if err != nil {
		p.views.Fail(w, r, err)
		return
	}
	for _, a := range apps {
		page.Apps = append(page.Apps, p.row(a, lang))
	}
	for i, std := range p.intakeStandards() {
		page.Services = append(page.Services, serviceLink{ID: string(std.Service), Name: std.Name.In(lang), Key: strconv.Itoa(i + 1),
			Current: form != nil && form.Service == string(std.Service)})
	}
	p.render(w, r, status, "person", lang, "frontdesk.person.title", page)
}

// intakeStandards are the standards in force today that the State
// Corporation receives.
func (p *Pages) intakeStandards() []*standard.Standard {
	var out []*standard.Standard
	for _, id := range p.deps.Sys.Standards().Services() {
		if std, err := p.intakeStandard(id); err == nil {
			out = append(out, std)
		}
	}
	return out
}

func (p *Pages) intakeStandard(id standard.ServiceID) (*standard.Standard, error) {
	std, err := p.deps.Sys.Standards().At(id, calendar.DateOf(p.deps.Now()))
	if err != nil {
		return nil, err
	}
	if std.Kind != standard.KindService || !std.Offers(standard.StateCorp) {
		return nil, apperr.E(apperr.NotFound, "not received at the State Corporation")
	}
	return std, nil
}

// declaredByForm are the conditions the intake form sets through its own
// fields (the representative, the payment, travel abroad) or that concern
// only portal requests; the others the operator declares as the applicant
// states them.
var declaredByForm = []standard.Condition{standard.CondRepresentative, standard.CondNotPaidViaGateway,
	standard.CondTravelAbroad, standard.CondThirdPartyRequest, standard.CondSubjectUnder16In1940}

// newIntakeForm is the empty intake form of std, with a fresh idempotency key:
// the same form sent twice (a double click) makes one application.
func (p *Pages) newIntakeForm(std *standard.Standard, per registry.Person, lang i18n.Lang) *intakeForm {
	f := &intakeForm{IIN: per.IIN, Service: string(std.Service), ServiceName: std.Name.In(lang), Key: ui.NewKey(),
		Parties: p.newParties(std, per, lang)}
	seen := map[standard.Condition]bool{}
	for _, d := range std.Documents {
		// A data item (the parents' data of AR-6.1) is filled by the form's
		// fields, not ticked.
		if !slices.Contains(d.Channels, standard.StateCorp) || d.Kind == standard.KindData {
			continue
		}
		it := itemView{Index: len(f.Items), ID: d.ID, Name: d.Name.In(lang), Rule: d.Rule}
		var when []string
		for _, c := range d.When {
			when = append(when, c.Name().In(lang))
			if !seen[c] && !slices.Contains(declaredByForm, c) {
				seen[c] = true
				f.Conditions = append(f.Conditions, conditionView{ID: string(c), Name: c.Name().In(lang)})
			}
		}
		it.When = strings.Join(when, "; ")
		// The consent fetches the identity document from the digital
		// documents service (DIGEST section 0), where the standard allows it.
		if d.DigitalAlternative && d.ID == "identity" {
			f.Digital = true
		}
		f.Items = append(f.Items, it)
	}
	for _, dl := range std.Deadlines {
		if dl.Path == standard.PathTravelAbroad {
			f.Travel = true
		}
	}
	if std.Fee != nil && !std.Fee.Free {
		if q, err := p.deps.Sys.Standards().Fee(std, calendar.DateOf(p.deps.Now()), 1); err == nil {
			f.Fee = ui.Tenge(int(q.Tiyn / 100))
		}
	}
	return f
}

// intake receives the walk-in's package: it submits the application on the
// State Corporation channel and accepts it (Rule AC-12: then the receipt is
// printed) or refuses it as incomplete (Rule AC-15: the receipt of refusal
// lists what is missing, form AC-F2).
func (p *Pages) intake(w http.ResponseWriter, r *http.Request) {
	lang := ui.RequestLang(w, r)
	number := strings.TrimSpace(r.PostFormValue("iin"))
	per, ok := p.lookup(w, r, number)
	if !ok {
		return
	}
	std, err := p.intakeStandard(standard.ServiceID(r.PostFormValue("service")))
	if err != nil {
		p.views.NotFound(w, r)
		return
	}
	f := p.readIntakeForm(r, std, per, lang)
	if r.PostFormValue("action") == actionFindRep {
		p.showRep(w, r, per, f)
		return
	}
	fe, err := p.checkForm(r, std, f, lang)
	if err != nil {
		p.views.Fail(w, r, err)
		return
	}
	if fe.Any() {
		f.Err = fe
		p.renderPerson(w, r, http.StatusUnprocessableEntity, per, f)
		return
	}
	in := p.submitInput(r, std, per, f)
	app, created, err := p.deps.Sys.Engine.Submit(r.Context(), actor(r), in, f.Key)
	if err != nil {
		f.Err = intakeError(err, lang)
		if f.Err.Fields["idempotency_key"] != "" {
			f.Key = ui.NewKey()
		}
		p.renderPerson(w, r, ui.Status(err), per, f)
		return
	}
	if !created {
		// A second click on the same form: the first one's result.
		http.Redirect(w, r, pathApplications+url.PathEscape(app.ID), http.StatusSeeOther)
		return
	}
	p.finishTicket(r, f.Ticket, app.ID, per.IIN)
	cmd := "accept"
	if r.PostFormValue("action") == "refuse" {
		cmd = "refuse-at-intake"
	}
	p.run(w, r, app, cmd, nil, "")
}

// intakeError places a Submit error; the idempotency key's conflict gets its
// own words (the form was changed after it was sent).
func intakeError(err error, lang i18n.Lang) ui.FormError {
	if casework.FieldOf(err) == "idempotency_key" {
		return ui.FormError{Notice: ui.T("frontdesk.intake.key_reused", lang), Fields: map[string]string{"idempotency_key": "reused"}}
	}
	fe := ui.NewFormError(err, lang)
	for field, text := range fe.Fields {
		// A combined service's error (combined[0].branch …) belongs to the
		// choice of the services.
		if strings.HasPrefix(field, "combined[") {
			delete(fe.Fields, field)
			fe.Fields[inCombined] = text
		}
	}
	return placed(fe, append(slices.Clone(intakeFields), partyInputs...))
}

// intakeFields are the fields the intake form shows errors next to (and the
// checklist's documents[i]).
var intakeFields = []string{"representative.iin", inPayRef, "representative.poa.number", "representative.poa.issued_on", "representative.poa.notary", "representative.poa.valid_until",
	"applicant.phone", "applicant.address", "fields.document"}

// readIntakeForm reads the posted form back into its view, for a second
// rendering with its errors.
func (p *Pages) readIntakeForm(r *http.Request, std *standard.Standard, per registry.Person, lang i18n.Lang) *intakeForm {
	f := p.newIntakeForm(std, per, lang)
	v := r.PostForm
	f.Key = v.Get("key")
	f.Ticket = p.servedTicket(r, v.Get("ticket"))
	f.Parties.read(v)
	f.DigitalTicked = f.Digital && v.Get("digital_consent") == "on"
	f.TravelTicked = f.Travel && v.Get("travel_abroad") == "on"
	if f.Payable() {
		f.Pay.Pick, f.Pay.Typed = strings.TrimSpace(v.Get(inPayPick)), strings.TrimSpace(v.Get(inPayRef))
	}
	f.Phone, f.Address, f.Document = v.Get("applicant.phone"), v.Get("applicant.address"), v.Get("fields.document")
	for i := range f.Items {
		f.Items[i].Provided = v.Get(fmt.Sprintf("documents[%d].provided", i)) == "on"
	}
	for i := range f.Conditions {
		f.Conditions[i].Checked = slices.Contains(v["conditions"], f.Conditions[i].ID)
	}
	// The representative's name is the registry's (findRep), never typed.
	f.Rep = repForm{IIN: strings.TrimSpace(v.Get("representative.iin")),
		POANumber: v.Get("representative.poa.number"), POADate: v.Get("representative.poa.issued_on"),
		POANotary: v.Get("representative.poa.notary"), POAUntil: v.Get("representative.poa.valid_until")}
	return f
}

// submitInput is the application the form describes. The applicant's name
// comes from the registry, never from the form.
func (p *Pages) submitInput(r *http.Request, std *standard.Standard, per registry.Person, f *intakeForm) casework.SubmitInput {
	b := branch(r)
	in := casework.SubmitInput{Service: std.Service, Channel: standard.StateCorp, Branch: b.ID, DepartmentClass: b.Class,
		Applicant: casework.Party{Kind: casework.KindIndividual, IIN: per.IIN, Surname: per.Surname, GivenName: per.GivenName,
			Patronymic: per.Patronymic, Phone: strings.TrimSpace(f.Phone), Address: strings.TrimSpace(f.Address)},
		TravelAbroad: f.TravelTicked}
	if d := strings.TrimSpace(f.Document); d != "" {
		in.Fields = map[string]string{"document": d}
	}
	for _, it := range f.Items {
		doc := casework.DocumentInput{ID: it.ID, Provided: it.Provided}
		if it.ID == "identity" && f.DigitalTicked {
			doc.Provided, doc.Fetched = false, true
		}
		in.Documents = append(in.Documents, doc)
	}
	for _, c := range f.Conditions {
		if c.Checked {
			in.Conditions = append(in.Conditions, standard.Condition(c.ID))
		}
	}
	if f.Rep.IIN != "" {
		in.Representative = f.Rep.representative()
	}
	f.Parties.apply(&in, f)
	// Rule AC-10: a payment through the gateway is seen by the system; no
	// receipt is asked for. One payment covers the duties of the services
	// asked under the one application.
	in.Payment = f.Pay.payment()
	return in
}

// checkForm is the desk's check of the form before the engine's: the
// parties, the representative in the person registry, the payment in the
// payments registry. It answers the errors placed next to their inputs.
func (p *Pages) checkForm(r *http.Request, std *standard.Standard, f *intakeForm, lang i18n.Lang) (ui.FormError, error) {
	if field, key, args := f.check(calendar.DateOf(p.deps.Now())); field != "" {
		if field == inKind && !f.Parties.LegalEntity {
			// The form shows no choice of kind: the standard serves only
			// individuals, and says so above the form.
			return ui.FormError{Notice: ui.Tf("frontdesk.err.individuals_only", lang, recipientsRule(std))}, nil
		}
		return ui.FormError{Fields: map[string]string{field: ui.Tf(key, lang, args...)}}, nil
	}
	if msg, err := p.findRep(r, f, lang); err != nil || msg != "" {
		return ui.FormError{Fields: map[string]string{"representative.iin": msg}}, err
	}
	if msg, err := p.findPayment(r, std, f, f.Parties.checkedCombos(), lang); err != nil || msg != "" {
		return ui.FormError{Fields: map[string]string{inPayRef: msg}}, err
	}
	return ui.FormError{}, nil
}

// check is the desk's own check of the form's fields: the parties, and the
// paper certificate an apostille needs.
func (f *intakeForm) check(today calendar.Date) (field, key string, args []any) {
	if field, key, args = f.Parties.check(today); field != "" {
		return field, key, args
	}
	combined := slices.ContainsFunc(f.Parties.Combos, func(c comboView) bool { return c.Checked })
	if combined && f.Travel && !f.TravelTicked {
		// Rule CR-STD-5.3, CR-STD-10: the apostille asked with the
		// certificate goes on its paper form, the one for travel abroad.
		return inCombined, "frontdesk.err.apostille_paper", nil
	}
	return "", "", nil
}

// Payable reports whether the form's service, or a service it may be asked
// with, has a state duty: the form then offers the gateway payment.
func (f *intakeForm) Payable() bool {
	return f.Fee != "" || slices.ContainsFunc(f.Parties.Combos, func(c comboView) bool { return c.Fee != "" })
}

// representative is the form's representative; dates that do not parse are
// left zero, which the engine names as missing next to their field.
func (f repForm) representative() *casework.Representative {
	rep := &casework.Representative{Party: casework.Party{Kind: casework.KindIndividual, IIN: f.IIN,
		Surname: strings.TrimSpace(f.Surname), GivenName: strings.TrimSpace(f.GivenName), Patronymic: strings.TrimSpace(f.Patronymic)},
		POA: casework.POA{Number: strings.TrimSpace(f.POANumber), Notary: strings.TrimSpace(f.POANotary)}}
	if d, err := calendar.ParseDate(f.POADate); err == nil {
		rep.POA.IssuedOn = d
	}
	if d, err := calendar.ParseDate(f.POAUntil); err == nil {
		rep.POA.ValidUntil = &d
	}
	return rep
}

// recipientsRule is the rule by which std names whom it serves.
func recipientsRule(std *standard.Standard) string {
	if std.Recipients == nil {
		return ""
	}
	return std.Recipients.Rule
}
