package casework

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"qyzmet/internal/apperr"
	"qyzmet/internal/calendar"
	"qyzmet/internal/decision"
	"qyzmet/internal/document"
	"qyzmet/internal/eregister"
	"qyzmet/internal/eregister/forms"
	"qyzmet/internal/i18n"
	"qyzmet/internal/iin"
	"qyzmet/internal/standard"
	"qyzmet/internal/store"
)

// IssuedDocument is a paper the engine issued for the application: rendered,
// signed with the provider's key, registered in the e-Register under Number,
// and kept for download (Engine.Document).
type IssuedDocument struct {
	Number   string    `json:"number"`
	Form     string    `json:"form"` // the form's ID (internal/document)
	Title    i18n.Text `json:"title"`
	SHA256   string    `json:"sha256"` // hex SHA-256 of the signed PDF, as the e-Register holds it
	IssuedAt time.Time `json:"issued_at"`
}

// paper is a paper a command issues: its form and how its data is drawn from
// the application.
type paper struct {
	form  document.FormID
	build func(c *change) (any, error)
	// finding: the paper states a finding of the criminal records (CR-STD-5.1).
	finding bool
	// issuer is the body that issues the paper; nil: the standard's provider.
	issuer func(c *change) (i18n.Text, error)
	// byHead: on paper, only the head signs it (AR-6.4, signedByHead).
	byHead bool
}

// The papers that are not a decision's result.
const (
	paperHearingNotice     = "hearing-notice"     // schedule-hearing (AP-6.4, AR-6.2, AC-15-1)
	paperAcceptanceReceipt = "acceptance-receipt" // accept at the State Corporation (AC-12)
	paperTalon             = "talon"              // a complaint registered (CP-7, AC-18)
	paperComplaintReply    = "motivated-reply"    // reply or satisfy a complaint (CP-7, AC-19)
)

// papers maps "service/paper" — the paper being the standard's result ID, a
// form the standard names (the refusal receipt of its incomplete_package) or
// one of the papers above — to its form; a key without a service is a paper
// common to every service whose standard gives it. Request to the standards'
// owner: a form ID of internal/document on results[] would make this data.
var papers = map[string]paper{
	"criminal-record/certificate":               {form: document.CRCertificate, build: recordCertificate, finding: true},
	"criminal-record/certificate-travel-abroad": {form: document.CRCertificateTravel, build: recordCertificate, finding: true},
	"criminal-record/interim-reply":             {form: document.CRInterimReply, build: interimReply},
	"apostille-prosecution/apostilled-document": {form: document.APApostille, build: apostille},
	"apostille-prosecution/motivated-refusal":   {form: document.APRefusal, build: motivatedRefusal},
	"apostille-prosecution/hearing-notice":      {form: document.APHearingNotice, build: hearingNotice},
	"archival-certificate/archival-certificate": {form: document.ARCertificate, build: archivalCertificate, byHead: true},
	"archival-certificate/no-data-reply":        {form: document.ARNoData, build: noDataReply, byHead: true},
	"archival-certificate/motivated-refusal":    {form: document.ARRefusal, build: motivatedRefusal},
	"archival-certificate/hearing-notice":       {form: document.ARHearingNotice, build: hearingNotice},
	"apostille-court/apostilled-document":       {form: document.ACApostille, build: apostille},
	"apostille-court/motivated-refusal":         {form: document.ACRefusal, build: motivatedRefusal},
	"apostille-court/hearing-notice":            {form: document.ACHearingNotice, build: hearingNotice},
	"apostille-court/refusal-receipt":           {form: document.ACRefusalReceipt, build: refusalReceipt, issuer: stateCorporation},
	"complaint/talon":                           {form: document.CPComplaintTalon, build: complaintTalon, issuer: complaintBody},
	"complaint/motivated-reply":                 {form: document.CPComplaintReply, build: complaintReply, issuer: complaintBody},
	paperAcceptanceReceipt:                      {form: document.SCAcceptanceReceipt, build: acceptanceReceipt, issuer: stateCorporation},
}

