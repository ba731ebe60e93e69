package decision

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"qyzmet/internal/apperr"
	"qyzmet/internal/calendar"
	"qyzmet/internal/i18n"
	"qyzmet/internal/registry"
	"qyzmet/internal/standard"
)

// OfficialDocument is what an official document to be apostilled says about
// who issued it.
type OfficialDocument struct {
	Signer   registry.Name `json:"signer"`
	Position string        `json:"position"`
	Body     string        `json:"body"`
	SealID   string        `json:"seal_id"`
	SignedOn calendar.Date `json:"signed_on"`
}

// ApostilleVerification is the comparison of a document with the specimens.
type ApostilleVerification struct {
	Service standard.ServiceID `json:"service"`
	Rule    string             `json:"rule"`
	// Specimen is the specimen the document was compared with: the one that
	// agrees with it in the most points; nil when none has its seal or signer.
	Specimen  *registry.Signatory `json:"specimen,omitempty"`
	Checks    []Check             `json:"checks"`
	Authentic bool                `json:"authentic"`
	// Grounds are the refusal grounds of the standard the failed checks
	// support; empty when the document is authentic.
	Grounds []standard.Ground `json:"grounds,omitempty"`
}

// The grounds of refusal (the IDs in the standards' refusal.grounds): AP-STD-9
// and AC-15-1 both have (1) unreliable documents or data and (2) documents
// that do not meet the requirements.
const (
	groundUnreliable   = "unreliable"
	groundNonCompliant = "non-compliant"
)

// apostilleRule is the rule each apostille service verifies under, and the
// kinds of bodies whose documents it apostilles.
var apostilleRules = map[standard.ServiceID]struct {
	rule  string
	kinds []registry.BodyKind
}{
	// Rule AP-6.2: documents of prosecution, investigation and inquiry bodies,
	// checked against the card index of specimens of signatures and seals.
	standard.ApostilleProsecution: {"AP-6.2", []registry.BodyKind{registry.Prosecution, registry.Investigation, registry.Inquiry}},
	// Rule AC-15-1: documents of courts; unreliable data or documents outside
	// the Unified Rules are refused.
	standard.ApostilleCourt: {"AC-15-1", []registry.BodyKind{registry.Court}},
}

// VerifyApostille checks the signer, the position, the body, the seal and the
// date of doc against the specimens, under the apostille standard std, on today.
// Errors: apperr.Invalid for a standard that is not an apostille's or a
// document without a signer or a seal; the registry's errors.
func VerifyApostille(ctx context.Context, specimens registry.Signatories, std *standard.Standard, doc OfficialDocument, today calendar.Date) (ApostilleVerification, error) {
	svc, ok := apostilleRules[std.Service]
	if !ok {
		return ApostilleVerification{}, apperr.E(apperr.Invalid, fmt.Sprintf("%s is not an apostille service", std.Service))
	}
	if doc.Signer.Surname == "" || doc.SealID == "" || doc.SignedOn.IsZero() {
		return ApostilleVerification{}, apperr.E(apperr.Invalid, "the document's signer, seal and date are needed")
	}
	v := ApostilleVerification{Service: std.Service, Rule: svc.rule}
	found, err := specimens.Specimens(ctx, registry.SpecimenQuery{SealID: doc.SealID, Surname: doc.Signer.Surname})
	if err != nil {
		return v, err
	}
	var best []Check
	for i := range found {
		checks := compareWithSpecimen(doc, found[i], svc.rule, svc.kinds, today)
		if best == nil || passed(checks) > passed(best) {
			best, v.Specimen = checks, &found[i]
		}
	}
	if best == nil {
		best = noSpecimen(doc, svc.rule)
	}
	v.Checks = best
	v.Authentic = passed(best) == len(best)
	for _, c := range best {
		if c.OK || slices.ContainsFunc(v.Grounds, func(g standard.Ground) bool { return g.ID == c.Ground }) {
			continue
		}
		g, err := refusalGround(std, c.Ground)
		if err != nil {
			return v, err
		}
		v.Grounds = append(v.Grounds, g)
	}
	return v, nil
}

func passed(checks []Check) int {
	n := 0
	for _, c := range checks {
		if c.OK {
			n++
		}
	}
	return n
}

// sameText compares two phrases (a position, a body) ignoring case, spaces and
// punctuation.
func sameText(a, b string) bool { return registry.Fold(a) == registry.Fold(b) }

