package casework

import (
	"testing"
	"time"

	"qyzmet/internal/calendar"
)

// TestHoldHearingNotBeforeReceipt_AP_6_4_G_3: a hearing cannot be held before
// the application's receipt moment — a guard for a hearing scheduled before
// schedule-hearing refused such times (TestHearingNotBeforeReceipt_AP_6_4_AR_6_2_G_3).
func TestHoldHearingNotBeforeReceipt_AP_6_4_G_3(t *testing.T) {
	now := time.Date(2026, 4, 11, 16, 0, 0, 0, calendar.Almaty) // Saturday
	early := now.Add(-time.Hour)
	c := &change{now: now, cmd: cmdHoldHearing, app: &Application{ReceivedAt: now.Add(17 * time.Hour), Hearing: &Hearing{At: &early}}}
	err := runHoldHearing(c, nil)
	if e, ok := err.(*Error); !ok || e.Rule != "G-3" || e.Field != "command" {
		t.Fatalf("error %v, want G-3 on the command", err)
	}
	if c.app.Hearing.HeldAt != nil {
		t.Error("the hearing was recorded as held")
	}
}
