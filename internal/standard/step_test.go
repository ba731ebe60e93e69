package standard

import (
	"slices"
	"testing"

	"qyzmet/internal/calendar"
)

func TestSteps(t *testing.T) {
	set := mustDefault(t)
	tests := []struct {
		name    string
		service ServiceID
		at      calendar.Date
		id      string
		days    int
		anchor  string
		before  bool
		bound   StepBound
		rule    string
	}{
		{"CR-STD-3.4 interim reply within 4 wd", CriminalRecord, today, "interim-reply", 4, AnchorReceived, false, BoundLatest, "CR-STD-3.4"},
		{"CR-STD-3.4 re-apply after 20 wd", CriminalRecord, today, "reapply-after", 20, AnchorReceived, false, BoundEarliest, "CR-STD-3.4"},
		{"AP-6.1 registration the same day", ApostilleProsecution, today, "register", 0, AnchorReceived, false, BoundLatest, "AP-6.1"},
		{"AP-6.2 check within 3 wd", ApostilleProsecution, today, "check", 3, AnchorReceived, false, BoundLatest, "AP-6.2"},
		{"AP-6.3 result within 1 wd of the check", ApostilleProsecution, today, "draw-up", 1, "check", false, BoundLatest, "AP-6.3"},
		{"AP-6.4 hearing notice at least 3 wd before the deadline", ApostilleProsecution, today, "hearing-notice", 3, AnchorDeadline, true, BoundLatest, "AP-6.4"},
		{"AP-6.4 hearing within 2 wd of the notice", ApostilleProsecution, today, "hearing", 2, "hearing-notice", false, BoundLatest, "AP-6.4"},
		{"AP-6.5 delivery one day before the deadline", ApostilleProsecution, today, "delivery", 1, AnchorDeadline, true, BoundLatest, "AP-6.5"},
		{"AR-6.2 notice within 2 wd of receipt", ArchivalCertificate, today, "hearing-notice-from-receipt", 2, AnchorReceived, false, BoundLatest, "AR-6.2"},
		{"AR-6.2 hearing notice at least 3 wd before the deadline", ArchivalCertificate, today, "hearing-notice", 3, AnchorDeadline, true, BoundLatest, "AR-6.2"},
		{"AR-6.2 hearing within 2 wd of the notice", ArchivalCertificate, today, "hearing", 2, "hearing-notice", false, BoundLatest, "AR-6.2"},
		{"AR-6.3 search within 8 wd", ArchivalCertificate, today, "search", 8, AnchorReceived, false, BoundLatest, "AR-6.3"},
		{"AR-6.4 forming within 1 wd of finding", ArchivalCertificate, today, "draw-up", 1, "search", false, BoundLatest, "AR-6.4"},
		{"AR-6.6 delivery one day before the deadline", ArchivalCertificate, today, "delivery", 1, AnchorDeadline, true, BoundLatest, "AR-6.6"},
		{"CP-2 forward or satisfy within 3 wd", Complaint, today, "forward-or-satisfy", 3, AnchorReceived, false, BoundLatest, "CP-2"},
		{"CP-3 review within 5 wd of registration", Complaint, today, "review", 5, AnchorRegistered, false, BoundLatest, "CP-3"},
		{"CP-4 quality-control body within 15 wd", Complaint, today, "review-quality-body", 15, AnchorRegistered, false, BoundLatest, "CP-4"},
		{"AC-19 review within 5 wd (2019)", Complaint, calendar.D(2021, 6, 1), "review", 5, AnchorRegistered, false, BoundLatest, "AC-19"},
		{"AC-21 quality-control body within 15 wd (2019)", Complaint, calendar.D(2021, 6, 1), "review-quality-body", 15, AnchorRegistered, false, BoundLatest, "AC-21"},
	}
	covered := map[*Standard][]string{}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			std := mustAt(t, set, tt.service, tt.at)
			covered[std] = append(covered[std], tt.id)
			st, ok := std.Step(tt.id)
			if !ok {
				t.Fatalf("%s has no step %q", tt.service, tt.id)
			}
			if st.WorkingDays != tt.days || st.Anchor != tt.anchor || st.Before != tt.before || st.Bound != tt.bound || st.Rule != tt.rule {
				t.Errorf("Step(%q) = %d wd from %s (before %v, %s) under %s; want %d wd from %s (before %v, %s) under %s",
					tt.id, st.WorkingDays, st.Anchor, st.Before, st.Bound, st.Rule, tt.days, tt.anchor, tt.before, tt.bound, tt.rule)
			}
			if !st.Name.Complete() {
				t.Errorf("step %q has no name in all three languages", tt.id)
			}
		})
	}
	// The table must name every step of every version, so a step added to a file
	// without a test fails here.
	for _, id := range set.Services() {
		for _, std := range set.Versions(id) {
			for _, st := range std.Steps {
				if !slices.Contains(covered[std], st.ID) {
					t.Errorf("%s %s: step %q is not in the table", id, std.Version, st.ID)
				}
			}
		}
	}
	// AC-15-1: the court apostille's hearing has no time limits (decision 14).
	ac := mustAt(t, set, ApostilleCourt, today)
	for _, id := range []string{"hearing-notice", "hearing"} {
		if _, ok := ac.Step(id); ok {
			t.Errorf("the court apostille text sets no hearing time limit, yet has the step %q", id)
		}
	}
}

func TestStepsLimitedToPaths(t *testing.T) {
	std := mustAt(t, mustDefault(t), CriminalRecord, today)
	for _, id := range []string{"interim-reply", "reapply-after"} {
		st, _ := std.Step(id)
		if !slices.Equal(st.Paths, []Path{PathAdditionalCheck}) {
			t.Errorf("CR-STD-3.4 %s: paths = %v, want only the additional check", id, st.Paths)
		}
	}
}
