package csvimport_test

import (
	"context"
	"testing"

	"qyzmet/internal/registry/csvimport"
	"qyzmet/internal/registry/sqlstore"
	"qyzmet/internal/store/storetest"
)

// Every row the generator writes is one the importer takes, on both engines,
// and loading the demo twice changes nothing.
func TestLoadDemo(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		t.Parallel()
		ctx := context.Background()
		db := e.Open(t, nil)
		for range 2 {
			sums, err := csvimport.LoadDemo(ctx, db, 1)
			if err != nil {
				t.Fatal(err)
			}
			if len(sums) != len(csvimport.Kinds) {
				t.Fatalf("%d registries loaded", len(sums))
			}
			for _, s := range sums {
				if s.Bad != 0 || s.Loaded != csvimport.DemoCounts.Count(s.Kind) {
					t.Errorf("%s: %+v", s.Kind, s)
				}
			}
		}
		for table, want := range map[string]int{
			"persons": csvimport.DemoCounts.Persons, "convictions": csvimport.DemoCounts.Convictions,
			"signatory_specimens": csvimport.DemoCounts.Signatories, "payments": csvimport.DemoCounts.Payments,
			"settlement_cards": csvimport.DemoCounts.CardIndex,
		} {
			if n, err := sqlstore.Count(ctx, db, table); err != nil || n != int64(want) {
				t.Errorf("%s: %d rows, %v; want %d", table, n, err, want)
			}
		}
	})
}
