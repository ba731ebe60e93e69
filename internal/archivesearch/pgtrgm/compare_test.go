package pgtrgm_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"iter"
	mrand "math/rand/v2"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"qyzmet/internal/archivesearch"
	"qyzmet/internal/synth"
)

// The comparison of Rule AR-6.3's search with pg_trgm: the synthetic card index
// of the archivesearch evaluation (same seed, same cards) loaded into a
// PostgreSQL table with a trigram GIN index on the full name, and the same
// queries run one at a time through both engines. TestCompare runs it small and
// asserts only what must hold whatever the figures; BenchmarkCompare runs it at
// any size and prints the side-by-side table. Commands and figures:
// docs/benchmarks.md, "Archive search vs pg_trgm".

// envDatabaseURL names the PostgreSQL database the comparison may create a
// schema in (scripts/pg-throwaway.sh starts one and exports it).
const envDatabaseURL = "QYZMET_TEST_DATABASE_URL"

// evalSeed is the seed of internal/archivesearch's evaluation (eval_test.go):
// the same seed gives the same cards and, with the same queries per kind, the
// same queries.
const evalSeed = 20260101

// databaseURL returns the database to load the cards into. Without one the
// comparison is skipped, except under CI=true, where it fails: CI must not pass
// without having run it.
func databaseURL(tb testing.TB) string {
	tb.Helper()
	url := os.Getenv(envDatabaseURL)
	if url == "" {
		const how = "set " + envDatabaseURL + " to a PostgreSQL database with pg_trgm available " +
			"(source scripts/pg-throwaway.sh starts a throwaway cluster)"
		if ci, _ := strconv.ParseBool(os.Getenv("CI")); ci {
			tb.Fatal("the pg_trgm comparison cannot be skipped under CI=true: " + how)
		}
		tb.Skip("PostgreSQL not configured: " + how)
	}
	return url
}

// reservoir keeps a uniform sample of size k of what it is offered. It is the
// evaluation's sampler, replicated (eval_test.go is a test file of another
// package): the same random source offered the same items in the same order
// keeps the same cards.
type reservoir[T any] struct {
	k    int
	seen int
	r    *mrand.Rand
	xs   []T
}

func (s *reservoir[T]) offer(x T) {
	s.seen++
	if len(s.xs) < s.k {
		s.xs = append(s.xs, x)
	} else if j := s.r.IntN(s.seen); j < s.k {
		s.xs[j] = x
	}
}

// sampler replicates the sampling of the evaluation's evaluate: three reservoirs
// on one random source, offered in its order. The families' reservoir keeps
// nothing (there is no AR-6.1 search in pg_trgm) but must draw from the source
// as the evaluation's does.
type sampler struct {
	cards, kazakh *reservoir[synth.CardRecord]
	families      *reservoir[struct{}]
}

func newSampler(seed uint64, perKind int) *sampler {
	r := mrand.New(mrand.NewPCG(seed, 11))
	return &sampler{
		cards:    &reservoir[synth.CardRecord]{k: perKind * 2, r: r},
		kazakh:   &reservoir[synth.CardRecord]{k: perKind * 2, r: r},
		families: &reservoir[struct{}]{k: perKind * 2, r: r},
	}
}

func (s *sampler) see(c synth.CardRecord) {
	if slices.ContainsFunc(c.Children, func(k synth.Child) bool { return k.BirthYear >= synth.MinorBornFrom }) {
		s.families.offer(struct{}{})
	}
	s.cards.offer(c)
	if c.Nationality == synth.Kazakh {
		s.kazakh.offer(c)
	}
}

// cards streams the n cards of the evaluation.
func cards(seed uint64, n int) iter.Seq[synth.CardRecord] {
	return func(yield func(synth.CardRecord) bool) {
		for fam := range synth.CardFamilies(seed, n) {
			for _, c := range fam {
				if !yield(c) {
					return
				}
			}
		}
	}
}

// kindQueries are the queries of one kind.
type kindQueries struct {
	kind    synth.QueryKind
	queries []synth.Query
}

// makeQueries makes perKind queries of every kind from the sample, as the
// evaluation does (same maker seed, same order of kinds and cards).
func makeQueries(seed uint64, perKind int, s *sampler) []kindQueries {
	qm := synth.NewQueryMaker(seed + 1)
	var out []kindQueries
	for _, kind := range synth.QueryKinds {
		kq := kindQueries{kind: kind}
		sample := s.cards.xs
		if kind == synth.KindKazakhLetters {
			sample = s.kazakh.xs
		}
		for _, c := range sample {
			if len(kq.queries) == perKind {
				break
			}
			if q, ok := qm.Make(c, kind); ok {
				kq.queries = append(kq.queries, q)
			}
		}
		out = append(out, kq)
	}
	return out
}

