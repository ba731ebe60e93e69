package eregister_test

import (
	"path/filepath"
	"testing"

	"qyzmet/internal/eregister/eregistertest"
	"qyzmet/internal/pdf/pdftest"
	"qyzmet/internal/sign"
	"qyzmet/internal/store/storetest"
)

// An issued document (the reference certificate of internal/pdf/samplecert)
// validates in pdfsig, a standard PDF tool; with one byte flipped it does not.
// internal/eregister/forms runs the same checks on every official form.
func TestSampleCertificateValidatesInPdfsig(t *testing.T) {
	pdftest.Tool(t, "pdfsig")
	pdftest.Tool(t, "certutil")
	f := eregistertest.New(t, storetest.Engines()[0])
	nss := eregistertest.NSSTrusting(t, filepath.Join(f.PKI, sign.DemoCAFile))
	out := f.Issue(t)
	if ok, report := eregistertest.PdfsigValid(t, nss, out.PDF); !ok {
		t.Fatalf("pdfsig does not validate %s:\n%s", out.Number, report)
	}
	if ok, _ := eregistertest.PdfsigValid(t, nss, eregistertest.FlipByte(t, out.PDF)); ok {
		t.Errorf("pdfsig validates %s with a byte flipped", out.Number)
	}
}
