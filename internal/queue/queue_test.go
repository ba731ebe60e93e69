package queue_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"qyzmet/internal/apperr"
	"qyzmet/internal/calendar"
	"qyzmet/internal/casework"
	"qyzmet/internal/iin"
	"qyzmet/internal/org"
	"qyzmet/internal/queue"
	"qyzmet/internal/standard"
	"qyzmet/internal/store/storetest"
)

// monday is Monday 2 March 2026, a working day, at 08:00 in Astana.
var monday = calendar.D(2026, time.March, 2)

func at(d calendar.Date, hour, min int) time.Time { return d.At(hour, min).UTC() }

// setup is a queue on a fresh database of engine e with the clock at 08:00 on monday.
func setup(t *testing.T, e storetest.Engine) (*queue.Queue, *storetest.Clock) {
	t.Helper()
	clock := storetest.NewClock(at(monday, 8, 0))
	db := e.Open(t, clock)
	return &queue.Queue{DB: db, Calendar: calendar.Default, Branches: &org.Directory{DB: db}}, clock
}

// person is the n-th valid IIN of people born on 1 May 1990.
func person(t *testing.T, n int) string {
	t.Helper()
	for serial := n * 10; ; serial++ {
		s, err := iin.Generate(time.Date(1990, 5, 1, 0, 0, 0, 0, time.UTC), iin.Male, serial)
		if err == nil {
			return s
		}
	}
}

func wantField(t *testing.T, err error, code apperr.Code, field string) {
	t.Helper()
	if apperr.CodeOf(err) != code || casework.FieldOf(err) != field {
		t.Fatalf("error = %v (field %q), want %s on %q", err, casework.FieldOf(err), code, field)
	}
	if txt, ok := casework.TextOf(err); !ok || txt.KK == "" {
		t.Errorf("error %v has no Kazakh text", err)
	}
}

func TestSlotsOfWorkingDays_G_5(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		t.Parallel()
		q, clock := setup(t, e)
		ctx := context.Background()
		slots, err := q.Slots(ctx, "astana-esil", monday)
		if err != nil {
			t.Fatal(err)
		}
		// 09:00–18:00 is 36 slots of 15 minutes, each with all 6 windows free.
		if len(slots) != 36 || !slots[0].Start.Equal(at(monday, 9, 0)) || !slots[35].Start.Equal(at(monday, 17, 45)) {
			t.Fatalf("slots = %d from %v to %v", len(slots), slots[0].Start, slots[len(slots)-1].Start)
		}
		if slots[0].Free != 6 {
			t.Errorf("free = %d, want the branch's 6 windows", slots[0].Free)
		}
		// A Saturday and the carry-over holiday of 9 March 2026 (8 March fell on a Sunday) have none.
		for _, d := range []calendar.Date{monday.AddDays(5), calendar.D(2026, time.March, 9)} {
			if s, _ := q.Slots(ctx, "astana-esil", d); len(s) != 0 {
				t.Errorf("%s has %d slots, want none", d, len(s))
			}
		}
		// Slots that have begun are no longer offered.
		clock.Set(at(monday, 10, 7))
		slots, _ = q.Slots(ctx, "astana-esil", monday)
		if !slots[0].Start.Equal(at(monday, 10, 15)) {
			t.Errorf("first slot at 10:07 = %v, want 10:15", slots[0].Start.In(calendar.Almaty))
		}
		days := q.BookingDays(clock.Now())
		if len(days) == 0 || days[0] != monday || len(days) > queue.BookingHorizon {
			t.Errorf("booking days = %v", days)
		}
		for _, d := range days {
			if !q.Calendar().IsWorkingDay(d) {
				t.Errorf("booking day %s is not a working day", d)
			}
		}
		_, err = q.Slots(ctx, "nowhere", monday)
		wantField(t, err, apperr.NotFound, "branch")
	})
}

