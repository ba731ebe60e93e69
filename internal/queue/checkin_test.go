package queue_test

import (
	"context"
	"testing"

	"qyzmet/internal/apperr"
	"qyzmet/internal/queue"
	"qyzmet/internal/standard"
	"qyzmet/internal/store/storetest"
)

// The desk's check-in list: today's bookings at the branch not yet arrived,
// by slot; arriving, cancelling or booking elsewhere takes a ticket off it.
func TestBookedCheckInList_G_5(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		t.Parallel()
		q, clock := setup(t, e)
		ctx := context.Background()
		book := func(n, hour, min int, branch string) queue.Ticket {
			t.Helper()
			tk, err := q.Book(ctx, person(t, n), queue.Booking{Branch: branch, Start: at(monday, hour, min), Purpose: queue.PurposeSubmit,
				Service: standard.CriminalRecord})
			if err != nil {
				t.Fatal(err)
			}
			return tk
		}
		late, early, gone := book(1, 11, 0, "astana-esil"), book(2, 9, 30, "astana-esil"), book(3, 10, 0, "astana-esil")
		book(4, 9, 30, "almaty-almaly")
		tomorrow, err := q.Book(ctx, person(t, 5), queue.Booking{Branch: "astana-esil", Start: at(monday.AddDays(1), 9, 0), Purpose: queue.PurposeSubmit})
		if err != nil {
			t.Fatal(err)
		}
		if err := q.Cancel(ctx, person(t, 3), gone.ID); err != nil {
			t.Fatal(err)
		}
		list, err := q.Booked(ctx, "astana-esil", monday)
		if err != nil || ids(list) != ids([]queue.Ticket{early, late}) {
			t.Fatalf("booked = %v, %v; want %s then %s", numbers(list), err, early.Number, late.Number)
		}
		clock.Set(at(monday, 9, 20))
		if _, err := q.Arrive(ctx, "astana-esil", early.ID); err != nil {
			t.Fatal(err)
		}
		if list, _ = q.Booked(ctx, "astana-esil", monday); ids(list) != ids([]queue.Ticket{late}) {
			t.Errorf("after the arrival: %v, want %s", numbers(list), late.Number)
		}
		if list, _ = q.Booked(ctx, "astana-esil", monday.AddDays(1)); ids(list) != ids([]queue.Ticket{tomorrow}) {
			t.Errorf("tomorrow: %v", numbers(list))
		}
		_, err = q.Booked(ctx, "nowhere", monday)
		wantField(t, err, apperr.NotFound, "branch")
		if _, err := q.Ticket(ctx, "almaty-almaly", early.ID); apperr.CodeOf(err) != apperr.NotFound {
			t.Errorf("another branch's ticket = %v, want not found", err)
		}
		if got, err := q.Ticket(ctx, "astana-esil", early.ID); err != nil || got.ArrivedAt == nil {
			t.Errorf("ticket = %+v, %v", got, err)
		}
	})
}

// The ticket being served is finished with the application received from
// its holder (G-4: the service ends with the intake); only a called ticket
// of the branch.
func TestFinishWithApplication_G_4(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		t.Parallel()
		q, clock := setup(t, e)
		ctx := context.Background()
		clock.Set(at(monday, 9, 0))
		tk, _ := q.WalkIn(ctx, "astana-esil", queue.PurposeSubmit, "")
		wantField(t, q.FinishWith(ctx, "astana-esil", tk.ID, "app-1", "900517400015"), apperr.Invalid, "ticket")
		clock.Set(at(monday, 9, 5))
		if _, err := q.CallNext(ctx, "astana-esil", 1, "op"); err != nil {
			t.Fatal(err)
		}
		if err := q.FinishWith(ctx, "almaty-almaly", tk.ID, "app-1", "900517400015"); apperr.CodeOf(err) != apperr.NotFound {
			t.Errorf("another branch = %v, want not found", err)
		}
		clock.Set(at(monday, 9, 17))
		if err := q.FinishWith(ctx, "astana-esil", tk.ID, "app-1", "900517400015"); err != nil {
			t.Fatal(err)
		}
		got, _ := q.Ticket(ctx, "astana-esil", tk.ID)
		if got.ApplicationID != "app-1" || got.DoneAt == nil || !got.DoneAt.Equal(at(monday, 9, 17)) || got.IIN != "900517400015" {
			t.Errorf("ticket = %+v, want finished at 09:17 with app-1 and the holder's IIN", got)
		}
		if s, _ := q.Serving(ctx, "astana-esil"); len(s) != 0 {
			t.Errorf("still serving %v", numbers(s))
		}
		s, _ := q.Stats(ctx, "astana-esil", at(monday, 0, 0), at(monday.AddDays(1), 0, 0))
		if s.Served != 1 || s.MeanService != 12*60*1e9 {
			t.Errorf("stats = %+v, want one 12-minute service", s)
		}
	})
}

