package auth

import (
	"context"
	"crypto/rand"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"
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
	// Disabled and CreatedAt are read from the database (Users, User); AddUser
	// and UpdateUser ignore them.
	Disabled  bool
	CreatedAt time.Time
}

// Has reports whether the account holds role.
func (u User) Has(role casework.Role) bool { return slices.Contains(u.Roles, role) }

// MinPasswordLength is the shortest password a staff account may have.
const MinPasswordLength = 12

// Message keys of staff sign-in and accounts.
const (
	KeyBadCredentials = "auth.bad_credentials"
	KeyLoginFormat    = "auth.login_format"
	KeyRoleUnknown    = "auth.role_unknown"
	KeyPasswordShort  = "auth.password_short"
	KeyNameFormat     = "auth.name_format"
	KeyUserNotFound   = "auth.user_not_found"
	KeyOwnAdmin       = "auth.own_admin"
	KeyLastAdmin      = "auth.last_admin"
	KeyLoginTaken     = "auth.login_taken"
	KeyFormUsed       = "auth.form_used"
)

// MaxNameLength bounds a staff member's name as it is printed on receipts.
const MaxNameLength = 200

var loginPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{2,63}$`)

func (s *Service) params() PasswordParams {
	if s.password.Time == 0 {
		return DefaultPasswordParams
	}
	return s.password
}

// AddUser creates a staff account.
// Errors: apperr.Invalid (KeyLoginFormat, KeyRoleUnknown, KeyPasswordShort,
// KeyNameFormat); apperr.Conflict when the login exists.
func (s *Service) AddUser(ctx context.Context, u User, password string) error {
	if !loginPattern.MatchString(u.Login) {
		return apperr.E(apperr.Invalid, "a login is 3–64 of a-z 0-9 . _ -").WithKey(KeyLoginFormat)
	}
	if err := checkRoles(u.Roles); err != nil {
		return err
	}
	if utf8.RuneCountInString(password) < MinPasswordLength {
		return apperr.E(apperr.Invalid, "the password is too short").WithKey(KeyPasswordShort)
	}
	if err := checkName(u.Name); err != nil {
		return err
	}
	hash := hashPassword(password, s.params())
	return s.DB.Tx(ctx, func(tx *store.Tx) error {
		_, err := tx.Exec(ctx, `INSERT INTO auth_users (login, name, password_hash, roles, branch, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
			u.Login, u.Name, hash, joinRoles(u.Roles), u.Branch, tx.Now())
		if apperr.CodeOf(err) == apperr.Conflict {
			return apperr.Wrap(apperr.Conflict, err, "the login is taken").WithKey(KeyLoginTaken)
		}
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

func checkRoles(roles []casework.Role) error {
	if len(roles) == 0 {
		return apperr.E(apperr.Invalid, "a staff account needs a role").WithKey(KeyRoleUnknown)
	}
	for _, r := range roles {
		if !slices.Contains(StaffRoles(), r) {
			return apperr.E(apperr.Invalid, "unknown staff role "+string(r)).WithKey(KeyRoleUnknown)
		}
	}
	return nil
}

// checkName refuses an empty or overlong name and one with markup or control
// characters: the name is printed on receipts and in every desk's header.
func checkName(name string) error {
	bad := strings.TrimSpace(name) == "" || utf8.RuneCountInString(name) > MaxNameLength ||
		strings.ContainsAny(name, "<>") || strings.ContainsFunc(name, unicode.IsControl)
	if bad {
		return apperr.E(apperr.Invalid, "a name is 1–200 characters without markup").WithKey(KeyNameFormat)
	}
	return nil
}

var errUserNotFound = apperr.E(apperr.NotFound, "no such staff account").WithKey(KeyUserNotFound)

const userColumns = `login, name, roles, branch, created_at, CASE WHEN disabled_at IS NULL THEN 0 ELSE 1 END`

func scanUser(row interface{ Scan(...any) error }) (User, error) {
	var u User
	var roles string
	var disabled int
	err := row.Scan(&u.Login, &u.Name, &roles, &u.Branch, &u.CreatedAt, &disabled)
	u.Roles, u.Disabled = splitRoles(roles), disabled == 1
	return u, err
}

// Users lists every staff account by login.
func (s *Service) Users(ctx context.Context) ([]User, error) {
	var out []User
	err := s.DB.ReadTx(ctx, func(tx *store.Tx) error {
		rows, err := tx.Query(ctx, `SELECT `+userColumns+` FROM auth_users ORDER BY login`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			u, err := scanUser(rows)
			if err != nil {
				return err
			}
			out = append(out, u)
		}
		return rows.Err()
	})
	return out, err
}

// User is the account login. Errors: apperr.NotFound (KeyUserNotFound).
func (s *Service) User(ctx context.Context, login string) (User, error) {
	var u User
	err := s.DB.ReadTx(ctx, func(tx *store.Tx) error {
		var err error
		u, err = s.user(ctx, tx, login)
		return err
	})
	return u, err
}

func (s *Service) user(ctx context.Context, tx *store.Tx, login string) (User, error) {
	u, err := scanUser(tx.QueryRow(ctx, `SELECT `+userColumns+` FROM auth_users WHERE login = ?`, login))
	if apperr.CodeOf(err) == apperr.NotFound {
		return User{}, errUserNotFound
	}
	return u, err
}

