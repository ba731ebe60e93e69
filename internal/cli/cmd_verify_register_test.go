package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"qyzmet/internal/eregister"
	"qyzmet/internal/eregister/eregistertest"
	"qyzmet/internal/pdf/samplecert"
	"qyzmet/internal/sign"
	"qyzmet/internal/store/storetest"
)

// runEnv runs a command with the given environment variables.
func runEnv(t *testing.T, vars map[string]string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = Main(context.Background(), args, Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb,
		Getenv: func(k string) string { return vars[k] }})
	return code, out.String(), errb.String()
}

// registerArgs are the flags and environment that make `qyzmet verify` consult
// the fixture's register and trust its CA.
func registerArgs(f *eregistertest.Fixture) (map[string]string, []string) {
	vars := map[string]string{}
	data := f.Config.DataDir
	if f.Config.DatabaseURL != "" {
		vars["QYZMET_DATABASE_URL"] = f.Config.DatabaseURL
		data = filepath.Dir(f.PKI) // no SQLite file there
	}
	return vars, []string{"--data", data, "--certs", f.PKI}
}

func writeTemp(t *testing.T, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// `qyzmet verify` looks the number up in the e-Register after the offline
// signature check: registered and the same bytes, annulled, unknown, or changed.
func TestVerifyConsultsTheERegister(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		t.Parallel()
		f := eregistertest.New(t, e)
		vars, flags := registerArgs(f)
		verify := func(file string, extra ...string) (int, string) {
			code, out, errs := runEnv(t, vars, append(append([]string{"verify", file}, flags...), extra...)...)
			return code, out + errs
		}

		valid := f.Issue(t)
		code, out := verify(writeTemp(t, "valid.pdf", valid.PDF))
		if code != exitOK || !strings.Contains(out, "e-Register: registered, valid") ||
			!strings.Contains(out, "Same as the original in the e-Register (SHA-256): yes") {
			t.Errorf("registered: exit %d:\n%s", code, out)
		}

		code, out = verify(writeTemp(t, "changed.pdf", flipStreamByte(valid.PDF)))
		if code != exitInvalid || !strings.HasPrefix(out, "INVALID\n") {
			t.Errorf("a byte flipped: exit %d:\n%s", code, out)
		}

		annulled := f.Issue(t)
		if _, err := f.Register.Annul(context.Background(), eregister.Annulment{Number: annulled.Number, Actor: "head-1", Reason: eregister.ReasonReplaced}); err != nil {
			t.Fatal(err)
		}
		code, out = verify(writeTemp(t, "annulled.pdf", annulled.PDF), "--json")
		var got verifyJSON
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatalf("%v:\n%s", err, out)
		}
		if code != exitInvalid || got.Valid || got.Register != "annulled" || got.AnnulledAt == "" ||
			got.SameAsOriginal == nil || !*got.SameAsOriginal || got.Reason != "the e-Register lists the document as revoked" {
			t.Errorf("annulled: exit %d: %+v", code, got)
		}

		// Signed by the provider's key but never registered.
		stray, err := sign.PDF(samplecert.Draw(samplecert.Example()), f.Signer, sign.Options{})
		if err != nil {
			t.Fatal(err)
		}
		code, out = verify(writeTemp(t, "stray.pdf", stray), "--lang", "ru")
		if code != exitInvalid || !strings.Contains(out, "e-Реестр: такого номера нет") {
			t.Errorf("unregistered: exit %d:\n%s", code, out)
		}
	})
}

// A database that cannot be opened is a failure of the command, not a verdict.
func TestVerifyWithABrokenDatabase(t *testing.T) {
	dataDir, file, _ := signedFile(t)
	if err := os.WriteFile(filepath.Join(dataDir, "qyzmet.db"), []byte("not a database"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, out, errs := run(t, "verify", file, "--data", dataDir); code != exitFailure || !strings.Contains(errs, "e-Register") {
		t.Errorf("exit %d:\n%s%s", code, out, errs)
	}
}

// flipStreamByte changes one byte of the first stream of the file, keeping its length.
func flipStreamByte(data []byte) []byte {
	c := bytes.Clone(data)
	c[bytes.Index(c, []byte("stream\n"))+len("stream\n")+10] ^= 0x20
	return c
}
