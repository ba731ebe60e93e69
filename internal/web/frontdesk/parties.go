package frontdesk

import (
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"qyzmet/internal/calendar"
	"qyzmet/internal/casework"
	"qyzmet/internal/i18n"
	"qyzmet/internal/registry"
	"qyzmet/internal/standard"
	"qyzmet/internal/web/ui"
)

// Input names of the intake form's parties. Where the engine has a field the
// name is the engine's, so that its errors land next to the input.
const (
	inKind         = "applicant.kind"
	inBIN          = "applicant.bin"
	inOrgName      = "applicant.org_name"
	inRelation     = "subject.relation"
	inSubjectIIN   = "subject.person.iin"
	inSurname      = "subject.person.surname"
	inGivenName    = "subject.person.given_name"
	inPatronymic   = "subject.person.patronymic"
	inBirthDate    = "subject.birth_date"
	inBirthYear    = "fields." + fieldBirthYear
	inBirthPlace   = "fields." + casework.FieldBirthPlace
	inKinship      = "fields." + fieldKinship
	inFather       = "fields." + fieldFather
	inFatherYear   = "fields.father_year"
	inMother       = "fields." + fieldMother
	inMotherYear   = "fields.mother_year"
	inSPOANumber   = "fields." + casework.FieldSubjectPOANumber
	inSPOADate     = "fields." + casework.FieldSubjectPOAIssuedOn
	inSPOANotary   = "fields." + casework.FieldSubjectPOANotary
	inSPOAUntil    = "fields." + casework.FieldSubjectPOAValidUntil
	inCombined     = "combined"
	inComboDocs    = "combined-documents"
	fieldParents   = "parents-data" // the engine's data item of AR-6.1, as the portal writes it
	fieldFather    = "father_name"
	fieldMother    = "mother_name"
	fieldKinship   = "kinship"
	fieldBirthYear = "birth_year"
)

// partyInputs are the inputs of the parties' section that errors are shown
// next to.
var partyInputs = []string{inKind, inBIN, inOrgName, inRelation, inSubjectIIN, inSurname, inGivenName, inPatronymic,
	inBirthDate, inBirthYear, inBirthPlace, inKinship, inFather, inFatherYear, inMother, inMotherYear,
	inSPOANumber, inSPOADate, inSPOANotary, inSPOAUntil, inCombined}

// kinships a relative may have to the applicant, stored as Fields["kinship"].
var kinships = []string{"child", "grandchild", "sibling", "parent", "grandparent", "spouse", "other"}

// parties is who the intake is for, as offered by the standard and as typed.
type parties struct {
	// What the standard offers.
	LegalEntity bool        // the standard serves legal entities (CR-3, AR-STD-6, AC-7)
	Relations   []ui.Option // whom the request may be about; none: no subject section
	Kinships    []ui.Option // a relative's kinship
	Archive     bool        // AR: the person's birth, place and parents (AR-6.1)
	SubjectPOA  bool        // CR-STD-5.2: the third party's notarized POA
	Combos      []comboView // services asked under one application
	Kinds       []ui.Option // individual, legal entity
	Person      registry.Person

	// As typed.
	Kind, BIN, OrgName                                   string
	Relation, SubjectIIN, Surname, GivenName, Patronymic string
	BirthDate, BirthYear, Place, Kinship                 string
	Father, FatherYear, Mother, MotherYear               string
	SPOANumber, SPOADate, SPOANotary, SPOAUntil          string
}

// comboView is a service that may be asked with the form's under one
// application (CR-STD-10, AP-STD-10, AR-STD-10), with the items of its own
// package the primary's does not cover.
type comboView struct {
	ID, Name, Rule, Fee string
	Checked             bool
	Items               []comboItem
}

type comboItem struct {
	ID, Name, Rule, When string // ID is "service/document", the engine's form
	Provided             bool
}

