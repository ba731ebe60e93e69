package eregister

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"qyzmet/internal/apperr"
	"qyzmet/internal/calendar"
	"qyzmet/internal/i18n"
	"qyzmet/internal/pdf"
	"qyzmet/internal/sign"
	"qyzmet/internal/store"
)

// Form is a kind of document the Issuer can issue.
type Form struct {
	ID    string
	Title i18n.Text
	// Kind is the prefix of the form's numbers: the digest section of the form
	// (CR, AP, AR, AC), two or three Latin capitals.
	Kind string
}

// Meta is what the Issuer hands the renderer to print beside the form's data.
type Meta struct {
	Number    string
	IssuedAt  time.Time
	VerifyURL string // the QR code opens it
	Signer    string
	Capacity  i18n.Text
	Issuer    i18n.Text
}

// Renderer draws the forms; forms.Documents (internal/eregister/forms) adapts
// internal/document, which draws every official form.
type Renderer interface {
	// Form describes a form by its ID; an unknown ID is an error.
	Form(id string) (Form, error)
	// Render lays the form out with data and meta. It must put meta.Number in
	// the document's information (pdf.Info.Number), where `qyzmet verify` reads it.
	Render(id string, data any, meta Meta) (*pdf.Document, error)
}

// Issuer issues documents: it renders, numbers, signs and registers them.
type Issuer struct {
	DB     *store.DB // used by Issue; IssueTx runs in the caller's transaction
	Signer sign.Signer
	Forms  Renderer
	// BaseURL is the public address of the site that serves /verify, such as
	// "https://qyzmet.example"; the QR code of every document points under it.
	BaseURL string
	// Location is where the documents are signed, shown by PDF readers ("Astana").
	Location string
}

// Request is one document to issue.
type Request struct {
	Form     string // the form's ID
	Data     any    // the form's data, of the type the renderer expects for it
	Holder   string // the person or organisation the document is about, as printed on it
	Issuer   i18n.Text
	Signer   string    // the official who signs
	Capacity i18n.Text // the official's capacity, such as "Head of department"
	Actor    string    // who issues: a staff member's ID, or "system" for automatic issue
	// Application is the casework application the document answers; "" when none.
	Application string
	// Specimen marks sample data (qyzmet render --sample): the register then says
	// it is a demonstration document, not a real one.
	Specimen bool
}

// Issued is a document that was issued: the signed PDF and what identifies it.
type Issued struct {
	Number    string
	Code      string // the QR link's verification code; the register keeps only its hash
	VerifyURL string
	IssuedAt  time.Time
	PDF       []byte
	SHA256    string // hex SHA-256 of PDF
}

// maxDraws bounds the redraws of a number that is already taken. With eight
// random digits per kind and year a redraw is rare; eight in a row means the
// space is full or the random source is broken.
const maxDraws = 8

// Issue issues one document in a transaction of its own.
func (is *Issuer) Issue(ctx context.Context, req Request) (Issued, error) {
	if is.DB == nil {
		return Issued{}, errors.New("eregister: the Issuer has no database")
	}
	var out Issued
	err := is.DB.Tx(ctx, func(tx *store.Tx) error {
		var err error
		out, err = is.IssueTx(ctx, tx, req)
		return err
	})
	return out, err
}

// IssueTx issues one document inside the caller's transaction: it draws a free
// number and a verification code, renders the form with them, signs it with the
// provider's key at the transaction's time, and records the document with an
// "issued" event. If the transaction rolls back, nothing was issued — the PDF
// must then be thrown away. Errors: apperr.Invalid for an incomplete request or
// an unknown form; anything else (a layout that does not fit, a signer that
// fails) is internal.
func (is *Issuer) IssueTx(ctx context.Context, tx *store.Tx, req Request) (Issued, error) {
	if err := req.check(); err != nil {
		return Issued{}, err
	}
	if is.Signer == nil || is.Forms == nil {
		return Issued{}, errors.New("eregister: the Issuer has no signer or no renderer")
	}
	form, err := is.Forms.Form(req.Form)
	if err != nil {
		return Issued{}, apperr.Wrap(apperr.Invalid, err, fmt.Sprintf("no form %q", req.Form)).WithKey(KeyUnknownForm)
	}
	now := tx.Now()
	// A paper signed outside its certificate's validity would fail every
	// verification: refuse to issue it at all.
	if cert := is.Signer.Certificate(); now.Before(cert.NotBefore) || now.After(cert.NotAfter) {
		return Issued{}, fmt.Errorf("eregister: the signing certificate %q is not valid at %s (valid %s to %s)",
			cert.Subject.CommonName, now.Format(time.RFC3339), cert.NotBefore.Format(time.RFC3339), cert.NotAfter.Format(time.RFC3339))
	}
	issuedOn := calendar.DateOf(now)
	number, err := freeNumber(ctx, tx, form.Kind, issuedOn.Year)
	if err != nil {
		return Issued{}, err
	}
	code := newCode()
	link, err := verifyURL(is.BaseURL, number, code)
	if err != nil {
		return Issued{}, err
	}
	doc, err := is.Forms.Render(req.Form, req.Data, Meta{
		Number: number, IssuedAt: now, VerifyURL: link,
		Signer: req.Signer, Capacity: req.Capacity, Issuer: req.Issuer,
	})
	if err != nil {
		return Issued{}, fmt.Errorf("eregister: render %s: %w", req.Form, err)
	}
	// Rule AR-STD-5: an electronic result is a document signed with the EDS of
	// the authorized person — here the provider's key, at the issue time.
	signed, err := sign.PDF(doc, is.Signer, sign.Options{
		Reason:   fmt.Sprintf("%s № %s", form.Title.In(i18n.EN), number),
		Location: is.Location,
		Time:     now,
	})
	if err != nil {
		return Issued{}, fmt.Errorf("eregister: sign %s: %w", number, err)
	}
	// The number must travel in the file, or `qyzmet verify` and the upload box
	// could not find the document in the register.
	if info, err := pdf.ReadInfo(signed); err != nil || info.Number != number {
		return Issued{}, fmt.Errorf("eregister: the renderer of %s did not write the number into the document information", req.Form)
	}
	sum := sha256.Sum256(signed)
	// Rule AP-6.3: an apostille certifies the signature and the capacity of the
	// signer; the register keeps who signed and in what capacity, and tells
	// anyone who shows the number and date (the HCCH e-Register).
	e := Entry{
		Number: number, Form: form.ID, Kind: form.Title, Issuer: req.Issuer, Signer: req.Signer,
		Capacity: req.Capacity, Certificate: is.Signer.Certificate().Subject.String(),
		IssuedAt: now, IssuedOn: issuedOn, Holder: strings.TrimSpace(req.Holder),
		SHA256: hex.EncodeToString(sum[:]), Size: int64(len(signed)),
		Specimen: req.Specimen, Application: req.Application, Status: StatusValid,
	}
	if err := insertEntry(ctx, tx, e, hashCode(code)); err != nil {
		return Issued{}, err
	}
	if err := appendEvent(ctx, tx, Event{Number: number, Type: EventIssued, Actor: req.Actor, At: now}); err != nil {
		return Issued{}, err
	}
	return Issued{Number: number, Code: code, VerifyURL: link, IssuedAt: now, PDF: signed, SHA256: e.SHA256}, nil
}

