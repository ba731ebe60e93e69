package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver"
	"github.com/riverqueue/river/rivertype"

	"qyzmet/internal/apperr"
)

// defaultMaxWorkers is how many jobs of the default queue run at once in one
// process. Timers are short database updates; on SQLite they queue for the one
// writer anyway.
const defaultMaxWorkers = 10

// workDueTimeout bounds WorkDue, so that a job that never finishes fails the test
// that waits for it instead of hanging the suite.
const workDueTimeout = 30 * time.Second

// neverRescue is a stuck-job horizon that no test reaches.
const neverRescue = 100 * 365 * 24 * time.Hour

// JobsConfig says what a Jobs client works.
type JobsConfig struct {
	// Workers registered with river.AddWorker. Nil makes an insert-only client
	// (a CLI command that enqueues but never works jobs).
	Workers *river.Workers
	// Queues to work; nil means River's default queue with defaultMaxWorkers.
	Queues map[string]river.QueueConfig
	// PeriodicJobs run by the elected leader (sweeps).
	PeriodicJobs []*river.PeriodicJob
	// Logger for River; nil logs warnings and errors to stderr.
	Logger *slog.Logger
	// TestOnly makes the client poll every few milliseconds and skip its
	// start-up jitter, and enables WorkDue.
	TestOnly bool
}

// Jobs is the durable job queue: a River client on the same database and the same
// *sql.Tx as the data, so that a timer is enqueued in the transaction of the event
// that starts it and disappears if that transaction rolls back. River's time
// follows the DB's clock, so a test that moves a fake clock moves the jobs too.
type Jobs struct {
	db       *DB
	client   *river.Client[*sql.Tx]
	testOnly bool
}

// NewJobs builds the River client for db's dialect. Start it with the server.
func NewJobs(db *DB, cfg JobsConfig) (*Jobs, error) {
	logger := cfg.Logger
	if logger == nil {
		logger = slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	}
	rc := &river.Config{
		Workers:      cfg.Workers,
		Queues:       cfg.Queues,
		PeriodicJobs: cfg.PeriodicJobs,
		Logger:       logger,
	}
	if cfg.Workers != nil && rc.Queues == nil {
		rc.Queues = map[string]river.QueueConfig{river.QueueDefault: {MaxWorkers: defaultMaxWorkers}}
	}
	if db.fakeClock {
		rc.Test.Time = riverClock{db.clock}
		// River's rescuer and cleaner read the machine's clock, not the injected
		// one: against a fake clock months away they would rescue a job while it
		// runs (and run it twice) or delete finished jobs a test looks at. With an
		// injected clock they stay off.
		rc.RescueStuckJobsAfter = neverRescue
		rc.CancelledJobRetentionPeriod = -1
		rc.CompletedJobRetentionPeriod = -1
		rc.DiscardedJobRetentionPeriod = -1
	}
	if cfg.TestOnly {
		rc.TestOnly = true
		rc.FetchCooldown = 2 * time.Millisecond
		rc.FetchPollInterval = 10 * time.Millisecond
	}
	client, err := river.NewClient(db.river, rc)
	if err != nil {
		return nil, fmt.Errorf("store: River client: %w", err)
	}
	return &Jobs{db: db, client: client, testOnly: cfg.TestOnly}, nil
}

// Client is the River client, for what this type does not wrap (subscriptions,
// job lists for an admin page). Never call it inside DB.Tx: on SQLite the
// transaction holds the only write connection, and the call would wait for it
// forever. What a transaction needs is wrapped here (InsertTx, CancelTx).
func (j *Jobs) Client() *river.Client[*sql.Tx] { return j.client }

// Start starts working jobs until ctx is cancelled or Stop is called.
func (j *Jobs) Start(ctx context.Context) error { return j.client.Start(ctx) }

// Stop waits for running jobs to finish (until ctx ends) and stops the client.
func (j *Jobs) Stop(ctx context.Context) error { return j.client.Stop(ctx) }

