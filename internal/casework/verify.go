package casework

import (
	"slices"
	"strings"
	"time"

	"qyzmet/internal/apperr"
	"qyzmet/internal/calendar"
	"qyzmet/internal/decision"
	"qyzmet/internal/i18n"
	"qyzmet/internal/registry"
	"qyzmet/internal/registry/sqlstore"
)

// What the issue of an apostille or an archival certificate reads from the
// registries of the engine's database (the specimens of signatures and seals,
// the card index): the paper prints the registry's record, not what staff typed.

// ApostilleInput is the issue command's "apostille": the official document as
// it says who signed it and under which seal (decision.OfficialDocument), its
// name, number and pages. The engine verifies it against the specimens.
type ApostilleInput struct {
	decision.OfficialDocument
	Document       string `json:"document,omitempty"` // the document's name; default: the application's fields.document
	DocumentNumber string `json:"document_number,omitempty"`
	Pages          int    `json:"pages,omitempty"`
}

// ApostilleCheck is the apostilled document as verified against the specimen
// it agrees with in every point (AP-6.2, AC-15-1): the signer, capacity, body
// and seal that the apostille certifies (AP-6.3, AC-6).
type ApostilleCheck struct {
	SpecimenID     string        `json:"specimen_id"`
	Signer         string        `json:"signer"` // as the specimen names the official
	Position       string        `json:"position"`
	Body           string        `json:"body"`
	SealID         string        `json:"seal_id"`
	Document       string        `json:"document"`
	DocumentNumber string        `json:"document_number,omitempty"`
	SignedOn       calendar.Date `json:"signed_on"`
	Pages          int           `json:"pages,omitempty"`
	Rule           string        `json:"rule"`
	CheckedAt      time.Time     `json:"checked_at"`
}

// The application's fields where a desk may keep the official document's data
// instead of sending data.apostille (the issue merges data.fields into them).
const (
	FieldSignerSurname    = "signer_surname"
	FieldSignerGivenName  = "signer_given_name"
	FieldSignerPatronymic = "signer_patronymic"
	FieldSignerPosition   = "signer_position"
	FieldSignerBody       = "signer_body"
	FieldSealID           = "seal_id"
	FieldSignedOn         = "signed_on" // YYYY-MM-DD
	FieldCardID           = "card_id"
)

// checkFields name, for each check of decision's, the input field at fault:
// in data.apostille, and among the application's fields.
var checkFields = map[bool]map[string]string{
	true: {"signer": "data.apostille.signer", "position": "data.apostille.position", "body": "data.apostille.body",
		"seal": "data.apostille.seal_id", "date": "data.apostille.signed_on", "body_kind": "data.apostille.body"},
	false: {"signer": "data.fields." + FieldSignerSurname, "position": "data.fields." + FieldSignerPosition,
		"body": "data.fields." + FieldSignerBody, "seal": "data.fields." + FieldSealID, "date": "data.fields." + FieldSignedOn,
		"body_kind": "data.fields." + FieldSignerBody},
}

// apostilleFromFields is the official document as the application's fields
// hold it, nil when they name no signer.
func apostilleFromFields(f map[string]string) (*ApostilleInput, error) {
	if strings.TrimSpace(f[FieldSignerSurname]) == "" {
		return nil, nil
	}
	in := &ApostilleInput{OfficialDocument: decision.OfficialDocument{
		Signer: registry.Name{Surname: strings.TrimSpace(f[FieldSignerSurname]), GivenName: strings.TrimSpace(f[FieldSignerGivenName]),
			Patronymic: strings.TrimSpace(f[FieldSignerPatronymic])},
		Position: f[FieldSignerPosition], Body: f[FieldSignerBody], SealID: f[FieldSealID]}}
	if s := strings.TrimSpace(f[FieldSignedOn]); s != "" {
		d, err := calendar.ParseDate(s)
		if err != nil {
			return nil, invalid("bad_date", "data.fields."+FieldSignedOn, "", txt("күн ЖЖЖЖ-АА-КК түрінде жазылады",
				"дата записывается как ГГГГ-ММ-ДД", "a date is written YYYY-MM-DD"))
		}
		in.SignedOn = d
	}
	return in, nil
}

// verifyApostille: Rule AP-6.2, AC-15-1 — the document is checked against the
// specimens of signatures and seals; AP-6.3, AC-6 — only an authentic one gets
// the apostille, which certifies the signer, the capacity and the seal the
// specimen holds. An apostille issued as a paper needs the check; without an
// Issuer the check is optional and kept when given.
func verifyApostille(c *change, in *ApostilleInput) error {
	p, issued := paperOf(c.app.Service, c.app.Decision.Result)
	isApostille := issued && slices.Contains(apostilleForms, p.form)
	given := in != nil
	if !given && isApostille {
		if rec := c.app.Verification; rec != nil && rec.Kind == VerifiedApostille && c.app.Apostille != nil {
			return nil // checked when the verification was recorded (record-verification)
		}
		var err error
		if in, err = apostilleFromFields(c.app.Fields); err != nil {
			return err
		}
	}
	switch {
	case in == nil && isApostille && c.e.issuer != nil:
		return required("data.apostille")
	case in == nil:
		return nil
	case !isApostille:
		return invalid("no_apostille", "data.apostille", "", txt("бұл нәтижеге апостиль қойылмайды",
			"этот результат не апостилируется", "this result takes no apostille"))
	}
	k, err := checkApostille(c, in, given)
	if err != nil {
		return err
	}
	c.app.Apostille = k
	return nil
}

