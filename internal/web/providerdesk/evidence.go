package providerdesk

import (
	"context"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"qyzmet/internal/archivesearch"
	"qyzmet/internal/calendar"
	"qyzmet/internal/casework"
	"qyzmet/internal/decision"
	"qyzmet/internal/iin"
	"qyzmet/internal/registry"
	"qyzmet/internal/registry/sqlstore"
	"qyzmet/internal/standard"
)

// The application fields where the desk keeps what the officer read off the
// official document to apostille (AP-6.2, AC-15-1): the issue command merges
// them into Application.Fields, so the verified signer and seal stay with
// the application for the apostille and the journal (AP-6.1).
const (
	fieldSignerSurname    = "signer_surname"
	fieldSignerGivenName  = "signer_given_name"
	fieldSignerPatronymic = "signer_patronymic"
	fieldSignerPosition   = "signer_position"
	fieldSignerBody       = "signer_body"
	fieldSealID           = "seal_id"
	fieldSignedOn         = "signed_on" // YYYY-MM-DD
	fieldSpecimenID       = "specimen_id"
	// fieldCardID is the card of the special-settlement index that answers an
	// archival request (AR-6.3, AR-6.4), chosen by the archivist or officer.
	fieldCardID = "card_id"
	// fieldParents is the standard's data item of AR-6.1: the parents' names
	// and birth years, one parent a line or separated by ";".
	fieldParents = "parents-data"
)

// signerFields are the document's data in the order of the desk's form.
var signerFields = []string{fieldSignerSurname, fieldSignerGivenName, fieldSignerPatronymic, fieldSignerPosition,
	fieldSignerBody, fieldSealID, fieldSignedOn}

// specimenPanel is the comparison of the official document with the card
// index of specimens of signatures and seals.
type specimenPanel struct {
	Values   map[string]string // the document's data as entered
	Checked  bool
	Result   decision.ApostilleVerification
	Problem  string // why nothing could be compared (the engine's or registry's words)
	Grounds  []string
	Verified map[string]string // the fields the issue command carries
}

// verifySpecimen compares the document the officer describes (the query's
// sig.* values, else what the application keeps) with the specimens.
// Rule AP-6.2: the authenticity of the official document is checked against
// the card index of specimens of signatures and seals.
func (p *Pages) verifySpecimen(ctx context.Context, std *standard.Standard, app *casework.Application, q url.Values, today calendar.Date) (*specimenPanel, error) {
	sp := &specimenPanel{Values: map[string]string{}}
	fromQuery := q.Get("sig."+fieldSignerSurname) != ""
	for _, f := range signerFields {
		if fromQuery {
			sp.Values[f] = strings.TrimSpace(q.Get("sig." + f))
		} else {
			sp.Values[f] = app.Fields[f]
		}
	}
	if sp.Values[fieldSignerSurname] == "" {
		return sp, nil
	}
	signed, err := calendar.ParseDate(sp.Values[fieldSignedOn])
	if err != nil {
		sp.Problem = "providerdesk.verify.bad_date"
		return sp, nil
	}
	doc := decision.OfficialDocument{
		Signer:   registry.Name{Surname: sp.Values[fieldSignerSurname], GivenName: sp.Values[fieldSignerGivenName], Patronymic: sp.Values[fieldSignerPatronymic]},
		Position: sp.Values[fieldSignerPosition], Body: sp.Values[fieldSignerBody], SealID: sp.Values[fieldSealID], SignedOn: signed,
	}
	res, err := decision.VerifyApostille(ctx, p.deps.Sys.Registries.Signatories, std, doc, today)
	if err != nil {
		return nil, err
	}
	sp.Checked, sp.Result = true, res
	for _, g := range res.Grounds {
		sp.Grounds = append(sp.Grounds, g.ID)
	}
	sp.Verified = map[string]string{}
	for k, v := range sp.Values {
		sp.Verified[k] = v
	}
	if res.Specimen != nil {
		sp.Verified[fieldSpecimenID] = res.Specimen.ID
	}
	return sp, nil
}

// checkPayment puts the application's state duty to the payments registry.
// Rule AP-STD-6, AC-7: the duty at the MCI of the payment date; a payment that
// passes is reserved for this application (one payment pays once), which is
// idempotent for the same application, so opening the page again changes
// nothing.
func (p *Pages) checkPayment(ctx context.Context, std *standard.Standard, app *casework.Application) (*decision.PaymentCheck, error) {
	if std.Fee == nil {
		return nil, nil
	}
	req := decision.PaymentRequest{ApplicationID: app.ID, Documents: 1}
	if pay := app.Payment; pay != nil {
		if pay.Method == casework.PaymentGateway {
			req.Reference = pay.Reference
		} else {
			req.Receipt = &registry.Payment{Reference: pay.Reference, PayerIIN: payerID(app.Applicant),
				PayerName: app.Applicant.Name(), AmountTiyn: int64(pay.AmountTenge) * 100, PaidOn: pay.PaidOn}
		}
	}
	payments := decision.Payments{Payments: p.deps.Sys.Registries.Payments, Standards: p.deps.Sys.Engine.Standards()}
	res, err := payments.Check(ctx, std, req)
	return &res, err
}

