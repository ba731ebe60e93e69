// Package document lays out every official paper of Qyzmet as a native PDF
// (internal/pdf): the criminal-record certificates (annex 4, and annex 5 for
// travel abroad, CR-F5), the apostille in the model of the Hague Convention of
// 5 October 1961, the archival certificate and the "no data" reply, each
// service's application, the receipts of acceptance (AC-12) and of refusal to
// accept (AC-F2), the hearing notice and minutes, the motivated refusal, the
// interim reply, the complaint talon and the journal of apostilled documents
// (also as an XLSX workbook, JournalXLSX).
//
// A form is named by a FormID; Forms lists them with what they print. Render
// draws a form from the form's own data struct (Sample gives a realistic one)
// and a Meta — the number, date, e-Register link and signer that the issuing
// pipeline (internal/eregister) assigns. Render does not sign: internal/sign
// signs the returned document. Fixed wording comes from the standards data
// (standard.Form.Texts) where the standard carries it, else from the originals;
// docs/adr/0002-documents.md, section "Forms", says which.
package document

import (
	"fmt"
	"net/url"
	"strings"
	"time"

	"qyzmet/internal/i18n"
	"qyzmet/internal/pdf"
	"qyzmet/internal/standard"
)

// FormID names a form: "cr-certificate-travel", "ap-apostille", "complaint-talon" …
type FormID string

// The forms, in the order of DIGEST.md (services CR, AP, AR, AC, then the papers
// common to all services).
const (
	CRApplication       FormID = "cr-application"        // CR-STD-8.1, annex 1 to the CR rules
	CRCertificate       FormID = "cr-certificate"        // CR-STD-5.1, annex 4
	CRCertificateTravel FormID = "cr-certificate-travel" // CR-F5, annex 5 (travel abroad, bilingual)
	CRInterimReply      FormID = "cr-interim-reply"      // CR-STD-3.4
	APApplication       FormID = "ap-application"        // AP-STD-8, annex 1 to the AP rules
	APJournal           FormID = "ap-journal"            // AP-6.1, annex 4 to the AP rules
	APApostille         FormID = "ap-apostille"          // AP-6.3
	APHearingNotice     FormID = "ap-hearing-notice"     // AP-6.4
	APHearingMinutes    FormID = "ap-hearing-minutes"    // AP-6.4
	APRefusal           FormID = "ap-refusal"            // AP-STD-9
	ARApplication       FormID = "ar-application"        // AR-4, annex 1 to the AR rules
	ARCertificate       FormID = "ar-certificate"        // AR-6.4, AR-STD-5
	ARNoData            FormID = "ar-no-data"            // AR-STD-5
	ARHearingNotice     FormID = "ar-hearing-notice"     // AR-6.2
	ARHearingMinutes    FormID = "ar-hearing-minutes"    // AR-6.2
	ARRefusal           FormID = "ar-refusal"            // AR-STD-9
	ACApplication       FormID = "ac-application"        // AC-F1, annex 1 to the AC standard
	ACRefusalReceipt    FormID = "ac-refusal-receipt"    // AC-F2, annex 2 to the AC standard
	ACApostille         FormID = "ac-apostille"          // AC-6
	ACHearingNotice     FormID = "ac-hearing-notice"     // AC-15-1 (the hearing before a refusal, standards/apostille-court.yaml)
	ACHearingMinutes    FormID = "ac-hearing-minutes"    // AC-15-1
	ACRefusal           FormID = "ac-refusal"            // AC-15-1
	SCAcceptanceReceipt FormID = "acceptance-receipt"    // AC-12
	CPComplaintTalon    FormID = "complaint-talon"       // CP-7
	CPComplaintReply    FormID = "complaint-reply"       // CP-7, AC-19
)

// Kind is what a form is, across services: the pipeline looks a form up by the
// service and the kind of paper it needs (FormFor).
type Kind string

const (
	KindApplication       Kind = "application"
	KindCertificate       Kind = "certificate"
	KindApostille         Kind = "apostille"
	KindJournal           Kind = "journal"
	KindInterimReply      Kind = "interim-reply"
	KindNoDataReply       Kind = "no-data-reply"
	KindHearingNotice     Kind = "hearing-notice"
	KindHearingMinutes    Kind = "hearing-minutes"
	KindMotivatedRefusal  Kind = "motivated-refusal"
	KindAcceptanceReceipt Kind = "acceptance-receipt"
	KindRefusalReceipt    Kind = "refusal-receipt"
	KindComplaintTalon    Kind = "complaint-talon"
	KindComplaintReply    Kind = "complaint-reply"
)

// FormSpec describes one form.
type FormSpec struct {
	ID    FormID
	Kind  Kind
	Title i18n.Text // as printed (the English only where the paper prints English, else a translation)
	// Service is the service whose law defines the form; "" for papers common to
	// every service (the acceptance receipt).
	Service   standard.ServiceID
	Rule      string // the DIGEST.md rule that defines the form
	Languages []i18n.Lang
	// Issued: a result or paper that gets a number, a QR code to the e-Register and
	// the provider's signature. Render requires Meta.Number, Meta.VerifyURL and
	// Meta.Signer for it.
	Issued bool
	// Data is the Go type Render takes for the form, as "*document.Apostille".
	Data string
}

