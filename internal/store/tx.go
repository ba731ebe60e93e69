package store

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"time"
)

// maxTxAttempts bounds how often DB.Tx runs a PostgreSQL transaction that lost a
// serialization race before it gives up with a conflict. Two dozen writers on
// one counter (documents issued at once) needed more than four tries; with the
// growing random pause below, ten tries wait at most about a second in all.
const maxTxAttempts = 10

// Tx is one database transaction of a service call. Its helpers take SQL with ?
// placeholders on both dialects and turn driver errors into application errors
// (no row → not_found, duplicate key → conflict). Unexported helpers of the domain
// take a *Tx so that they compose inside one transaction.
type Tx struct {
	tx      *sql.Tx
	dialect Dialect
	now     time.Time
}

// Now is the time of the transaction: one reading of the injected clock, UTC, in
// microseconds. Every row and event a command writes carries the same time.
func (tx *Tx) Now() time.Time { return tx.now }

// Dialect is the engine the transaction runs on, for the rare SQL that differs.
func (tx *Tx) Dialect() Dialect { return tx.dialect }

// Exec runs a statement that returns no rows.
func (tx *Tx) Exec(ctx context.Context, query string, args ...any) (sql.Result, error) {
	res, err := tx.tx.ExecContext(ctx, tx.bind(query), args...)
	return res, appError(err)
}

// Query runs a query that returns rows. The caller closes them and checks rows.Err.
func (tx *Tx) Query(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	rows, err := tx.tx.QueryContext(ctx, tx.bind(query), args...)
	return rows, appError(err)
}

// QueryRow runs a query expected to return one row, such as an INSERT … RETURNING.
func (tx *Tx) QueryRow(ctx context.Context, query string, args ...any) *Row {
	return &Row{row: tx.tx.QueryRowContext(ctx, tx.bind(query), args...)}
}

func (tx *Tx) bind(query string) string {
	if tx.dialect == Postgres {
		return rebindDollar(query)
	}
	return query
}

// Row is the result of QueryRow.
type Row struct{ row *sql.Row }

// Scan copies the row into dest. No row is an apperr.NotFound (that still
// satisfies errors.Is(err, sql.ErrNoRows)); a duplicate key is an apperr.Conflict.
func (r *Row) Scan(dest ...any) error { return appError(r.row.Scan(dest...)) }

// Tx runs fn in one read-write transaction and commits it when fn returns nil;
// an error or a panic from fn rolls everything back, River jobs inserted with
// Jobs.InsertTx included. fn's error is returned as it is.
//
// fn must do all its database work through tx: on SQLite the transaction holds
// the only write connection, so a call to db inside fn (another DB.Tx, a
// Jobs.Client call without Tx) waits for itself forever. fn must not reach
// outside the database either (no HTTP calls, no files): on PostgreSQL the
// transaction is SERIALIZABLE — it behaves as if it ran alone, as on SQLite — and
// when PostgreSQL reports a serialization failure fn runs again, up to
// maxTxAttempts times, before DB.Tx returns an apperr.Conflict.
func (db *DB) Tx(ctx context.Context, fn func(tx *Tx) error) error {
	opts := &sql.TxOptions{}
	if db.dialect == Postgres {
		opts.Isolation = sql.LevelSerializable
	}
	for attempt := 1; ; attempt++ {
		err := db.run(ctx, db.write, opts, fn)
		if err == nil || !isSerializationFailure(err) {
			return err
		}
		if attempt == maxTxAttempts {
			return appError(err)
		}
		// A short random pause, growing with each try, lets the transactions that
		// won finish first.
		pause := time.Duration(rand.Int64N(int64(attempt) * int64(20*time.Millisecond)))
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(pause):
		}
	}
}

// ReadTx runs fn in a read-only transaction that sees one consistent snapshot;
// on SQLite it uses the read pool and never waits for the writer.
func (db *DB) ReadTx(ctx context.Context, fn func(tx *Tx) error) error {
	opts := &sql.TxOptions{ReadOnly: true}
	if db.dialect == Postgres {
		opts.Isolation = sql.LevelRepeatableRead
	}
	return db.run(ctx, db.read, opts, fn)
}

func (db *DB) run(ctx context.Context, pool *sql.DB, opts *sql.TxOptions, fn func(tx *Tx) error) error {
	sqlTx, err := pool.BeginTx(ctx, opts)
	if err != nil {
		return fmt.Errorf("store: begin transaction: %w", err)
	}
	done := false
	defer func() {
		if !done {
			sqlTx.Rollback() // the error that brought us here is the one to report
		}
	}()
	if err := fn(&Tx{tx: sqlTx, dialect: db.dialect, now: db.Now()}); err != nil {
		return err
	}
	done = true
	if err := sqlTx.Commit(); err != nil {
		return fmt.Errorf("store: commit: %w", appError(err))
	}
	return nil
}
