package upload_test

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"qyzmet/internal/app"
	"qyzmet/internal/apperr"
	"qyzmet/internal/casework"
	"qyzmet/internal/store"
	"qyzmet/internal/store/storetest"
	"qyzmet/internal/upload"
)

const owner = "900517400001"

var start = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)

// fixture is a database with a fake clock and the upload store on it.
type fixture struct {
	t     *testing.T
	ctx   context.Context
	clock *storetest.Clock
	db    *store.DB
	s     *upload.Store
}

func newFixture(t *testing.T, e storetest.Engine) *fixture {
	clock := storetest.NewClock(start)
	db := e.Open(t, clock)
	return &fixture{t: t, ctx: context.Background(), clock: clock, db: db, s: &upload.Store{DB: db}}
}

func (f *fixture) save() string {
	f.t.Helper()
	got, err := f.s.Save(f.ctx, owner, "scan.pdf", pdfFile(""))
	if err != nil {
		f.t.Fatal(err)
	}
	return got.ID
}

// application stores an application whose document is a, as the engine writes it.
func (f *fixture) application(id string, a casework.Application) {
	f.t.Helper()
	doc, err := json.Marshal(a)
	if err != nil {
		f.t.Fatal(err)
	}
	err = f.db.Tx(f.ctx, func(tx *store.Tx) error {
		_, err := tx.Exec(f.ctx, `INSERT INTO casework_applications
			(id, service, standard_version, channel, state, version, provider, applicant_iin, created_at, updated_at, doc)
			VALUES (?, 'cr', '1', 'portal', 'submitted', 1, 'kpssu', ?, ?, ?, ?)`, id, owner, tx.Now(), tx.Now(), string(doc))
		return err
	})
	if err != nil {
		f.t.Fatal(err)
	}
}

// draft stores a draft whose form names the uploads ids, as apply writes it.
func (f *fixture) draft(id string, ids ...string) {
	f.t.Helper()
	files := map[string]any{}
	for i, u := range ids {
		files[string(rune('a'+i))] = map[string]any{"id": u, "name": "scan.pdf"}
	}
	input, _ := json.Marshal(map[string]any{"form": map[string]any{"key": id, "files": files}})
	err := f.db.Tx(f.ctx, func(tx *store.Tx) error {
		_, err := tx.Exec(f.ctx, `INSERT INTO apply_drafts (id, owner_iin, form_key, service, input, created_at, updated_at)
			VALUES (?, ?, ?, 'cr', ?, ?, ?)`, id, owner, id, string(input), tx.Now(), tx.Now())
		return err
	})
	if err != nil {
		f.t.Fatal(err)
	}
}

func (f *fixture) exists(id string) bool {
	f.t.Helper()
	_, err := f.s.Get(f.ctx, owner, id)
	if err != nil && apperr.CodeOf(err) != apperr.NotFound {
		f.t.Fatal(err)
	}
	return err == nil
}

func (f *fixture) drafts() []string {
	f.t.Helper()
	var ids []string
	err := f.db.ReadTx(f.ctx, func(tx *store.Tx) error {
		rows, err := tx.Query(f.ctx, `SELECT id FROM apply_drafts ORDER BY id`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				return err
			}
			ids = append(ids, id)
		}
		return rows.Err()
	})
	if err != nil {
		f.t.Fatal(err)
	}
	return ids
}

func (f *fixture) purge() upload.Purged {
	f.t.Helper()
	got, err := f.s.Purge(f.ctx)
	if err != nil {
		f.t.Fatal(err)
	}
	return got
}

