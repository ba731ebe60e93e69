package casework

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"qyzmet/internal/apperr"
	"qyzmet/internal/calendar"
	"qyzmet/internal/i18n"
	"qyzmet/internal/iin"
	"qyzmet/internal/standard"
	"qyzmet/internal/store"
)

// Party kinds.
const (
	KindIndividual  = "individual"
	KindLegalEntity = "legal-entity"
)

// Submit creates an application (and the linked applications of its combined
// services) in one transaction. On the portal a complete e-request is accepted
// at once (the system receives it, G-3); a third-party e-request waits for the
// consent of the person concerned (CR-STD-8.4); at an office it waits for the
// operator to accept or refuse the package (AC-15). The same idempotency key from
// the same actor returns the first application with created=false; the same key
// with a different body is a conflict; an empty key turns the check off.
// Errors: unauthorized, forbidden, invalid (with the field at fault), conflict.
func (e *Engine) Submit(ctx context.Context, a Actor, in SubmitInput, idempotencyKey string) (*Application, bool, error) {
	if err := checkActor(a); err != nil {
		return nil, false, err
	}
	out, created, err := e.createOnce(ctx, a, idempotencyKey, "", in, func(tx *store.Tx) (*Application, error) {
		return e.submit(ctx, tx, a, in)
	})
	if err != nil {
		return nil, false, err
	}
	return out.shownTo(a), created, nil
}

// createOnce runs create in one transaction unless the actor already used
// idempotencyKey: then it returns that application (created = false), and a
// key reused with another body is a conflict. kind keeps a complaint's key
// apart from an application's; the body's hash is what "the same request" means.
func (e *Engine) createOnce(ctx context.Context, a Actor, idempotencyKey, kind string, body any, create func(tx *store.Tx) (*Application, error)) (*Application, bool, error) {
	b, err := json.Marshal(body)
	if err != nil {
		return nil, false, fmt.Errorf("casework: encode request: %w", err)
	}
	sum := sha256.Sum256(append([]byte(kind), b...))
	hash := hex.EncodeToString(sum[:])
	var out *Application
	var created bool
	run := func() error {
		return e.db.Tx(ctx, func(tx *store.Tx) error {
			if idempotencyKey != "" {
				id, err := idempotent(ctx, tx, a.ID, idempotencyKey, hash)
				if err != nil {
					return err
				}
				if id != "" {
					created = false
					out, err = loadApp(ctx, tx, id)
					return err
				}
			}
			app, err := create(tx)
			if err != nil {
				return err
			}
			if idempotencyKey != "" {
				if err := rememberKey(ctx, tx, a.ID, idempotencyKey, hash, app.ID, tx.Now()); err != nil {
					return err
				}
			}
			out, created = app, true
			return nil
		})
	}
	// A concurrent submit with the same key that won the race is found on the
	// next run.
	if err := e.retry(ctx, run); err != nil {
		return nil, false, err
	}
	return out, created, nil
}