func paperOf(service standard.ServiceID, name string) (paper, bool) {
	if p, ok := papers[string(service)+"/"+name]; ok {
		return p, ok
	}
	p, ok := papers[name]
	return p, ok
}

// paperName is the paper the change issues, "" for none; result says the
// paper is the decision (its document_ref).
func paperName(c *change) (name string, result bool) {
	a := c.app
	switch c.cmd {
	case cmdIssue, cmdRefuse, cmdInterimReply:
		if a.Decision != nil {
			return a.Decision.Result, true
		}
	case cmdReply, cmdSatisfy:
		return paperComplaintReply, true
	case cmdScheduleHearing:
		return paperHearingNotice, false
	case cmdFileComplaint:
		return paperTalon, false
	case cmdAccept:
		// Rule AC-12: the State Corporation gives a receipt for the documents it
		// accepts — where the standard says so, on the channels it names.
		if givesReceipt(c.std, a.Channel) {
			return paperAcceptanceReceipt, false
		}
	case cmdRefuseAtIntake:
		// Rule AC-15: the refusal to accept lists the missing documents on the
		// standard's receipt (AC-F2: the State Corporation department's); a
		// combined service refused along with its primary has none of its own.
		if p := c.std.IncompletePackage; p != nil && p.Form != "" && len(a.Missing) > 0 && a.Channel == standard.StateCorp {
			return p.Form, false
		}
	}
	return "", false
}

// givesReceipt: the standard names the acceptance receipt (AC-12) for the channel.
func givesReceipt(std *standard.Standard, ch standard.Channel) bool {
	return slices.ContainsFunc(std.Provisions, func(p standard.Provision) bool {
		return p.ID == paperAcceptanceReceipt && (len(p.Channels) == 0 || slices.Contains(p.Channels, ch))
	})
}

// finding is what a criminal-record certificate states: the officer's word,
// else the automatic check's unambiguous answer. Rule CR-STD-5.1: the
// certificate says whether the person has a criminal record; other results
// state no finding.
func finding(c *change, result, given string) (string, error) {
	if p, ok := paperOf(c.app.Service, result); !ok || !p.finding {
		if given != "" {
			return "", invalid("no_finding", "data.finding", "CR-STD-5.1", txt(
				"бұл нәтиже соттылық туралы қорытынды жасамайды", "этот результат не содержит вывода о судимости",
				"this result states no finding on a criminal record"))
		}
		return "", nil
	}
	if given != "" {
		if !slices.Contains([]string{FindingNoRecord, FindingHasRecord}, given) {
			return "", badValue("data.finding", given, []string{FindingNoRecord, FindingHasRecord})
		}
		return given, nil
	}
	if rc := c.app.RecordCheck; rc != nil && (rc.Outcome == decision.NoRecord || rc.Outcome == decision.HasRecord) {
		return string(rc.Outcome), nil
	}
	return "", nil
}

// issuedPaper is a paper issued in a change, with its signed bytes, until
// keepPaper stores them.
type issuedPaper struct {
	doc IssuedDocument
	pdf []byte
}

