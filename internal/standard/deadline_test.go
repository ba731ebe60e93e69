package standard

import (
	"errors"
	"fmt"
	"testing"

	"qyzmet/internal/calendar"
)

func TestDeadlines(t *testing.T) {
	set := mustDefault(t)
	tests := []struct {
		name    string
		service ServiceID
		channel Channel
		class   DepartmentClass
		path    Path
		days    int
		minutes int
		rule    string
	}{
		{"CR-STD-3.1 10 minutes at the State Corporation", CriminalRecord, StateCorp, Major, PathStandard, 0, 10, "CR-STD-3.1"},
		{"CR-STD-3.1 10 minutes at any department class", CriminalRecord, StateCorp, Other, PathStandard, 0, 10, "CR-STD-3.1"},
		{"CR-STD-3.1 10 minutes without a class", CriminalRecord, StateCorp, "", PathStandard, 0, 10, "CR-STD-3.1"},
		{"CR-STD-3.1 10 minutes on the portal", CriminalRecord, Portal, "", PathStandard, 0, 10, "CR-STD-3.1"},
		{"CR-STD-3.1 additional check 5 wd at the State Corporation", CriminalRecord, StateCorp, Other, PathAdditionalCheck, 5, 0, "CR-STD-3.1"},
		{"CR-STD-3.1 additional check 5 wd on the portal", CriminalRecord, Portal, "", PathAdditionalCheck, 5, 0, "CR-STD-3.1"},
		{"CR-STD-3.1 travel abroad major 5 wd", CriminalRecord, StateCorp, Major, PathTravelAbroad, 5, 0, "CR-STD-3.1"},
		{"CR-STD-3.1 travel abroad other 10 wd", CriminalRecord, StateCorp, Other, PathTravelAbroad, 10, 0, "CR-STD-3.1"},
		{"CR-STD-3.1 CR-STD-8.3 portal travel abroad, major branch chosen", CriminalRecord, Portal, Major, PathTravelAbroad, 5, 0, "CR-STD-3.1"},
		{"CR-STD-3.1 CR-STD-8.3 portal travel abroad, other branch chosen", CriminalRecord, Portal, Other, PathTravelAbroad, 10, 0, "CR-STD-3.1"},
		{"AP-STD-3 major 5 wd", ApostilleProsecution, StateCorp, Major, PathStandard, 5, 0, "AP-STD-3"},
		{"AP-STD-3 other 10 wd", ApostilleProsecution, StateCorp, Other, PathStandard, 10, 0, "AP-STD-3"},
		{"AR-STD-3 major 8 wd", ArchivalCertificate, StateCorp, Major, PathStandard, 8, 0, "AR-STD-3"},
		{"AR-STD-3 other 10 wd", ArchivalCertificate, StateCorp, Other, PathStandard, 10, 0, "AR-STD-3"},
		{"AR-STD-3 portal 8 wd", ArchivalCertificate, Portal, "", PathStandard, 8, 0, "AR-STD-3"},
		{"AR-STD-3 portal 8 wd whatever the class", ArchivalCertificate, Portal, Other, PathStandard, 8, 0, "AR-STD-3"},
		{"AC-4.1 portal 1 wd", ApostilleCourt, Portal, "", PathStandard, 1, 0, "AC-4.1"},
		{"AC-4.1 major 1 wd", ApostilleCourt, StateCorp, Major, PathStandard, 1, 0, "AC-4.1"},
		{"AC-4.1 other 5 wd", ApostilleCourt, StateCorp, Other, PathStandard, 5, 0, "AC-4.1"},
		{"AC-4.1 consulate 10 wd", ApostilleCourt, Consulate, "", PathStandard, 10, 0, "AC-4.1"},
		{"AC-4.1 DEAC office 1 wd (project decision)", ApostilleCourt, ProviderOffice, "", PathStandard, 1, 0, "AC-4.1"},
		{"CP-3 review 5 wd at the provider", Complaint, ProviderOffice, "", PathStandard, 5, 0, "CP-3"},
		{"CP-3 review 5 wd on the portal", Complaint, Portal, "", PathStandard, 5, 0, "CP-3"},
		{"CP-2 forward within 3 wd", Complaint, ProviderOffice, "", PathForward, 3, 0, "CP-2"},
		{"CP-4 quality-control body 15 wd", Complaint, Portal, "", PathQualityControl, 15, 0, "CP-4"},
		{"CP-5 complaint about State Corporation employees 5 wd", Complaint, StateCorp, "", PathStandard, 5, 0, "CP-3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			std := mustAt(t, set, tt.service, today)
			got, err := std.Deadline(tt.channel, tt.class, tt.path)
			if err != nil {
				t.Fatalf("Deadline(%s, %q, %q): %v", tt.channel, tt.class, tt.path, err)
			}
			if got.WorkingDays != tt.days || got.Minutes != tt.minutes || got.Rule != tt.rule {
				t.Errorf("Deadline(%s, %q, %q) = %d wd, %d min, %s; want %d wd, %d min, %s",
					tt.channel, tt.class, tt.path, got.WorkingDays, got.Minutes, got.Rule, tt.days, tt.minutes, tt.rule)
			}
		})
	}
}