// submit validates the input and writes the applications.
func (e *Engine) submit(ctx context.Context, tx *store.Tx, actor Actor, in SubmitInput) (*Application, error) {
	now := tx.Now()
	if !in.Channel.Valid() {
		return nil, badValue("channel", string(in.Channel), []standard.Channel{standard.Portal, standard.StateCorp, standard.ProviderOffice, standard.Consulate})
	}
	if !submitAllowed(actor.Role, in.Channel) {
		return nil, fail(apperr.Forbidden, "submit_channel", "", "", txt(
			"%s рөлі %s арнасы арқылы өтініш бере алмайды", "роль %s не подаёт заявления через канал %s",
			"the %s role does not submit applications on the %s channel"), actor.Role, in.Channel)
	}
	submitted := now
	if in.SubmittedAt != nil {
		if actor.Role == RoleApplicant {
			return nil, invalid("submitted_at_portal", "submitted_at", "G-3", txt(
				"порталдағы өтініштің уақытын сервер белгілейді", "время заявления на портале ставит сервер",
				"the time of a portal application is set by the server"))
		}
		if in.SubmittedAt.After(now) {
			return nil, invalid("submitted_in_future", "submitted_at", "", txt(
				"берілген уақыт болашақта", "время подачи в будущем", "the submission time is in the future"))
		}
		submitted = in.SubmittedAt.UTC().Truncate(time.Microsecond)
	}
	std, err := e.Standards().At(in.Service, calendar.DateOf(submitted))
	if err != nil {
		return nil, deadlineError(err)
	}
	if std.Kind != standard.KindService {
		return nil, invalid("complaint_service", "service", "CP-7", txt(
			"шағым FileComplaint арқылы беріледі", "жалоба подаётся через FileComplaint", "a complaint is filed with FileComplaint"))
	}
	if err := e.checkSubmit(actor, std, in, submitted); err != nil {
		return nil, err
	}
	primary, err := e.newApplication(std, actor, in, in.Channel, submitted, now)
	if err != nil {
		return nil, err
	}
	inputs, err := documentInputs(std, primary.Channel, in.Documents, true)
	if err != nil {
		return nil, err
	}
	primary.Checklist = buildChecklist(std, primary, inputs, nil)
	if err := e.checkPortalPackage(std, primary); err != nil {
		return nil, err
	}

	// The combined services of one application (CR-STD-4, CR-STD-10,
	// AP-STD-10, AR-STD-10), each a linked application under its own standard.
	type member struct {
		app *Application
		std *standard.Standard
	}
	var secondaries []member
	for i, sid := range in.Combined {
		field := fmt.Sprintf("combined[%d]", i)
		sstd, err := e.Standards().At(sid, calendar.DateOf(submitted))
		if err != nil {
			return nil, prefixField(deadlineError(err), field+".")
		}
		ch := in.Channel
		if !sstd.Offers(ch) {
			// A paper result of a portal request is collected at the chosen State
			// Corporation branch (CR-STD-5.3): the combined service that the
			// portal does not offer is received there.
			ch = standard.StateCorp
			if !sstd.Offers(ch) {
				return nil, invalid("combined_channel", field, "", txt(
					"%s қызметі %s арнасы арқылы көрсетілмейді", "услуга %s не оказывается через канал %s",
					"%s is not offered on the %s channel"), sid, in.Channel)
			}
		}
		s, err := e.newApplication(sstd, actor, in, ch, submitted, now)
		if err != nil {
			return nil, prefixField(err, field+".")
		}
		s.Links = []Link{{ApplicationID: primary.ID, Kind: LinkCombined, Part: PartPrimary, Service: primary.Service}}
		sin, err := documentInputs(sstd, ch, in.Documents, false)
		if err != nil {
			return nil, err
		}
		s.Checklist = buildChecklist(sstd, s, sin, primary.Checklist)
		if miss := missing(s.Checklist); primary.Channel == standard.Portal && len(miss) > 0 {
			return nil, incompletePackage("documents", string(sid), "", miss)
		}
		primary.Links = append(primary.Links, Link{ApplicationID: s.ID, Kind: LinkCombined, Part: PartSecondary, Service: sid})
		secondaries = append(secondaries, member{s, sstd})
	}

	// Write: the primary first (the links refer to it), then the others.
	all := append([]member{{primary, std}}, secondaries...)
	for _, m := range all {
		c := e.newChange(ctx, tx, actor, m.app, m.std, "submit")
		c.to = StateSubmitted
		c.rule = channelRule(m.std, m.app.Channel)
		c.payload = map[string]any{"service": m.app.Service, "channel": m.app.Channel, "standard_version": m.app.StandardVersion}
		if err := c.commit(true); err != nil {
			return nil, err
		}
	}
	for _, m := range secondaries {
		if err := insertLink(ctx, tx, primary.ID, Link{ApplicationID: m.app.ID, Kind: LinkCombined, Part: PartSecondary, Service: m.app.Service}); err != nil {
			return nil, err
		}
		if err := insertLink(ctx, tx, m.app.ID, m.app.Links[0]); err != nil {
			return nil, err
		}
	}

	if primary.Channel == standard.Portal {
		if len(missing(primary.Checklist)) == 0 {
			// Rule G-3: the portal receives a complete e-request itself.
			if _, err := e.execute(ctx, tx, systemActor, primary, commandIndex[cmdAccept], Command{Name: cmdAccept, ExpectedVersion: primary.Version}); err != nil {
				return nil, err
			}
		} else if err := e.askConsent(ctx, tx, primary, std); err != nil {
			return nil, err
		}
	}
	return primary, nil
}

