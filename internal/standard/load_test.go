package standard

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"qyzmet/internal/calendar"
	"qyzmet/internal/i18n"
)

func TestLoadRealFiles(t *testing.T) {
	set, err := Load(realFS(t))
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	want := []ServiceID{CriminalRecord, ApostilleProsecution, ArchivalCertificate, ApostilleCourt, Complaint}
	got := set.Services()
	if strings.Join(toStrings(got), ",") != strings.Join(toStrings(want), ",") {
		t.Errorf("Services() = %v, want %v", got, want)
	}
}

func toStrings[T ~string](list []T) []string {
	out := make([]string, len(list))
	for i, v := range list {
		out[i] = string(v)
	}
	return out
}

// Each variant changes one real file in one way; Load must reject it and say
// where and why.
func TestLoadRejects(t *testing.T) {
	tests := []struct {
		name     string
		file     string
		old, new string
		want     string // in the English message
	}{
		{"unknown top-level field", "criminal-record.yaml",
			"kind: service\n", "kind: service\nexpress: true\n", "field express not found"},
		{"unknown nested field", "apostille-court.yaml",
			"    working_days: 10\n    rule: AC-4.1", "    working_days: 10\n    hours: 3\n    rule: AC-4.1", "field hours not found"},
		{"unknown field in a schedule", "criminal-record.yaml",
			`hours: {days: [mon, tue, wed, thu, fri], open: "09:00", close: "18:00"}`,
			`hours: {days: [mon, tue, wed, thu, fri], open: "09:00", close: "18:00", siesta: true}`, `no field "siesta"`},
		{"unknown rule ID", "criminal-record.yaml",
			"minutes: 10\n    rule: CR-STD-3.1", "minutes: 10\n    rule: CR-STD-3.9", `rule "CR-STD-3.9" is not defined in DIGEST.md`},
		{"unknown source rule ID", "apostille-prosecution.yaml",
			"source: AP-STD-5", "source: AP-STD-55", `rule "AP-STD-55" is not defined in DIGEST.md`},
		{"missing rule ID", "archival-certificate.yaml",
			"  website: www.pravstat.prokuror.kz\n  rule: AR-4\n", "  website: www.pravstat.prokuror.kz\n", "provider.rule: no rule ID given"},
		{"unknown condition", "apostille-court.yaml",
			"when: [name-changed-not-registered]", "when: [name-changed]", `unknown value "name-changed"`},
		{"unknown channel", "criminal-record.yaml",
			"  - id: portal\n    rule: CR-STD-2", "  - id: telegram\n    rule: CR-STD-2", `unknown value "telegram"`},
		{"deadline on a channel not offered", "apostille-prosecution.yaml",
			"  - channels: [state-corp]\n    class: other", "  - channels: [portal]\n    class: other", `channel "portal" is not among the standard's channels`},
		{"channel without a deadline for every class", "apostille-prosecution.yaml",
			"  - channels: [state-corp]\n    class: other\n    working_days: 10\n    rule: AP-STD-3\n", "", `channel "state-corp", path "" has no deadline`},
		{"two rules for one case", "archival-certificate.yaml",
			"  - channels: [state-corp]\n    class: other", "  - channels: [state-corp]\n    class: major", `class "major" has 2 rules`},
		{"days and minutes at once", "criminal-record.yaml",
			"    minutes: 10\n", "    minutes: 10\n    working_days: 1\n", "give exactly one of working_days or minutes"},
		{"missing translation", "criminal-record.yaml",
			"  en: Issue of a certificate of presence or absence of a criminal record\n", "", "name: the text needs all three languages"},
		{"unknown step anchor", "archival-certificate.yaml",
			"anchor: search", "anchor: found", `unknown value "found"`},
		{"reference to a missing form", "apostille-court.yaml",
			"  form: refusal-receipt", "  form: refusal-slip", `no form "refusal-slip"`},
		{"refusal grounds for a service that never refuses", "criminal-record.yaml",
			"  allowed: false\n", "  allowed: false\n  grounds: [{id: x, name: {kk: a, ru: b, en: c}, rule: CR-STD-9}]\n", "a service that never refuses"},
		{"AP-6.4 hearing steps without a required hearing", "apostille-prosecution.yaml",
			"  hearing:\n    required: true\n    rule: AP-6.4\n", "", `steps[3]: the step "hearing-notice" needs refusal.hearing.required: true`},
		{"combination that is not mutual", "archival-certificate.yaml",
			"combinable:\n  - service: apostille-prosecution\n    rule: AR-STD-10\n", "", "apostille-prosecution.yaml (2022-1): combinable: apostille-prosecution combines with archival-certificate but no version of archival-certificate lists apostille-prosecution"},
		{"overlapping versions", "complaint.yaml",
			"effective_to: 2022-01-23", "effective_to: 2022-01-24", "does not end before it"},
		{"file named after another service", "complaint.yaml",
			"service: complaint\nkind: complaint\nversion: \"2019-1\"", "service: complaints\nkind: complaint\nversion: \"2019-1\"", `named for "complaint"`},
		{"MCI values out of order", "mci.yaml",
			"  - from: 2017-01-01", "  - from: 2015-06-01", "must come after the previous value"},
		{"paid service before the MCI table", "apostille-court.yaml",
			"effective_from: 2019-11-02", "effective_from: 2014-06-01", "fee: the MCI table has no value for 2014-06-01"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := realFS(t)
			edit(t, m, tt.file, tt.old, tt.new)
			set, err := Load(m)
			if err == nil {
				t.Fatalf("Load accepted the variant (%d services)", len(set.Services()))
			}
			if !errors.Is(err, ErrInvalid) {
				t.Errorf("err = %v, want ErrInvalid", err)
			}
			if msg := err.Error(); !strings.Contains(msg, tt.want) {
				t.Errorf("error %q does not say %q", msg, tt.want)
			}
			for _, l := range i18n.All {
				if Message(err, l) == "" {
					t.Errorf("no %s message", l)
				}
			}
		})
	}
}

