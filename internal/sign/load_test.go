package sign

import (
	"crypto/x509"
	"encoding/pem"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"software.sslmate.com/src/go-pkcs12"
)

func TestLoadPEMReadsTheDemoFiles(t *testing.T) {
	demoSigner, roots, dir := demo(t)
	// provider.pem carries the root after the leaf; a separate chain file works too.
	s, err := LoadPEM(filepath.Join(dir, DemoProviderFile), filepath.Join(dir, DemoProviderKeyFile))
	if err != nil {
		t.Fatal(err)
	}
	if !s.Certificate().Equal(demoSigner.Certificate()) || len(s.Chain()) != 1 {
		t.Fatalf("LoadPEM: certificate %v, chain of %d", s.Certificate().Subject, len(s.Chain()))
	}
	leafOnly := filepath.Join(t.TempDir(), "leaf.pem")
	writeTestPEM(t, leafOnly, "CERTIFICATE", s.Certificate().Raw)
	s2, err := LoadPEM(leafOnly, filepath.Join(dir, DemoProviderKeyFile), filepath.Join(dir, DemoCAFile))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Verify(signedSample(t, s2), roots); err != nil {
		t.Fatalf("a document signed with the loaded key: %v", err)
	}
}

func TestLoadPEMRefusesBadFiles(t *testing.T) {
	_, _, dir := demo(t)
	tmp := t.TempDir()
	garbage := filepath.Join(tmp, "garbage.pem")
	if err := os.WriteFile(garbage, []byte("not PEM"), 0o600); err != nil {
		t.Fatal(err)
	}
	encrypted := filepath.Join(tmp, "encrypted.pem")
	writeTestPEM(t, encrypted, "ENCRYPTED PRIVATE KEY", []byte{1, 2, 3})
	cert, key, ca := filepath.Join(dir, DemoProviderFile), filepath.Join(dir, DemoProviderKeyFile), filepath.Join(dir, DemoCAKeyFile)
	tests := []struct {
		name            string
		cert, key, want string
	}{
		{"missing certificate", filepath.Join(tmp, "none.pem"), key, "no such file"},
		{"certificate file without a certificate", garbage, key, "no PEM certificate"},
		{"key file without a key", cert, garbage, "no PEM private key"},
		{"encrypted key", cert, encrypted, "encrypted"},
		{"someone else's key", cert, ca, "does not belong"},
	}
	for _, tt := range tests {
		_, err := LoadPEM(tt.cert, tt.key)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %v, want one mentioning %q", tt.name, err, tt.want)
		}
	}
}

func TestLoadPKCS12ReadsModernAndLegacyFiles(t *testing.T) {
	key, leaf, ca, roots := rsaPKI(t)
	for name, enc := range map[string]*pkcs12.Encoder{"modern (AES)": pkcs12.Modern2023, "legacy (3DES)": pkcs12.LegacyDES} {
		data, err := enc.Encode(key, leaf, []*x509.Certificate{ca}, "s3cret")
		if err != nil {
			t.Fatal(err)
		}
		file := filepath.Join(t.TempDir(), "provider.p12")
		if err := os.WriteFile(file, data, 0o600); err != nil {
			t.Fatal(err)
		}
		s, err := LoadPKCS12(file, "s3cret")
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if _, err := Verify(signedSample(t, s), roots); err != nil {
			t.Errorf("%s: a document signed with the loaded key: %v", name, err)
		}
		if _, err := LoadPKCS12(file, "wrong"); err == nil {
			t.Errorf("%s: the wrong password was accepted", name)
		}
	}
}

func TestLoadTrustNeedsACA(t *testing.T) {
	s, _, _ := demo(t)
	dir := t.TempDir()
	writeTestPEM(t, filepath.Join(dir, "provider.pem"), "CERTIFICATE", s.Certificate().Raw)
	if _, err := LoadTrust(dir); err == nil || !strings.Contains(err.Error(), "no CA certificate") {
		t.Errorf("LoadTrust of a directory with only a provider certificate: %v", err)
	}
	if _, err := LoadTrust(filepath.Join(dir, "missing")); err == nil {
		t.Error("LoadTrust of a missing directory succeeded")
	}
}

func writeTestPEM(t *testing.T, path, typ string, der []byte) {
	t.Helper()
	if err := os.WriteFile(path, pem.EncodeToMemory(&pem.Block{Type: typ, Bytes: der}), 0o600); err != nil {
		t.Fatal(err)
	}
}