// askConsent: Rule CR-STD-8.4 — the person whose data is requested is asked in
// the personal cabinet.
func (e *Engine) askConsent(ctx context.Context, tx *store.Tx, a *Application, std *standard.Standard) error {
	if a.Subject == nil || a.Subject.Person.IIN == "" {
		return nil
	}
	who := strings.TrimSpace(a.Applicant.Surname + " " + a.Applicant.GivenName + a.Applicant.OrgName)
	return writeNotification(ctx, tx, &Notification{
		ApplicationID: a.ID, Recipient: a.Subject.Person.IIN, Kind: NoteConsentRequest, Rule: "CR-STD-8.4", CreatedAt: tx.Now(),
		Text: txt(
			fmt.Sprintf("%s сіз туралы мәліметтерді сұратады (%s). Жеке кабинетте келісім беріңіз немесе бас тартыңыз.", who, std.Name.In(i18n.KK)),
			fmt.Sprintf("%s запрашивает сведения о вас (%s). Дайте согласие в личном кабинете или откажите.", who, std.Name.In(i18n.RU)),
			fmt.Sprintf("%s requests your data (%s). Consent in your personal cabinet, or decline.", who, std.Name.In(i18n.EN))),
	})
}

// channelRule is the rule by which the standard offers the channel.
func channelRule(std *standard.Standard, ch standard.Channel) string {
	for _, c := range std.Channels {
		if c.ID == ch {
			return c.Rule
		}
	}
	return ""
}

// submitAllowed says who enters applications on each channel: the applicant on
// the portal, the operator at the State Corporation, the provider's office its
// own and the consulates' requests (AC-3); the system and the administrator
// (imports) anywhere.
func submitAllowed(role Role, ch standard.Channel) bool {
	switch role {
	case RoleSystem, RoleAdmin:
		return true
	case RoleApplicant:
		return ch == standard.Portal
	case RoleOperator:
		return ch == standard.StateCorp
	case RoleOfficer, RoleHead:
		return ch == standard.ProviderOffice || ch == standard.Consulate
	}
	return false
}

// newApplication builds an application of std from the input.
func (e *Engine) newApplication(std *standard.Standard, actor Actor, in SubmitInput, ch standard.Channel, submitted, now time.Time) (*Application, error) {
	a := &Application{
		ID: newID(), Service: std.Service, StandardVersion: std.Version, Channel: ch, Provider: in.Provider,
		Applicant: in.Applicant, Representative: in.Representative, Subject: in.Subject,
		Branch: in.Branch, DepartmentClass: in.DepartmentClass, PickupBranch: in.PickupBranch,
		TravelAbroad: in.TravelAbroad && hasPath(std, standard.PathTravelAbroad),
		Declared:     slices.Clone(in.Conditions), Payment: in.Payment, Fields: cloneFields(in.Fields),
		SubmittedAt: submitted, StateSince: now,
	}
	if a.Provider == "" {
		a.Provider = std.Provider.Website
	}
	if a.Provider == "" {
		a.Provider = string(std.Service)
	}
	a.Conditions = holdingConditions(a)
	// The deadline is computed now to reject what cannot be received (a closed
	// office, a missing department class) before anything is written; it is
	// computed again at acceptance.
	probe := *a
	if err := e.receive(&probe, submitted); err != nil {
		return nil, err
	}
	return a, nil
}

