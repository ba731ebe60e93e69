package frontdesk

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"unicode"

	"qyzmet/internal/apperr"
	"qyzmet/internal/calendar"
	"qyzmet/internal/casework"
	"qyzmet/internal/i18n"
	"qyzmet/internal/registry"
	"qyzmet/internal/standard"
	"qyzmet/internal/web/ui"
)

// Input names of the payment part of the intake form. The typed reference
// carries the engine's field name, so that its errors land next to it.
const (
	inPayPick = "payment.pick"      // a payment of the registry, by reference; "" for none
	inPayRef  = "payment.reference" // the reference printed on a paper receipt of the gateway
)

// maxPaymentChoices bounds the unclaimed payments a person's list offers:
// the newest first; an older one is entered by its reference.
const maxPaymentChoices = 20

// paymentForm is the state duty on the intake form: the gateway payments of
// the applicant no application holds yet, the one picked, the reference
// typed from a paper receipt, and — once found — the registry's payment.
type paymentForm struct {
	Choices []paymentChoice
	Pick    string
	Typed   string
	found   *registry.Payment
}

// paymentChoice is one of the applicant's unclaimed payments as the form
// offers it.
type paymentChoice struct {
	Reference, Amount, Payer, BudgetCode string
	PaidOn                               calendar.Date
}

// chosen is the reference the form settles on: the typed one wins over the
// pick, since the operator typed it from the receipt in hand.
func (pf paymentForm) chosen() string {
	if pf.Typed != "" {
		return pf.Typed
	}
	return pf.Pick
}

// dutyStandards are the services of the intake that charge a state duty: the
// form's own and the combined ones asked with it (CR-STD-10: the certificate
// is free, its apostille is not). One payment covers them all.
func (p *Pages) dutyStandards(std *standard.Standard, combined []standard.ServiceID) []*standard.Standard {
	today := calendar.DateOf(p.deps.Now())
	var out []*standard.Standard
	for _, s := range append([]standard.ServiceID{std.Service}, combined...) {
		if o, err := p.deps.Sys.Standards().At(s, today); err == nil && o.Fee != nil && !o.Fee.Free {
			out = append(out, o)
		}
	}
	return out
}

// offeredCombos are the combined services of the form that charge a duty,
// whether ticked or not: the list of payments is made before the operator
// ticks them.
func (f *intakeForm) offeredCombos() []standard.ServiceID {
	var out []standard.ServiceID
	for _, c := range f.Parties.Combos {
		if c.Fee != "" {
			out = append(out, standard.ServiceID(c.ID))
		}
	}
	return out
}

// payers are the IINs (and the BIN of a legal entity) whose payments the form
// lists: whoever stands at the window, and the entity they act for.
func (f *intakeForm) payers() []string {
	out := []string{f.IIN}
	if f.Parties.Kind == casework.KindLegalEntity && f.Parties.BIN != "" {
		out = append(out, f.Parties.BIN)
	}
	return out
}

// loadPayments fills the form's list with the payers' unclaimed payments that
// pay the duty of the form's services. Rule AC-10: a payment through the
// gateway is seen by the system, so the operator picks it rather than asking
// for a receipt.
func (p *Pages) loadPayments(ctx context.Context, f *intakeForm) error {
	if !f.Payable() {
		return nil
	}
	std, err := p.intakeStandard(standard.ServiceID(f.Service))
	if err != nil {
		return err
	}
	duties := p.dutyStandards(std, f.offeredCombos())
	pays, err := p.deps.Sys.Registries.Payments.Unclaimed(ctx, f.payers(), maxPaymentChoices)
	if err != nil {
		return err
	}
	f.Pay.Choices = nil
	for _, pay := range pays {
		// A payment that pays any one of the services is offered; the
		// choice of services is checked again when the form is sent.
		if !slices.ContainsFunc(duties, func(s *standard.Standard) bool { return p.payFits(pay, []*standard.Standard{s}) == nil }) {
			continue
		}
		f.Pay.Choices = append(f.Pay.Choices, paymentChoice{Reference: pay.Reference, Amount: tiynText(pay.AmountTiyn),
			Payer: pay.PayerName, BudgetCode: pay.BudgetCode, PaidOn: pay.PaidOn})
	}
	return nil
}

// payProblem is why a payment does not pay the duty: a message key and its
// arguments.
type payProblem struct {
	key  string
	args []any
}

// payFits checks pay against the duty of duties as the provider's payment
// check will (decision.Payments): the budget code of each standard that names
// one, and the amount. Rule AP-STD-6, AC-7: the duty is the MCI multiple per
// document at the MCI in force on the day of payment, not of the intake.
func (p *Pages) payFits(pay registry.Payment, duties []*standard.Standard) *payProblem {
	var due int64
	for _, s := range duties {
		if b := s.Fee.Budget; b != nil && pay.BudgetCode != b.KBK {
			return &payProblem{"frontdesk.pay.err.code", []any{pay.BudgetCode, b.KBK, b.Rule}}
		}
		q, err := p.deps.Sys.Standards().Fee(s, pay.PaidOn, 1)
		if err != nil {
			// No MCI is known for the day: no duty can be computed for it.
			return &payProblem{"frontdesk.pay.err.mci", []any{ui.FormatDate(pay.PaidOn)}}
		}
		due += q.Tiyn
	}
	if pay.AmountTiyn < due {
		return &payProblem{"frontdesk.pay.err.amount", []any{tiynText(pay.AmountTiyn), tiynText(due), ui.FormatDate(pay.PaidOn)}}
	}
	return nil
}