// The complaint procedure of the 2019 court apostille text had no forwarding step.
func TestComplaintDeadlines2019(t *testing.T) {
	set := mustDefault(t)
	std := mustAt(t, set, Complaint, calendar.D(2021, 6, 1))
	for _, tt := range []struct {
		name string
		path Path
		days int
		rule string
	}{
		{"AC-19 review 5 wd", PathStandard, 5, "AC-19"},
		{"AC-21 quality-control body 15 wd", PathQualityControl, 15, "AC-21"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := std.Deadline(ProviderOffice, "", tt.path)
			if err != nil || got.WorkingDays != tt.days || got.Rule != tt.rule {
				t.Errorf("Deadline = %+v, %v; want %d wd under %s", got, err, tt.days, tt.rule)
			}
		})
	}
	if _, err := std.Deadline(ProviderOffice, "", PathForward); !errors.Is(err, ErrNoDeadline) {
		t.Errorf("2019 forward step: err = %v, want ErrNoDeadline", err)
	}
}

func TestDeadlineErrors(t *testing.T) {
	set := mustDefault(t)
	tests := []struct {
		name    string
		service ServiceID
		channel Channel
		class   DepartmentClass
		path    Path
		want    error
	}{
		{"AP-STD-2 no portal", ApostilleProsecution, Portal, "", PathStandard, ErrNotOffered},
		{"CR-STD-2 no provider office", CriminalRecord, ProviderOffice, "", PathStandard, ErrNotOffered},
		{"AP-STD-3 class required", ApostilleProsecution, StateCorp, "", PathStandard, ErrClassRequired},
		{"AR-STD-3 class required at the State Corporation", ArchivalCertificate, StateCorp, "", PathStandard, ErrClassRequired},
		{"AC-4.1 class required at the State Corporation", ApostilleCourt, StateCorp, "", PathStandard, ErrClassRequired},
		{"CR-STD-3.1 travel abroad needs the branch's class", CriminalRecord, Portal, "", PathTravelAbroad, ErrClassRequired},
		{"AR-STD-3 no additional-check path", ArchivalCertificate, StateCorp, Major, PathAdditionalCheck, ErrNoDeadline},
		{"bad class", CriminalRecord, StateCorp, "huge", PathStandard, ErrBadRequest},
		{"bad path", CriminalRecord, StateCorp, Major, "express", ErrBadRequest},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			std := mustAt(t, set, tt.service, today)
			got, err := std.Deadline(tt.channel, tt.class, tt.path)
			if !errors.Is(err, tt.want) {
				t.Fatalf("Deadline(%s, %q, %q) = %+v, %v; want %v", tt.channel, tt.class, tt.path, got, err, tt.want)
			}
			var e *Error
			if !errors.As(err, &e) || !e.Text.Complete() {
				t.Errorf("error %v is not worded in kk, ru and en", err)
			}
		})
	}
}

// Every deadline rule of every current standard is reached by some request, so
// no rule in the files is dead.
func TestEveryDeadlineRuleIsReachable(t *testing.T) {
	set := mustDefault(t)
	for _, id := range set.Services() {
		std := mustAt(t, set, id, today)
		for i, r := range std.Deadlines {
			chans := r.Channels
			if len(chans) == 0 {
				for _, c := range std.Channels {
					chans = append(chans, c.ID)
				}
			}
			for _, ch := range chans {
				got, err := std.Deadline(ch, r.Class, r.Path)
				if err != nil || fmt.Sprint(got) != fmt.Sprint(r) {
					t.Errorf("%s deadlines[%d] on %s: Deadline gave %+v, %v", id, i, ch, got, err)
				}
			}
		}
	}
}
