package cli

import (
	"context"
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"qyzmet/internal/i18n"
	"qyzmet/internal/registry/csvimport"
	"qyzmet/internal/store"
)

// importText is the import command's output in the three languages.
var importText = map[string]i18n.Text{
	"summary": {
		KK: "%s (%s): %d жол оқылды, %d жүктелді, %d қабылданбады; %.1f с, секундына %.0f жол.",
		RU: "%s (%s): прочитано строк %d, загружено %d, отклонено %d; %.1f с, %.0f строк в секунду.",
		EN: "%s (%s): %d rows read, %d loaded, %d rejected; %.1f s, %.0f rows/s.",
	},
	"bad": {
		KK: "%d-жол%s: %s",
		RU: "строка %d%s: %s",
		EN: "line %d%s: %s",
	},
	"column": {KK: ", «%s» бағаны", RU: ", столбец «%s»", EN: ", column %s"},
	"report": {
		KK: "Қабылданбаған жолдар тізімі: %s",
		RU: "Отклонённые строки перечислены в %s",
		EN: "The rejected rows are listed in %s",
	},
	"stopped": {
		KK: "импорт тоқтады; оған дейінгі топтамалар сақталды, файлды қайта импорттау оны аяқтайды",
		RU: "импорт прерван; пакеты до ошибки сохранены, повторный импорт файла завершит его",
		EN: "the import stopped; the batches before the error are kept, and importing the file again completes it",
	},
	"kind": {
		KK: "%q деген тізілім жоқ (бары: %s)",
		RU: "неизвестный реестр %q (есть: %s)",
		EN: "unknown registry %q (known: %s)",
	},
	"rows":     {KK: "жол", RU: "строк", EN: "rows"},
	"bad-rows": {KK: "қате", RU: "ошибок", EN: "bad"},
}

func tr(lang i18n.Lang, table map[string]i18n.Text, key string, args ...any) string {
	return fmt.Sprintf(table[key].In(lang), args...)
}

// runImport loads a registry from a CSV file: `qyzmet import KIND FILE.csv`.
// Bad rows are listed with their line numbers (on stderr, or in --report FILE)
// and the good rows still load; the summary goes to stdout. Exit 0 when every
// row loaded, 1 when some were rejected or the file was refused, 3 when the
// import could not run.
func runImport(ctx context.Context, args []string, env Env) int {
	fs := flag.NewFlagSet("import", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	dataDir := fs.String("data", "./data", "data directory of the SQLite database, unless QYZMET_DATABASE_URL is set")
	reportPath := fs.String("report", "", "write the rejected rows to this CSV file (line,column,reason) instead of stderr")
	batch := fs.Int("batch", csvimport.DefaultBatchSize, "rows per transaction")
	asJSON := fs.Bool("json", false, "print the summary as JSON")
	langFlag := fs.String("lang", "", "language of the output: kk, ru or en (default: $QYZMET_LANG or en)")
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "usage: qyzmet import %s FILE.csv [--data DIR] [--report FILE] [--batch N] [--json] [--lang kk|ru|en]\n\n"+
			"Load a registry from a CSV file (\"-\" reads stdin). Loading a file twice changes nothing.\n"+
			"Columns (a header line names them; [optional]; others are ignored; docs/registries.md):\n", strings.Join(kindNames(), "|"))
		for _, k := range csvimport.Kinds {
			required, optional := csvimport.Columns(k)
			cols := strings.Join(required, ",")
			if len(optional) > 0 {
				cols += ",[" + strings.Join(optional, ",") + "]"
			}
			fmt.Fprintf(fs.Output(), "  %-12s %s\n", k, cols)
		}
		fmt.Fprintln(fs.Output())
		fs.PrintDefaults()
	}
	words, lang, code := parseArgs(fs, args, langFlag, env, "import")
	if code >= 0 {
		return code
	}
	if len(words) != 2 || *batch < 1 {
		fs.Usage()
		return exitUsage
	}
	kind, err := csvimport.ParseKind(words[0])
	if err != nil {
		fmt.Fprintln(env.Stderr, "qyzmet import:", tr(lang, importText, "kind", words[0], strings.Join(kindNames(), ", ")))
		return exitUsage
	}

	in, size, err := openInput(words[1], env)
	if err != nil {
		fmt.Fprintln(env.Stderr, "qyzmet import:", err)
		return exitFailure
	}
	defer in.Close()
	db, err := openStore(ctx, *dataDir, env)
	if err != nil {
		fmt.Fprintln(env.Stderr, "qyzmet import:", err)
		return exitFailure
	}
	defer db.Close()

	bar := newProgressBar(env.Stderr, lang)
	opt := csvimport.Options{BatchSize: *batch, Size: size, OnProgress: bar.update}
	var report *csv.Writer
	if *reportPath != "" {
		f, err := os.Create(*reportPath)
		if err != nil {
			fmt.Fprintln(env.Stderr, "qyzmet import:", err)
			return exitFailure
		}
		defer f.Close()
		report = csv.NewWriter(f)
		report.Write([]string{"line", "column", "reason"})
		opt.OnBadRow = func(b csvimport.BadRow) {
			report.Write([]string{strconv.Itoa(b.Line), b.Column, b.Reason.In(lang)})
		}
	} else {
		opt.OnBadRow = func(b csvimport.BadRow) {
			bar.clear()
			col := ""
			if b.Column != "" {
				col = tr(lang, importText, "column", b.Column)
			}
			fmt.Fprintln(env.Stderr, tr(lang, importText, "bad", b.Line, col, b.Reason.In(lang)))
		}
	}

	sum, err := csvimport.Import(ctx, db, kind, in, opt)
	bar.clear()
	if report != nil {
		report.Flush()
		if ferr := report.Error(); ferr != nil && err == nil {
			err = ferr
		}
	}
	if err != nil {
		var refused *csvimport.FileError
		if errors.As(err, &refused) {
			fmt.Fprintln(env.Stderr, "qyzmet import:", refused.Reason.In(lang))
			return exitInvalid
		}
		fmt.Fprintln(env.Stderr, "qyzmet import:", err)
		if sum.Loaded > 0 {
			fmt.Fprintln(env.Stderr, "qyzmet import:", tr(lang, importText, "stopped"))
		}
		return exitFailure
	}
	if *asJSON {
		if code := printJSON(env, sum); code != exitOK {
			return code
		}
	} else {
		fmt.Fprintln(env.Stdout, tr(lang, importText, "summary", sum.Kind, words[1], sum.Rows, sum.Loaded, sum.Bad,
			sum.Elapsed.Seconds(), sum.RowsPerSecond()))
		if report != nil && sum.Bad > 0 {
			fmt.Fprintln(env.Stdout, tr(lang, importText, "report", *reportPath))
		}
	}
	if sum.Bad > 0 {
		return exitInvalid
	}
	return exitOK
}

