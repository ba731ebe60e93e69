package cli

import (
	"context"
	"crypto/x509"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"qyzmet/internal/document"
	"qyzmet/internal/eregister"
	"qyzmet/internal/eregister/eregistertest"
	"qyzmet/internal/pdf"
	"qyzmet/internal/pdf/pdftest"
	"qyzmet/internal/sign"
	"qyzmet/internal/store/storetest"
)

func TestRenderList(t *testing.T) {
	code, out, errs := run(t, "render", "--list")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, s := range document.Forms() {
		if !regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(string(s.ID)) + ` +` + regexp.QuoteMeta(s.Rule) + ` `).MatchString(out) {
			t.Errorf("the list lacks %s (%s):\n%s", s.ID, s.Rule, out)
		}
	}
	code, out, _ = run(t, "render", "--list", "--json", "--lang", "kk")
	var got []struct {
		ID     string `json:"id"`
		Issued bool   `json:"issued"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil || code != exitOK || len(got) != len(document.Forms()) {
		t.Errorf("--json: exit %d, %d forms (%v)", code, len(got), err)
	}
	code, out, _ = run(t, "render", "--list", "--lang", "ru")
	if code != exitOK || !strings.HasPrefix(out, "ФОРМА") {
		t.Errorf("Russian list: exit %d:\n%s", code, out)
	}
}

func TestRenderUsage(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "x.pdf")
	for _, tt := range []struct {
		name string
		args []string
		want int
	}{
		{"nothing", []string{"render"}, exitUsage},
		{"unknown form", []string{"render", "no-such-form", "--sample", "--out", out, "--data", dir}, exitUsage},
		{"no --sample", []string{"render", "cr-certificate", "--out", out, "--data", dir}, exitUsage},
		{"no --out", []string{"render", "cr-certificate", "--sample", "--data", dir}, exitUsage},
		{"two forms", []string{"render", "cr-certificate", "ap-apostille", "--sample", "--out", out}, exitUsage},
		{"--list and a form", []string{"render", "--list", "cr-certificate"}, exitUsage},
		{"unknown language", []string{"render", "--list", "--lang", "de"}, exitUsage},
	} {
		if code, _, _ := run(t, tt.args...); code != tt.want {
			t.Errorf("%s: exit %d, want %d", tt.name, code, tt.want)
		}
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a refused command wrote a file")
	}
	if _, err := os.Stat(filepath.Join(dir, "qyzmet.db")); err == nil {
		t.Error("a refused command created a database")
	}
}

// A form that is not issued (an application) is drawn without a number, a
// signature or an e-Register entry.
func TestRenderUnissuedForm(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "application.pdf")
	code, stdout, errs := run(t, "render", string(document.CRApplication), "--sample", "--out", out, "--data", dir)
	if code != exitOK || !strings.Contains(stdout, "not an issued form") {
		t.Fatalf("exit %d: %s%s", code, stdout, errs)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if sigs, err := pdf.ReadSignatures(b); err != nil || len(sigs) != 0 {
		t.Errorf("signatures %v (%v), want none", sigs, err)
	}
	if _, err := os.Stat(filepath.Join(dir, "qyzmet.db")); err == nil {
		t.Error("an unissued form touched the database")
	}
}

var renderedNumber = regexp.MustCompile(`(?m)^number: (\S+)$`)

// render runs `qyzmet render FORM --sample` and returns the file and its number.
func renderSampleCLI(t *testing.T, vars map[string]string, dataDir string, form document.FormID) (string, []byte, string) {
	t.Helper()
	out := filepath.Join(t.TempDir(), string(form)+".pdf")
	code, stdout, errs := runEnv(t, vars, "render", string(form), "--sample", "--out", out, "--data", dataDir, "--base-url", "https://qyzmet.example")
	if code != exitOK {
		t.Fatalf("render %s: exit %d: %s%s", form, code, stdout, errs)
	}
	m := renderedNumber.FindStringSubmatch(stdout)
	if m == nil || !strings.Contains(stdout, "verify: https://qyzmet.example/verify/"+m[1]+"?c=") {
		t.Fatalf("render %s printed no number and verify URL:\n%s", form, stdout)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return out, b, m[1]
}

// render --sample registers the specimen in the store, on both engines, like a
// real document — marked as a specimen.
func TestRenderSampleIsRegistered(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		t.Parallel()
		f := eregistertest.New(t, e) // a migrated database; its own CA is not used
		vars := map[string]string{}
		dataDir := f.Config.DataDir
		if f.Config.DatabaseURL != "" {
			vars["QYZMET_DATABASE_URL"] = f.Config.DatabaseURL
			dataDir = t.TempDir()
		}
		file, b, number := renderSampleCLI(t, vars, dataDir, document.CRCertificateTravel)
		got, err := f.Register.Lookup(context.Background(), number)
		if err != nil {
			t.Fatal(err)
		}
		if !got.Specimen || got.Form != string(document.CRCertificateTravel) || got.Holder == "" || got.Status != eregister.StatusValid ||
			got.Issuer.EN == "" || got.Capacity.RU == "" || !strings.Contains(got.Certificate, "Demo Provider") {
			t.Errorf("entry %+v", got)
		}
		if n, err := f.Register.Events(context.Background(), number); err != nil || len(n) != 1 || n[0].Actor != "cli:render" {
			t.Errorf("events %+v, %v", n, err)
		}
		if _, err := sign.Verify(b, mustTrust(t, filepath.Join(dataDir, "pki"))); err != nil {
			t.Errorf("the specimen is not signed by the demonstration CA under DATA/pki: %v", err)
		}
		code, out, errs := runEnv(t, vars, "verify", file, "--data", dataDir)
		if code != exitOK || !strings.Contains(out, "e-Register: registered, valid") {
			t.Errorf("verify: exit %d:\n%s%s", code, out, errs)
		}
	})
}

func mustTrust(t *testing.T, dir string) *x509.CertPool {
	t.Helper()
	p, err := sign.LoadTrust(dir)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// Every issued form, rendered by the command line, verifies with `qyzmet verify`
// against the register; with one byte flipped it fails — with `qyzmet verify`
// for every form, and with pdfsig for the certificate and the apostilles.
func TestRenderedDocumentsFailVerificationWithAByteFlipped(t *testing.T) {
	pdftest.Tool(t, "pdfsig")
	pdftest.Tool(t, "certutil")
	dataDir := t.TempDir()
	// The demonstration CA that render makes on first use, made first so that
	// pdfsig can be told to trust it.
	if _, err := sign.NewDemoCA(filepath.Join(dataDir, "pki")); err != nil {
		t.Fatal(err)
	}
	nss := eregistertest.NSSTrusting(t, filepath.Join(dataDir, "pki", sign.DemoCAFile))
	pdfsigForms := map[document.FormID]bool{document.CRCertificateTravel: true, document.APApostille: true, document.ACApostille: true}
	for _, spec := range document.Forms() {
		if !spec.Issued {
			continue
		}
		t.Run(spec.Rule+" "+string(spec.ID), func(t *testing.T) {
			file, b, number := renderSampleCLI(t, nil, dataDir, spec.ID)
			code, out, errs := run(t, "verify", file, "--data", dataDir)
			if code != exitOK || !strings.Contains(out, "Document number: "+number) || !strings.Contains(out, "Same as the original in the e-Register (SHA-256): yes") {
				t.Errorf("original: exit %d:\n%s%s", code, out, errs)
			}
			changed := eregistertest.FlipByte(t, b)
			code, out, _ = run(t, "verify", writeTemp(t, "changed.pdf", changed), "--data", dataDir)
			if code != exitInvalid || !strings.HasPrefix(out, "INVALID\n") {
				t.Errorf("a byte flipped: exit %d:\n%s", code, out)
			}
			if !pdfsigForms[spec.ID] {
				return
			}
			if ok, report := eregistertest.PdfsigValid(t, nss, b); !ok {
				t.Errorf("pdfsig does not validate the original:\n%s", report)
			}
			if ok, report := eregistertest.PdfsigValid(t, nss, changed); ok {
				t.Errorf("pdfsig validates the file with a byte flipped:\n%s", report)
			}
		})
	}
}
