package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"text/tabwriter"
	"time"

	"qyzmet/internal/apperr"
	"qyzmet/internal/calendar"
	"qyzmet/internal/document"
	"qyzmet/internal/eregister"
	"qyzmet/internal/eregister/forms"
	"qyzmet/internal/i18n"
	"qyzmet/internal/standard"
	"qyzmet/internal/store"
)

// envPublicURL is the public address of the site; the QR codes point under it.
const envPublicURL = "QYZMET_PUBLIC_URL"

func runRender(ctx context.Context, args []string, env Env) int {
	fs := flag.NewFlagSet("render", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.Usage = func() {
		fmt.Fprintln(env.Stderr, "usage: qyzmet render --list [--json] [--lang kk|ru|en]\n"+
			"       qyzmet render FORM --sample --out FILE.pdf [--data DIR] [--base-url URL]")
		fs.PrintDefaults()
	}
	list := fs.Bool("list", false, "name every form")
	asJSON := fs.Bool("json", false, "with --list: print JSON")
	sample := fs.Bool("sample", false, "fill the form with sample data")
	out := fs.String("out", "", "the PDF file to write")
	dataDir := fs.String("data", "./data", "data directory: the database (unless QYZMET_DATABASE_URL is set) and the demonstration CA in pki/")
	baseURL := fs.String("base-url", "", "public address the QR code points under (default $"+envPublicURL+" or http://127.0.0.1:8080)")
	langFlag := fs.String("lang", "", "language of the list: kk, ru or en (default: $QYZMET_LANG or en)")
	forms, lang, code := parseArgs(fs, args, langFlag, env, "render")
	if code >= 0 {
		return code
	}
	switch {
	case *list && len(forms) == 0:
		return listForms(env, lang, *asJSON)
	case *list || len(forms) != 1:
		fs.Usage()
		return exitUsage
	case !*sample:
		fmt.Fprintln(env.Stderr, "qyzmet render: only --sample data can be rendered from the command line; real documents are issued by the casework engine")
		return exitUsage
	case *out == "":
		fmt.Fprintln(env.Stderr, "qyzmet render: --out FILE.pdf is required")
		return exitUsage
	}
	spec, ok := document.Spec(document.FormID(forms[0]))
	if !ok {
		fmt.Fprintf(env.Stderr, "qyzmet render: no form %q; `qyzmet render --list` names them\n", forms[0])
		return exitUsage
	}
	if *baseURL == "" {
		*baseURL = env.Getenv(envPublicURL)
	}
	if *baseURL == "" {
		*baseURL = "http://127.0.0.1:8080"
	}
	if !spec.Issued {
		return renderUnissued(env, spec, *out)
	}
	return renderSample(ctx, env, spec, *out, *dataDir, *baseURL)
}

func listForms(env Env, lang i18n.Lang, asJSON bool) int {
	type formJSON struct {
		ID        string      `json:"id"`
		Title     i18n.Text   `json:"title"`
		Service   string      `json:"service,omitempty"`
		Rule      string      `json:"rule"`
		Languages []i18n.Lang `json:"languages"`
		Issued    bool        `json:"issued"`
	}
	specs := document.Forms()
	if asJSON {
		out := make([]formJSON, 0, len(specs))
		for _, s := range specs {
			out = append(out, formJSON{ID: string(s.ID), Title: s.Title, Service: string(s.Service), Rule: s.Rule, Languages: s.Languages, Issued: s.Issued})
		}
		return printJSON(env, out)
	}
	l := renderLabels[lang]
	tw := tabwriter.NewWriter(env.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", l.form, l.rule, l.issued, l.title)
	for _, s := range specs {
		issued := l.no
		if s.Issued {
			issued = l.yes
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", s.ID, s.Rule, issued, s.Title.In(lang))
	}
	if err := tw.Flush(); err != nil {
		return exitFailure
	}
	return exitOK
}

var renderLabels = map[i18n.Lang]struct{ form, rule, issued, title, yes, no string }{
	i18n.KK: {"НЫСАН", "ЕРЕЖЕ", "БЕРІЛЕДІ", "АТАУЫ", "иә", "жоқ"},
	i18n.RU: {"ФОРМА", "ПРАВИЛО", "ВЫДАЁТСЯ", "НАЗВАНИЕ", "да", "нет"},
	i18n.EN: {"FORM", "RULE", "ISSUED", "TITLE", "yes", "no"},
}

// renderUnissued draws a form that is not issued (an application, a journal,
// minutes): it gets no number, no signature and no e-Register entry.
func renderUnissued(env Env, spec document.FormSpec, out string) int {
	data, err := document.Sample(spec.ID)
	if err != nil {
		fmt.Fprintln(env.Stderr, "qyzmet render:", err)
		return exitFailure
	}
	doc, err := document.Render(spec.ID, data, document.Meta{IssuedAt: time.Now()})
	if err != nil {
		fmt.Fprintln(env.Stderr, "qyzmet render:", err)
		return exitFailure
	}
	b, err := doc.Bytes()
	if err == nil {
		err = os.WriteFile(out, b, 0o644)
	}
	if err != nil {
		fmt.Fprintln(env.Stderr, "qyzmet render:", err)
		return exitFailure
	}
	fmt.Fprintf(env.Stdout, "%s: %s is not an issued form: drawn without a number, a signature or an e-Register entry\n", out, spec.ID)
	return exitOK
}

// The sample official who signs specimens, and the bodies that issue them: the
// letterheads internal/document prints by default.
var (
	sampleSigner   = "Ж. Ә. Жиһаншин"
	sampleCapacity = i18n.Text{KK: "Басқарма бастығы", RU: "Начальник управления", EN: "Head of department"}
	sampleCLSSA    = i18n.Text{
		KK: "Қазақстан Республикасы Бас прокуратурасының Құқықтық статистика және арнайы есепке алу жөніндегі комитеті",
		RU: "Комитет по правовой статистике и специальным учетам Генеральной прокуратуры Республики Казахстан",
		EN: "Committee on Legal Statistics and Special Accounts of the General Prosecutor's Office of the Republic of Kazakhstan",
	}
	sampleDEAC = i18n.Text{
		KK: "Қазақстан Республикасы Жоғарғы Сотының жанындағы Соттардың қызметін қамтамасыз ету департаменті (Қазақстан Республикасы Жоғарғы Сотының аппараты)",
		RU: "Департамент по обеспечению деятельности судов при Верховном Суде Республики Казахстан (аппарат Верховного Суда Республики Казахстан)",
		EN: "Department for Ensuring the Activity of Courts at the Supreme Court of the Republic of Kazakhstan (Office of the Supreme Court)",
	}
	sampleStateCorp = i18n.Text{
		KK: "«Азаматтарға арналған үкімет» мемлекеттік корпорациясы» коммерциялық емес акционерлік қоғамы",
		RU: "Некоммерческое акционерное общество «Государственная корпорация «Правительство для граждан»",
		EN: "Non-profit joint-stock company “State Corporation ‘Government for Citizens’”",
	}
)

// sampleBody is the body that issues a specimen of the form: the State
// Corporation for its receipts, the DEAC for the court apostille's papers, the
// CLSSA for the rest.
func sampleBody(spec document.FormSpec) i18n.Text {
	switch {
	case spec.Kind == document.KindAcceptanceReceipt || spec.Kind == document.KindRefusalReceipt:
		return sampleStateCorp
	case spec.Service == standard.ApostilleCourt:
		return sampleDEAC
	}
	return sampleCLSSA
}

// renderSample issues a specimen exactly as a real document is issued —
// numbered, signed, registered — but always with the demonstration CA under
// DATA/pki, never the provider's real key, and marked in the register as a
// specimen.
func renderSample(ctx context.Context, env Env, spec document.FormSpec, out, dataDir, baseURL string) int {
	data, err := document.Sample(spec.ID)
	if err != nil {
		fmt.Fprintln(env.Stderr, "qyzmet render:", err)
		return exitFailure
	}
	signer, err := providerSigner(dataDir, true, env)
	if err != nil {
		fmt.Fprintln(env.Stderr, "qyzmet render: demonstration CA:", err)
		return exitFailure
	}
	db, err := openForRender(ctx, dataDir, env)
	if err != nil {
		fmt.Fprintln(env.Stderr, "qyzmet render:", err)
		return exitFailure
	}
	defer db.Close()
	issuer := &eregister.Issuer{DB: db, Signer: signer, Forms: forms.Documents{}, BaseURL: baseURL}
	doc, err := issuer.Issue(ctx, eregister.Request{
		Form: string(spec.ID), Data: data, Holder: forms.HolderOf(data),
		Issuer: sampleBody(spec), Signer: sampleSigner, Capacity: sampleCapacity,
		Actor: "cli:render", Specimen: true,
	})
	if err != nil {
		fmt.Fprintln(env.Stderr, "qyzmet render:", err)
		if apperr.CodeOf(err) == apperr.Invalid {
			return exitInvalid
		}
		return exitFailure
	}
	if err := os.WriteFile(out, doc.PDF, 0o644); err != nil {
		// The specimen is registered but its file is lost: say which number it was.
		fmt.Fprintf(env.Stderr, "qyzmet render: %s registered, but the file could not be written: %v\n", doc.Number, err)
		return exitFailure
	}
	fmt.Fprintf(env.Stdout, "number: %s\nissued: %s\nverify: %s\nfile:   %s (%d bytes, SHA-256 %s)\n",
		doc.Number, doc.IssuedAt.In(calendar.Almaty).Format(time.RFC3339), doc.VerifyURL, out, len(doc.PDF), doc.SHA256)
	return exitOK
}

// openForRender opens the database. A data directory without a database gets a
// new one with the current schema (a first demonstration); an existing database
// must be up to date (`qyzmet migrate`), as for `qyzmet serve`.
func openForRender(ctx context.Context, dataDir string, env Env) (*store.DB, error) {
	url := env.Getenv("QYZMET_DATABASE_URL")
	fresh := false
	if url == "" {
		_, err := os.Stat(filepath.Join(dataDir, store.SQLiteFile))
		fresh = errors.Is(err, fs.ErrNotExist)
	}
	return store.Open(ctx, store.Config{DataDir: dataDir, DatabaseURL: url, AutoMigrate: fresh})
}
