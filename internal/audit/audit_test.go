package audit_test

import (
	"context"
	"testing"

	"qyzmet/internal/apperr"
	"qyzmet/internal/audit"
	"qyzmet/internal/casework"
	"qyzmet/internal/store/storetest"
)

func TestViewsAreLogged(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		ctx := context.Background()
		l := &audit.Log{DB: e.Open(t, nil)}
		officer := casework.Actor{ID: "a.officer", Role: casework.RoleOfficer}
		if err := l.Record(ctx, audit.View{Actor: officer, What: audit.ViewRecordCheck, ApplicationID: "app-1", SubjectIIN: "900517400015"}); err != nil {
			t.Fatal(err)
		}
		if err := l.Record(ctx, audit.View{Actor: officer, What: audit.ViewApplication}); apperr.CodeOf(err) != apperr.Invalid {
			t.Errorf("a view of nobody's data: %v", err)
		}
		got, err := l.Entries(ctx, audit.Filter{SubjectIIN: "900517400015"})
		if err != nil || len(got) != 1 || got[0].ActorID != "a.officer" || got[0].What != audit.ViewRecordCheck || got[0].At.IsZero() {
			t.Fatalf("entries = %+v (%v)", got, err)
		}
		if other, _ := l.Entries(ctx, audit.Filter{ApplicationID: "app-2"}); len(other) != 0 {
			t.Errorf("another application's entries: %v", other)
		}
	})
}
