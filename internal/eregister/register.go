package eregister

import (
	"context"
	"crypto/subtle"
	"crypto/x509"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"qyzmet/internal/apperr"
	"qyzmet/internal/calendar"
	"qyzmet/internal/store"
)

// Register reads and annuls the e-Register's documents.
type Register struct {
	DB *store.DB
	// Roots are the provider certification authorities whose signatures
	// CheckFile accepts.
	Roots *x509.CertPool
}

// Proof is what a verifier shows of a paper to see its entry: the issue date
// printed on it, or the verification code of its QR link. At least one is needed;
// each one given must match.
type Proof struct {
	IssuedOn calendar.Date
	Code     string
}

// ParseProof reads a date as YYYY-MM-DD (or DD.MM.YYYY, as printed on the
// paper) and a code as typed; either may be empty.
func ParseProof(date, code string) (Proof, error) {
	var p Proof
	if date = strings.TrimSpace(date); date != "" {
		d, err := calendar.ParseDate(date)
		if err != nil {
			t, err2 := time.Parse("02.01.2006", date)
			if err2 != nil {
				return Proof{}, apperr.Wrap(apperr.Invalid, err, "the issue date is written YYYY-MM-DD or DD.MM.YYYY").WithKey(KeyDateFormat)
			}
			d = calendar.D(t.Year(), t.Month(), t.Day())
		}
		p.IssuedOn = d
	}
	p.Code = normalizeCode(code)
	if p.IssuedOn.IsZero() && p.Code == "" {
		return Proof{}, apperr.E(apperr.Invalid, "give the document's issue date or the code of its QR link").WithKey(KeyProofMissing)
	}
	return p, nil
}

// errNoMatch is the one answer to a number that was never issued and to a
// number whose date or code does not match: a wrong guess teaches nothing.
func errNoMatch() error {
	return apperr.E(apperr.NotFound, "no document with this number and date").WithKey(KeyNoMatch)
}

// Check is the public question: the entry of the document with this number when
// the proof matches it. A malformed number or proof is apperr.Invalid (arithmetic
// on the input, which says nothing about the register). A number never issued
// and a wrong date or code give the same apperr.NotFound, after the same work:
// one read by number and one constant-time comparison of the code's hash.
func (r *Register) Check(ctx context.Context, number string, p Proof) (Entry, error) {
	number, err := ParseNumber(number)
	if err != nil {
		return Entry{}, err
	}
	if p.IssuedOn.IsZero() && p.Code == "" {
		return Entry{}, apperr.E(apperr.Invalid, "give the document's issue date or the code of its QR link").WithKey(KeyProofMissing)
	}
	var e Entry
	var codeHash string
	err = r.DB.ReadTx(ctx, func(tx *store.Tx) error {
		var err error
		e, codeHash, err = readEntry(ctx, tx, number)
		return err
	})
	found := err == nil
	if err != nil && apperr.CodeOf(err) != apperr.NotFound {
		return Entry{}, err
	}
	if !found {
		codeHash = strings.Repeat("0", 64) // compare against something, as a found entry would
	}
	codeOK := subtle.ConstantTimeCompare([]byte(hashCode(p.Code)), []byte(codeHash)) == 1
	match := found &&
		(p.IssuedOn.IsZero() || p.IssuedOn == e.IssuedOn) &&
		(p.Code == "" || codeOK)
	if !match {
		return Entry{}, errNoMatch()
	}
	return e, nil
}

// Lookup is the entry of a number without a proof: for staff and for
// `qyzmet verify`, which run with the database's own credentials, never for the
// public. Errors: apperr.Invalid for a malformed number, apperr.NotFound when no
// such document was issued.
func (r *Register) Lookup(ctx context.Context, number string) (Entry, error) {
	number, err := ParseNumber(number)
	if err != nil {
		return Entry{}, err
	}
	var e Entry
	err = r.DB.ReadTx(ctx, func(tx *store.Tx) error {
		var err error
		e, err = lookupTx(ctx, tx, number)
		return err
	})
	return e, err
}

// Events lists the recorded changes of a document, oldest first.
func (r *Register) Events(ctx context.Context, number string) ([]Event, error) {
	number, err := ParseNumber(number)
	if err != nil {
		return nil, err
	}
	var out []Event
	err = r.DB.ReadTx(ctx, func(tx *store.Tx) error {
		rows, err := tx.Query(ctx, `SELECT seq, number, type, actor, at, reason, note FROM eregister_events WHERE number = ? ORDER BY seq`, number)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var ev Event
			var reason string
			if err := rows.Scan(&ev.Seq, &ev.Number, &ev.Type, &ev.Actor, &ev.At, &reason, &ev.Note); err != nil {
				return err
			}
			ev.Reason = Reason(reason)
			out = append(out, ev)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("eregister: events of %s: %w", number, err)
	}
	return out, nil
}

// lookupTx reads one entry by its canonical number; apperr.NotFound when absent.
func lookupTx(ctx context.Context, tx *store.Tx, number string) (Entry, error) {
	e, _, err := readEntry(ctx, tx, number)
	return e, err
}

func readEntry(ctx context.Context, tx *store.Tx, number string) (Entry, string, error) {
	var e Entry
	var kind, issuer, capacity, issuedOn, status, reason, codeHash string
	var annulledAt sql.NullTime
	err := tx.QueryRow(ctx, `SELECT number, form, kind, issuer, signer, capacity, certificate, issued_at, issued_on,
		holder, code_hash, sha256, size, specimen, application_id, status, annulled_at, annul_reason
		FROM eregister_documents WHERE number = ?`, number).Scan(
		&e.Number, &e.Form, &kind, &issuer, &e.Signer, &capacity, &e.Certificate, &e.IssuedAt, &issuedOn,
		&e.Holder, &codeHash, &e.SHA256, &e.Size, &e.Specimen, &e.Application, &status, &annulledAt, &reason)
	if apperr.CodeOf(err) == apperr.NotFound {
		return Entry{}, "", apperr.Wrap(apperr.NotFound, err, "no document "+number).WithKey(KeyUnknownDocument)
	}
	if err != nil {
		return Entry{}, "", fmt.Errorf("eregister: read %s: %w", number, err)
	}
	for _, f := range []struct {
		raw string
		dst any
	}{{kind, &e.Kind}, {issuer, &e.Issuer}, {capacity, &e.Capacity}} {
		if err := json.Unmarshal([]byte(f.raw), f.dst); err != nil {
			return Entry{}, "", fmt.Errorf("eregister: read %s: %w", number, err)
		}
	}
	if e.IssuedOn, err = calendar.ParseDate(issuedOn); err != nil {
		return Entry{}, "", fmt.Errorf("eregister: read %s: %w", number, err)
	}
	e.Status = Status(status)
	if annulledAt.Valid {
		at := annulledAt.Time.UTC()
		e.Annulment = &Annulled{At: at, On: calendar.DateOf(at), Reason: Reason(reason)}
	}
	e.IssuedAt = e.IssuedAt.UTC()
	return e, codeHash, nil
}
