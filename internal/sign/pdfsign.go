package sign

import (
	"crypto/sha256"
	"time"

	"qyzmet/internal/pdf"
)

// Options are the visible facts of a signature, shown by PDF readers.
type Options struct {
	Reason      string    // e.g. "Issued by the Committee on Legal Statistics"
	Location    string    // e.g. "Astana"
	ContactInfo string    // e.g. the provider's contact centre
	Time        time.Time // the signing time to claim (/M); zero: now
}

// PDF writes the document signed by s: one PAdES baseline B-B signature
// (ETSI.CAdES.detached) that covers the whole file.
func PDF(doc *pdf.Document, s Signer, o Options) ([]byte, error) {
	if o.Time.IsZero() {
		o.Time = time.Now()
	}
	field := pdf.SignatureField{
		SignerName:  s.Certificate().Subject.CommonName,
		Reason:      o.Reason,
		Location:    o.Location,
		ContactInfo: o.ContactInfo,
		Time:        o.Time,
		SubFilter:   pdf.SubFilterCAdES,
		Size:        maxSignatureSize(s),
	}
	return doc.Signed(field, func(before, after []byte) ([]byte, error) {
		h := sha256.New()
		h.Write(before)
		h.Write(after)
		return signedData(h.Sum(nil), s)
	})
}