func cloneFields(m map[string]string) map[string]string {
	if len(m) == 0 {
		return nil
	}
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// checkPortalPackage: an e-request cannot be sent incomplete; only the consent
// of the person concerned may follow (CR-STD-8.4).
func (e *Engine) checkPortalPackage(std *standard.Standard, a *Application) error {
	if a.Channel != standard.Portal {
		return nil
	}
	var miss []ChecklistItem
	for _, it := range missing(a.Checklist) {
		i := slices.IndexFunc(std.Documents, func(d standard.DocumentRule) bool { return d.ID == it.DocumentID })
		if i >= 0 && std.Documents[i].Kind == standard.KindConsent {
			continue
		}
		miss = append(miss, it)
	}
	if len(miss) == 0 {
		return nil
	}
	field := "documents"
	switch d := std.Documents[slices.IndexFunc(std.Documents, func(d standard.DocumentRule) bool { return d.ID == miss[0].DocumentID })]; d.Kind {
	case standard.KindSelection:
		field = "pickup_branch"
	case standard.KindData:
		field = "fields." + d.ID
	}
	return incompletePackage(field, "", "", miss)
}

// checkSubmit validates the input against the standard.
func (e *Engine) checkSubmit(actor Actor, std *standard.Standard, in SubmitInput, submitted time.Time) error {
	if !std.Offers(in.Channel) {
		var offered []standard.Channel
		for _, c := range std.Channels {
			offered = append(offered, c.ID)
		}
		return badValue("channel", string(in.Channel), offered)
	}
	var kinds []standard.Recipient
	rule := ""
	if std.Recipients != nil {
		kinds, rule = std.Recipients.Kinds, std.Recipients.Rule
	}
	if err := checkParty(in.Applicant, "applicant", true); err != nil {
		return err
	}
	if kinds != nil && !slices.Contains(kinds, standard.Recipient(in.Applicant.Kind)) {
		return invalid("recipient_kind", "applicant.kind", rule, txt(
			"%s қызметін %s алмайды", "услугу %s не получает %s", "%s is not provided to a %s"), std.Service, in.Applicant.Kind)
	}
	today := calendar.DateOf(submitted)
	if r := in.Representative; r != nil {
		if err := checkParty(r.Party, "representative", true); err != nil {
			return err
		}
		if r.Kind != KindIndividual {
			return badValue("representative.kind", r.Kind, []string{KindIndividual})
		}
		if err := checkPOA(r.POA, "representative.poa", today); err != nil {
			return err
		}
	}
	if actor.Role == RoleApplicant {
		// An applicant applies for themselves, for their organization, or as the
		// representative named in the application.
		self := (in.Applicant.IIN != "" && in.Applicant.IIN == actor.IIN) ||
			(in.Applicant.BIN != "" && in.Applicant.BIN == actor.BIN) ||
			(in.Representative != nil && in.Representative.IIN == actor.IIN && actor.IIN != "")
		if !self {
			return fail(apperr.Forbidden, "not_own", "applicant", "", txt(
				"өтінішті өзіңіз үшін немесе сенімхат бойынша өкіл ретінде бересіз",
				"заявление подаётся за себя либо представителем по доверенности",
				"you apply for yourself, your organization, or as the representative with a power of attorney"))
		}
	}
	if s := in.Subject; s != nil {
		rels := []string{RelationSelf, RelationMinorRelative, RelationThirdParty}
		if !slices.Contains(rels, s.Relation) {
			return badValue("subject.relation", s.Relation, rels)
		}
		if strings.TrimSpace(s.Person.Surname) == "" {
			return required("subject.person.surname")
		}
		if s.Person.IIN != "" {
			if err := checkIIN(s.Person.IIN, "subject.person.iin"); err != nil {
				return err
			}
		}
		if s.BirthDate != nil {
			if err := checkDate(*s.BirthDate, "subject.birth_date"); err != nil {
				return err
			}
		}
		if s.BirthDate != nil && s.BirthDate.After(today) {
			return invalid("born_in_future", "subject.birth_date", "", txt("туған күні болашақта", "дата рождения в будущем", "the birth date is in the future"))
		}
		if s.Relation == RelationMinorRelative {
			// Rule CR-STD-8.1: a certificate about a minor close relative.
			if s.BirthDate == nil {
				return required("subject.birth_date")
			}
			if !s.BirthDate.AddMonths(18 * 12).After(today) {
				return invalid("not_minor", "subject.birth_date", "CR-STD-8.1", txt(
					"адам кәмелетке толған", "лицо совершеннолетнее", "the person is not a minor"))
			}
		}
	}
	if in.Channel == standard.StateCorp && strings.TrimSpace(in.Branch) == "" {
		return required("branch")
	}
	if actor.Role == RoleOperator && actor.Branch != "" && in.Branch != actor.Branch {
		return invalid("other_branch", "branch", "", txt(
			"оператор өз филиалының (%s) өтініштерін енгізеді", "оператор вносит заявления своего филиала (%s)",
			"an operator enters the applications of their own branch (%s)"), actor.Branch)
	}
	if in.DepartmentClass != "" && !in.DepartmentClass.Valid() {
		return badValue("department_class", string(in.DepartmentClass), []standard.DepartmentClass{standard.Major, standard.Other})
	}
	if in.TravelAbroad && !hasPath(std, standard.PathTravelAbroad) {
		return invalid("no_travel_abroad", "travel_abroad", "", txt(
			"%s қызметінде шет елге шығу тәртібі жоқ", "у услуги %s нет порядка для выезда за границу",
			"%s has no travel-abroad path"), std.Service)
	}
	if err := checkConditions(in.Conditions, "conditions"); err != nil {
		return err
	}
	if in.Payment != nil {
		if err := checkPayment(in.Payment, "payment"); err != nil {
			return err
		}
	}
	for i, sid := range in.Combined {
		field := fmt.Sprintf("combined[%d]", i)
		if sid == std.Service || slices.Contains(in.Combined[:i], sid) {
			return invalid("combined_twice", field, "", txt("%s екі рет сұратылған", "%s запрошена дважды", "%s is requested twice"), sid)
		}
		if _, ok := std.CombinesWith(sid); !ok {
			rule := ""
			if std.ServiceForm != nil {
				rule = std.ServiceForm.Rule
			}
			return invalid("not_combinable", field, rule, txt(
				"%s қызметін %s қызметімен бір өтінішпен сұратуға болмайды",
				"услугу %s нельзя запросить одним заявлением с %s",
				"%s cannot be requested with %s under one application"), sid, std.Service)
		}
	}
	return nil
}

func checkParty(p Party, field string, names bool) error {
	switch p.Kind {
	case KindIndividual:
		if err := checkIIN(p.IIN, field+".iin"); err != nil {
			return err
		}
		if names && strings.TrimSpace(p.Surname) == "" {
			return required(field + ".surname")
		}
		if names && strings.TrimSpace(p.GivenName) == "" {
			return required(field + ".given_name")
		}
	case KindLegalEntity:
		if p.BIN == "" {
			return required(field + ".bin")
		}
		if _, err := iin.ParseBIN(p.BIN); err != nil {
			return numberError(err, field+".bin")
		}
		if names && strings.TrimSpace(p.OrgName) == "" {
			return required(field + ".org_name")
		}
	case "":
		return required(field + ".kind")
	default:
		return badValue(field+".kind", p.Kind, []string{KindIndividual, KindLegalEntity})
	}
	return nil
}

func checkIIN(s, field string) error {
	if s == "" {
		return required(field)
	}
	if _, err := iin.ParseIIN(s); err != nil {
		return numberError(err, field)
	}
	return nil
}

// numberError words an IIN/BIN failure in the three languages.
func numberError(err error, field string) error {
	var ie *iin.Error
	if errors.As(err, &ie) {
		t := txt(ie.Message(i18n.KK), ie.Message(i18n.RU), ie.Message(i18n.EN))
		return &Error{App: apperr.Wrap(apperr.Invalid, err, field).WithKey("casework.bad_number"), Field: field, Text: t}
	}
	return invalid("bad_number", field, "", txt("%v", "%v", "%v"), err)
}

func checkPOA(p POA, field string, today calendar.Date) error {
	if err := checkDate(p.IssuedOn, field+".issued_on"); err != nil {
		return err
	}
	if p.ValidUntil != nil {
		if err := checkDate(*p.ValidUntil, field+".valid_until"); err != nil {
			return err
		}
	}
	switch {
	case strings.TrimSpace(p.Number) == "":
		return required(field + ".number")
	case strings.TrimSpace(p.Notary) == "":
		return required(field + ".notary")
	case p.IssuedOn.IsZero():
		return required(field + ".issued_on")
	case p.IssuedOn.After(today):
		return invalid("poa_future", field+".issued_on", "G-8", txt("сенімхат болашақта берілген", "доверенность выдана в будущем", "the POA is dated in the future"))
	case p.ValidUntil != nil && p.ValidUntil.Before(today):
		return invalid("poa_expired", field+".valid_until", "G-8", txt("сенімхаттың мерзімі өткен", "срок доверенности истёк", "the POA has expired"))
	}
	return nil
}

// checkDate rejects a date that is not a real day of years 1–9999 (a Date built
// in Go rather than parsed), which could not be stored and read back.
func checkDate(d calendar.Date, field string) error {
	if d.IsZero() {
		return nil
	}
	if d.Year < 1 || d.Year > 9999 || calendar.D(d.Year, d.Month, d.Day) != d {
		return invalid("bad_date", field, "", txt("%q — мұндай күн жоқ", "даты %q не существует", "%q is not a date"), fmt.Sprintf("%d-%d-%d", d.Year, d.Month, d.Day))
	}
	return nil
}

func checkConditions(cs []standard.Condition, field string) error {
	for i, c := range cs {
		if !c.Valid() {
			return badValue(fmt.Sprintf("%s[%d]", field, i), string(c), standard.Conditions())
		}
	}
	return nil
}

func checkPayment(p *Payment, field string) error {
	methods := []string{PaymentGateway, PaymentReceipt}
	if err := checkDate(p.PaidOn, field+".paid_on"); err != nil {
		return err
	}
	switch {
	case !slices.Contains(methods, p.Method):
		return badValue(field+".method", p.Method, methods)
	case p.AmountTenge <= 0:
		return invalid("bad_amount", field+".amount_tenge", "", txt("сома оң болуы тиіс", "сумма должна быть положительной", "the amount must be positive"))
	case p.PaidOn.IsZero():
		return required(field + ".paid_on")
	case p.Method == PaymentReceipt && strings.TrimSpace(p.Reference) == "":
		return required(field + ".reference")
	}
	return nil
}

// checkActor: an actor needs an ID and a known role.
func checkActor(a Actor) error {
	if a.ID == "" || !slices.Contains(Roles(), a.Role) {
		return fail(apperr.Unauthorized, "actor", "", "", txt("жүйеге кіріңіз", "войдите в систему", "sign in"))
	}
	return nil
}

// rebuildChecklist recomputes the checklist after new inputs (or a consent),
// keeping what was already provided or fetched.
func (e *Engine) rebuildChecklist(ctx context.Context, tx *store.Tx, std *standard.Standard, a *Application, inputs map[string]DocumentInput) error {
	merged := map[string]DocumentInput{}
	for _, it := range a.Checklist {
		switch it.Status {
		case DocProvided:
			merged[it.DocumentID] = DocumentInput{ID: it.DocumentID, Provided: true, FileRef: it.FileRef}
		case DocFetched:
			merged[it.DocumentID] = DocumentInput{ID: it.DocumentID, Fetched: true, FileRef: it.FileRef}
		}
	}
	for id, in := range inputs {
		merged[id] = in
	}
	var primary []ChecklistItem
	for _, l := range a.Links {
		if l.Kind == LinkCombined && l.Part == PartPrimary {
			p, err := loadApp(ctx, tx, l.ApplicationID)
			if err != nil {
				return err
			}
			primary = p.Checklist
		}
	}
	a.Conditions = holdingConditions(a)
	a.Checklist = buildChecklist(std, a, merged, primary)
	return nil
}
