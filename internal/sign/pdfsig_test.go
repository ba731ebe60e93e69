package sign

import (
	"bytes"
	"crypto/x509"
	"path/filepath"
	"strings"
	"testing"

	"qyzmet/internal/pdf"
	"qyzmet/internal/pdf/pdftest"
)

// nssTrusting makes an NSS certificate database that trusts the demonstration CA,
// so that pdfsig (which verifies through NSS) can judge the certificate too.
func nssTrusting(t *testing.T, caFile string) string {
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

// pdfsig validates the signature: poppler reads the CMS and the byte range the
// same way every PDF reader does.
func TestPdfsigValidatesTheSignature(t *testing.T) {
	pdftest.Tool(t, "pdfsig")
	s, _, dir := demo(t)
	nss := nssTrusting(t, filepath.Join(dir, DemoCAFile))
	key, leaf, ca, _ := rsaPKI(t)
	rsaSigner, err := NewSigner(key, leaf, []*x509.Certificate{ca})
	if err != nil {
		t.Fatal(err)
	}

	for name, signer := range map[string]Signer{"ECDSA P-256 (demo CA)": s, "RSA 2048": rsaSigner} {
		file := pdftest.WriteFile(t, "signed.pdf", signedSample(t, signer))
		out, _ := pdftest.Run(t, "pdfsig", "-nssdir", nss, file)
		for _, want := range []string{"Signature is Valid.", "Total document signed", "Signature Type: ETSI.CAdES.detached",
			"Signer Certificate Common Name: " + signer.Certificate().Subject.CommonName} {
			if !strings.Contains(out, want) {
				t.Errorf("%s: pdfsig output lacks %q:\n%s", name, want, out)
			}
		}
		if signer == s && !strings.Contains(out, "Certificate is Trusted.") {
			t.Errorf("%s: pdfsig does not trust the demo CA:\n%s", name, out)
		}
	}
}

// pdfsig, like Verify, rejects a file with one byte changed in the signed content
// or in the signature.
func TestPdfsigRejectsAChangedByte(t *testing.T) {
	pdftest.Tool(t, "pdfsig")
	s, roots, _ := demo(t)
	b := signedSample(t, s)
	sigs, err := pdf.ReadSignatures(b)
	if err != nil || len(sigs) != 1 {
		t.Fatal(sigs, err)
	}
	at := int(sigs[0].ContentsAt)
	der := len(bytes.TrimRight(sigs[0].Contents, "\x00"))
	tests := []struct {
		name string
		at   int
		to   byte
	}{
		{"a letter of the page text stream", at / 2, 0},
		{"the document number in the metadata", bytes.Index(b, []byte("KZ-CR-2026-00012345")) + 3, 'X'},
		{"a byte of the signature value", at + 2*der - 8, 0},
	}
	for _, tt := range tests {
		c := bytes.Clone(b)
		if tt.to == 0 {
			// Keep hexadecimal digits hexadecimal, so the change is to the value.
			c[tt.at] = map[bool]byte{true: '1', false: '0'}[c[tt.at] != '1']
		} else {
			c[tt.at] = tt.to
		}
		file := pdftest.WriteFile(t, "changed.pdf", c)
		out, _ := pdftest.Run(t, "pdfsig", file)
		if strings.Contains(out, "Signature is Valid.") {
			t.Errorf("%s changed: pdfsig still says valid:\n%s", tt.name, out)
		}
		if _, err := Verify(c, roots); err == nil {
			t.Errorf("%s changed: Verify still says valid", tt.name)
		}
	}
}
