package org_test

import (
	"context"
	"testing"

	"qyzmet/internal/apperr"
	"qyzmet/internal/i18n"
	"qyzmet/internal/org"
	"qyzmet/internal/standard"
	"qyzmet/internal/store/storetest"
)

// The branches come seeded with the schema; an administrator adds one, closes
// it, and a bad entry changes nothing. The class is what AR-STD-3's
// deadlines read.
func TestDirectory_AR_STD_3(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		ctx := context.Background()
		d := &org.Directory{DB: e.Open(t, nil)}
		all, err := d.List(ctx, org.KindStateCorp)
		if err != nil || len(all) < 5 {
			t.Fatalf("seeded branches: %d (%v)", len(all), err)
		}
		b, err := d.Branch(ctx, "zhanaarka")
		if err != nil || b.Class != standard.Other || !b.Open() {
			t.Fatalf("zhanaarka = %+v (%v)", b, err)
		}
		if _, err := d.Branch(ctx, "nowhere"); apperr.CodeOf(err) != apperr.NotFound {
			t.Errorf("unknown branch: %v", err)
		}
		nb := org.Branch{ID: "shymkent-1", Kind: org.KindStateCorp, Name: i18n.Text{KK: "Шымкент №1", RU: "Шымкент №1", EN: "Shymkent No. 1"},
			Class: standard.Major, Windows: 3}
		if err := d.Save(ctx, nb); err != nil {
			t.Fatal(err)
		}
		bad := nb
		bad.Windows = 0
		if err := d.Save(ctx, bad); apperr.CodeOf(err) != apperr.Invalid {
			t.Errorf("0 windows: %v", err)
		}
		now := e.Open(t, nil).Now()
		nb.ClosedAt = &now
		if err := d.Save(ctx, nb); err != nil {
			t.Fatal(err)
		}
		got, _ := d.Branch(ctx, "shymkent-1")
		if got.Open() || got.Windows != 3 {
			t.Errorf("after closing: %+v", got)
		}
		all2, _ := d.List(ctx, "")
		if all2[len(all2)-1].ID != "shymkent-1" {
			t.Errorf("a closed branch is listed last: %v", all2[len(all2)-1].ID)
		}
	})
}
