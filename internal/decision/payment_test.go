package decision_test

import (
	"context"
	"strings"
	"testing"

	"qyzmet/internal/apperr"
	"qyzmet/internal/calendar"
	"qyzmet/internal/decision"
	"qyzmet/internal/registry"
	"qyzmet/internal/standard"
)

// gateway is a gateway payment of amount tiyn paid on on.
func gateway(ref string, tiyn int64, on calendar.Date) registry.Payment {
	return registry.Payment{Reference: ref, PayerIIN: father.IIN, PayerName: "Ахметов С. Б.", AmountTiyn: tiyn,
		BudgetCode: "108125", PaidOn: on, Source: registry.FromGateway}
}

func TestPaymentCheck(t *testing.T) {
	set, err := standard.Default()
	if err != nil {
		t.Fatal(err)
	}
	// The MCI for payments was 3,932 tenge in 2025 and 4,325 in 2026: half of
	// it per document is 1,966.00 and 2,162.50.
	due2025, due2026 := int64(196600), int64(216250)
	tests := []struct {
		name    string
		service standard.ServiceID
		req     decision.PaymentRequest
		edit    func(r *registries)
		outcome decision.PaymentOutcome
		rule    string
		failed  string
		due     int64
	}{
		{name: "AP-STD-6 AC-10 the gateway payment is the duty at the MCI of its day", service: standard.ApostilleProsecution,
			req: decision.PaymentRequest{ApplicationID: "A-1", Documents: 1, Reference: "GW-2026"}, outcome: decision.Paid, rule: "AP-STD-6", due: due2026},
		{name: "AP-STD-6 paid in 2025, the 2025 MCI applies", service: standard.ApostilleProsecution,
			req: decision.PaymentRequest{ApplicationID: "A-1", Documents: 1, Reference: "GW-2025"}, outcome: decision.Paid, rule: "AP-STD-6", due: due2025},
		{name: "AP-STD-6 two documents need twice the duty", service: standard.ApostilleProsecution,
			req: decision.PaymentRequest{ApplicationID: "A-1", Documents: 2, Reference: "GW-2026"}, outcome: decision.NotPaid, rule: "AP-STD-6",
			failed: "amount", due: 2 * due2026},
		{name: "AP-STD-6 paid with last year's MCI: short", service: standard.ApostilleProsecution,
			req: decision.PaymentRequest{ApplicationID: "A-1", Documents: 1, Reference: "GW-SHORT"}, outcome: decision.NotPaid, rule: "AP-STD-6",
			failed: "amount", due: due2026},
		{name: "AP-STD-6 another budget code", service: standard.ApostilleProsecution,
			req:     decision.PaymentRequest{ApplicationID: "A-1", Documents: 1, Reference: "GW-2026"},
			edit:    func(r *registries) { p := r.payments["GW-2026"]; p.BudgetCode = "108101"; r.payments["GW-2026"] = p },
			outcome: decision.NotPaid, rule: "AP-STD-6", failed: "budget_code", due: due2026},
		{name: "AP-STD-6 a payment pays for one application only", service: standard.ApostilleProsecution,
			req:     decision.PaymentRequest{ApplicationID: "A-2", Documents: 1, Reference: "GW-2026"},
			edit:    func(r *registries) { p := r.payments["GW-2026"]; p.ApplicationID = "A-1"; r.payments["GW-2026"] = p },
			outcome: decision.NotPaid, rule: "AP-STD-6", failed: "application", due: due2026},
		{name: "AP-STD-6 the same application checking again keeps its payment", service: standard.ApostilleProsecution,
			req:     decision.PaymentRequest{ApplicationID: "A-1", Documents: 1, Reference: "GW-2026"},
			edit:    func(r *registries) { p := r.payments["GW-2026"]; p.ApplicationID = "A-1"; r.payments["GW-2026"] = p },
			outcome: decision.Paid, rule: "AP-STD-6", due: due2026},
		{name: "AP-STD-6 an unknown reference", service: standard.ApostilleProsecution,
			req: decision.PaymentRequest{ApplicationID: "A-1", Documents: 1, Reference: "GW-404"}, outcome: decision.NotPaid, rule: "AP-STD-6", failed: "reference"},
		{name: "AP-STD-6 nothing paid", service: standard.ApostilleProsecution,
			req: decision.PaymentRequest{ApplicationID: "A-1", Documents: 1}, outcome: decision.NotPaid, rule: "AP-STD-6", failed: "reference"},
		{name: "AP-STD-8 an uploaded receipt waits for an officer", service: standard.ApostilleProsecution,
			req:     decision.PaymentRequest{ApplicationID: "A-1", Documents: 1, Receipt: receipt("BANK-1", due2026, "")},
			outcome: decision.AwaitingConfirmation, rule: "AP-STD-8"},
		{name: "AP-STD-6 a confirmed receipt", service: standard.ApostilleProsecution,
			req:     decision.PaymentRequest{ApplicationID: "A-1", Documents: 1, Receipt: receipt("BANK-1", due2026, "officer-7")},
			outcome: decision.Paid, rule: "AP-STD-6", due: due2026},
		{name: "AP-STD-6 a confirmed receipt already used by another application", service: standard.ApostilleProsecution,
			req: decision.PaymentRequest{ApplicationID: "A-1", Documents: 1, Receipt: receipt("BANK-1", due2026, "officer-7")},
			edit: func(r *registries) {
				p := *receipt("BANK-1", due2026, "officer-2")
				p.ApplicationID, p.Source = "A-9", registry.FromReceipt
				r.payments["BANK-1"] = p
			},
			outcome: decision.NotPaid, rule: "AP-STD-6", failed: "application", due: due2026},
		{name: "AC-7 the court apostille's duty, overpaid is paid", service: standard.ApostilleCourt,
			req:     decision.PaymentRequest{ApplicationID: "A-1", Documents: 1, Reference: "GW-2026"},
			edit:    func(r *registries) { p := r.payments["GW-2026"]; p.AmountTiyn = 300000; r.payments["GW-2026"] = p },
			outcome: decision.Paid, rule: "AC-7", due: due2026},
		{name: "AC-9 a receipt at the court apostille waits for an officer", service: standard.ApostilleCourt,
			req:     decision.PaymentRequest{ApplicationID: "A-1", Documents: 1, Receipt: receipt("BANK-1", due2026, "")},
			outcome: decision.AwaitingConfirmation, rule: "AC-9"},
		{name: "CR-STD-6 the criminal-record certificate is free", service: standard.CriminalRecord,
			req: decision.PaymentRequest{ApplicationID: "A-1", Documents: 1}, outcome: decision.Free, rule: "CR-STD-6"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := &registries{payments: map[string]registry.Payment{
				"GW-2026":  gateway("GW-2026", due2026, calendar.D(2026, 1, 15)),
				"GW-2025":  gateway("GW-2025", due2025, calendar.D(2025, 12, 31)),
				"GW-SHORT": gateway("GW-SHORT", due2025, calendar.D(2026, 1, 2)),
			}}
			if tt.edit != nil {
				tt.edit(r)
			}
			c := &decision.Payments{Payments: payments{r}, Standards: set}
			res, err := c.Check(context.Background(), standardAt(t, tt.service), tt.req)
			if err != nil {
				t.Fatal(err)
			}
			var failed []string
			for _, ch := range res.Checks {
				if !ch.OK {
					failed = append(failed, ch.Field)
				}
				if !ch.Note.Complete() {
					t.Errorf("check %+v", ch)
				}
			}
			var due int64
			if res.Due != nil {
				due = res.Due.Tiyn
			}
			if res.Outcome != tt.outcome || res.Rule != tt.rule || strings.Join(failed, ",") != tt.failed || due != tt.due {
				t.Errorf("got %s (%s) failed %v due %d; want %s (%s) failed %q due %d", res.Outcome, res.Rule, failed, due, tt.outcome, tt.rule, tt.failed, tt.due)
			}
			// A payment that passes now belongs to the application, and to no other.
			if res.Outcome == decision.Paid {
				ref := tt.req.Reference
				if tt.req.Receipt != nil {
					ref = tt.req.Receipt.Reference
				}
				if got := r.payments[ref].ApplicationID; got != tt.req.ApplicationID {
					t.Errorf("payment %s claimed by %q", ref, got)
				}
			}
		})
	}
}

func receipt(ref string, tiyn int64, confirmedBy string) *registry.Payment {
	return &registry.Payment{Reference: ref, PayerIIN: father.IIN, PayerName: "Ахметов С. Б.", AmountTiyn: tiyn,
		BudgetCode: "108125", PaidOn: calendar.D(2026, 2, 20), ConfirmedBy: confirmedBy}
}

func TestPaymentCheckRefusesBadRequests(t *testing.T) {
	set, _ := standard.Default()
	c := &decision.Payments{Payments: payments{&registries{payments: map[string]registry.Payment{}}}, Standards: set}
	for _, req := range []decision.PaymentRequest{{Documents: 1, Reference: "GW"}, {ApplicationID: "A", Reference: "GW"}} {
		if _, err := c.Check(context.Background(), standardAt(t, standard.ApostilleProsecution), req); apperr.CodeOf(err) != apperr.Invalid {
			t.Errorf("%+v: %v", req, err)
		}
	}
}