func payerID(p casework.Party) string {
	if p.IIN != "" {
		return p.IIN
	}
	return p.BIN
}

// archivePanel is the search of the card index built into the desk.
type archivePanel struct {
	Name, Year string
	Parents    [2]parentQuery
	Result     archivesearch.Result
	Searched   bool
	Problem    string // a message key: the query could not be searched
	Chosen     string // the card chosen for the answer
}

type parentQuery struct{ Name, Year string }

// archiveIndex is the search index of the card index, built from the
// registry on first use and again after indexTTL, so that an import of new
// cards reaches the desk without a restart.
type archiveIndex struct {
	cards *sqlstore.Cards
	mu    sync.Mutex
	ix    *archivesearch.Index
	built time.Time
}

const indexTTL = 10 * time.Minute

func (a *archiveIndex) get(ctx context.Context) (*archivesearch.Index, error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.ix != nil && time.Since(a.built) < indexTTL {
		return a.ix, nil
	}
	ix, err := a.cards.SearchIndex(ctx)
	if err != nil {
		return nil, err
	}
	a.ix, a.built = ix, time.Now()
	return ix, nil
}

// searchArchive runs the archive search for an archival request: by the
// person's names and birth year, and through the parents (Rule AR-6.1: a
// person under 16 on 1 January 1940 is found on the parents' cards). The
// query's as.* values override what the application says.
func (p *Pages) searchArchive(ctx context.Context, app *casework.Application, q url.Values) (*archivePanel, error) {
	ap := &archivePanel{Chosen: firstNonEmpty(q.Get("card"), recordedCard(app), app.Fields[fieldCardID])}
	if q.Has("as.name") {
		ap.Name, ap.Year = strings.TrimSpace(q.Get("as.name")), strings.TrimSpace(q.Get("as.year"))
		for i := range ap.Parents {
			n := strconv.Itoa(i + 1)
			ap.Parents[i] = parentQuery{Name: strings.TrimSpace(q.Get("as.p" + n)), Year: strings.TrimSpace(q.Get("as.p" + n + "year"))}
		}
	} else {
		ap.Name, ap.Year = subjectQuery(app)
		ap.Parents = parentsOf(app.Fields[fieldParents])
	}
	person := archivesearch.Query{Text: ap.Name, BirthYear: atoiOr0(ap.Year)}
	if person.Text == "" {
		return ap, nil
	}
	req := archivesearch.Request{Person: person}
	for _, pq := range ap.Parents {
		if pq.Name != "" {
			req.Parents = append(req.Parents, archivesearch.Query{Text: pq.Name, BirthYear: atoiOr0(pq.Year)})
		}
	}
	for _, query := range append([]archivesearch.Query{person}, req.Parents...) {
		if query.Validate() != nil {
			ap.Problem = "providerdesk.archive.bad_query"
			return ap, nil
		}
	}
	ix, err := p.archive.get(ctx)
	if err != nil {
		return nil, err
	}
	ap.Result, ap.Searched = ix.Find(req), true
	return ap, nil
}

// subjectQuery is the name and birth year of the person an archival request
// is about: the subject, else the applicant (the year from the IIN).
func subjectQuery(app *casework.Application) (name, year string) {
	who := app.Applicant
	var born *calendar.Date
	if s := app.Subject; s != nil {
		who, born = s.Person, s.BirthDate
	}
	name = joinWords(who.Surname, who.GivenName, who.Patronymic)
	switch {
	case born != nil:
		year = strconv.Itoa(born.Year)
	case who.IIN != "":
		if info, err := iin.ParseIIN(who.IIN); err == nil {
			year = strconv.Itoa(info.BirthDate.Year())
		}
	}
	return name, year
}

var yearPattern = regexp.MustCompile(`\b(1[89][0-9]{2}|20[0-9]{2})\b`)

// parentsOf reads the AR-6.1 parents' data as the forms write it: a parent a
// line or separated by ";", the birth year anywhere in the line.
func parentsOf(s string) [2]parentQuery {
	var out [2]parentQuery
	n := 0
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == '\n' }) {
		if n == len(out) {
			break
		}
		year := yearPattern.FindString(part)
		name := strings.Trim(strings.TrimSpace(strings.Replace(part, year, "", 1)), ",() ")
		if name == "" {
			continue
		}
		out[n] = parentQuery{Name: name, Year: year}
		n++
	}
	return out
}

func atoiOr0(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

// recordedCard is the card the verification recorded as the answer, or "".
func recordedCard(app *casework.Application) string {
	if v := app.Verification; v != nil && v.Kind == casework.VerifiedCard {
		return v.CardID
	}
	return ""
}