func (r Request) check() error {
	var missing []string
	for _, f := range []struct {
		name  string
		empty bool
	}{
		{"form", r.Form == ""},
		{"holder", strings.TrimSpace(r.Holder) == ""},
		{"issuer", !r.Issuer.Complete()},
		{"signer", strings.TrimSpace(r.Signer) == ""},
		{"capacity", !r.Capacity.Complete()},
		{"actor", r.Actor == ""},
	} {
		if f.empty {
			missing = append(missing, f.name)
		}
	}
	if len(missing) > 0 {
		return apperr.E(apperr.Invalid, "a document to issue needs "+strings.Join(missing, ", ")+
			" (issuer and capacity in Kazakh, Russian and English)").WithKey(KeyIncompleteIssue)
	}
	return nil
}

// freeNumber draws numbers until one is not in the register.
func freeNumber(ctx context.Context, tx *store.Tx, kind string, year int) (string, error) {
	for range maxDraws {
		number, err := newNumber(kind, year)
		if err != nil {
			return "", err
		}
		var n int
		if err := tx.QueryRow(ctx, `SELECT count(*) FROM eregister_documents WHERE number = ?`, number).Scan(&n); err != nil {
			return "", fmt.Errorf("eregister: %w", err)
		}
		if n == 0 {
			return number, nil
		}
	}
	return "", apperr.E(apperr.Conflict, fmt.Sprintf("no free %s number for %d after %d draws", kind, year, maxDraws))
}

// verifyURL is the QR link: BASE/verify/NUMBER?c=CODE.
func verifyURL(base, number, code string) (string, error) {
	u, err := url.Parse(strings.TrimRight(base, "/"))
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return "", fmt.Errorf("eregister: base URL %q is not an absolute http(s) URL", base)
	}
	u.Path += "/verify/" + number
	u.RawQuery = url.Values{"c": {code}}.Encode()
	return u.String(), nil
}

func insertEntry(ctx context.Context, tx *store.Tx, e Entry, codeHash string) error {
	_, err := tx.Exec(ctx, `INSERT INTO eregister_documents (number, form, kind, issuer, signer, capacity, certificate,
		issued_at, issued_on, holder, code_hash, sha256, size, specimen, application_id, status)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		e.Number, e.Form, textJSON(e.Kind), textJSON(e.Issuer), e.Signer, textJSON(e.Capacity), e.Certificate,
		e.IssuedAt, e.IssuedOn.String(), e.Holder, codeHash, e.SHA256, e.Size, e.Specimen, e.Application, string(e.Status))
	if err != nil {
		return fmt.Errorf("eregister: record %s: %w", e.Number, err)
	}
	return nil
}

// textJSON stores a trilingual text as JSON; a struct of three strings always encodes.
func textJSON(t i18n.Text) string {
	b, _ := json.Marshal(t)
	return string(b)
}

func appendEvent(ctx context.Context, tx *store.Tx, ev Event) error {
	_, err := tx.Exec(ctx, `INSERT INTO eregister_events (number, type, actor, at, reason, note) VALUES (?, ?, ?, ?, ?, ?)`,
		ev.Number, ev.Type, ev.Actor, ev.At, string(ev.Reason), ev.Note)
	if err != nil {
		return fmt.Errorf("eregister: record the %s event of %s: %w", ev.Type, ev.Number, err)
	}
	return nil
}
