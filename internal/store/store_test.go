package store_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/fstest"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/riverqueue/river/riverdriver/riverdatabasesql"
	"github.com/riverqueue/river/riverdriver/riversqlite"
	"github.com/riverqueue/river/rivermigrate"

	"qyzmet/internal/apperr"
	"qyzmet/internal/store"
	"qyzmet/internal/store/storetest"
)

// start is a Monday morning in Astana; the tests' fake clocks begin there.
var start = time.Date(2026, 3, 2, 9, 0, 0, 0, time.FixedZone("Asia/Almaty", 5*3600))

var errBoom = errors.New("boom")

// notesDDL is a table for the tests: the same columns in both dialects, times as
// TIMESTAMP (SQLite) and timestamptz (PostgreSQL).
var notesDDL = map[store.Dialect]string{
	store.SQLite:   `CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL UNIQUE, created_at TIMESTAMP NOT NULL)`,
	store.Postgres: `CREATE TABLE notes (id bigserial PRIMARY KEY, body text NOT NULL UNIQUE, created_at timestamptz NOT NULL)`,
}

func openWithNotes(t *testing.T, e storetest.Engine, clock *storetest.Clock) *store.DB {
	t.Helper()
	db := e.Open(t, clock)
	err := db.Tx(context.Background(), func(tx *store.Tx) error {
		_, err := tx.Exec(context.Background(), notesDDL[db.Dialect()])
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return db
}

func addNote(ctx context.Context, db *store.DB, body string) error {
	return db.Tx(ctx, func(tx *store.Tx) error {
		_, err := tx.Exec(ctx, `INSERT INTO notes (body, created_at) VALUES (?, ?)`, body, tx.Now())
		return err
	})
}

func countNotes(t *testing.T, db *store.DB) int {
	t.Helper()
	var n int
	err := db.ReadTx(context.Background(), func(tx *store.Tx) error {
		return tx.QueryRow(context.Background(), `SELECT count(*) FROM notes`).Scan(&n)
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestMigrateAppliesOnceAndIsIdempotent(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		t.Parallel()
		ctx := context.Background()
		db, err := store.Connect(ctx, e.Config(t))
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()

		before, err := db.SchemaStatus(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if before.Version != 0 || before.RiverVersion != 0 || before.Needed < 1 || before.RiverNeeded < 1 || before.UpToDate() {
			t.Fatalf("fresh database: status %+v, want versions 0 and something needed", before)
		}

		applied, err := db.Migrate(ctx)
		if err != nil {
			t.Fatal(err)
		}
		want := map[string]int{store.LineQyzmet: before.Needed, store.LineRiver: before.RiverNeeded}
		got := map[string]int{}
		for i, a := range applied {
			got[a.Line]++
			if i > 0 && a.Line == applied[i-1].Line && a.Version != applied[i-1].Version+1 {
				t.Errorf("applied out of order: %+v after %+v", a, applied[i-1])
			}
		}
		if got[store.LineQyzmet] != want[store.LineQyzmet] || got[store.LineRiver] != want[store.LineRiver] {
			t.Errorf("first Migrate applied %v, want %v", got, want)
		}
		if applied[0].Line != store.LineQyzmet || applied[0].Version != 1 || applied[0].Name != "0001_schema_migrations.sql" {
			t.Errorf("first applied = %+v, want qyzmet 0001_schema_migrations.sql", applied[0])
		}

		again, err := db.Migrate(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(again) != 0 {
			t.Errorf("second Migrate applied %+v, want nothing", again)
		}
		after, err := db.SchemaStatus(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if !after.UpToDate() || after.Version != before.Needed || after.RiverVersion != before.RiverNeeded {
			t.Errorf("after Migrate: status %+v, want up to date", after)
		}
		var rows int
		err = db.ReadTx(ctx, func(tx *store.Tx) error {
			return tx.QueryRow(ctx, `SELECT count(*) FROM schema_migrations`).Scan(&rows)
		})
		if err != nil || rows != before.Needed {
			t.Errorf("schema_migrations has %d rows (err %v), want %d", rows, err, before.Needed)
		}
	})
}

// withExtraMigration is the embedded migrations plus one more for both dialects,
// as the next engineer's 0002 will be.
func withExtraMigration(t *testing.T) (fs.FS, int) {
	t.Helper()
	out := fstest.MapFS{}
	n := 0
	for _, d := range []string{"sqlite", "postgres"} {
		entries, err := fs.ReadDir(store.EmbeddedMigrations, d)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			b, err := fs.ReadFile(store.EmbeddedMigrations, path.Join(d, e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			out[path.Join(d, e.Name())] = &fstest.MapFile{Data: b}
		}
		n = len(entries)
		out[path.Join(d, fmt.Sprintf("%04d_widgets.sql", n+1))] = &fstest.MapFile{Data: []byte(`CREATE TABLE widgets (id INTEGER PRIMARY KEY);`)}
	}
	return out, n + 1
}

func TestOpenRefusesOutdatedSchema(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		t.Parallel()
		ctx := context.Background()
		cfg := e.Config(t)

		_, err := store.Open(ctx, cfg)
		var se *store.SchemaError
		if !errors.As(err, &se) || se.Line != store.LineQyzmet || se.Version != 0 {
			t.Fatalf("Open of an empty database: err = %v, want a *SchemaError at version 0", err)
		}

		auto := cfg
		auto.AutoMigrate = true
		db, err := store.Open(ctx, auto)
		if err != nil {
			t.Fatal(err)
		}
		db.Close()

		newer, needed := withExtraMigration(t)
		_, err = store.Open(ctx, store.WithMigrations(cfg, newer))
		wantMsg := fmt.Sprintf("database schema is at version %d, this binary needs %d: run `qyzmet migrate`", needed-1, needed)
		if !errors.As(err, &se) || err.Error() != wantMsg {
			t.Fatalf("Open with a pending migration: err = %v, want %q", err, wantMsg)
		}

		db, err = store.Open(ctx, store.WithMigrations(auto, newer))
		if err != nil {
			t.Fatalf("Open with AutoMigrate: %v", err)
		}
		err = db.Tx(ctx, func(tx *store.Tx) error {
			_, err := tx.Exec(ctx, `INSERT INTO widgets (id) VALUES (?)`, 1)
			return err
		})
		db.Close()
		if err != nil {
			t.Fatalf("the new migration's table: %v", err)
		}

		// The binary from before the new migration refuses the newer database.
		_, err = store.Open(ctx, cfg)
		if !errors.As(err, &se) || se.Version != needed || !strings.Contains(err.Error(), "newer than this binary") {
			t.Errorf("old binary on a newer schema: err = %v", err)
		}
		// And so does even Migrate: it must not guess.
		old, err := store.Connect(ctx, cfg)
		if err != nil {
			t.Fatal(err)
		}
		defer old.Close()
		if _, err := old.Migrate(ctx); !errors.As(err, &se) {
			t.Errorf("old binary's Migrate on a newer schema: err = %v, want a *SchemaError", err)
		}
	})
}

func TestOpenRefusesOutdatedRiverTables(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		t.Parallel()
		ctx := context.Background()
		cfg := e.Config(t)
		cfg.AutoMigrate = true
		db, err := store.Open(ctx, cfg)
		if err != nil {
			t.Fatal(err)
		}
		st, err := db.SchemaStatus(ctx)
		db.Close()
		if err != nil {
			t.Fatal(err)
		}

		riverDown(t, cfg)

		cfg.AutoMigrate = false
		_, err = store.Open(ctx, cfg)
		wantMsg := fmt.Sprintf("River's job tables are at version %d, this binary needs %d: run `qyzmet migrate`", st.RiverNeeded-1, st.RiverNeeded)
		if err == nil || err.Error() != wantMsg {
			t.Fatalf("Open with River one version behind: err = %v, want %q", err, wantMsg)
		}
		db, err = store.Connect(ctx, cfg)
		if err != nil {
			t.Fatal(err)
		}
		applied, err := db.Migrate(ctx)
		db.Close()
		if err != nil || len(applied) != 1 || applied[0].Line != store.LineRiver || applied[0].Version != st.RiverNeeded {
			t.Fatalf("Migrate after River went down: applied %+v, err %v", applied, err)
		}
		db, err = store.Open(ctx, cfg)
		if err != nil {
			t.Fatalf("Open after Migrate: %v", err)
		}
		db.Close()
	})
}

// riverDown takes River's tables one version down, as an older release left them.
func riverDown(t *testing.T, cfg store.Config) {
	t.Helper()
	ctx := context.Background()
	var err error
	if cfg.DatabaseURL != "" {
		pool, openErr := sql.Open("pgx", cfg.DatabaseURL)
		if openErr != nil {
			t.Fatal(openErr)
		}
		defer pool.Close()
		m, newErr := rivermigrate.New(riverdatabasesql.New(pool), nil)
		if newErr != nil {
			t.Fatal(newErr)
		}
		_, err = m.Migrate(ctx, rivermigrate.DirectionDown, &rivermigrate.MigrateOpts{MaxSteps: 1})
	} else {
		pool, openErr := sql.Open("sqlite", path.Join(cfg.DataDir, store.SQLiteFile))
		if openErr != nil {
			t.Fatal(openErr)
		}
		defer pool.Close()
		pool.SetMaxOpenConns(1)
		m, newErr := rivermigrate.New(riversqlite.New(pool), nil)
		if newErr != nil {
			t.Fatal(newErr)
		}
		_, err = m.Migrate(ctx, rivermigrate.DirectionDown, &rivermigrate.MigrateOpts{MaxSteps: 1})
	}
	if err != nil {
		t.Fatalf("River down one version: %v", err)
	}
}

func TestOpenRefusesEditedMigration(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		t.Parallel()
		ctx := context.Background()
		cfg := e.Config(t)
		cfg.AutoMigrate = true
		db, err := store.Open(ctx, cfg)
		if err != nil {
			t.Fatal(err)
		}
		db.Close()

		edited := fstest.MapFS{}
		for _, d := range []string{"sqlite", "postgres"} {
			entries, _ := fs.ReadDir(store.EmbeddedMigrations, d)
			for _, en := range entries {
				b, _ := fs.ReadFile(store.EmbeddedMigrations, path.Join(d, en.Name()))
				edited[path.Join(d, en.Name())] = &fstest.MapFile{Data: append(b, "\n-- an innocent-looking edit\n"...)}
			}
		}
		_, err = store.Open(ctx, store.WithMigrations(cfg, edited))
		if err == nil || !strings.Contains(err.Error(), "was changed after it was applied") {
			t.Errorf("Open with an edited migration: err = %v", err)
		}
	})
}

func TestTxCommitsAndRollsBack(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		t.Parallel()
		ctx := context.Background()
		clock := storetest.NewClock(start)
		db := openWithNotes(t, e, clock)

		if err := addNote(ctx, db, "kept"); err != nil {
			t.Fatal(err)
		}
		err := db.Tx(ctx, func(tx *store.Tx) error {
			if _, err := tx.Exec(ctx, `INSERT INTO notes (body, created_at) VALUES (?, ?)`, "dropped", tx.Now()); err != nil {
				return err
			}
			return fmt.Errorf("validate: %w", errBoom)
		})
		if !errors.Is(err, errBoom) {
			t.Errorf("Tx returned %v, want fn's error", err)
		}
		func() {
			defer func() {
				if r := recover(); r != "panic in fn" {
					t.Errorf("recovered %v, want the panic to pass through", r)
				}
			}()
			db.Tx(ctx, func(tx *store.Tx) error {
				tx.Exec(ctx, `INSERT INTO notes (body, created_at) VALUES (?, ?)`, "panicked", tx.Now())
				panic("panic in fn")
			})
		}()
		// The panic released the writer: a new transaction still works.
		if err := addNote(ctx, db, "after the panic"); err != nil {
			t.Fatal(err)
		}

		var bodies []string
		var created time.Time
		err = db.ReadTx(ctx, func(tx *store.Tx) error {
			rows, err := tx.Query(ctx, `SELECT body, created_at FROM notes ORDER BY id`)
			if err != nil {
				return err
			}
			defer rows.Close()
			for rows.Next() {
				var b string
				if err := rows.Scan(&b, &created); err != nil {
					return err
				}
				bodies = append(bodies, b)
			}
			return rows.Err()
		})
		if err != nil {
			t.Fatal(err)
		}
		if got, want := strings.Join(bodies, ","), "kept,after the panic"; got != want {
			t.Errorf("notes = %q, want %q", got, want)
		}
		// The row carries the fake clock's time, and reads back equal.
		if !created.Equal(start) || created.Location() != time.UTC {
			t.Errorf("created_at = %v, want %v in UTC", created, start.UTC())
		}
	})
}

