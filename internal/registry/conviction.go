package registry

import (
	"context"

	"qyzmet/internal/calendar"
)

// Conviction is one conviction of the criminal records. Records made since
// IINs exist carry the IIN; older ones identify the person only by the name
// at the time and the date of birth.
type Conviction struct {
	ID  string `json:"id"`            // the record's number in the source system
	IIN string `json:"iin,omitempty"` // empty on old records
	// Name is the name the person bore when convicted.
	Name
	BirthDate   calendar.Date `json:"birth_date"`
	Article     string        `json:"article"` // of the Criminal Code, as the record writes it
	Court       string        `json:"court"`
	ConvictedOn calendar.Date `json:"convicted_on"`
	Sentence    string        `json:"sentence"`
	// ExpungedOn is the date the conviction is expunged by law (погашение);
	// RemovedOn the date a court removed it early (снятие). Zero when none.
	ExpungedOn calendar.Date `json:"expunged_on,omitzero"`
	RemovedOn  calendar.Date `json:"removed_on,omitzero"`
}

// EndsOn is the first day the conviction no longer counts: the earlier of
// ExpungedOn and RemovedOn, zero when neither is set.
func (c Conviction) EndsOn() calendar.Date {
	switch {
	case c.ExpungedOn.IsZero():
		return c.RemovedOn
	case c.RemovedOn.IsZero() || c.ExpungedOn.Before(c.RemovedOn):
		return c.ExpungedOn
	}
	return c.RemovedOn
}

// InForce reports whether the conviction counts on d: given on or before d and
// neither expunged nor removed by then.
func (c Conviction) InForce(d calendar.Date) bool {
	if d.Before(c.ConvictedOn) {
		return false
	}
	end := c.EndsOn()
	return end.IsZero() || d.Before(end)
}

// CriminalRecords is the register of convictions. Every read of it must be
// written to the AuditLog first; package decision does that.
type CriminalRecords interface {
	// ByIIN returns the convictions recorded under iin, oldest first.
	// Errors: apperr.Invalid when iin is not a valid IIN.
	ByIIN(ctx context.Context, iin string) ([]Conviction, error)

	// WithoutIIN returns the old records without an IIN of persons born on
	// born, oldest first.
	// Errors: apperr.Invalid when born is the zero date.
	WithoutIIN(ctx context.Context, born calendar.Date) ([]Conviction, error)
}