// issuePaper issues the paper of the change, when the engine has an Issuer and
// the paper a form: in the command's transaction the Issuer numbers, renders,
// signs and registers it, and the application lists it (and its decision
// refers to it). It runs after the command's checks, before the change is
// written; a paper that cannot be drawn fails the command (nothing is
// written). keepPaper stores the file once the application's row is written.
func (e *Engine) issuePaper(c *change) (*issuedPaper, error) {
	if e.issuer == nil {
		return nil, nil
	}
	name, result := paperName(c)
	p, ok := paperOf(c.app.Service, name)
	if !ok {
		return nil, nil
	}
	data, err := p.build(c)
	if err != nil {
		return nil, err
	}
	body := c.std.Provider.Name
	if p.issuer != nil {
		if body, err = p.issuer(c); err != nil {
			return nil, err
		}
	}
	signer, capacity := e.signatory(c.actor)
	out, err := e.issuer.IssueTx(c.ctx, c.tx, eregister.Request{
		Form: string(p.form), Data: data, Holder: forms.HolderOf(data), Issuer: body,
		Signer: signer, Capacity: capacity, Actor: c.actor.ID, Application: c.app.ID,
	})
	if err != nil {
		return nil, paperError(err)
	}
	spec, _ := document.Spec(p.form)
	doc := IssuedDocument{Number: out.Number, Form: string(p.form), Title: spec.Title, SHA256: out.SHA256, IssuedAt: out.IssuedAt}
	c.app.Documents = append(c.app.Documents, doc)
	if result {
		c.app.Decision.DocumentRef = out.Number
	}
	return &issuedPaper{doc: doc, pdf: out.PDF}, nil
}

// keepPaper stores the signed PDF in issued_files and records the paper after
// its command's event, with the form's rule: number, form and SHA-256 — what
// the e-Register holds.
func (e *Engine) keepPaper(ctx context.Context, tx *store.Tx, a *Application, actor Actor, p *issuedPaper) error {
	doc := p.doc
	if _, err := tx.Exec(ctx, `INSERT INTO issued_files (number, application_id, pdf, created_at) VALUES (?, ?, ?, ?)`,
		doc.Number, a.ID, p.pdf, doc.IssuedAt); err != nil {
		return fmt.Errorf("casework: keep the file of %s: %w", doc.Number, err)
	}
	spec, _ := document.Spec(document.FormID(doc.Form))
	payload := fmt.Appendf(nil, `{"number":%q,"form":%q,"sha256":%q}`, doc.Number, doc.Form, doc.SHA256)
	return appendEvent(ctx, tx, &Event{ApplicationID: a.ID, Version: a.Version, Type: "document", ActorID: actor.ID, Role: actor.Role,
		At: doc.IssuedAt, Rule: spec.Rule, FromState: a.State, ToState: a.State, Payload: payload})
}

// paperError turns a form that refused its data into the command's invalid
// error; anything else (a signer that fails) stays internal.
func paperError(err error) error {
	var de *document.Error
	if errors.As(err, &de) && errors.Is(err, document.ErrInvalid) {
		return &Error{App: apperr.Wrap(apperr.Invalid, err, de.Error()).WithKey("casework.document_data"), Field: "document." + de.Field,
			Text: txt(de.In(i18n.KK), de.In(i18n.RU), de.In(i18n.EN))}
	}
	return err
}

// signatory is who signs a paper and in what capacity: the staff member who
// issues it, or — issued automatically, or on the applicant's own filing on
// the portal — the provider's key.
func (e *Engine) signatory(a Actor) (string, i18n.Text) {
	if a.Role == RoleSystem || a.Role == RoleApplicant {
		name := "Qyzmet"
		if e.issuer.Signer != nil {
			name = e.issuer.Signer.Certificate().Subject.CommonName
		}
		return name, txt("Автоматты түрде берілді (көрсетілетін қызметті берушінің ЭЦҚ)",
			"Выдано автоматически (ЭЦП услугодателя)", "Issued automatically (the provider's electronic signature)")
	}
	name := a.Name
	if strings.TrimSpace(name) == "" {
		name = a.ID
	}
	if c, ok := capacities[a.Role]; ok {
		return name, c
	}
	return name, txt("Маман", "Специалист", "Officer")
}

