package deadline

import (
	"strings"
	"testing"
	"time"

	"qyzmet/internal/calendar"
	"qyzmet/internal/i18n"
	"qyzmet/internal/standard"
)

func calculator(t *testing.T) Calculator {
	t.Helper()
	set, err := standard.Default()
	if err != nil {
		t.Fatal(err)
	}
	return Calculator{Calendar: calendar.Default(), Standards: set}
}

// at is a wall-clock time in Almaty.
func at(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", s, calendar.Almaty)
	if err != nil {
		panic(err)
	}
	return t
}

// TestDeadlineRules walks every deadline rule of every standard, and the receipt
// rules G-2 and G-3, through Compute. Each case names the rules it checks.
func TestDeadlineRules(t *testing.T) {
	c := calculator(t)
	tests := []struct {
		name       string
		req        Request
		receivedOn string
		deadline   string // RFC3339 in Almaty
	}{
		// CR: 10 minutes on both channels; 5 working days with an additional check;
		// travel abroad 5 (major) or 10 (other) working days.
		{"CR-STD-3.1 portal 10 minutes", Request{Service: "criminal-record", Channel: "portal", Submitted: at("2026-11-23 10:00")},
			"2026-11-23", "2026-11-23T10:10:00+05:00"},
		{"CR-STD-3.1 state-corp 10 minutes", Request{Service: "criminal-record", Channel: "state-corp", Submitted: at("2026-11-23 17:55")},
			"2026-11-23", "2026-11-23T18:05:00+05:00"},
		{"CR-STD-3.1 G-3 portal at night counts from the next working day's opening", Request{Service: "criminal-record", Channel: "portal", Submitted: at("2026-11-20 22:00")},
			"2026-11-23", "2026-11-23T09:10:00+05:00"},
		{"CR-STD-3.1 G-3 portal before opening is received that day", Request{Service: "criminal-record", Channel: "portal", Submitted: at("2026-11-23 07:30")},
			"2026-11-23", "2026-11-23T09:10:00+05:00"},
		{"CR-STD-3.1 additional check 5 working days", Request{Service: "criminal-record", Channel: "portal", AdditionalCheck: true, Submitted: at("2026-11-23 10:00")},
			"2026-11-23", "2026-11-30T18:30:00+05:00"},
		{"CR-STD-3.1 travel abroad major 5 working days", Request{Service: "criminal-record", Channel: "state-corp", Class: "major", TravelAbroad: true, Submitted: at("2026-11-23 10:00")},
			"2026-11-23", "2026-11-30T18:30:00+05:00"},
		{"CR-STD-3.1 travel abroad other 10 working days", Request{Service: "criminal-record", Channel: "state-corp", Class: "other", TravelAbroad: true, Submitted: at("2026-11-23 10:00")},
			"2026-11-23", "2026-12-07T18:30:00+05:00"},
		{"CR-STD-3.1 CR-STD-8.3 travel abroad on the portal takes the chosen branch's class", Request{Service: "criminal-record", Channel: "portal", Class: "other", TravelAbroad: true, Submitted: at("2026-11-23 10:00")},
			"2026-11-23", "2026-12-07T18:30:00+05:00"},
		// AP: State Corporation only, 5 (major) or 10 (other) working days.
		{"AP-STD-3 major 5 working days", Request{Service: "apostille-prosecution", Channel: "state-corp", Class: "major", Submitted: at("2026-11-23 10:00")},
			"2026-11-23", "2026-11-30T18:30:00+05:00"},
		{"AP-STD-3 other 10 working days across Independence Day", Request{Service: "apostille-prosecution", Channel: "state-corp", Class: "other", Submitted: at("2026-12-07 10:00")},
			"2026-12-07", "2026-12-22T18:30:00+05:00"},
		// AR: major and portal 8, other 10 working days.
		{"AR-STD-3 portal 8 working days", Request{Service: "archival-certificate", Channel: "portal", Submitted: at("2026-11-23 10:00")},
			"2026-11-23", "2026-12-03T18:30:00+05:00"},
		{"AR-STD-3 major 8 working days", Request{Service: "archival-certificate", Channel: "state-corp", Class: "major", Submitted: at("2026-11-23 10:00")},
			"2026-11-23", "2026-12-03T18:30:00+05:00"},
		{"AR-STD-3 other 10 working days", Request{Service: "archival-certificate", Channel: "state-corp", Class: "other", Submitted: at("2026-11-23 10:00")},
			"2026-11-23", "2026-12-07T18:30:00+05:00"},
		// AC: portal 1, major 1, other 5, consulate 10 working days.
		{"AC-4.1 G-2 G-3 portal across Nauryz (the issue's example)", Request{Service: "apostille-court", Channel: "portal", Submitted: at("2026-03-20 10:00")},
			"2026-03-20", "2026-03-26T17:30:00+05:00"},
		{"AC-4.1 major 1 working day", Request{Service: "apostille-court", Channel: "state-corp", Class: "major", Submitted: at("2026-11-23 19:30")},
			"2026-11-23", "2026-11-24T17:30:00+05:00"},
		{"AC-4.1 AC-8 State Corporation receives on a Saturday", Request{Service: "apostille-court", Channel: "state-corp", Class: "major", Submitted: at("2026-11-21 11:00")},
			"2026-11-21", "2026-11-23T17:30:00+05:00"},
		{"AC-4.1 other 5 working days", Request{Service: "apostille-court", Channel: "state-corp", Class: "other", Submitted: at("2026-11-23 10:00")},
			"2026-11-23", "2026-11-30T17:30:00+05:00"},
		{"AC-4.1 consulate 10 working days", Request{Service: "apostille-court", Channel: "consulate", Submitted: at("2026-11-23 10:00")},
			"2026-11-23", "2026-12-07T17:30:00+05:00"},
		{"AC-4.1 G-3 portal after the provider's 17:30 closing", Request{Service: "apostille-court", Channel: "portal", Submitted: at("2026-11-23 17:45")},
			"2026-11-24", "2026-11-25T17:30:00+05:00"},
		// Complaints: CP-3 5 working days, CP-2 3 to forward or satisfy, CP-4 15 at the quality-control body.
		{"CP-3 review in 5 working days", Request{Service: "complaint", Channel: "portal", Submitted: at("2026-11-23 10:00")},
			"2026-11-23", "2026-11-30T18:00:00+05:00"},
		{"CP-2 forward or satisfy in 3 working days", Request{Service: "complaint", Channel: "portal", Path: standard.PathForward, Submitted: at("2026-11-23 10:00")},
			"2026-11-23", "2026-11-26T18:00:00+05:00"},
		{"CP-4 quality-control body in 15 working days", Request{Service: "complaint", Channel: "portal", Path: standard.PathQualityControl, Submitted: at("2026-11-23 10:00")},
			"2026-11-23", "2026-12-14T18:00:00+05:00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := c.Compute(tt.req)
			if err != nil {
				t.Fatalf("Compute: %v", err)
			}
			if got := res.ReceivedOn.String(); got != tt.receivedOn {
				t.Errorf("received on %s, want %s", got, tt.receivedOn)
			}
			if got := res.Deadline.In(calendar.Almaty).Format(time.RFC3339); got != tt.deadline {
				t.Errorf("deadline %s, want %s", got, tt.deadline)
			}
			if res.DeadlineOn != calendar.DateOf(res.Deadline) {
				t.Errorf("DeadlineOn %s disagrees with Deadline %s", res.DeadlineOn, res.Deadline)
			}
			rule := strings.Fields(tt.name)[0]
			if !contains(res.Rules(), rule) {
				t.Errorf("rules %v do not name %s", res.Rules(), rule)
			}
		})
	}
}

