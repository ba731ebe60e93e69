package quality_test

import (
	"context"
	"fmt"
	"testing"

	"qyzmet/internal/quality"
	"qyzmet/internal/store"
	"qyzmet/internal/store/storetest"
)

// BenchmarkFigures computes the dashboard grouped by all four dimensions over
// about 10,000 applications: the engine's seed (seed) copied a thousand times
// under new IDs, on each engine.
func BenchmarkFigures(b *testing.B) {
	for _, kind := range storetest.Engines() {
		b.Run(kind.Name(), func(b *testing.B) {
			w := newWorld(b, kind, at(2026, 4, 6, 10, 0))
			seed(w)
			err := w.db.Tx(context.Background(), func(tx *store.Tx) error {
				for i := range 1000 {
					_, err := tx.Exec(context.Background(), `INSERT INTO casework_applications
						(id, service, standard_version, channel, state, version, provider, number, applicant_iin, applicant_bin,
						 representative_iin, subject_iin, branch, pickup_branch, assignee, deadline_on, overdue, created_at, updated_at, doc)
						SELECT id || ?, service, standard_version, channel, state, version, provider, NULL, applicant_iin, applicant_bin,
						 representative_iin, subject_iin, branch, pickup_branch, assignee, deadline_on, overdue, created_at, updated_at, doc
						FROM casework_applications WHERE id NOT LIKE '%-%'`, fmt.Sprintf("-%d", i))
					if err != nil {
						return err
					}
				}
				return nil
			})
			if err != nil {
				b.Fatal(err)
			}
			q := quality.Query{GroupBy: quality.Dimensions(), Now: at(2026, 5, 20, 12, 0)}
			for b.Loop() {
				rep, err := quality.Figures(w.ctx, w.db, nil, q)
				if err != nil {
					b.Fatal(err)
				}
				if rep.Total.Received < 10000 {
					b.Fatalf("%d applications, want about 10,000", rep.Total.Received)
				}
			}
		})
	}
}
