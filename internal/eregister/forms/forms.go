// Package forms connects the issuing pipeline (internal/eregister) to the
// official forms (internal/document): Documents is the eregister.Renderer of
// every issued form, HolderOf names whom a form's data is about. It lives apart
// from internal/eregister so that the register, the public pages and the
// casework engine do not depend on the layout of every form.
package forms

import (
	"fmt"
	"regexp"
	"strings"

	"qyzmet/internal/document"
	"qyzmet/internal/eregister"
	"qyzmet/internal/i18n"
	"qyzmet/internal/pdf"
)

// Documents renders the official forms of internal/document: every form whose
// FormSpec.Issued is set (certificates, apostilles, replies, receipts, talons).
type Documents struct{}

// kind is the shape of a number's kind (eregister's numbering).
var kind = regexp.MustCompile(`^[A-Z]{2,3}$`)

// Form describes an issued form. The number's kind is the digest section of the
// form's rule: CR-F5 → CR, AP-6.3 → AP, AC-12 → AC, CP-7 → CP.
func (Documents) Form(id string) (eregister.Form, error) {
	spec, ok := document.Spec(document.FormID(id))
	if !ok {
		return eregister.Form{}, fmt.Errorf("forms: no form %q", id)
	}
	if !spec.Issued {
		return eregister.Form{}, fmt.Errorf("forms: form %s is not issued (it gets no number, signature or e-Register entry)", id)
	}
	section, _, _ := strings.Cut(spec.Rule, "-")
	if !kind.MatchString(section) {
		return eregister.Form{}, fmt.Errorf("forms: form %s has rule %q, whose section is not a kind of number", id, spec.Rule)
	}
	return eregister.Form{ID: id, Title: spec.Title, Kind: section}, nil
}

// Render draws the form with the issuing pipeline's meta.
func (Documents) Render(id string, data any, m eregister.Meta) (*pdf.Document, error) {
	return document.Render(document.FormID(id), data, document.Meta{
		Number: m.Number, IssuedAt: m.IssuedAt, VerifyURL: m.VerifyURL,
		Signer: m.Signer, SignerTitle: m.Capacity, Provider: m.Issuer,
	})
}

// HolderOf is whom a form's data is about, as the paper names them: the
// register shows it to whoever gives the number and the date. For an apostille
// it is the apostilled document (the apostille names no person of its own).
// "" for data it does not know.
func HolderOf(data any) string {
	switch d := data.(type) {
	case *document.CriminalRecordCertificate:
		return d.FullName
	case *document.Apostille:
		s := d.Document.In(i18n.Default)
		if d.DocumentNumber != "" {
			s += " № " + d.DocumentNumber
		}
		return s
	case *document.ArchivalCertificate:
		return applicantName(d.Applicant)
	case *document.ArchivalNoDataReply:
		return applicantName(d.Applicant)
	case *document.InterimReply:
		return applicantName(d.Applicant)
	case *document.HearingNotice:
		return applicantName(d.Applicant)
	case *document.MotivatedRefusal:
		return applicantName(d.Applicant)
	case *document.AcceptanceReceipt:
		return applicantName(d.Applicant)
	case *document.RefusalToAcceptReceipt:
		return d.Recipient
	case *document.ComplaintTalon:
		return d.Complainant
	case *document.ComplaintReply:
		return applicantName(d.Complainant)
	}
	return ""
}

// applicantName is the organisation when a legal entity applies, else the person.
func applicantName(a document.Applicant) string {
	if a.Organization != "" {
		return a.Organization
	}
	return a.FullName
}
