package decision

import (
	"context"
	"fmt"

	"qyzmet/internal/apperr"
	"qyzmet/internal/calendar"
	"qyzmet/internal/i18n"
	"qyzmet/internal/registry"
	"qyzmet/internal/standard"
)

// PaymentRequest is an application's claim that the state duty is paid:
// through the payment gateway (Reference), or by a bank receipt the applicant
// uploaded (Receipt; its ConfirmedBy is the officer who confirmed it, empty
// until one has).
type PaymentRequest struct {
	ApplicationID string            `json:"application_id"`
	Documents     int               `json:"documents"`
	Reference     string            `json:"reference,omitempty"`
	Receipt       *registry.Payment `json:"receipt,omitempty"`
}

// PaymentOutcome is the verdict on the state duty.
type PaymentOutcome string

const (
	Paid                 PaymentOutcome = "paid"
	NotPaid              PaymentOutcome = "not-paid"
	AwaitingConfirmation PaymentOutcome = "awaiting-confirmation" // a receipt no officer has confirmed yet
	Free                 PaymentOutcome = "free"
)

// PaymentCheck is the result of Payments.Check.
type PaymentCheck struct {
	Outcome PaymentOutcome     `json:"outcome"`
	Rule    string             `json:"rule"`
	Due     *standard.FeeQuote `json:"due,omitempty"` // the duty at the MCI of the payment date
	Payment *registry.Payment  `json:"payment,omitempty"`
	Checks  []Check            `json:"checks,omitempty"`
}

// Payments checks the state duty of applications.
type Payments struct {
	Payments  registry.Payments
	Standards *standard.Set
}

// Check decides whether req pays the duty of std for req.Documents documents:
// the amount at the MCI in force on the payment date, the budget code of the
// standard, and a payment that no other application holds. A payment that
// passes is claimed for req.ApplicationID (a receipt is recorded as claimed),
// so it cannot pay for another application.
// Errors: apperr.Invalid for a request without an application or documents;
// the registry's errors.
func (p *Payments) Check(ctx context.Context, std *standard.Standard, req PaymentRequest) (PaymentCheck, error) {
	if std.Fee == nil {
		return PaymentCheck{}, apperr.E(apperr.Invalid, fmt.Sprintf("%s has no fee", std.Service))
	}
	rule := std.Fee.Rule
	if std.Fee.Free {
		// Rule CR-STD-6 (and the like): a free service needs no payment.
		return PaymentCheck{Outcome: Free, Rule: rule}, nil
	}
	if req.ApplicationID == "" || req.Documents < 1 {
		return PaymentCheck{}, apperr.E(apperr.Invalid, "a payment is checked for an application and a number of documents")
	}
	res := PaymentCheck{Outcome: NotPaid, Rule: rule}

	var pay registry.Payment
	switch {
	case req.Reference != "":
		// Rule AC-10 (and AP-STD-6): a payment through the gateway is fetched
		// from it; the applicant brings no receipt.
		got, err := p.Payments.ByReference(ctx, req.Reference)
		if apperr.CodeOf(err) == apperr.NotFound {
			res.Checks = append(res.Checks, Check{Field: "reference", Found: req.Reference, Rule: rule, Note: noteNoPayment})
			return res, nil
		}
		if err != nil {
			return res, err
		}
		pay = got
	case req.Receipt != nil:
		pay = *req.Receipt
		pay.Source, pay.ApplicationID = registry.FromReceipt, req.ApplicationID
		if pay.ConfirmedBy == "" {
			// Rule AP-STD-8, AC-9: the receipt stands in the package until an
			// officer compares it with the bank's statement.
			res.Outcome, res.Payment, res.Rule = AwaitingConfirmation, &pay, receiptRule(std, rule)
			return res, nil
		}
	default:
		res.Checks = append(res.Checks, Check{Field: "reference", Rule: rule, Note: noteNoPayment})
		return res, nil
	}
	res.Payment = &pay

	// Rule AP-STD-6, AC-7: the duty is the standard's MCI multiple per
	// document at the MCI in force on the day of payment.
	due, err := p.Standards.Fee(std, pay.PaidOn, req.Documents)
	if err != nil {
		return res, err
	}
	res.Due = &due
	amount := Check{Field: "amount", OK: pay.AmountTiyn >= due.Tiyn, Expected: tenge(due.Tiyn), Found: tenge(pay.AmountTiyn),
		Rule: rule, Note: noteAmount(due, pay.PaidOn)}
	if amount.OK && pay.AmountTiyn > due.Tiyn {
		amount.Note = noteOverpaid
	}
	res.Checks = append(res.Checks, amount)
	if b := std.Fee.Budget; b != nil {
		code := Check{Field: "budget_code", OK: pay.BudgetCode == b.KBK, Expected: b.KBK, Found: pay.BudgetCode, Rule: b.Rule, Note: noteBudgetCode}
		if code.OK {
			code.Note = noteBudgetCodeOK
		}
		res.Checks = append(res.Checks, code)
	}
	if pay.ApplicationID != "" && pay.ApplicationID != req.ApplicationID {
		res.Checks = append(res.Checks, Check{Field: "application", Expected: req.ApplicationID, Found: pay.ApplicationID, Rule: rule, Note: noteClaimed})
	}
	if passed(res.Checks) < len(res.Checks) {
		return res, nil
	}

	// A payment pays for one application only: the claim is atomic, so two
	// applications checked at once cannot both take it.
	if pay.Source == registry.FromReceipt {
		err = p.Payments.AddReceipt(ctx, pay)
	} else {
		pay, err = p.Payments.Claim(ctx, pay.Reference, req.ApplicationID)
		res.Payment = &pay
	}
	if apperr.CodeOf(err) == apperr.Conflict {
		res.Checks = append(res.Checks, Check{Field: "application", Expected: req.ApplicationID, Rule: rule, Note: noteClaimed})
		return res, nil
	}
	if err != nil {
		return res, err
	}
	res.Outcome = Paid
	return res, nil
}