// A home visit is scheduled inside the State Corporation's hours, by a named
// operator, then done; a cancelled one says why (G-6).
func TestScheduleAndCloseHomeVisit_G_6(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		t.Parallel()
		q, _ := setup(t, e)
		ctx := context.Background()
		in := queue.HomeVisit{Branch: "astana-esil", Address: "Астана қ., Абай д-лы, 10, 5 пәтер", Phone: "+77011234567",
			Reason: "мүгедектігі бар", Service: standard.ArchivalCertificate}
		v, err := q.RequestHomeVisit(ctx, person(t, 1), in, "")
		if err != nil {
			t.Fatal(err)
		}
		by := queue.Staff{Login: "op.esil", Name: "Әлиева Д."}
		for _, bad := range []struct{ day, hour int }{{0, 7}, {0, 18}, {5, 10}} { // before opening, after closing, Saturday
			_, err := q.ScheduleHomeVisit(ctx, "astana-esil", v.ID, at(monday.AddDays(bad.day), bad.hour, 0), by)
			wantField(t, err, apperr.Invalid, "scheduled_for")
		}
		if _, err := q.ScheduleHomeVisit(ctx, "almaty-almaly", v.ID, at(monday, 15, 0), by); apperr.CodeOf(err) != apperr.NotFound {
			t.Errorf("another branch = %v, want not found", err)
		}
		_, err = q.CloseHomeVisit(ctx, "astana-esil", v.ID, queue.VisitDone, "", by)
		wantField(t, err, apperr.Invalid, "status")
		got, err := q.ScheduleHomeVisit(ctx, "astana-esil", v.ID, at(monday, 15, 0), by)
		if err != nil || got.Status != queue.VisitScheduled || !got.ScheduledFor.Equal(at(monday, 15, 0)) || got.OperatorName != "Әлиева Д." {
			t.Fatalf("scheduled = %+v, %v", got, err)
		}
		done, err := q.CloseHomeVisit(ctx, "astana-esil", v.ID, queue.VisitDone, "құжаттар қабылданды", queue.Staff{Login: "op.2", Name: "Серік Б."})
		if err != nil || done.Status != queue.VisitDone || done.Operator != "op.2" {
			t.Fatalf("done = %+v, %v", done, err)
		}
		if _, err := q.ScheduleHomeVisit(ctx, "astana-esil", v.ID, at(monday, 16, 0), by); apperr.CodeOf(err) != apperr.Invalid {
			t.Errorf("rescheduling a done visit = %v, want invalid", err)
		}
		list, _ := q.HomeVisits(ctx, "astana-esil")
		if len(list) != 1 || list[0].Status != queue.VisitDone || list[0].Note != "құжаттар қабылданды" || list[0].OperatorName != "Серік Б." {
			t.Errorf("stored = %+v", list)
		}

		other, _ := q.RequestHomeVisit(ctx, person(t, 2), in, "")
		_, err = q.CloseHomeVisit(ctx, "astana-esil", other.ID, queue.VisitCancelled, " ", by)
		wantField(t, err, apperr.Invalid, "note")
		_, err = q.CloseHomeVisit(ctx, "astana-esil", other.ID, queue.VisitCancelled, "<b>x</b>", by)
		wantField(t, err, apperr.Invalid, "note")
		_, err = q.CloseHomeVisit(ctx, "astana-esil", other.ID, "lost", "", by)
		wantField(t, err, apperr.Invalid, "status")
		if c, err := q.CloseHomeVisit(ctx, "astana-esil", other.ID, queue.VisitCancelled, "өтініш берушінің өзі бас тартты", by); err != nil || c.Status != queue.VisitCancelled {
			t.Errorf("cancel = %+v, %v", c, err)
		}
	})
}
