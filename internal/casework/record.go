package casework

import (
	"slices"
	"strings"
	"time"

	"qyzmet/internal/apperr"
	"qyzmet/internal/document"
	"qyzmet/internal/standard"
)

// What the verification established, recorded by the officer who did it
// (record-verification) so that the head signs the result in a batch without
// typing anything: the apostille's document as checked against the specimens,
// the card of the index that answered, or that the index holds no data.

// Kinds of a recorded verification.
const (
	VerifiedApostille = "apostille" // the official document agrees with a specimen (AP-6.2, AC-15-1)
	VerifiedCard      = "card"      // the card of the index that answers (AR-6.3)
	VerifiedNoData    = "no-data"   // the search found nothing (AR-6.4)
)

// Verification is the last recorded finding of the verification. The
// apostille's checked document itself is Application.Apostille.
type Verification struct {
	Kind   string `json:"kind"`
	CardID string `json:"card_id,omitempty"`
	// Medium is the medium the applicant chose for a no-data reply (AR-6.4).
	Medium     standard.Medium `json:"medium,omitempty"`
	Rule       string          `json:"rule"`
	RecordedBy string          `json:"recorded_by"`
	RecordedAt time.Time       `json:"recorded_at"`
}

type verificationData struct {
	Apostille *ApostilleInput `json:"apostille"`
	CardID    string          `json:"card_id"`
	NoData    bool            `json:"no_data"`
	Medium    standard.Medium `json:"medium"`
}

// The forms of the results a verification can be recorded for.
var (
	apostilleForms = []document.FormID{document.APApostille, document.ACApostille}
	cardForms      = []document.FormID{document.ARCertificate}
	noDataForms    = []document.FormID{document.ARNoData}
)

// resultWithForm is the standard's result issued as one of the forms.
func resultWithForm(c *change, forms []document.FormID) (standard.Result, bool) {
	for _, r := range c.std.Results {
		if p, ok := paperOf(c.app.Service, r.ID); ok && slices.Contains(forms, p.form) {
			return r, true
		}
	}
	return standard.Result{}, false
}

// recordable: only a service whose result rests on a check against a registry
// — the specimens of an apostille, the card index of an archival certificate —
// has a verification to record.
func recordable(c *change) error {
	if err := serviceOnly(c); err != nil {
		return err
	}
	if _, ok := resultWithForm(c, slices.Concat(apostilleForms, cardForms, noDataForms)); !ok {
		return notUsed("", txt("%s қызметінде тексеру қорытындысы жазылмайды: нәтиже тізілімдегі тексеріске сүйенбейді",
			"в услуге %s результат проверки не записывается: результат не основан на сверке с реестром",
			"%s records no verification: its result rests on no registry check"), c.std.Service)
	}
	return nil
}

func runRecordVerification(c *change, data []byte) error {
	var d verificationData
	if err := decodeData(data, &d); err != nil {
		return err
	}
	d.CardID = strings.TrimSpace(d.CardID)
	given := 0
	for _, g := range []bool{d.Apostille != nil, d.CardID != "", d.NoData} {
		if g {
			given++
		}
	}
	switch {
	case given == 0:
		return invalid("nothing_recorded", "data", "", txt(
			"тексерілген құжатты, жауап берген карточканы немесе деректердің жоқтығын көрсетіңіз",
			"укажите проверенный документ, ответившую карточку или отсутствие сведений",
			"give the verified document, the card that answers, or that there is no data"))
	case given > 1:
		return invalid("one_finding", "data", "", txt("бір тексерудің бір ғана қорытындысы болады",
			"у проверки один результат", "a verification has one finding"))
	case d.Medium != "" && !d.NoData:
		return invalid("medium_no_data", "data.medium", "AR-6.4", txt(
			"жеткізгіш тек деректер жоқ туралы жауапқа таңдалады", "носитель выбирается только для ответа об отсутствии сведений",
			"a medium is chosen only for a no-data reply"))
	}
	rec := &Verification{RecordedBy: c.actor.ID, RecordedAt: c.now}
	var err error
	switch {
	case d.Apostille != nil:
		err = recordApostille(c, d.Apostille, rec)
	case d.CardID != "":
		err = recordCard(c, d.CardID, rec)
	default:
		err = recordNoData(c, d.Medium, rec)
	}
	if err != nil {
		return err
	}
	c.app.Verification = rec
	c.rule = rec.Rule
	// Rule AP-6.2, AR-6.3: the check (search) is done when its finding is
	// recorded; AP-6.3, AR-6.4 give the drawing up 1 working day from then.
	c.done = []string{stepCheck, stepSearch}
	payload := map[string]any{"kind": rec.Kind}
	switch rec.Kind {
	case VerifiedApostille:
		k := c.app.Apostille
		payload["specimen_id"], payload["signer"], payload["seal_id"], payload["signed_on"] = k.SpecimenID, k.Signer, k.SealID, k.SignedOn
	case VerifiedCard:
		payload["card_id"] = rec.CardID
	case VerifiedNoData:
		payload["medium"] = rec.Medium
	}
	c.payload = payload
	return nil
}

