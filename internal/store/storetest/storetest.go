// Package storetest runs one test suite against every database engine Qyzmet
// supports, in the style of River's riverdrivertest: SQLite always, PostgreSQL when
// QYZMET_TEST_DATABASE_URL names a database the tests may create schemas in.
// Without that variable the PostgreSQL cases are skipped — except under CI=true,
// where they fail, so that CI can never pass without having run them.
//
//	func TestSubmit(t *testing.T) {
//		storetest.Run(t, func(t *testing.T, e storetest.Engine) {
//			t.Parallel()
//			clock := storetest.NewClock(time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC))
//			db := e.Open(t, clock)
//			…
//		})
//	}
package storetest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"strconv"
	"sync"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver that freshSchema opens
	"github.com/riverqueue/river"

	"qyzmet/internal/store"
)

// EnvDatabaseURL names the PostgreSQL database the tests use. Each test gets its
// own schema in it, dropped when the test ends, so tests run in parallel.
const EnvDatabaseURL = "QYZMET_TEST_DATABASE_URL"

// Engine is one database engine a suite runs against.
type Engine struct {
	Dialect store.Dialect
	url     string // PostgreSQL: the base URL, "" when not configured
}

// Name is the engine's subtest name: "sqlite" or "postgres".
func (e Engine) Name() string { return string(e.Dialect) }

// Engines lists the engines to run a suite against: SQLite and PostgreSQL. The
// PostgreSQL engine skips (or, under CI=true, fails) the test that provisions it
// when QYZMET_TEST_DATABASE_URL is not set.
func Engines() []Engine {
	return []Engine{
		{Dialect: store.SQLite},
		{Dialect: store.Postgres, url: os.Getenv(EnvDatabaseURL)},
	}
}

// Run runs fn once per engine, as subtests named after the engine. fn calls
// t.Parallel itself when the test may run beside others.
func Run(t *testing.T, fn func(t *testing.T, e Engine)) {
	t.Helper()
	for _, e := range Engines() {
		t.Run(e.Name(), func(t *testing.T) { fn(t, e) })
	}
}

// Config provisions a fresh, empty database for t and returns the store.Config
// that opens it, without a clock: a temporary directory for SQLite, a new schema
// for PostgreSQL (dropped when t ends).
func (e Engine) Config(t testing.TB) store.Config {
	t.Helper()
	if e.Dialect == store.SQLite {
		return store.Config{DataDir: t.TempDir()}
	}
	if e.url == "" {
		const how = "set " + EnvDatabaseURL + " to a PostgreSQL database the tests may create schemas in; " +
			"`make test` starts a throwaway cluster (source scripts/pg-throwaway.sh)"
		if inCI() {
			t.Fatal("PostgreSQL tests cannot be skipped under CI=true: " + how)
		}
		t.Skip("PostgreSQL not configured: " + how)
	}
	return store.Config{DatabaseURL: freshSchema(t, e.url)}
}

// Open provisions a fresh database, applies the migrations and opens it with
// clock (nil: real time). It is closed when t ends.
func (e Engine) Open(t testing.TB, clock *Clock) *store.DB {
	t.Helper()
	cfg := e.Config(t)
	cfg.AutoMigrate = true
	if clock != nil {
		cfg.Clock = clock.Now
	}
	db, err := store.Open(context.Background(), cfg)
	if err != nil {
		t.Fatalf("open %s: %v", e.Name(), err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// StartJobs starts a TestOnly River client on db that works jobs with workers,
// and stops it when t ends. Tests run due jobs with Jobs.WorkDue after moving the
// clock.
func StartJobs(t testing.TB, db *store.DB, workers *river.Workers) *store.Jobs {
	t.Helper()
	jobs, err := store.NewJobs(db, store.JobsConfig{Workers: workers, TestOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := jobs.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	// Registered after Open's cleanup, so it runs before the database closes.
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := jobs.Stop(ctx); err != nil {
			t.Errorf("stop jobs: %v", err)
		}
	})
	return jobs
}

func inCI() bool {
	ci, _ := strconv.ParseBool(os.Getenv("CI"))
	return ci
}

// admin is one connection pool per test process to the base database, for
// creating and dropping the tests' schemas.
var admin struct {
	once sync.Once
	db   *sql.DB
}

// freshSchema creates a schema named after nothing in particular and returns the
// base URL with search_path set to it, so that our tables and River's land there.
func freshSchema(t testing.TB, base string) string {
	t.Helper()
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("%s is not a URL: %v", EnvDatabaseURL, err)
	}
	admin.once.Do(func() {
		db, err := sql.Open("pgx", base)
		if err == nil {
			db.SetMaxOpenConns(4)
			admin.db = db
		}
	})
	if admin.db == nil {
		t.Fatalf("cannot open %s", EnvDatabaseURL)
	}
	b := make([]byte, 8)
	rand.Read(b)
	schema := "qyzmet_test_" + hex.EncodeToString(b)
	ctx := context.Background()
	if _, err := admin.db.ExecContext(ctx, "CREATE SCHEMA "+schema); err != nil {
		t.Fatalf("create test schema: %v", err)
	}
	t.Cleanup(func() {
		if _, err := admin.db.ExecContext(context.Background(), "DROP SCHEMA "+schema+" CASCADE"); err != nil {
			t.Errorf("drop test schema %s: %v", schema, err)
		}
	})
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}