func TestBookAndCancel_G_5(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		t.Parallel()
		q, _ := setup(t, e)
		ctx := context.Background()
		alice, bob, carol := person(t, 1), person(t, 2), person(t, 3)
		nine := at(monday, 9, 0)
		in := queue.Booking{Branch: "zhanaarka", Start: nine, Purpose: queue.PurposeSubmit, Service: standard.CriminalRecord, IdempotencyKey: "k1"}
		first, err := q.Book(ctx, alice, in)
		if err != nil {
			t.Fatal(err)
		}
		if first.Number != "E-001" || !first.SlotStart.Equal(nine) || first.IIN != alice {
			t.Errorf("ticket = %+v", first)
		}
		// A double click books once.
		again, err := q.Book(ctx, alice, in)
		if err != nil || again.ID != first.ID {
			t.Fatalf("replay = %v, %v; want the first ticket", again.ID, err)
		}
		// A second booking for the same purpose that day is refused, whatever the slot.
		in.IdempotencyKey, in.Start = "k2", at(monday, 11, 30)
		_, err = q.Book(ctx, alice, in)
		wantField(t, err, apperr.Conflict, "start")
		// Zhanaarka has 2 windows: the third person for 09:00 finds it full.
		if _, err := q.Book(ctx, bob, queue.Booking{Branch: "zhanaarka", Start: nine, Purpose: queue.PurposeCollect}); err != nil {
			t.Fatal(err)
		}
		_, err = q.Book(ctx, carol, queue.Booking{Branch: "zhanaarka", Start: nine, Purpose: queue.PurposeSubmit})
		wantField(t, err, apperr.Conflict, "start")
		slots, _ := q.Slots(ctx, "zhanaarka", monday)
		if slots[0].Free != 0 || slots[1].Free != 2 {
			t.Errorf("free = %d, %d; want 0, 2", slots[0].Free, slots[1].Free)
		}
		// Off the grid, outside hours, in the past, or a bad purpose: refused on the field.
		for _, bad := range []time.Time{at(monday, 9, 5), at(monday, 18, 0), at(monday, 7, 0), at(monday.AddDays(5), 10, 0)} {
			_, err = q.Book(ctx, carol, queue.Booking{Branch: "zhanaarka", Start: bad, Purpose: queue.PurposeSubmit})
			wantField(t, err, apperr.Invalid, "start")
		}
		_, err = q.Book(ctx, carol, queue.Booking{Branch: "zhanaarka", Start: nine, Purpose: "jump-the-queue"})
		wantField(t, err, apperr.Invalid, "purpose")
		_, err = q.Book(ctx, "123456789012", queue.Booking{Branch: "zhanaarka", Start: nine, Purpose: queue.PurposeSubmit})
		wantField(t, err, apperr.Invalid, "iin")

		// Another person cannot cancel Alice's booking; Alice can, and the slot frees.
		if err := q.Cancel(ctx, bob, first.ID); apperr.CodeOf(err) != apperr.NotFound {
			t.Fatalf("cancel by another = %v, want not found", err)
		}
		if err := q.Cancel(ctx, alice, first.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := q.Book(ctx, carol, queue.Booking{Branch: "zhanaarka", Start: nine, Purpose: queue.PurposeSubmit}); err != nil {
			t.Fatalf("the freed slot: %v", err)
		}
		mine, err := q.Mine(ctx, alice)
		if err != nil || len(mine) != 1 || mine[0].CancelledAt == nil {
			t.Fatalf("mine = %+v, %v", mine, err)
		}
	})
}

