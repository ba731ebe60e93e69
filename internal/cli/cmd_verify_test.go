package cli

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"qyzmet/internal/apperr"
	"qyzmet/internal/pdf/samplecert"
	"qyzmet/internal/sign"
)

// signedFile writes a certificate signed by the demonstration CA under DATA/pki,
// as `serve --demo` would, and returns the data directory and the file.
func signedFile(t *testing.T) (dataDir, file string, content []byte) {
	t.Helper()
	dataDir = t.TempDir()
	s, err := sign.NewDemoCA(filepath.Join(dataDir, "pki"))
	if err != nil {
		t.Fatal(err)
	}
	content, err = sign.PDF(samplecert.Draw(samplecert.Example()), s, sign.Options{Time: time.Now()})
	if err != nil {
		t.Fatal(err)
	}
	file = filepath.Join(t.TempDir(), "certificate.pdf")
	if err := os.WriteFile(file, content, 0o644); err != nil {
		t.Fatal(err)
	}
	return dataDir, file, content
}

func TestVerifyCommandAcceptsASignedCertificate(t *testing.T) {
	dataDir, file, _ := signedFile(t)
	code, out, errs := run(t, "verify", file, "--data", dataDir)
	if code != exitOK {
		t.Fatalf("exit %d: %s%s", code, out, errs)
	}
	for _, want := range []string{"VALID\n", "Document number: KZ-CR-2026-00012345", "Signed by: CN=Qyzmet Demo Provider",
		"Signature covers the whole file: yes", "e-Register: not consulted"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}

	code, out, _ = run(t, "verify", "--lang", "kk", "--certs", filepath.Join(dataDir, "pki"), file)
	if code != exitOK || !strings.HasPrefix(out, "ЖАРАМДЫ\n") || !strings.Contains(out, "Құжат нөмірі: KZ-CR-2026-00012345") {
		t.Errorf("exit %d, Kazakh output:\n%s", code, out)
	}
}

func TestVerifyCommandRejectsAChangedFile(t *testing.T) {
	dataDir, _, content := signedFile(t)
	changed := []byte(strings.Replace(string(content), "KZ-CR-2026-00012345", "KZ-CR-2026-00099999", 1))
	file := filepath.Join(t.TempDir(), "changed.pdf")
	if err := os.WriteFile(file, changed, 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, _ := run(t, "verify", file, "--data", dataDir, "--json", "--lang", "ru")
	if code != exitInvalid {
		t.Fatalf("exit %d, want %d:\n%s", code, exitInvalid, out)
	}
	var got verifyJSON
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if got.Valid || got.Number != "KZ-CR-2026-00099999" || got.Reason != "документ изменён после подписания" {
		t.Errorf("report = %+v", got)
	}
}

func TestVerifyCommandRejectsAnotherProvidersCertificate(t *testing.T) {
	_, file, _ := signedFile(t)
	otherData, _, _ := signedFile(t)
	code, out, _ := run(t, "verify", file, "--data", otherData)
	if code != exitInvalid || !strings.HasPrefix(out, "INVALID\n") || !strings.Contains(out, "not from a trusted provider") {
		t.Errorf("exit %d:\n%s", code, out)
	}
}

func TestVerifyCommandUsage(t *testing.T) {
	dataDir, file, _ := signedFile(t)
	tests := []struct {
		name string
		args []string
		want int
	}{
		{"no file", []string{"verify", "--data", dataDir}, exitUsage},
		{"two files", []string{"verify", file, file, "--data", dataDir}, exitUsage},
		{"unknown flag", []string{"verify", file, "--colour"}, exitUsage},
		{"unknown language", []string{"verify", file, "--lang", "de"}, exitUsage},
		{"missing file", []string{"verify", filepath.Join(dataDir, "none.pdf"), "--data", dataDir}, exitFailure},
		{"no certificates", []string{"verify", file, "--data", t.TempDir()}, exitFailure},
	}
	for _, tt := range tests {
		if code, _, _ := run(t, tt.args...); code != tt.want {
			t.Errorf("%s: exit %d, want %d", tt.name, code, tt.want)
		}
	}
}

// registerFunc is a function-field fake of the e-Register, which does not exist yet.
type registerFunc func(ctx context.Context, number string) (RegisterEntry, error)

func (f registerFunc) Lookup(ctx context.Context, number string) (RegisterEntry, error) {
	return f(ctx, number)
}

func TestVerifyConsultsTheRegisterWhenThereIsOne(t *testing.T) {
	dataDir, _, content := signedFile(t)
	roots, err := sign.LoadTrust(filepath.Join(dataDir, "pki"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		entry RegisterEntry
		err   error
		valid bool
	}{
		{"issued", RegisterEntry{Number: "KZ-CR-2026-00012345"}, nil, true},
		{"revoked", RegisterEntry{Number: "KZ-CR-2026-00012345", Revoked: true}, nil, false},
		{"never issued", RegisterEntry{}, apperr.E(apperr.NotFound, "no such document"), false},
		{"register down", RegisterEntry{}, apperr.E(apperr.Internal, "database is down"), false},
	}
	for _, tt := range tests {
		var asked string
		reg := registerFunc(func(_ context.Context, number string) (RegisterEntry, error) {
			asked = number
			return tt.entry, tt.err
		})
		rep := verifyDocument(context.Background(), content, roots, reg)
		if rep.valid() != tt.valid || !rep.registered || asked != "KZ-CR-2026-00012345" {
			t.Errorf("%s: valid = %v (want %v), registered = %v, asked for %q: %v", tt.name, rep.valid(), tt.valid, rep.registered, asked, rep.registerErr)
		}
	}
}
