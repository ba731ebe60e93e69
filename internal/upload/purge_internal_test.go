package upload

import (
	"context"
	"testing"
	"time"

	"qyzmet/internal/store"
	"qyzmet/internal/store/storetest"
)

// The delete looks again: an upload that a draft came to name, or that an
// application submitted after the references were read refers to, is kept
// even though the read found it unreferenced.
func TestPurgeRecheck(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		ctx := context.Background()
		clock := storetest.NewClock(time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC))
		s := &Store{DB: e.Open(t, clock)}
		var ids []string
		for range 3 {
			f, err := s.Save(ctx, "900517400001", "scan.pdf", []byte("%PDF-1.7\n1 0 obj\n<< >>\nendobj\nxref\n0 1\ntrailer\n<< >>\nstartxref\n9\n%%EOF\n"))
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, f.ID)
		}
		inApp, inDraft, abandoned := ids[0], ids[1], ids[2]
		since := clock.Now()
		err := s.DB.Tx(ctx, func(tx *store.Tx) error {
			if _, err := tx.Exec(ctx, `INSERT INTO casework_applications
				(id, service, standard_version, channel, state, version, provider, created_at, updated_at, doc)
				VALUES ('app-1', 'ac', '1', 'portal', 'submitted', 1, 'court', ?, ?, ?)`,
				tx.Now(), tx.Now(), `{"checklist":[{"file_ref":"`+inApp+`"}]}`); err != nil {
				return err
			}
			_, err := tx.Exec(ctx, `INSERT INTO apply_drafts (id, owner_iin, form_key, service, input, created_at, updated_at)
				VALUES ('drf-1', '900517400001', 'k', 'ac', ?, ?, ?)`, `{"form":{"files":{"scan":{"id":"`+inDraft+`"}}}}`, tx.Now(), tx.Now())
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		n, err := s.purgeUnreferenced(ctx, ids, since)
		if err != nil || n != 1 {
			t.Fatalf("purged %d, %v; want only the abandoned upload", n, err)
		}
		for _, id := range []string{inApp, inDraft} {
			if _, err := s.load(ctx, id); err != nil {
				t.Errorf("%s: %v", id, err)
			}
		}
		if _, err := s.load(ctx, abandoned); err == nil {
			t.Error("the abandoned upload was kept")
		}
	})
}
