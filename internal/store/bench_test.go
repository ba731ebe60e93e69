package store_test

import (
	"context"
	"testing"

	"qyzmet/internal/store"
)

// BenchmarkSQLiteCommit measures one small write transaction per operation under
// each synchronous mode, the figure behind choosing FULL (docs/adr/0001-storage.md).
func BenchmarkSQLiteCommit(b *testing.B) {
	for _, mode := range []string{"FULL", "NORMAL"} {
		b.Run(mode, func(b *testing.B) {
			ctx := context.Background()
			cfg := store.WithSynchronous(store.Config{DataDir: b.TempDir(), AutoMigrate: true}, mode)
			db, err := store.Open(ctx, cfg)
			if err != nil {
				b.Fatal(err)
			}
			defer db.Close()
			err = db.Tx(ctx, func(tx *store.Tx) error {
				_, err := tx.Exec(ctx, `CREATE TABLE events (id INTEGER PRIMARY KEY, body TEXT NOT NULL, at TIMESTAMP NOT NULL)`)
				return err
			})
			if err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				err := db.Tx(ctx, func(tx *store.Tx) error {
					_, err := tx.Exec(ctx, `INSERT INTO events (body, at) VALUES (?, ?)`, "application submitted", tx.Now())
					return err
				})
				if err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
