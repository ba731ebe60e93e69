package cli

import (
	"context"
	"crypto/sha256"
	"crypto/x509"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"qyzmet/internal/apperr"
	"qyzmet/internal/calendar"
	"qyzmet/internal/eregister"
	"qyzmet/internal/i18n"
	"qyzmet/internal/pdf"
	"qyzmet/internal/sign"
	"qyzmet/internal/store"
)

// Register is the e-Register as `qyzmet verify` consults it: was this document
// number issued, does it still stand, and is this file its registered original.
// runVerify consults the e-Register in the database under --data (or
// QYZMET_DATABASE_URL) when there is one; without a database it checks the
// signature and the provider certificates only, and says that the register was
// not consulted.
type Register interface {
	// Lookup returns the register's entry for a document number, or an apperr
	// NotFound error when no such document was issued.
	Lookup(ctx context.Context, number string) (RegisterEntry, error)
}

// RegisterEntry is what the e-Register knows of one issued document.
type RegisterEntry struct {
	Number    string
	Issued    time.Time
	Revoked   bool      // annulled: the paper no longer stands
	RevokedAt time.Time // when it was annulled
	Reason    i18n.Text // why it was annulled
	// SHA256 is the hex SHA-256 of the registered original; when set, the file
	// must be exactly that original.
	SHA256 string
}

// storeRegister is the e-Register in the database.
type storeRegister struct{ reg *eregister.Register }

func (s storeRegister) Lookup(ctx context.Context, number string) (RegisterEntry, error) {
	e, err := s.reg.Lookup(ctx, number)
	if apperr.CodeOf(err) == apperr.Invalid {
		// A number not in the register's format was never registered.
		return RegisterEntry{}, apperr.Wrap(apperr.NotFound, err, "not a number of the e-Register")
	}
	if err != nil {
		return RegisterEntry{}, err
	}
	out := RegisterEntry{Number: e.Number, Issued: e.IssuedAt, SHA256: e.SHA256}
	if a := e.Annulment; a != nil {
		out.Revoked, out.RevokedAt, out.Reason = true, a.At, a.Reason.Text()
	}
	return out, nil
}

// openRegister opens the e-Register when a database exists: QYZMET_DATABASE_URL,
// or DATA/qyzmet.db. Without one it returns nil and no error; a missing SQLite
// file is never created by a verification.
func openRegister(ctx context.Context, dataDir string, env Env) (Register, func(), error) {
	url := env.Getenv("QYZMET_DATABASE_URL")
	if url == "" {
		if _, err := os.Stat(filepath.Join(dataDir, store.SQLiteFile)); err != nil {
			return nil, func() {}, nil
		}
	}
	db, err := store.Open(ctx, store.Config{DataDir: dataDir, DatabaseURL: url})
	if err != nil {
		return nil, func() {}, err
	}
	return storeRegister{&eregister.Register{DB: db}}, func() { db.Close() }, nil
}