// findPayment settles the form's payment for the services asked: the
// registry's payment by the chosen reference, unclaimed and paying the duty.
// It returns the field error, "" when the payment fits or none is chosen.
func (p *Pages) findPayment(r *http.Request, std *standard.Standard, f *intakeForm, combined []standard.ServiceID, lang i18n.Lang) (string, error) {
	ctx, ref := r.Context(), f.Pay.chosen()
	if ref == "" {
		return "", nil
	}
	if !validReference(ref) {
		return ui.T("frontdesk.pay.err.reference", lang), nil
	}
	pay, err := p.deps.Sys.Registries.Payments.ByReference(ctx, ref)
	if apperr.CodeOf(err) == apperr.NotFound {
		return ui.Tf("frontdesk.pay.err.not_found", lang, ref), nil
	}
	if err != nil {
		return "", err
	}
	if pay.ApplicationID != "" && !p.sameApplicant(r, pay.ApplicationID, f) {
		// A payment pays for one application only (AP-STD-6).
		return ui.T("frontdesk.pay.err.claimed", lang), nil
	}
	duties := p.dutyStandards(std, combined)
	if len(duties) == 0 {
		return ui.T("frontdesk.pay.err.free", lang), nil
	}
	if prob := p.payFits(pay, duties); prob != nil {
		return ui.Tf(prob.key, lang, prob.args...), nil
	}
	f.Pay.found = &pay
	return "", nil
}

// validReference reports whether ref can be a payment reference: letters,
// digits, dashes and slashes, at most 64 of them. Anything else (markup, a
// pasted sentence) is refused before the registry is asked.
func validReference(ref string) bool {
	if len(ref) > 64 {
		return false
	}
	return !strings.ContainsFunc(ref, func(c rune) bool {
		return !unicode.IsLetter(c) && !unicode.IsDigit(c) && c != '-' && c != '/' && c != '_' && c != '.'
	})
}

// sameApplicant reports whether the application that holds a payment is one
// of the form's applicant: the same form sent twice (a double click) finds its
// payment taken by the application its first sending made, and goes on to the
// engine, which answers with that application. Any other holder is another
// application.
func (p *Pages) sameApplicant(r *http.Request, holder string, f *intakeForm) bool {
	app, err := p.deps.Sys.Engine.Get(r.Context(), actor(r), holder)
	if err != nil {
		return false
	}
	return slices.Contains(f.payers(), app.Applicant.IIN) || (app.Applicant.BIN != "" && slices.Contains(f.payers(), app.Applicant.BIN)) ||
		(app.Representative != nil && app.Representative.IIN == f.IIN)
}

// payment is the application's payment from the registry's: its reference,
// amount and date (Rule AC-10: no receipt is asked for).
func (pf paymentForm) payment() *casework.Payment {
	if pf.found == nil {
		return nil
	}
	return &casework.Payment{Method: casework.PaymentGateway, Reference: pf.found.Reference,
		AmountTenge: int((pf.found.AmountTiyn + 99) / 100), PaidOn: pf.found.PaidOn}
}

// claimDuty makes the accepted application's gateway payment pay for the
// application of the services that charge the duty, so that no other
// application can take it (AP-STD-6: one payment, one application). It runs
// after the acceptance: a package refused at intake leaves the payment to the
// applicant's next visit. The provider's check (decision.Payments) claims
// again for the same application, which changes nothing.
func (p *Pages) claimDuty(r *http.Request, app *casework.Application) {
	if app.Payment == nil || app.Payment.Method != casework.PaymentGateway || app.Payment.Reference == "" {
		return
	}
	holder := p.dutyApplication(app)
	if holder == "" {
		return
	}
	if _, err := p.deps.Sys.Registries.Payments.Claim(r.Context(), app.Payment.Reference, holder); err != nil {
		// The application stands; the provider's check names the payment's
		// problem to the officer.
		p.deps.Log.Warn("frontdesk: claim the payment of an intake", "application", app.ID, "reference", app.Payment.Reference, "err", err)
	}
}

// dutyApplication is the application that owes the duty among app and the
// services combined with it: the provider checks the payment on that one.
func (p *Pages) dutyApplication(app *casework.Application) string {
	on := calendar.DateOf(app.SubmittedAt)
	owes := func(s standard.ServiceID) bool {
		std, err := p.deps.Sys.Standards().At(s, on)
		return err == nil && std.Fee != nil && !std.Fee.Free
	}
	if owes(app.Service) {
		return app.ID
	}
	for _, l := range app.Links {
		if l.Kind == casework.LinkCombined && l.Part == casework.PartSecondary && owes(l.Service) {
			return l.ApplicationID
		}
	}
	return ""
}

// tiynText writes an amount in tiyn as tenge with the tiyn after a comma
// when there are any: 2 162,50 ₸.
func tiynText(tiyn int64) string {
	s := ui.Tenge(int(tiyn / 100))
	if tiyn%100 == 0 {
		return s
	}
	whole, sign, _ := strings.Cut(s, "\u00a0")
	return fmt.Sprintf("%s,%02d\u00a0%s", whole, tiyn%100, sign)
}
