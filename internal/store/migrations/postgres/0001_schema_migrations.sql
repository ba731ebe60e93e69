-- The record of applied migrations. The runner (migrate.go) adds a row for each
-- file in the same transaction that applies it; the checksum catches a file that
-- was edited after it ran.
CREATE TABLE schema_migrations (
    version    integer PRIMARY KEY,
    name       text NOT NULL,
    checksum   text NOT NULL,
    applied_at timestamptz NOT NULL
);
