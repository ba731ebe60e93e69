package registry

import (
	"context"
	"strings"

	"qyzmet/internal/calendar"
	"qyzmet/internal/i18n"
)

// BodyKind is the kind of state body an official signs for. The prosecution
// apostille (AP) covers prosecution, investigation and inquiry bodies; the
// court apostille (AC) covers courts.
type BodyKind string

const (
	Prosecution   BodyKind = "prosecution"
	Investigation BodyKind = "investigation"
	Inquiry       BodyKind = "inquiry"
	Court         BodyKind = "court"
)

// Text is the kind of body in words.
func (k BodyKind) Text() i18n.Text {
	switch k {
	case Prosecution:
		return i18n.Text{KK: "прокуратура органы", RU: "орган прокуратуры", EN: "prosecution body"}
	case Investigation:
		return i18n.Text{KK: "тергеу органы", RU: "орган следствия", EN: "investigation body"}
	case Inquiry:
		return i18n.Text{KK: "анықтау органы", RU: "орган дознания", EN: "inquiry body"}
	case Court:
		return i18n.Text{KK: "сот", RU: "суд", EN: "court"}
	}
	return i18n.Text{}
}

// Signatory is the specimen of the signature and seal of one official: the
// card the provider checks an official document against (AP-6.2).
type Signatory struct {
	ID string `json:"id"`
	Name
	Position  string        `json:"position"`
	Body      string        `json:"body"`
	BodyKind  BodyKind      `json:"body_kind"`
	SealID    string        `json:"seal_id"`
	ValidFrom calendar.Date `json:"valid_from"`
	ValidTo   calendar.Date `json:"valid_to,omitzero"` // zero: still valid
}

// ValidOn reports whether the specimen was in force on d.
func (s Signatory) ValidOn(d calendar.Date) bool {
	return !d.Before(s.ValidFrom) && (s.ValidTo.IsZero() || !d.After(s.ValidTo))
}

// SealKey is the form in which seal IDs compare: without surrounding spaces,
// in upper case (a clerk types pr-01-001 for PR-01-001). The registry stores
// seal IDs in this form.
func SealKey(id string) string { return strings.ToUpper(strings.TrimSpace(id)) }

// SpecimenQuery names the seal and the signer of a document.
type SpecimenQuery struct {
	SealID  string
	Surname string
}

// Signatories is the card index of specimens of signatures and seals.
type Signatories interface {
	// Specimens returns the specimens whose seal has the SealKey of q.SealID or
	// whose signer's surname is Fold-equal to q.Surname, in ID order; none is
	// not an error.
	// Errors: apperr.Invalid when q is empty.
	Specimens(ctx context.Context, q SpecimenQuery) ([]Signatory, error)
}
