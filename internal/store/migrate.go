package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"log/slog"
	"path"
	"regexp"
	"slices"
	"strconv"

	"github.com/riverqueue/river/rivermigrate"
)

// Migrations live in migrations/DIALECT/NNNN_what.sql, numbered from 0001 without
// gaps, the same numbers for both dialects. To change the schema, add the next
// number to BOTH directories (the test TestEmbeddedMigrationsMatch fails
// otherwise); never edit a file that has shipped, because its checksum is
// recorded and Open refuses a database whose applied files changed.
//
//go:embed migrations/sqlite/*.sql migrations/postgres/*.sql
var migrationFiles embed.FS

var embeddedMigrations = mustSub(migrationFiles, "migrations")

func mustSub(fsys fs.FS, dir string) fs.FS {
	sub, err := fs.Sub(fsys, dir)
	if err != nil {
		panic(err) // dir is a constant that the embed directive guarantees
	}
	return sub
}

// Lines of migrations: ours and River's own, applied by the same Migrate call.
const (
	LineQyzmet = "qyzmet"
	LineRiver  = "river"
)

// migration is one embedded file.
type migration struct {
	version  int
	name     string // the file name, such as 0001_schema_migrations.sql
	sql      string
	checksum string // hex SHA-256 of the file
}

var migrationName = regexp.MustCompile(`^([0-9]{4})_[a-z0-9_]+\.sql$`)

// loadMigrations reads the migrations of one dialect and checks that they are
// numbered 1, 2, 3 … without gaps or doubles.
func loadMigrations(fsys fs.FS, d Dialect) ([]migration, error) {
	entries, err := fs.ReadDir(fsys, string(d))
	if err != nil {
		return nil, fmt.Errorf("store: migrations for %s: %w", d, err)
	}
	var ms []migration
	for _, e := range entries {
		m := migrationName.FindStringSubmatch(e.Name())
		if m == nil {
			return nil, fmt.Errorf("store: migration file %s/%s is not named NNNN_what.sql", d, e.Name())
		}
		version, _ := strconv.Atoi(m[1]) // four digits always parse
		b, err := fs.ReadFile(fsys, path.Join(string(d), e.Name()))
		if err != nil {
			return nil, fmt.Errorf("store: %w", err)
		}
		sum := sha256.Sum256(b)
		ms = append(ms, migration{version: version, name: e.Name(), sql: string(b), checksum: hex.EncodeToString(sum[:])})
	}
	slices.SortFunc(ms, func(a, b migration) int { return a.version - b.version })
	for i, m := range ms {
		if m.version != i+1 {
			return nil, fmt.Errorf("store: migrations for %s must be numbered 0001, 0002, … without gaps; %s is number %d in order", d, m.name, i+1)
		}
	}
	if len(ms) == 0 {
		return nil, fmt.Errorf("store: no migrations for %s", d)
	}
	return ms, nil
}

// SchemaStatus compares the database with what this binary needs.
type SchemaStatus struct {
	Version      int // highest of our migrations applied to the database
	Needed       int // highest of our migrations in this binary
	RiverVersion int // same for River's job tables
	RiverNeeded  int
}

// UpToDate reports whether the database is exactly what this binary needs.
func (s SchemaStatus) UpToDate() bool {
	return s.Version == s.Needed && s.RiverVersion == s.RiverNeeded
}

// err is the *SchemaError that describes s, or nil when s is up to date.
func (s SchemaStatus) err() error {
	switch {
	case s.Version != s.Needed:
		return &SchemaError{Line: LineQyzmet, Version: s.Version, Needed: s.Needed}
	case s.RiverVersion != s.RiverNeeded:
		return &SchemaError{Line: LineRiver, Version: s.RiverVersion, Needed: s.RiverNeeded}
	}
	return nil
}

// SchemaError is Open's refusal to serve a database whose schema is not the one
// this binary was built for.
type SchemaError struct {
	Line    string // LineQyzmet or LineRiver
	Version int    // what the database has
	Needed  int    // what the binary needs
}

