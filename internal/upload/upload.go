// Package upload keeps the files applicants attach to applications: scans of
// the document to apostille (AC-9-1), kinship documents, a receipt of the
// state duty. Only PDF, JPEG and PNG are taken, and only when their content
// parses as what it claims — a file is never trusted by its name or by the
// browser's Content-Type. A file belongs to the citizen who uploaded it; staff
// reach it only through an application they may see (ForApplication).
package upload

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"image"
	_ "image/jpeg" // registers the JPEG decoder for image.DecodeConfig
	_ "image/png"  // registers the PNG decoder for image.DecodeConfig
	"regexp"
	"slices"
	"strings"
	"time"

	"qyzmet/internal/apperr"
	"qyzmet/internal/casework"
	"qyzmet/internal/store"
)

// Limits of what is stored.
const (
	// MaxFileBytes is the largest file: a multi-page scan at 300 dpi fits.
	MaxFileBytes = 10 << 20
	// MaxApplicationBytes bounds all the files of one application; the web
	// layer limits the request body to it (plus the form) before parsing.
	MaxApplicationBytes = 25 << 20
	// MaxSide bounds an image's width and height in pixels: a page scanned at
	// 600 dpi is about 7000 px; a larger one is a decompression bomb.
	MaxSide = 12000
)

// Media types the package accepts.
const (
	PDF  = "application/pdf"
	JPEG = "image/jpeg"
	PNG  = "image/png"
)

// Message keys of the errors; the web layer words them in three languages.
const (
	KeyEmpty    = "upload.empty"
	KeyTooLarge = "upload.too_large"
	KeyType     = "upload.type"
	KeyBadPDF   = "upload.bad_pdf"
	KeyBadImage = "upload.bad_image"
	KeyNotFound = "upload.not_found"
)

// File is a stored upload.
type File struct {
	ID        string
	OwnerIIN  string
	SHA256    string
	MediaType string
	Name      string // as the browser named it: shown, never trusted
	Size      int
	CreatedAt time.Time
	Bytes     []byte
}

var (
	pdfHeader = regexp.MustCompile(`^%PDF-1\.[0-7]`)
	// The cross-reference section and the trailer that a reader needs to
	// find the objects: a classic xref table with its trailer, or a
	// cross-reference stream (PDF 1.5+), then startxref with an offset.
	pdfXref      = regexp.MustCompile(`(?s)(\bxref\s+\d+\s+\d+.*\btrailer\b|/Type\s*/XRef\b)`)
	pdfStartXref = regexp.MustCompile(`startxref\s+\d+\s+%%EOF\s*$`)
	// Actions a scan has no business carrying: scripts and launching programs.
	pdfActive = regexp.MustCompile(`/(JavaScript|JS|Launch|EmbeddedFile)\b`)
)

// Detect checks b and returns its media type. Errors: apperr.Invalid with
// KeyEmpty, KeyTooLarge, KeyType (neither PDF, JPEG nor PNG), KeyBadPDF or
// KeyBadImage (the content does not parse as what its first bytes claim).
func Detect(b []byte) (string, error) {
	var mt string
	var err error
	switch {
	case len(b) == 0:
		err = apperr.E(apperr.Invalid, "the file is empty").WithKey(KeyEmpty)
	case len(b) > MaxFileBytes:
		err = apperr.E(apperr.Invalid, "the file is too large").WithKey(KeyTooLarge)
	case bytes.HasPrefix(b, []byte("%PDF-")):
		mt, err = PDF, checkPDF(b)
	case bytes.HasPrefix(b, []byte{0xFF, 0xD8, 0xFF}):
		mt, err = JPEG, checkImage(b, "jpeg")
	case bytes.HasPrefix(b, []byte("\x89PNG\r\n\x1a\n")):
		mt, err = PNG, checkImage(b, "png")
	default:
		err = apperr.E(apperr.Invalid, "not a PDF, JPEG or PNG file").WithKey(KeyType)
	}
	if err != nil {
		return "", err
	}
	return mt, nil
}

// checkPDF wants the structure every reader needs: the version header, a
// cross-reference section with its trailer, and startxref and %%EOF at the
// end. It refuses active content.
func checkPDF(b []byte) error {
	bad := apperr.E(apperr.Invalid, "not a well-formed PDF").WithKey(KeyBadPDF)
	tail := b[max(0, len(b)-1024):]
	if !pdfHeader.Match(b) || !pdfStartXref.Match(tail) || !pdfXref.Match(b) {
		return bad
	}
	if pdfActive.Match(b) {
		return bad
	}
	return nil
}

