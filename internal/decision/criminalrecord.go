package decision

import (
	"context"
	"fmt"
	"slices"

	"qyzmet/internal/apperr"
	"qyzmet/internal/calendar"
	"qyzmet/internal/i18n"
	"qyzmet/internal/registry"
	"qyzmet/internal/standard"
)

// Relation is how the applicant stands to the person a request is about.
type Relation string

const (
	Self          Relation = "self"
	MinorRelative Relation = "minor-relative" // the applicant's child under 18
	ThirdParty    Relation = "third-party"
)

// ConsentMethod is how a person consented to a request about them (CR-STD-8.4).
type ConsentMethod string

const (
	ConsentCabinet ConsentMethod = "cabinet" // in the personal cabinet
	ConsentOTP     ConsentMethod = "otp"     // the one-time password sent to them
	ConsentSMS     ConsentMethod = "sms"     // a reply to the portal's SMS
)

// Consent is the subject's consent to a third-party e-request.
type Consent struct {
	SubjectIIN string        `json:"subject_iin"`
	Method     ConsentMethod `json:"method"`
	GivenOn    calendar.Date `json:"given_on"`
}

// POA is a notarized power of attorney from the subject to the applicant.
type POA struct {
	Number       string        `json:"number"`
	Notary       string        `json:"notary"`
	PrincipalIIN string        `json:"principal_iin"` // who gave it: the subject
	AgentIIN     string        `json:"agent_iin"`     // to whom: the applicant
	IssuedOn     calendar.Date `json:"issued_on"`
	ValidUntil   calendar.Date `json:"valid_until,omitzero"` // zero: no end date
}

// Subject is the person a criminal-record request is about, as the request
// names them.
type Subject struct {
	IIN       string        `json:"iin,omitempty"`
	Name      registry.Name `json:"name"`
	BirthDate calendar.Date `json:"birth_date,omitzero"`
	// DeclaredFormerNames are names from a document confirming a change of
	// name that the registry lacks (CR-STD-8.2).
	DeclaredFormerNames []registry.Name `json:"declared_former_names,omitempty"`
}

// CriminalRecordRequest is a request for a certificate of the presence or
// absence of a criminal record.
type CriminalRecordRequest struct {
	ApplicationID string           `json:"application_id"`
	Actor         Actor            `json:"actor"` // who reads the records
	Purpose       string           `json:"purpose"`
	Channel       standard.Channel `json:"channel"`
	ApplicantIIN  string           `json:"applicant_iin"`
	Relation      Relation         `json:"relation"`
	Subject       Subject          `json:"subject"`
	Consent       *Consent         `json:"consent,omitempty"`
	POA           *POA             `json:"poa,omitempty"`
	// BirthCertificate says the applicant showed the child's birth certificate
	// (needed only when the registry lacks the link, CR-STD-8.1).
	BirthCertificate bool `json:"birth_certificate,omitempty"`
}

// Outcome is what the decision says.
type Outcome string

const (
	// NoRecord: no conviction in force; the certificate is issued at once.
	NoRecord Outcome = "no-record"
	// HasRecord: convictions in force; the certificate lists them, at once.
	HasRecord Outcome = "has-record"
	// AdditionalCheck: a record may or may not be the subject's, or the subject
	// is not certain; an officer decides within 5 working days (CR-STD-3.1).
	AdditionalCheck Outcome = "additional-check"
	// ConsentRequired: the request is about another person who has not
	// consented (CR-STD-8.4) and gave no power of attorney (CR-STD-5.2).
	ConsentRequired Outcome = "consent-required"
)

// Basis is why the applicant may see the subject's record.
type Basis string

const (
	BasisSelf    Basis = "self"
	BasisParent  Basis = "parent"
	BasisConsent Basis = "consent"
	BasisPOA     Basis = "poa"
)

// EvidenceKind names what an officer must look at.
type EvidenceKind string

const (
	// EvidenceNotInRegistry: the subject's IIN is not in the person registry.
	EvidenceNotInRegistry EvidenceKind = "not-in-registry"
	// EvidenceRegistryDiffers: the request's date of birth is not the registry's.
	EvidenceRegistryDiffers EvidenceKind = "registry-differs"
	// EvidenceSeveralPersons: a subject without an IIN fits several persons.
	EvidenceSeveralPersons EvidenceKind = "several-persons"
	// EvidenceSimilarName: an old record names someone written almost like the subject.
	EvidenceSimilarName EvidenceKind = "similar-name"
	// EvidenceNamesake: an old record fits the subject and another person
	// born the same day with the same name.
	EvidenceNamesake EvidenceKind = "namesake"
)