// newParties reads what std offers at the State Corporation.
func (p *Pages) newParties(std *standard.Standard, per registry.Person, lang i18n.Lang) parties {
	pt := parties{Person: per, Kind: casework.KindIndividual, Relation: casework.RelationSelf}
	if std.Recipients != nil && slices.Contains(std.Recipients.Kinds, standard.Recipient(casework.KindLegalEntity)) {
		pt.LegalEntity = true
		pt.Kinds = []ui.Option{{Value: casework.KindIndividual, Label: ui.T("frontdesk.party.individual", lang)},
			{Value: casework.KindLegalEntity, Label: ui.T("frontdesk.party.legal", lang)}}
	}
	minor, third := false, false
	for _, d := range std.Documents {
		if !slices.Contains(d.Channels, standard.StateCorp) {
			continue
		}
		minor = minor || slices.Contains(d.When, standard.CondMinorRelativeNotInRegistry)
		third = third || slices.Contains(d.When, standard.CondThirdPartyRequest) || slices.Contains(d.When, standard.CondKinshipNotInRegistry)
		pt.SubjectPOA = pt.SubjectPOA || slices.Contains(d.When, standard.CondThirdPartyRequest)
		pt.Archive = pt.Archive || (d.Kind == standard.KindData && slices.Contains(d.When, standard.CondSubjectUnder16In1940))
	}
	if minor || third {
		pt.Relations = []ui.Option{{Value: casework.RelationSelf, Label: ui.T("frontdesk.party.self", lang)}}
		if minor {
			pt.Relations = append(pt.Relations, ui.Option{Value: casework.RelationMinorRelative, Label: ui.T("frontdesk.party.minor", lang)})
		}
		if third {
			pt.Relations = append(pt.Relations, ui.Option{Value: casework.RelationThirdParty, Label: ui.T("frontdesk.party.third", lang)})
		}
		pt.Kinships = []ui.Option{{Value: "", Label: "—"}}
		for _, k := range kinships {
			pt.Kinships = append(pt.Kinships, ui.Option{Value: k, Label: ui.T("frontdesk.kinship."+k, lang)})
		}
	}
	pt.Combos = p.combos(std, lang)
	return pt
}

// combos are the services std may be combined with at the State Corporation
// that work on its result: the apostille of the certificate (CR-STD-10,
// AR-STD-10). The other direction (AP-STD-10) is the same pair seen from the
// apostille, whose document would not exist yet, so it is asked from the
// certificate's form.
func (p *Pages) combos(std *standard.Standard, lang i18n.Lang) []comboView {
	var out []comboView
	for _, c := range std.Combinable {
		o, err := p.intakeStandard(c.Service)
		if err != nil || !apostilles(o) {
			continue
		}
		cv := comboView{ID: string(o.Service), Name: o.Name.In(lang), Rule: c.Rule}
		if o.Fee != nil && !o.Fee.Free {
			if q, err := p.deps.Sys.Standards().Fee(o, calendar.DateOf(p.deps.Now()), 1); err == nil {
				cv.Fee = ui.Tenge(int(q.Tiyn / 100))
			}
		}
		for _, d := range o.Documents {
			// The unconditional items (the application, the identity
			// document, the document to apostille — the primary's result)
			// are the primary's package; what depends on a condition is the
			// combined service's own.
			if !slices.Contains(d.Channels, standard.StateCorp) || len(d.When) == 0 || slices.ContainsFunc(std.Documents,
				func(pd standard.DocumentRule) bool { return pd.ID == d.ID }) {
				continue
			}
			var when []string
			for _, w := range d.When {
				when = append(when, w.Name().In(lang))
			}
			cv.Items = append(cv.Items, comboItem{ID: string(o.Service) + "/" + d.ID, Name: d.Name.In(lang), Rule: d.Rule,
				When: strings.Join(when, "; ")})
		}
		out = append(out, cv)
	}
	return out
}

// read fills the typed values from the posted form.
func (pt *parties) read(v url.Values) {
	get := func(name string) string { return strings.TrimSpace(v.Get(name)) }
	if k := get(inKind); k != "" {
		pt.Kind = k // check refuses a kind the standard does not serve
	}
	pt.BIN, pt.OrgName = get(inBIN), get(inOrgName)
	if len(pt.Relations) > 0 && get(inRelation) != "" {
		pt.Relation = get(inRelation)
	}
	pt.SubjectIIN, pt.Surname, pt.GivenName, pt.Patronymic = get(inSubjectIIN), get(inSurname), get(inGivenName), get(inPatronymic)
	pt.BirthDate, pt.BirthYear, pt.Place, pt.Kinship = get(inBirthDate), get(inBirthYear), get(inBirthPlace), get(inKinship)
	pt.Father, pt.FatherYear, pt.Mother, pt.MotherYear = get(inFather), get(inFatherYear), get(inMother), get(inMotherYear)
	pt.SPOANumber, pt.SPOADate, pt.SPOANotary, pt.SPOAUntil = get(inSPOANumber), get(inSPOADate), get(inSPOANotary), get(inSPOAUntil)
	for i := range pt.Combos {
		c := &pt.Combos[i]
		c.Checked = slices.Contains(v[inCombined], c.ID)
		for j := range c.Items {
			c.Items[j].Provided = slices.Contains(v[inComboDocs], c.Items[j].ID)
		}
	}
}

// checkedCombos are the combined services ticked on the form.
func (pt parties) checkedCombos() []standard.ServiceID {
	var out []standard.ServiceID
	for _, c := range pt.Combos {
		if c.Checked {
			out = append(out, standard.ServiceID(c.ID))
		}
	}
	return out
}

// Other reports whether the request is about someone else than the applicant.
func (pt parties) Other() bool { return pt.Relation != casework.RelationSelf }