func TestTxNowFollowsTheClock(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		t.Parallel()
		ctx := context.Background()
		clock := storetest.NewClock(start.Add(1234567 * time.Nanosecond))
		db := openWithNotes(t, e, clock)
		clock.Advance(40 * 24 * time.Hour)
		var now time.Time
		db.Tx(ctx, func(tx *store.Tx) error { now = tx.Now(); return nil })
		want := start.Add(40*24*time.Hour + 1234*time.Microsecond).UTC()
		if !now.Equal(want) || now.Location() != time.UTC {
			t.Errorf("tx.Now() = %v, want %v (UTC, microseconds)", now, want)
		}
		if err := addNote(ctx, db, "later"); err != nil {
			t.Fatal(err)
		}
		var later bool
		err := db.ReadTx(ctx, func(tx *store.Tx) error {
			// Times compare in SQL the same way on both engines.
			return tx.QueryRow(ctx, `SELECT count(*) = 1 FROM notes WHERE created_at > ? AND created_at <= ?`, start, now).Scan(&later)
		})
		if err != nil || !later {
			t.Errorf("time comparison in SQL: %v, err %v", later, err)
		}
	})
}

func TestErrorsBecomeApplicationCodes(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		t.Parallel()
		ctx := context.Background()
		db := openWithNotes(t, e, storetest.NewClock(start))
		if err := addNote(ctx, db, "unique"); err != nil {
			t.Fatal(err)
		}

		err := addNote(ctx, db, "unique")
		if apperr.CodeOf(err) != apperr.Conflict {
			t.Errorf("duplicate insert: code %q (err %v), want conflict", apperr.CodeOf(err), err)
		}
		err = db.Tx(ctx, func(tx *store.Tx) error {
			var id int64
			return tx.QueryRow(ctx, `INSERT INTO notes (body, created_at) VALUES (?, ?) RETURNING id`, "unique", tx.Now()).Scan(&id)
		})
		if apperr.CodeOf(err) != apperr.Conflict {
			t.Errorf("duplicate INSERT … RETURNING: code %q (err %v), want conflict", apperr.CodeOf(err), err)
		}

		err = db.ReadTx(ctx, func(tx *store.Tx) error {
			var body string
			return tx.QueryRow(ctx, `SELECT body FROM notes WHERE id = ?`, -1).Scan(&body)
		})
		if apperr.CodeOf(err) != apperr.NotFound || !errors.Is(err, sql.ErrNoRows) {
			t.Errorf("missing row: code %q (err %v), want not_found wrapping sql.ErrNoRows", apperr.CodeOf(err), err)
		}

		err = db.ReadTx(ctx, func(tx *store.Tx) error {
			_, err := tx.Exec(ctx, `INSERT INTO notes (body, created_at) VALUES (?, ?)`, "in a read", tx.Now())
			return err
		})
		if err == nil {
			t.Error("ReadTx accepted an INSERT")
		}
		if n := countNotes(t, db); n != 1 {
			t.Errorf("%d notes after the failed writes, want 1", n)
		}
	})
}

