package sign

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha1"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"encoding/pem"
	"errors"
	"fmt"
	"io/fs"
	"math/big"
	"os"
	"path/filepath"
	"time"
)

// Files of the demonstration PKI, under the directory given to NewDemoCA.
const (
	DemoCAFile          = "ca.pem"           // the demonstration root certificate: trust this one
	DemoCAKeyFile       = "ca-key.pem"       // its key, kept to issue a new provider certificate
	DemoProviderFile    = "provider.pem"     // the provider's signing certificate, then the root
	DemoProviderKeyFile = "provider-key.pem" // the provider's signing key
)

// oidDocumentSigning is id-kp-documentSigning (RFC 9336).
var oidDocumentSigning = asn1.ObjectIdentifier{1, 3, 6, 1, 5, 5, 7, 3, 36}

// NewDemoCA returns the provider signer of a demonstration PKI kept under dir: a
// root CA and a provider certificate signed by it, both ECDSA P-256, as PEM files.
// The first call creates them; later calls (later starts of `serve --demo`) load
// the same files, so documents signed earlier still verify. A provider
// certificate that has expired is replaced by a new one from the same root. A
// directory holding only some of the files is refused rather than overwritten.
// The demonstration PKI must never sign real documents: production loads the
// provider's own key with LoadPEM or LoadPKCS12.
func NewDemoCA(dir string) (Signer, error) {
	exists := map[string]bool{}
	for _, f := range []string{DemoCAFile, DemoCAKeyFile, DemoProviderFile, DemoProviderKeyFile} {
		_, err := os.Stat(filepath.Join(dir, f))
		switch {
		case err == nil:
			exists[f] = true
		case !errors.Is(err, fs.ErrNotExist):
			return nil, fmt.Errorf("sign: demonstration CA: %w", err)
		}
	}
	now := time.Now()
	switch len(exists) {
	case 0:
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return nil, fmt.Errorf("sign: demonstration CA: %w", err)
		}
		caKey, ca, err := newDemoRoot(now)
		if err != nil {
			return nil, err
		}
		if err := writePEM(filepath.Join(dir, DemoCAFile), 0o644, pemCert(ca)); err != nil {
			return nil, err
		}
		if err := writeKey(filepath.Join(dir, DemoCAKeyFile), caKey); err != nil {
			return nil, err
		}
		return issueDemoProvider(dir, ca, caKey, now)
	case 4:
	default:
		return nil, fmt.Errorf("sign: demonstration CA in %s is incomplete (it needs %s, %s, %s and %s); "+
			"remove the directory to start a new one", dir, DemoCAFile, DemoCAKeyFile, DemoProviderFile, DemoProviderKeyFile)
	}
	s, err := LoadPEM(filepath.Join(dir, DemoProviderFile), filepath.Join(dir, DemoProviderKeyFile))
	if err != nil {
		return nil, err
	}
	if now.Before(s.Certificate().NotAfter.Add(-24 * time.Hour)) {
		return s, nil
	}
	certs, err := readCertificates(filepath.Join(dir, DemoCAFile))
	if err != nil {
		return nil, err
	}
	keyPEM, err := os.ReadFile(filepath.Join(dir, DemoCAKeyFile))
	if err != nil {
		return nil, fmt.Errorf("sign: %w", err)
	}
	caKey, err := parsePrivateKey(keyPEM)
	if err != nil {
		return nil, fmt.Errorf("sign: %s: %w", DemoCAKeyFile, err)
	}
	return issueDemoProvider(dir, certs[0], caKey, now)
}

func newDemoRoot(now time.Time) (crypto.Signer, *x509.Certificate, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, nil, fmt.Errorf("sign: %w", err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: randomSerial(),
		Subject: pkix.Name{
			Country:      []string{"KZ"},
			Organization: []string{"Qyzmet demonstration"},
			CommonName:   "Qyzmet Demonstration Root CA (not for real documents)",
		},
		NotBefore:             now.Add(-time.Hour),
		NotAfter:              now.AddDate(20, 0, 0),
		KeyUsage:              x509.KeyUsageCertSign | x509.KeyUsageCRLSign,
		BasicConstraintsValid: true,
		IsCA:                  true,
		MaxPathLen:            1,
		SubjectKeyId:          keyID(&key.PublicKey),
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return nil, nil, fmt.Errorf("sign: %w", err)
	}
	cert, err := x509.ParseCertificate(der)
	return key, cert, err
}

// issueDemoProvider makes a new provider key and certificate and writes them.
func issueDemoProvider(dir string, ca *x509.Certificate, caKey crypto.Signer, now time.Time) (Signer, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, fmt.Errorf("sign: %w", err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: randomSerial(),
		Subject: pkix.Name{
			Country:            []string{"KZ"},
			Organization:       []string{"Qyzmet demonstration"},
			OrganizationalUnit: []string{"Demonstration service provider"},
			CommonName:         "Qyzmet Demo Provider (not for real documents)",
		},
		NotBefore: now.Add(-time.Hour),
		NotAfter:  now.AddDate(3, 0, 0),
		// Readers that check S/MIME usages (NSS, under pdfsig) want emailProtection.
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageContentCommitment,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageEmailProtection},
		UnknownExtKeyUsage:    []asn1.ObjectIdentifier{oidDocumentSigning},
		BasicConstraintsValid: true,
		SubjectKeyId:          keyID(&key.PublicKey),
		AuthorityKeyId:        ca.SubjectKeyId,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, ca, &key.PublicKey, caKey)
	if err != nil {
		return nil, fmt.Errorf("sign: %w", err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		return nil, fmt.Errorf("sign: %w", err)
	}
	if err := writeKey(filepath.Join(dir, DemoProviderKeyFile), key); err != nil {
		return nil, err
	}
	if err := writePEM(filepath.Join(dir, DemoProviderFile), 0o644, pemCert(cert), pemCert(ca)); err != nil {
		return nil, err
	}
	return NewSigner(key, cert, []*x509.Certificate{ca})
}

func randomSerial() *big.Int {
	n, err := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 127))
	if err != nil {
		panic(err) // crypto/rand does not fail on supported platforms
	}
	return n.Add(n, big.NewInt(1))
}

// keyID is the RFC 5280 method-1 key identifier (SHA-1 of the public key bits).
func keyID(pub *ecdsa.PublicKey) []byte {
	b, err := pub.Bytes()
	if err != nil {
		panic(err) // a freshly generated P-256 key always encodes
	}
	h := sha1.Sum(b)
	return h[:]
}

func pemCert(c *x509.Certificate) *pem.Block {
	return &pem.Block{Type: "CERTIFICATE", Bytes: c.Raw}
}

func writeKey(path string, key crypto.Signer) error {
	der, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		return fmt.Errorf("sign: %w", err)
	}
	return writePEM(path, 0o600, &pem.Block{Type: "PRIVATE KEY", Bytes: der})
}

// writePEM writes the blocks to a new file; it never replaces an existing one
// except through a rename of a complete temporary file.
func writePEM(path string, mode os.FileMode, blocks ...*pem.Block) error {
	tmp := path + ".tmp"
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, mode)
	if err != nil {
		return fmt.Errorf("sign: %w", err)
	}
	for _, b := range blocks {
		if err := pem.Encode(f, b); err != nil {
			f.Close()
			os.Remove(tmp)
			return fmt.Errorf("sign: %w", err)
		}
	}
	if err := f.Close(); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("sign: %w", err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("sign: %w", err)
	}
	return nil
}
