package casework

import (
	"context"
	"errors"
	"log/slog"
	"math/rand/v2"
	"sync/atomic"
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
	db      *store.DB
	jobs    *store.Jobs
	law     atomic.Pointer[law]
	log     *slog.Logger
	records CriminalRecordDecider
	issuer  *eregister.Issuer
}

// law is the calendar and the standards the engine counts with, swapped as
// one by SetLaw.
type law struct {
	cal       *calendar.Calendar
	standards *standard.Set
	deadlines deadline.Calculator
}

// New builds an engine.
func New(cfg Config) (*Engine, error) {
	if cfg.DB == nil {
		return nil, errors.New("casework: no database")
	}
	e := &Engine{db: cfg.DB, jobs: cfg.Jobs, log: cfg.Log, records: cfg.CriminalRecords, issuer: cfg.Issuer}
	set := cfg.Standards
	if set == nil {
		var err error
		if set, err = standard.Default(); err != nil {
			return nil, err
		}
	}
	cal := cfg.Calendar
	if cal == nil {
		cal = calendar.Default()
	}
	e.SetLaw(cal, set)
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
	return e, nil
}

// SetLaw makes the engine count with cal and set from the next command on:
// an administrator's transfer of days off (G-1) or MCI of a new year changes
// the deadlines and duties computed after it without a restart. A command
// already running finishes under the law it started with where it read it;
// deadlines already computed stay as they were (ADR 0003 §4).
func (e *Engine) SetLaw(cal *calendar.Calendar, set *standard.Set) {
	e.law.Store(&law{cal: cal, standards: set, deadlines: deadline.Calculator{Calendar: cal, Standards: set}})
}

// Calendar is the calendar of working days the engine counts with now.
func (e *Engine) Calendar() *calendar.Calendar { return e.law.Load().cal }

// Standards are the standards the engine runs now.
func (e *Engine) Standards() *standard.Set { return e.law.Load().standards }

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
