package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"sort"
	"strings"
	"time"

	"github.com/riverqueue/river"

	"qyzmet/internal/api"
	"qyzmet/internal/calendar"
	"qyzmet/internal/casework"
	"qyzmet/internal/standard"
	"qyzmet/internal/store"
	"qyzmet/internal/web"
)

func runServe(ctx context.Context, args []string, env Env) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	demo := fs.Bool("demo", false, "demonstration mode: migrate the database on start and load demo data")
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on (port 0 picks a free port)")
	dataDir := fs.String("data", "./data", "data directory (SQLite database, keys) unless QYZMET_DATABASE_URL is set")
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	log := slog.New(slog.NewTextHandler(env.Stderr, nil))

	cal, err := loadCalendar(*dataDir)
	if err != nil {
		fmt.Fprintln(env.Stderr, "qyzmet serve:", err)
		return exitFailure
	}
	set, err := standard.Default()
	if err != nil {
		fmt.Fprintln(env.Stderr, "qyzmet serve:", err)
		return exitFailure
	}
	db, err := store.Open(ctx, store.Config{
		DataDir:     *dataDir,
		DatabaseURL: env.Getenv("QYZMET_DATABASE_URL"),
		AutoMigrate: *demo,
	})
	if err != nil {
		fmt.Fprintln(env.Stderr, "qyzmet serve:", err)
		return exitFailure
	}
	defer db.Close()

	// The public e-Register (docs/eregister.md).
	register, err := serveRegister(db, *dataDir, *demo, env, log)
	if err != nil {
		fmt.Fprintln(env.Stderr, "qyzmet serve:", err)
		return exitFailure
	}
	site, err := web.New(web.Server{Standards: set, Calendar: cal, Log: log, Demo: *demo,
		Register: register, VerifyLimit: web.RateLimit{ClientIPHeader: env.Getenv("QYZMET_CLIENT_IP_HEADER")}})
	if err != nil {
		fmt.Fprintln(env.Stderr, "qyzmet serve:", err)
		return exitFailure
	}
	mux := http.NewServeMux()
	mux.Handle("/", site.Handler())

	// The casework engine with its durable timers, and the JSON API v1.
	engine, stopJobs, err := startCasework(db, set, cal, log)
	if err != nil {
		fmt.Fprintln(env.Stderr, "qyzmet serve:", err)
		return exitFailure
	}
	defer stopJobs()
	tokens, err := apiTokens(*demo, *dataDir, env)
	if err != nil {
		fmt.Fprintln(env.Stderr, "qyzmet serve:", err)
		return exitFailure
	}
	mux.Handle(api.Prefix+"/", api.New(api.Config{Engine: engine, Tokens: tokens, Log: log}))

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintln(env.Stderr, "qyzmet serve:", err)
		return exitFailure
	}
	srv := &http.Server{
		Handler:           mux,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       2 * time.Minute, // uploads of scanned documents over slow links
		WriteTimeout:      2 * time.Minute,
		IdleTimeout:       2 * time.Minute,
	}
	// Tests and scripts read this line to find the server.
	fmt.Fprintf(env.Stdout, "qyzmet: listening on http://%s (database: %s %s)\n", ln.Addr(), db.Dialect(), db.Location())

	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		if !errors.Is(err, http.ErrServerClosed) {
			fmt.Fprintln(env.Stderr, "qyzmet serve:", err)
			return exitFailure
		}
	case <-ctx.Done():
		shutdown, cancel := context.WithTimeout(context.Background(), 15*time.Second)
		defer cancel()
		if err := srv.Shutdown(shutdown); err != nil {
			fmt.Fprintln(env.Stderr, "qyzmet serve: shutdown:", err)
		}
	}
	return exitOK
}

// startCasework builds the casework engine and starts the River client that
// works its timers. The engine enqueues through its own insert-only client,
// inside the transactions of its commands; this client, which has the
// workers, runs them. stop waits for running jobs before the database closes.
func startCasework(db *store.DB, set *standard.Set, cal *calendar.Calendar, log *slog.Logger) (*casework.Engine, func(), error) {
	engine, err := casework.New(casework.Config{DB: db, Standards: set, Calendar: cal, Log: log})
	if err != nil {
		return nil, nil, err
	}
	workers := river.NewWorkers()
	engine.RegisterWorkers(workers)
	jobs, err := store.NewJobs(db, store.JobsConfig{Workers: workers, Logger: log})
	if err != nil {
		return nil, nil, err
	}
	// The jobs outlive the request context: stop ends them in order.
	if err := jobs.Start(context.Background()); err != nil {
		return nil, nil, fmt.Errorf("start the job client: %w", err)
	}
	stop := func() {
		ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
		defer cancel()
		if err := jobs.Stop(ctx); err != nil {
			log.Error("stop the job client", slog.Any("error", err))
		}
	}
	return engine, stop, nil
}

// apiTokens are the API's static development tokens: the JSON file that
// $QYZMET_API_TOKENS_FILE names, else in demo mode DATA/dev-tokens.json
// (created on the first start), else none, and every API call is refused
// until [portal] and [desks] bring real sign-in. The demo prints its tokens
// (before the listening line, which scripts wait for) so that curl can use them.
func apiTokens(demo bool, dataDir string, env Env) (map[string]casework.Actor, error) {
	if path := env.Getenv("QYZMET_API_TOKENS_FILE"); path != "" {
		return api.LoadTokens(path)
	}
	if !demo {
		fmt.Fprintln(env.Stderr, "qyzmet serve: no API tokens (set QYZMET_API_TOKENS_FILE, or run with --demo): the JSON API refuses every call")
		return nil, nil
	}
	tokens, path, err := api.DemoTokens(dataDir)
	if err != nil {
		return nil, err
	}
	byRole := make([]string, 0, len(tokens))
	for token, a := range tokens {
		byRole = append(byRole, fmt.Sprintf("qyzmet: API token role=%s id=%s token=%s\n", a.Role, a.ID, token))
	}
	sort.Strings(byRole)
	fmt.Fprintf(env.Stdout, "qyzmet: demo API tokens (from %s):\n%s", path, strings.Join(byRole, ""))
	return tokens, nil
}