// TestNauryzExplanation checks that the explanation names every skipped day with
// its reason (G-1) in each language, as the example asks.
func TestNauryzExplanationG1(t *testing.T) {
	res, err := calculator(t).Compute(Request{Service: "apostille-court", Channel: "portal", Submitted: at("2026-03-20 10:00")})
	if err != nil {
		t.Fatal(err)
	}
	var days []string
	for _, d := range res.Skipped {
		days = append(days, d.Date.String())
	}
	if got, want := strings.Join(days, " "), "2026-03-21 2026-03-22 2026-03-23 2026-03-24 2026-03-25"; got != want {
		t.Fatalf("skipped %s, want %s", got, want)
	}
	for _, l := range i18n.All {
		var text strings.Builder
		for _, n := range res.Notes {
			text.WriteString(n.Text.In(l) + "\n")
		}
		if !strings.Contains(text.String(), "2026-03-23") {
			t.Errorf("%s explanation does not name 2026-03-23:\n%s", l, text.String())
		}
	}
	en := ""
	for _, n := range res.Notes {
		en += n.Text.In(i18n.EN) + "\n"
	}
	if !strings.Contains(en, "2026-03-23 is not a working day: Nauryz") {
		t.Errorf("English explanation lacks the Nauryz day:\n%s", en)
	}
	for _, want := range []string{"G-2", "G-3", "AC-4.1", "G-1"} {
		if !contains(res.Rules(), want) {
			t.Errorf("rules %v lack %s", res.Rules(), want)
		}
	}
}

