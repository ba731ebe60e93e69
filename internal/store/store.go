// Package store is Qyzmet's storage layer: one database — an embedded SQLite file
// by default, PostgreSQL when a URL is given — behind database/sql, with embedded
// versioned migrations per dialect, one transaction helper that every service call
// goes through (DB.Tx), and River durable jobs in the same database so that a job
// is enqueued in the same transaction as the change it follows.
//
// Domain SQL is written once with ? placeholders; Tx rebinds them for PostgreSQL.
// Times are passed as parameters from Tx.Now (the injected clock), never taken
// from the database's own now(), so that both dialects store and compare them the
// same way and tests can run months in milliseconds.
//
// docs/adr/0001-storage.md explains the decisions.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"time"

	"github.com/riverqueue/river/riverdriver"
)

// Dialect names the SQL engine behind a DB.
type Dialect string

const (
	SQLite   Dialect = "sqlite"
	Postgres Dialect = "postgres"
)

// Config says which database to open.
type Config struct {
	// DataDir holds the SQLite file qyzmet.db (created when missing). Used when
	// DatabaseURL is empty.
	DataDir string
	// DatabaseURL selects PostgreSQL (postgres://… or postgresql://…).
	DatabaseURL string
	// Clock is the time source of transactions and jobs; nil means time.Now.
	// Tests pass a fake clock and move it.
	Clock func() time.Time
	// AutoMigrate applies pending migrations on Open instead of refusing to serve
	// an outdated schema (serve --demo, tests).
	AutoMigrate bool

	// migrations replaces the embedded migrations (tests of the runner).
	migrations fs.FS
	// synchronous overrides SQLite's synchronous mode (the benchmark that justifies FULL).
	synchronous string
}

// DB is an open database. It is safe for concurrent use.
type DB struct {
	dialect Dialect
	// write runs every read-write transaction. On SQLite it holds exactly one
	// connection, so writers queue in Go instead of failing with "database is
	// locked"; River uses it too.
	write *sql.DB
	// read serves read-only transactions: on SQLite a separate pool of query-only
	// connections that WAL lets run beside the writer; on PostgreSQL the same pool.
	read       *sql.DB
	clock      func() time.Time
	fakeClock  bool
	migrations fs.FS
	river      riverdriver.Driver[*sql.Tx]
	location   string // the file or host, for messages; never the password
}

// Open connects to the database the config names and makes sure its schema is the
// one this binary needs: it applies pending migrations when cfg.AutoMigrate is set
// and otherwise refuses with a *SchemaError that tells the operator to run
// `qyzmet migrate`.
func Open(ctx context.Context, cfg Config) (*DB, error) {
	db, err := Connect(ctx, cfg)
	if err != nil {
		return nil, err
	}
	if cfg.AutoMigrate {
		_, err = db.Migrate(ctx)
	} else {
		err = db.checkSchema(ctx)
	}
	if err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// Connect opens the database without looking at its schema. Only `qyzmet migrate`
// and tests of migrations need it; everything else calls Open.
func Connect(ctx context.Context, cfg Config) (*DB, error) {
	db := &DB{clock: cfg.Clock, fakeClock: cfg.Clock != nil, migrations: cfg.migrations}
	if db.clock == nil {
		db.clock = time.Now
	}
	if db.migrations == nil {
		db.migrations = embeddedMigrations
	}
	var err error
	if cfg.DatabaseURL != "" {
		err = db.openPostgres(ctx, cfg.DatabaseURL)
	} else {
		err = db.openSQLite(ctx, cfg.DataDir, cfg.synchronous)
	}
	if err != nil {
		return nil, err
	}
	return db, nil
}

// Dialect is "sqlite" or "postgres".
func (db *DB) Dialect() Dialect { return db.dialect }

// Location names the database for messages: the SQLite file, or PostgreSQL's host
// and database without credentials.
func (db *DB) Location() string { return db.location }

// Now is the injected clock's time as transactions see it: UTC, in microseconds
// (PostgreSQL's precision, so a time read back equals the time written).
func (db *DB) Now() time.Time { return db.clock().UTC().Truncate(time.Microsecond) }

// Close closes both pools. Stop the Jobs client first.
func (db *DB) Close() error {
	err := db.write.Close()
	if db.read != db.write {
		err = errors.Join(err, db.read.Close())
	}
	return err
}

// ping checks that a freshly opened pool really reaches its database, so that a
// wrong path or URL fails at start-up rather than on the first request.
func ping(ctx context.Context, pool *sql.DB, where string) error {
	if err := pool.PingContext(ctx); err != nil {
		pool.Close()
		return fmt.Errorf("store: cannot reach %s: %w", where, err)
	}
	return nil
}
