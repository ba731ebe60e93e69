package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"regexp"
	"strings"
	"testing"
)

func runStandardsWith(vars map[string]string, args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	env := Env{Stdout: &out, Stderr: &errb, Getenv: func(k string) string { return vars[k] }}
	code = runStandards(context.Background(), args, env)
	return code, out.String(), errb.String()
}

func TestStandardsCommand(t *testing.T) {
	tests := []struct {
		name   string
		vars   map[string]string
		args   []string
		code   int
		stdout []string
		absent []string // substrings that must not be on stdout
		stderr []string
	}{
		{name: "list in force in 2026", args: []string{"--at", "2026-03-20"}, code: exitOK,
			stdout: []string{"Standards in force on 2026-03-20", "criminal-record  version 2022-1  2022-01-24 – …",
				"apostille-prosecution", "archival-certificate", "apostille-court  version 2019-2", "complaint  version 2022-1",
				"state-corp, portal: 10 min [CR-STD-3.1]",
				"all channels / additional-check: 5 wd [CR-STD-3.1]", "all channels / major / travel-abroad: 5 wd [CR-STD-3.1]"}},
		{name: "list in 2020: only the court apostille and the 2019 complaint procedure", args: []string{"--at", "2020-06-01"}, code: exitOK,
			stdout: []string{"apostille-court", "complaint  version 2019-1  2019-11-02 – 2022-01-23"},
			absent: []string{"criminal-record", "apostille-prosecution"}},
		{name: "list in Russian", args: []string{"--at", "2026-03-20", "--lang", "ru"}, code: exitOK,
			stdout: []string{"Действующие стандарты на", "Выдача справки о наличии либо отсутствии судимости", "р.д."}},
		{name: "list in Kazakh from QYZMET_LANG", vars: map[string]string{"QYZMET_LANG": "kk"}, args: []string{"--at", "2026-03-20"}, code: exitOK,
			stdout: []string{"Соттылықтың болуы не болмауы туралы анықтама беру"}},
		{name: "CR-STD-3.1 CR-STD-9 show criminal record", args: []string{"show", "criminal-record", "--at", "2026-03-20"}, code: exitOK,
			stdout: []string{"service: criminal-record", "state-corp, portal: 10 minutes  [CR-STD-3.1]",
				"all channels / additional reference check: 5 working days  [CR-STD-3.1]",
				"interim-reply", "4 working days after «receipt», at the latest (additional reference check)  [CR-STD-3.4]",
				"20 working days after «receipt», at the earliest", "never refused", "[CR-STD-9]",
				"State Corporation: Mon–Fri 09:00–18:00, no lunch break  [CR-STD-7]", "[G-7, CR-STD-5.4]",
				"when: a representative acts for the applicant  [CR-STD-8.1]", "apostille-prosecution  [CR-STD-10]", "free of charge  [CR-STD-6]"}},
		{name: "AC-8 AC-7 show court apostille in Kazakh", args: []string{"show", "apostille-court", "--at", "2026-03-20", "--lang", "kk"}, code: exitOK,
			stdout: []string{"Сот органдарынан шығатын ресми құжаттарға апостиль қою", "Дс–Сб 09:00–20:00", "[AC-8]",
				"2162.50 теңге", "[AC-7]", "consulate: 10 жұмыс күні  [AC-4.1]", "[AC-15]"}},
		{name: "AP-STD-6 fee in 2022 at the payments MCI", args: []string{"show", "apostille-prosecution", "--at", "2022-06-01"}, code: exitOK,
			stdout: []string{"state duty of 0.5 MCI per document (on 2022-06-01: 1531.50 tenge per document; MCI 3063 tenge", "KBK 108125",
				"hearing-notice", "3 working days before «the deadline», at the latest  [AP-6.4]", "a hearing precedes any refusal  [AP-6.4]"}},
		{name: "flags before the subcommand", args: []string{"--lang", "ru", "show", "archival-certificate", "--at", "2026-03-20"}, code: exitOK,
			stdout: []string{"search", "8 рабочих дней после", "[AR-6.3]", "за 1 рабочий день до"}},
		{name: "unknown service", args: []string{"show", "passport", "--at", "2026-03-20"}, code: exitInvalid,
			stderr: []string{`unknown service "passport"`, "criminal-record"}},
		{name: "not in force on the date", args: []string{"show", "criminal-record", "--at", "2021-01-01", "--lang", "ru"}, code: exitInvalid,
			stderr: []string{"нет действующей редакции"}},
		{name: "bad date", args: []string{"--at", "2026-02-30"}, code: exitUsage, stderr: []string{"YYYY-MM-DD"}},
		{name: "bad language", args: []string{"--lang", "de"}, code: exitUsage, stderr: []string{"unknown language"}},
		{name: "stray argument", args: []string{"list"}, code: exitUsage, stderr: []string{"unexpected arguments"}},
		{name: "show without a service", args: []string{"show"}, code: exitUsage, stderr: []string{"usage: qyzmet standards"}},
		{name: "help", args: []string{"-h"}, code: exitOK, stderr: []string{"usage: qyzmet standards"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runStandardsWith(tt.vars, tt.args...)
			if code != tt.code {
				t.Fatalf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", code, tt.code, stdout, stderr)
			}
			for _, s := range tt.stdout {
				if !strings.Contains(stdout, s) {
					t.Errorf("stdout lacks %q:\n%s", s, stdout)
				}
			}
			for _, s := range tt.absent {
				if strings.Contains(stdout, s) {
					t.Errorf("stdout has %q:\n%s", s, stdout)
				}
			}
			for _, s := range tt.stderr {
				if !strings.Contains(stderr, s) {
					t.Errorf("stderr lacks %q:\n%s", s, stderr)
				}
			}
		})
	}
}

