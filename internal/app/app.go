// Package app wires Qyzmet's parts into one running system: sign-in, the
// registries, the casework engine with its River jobs and automation, and the
// e-Register. `qyzmet serve` builds it for the web pages and the JSON API; the
// web tests build the same system, so a browser test meets the real wiring.
package app

import (
	"context"
	"crypto/x509"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/riverqueue/river"

	"qyzmet/internal/audit"
	"qyzmet/internal/auth"
	"qyzmet/internal/calendar"
	"qyzmet/internal/casework"
	"qyzmet/internal/decision"
	"qyzmet/internal/eregister"
	"qyzmet/internal/eregister/forms"
	"qyzmet/internal/org"
	"qyzmet/internal/queue"
	"qyzmet/internal/registry/sqlstore"
	"qyzmet/internal/settings"
	"qyzmet/internal/sign"
	"qyzmet/internal/standard"
	"qyzmet/internal/store"
	"qyzmet/internal/upload"
)

// Config is what the system is built from.
type Config struct {
	DB        *store.DB
	Standards *standard.Set
	Calendar  *calendar.Calendar
	Log       *slog.Logger
	// Signer signs issued documents; nil issues results without documents.
	Signer sign.Signer
	// Roots are the provider certificates the e-Register's upload check trusts.
	Roots *x509.CertPool
	// PublicURL is where the QR codes of issued documents point.
	PublicURL string
	// DevSMS sends one-time passwords to the development gateway (messages on
	// /dev/sms and in the log) instead of nowhere: demo mode and tests.
	DevSMS bool
}

// System is Qyzmet running.
type System struct {
	DB         *store.DB
	Log        *slog.Logger
	Auth       *auth.Service
	DevSMS     *auth.DevSMS // nil unless Config.DevSMS
	Registries sqlstore.Registries
	Engine     *casework.Engine
	Register   *eregister.Register
	Branches   *org.Directory
	Audit      *audit.Log   // who looked at whose personal data
	Queue      *queue.Queue // the State Corporation's electronic queue and home visits

	stopJobs func()
	// The law the binary carries, before the administrator's additions;
	// ReloadLaw lays the stored ones over it again.
	baseCalendar  *calendar.Calendar
	baseStandards *standard.Set
	lawMu         sync.Mutex
	lawVersion    atomic.Int64 // settings.Store.Version the engine's law was built from
}

