package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/jackc/pgx/v5/stdlib"
	"github.com/riverqueue/river/riverdriver/riverdatabasesql"
)

// postgresMaxConns bounds the pool of one process; several `qyzmet serve`
// processes share the server, so each takes a modest share of max_connections.
const postgresMaxConns = 20

// openPostgres opens a database/sql pool over pgx, so that both dialects share
// *sql.Tx and River's database/sql driver works in our transactions.
func (db *DB) openPostgres(ctx context.Context, rawURL string) error {
	if !strings.HasPrefix(rawURL, "postgres://") && !strings.HasPrefix(rawURL, "postgresql://") {
		return fmt.Errorf("store: QYZMET_DATABASE_URL must start with postgres:// or postgresql://")
	}
	cfg, err := pgx.ParseConfig(rawURL)
	if err != nil {
		// pgx's message may quote the URL, password included: say only what is wrong.
		return fmt.Errorf("store: QYZMET_DATABASE_URL is not a valid PostgreSQL URL")
	}
	db.dialect = Postgres
	db.location = fmt.Sprintf("postgres://%s:%d/%s", cfg.Host, cfg.Port, cfg.Database)
	db.write = stdlib.OpenDB(*cfg, stdlib.OptionAfterConnect(utcTimes))
	db.write.SetMaxOpenConns(postgresMaxConns)
	db.write.SetMaxIdleConns(postgresMaxConns / 2)
	db.write.SetConnMaxIdleTime(5 * time.Minute)
	if err := ping(ctx, db.write, db.location); err != nil {
		return err
	}
	db.read = db.write
	db.river = riverdatabasesql.New(db.write)
	return nil
}

// utcTimes makes a connection read timestamptz values in UTC, as SQLite's do,
// instead of the process's local zone, so a time reads back the same on both.
func utcTimes(_ context.Context, conn *pgx.Conn) error {
	conn.TypeMap().RegisterType(&pgtype.Type{
		Name:  "timestamptz",
		OID:   pgtype.TimestamptzOID,
		Codec: &pgtype.TimestamptzCodec{ScanLocation: time.UTC},
	})
	return nil
}