// UpdateUser changes the name, roles and branch of u.Login, as the
// administrator by asks. The account's sessions end, so that the new roles
// apply from its next sign-in rather than at the end of a shift.
// Errors: apperr.NotFound (KeyUserNotFound); apperr.Invalid (KeyRoleUnknown,
// KeyNameFormat); apperr.Forbidden (KeyOwnAdmin: by removing their own admin
// role; KeyLastAdmin: removing the admin role of the last active administrator).
func (s *Service) UpdateUser(ctx context.Context, by string, u User) error {
	if err := checkRoles(u.Roles); err != nil {
		return err
	}
	if err := checkName(u.Name); err != nil {
		return err
	}
	return s.DB.Tx(ctx, func(tx *store.Tx) error {
		old, err := s.user(ctx, tx, u.Login)
		if err != nil {
			return err
		}
		if old.Has(casework.RoleAdmin) && !u.Has(casework.RoleAdmin) && !old.Disabled {
			if err := s.keepAnAdmin(ctx, tx, by, u.Login); err != nil {
				return err
			}
		}
		if _, err := tx.Exec(ctx, `UPDATE auth_users SET name = ?, roles = ?, branch = ? WHERE login = ?`,
			u.Name, joinRoles(u.Roles), u.Branch, u.Login); err != nil {
			return err
		}
		return endSessions(ctx, tx, u.Login)
	})
}

// SetDisabled disables or enables the account login; disabling ends its
// sessions at once. Errors: apperr.NotFound (KeyUserNotFound);
// apperr.Forbidden (KeyOwnAdmin: by disabling themselves; KeyLastAdmin).
func (s *Service) SetDisabled(ctx context.Context, by, login string, disabled bool) error {
	return s.DB.Tx(ctx, func(tx *store.Tx) error {
		old, err := s.user(ctx, tx, login)
		if err != nil {
			return err
		}
		if !disabled {
			_, err := tx.Exec(ctx, `UPDATE auth_users SET disabled_at = NULL WHERE login = ?`, login)
			return err
		}
		if old.Disabled {
			return nil
		}
		if login == by {
			return errOwnAdmin
		}
		if old.Has(casework.RoleAdmin) {
			if err := s.keepAnAdmin(ctx, tx, by, login); err != nil {
				return err
			}
		}
		if _, err := tx.Exec(ctx, `UPDATE auth_users SET disabled_at = ? WHERE login = ?`, tx.Now(), login); err != nil {
			return err
		}
		return endSessions(ctx, tx, login)
	})
}

// ResetPassword gives the account login a new random password, returned once
// to be handed to its owner, and ends its sessions.
// Errors: apperr.NotFound (KeyUserNotFound).
func (s *Service) ResetPassword(ctx context.Context, login string) (string, error) {
	password := NewPassword()
	hash := hashPassword(password, s.params())
	err := s.DB.Tx(ctx, func(tx *store.Tx) error {
		res, err := tx.Exec(ctx, `UPDATE auth_users SET password_hash = ? WHERE login = ?`, hash, login)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return errUserNotFound
		}
		return endSessions(ctx, tx, login)
	})
	if err != nil {
		return "", err
	}
	return password, nil
}

// NewPassword is a random password of 26 base32 characters (130 bits).
func NewPassword() string { return rand.Text() }

var errOwnAdmin = apperr.E(apperr.Forbidden, "an administrator cannot disable themselves or drop their own admin role").WithKey(KeyOwnAdmin)

// keepAnAdmin refuses to take the admin role (or the account) away from
// login when by is login, or when no other active administrator would remain:
// the system must never lose its last administrator.
func (s *Service) keepAnAdmin(ctx context.Context, tx *store.Tx, by, login string) error {
	if login == by {
		return errOwnAdmin
	}
	var others int
	err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM auth_users WHERE login <> ? AND disabled_at IS NULL
		AND (',' || roles || ',') LIKE ?`, login, "%,"+string(casework.RoleAdmin)+",%").Scan(&others)
	if err != nil {
		return err
	}
	if others == 0 {
		return apperr.E(apperr.Forbidden, "the last active administrator must stay").WithKey(KeyLastAdmin)
	}
	return nil
}

// endSessions revokes every live session of the staff account login.
func endSessions(ctx context.Context, tx *store.Tx, login string) error {
	_, err := tx.Exec(ctx, `UPDATE auth_sessions SET revoked_at = ? WHERE kind = ? AND subject = ? AND revoked_at IS NULL`,
		tx.Now(), string(KindStaff), login)
	return err
}

// CreateUser adds the account u with a generated one-time password, for the
// form whose hidden key is formKey. A repeat of the same form (a double
// click, a resent request) finds the account it made and gives it a new
// password instead of failing: the first answer may never have reached the
// browser, and only the last password shown works.
// Errors: those of AddUser; apperr.Conflict when the login exists and was
// made by another form.
func (s *Service) CreateUser(ctx context.Context, u User, formKey string) (string, error) {
	if formKey != "" {
		var login string
		err := s.DB.ReadTx(ctx, func(tx *store.Tx) error {
			return tx.QueryRow(ctx, `SELECT login FROM auth_users WHERE form_key = ?`, formKey).Scan(&login)
		})
		switch {
		case err == nil && login == u.Login:
			return s.ResetPassword(ctx, login)
		case err == nil:
			return "", apperr.E(apperr.Conflict, "this form already created another account").WithKey(KeyFormUsed)
		case apperr.CodeOf(err) != apperr.NotFound:
			return "", err
		}
	}
	password := NewPassword()
	if err := s.AddUser(ctx, u, password); err != nil {
		return "", err
	}
	if formKey == "" {
		return password, nil
	}
	return password, s.DB.Tx(ctx, func(tx *store.Tx) error {
		_, err := tx.Exec(ctx, `UPDATE auth_users SET form_key = ? WHERE login = ?`, formKey, u.Login)
		return err
	})
}