// recordApostille: Rule AP-6.2, AC-15-1 — the official document is checked
// against the specimens at once, as the issue checks it; a document that
// disagrees is refused on its field and nothing is recorded.
func recordApostille(c *change, in *ApostilleInput, rec *Verification) error {
	if _, ok := resultWithForm(c, apostilleForms); !ok {
		return invalid("no_apostille", "data.apostille", "", txt("бұл қызметте апостиль қойылмайды",
			"в этой услуге апостиль не проставляется", "this service puts no apostille"))
	}
	k, err := checkApostille(c, in, true)
	if err != nil {
		return err
	}
	c.app.Apostille = k
	rec.Kind, rec.Rule = VerifiedApostille, k.Rule
	return nil
}

// recordCard: Rule AR-6.3 — the card that answers must be in the index.
func recordCard(c *change, id string, rec *Verification) error {
	if _, ok := resultWithForm(c, cardForms); !ok {
		return invalid("no_card", "data.card_id", "AR-STD-5", txt("бұл қызметте картотека карточкасы көрсетілмейді",
			"в этой услуге карточка картотеки не указывается", "this service names no card of the index"))
	}
	if _, err := card(c, id); err != nil {
		return err
	}
	rec.Kind, rec.CardID, rec.Rule = VerifiedCard, id, stepRule(c, stepSearch, "AR-6.3")
	return nil
}

// recordNoData: Rule AR-6.4 — with no data the reply goes on paper or
// electronically, by the method the applicant chose.
func recordNoData(c *change, medium standard.Medium, rec *Verification) error {
	res, ok := resultWithForm(c, noDataForms)
	if !ok {
		return invalid("no_no_data", "data.no_data", "", txt("бұл қызметте деректер жоқ туралы жауап берілмейді",
			"в этой услуге ответ об отсутствии сведений не выдаётся", "this service gives no no-data reply"))
	}
	switch {
	case medium == "" && len(res.Media) > 1:
		return invalid("medium_required", "data.medium", "AR-6.4", txt(
			"өтініш беруші таңдаған жеткізгішті көрсетіңіз: қағаз немесе электрондық",
			"укажите носитель, выбранный заявителем: бумажный или электронный",
			"give the medium the applicant chose: paper or electronic"))
	case medium == "" && len(res.Media) == 1:
		medium = res.Media[0]
	case !slices.Contains(res.Media, medium):
		return badValue("data.medium", string(medium), res.Media)
	}
	rec.Kind, rec.Medium, rec.Rule = VerifiedNoData, medium, stepRule(c, stepDrawUp, "AR-6.4")
	return nil
}

// stepRule is the rule of the standard's step, else def.
func stepRule(c *change, step, def string) string {
	if st, ok := c.std.Step(step); ok && st.Rule != "" {
		return st.Rule
	}
	return def
}

// recordedResult is the result and medium the recorded verification implies
// for an issue that names neither a result nor a card nor a document: the
// certificate from the card, or the no-data reply on the chosen medium.
func recordedResult(c *change, d decisionData) (string, standard.Medium) {
	rec := c.app.Verification
	if rec == nil || d.Result != "" || d.CardID != "" || d.Apostille != nil {
		return d.Result, d.Medium
	}
	forms := cardForms
	medium := d.Medium
	switch rec.Kind {
	case VerifiedNoData:
		forms = noDataForms
		if medium == "" {
			medium = rec.Medium
		}
	case VerifiedCard:
	default:
		return d.Result, d.Medium
	}
	if r, ok := resultWithForm(c, forms); ok {
		return r.ID, medium
	}
	return d.Result, d.Medium
}

// signedByHead: Rule AR-6.4 — the archival answer on paper is signed by the
// head: an officer records the finding and passes it to the head's batch; the
// system (a timer) acts for the provider.
func signedByHead(c *change, dec *Decision) error {
	p, ok := paperOf(c.app.Service, dec.Result)
	if !ok || !p.byHead || !dec.Paper || c.actor.Role == RoleHead || c.actor.Role == RoleSystem {
		return nil
	}
	return fail(apperr.Forbidden, "head_signs", "role", "AR-6.4", txt(
		"қағаз жеткізгіштегі архивтік анықтамаға басшы қол қояды: тексеру қорытындысын жазып, өтінішті басшының қол қою тізіміне жіберіңіз",
		"архивную справку на бумажном носителе подписывает руководитель: запишите результат проверки и передайте заявление на подпись руководителю",
		"the head signs the archival answer on paper: record the verification and pass the application to the head's signature list"))
}