// Evidence is one thing an officer must resolve in the additional check, with
// what they need to resolve it.
type Evidence struct {
	Kind   EvidenceKind         `json:"kind"`
	Rule   string               `json:"rule"`
	Record *registry.Conviction `json:"record,omitempty"`
	// Name is the subject's name the record was compared with, and Match how
	// closely it agreed.
	Name  *registry.Name    `json:"name,omitempty"`
	Match string            `json:"match,omitempty"`
	Other []registry.Person `json:"other,omitempty"` // other persons the record or request fits
	Note  i18n.Text         `json:"note"`
}

// CriminalRecordDecision is the result of Decide.
type CriminalRecordDecision struct {
	Outcome   Outcome       `json:"outcome"`
	Rule      string        `json:"rule"`
	AsOf      calendar.Date `json:"as_of"`
	Basis     Basis         `json:"basis,omitempty"`
	BasisRule string        `json:"basis_rule,omitempty"`
	// Person is the subject as the person registry knows them, when it does.
	Person *registry.Person `json:"person,omitempty"`
	// Convictions are the convictions in force (HasRecord), oldest first.
	Convictions []registry.Conviction `json:"convictions,omitempty"`
	// Matched says how each conviction was tied to the subject: "iin" or
	// "name" (an old record by name and date of birth, CR-STD-8.2).
	Matched  map[string]string `json:"matched,omitempty"`
	Evidence []Evidence        `json:"evidence,omitempty"`
	Reason   i18n.Text         `json:"reason"`
}

// CriminalRecords decides criminal-record requests.
type CriminalRecords struct {
	Persons registry.Persons
	Records registry.CriminalRecords
	Audit   registry.AuditLog
	Clock   Clock
}

// Decide answers req. It returns apperr.Invalid for a request that
// contradicts itself, and the registries' errors (after which nothing is
// decided). A decision that reads the records has written the read to the
// audit log first.
func (c *CriminalRecords) Decide(ctx context.Context, req CriminalRecordRequest) (CriminalRecordDecision, error) {
	today := c.Clock.today()
	d := CriminalRecordDecision{AsOf: today}
	if err := checkRequest(req); err != nil {
		return d, err
	}

	// Who the subject is. The registry is read before the permission check
	// because the parent–child link lives there; the criminal records are not
	// read until the permission holds.
	person, evidence, err := c.identify(ctx, req.Subject)
	if err != nil {
		return d, err
	}
	d.Person = person
	basis, rule, ok := permitted(req, person, today)
	if !ok {
		d.Outcome, d.Rule = ConsentRequired, rule
		d.Reason = reasonConsentRequired(rule)
		return d, nil
	}
	d.Basis, d.BasisRule = basis, rule

	// Rule CR-STD-3.1 (and DESIGN: every read of a criminal record is audited):
	// the read is logged before it happens, so no read escapes the log.
	subject := req.Subject
	if person != nil {
		subject.IIN, subject.Name, subject.BirthDate = person.IIN, person.Name, person.BirthDate
	}
	if err := c.Audit.RecordRead(ctx, registry.RecordRead{
		At: c.Clock.now(), ActorID: req.Actor.ID, ActorRole: req.Actor.Role,
		SubjectIIN: subject.IIN, SubjectName: subject.Name, SubjectBirthDate: subject.BirthDate,
		Purpose: req.Purpose, ApplicationID: req.ApplicationID, Rule: "CR-STD-3.1",
	}); err != nil {
		return d, fmt.Errorf("decision: audit the read: %w", err)
	}

	records, matched, more, err := c.recordsOf(ctx, subject, person, req.Subject.DeclaredFormerNames)
	if err != nil {
		return d, err
	}
	evidence = append(evidence, more...)
	if len(evidence) > 0 {
		// Rule CR-STD-3.1: anything uncertain goes to the additional check, with
		// the evidence an officer needs; nothing is issued automatically.
		d.Outcome, d.Rule, d.Evidence = AdditionalCheck, "CR-STD-3.1", evidence
		d.Reason = reasonAdditionalCheck
		return d, nil
	}
	for _, r := range records {
		if r.InForce(today) {
			d.Convictions = append(d.Convictions, r)
		}
	}
	// Rule CR-STD-3.1, CR-F5: an unambiguous answer is issued at once: "has a
	// record" with the convictions in force, else "has no record" (Rule
	// CR-STD-9: the service never refuses).
	if len(d.Convictions) == 0 {
		d.Outcome, d.Rule, d.Reason = NoRecord, "CR-STD-3.1", reasonNoRecord
		return d, nil
	}
	d.Outcome, d.Rule, d.Reason = HasRecord, "CR-STD-3.1", reasonHasRecord
	d.Matched = map[string]string{}
	for _, r := range d.Convictions {
		d.Matched[r.ID] = matched[r.ID]
	}
	return d, nil
}