// check refuses what the desk can tell before the engine: markup in a name,
// a relation or kinship the form does not offer, a missing name, birth or
// parents' data, an unreadable date. The error is placed on its input.
func (pt *parties) check(today calendar.Date) (field, key string, args []any) {
	texts := [][2]string{{inOrgName, pt.OrgName}, {inSurname, pt.Surname}, {inGivenName, pt.GivenName}, {inPatronymic, pt.Patronymic},
		{inBirthPlace, pt.Place}, {inFather, pt.Father}, {inMother, pt.Mother}, {inSPOANumber, pt.SPOANumber}, {inSPOANotary, pt.SPOANotary}}
	for _, t := range texts {
		if bad := plainText(t[1]); bad != "" {
			return t[0], bad, nil
		}
	}
	if pt.Kind != casework.KindIndividual && (!pt.LegalEntity || pt.Kind != casework.KindLegalEntity) {
		return inKind, "frontdesk.err.choice", nil
	}
	if len(pt.Relations) > 0 && !slices.ContainsFunc(pt.Relations, func(o ui.Option) bool { return o.Value == pt.Relation }) {
		return inRelation, "frontdesk.err.choice", nil
	}
	if !pt.Other() {
		return pt.checkArchive(today)
	}
	if pt.Kinship != "" && !slices.Contains(kinships, pt.Kinship) {
		return inKinship, "frontdesk.err.choice", nil
	}
	switch {
	case pt.Surname == "":
		return inSurname, "frontdesk.err.required", nil
	case pt.GivenName == "":
		return inGivenName, "frontdesk.err.required", nil
	case pt.Relation == casework.RelationMinorRelative && pt.Kinship == "":
		// Rule CR-STD-8.1: a certificate about a minor close relative.
		return inKinship, "frontdesk.err.required", nil
	}
	if pt.BirthDate != "" {
		if _, err := calendar.ParseDate(pt.BirthDate); err != nil {
			return inBirthDate, "frontdesk.err.date", nil
		}
	}
	if pt.Relation == casework.RelationThirdParty && pt.SubjectPOA {
		if f, k := pt.checkSubjectPOA(today); f != "" {
			return f, k, nil
		}
	}
	return pt.checkArchive(today)
}

// checkSubjectPOA: Rule CR-STD-5.2 — a certificate about another person is
// issued on a notarized POA from that person, found by the IIN.
func (pt *parties) checkSubjectPOA(today calendar.Date) (field, key string) {
	switch {
	case pt.SubjectIIN == "":
		return inSubjectIIN, "frontdesk.err.required"
	case pt.SPOANumber == "":
		return inSPOANumber, "frontdesk.err.required"
	case pt.SPOANotary == "":
		return inSPOANotary, "frontdesk.err.required"
	}
	issued, err := calendar.ParseDate(pt.SPOADate)
	if err != nil {
		return inSPOADate, "frontdesk.err.date"
	}
	if issued.After(today) {
		return inSPOADate, "frontdesk.err.future"
	}
	if pt.SPOAUntil != "" {
		until, err := calendar.ParseDate(pt.SPOAUntil)
		if err != nil {
			return inSPOAUntil, "frontdesk.err.date"
		}
		if until.Before(today) {
			return inSPOAUntil, "frontdesk.err.poa_expired"
		}
	}
	return "", ""
}

// checkArchive: the archive searches the card index by the person's name and
// birth year, and through the parents for a person under 16 on 1 January 1940
// (Rule AR-6.1).
func (pt *parties) checkArchive(today calendar.Date) (field, key string, args []any) {
	if !pt.Archive {
		return "", "", nil
	}
	for _, y := range [][2]string{{inBirthYear, pt.BirthYear}, {inFatherYear, pt.FatherYear}, {inMotherYear, pt.MotherYear}} {
		if n, err := strconv.Atoi(y[1]); y[1] != "" && (err != nil || n < 1850 || n > today.Year) {
			return y[0], "frontdesk.err.year", []any{today.Year}
		}
	}
	if pt.Other() && pt.BirthDate == "" && pt.BirthYear == "" {
		return inBirthDate, "frontdesk.err.birth", nil
	}
	if pt.under16In1940() && pt.Father == "" && pt.Mother == "" {
		return inFather, "frontdesk.err.parents", nil
	}
	return "", "", nil
}

// under16In1940 applies Rule AR-6.1 to what is known of the person's birth:
// the date, else the year — a person born in 1924 or later may have been
// under 16 on 1 January 1940, so the parents are asked for.
func (pt *parties) under16In1940() bool {
	if !pt.Other() {
		return !pt.Person.BirthDate.IsZero() && casework.Under16On1January1940(pt.Person.BirthDate)
	}
	if d, err := calendar.ParseDate(pt.BirthDate); err == nil {
		return casework.Under16On1January1940(d)
	}
	y, err := strconv.Atoi(pt.BirthYear)
	return err == nil && casework.Under16On1January1940(calendar.D(y, 12, 31))
}