// Start builds the system and starts the job client that works the engine's
// timers and criminal-record checks. Stop ends it.
func Start(ctx context.Context, cfg Config) (*System, error) {
	if cfg.DB == nil {
		return nil, fmt.Errorf("app: no database")
	}
	log := cfg.Log
	if log == nil {
		log = slog.Default()
	}
	s := &System{DB: cfg.DB, Log: log,
		Registries: sqlstore.New(cfg.DB), Register: &eregister.Register{DB: cfg.DB, Roots: cfg.Roots},
		Branches: &org.Directory{DB: cfg.DB}, Audit: &audit.Log{DB: cfg.DB}}
	s.baseStandards, s.baseCalendar = cfg.Standards, cfg.Calendar
	if s.baseStandards == nil {
		set, err := standard.Default()
		if err != nil {
			return nil, err
		}
		s.baseStandards = set
	}
	if s.baseCalendar == nil {
		s.baseCalendar = calendar.Default()
	}
	// The administrator's transfers of days off and MCI values (/admin) are
	// laid over the law the binary carries; a later change reaches the engine
	// through ReloadLaw (internal/settings explains how); Calendar and
	// Standards are the law in force.
	version, err := (&settings.Store{DB: cfg.DB}).Version(ctx)
	if err != nil {
		return nil, err
	}
	s.lawVersion.Store(version)
	cal, set, err := settings.Apply(ctx, cfg.DB, s.baseCalendar, s.baseStandards)
	if err != nil {
		return nil, err
	}
	s.Auth = &auth.Service{DB: cfg.DB, Log: log, SMS: auth.NoSMS{},
		Directory: &auth.DBDirectory{DB: cfg.DB, Persons: s.Registries.Persons}}
	if cfg.DevSMS {
		s.DevSMS = &auth.DevSMS{Log: log, Now: cfg.DB.Now}
		s.Auth.SMS = s.DevSMS
	}

	// The criminal-record decision over the registries of the same database
	// (every read audited there), and — with a signing key — the Issuer that
	// signs and registers every paper a command issues
	// (docs/adr/0004-automation.md).
	ecfg := casework.Config{DB: cfg.DB, Standards: set, Calendar: cal, Log: log,
		CriminalRecords: &decision.CriminalRecords{Persons: s.Registries.Persons, Records: s.Registries.Records,
			Audit: s.Registries.Audit, Clock: cfg.DB.Now}}
	if cfg.Signer != nil {
		ecfg.Issuer = &eregister.Issuer{DB: cfg.DB, Signer: cfg.Signer, Forms: forms.Documents{}, BaseURL: cfg.PublicURL, Location: "Astana"}
	} else {
		log.Warn("no signing key: results are issued without documents")
	}
	engine, err := casework.New(ecfg)
	if err != nil {
		return nil, err
	}
	s.Engine = engine
	s.Queue = &queue.Queue{DB: cfg.DB, Calendar: engine.Calendar, Branches: s.Branches}

	// The engine enqueues through its own insert-only client, inside the
	// transactions of its commands; this client, which has the workers, runs
	// them. The jobs outlive the caller's context: Stop ends them in order.
	workers := river.NewWorkers()
	engine.RegisterWorkers(workers)
	// Every hour the leader purges the portal's abandoned uploads and drafts
	// (internal/upload/purge.go).
	purge := upload.RegisterPurge(workers, &upload.Store{DB: cfg.DB}, log)
	jobs, err := store.NewJobs(cfg.DB, store.JobsConfig{Workers: workers, Logger: log, PeriodicJobs: []*river.PeriodicJob{purge}})
	if err != nil {
		return nil, err
	}
	if err := jobs.Start(context.Background()); err != nil {
		return nil, fmt.Errorf("start the job client: %w", err)
	}
	pollCtx, stopPoll := context.WithCancel(context.Background())
	polled := make(chan struct{})
	go func() {
		defer close(polled)
		s.pollLaw(pollCtx)
	}()
	s.stopJobs = func() {
		stopPoll()
		<-polled
		ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
		defer cancel()
		if err := jobs.Stop(ctx); err != nil {
			log.Error("stop the job client", slog.Any("error", err))
		}
	}
	return s, nil
}

// lawPoll is how often a process looks for a change of the law that another
// process sharing the database stored.
const lawPoll = time.Minute

// ReloadLaw lays the stored transfers of days off and MCI values over the law
// the binary carries again and hands the result to the engine at once: the
// administrator's pages call it after storing a change (rule G-1: deadlines
// counted after it use the new calendar), and the poll when another process
// stored one.
func (s *System) ReloadLaw(ctx context.Context) error {
	s.lawMu.Lock()
	defer s.lawMu.Unlock()
	version, err := (&settings.Store{DB: s.DB}).Version(ctx)
	if err != nil {
		return err
	}
	cal, set, err := settings.Apply(ctx, s.DB, s.baseCalendar, s.baseStandards)
	if err != nil {
		return err
	}
	s.Engine.SetLaw(cal, set)
	s.lawVersion.Store(version)
	return nil
}

// pollLaw reloads the law whenever the stored additions changed, checking
// every lawPoll until ctx ends.
func (s *System) pollLaw(ctx context.Context) {
	tick := time.NewTicker(lawPoll)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
		version, err := (&settings.Store{DB: s.DB}).Version(ctx)
		if err == nil && version == s.lawVersion.Load() {
			continue
		}
		if err == nil {
			err = s.ReloadLaw(ctx)
		}
		if err != nil && ctx.Err() == nil {
			s.Log.Warn("reload the law", slog.Any("error", err))
		}
	}
}

// Calendar is the calendar in force: the binary's with the administrator's
// transfers of days off (ReloadLaw keeps it current).
func (s *System) Calendar() *calendar.Calendar { return s.Engine.Calendar() }

// Standards are the standards in force, with the administrator's MCI values.
func (s *System) Standards() *standard.Set { return s.Engine.Standards() }

// Stop waits for running jobs and ends the job client; the database stays
// open for the caller to close.
func (s *System) Stop() {
	if s.stopJobs != nil {
		s.stopJobs()
	}
}