func TestCallOrder_G_5(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		t.Parallel()
		q, clock := setup(t, e)
		ctx := context.Background()
		booked, err := q.Book(ctx, person(t, 1), queue.Booking{Branch: "astana-esil", Start: at(monday, 9, 15), Purpose: queue.PurposeCollect})
		if err != nil {
			t.Fatal(err)
		}
		clock.Set(at(monday, 9, 0))
		walk1, _ := q.WalkIn(ctx, "astana-esil", queue.PurposeSubmit, "")
		clock.Set(at(monday, 9, 2))
		if _, err := q.Arrive(ctx, "astana-esil", booked.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := q.Arrive(ctx, "almaty-almaly", booked.ID); apperr.CodeOf(err) != apperr.NotFound {
			t.Errorf("arrival at another branch = %v, want not found", err)
		}
		walk2, _ := q.WalkIn(ctx, "astana-esil", queue.PurposeCollect, "")
		if walk1.Number != "A-001" || walk2.Number != "B-001" {
			t.Errorf("numbers = %s, %s", walk1.Number, walk2.Number)
		}
		// Before the slot, walk-ins go by arrival and the early booking waits for its slot.
		waiting, _ := q.Waiting(ctx, "astana-esil")
		if ids(waiting) != ids([]queue.Ticket{walk1, walk2, booked}) {
			t.Errorf("waiting at 09:02 = %v", numbers(waiting))
		}
		// At 09:15 the booked applicant comes first: no expedited service, but a booked slot is kept.
		clock.Set(at(monday, 9, 15))
		got, err := q.CallNext(ctx, "astana-esil", 1, "op1")
		if err != nil || got.ID != booked.ID || got.Window != 1 || got.Operator != "op1" {
			t.Fatalf("first call = %+v, %v; want the booking", got, err)
		}
		if got, _ := q.CallNext(ctx, "astana-esil", 2, "op2"); got.ID != walk1.ID {
			t.Errorf("second call = %s, want %s", got.Number, walk1.Number)
		}
		// Calling the next at window 1 finishes the booking it served.
		if got, _ := q.CallNext(ctx, "astana-esil", 1, "op1"); got.ID != walk2.ID {
			t.Errorf("third call = %s, want %s", got.Number, walk2.Number)
		}
		if _, err := q.CallNext(ctx, "astana-esil", 1, "op1"); apperr.CodeOf(err) != apperr.NotFound {
			t.Errorf("empty queue = %v, want not found", err)
		}
		_, err = q.CallNext(ctx, "astana-esil", 7, "op1")
		wantField(t, err, apperr.Invalid, "window")
		serving, _ := q.Serving(ctx, "astana-esil")
		if len(serving) != 2 {
			t.Errorf("serving = %v, want 2 windows busy", numbers(serving))
		}
	})
}

func TestLateBookingQueuesByArrival_G_5(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		t.Parallel()
		q, clock := setup(t, e)
		ctx := context.Background()
		booked, _ := q.Book(ctx, person(t, 1), queue.Booking{Branch: "astana-esil", Start: at(monday, 9, 0), Purpose: queue.PurposeSubmit})
		clock.Set(at(monday, 9, 20))
		walk, _ := q.WalkIn(ctx, "astana-esil", queue.PurposeSubmit, "")
		clock.Set(at(monday, 9, 40)) // 40 minutes late: the slot has lapsed
		if _, err := q.Arrive(ctx, "astana-esil", booked.ID); err != nil {
			t.Fatal(err)
		}
		if got, _ := q.CallNext(ctx, "astana-esil", 1, "op"); got.ID != walk.ID {
			t.Errorf("first call = %s, want the walk-in who came before the late booking", got.Number)
		}
		// A cancelled booking cannot check in; nor can one for another day.
		other, _ := q.Book(ctx, person(t, 2), queue.Booking{Branch: "astana-esil", Start: at(monday.AddDays(1), 9, 0), Purpose: queue.PurposeSubmit})
		_, err := q.Arrive(ctx, "astana-esil", other.ID)
		wantField(t, err, apperr.Invalid, "ticket")
		if err := q.Cancel(ctx, person(t, 2), other.ID); err != nil {
			t.Fatal(err)
		}
		_, err = q.Arrive(ctx, "astana-esil", other.ID)
		wantField(t, err, apperr.Invalid, "ticket")
	})
}

