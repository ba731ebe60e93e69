package providerdesk_test

import (
	"fmt"
	"net/http"
	"testing"
	"time"

	"qyzmet/internal/calendar"
	"qyzmet/internal/casework"
	"qyzmet/internal/store/storetest"
)

// BenchmarkQueuePage measures the provider desk's work queue — the page an
// officer reloads all day — with n open applications on SQLite: the engine's
// listing, the clocks of every row, the rendering (docs/benchmarks.md).
func BenchmarkQueuePage(b *testing.B) {
	for _, n := range []int{100, 1000} {
		b.Run(fmt.Sprintf("open=%d", n), func(b *testing.B) {
			day := calendar.Default().NextWorkingDay(calendar.DateOf(time.Now()))
			clock := storetest.NewClock(time.Date(day.Year, day.Month, day.Day, 10, 0, 0, 0, calendar.Almaty))
			d := newDesk(b, clock)
			applicant := d.person(0)
			for range n {
				d.apostille(applicant)
			}
			c := d.staff("bench.officer", casework.RoleOfficer)
			for b.Loop() {
				if resp, body := c.Get("/desk/provider"); resp.StatusCode != http.StatusOK {
					b.Fatalf("queue: %d %s", resp.StatusCode, excerpt(body))
				}
			}
		})
	}
}
