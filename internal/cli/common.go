package cli

import (
	"encoding/json"
	"errors"
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
