package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"qyzmet/internal/i18n"
	"qyzmet/internal/registry/csvimport"
)

var genText = map[string]i18n.Text{
	"wrote": {KK: "%s: %d жол, %.1f МБ", RU: "%s: %d строк, %.1f МБ", EN: "%s: %d rows, %.1f MB"},
	"load": {
		KK: "Жүктеу: qyzmet import %s %s",
		RU: "Загрузка: qyzmet import %s %s",
		EN: "Load with: qyzmet import %s %s",
	},
}

// runGen writes realistic synthetic registries as CSV files in the import
// formats: `qyzmet gen --persons N --card-index N … --out DIR`. Without any
// count it writes the demo set. The same --seed gives the same files.
func runGen(ctx context.Context, args []string, env Env) int {
	fs := flag.NewFlagSet("gen", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	counts := map[csvimport.Kind]*int{}
	counts[csvimport.Persons] = fs.Int("persons", 0, "persons of the registry, in families, with valid IINs and name changes")
	counts[csvimport.Convictions] = fs.Int("convictions", 0, "convictions of those persons (old ones without IIN, under the name of the time); beyond what the persons take, old records of people not in the registry")
	counts[csvimport.Signatories] = fs.Int("signatories", 0, "specimens of signatures and seals of officials")
	counts[csvimport.Payments] = fs.Int("payments", 0, "state-duty payments through the payment gateway")
	counts[csvimport.CardIndex] = fs.Int("card-index", 0, "cards of the special-settlement card index 1939–1955")
	seed := fs.Uint64("seed", 1, "random seed: the same seed gives the same files")
	out := fs.String("out", "", "directory to write KIND.csv files into (created if missing)")
	langFlag := fs.String("lang", "", "language of the output: kk, ru or en (default: $QYZMET_LANG or en)")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: qyzmet gen [--persons N] [--convictions N] [--signatories N] [--payments N] [--card-index N] [--seed S] --out DIR\n\n"+
			"Write synthetic registries as CSV files in the formats `qyzmet import` reads. Without any count, the demo set.")
		fs.PrintDefaults()
	}
	words, lang, code := parseArgs(fs, args, langFlag, env, "gen")
	if code >= 0 {
		return code
	}
	if len(words) > 0 || *out == "" {
		fs.Usage()
		return exitUsage
	}
	c := csvimport.Counts{Persons: *counts[csvimport.Persons], Convictions: *counts[csvimport.Convictions],
		Signatories: *counts[csvimport.Signatories], Payments: *counts[csvimport.Payments], CardIndex: *counts[csvimport.CardIndex]}
	for kind, n := range counts {
		if *n < 0 {
			fmt.Fprintf(env.Stderr, "qyzmet gen: --%s must not be negative\n", kind)
			return exitUsage
		}
	}
	if c == (csvimport.Counts{}) {
		c = csvimport.DemoCounts
	}
	if err := os.MkdirAll(*out, 0o750); err != nil {
		fmt.Fprintln(env.Stderr, "qyzmet gen:", err)
		return exitFailure
	}
	for _, kind := range csvimport.Kinds {
		if c.Count(kind) == 0 {
			continue
		}
		if err := ctx.Err(); err != nil {
			fmt.Fprintln(env.Stderr, "qyzmet gen:", err)
			return exitFailure
		}
		path := filepath.Join(*out, string(kind)+".csv")
		size, err := writeAtomically(path, csvimport.Generator(kind, *seed, c))
		if err != nil {
			fmt.Fprintln(env.Stderr, "qyzmet gen:", err)
			return exitFailure
		}
		fmt.Fprintln(env.Stdout, tr(lang, genText, "wrote", path, c.Count(kind), float64(size)/1e6))
	}
	fmt.Fprintln(env.Stdout, tr(lang, genText, "load", "KIND", filepath.Join(*out, "KIND.csv")))
	return exitOK
}

// writeAtomically writes a file through a temporary one renamed into place,
// so a failed run leaves no half-written file; it returns the file's size.
func writeAtomically(path string, write func(w io.Writer) error) (int64, error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return 0, err
	}
	defer os.Remove(tmp.Name()) // after the rename, there is nothing left to remove
	if err := write(tmp); err != nil {
		tmp.Close()
		return 0, err
	}
	st, err := tmp.Stat()
	if err == nil {
		err = tmp.Close()
	}
	if err != nil {
		return 0, err
	}
	return st.Size(), os.Rename(tmp.Name(), path)
}
