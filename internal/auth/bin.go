package auth

import (
	"context"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"qyzmet/internal/apperr"
	"qyzmet/internal/calendar"
	"qyzmet/internal/iin"
	"qyzmet/internal/store"
)

// A legal entity is an applicant (CR-3, AR-STD-6, AC-7) that acts through a
// person: its head, as the state register of legal entities names them, or a
// representative on a notarized power of attorney (CR-STD-8.1, G-8). A
// citizen signed in with their own IIN switches the session to act for a BIN
// they are linked to; the engine then shows them that BIN's applications.

// Capacity is how a person may act for a legal entity.
type Capacity string

const (
	CapacityHead Capacity = "head" // the head, per the register of legal entities
	CapacityPOA  Capacity = "poa"  // a representative on a notarized power of attorney
)

// BINLink says that a person may act for a legal entity.
type BINLink struct {
	BIN      string
	OrgName  string
	IIN      string
	Capacity Capacity
	// POA is the notarized power of attorney of a CapacityPOA link.
	POANumber   string
	POANotary   string
	POAIssuedOn calendar.Date
	// ValidUntil is the last day the link counts; zero: no end date.
	ValidUntil calendar.Date
	// EndedOn is the day an administrator ended the link, which counts no
	// more from that day; zero: not ended. EndedBy is their login.
	EndedOn calendar.Date
	EndedBy string
}

// LiveOn reports whether the link lets its person act on day.
func (l BINLink) LiveOn(day calendar.Date) bool { return l.StateOn(day) == LinkActive }

// LinkState is what a link allows on a day.
type LinkState string

const (
	LinkActive  LinkState = "active"  // its person may act for the legal entity
	LinkExpired LinkState = "expired" // the power of attorney's term is over
	LinkEnded   LinkState = "ended"   // an administrator ended it
)

// StateOn is the state of the link on day.
func (l BINLink) StateOn(day calendar.Date) LinkState {
	switch {
	case !l.EndedOn.IsZero() && !day.Before(l.EndedOn):
		return LinkEnded
	case !l.ValidUntil.IsZero() && l.ValidUntil.Before(day):
		// Rule G-8: a representative acts on a power of attorney in force.
		return LinkExpired
	}
	return LinkActive
}

// OrgRegistry tells who may act for which legal entity: a stand-in for the
// state register of legal entities and the notaries' register of powers of
// attorney.
type OrgRegistry interface {
	// LinksOf are the legal entities iin is linked to, expired ones included.
	LinksOf(ctx context.Context, iin string) ([]BINLink, error)
}

// Message keys of acting for a legal entity; the web layer translates them.
const (
	KeyBINInvalid   = "auth.bin_invalid"
	KeyBINNotLinked = "auth.bin_not_linked"
	KeyPOAExpired   = "auth.poa_expired"
	KeyNotCitizen   = "auth.not_citizen"
	// Keys of a link an administrator writes, one per input of the form.
	KeyOrgNameFormat = "auth.org_name_format"
	KeyCapacity      = "auth.capacity"
	KeyPOANumber     = "auth.poa_number"
	KeyPOANotary     = "auth.poa_notary"
	KeyPOAIssuedOn   = "auth.poa_issued_on"
	KeyPOAValidUntil = "auth.poa_valid_until"
	KeyBINLinked     = "auth.bin_linked"
	KeyLinkNotFound  = "auth.link_not_found"
)

// DBOrgs keeps the links in auth_bin_links.
type DBOrgs struct{ DB *store.DB }

// LinksOf implements OrgRegistry, by organisation name.
func (d *DBOrgs) LinksOf(ctx context.Context, number string) ([]BINLink, error) {
	return d.query(ctx, `WHERE iin = ? ORDER BY org_name, bin`, number)
}

// All are every link, ended and expired ones included, by organisation name
// and person.
func (d *DBOrgs) All(ctx context.Context) ([]BINLink, error) {
	return d.query(ctx, `ORDER BY org_name, bin, iin`)
}

