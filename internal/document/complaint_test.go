package document

import (
	"strings"
	"testing"

	"qyzmet/internal/i18n"
)

// TestComplaintReply_CP_7_AC_19: the motivated reply states the outcome and
// its reasons, and where to go next — the quality-control body (CP-4, AC-20)
// unless it was that body that replied, then the court (CP-6).
func TestComplaintReply_CP_7_AC_19(t *testing.T) {
	t.Run("CP-7 a reply without reasons is not motivated", func(t *testing.T) {
		d := sampleComplaintReply()
		d.Reasons = i18n.Text{}
		invalid(t, CPComplaintReply, d, "Reasons")
	})
	t.Run("CP-7 the outcome is one the engine knows", func(t *testing.T) {
		d := sampleComplaintReply()
		d.Outcome = "maybe"
		invalid(t, CPComplaintReply, d, "Outcome")
	})
	t.Run("CP-4 CP-6 the further appeal depends on who replied", func(t *testing.T) {
		d := sampleComplaintReply()
		d.Outcome, d.ByQualityBody = "rejected", true
		got := text(t, "reply", render(t, CPComplaintReply, d, SampleMeta(CPComplaintReply)))
		for _, want := range []string{"Жалоба признана необоснованной", "обратиться в суд"} {
			if !strings.Contains(got, want) {
				t.Errorf("the reply of the quality-control body lacks %q:\n%s", want, got)
			}
		}
		if strings.Contains(got, "15 (пятнадцати) рабочих дней") {
			t.Error("the quality-control body sends the complainant to itself")
		}
	})
}

// TestCourtHearingNotice_AC_15_1: the court apostille's notice may set the
// hearing after the 1-day deadline (docs/standards.md decision 14); AP-6.4
// keeps its hearing before the deadline.
func TestCourtHearingNotice_AC_15_1(t *testing.T) {
	d := sampleHearingNoticeAC()
	d.Deadline = d.ReceivedOn.AddDays(1)
	got := text(t, "ac-notice", render(t, ACHearingNotice, d, SampleMeta(ACHearingNotice)))
	if !strings.Contains(got, "24.03.2026, 15:00") {
		t.Errorf("the notice lacks the hearing:\n%s", got)
	}
	ap := sampleHearingNoticeAP()
	ap.Deadline = ap.ReceivedOn.AddDays(1)
	invalid(t, APHearingNotice, ap, "HearingAt")
}