// hit is one result row, whichever engine returned it.
type hit struct {
	id       string
	fullName string
	year     int
}

// engine is one way to search the card index.
type engine interface {
	name() string
	search(ctx context.Context, q synth.Query) ([]hit, error)
}

// pgTrgm searches the cards table with the trigram similarity operator and
// the trigram distance ordering, as an application on pg_trgm would.
type pgTrgm struct {
	conn      *pgx.Conn
	sql       string
	threshold float64
}

func (p *pgTrgm) name() string { return fmt.Sprintf("pg_trgm %.2f", p.threshold) }

func (p *pgTrgm) search(ctx context.Context, q synth.Query) ([]hit, error) {
	rows, err := p.conn.Query(ctx, p.sql, q.Text, q.BirthYear)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(row pgx.CollectableRow) (hit, error) {
		var h hit
		var year *int
		err := row.Scan(&h.id, &h.fullName, &year)
		if year != nil {
			h.year = *year
		}
		return h, err
	})
}

// record is the index record of a card, as the evaluation's fromCard makes it
// (children included: they are in the index the evaluation measures).
func record(c synth.CardRecord) archivesearch.Record {
	r := archivesearch.Record{ID: c.ID, Surname: c.Surname, GivenName: c.GivenName, Patronymic: c.Patronymic, BirthYear: c.BirthYear}
	for _, k := range c.Children {
		r.Family = append(r.Family, archivesearch.Relative{
			Relation: archivesearch.Child, ID: k.ID, Surname: k.Surname, GivenName: k.GivenName,
			Patronymic: k.Patronymic, BirthYear: k.BirthYear,
		})
	}
	return r
}

// archive is internal/archivesearch through its public API.
type archive struct{ ix *archivesearch.Index }

func (archive) name() string { return "archivesearch" }

func (a archive) search(_ context.Context, q synth.Query) ([]hit, error) {
	var hits []hit
	for _, h := range a.ix.Search(archivesearch.Query{Text: q.Text, BirthYear: q.BirthYear, Limit: 10}) {
		hits = append(hits, hit{id: h.ID, fullName: joinName(h.Surname, h.GivenName, h.Patronymic), year: h.BirthYear})
	}
	return hits, nil
}

func joinName(parts ...string) string {
	return strings.Join(slices.DeleteFunc(parts, func(s string) bool { return s == "" }), " ")
}

// pgLoad is what loading the cards into PostgreSQL took.
type pgLoad struct {
	copy, index  time.Duration
	tableMB, gin float64 // heap and GIN index on disk
	version      string
	table        string // schema-qualified
	cards        int
}

// loadPG creates a schema of its own (dropped when tb ends), the pg_trgm
// extension if missing, and the cards table; copies the n cards into it while
// the sampler sees them; then builds the GIN index and analyses the table.
func loadPG(tb testing.TB, conn *pgx.Conn, seed uint64, n int, s *sampler) pgLoad {
	tb.Helper()
	ctx := tb.Context()
	b := make([]byte, 6)
	rand.Read(b)
	schema := "pgtrgm_" + hex.EncodeToString(b)
	exec := func(sql string) {
		tb.Helper()
		if _, err := conn.Exec(ctx, sql); err != nil {
			tb.Fatalf("%s: %v", sql, err)
		}
	}
	exec("CREATE EXTENSION IF NOT EXISTS pg_trgm")
	exec("CREATE SCHEMA " + schema)
	tb.Cleanup(func() {
		if _, err := conn.Exec(context.Background(), "DROP SCHEMA "+schema+" CASCADE"); err != nil {
			tb.Errorf("drop schema %s: %v", schema, err)
		}
	})
	ld := pgLoad{table: schema + ".cards"}
	exec("CREATE TABLE " + ld.table + ` (
		id text NOT NULL, surname text NOT NULL, given_name text NOT NULL, patronymic text NOT NULL,
		birth_year int, full_name text NOT NULL)`)
	if err := conn.QueryRow(ctx, "SHOW server_version").Scan(&ld.version); err != nil {
		tb.Fatal(err)
	}

	next, stop := iter.Pull(cards(seed, n))
	defer stop()
	start := time.Now()
	copied, err := conn.CopyFrom(ctx, pgx.Identifier{schema, "cards"},
		[]string{"id", "surname", "given_name", "patronymic", "birth_year", "full_name"},
		pgx.CopyFromFunc(func() ([]any, error) {
			c, ok := next()
			if !ok {
				return nil, nil
			}
			s.see(c)
			var year *int
			if c.BirthYear != 0 {
				year = &c.BirthYear
			}
			return []any{c.ID, c.Surname, c.GivenName, c.Patronymic, year, joinName(c.Surname, c.GivenName, c.Patronymic)}, nil
		}))
	if err != nil {
		tb.Fatalf("copy cards: %v", err)
	}
	ld.copy, ld.cards = time.Since(start), int(copied)

	start = time.Now()
	exec("CREATE INDEX cards_full_name_trgm ON " + ld.table + " USING gin (full_name gin_trgm_ops)")
	exec("VACUUM ANALYZE " + ld.table)
	ld.index = time.Since(start)
	var heap, gin int64
	if err := conn.QueryRow(ctx, "SELECT pg_relation_size($1::regclass), pg_relation_size($2::regclass)",
		ld.table, schema+".cards_full_name_trgm").Scan(&heap, &gin); err != nil {
		tb.Fatal(err)
	}
	ld.tableMB, ld.gin = float64(heap)/(1<<20), float64(gin)/(1<<20)
	return ld
}

