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

	"qyzmet/internal/api"
	"qyzmet/internal/app"
	"qyzmet/internal/apperr"
	"qyzmet/internal/auth"
	"qyzmet/internal/calendar"
	"qyzmet/internal/casework"
	"qyzmet/internal/iin"
	"qyzmet/internal/registry"
	"qyzmet/internal/registry/csvimport"
	"qyzmet/internal/registry/sqlstore"
	"qyzmet/internal/standard"
	"qyzmet/internal/store"
	"qyzmet/internal/web"
	"qyzmet/internal/web/site"
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

	// The provider's signing key, loaded once: the e-Register trusts its chain
	// and the engine's Issuer signs with it.
	signer, err := providerSigner(*dataDir, *demo, env)
	if err != nil {
		fmt.Fprintln(env.Stderr, "qyzmet serve: signing key:", err)
		return exitFailure
	}
	roots, err := registerRoots(*dataDir, signer, log)
	if err != nil {
		fmt.Fprintln(env.Stderr, "qyzmet serve:", err)
		return exitFailure
	}

	// Listening first gives the address the QR codes of issued documents
	// point under when QYZMET_PUBLIC_URL does not name the public one.
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintln(env.Stderr, "qyzmet serve:", err)
		return exitFailure
	}
	defer ln.Close()
	tokens, err := apiTokens(*demo, *dataDir, env)
	if err != nil {
		fmt.Fprintln(env.Stderr, "qyzmet serve:", err)
		return exitFailure
	}

	// Sign-in, the registries, the casework engine with its durable timers and
	// automation, the e-Register (internal/app).
	sys, err := app.Start(ctx, app.Config{DB: db, Standards: set, Calendar: cal, Log: log, Signer: signer, Roots: roots,
		PublicURL: publicURL(env, ln.Addr()), DevSMS: *demo})
	if err != nil {
		fmt.Fprintln(env.Stderr, "qyzmet serve:", err)
		return exitFailure
	}
	defer sys.Stop()
	if *demo {
		if err := loadDemoRegistries(ctx, db, tokens, env); err != nil {
			fmt.Fprintln(env.Stderr, "qyzmet serve: demo registries:", err)
			return exitFailure
		}
		if err := demoSignIn(ctx, sys.Auth, *dataDir, tokens, env); err != nil {
			fmt.Fprintln(env.Stderr, "qyzmet serve: demo sign-in:", err)
			return exitFailure
		}
		if err := demoSpecimen(ctx, db, env); err != nil {
			fmt.Fprintln(env.Stderr, "qyzmet serve: demo specimen:", err)
			return exitFailure
		}
	}
	front, err := web.New(web.Server{System: sys, Demo: *demo, Areas: site.Areas,
		VerifyLimit: web.RateLimit{ClientIPHeader: env.Getenv("QYZMET_CLIENT_IP_HEADER")}})
	if err != nil {
		fmt.Fprintln(env.Stderr, "qyzmet serve:", err)
		return exitFailure
	}
	mux := http.NewServeMux()
	mux.Handle("/", front.Handler())
	mux.Handle(api.Prefix+"/", api.New(api.Config{Engine: sys.Engine, Tokens: tokens, Log: log}))
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

// publicURL is where the QR codes of issued documents point: QYZMET_PUBLIC_URL,
// else the address the server listens on.
func publicURL(env Env, addr net.Addr) string {
	if u := env.Getenv(envPublicURL); u != "" {
		return u
	}
	return "http://" + addr.String()
}

// demoSeed makes the demo's registries the same on every machine.
const demoSeed = 1

// loadDemoRegistries fills empty registries with the generated demo set
// (csvimport.LoadDemo) and adds every demo applicant with an IIN to the person
// registry, so that a newcomer who applies as the demo applicant gets a
// certificate at once. Registries that hold persons already are left as they
// are, and a demo applicant already registered is not written again: a
// restart changes nothing.
func loadDemoRegistries(ctx context.Context, db *store.DB, tokens map[string]casework.Actor, env Env) error {
	n, err := sqlstore.Count(ctx, db, "persons")
	if err != nil {
		return err
	}
	if n == 0 {
		sums, err := csvimport.LoadDemo(ctx, db, demoSeed)
		if err != nil {
			return err
		}
		for _, s := range sums {
			fmt.Fprintf(env.Stdout, "qyzmet: demo registry %s: %d rows\n", s.Kind, s.Loaded)
		}
	}
	persons := sqlstore.New(db).Persons
	var add []registry.Person
	for _, a := range tokens {
		if a.Role != casework.RoleApplicant || a.IIN == "" {
			continue
		}
		if _, err := persons.ByIIN(ctx, a.IIN); apperr.CodeOf(err) != apperr.NotFound {
			if err != nil {
				return err
			}
			continue
		}
		p, err := demoPerson(a)
		if err != nil {
			return err
		}
		add = append(add, p)
	}
	if len(add) == 0 {
		return nil
	}
	return db.Tx(ctx, func(tx *store.Tx) error { return sqlstore.UpsertPersons(ctx, tx, add) })
}

