package auth

import (
	"context"
	"testing"
	"time"

	"qyzmet/internal/apperr"
	"qyzmet/internal/i18n"
	"qyzmet/internal/store/storetest"
)

var confirmText = i18n.Text{KK: "код %s", RU: "код %s", EN: "code %s"}

func (f *fixture) startConfirm(t *testing.T, purpose string) Confirmation {
	t.Helper()
	c, err := f.svc.StartConfirm(context.Background(), ConfirmRequest{Requester: f.iin, Holder: f.iin, Purpose: purpose, Text: confirmText, Lang: i18n.EN})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// A confirmation code certifies one purpose for one requester, once, within
// its lifetime and attempts, and never opens a session (CR-STD-8.3).
func TestConfirmationCode_CR_STD_8_3(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		ctx := context.Background()
		f := newFixture(t, e)
		c := f.startConfirm(t, "submit:a")
		code := f.lastCode(t)
		if c.PhoneMasked != "+7 *** *** 45 67" {
			t.Errorf("masked phone %q", c.PhoneMasked)
		}
		if _, err := f.svc.PendingConfirm(ctx, c.Token, f.iin, "submit:a"); err != nil {
			t.Errorf("pending: %v", err)
		}
		// Another purpose, another requester: the code is unknown to them.
		if err := f.svc.VerifyConfirm(ctx, c.Token, f.iin, "submit:b", code); apperr.KeyOf(err) != KeyOTPExpired {
			t.Errorf("other purpose: %v", err)
		}
		if err := f.svc.VerifyConfirm(ctx, c.Token, "010101500004", "submit:a", code); apperr.KeyOf(err) != KeyOTPExpired {
			t.Errorf("other requester: %v", err)
		}
		// A confirmation token is no sign-in challenge.
		if _, err := f.svc.VerifyOTP(ctx, c.Token, code); apperr.KeyOf(err) != KeyOTPExpired {
			t.Errorf("confirmation token used to sign in: %v", err)
		}
		if err := f.svc.VerifyConfirm(ctx, c.Token, f.iin, "submit:a", "12a456"); apperr.KeyOf(err) != KeyOTPFormat {
			t.Errorf("malformed: %v", err)
		}
		wrong := "000000"
		if code == wrong {
			wrong = "111111"
		}
		if left, ok := AsWrongCode(f.svc.VerifyConfirm(ctx, c.Token, f.iin, "submit:a", wrong)); !ok || left != OTPMaxAttempts-1 {
			t.Errorf("wrong code: left %d, %v", left, ok)
		}
		if err := f.svc.VerifyConfirm(ctx, c.Token, f.iin, "submit:a", code); err != nil {
			t.Fatalf("right code: %v", err)
		}
		if err := f.svc.VerifyConfirm(ctx, c.Token, f.iin, "submit:a", code); apperr.KeyOf(err) != KeyOTPUsed {
			t.Errorf("replay: %v", err)
		}
		if n := f.count(t, "auth_sessions"); n != 0 {
			t.Errorf("a confirmation opened %d sessions", n)
		}

		// Expiry and the attempts limit.
		c2 := f.startConfirm(t, "submit:c")
		f.clock.Advance(OTPLifetime + time.Second)
		if err := f.svc.VerifyConfirm(ctx, c2.Token, f.iin, "submit:c", f.lastCode(t)); apperr.KeyOf(err) != KeyOTPExpired {
			t.Errorf("expired: %v", err)
		}
		c3 := f.startConfirm(t, "submit:d")
		right := f.lastCode(t)
		wrong = "000000"
		if right == wrong {
			wrong = "111111"
		}
		var err error
		for range OTPMaxAttempts {
			err = f.svc.VerifyConfirm(ctx, c3.Token, f.iin, "submit:d", wrong)
		}
		if apperr.KeyOf(err) != KeyOTPLocked {
			t.Errorf("after %d wrong codes: %v", OTPMaxAttempts, err)
		}
		if err := f.svc.VerifyConfirm(ctx, c3.Token, f.iin, "submit:d", right); apperr.KeyOf(err) != KeyOTPLocked {
			t.Errorf("right code after the lock: %v", err)
		}
	})
}

// At most OTPPerPhone confirmation codes go to a number per window.
func TestConfirmationRateLimit_CR_STD_8_3(t *testing.T) {
	f := newFixture(t, storetest.Engines()[0])
	for range OTPPerPhone {
		f.startConfirm(t, "submit:x")
	}
	_, err := f.svc.StartConfirm(context.Background(), ConfirmRequest{Requester: f.iin, Holder: f.iin, Purpose: "submit:x", Text: confirmText})
	if apperr.KeyOf(err) != KeyOTPPhoneRate {
		t.Fatalf("code over the limit: %v", err)
	}
	f.clock.Advance(OTPPhoneWindow + time.Second)
	f.startConfirm(t, "submit:x")
}