// query reads the links that where (a WHERE and ORDER BY clause) selects.
func (d *DBOrgs) query(ctx context.Context, where string, args ...any) ([]BINLink, error) {
	var out []BINLink
	err := d.DB.ReadTx(ctx, func(tx *store.Tx) error {
		out = nil
		rows, err := tx.Query(ctx, `SELECT bin, org_name, iin, capacity, poa_number, poa_notary, poa_issued_on, valid_until, ended_on, ended_by
			FROM auth_bin_links `+where, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var l BINLink
			var capacity, issued, until, ended string
			if err := rows.Scan(&l.BIN, &l.OrgName, &l.IIN, &capacity, &l.POANumber, &l.POANotary, &issued, &until, &ended, &l.EndedBy); err != nil {
				return err
			}
			l.Capacity = Capacity(capacity)
			// The dates were checked when written.
			l.POAIssuedOn, _ = parseOptionalDate(issued)
			l.ValidUntil, _ = parseOptionalDate(until)
			l.EndedOn, _ = parseOptionalDate(ended)
			out = append(out, l)
		}
		return rows.Err()
	})
	return out, err
}

// Link records l, replacing an earlier link of the same person and BIN.
// Errors: apperr.Invalid (KeyBINInvalid, wrapping the *iin.Error) for a
// number that is not a BIN, and apperr.Invalid with the key of the field for
// a bad IIN, a missing name, an unknown capacity or a power of attorney
// without its number, notary or date (checkLink).
func (d *DBOrgs) Link(ctx context.Context, l BINLink) error {
	if err := checkLink(l); err != nil {
		return err
	}
	return d.DB.Tx(ctx, func(tx *store.Tx) error { return writeLink(ctx, tx, l, "") })
}

// Add records the new link l that an administrator entered on the add form
// of key formKey. A live link of the same person and BIN stays as it is: the
// form is refused (apperr.Conflict, KeyBINLinked) unless this very form wrote
// it (a repeat, a double click: nil). An ended or expired link is replaced —
// the organisation renews the power of attorney.
// Errors: those of Link; KeyPOAIssuedOn for a power of attorney dated after
// today, KeyPOAValidUntil for one already over; KeyBINLinked.
func (d *DBOrgs) Add(ctx context.Context, l BINLink, formKey string) error {
	if err := checkLink(l); err != nil {
		return err
	}
	return d.DB.Tx(ctx, func(tx *store.Tx) error {
		today := calendar.DateOf(tx.Now())
		switch {
		case today.Before(l.POAIssuedOn):
			return apperr.E(apperr.Invalid, "a power of attorney dated after today").WithKey(KeyPOAIssuedOn)
		case !l.ValidUntil.IsZero() && l.ValidUntil.Before(today):
			// Rule G-8: only a power of attorney in force lets anyone act.
			return apperr.E(apperr.Invalid, "the power of attorney is over").WithKey(KeyPOAValidUntil)
		}
		old, key, err := linkOf(ctx, tx, l.BIN, l.IIN)
		switch {
		case apperr.CodeOf(err) == apperr.NotFound:
		case err != nil:
			return err
		case formKey != "" && key == formKey:
			return nil
		case old.LiveOn(today):
			return apperr.E(apperr.Conflict, "the person is linked to this BIN already").WithKey(KeyBINLinked)
		}
		return writeLink(ctx, tx, l, formKey)
	})
}