func (e *SchemaError) Error() string {
	what := "database schema is"
	if e.Line == LineRiver {
		what = "River's job tables are"
	}
	if e.Version > e.Needed {
		return fmt.Sprintf("%s at version %d, newer than this binary knows (%d): run the newer qyzmet release that migrated it", what, e.Version, e.Needed)
	}
	return fmt.Sprintf("%s at version %d, this binary needs %d: run `qyzmet migrate`", what, e.Version, e.Needed)
}

// Applied is one migration that Migrate applied.
type Applied struct {
	Line    string // LineQyzmet or LineRiver
	Version int
	Name    string
}

// Migrate applies every pending migration — ours, each in its own transaction and
// recorded in schema_migrations with its checksum, then River's through
// rivermigrate — and returns what it applied; nothing when the schema is current.
// Several processes may call it at once: on PostgreSQL an advisory lock lets one
// through at a time, on SQLite the write lock does.
func (db *DB) Migrate(ctx context.Context) ([]Applied, error) {
	ms, err := loadMigrations(db.migrations, db.dialect)
	if err != nil {
		return nil, err
	}
	var runner beginner = db.write
	if db.dialect == Postgres {
		conn, err := db.write.Conn(ctx)
		if err != nil {
			return nil, fmt.Errorf("store: migrate: %w", err)
		}
		defer conn.Close()
		// The lock is per schema so that parallel tests in their own schemas do
		// not wait for each other.
		const key = `hashtext('qyzmet.migrate.' || current_schema())`
		if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock(`+key+`)`); err != nil {
			return nil, fmt.Errorf("store: migrate: take the migration lock: %w", err)
		}
		defer conn.ExecContext(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock(`+key+`)`)
		runner = conn
	}

	applied, err := db.appliedMigrations(ctx, db.read)
	if err != nil {
		return nil, err
	}
	if err := verifyApplied(ms, applied); err != nil {
		return nil, err
	}
	if newest := maxVersion(applied); newest > len(ms) {
		return nil, &SchemaError{Line: LineQyzmet, Version: newest, Needed: len(ms)}
	}
	var done []Applied
	for _, m := range ms {
		if _, ok := applied[m.version]; ok {
			continue
		}
		ran, err := db.applyMigration(ctx, runner, m)
		if err != nil {
			return done, err
		}
		if ran {
			done = append(done, Applied{Line: LineQyzmet, Version: m.version, Name: m.name})
		}
	}

	migrator, err := db.riverMigrator()
	if err != nil {
		return done, err
	}
	res, err := migrator.Migrate(ctx, rivermigrate.DirectionUp, nil)
	if err != nil {
		return done, fmt.Errorf("store: migrate River's tables: %w", err)
	}
	for _, v := range res.Versions {
		done = append(done, Applied{Line: LineRiver, Version: v.Version, Name: v.Name})
	}
	return done, nil
}

// beginner is a pool or a single connection that transactions start on.
type beginner interface {
	BeginTx(ctx context.Context, opts *sql.TxOptions) (*sql.Tx, error)
}

// applyMigration runs one file and records it in one transaction. It reports
// false when another process applied the file first.
func (db *DB) applyMigration(ctx context.Context, runner beginner, m migration) (bool, error) {
	tx, err := runner.BeginTx(ctx, nil)
	if err != nil {
		return false, fmt.Errorf("store: migration %s: %w", m.name, err)
	}
	defer tx.Rollback()
	applied, err := db.appliedMigrations(ctx, tx)
	if err != nil {
		return false, err
	}
	if _, ok := applied[m.version]; ok {
		return false, nil
	}
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return false, fmt.Errorf("store: migration %s/%s: %w", db.dialect, m.name, err)
	}
	insert := `INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)`
	if db.dialect == Postgres {
		insert = rebindDollar(insert)
	}
	if _, err := tx.ExecContext(ctx, insert, m.version, m.name, m.checksum, db.Now()); err != nil {
		return false, fmt.Errorf("store: record migration %s: %w", m.name, err)
	}
	if err := tx.Commit(); err != nil {
		return false, fmt.Errorf("store: migration %s: commit: %w", m.name, err)
	}
	return true, nil
}