// compareWithSpecimen makes the checks of one specimen.
//
// Rule AP-STD-9, AC-15-1: every mismatch of the signature's data makes the
// document unreliable (ground 1); a body outside the service's remit makes it
// not meet the requirements (ground 2).
func compareWithSpecimen(doc OfficialDocument, s registry.Signatory, rule string, kinds []registry.BodyKind, today calendar.Date) []Check {
	match := registry.CompareNames(doc.Signer, s.Name)
	signer := Check{Field: "signer", OK: match == registry.Same, Expected: s.Name.String(), Found: doc.Signer.String(),
		Rule: rule, Ground: groundUnreliable, Note: noteSigner(match)}
	position := Check{Field: "position", OK: sameText(doc.Position, s.Position), Expected: s.Position, Found: doc.Position,
		Rule: rule, Ground: groundUnreliable, Note: notePosition}
	body := Check{Field: "body", OK: sameText(doc.Body, s.Body), Expected: s.Body, Found: doc.Body,
		Rule: rule, Ground: groundUnreliable, Note: noteBody}
	seal := Check{Field: "seal", OK: registry.SealKey(doc.SealID) == registry.SealKey(s.SealID), Expected: s.SealID, Found: doc.SealID,
		Rule: rule, Ground: groundUnreliable, Note: noteSeal}
	period := s.ValidFrom.String() + " – " + s.ValidTo.String()
	date := Check{Field: "date", OK: s.ValidOn(doc.SignedOn) && !doc.SignedOn.After(today), Expected: period, Found: doc.SignedOn.String(),
		Rule: rule, Ground: groundUnreliable, Note: noteDate}
	if doc.SignedOn.After(today) {
		date.Note = noteFutureDate
	}
	competence := Check{Field: "body_kind", OK: slices.Contains(kinds, s.BodyKind), Expected: kindList(kinds), Found: string(s.BodyKind),
		Rule: rule, Ground: groundNonCompliant, Note: noteCompetence}
	for _, c := range []*Check{&signer, &position, &body, &seal, &date, &competence} {
		if c.OK {
			c.Note = noteMatches
		}
	}
	return []Check{signer, position, body, seal, date, competence}
}

// noSpecimen is the verdict on a document whose seal and signer the card
// index does not know: its data cannot be confirmed.
func noSpecimen(doc OfficialDocument, rule string) []Check {
	return []Check{
		{Field: "signer", Found: doc.Signer.String(), Rule: rule, Ground: groundUnreliable, Note: noteNoSpecimen},
		{Field: "seal", Found: doc.SealID, Rule: rule, Ground: groundUnreliable, Note: noteNoSpecimen},
	}
}

func kindList(kinds []registry.BodyKind) string {
	s := make([]string, len(kinds))
	for i, k := range kinds {
		s[i] = string(k)
	}
	return strings.Join(s, ", ")
}

// refusalGround is the ground id of std's refusal grounds.
func refusalGround(std *standard.Standard, id string) (standard.Ground, error) {
	if std.Refusal != nil {
		for _, g := range std.Refusal.Grounds {
			if g.ID == id {
				return g, nil
			}
		}
	}
	return standard.Ground{}, fmt.Errorf("decision: standard %s has no refusal ground %q", std.Service, id)
}

func noteSigner(m registry.NameMatch) i18n.Text {
	if m == registry.Similar {
		return i18n.Text{
			KK: "Қол қоюшының аты-жөні үлгідегіге ұқсас, бірақ сәйкес емес.",
			RU: "Имя подписавшего похоже на имя в образце, но не совпадает.",
			EN: "The signer's name is like the specimen's but not the same.",
		}
	}
	return i18n.Text{
		KK: "Қол қоюшы үлгідегі лауазымды тұлға емес.",
		RU: "Подписавший — не должностное лицо из образца.",
		EN: "The signer is not the official of the specimen.",
	}
}

var (
	noteMatches  = i18n.Text{KK: "Үлгімен сәйкес.", RU: "Совпадает с образцом.", EN: "Matches the specimen."}
	notePosition = i18n.Text{
		KK: "Лауазымы үлгідегіден өзгеше.",
		RU: "Должность отличается от указанной в образце.",
		EN: "The position differs from the specimen's.",
	}
	noteBody = i18n.Text{
		KK: "Органның атауы үлгідегіден өзгеше.",
		RU: "Наименование органа отличается от образца.",
		EN: "The body differs from the specimen's.",
	}
	noteSeal = i18n.Text{
		KK: "Мөр үлгідегі мөр емес.",
		RU: "Печать не совпадает с образцом.",
		EN: "The seal is not the specimen's seal.",
	}
	noteDate = i18n.Text{
		KK: "Құжат үлгі әрекет еткен мерзімнен тыс күні қол қойылған.",
		RU: "Документ подписан вне срока действия образца.",
		EN: "The document was signed outside the period of the specimen.",
	}
	noteFutureDate = i18n.Text{
		KK: "Құжаттың күні әлі келмеген.",
		RU: "Дата документа ещё не наступила.",
		EN: "The document is dated in the future.",
	}
	noteCompetence = i18n.Text{
		KK: "Бұл органның құжаттарына осы қызмет апостиль қоймайды.",
		RU: "Документы этого органа не апостилируются в рамках данной услуги.",
		EN: "This service does not apostille documents of this kind of body.",
	}
	noteNoSpecimen = i18n.Text{
		KK: "Картотекада бұл мөрдің де, қол қоюшының да үлгісі жоқ.",
		RU: "В картотеке нет образца ни этой печати, ни этого подписавшего.",
		EN: "The card index has no specimen of this seal or this signer.",
	}
)
