package archivesearch_test

import (
	"testing"

	"qyzmet/internal/archivesearch"
	"qyzmet/internal/synth"
)

// Benchmarks of the parts: one Search, one SearchByParents, one Build. The
// index size is QYZMET_BENCH_N cards (default 200 000); BenchmarkEvaluate in
// eval_test.go is the full evaluation with recall and latency percentiles.

type benchData struct {
	ix      *archivesearch.Index
	queries []archivesearch.Query
	family  []synth.ParentQuery
}

var benchCache = map[int]*benchData{}

func benchSetup(b *testing.B) *benchData {
	n := envInt(b, "QYZMET_BENCH_N", 200000)
	if d, ok := benchCache[n]; ok {
		return d
	}
	d := &benchData{}
	qm := synth.NewQueryMaker(77)
	var sample []synth.CardRecord
	var fams [][]synth.CardRecord
	recs := func(yield func(archivesearch.Record) bool) {
		i := 0
		for fam := range synth.CardFamilies(77, n) {
			for _, c := range fam {
				if i%(n/200+1) == 0 {
					sample = append(sample, c)
					fams = append(fams, fam)
				}
				i++
				if !yield(fromCard(c)) {
					return
				}
			}
		}
	}
	ix, err := archivesearch.Build(recs)
	if err != nil {
		b.Fatal(err)
	}
	d.ix = ix
	for _, c := range sample {
		for _, kind := range synth.QueryKinds {
			if q, ok := qm.Make(c, kind); ok {
				d.queries = append(d.queries, archivesearch.Query{Text: q.Text, BirthYear: q.BirthYear})
			}
		}
	}
	for _, fam := range fams {
		if pq, ok := qm.MakeParentQuery(fam); ok {
			d.family = append(d.family, pq)
		}
	}
	benchCache[n] = d
	return d
}

// BenchmarkSearch is one Search, the query kinds of Rule AR-6.3 in turn.
func BenchmarkSearch(b *testing.B) {
	d := benchSetup(b)
	i := 0
	for b.Loop() {
		d.ix.Search(d.queries[i%len(d.queries)])
		i++
	}
}

// BenchmarkSearchByParents is one search through the parents (Rule AR-6.1).
func BenchmarkSearchByParents(b *testing.B) {
	d := benchSetup(b)
	i := 0
	for b.Loop() {
		pq := d.family[i%len(d.family)]
		var parents []archivesearch.Query
		for _, p := range pq.Parents {
			parents = append(parents, archivesearch.Query{Text: p})
		}
		d.ix.SearchByParents(archivesearch.Query{Text: pq.Child.Text, BirthYear: pq.Child.BirthYear}, parents...)
		i++
	}
}

// BenchmarkBuild builds the index of QYZMET_BENCH_N cards held in memory (the
// generator's time is not counted).
func BenchmarkBuild(b *testing.B) {
	n := envInt(b, "QYZMET_BENCH_N", 200000)
	recs := make([]archivesearch.Record, 0, n)
	for c := range synth.CardIndex(78, n) {
		recs = append(recs, fromCard(c))
	}
	for b.Loop() {
		if _, err := archivesearch.Build(seq(recs)); err != nil {
			b.Fatal(err)
		}
	}
}