// newPgTrgm returns the pg_trgm engine on table at a similarity threshold.
func newPgTrgm(tb testing.TB, conn *pgx.Conn, table string, threshold float64) *pgTrgm {
	tb.Helper()
	if _, err := conn.Exec(tb.Context(), "SELECT set_config('pg_trgm.similarity_threshold', $1, false)",
		strconv.FormatFloat(threshold, 'f', -1, 64)); err != nil {
		tb.Fatalf("set pg_trgm.similarity_threshold: %v", err)
	}
	return &pgTrgm{conn: conn, threshold: threshold, sql: `SELECT id, full_name, birth_year FROM ` + table + `
		WHERE full_name % $1 AND ($2::int = 0 OR birth_year BETWEEN $2::int - 2 AND $2::int + 2)
		ORDER BY full_name <-> $1 LIMIT 10`}
}

// kindResult is one engine's recall on one kind.
type kindResult struct {
	kind    synth.QueryKind
	queries int
	found   int // the card among the first ten
	misses  []string
}

func (k kindResult) recall() float64 {
	if k.queries == 0 {
		return 0
	}
	return float64(k.found) / float64(k.queries)
}

// runResult is one engine on all queries.
type runResult struct {
	engine    string
	kinds     []kindResult
	latencies []time.Duration // one per query, one at a time
	hits      map[string][]hit
}

func (r runResult) overall() float64 {
	found, queries := 0, 0
	for _, k := range r.kinds {
		found, queries = found+k.found, queries+k.queries
	}
	if queries == 0 {
		return 0
	}
	return float64(found) / float64(queries)
}

// config is the size of a comparison and what it keeps.
type config struct {
	n          int       // cards
	made       int       // queries made a kind: the evaluation's for QYZMET_EVAL_Q = made
	ran        int       // of which run a kind through every engine
	thresholds []float64 // pg_trgm.similarity_threshold, one pg_trgm run each
	keepHits   bool      // keep every query's hits, for the test's checks
	progress   bool      // a line on stderr after every kind, for long runs
}

// run sends the first cfg.ran queries of every kind to e, one at a time.
func run(tb testing.TB, e engine, qs []kindQueries, cfg config) runResult {
	tb.Helper()
	res := runResult{engine: e.name(), hits: map[string][]hit{}}
	for _, kq := range qs {
		kr := kindResult{kind: kq.kind}
		for _, q := range kq.queries[:min(cfg.ran, len(kq.queries))] {
			t0 := time.Now()
			hits, err := e.search(tb.Context(), q)
			res.latencies = append(res.latencies, time.Since(t0))
			if err != nil {
				tb.Fatalf("%s: %q %d: %v", e.name(), q.Text, q.BirthYear, err)
			}
			kr.queries++
			if slices.ContainsFunc(hits, func(h hit) bool { return h.id == q.Want }) {
				kr.found++
			} else if len(kr.misses) < 3 {
				kr.misses = append(kr.misses, describeMiss(q, hits))
			}
			if cfg.keepHits {
				res.hits[queryKey(q)] = hits
			}
		}
		res.kinds = append(res.kinds, kr)
		if !cfg.progress {
			continue
		}
		fmt.Fprintf(os.Stderr, "%s: %-15s %5d queries, recall@10 %.3f, p95 so far %v\n",
			e.name(), kq.kind, kr.queries, kr.recall(), percentile(res.latencies, .95))
	}
	return res
}

