package auth

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"math/big"
	"time"

	"qyzmet/internal/apperr"
	"qyzmet/internal/casework"
	"qyzmet/internal/i18n"
	"qyzmet/internal/iin"
	"qyzmet/internal/store"
)

// The one-time password rules (docs/adr/0005-sign-in.md).
const (
	OTPDigits      = 6
	OTPLifetime    = 5 * time.Minute
	OTPMaxAttempts = 5
	// At most OTPPerPhone codes go to one number within OTPPhoneWindow: an
	// attacker who knows an IIN cannot flood its owner with messages.
	OTPPerPhone    = 3
	OTPPhoneWindow = 15 * time.Minute
)

// Message keys of sign-in errors; the web layer translates them.
const (
	KeyIINInvalid   = "auth.iin_invalid"
	KeyNoPhone      = "auth.no_phone"
	KeyPhoneFormat  = "auth.phone_format"
	KeyOTPFormat    = "auth.otp_format"
	KeyOTPWrong     = "auth.otp_wrong"
	KeyOTPUsed      = "auth.otp_used"
	KeyOTPExpired   = "auth.otp_expired"
	KeyOTPLocked    = "auth.otp_locked"
	KeyOTPPhoneRate = "auth.otp_phone_rate"
)

// Challenge is a one-time password on its way: Token goes into the browser's
// cookie and must come back with the code.
type Challenge struct {
	Token       string
	PhoneMasked string
	ExpiresAt   time.Time
}

// smsText is the message that carries the code, in the language of the page
// it was asked from.
var smsText = i18n.Text{
	KK: "Qyzmet: кіру коды %s. Кодты ешкімге айтпаңыз.",
	RU: "Qyzmet: код для входа %s. Никому не сообщайте код.",
	EN: "Qyzmet: your sign-in code is %s. Do not tell it to anyone.",
}

// StartOTP begins a citizen's sign-in (CR-STD-8.3): it checks the IIN, finds
// the mobile number registered for it and sends a fresh code there.
// Errors: apperr.Invalid (KeyIINInvalid, wrapping the *iin.Error) for a number
// that is not an IIN; apperr.NotFound (KeyNoPhone) when no mobile number is
// registered; apperr.Forbidden (KeyOTPPhoneRate) when the number has had
// OTPPerPhone codes within OTPPhoneWindow.
func (s *Service) StartOTP(ctx context.Context, number, client string, lang i18n.Lang) (Challenge, error) {
	n, err := iin.ParseIIN(number)
	if err != nil {
		return Challenge{}, apperr.Wrap(apperr.Invalid, err, "not an IIN").WithKey(KeyIINInvalid)
	}
	person, err := s.Directory.Person(ctx, n.Number)
	if err != nil {
		return Challenge{}, err
	}
	code, err := newCode()
	if err != nil {
		return Challenge{}, err
	}
	ch := Challenge{Token: newToken(), PhoneMasked: maskPhone(person.Phone)}
	err = s.DB.Tx(ctx, func(tx *store.Tx) error {
		// Rule CR-STD-8.3: the code goes to the number registered on the portal
		// account; a number gets at most OTPPerPhone codes per OTPPhoneWindow.
		var sent int
		if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM auth_otp_challenges WHERE phone = ? AND created_at > ?`,
			person.Phone, tx.Now().Add(-OTPPhoneWindow)).Scan(&sent); err != nil {
			return err
		}
		if sent >= OTPPerPhone {
			return apperr.E(apperr.Forbidden, "too many codes for this number").WithKey(KeyOTPPhoneRate)
		}
		ch.ExpiresAt = tx.Now().Add(OTPLifetime)
		_, err := tx.Exec(ctx, `INSERT INTO auth_otp_challenges (id_hash, iin, phone, code_hash, client, created_at, expires_at)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, tokenHash(ch.Token), n.Number, person.Phone, codeHash(ch.Token, code), client, tx.Now(), ch.ExpiresAt)
		return err
	})
	if err != nil {
		return Challenge{}, err
	}
	// The message leaves after the commit: a transaction may run twice on
	// PostgreSQL, a text message cannot be unsent.
	if err := s.SMS.Send(ctx, person.Phone, fmt.Sprintf(smsText.In(lang), code)); err != nil {
		return Challenge{}, fmt.Errorf("auth: send the code: %w", err)
	}
	return ch, nil
}

// PendingChallenge is the challenge of token while it can still be answered.
// Errors: apperr.NotFound (KeyOTPExpired) when there is none.
func (s *Service) PendingChallenge(ctx context.Context, token string) (Challenge, error) {
	var phone string
	ch := Challenge{Token: token}
	err := s.DB.ReadTx(ctx, func(tx *store.Tx) error {
		return tx.QueryRow(ctx, `SELECT phone, expires_at FROM auth_otp_challenges WHERE id_hash = ? AND used_at IS NULL AND expires_at > ? AND attempts < ?`,
			tokenHash(token), s.DB.Now(), OTPMaxAttempts).Scan(&phone, &ch.ExpiresAt)
	})
	if apperr.CodeOf(err) == apperr.NotFound {
		return ch, errExpired
	}
	ch.PhoneMasked = maskPhone(phone)
	return ch, err
}

