package auth

import (
	"context"
	"crypto/hmac"
	"fmt"
	"time"

	"qyzmet/internal/apperr"
	"qyzmet/internal/i18n"
	"qyzmet/internal/store"
)

// A confirmation is a one-time password that certifies one action of a
// signed-in citizen rather than opening a session: an e-request
// (CR-STD-8.3, AR-STD-8.2) or the consent of a person who is with the
// applicant (CR-STD-8.4). Its codes live in their own table
// (auth_confirmations), so no confirmation code can ever sign anybody in, and
// each is bound to its purpose and to the citizen who asked for it. The rules
// are sign-in's: single use, OTPLifetime, OTPMaxAttempts tries, at most
// OTPPerPhone codes to a number within OTPPhoneWindow.

// Confirmation is a code on its way; Token goes to the browser and must come
// back with the code.
type Confirmation struct {
	Token       string
	PhoneMasked string
	ExpiresAt   time.Time
}

// ConfirmRequest says what a code certifies.
type ConfirmRequest struct {
	// Requester is the IIN of the signed-in citizen who asks.
	Requester string
	// Holder is the IIN whose registered mobile number gets the code: the
	// requester, or the person who consents.
	Holder string
	// Purpose names the one action the code certifies ("submit:<draft>").
	Purpose string
	// Text is the message with one %s for the code.
	Text i18n.Text
	Lang i18n.Lang
}

// StartConfirm sends a fresh code to the number registered for r.Holder.
// Errors: apperr.NotFound (KeyNoPhone) when the holder has no registered
// number; apperr.Forbidden (KeyOTPPhoneRate) when the number has had
// OTPPerPhone confirmation codes within OTPPhoneWindow.
func (s *Service) StartConfirm(ctx context.Context, r ConfirmRequest) (Confirmation, error) {
	person, err := s.Directory.Person(ctx, r.Holder)
	if err != nil {
		return Confirmation{}, err
	}
	code, err := newCode()
	if err != nil {
		return Confirmation{}, err
	}
	c := Confirmation{Token: newToken(), PhoneMasked: maskPhone(person.Phone)}
	err = s.DB.Tx(ctx, func(tx *store.Tx) error {
		// Rule CR-STD-8.3: the code goes to the number registered on the
		// portal account, and a number is not flooded with codes.
		var sent int
		if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM auth_confirmations WHERE phone = ? AND created_at > ?`,
			person.Phone, tx.Now().Add(-OTPPhoneWindow)).Scan(&sent); err != nil {
			return err
		}
		if sent >= OTPPerPhone {
			return apperr.E(apperr.Forbidden, "too many codes for this number").WithKey(KeyOTPPhoneRate)
		}
		c.ExpiresAt = tx.Now().Add(OTPLifetime)
		_, err := tx.Exec(ctx, `INSERT INTO auth_confirmations (id_hash, purpose, iin, requester, phone, code_hash, created_at, expires_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, tokenHash(c.Token), r.Purpose, r.Holder, r.Requester, person.Phone,
			codeHash(c.Token, code), tx.Now(), c.ExpiresAt)
		return err
	})
	if err != nil {
		return Confirmation{}, err
	}
	// After the commit, as in StartOTP: a message cannot be unsent.
	if err := s.SMS.Send(ctx, person.Phone, fmt.Sprintf(r.Text.In(r.Lang), code)); err != nil {
		return Confirmation{}, fmt.Errorf("auth: send the code: %w", err)
	}
	return c, nil
}

// PendingConfirm is the confirmation of token while it can still be answered
// by requester for purpose. Errors: apperr.NotFound (KeyOTPExpired).
func (s *Service) PendingConfirm(ctx context.Context, token, requester, purpose string) (Confirmation, error) {
	var phone string
	c := Confirmation{Token: token}
	err := s.DB.ReadTx(ctx, func(tx *store.Tx) error {
		return tx.QueryRow(ctx, `SELECT phone, expires_at FROM auth_confirmations
			WHERE id_hash = ? AND requester = ? AND purpose = ? AND used_at IS NULL AND expires_at > ? AND attempts < ?`,
			tokenHash(token), requester, purpose, s.DB.Now(), OTPMaxAttempts).Scan(&phone, &c.ExpiresAt)
	})
	if apperr.CodeOf(err) == apperr.NotFound {
		return c, errExpired
	}
	c.PhoneMasked = maskPhone(phone)
	return c, err
}

// VerifyConfirm answers the confirmation token with code; nil means the code
// certifies purpose for requester, once. Errors as VerifyOTP's:
// apperr.Invalid (KeyOTPFormat, no attempt counted); apperr.Unauthorized with
// KeyOTPWrong (*WrongCodeError), KeyOTPUsed, KeyOTPLocked; apperr.NotFound
// (KeyOTPExpired) for an unknown or expired token, or one asked by another
// citizen or for another purpose.
func (s *Service) VerifyConfirm(ctx context.Context, token, requester, purpose, code string) error {
	if !isDigits(code, OTPDigits) {
		return apperr.E(apperr.Invalid, "a code is six digits").WithKey(KeyOTPFormat)
	}
	var failure error
	err := s.DB.Tx(ctx, func(tx *store.Tx) error {
		failure = nil
		var who, what, hash string
		var attempts int
		var expires time.Time
		var used *time.Time
		err := tx.QueryRow(ctx, `SELECT requester, purpose, code_hash, attempts, expires_at, used_at FROM auth_confirmations WHERE id_hash = ?`,
			tokenHash(token)).Scan(&who, &what, &hash, &attempts, &expires, &used)
		if apperr.CodeOf(err) == apperr.NotFound || (err == nil && (who != requester || what != purpose)) {
			failure = errExpired
			return nil
		}
		if err != nil {
			return err
		}
		failure = confirmState(used, expires, attempts, tx.Now())
		if failure != nil {
			return nil
		}
		if !hmac.Equal([]byte(hash), []byte(codeHash(token, code))) {
			// The wrong try is counted and committed.
			if _, err := tx.Exec(ctx, `UPDATE auth_confirmations SET attempts = attempts + 1 WHERE id_hash = ?`, tokenHash(token)); err != nil {
				return err
			}
			if left := OTPMaxAttempts - attempts - 1; left > 0 {
				failure = &WrongCodeError{Left: left}
			} else {
				failure = apperr.E(apperr.Unauthorized, "no attempts left").WithKey(KeyOTPLocked)
			}
			return nil
		}
		_, err = tx.Exec(ctx, `UPDATE auth_confirmations SET used_at = ? WHERE id_hash = ?`, tx.Now(), tokenHash(token))
		return err
	})
	if err != nil {
		return err
	}
	return failure
}

// confirmState refuses a code that was used, has expired or has no attempts left.
func confirmState(used *time.Time, expires time.Time, attempts int, now time.Time) error {
	switch {
	case used != nil:
		// Rule CR-STD-8.3: a one-time password certifies once; a replay
		// changes nothing.
		return apperr.E(apperr.Unauthorized, "code used already").WithKey(KeyOTPUsed)
	case !now.Before(expires):
		return errExpired
	case attempts >= OTPMaxAttempts:
		return apperr.E(apperr.Unauthorized, "no attempts left").WithKey(KeyOTPLocked)
	}
	return nil
}
