// Package eregister is Qyzmet's e-Register of issued documents (in the manner of
// the HCCH e-APP e-Register) and the pipeline that issues them.
//
// An Issuer renders a form, gives it a unique number and a QR link to its
// e-Register page, signs it with the provider's key and records it — all in the
// caller's transaction, so that the casework engine issues a result and its
// document together or not at all. A Register answers the public: given a
// document's number and its issue date (or the QR link's code) it says whether
// Qyzmet issued it, its kind, issuer, signer and capacity, date and status; given
// a PDF it says whether the file is the unaltered original. A wrong guess gets the
// same answer as a number that was never issued. Annul withdraws a document with
// a recorded event.
//
// docs/eregister.md describes the numbering, what is stored, what is shown to
// whom, the rate limits and how a bank or an embassy abroad checks a paper.
package eregister

import (
	"time"

	"qyzmet/internal/calendar"
	"qyzmet/internal/i18n"
)

// Status is where a document stands.
type Status string

const (
	StatusValid    Status = "valid"
	StatusAnnulled Status = "annulled"
)

// Text is the status in words.
func (s Status) Text() i18n.Text {
	if s == StatusAnnulled {
		return i18n.Text{KK: "Күші жойылған", RU: "Аннулирован", EN: "Annulled"}
	}
	return i18n.Text{KK: "Жарамды", RU: "Действителен", EN: "Valid"}
}

// Entry is what the register knows of one issued document.
type Entry struct {
	Number      string
	Form        string    // the form's ID
	Kind        i18n.Text // the form's title when it was issued
	Issuer      i18n.Text // the issuing body
	Signer      string    // the official who signed
	Capacity    i18n.Text // the official's capacity
	Certificate string    // subject of the signing certificate
	IssuedAt    time.Time
	IssuedOn    calendar.Date // the date of issue in Almaty, as printed on the paper
	Holder      string        // the person (or organisation) the document is about
	SHA256      string        // hex SHA-256 of the signed PDF
	Size        int64
	Specimen    bool   // sample data: not a real document
	Application string // the casework application, if any
	Status      Status
	Annulment   *Annulled // set when Status is StatusAnnulled
}

// Annulled says when and why a document was annulled.
type Annulled struct {
	At     time.Time
	On     calendar.Date // in Almaty
	Reason Reason
}

// Event is one recorded change of a document: its issue or its annulment.
type Event struct {
	Seq    int64
	Number string
	Type   string // EventIssued or EventAnnulled
	Actor  string
	At     time.Time
	Reason Reason // annulment only
	Note   string // annulment only: the officer's words, for the file, never shown publicly
}

// Event types.
const (
	EventIssued   = "issued"
	EventAnnulled = "annulled"
)

// Message keys of the errors this package returns (apperr.Error.Key). The web
// and the CLI translate them.
const (
	KeyNumberFormat     = "eregister.number_format"     // the input is not shaped like a number
	KeyNumberCheck      = "eregister.number_check"      // the check digit does not match
	KeyDateFormat       = "eregister.date_format"       // the date is not a date
	KeyProofMissing     = "eregister.proof_missing"     // neither a date nor a code was given
	KeyNoMatch          = "eregister.no_match"          // no document with this number and date (or code)
	KeyAlreadyAnnulled  = "eregister.already_annulled"  // Annul of an annulled document
	KeyUnknownReason    = "eregister.unknown_reason"    // Annul with a reason not in Reasons
	KeyNotPDF           = "eregister.not_pdf"           // an upload that is not a PDF by its content
	KeyUnknownForm      = "eregister.unknown_form"      // Issue of a form the renderer does not know
	KeyIncompleteIssue  = "eregister.incomplete_issue"  // Issue without holder, issuer, signer, capacity or actor
	KeyIncompleteAnnul  = "eregister.incomplete_annul"  // Annul without an actor
	KeyUnknownDocument  = "eregister.unknown_document"  // Annul or Lookup of a number never issued
	KeyFileTooLarge     = "eregister.file_too_large"    // an upload over MaxFileSize
	KeyFileNotSigned    = "eregister.file_not_signed"   // reasons a file is not an original …
	KeyFileModified     = "eregister.file_modified"     // … changed after signing
	KeyFileUntrusted    = "eregister.file_untrusted"    // … not signed by a trusted provider key
	KeyFileDamaged      = "eregister.file_damaged"      // … the signature or structure is damaged
	KeyFileUnregistered = "eregister.file_unregistered" // … validly signed but its number is not in the register
	KeyFileDiffers      = "eregister.file_differs"      // … validly signed, registered, but not the registered bytes
)