var errExpired = apperr.E(apperr.NotFound, "no pending code").WithKey(KeyOTPExpired)

// VerifyOTP answers a challenge with the code the citizen typed and, when it
// matches, opens the citizen's session. A code is single-use, lives
// OTPLifetime and allows OTPMaxAttempts tries.
// Errors: apperr.Invalid (KeyOTPFormat) for anything but six digits, which
// costs no attempt; apperr.Unauthorized with KeyOTPWrong (a wrong code; the
// attempt is counted), KeyOTPUsed (the code was used already: nothing
// changes), KeyOTPExpired (unknown or expired challenge), KeyOTPLocked (no
// attempts left).
func (s *Service) VerifyOTP(ctx context.Context, token, code string) (SignIn, error) {
	if !isDigits(code, OTPDigits) {
		return SignIn{}, apperr.E(apperr.Invalid, "a code is six digits").WithKey(KeyOTPFormat)
	}
	name := s.challengeName(ctx, token)
	var in SignIn
	var failure error
	err := s.DB.Tx(ctx, func(tx *store.Tx) error {
		failure = nil
		var number, hash string
		var attempts int
		var expires time.Time
		var used *time.Time
		err := tx.QueryRow(ctx, `SELECT iin, code_hash, attempts, expires_at, used_at FROM auth_otp_challenges WHERE id_hash = ?`,
			tokenHash(token)).Scan(&number, &hash, &attempts, &expires, &used)
		if apperr.CodeOf(err) == apperr.NotFound {
			failure = errExpired
			return nil
		}
		if err != nil {
			return err
		}
		switch {
		case used != nil:
			// Rule CR-STD-8.3: a one-time password certifies once; a replay
			// changes nothing.
			failure = apperr.E(apperr.Unauthorized, "code used already").WithKey(KeyOTPUsed)
			return nil
		case !tx.Now().Before(expires):
			failure = errExpired
			return nil
		case attempts >= OTPMaxAttempts:
			failure = apperr.E(apperr.Unauthorized, "no attempts left").WithKey(KeyOTPLocked)
			return nil
		}
		if !hmac.Equal([]byte(hash), []byte(codeHash(token, code))) {
			// The wrong try is counted (and committed: failure is not fn's error).
			if _, err := tx.Exec(ctx, `UPDATE auth_otp_challenges SET attempts = attempts + 1 WHERE id_hash = ?`, tokenHash(token)); err != nil {
				return err
			}
			left := OTPMaxAttempts - attempts - 1
			if left == 0 {
				failure = apperr.E(apperr.Unauthorized, "no attempts left").WithKey(KeyOTPLocked)
			} else {
				failure = &WrongCodeError{Left: left}
			}
			return nil
		}
		if _, err := tx.Exec(ctx, `UPDATE auth_otp_challenges SET used_at = ? WHERE id_hash = ?`, tx.Now(), tokenHash(token)); err != nil {
			return err
		}
		p := Principal{Kind: KindCitizen, IIN: number, Name: name, Roles: []casework.Role{casework.RoleApplicant}}
		in, err = s.createSession(ctx, tx, p)
		return err
	})
	if err != nil {
		return SignIn{}, err
	}
	if failure != nil {
		return SignIn{}, failure
	}
	return in, nil
}

// challengeName is the name of the citizen a challenge is for, read before the
// sign-in transaction so that the registry is not read inside it; empty when
// unknown.
func (s *Service) challengeName(ctx context.Context, token string) string {
	var number string
	err := s.DB.ReadTx(ctx, func(tx *store.Tx) error {
		return tx.QueryRow(ctx, `SELECT iin FROM auth_otp_challenges WHERE id_hash = ?`, tokenHash(token)).Scan(&number)
	})
	if err != nil {
		return ""
	}
	p, err := s.Directory.Person(ctx, number)
	if err != nil {
		return ""
	}
	return p.Name
}

// WrongCodeError is a wrong code with attempts left.
type WrongCodeError struct{ Left int }

func (e *WrongCodeError) Error() string {
	return fmt.Sprintf("auth: wrong code, %d attempts left", e.Left)
}

// Unwrap gives the error's code and key to apperr.
func (e *WrongCodeError) Unwrap() error {
	return apperr.E(apperr.Unauthorized, "wrong code").WithKey(KeyOTPWrong)
}

// AsWrongCode reports the attempts left when err is a wrong code.
func AsWrongCode(err error) (int, bool) {
	var w *WrongCodeError
	if errors.As(err, &w) {
		return w.Left, true
	}
	return 0, false
}

// newCode is a uniformly random code of OTPDigits digits.
func newCode() (string, error) {
	n, err := rand.Int(rand.Reader, big.NewInt(1_000_000))
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("%06d", n.Int64()), nil
}

// codeHash keeps a code at rest: HMAC-SHA256 keyed with the challenge token,
// which only the browser holds. A copy of the database (which has the token's
// hash, not the token) cannot try the million codes offline.
func codeHash(token, code string) string {
	m := hmac.New(sha256.New, []byte(token))
	m.Write([]byte(code))
	return hex.EncodeToString(m.Sum(nil))
}

func isDigits(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
