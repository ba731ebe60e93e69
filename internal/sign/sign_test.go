package sign

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"errors"
	"math/big"
	"os"
	"path/filepath"
	"testing"
	"time"

	"qyzmet/internal/pdf"
	"qyzmet/internal/pdf/samplecert"
)

// signedAt is a signing time within the validity of certificates made now; PDF
// dates keep whole seconds.
var signedAt = time.Now().Truncate(time.Second).In(time.FixedZone("", 5*3600))

// demo returns a demonstration PKI in a temporary directory and the roots it trusts.
func demo(t testing.TB) (Signer, *x509.CertPool, string) {
	t.Helper()
	dir := t.TempDir()
	s, err := NewDemoCA(dir)
	if err != nil {
		t.Fatal(err)
	}
	roots, err := LoadTrust(dir)
	if err != nil {
		t.Fatal(err)
	}
	return s, roots, dir
}

func signedSample(t testing.TB, s Signer) []byte {
	t.Helper()
	b, err := PDF(samplecert.Draw(samplecert.Example()), s, Options{Reason: "test", Location: "Astana", Time: signedAt})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestDemoCAIsMadeOnceAndReused(t *testing.T) {
	dir := t.TempDir()
	first, err := NewDemoCA(dir)
	if err != nil {
		t.Fatal(err)
	}
	again, err := NewDemoCA(dir)
	if err != nil {
		t.Fatal(err)
	}
	if !first.Certificate().Equal(again.Certificate()) {
		t.Error("the second start made a new provider certificate")
	}
	if _, ok := first.Certificate().PublicKey.(*ecdsa.PublicKey); !ok {
		t.Errorf("provider key is %T, want ECDSA", first.Certificate().PublicKey)
	}
	if len(again.Chain()) != 1 || !again.Chain()[0].IsCA {
		t.Errorf("chain = %v, want the root CA", again.Chain())
	}
	for _, f := range []string{DemoCAKeyFile, DemoProviderKeyFile} {
		st, err := os.Stat(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		if st.Mode().Perm() != 0o600 {
			t.Errorf("%s has mode %v, want 0600", f, st.Mode().Perm())
		}
	}

	// A directory missing one file is refused, and nothing in it is replaced.
	if err := os.Remove(filepath.Join(dir, DemoProviderKeyFile)); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(filepath.Join(dir, DemoProviderFile))
	if _, err := NewDemoCA(dir); err == nil {
		t.Error("NewDemoCA accepted an incomplete directory")
	}
	after, _ := os.ReadFile(filepath.Join(dir, DemoProviderFile))
	if !bytes.Equal(before, after) {
		t.Error("NewDemoCA changed a file of an incomplete directory")
	}
}

func TestSignedCertificateVerifies(t *testing.T) {
	s, roots, _ := demo(t)
	b := signedSample(t, s)
	res, err := Verify(b, roots)
	if err != nil {
		t.Fatalf("Verify: %v", err)
	}
	if !res.Signer.Equal(s.Certificate()) {
		t.Errorf("signer = %v, want the provider", res.Signer.Subject)
	}
	if !res.SigningTime.Equal(signedAt) {
		t.Errorf("signing time = %v, want %v", res.SigningTime, signedAt)
	}
	if !res.CoversWholeFile || res.SubFilter != pdf.SubFilterCAdES || len(res.Chain) == 0 {
		t.Errorf("result = %+v", res)
	}
}

func TestVerifyCatchesEveryChange(t *testing.T) {
	s, roots, _ := demo(t)
	b := signedSample(t, s)
	sigs, err := pdf.ReadSignatures(b)
	if err != nil || len(sigs) != 1 {
		t.Fatal(sigs, err)
	}
	at, end := int(sigs[0].ContentsAt), int(sigs[0].ContentsEnd)
	byteRange := bytes.Index(b, []byte("/ByteRange [0 ")) + len("/ByteRange [0 ")
	flip := func(i int) []byte {
		c := bytes.Clone(b)
		c[i] ^= 0x01
		return c
	}
	// flipHex changes one hex digit of /Contents into another hex digit, so the
	// container still parses and only the value it carries is wrong (XOR could
	// turn 'a' into '`', which is no hex digit at all).
	flipHex := func(i int) []byte {
		c := bytes.Clone(b)
		if c[i] == '0' {
			c[i] = '1'
		} else {
			c[i] = '0'
		}
		return c
	}
	tests := []struct {
		name string
		data []byte
		want error
	}{
		{"byte in the header", flip(10), ErrModified},
		{"byte in the page content", flip(at / 2), ErrModified},
		{"digit of /ByteRange", flip(byteRange), ErrMalformed},
		{"byte of the signature", flip(at + 1), ErrMalformed},
		{"byte of the signature value", flipHex(at + 2*len(trimZeros(sigs[0].Contents)) - 10), ErrBadSignature},
		{"byte of the padding", flip(end - 3), ErrMalformed},
		{"byte after the signature", flip(len(b) - 30), ErrModified}, // the trailer's /ID
		{"bytes appended", append(bytes.Clone(b), "\n% appended\n"...), ErrNotWholeFile},
		{"last byte cut", b[:len(b)-1], ErrMalformed},
		{"no signature", mustBytes(t, samplecert.Draw(samplecert.Example())), ErrNotSigned},
	}
	for _, tt := range tests {
		_, err := Verify(tt.data, roots)
		if !errors.Is(err, tt.want) {
			t.Errorf("%s: Verify = %v, want %v", tt.name, err, tt.want)
		}
	}
	// And any single flipped byte: every one of the signature container, and a
	// sample of the rest.
	for i := at; i < end; i++ {
		if _, err := Verify(flip(i), roots); err == nil {
			t.Errorf("byte %d of the signature flipped: Verify says valid", i-at)
		}
	}
	for i := 0; i < len(b); i += 17 {
		if _, err := Verify(flip(i), roots); err == nil {
			t.Errorf("byte %d flipped: Verify says valid", i)
		}
	}
}

func trimZeros(b []byte) []byte { return bytes.TrimRight(b, "\x00") }

func mustBytes(t *testing.T, d *pdf.Document) []byte {
	b, err := d.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestVerifyTrustsOnlyTheGivenRoots(t *testing.T) {
	s, _, _ := demo(t)
	_, otherRoots, _ := demo(t)
	_, err := Verify(signedSample(t, s), otherRoots)
	if !errors.Is(err, ErrUntrusted) {
		t.Fatalf("Verify against another CA = %v, want %v", err, ErrUntrusted)
	}
}

// rsaPKI makes a root CA and an RSA provider certificate, as a production
// provider might have.
func rsaPKI(t testing.TB) (*rsa.PrivateKey, *x509.Certificate, *x509.Certificate, *x509.CertPool) {
	t.Helper()
	caKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	caTmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "Test Root"},
		NotBefore: now.AddDate(-1, 0, 0), NotAfter: now.AddDate(5, 0, 0),
		IsCA: true, BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCertSign,
	}
	caDER, err := x509.CreateCertificate(rand.Reader, caTmpl, caTmpl, &caKey.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	ca, _ := x509.ParseCertificate(caDER)
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	leafTmpl := &x509.Certificate{
		SerialNumber: big.NewInt(2), Subject: pkix.Name{CommonName: "Test RSA Provider"},
		NotBefore: now.AddDate(-1, 0, 0), NotAfter: now.AddDate(2, 0, 0),
		KeyUsage:    x509.KeyUsageDigitalSignature | x509.KeyUsageContentCommitment,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageEmailProtection},
	}
	leafDER, err := x509.CreateCertificate(rand.Reader, leafTmpl, ca, &key.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	leaf, _ := x509.ParseCertificate(leafDER)
	roots := x509.NewCertPool()
	roots.AddCert(ca)
	return key, leaf, ca, roots
}

func TestRSASignatureVerifies(t *testing.T) {
	key, leaf, ca, roots := rsaPKI(t)
	s, err := NewSigner(key, leaf, []*x509.Certificate{ca})
	if err != nil {
		t.Fatal(err)
	}
	res, err := Verify(signedSample(t, s), roots)
	if err != nil {
		t.Fatalf("Verify: %v", err)
	}
	if res.Signer.Subject.CommonName != "Test RSA Provider" {
		t.Errorf("signer %v", res.Signer.Subject)
	}
}

func TestNewSignerRefusesMismatchedOrWeakKeys(t *testing.T) {
	s, _, _ := demo(t)
	other, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if _, err := NewSigner(other, s.Certificate(), nil); err == nil {
		t.Error("a key that is not the certificate's was accepted")
	}
	weak, _ := rsa.GenerateKey(rand.Reader, 1024)
	weakCert := &x509.Certificate{PublicKey: &weak.PublicKey}
	if _, err := NewSigner(weak, weakCert, nil); err == nil {
		t.Error("a 1024-bit RSA key was accepted")
	}
	if _, err := NewSigner(other, nil, nil); err == nil {
		t.Error("a signer without a certificate was accepted")
	}
}

func TestDemoCAReplacesAnExpiredProviderCertificate(t *testing.T) {
	dir := t.TempDir()
	first, err := NewDemoCA(dir)
	if err != nil {
		t.Fatal(err)
	}
	// Age the provider certificate: re-issue it from the same root, already expired.
	caPEM, _ := os.ReadFile(filepath.Join(dir, DemoCAKeyFile))
	caKey, err := parsePrivateKey(caPEM)
	if err != nil {
		t.Fatal(err)
	}
	ca := first.Chain()[0]
	key, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(7), Subject: pkix.Name{CommonName: "old"},
		NotBefore: time.Now().AddDate(-4, 0, 0), NotAfter: time.Now().AddDate(0, 0, -1), KeyUsage: x509.KeyUsageDigitalSignature}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, ca, &key.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	old, _ := x509.ParseCertificate(der)
	if err := writePEM(filepath.Join(dir, DemoProviderFile), 0o644, pemCert(old), pemCert(ca)); err != nil {
		t.Fatal(err)
	}
	if err := writeKey(filepath.Join(dir, DemoProviderKeyFile), key); err != nil {
		t.Fatal(err)
	}

	renewed, err := NewDemoCA(dir)
	if err != nil {
		t.Fatal(err)
	}
	if renewed.Certificate().Equal(old) || !renewed.Certificate().NotAfter.After(time.Now()) {
		t.Fatalf("provider certificate not renewed: valid until %v", renewed.Certificate().NotAfter)
	}
	if !renewed.Chain()[0].Equal(ca) {
		t.Error("the renewed certificate comes from another root")
	}
}
