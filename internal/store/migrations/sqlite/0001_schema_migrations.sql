-- The record of applied migrations. The runner (migrate.go) adds a row for each
-- file in the same transaction that applies it; the checksum catches a file that
-- was edited after it ran.
CREATE TABLE schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    checksum   TEXT NOT NULL,
    applied_at TIMESTAMP NOT NULL
);