func TestPlaceholdersWrittenOnce(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		t.Parallel()
		ctx := context.Background()
		db := openWithNotes(t, e, storetest.NewClock(start))
		for _, b := range []string{"?", "a?b", "plain"} {
			if err := addNote(ctx, db, b); err != nil {
				t.Fatal(err)
			}
		}
		var n int
		var joined string
		err := db.ReadTx(ctx, func(tx *store.Tx) error {
			// A ? inside a literal is not a placeholder; the rest bind in order.
			q := `SELECT count(*), ? || '?' || ? FROM notes WHERE body = '?' OR body = ? -- or ?`
			return tx.QueryRow(ctx, q, "x", "y", "plain").Scan(&n, &joined)
		})
		if err != nil {
			t.Fatal(err)
		}
		if n != 2 || joined != "x?y" {
			t.Errorf("count %d, joined %q; want 2 and x?y", n, joined)
		}
	})
}

// TestConcurrentWriters: many goroutines writing at once never see "database is
// locked" on SQLite (one writer connection) nor lose a row on PostgreSQL.
func TestConcurrentWriters(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		t.Parallel()
		ctx := context.Background()
		db := openWithNotes(t, e, storetest.NewClock(start))
		const writers, each = 8, 10
		var wg sync.WaitGroup
		errs := make(chan error, writers*each+20)
		for w := range writers {
			wg.Go(func() {
				for i := range each {
					errs <- addNote(ctx, db, fmt.Sprintf("w%d-%d", w, i))
				}
			})
		}
		// Readers run beside the writers.
		wg.Go(func() {
			for range 20 {
				var n int
				errs <- db.ReadTx(ctx, func(tx *store.Tx) error {
					return tx.QueryRow(ctx, `SELECT count(*) FROM notes`).Scan(&n)
				})
			}
		})
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Error(err)
			}
		}
		if n := countNotes(t, db); n != writers*each {
			t.Errorf("%d notes, want %d", n, writers*each)
		}
	})
}

