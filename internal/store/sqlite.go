package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/riverqueue/river/riverdriver/riversqlite"
	_ "modernc.org/sqlite" // registers the pure-Go driver "sqlite"
)

// SQLiteFile is the name of the database file inside the data directory.
const SQLiteFile = "qyzmet.db"

// sqliteBusyTimeout is how long a connection waits for a lock held by another
// process (a `qyzmet migrate` beside a running server) before it gives up.
const sqliteBusyTimeout = "10000" // milliseconds

// openSQLite opens DATA/qyzmet.db: one read-write connection and a pool of
// query-only connections.
//
// synchronous=FULL: in WAL mode SQLite then syncs the log on every commit, so a
// transaction that returned is on disk even after a power loss. NORMAL would still
// survive a crashed or killed process (the WAL is written before COMMIT returns)
// but could lose the last commits on power loss; an acknowledged application
// must not be lost, and the benchmark in bench_test.go shows the cost is small
// at our write rates (docs/adr/0001-storage.md).
func (db *DB) openSQLite(ctx context.Context, dir, synchronous string) error {
	if dir == "" {
		return errors.New("store: no data directory for the SQLite database (set --data or QYZMET_DATABASE_URL)")
	}
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return fmt.Errorf("store: create the data directory: %w", err)
	}
	abs, err := filepath.Abs(filepath.Join(dir, SQLiteFile))
	if err != nil {
		return fmt.Errorf("store: %w", err)
	}
	if synchronous == "" {
		synchronous = "FULL"
	}
	common := url.Values{
		"_busy_timeout": {sqliteBusyTimeout},
		"_foreign_keys": {"1"},
		// Times are written as "2006-01-02 15:04:05.999999999-07:00" in UTC, a
		// form that sorts as text in time order and that the driver reads back
		// into time.Time for columns declared TIMESTAMP.
		"_time_format": {"sqlite"},
		"_timezone":    {"UTC"},
	}
	writeParams := cloneValues(common)
	writeParams.Set("_journal_mode", "WAL")
	writeParams.Set("_synchronous", synchronous)
	// BEGIN IMMEDIATE takes the write lock at the start, so a transaction that
	// reads before it writes cannot fail half-way on a lock held by another process.
	writeParams.Set("_txlock", "immediate")
	readParams := cloneValues(common)
	readParams.Set("_query_only", "1")

	db.dialect = SQLite
	db.location = abs
	db.write, err = sql.Open("sqlite", sqliteDSN(abs, writeParams))
	if err != nil {
		return fmt.Errorf("store: %w", err)
	}
	db.write.SetMaxOpenConns(1)
	db.write.SetMaxIdleConns(1)
	if err := ping(ctx, db.write, abs); err != nil {
		return err
	}
	if err := checkSQLitePragmas(ctx, db.write, synchronous); err != nil {
		db.write.Close()
		return err
	}
	db.read, err = sql.Open("sqlite", sqliteDSN(abs, readParams))
	if err != nil {
		db.write.Close()
		return fmt.Errorf("store: %w", err)
	}
	db.read.SetMaxOpenConns(max(4, runtime.GOMAXPROCS(0)))
	if err := ping(ctx, db.read, abs); err != nil {
		db.write.Close()
		return err
	}
	db.river = riversqlite.New(db.write)
	return nil
}

// sqliteDSN is a file: URI, so that a path with '?' or '#' in it stays a path.
func sqliteDSN(path string, params url.Values) string {
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(path), RawQuery: params.Encode()}).String()
}

func cloneValues(v url.Values) url.Values {
	c := url.Values{}
	for k, vs := range v {
		c[k] = append([]string(nil), vs...)
	}
	return c
}

// checkSQLitePragmas makes sure the settings the durability argument rests on
// took effect: a file system without shared memory silently refuses WAL.
func checkSQLitePragmas(ctx context.Context, conn *sql.DB, synchronous string) error {
	var mode string
	if err := conn.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil {
		return fmt.Errorf("store: read journal_mode: %w", err)
	}
	if !strings.EqualFold(mode, "wal") {
		return fmt.Errorf("store: SQLite refused WAL mode (journal_mode is %q): put the data directory on a local file system", mode)
	}
	want := map[string]int{"OFF": 0, "NORMAL": 1, "FULL": 2, "EXTRA": 3}[strings.ToUpper(synchronous)]
	var sync, fk int
	if err := conn.QueryRowContext(ctx, "PRAGMA synchronous").Scan(&sync); err != nil {
		return fmt.Errorf("store: read synchronous: %w", err)
	}
	if err := conn.QueryRowContext(ctx, "PRAGMA foreign_keys").Scan(&fk); err != nil {
		return fmt.Errorf("store: read foreign_keys: %w", err)
	}
	if sync != want || fk != 1 {
		return fmt.Errorf("store: SQLite settings did not take effect (synchronous=%d, foreign_keys=%d)", sync, fk)
	}
	return nil
}