// checkApostille verifies the official document against the specimens: the
// check of the issue and of record-verification. given says the document came
// in the command's data.apostille rather than the application's fields, which
// decides the field an error names.
func checkApostille(c *change, in *ApostilleInput, given bool) (*ApostilleCheck, error) {
	fields := checkFields[given]
	name := strings.TrimSpace(in.Document)
	if name == "" {
		name = strings.TrimSpace(c.app.Fields["document"])
	}
	switch {
	case name == "" && given:
		return nil, required("data.apostille.document")
	case name == "":
		return nil, required("data.fields.document")
	case strings.TrimSpace(in.Signer.Surname) == "":
		return nil, required(fields["signer"])
	case strings.TrimSpace(in.SealID) == "":
		return nil, required(fields["seal"])
	case in.SignedOn.IsZero():
		return nil, required(fields["date"])
	case in.Pages < 0:
		return nil, invalid("negative_pages", "data.apostille.pages", "", txt("парақ саны теріс болмайды",
			"число листов не может быть отрицательным", "the number of pages cannot be negative"))
	}
	v, err := decision.VerifyApostille(c.ctx, sqlstore.New(c.e.db).Signatories, c.std, in.OfficialDocument, calendar.DateOf(c.now))
	if err != nil {
		return nil, err
	}
	if !v.Authentic {
		return nil, notAuthentic(v, fields)
	}
	s := v.Specimen
	return &ApostilleCheck{SpecimenID: s.ID, Signer: s.Name.String(), Position: s.Position, Body: s.Body, SealID: s.SealID,
		Document: name, DocumentNumber: strings.TrimSpace(in.DocumentNumber), SignedOn: in.SignedOn, Pages: in.Pages,
		Rule: v.Rule, CheckedAt: c.now}, nil
}

// notAuthentic names the first point where the document disagrees with the
// specimens: the grounds for a (preliminary) refusal, not for an apostille.
func notAuthentic(v decision.ApostilleVerification, fields map[string]string) error {
	for _, ck := range v.Checks {
		if ck.OK {
			continue
		}
		note := func(l i18n.Lang) string { return strings.ReplaceAll(ck.Note.In(l), "%", "%%") }
		return invalid("apostille_not_authentic", fields[ck.Field], v.Rule, txt(
			"құжат үлгімен сәйкес келмейді: "+note(i18n.KK)+" Апостиль қойылмайды: бас тарту туралы алдын ала шешім қабылдаңыз.",
			"документ не совпадает с образцом: "+note(i18n.RU)+" Апостиль не проставляется: примите предварительное решение об отказе.",
			"the document does not agree with the specimen: "+note(i18n.EN)+" No apostille: make a preliminary refusal."))
	}
	return nil
}

// answeringCard: Rule AR-6.3, AR-6.4 — the archival certificate is drawn from
// the card of the index that answered, which the archivist names by its ID;
// only that result names a card. An archival certificate issued as a paper
// needs the card.
func answeringCard(c *change, id string) error {
	p, issued := paperOf(c.app.Service, c.app.Decision.Result)
	certificate := issued && slices.Contains(cardForms, p.form)
	id = strings.TrimSpace(id)
	if rec := c.app.Verification; id == "" && certificate && rec != nil && rec.Kind == VerifiedCard {
		id = rec.CardID // recorded by record-verification
	}
	if id == "" && certificate {
		id = strings.TrimSpace(c.app.Fields[FieldCardID]) // kept by the desk with the application
	}
	switch {
	case id == "" && certificate && c.e.issuer != nil:
		return required("data.card_id")
	case id == "":
		return nil
	case !certificate:
		return invalid("no_card", "data.card_id", "AR-STD-5", txt("картотека карточкасы тек архивтік анықтамада көрсетіледі",
			"карточка картотеки указывается только в архивной справке", "only the archival certificate names a card"))
	}
	if _, err := card(c, id); err != nil {
		return err
	}
	c.app.Decision.CardID = id
	return nil
}

// card reads a card of the index; an unknown ID is the field's error.
func card(c *change, id string) (registry.Card, error) {
	k, err := sqlstore.New(c.e.db).Cards.Card(c.ctx, id)
	if apperr.CodeOf(err) == apperr.NotFound {
		return k, invalid("card_not_found", "data.card_id", "AR-6.3", txt("картотекада %s карточкасы жоқ",
			"в картотеке нет карточки %s", "the card index has no card %s"), id)
	}
	return k, err
}
