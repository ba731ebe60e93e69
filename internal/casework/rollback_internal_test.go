package casework

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/riverqueue/river"

	"qyzmet/internal/calendar"
	"qyzmet/internal/standard"
	"qyzmet/internal/store"
	"qyzmet/internal/store/storetest"
)

var errBoom = errors.New("boom")

// TestTimersRolledBackWithTheirCommand: a command whose transaction rolls back
// leaves no event, no notification and no timer — the AP-STD-3 deadline's
// overdue timer of an acceptance that never happened does not fire; and the
// same command committed does enqueue it.
func TestTimersRolledBackWithTheirCommand(t *testing.T) {
	storetest.Run(t, func(t *testing.T, kind storetest.Engine) {
		t.Parallel()
		ctx := context.Background()
		clock := storetest.NewClock(time.Date(2026, 4, 6, 10, 0, 0, 0, calendar.Almaty))
		db := kind.Open(t, clock)
		e, err := New(Config{DB: db})
		if err != nil {
			t.Fatal(err)
		}
		workers := river.NewWorkers()
		e.RegisterWorkers(workers)
		jobs := storetest.StartJobs(t, db, workers)
		op := Actor{ID: "op", Role: RoleOperator}
		app, _, err := e.Submit(ctx, op, SubmitInput{Service: standard.ApostilleProsecution, Channel: standard.StateCorp,
			Applicant: Party{Kind: KindIndividual, IIN: "850412300016", Surname: "A", GivenName: "B"},
			Branch:    "ALM-1", DepartmentClass: standard.Major,
			Payment:   &Payment{Method: PaymentGateway, AmountTenge: 2162, PaidOn: calendar.D(2026, 4, 6)},
			Documents: []DocumentInput{{ID: "application", Provided: true}, {ID: "identity", Provided: true}, {ID: "official-document", Provided: true}},
		}, "")
		if err != nil {
			t.Fatal(err)
		}
		count := func(q string) int {
			var n int
			if err := db.ReadTx(ctx, func(tx *store.Tx) error { return tx.QueryRow(ctx, q).Scan(&n) }); err != nil {
				t.Fatal(err)
			}
			return n
		}
		accept := func(tx *store.Tx) error {
			a, err := loadApp(ctx, tx, app.ID)
			if err != nil {
				return err
			}
			_, err = e.execute(ctx, tx, op, a, commandIndex[cmdAccept], Command{Name: cmdAccept, ExpectedVersion: a.Version})
			return err
		}
		jobsBefore, notesBefore := count(`SELECT count(*) FROM river_job`), count(`SELECT count(*) FROM casework_outbox`)

		t.Run("AP-STD-3 rolled back: no timers", func(t *testing.T) {
			var inside int
			err := db.Tx(ctx, func(tx *store.Tx) error {
				if err := accept(tx); err != nil {
					return err
				}
				if err := tx.QueryRow(ctx, `SELECT count(*) FROM river_job`).Scan(&inside); err != nil {
					return err
				}
				return errBoom
			})
			if !errors.Is(err, errBoom) {
				t.Fatalf("Tx = %v, want errBoom", err)
			}
			if inside <= jobsBefore {
				t.Fatalf("the acceptance enqueued no timers inside its transaction (%d jobs)", inside)
			}
			if n := count(`SELECT count(*) FROM river_job`); n != jobsBefore {
				t.Errorf("%d jobs after the rollback, want %d", n, jobsBefore)
			}
			if n := count(`SELECT count(*) FROM casework_outbox`); n != notesBefore {
				t.Errorf("%d notifications after the rollback, want %d", n, notesBefore)
			}
			if n := count(`SELECT count(*) FROM casework_events`); n != 1 {
				t.Errorf("%d events after the rollback, want the submission only", n)
			}
			clock.Set(time.Date(2026, 5, 1, 12, 0, 0, 0, calendar.Almaty))
			if err := jobs.WorkDue(ctx); err != nil {
				t.Fatal(err)
			}
			if n := count(`SELECT count(*) FROM casework_events WHERE type = 'overdue'`); n != 0 {
				t.Errorf("a rolled-back timer fired: %d overdue events", n)
			}
		})
		t.Run("AP-STD-3 committed: the timers exist and fire", func(t *testing.T) {
			if err := db.Tx(ctx, accept); err != nil {
				t.Fatal(err)
			}
			if n := count(`SELECT count(*) FROM river_job`); n <= jobsBefore {
				t.Fatalf("no timers after the committed acceptance")
			}
			clock.Set(time.Date(2026, 6, 1, 12, 0, 0, 0, calendar.Almaty))
			if err := jobs.WorkDue(ctx); err != nil {
				t.Fatal(err)
			}
			if n := count(`SELECT count(*) FROM casework_events WHERE type = 'overdue' AND rule = 'AP-STD-3'`); n != 1 {
				t.Errorf("%d overdue events of the deadline, want 1", n)
			}
		})
	})
}
