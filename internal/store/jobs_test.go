package store_test

import (
	"context"
	"errors"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/riverqueue/river"

	"qyzmet/internal/apperr"
	"qyzmet/internal/store"
	"qyzmet/internal/store/storetest"
)

// reminderArgs is a timer as the casework engine will use them.
type reminderArgs struct {
	Note string `json:"note"`
}

func (reminderArgs) Kind() string { return "test_reminder" }

// reminderWorker records what ran and when by the clock; it fails the notes in
// failOnce on their first attempt, and for a note in followUp enqueues that
// follow-up, due at once, in its own transaction.
type reminderWorker struct {
	river.WorkerDefaults[reminderArgs]
	clock    *storetest.Clock
	db       *store.DB
	jobs     *store.Jobs
	failOnce map[string]bool
	followUp map[string]string

	mu  sync.Mutex
	ran []string
	at  []time.Time
}

func (w *reminderWorker) Work(ctx context.Context, job *river.Job[reminderArgs]) error {
	if w.failOnce[job.Args.Note] && job.Attempt == 1 {
		return errors.New("registry unavailable")
	}
	if next, ok := w.followUp[job.Args.Note]; ok {
		err := w.db.Tx(ctx, func(tx *store.Tx) error {
			_, err := w.jobs.InsertTx(ctx, tx, reminderArgs{Note: next}, nil)
			return err
		})
		if err != nil {
			return err
		}
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	w.ran = append(w.ran, job.Args.Note)
	w.at = append(w.at, w.clock.Now())
	return nil
}

func (w *reminderWorker) done() ([]string, []time.Time) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return slices.Clone(w.ran), slices.Clone(w.at)
}

func startReminders(t *testing.T, e storetest.Engine) (*store.DB, *store.Jobs, *reminderWorker, *storetest.Clock) {
	t.Helper()
	clock := storetest.NewClock(start)
	db := e.Open(t, clock)
	w := &reminderWorker{clock: clock, db: db, failOnce: map[string]bool{}, followUp: map[string]string{}}
	workers := river.NewWorkers()
	river.AddWorker(workers, w)
	jobs := storetest.StartJobs(t, db, workers)
	w.jobs = jobs
	return db, jobs, w, clock
}

func TestJobsRunWhenCommittedAndDue(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		t.Parallel()
		ctx := context.Background()
		db, jobs, w, clock := startReminders(t, e)
		month := 30 * 24 * time.Hour

		insert := func(note string, at time.Time) (int64, error) {
			var id int64
			err := db.Tx(ctx, func(tx *store.Tx) error {
				res, err := jobs.InsertTx(ctx, tx, reminderArgs{Note: note}, &river.InsertOpts{ScheduledAt: at})
				if err != nil {
					return err
				}
				id = res.Job.ID
				return nil
			})
			return id, err
		}
		if _, err := insert("now", time.Time{}); err != nil {
			t.Fatal(err)
		}
		if _, err := insert("in a month", start.Add(month)); err != nil {
			t.Fatal(err)
		}
		err := db.Tx(ctx, func(tx *store.Tx) error {
			if _, err := jobs.InsertTx(ctx, tx, reminderArgs{Note: "rolled back"}, nil); err != nil {
				return err
			}
			return errBoom
		})
		if !errors.Is(err, errBoom) {
			t.Fatalf("Tx = %v, want errBoom", err)
		}
		cancelled, err := insert("cancelled", start.Add(24*time.Hour))
		if err != nil {
			t.Fatal(err)
		}
		if err := db.Tx(ctx, func(tx *store.Tx) error { return jobs.CancelTx(ctx, tx, cancelled) }); err != nil {
			t.Fatal(err)
		}
		err = db.Tx(ctx, func(tx *store.Tx) error { return jobs.CancelTx(ctx, tx, 987654) })
		if apperr.CodeOf(err) != apperr.NotFound {
			t.Errorf("cancel of a job that does not exist: %v, want not_found", err)
		}

		if err := jobs.WorkDue(ctx); err != nil {
			t.Fatal(err)
		}
		if ran, _ := w.done(); !slices.Equal(ran, []string{"now"}) {
			t.Fatalf("before the clock moved, ran %q, want only [now]", ran)
		}

		clock.Advance(month - time.Minute)
		if err := jobs.WorkDue(ctx); err != nil {
			t.Fatal(err)
		}
		if ran, _ := w.done(); len(ran) != 1 {
			t.Fatalf("a minute before the month was up, ran %q", ran)
		}

		clock.Advance(time.Minute)
		if err := jobs.WorkDue(ctx); err != nil {
			t.Fatal(err)
		}
		ran, at := w.done()
		if !slices.Equal(ran, []string{"now", "in a month"}) {
			t.Fatalf("after a month, ran %q, want [now, in a month] (never the rolled-back or cancelled job)", ran)
		}
		if !at[1].Equal(start.Add(month)) {
			t.Errorf("the month's timer ran at %v by the clock, want %v", at[1], start.Add(month))
		}
	})
}

func TestJobsRetryAndFollowUpUnderTheFakeClock(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		t.Parallel()
		ctx := context.Background()
		db, jobs, w, clock := startReminders(t, e)
		w.failOnce["flaky"] = true
		w.followUp["first"] = "second"
		err := db.Tx(ctx, func(tx *store.Tx) error {
			for _, n := range []string{"flaky", "first"} {
				if _, err := jobs.InsertTx(ctx, tx, reminderArgs{Note: n}, nil); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if err := jobs.WorkDue(ctx); err != nil {
			t.Fatal(err)
		}
		ran, _ := w.done()
		slices.Sort(ran)
		// The follow-up a job enqueued ran in the same WorkDue; the failed job
		// waits for its retry time on the fake clock.
		if !slices.Equal(ran, []string{"first", "second"}) {
			t.Fatalf("ran %q, want [first second]", ran)
		}
		clock.Advance(time.Hour)
		if err := jobs.WorkDue(ctx); err != nil {
			t.Fatal(err)
		}
		if ran, _ := w.done(); !slices.Contains(ran, "flaky") || len(ran) != 3 {
			t.Errorf("after an hour, ran %q, want the retried flaky job too", ran)
		}
	})
}

func TestWorkDueNeedsTestOnly(t *testing.T) {
	db := storetest.Engines()[0].Open(t, nil)
	jobs, err := store.NewJobs(db, store.JobsConfig{})
	if err != nil {
		t.Fatal(err)
	}
	if err := jobs.WorkDue(context.Background()); err == nil {
		t.Error("WorkDue on a production client succeeded, want an error")
	}
}
