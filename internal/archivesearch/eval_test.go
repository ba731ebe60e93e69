package archivesearch_test

import (
	"fmt"
	"math/rand/v2"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"qyzmet/internal/archivesearch"
	"qyzmet/internal/synth"
)

// The evaluation: a synthetic card index of n cards, queries of every kind made
// from cards sampled out of it, and recall@10 — the share of queries whose card
// is among the first ten hits. TestEvaluate runs it small and asserts a floor;
// BenchmarkEvaluate runs it at any size (QYZMET_EVAL_N) and reports recall,
// latency, build time and memory. Commands and figures: docs/benchmarks.md.

// fromCard is the index record of a synthetic card.
func fromCard(c synth.CardRecord) archivesearch.Record {
	r := archivesearch.Record{ID: c.ID, Surname: c.Surname, GivenName: c.GivenName, Patronymic: c.Patronymic, BirthYear: c.BirthYear}
	for _, k := range c.Children {
		r.Family = append(r.Family, archivesearch.Relative{
			Relation: archivesearch.Child, ID: k.ID, Surname: k.Surname, GivenName: k.GivenName,
			Patronymic: k.Patronymic, BirthYear: k.BirthYear,
		})
	}
	return r
}

// reservoir keeps a uniform sample of size k of what it is offered.
type reservoir[T any] struct {
	k    int
	seen int
	r    *rand.Rand
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

type kindResult struct {
	kind      string
	queries   int
	found     int // target among the first 10
	ambiguous int // misses that no ranking by name and year could avoid (ambiguousMiss)
	misses    []string
}

func (k kindResult) recall() float64 {
	if k.queries == 0 {
		return 0
	}
	return float64(k.found) / float64(k.queries)
}

type evalResult struct {
	n          int
	names      int // distinct name fields
	build      time.Duration
	hwmMB      float64 // peak resident memory (VmHWM) after the build
	heapMB     float64 // live heap after the build: the index and the query samples
	kinds      []kindResult
	parents    kindResult
	latencies  []time.Duration // one per Search call, single-threaded
	familyLats []time.Duration
}

// evaluate builds the index of n synthetic cards (seed) and runs perKind
// queries of each kind and perKind AR-6.1 requests through the parents. With
// wide, every family's surname gets one of 160 prefixes (widen), so the index
// has far more distinct names, as a real one does.
func evaluate(tb testing.TB, n, perKind int, seed uint64, wide bool) evalResult {
	tb.Helper()
	rng := rand.New(rand.NewPCG(seed, 11))
	cards := &reservoir[synth.CardRecord]{k: perKind * 2, r: rng}
	kazakh := &reservoir[synth.CardRecord]{k: perKind * 2, r: rng}
	families := &reservoir[[]synth.CardRecord]{k: perKind * 2, r: rng}
	records := func(yield func(archivesearch.Record) bool) {
		i := 0
		for fam := range synth.CardFamilies(seed, n) {
			if wide {
				widen(fam, i)
			}
			i++
			for _, c := range fam {
				if hasMinor(c) {
					families.offer(slices.Clone(fam))
				}
				cards.offer(c)
				if c.Nationality == synth.Kazakh {
					kazakh.offer(c)
				}
				if !yield(fromCard(c)) {
					return
				}
			}
		}
	}
	start := time.Now()
	ix, err := archivesearch.Build(records)
	if err != nil {
		tb.Fatalf("build: %v", err)
	}
	res := evalResult{n: ix.Len(), names: ix.DistinctNames(), build: time.Since(start), hwmMB: vmHWM()}
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	res.heapMB = float64(ms.HeapAlloc) / (1 << 20)

	qm := synth.NewQueryMaker(seed + 1)
	for _, kind := range synth.QueryKinds {
		kr := kindResult{kind: string(kind)}
		sample := cards.xs
		if kind == synth.KindKazakhLetters {
			sample = kazakh.xs
		}
		for _, c := range sample {
			if kr.queries == perKind {
				break
			}
			q, ok := qm.Make(c, kind)
			if !ok {
				continue
			}
			t0 := time.Now()
			hits := ix.Search(archivesearch.Query{Text: q.Text, BirthYear: q.BirthYear, Limit: 10})
			res.latencies = append(res.latencies, time.Since(t0))
			kr.queries++
			switch {
			case slices.ContainsFunc(hits, func(h archivesearch.Hit) bool { return h.ID == q.Want }):
				kr.found++
			case ambiguousMiss(ix, q, c):
				kr.ambiguous++
			case len(kr.misses) < 5:
				kr.misses = append(kr.misses, describeMiss(q.Text, q.BirthYear, c, hits))
			}
		}
		res.kinds = append(res.kinds, kr)
	}

	res.parents = kindResult{kind: "parents (AR-6.1)"}
	for _, fam := range families.xs {
		if res.parents.queries == perKind {
			break
		}
		pq, ok := qm.MakeParentQuery(fam)
		if !ok {
			continue
		}
		var parents []archivesearch.Query
		for _, p := range pq.Parents {
			parents = append(parents, archivesearch.Query{Text: p})
		}
		t0 := time.Now()
		fr := ix.SearchByParents(archivesearch.Query{Text: pq.Child.Text, BirthYear: pq.Child.BirthYear, Limit: 10}, parents...)
		res.familyLats = append(res.familyLats, time.Since(t0))
		res.parents.queries++
		if slices.ContainsFunc(fr.Matches, func(m archivesearch.FamilyHit) bool { return slices.Contains(pq.Want, m.CardID) }) && fr.Minor {
			res.parents.found++
		} else if len(res.parents.misses) < 5 {
			res.parents.misses = append(res.parents.misses, fmt.Sprintf("%q %d parents %q want %v minor=%v got %d matches",
				pq.Child.Text, pq.Child.BirthYear, pq.Parents, pq.Want, fr.Minor, len(fr.Matches)))
		}
	}
	return res
}

// widePrefixes are put before surnames to widen the vocabulary: 40 syllables,
// each with one of four joining vowels.
var widePrefixes = strings.Fields("Бай Кара Ак Сары Кок Тас Жан Нур Ер Кыз Ал Бек Тор Мал Сул Ор Ис Даш Гар Вол " +
	"Мин Лав Рос Пет Кир Зам Фар Хан Чер Шал Юр Ян Эль Уз Об Ив Гол Дуб Лес Бор")

// widen gives family i's surnames (cards and children lines) one prefix.
func widen(fam []synth.CardRecord, i int) {
	p := widePrefixes[i%len(widePrefixes)] + []string{"а", "о", "и", "е"}[i/len(widePrefixes)%4]
	cut := func(s string) string { return p + strings.ToLower(s) }
	for j := range fam {
		fam[j].Surname = cut(fam[j].Surname)
		for k := range fam[j].Children {
			fam[j].Children[k].Surname = cut(fam[j].Children[k].Surname)
		}
	}
}

func hasMinor(c synth.CardRecord) bool {
	return slices.ContainsFunc(c.Children, func(k synth.Child) bool { return k.BirthYear >= synth.MinorBornFrom })
}

// ambiguousMiss reports whether a query that spells the card's name exactly
// (with or without the patronymic) has at least ten other cards with that very
// name born at least as close to the queried year: then no ranking by name and
// year can put the wanted card in the first ten.
func ambiguousMiss(ix *archivesearch.Index, q synth.Query, c synth.CardRecord) bool {
	switch q.Kind {
	case synth.KindExact, synth.KindSwapped, synth.KindNoPatronymic, synth.KindApproxYear:
	default:
		return false
	}
	withPatronymic := q.Kind != synth.KindNoPatronymic && c.Patronymic != ""
	dist := func(y int) int { return max(y-q.BirthYear, q.BirthYear-y) }
	same := 0
	for _, h := range ix.Search(archivesearch.Query{Text: q.Text, BirthYear: q.BirthYear, Limit: archivesearch.MaxLimit}) {
		if h.ID != c.ID && strings.EqualFold(h.Surname, c.Surname) && strings.EqualFold(h.GivenName, c.GivenName) &&
			(!withPatronymic || strings.EqualFold(h.Patronymic, c.Patronymic)) && dist(h.BirthYear) <= dist(c.BirthYear) {
			same++
		}
	}
	return same >= 10
}

func describeMiss(text string, year int, c synth.CardRecord, hits []archivesearch.Hit) string {
	var got []string
	for _, h := range hits[:min(3, len(hits))] {
		got = append(got, fmt.Sprintf("%s %s %s %s %d (%.2f)", h.ID, h.Surname, h.GivenName, h.Patronymic, h.BirthYear, h.Score))
	}
	return fmt.Sprintf("%q %d → want %s %s %d; got %s", text, year, c.ID, c.Name(), c.BirthYear, strings.Join(got, " | "))
}

// vmHWM is the process's peak resident memory in MB, from /proc/self/status
// (0 where there is no /proc).
func vmHWM() float64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(rest), " kB"))
			return float64(kb) / 1024
		}
	}
	return 0
}