// TestSerializationFailureRetriesThenConflicts: on PostgreSQL two transactions
// that would each break the other's premise (write skew) are serialized by
// running the loser again; a failure that keeps coming ends as a conflict.
func TestSerializationFailureRetriesThenConflicts(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		if e.Dialect != store.Postgres {
			t.Skip("SQLite runs one writer at a time: it has no serialization failures")
		}
		t.Parallel()
		ctx := context.Background()
		db := e.Open(t, storetest.NewClock(start))
		err := db.Tx(ctx, func(tx *store.Tx) error {
			if _, err := tx.Exec(ctx, `CREATE TABLE duty (id integer PRIMARY KEY, on_call boolean NOT NULL)`); err != nil {
				return err
			}
			_, err := tx.Exec(ctx, `INSERT INTO duty VALUES (1, true), (2, true)`)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}

		// Each officer goes off duty if someone else is still on call. Both read
		// before either writes, so without serialization both would leave.
		var attempts atomic.Int32
		var bothRead sync.WaitGroup
		bothRead.Add(2)
		goOff := func(id int) error {
			first := true
			return db.Tx(ctx, func(tx *store.Tx) error {
				attempts.Add(1)
				var on int
				if err := tx.QueryRow(ctx, `SELECT count(*) FROM duty WHERE on_call`).Scan(&on); err != nil {
					return err
				}
				if first {
					first = false
					bothRead.Done()
					bothRead.Wait()
				}
				if on < 2 {
					return nil
				}
				_, err := tx.Exec(ctx, `UPDATE duty SET on_call = false WHERE id = ?`, id)
				return err
			})
		}
		var wg sync.WaitGroup
		errs := make([]error, 2)
		for i := range 2 {
			wg.Go(func() { errs[i] = goOff(i + 1) })
		}
		wg.Wait()
		if err := errors.Join(errs...); err != nil {
			t.Fatal(err)
		}
		var on int
		db.ReadTx(ctx, func(tx *store.Tx) error {
			return tx.QueryRow(ctx, `SELECT count(*) FROM duty WHERE on_call`).Scan(&on)
		})
		if on != 1 || attempts.Load() != 3 {
			t.Errorf("%d on call after %d attempts, want 1 after 3 (one retry)", on, attempts.Load())
		}

		calls := 0
		err = db.Tx(ctx, func(tx *store.Tx) error {
			calls++
			return &pgconn.PgError{Code: "40001", Message: "could not serialize access"}
		})
		if apperr.CodeOf(err) != apperr.Conflict || calls != store.MaxTxAttempts {
			t.Errorf("persistent serialization failure: code %q after %d calls (err %v), want conflict after %d",
				apperr.CodeOf(err), calls, err, store.MaxTxAttempts)
		}
	})
}

func TestOpenBadConfig(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name    string
		cfg     store.Config
		wantErr string
	}{
		{"nothing", store.Config{}, "no data directory"},
		{"not postgres", store.Config{DatabaseURL: "mysql://u:secret@h/db"}, "must start with postgres://"},
		{"bad URL", store.Config{DatabaseURL: "postgres://u:secret@host:notaport/db"}, "not a valid PostgreSQL URL"},
	}
	for _, tt := range tests {
		_, err := store.Open(ctx, tt.cfg)
		if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
			t.Errorf("%s: err = %v, want %q", tt.name, err, tt.wantErr)
		}
		if err != nil && strings.Contains(err.Error(), "secret") {
			t.Errorf("%s: the error shows the password: %v", tt.name, err)
		}
	}
}