func kindNames() []string {
	names := make([]string, len(csvimport.Kinds))
	for i, k := range csvimport.Kinds {
		names[i] = string(k)
	}
	return names
}

// openInput opens the file to import ("-" is stdin) and says its size when
// known, for the progress bar.
func openInput(path string, env Env) (io.ReadCloser, int64, error) {
	if path == "-" {
		if env.Stdin == nil {
			return nil, 0, errors.New("no standard input")
		}
		return io.NopCloser(env.Stdin), 0, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, 0, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, 0, err
	}
	return f, st.Size(), nil
}

// openStore opens the database the registries live in: QYZMET_DATABASE_URL,
// else DATA/qyzmet.db. It refuses a database whose schema is not current (the
// error says to run `qyzmet migrate`).
func openStore(ctx context.Context, dataDir string, env Env) (*store.DB, error) {
	return store.Open(ctx, store.Config{DataDir: dataDir, DatabaseURL: env.Getenv("QYZMET_DATABASE_URL")})
}

// progressBar draws the import's progress on stderr when stderr is a terminal,
// at most ten times a second; elsewhere (a pipe, a log file, a test) it draws
// nothing.
type progressBar struct {
	w     io.Writer
	lang  i18n.Lang
	on    bool
	drawn bool
	last  time.Time
}

func newProgressBar(w io.Writer, lang i18n.Lang) *progressBar {
	b := &progressBar{w: w, lang: lang}
	if f, ok := w.(*os.File); ok {
		if st, err := f.Stat(); err == nil && st.Mode()&os.ModeCharDevice != 0 {
			b.on = true
		}
	}
	return b
}

func (b *progressBar) update(p csvimport.Progress) {
	if !b.on || time.Since(b.last) < 100*time.Millisecond {
		return
	}
	b.last = time.Now()
	fmt.Fprint(b.w, "\r"+renderProgress(p, b.lang)+"\033[K")
	b.drawn = true
}

// clear removes the bar so that a line can be printed in its place.
func (b *progressBar) clear() {
	if b.drawn {
		fmt.Fprint(b.w, "\r\033[K")
		b.drawn = false
	}
}

// renderProgress is one line: a bar of the bytes read (when the size is
// known), the megabytes, the rows and their rate, and the bad rows.
func renderProgress(p csvimport.Progress, lang i18n.Lang) string {
	const width = 30
	var b strings.Builder
	if p.Size > 0 {
		done := min(width, int(float64(width)*float64(p.Bytes)/float64(p.Size)))
		fmt.Fprintf(&b, "[%s%s] %3.0f%% %.1f/%.1f MB  ", strings.Repeat("#", done), strings.Repeat(".", width-done),
			100*float64(p.Bytes)/float64(p.Size), float64(p.Bytes)/1e6, float64(p.Size)/1e6)
	} else {
		fmt.Fprintf(&b, "%.1f MB  ", float64(p.Bytes)/1e6)
	}
	rate := 0.0
	if p.Elapsed > 0 {
		rate = float64(p.Rows) / p.Elapsed.Seconds()
	}
	fmt.Fprintf(&b, "%d %s  %.0f/s  %d %s", p.Rows, importText["rows"].In(lang), rate, p.Bad, importText["bad-rows"].In(lang))
	return b.String()
}
