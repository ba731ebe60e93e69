package store

import (
	"database/sql"
	"errors"

	"github.com/jackc/pgx/v5/pgconn"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"qyzmet/internal/apperr"
)

// PostgreSQL SQLSTATE codes the store turns into application errors.
const (
	pgUniqueViolation      = "23505"
	pgSerializationFailure = "40001"
	pgDeadlockDetected     = "40P01"
)

// appError turns the driver errors that mean something to a caller into the
// application's codes, keeping the driver error as the cause: no row is
// not_found, a duplicate key or a concurrent change is conflict. Anything else is
// returned as it is (and is internal to the user).
func appError(err error) error {
	if err == nil {
		return nil
	}
	var ae *apperr.Error
	if errors.As(err, &ae) {
		return err
	}
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return apperr.Wrap(apperr.NotFound, err, "no such record")
	case isUniqueViolation(err):
		return apperr.Wrap(apperr.Conflict, err, "a record with the same key already exists")
	case isSerializationFailure(err):
		return apperr.Wrap(apperr.Conflict, err, "a concurrent transaction changed the same data")
	}
	return err
}

func isUniqueViolation(err error) bool {
	var pg *pgconn.PgError
	if errors.As(err, &pg) {
		return pg.Code == pgUniqueViolation
	}
	var lite *sqlite.Error
	if errors.As(err, &lite) {
		return lite.Code() == sqlite3.SQLITE_CONSTRAINT_UNIQUE || lite.Code() == sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY
	}
	return false
}

// isSerializationFailure reports a PostgreSQL transaction that lost a race with a
// concurrent one; running it again is the prescribed remedy. SQLite, with one
// writer, never reports one.
func isSerializationFailure(err error) bool {
	var pg *pgconn.PgError
	return errors.As(err, &pg) && (pg.Code == pgSerializationFailure || pg.Code == pgDeadlockDetected)
}
