package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"qyzmet/internal/store"
	"qyzmet/internal/store/storetest"
)

// migrateCLI runs `qyzmet migrate` with the store configuration as the command
// would find it: QYZMET_DATABASE_URL for PostgreSQL, --data for SQLite.
func migrateCLI(t *testing.T, cfg store.Config, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	if cfg.DatabaseURL == "" {
		args = append(args, "--data", cfg.DataDir)
	}
	var out, errb bytes.Buffer
	getenv := func(k string) string {
		if k == "QYZMET_DATABASE_URL" {
			return cfg.DatabaseURL
		}
		return ""
	}
	code = Main(context.Background(), append([]string{"migrate"}, args...), Env{Stdout: &out, Stderr: &errb, Getenv: getenv})
	return code, out.String(), errb.String()
}

func TestMigrateCommand(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		t.Parallel()
		cfg := e.Config(t)

		code, out, errs := migrateCLI(t, cfg, "--status")
		if code != exitInvalid {
			t.Errorf("--status on a new database: exit %d, want %d\n%s%s", code, exitInvalid, out, errs)
		}
		if cfg.DatabaseURL == "" {
			if _, err := os.Stat(filepath.Join(cfg.DataDir, store.SQLiteFile)); err == nil {
				t.Error("--status created the database file")
			}
		} else if !strings.Contains(out, "qyzmet schema: version 0, this binary needs ") || !strings.Contains(out, "run `qyzmet migrate`") {
			t.Errorf("--status on a new database:\n%s", out)
		}

		code, out, errs = migrateCLI(t, cfg)
		if code != exitOK {
			t.Fatalf("migrate: exit %d\n%s%s", code, out, errs)
		}
		for _, want := range []string{"Database: " + string(e.Dialect), "applied qyzmet 0001 0001_schema_migrations.sql", "applied river 0001", "up to date"} {
			if !strings.Contains(out, want) {
				t.Errorf("migrate output lacks %q:\n%s", want, out)
			}
		}

		code, out, _ = migrateCLI(t, cfg, "--lang", "ru")
		if code != exitOK || !strings.Contains(out, "нечего применять") || strings.Contains(out, "применена") {
			t.Errorf("second migrate: exit %d\n%s", code, out)
		}

		code, out, _ = migrateCLI(t, cfg, "--status", "--lang", "kk")
		if code != exitOK || !strings.Contains(out, "схема өзекті") {
			t.Errorf("--status after migrate: exit %d\n%s", code, out)
		}
		// The server now opens the database without migrating it.
		db, err := store.Open(context.Background(), cfg)
		if err != nil {
			t.Fatalf("Open after qyzmet migrate: %v", err)
		}
		db.Close()
	})
}

func TestMigrateCommandBadInput(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name string
		cfg  store.Config
		args []string
		want int
	}{
		{"unknown flag", store.Config{DataDir: dir}, []string{"--frobnicate"}, exitUsage},
		{"stray argument", store.Config{DataDir: dir}, []string{"now"}, exitUsage},
		{"unknown language", store.Config{DataDir: dir}, []string{"--lang", "fr"}, exitUsage},
		{"not a PostgreSQL URL", store.Config{DatabaseURL: "mysql://root@localhost/x"}, nil, exitFailure},
	}
	for _, tt := range tests {
		code, out, errs := migrateCLI(t, tt.cfg, tt.args...)
		if code != tt.want {
			t.Errorf("%s: exit %d, want %d\n%s%s", tt.name, code, tt.want, out, errs)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("bad input changed the data directory: %v", entries)
	}
}