func percentile(ds []time.Duration, p float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[min(len(s)-1, int(p*float64(len(s))))]
}

// report is the evaluation as a table.
func (r evalResult) report() string {
	var b strings.Builder
	fmt.Fprintf(&b, "cards %d, distinct names %d, build %.1fs, peak RSS %.0f MB, live heap %.0f MB, GOMAXPROCS %d\n",
		r.n, r.names, r.build.Seconds(), r.hwmMB, r.heapMB, runtime.GOMAXPROCS(0))
	fmt.Fprintf(&b, "%-18s %8s %10s %10s\n", "kind", "queries", "recall@10", "ambiguous")
	for _, k := range append(slices.Clone(r.kinds), r.parents) {
		fmt.Fprintf(&b, "%-18s %8d %10.4f %10d\n", k.kind, k.queries, k.recall(), k.ambiguous)
	}
	fmt.Fprintf(&b, "Search latency p50 %v p95 %v p99 %v max %v (%d queries)\n",
		percentile(r.latencies, .5), percentile(r.latencies, .95), percentile(r.latencies, .99), percentile(r.latencies, 1), len(r.latencies))
	fmt.Fprintf(&b, "SearchByParents latency p50 %v p95 %v (%d requests)\n",
		percentile(r.familyLats, .5), percentile(r.familyLats, .95), len(r.familyLats))
	for _, k := range append(slices.Clone(r.kinds), r.parents) {
		for _, m := range k.misses {
			fmt.Fprintf(&b, "  miss %s: %s\n", k.kind, m)
		}
	}
	return b.String()
}

