package casework

import (
	"errors"
	"log/slog"

	"qyzmet/internal/calendar"
	"qyzmet/internal/deadline"
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
}

// Engine runs applications. It is safe for concurrent use.
type Engine struct {
	db        *store.DB
	jobs      *store.Jobs
	standards *standard.Set
	cal       *calendar.Calendar
	deadlines deadline.Calculator
	log       *slog.Logger
}

// New builds an engine.
func New(cfg Config) (*Engine, error) {
	if cfg.DB == nil {
		return nil, errors.New("casework: no database")
	}
	e := &Engine{db: cfg.DB, jobs: cfg.Jobs, standards: cfg.Standards, cal: cfg.Calendar, log: cfg.Log}
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
