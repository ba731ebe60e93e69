package frontdesk_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"qyzmet/internal/calendar"
	"qyzmet/internal/casework"
	"qyzmet/internal/decision"
	"qyzmet/internal/standard"
)

// providerCheck puts app's duty to the payments registry as the provider desk
// does (decision.Payments, one document).
func (d *desk) providerCheck(t *testing.T, app *casework.Application) decision.PaymentCheck {
	t.Helper()
	std, err := d.site.Sys.Standards().At(app.Service, calendar.DateOf(app.SubmittedAt))
	if err != nil {
		t.Fatal(err)
	}
	req := decision.PaymentRequest{ApplicationID: app.ID, Documents: 1}
	if app.Payment != nil {
		req.Reference = app.Payment.Reference
	}
	payments := decision.Payments{Payments: d.site.Sys.Registries.Payments, Standards: d.site.Sys.Standards()}
	res, err := payments.Check(context.Background(), std, req)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// The operator sees the applicant's gateway payments in the registry and
// picks the one that pays the duty: its reference, amount and date go into
// the application, the payment is held for it, and the provider's check
// answers paid (AC-10). Payments of another budget code, too small, or
// already held by another application are not offered.
func TestGatewayPaymentPicked_AC_10(t *testing.T) {
	d := newDesk(t)
	person, other := d.site.CleanCitizen(t, 40), d.site.CleanCitizen(t, 41)
	today := calendar.DateOf(d.clock.Now())
	yesterday := today.AddDays(-1)
	due := d.apDue(t, yesterday)
	good := d.gatewayPayment(t, person, "GW-GOOD-1", due, "", yesterday)
	wrongCode := d.gatewayPayment(t, person, "GW-CODE-1", due, "105402", yesterday)
	small := d.gatewayPayment(t, person, "GW-SMALL-1", due-100, "", yesterday)
	held := d.gatewayPayment(t, person, "GW-HELD-1", due, "", yesterday)
	if _, err := d.site.Sys.Registries.Payments.Claim(context.Background(), held, "someone-elses-application"); err != nil {
		t.Fatal(err)
	}
	foreign := d.gatewayPayment(t, other, "GW-OTHER-1", due, "", yesterday)

	_, page := d.op.Get("/desk/front/person?iin=" + person + "&service=apostille-prosecution&lang=en")
	if !strings.Contains(page, `name="payment.pick" value="`+good+`"`) {
		t.Fatalf("the applicant's payment is not offered:\n%s", excerpt(page))
	}
	for _, ref := range []string{wrongCode, small, held, foreign} {
		if strings.Contains(page, ref) {
			t.Errorf("the form offers %s, which does not pay this duty", ref)
		}
	}

	form := d.intakeForm(t, person, "k-pay")
	form.Set("payment.pick", good)
	app := d.accepted(t, "paid through the gateway", form)
	if p := app.Payment; p == nil || p.Method != casework.PaymentGateway || p.Reference != good || p.PaidOn != yesterday ||
		int64(p.AmountTenge)*100 < due {
		t.Fatalf("the application's payment %+v, want %s of %d tiyn on %s", app.Payment, good, due, yesterday)
	}
	if got, _ := d.site.Sys.Registries.Payments.ByReference(context.Background(), good); got.ApplicationID != app.ID {
		t.Errorf("the payment is held by %q, want %s", got.ApplicationID, app.ID)
	}
	if res := d.providerCheck(t, app); res.Outcome != decision.Paid {
		t.Errorf("the provider's check: %+v, want paid", res)
	}
	_, page = d.op.Get("/desk/front/person?iin=" + person + "&service=apostille-prosecution")
	if strings.Contains(page, `value="`+good+`"`) {
		t.Errorf("a payment held by an application is offered again")
	}
	_, receipt := d.op.Get("/desk/front/applications/" + app.ID + "/receipt?lang=en")
	if !strings.Contains(receipt, "gateway payment "+good) {
		t.Errorf("the receipt does not name the payment:\n%s", excerpt(receipt))
	}
}

// Rule AP-STD-6, AC-7: the duty is counted at the MCI of the day of payment.
// A payment made last year at last year's MCI pays it, though today's MCI is
// higher; the same amount paid today does not, and the operator is told the
// duty next to the reference.
func TestPaymentAtMCIOfPaymentDay_AP_STD_6_AC_7(t *testing.T) {
	d := newDesk(t)
	person := d.site.CleanCitizen(t, 42)
	today := calendar.DateOf(d.clock.Now())
	lastYear := calendar.D(today.Year-1, 6, 1)
	old := d.apDue(t, lastYear)
	if old >= d.apDue(t, today) {
		t.Fatalf("the MCI of %s is not below today's: the test proves nothing", lastYear)
	}
	early := d.gatewayPayment(t, person, "GW-EARLY-1", old, "", lastYear)
	late := d.gatewayPayment(t, person, "GW-LATE-1", old, "", today)

	form := d.intakeForm(t, person, "k-mci")
	form.Set("payment.reference", late)
	d.postRefused(t, "today's payment of last year's duty", form, "payment-reference", "AP-STD-6")

	form.Set("payment.reference", early)
	form.Set("key", "k-mci-2")
	app := d.accepted(t, "last year's payment", form)
	if app.Payment == nil || app.Payment.Reference != early || app.Payment.PaidOn != lastYear {
		t.Fatalf("payment %+v", app.Payment)
	}
	if res := d.providerCheck(t, app); res.Outcome != decision.Paid {
		t.Errorf("the provider's check: %+v, want paid", res)
	}
}

// A reference typed from a paper receipt is looked up in the registry: an
// unknown one, markup, one of another budget code or one held by another
// application is refused next to the field in the user's language, and no
// application is made (AC-10, AP-STD-6).
func TestTypedReferenceRefused_AC_10_AP_STD_6(t *testing.T) {
	d := newDesk(t)
	person := d.site.CleanCitizen(t, 43)
	today := calendar.DateOf(d.clock.Now())
	held := d.gatewayPayment(t, d.site.CleanCitizen(t, 44), "GW-HELD-2", d.apDue(t, today), "", today)
	if _, err := d.site.Sys.Registries.Payments.Claim(context.Background(), held, "another-application"); err != nil {
		t.Fatal(err)
	}
	code := d.gatewayPayment(t, person, "GW-CODE-2", d.apDue(t, today), "105402", today)
	form := d.intakeForm(t, person, "k-typed")
	for _, c := range []struct{ ref, want string }{
		{"GW-NO-SUCH-1", "No payment GW-NO-SUCH-1"},
		{`<script>alert(1)</script>`, "letters, digits"},
		{code, "budget code 105402"},
		{held, "already pays for another application"},
	} {
		form.Set("payment.reference", c.ref)
		d.postRefused(t, c.ref, form, "payment-reference", c.want)
	}
	form.Set("payment.reference", "GW-NO-SUCH-1")
	resp, body := d.op.Post("/desk/front/intake?lang=kk", form)
	wantStatus(t, "unknown in Kazakh", resp, body, http.StatusUnprocessableEntity)
	if !strings.Contains(body, "төлемдер тізілімінде GW-NO-SUCH-1 төлемі жоқ") {
		t.Errorf("the error is not in Kazakh:\n%s", excerpt(body))
	}
}

// Paid at a bank: no gateway payment is picked, the bank receipt is ticked
// on the checklist, and the application carries no gateway payment (AP-STD-8).
func TestBankReceiptInstead_AP_STD_8(t *testing.T) {
	d := newDesk(t)
	person := d.site.CleanCitizen(t, 45)
	form := d.intakeForm(t, person, "k-bank")
	form.Del("payment.pick")
	form.Set("documents[3].provided", "on")
	app := d.accepted(t, "bank receipt", form)
	if app.Payment != nil {
		t.Errorf("payment %+v, want none", app.Payment)
	}
	for _, it := range app.Checklist {
		if it.DocumentID == "duty-receipt" && it.Status != casework.DocProvided {
			t.Errorf("the duty receipt is %s, want handed in", it.Status)
		}
	}
}

// A payment of a legal entity is found by its BIN once the BIN is typed (AC-7:
// legal entities pay the court apostille's duty too).
func TestLegalEntityPayment_AC_7(t *testing.T) {
	d := newDesk(t)
	person := d.site.CleanCitizen(t, 46)
	bin := validBIN(t)
	today := calendar.DateOf(d.clock.Now())
	std, err := d.site.Sys.Standards().At(standard.ApostilleCourt, today)
	if err != nil {
		t.Fatal(err)
	}
	q, err := d.site.Sys.Standards().Fee(std, today, 1)
	if err != nil {
		t.Fatal(err)
	}
	ref := d.gatewayPayment(t, bin, "GW-BIN-1", q.Tiyn, "", today)
	_, page := d.op.Get("/desk/front/person?iin=" + person + "&service=apostille-court")
	if strings.Contains(page, ref) {
		t.Fatalf("the entity's payment is offered before its BIN is known")
	}
	form := d.intakeForm(t, person, "k-bin")
	form.Set("service", string(standard.ApostilleCourt))
	form.Del("payment.pick")
	form.Set("applicant.kind", casework.KindLegalEntity)
	form.Set("applicant.bin", bin)
	resp, body := d.op.Post("/desk/front/intake?lang=en", withAction(form, "find-rep"))
	if resp.StatusCode == http.StatusSeeOther || !strings.Contains(body, `value="`+ref+`"`) {
		t.Errorf("the form with the BIN does not offer the entity's payment (%d):\n%s", resp.StatusCode, excerpt(body))
	}
}

// withAction is form sent with another button.
func withAction(form url.Values, action string) url.Values {
	out := url.Values{}
	for k, v := range form {
		out[k] = v
	}
	out.Set("action", action)
	return out
}