// End ends the link of person iin to bin from today, on the word of the
// administrator by, and switches that person's sessions acting for bin back
// to the person themself: nothing they open after this shows the
// organisation's applications. The link stays, ended, in the history; ending
// an ended link changes nothing.
// Errors: apperr.NotFound (KeyLinkNotFound).
func (d *DBOrgs) End(ctx context.Context, bin, iin, by string) error {
	return d.DB.Tx(ctx, func(tx *store.Tx) error {
		old, _, err := linkOf(ctx, tx, bin, iin)
		if apperr.CodeOf(err) == apperr.NotFound {
			return apperr.Wrap(apperr.NotFound, err, "no such link").WithKey(KeyLinkNotFound)
		}
		if err != nil || !old.EndedOn.IsZero() {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE auth_bin_links SET ended_on = ?, ended_by = ? WHERE bin = ? AND iin = ?`,
			calendar.DateOf(tx.Now()).String(), by, bin, iin); err != nil {
			return err
		}
		_, err = tx.Exec(ctx, `UPDATE auth_sessions SET bin = '', org_name = '' WHERE kind = ? AND subject = ? AND bin = ?`,
			string(KindCitizen), iin, bin)
		return err
	})
}

// linkOf is the link of iin to bin with the key of the form that wrote it.
func linkOf(ctx context.Context, tx *store.Tx, bin, iin string) (BINLink, string, error) {
	var l BINLink
	var key, until, ended string
	err := tx.QueryRow(ctx, `SELECT form_key, valid_until, ended_on FROM auth_bin_links WHERE bin = ? AND iin = ?`, bin, iin).
		Scan(&key, &until, &ended)
	l.ValidUntil, _ = parseOptionalDate(until)
	l.EndedOn, _ = parseOptionalDate(ended)
	return l, key, err
}

// writeLink writes l over any earlier link of its person and BIN, which
// thereby is no longer ended.
func writeLink(ctx context.Context, tx *store.Tx, l BINLink, formKey string) error {
	_, err := tx.Exec(ctx, `INSERT INTO auth_bin_links (bin, org_name, iin, capacity, poa_number, poa_notary, poa_issued_on, valid_until, form_key, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (bin, iin) DO UPDATE SET org_name = excluded.org_name, capacity = excluded.capacity, poa_number = excluded.poa_number,
			poa_notary = excluded.poa_notary, poa_issued_on = excluded.poa_issued_on, valid_until = excluded.valid_until,
			form_key = excluded.form_key, ended_on = '', ended_by = '', created_at = excluded.created_at`,
		l.BIN, strings.TrimSpace(l.OrgName), l.IIN, string(l.Capacity), strings.TrimSpace(l.POANumber), strings.TrimSpace(l.POANotary),
		optionalDate(l.POAIssuedOn), optionalDate(l.ValidUntil), formKey, tx.Now())
	return err
}

// maxLinkText bounds the texts of a link as documents print them.
const maxLinkText = 200

// plainText reports whether s is printable text of at most maxLinkText
// characters without markup.
func plainText(s string) bool {
	return utf8.RuneCountInString(s) <= maxLinkText && !strings.ContainsAny(s, "<>") && !strings.ContainsFunc(s, unicode.IsControl)
}

func checkLink(l BINLink) error {
	if _, err := iin.ParseBIN(l.BIN); err != nil || l.BIN != strings.TrimSpace(l.BIN) {
		return apperr.Wrap(apperr.Invalid, err, "not a BIN").WithKey(KeyBINInvalid)
	}
	if _, err := iin.ParseIIN(l.IIN); err != nil {
		return apperr.Wrap(apperr.Invalid, err, "not an IIN").WithKey(KeyIINInvalid)
	}
	switch {
	case strings.TrimSpace(l.OrgName) == "" || !plainText(l.OrgName):
		return apperr.E(apperr.Invalid, "the organisation's name is plain text").WithKey(KeyOrgNameFormat)
	case l.Capacity == CapacityHead:
		return nil
	case l.Capacity != CapacityPOA:
		return apperr.E(apperr.Invalid, "capacity is head or poa").WithKey(KeyCapacity)
	}
	// Rule CR-STD-8.1: a representative acts on a notarized power of
	// attorney, which the application names (number, notary, date).
	switch {
	case strings.TrimSpace(l.POANumber) == "" || !plainText(l.POANumber):
		return apperr.E(apperr.Invalid, "a power of attorney has a number").WithKey(KeyPOANumber)
	case strings.TrimSpace(l.POANotary) == "" || !plainText(l.POANotary):
		return apperr.E(apperr.Invalid, "a power of attorney has a notary").WithKey(KeyPOANotary)
	case l.POAIssuedOn.IsZero():
		return apperr.E(apperr.Invalid, "a power of attorney has a date").WithKey(KeyPOAIssuedOn)
	case !l.ValidUntil.IsZero() && l.ValidUntil.Before(l.POAIssuedOn):
		// Rule G-8: the term of the power of attorney starts on its date.
		return apperr.E(apperr.Invalid, "a power of attorney ends after it is issued").WithKey(KeyPOAValidUntil)
	}
	return nil
}

// orgs is the registry the service reads: the database's table, which the
// demo and the State Corporation's staff fill until the state registers are
// connected behind OrgRegistry.
func (s *Service) orgs() OrgRegistry { return &DBOrgs{DB: s.DB} }

// Organisations are the legal entities the citizen iin is linked to, expired
// powers of attorney included (the page shows why they cannot be chosen).
func (s *Service) Organisations(ctx context.Context, number string) ([]BINLink, error) {
	return s.orgs().LinksOf(ctx, number)
}

// LinkFor is the live link of citizen iin to bin today.
// Errors: apperr.Invalid (KeyBINInvalid, wrapping the *iin.Error) for a
// number that is not a BIN; apperr.Forbidden with KeyBINNotLinked when iin
// may not act for bin, KeyPOAExpired when the power of attorney has ended.
func (s *Service) LinkFor(ctx context.Context, number, bin string) (BINLink, error) {
	if _, err := iin.ParseBIN(bin); err != nil {
		return BINLink{}, apperr.Wrap(apperr.Invalid, err, "not a BIN").WithKey(KeyBINInvalid)
	}
	links, err := s.orgs().LinksOf(ctx, number)
	if err != nil {
		return BINLink{}, err
	}
	for _, l := range links {
		if l.BIN != bin {
			continue
		}
		// Rule G-8: a representative acts on a power of attorney in force.
		switch l.StateOn(calendar.DateOf(s.DB.Now())) {
		case LinkEnded:
			return BINLink{}, apperr.E(apperr.Forbidden, "the link has ended").WithKey(KeyBINNotLinked)
		case LinkExpired:
			return BINLink{}, apperr.E(apperr.Forbidden, "the power of attorney has expired").WithKey(KeyPOAExpired)
		}
		return l, nil
	}
	return BINLink{}, apperr.E(apperr.Forbidden, "not linked to this BIN").WithKey(KeyBINNotLinked)
}

// ActFor switches the citizen session of token to act for bin, which the
// citizen must be linked to today (LinkFor); an empty bin switches back to
// the citizen themself. Nothing changes on an error.
// Errors: those of LinkFor; apperr.Unauthorized for no live session;
// apperr.Forbidden (KeyNotCitizen) for a staff session.
func (s *Service) ActFor(ctx context.Context, token, bin string) (Session, error) {
	sess, err := s.Session(ctx, token)
	if err != nil {
		return Session{}, err
	}
	if sess.Principal.Kind != KindCitizen {
		return Session{}, apperr.E(apperr.Forbidden, "only citizens act for legal entities").WithKey(KeyNotCitizen)
	}
	var link BINLink
	if bin != "" {
		if link, err = s.LinkFor(ctx, sess.Principal.IIN, bin); err != nil {
			return Session{}, err
		}
	}
	if err := s.setActing(ctx, token, link.BIN, link.OrgName); err != nil {
		return Session{}, err
	}
	sess.Principal.BIN, sess.OrgName = link.BIN, link.OrgName
	return sess, nil
}

func parseOptionalDate(s string) (calendar.Date, error) {
	if s == "" {
		return calendar.Date{}, nil
	}
	return calendar.ParseDate(s)
}

func optionalDate(d calendar.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.String()
}

// DemoOrganisation links the demo citizen iin, as its head, to a demo
// limited liability partnership with a generated valid BIN; a citizen
// already linked keeps their first link. Running it again changes nothing.
func (s *Service) DemoOrganisation(ctx context.Context, number string) (BINLink, error) {
	links, err := s.Organisations(ctx, number)
	if err != nil {
		return BINLink{}, err
	}
	if len(links) > 0 {
		return links[0], nil
	}
	l := BINLink{OrgName: "«Qyzmet Demo» ЖШС", IIN: number, Capacity: CapacityHead}
	if l.BIN, err = iin.NthBIN(time.Date(2015, 3, 1, 0, 0, 0, 0, time.UTC), 1); err != nil {
		return BINLink{}, err
	}
	return l, (&DBOrgs{DB: s.DB}).Link(ctx, l)
}