// capacities are the signers' capacities by role; other staff sign as officers.
var capacities = map[Role]i18n.Text{
	RoleHead:       txt("Басқарма бастығы", "Начальник управления", "Head of department"),
	RoleOperator:   txt("Мемлекеттік корпорация қызметкері", "Работник Государственной корпорации", "State Corporation employee"),
	RoleComplaints: txt("Шағымдарды қарау жөніндегі маман", "Специалист по рассмотрению жалоб", "Complaints officer"),
	RoleQuality: txt("Мемлекеттік қызметтер сапасын бақылау жөніндегі маман", "Специалист по контролю качества государственных услуг",
		"Officer for the quality of state services"),
}

// ---- the forms' data ----

func fullName(p Party) string {
	return strings.TrimSpace(strings.TrimSpace(p.Surname+" "+p.GivenName) + " " + p.Patronymic)
}

// Name is how pages and papers name a party: an organisation by its name, a
// person by surname, given name and patronymic.
func (p Party) Name() string {
	if p.Kind == KindLegalEntity || (p.OrgName != "" && p.Surname == "") {
		return p.OrgName
	}
	return fullName(p)
}

func applicantData(a *Application) document.Applicant {
	p := a.Applicant
	out := document.Applicant{FullName: fullName(p), IIN: p.IIN, Address: p.Address, Phone: p.Phone}
	if p.Kind == KindLegalEntity {
		out.Organization, out.BIN = p.OrgName, p.BIN
		if out.FullName == "" {
			out.FullName = p.OrgName
		}
	}
	return out
}

// applicationNumber is the journal number, else the application's ID.
func applicationNumber(a *Application) string {
	if a.Number != "" {
		return a.Number
	}
	return a.ID
}

// both is a value known in one language, printed in both columns.
func both(s string) i18n.Text { return i18n.Text{KK: s, RU: s, EN: s} }

func documentGrounds(std *standard.Standard, ids []string) []document.Ground {
	var out []document.Ground
	for _, g := range std.Refusal.Grounds {
		if slices.Contains(ids, g.ID) {
			out = append(out, document.Ground{ID: g.ID, Text: g.Name})
		}
	}
	return out
}

// recordCertificate: Rule CR-STD-5.1, CR-F5 — the certificate names the person
// as the person registry knows them (else as the application does) and states,
// as of the day the records were checked, whether they have a criminal record.
func recordCertificate(c *change) (any, error) {
	a := c.app
	if a.Decision.Finding == "" {
		return nil, invalid("finding_required", "data.finding", "CR-STD-5.1", txt(
			"анықтама соттылықтың бар-жоғын көрсетеді: %s немесе %s", "справка указывает наличие либо отсутствие судимости: %s или %s",
			"the certificate states whether there is a criminal record: %s or %s"), FindingNoRecord, FindingHasRecord)
	}
	d := &document.CriminalRecordCertificate{AsOf: calendar.DateOf(c.now), HasRecord: a.Decision.Finding == FindingHasRecord}
	subject := a.Applicant
	if a.Subject != nil {
		subject = a.Subject.Person
	}
	d.FullName, d.IIN = fullName(subject), subject.IIN
	if a.Subject != nil && a.Subject.BirthDate != nil {
		d.BirthDate = *a.Subject.BirthDate
	} else if n, err := iin.ParseIIN(subject.IIN); err == nil {
		d.BirthDate = calendar.DateOf(n.BirthDate)
	}
	if rc := a.RecordCheck; rc != nil && rc.Person != nil {
		p := rc.Person
		d.FullName, d.IIN, d.BirthDate, d.BirthPlace = p.Name.String(), p.IIN, p.BirthDate, both(p.BirthPlace)
		if rc.Outcome == decision.Outcome(a.Decision.Finding) {
			d.AsOf = rc.AsOf // the day the records were read
		}
	}
	if place := strings.TrimSpace(a.Fields[FieldBirthPlace]); place != "" && strings.TrimSpace(d.BirthPlace.KK) == "" {
		d.BirthPlace = both(place)
	}
	if strings.TrimSpace(d.BirthPlace.KK) == "" {
		return nil, invalid("birth_place_required", "data.fields."+FieldBirthPlace, "CR-F5", txt(
			"анықтамада туған жері көрсетіледі, ал тізілімде ол жоқ", "в справке указывается место рождения, а в реестре его нет",
			"the certificate prints the place of birth, which the person registry does not hold"))
	}
	return d, nil
}

