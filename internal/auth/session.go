package auth

import (
	"context"
	"strings"
	"time"

	"qyzmet/internal/apperr"
	"qyzmet/internal/calendar"
	"qyzmet/internal/casework"
	"qyzmet/internal/store"
)

// Session is a signed-in browser.
type Session struct {
	Principal Principal
	// CSRFToken goes into a hidden field of every form the session posts.
	CSRFToken string
	ExpiresAt time.Time
	// OrgName is the name of the legal entity Principal.BIN names (bin.go).
	OrgName string
}

// SignIn is a new session and the token its cookie carries.
type SignIn struct {
	Token   string
	Session Session
}

// createSession writes a new session for p inside tx.
func (s *Service) createSession(ctx context.Context, tx *store.Tx, p Principal) (SignIn, error) {
	token := newToken()
	sess := Session{Principal: p, CSRFToken: newToken(), ExpiresAt: tx.Now().Add(s.ttl(p.Kind))}
	subject := p.IIN
	if p.Kind == KindStaff {
		subject = p.Login
	}
	_, err := tx.Exec(ctx, `INSERT INTO auth_sessions (id_hash, kind, subject, name, roles, branch, bin, csrf_token, created_at, expires_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		tokenHash(token), string(p.Kind), subject, p.Name, joinRoles(p.Roles), p.Branch, p.BIN, sess.CSRFToken, tx.Now(), sess.ExpiresAt)
	if err != nil {
		return SignIn{}, err
	}
	return SignIn{Token: token, Session: sess}, nil
}

// Session returns the live session of token.
// Errors: apperr.Unauthorized when there is none (unknown, expired or revoked).
func (s *Service) Session(ctx context.Context, token string) (Session, error) {
	var sess Session
	lapsed := false // the session acts for an organisation it may no longer
	if token == "" {
		return sess, errNoSession
	}
	now := s.DB.Now()
	err := s.DB.ReadTx(ctx, func(tx *store.Tx) error {
		var kind, subject, roles string
		err := tx.QueryRow(ctx, `SELECT kind, subject, name, roles, branch, bin, org_name, csrf_token, expires_at FROM auth_sessions
			WHERE id_hash = ? AND revoked_at IS NULL AND expires_at > ?`, tokenHash(token), now).
			Scan(&kind, &subject, &sess.Principal.Name, &roles, &sess.Principal.Branch, &sess.Principal.BIN, &sess.OrgName, &sess.CSRFToken, &sess.ExpiresAt)
		if err != nil {
			return err
		}
		p := &sess.Principal
		p.Kind, p.Roles = Kind(kind), splitRoles(roles)
		if p.Kind == KindCitizen {
			p.IIN = subject
		} else {
			p.Login = subject
		}
		if p.BIN == "" {
			return nil
		}
		// Rule G-8: one acts for an organisation only while the power of
		// attorney (or the headship) is in force, read in the same look.
		l, _, err := linkOf(ctx, tx, p.BIN, p.IIN)
		switch {
		case apperr.CodeOf(err) == apperr.NotFound:
			lapsed = true
		case err != nil:
			return err
		default:
			lapsed = l.StateOn(calendar.DateOf(now)) != LinkActive
		}
		return nil
	})
	if apperr.CodeOf(err) == apperr.NotFound {
		return Session{}, errNoSession
	}
	if err != nil || !lapsed {
		return sess, err
	}
	// A link that expired or was ended since the switch sends the session
	// back to the citizen themself, on every page.
	if err := s.setActing(ctx, token, "", ""); err != nil {
		return Session{}, err
	}
	sess.Principal.BIN, sess.OrgName = "", ""
	return sess, nil
}

// setActing makes the live session of token act for bin (named orgName);
// an empty bin is the citizen themself.
func (s *Service) setActing(ctx context.Context, token, bin, orgName string) error {
	return s.DB.Tx(ctx, func(tx *store.Tx) error {
		res, err := tx.Exec(ctx, `UPDATE auth_sessions SET bin = ?, org_name = ? WHERE id_hash = ? AND revoked_at IS NULL AND expires_at > ?`,
			bin, orgName, tokenHash(token), tx.Now())
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err == nil && n == 0 {
			return errNoSession
		}
		return nil
	})
}

// SignOut revokes the session of token; an unknown or ended session is not an
// error (signing out twice is signing out).
func (s *Service) SignOut(ctx context.Context, token string) error {
	if token == "" {
		return nil
	}
	return s.DB.Tx(ctx, func(tx *store.Tx) error {
		_, err := tx.Exec(ctx, `UPDATE auth_sessions SET revoked_at = ? WHERE id_hash = ? AND revoked_at IS NULL`, tx.Now(), tokenHash(token))
		return err
	})
}

// KeyNoSession: the request has no live session.
const KeyNoSession = "auth.no_session"

var errNoSession = apperr.E(apperr.Unauthorized, "no live session").WithKey(KeyNoSession)

func joinRoles(rs []casework.Role) string {
	s := make([]string, len(rs))
	for i, r := range rs {
		s[i] = string(r)
	}
	return strings.Join(s, ",")
}

func splitRoles(s string) []casework.Role {
	if s == "" {
		return nil
	}
	var rs []casework.Role
	for _, r := range strings.Split(s, ",") {
		rs = append(rs, casework.Role(r))
	}
	return rs
}