func TestStats_G_4(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		t.Parallel()
		q, clock := setup(t, e)
		ctx := context.Background()
		clock.Set(at(monday, 9, 0))
		a, _ := q.WalkIn(ctx, "karaganda-1", queue.PurposeSubmit, "")
		b, _ := q.WalkIn(ctx, "karaganda-1", queue.PurposeSubmit, "")
		clock.Set(at(monday, 9, 10)) // a waited 10 minutes
		q.CallNext(ctx, "karaganda-1", 1, "op")
		clock.Set(at(monday, 9, 30)) // a was served 20 minutes; b waited 30
		if err := q.Finish(ctx, a.ID); err != nil {
			t.Fatal(err)
		}
		q.CallNext(ctx, "karaganda-1", 1, "op")
		clock.Set(at(monday, 9, 35)) // b was served 5 minutes
		if err := q.Finish(ctx, b.ID); err != nil {
			t.Fatal(err)
		}
		if err := q.Finish(ctx, b.ID); err != nil {
			t.Errorf("finishing twice: %v", err)
		}
		s, err := q.Stats(ctx, "karaganda-1", at(monday, 0, 0), at(monday.AddDays(1), 0, 0))
		if err != nil {
			t.Fatal(err)
		}
		want := queue.Stats{Served: 2, MeanWait: 20 * time.Minute, MeanService: 12*time.Minute + 30*time.Second, WaitOver15: 1, ServiceOver15: 1}
		if s != want {
			t.Errorf("stats = %+v, want %+v", s, want)
		}
		// An uncalled ticket cannot be finished.
		c, _ := q.WalkIn(ctx, "karaganda-1", queue.PurposeCollect, "")
		wantField(t, q.Finish(ctx, c.ID), apperr.Invalid, "ticket")
	})
}

func TestHomeVisit_G_6(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		t.Parallel()
		q, _ := setup(t, e)
		ctx := context.Background()
		alice := person(t, 1)
		in := queue.HomeVisit{Branch: "astana-esil", Address: "Астана қ., Кенесары к., 40, 12 пәтер", Phone: "8 (701) 123-45-67",
			Reason: "I use a wheelchair", Service: standard.CriminalRecord}
		v, err := q.RequestHomeVisit(ctx, alice, in, "hv-1")
		if err != nil {
			t.Fatal(err)
		}
		if v.Phone != "+77011234567" || v.Status != queue.VisitRequested || v.IIN != alice {
			t.Errorf("visit = %+v", v)
		}
		again, err := q.RequestHomeVisit(ctx, alice, in, "hv-1")
		if err != nil || again.ID != v.ID {
			t.Errorf("replay = %v, %v; want the first request", again.ID, err)
		}
		for field, bad := range map[string]queue.HomeVisit{
			"address": {Branch: "astana-esil", Address: "<script>alert(1)</script>", Phone: in.Phone, Reason: in.Reason, Service: in.Service},
			"reason":  {Branch: "astana-esil", Address: in.Address, Phone: in.Phone, Reason: " ", Service: in.Service},
			"phone":   {Branch: "astana-esil", Address: in.Address, Phone: "call me", Reason: in.Reason, Service: in.Service},
			"service": {Branch: "astana-esil", Address: in.Address, Phone: in.Phone, Reason: in.Reason, Service: "pizza"},
			"branch":  {Branch: "nowhere", Address: in.Address, Phone: in.Phone, Reason: in.Reason, Service: in.Service},
		} {
			_, err := q.RequestHomeVisit(ctx, alice, bad, "")
			code := apperr.Invalid
			if field == "branch" {
				code = apperr.NotFound
			}
			wantField(t, err, code, field)
		}
		list, err := q.HomeVisits(ctx, "astana-esil")
		if err != nil || len(list) != 1 || list[0].ID != v.ID {
			t.Fatalf("branch's visits = %+v, %v", list, err)
		}
		mine, _ := q.MyHomeVisits(ctx, person(t, 2))
		if len(mine) != 0 {
			t.Errorf("another person sees %d visits", len(mine))
		}
		var ce *casework.Error
		_, err = q.RequestHomeVisit(ctx, alice, queue.HomeVisit{}, "")
		if !errors.As(err, &ce) {
			t.Errorf("error type %T, want *casework.Error for the forms", err)
		}
	})
}

func ids(ts []queue.Ticket) string {
	s := ""
	for _, t := range ts {
		s += t.ID + ","
	}
	return s
}

func numbers(ts []queue.Ticket) []string {
	var out []string
	for _, t := range ts {
		out = append(out, t.Number)
	}
	return out
}
