package registry

import (
	"context"

	"qyzmet/internal/calendar"
)

// PaymentSource says how a payment became known.
type PaymentSource string

const (
	// FromGateway is a payment the e-government payment gateway reported; it
	// needs no receipt from the applicant (AC-9, AC-10).
	FromGateway PaymentSource = "gateway"
	// FromReceipt is a bank receipt the applicant uploaded and an officer confirmed.
	FromReceipt PaymentSource = "receipt"
)

// Payment is a payment of a state duty. A payment pays for one application
// only: ApplicationID is set when an application claims it.
type Payment struct {
	Reference  string        `json:"reference"` // the gateway's or the bank's payment reference
	PayerIIN   string        `json:"payer_iin"` // an IIN, or a BIN for a legal entity
	PayerName  string        `json:"payer_name"`
	AmountTiyn int64         `json:"amount_tiyn"` // 1 tenge = 100 tiyn
	BudgetCode string        `json:"budget_code"` // КБК
	PaidOn     calendar.Date `json:"paid_on"`
	Source     PaymentSource `json:"source"`
	// ApplicationID is the application the payment pays for; empty while unclaimed.
	ApplicationID string `json:"application_id,omitempty"`
	// ConfirmedBy is the officer who confirmed an uploaded receipt.
	ConfirmedBy string `json:"confirmed_by,omitempty"`
}

// Payments is the register of received payments.
type Payments interface {
	// ByReference returns the payment with reference ref.
	// Errors: apperr.NotFound.
	ByReference(ctx context.Context, ref string) (Payment, error)

	// Claim makes the payment ref pay for application applicationID and returns
	// it; claiming it again for the same application is a no-op.
	// Errors: apperr.NotFound; apperr.Conflict when another application
	// already holds the payment.
	Claim(ctx context.Context, ref, applicationID string) (Payment, error)

	// AddReceipt records a receipt an officer confirmed (Source FromReceipt) as
	// a payment claimed by p.ApplicationID.
	// Errors: apperr.Invalid when p is not valid; apperr.Conflict when the
	// reference is already recorded for another application.
	AddReceipt(ctx context.Context, p Payment) error
}