// InsertTx enqueues a job in tx: it exists only if tx commits. To run it later,
// set opts.ScheduledAt (a timer); to keep one job per subject, set opts.UniqueOpts.
func (j *Jobs) InsertTx(ctx context.Context, tx *Tx, args river.JobArgs, opts *river.InsertOpts) (*rivertype.JobInsertResult, error) {
	res, err := j.client.InsertTx(ctx, tx.tx, args, opts)
	if err != nil {
		return nil, fmt.Errorf("store: enqueue %s: %w", args.Kind(), err)
	}
	return res, nil
}

// CancelTx cancels a job that has not run yet, in tx (a timer the application no
// longer needs, because it moved on). A job that already finished stays as it is.
// A worker should still check, in its own transaction, that what it is about to
// do still applies: cancelling cannot stop a job that is already running.
func (j *Jobs) CancelTx(ctx context.Context, tx *Tx, jobID int64) error {
	_, err := j.client.JobCancelTx(ctx, tx.tx, jobID)
	if errors.Is(err, rivertype.ErrNotFound) {
		return apperr.Wrap(apperr.NotFound, err, fmt.Sprintf("no job %d", jobID))
	}
	if err != nil {
		return fmt.Errorf("store: cancel job %d: %w", jobID, err)
	}
	return nil
}

// WorkDue runs every job that is due at the clock's current time — including
// jobs those jobs enqueue that are due as well — and returns when none is
// available or running. A test moves its fake clock a month ahead and calls
// WorkDue, and a month of timers fire. It needs a started TestOnly client.
func (j *Jobs) WorkDue(ctx context.Context) error {
	if !j.testOnly {
		return errors.New("store: WorkDue is for tests: build the Jobs with TestOnly")
	}
	ctx, cancel := context.WithTimeout(ctx, workDueTimeout)
	defer cancel()
	for {
		// What River's leader does every few seconds, done now: scheduled and
		// retryable jobs whose time has come become available.
		now := j.db.clock()
		scheduled, err := j.db.river.GetExecutor().JobSchedule(ctx, &riverdriver.JobScheduleParams{Max: 1000, Now: &now})
		if err != nil {
			return fmt.Errorf("store: schedule due jobs: %w", err)
		}
		if err := j.waitIdle(ctx); err != nil {
			return err
		}
		if len(scheduled) == 0 {
			return nil
		}
	}
}

// waitIdle waits until no job is running and none is available that is due by
// the clock. (River makes a failed job available again at once, with its retry
// time in scheduled_at, when that time is only seconds away; it is not due until
// the clock gets there.)
func (j *Jobs) waitIdle(ctx context.Context) error {
	tick := time.NewTicker(5 * time.Millisecond)
	defer tick.Stop()
	for {
		busy, err := j.busyJobs(ctx)
		if err != nil {
			return fmt.Errorf("store: wait for due jobs: %w", err)
		}
		if busy == 0 {
			return nil
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("store: %d due jobs still available or running (is the Jobs client started and working their queue?): %w", busy, ctx.Err())
		case <-tick.C:
		}
	}
}

func (j *Jobs) busyJobs(ctx context.Context) (int, error) {
	now := j.db.clock()
	rows, err := j.db.read.QueryContext(ctx, `SELECT state, scheduled_at FROM river_job WHERE state IN ('available', 'running')`)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	busy := 0
	for rows.Next() {
		var state string
		var at time.Time
		if err := rows.Scan(&state, &at); err != nil {
			return 0, err
		}
		if state == "running" || !at.After(now) {
			busy++
		}
	}
	return busy, rows.Err()
}

// riverClock gives River the DB's clock. NowOrNil returns the time too, so that
// River writes the clock's time into the database (created_at, scheduled_at,
// fetch horizon) instead of the database's own now().
type riverClock struct{ now func() time.Time }

func (c riverClock) Now() time.Time { return c.now() }

func (c riverClock) NowOrNil() *time.Time {
	t := c.now().UTC()
	return &t
}
