package sign

import (
	"bytes"
	"crypto"
	"crypto/ecdsa"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"errors"
	"fmt"
	"slices"
	"time"

	"qyzmet/internal/pdf"
)

// Why a document is not valid. Verify wraps one of these, so a caller can tell the
// reasons apart with errors.Is (and the CLI can explain them in three languages).
var (
	ErrNotSigned      = errors.New("the document carries no signature")
	ErrMalformed      = errors.New("the signature or the file structure is malformed")
	ErrModified       = errors.New("the signed content was modified after signing")
	ErrBadSignature   = errors.New("the signature does not match the signer's certificate")
	ErrUntrusted      = errors.New("the signer's certificate is not issued by a trusted provider")
	ErrNotWholeFile   = errors.New("the file has content after the signed part")
	ErrSeveralSigners = errors.New("the document carries more than one signature")
)

// Result is what Verify found out about the signature, as far as it got.
type Result struct {
	Signer          *x509.Certificate   // the signing certificate, once the CMS is read
	Chain           []*x509.Certificate // the verified path from Signer to a trusted certificate
	SigningTime     time.Time           // the claimed time (/M)
	SubFilter       string
	Field           string
	ByteRange       []int64
	CoversWholeFile bool // the signed ranges reach the end of the file: nothing was appended
}

// Verify checks the document's one signature offline: that /ByteRange leaves out
// exactly the signature, that the SHA-256 digest of the covered bytes is the signed
// message-digest, that the signature over the signed attributes verifies with the
// signer's certificate, that the certificate chains to roots (at the signing time,
// so a paper stays verifiable after its certificate expires), and that no byte
// follows the signed part. It returns nil only when all of that holds; the Result
// tells as much as was learnt before the first failure.
func Verify(data []byte, roots *x509.CertPool) (Result, error) {
	var res Result
	sigs, err := pdf.ReadSignatures(data)
	if err != nil {
		return res, fmt.Errorf("%w: %v", ErrMalformed, err)
	}
	switch len(sigs) {
	case 0:
		return res, ErrNotSigned
	case 1:
	default:
		return res, ErrSeveralSigners
	}
	s := sigs[0]
	res.SigningTime, res.SubFilter, res.Field, res.ByteRange = s.Time, s.SubFilter, s.Field, s.ByteRange
	if s.SubFilter != pdf.SubFilterCAdES && s.SubFilter != pdf.SubFilterPKCS7 {
		return res, fmt.Errorf("%w: unknown sub-filter %q", ErrMalformed, s.SubFilter)
	}
	br := s.ByteRange
	size := int64(len(data))
	if len(br) != 4 || br[0] != 0 || br[1] != s.ContentsAt || br[2] != s.ContentsEnd || br[3] < 0 || br[2]+br[3] > size {
		return res, fmt.Errorf("%w: /ByteRange %v does not leave out exactly the signature", ErrMalformed, br)
	}
	res.CoversWholeFile = br[2]+br[3] == size
	// The hexadecimal /Contents must be exactly what the signer wrote (lower case),
	// so that no byte of the file can change without the verdict changing.
	if !canonicalHex(data[s.ContentsAt+1:s.ContentsEnd-1], s.Contents) {
		return res, fmt.Errorf("%w: /Contents is not in canonical hexadecimal", ErrMalformed)
	}

	c, err := parseCMS(s.Contents)
	if err != nil {
		return res, fmt.Errorf("%w: %v", ErrMalformed, err)
	}
	res.Signer = c.signer
	if !c.contentType.Equal(oidData) {
		return res, fmt.Errorf("%w: signed content type %v is not data", ErrMalformed, c.contentType)
	}
	if s.SubFilter == pdf.SubFilterCAdES {
		// PAdES baseline (ETSI EN 319 142-1 5.2): the signing certificate is bound by
		// signing-certificate-v2, and the signing time is /M, not an attribute.
		if c.essCertHash == nil {
			return res, fmt.Errorf("%w: PAdES signature without signing-certificate-v2", ErrMalformed)
		}
		if c.hasSigningTime {
			return res, fmt.Errorf("%w: PAdES signature with a signing-time attribute", ErrMalformed)
		}
	}
	if c.essCertHash != nil {
		if h := sha256.Sum256(c.signer.Raw); !bytes.Equal(h[:], c.essCertHash) {
			return res, fmt.Errorf("%w: signing-certificate-v2 names another certificate", ErrBadSignature)
		}
	}

	h := sha256.New()
	h.Write(data[:br[1]])
	h.Write(data[br[2] : br[2]+br[3]])
	if !bytes.Equal(h.Sum(nil), c.messageDigest) {
		return res, ErrModified
	}
	if err := checkSignature(c); err != nil {
		return res, err
	}

	intermediates := x509.NewCertPool()
	for _, cert := range c.certs {
		if cert != c.signer {
			intermediates.AddCert(cert)
		}
	}
	at := s.Time
	if at.IsZero() {
		at = time.Now()
	}
	chains, err := c.signer.Verify(x509.VerifyOptions{
		Roots:         roots,
		Intermediates: intermediates,
		CurrentTime:   at,
		KeyUsages:     []x509.ExtKeyUsage{x509.ExtKeyUsageAny},
	})
	if err != nil {
		return res, fmt.Errorf("%w: %v", ErrUntrusted, err)
	}
	res.Chain = chains[0]
	// The certificates travel outside the signed attributes, so a changed byte in an
	// extra certificate would go unnoticed; every embedded one must be on the path.
	for _, cert := range c.certs {
		if !slices.ContainsFunc(res.Chain, cert.Equal) {
			return res, fmt.Errorf("%w: embedded certificate %q is not on the path to a trusted root", ErrUntrusted, cert.Subject)
		}
	}
	if ku := c.signer.KeyUsage; ku != 0 && ku&(x509.KeyUsageDigitalSignature|x509.KeyUsageContentCommitment) == 0 {
		return res, fmt.Errorf("%w: the certificate is not for digital signatures", ErrUntrusted)
	}
	if !res.CoversWholeFile {
		return res, ErrNotWholeFile
	}
	return res, nil
}

func canonicalHex(written, decoded []byte) bool {
	const digits = "0123456789abcdef"
	if len(written) != 2*len(decoded) {
		return false
	}
	for i, b := range decoded {
		if written[2*i] != digits[b>>4] || written[2*i+1] != digits[b&15] {
			return false
		}
	}
	return true
}

// checkSignature verifies the signature over the signed attributes.
func checkSignature(c *cms) error {
	digest := sha256.Sum256(c.signedAttrSet)
	alg := c.signatureAlg
	switch pub := c.signer.PublicKey.(type) {
	case *ecdsa.PublicKey:
		if !alg.Equal(oidECDSAWithSHA256) && !alg.Equal(oidECPublicKey) {
			return fmt.Errorf("%w: algorithm %v does not fit an ECDSA key", ErrBadSignature, alg)
		}
		if !ecdsa.VerifyASN1(pub, digest[:], c.signature) {
			return ErrBadSignature
		}
	case *rsa.PublicKey:
		if !alg.Equal(oidRSAEncryption) && !alg.Equal(oidSHA256WithRSA) {
			return fmt.Errorf("%w: algorithm %v does not fit an RSA key", ErrBadSignature, alg)
		}
		if err := rsa.VerifyPKCS1v15(pub, crypto.SHA256, digest[:], c.signature); err != nil {
			return ErrBadSignature
		}
	default:
		return fmt.Errorf("%w: unsupported key %T", ErrBadSignature, pub)
	}
	return nil
}