// receiptRule is the rule of the standard's document "proof of payment when
// not paid through the gateway" (AP-STD-8, AC-9), else fallback.
func receiptRule(std *standard.Standard, fallback string) string {
	for _, d := range std.Documents {
		for _, c := range d.When {
			if c == standard.CondNotPaidViaGateway {
				return d.Rule
			}
		}
	}
	return fallback
}

// tenge writes tiyn as "1531.50".
func tenge(tiyn int64) string { return fmt.Sprintf("%d.%02d", tiyn/100, tiyn%100) }

func noteAmount(due standard.FeeQuote, on calendar.Date) i18n.Text {
	return i18n.Text{
		KK: fmt.Sprintf("%d құжат үшін %s күнгі АЕК (%d теңге) бойынша баж %s теңге.", due.Documents, on, due.MCI, tenge(due.Tiyn)),
		RU: fmt.Sprintf("Пошлина за %d док. по МРП на %s (%d тенге) — %s тенге.", due.Documents, on, due.MCI, tenge(due.Tiyn)),
		EN: fmt.Sprintf("The duty for %d document(s) at the MCI of %s (%d tenge) is %s tenge.", due.Documents, on, due.MCI, tenge(due.Tiyn)),
	}
}

var (
	noteNoPayment = i18n.Text{
		KK: "Төлем табылмады.",
		RU: "Платёж не найден.",
		EN: "No such payment.",
	}
	noteOverpaid = i18n.Text{
		KK: "Артық төленген; артығы заң бойынша қайтарылады.",
		RU: "Оплачено больше; излишек возвращается в установленном порядке.",
		EN: "Overpaid; the excess is refunded as the law provides.",
	}
	noteBudgetCode = i18n.Text{
		KK: "Бюджеттік жіктеу коды стандарттағыдан өзгеше.",
		RU: "Код бюджетной классификации отличается от указанного в стандарте.",
		EN: "The budget classification code is not the standard's.",
	}
	noteBudgetCodeOK = i18n.Text{
		KK: "Бюджеттік жіктеу коды стандарттағымен сәйкес.",
		RU: "Код бюджетной классификации совпадает со стандартом.",
		EN: "The budget classification code is the standard's.",
	}
	noteClaimed = i18n.Text{
		KK: "Бұл төлем басқа өтініш үшін пайдаланылған: бір төлем бір өтінішке ғана.",
		RU: "Этот платёж уже использован для другого заявления: один платёж — одно заявление.",
		EN: "This payment already pays for another application: one payment, one application.",
	}
)
