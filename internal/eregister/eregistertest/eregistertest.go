// Package eregistertest sets up an e-Register for tests: a fresh database of
// each engine (internal/store/storetest), a demonstration CA, an Issuer and a
// Register, and a small form (the reference certificate of
// internal/pdf/samplecert) that exercises the pipeline apart from the official
// forms.
package eregistertest

import (
	"bytes"
	"context"
	"crypto/x509"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"qyzmet/internal/eregister"
	"qyzmet/internal/i18n"
	"qyzmet/internal/pdf"
	"qyzmet/internal/pdf/pdftest"
	"qyzmet/internal/pdf/samplecert"
	"qyzmet/internal/sign"
	"qyzmet/internal/store"
	"qyzmet/internal/store/storetest"
)

// FormID is the one form of CertificateForm.
const FormID = "test-certificate"

// CertificateForm renders the samplecert certificate as form FormID, kind CR.
type CertificateForm struct{}

// Form describes FormID.
func (CertificateForm) Form(id string) (eregister.Form, error) {
	if id != FormID {
		return eregister.Form{}, fmt.Errorf("no form %q", id)
	}
	return eregister.Form{ID: id, Kind: "CR", Title: i18n.Text{KK: "Анықтама", RU: "Справка", EN: "Certificate"}}, nil
}

// Render draws the certificate with the number, date, link and signer of m.
func (CertificateForm) Render(id string, data any, m eregister.Meta) (*pdf.Document, error) {
	d, ok := data.(samplecert.Data)
	if !ok {
		return nil, fmt.Errorf("form %s wants samplecert.Data, not %T", id, data)
	}
	d.Number, d.Issued, d.VerifyURL, d.Official = m.Number, m.IssuedAt, m.VerifyURL, m.Signer
	return samplecert.Draw(d), nil
}

// Request is a complete request to issue the sample certificate.
func Request() eregister.Request {
	d := samplecert.Example()
	return eregister.Request{
		Form:     FormID,
		Data:     d,
		Holder:   d.FullName,
		Issuer:   i18n.Text{KK: "ҚСжАЕК", RU: "КПСиСУ", EN: "CLSSA"},
		Signer:   "Ж. Ә. Жиһаншин",
		Capacity: i18n.Text{KK: "Басқарма басшысы", RU: "Начальник управления", EN: "Head of department"},
		Actor:    "officer-7",
	}
}

// Fixture is an Issuer and a Register on one fresh database.
type Fixture struct {
	DB       *store.DB
	Clock    *storetest.Clock
	Issuer   *eregister.Issuer
	Register *eregister.Register
	Signer   sign.Signer
	Roots    *x509.CertPool
	PKI      string // the demonstration CA's directory (ca.pem …)
	// Config opens the same database again (without the clock), as a command
	// given --data Config.DataDir or QYZMET_DATABASE_URL=Config.DatabaseURL would.
	Config store.Config
}

// New opens a fresh database of engine e with a demonstration CA. The clock
// starts at the real time, on a whole second, so that the demonstration
// certificate (made now) is valid when documents are signed and /M holds the
// issue time exactly.
func New(t testing.TB, e storetest.Engine) *Fixture {
	t.Helper()
	clock := storetest.NewClock(time.Now().UTC().Truncate(time.Second))
	cfg := e.Config(t)
	opened := cfg
	opened.AutoMigrate, opened.Clock = true, clock.Now
	db, err := store.Open(context.Background(), opened)
	if err != nil {
		t.Fatalf("open %s: %v", e.Name(), err)
	}
	t.Cleanup(func() { db.Close() })
	pki := filepath.Join(t.TempDir(), "pki")
	s, err := sign.NewDemoCA(pki)
	if err != nil {
		t.Fatal(err)
	}
	roots, err := sign.LoadTrust(pki)
	if err != nil {
		t.Fatal(err)
	}
	return &Fixture{
		DB: db, Clock: clock, Signer: s, Roots: roots, PKI: pki, Config: cfg,
		Issuer:   &eregister.Issuer{DB: db, Signer: s, Forms: CertificateForm{}, BaseURL: "https://qyzmet.example/", Location: "Astana"},
		Register: &eregister.Register{DB: db, Roots: roots},
	}
}

// Issue issues the sample certificate.
func (f *Fixture) Issue(t testing.TB) eregister.Issued {
	t.Helper()
	out, err := f.Issuer.Issue(context.Background(), Request())
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// Count counts the rows of a table.
func (f *Fixture) Count(t testing.TB, table string) int {
	t.Helper()
	var n int
	err := f.DB.ReadTx(context.Background(), func(tx *store.Tx) error {
		return tx.QueryRow(context.Background(), `SELECT count(*) FROM `+table).Scan(&n)
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// NSSTrusting makes an NSS certificate database that trusts the CA in caFile,
// so that pdfsig (which verifies through NSS) judges the certificate too. It
// returns the -nssdir argument.
func NSSTrusting(t testing.TB, caFile string) string {
	t.Helper()
	dir := t.TempDir()
	if out, ok := pdftest.Run(t, "certutil", "-N", "-d", "sql:"+dir, "--empty-password"); !ok {
		t.Fatalf("certutil -N: %s", out)
	}
	if out, ok := pdftest.Run(t, "certutil", "-A", "-d", "sql:"+dir, "-n", "Qyzmet demo CA", "-t", "CT,C,C", "-i", caFile); !ok {
		t.Fatalf("certutil -A: %s", out)
	}
	return "sql:" + dir
}

// PdfsigValid runs poppler's pdfsig on data and reports whether it found one
// valid signature, by a trusted certificate, over the whole file; and its report.
func PdfsigValid(t testing.TB, nss string, data []byte) (bool, string) {
	t.Helper()
	file := pdftest.WriteFile(t, "document.pdf", data)
	out, _ := pdftest.Run(t, "pdfsig", "-nssdir", nss, file)
	ok := strings.Contains(out, "Signature is Valid.") && strings.Contains(out, "Certificate is Trusted.") &&
		strings.Contains(out, "Total document signed")
	return ok, out
}

// FlipByte changes one byte of the first stream of the file (the page content
// or a font), keeping its length, as a forger retouching the paper would.
func FlipByte(t testing.TB, data []byte) []byte {
	t.Helper()
	i := bytes.Index(data, []byte("stream\n"))
	if i < 0 {
		t.Fatal("no stream in the file")
	}
	c := bytes.Clone(data)
	c[i+len("stream\n")+10] ^= 0x20
	return c
}
