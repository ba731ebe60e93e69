// Package sign signs Qyzmet's PDF documents with the provider's X.509 key and
// verifies them offline.
//
// The signature is a PAdES baseline B-B signature (ETSI EN 319 142-1): a detached
// CMS SignedData (RFC 5652) over the PDF's byte range, with the signed attributes
// content-type, message-digest (SHA-256) and ESS signing-certificate-v2, and the
// claimed signing time in the signature dictionary's /M. Standard tools such as
// poppler's pdfsig validate it; any change to the file invalidates it.
//
// Keys come from a Signer: a demonstration CA made on first start (NewDemoCA), PEM
// files (LoadPEM) or a PKCS #12 file (LoadPKCS12) in production, or any
// crypto.Signer — an HSM, the national certification authority's token — through
// NewSigner.
package sign

import (
	"bytes"
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"software.sslmate.com/src/go-pkcs12"
)

// Signer is the provider's signing key with its certificate. Adapters for an HSM
// or a national CA's key implement these three methods and nothing else.
type Signer interface {
	// Sign signs a SHA-256 digest. An ECDSA key returns an ASN.1 DER
	// ECDSA-Sig-Value, an RSA key a PKCS #1 v1.5 signature.
	Sign(digest []byte) ([]byte, error)
	// Certificate is the signing certificate.
	Certificate() *x509.Certificate
	// Chain is the certificates from the issuer of Certificate up to the root,
	// which are embedded so a verifier can build the path; it may be empty.
	Chain() []*x509.Certificate
}

// keySigner adapts a crypto.Signer.
type keySigner struct {
	key   crypto.Signer
	cert  *x509.Certificate
	chain []*x509.Certificate
}

// NewSigner wraps any crypto.Signer (a key in memory, a PKCS #11 token) whose public
// key is the certificate's. Only ECDSA and RSA keys are accepted: those are what
// PDF readers verify.
func NewSigner(key crypto.Signer, cert *x509.Certificate, chain []*x509.Certificate) (Signer, error) {
	if cert == nil {
		return nil, errors.New("sign: no certificate")
	}
	switch pub := key.Public().(type) {
	case *ecdsa.PublicKey:
		if !pub.Equal(cert.PublicKey) {
			return nil, errors.New("sign: the private key does not belong to the certificate")
		}
	case *rsa.PublicKey:
		if !pub.Equal(cert.PublicKey) {
			return nil, errors.New("sign: the private key does not belong to the certificate")
		}
		if pub.N.BitLen() < 2048 {
			return nil, fmt.Errorf("sign: RSA key of %d bits is too weak; use 2048 bits or more", pub.N.BitLen())
		}
	case ed25519.PublicKey:
		return nil, errors.New("sign: Ed25519 keys are not supported by PDF readers; use ECDSA P-256 or RSA")
	default:
		return nil, fmt.Errorf("sign: unsupported key type %T; use ECDSA P-256 or RSA", pub)
	}
	return &keySigner{key: key, cert: cert, chain: chain}, nil
}

func (s *keySigner) Sign(digest []byte) ([]byte, error) {
	return s.key.Sign(rand.Reader, digest, crypto.SHA256)
}

func (s *keySigner) Certificate() *x509.Certificate { return s.cert }
func (s *keySigner) Chain() []*x509.Certificate     { return s.chain }

// LoadPEM loads the signing certificate, its private key (PKCS #8, SEC 1 or PKCS #1,
// unencrypted: protect the file by its permissions or keep the key in an HSM) and
// the files holding the rest of the chain.
func LoadPEM(certFile, keyFile string, chainFiles ...string) (Signer, error) {
	certs, err := readCertificates(certFile)
	if err != nil {
		return nil, err
	}
	keyPEM, err := os.ReadFile(keyFile)
	if err != nil {
		return nil, fmt.Errorf("sign: %w", err)
	}
	key, err := parsePrivateKey(keyPEM)
	if err != nil {
		return nil, fmt.Errorf("sign: %s: %w", keyFile, err)
	}
	chain := certs[1:] // a certificate file may carry its chain after the leaf
	for _, f := range chainFiles {
		more, err := readCertificates(f)
		if err != nil {
			return nil, err
		}
		chain = append(chain, more...)
	}
	return NewSigner(key, certs[0], chain)
}

