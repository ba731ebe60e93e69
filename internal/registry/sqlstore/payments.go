package sqlstore

import (
	"context"
	"strings"

	"qyzmet/internal/apperr"
	"qyzmet/internal/registry"
	"qyzmet/internal/store"
)

// Payments is the register of payments in the database; it implements
// registry.Payments.
type Payments struct{ db *store.DB }

var _ registry.Payments = (*Payments)(nil)

// paymentsTable is what an import writes: the gateway's data. The claim
// (application_id, claimed_at) is ours and survives a re-import.
var paymentsTable = &bulkTable{name: "payments", key: []string{"reference"},
	cols: splitColumns(`reference, payer_iin, payer_name, amount_tiyn, budget_code, paid_on, source`)}

const paymentColumns = `reference, payer_iin, payer_name, amount_tiyn, budget_code, paid_on, source, confirmed_by, application_id`

// PaymentRows encodes ps (valid, with distinct references) for an upsert.
func PaymentRows(ps []registry.Payment) (Rows, error) {
	args := make([]any, 0, len(ps)*len(paymentsTable.cols))
	for _, p := range ps {
		args = append(args, p.Reference, p.PayerIIN, p.PayerName, p.AmountTiyn, p.BudgetCode, dateArg(p.PaidOn), string(p.Source))
	}
	return Rows{paymentsTable, args}, nil
}

// UpsertPayments writes ps (valid, with distinct references) in tx.
func UpsertPayments(ctx context.Context, tx *store.Tx, ps []registry.Payment) error {
	rows, err := PaymentRows(ps)
	if err != nil {
		return err
	}
	return rows.Write(ctx, tx)
}

func scanPayment(row interface{ Scan(...any) error }) (registry.Payment, error) {
	var p registry.Payment
	var source string
	err := row.Scan(&p.Reference, &p.PayerIIN, &p.PayerName, &p.AmountTiyn, &p.BudgetCode, dateCol{&p.PaidOn}, &source,
		&p.ConfirmedBy, stringCol{&p.ApplicationID})
	p.Source = registry.PaymentSource(source)
	return p, err
}

func getPayment(ctx context.Context, tx *store.Tx, ref string) (registry.Payment, error) {
	p, err := scanPayment(tx.QueryRow(ctx, `SELECT `+paymentColumns+` FROM payments WHERE reference = ?`, ref))
	if apperr.CodeOf(err) == apperr.NotFound {
		return p, apperr.Wrap(apperr.NotFound, err, "no payment with this reference").WithKey("registry.payment_not_found")
	}
	return p, err
}

// ByReference returns the payment with reference ref.
func (s *Payments) ByReference(ctx context.Context, ref string) (registry.Payment, error) {
	var p registry.Payment
	err := s.db.ReadTx(ctx, func(tx *store.Tx) error {
		var err error
		p, err = getPayment(ctx, tx, ref)
		return err
	})
	return p, err
}

// Unclaimed are the payments of any of payers (IINs or BINs) that no
// application holds yet, newest first, at most limit: what an operator offers
// the applicant at the window (AC-10).
func (s *Payments) Unclaimed(ctx context.Context, payers []string, limit int) ([]registry.Payment, error) {
	if len(payers) == 0 {
		return nil, nil
	}
	marks := strings.TrimSuffix(strings.Repeat("?, ", len(payers)), ", ")
	args := make([]any, 0, len(payers)+1)
	for _, p := range payers {
		args = append(args, p)
	}
	args = append(args, limit)
	var out []registry.Payment
	err := s.db.ReadTx(ctx, func(tx *store.Tx) error {
		rows, err := tx.Query(ctx, `SELECT `+paymentColumns+` FROM payments WHERE payer_iin IN (`+marks+`) AND application_id IS NULL
			ORDER BY paid_on DESC, reference LIMIT ?`, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			p, err := scanPayment(rows)
			if err != nil {
				return err
			}
			out = append(out, p)
		}
		return rows.Err()
	})
	return out, err
}

var errClaimed = apperr.E(apperr.Conflict, "the payment already pays for another application").WithKey("registry.payment_claimed")

// Claim makes the payment pay for applicationID. The check and the claim are
// one transaction, so two applications cannot both take one payment.
func (s *Payments) Claim(ctx context.Context, ref, applicationID string) (registry.Payment, error) {
	if applicationID == "" {
		return registry.Payment{}, apperr.E(apperr.Invalid, "a payment is claimed for an application")
	}
	var p registry.Payment
	err := s.db.Tx(ctx, func(tx *store.Tx) error {
		var err error
		if p, err = getPayment(ctx, tx, ref); err != nil {
			return err
		}
		switch p.ApplicationID {
		case applicationID:
			return nil
		case "":
		default:
			return errClaimed
		}
		p.ApplicationID = applicationID
		_, err = tx.Exec(ctx, `UPDATE payments SET application_id = ?, claimed_at = ? WHERE reference = ?`, applicationID, tx.Now(), ref)
		return err
	})
	return p, err
}

// AddReceipt records a confirmed receipt as a payment claimed by its application.
func (s *Payments) AddReceipt(ctx context.Context, p registry.Payment) error {
	if p.Source != registry.FromReceipt || p.ApplicationID == "" || p.ConfirmedBy == "" {
		return apperr.E(apperr.Invalid, "a receipt is recorded for an application, confirmed by an officer")
	}
	if err := p.Validate(); err != nil {
		return apperr.Wrap(apperr.Invalid, err, "the receipt is not valid")
	}
	return s.db.Tx(ctx, func(tx *store.Tx) error {
		old, err := getPayment(ctx, tx, p.Reference)
		switch {
		case err == nil && old.ApplicationID == p.ApplicationID:
			return nil
		case err == nil:
			return errClaimed
		case apperr.CodeOf(err) != apperr.NotFound:
			return err
		}
		_, err = tx.Exec(ctx, `INSERT INTO payments (`+paymentColumns+`, claimed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			p.Reference, p.PayerIIN, p.PayerName, p.AmountTiyn, p.BudgetCode, dateArg(p.PaidOn), string(p.Source),
			p.ConfirmedBy, p.ApplicationID, tx.Now())
		return err
	})
}
