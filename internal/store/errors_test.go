package store

import (
	"database/sql"
	"errors"
	"fmt"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"

	"qyzmet/internal/apperr"
)

// TestAppErrorPostgresCodes covers the PostgreSQL SQLSTATEs that a throwaway
// cluster does not produce on demand (deadlocks); the suite covers the rest on
// real databases.
func TestAppErrorPostgresCodes(t *testing.T) {
	plain := errors.New("connection reset")
	tests := []struct {
		name string
		err  error
		want apperr.Code
	}{
		{"nil", nil, ""},
		{"no rows", sql.ErrNoRows, apperr.NotFound},
		{"wrapped no rows", fmt.Errorf("scan: %w", sql.ErrNoRows), apperr.NotFound},
		{"unique violation", &pgconn.PgError{Code: "23505"}, apperr.Conflict},
		{"serialization failure", &pgconn.PgError{Code: "40001"}, apperr.Conflict},
		{"deadlock", &pgconn.PgError{Code: "40P01"}, apperr.Conflict},
		{"foreign key is not a conflict", &pgconn.PgError{Code: "23503"}, apperr.Internal},
		{"other error", plain, apperr.Internal},
		{"already an application error", apperr.E(apperr.Forbidden, "x"), apperr.Forbidden},
	}
	for _, tt := range tests {
		got := appError(tt.err)
		if code := apperr.CodeOf(got); code != tt.want {
			t.Errorf("%s: code = %q, want %q", tt.name, code, tt.want)
		}
		if tt.err != nil && !errors.Is(got, tt.err) {
			t.Errorf("%s: the driver error is lost: %v", tt.name, got)
		}
	}
}