// demoPerson is the person registry's entry of a demo applicant: the birth
// date and sex from the IIN, the name from the actor's, written "Given
// Patronymic Surname" as the demo's tokens write it.
func demoPerson(a casework.Actor) (registry.Person, error) {
	n, err := iin.ParseIIN(a.IIN)
	if err != nil {
		return registry.Person{}, fmt.Errorf("demo applicant %s: %w", a.ID, err)
	}
	p := registry.Person{IIN: a.IIN, Sex: registry.Male, BirthDate: calendar.DateOf(n.BirthDate), BirthPlace: "Астана", Nationality: "қазақ"}
	if n.Sex == iin.Female {
		p.Sex = registry.Female
	}
	words := strings.Fields(a.Name)
	switch len(words) {
	case 0:
		p.Surname, p.GivenName = a.ID, a.ID
	case 1:
		p.Surname, p.GivenName = words[0], words[0]
	default:
		p.GivenName, p.Surname = words[0], words[len(words)-1]
		p.Patronymic = strings.Join(words[1:len(words)-1], " ")
	}
	if err := p.Validate(); err != nil {
		return registry.Person{}, fmt.Errorf("demo applicant %s: %w", a.ID, err)
	}
	return p, nil
}

// demoSpecimen prints an official of an inquiry body whose signature and seal
// specimen the demo registry holds: the data a newcomer types for a walk-in
// apostille that passes the check (or changes, to see a refusal) —
// docs/walkthrough.md.
func demoSpecimen(ctx context.Context, db *store.DB, env Env) error {
	var surname, given, patronymic, position, body, seal string
	err := db.ReadTx(ctx, func(tx *store.Tx) error {
		return tx.QueryRow(ctx, `SELECT surname, given_name, patronymic, position, body, seal_id FROM signatory_specimens
			WHERE body_kind = 'inquiry' AND valid_to IS NULL ORDER BY id LIMIT 1`).Scan(&surname, &given, &patronymic, &position, &body, &seal)
	})
	if apperr.CodeOf(err) == apperr.NotFound {
		return nil // a registry without inquiry officials: nothing to suggest
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "qyzmet: demo apostille specimen: signer=%q position=%q body=%q seal=%s\n",
		strings.TrimSpace(surname+" "+given+" "+patronymic), position, body, seal)
	return nil
}

// demoSignIn registers a mobile number for every demo applicant (+7701000000N)
// and one staff account per role, and prints how to sign in.
func demoSignIn(ctx context.Context, svc *auth.Service, dataDir string, tokens map[string]casework.Actor, env Env) error {
	dir := svc.Directory.(*auth.DBDirectory)
	var iins []string
	for _, a := range tokens {
		if a.Role == casework.RoleApplicant && a.IIN != "" {
			iins = append(iins, a.IIN)
		}
	}
	sort.Strings(iins)
	for i, number := range iins {
		phone := fmt.Sprintf("+7701%07d", i+1)
		if err := dir.RegisterPhone(ctx, number, phone); err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "qyzmet: demo citizen sign-in: /signin IIN=%s (codes on /dev/sms)\n", number)
	}
	if len(iins) > 0 {
		o, err := svc.DemoOrganisation(ctx, iins[0])
		if err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "qyzmet: demo organisation: BIN=%s name=%s (act for it in the cabinet)\n", o.BIN, o.OrgName)
	}
	accounts, err := svc.DemoStaff(ctx, dataDir)
	if err != nil {
		return err
	}
	for _, a := range accounts {
		fmt.Fprintf(env.Stdout, "qyzmet: demo staff sign-in: /staff/signin login=%s password=%s role=%s\n", a.Login, a.Password, a.Role)
	}
	return nil
}
