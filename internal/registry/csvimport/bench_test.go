package csvimport_test

import (
	"bytes"
	"context"
	"os"
	"strconv"
	"syscall"
	"testing"
	"time"

	"qyzmet/internal/registry/csvimport"
	"qyzmet/internal/store/storetest"
)

// benchRows is the size of the generated files the import benchmarks load
// (QYZMET_BENCH_ROWS changes it).
func benchRows() int {
	if n, err := strconv.Atoi(os.Getenv("QYZMET_BENCH_ROWS")); err == nil && n > 0 {
		return n
	}
	return 200000
}

// cpuTime is the CPU time the process has used, user and system: on a shared
// machine it varies less than the wall clock.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkImport loads a generated file of each registry into a fresh SQLite
// database per iteration and reports rows per second (the parse, the checks
// and the upserts; the file is in memory), and the CPU time per row of the
// whole process (all goroutines).
func BenchmarkImport(b *testing.B) {
	n := benchRows()
	counts := csvimport.Counts{Persons: n, Convictions: n, Signatories: n, Payments: n, CardIndex: n}
	for _, kind := range []csvimport.Kind{csvimport.CardIndex, csvimport.Persons, csvimport.Convictions} {
		b.Run(string(kind), func(b *testing.B) {
			var file bytes.Buffer
			if err := csvimport.Generator(kind, 1, counts)(&file); err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(file.Len()))
			rows := 0
			var cpu time.Duration
			for b.Loop() {
				b.StopTimer()
				db := storetest.Engines()[0].Open(b, nil)
				b.StartTimer()
				began := cpuTime()
				sum, err := csvimport.Import(context.Background(), db, kind, bytes.NewReader(file.Bytes()), csvimport.Options{})
				cpu += cpuTime() - began
				if err != nil || sum.Bad != 0 {
					b.Fatalf("%+v, %v", sum, err)
				}
				rows += sum.Loaded
			}
			b.ReportMetric(float64(rows)/b.Elapsed().Seconds(), "rows/s")
			b.ReportMetric(cpu.Seconds()*1e6/float64(rows), "cpu-µs/row")
		})
	}
}
