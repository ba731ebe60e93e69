package eregister

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"

	"qyzmet/internal/apperr"
	"qyzmet/internal/pdf"
	"qyzmet/internal/sign"
	"qyzmet/internal/store"
)

// MaxFileSize is the largest PDF CheckFile reads: a signed one-page document
// weighs tens of kilobytes, a scanned attachment a few megabytes.
const MaxFileSize = 20 << 20

// FileAnswer is the verdict on an uploaded file.
type FileAnswer struct {
	// Original: the file is, byte for byte, a document Qyzmet issued, with a
	// valid signature of a trusted provider key.
	Original bool
	// Reason is the message key that says why the file is not an original.
	Reason string
	// Cause is the technical cause, for the log.
	Cause error
	// Entry is the registered document when the file is an original; the
	// file itself shows everything in it, the holder's name included.
	Entry Entry
}

// reasonKeys maps the signature's failures to what the verifier is told.
var reasonKeys = []struct {
	err error
	key string
}{
	{sign.ErrNotSigned, KeyFileNotSigned},
	{sign.ErrModified, KeyFileModified},
	{sign.ErrNotWholeFile, KeyFileModified},
	{sign.ErrBadSignature, KeyFileModified},
	{sign.ErrUntrusted, KeyFileUntrusted},
	{sign.ErrSeveralSigners, KeyFileDamaged},
	{sign.ErrMalformed, KeyFileDamaged},
}

// LooksLikePDF tells a PDF by its content, not its name: the header %PDF- within
// the first kilobyte, where the PDF specification lets readers find it.
func LooksLikePDF(data []byte) bool {
	head := data[:min(len(data), 1024)]
	return bytes.Contains(head, []byte("%PDF-"))
}

// CheckFile says whether data is the unaltered original of a document Qyzmet
// issued: its signature verifies against the provider roots, the number it
// carries is in the register, and its SHA-256 is the one registered. Errors
// (rather than a verdict): apperr.Invalid when data is not a PDF or is larger
// than MaxFileSize; an internal error when no roots are configured or the
// database fails.
func (r *Register) CheckFile(ctx context.Context, data []byte) (FileAnswer, error) {
	if len(data) > MaxFileSize {
		return FileAnswer{}, apperr.E(apperr.Invalid, "the file is larger than 20 MB").WithKey(KeyFileTooLarge)
	}
	if !LooksLikePDF(data) {
		return FileAnswer{}, apperr.E(apperr.Invalid, "the file is not a PDF").WithKey(KeyNotPDF)
	}
	if r.Roots == nil {
		return FileAnswer{}, errors.New("eregister: no provider certificates are configured to check files against")
	}
	if _, err := sign.Verify(data, r.Roots); err != nil {
		key := KeyFileDamaged
		for _, rk := range reasonKeys {
			if errors.Is(err, rk.err) {
				key = rk.key
				break
			}
		}
		return FileAnswer{Reason: key, Cause: err}, nil
	}
	// The signature is valid, so the number was written by a trusted provider key.
	info, err := pdf.ReadInfo(data)
	if err != nil {
		return FileAnswer{Reason: KeyFileDamaged, Cause: err}, nil
	}
	number, err := ParseNumber(info.Number)
	if err != nil {
		return FileAnswer{Reason: KeyFileUnregistered, Cause: err}, nil
	}
	var e Entry
	err = r.DB.ReadTx(ctx, func(tx *store.Tx) error {
		var err error
		e, err = lookupTx(ctx, tx, number)
		return err
	})
	if apperr.CodeOf(err) == apperr.NotFound {
		return FileAnswer{Reason: KeyFileUnregistered, Cause: err}, nil
	}
	if err != nil {
		return FileAnswer{}, err
	}
	sum := sha256.Sum256(data)
	if hex.EncodeToString(sum[:]) != e.SHA256 {
		return FileAnswer{Reason: KeyFileDiffers, Cause: errors.New("the SHA-256 of the file is not the registered one")}, nil
	}
	return FileAnswer{Original: true, Entry: e}, nil
}
