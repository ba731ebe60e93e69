package apply

import (
	"context"
	"crypto/rand"
	"fmt"
	"net/http"
	"strings"

	"qyzmet/internal/apperr"
	"qyzmet/internal/calendar"
	"qyzmet/internal/casework"
	"qyzmet/internal/registry"
	"qyzmet/internal/registry/sqlstore"
	"qyzmet/internal/standard"
	"qyzmet/internal/store"
	"qyzmet/internal/web/ui"
)

// The payment-gateway simulator stands in for the e-government payment
// gateway in development: it records the payment in the payments registry
// exactly as the gateway's import would (source "gateway"), so the
// provider's payment check (decision.Payments) finds and claims it.

// stateDutyKBK is the budget classification code of the state duty for an
// apostille: AP-STD-6 names it (108125); the court standard (AC-7) names no
// budget details, and the same duty goes to the same code.
const stateDutyKBK = "108125"

// payView is the simulator's page.
type payView struct {
	Draft    draft
	Service  string
	Combined []string
	DueText  string
	Payer    string
	Merchant string
}

func (p *Pages) payPage(w http.ResponseWriter, r *http.Request) {
	lang := ui.RequestLang(w, r)
	d, std, ok := p.openDraft(w, r)
	if !ok {
		return
	}
	pr := p.profile(std)
	due, err := p.due(pr, d.Data.Form, p.today())
	if err != nil {
		p.views.Fail(w, r, err)
		return
	}
	if due == 0 || d.Data.Payment != nil {
		http.Redirect(w, r, ui.PathApply+"/confirm/"+d.ID, http.StatusSeeOther)
		return
	}
	_, payerName := p.applicant(r.Context(), ui.Principal(r)).payer()
	v := payView{Draft: d, Service: std.Name.In(lang), DueText: tiynText(due), Payer: payerName}
	for _, s := range pr.Combined {
		if containsService(d.Data.Form.Combined, s.Service) {
			v.Combined = append(v.Combined, s.Name.In(lang))
		}
	}
	if std.Fee != nil && std.Fee.Budget != nil {
		v.Merchant = std.Fee.Budget.Recipient.In(lang)
	}
	p.views.Render(w, r, http.StatusOK, "pay", lang, ui.T("apply.pay.title", lang), v)
}

// pay records the payment (or the refusal to pay) and goes on to the
// certification; a second "Pay" on a paid draft pays nothing twice.
func (p *Pages) pay(w http.ResponseWriter, r *http.Request) {
	lang := ui.RequestLang(w, r)
	d, std, ok := p.openDraft(w, r)
	if !ok {
		return
	}
	if r.PostForm.Get("action") != "pay" {
		http.Redirect(w, r, ui.PathApply+"/"+string(d.Service)+"?declined=1&draft="+d.ID, http.StatusSeeOther)
		return
	}
	if d.Data.Payment == nil {
		pr := p.profile(std)
		due, err := p.due(pr, d.Data.Form, p.today())
		if err != nil {
			p.views.Fail(w, r, err)
			return
		}
		me := p.applicant(r.Context(), ui.Principal(r))
		if me.ActingBIN != "" && me.Org == nil {
			// Rule G-8: the authority ended after the form was filled in;
			// nobody pays for an application that cannot be made.
			p.views.Fail(w, r, apperr.E(apperr.Forbidden, "the authority to act for the organisation has ended").WithKey(keyOrgEnded))
			return
		}
		payer, name := me.payer()
		pay, err := p.recordPayment(r.Context(), payer, name, std, due)
		if err != nil {
			p.views.Fail(w, r, err)
			return
		}
		d.Data.Payment = pay
		if err := p.drafts.update(r.Context(), d); err != nil {
			p.views.Fail(w, r, err)
			return
		}
	}
	p.sendCode(w, r, d, lang)
}

// payer is who pays the duty of me's application, by IIN or BIN and name:
// the legal entity me acts for (Rule CR-3: the organisation is the
// applicant, and the provider and the front desk look its payments up by its
// BIN), else me.
func (a applicant) payer() (id, name string) {
	if a.Org != nil {
		return a.Org.BIN, a.Org.OrgName
	}
	return a.IIN, a.Name.String()
}

// recordPayment writes a gateway payment of due tiyn into the payments
// registry and returns it as the application's payment (AC-10: a payment
// through the gateway needs no receipt).
func (p *Pages) recordPayment(ctx context.Context, payer, name string, std *standard.Standard, due int64) (*casework.Payment, error) {
	today := p.today()
	kbk := stateDutyKBK
	if std.Fee != nil && std.Fee.Budget != nil {
		kbk = std.Fee.Budget.KBK
	}
	if strings.TrimSpace(name) == "" {
		name = payer
	}
	rp := registry.Payment{Reference: "SIM-" + reference(), PayerIIN: payer, PayerName: name, AmountTiyn: due,
		BudgetCode: kbk, PaidOn: today, Source: registry.FromGateway}
	if err := rp.Validate(); err != nil {
		return nil, err
	}
	err := p.deps.Sys.DB.Tx(ctx, func(tx *store.Tx) error {
		return sqlstore.UpsertPayments(ctx, tx, []registry.Payment{rp})
	})
	if err != nil {
		return nil, err
	}
	return &casework.Payment{Method: casework.PaymentGateway, Reference: rp.Reference, AmountTenge: tengeUp(due), PaidOn: today}, nil
}

// receiptPayment is the payment a bank receipt states; an officer compares it
// with the bank's statement (decision.Payments).
func receiptPayment(f formInput, due int64) *casework.Payment {
	day, _ := calendar.ParseDate(f.ReceiptDate)
	return &casework.Payment{Method: casework.PaymentReceipt, Reference: f.ReceiptRef, AmountTenge: tengeUp(due), PaidOn: day}
}

// tengeUp is an amount in whole tenge, rounded up: nobody pays half a tenge less.
func tengeUp(tiyn int64) int { return int((tiyn + 99) / 100) }

// reference is a gateway-like payment reference: 12 characters without the
// ones people confuse.
func reference() string {
	const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
	b := make([]byte, 12)
	rand.Read(b)
	for i := range b {
		b[i] = alphabet[int(b[i])%len(alphabet)]
	}
	return string(b)
}

// openDraft is the applicant's draft of the URL that has not become an
// application, with its standard; it answers the request itself otherwise.
func (p *Pages) openDraft(w http.ResponseWriter, r *http.Request) (draft, *standard.Standard, bool) {
	d, err := p.drafts.get(r.Context(), draftOwner(ui.Principal(r)), r.PathValue("draft"))
	if err != nil {
		p.views.Fail(w, r, err)
		return d, nil, false
	}
	if d.ApplicationID != "" {
		http.Redirect(w, r, cabinetPath(d.ApplicationID), http.StatusSeeOther)
		return d, nil, false
	}
	std, err := p.deps.Sys.Standards().At(d.Service, p.today())
	if err != nil {
		p.views.NotFound(w, r)
		return d, nil, false
	}
	return d, std, true
}

// tiynText writes an amount with its tiyn: 2 162,50 ₸.
func tiynText(tiyn int64) string {
	s := ui.Tenge(int(tiyn / 100))
	if rest := tiyn % 100; rest != 0 {
		num, cur, _ := strings.Cut(s, "\u00a0")
		return num + "," + fmt.Sprintf("%02d", rest) + "\u00a0" + cur
	}
	return s
}
