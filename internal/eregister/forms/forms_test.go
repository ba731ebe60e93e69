package forms_test

import (
	"context"
	"path/filepath"
	"testing"

	"qyzmet/internal/document"
	"qyzmet/internal/eregister/eregistertest"
	"qyzmet/internal/eregister/forms"
	"qyzmet/internal/pdf"
	"qyzmet/internal/pdf/pdftest"
	"qyzmet/internal/sign"
	"qyzmet/internal/store/storetest"
)

// Every issued form of internal/document goes through the pipeline: numbered
// with the kind of its rule, signed, registered, and validated by pdfsig, a
// standard PDF tool; with one byte flipped, neither pdfsig nor the register's
// own check accepts it.
func TestIssuedFormsValidateInPdfsig(t *testing.T) {
	pdftest.Tool(t, "pdfsig")
	pdftest.Tool(t, "certutil")
	f := eregistertest.New(t, storetest.Engines()[0]) // the signature does not depend on the engine
	nss := eregistertest.NSSTrusting(t, filepath.Join(f.PKI, sign.DemoCAFile))
	issuer := *f.Issuer
	issuer.Forms = forms.Documents{}
	issued := map[document.FormID]bool{}
	for _, spec := range document.Forms() {
		if !spec.Issued {
			if _, err := (forms.Documents{}).Form(string(spec.ID)); err == nil {
				t.Errorf("%s is not issued but the pipeline accepts it", spec.ID)
			}
			continue
		}
		issued[spec.ID] = true
		t.Run(spec.Rule+" "+string(spec.ID), func(t *testing.T) {
			data, err := document.Sample(spec.ID)
			if err != nil {
				t.Fatal(err)
			}
			req := eregistertest.Request()
			req.Form, req.Data, req.Holder = string(spec.ID), data, forms.HolderOf(data)
			out, err := issuer.Issue(context.Background(), req)
			if err != nil {
				t.Fatal(err)
			}
			if kind := spec.Rule[:2]; out.Number[:2] != kind {
				t.Errorf("number %s: want the kind %s of rule %s", out.Number, kind, spec.Rule)
			}
			if req.Holder == "" {
				t.Errorf("HolderOf(%T) names no one", data)
			}
			if ok, report := eregistertest.PdfsigValid(t, nss, out.PDF); !ok {
				t.Fatalf("pdfsig does not validate %s:\n%s", out.Number, report)
			}
			changed := eregistertest.FlipByte(t, out.PDF)
			if ok, report := eregistertest.PdfsigValid(t, nss, changed); ok {
				t.Errorf("pdfsig validates %s with a byte flipped:\n%s", out.Number, report)
			}
			if ans, err := f.Register.CheckFile(context.Background(), changed); err != nil || ans.Original {
				t.Errorf("the register takes %s with a byte flipped for the original: %+v, %v", out.Number, ans, err)
			}
			if info, err := pdf.ReadInfo(out.PDF); err != nil || info.Number != out.Number {
				t.Errorf("the file carries number %q (%v)", info.Number, err)
			}
		})
	}
	for _, id := range []document.FormID{document.CRCertificate, document.CRCertificateTravel, document.APApostille, document.ACApostille} {
		if !issued[id] {
			t.Errorf("%s did not go through the pipeline", id)
		}
	}
}

func TestDocumentsRefusesUnknownForms(t *testing.T) {
	if _, err := (forms.Documents{}).Form("no-such-form"); err == nil {
		t.Error("an unknown form was accepted")
	}
	if got := forms.HolderOf(struct{}{}); got != "" {
		t.Errorf("HolderOf(unknown data) = %q", got)
	}
}