// checkRequest refuses a request that contradicts itself.
func checkRequest(req CriminalRecordRequest) error {
	s := req.Subject
	switch {
	case req.Actor.ID == "" || req.Actor.Role == "":
		return apperr.E(apperr.Invalid, "a decision needs the actor who reads the records")
	case req.Purpose == "":
		return apperr.E(apperr.Invalid, "a read of the criminal records needs its purpose")
	case s.IIN == "" && (s.Name.Surname == "" || s.BirthDate.IsZero()):
		return apperr.E(apperr.Invalid, "the subject needs an IIN, or a surname and a date of birth")
	}
	switch req.Relation {
	case Self:
		if req.ApplicantIIN != "" && s.IIN != "" && req.ApplicantIIN != s.IIN {
			return apperr.E(apperr.Invalid, "a request about oneself names another IIN as the subject")
		}
	case MinorRelative, ThirdParty:
		if s.IIN == "" || req.ApplicantIIN == "" {
			return apperr.E(apperr.Invalid, "a request about another person needs both IINs")
		}
		if s.IIN == req.ApplicantIIN {
			return apperr.E(apperr.Invalid, "a request about another person names the applicant as the subject")
		}
	default:
		return apperr.E(apperr.Invalid, fmt.Sprintf("unknown relation %q (self, minor-relative, third-party)", req.Relation))
	}
	return nil
}

// identify finds the subject in the person registry: by IIN, or — without
// one — by the name and date of birth. It returns nil when the registry cannot
// say who the subject is, and the evidence why.
func (c *CriminalRecords) identify(ctx context.Context, s Subject) (*registry.Person, []Evidence, error) {
	if s.IIN != "" {
		p, err := c.Persons.ByIIN(ctx, s.IIN)
		switch {
		case apperr.CodeOf(err) == apperr.NotFound:
			return nil, []Evidence{{Kind: EvidenceNotInRegistry, Rule: "CR-STD-3.1", Note: noteNotInRegistry}}, nil
		case err != nil:
			return nil, nil, err
		}
		if !s.BirthDate.IsZero() && s.BirthDate != p.BirthDate {
			return &p, []Evidence{{Kind: EvidenceRegistryDiffers, Rule: "CR-STD-3.1", Note: noteBirthDateDiffers(s.BirthDate, p.BirthDate)}}, nil
		}
		return &p, nil, nil
	}
	found, err := c.Persons.Search(ctx, registry.NameQuery{Name: s.Name, BirthDate: s.BirthDate})
	if err != nil {
		return nil, nil, err
	}
	switch len(found) {
	case 0:
		return nil, nil, nil // not a resident: the records are matched by the request's data
	case 1:
		return &found[0], nil, nil
	}
	return nil, []Evidence{{Kind: EvidenceSeveralPersons, Rule: "CR-STD-3.1", Other: found, Note: noteSeveralPersons}}, nil
}