func queryKey(q synth.Query) string { return q.Text + "|" + strconv.Itoa(q.BirthYear) }

func describeMiss(q synth.Query, hits []hit) string {
	var got []string
	for _, h := range hits[:min(2, len(hits))] {
		got = append(got, fmt.Sprintf("%s %s %d", h.id, h.fullName, h.year))
	}
	return fmt.Sprintf("%q %d → want %s; got %d hits: %s", q.Text, q.BirthYear, q.Want, len(hits), strings.Join(got, " | "))
}

// percentile is the evaluation's: the element at p of the sorted durations.
func percentile(ds []time.Duration, p float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[min(len(s)-1, int(p*float64(len(s))))]
}

// comparison is everything one run measured.
type comparison struct {
	config
	load    pgLoad
	build   time.Duration
	queries []kindQueries
	runs    []runResult // archivesearch first, then pg_trgm per threshold
}

// compare loads the cards into PostgreSQL and archivesearch, makes the queries
// and runs them through archivesearch and through pg_trgm at every threshold.
func compare(tb testing.TB, cfg config) comparison {
	tb.Helper()
	conn, err := pgx.Connect(tb.Context(), databaseURL(tb))
	if err != nil {
		tb.Fatalf("connect to %s: %v", envDatabaseURL, err)
	}
	tb.Cleanup(func() { conn.Close(context.Background()) })

	s := newSampler(evalSeed, cfg.made)
	cmp := comparison{config: cfg, load: loadPG(tb, conn, evalSeed, cfg.n, s)}
	if cmp.load.cards != cfg.n {
		tb.Fatalf("copied %d cards, want %d", cmp.load.cards, cfg.n)
	}
	cmp.queries = makeQueries(evalSeed, cfg.made, s)

	start := time.Now()
	ix, err := archivesearch.Build(func(yield func(archivesearch.Record) bool) {
		for c := range cards(evalSeed, cfg.n) {
			if !yield(record(c)) {
				return
			}
		}
	})
	if err != nil {
		tb.Fatalf("archivesearch build: %v", err)
	}
	cmp.build = time.Since(start)

	cmp.runs = append(cmp.runs, run(tb, archive{ix}, cmp.queries, cfg))
	for _, th := range cfg.thresholds {
		cmp.runs = append(cmp.runs, run(tb, newPgTrgm(tb, conn, cmp.load.table, th), cmp.queries, cfg))
	}
	return cmp
}

