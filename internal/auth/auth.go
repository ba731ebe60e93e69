// Package auth signs people in: citizens with a one-time password sent by SMS
// to the mobile number registered on their portal account (CR-STD-8.3), staff
// with a login and an argon2id-hashed password. Sessions live in the database
// (only a hash of their token), cookies are HttpOnly and SameSite=Lax, and every
// state-changing form carries the session's CSRF token besides the browser's
// cross-origin check. docs/adr/0005-sign-in.md explains the decisions.
package auth

import (
	"log/slog"
	"slices"
	"time"

	"qyzmet/internal/casework"
	"qyzmet/internal/store"
)

// Kind says how a principal signed in.
type Kind string

const (
	KindCitizen Kind = "citizen"
	KindStaff   Kind = "staff"
)

// Principal is who a session belongs to.
type Principal struct {
	Kind   Kind
	IIN    string // citizens
	Login  string // staff
	Name   string
	Roles  []casework.Role // citizens: applicant; staff: their account's roles
	Branch string          // staff of the State Corporation: their branch
	// BIN is the legal entity the citizen acts for, chosen in the cabinet
	// among the organisations the registry of links names them head or
	// representative of (bin.go, Service.ActFor); empty when acting as oneself.
	BIN string
}

// Has reports whether the principal holds any of roles.
func (p Principal) Has(roles ...casework.Role) bool {
	for _, r := range roles {
		if slices.Contains(p.Roles, r) {
			return true
		}
	}
	return false
}

// Actor is the principal as casework sees it. A staff member with several
// roles acts in the first (their primary role); ActorAs picks another.
func (p Principal) Actor() casework.Actor {
	role := casework.RoleApplicant
	if len(p.Roles) > 0 {
		role = p.Roles[0]
	}
	a, _ := p.ActorAs(role)
	return a
}

// ActorAs is the principal acting in role; false when the principal does not
// hold it.
func (p Principal) ActorAs(role casework.Role) (casework.Actor, bool) {
	if !p.Has(role) {
		return casework.Actor{}, false
	}
	a := casework.Actor{Role: role, Name: p.Name, Branch: p.Branch}
	switch p.Kind {
	case KindCitizen:
		a.ID, a.IIN, a.BIN = "citizen-"+p.IIN, p.IIN, p.BIN
	default:
		a.ID = p.Login
	}
	return a, true
}

// StaffRoles are the roles a staff account may hold.
func StaffRoles() []casework.Role {
	return []casework.Role{casework.RoleOperator, casework.RoleOfficer, casework.RoleHead, casework.RoleArchivist,
		casework.RoleComplaints, casework.RoleQuality, casework.RoleAdmin}
}

// Default lifetimes of sessions: a citizen's is short (a shared computer at a
// library), staff work a shift.
const (
	DefaultCitizenTTL = time.Hour
	DefaultStaffTTL   = 10 * time.Hour
)

// Service signs people in and keeps their sessions.
type Service struct {
	DB        *store.DB
	SMS       SMSGateway
	Directory PersonDirectory
	Log       *slog.Logger
	// CitizenTTL and StaffTTL are the sessions' lifetimes; zero takes the defaults.
	CitizenTTL, StaffTTL time.Duration
	// SecureCookies marks cookies Secure even on plain HTTP requests: set it
	// behind a proxy that terminates TLS. Requests over TLS always get Secure.
	SecureCookies bool

	// password is the argon2id cost; zero takes DefaultPasswordParams (tests lower it).
	password PasswordParams
}

func (s *Service) log() *slog.Logger {
	if s.Log == nil {
		return slog.Default()
	}
	return s.Log
}

func (s *Service) ttl(k Kind) time.Duration {
	switch {
	case k == KindCitizen && s.CitizenTTL > 0:
		return s.CitizenTTL
	case k == KindCitizen:
		return DefaultCitizenTTL
	case s.StaffTTL > 0:
		return s.StaffTTL
	}
	return DefaultStaffTTL
}