// permitted says on what basis the applicant may see the subject's record.
func permitted(req CriminalRecordRequest, person *registry.Person, today calendar.Date) (Basis, string, bool) {
	switch req.Relation {
	case Self:
		return BasisSelf, "CR-STD-8.1", true
	case MinorRelative:
		// Rule CR-STD-8.1: a parent asks about a minor child with the birth
		// certificate, which is not needed when the registry links them.
		if person != nil && person.AgeOn(today) < 18 &&
			(person.FatherIIN == req.ApplicantIIN || person.MotherIIN == req.ApplicantIIN || req.BirthCertificate) {
			return BasisParent, "CR-STD-8.1", true
		}
	}
	// Rule CR-STD-5.2: a certificate about another person on a notarized POA
	// from that person.
	if validPOA(req.POA, req.Subject.IIN, req.ApplicantIIN, today) {
		return BasisPOA, "CR-STD-5.2", true
	}
	// Rule CR-STD-8.4: a third-party e-request is executed only with the
	// consent of the person whose data is asked for.
	if req.Channel == standard.Portal && validConsent(req.Consent, req.Subject.IIN, today) {
		return BasisConsent, "CR-STD-8.4", true
	}
	if req.Channel == standard.Portal {
		return "", "CR-STD-8.4", false
	}
	return "", "CR-STD-5.2", false
}

func validPOA(p *POA, subjectIIN, applicantIIN string, today calendar.Date) bool {
	return p != nil && p.Number != "" && p.Notary != "" && p.PrincipalIIN == subjectIIN && p.AgentIIN == applicantIIN &&
		!p.IssuedOn.IsZero() && !p.IssuedOn.After(today) && (p.ValidUntil.IsZero() || !p.ValidUntil.Before(today))
}

func validConsent(c *Consent, subjectIIN string, today calendar.Date) bool {
	if c == nil || c.SubjectIIN != subjectIIN || c.GivenOn.IsZero() || c.GivenOn.After(today) {
		return false
	}
	return slices.Contains([]ConsentMethod{ConsentCabinet, ConsentOTP, ConsentSMS}, c.Method)
}

// recordsOf finds the subject's convictions: those under the IIN, and old
// records without an IIN whose name and date of birth fit the subject under
// any name they bore. It returns the records that are certainly the
// subject's, how each was matched, and evidence about the uncertain ones.
func (c *CriminalRecords) recordsOf(ctx context.Context, s Subject, person *registry.Person, declared []registry.Name) ([]registry.Conviction, map[string]string, []Evidence, error) {
	matched := map[string]string{}
	var records []registry.Conviction
	if s.IIN != "" {
		byIIN, err := c.Records.ByIIN(ctx, s.IIN)
		if err != nil {
			return nil, nil, nil, err
		}
		for _, r := range byIIN {
			matched[r.ID] = "iin"
		}
		records = append(records, byIIN...)
	}
	if s.BirthDate.IsZero() {
		return records, matched, nil, nil
	}
	old, err := c.Records.WithoutIIN(ctx, s.BirthDate)
	if err != nil {
		return nil, nil, nil, err
	}
	// Rule CR-STD-8.2: the subject's names are the current one, the former
	// ones the registry keeps, and those a name-change document declares.
	names := []registry.Name{s.Name}
	if person != nil {
		names = person.Names()
	}
	names = append(names, declared...)

	var evidence []Evidence
	for _, r := range old {
		best, bestName := registry.NoMatch, registry.Name{}
		for _, n := range names {
			if m := registry.CompareNames(n, r.Name); m > best {
				best, bestName = m, n
			}
		}
		switch best {
		case registry.NoMatch:
			continue
		case registry.Similar:
			evidence = append(evidence, Evidence{Kind: EvidenceSimilarName, Rule: "CR-STD-3.1", Record: &r,
				Name: &bestName, Match: best.String(), Note: noteSimilarName})
			continue
		}
		// The same name and date of birth: the subject's, unless the registry
		// has someone else born that day under a name like it.
		others, err := c.namesakes(ctx, r, person)
		if err != nil {
			return nil, nil, nil, err
		}
		if len(others) > 0 {
			evidence = append(evidence, Evidence{Kind: EvidenceNamesake, Rule: "CR-STD-3.1", Record: &r,
				Name: &bestName, Match: best.String(), Other: others, Note: noteNamesake})
			continue
		}
		matched[r.ID] = "name"
		records = append(records, r)
	}
	slices.SortStableFunc(records, func(a, b registry.Conviction) int { return a.ConvictedOn.Compare(b.ConvictedOn) })
	return records, matched, evidence, nil
}