// plainText is the message key for text that is no name or title: markup
// and control characters (a "<" in a name is an attack, not a typo), or
// too long; "" when the text is plain.
func plainText(s string) string {
	switch {
	case len([]rune(s)) > maxText:
		return "frontdesk.err.too_long"
	case strings.ContainsAny(s, "<>{}\\`") || strings.ContainsFunc(s, unicode.IsControl):
		return "frontdesk.err.markup"
	}
	return ""
}

// maxText is the longest name, place or title the form takes.
const maxText = 300

// apply writes the parties into the application: the applicant (the person
// at the window, or the legal entity they act for), the person the request
// is about, the archive's and the POA's fields, the combined services.
func (pt *parties) apply(in *casework.SubmitInput, f *intakeForm) {
	if pt.Kind == casework.KindLegalEntity {
		// Rule CR-STD-8.1, AR-STD-8.1, AC-9: the person at the window acts
		// for the legal entity on its power of attorney.
		person := in.Applicant
		in.Applicant = casework.Party{Kind: casework.KindLegalEntity, BIN: pt.BIN, OrgName: pt.OrgName, Phone: person.Phone, Address: person.Address}
		rep := f.Rep.representative()
		person.Phone, person.Address = "", ""
		rep.Party = person
		in.Representative = rep
	}
	set := func(k, v string) {
		if v != "" {
			if in.Fields == nil {
				in.Fields = map[string]string{}
			}
			in.Fields[k] = v
		}
	}
	if len(pt.Relations) > 0 || pt.Archive {
		in.Subject = pt.subject()
	}
	if pt.Other() {
		set(fieldKinship, pt.Kinship)
		if pt.SubjectPOA && pt.Relation == casework.RelationThirdParty {
			set(casework.FieldSubjectPOANumber, pt.SPOANumber)
			set(casework.FieldSubjectPOANotary, pt.SPOANotary)
			set(casework.FieldSubjectPOAIssuedOn, pt.SPOADate)
			set(casework.FieldSubjectPOAValidUntil, pt.SPOAUntil)
		}
	}
	if pt.Archive {
		set(casework.FieldBirthPlace, pt.Place)
		if in.Subject.BirthDate == nil {
			set(fieldBirthYear, pt.BirthYear)
			if pt.under16In1940() {
				// Rule AR-6.1: with the year only the engine cannot tell, so
				// the desk declares the person may have been under 16.
				in.Conditions = append(in.Conditions, standard.CondSubjectUnder16In1940)
			}
		}
		set(fieldFather, pt.Father)
		set(fieldMother, pt.Mother)
		set(fieldParents, pt.parentsText())
	}
	for _, c := range pt.Combos {
		if !c.Checked {
			continue
		}
		in.Combined = append(in.Combined, standard.ServiceID(c.ID))
		for _, it := range c.Items {
			in.Documents = append(in.Documents, casework.DocumentInput{ID: it.ID, Provided: it.Provided})
		}
	}
}

// subject is the person the request is about; for the archive also the
// applicant themself, with the registry's birth date (AR-6.1).
func (pt *parties) subject() *casework.Subject {
	if !pt.Other() {
		if !pt.Archive {
			return nil
		}
		per := pt.Person
		s := &casework.Subject{Relation: casework.RelationSelf, Person: casework.Party{Kind: casework.KindIndividual, IIN: per.IIN,
			Surname: per.Surname, GivenName: per.GivenName, Patronymic: per.Patronymic}}
		if !per.BirthDate.IsZero() {
			b := per.BirthDate
			s.BirthDate = &b
		}
		return s
	}
	s := &casework.Subject{Relation: pt.Relation, Person: casework.Party{Kind: casework.KindIndividual, IIN: pt.SubjectIIN,
		Surname: pt.Surname, GivenName: pt.GivenName, Patronymic: pt.Patronymic}}
	if d, err := calendar.ParseDate(pt.BirthDate); err == nil {
		s.BirthDate = &d
	}
	return s
}

// parentsText is the parents' data as the provider desk reads it: a parent
// per ";" with the birth year after the name.
func (pt *parties) parentsText() string {
	var parts []string
	for _, p := range [][2]string{{pt.Father, pt.FatherYear}, {pt.Mother, pt.MotherYear}} {
		switch {
		case p[0] != "" && p[1] != "":
			parts = append(parts, p[0]+", "+p[1])
		case p[0] != "":
			parts = append(parts, p[0])
		}
	}
	return strings.Join(parts, "; ")
}

// apostilles reports whether std's result is an apostilled document.
func apostilles(std *standard.Standard) bool {
	return slices.ContainsFunc(std.Results, func(r standard.Result) bool { return r.ID == "apostilled-document" })
}