// An upload an application refers to — by its checklist or by its
// attached_files field — is kept however old; an old one nothing refers to
// goes; a recent one stays for the applicant to come back to; an old draft
// goes, and an upload only that draft named goes with it. A second run
// removes nothing more.
func TestPurge(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		f := newFixture(t, e)
		inChecklist, inFields, abandoned, inOldDraft, inLiveDraft := f.save(), f.save(), f.save(), f.save(), f.save()
		f.application("app-1", casework.Application{Checklist: []casework.ChecklistItem{{DocumentID: "scan", Status: casework.DocProvided, FileRef: inChecklist}}})
		f.application("app-2", casework.Application{Fields: map[string]string{upload.FieldFiles: "upl_other " + inFields}})
		f.draft("drf-old", inOldDraft)

		f.clock.Advance(upload.UploadRetention - time.Hour)
		recent := f.save()
		// Kept alive by the applicant's last change an hour ago.
		f.draft("drf-live", inLiveDraft)
		f.clock.Advance(2 * time.Hour)

		got := f.purge()
		if got != (upload.Purged{Uploads: 2, Drafts: 1}) {
			t.Errorf("purged %+v, want 2 uploads (abandoned, in the old draft) and 1 draft", got)
		}
		for name, id := range map[string]string{"in a checklist": inChecklist, "in attached_files": inFields,
			"in a live draft": inLiveDraft, "recent": recent} {
			if !f.exists(id) {
				t.Errorf("the upload %s was purged", name)
			}
		}
		for name, id := range map[string]string{"abandoned": abandoned, "in the old draft": inOldDraft} {
			if f.exists(id) {
				t.Errorf("the upload %s was kept", name)
			}
		}
		if d := f.drafts(); len(d) != 1 || d[0] != "drf-live" {
			t.Errorf("drafts after the purge: %v, want [drf-live]", d)
		}

		if again := f.purge(); again != (upload.Purged{}) {
			t.Errorf("a second purge removed %+v", again)
		}

		// A day later the live draft is abandoned too, and what only it named
		// goes; the applications' uploads stay for good.
		f.clock.Advance(upload.DraftRetention)
		if got := f.purge(); got != (upload.Purged{Uploads: 1, Drafts: 1}) {
			t.Errorf("the next day purged %+v, want the draft and its upload", got)
		}
		f.clock.Advance(365 * 24 * time.Hour)
		f.purge()
		if !f.exists(inChecklist) || !f.exists(inFields) {
			t.Error("a year on, an application's upload was purged")
		}
		if f.exists(recent) {
			t.Error("a year on, an abandoned upload was kept")
		}
	})
}

// A draft that became an application goes after a day like any other: the
// application holds the references, and its uploads stay.
func TestPurgeSubmittedDraft(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		f := newFixture(t, e)
		scan := f.save()
		f.draft("drf-1", scan)
		f.application("app-1", casework.Application{Checklist: []casework.ChecklistItem{{DocumentID: "scan", Status: casework.DocProvided, FileRef: scan}}})
		f.clock.Advance(upload.UploadRetention + time.Hour)
		if got := f.purge(); got != (upload.Purged{Drafts: 1}) {
			t.Errorf("purged %+v, want the draft only", got)
		}
		if !f.exists(scan) {
			t.Error("the application's upload was purged with its draft")
		}
	})
}

// The running system purges on its own: app.Start registers the periodic job,
// River's leader inserts it into the database at start (and every hour), and
// the job client works it.
func TestPurgeJobRunsInTheSystem(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		f := newFixture(t, e)
		old := f.save()
		f.draft("drf-old", "upl_nothing")
		f.clock.Advance(upload.UploadRetention + time.Hour)
		keep := f.save()

		sys, err := app.Start(f.ctx, app.Config{DB: f.db})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(sys.Stop)
		deadline := time.Now().Add(20 * time.Second)
		for f.exists(old) {
			if time.Now().After(deadline) {
				t.Fatal("the purge job did not run within 20 s")
			}
			time.Sleep(50 * time.Millisecond)
		}
		if !f.exists(keep) {
			t.Error("the job purged a recent upload")
		}
		if d := f.drafts(); len(d) != 0 {
			t.Errorf("the job kept the old drafts %v", d)
		}
		var jobs int
		err = f.db.ReadTx(f.ctx, func(tx *store.Tx) error {
			return tx.QueryRow(f.ctx, `SELECT COUNT(*) FROM river_job WHERE kind = 'upload_purge'`).Scan(&jobs)
		})
		if err != nil || jobs != 1 {
			t.Errorf("upload_purge jobs in the database: %d, %v; want 1", jobs, err)
		}
	})
}