func runVerify(ctx context.Context, args []string, env Env) int {
	fs := flag.NewFlagSet("verify", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.Usage = func() {
		fmt.Fprintln(env.Stderr, "usage: qyzmet verify FILE.pdf [--certs DIR] [--data DIR] [--json] [--lang kk|ru|en]")
		fs.PrintDefaults()
	}
	dataDir := fs.String("data", "./data", "data directory; the provider certificates are read from its pki/ unless --certs is given")
	certs := fs.String("certs", "", "directory of the trusted CA certificates (*.pem, *.crt, *.cer); default DATA/pki")
	asJSON := fs.Bool("json", false, "print JSON")
	langFlag := fs.String("lang", "", "language of the report: kk, ru or en (default: $QYZMET_LANG or en)")
	files, lang, code := parseArgs(fs, args, langFlag, env, "verify")
	if code >= 0 {
		return code
	}
	if len(files) != 1 {
		fs.Usage()
		return exitUsage
	}
	if *certs == "" {
		*certs = filepath.Join(*dataDir, "pki")
	}
	data, err := os.ReadFile(files[0])
	if err != nil {
		fmt.Fprintln(env.Stderr, "qyzmet verify:", err)
		return exitFailure
	}
	roots, err := sign.LoadTrust(*certs)
	if err != nil {
		fmt.Fprintln(env.Stderr, "qyzmet verify:", err)
		return exitFailure
	}
	reg, closeRegister, err := openRegister(ctx, *dataDir, env)
	if err != nil {
		fmt.Fprintln(env.Stderr, "qyzmet verify: e-Register:", err)
		return exitFailure
	}
	defer closeRegister()
	rep := verifyDocument(ctx, data, roots, reg)
	if *asJSON {
		if code := printJSON(env, rep.json(files[0], lang)); code != exitOK {
			return code
		}
	} else {
		rep.print(env, lang)
	}
	if !rep.valid() {
		return exitInvalid
	}
	return exitOK
}

// verifyReport is what verify found out about one file.
type verifyReport struct {
	sig         sign.Result
	sigErr      error // nil: the signature is valid
	number      string
	registered  bool // the register was consulted
	entry       RegisterEntry
	sameBytes   bool // the file is the registered original, byte for byte
	registerErr error
}

func (r verifyReport) valid() bool { return r.sigErr == nil && r.registerErr == nil }

// verifyDocument checks the signature offline against the trusted roots, reads the
// document number, and asks the register about it when one is given.
func verifyDocument(ctx context.Context, data []byte, roots *x509.CertPool, reg Register) verifyReport {
	var rep verifyReport
	rep.sig, rep.sigErr = sign.Verify(data, roots)
	if info, err := pdf.ReadInfo(data); err == nil {
		rep.number = info.Number
	}
	if reg == nil || rep.sigErr != nil {
		return rep
	}
	rep.registered = true
	if rep.number == "" {
		rep.registerErr = errNoNumber
		return rep
	}
	entry, err := reg.Lookup(ctx, rep.number)
	rep.entry = entry
	if entry.SHA256 != "" {
		sum := sha256.Sum256(data)
		rep.sameBytes = hex.EncodeToString(sum[:]) == entry.SHA256
	}
	switch {
	case apperr.CodeOf(err) == apperr.NotFound:
		rep.registerErr = errNotRegistered
	case err != nil:
		rep.registerErr = fmt.Errorf("register: %w", err)
	case entry.SHA256 != "" && !rep.sameBytes:
		rep.registerErr = errNotTheOriginal
	case entry.Revoked:
		rep.registerErr = errRevoked
	}
	return rep
}

var (
	errNoNumber      = errors.New("the document carries no number")
	errNotRegistered = errors.New("the e-Register has no document with this number")
	errRevoked       = errors.New("the e-Register lists this document as revoked")
	// A validly signed file whose bytes are not the registered original's: the
	// provider's key signed two files under one number.
	errNotTheOriginal = errors.New("the file is not the original registered in the e-Register")
)

// reasons explain, in the three languages, why a document is not valid.
var reasons = []struct {
	err  error
	text i18n.Text
}{
	{sign.ErrNotSigned, i18n.Text{KK: "құжатта қолтаңба жоқ", RU: "документ не подписан", EN: "the document is not signed"}},
	{sign.ErrModified, i18n.Text{KK: "құжат қол қойылғаннан кейін өзгертілген", RU: "документ изменён после подписания",
		EN: "the document was changed after it was signed"}},
	{sign.ErrBadSignature, i18n.Text{KK: "қолтаңба қол қоюшының сертификатына сәйкес келмейді", RU: "подпись не соответствует сертификату подписанта",
		EN: "the signature does not match the signer's certificate"}},
	{sign.ErrUntrusted, i18n.Text{KK: "қол қоюшының сертификатын сенімді өнім беруші бермеген", RU: "сертификат подписанта выдан не доверенным поставщиком",
		EN: "the signer's certificate is not from a trusted provider"}},
	{sign.ErrNotWholeFile, i18n.Text{KK: "қол қойылғаннан кейін файлға деректер қосылған", RU: "после подписи к файлу добавлены данные",
		EN: "data was added to the file after the signature"}},
	{sign.ErrSeveralSigners, i18n.Text{KK: "құжатта бірнеше қолтаңба бар", RU: "документ содержит несколько подписей",
		EN: "the document carries more than one signature"}},
	{sign.ErrMalformed, i18n.Text{KK: "қолтаңба немесе файл құрылымы бүлінген", RU: "подпись или структура файла повреждены",
		EN: "the signature or the file structure is damaged"}},
	{errNoNumber, i18n.Text{KK: "құжатта нөмір жоқ", RU: "у документа нет номера", EN: "the document carries no number"}},
	{errNotRegistered, i18n.Text{KK: "e-Тізілімде мұндай нөмірлі құжат жоқ", RU: "в e-Реестре нет документа с таким номером",
		EN: "the e-Register has no document with this number"}},
	{errRevoked, i18n.Text{KK: "құжат e-Тізілімде күшін жойған", RU: "документ отозван в e-Реестре", EN: "the e-Register lists the document as revoked"}},
	{errNotTheOriginal, i18n.Text{KK: "файл e-Тізілімде тіркелген түпнұсқадан өзгеше", RU: "файл отличается от оригинала, зарегистрированного в e-Реестре",
		EN: "the file differs from the original registered in the e-Register"}},
}

func reason(err error, lang i18n.Lang) string {
	for _, r := range reasons {
		if errors.Is(err, r.err) {
			return r.text.In(lang)
		}
	}
	return err.Error()
}

var verifyLabels = map[i18n.Lang]struct {
	valid, invalid, number, signer, issuer, signed, whole, register, notConsulted, reason, yes, no string
	registered, unknown, annulled, original                                                        string
}{
	i18n.KK: {"ЖАРАМДЫ", "ЖАРАМСЫЗ", "Құжат нөмірі", "Қол қойған", "Сертификат берген", "Қол қойылған уақыты",
		"Қолтаңба бүкіл файлды қамтиды", "e-Тізілім", "тексерілмеді (қосылмаған)", "Себебі", "иә", "жоқ",
		"тіркелген, жарамды", "мұндай нөмір жоқ", "күші жойылған", "e-Тізілімдегі түпнұсқамен бірдей (SHA-256)"},
	i18n.RU: {"ДЕЙСТВИТЕЛЕН", "НЕДЕЙСТВИТЕЛЕН", "Номер документа", "Подписал", "Сертификат выдан", "Время подписи",
		"Подпись покрывает весь файл", "e-Реестр", "не проверялся (не подключён)", "Причина", "да", "нет",
		"зарегистрирован, действителен", "такого номера нет", "аннулирован", "Совпадает с оригиналом в e-Реестре (SHA-256)"},
	i18n.EN: {"VALID", "INVALID", "Document number", "Signed by", "Certificate issued by", "Signed at",
		"Signature covers the whole file", "e-Register", "not consulted (not connected)", "Reason", "yes", "no",
		"registered, valid", "no such number", "annulled", "Same as the original in the e-Register (SHA-256)"},
}

func (r verifyReport) print(env Env, lang i18n.Lang) {
	l := verifyLabels[lang]
	verdict := l.valid
	if !r.valid() {
		verdict = l.invalid
	}
	var b strings.Builder
	fmt.Fprintln(&b, verdict)
	if r.number != "" {
		fmt.Fprintf(&b, "%s: %s\n", l.number, r.number)
	}
	if r.sig.Signer != nil {
		fmt.Fprintf(&b, "%s: %s\n%s: %s\n", l.signer, r.sig.Signer.Subject, l.issuer, r.sig.Signer.Issuer)
	}
	if !r.sig.SigningTime.IsZero() {
		fmt.Fprintf(&b, "%s: %s\n", l.signed, r.sig.SigningTime.Format(time.RFC3339))
	}
	if r.sig.ByteRange != nil {
		yes := l.no
		if r.sig.CoversWholeFile {
			yes = l.yes
		}
		fmt.Fprintf(&b, "%s: %s\n", l.whole, yes)
	}
	switch {
	case !r.registered:
		fmt.Fprintf(&b, "%s: %s\n", l.register, l.notConsulted)
	case errors.Is(r.registerErr, errNotRegistered):
		fmt.Fprintf(&b, "%s: %s\n", l.register, l.unknown)
	case r.entry.Revoked:
		fmt.Fprintf(&b, "%s: %s %s (%s)\n", l.register, l.annulled, r.entry.RevokedAt.In(calendar.Almaty).Format(time.DateOnly), r.entry.Reason.In(lang))
	case r.registerErr == nil || errors.Is(r.registerErr, errNotTheOriginal):
		fmt.Fprintf(&b, "%s: %s\n", l.register, l.registered)
	}
	if r.entry.SHA256 != "" {
		same := l.no
		if r.sameBytes {
			same = l.yes
		}
		fmt.Fprintf(&b, "%s: %s\n", l.original, same)
	}
	for _, err := range []error{r.sigErr, r.registerErr} {
		if err != nil {
			fmt.Fprintf(&b, "%s: %s\n", l.reason, reason(err, lang))
		}
	}
	fmt.Fprint(env.Stdout, b.String())
}

type verifyJSON struct {
	File            string `json:"file"`
	Valid           bool   `json:"valid"`
	Number          string `json:"number,omitempty"`
	Signer          string `json:"signer,omitempty"`
	Issuer          string `json:"issuer,omitempty"`
	SignedAt        string `json:"signed_at,omitempty"`
	SubFilter       string `json:"sub_filter,omitempty"`
	CoversWholeFile bool   `json:"covers_whole_file"`
	Register        string `json:"register"` // "not_consulted", "ok", "unknown", "annulled" or "failed"
	AnnulledAt      string `json:"annulled_at,omitempty"`
	SameAsOriginal  *bool  `json:"same_as_original,omitempty"` // the file's SHA-256 is the registered one
	Reason          string `json:"reason,omitempty"`
	Detail          string `json:"detail,omitempty"` // the technical cause, in English
}

func (r verifyReport) json(file string, lang i18n.Lang) verifyJSON {
	out := verifyJSON{File: file, Valid: r.valid(), Number: r.number, SubFilter: r.sig.SubFilter,
		CoversWholeFile: r.sig.CoversWholeFile, Register: "not_consulted"}
	if r.sig.Signer != nil {
		out.Signer, out.Issuer = r.sig.Signer.Subject.String(), r.sig.Signer.Issuer.String()
	}
	if !r.sig.SigningTime.IsZero() {
		out.SignedAt = r.sig.SigningTime.Format(time.RFC3339)
	}
	if r.registered {
		switch {
		case errors.Is(r.registerErr, errNotRegistered):
			out.Register = "unknown"
		case r.entry.Revoked:
			out.Register, out.AnnulledAt = "annulled", r.entry.RevokedAt.Format(time.RFC3339)
		case r.registerErr == nil || errors.Is(r.registerErr, errNotTheOriginal):
			out.Register = "ok"
		default:
			out.Register = "failed"
		}
		if r.entry.SHA256 != "" {
			out.SameAsOriginal = &r.sameBytes
		}
	}
	for _, err := range []error{r.sigErr, r.registerErr} {
		if err != nil {
			out.Reason, out.Detail = reason(err, lang), err.Error()
			break
		}
	}
	return out
}
