package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

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

	site, err := web.New(web.Server{Standards: set, Calendar: cal, Log: log, Demo: *demo})
	if err != nil {
		fmt.Fprintln(env.Stderr, "qyzmet serve:", err)
		return exitFailure
	}
	mux := http.NewServeMux()
	mux.Handle("/", site.Handler())

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