// checkImage parses the image's header as format and wants sane dimensions.
func checkImage(b []byte, format string) error {
	cfg, got, err := image.DecodeConfig(bytes.NewReader(b))
	if err != nil || got != format || cfg.Width < 1 || cfg.Height < 1 || cfg.Width > MaxSide || cfg.Height > MaxSide {
		return apperr.E(apperr.Invalid, "not a readable image").WithKey(KeyBadImage)
	}
	return nil
}

// Store keeps uploads in the database (upload_files).
type Store struct{ DB *store.DB }

// Save checks b (Detect) and stores it as owner's. name is the browser's file
// name, kept only to show it back.
func (s *Store) Save(ctx context.Context, owner, name string, b []byte) (File, error) {
	mt, err := Detect(b)
	if err != nil {
		return File{}, err
	}
	sum := sha256.Sum256(b)
	f := File{ID: newID(), OwnerIIN: owner, SHA256: hex.EncodeToString(sum[:]), MediaType: mt, Name: cleanName(name), Size: len(b), Bytes: b}
	err = s.DB.Tx(ctx, func(tx *store.Tx) error {
		f.CreatedAt = tx.Now()
		_, err := tx.Exec(ctx, `INSERT INTO upload_files (id, owner_iin, sha256, media_type, name, size, bytes, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, f.ID, f.OwnerIIN, f.SHA256, f.MediaType, f.Name, f.Size, f.Bytes, f.CreatedAt)
		return err
	})
	return f, err
}

var errNotFound = apperr.E(apperr.NotFound, "no such file").WithKey(KeyNotFound)

// Get returns the file id if owner uploaded it. Another person's file is
// NotFound, like a missing one, so an id reveals nothing.
func (s *Store) Get(ctx context.Context, owner, id string) (File, error) {
	f, err := s.load(ctx, id)
	if err != nil {
		return File{}, notFound(err)
	}
	if f.OwnerIIN != owner {
		return File{}, errNotFound
	}
	return f, nil
}

// ForApplication returns the file id to actor when it is attached to the
// application appID (its checklist or its fields) and the engine lets actor
// see that application: staff see the files of the applications of their
// desks, an applicant those of their own.
func (s *Store) ForApplication(ctx context.Context, eng *casework.Engine, actor casework.Actor, appID, id string) (File, error) {
	a, err := eng.Get(ctx, actor, appID)
	if err != nil {
		return File{}, notFound(err)
	}
	if !slices.Contains(Refs(a), id) {
		return File{}, errNotFound
	}
	f, err := s.load(ctx, id)
	return f, notFound(err)
}

// Refs are the upload ids an application refers to: its checklist's file
// references and the ids listed in its FieldFiles field.
func Refs(a *casework.Application) []string {
	var out []string
	for _, it := range a.Checklist {
		if it.FileRef != "" {
			out = append(out, it.FileRef)
		}
	}
	return append(out, SplitRefs(a.Fields[FieldFiles])...)
}

// FieldFiles is the application field that lists uploads the standard's
// checklist has no item for on the channel (kinship documents on the
// portal): space-separated ids.
const FieldFiles = "attached_files"

// SplitRefs splits a FieldFiles value.
func SplitRefs(v string) []string { return strings.Fields(v) }

func (s *Store) load(ctx context.Context, id string) (File, error) {
	var f File
	err := s.DB.ReadTx(ctx, func(tx *store.Tx) error {
		return tx.QueryRow(ctx, `SELECT id, owner_iin, sha256, media_type, name, size, bytes, created_at FROM upload_files WHERE id = ?`, id).
			Scan(&f.ID, &f.OwnerIIN, &f.SHA256, &f.MediaType, &f.Name, &f.Size, &f.Bytes, &f.CreatedAt)
	})
	return f, err
}

// notFound turns every NotFound (a missing file, an application the actor
// may not see) into the package's one answer; other errors pass.
func notFound(err error) error {
	if err == nil {
		return nil
	}
	if apperr.CodeOf(err) == apperr.NotFound {
		return errNotFound
	}
	return err
}

// newID is a random 128-bit id, URL-safe.
func newID() string {
	b := make([]byte, 16)
	rand.Read(b)
	return "upl_" + base64.RawURLEncoding.EncodeToString(b)
}

// cleanName keeps a short printable file name without a path.
func cleanName(name string) string {
	name = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || r == '/' || r == '\\' {
			return -1
		}
		return r
	}, name)
	if r := []rune(name); len(r) > 120 {
		name = string(r[:120])
	}
	return name
}
