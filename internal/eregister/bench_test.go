package eregister_test

import (
	"context"
	"testing"

	"qyzmet/internal/eregister/eregistertest"
	"qyzmet/internal/store/storetest"
)

// BenchmarkIssue measures the whole pipeline for one certificate on SQLite:
// number, render, sign, and the committed transaction that records it.
func BenchmarkIssue(b *testing.B) {
	f := eregistertest.New(b, storetest.Engines()[0])
	req := eregistertest.Request()
	for b.Loop() {
		if _, err := f.Issuer.Issue(context.Background(), req); err != nil {
			b.Fatal(err)
		}
	}
}