// queryer is a pool, a connection or a transaction.
type queryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

type appliedMigration struct {
	name     string
	checksum string
}

// appliedMigrations reads schema_migrations; a database without the table has
// applied nothing.
func (db *DB) appliedMigrations(ctx context.Context, q queryer) (map[int]appliedMigration, error) {
	exists := `SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'`
	if db.dialect == Postgres {
		exists = `SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = current_schema() AND tablename = 'schema_migrations'`
	}
	var n int
	if err := queryOne(ctx, q, exists, &n); err != nil {
		return nil, fmt.Errorf("store: look for schema_migrations: %w", err)
	}
	applied := map[int]appliedMigration{}
	if n == 0 {
		return applied, nil
	}
	rows, err := q.QueryContext(ctx, `SELECT version, name, checksum FROM schema_migrations`)
	if err != nil {
		return nil, fmt.Errorf("store: read schema_migrations: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var v int
		var a appliedMigration
		if err := rows.Scan(&v, &a.name, &a.checksum); err != nil {
			return nil, fmt.Errorf("store: read schema_migrations: %w", err)
		}
		applied[v] = a
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: read schema_migrations: %w", err)
	}
	return applied, nil
}

func queryOne(ctx context.Context, q queryer, query string, dest any) error {
	rows, err := q.QueryContext(ctx, query)
	if err != nil {
		return err
	}
	defer rows.Close()
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return err
		}
		return sql.ErrNoRows
	}
	if err := rows.Scan(dest); err != nil {
		return err
	}
	return rows.Close()
}

// verifyApplied refuses a database whose applied migrations are not the files in
// this binary: an edited file would mean two databases at the "same" version with
// different schemas.
func verifyApplied(ms []migration, applied map[int]appliedMigration) error {
	for _, m := range ms {
		a, ok := applied[m.version]
		if ok && a.checksum != m.checksum {
			return fmt.Errorf("store: migration %s was changed after it was applied to this database (recorded as %s): restore the file and put the change in a new migration", m.name, a.name)
		}
	}
	return nil
}

func maxVersion(applied map[int]appliedMigration) int {
	n := 0
	for v := range applied {
		n = max(n, v)
	}
	return n
}

// SchemaStatus reads which migrations the database has and which this binary needs.
func (db *DB) SchemaStatus(ctx context.Context) (SchemaStatus, error) {
	ms, err := loadMigrations(db.migrations, db.dialect)
	if err != nil {
		return SchemaStatus{}, err
	}
	applied, err := db.appliedMigrations(ctx, db.read)
	if err != nil {
		return SchemaStatus{}, err
	}
	if err := verifyApplied(ms, applied); err != nil {
		return SchemaStatus{}, err
	}
	st := SchemaStatus{Version: maxVersion(applied), Needed: len(ms)}
	migrator, err := db.riverMigrator()
	if err != nil {
		return SchemaStatus{}, err
	}
	for _, m := range migrator.AllVersions() {
		st.RiverNeeded = max(st.RiverNeeded, m.Version)
	}
	existing, err := migrator.ExistingVersions(ctx)
	if err != nil {
		return SchemaStatus{}, fmt.Errorf("store: read River's migrations: %w", err)
	}
	for _, m := range existing {
		st.RiverVersion = max(st.RiverVersion, m.Version)
	}
	return st, nil
}

// checkSchema is Open's refusal of an outdated (or newer) schema.
func (db *DB) checkSchema(ctx context.Context) error {
	st, err := db.SchemaStatus(ctx)
	if err != nil {
		return err
	}
	return st.err()
}

func (db *DB) riverMigrator() (*rivermigrate.Migrator[*sql.Tx], error) {
	m, err := rivermigrate.New(db.river, &rivermigrate.Config{Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		return nil, fmt.Errorf("store: River migrator: %w", err)
	}
	return m, nil
}