// TestTimeZoneChangeG1: the same wall-clock submission before and after 1 March
// 2024 carries the offset in force (UTC+6, then UTC+5).
func TestTimeZoneChangeG1(t *testing.T) {
	c := calculator(t)
	for _, tt := range []struct{ at, want string }{
		{"2024-02-27 10:00", "2024-02-27T10:10:00+06:00"},
		{"2024-03-04 10:00", "2024-03-04T10:10:00+05:00"},
	} {
		res, err := c.Compute(Request{Service: "criminal-record", Channel: "portal", Submitted: at(tt.at)})
		if err != nil {
			t.Fatal(err)
		}
		if got := res.Deadline.In(calendar.Almaty).Format(time.RFC3339); got != tt.want {
			t.Errorf("%s: deadline %s, want %s", tt.at, got, tt.want)
		}
	}
}

func TestComputeRejects(t *testing.T) {
	c := calculator(t)
	tests := []struct {
		name string
		req  Request
		want string
	}{
		{"AP-STD-2 no portal for the prosecution apostille", Request{Service: "apostille-prosecution", Channel: "portal", Submitted: at("2026-11-23 10:00")}, "not offered"},
		{"AP-STD-3 class needed", Request{Service: "apostille-prosecution", Channel: "state-corp", Submitted: at("2026-11-23 10:00")}, "class"},
		{"CR-STD-7 State Corporation closed on Sunday", Request{Service: "criminal-record", Channel: "state-corp", Submitted: at("2026-11-22 10:00")}, "does not work"},
		{"unknown service", Request{Service: "passport", Channel: "portal", Submitted: at("2026-11-23 10:00")}, ""},
		{"no time", Request{Service: "criminal-record", Channel: "portal"}, "missing"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := c.Compute(tt.req)
			if err == nil {
				t.Fatal("Compute accepted it")
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not mention %q", err, tt.want)
			}
		})
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestRussianAgreement(t *testing.T) {
	for n, want := range map[int]string{1: "рабочий день", 3: "рабочих дня", 5: "рабочих дней", 11: "рабочих дней", 21: "рабочий день", 22: "рабочих дня", 12: "рабочих дней"} {
		if got := ruWorkingDays(n); got != want {
			t.Errorf("ruWorkingDays(%d) = %q, want %q", n, got, want)
		}
	}
}
