package casework

import (
	"context"
	"errors"
	"log/slog"
	"math/rand/v2"
	"time"

	"qyzmet/internal/apperr"

	"qyzmet/internal/calendar"
	"qyzmet/internal/deadline"
	"qyzmet/internal/eregister"
	"qyzmet/internal/standard"
	"qyzmet/internal/store"
)

// Config holds what the engine works with.
type Config struct {
	DB        *store.DB
	Standards *standard.Set      // nil: standard.Default()
	Calendar  *calendar.Calendar // nil: calendar.Default()
	// Jobs enqueues the timers; nil makes an insert-only River client on DB.
	// The timers run on whichever client works the default queue with the
	// workers of RegisterWorkers (the server's).
	Jobs *store.Jobs
	Log  *slog.Logger // nil: slog.Default()
	// CriminalRecords decides a criminal-record application against the
	// registries as soon as it is accepted (CR-STD-3.1): a River job, enqueued
	// with the acceptance, issues the certificate or opens the additional check
	// (docs/adr/0004-automation.md). Nil leaves every decision to staff.
	CriminalRecords CriminalRecordDecider
	// Issuer renders, signs and registers the papers the commands issue (the
	// result, a refusal, an interim reply, a hearing notice) in the command's
	// transaction; its Forms are forms.Documents in production. Nil issues no
	// documents.
	Issuer *eregister.Issuer
}

// Engine runs applications. It is safe for concurrent use.
type Engine struct {
	db        *store.DB
	jobs      *store.Jobs
	standards *standard.Set
	cal       *calendar.Calendar
	deadlines deadline.Calculator
	log       *slog.Logger
	records   CriminalRecordDecider
	issuer    *eregister.Issuer
}

// New builds an engine.
func New(cfg Config) (*Engine, error) {
	if cfg.DB == nil {
		return nil, errors.New("casework: no database")
	}
	e := &Engine{db: cfg.DB, jobs: cfg.Jobs, standards: cfg.Standards, cal: cfg.Calendar, log: cfg.Log,
		records: cfg.CriminalRecords, issuer: cfg.Issuer}
	if e.standards == nil {
		set, err := standard.Default()
		if err != nil {
			return nil, err
		}
		e.standards = set
	}
	if e.cal == nil {
		e.cal = calendar.Default()
	}
	if e.log == nil {
		e.log = slog.Default()
	}
	if e.jobs == nil {
		jobs, err := store.NewJobs(cfg.DB, store.JobsConfig{Logger: e.log})
		if err != nil {
			return nil, err
		}
		e.jobs = jobs
	}
	e.deadlines = deadline.Calculator{Calendar: e.cal, Standards: e.standards}
	return e, nil
}

// maxRetries bounds how often the engine runs a transaction again after the
// store gave up on a serialization race (PostgreSQL): on a hot row — the journal
// counter of AP-6.1 — several concurrent commands for different applications
// each need a turn, more than DB.Tx's own attempts allow.
const maxRetries = 5

// retry runs tx again while it fails with a conflict of the store (a
// serialization race or a duplicate key of a concurrent insert). The engine's own
// conflicts — a stale expected version, a reused idempotency key — are answers,
// not races, and are returned at once.
func (e *Engine) retry(ctx context.Context, tx func() error) error {
	for attempt := 1; ; attempt++ {
		err := tx()
		var own *Error
		if err == nil || apperr.CodeOf(err) != apperr.Conflict || errors.As(err, &own) || attempt == maxRetries {
			return err
		}
		pause := time.Duration(rand.Int64N(int64(attempt) * int64(20*time.Millisecond)))
		select {
		case <-ctx.Done():
			return err
		case <-time.After(pause):
		}
	}
}
