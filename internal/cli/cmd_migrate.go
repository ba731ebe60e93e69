package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"qyzmet/internal/i18n"
	"qyzmet/internal/store"
)

// migrateText is the command's output in the three languages.
var migrateText = map[string]i18n.Text{
	"database": {KK: "Дерекқор", RU: "База данных", EN: "Database"},
	"qyzmet":   {KK: "qyzmet схемасы", RU: "Схема qyzmet", EN: "qyzmet schema"},
	"river":    {KK: "River тапсырмалар кестелері", RU: "Таблицы заданий River", EN: "River job tables"},
	"version":  {KK: "нұсқа %d, бұл бағдарламаға %d керек", RU: "версия %d, этой программе нужна %d", EN: "version %d, this binary needs %d"},
	"current":  {KK: "схема өзекті", RU: "схема актуальна", EN: "up to date"},
	"behind":   {KK: "`qyzmet migrate` іске қосыңыз", RU: "выполните `qyzmet migrate`", EN: "run `qyzmet migrate`"},
	"ahead":    {KK: "дерекқор бұл бағдарламадан жаңа: жаңа нұсқасын іске қосыңыз", RU: "база данных новее этой программы: запустите более новую версию", EN: "the database is newer than this binary: run a newer release"},
	"applied":  {KK: "қолданылды", RU: "применена", EN: "applied"},
	"nothing":  {KK: "қолданатын миграция жоқ", RU: "нечего применять", EN: "nothing to apply"},
	"missing":  {KK: "%s жерінде дерекқор жоқ: `qyzmet migrate` оны жасайды", RU: "нет базы данных %s: `qyzmet migrate` создаст её", EN: "no database at %s: `qyzmet migrate` creates it"},
}

// runMigrate applies the embedded migrations (ours and River's) to the database of
// QYZMET_DATABASE_URL, else of --data, and prints what it applied; --status only
// compares the database with this binary and exits 1 when they differ.
func runMigrate(ctx context.Context, args []string, env Env) int {
	fset := flag.NewFlagSet("migrate", flag.ContinueOnError)
	fset.SetOutput(env.Stderr)
	dataDir := fset.String("data", "./data", "data directory of the SQLite database, unless QYZMET_DATABASE_URL is set")
	status := fset.Bool("status", false, "print the schema version the database has and the one this binary needs, change nothing; exit 1 when they differ")
	langFlag := fset.String("lang", "", "language of the output: kk, ru or en (default: $QYZMET_LANG or en)")
	fset.Usage = func() {
		fmt.Fprintln(fset.Output(), "usage: qyzmet migrate [--data DIR] [--status] [--lang kk|ru|en]\n\n"+
			"Apply the database migrations. PostgreSQL when QYZMET_DATABASE_URL is set, else DIR/qyzmet.db.")
		fset.PrintDefaults()
	}
	if err := fset.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	if fset.NArg() > 0 {
		fmt.Fprintf(env.Stderr, "qyzmet migrate: unexpected argument %q\n", fset.Arg(0))
		fset.Usage()
		return exitUsage
	}
	lang, err := cliLang(*langFlag, env)
	if err != nil {
		fmt.Fprintln(env.Stderr, "qyzmet migrate:", err)
		return exitUsage
	}
	text := func(key string, args ...any) string { return fmt.Sprintf(migrateText[key].In(lang), args...) }

	cfg := store.Config{DataDir: *dataDir, DatabaseURL: env.Getenv("QYZMET_DATABASE_URL")}
	if *status && cfg.DatabaseURL == "" {
		// Asking must not create an empty database file.
		file := filepath.Join(*dataDir, store.SQLiteFile)
		if _, err := os.Stat(file); errors.Is(err, fs.ErrNotExist) {
			fmt.Fprintln(env.Stdout, text("missing", file))
			return exitInvalid
		}
	}
	db, err := store.Connect(ctx, cfg)
	if err != nil {
		fmt.Fprintln(env.Stderr, "qyzmet migrate:", err)
		return exitFailure
	}
	defer db.Close()
	fmt.Fprintf(env.Stdout, "%s: %s %s\n", text("database"), db.Dialect(), db.Location())

	if !*status {
		applied, err := db.Migrate(ctx)
		for _, a := range applied {
			fmt.Fprintf(env.Stdout, "%s %s %04d %s\n", text("applied"), a.Line, a.Version, a.Name)
		}
		if err != nil {
			fmt.Fprintln(env.Stderr, "qyzmet migrate:", err)
			return exitFailure
		}
		if len(applied) == 0 {
			fmt.Fprintln(env.Stdout, text("nothing"))
		}
	}
	st, err := db.SchemaStatus(ctx)
	if err != nil {
		fmt.Fprintln(env.Stderr, "qyzmet migrate:", err)
		return exitFailure
	}
	fmt.Fprintf(env.Stdout, "%s: %s\n", text("qyzmet"), text("version", st.Version, st.Needed))
	fmt.Fprintf(env.Stdout, "%s: %s\n", text("river"), text("version", st.RiverVersion, st.RiverNeeded))
	switch {
	case st.UpToDate():
		fmt.Fprintln(env.Stdout, text("current"))
		return exitOK
	case st.Version > st.Needed || st.RiverVersion > st.RiverNeeded:
		fmt.Fprintln(env.Stdout, text("ahead"))
	default:
		fmt.Fprintln(env.Stdout, text("behind"))
	}
	return exitInvalid
}