func TestLoadNeedsDigest(t *testing.T) {
	m := realFS(t)
	delete(m, "DIGEST.md")
	if _, err := Load(m); !errors.Is(err, ErrInvalid) {
		t.Errorf("Load without DIGEST.md: err = %v, want ErrInvalid", err)
	}
	m = realFS(t)
	delete(m, "mci.yaml")
	if _, err := Load(m); err == nil || !strings.Contains(err.Error(), "MCI table is missing") {
		t.Errorf("Load without mci.yaml: err = %v", err)
	}
}

// A second version of CR replaces the first from 1 July 2027: applications are
// processed under the version in force on their date.
func TestVersionSelectionByDate(t *testing.T) {
	m := realFS(t)
	cr := string(m["criminal-record.yaml"].Data)
	v2 := strings.Replace(cr, `version: "2022-1"`, `version: "2027-1"`, 1)
	v2 = strings.Replace(v2, "effective_from: 2022-01-24", "effective_from: 2027-07-01", 1)
	v2 = strings.Replace(v2, "    minutes: 10\n", "    minutes: 5\n", 1)
	v1 := strings.Replace(cr, "effective_from: 2022-01-24", "effective_from: 2022-01-24\neffective_to: 2027-06-30", 1)
	m["criminal-record.yaml"] = &fstest.MapFile{Data: []byte(v1 + "\n---\n" + v2)}
	set, err := Load(m)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		date    calendar.Date
		version string
		minutes int
	}{
		{calendar.D(2022, 1, 24), "2022-1", 10},
		{calendar.D(2027, 6, 30), "2022-1", 10},
		{calendar.D(2027, 7, 1), "2027-1", 5},
		{calendar.D(2030, 1, 1), "2027-1", 5},
	}
	for _, tt := range tests {
		std, err := set.At(CriminalRecord, tt.date)
		if err != nil {
			t.Fatalf("At(%s): %v", tt.date, err)
		}
		r, _ := std.Deadline(Portal, "", PathStandard)
		if std.Version != tt.version || r.Minutes != tt.minutes {
			t.Errorf("At(%s) = version %s, %d minutes; want %s, %d", tt.date, std.Version, r.Minutes, tt.version, tt.minutes)
		}
	}
	if _, err := set.At(CriminalRecord, calendar.D(2022, 1, 23)); !errors.Is(err, ErrNotInForce) {
		t.Errorf("At before the first version: err = %v, want ErrNotInForce", err)
	}
	if vs := set.Versions(CriminalRecord); len(vs) != 2 || vs[0].Version != "2022-1" || vs[1].Version != "2027-1" {
		t.Errorf("Versions = %v", vs)
	}
}

func TestVersionsOfTheRealComplaintStandard(t *testing.T) {
	set := mustDefault(t)
	tests := []struct {
		date    calendar.Date
		version string
	}{
		{calendar.D(2019, 11, 2), "2019-1"},
		{calendar.D(2022, 1, 23), "2019-1"},
		{calendar.D(2022, 1, 24), "2022-1"},
		{today, "2022-1"},
	}
	for _, tt := range tests {
		std, err := set.At(Complaint, tt.date)
		if err != nil || std.Version != tt.version {
			t.Errorf("At(complaint, %s) = %v, %v; want version %s", tt.date, std, err, tt.version)
		}
	}
	if _, err := set.At(Complaint, calendar.D(2019, 11, 1)); !errors.Is(err, ErrNotInForce) {
		t.Errorf("before 2 November 2019: err = %v, want ErrNotInForce", err)
	}
	if _, err := set.At("passport", today); !errors.Is(err, ErrUnknownService) {
		t.Errorf("unknown service: err = %v, want ErrUnknownService", err)
	}
}

func TestEffectiveDates(t *testing.T) {
	set := mustDefault(t)
	for id, want := range map[ServiceID]calendar.Date{
		CriminalRecord:       calendar.D(2022, 1, 24),
		ApostilleProsecution: calendar.D(2022, 1, 24),
		ArchivalCertificate:  calendar.D(2022, 1, 24),
		ApostilleCourt:       calendar.D(2019, 11, 2),
	} {
		vs := set.Versions(id)
		if len(vs) != 1 || vs[0].EffectiveFrom != want || vs[0].EffectiveTo != nil {
			t.Errorf("%s: versions %v; want one, open-ended, from %s", id, vs, want)
		}
	}
}