// Meta is what the issuing pipeline adds to a form's data.
type Meta struct {
	Number    string    // the document's unique number (required when issued)
	IssuedAt  time.Time // when the paper is drawn up (always required)
	VerifyURL string    // the document's e-Register page; the QR code opens it (required when issued)
	// Signer is the official who signs ("Ж. Ә. Жиһаншин"); SignerTitle is their
	// position, or empty for the form's usual signatory.
	Signer      string
	SignerTitle i18n.Text
	// Provider is the body that issues the paper, printed in the letterhead; empty
	// for the form's usual body (the CLSSA, the DEAC or the State Corporation).
	Provider i18n.Text
}

// form is a FormSpec with its sample and its renderer.
type form struct {
	spec   FormSpec
	sample func() any
	render func(spec FormSpec, data any, meta Meta) (*pdf.Document, error)
}

var (
	kkru   = []i18n.Lang{i18n.KK, i18n.RU}
	kkruen = []i18n.Lang{i18n.KK, i18n.RU, i18n.EN}
)

// Forms lists every form in a stable order (the order of DIGEST.md).
func Forms() []FormSpec {
	out := make([]FormSpec, len(registry))
	for i, f := range registry {
		out[i] = f.spec
	}
	return out
}

// Spec is the description of form id.
func Spec(id FormID) (FormSpec, bool) {
	f, ok := lookup(id)
	return f.spec, ok
}

// FormFor is the form of the given kind that service's law defines, or the
// common one of that kind (the acceptance receipt) when the service has none.
func FormFor(service standard.ServiceID, kind Kind) (FormSpec, bool) {
	var common *FormSpec
	for i := range registry {
		s := &registry[i].spec
		switch {
		case s.Kind != kind:
		case s.Service == service:
			return *s, true
		case s.Service == "" && common == nil:
			common = s
		}
	}
	if common != nil {
		return *common, true
	}
	return FormSpec{}, false
}

func lookup(id FormID) (form, bool) {
	for _, f := range registry {
		if f.spec.ID == id {
			return f, true
		}
	}
	return form{}, false
}

// Sample is realistic data for form id — Kazakh and Russian names with the
// letters of Kazakh — of the form's own type, ready for Render.
func Sample(id FormID) (any, error) {
	f, ok := lookup(id)
	if !ok {
		return nil, unknownForm(id)
	}
	return f.sample(), nil
}

// Render draws form id from data, which must be a non-nil pointer to the form's
// own struct type (FormSpec.Data, e.g. *CriminalRecordCertificate), and meta. It
// checks the data and meta first and returns an *Error (ErrUnknownForm,
// ErrWrongData, ErrInvalid) without drawing anything when they are wrong, and
// ErrLayout when the text does not fit the form. The document is not signed.
func Render(id FormID, data any, meta Meta) (*pdf.Document, error) {
	f, ok := lookup(id)
	if !ok {
		return nil, unknownForm(id)
	}
	return f.render(f.spec, data, meta)
}

// checker is implemented by every form's data: it reports the first missing or
// impossible field.
type checker interface{ check(c *check) }

// renderer adapts a drawing function for data of type *T to Render: the type
// assertion, the checks of meta and data, and the drawing problems.
func renderer[T any, PT interface {
	*T
	checker
}](draw func(s *sheet, d *T) error) func(FormSpec, any, Meta) (*pdf.Document, error) {
	return func(spec FormSpec, data any, meta Meta) (*pdf.Document, error) {
		d, ok := data.(*T)
		if !ok || d == nil {
			return nil, wrongData(spec, data)
		}
		if err := checkMeta(spec, meta); err != nil {
			return nil, err
		}
		c := &check{form: spec.ID}
		PT(d).check(c)
		if c.err != nil {
			return nil, c.err
		}
		s := newSheet(spec, meta)
		if err := draw(s, d); err != nil {
			return nil, err
		}
		return s.finish()
	}
}

// checkMeta: every paper is dated; an issued one also carries its number, its
// e-Register link (the QR code) and its signer, so that nothing is issued that
// the e-Register cannot verify.
func checkMeta(spec FormSpec, meta Meta) error {
	c := &check{form: spec.ID}
	if meta.IssuedAt.IsZero() {
		c.fail("Meta.IssuedAt", "құжаттың күні көрсетілмеген", "не указана дата документа", "the paper's date is missing")
	}
	if spec.Issued {
		c.text("Meta.Number", meta.Number)
		c.text("Meta.Signer", meta.Signer)
		if meta.VerifyURL == "" {
			c.text("Meta.VerifyURL", "")
		} else if u, err := url.Parse(meta.VerifyURL); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			c.fail("Meta.VerifyURL",
				fmt.Sprintf("%q — e-Register сілтемесі емес (http(s)://… толық мекенжайы керек)", meta.VerifyURL),
				fmt.Sprintf("%q — не ссылка на e-Register (нужен полный адрес http(s)://…)", meta.VerifyURL),
				fmt.Sprintf("%q is not an e-Register link (a full http(s)://… address is needed)", meta.VerifyURL))
		}
	}
	if strings.ContainsAny(meta.Number, "\n\r") {
		c.fail("Meta.Number", "нөмірде жол ауысуы бар", "в номере есть перевод строки", "the number contains a line break")
	}
	if c.err != nil {
		return c.err
	}
	return nil
}
