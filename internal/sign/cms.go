package sign

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/asn1"
	"errors"
	"fmt"
	"math/big"
	"slices"
)

// Object identifiers of RFC 5652 (CMS), RFC 5035 (ESS) and the algorithms used.
var (
	oidData                 = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 7, 1}
	oidSignedData           = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 7, 2}
	oidContentType          = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 3}
	oidMessageDigest        = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 4}
	oidSigningTime          = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 5}
	oidSigningCertificateV2 = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 16, 2, 47}
	oidSHA256               = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 2, 1}
	oidECDSAWithSHA256      = asn1.ObjectIdentifier{1, 2, 840, 10045, 4, 3, 2}
	oidECPublicKey          = asn1.ObjectIdentifier{1, 2, 840, 10045, 2, 1}
	oidRSAEncryption        = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 1, 1}
	oidSHA256WithRSA        = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 1, 11}
)

// DER building blocks. The CMS encoder writes DER by hand because the standard
// library has no CMS, and encoding/asn1 does not sort SET OF members as DER requires
// of the signed attributes.

// tlv encodes one DER element with the given identifier octet.
func tlv(tag byte, parts ...[]byte) []byte {
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	out := make([]byte, 0, n+6)
	out = append(out, tag)
	switch {
	case n < 0x80:
		out = append(out, byte(n))
	case n < 0x100:
		out = append(out, 0x81, byte(n))
	case n < 0x10000:
		out = append(out, 0x82, byte(n>>8), byte(n))
	default:
		out = append(out, 0x83, byte(n>>16), byte(n>>8), byte(n))
	}
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

func seq(parts ...[]byte) []byte { return tlv(0x30, parts...) }
func octets(b []byte) []byte     { return tlv(0x04, b) }

// set encodes a SET OF, its members sorted by their encodings (X.690 11.6).
func set(members ...[]byte) []byte {
	sorted := slices.Clone(members)
	slices.SortFunc(sorted, bytes.Compare)
	return tlv(0x31, sorted...)
}

func mustMarshal(v any) []byte {
	b, err := asn1.Marshal(v)
	if err != nil {
		panic(err) // only called with OIDs and integers, which always encode
	}
	return b
}

func oid(o asn1.ObjectIdentifier) []byte { return mustMarshal(o) }
func integer(i *big.Int) []byte          { return mustMarshal(i) }

var asn1Null = []byte{0x05, 0x00}

// signatureAlgorithm names the signature in SignerInfo for the certificate's key.
func signatureAlgorithm(cert *x509.Certificate) ([]byte, error) {
	switch cert.PublicKey.(type) {
	case *ecdsa.PublicKey:
		return seq(oid(oidECDSAWithSHA256)), nil
	case *rsa.PublicKey:
		return seq(oid(oidRSAEncryption), asn1Null), nil
	}
	return nil, fmt.Errorf("sign: unsupported public key %T", cert.PublicKey)
}

// signedAttributes are the attributes PAdES baseline B-B requires (ETSI EN 319
// 142-1 5.2): content-type, message-digest and signing-certificate-v2. There is no
// signing-time attribute: PAdES puts the claimed time in the dictionary's /M.
func signedAttributes(digest []byte, cert *x509.Certificate) [][]byte {
	certHash := sha256.Sum256(cert.Raw)
	// ESSCertIDv2 with the default hash algorithm (SHA-256, so omitted), the
	// certificate's hash and IssuerSerial { GeneralNames { directoryName [4] }, serial }.
	essCertID := seq(octets(certHash[:]), seq(seq(tlv(0xA4, cert.RawIssuer)), integer(cert.SerialNumber)))
	return [][]byte{
		seq(oid(oidContentType), set(oid(oidData))),
		seq(oid(oidMessageDigest), set(octets(digest))),
		seq(oid(oidSigningCertificateV2), set(seq(seq(essCertID)))),
	}
}

// signedData builds the detached CMS SignedData (RFC 5652) for the SHA-256 digest
// of the signed content.
func signedData(digest []byte, s Signer) ([]byte, error) {
	cert := s.Certificate()
	sigAlg, err := signatureAlgorithm(cert)
	if err != nil {
		return nil, err
	}
	// The signature covers the attributes encoded as a SET OF (RFC 5652 5.4), though
	// they travel with the IMPLICIT [0] tag.
	attrSet := set(signedAttributes(digest, cert)...)
	toSign := sha256.Sum256(attrSet)
	signature, err := s.Sign(toSign[:])
	if err != nil {
		return nil, fmt.Errorf("sign: the key refused to sign: %w", err)
	}
	implicitAttrs := slices.Clone(attrSet)
	implicitAttrs[0] = 0xA0
	return encodeSignedData(cert, s.Chain(), implicitAttrs, sigAlg, signature), nil
}

// encodeSignedData lays out the ContentInfo. Verify uses it too, to insist that a
// container is byte for byte what this package writes.
func encodeSignedData(cert *x509.Certificate, chain []*x509.Certificate, implicitAttrs, sigAlg, signature []byte) []byte {
	sha256Alg := seq(oid(oidSHA256))
	version1 := mustMarshal(1)
	signerInfo := seq(
		version1,
		seq(cert.RawIssuer, integer(cert.SerialNumber)), // issuerAndSerialNumber
		sha256Alg,
		implicitAttrs,
		sigAlg,
		octets(signature),
	)
	certs := [][]byte{cert.Raw}
	for _, c := range chain {
		certs = append(certs, c.Raw)
	}
	sd := seq(
		version1,
		set(sha256Alg),
		seq(oid(oidData)), // detached: no eContent
		tlv(0xA0, certs...),
		set(signerInfo),
	)
	return seq(oid(oidSignedData), tlv(0xA0, sd))
}

// maxSignatureSize is an upper bound of the DER signature container for a signer,
// the room the PDF reserves for it.
func maxSignatureSize(s Signer) int {
	n := 1024 // structure, attributes, algorithm identifiers
	n += 2 * len(s.Certificate().Raw)
	for _, c := range s.Chain() {
		n += len(c.Raw) + 8
	}
	switch k := s.Certificate().PublicKey.(type) {
	case *rsa.PublicKey:
		n += k.Size() + 8
	default:
		n += 160 // ECDSA up to P-521
	}
	return n
}

// cms is a parsed SignedData, as much of it as verification needs.
type cms struct {
	certs          []*x509.Certificate
	signer         *x509.Certificate
	signatureAlg   asn1.ObjectIdentifier
	signature      []byte
	signedAttrSet  []byte // the attributes re-tagged as SET OF, as they were signed
	contentType    asn1.ObjectIdentifier
	messageDigest  []byte
	essCertHash    []byte // from signing-certificate-v2, nil when absent
	hasSigningTime bool
}

type contentInfo struct {
	ContentType asn1.ObjectIdentifier
	Content     asn1.RawValue `asn1:"tag:0"` // [0] EXPLICIT: Bytes is the SignedData
}

type signedDataASN1 struct {
	Version          int
	DigestAlgorithms asn1.RawValue
	EncapContentInfo encapContentInfo
	Certificates     asn1.RawValue `asn1:"optional,tag:0"`
	CRLs             asn1.RawValue `asn1:"optional,tag:1"`
	SignerInfos      asn1.RawValue
}

type encapContentInfo struct {
	EContentType asn1.ObjectIdentifier
	EContent     asn1.RawValue `asn1:"optional,explicit,tag:0"`
}

type signerInfoASN1 struct {
	Version            int
	SID                asn1.RawValue
	DigestAlgorithm    algorithmIdentifier
	SignedAttrs        asn1.RawValue `asn1:"optional,tag:0"`
	SignatureAlgorithm algorithmIdentifier
	Signature          []byte
	UnsignedAttrs      asn1.RawValue `asn1:"optional,tag:1"`
}

type algorithmIdentifier struct {
	Algorithm  asn1.ObjectIdentifier
	Parameters asn1.RawValue `asn1:"optional"`
}

type issuerAndSerial struct {
	Issuer asn1.RawValue
	Serial *big.Int
}

type attribute struct {
	Type   asn1.ObjectIdentifier
	Values asn1.RawValue
}

var errCMS = errors.New("malformed CMS signature")

// parseCMS reads a DER SignedData with exactly one signer. Anything after the DER
// must be the zero padding of the reserved room, and the DER must be exactly what
// signedData writes: with no field left unchecked, no changed byte goes unnoticed.
func parseCMS(der []byte) (*cms, error) {
	var ci contentInfo
	rest, err := asn1.Unmarshal(der, &ci)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", errCMS, err)
	}
	if len(bytes.Trim(rest, "\x00")) != 0 {
		return nil, fmt.Errorf("%w: data after the signature", errCMS)
	}
	if !ci.ContentType.Equal(oidSignedData) {
		return nil, fmt.Errorf("%w: content type %v is not SignedData", errCMS, ci.ContentType)
	}
	var sd signedDataASN1
	if rest, err := asn1.Unmarshal(ci.Content.Bytes, &sd); err != nil || len(rest) != 0 {
		return nil, fmt.Errorf("%w: SignedData: %v", errCMS, err)
	}
	if !sd.EncapContentInfo.EContentType.Equal(oidData) || len(sd.EncapContentInfo.EContent.FullBytes) != 0 {
		return nil, fmt.Errorf("%w: not a detached signature over data", errCMS)
	}
	out := &cms{}
	if len(sd.Certificates.Bytes) > 0 {
		out.certs, err = x509.ParseCertificates(sd.Certificates.Bytes)
		if err != nil {
			return nil, fmt.Errorf("%w: certificates: %v", errCMS, err)
		}
	}
	if sd.SignerInfos.Tag != asn1.TagSet {
		return nil, fmt.Errorf("%w: signerInfos is not a SET", errCMS)
	}
	var si signerInfoASN1
	if rest, err := asn1.Unmarshal(sd.SignerInfos.Bytes, &si); err != nil {
		return nil, fmt.Errorf("%w: SignerInfo: %v", errCMS, err)
	} else if len(rest) != 0 {
		return nil, fmt.Errorf("%w: more than one signer", errCMS)
	}
	if !si.DigestAlgorithm.Algorithm.Equal(oidSHA256) {
		return nil, fmt.Errorf("%w: digest algorithm %v is not SHA-256", errCMS, si.DigestAlgorithm.Algorithm)
	}
	var sid issuerAndSerial
	if rest, err := asn1.Unmarshal(si.SID.FullBytes, &sid); err != nil || len(rest) != 0 {
		return nil, fmt.Errorf("%w: the signer is not identified by issuer and serial number", errCMS)
	}
	for _, c := range out.certs {
		if bytes.Equal(c.RawIssuer, sid.Issuer.FullBytes) && c.SerialNumber.Cmp(sid.Serial) == 0 {
			out.signer = c
			break
		}
	}
	if out.signer == nil {
		return nil, fmt.Errorf("%w: the signer's certificate is not embedded", errCMS)
	}
	out.signatureAlg = si.SignatureAlgorithm.Algorithm
	out.signature = si.Signature
	if len(si.SignedAttrs.FullBytes) == 0 {
		return nil, fmt.Errorf("%w: no signed attributes", errCMS)
	}
	out.signedAttrSet = slices.Clone(si.SignedAttrs.FullBytes)
	out.signedAttrSet[0] = 0x31
	if err := out.readAttributes(si.SignedAttrs.Bytes); err != nil {
		return nil, err
	}
	sigAlg, err := signatureAlgorithm(out.signer)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", errCMS, err)
	}
	var chain []*x509.Certificate
	for _, c := range out.certs {
		if c != out.signer {
			chain = append(chain, c)
		}
	}
	canonical := encodeSignedData(out.signer, chain, si.SignedAttrs.FullBytes, sigAlg, out.signature)
	if !bytes.Equal(canonical, der[:len(der)-len(rest)]) {
		return nil, fmt.Errorf("%w: not encoded as Qyzmet encodes signatures", errCMS)
	}
	return out, nil
}

