package pdf

import (
	"encoding/hex"
	"errors"
	"fmt"
	"time"
)

// Signature sub-filters: how the signature container is built (ISO 32000-2 12.8.3).
const (
	// SubFilterCAdES is a CAdES detached signature: the PAdES baseline profile
	// (ETSI EN 319 142-1).
	SubFilterCAdES = "ETSI.CAdES.detached"
	// SubFilterPKCS7 is a plain PKCS #7 detached signature (ISO 32000-1).
	SubFilterPKCS7 = "adbe.pkcs7.detached"
)

// SignatureField describes the one embedded signature of a document. It becomes an
// invisible signature form field on the first page; the visible statement that the
// paper is signed electronically is ordinary text the form draws itself.
type SignatureField struct {
	Name        string    // the form field's name; "" means "Signature1"
	SignerName  string    // /Name: who signed, as a person reads it
	Reason      string    // /Reason, e.g. "Issued by the provider"
	Location    string    // /Location
	ContactInfo string    // /ContactInfo
	Time        time.Time // /M: the signing time the signer claims
	SubFilter   string    // SubFilterCAdES or SubFilterPKCS7
	Size        int       // bytes reserved for the DER signature container
}

// placeholders are where, in the written file, the signature's variable parts sit.
type placeholders struct {
	byteRange int // offset of the /ByteRange array's "["
	contents  int // offset of the /Contents string's "<"
	end       int // offset just after its ">"
}

// byteRangeWidth is the width reserved for "[0 a b c]"; the numbers are padded
// with spaces, which PDF readers skip.
const byteRangeWidth = len("[0 0000000000 0000000000 0000000000]")

func (f *SignatureField) write(w *objWriter, widgetID, sigID, pageID int, created time.Time) placeholders {
	name := f.Name
	if name == "" {
		name = "Signature1"
	}
	signed := f.Time
	if signed.IsZero() {
		signed = created
	}
	w.begin(widgetID)
	w.str("<< /Type /Annot /Subtype /Widget /FT /Sig /T " + textString(name) + " /V ")
	w.ref(sigID)
	w.str(" /Rect [0 0 0 0] /F 132 /P ") // 132 = Print | Locked
	w.ref(pageID)
	w.str(" >>")
	w.end()

	w.begin(sigID)
	w.str("<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /" + f.SubFilter)
	for _, kv := range [...]struct{ key, val string }{
		{"Name", f.SignerName}, {"Reason", f.Reason}, {"Location", f.Location}, {"ContactInfo", f.ContactInfo},
	} {
		if kv.val != "" {
			w.str(" /" + kv.key + " " + textString(kv.val))
		}
	}
	w.str(" /M " + pdfDate(signed) + " /ByteRange ")
	var ph placeholders
	ph.byteRange = len(w.buf)
	for range byteRangeWidth {
		w.buf = append(w.buf, ' ')
	}
	w.str(" /Contents ")
	ph.contents = len(w.buf)
	w.buf = append(w.buf, '<')
	for range 2 * f.Size {
		w.buf = append(w.buf, '0')
	}
	w.buf = append(w.buf, '>')
	ph.end = len(w.buf)
	w.str(" >>")
	w.end()
	return ph
}

// Signed writes the document with an embedded signature. The file is written once
// with room for the signature; seal then receives the two byte ranges the
// signature covers — everything but the /Contents hexadecimal string — and returns
// the DER signature container (a CMS SignedData for both sub-filters), which is
// written into the reserved room. seal must not keep the slices.
func (d *Document) Signed(f SignatureField, seal func(before, after []byte) ([]byte, error)) ([]byte, error) {
	if f.SubFilter != SubFilterCAdES && f.SubFilter != SubFilterPKCS7 {
		return nil, fmt.Errorf("pdf: unknown signature sub-filter %q", f.SubFilter)
	}
	if f.Size <= 0 {
		return nil, errors.New("pdf: no room reserved for the signature")
	}
	out, ph, err := d.serialize(&f)
	if err != nil {
		return nil, err
	}
	br := fmt.Sprintf("[0 %d %d %d]", ph.contents, ph.end, len(out)-ph.end)
	copy(out[ph.byteRange:], br)
	der, err := seal(out[:ph.contents], out[ph.end:])
	if err != nil {
		return nil, err
	}
	if len(der) > f.Size {
		return nil, fmt.Errorf("pdf: the signature takes %d bytes but only %d were reserved", len(der), f.Size)
	}
	hex.Encode(out[ph.contents+1:], der)
	return out, nil
}