// LoadPKCS12 loads a PKCS #12 (.p12, .pfx) file holding the key, its certificate
// and its chain. Both the legacy (3DES, RC2) and the current (PBES2 with AES, as
// OpenSSL 3 writes) encryptions are read.
func LoadPKCS12(file, password string) (Signer, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("sign: %w", err)
	}
	key, cert, chain, err := pkcs12.DecodeChain(data, password)
	if err != nil {
		return nil, fmt.Errorf("sign: %s: %w", file, err)
	}
	cs, ok := key.(crypto.Signer)
	if !ok {
		return nil, fmt.Errorf("sign: %s: the key of type %T cannot sign", file, key)
	}
	return NewSigner(cs, cert, chain)
}

func parsePrivateKey(data []byte) (crypto.Signer, error) {
	for {
		var block *pem.Block
		block, data = pem.Decode(data)
		if block == nil {
			return nil, errors.New("no PEM private key found")
		}
		var key any
		var err error
		switch block.Type {
		case "PRIVATE KEY":
			key, err = x509.ParsePKCS8PrivateKey(block.Bytes)
		case "EC PRIVATE KEY":
			key, err = x509.ParseECPrivateKey(block.Bytes)
		case "RSA PRIVATE KEY":
			key, err = x509.ParsePKCS1PrivateKey(block.Bytes)
		case "ENCRYPTED PRIVATE KEY":
			return nil, errors.New("the private key is encrypted; use a PKCS #12 file with a password instead")
		default:
			continue
		}
		if err != nil {
			return nil, err
		}
		s, ok := key.(crypto.Signer)
		if !ok {
			return nil, fmt.Errorf("a key of type %T cannot sign", key)
		}
		return s, nil
	}
}

// readCertificates reads every CERTIFICATE block of a PEM file, in order.
func readCertificates(file string) ([]*x509.Certificate, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("sign: %w", err)
	}
	var out []*x509.Certificate
	for {
		var block *pem.Block
		block, data = pem.Decode(data)
		if block == nil {
			break
		}
		if block.Type != "CERTIFICATE" {
			continue
		}
		c, err := x509.ParseCertificate(block.Bytes)
		if err != nil {
			return nil, fmt.Errorf("sign: %s: %w", file, err)
		}
		out = append(out, c)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("sign: %s holds no PEM certificate", file)
	}
	return out, nil
}

// LoadTrust reads the certification authorities a verifier trusts: every CA
// certificate in the PEM files *.pem, *.crt and *.cer of dir. Other certificates
// there (the provider's own, beside the demonstration CA) and private keys are
// skipped.
func LoadTrust(dir string) (*x509.CertPool, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("sign: trusted certificates: %w", err)
	}
	pool := x509.NewCertPool()
	n := 0
	for _, e := range entries {
		ext := strings.ToLower(filepath.Ext(e.Name()))
		if e.IsDir() || (ext != ".pem" && ext != ".crt" && ext != ".cer") {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			return nil, fmt.Errorf("sign: %w", err)
		}
		if !bytes.Contains(data, []byte("-----BEGIN CERTIFICATE-----")) {
			continue
		}
		certs, err := readCertificates(filepath.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		for _, c := range certs {
			if c.BasicConstraintsValid && c.IsCA {
				pool.AddCert(c)
				n++
			}
		}
	}
	if n == 0 {
		return nil, fmt.Errorf("sign: no CA certificate in %s (*.pem, *.crt, *.cer)", dir)
	}
	return pool, nil
}