// interimReply: Rule CR-STD-3.4 — the reply says from which day to apply again.
func interimReply(c *change) (any, error) {
	a := c.app
	d := &document.InterimReply{Applicant: applicantData(a), ApplicationNumber: applicationNumber(a), ReceivedOn: a.ReceivedOn}
	if a.Decision.ReapplyFrom != nil {
		d.ReapplyFrom = *a.Decision.ReapplyFrom
	}
	if s := a.Subject; s != nil && s.Relation != RelationSelf {
		d.SubjectName = fullName(s.Person)
	}
	return d, nil
}

// motivatedRefusal: Rules AP-STD-9, AR-STD-9, AC-15-1 — the refusal names the
// standard's grounds and the reasons, after the hearing.
func motivatedRefusal(c *change) (any, error) {
	a := c.app
	d := &document.MotivatedRefusal{Applicant: applicantData(a), ApplicationNumber: applicationNumber(a), ReceivedOn: a.ReceivedOn,
		Grounds: documentGrounds(c.std, a.Decision.Grounds), Reasons: both(a.Decision.Text)}
	switch {
	case a.Fields["document"] != "":
		d.Subject = both(a.Fields["document"])
	case a.Subject != nil:
		d.Subject = both(fullName(a.Subject.Person))
	}
	if h := a.Hearing; h != nil && h.HeldAt != nil {
		d.HearingOn = calendar.DateOf(*h.HeldAt)
	}
	return d, nil
}

// hearingNotice: Rules AP-6.4, AR-6.2 — the notice of the preliminary decision
// and of the hearing: grounds, time, method and place.
func hearingNotice(c *change) (any, error) {
	a, h := c.app, c.app.Hearing
	d := &document.HearingNotice{Applicant: applicantData(a), ApplicationNumber: applicationNumber(a), ReceivedOn: a.ReceivedOn,
		Deadline: a.DeadlineOn, Grounds: documentGrounds(c.std, h.Grounds), Method: h.Method, Place: both(h.Place)}
	if h.At != nil {
		d.HearingAt = *h.At
	}
	return d, nil
}

// Document returns a paper issued for an application and its signed PDF, to
// whoever may see the application. Errors: unauthorized; not_found for an
// application the actor may not see, or a number not issued for it.
func (e *Engine) Document(ctx context.Context, a Actor, id, number string) (IssuedDocument, []byte, error) {
	app, err := e.Get(ctx, a, id)
	if err != nil {
		return IssuedDocument{}, nil, err
	}
	i := slices.IndexFunc(app.Documents, func(d IssuedDocument) bool { return d.Number == number })
	if i < 0 {
		return IssuedDocument{}, nil, documentNotFound(id, number)
	}
	var pdf []byte
	err = e.db.ReadTx(ctx, func(tx *store.Tx) error {
		return tx.QueryRow(ctx, `SELECT pdf FROM issued_files WHERE number = ? AND application_id = ?`, number, id).Scan(&pdf)
	})
	if apperr.CodeOf(err) == apperr.NotFound {
		return IssuedDocument{}, nil, documentNotFound(id, number)
	}
	if err != nil {
		return IssuedDocument{}, nil, fmt.Errorf("casework: read the file of %s: %w", number, err)
	}
	return app.Documents[i], pdf, nil
}

func documentNotFound(id, number string) *Error {
	return fail(apperr.NotFound, "document_not_found", "number", "", txt(
		"%s өтінішінде %s құжаты жоқ", "у заявления %s нет документа %s", "application %s has no document %s"), id, number)
}
