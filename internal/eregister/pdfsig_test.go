package eregister_test

import (
	"path/filepath"
	"strings"
	"testing"

	"qyzmet/internal/eregister/eregistertest"
	"qyzmet/internal/pdf"
	"qyzmet/internal/pdf/pdftest"
	"qyzmet/internal/sign"
	"qyzmet/internal/store/storetest"
)

// nssTrusting makes an NSS certificate database that trusts the demonstration
// CA, so that pdfsig (which verifies through NSS) judges the certificate too.
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

// pdfValid runs pdfsig and says whether it found one valid, trusted signature
// over the whole file.
func pdfValid(t *testing.T, nss string, data []byte) (bool, string) {
	t.Helper()
	file := pdftest.WriteFile(t, "document.pdf", data)
	out, _ := pdftest.Run(t, "pdfsig", "-nssdir", nss, file)
	ok := strings.Contains(out, "Signature is Valid.") && strings.Contains(out, "Certificate is Trusted.") &&
		strings.Contains(out, "Total document signed")
	return ok, out
}

// flipByte changes one byte of the page content (the first stream of the file),
// keeping the length, as a forger retouching the paper would.
func flipByte(t *testing.T, data []byte) []byte {
	t.Helper()
	i := strings.Index(string(data), "stream\n")
	if i < 0 {
		t.Fatal("no stream in the file")
	}
	c := append([]byte(nil), data...)
	c[i+len("stream\n")+10] ^= 0x20
	return c
}

// An issued document validates in pdfsig, a standard PDF tool; with one byte
// flipped, neither pdfsig nor the register's own check accepts it.
func TestIssuedDocumentsValidateInPdfsig(t *testing.T) {
	pdftest.Tool(t, "pdfsig")
	pdftest.Tool(t, "certutil")
	e := storetest.Engines()[0] // the signature does not depend on the engine
	f := eregistertest.New(t, e)
	nss := nssTrusting(t, filepath.Join(f.PKI, sign.DemoCAFile))
	out := f.Issue(t)
	if ok, report := pdfValid(t, nss, out.PDF); !ok {
		t.Fatalf("pdfsig does not validate %s:\n%s", out.Number, report)
	}
	changed := flipByte(t, out.PDF)
	if ok, report := pdfValid(t, nss, changed); ok {
		t.Errorf("pdfsig validates %s with a byte flipped:\n%s", out.Number, report)
	}
	if _, err := sign.Verify(changed, f.Roots); err == nil {
		t.Errorf("sign.Verify accepts %s with a byte flipped", out.Number)
	}
	if info, err := pdf.ReadInfo(changed); err != nil || info.Number != out.Number {
		t.Errorf("the flipped byte should leave the number readable: %q, %v", info.Number, err)
	}
}
