package cli

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"qyzmet/internal/calendar"
	"qyzmet/internal/i18n"
)

// cliLang picks the language of a command's output: the --lang flag, else
// $QYZMET_LANG, else English (the CLI is an operator's tool; pages default to Kazakh).
func cliLang(flagValue string, env Env) (i18n.Lang, error) {
	if flagValue == "" {
		flagValue = env.Getenv("QYZMET_LANG")
	}
	if flagValue == "" {
		return i18n.EN, nil
	}
	return i18n.Parse(flagValue)
}

// parseArgs parses a command's flags from args, taking the positional words
// wherever they stand (`import persons a.csv --data d` and `import --data d
// persons a.csv` mean the same), then picks the output language from
// *langFlag (see cliLang). code is -1 to go on, else the exit code to return:
// exitOK after --help, exitUsage for a bad flag (fs has said why) or a bad
// language (said here as "qyzmet NAME: …").
func parseArgs(fs *flag.FlagSet, args []string, langFlag *string, env Env, name string) (words []string, lang i18n.Lang, code int) {
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, "", exitOK
			}
			return nil, "", exitUsage
		}
		if fs.NArg() == 0 {
			break
		}
		// flag stops at the first non-flag; take it and read the flags after it.
		words = append(words, fs.Arg(0))
		args = fs.Args()[1:]
	}
	lang, err := cliLang(*langFlag, env)
	if err != nil {
		fmt.Fprintf(env.Stderr, "qyzmet %s: %v\n", name, err)
		return nil, "", exitUsage
	}
	return words, lang, -1
}

// loadCalendar is the embedded calendar extended by the administrator's file
// DATA/calendar.yaml when it exists (new transfers of days off, Kurban Ait dates),
// so the calendar changes without a release.
func loadCalendar(dataDir string) (*calendar.Calendar, error) {
	cal := calendar.Default()
	path := filepath.Join(dataDir, "calendar.yaml")
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return cal, nil
	}
	if err != nil {
		return nil, err
	}
	extra, err := calendar.ParseData(b)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return cal.With(extra)
}

// printJSON writes v indented, the form every --json flag prints.
func printJSON(env Env, v any) int {
	enc := json.NewEncoder(env.Stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		fmt.Fprintln(env.Stderr, "qyzmet:", err)
		return exitFailure
	}
	return exitOK
}
