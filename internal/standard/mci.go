package standard

import (
	"math"
	"slices"

	"qyzmet/internal/calendar"
	"qyzmet/internal/i18n"
)

// MCIPurpose is what an MCI value is for. Usually one value serves everything, but
// in 2022 the budget law raised the MCI for benefits and social payments only
// (3,180 tenge from 1 April 2022) and kept 3,063 tenge for penalties, taxes and
// other payments, the state duty among them (see docs/standards.md).
type MCIPurpose string

const (
	PurposePayments MCIPurpose = "payments"        // penalties, taxes, state duties and other payments
	PurposeSocial   MCIPurpose = "social-payments" // benefits and other social payments
)

// MCITable is the monthly calculation index by date (standards/mci.yaml). A value
// holds from its date until the next value for the same purpose; the table is
// known up to ValidUntil (the end of the last budget year it covers).
type MCITable struct {
	ValidUntil calendar.Date `yaml:"valid_until" json:"valid_until"`
	Values     []MCIValue    `yaml:"values" json:"values"`
}

// MCIValue is one value of the MCI and the act that set it.
type MCIValue struct {
	From      calendar.Date `yaml:"from" json:"from"`
	Tenge     int           `yaml:"tenge" json:"tenge"`
	AppliesTo []MCIPurpose  `yaml:"applies_to" json:"applies_to"`
	Ref       string        `yaml:"ref" json:"ref"` // short citation of the act, returned with the value
	Act       i18n.Text     `yaml:"act" json:"act"`
}

// lookup is the value for purpose p in force on d.
func (t MCITable) lookup(d calendar.Date, p MCIPurpose) (MCIValue, error) {
	var found *MCIValue
	for i, v := range t.Values {
		if slices.Contains(v.AppliesTo, p) && !d.Before(v.From) && (found == nil || v.From.After(found.From)) {
			found = &t.Values[i]
		}
	}
	if found == nil || d.After(t.ValidUntil) {
		return MCIValue{}, errorf(ErrNoMCI, "mci.yaml",
			"%s күнге айлық есептік көрсеткіш кестеде жоқ (кесте %s дейін)",
			"в таблице нет месячного расчётного показателя на %s (таблица до %s)",
			"the MCI table has no value for %s (it runs to %s)", d, t.ValidUntil)
	}
	return *found, nil
}

// FeeQuote is the state duty for a number of documents on a date.
type FeeQuote struct {
	Free      bool
	Documents int
	MCI       int    // tenge per MCI on the date
	MCIRef    string // the act that set it
	Tiyn      int64  // the total in tiyn (1/100 tenge)
	Rule      string // the standard's fee rule
}

// hundredths is an MCI multiple in hundredths (0.5 → 50); ok is false when the
// multiple has more than two decimals, which the loader rejects.
func hundredths(multiple float64) (int64, bool) {
	h := math.Round(multiple * 100)
	return int64(h), math.Abs(multiple*100-h) < 1e-9
}
