package auth

import (
	"context"
	"regexp"
	"slices"
	"sync"
	"unicode/utf8"

	"qyzmet/internal/apperr"
	"qyzmet/internal/casework"
	"qyzmet/internal/store"
)

// User is a staff account.
type User struct {
	Login  string
	Name   string
	Roles  []casework.Role
	Branch string
}

// MinPasswordLength is the shortest password a staff account may have.
const MinPasswordLength = 12

// Message keys of staff sign-in and accounts.
const (
	KeyBadCredentials = "auth.bad_credentials"
	KeyLoginFormat    = "auth.login_format"
	KeyRoleUnknown    = "auth.role_unknown"
	KeyPasswordShort  = "auth.password_short"
)

var loginPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{2,63}$`)

func (s *Service) params() PasswordParams {
	if s.password.Time == 0 {
		return DefaultPasswordParams
	}
	return s.password
}

// AddUser creates a staff account.
// Errors: apperr.Invalid (KeyLoginFormat, KeyRoleUnknown, KeyPasswordShort);
// apperr.Conflict when the login exists.
func (s *Service) AddUser(ctx context.Context, u User, password string) error {
	switch {
	case !loginPattern.MatchString(u.Login):
		return apperr.E(apperr.Invalid, "a login is 3–64 of a-z 0-9 . _ -").WithKey(KeyLoginFormat)
	case len(u.Roles) == 0:
		return apperr.E(apperr.Invalid, "a staff account needs a role").WithKey(KeyRoleUnknown)
	case utf8.RuneCountInString(password) < MinPasswordLength:
		return apperr.E(apperr.Invalid, "the password is too short").WithKey(KeyPasswordShort)
	}
	for _, r := range u.Roles {
		if !slices.Contains(StaffRoles(), r) {
			return apperr.E(apperr.Invalid, "unknown staff role "+string(r)).WithKey(KeyRoleUnknown)
		}
	}
	hash := hashPassword(password, s.params())
	return s.DB.Tx(ctx, func(tx *store.Tx) error {
		_, err := tx.Exec(ctx, `INSERT INTO auth_users (login, name, password_hash, roles, branch, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
			u.Login, u.Name, hash, joinRoles(u.Roles), u.Branch, tx.Now())
		return err
	})
}

// UserExists reports whether login names an account.
func (s *Service) UserExists(ctx context.Context, login string) (bool, error) {
	var n int
	err := s.DB.ReadTx(ctx, func(tx *store.Tx) error {
		return tx.QueryRow(ctx, `SELECT COUNT(*) FROM auth_users WHERE login = ?`, login).Scan(&n)
	})
	return n > 0, err
}

// dummyHash is verified against when the login is unknown, so that an
// unknown login takes as long to refuse as a wrong password.
var dummyHash = sync.OnceValue(func() string { return hashPassword("qyzmet-no-such-user", DefaultPasswordParams) })

// StaffSignIn checks a login and password and opens the member of staff's
// session.
// Errors: apperr.Unauthorized (KeyBadCredentials) for an unknown login, a
// wrong password or a disabled account — one answer for all three.
func (s *Service) StaffSignIn(ctx context.Context, login, password string) (SignIn, error) {
	var u User
	var hash, roles string
	var disabled *string
	err := s.DB.ReadTx(ctx, func(tx *store.Tx) error {
		return tx.QueryRow(ctx, `SELECT name, password_hash, roles, branch, CASE WHEN disabled_at IS NULL THEN NULL ELSE 'x' END FROM auth_users WHERE login = ?`,
			login).Scan(&u.Name, &hash, &roles, &u.Branch, &disabled)
	})
	bad := apperr.E(apperr.Unauthorized, "wrong login or password").WithKey(KeyBadCredentials)
	switch {
	case apperr.CodeOf(err) == apperr.NotFound:
		checkPassword(password, dummyHash())
		return SignIn{}, bad
	case err != nil:
		return SignIn{}, err
	}
	ok, err := checkPassword(password, hash)
	if err != nil {
		return SignIn{}, err
	}
	if !ok || disabled != nil {
		return SignIn{}, bad
	}
	p := Principal{Kind: KindStaff, Login: login, Name: u.Name, Roles: splitRoles(roles), Branch: u.Branch}
	var in SignIn
	err = s.DB.Tx(ctx, func(tx *store.Tx) error {
		in, err = s.createSession(ctx, tx, p)
		return err
	})
	return in, err
}