// TestEvaluate is the test-sized evaluation of Rule AR-6.3 (every query kind
// finds its card) and Rule AR-6.1 (through the parents): 20 000 cards, 150
// queries per kind, and a recall@10 floor per kind that the engine meets.
func TestEvaluate(t *testing.T) {
	n, perKind := 20000, 150
	if testing.Short() {
		n, perKind = 5000, 60
	}
	r := evaluate(t, n, perKind, 20260101, false)
	t.Log("\n" + r.report())
	const floor = 0.98
	for _, k := range append(slices.Clone(r.kinds), r.parents) {
		if k.queries < perKind/2 {
			t.Errorf("Rule AR-6.3: kind %s made only %d queries", k.kind, k.queries)
		}
		if k.recall() < floor {
			t.Errorf("Rule AR-6.3/AR-6.1: kind %s recall@10 %.3f < %.2f", k.kind, k.recall(), floor)
		}
	}
}

// BenchmarkEvaluate is the full-size evaluation: QYZMET_EVAL_N cards (default
// 100 000) and QYZMET_EVAL_Q queries per kind (default 500); QYZMET_EVAL_WIDE=1
// widens the vocabulary (widen). It reports recall per kind, Search latency
// percentiles, the build time and the peak RSS.
func BenchmarkEvaluate(b *testing.B) {
	n := envInt(b, "QYZMET_EVAL_N", 100000)
	perKind := envInt(b, "QYZMET_EVAL_Q", 500)
	wide := os.Getenv("QYZMET_EVAL_WIDE") == "1"
	for b.Loop() {
		r := evaluate(b, n, perKind, 20260101, wide)
		fmt.Print(r.report())
		b.ReportMetric(float64(percentile(r.latencies, .5).Microseconds()), "p50-µs")
		b.ReportMetric(float64(percentile(r.latencies, .95).Microseconds()), "p95-µs")
		b.ReportMetric(float64(percentile(r.latencies, .99).Microseconds()), "p99-µs")
		b.ReportMetric(r.build.Seconds(), "build-s")
		b.ReportMetric(r.hwmMB, "peak-RSS-MB")
		b.ReportMetric(r.heapMB, "heap-MB")
		worst := 1.0
		for _, k := range append(slices.Clone(r.kinds), r.parents) {
			worst = min(worst, k.recall())
		}
		b.ReportMetric(worst, "min-recall@10")
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