// Every line of a standard shown in full ends with the rule IDs behind it; only
// headings and the channel groups of the document list carry none.
func TestStandardsShowCitesEveryLine(t *testing.T) {
	ruled := regexp.MustCompile(`  \[[A-Z]+(-[A-Z]+)*-[A-Z]?[0-9]+([.-][0-9]+)*(, [A-Z]+(-[A-Z]+)*-[A-Z]?[0-9]+([.-][0-9]+)*)*\]$`)
	group := regexp.MustCompile(`^  [a-z-]+:$`)
	for _, service := range []string{"criminal-record", "apostille-prosecution", "archival-certificate", "apostille-court", "complaint"} {
		for _, lang := range []string{"kk", "ru", "en"} {
			code, stdout, stderr := runStandardsWith(nil, "show", service, "--at", "2026-03-20", "--lang", lang)
			if code != exitOK {
				t.Fatalf("%s %s: exit %d: %s", service, lang, code, stderr)
			}
			lines := 0
			for _, l := range strings.Split(stdout, "\n") {
				if !strings.HasPrefix(l, "  ") || group.MatchString(l) {
					continue
				}
				lines++
				if !ruled.MatchString(l) {
					t.Errorf("%s %s: line without rule ID: %q", service, lang, l)
				}
			}
			if lines < 5 {
				t.Errorf("%s %s: only %d lines:\n%s", service, lang, lines, stdout)
			}
		}
	}
}

func TestStandardsJSON(t *testing.T) {
	code, stdout, stderr := runStandardsWith(nil, "show", "apostille-court", "--at", "2026-03-20", "--json")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var std struct {
		Service   string `json:"service"`
		Version   string `json:"version"`
		Deadlines []struct {
			Channels    []string `json:"channels"`
			WorkingDays int      `json:"working_days"`
			Rule        string   `json:"rule"`
		} `json:"deadlines"`
		Schedules []struct {
			Office string `json:"office"`
			Hours  struct {
				Days  []string `json:"days"`
				Close string   `json:"close"`
			} `json:"hours"`
		} `json:"schedules"`
		Name map[string]string `json:"name"`
	}
	if err := json.Unmarshal([]byte(stdout), &std); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, stdout)
	}
	if std.Service != "apostille-court" || std.Version != "2019-2" || len(std.Deadlines) != 5 || std.Name["kk"] == "" {
		t.Errorf("JSON %+v", std)
	}
	if s := std.Schedules[1]; s.Office != "state-corp" || len(s.Hours.Days) != 6 || s.Hours.Close != "20:00" {
		t.Errorf("AC-8 State Corporation schedule in JSON: %+v", s)
	}

	code, stdout, _ = runStandardsWith(nil, "--at", "2026-03-20", "--json")
	var list []struct {
		Service  string   `json:"service"`
		Channels []string `json:"channels"`
	}
	if code != exitOK || json.Unmarshal([]byte(stdout), &list) != nil || len(list) != 5 || list[0].Service != "criminal-record" {
		t.Errorf("list JSON: exit %d, %s", code, stdout)
	}
}