// namesakes are the persons other than subject born on r's date whose name —
// current or former — is the same as or like r's. The registry is asked by
// surname and by given name, so that one misspelt part still finds them.
func (c *CriminalRecords) namesakes(ctx context.Context, r registry.Conviction, subject *registry.Person) ([]registry.Person, error) {
	var out []registry.Person
	for _, q := range []registry.Name{{Surname: r.Surname}, {GivenName: r.GivenName}} {
		found, err := c.Persons.Search(ctx, registry.NameQuery{Name: q, BirthDate: r.BirthDate})
		if err != nil {
			return nil, err
		}
		for _, p := range found {
			if subject != nil && p.IIN == subject.IIN || slices.ContainsFunc(out, func(o registry.Person) bool { return o.IIN == p.IIN }) {
				continue
			}
			if slices.ContainsFunc(p.Names(), func(n registry.Name) bool { return registry.CompareNames(n, r.Name) != registry.NoMatch }) {
				out = append(out, p)
			}
		}
	}
	return out, nil
}

var (
	reasonNoRecord = i18n.Text{
		KK: "Күшіндегі сотталғандығы жоқ.",
		RU: "Судимости, не погашенной и не снятой, нет.",
		EN: "No conviction is in force.",
	}
	reasonHasRecord = i18n.Text{
		KK: "Өтелмеген немесе алынбаған сотталғандығы бар.",
		RU: "Имеется непогашенная и неснятая судимость.",
		EN: "There are convictions in force.",
	}
	reasonAdditionalCheck = i18n.Text{
		KK: "Қосымша анықтамалық тексеріс қажет: мәліметтерді маман тексереді (5 жұмыс күні).",
		RU: "Требуется дополнительная справочная проверка: сведения проверит специалист (5 рабочих дней).",
		EN: "An additional reference check is needed: an officer checks the data (5 working days).",
	}
	noteNotInRegistry = i18n.Text{
		KK: "ЖСН жеке тұлғалар тізілімінде жоқ.",
		RU: "ИИН отсутствует в реестре физических лиц.",
		EN: "The IIN is not in the person registry.",
	}
	noteSeveralPersons = i18n.Text{
		KK: "Аты-жөні мен туған күні тізілімде бірнеше адамға сәйкес келеді.",
		RU: "Имени и дате рождения соответствуют несколько лиц реестра.",
		EN: "Several persons of the registry have this name and date of birth.",
	}
	noteSimilarName = i18n.Text{
		KK: "ЖСН-сіз ескі жазбада аты-жөні ұқсас, бірақ дәл емес.",
		RU: "В старой записи без ИИН имя похоже, но не совпадает.",
		EN: "An old record without an IIN names someone written almost like the subject.",
	}
	noteNamesake = i18n.Text{
		KK: "ЖСН-сіз ескі жазба өтініш берушіге де, сол күні туған аттасына да сәйкес келеді.",
		RU: "Старая запись без ИИН подходит и к заявителю, и к тёзке, родившемуся в тот же день.",
		EN: "An old record without an IIN fits the subject and a namesake born the same day.",
	}
)

func noteBirthDateDiffers(asked, registered calendar.Date) i18n.Text {
	return i18n.Text{
		KK: fmt.Sprintf("Өтініштегі туған күн %s, тізілімде %s.", asked, registered),
		RU: fmt.Sprintf("Дата рождения в запросе %s, в реестре %s.", asked, registered),
		EN: fmt.Sprintf("The request gives the date of birth %s, the registry %s.", asked, registered),
	}
}

func reasonConsentRequired(rule string) i18n.Text {
	if rule == "CR-STD-8.4" {
		return i18n.Text{
			KK: "Басқа адам туралы сұрау сол адамның келісімімен ғана орындалады (жеке кабинетте немесе SMS арқылы).",
			RU: "Запрос о другом лице исполняется только с согласия этого лица (в личном кабинете или по SMS).",
			EN: "A request about another person is executed only with that person's consent (in the personal cabinet or by SMS).",
		}
	}
	return i18n.Text{
		KK: "Басқа адам туралы анықтама сол адамның нотариат куәландырған сенімхаты бойынша беріледі.",
		RU: "Справка о другом лице выдаётся по нотариально удостоверенной доверенности этого лица.",
		EN: "A certificate about another person is issued on a notarized power of attorney from that person.",
	}
}