// report is the comparison as the tables of docs/benchmarks.md.
func (c comparison) report() string {
	var b strings.Builder
	fmt.Fprintf(&b, "cards %d (seed %d); queries made %d a kind, run %d a kind; PostgreSQL %s, GOMAXPROCS %d\n",
		c.n, evalSeed, c.made, c.ran, c.load.version, runtime.GOMAXPROCS(0))
	fmt.Fprintf(&b, "PostgreSQL: COPY %.1fs, GIN index + VACUUM ANALYZE %.1fs, table %.0f MB, GIN index %.0f MB; archivesearch build %.1fs\n",
		c.load.copy.Seconds(), c.load.index.Seconds(), c.load.tableMB, c.load.gin, c.build.Seconds())
	fmt.Fprintf(&b, "%-15s %7s", "kind", "queries")
	for _, r := range c.runs {
		fmt.Fprintf(&b, " %14s", r.engine)
	}
	b.WriteString("\n")
	for i, k := range c.runs[0].kinds {
		fmt.Fprintf(&b, "%-15s %7d", k.kind, k.queries)
		for _, r := range c.runs {
			fmt.Fprintf(&b, " %14.3f", r.kinds[i].recall())
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "%-15s %7s", "overall", "")
	for _, r := range c.runs {
		fmt.Fprintf(&b, " %14.3f", r.overall())
	}
	b.WriteString("\n")
	for _, r := range c.runs {
		fmt.Fprintf(&b, "%s latency p50 %v p95 %v p99 %v max %v (%d queries)\n", r.engine,
			percentile(r.latencies, .5), percentile(r.latencies, .95), percentile(r.latencies, .99), percentile(r.latencies, 1), len(r.latencies))
	}
	for _, r := range c.runs {
		for _, k := range r.kinds {
			for _, m := range k.misses {
				fmt.Fprintf(&b, "  %s miss %s: %s\n", r.engine, k.kind, m)
			}
		}
	}
	return b.String()
}

// TestCompare is the comparison at test size (5 000 cards, 50 queries a kind,
// threshold 0.3). It asserts what must hold whatever the recall: every kind made
// its queries, every hit of pg_trgm honours the birth year ±2, and an exact query
// finds its card (Rule AR-6.3) unless ten cards of that very name fill the first
// ten — in both engines, so the harness itself is checked.
func TestCompare(t *testing.T) {
	const perKind = 50
	c := compare(t, config{n: 5000, made: perKind, ran: perKind, thresholds: []float64{0.3}, keepHits: true})
	t.Log("\n" + c.report())
	for _, kq := range c.queries {
		if len(kq.queries) < perKind/2 {
			t.Errorf("Rule AR-6.3: kind %s made only %d queries", kq.kind, len(kq.queries))
		}
	}
	for _, r := range c.runs {
		for _, kq := range c.queries {
			for _, q := range kq.queries {
				hits, ok := r.hits[queryKey(q)]
				if !ok {
					t.Fatalf("%s: no result kept for %q", r.engine, q.Text)
				}
				if kq.kind == synth.KindExact && !foundOrTied(q, hits) {
					t.Errorf("Rule AR-6.3: %s: exact query %q %d did not find %s: %v", r.engine, q.Text, q.BirthYear, q.Want, hits)
				}
				if r.engine == "archivesearch" {
					continue
				}
				for _, h := range hits {
					if h.year < q.BirthYear-2 || h.year > q.BirthYear+2 {
						t.Errorf("%s: %q %d returned %s born %d, outside ±2 years", r.engine, q.Text, q.BirthYear, h.id, h.year)
					}
				}
			}
		}
	}
}

// foundOrTied reports whether hits hold the wanted card, or are ten cards all
// of the query's very name (then no ranking by name could return it).
func foundOrTied(q synth.Query, hits []hit) bool {
	if slices.ContainsFunc(hits, func(h hit) bool { return h.id == q.Want }) {
		return true
	}
	return len(hits) == 10 && !slices.ContainsFunc(hits, func(h hit) bool { return !strings.EqualFold(h.fullName, q.Text) })
}

// BenchmarkCompare is the full-size comparison. QYZMET_PGTRGM_N cards (default
// 100 000); QYZMET_PGTRGM_Q queries made a kind (default 500: give it the
// evaluation's QYZMET_EVAL_Q for the evaluation's very queries);
// QYZMET_PGTRGM_RUN of them run a kind (default all: pg_trgm is slow);
// QYZMET_PGTRGM_THRESHOLDS a comma-separated list of similarity thresholds
// (default 0.3, pg_trgm's default).
func BenchmarkCompare(b *testing.B) {
	n := envInt(b, "QYZMET_PGTRGM_N", 100000)
	made := envInt(b, "QYZMET_PGTRGM_Q", 500)
	ran := min(made, envInt(b, "QYZMET_PGTRGM_RUN", made))
	thresholds := []float64{0.3}
	if v := os.Getenv("QYZMET_PGTRGM_THRESHOLDS"); v != "" {
		thresholds = nil
		for f := range strings.SplitSeq(v, ",") {
			th, err := strconv.ParseFloat(strings.TrimSpace(f), 64)
			if err != nil || th < 0 || th > 1 {
				b.Fatalf("QYZMET_PGTRGM_THRESHOLDS=%q: want numbers between 0 and 1, comma-separated", v)
			}
			thresholds = append(thresholds, th)
		}
	}
	for b.Loop() {
		c := compare(b, config{n: n, made: made, ran: ran, thresholds: thresholds, progress: true})
		fmt.Print(c.report())
		as, pg := c.runs[0], c.runs[1]
		b.ReportMetric(as.overall(), "as-recall@10")
		b.ReportMetric(float64(percentile(as.latencies, .95).Microseconds())/1000, "as-p95-ms")
		b.ReportMetric(pg.overall(), "pg-recall@10")
		b.ReportMetric(float64(percentile(pg.latencies, .5).Microseconds())/1000, "pg-p50-ms")
		b.ReportMetric(float64(percentile(pg.latencies, .95).Microseconds())/1000, "pg-p95-ms")
		b.ReportMetric(float64(percentile(pg.latencies, .99).Microseconds())/1000, "pg-p99-ms")
	}
}

func envInt(tb testing.TB, name string, def int) int {
	v := os.Getenv(name)
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil || n <= 0 {
		tb.Fatalf("%s=%q: want a positive integer", name, v)
	}
	return n
}
