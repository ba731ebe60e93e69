package store

import "io/fs"

// Hooks for the external tests (package store_test), which cannot reach
// unexported fields.

// WithMigrations returns cfg with the migrations in fsys (directories sqlite/ and
// postgres/) instead of the embedded ones.
func WithMigrations(cfg Config, fsys fs.FS) Config {
	cfg.migrations = fsys
	return cfg
}

// WithSynchronous returns cfg with SQLite's synchronous mode set to mode.
func WithSynchronous(cfg Config, mode string) Config {
	cfg.synchronous = mode
	return cfg
}

var EmbeddedMigrations = embeddedMigrations

const MaxTxAttempts = maxTxAttempts
