package upload

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"regexp"
	"time"

	"github.com/riverqueue/river"

	"qyzmet/internal/casework"
	"qyzmet/internal/store"
)

// Retention of what the portal keeps for an applicant who has not finished.
// Personal data is kept no longer than its purpose needs: a scan is kept so
// that the applicant need not attach it again after correcting another field,
// a draft so that the form survives until it is certified.
const (
	// UploadRetention is how long an upload no application refers to is kept:
	// a week covers an applicant who comes back to an unfinished form after a
	// weekend or a holiday. An upload an application refers to is evidence
	// of that application and is never purged.
	UploadRetention = 7 * 24 * time.Hour
	// DraftRetention is how long a draft untouched since its last change is
	// kept: a form is filled, paid and certified in one sitting; nothing the
	// applicant certified lives in a draft, and a draft that became an
	// application is no longer needed (the engine's idempotency key, the
	// form's key, still finds that application when the old form is posted).
	DraftRetention = 24 * time.Hour
	// PurgeInterval is how often the purge runs.
	PurgeInterval = time.Hour
)

// Purged counts what one purge removed.
type Purged struct {
	Uploads int
	Drafts  int
}

// Purge deletes the drafts (apply_drafts) untouched for DraftRetention and the
// uploads older than UploadRetention that no application and no remaining
// draft refers to, as of the database clock. Running it again removes nothing
// more.
//
// The drafts go in the same purge because they hold the only other
// references to uploads: once a draft is gone, what it pointed to is
// abandoned unless an application took it.
func (s *Store) Purge(ctx context.Context) (Purged, error) {
	var out Purged
	var err error
	if out.Drafts, err = s.purgeDrafts(ctx); err != nil {
		return out, err
	}
	// The references are collected from a read snapshot, so that the scan of
	// the applications holds no write lock; the delete then checks again what
	// could have appeared since (purgeUnreferenced).
	snapshot := s.DB.Now()
	candidates, err := s.references(ctx, snapshot.Add(-UploadRetention))
	if err != nil {
		return out, err
	}
	var gone []string
	for id, referenced := range candidates {
		if !referenced {
			gone = append(gone, id)
		}
	}
	out.Uploads, err = s.purgeUnreferenced(ctx, gone, snapshot.Add(-recheckMargin))
	return out, err
}

// recheckMargin widens the delete's second look back from the snapshot: a
// submission that began before it (its created_at) may have committed after
// the snapshot was read. Transactions last seconds; the margin is generous
// because the look is cheap (an index on created_at).
const recheckMargin = 10 * time.Minute

func (s *Store) purgeDrafts(ctx context.Context) (int, error) {
	var n int64
	err := s.DB.Tx(ctx, func(tx *store.Tx) error {
		res, err := tx.Exec(ctx, `DELETE FROM apply_drafts WHERE updated_at < ?`, tx.Now().Add(-DraftRetention))
		if err != nil {
			return fmt.Errorf("upload: purge drafts: %w", err)
		}
		n, err = res.RowsAffected()
		return err
	})
	return int(n), err
}

// references returns the uploads created before cutoff, each with whether
// an application (Refs) or a remaining draft refers to it.
func (s *Store) references(ctx context.Context, cutoff time.Time) (map[string]bool, error) {
	var candidates map[string]bool
	err := s.DB.ReadTx(ctx, func(tx *store.Tx) error {
		var oldest time.Time
		var err error
		if candidates, oldest, err = oldUploads(ctx, tx, cutoff); err != nil || len(candidates) == 0 {
			return err
		}
		if err := draftRefs(ctx, tx, candidates); err != nil {
			return err
		}
		return applicationRefs(ctx, tx, oldest, candidates)
	})
	return candidates, err
}

// oldUploads lists the uploads created before cutoff, none referenced yet,
// and the oldest one's time.
func oldUploads(ctx context.Context, tx *store.Tx, cutoff time.Time) (map[string]bool, time.Time, error) {
	rows, err := tx.Query(ctx, `SELECT id, created_at FROM upload_files WHERE created_at < ? ORDER BY created_at`, cutoff)
	if err != nil {
		return nil, time.Time{}, fmt.Errorf("upload: list old uploads: %w", err)
	}
	defer rows.Close()
	ids := map[string]bool{}
	var oldest time.Time
	for rows.Next() {
		var id string
		var at time.Time
		if err := rows.Scan(&id, &at); err != nil {
			return nil, time.Time{}, err
		}
		if len(ids) == 0 {
			oldest = at
		}
		ids[id] = false
	}
	return ids, oldest, rows.Err()
}

// idPattern finds upload ids (newID) in text.
var idPattern = regexp.MustCompile(`upl_[A-Za-z0-9_-]{22}`)