func (c *cms) readAttributes(b []byte) error {
	seen := map[string]bool{}
	for len(b) > 0 {
		var a attribute
		var err error
		b, err = asn1.Unmarshal(b, &a)
		if err != nil {
			return fmt.Errorf("%w: signed attribute: %v", errCMS, err)
		}
		if seen[a.Type.String()] {
			return fmt.Errorf("%w: attribute %v appears twice", errCMS, a.Type)
		}
		seen[a.Type.String()] = true
		if a.Values.Tag != asn1.TagSet {
			return fmt.Errorf("%w: attribute %v values are not a SET", errCMS, a.Type)
		}
		var rest []byte
		switch {
		case a.Type.Equal(oidContentType):
			rest, err = asn1.Unmarshal(a.Values.Bytes, &c.contentType)
		case a.Type.Equal(oidMessageDigest):
			rest, err = asn1.Unmarshal(a.Values.Bytes, &c.messageDigest)
		case a.Type.Equal(oidSigningTime):
			c.hasSigningTime = true
		case a.Type.Equal(oidSigningCertificateV2):
			var v struct {
				Certs []struct {
					HashAlgorithm algorithmIdentifier `asn1:"optional"`
					CertHash      []byte
					IssuerSerial  asn1.RawValue `asn1:"optional"`
				}
				Policies asn1.RawValue `asn1:"optional"`
			}
			rest, err = asn1.Unmarshal(a.Values.Bytes, &v)
			if err == nil && len(v.Certs) > 0 {
				alg := v.Certs[0].HashAlgorithm.Algorithm
				if len(alg) != 0 && !alg.Equal(oidSHA256) {
					return fmt.Errorf("%w: signing-certificate-v2 uses hash %v, not SHA-256", errCMS, alg)
				}
				c.essCertHash = v.Certs[0].CertHash
			}
		}
		if err != nil || len(rest) != 0 {
			return fmt.Errorf("%w: attribute %v has a bad value", errCMS, a.Type)
		}
	}
	return nil
}
