package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func run(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = Main(context.Background(), args, Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb})
	return code, out.String(), errb.String()
}

// TestDeadlineCommandAC41 is the acceptance example: a court apostille on
// the portal on Friday 20 March 2026 is received that day and due on 26 March,
// Nauryz and its carried-over days skipped (AC-4.1, G-1, G-2, G-3).
func TestDeadlineCommandAC41(t *testing.T) {
	code, out, errs := run(t, "deadline", "--service", "apostille-court", "--channel", "portal",
		"--submitted", "2026-03-20T10:00:00+05:00", "--json", "--data", t.TempDir())
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var got struct {
		ReceivedOn string   `json:"received_on"`
		DeadlineOn string   `json:"deadline_on"`
		Deadline   string   `json:"deadline"`
		Rules      []string `json:"rules"`
		Skipped    []struct{ Date, Reason string }
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if got.ReceivedOn != "2026-03-20" || got.DeadlineOn != "2026-03-26" || got.Deadline != "2026-03-26T17:30:00+05:00" {
		t.Errorf("received %s, due %s (%s); want 2026-03-20, 2026-03-26 (2026-03-26T17:30:00+05:00)", got.ReceivedOn, got.DeadlineOn, got.Deadline)
	}
	if len(got.Skipped) != 5 || got.Skipped[2].Date != "2026-03-23" || got.Skipped[2].Reason != "Nauryz" {
		t.Errorf("skipped = %+v", got.Skipped)
	}
	if strings.Join(got.Rules, " ") != "G-3 G-2 AC-4.1 G-1 AC-8" {
		t.Errorf("rules = %v", got.Rules)
	}
}

func TestDeadlineCommandForAPersonInRussian(t *testing.T) {
	code, out, _ := run(t, "deadline", "--service", "criminal-record", "--channel", "state-corp", "--department", "other",
		"--travel-abroad", "--submitted", "2026-11-23T10:00:00+05:00", "--lang", "ru", "--data", t.TempDir())
	if code != exitOK || !strings.Contains(out, "Срок: 2026-12-07") || !strings.Contains(out, "[CR-STD-3.1]") {
		t.Errorf("exit %d:\n%s", code, out)
	}
}

// TestDeadlineCommandAdministratorTransfer: a transfer of a day off that an
// administrator adds in DATA/calendar.yaml moves the deadline without a release.
func TestDeadlineCommandAdministratorTransferG1(t *testing.T) {
	dir := t.TempDir()
	yaml := "transfers:\n  - off: 2026-11-24\n    worked: 2026-11-28\n    source: test order\n"
	if err := os.WriteFile(filepath.Join(dir, "calendar.yaml"), []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	args := []string{"deadline", "--service", "apostille-court", "--channel", "portal", "--submitted", "2026-11-23T10:00:00+05:00", "--json"}
	_, before, _ := run(t, append(args, "--data", t.TempDir())...)
	code, after, errs := run(t, append(args, "--data", dir)...)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(before, `"deadline_on": "2026-11-24"`) || !strings.Contains(after, `"deadline_on": "2026-11-25"`) {
		t.Errorf("before:\n%s\nafter:\n%s", before, after)
	}
}

func TestDeadlineCommandBadInput(t *testing.T) {
	for _, args := range [][]string{
		{"deadline"},
		{"deadline", "--service", "apostille-court", "--channel", "portal", "--submitted", "yesterday"},
		{"deadline", "--service", "apostille-court", "--channel", "portal", "--submitted", "2026-03-20T10:00:00+05:00", "--lang", "de"},
	} {
		if code, _, errs := run(t, args...); code != exitUsage || errs == "" {
			t.Errorf("%v: exit %d, stderr %q; want a usage error", args, code, errs)
		}
	}
	code, _, errs := run(t, "deadline", "--service", "apostille-prosecution", "--channel", "portal", "--submitted", "2026-03-20T10:00:00+05:00", "--data", t.TempDir())
	if code != exitInvalid || !strings.Contains(errs, "portal") {
		t.Errorf("AP-STD-2 on the portal: exit %d, %q", code, errs)
	}
}