// draftRefs marks the candidates a draft's form names. The drafts' JSON is
// the apply package's; any id in it counts, which can only keep a file,
// never lose one.
func draftRefs(ctx context.Context, tx *store.Tx, candidates map[string]bool) error {
	rows, err := tx.Query(ctx, `SELECT input FROM apply_drafts`)
	if err != nil {
		return fmt.Errorf("upload: read drafts: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var input string
		if err := rows.Scan(&input); err != nil {
			return err
		}
		for _, id := range idPattern.FindAllString(input, -1) {
			if _, ok := candidates[id]; ok {
				candidates[id] = true
			}
		}
	}
	return rows.Err()
}

// applicationRefs marks the candidates an application refers to. Only
// applications written since the oldest candidate was uploaded can refer to
// one: a reference is written with the application (its checklist, its
// fields), and every write of an application sets updated_at.
func applicationRefs(ctx context.Context, tx *store.Tx, since time.Time, candidates map[string]bool) error {
	rows, err := tx.Query(ctx, `SELECT id, doc FROM casework_applications WHERE updated_at >= ?`, since)
	if err != nil {
		return fmt.Errorf("upload: read applications: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id, doc string
		if err := rows.Scan(&id, &doc); err != nil {
			return err
		}
		var a casework.Application
		if err := json.Unmarshal([]byte(doc), &a); err != nil {
			// An application that cannot be read might refer to any
			// candidate: fail the run rather than lose its evidence.
			return fmt.Errorf("upload: application %s: %w", id, err)
		}
		for _, ref := range Refs(&a) {
			if _, ok := candidates[ref]; ok {
				candidates[ref] = true
			}
		}
	}
	return rows.Err()
}

// purgeUnreferenced deletes the uploads ids unless a draft names one or an
// application created since `since` (shortly before the references were
// read) refers to it. On PostgreSQL the transaction is serializable, so a
// submission racing with it makes one of the two retry; on SQLite there is
// one writer.
func (s *Store) purgeUnreferenced(ctx context.Context, ids []string, since time.Time) (int, error) {
	if len(ids) == 0 {
		return 0, nil
	}
	var n int64
	err := s.DB.Tx(ctx, func(tx *store.Tx) error {
		n = 0
		for _, id := range ids {
			// LIKE's "_" matches any character and SQLite ignores case: the
			// pattern can only match more, which keeps a file, never loses one.
			like := "%" + id + "%"
			res, err := tx.Exec(ctx, `DELETE FROM upload_files WHERE id = ?
				AND NOT EXISTS (SELECT 1 FROM apply_drafts WHERE input LIKE ?)
				AND NOT EXISTS (SELECT 1 FROM casework_applications WHERE created_at >= ? AND doc LIKE ?)`,
				id, like, since, like)
			if err != nil {
				return fmt.Errorf("upload: purge %s: %w", id, err)
			}
			done, err := res.RowsAffected()
			if err != nil {
				return err
			}
			n += done
		}
		return nil
	})
	return int(n), err
}

// purgeArgs is the hourly purge job; it carries nothing, each run purges what
// is due at its time.
type purgeArgs struct{}

func (purgeArgs) Kind() string { return "upload_purge" }

type purgeWorker struct {
	river.WorkerDefaults[purgeArgs]
	s   *Store
	log *slog.Logger
}

func (w *purgeWorker) Work(ctx context.Context, _ *river.Job[purgeArgs]) error {
	got, err := w.s.Purge(ctx)
	if err != nil {
		return err
	}
	if got.Uploads > 0 || got.Drafts > 0 {
		w.log.Info("upload: purged abandoned uploads and drafts", slog.Int("uploads", got.Uploads), slog.Int("drafts", got.Drafts))
	}
	return nil
}

// RegisterPurge adds the purge's worker to workers and returns its periodic
// job for store.JobsConfig.PeriodicJobs. River's elected leader inserts the
// job into the database every PurgeInterval (and once at start, so that a
// process that restarts often still purges); the job row is durable, and a
// run that fails is retried.
func RegisterPurge(workers *river.Workers, s *Store, log *slog.Logger) *river.PeriodicJob {
	if log == nil {
		log = slog.Default()
	}
	river.AddWorker(workers, &purgeWorker{s: s, log: log})
	return river.NewPeriodicJob(river.PeriodicInterval(PurgeInterval),
		func() (river.JobArgs, *river.InsertOpts) {
			// One run per interval even when two leaders overlap briefly.
			return purgeArgs{}, &river.InsertOpts{UniqueOpts: river.UniqueOpts{ByPeriod: PurgeInterval}}
		},
		&river.PeriodicJobOpts{ID: purgeArgs{}.Kind(), RunOnStart: true})
}
