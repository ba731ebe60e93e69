package cli

import (
	"context"
	"flag"
	"fmt"
	"time"

	"qyzmet/internal/deadline"
	"qyzmet/internal/i18n"
	"qyzmet/internal/standard"
)

func runDeadline(ctx context.Context, args []string, env Env) int {
	fs := flag.NewFlagSet("deadline", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	service := fs.String("service", "", "service: criminal-record, apostille-prosecution, archival-certificate, apostille-court, complaint")
	channel := fs.String("channel", "", "channel: portal, state-corp, provider-office, consulate")
	department := fs.String("department", "", "State Corporation department class: major or other")
	travel := fs.Bool("travel-abroad", false, "paper certificate for travel abroad (CR-STD-3.1)")
	additional := fs.Bool("additional-check", false, "an additional reference check is needed (CR-STD-3.1)")
	path := fs.String("path", "", "a standard's other path by name, e.g. forward or quality-control for a complaint")
	submitted := fs.String("submitted", "", "submission time, RFC3339 (2026-03-20T10:00:00+05:00)")
	langFlag := fs.String("lang", "", "language of the explanation: kk, ru or en (default: $QYZMET_LANG or en)")
	asJSON := fs.Bool("json", false, "print JSON")
	dataDir := fs.String("data", "./data", "data directory (an administrator's calendar.yaml there extends the calendar)")
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	lang, err := cliLang(*langFlag, env)
	if err != nil {
		fmt.Fprintln(env.Stderr, "qyzmet deadline:", err)
		return exitUsage
	}
	if *service == "" || *channel == "" || *submitted == "" {
		fmt.Fprintln(env.Stderr, "qyzmet deadline: --service, --channel and --submitted are required")
		fs.Usage()
		return exitUsage
	}
	at, err := time.Parse(time.RFC3339, *submitted)
	if err != nil {
		fmt.Fprintf(env.Stderr, "qyzmet deadline: --submitted %q is not an RFC3339 time such as 2026-03-20T10:00:00+05:00\n", *submitted)
		return exitUsage
	}
	cal, err := loadCalendar(*dataDir)
	if err != nil {
		fmt.Fprintln(env.Stderr, "qyzmet deadline:", err)
		return exitFailure
	}
	set, err := standard.Default()
	if err != nil {
		fmt.Fprintln(env.Stderr, "qyzmet deadline:", err)
		return exitFailure
	}
	calc := deadline.Calculator{Calendar: cal, Standards: set}
	res, err := calc.Compute(deadline.Request{
		Service:         standard.ServiceID(*service),
		Channel:         standard.Channel(*channel),
		Class:           standard.DepartmentClass(*department),
		TravelAbroad:    *travel,
		AdditionalCheck: *additional,
		Path:            standard.Path(*path),
		Submitted:       at,
	})
	if err != nil {
		fmt.Fprintln(env.Stderr, "qyzmet deadline:", err)
		return exitInvalid
	}
	if *asJSON {
		return printJSON(env, deadlineJSON(res, lang))
	}
	labels := map[i18n.Lang][3]string{
		i18n.KK: {"Қабылданды", "Мерзімі", "Түсініктеме"},
		i18n.RU: {"Принято", "Срок", "Пояснение"},
		i18n.EN: {"Received", "Deadline", "Explanation"},
	}[lang]
	fmt.Fprintf(env.Stdout, "%s: %s\n%s: %s (%s)\n%s:\n", labels[0], res.ReceivedOn, labels[1], res.DeadlineOn,
		res.Deadline.Format(time.RFC3339), labels[2])
	for _, n := range res.Notes {
		if n.Rule != "" {
			fmt.Fprintf(env.Stdout, "  - %s [%s]\n", n.Text.In(lang), n.Rule)
		} else {
			fmt.Fprintf(env.Stdout, "  - %s\n", n.Text.In(lang))
		}
	}
	return exitOK
}

type deadlineOut struct {
	Service     string        `json:"service"`
	Channel     string        `json:"channel"`
	Department  string        `json:"department,omitempty"`
	Path        string        `json:"path,omitempty"`
	Submitted   string        `json:"submitted"`
	Received    string        `json:"received"`
	ReceivedOn  string        `json:"received_on"`
	Deadline    string        `json:"deadline"`
	DeadlineOn  string        `json:"deadline_on"`
	WorkingDays int           `json:"working_days,omitempty"`
	Minutes     int           `json:"minutes,omitempty"`
	Standard    string        `json:"standard_version"`
	Rules       []string      `json:"rules"`
	Skipped     []skippedOut  `json:"skipped"`
	Explanation []noteOutJSON `json:"explanation"`
}

type skippedOut struct {
	Date   string `json:"date"`
	Reason string `json:"reason"`
}

type noteOutJSON struct {
	Rule string `json:"rule,omitempty"`
	Text string `json:"text"`
}

func deadlineJSON(res deadline.Result, lang i18n.Lang) deadlineOut {
	out := deadlineOut{
		Service:     string(res.Request.Service),
		Channel:     string(res.Request.Channel),
		Department:  string(res.Request.Class),
		Path:        string(res.Rule.Path),
		Submitted:   res.Request.Submitted.Format(time.RFC3339),
		Received:    res.Received.Format(time.RFC3339),
		ReceivedOn:  res.ReceivedOn.String(),
		Deadline:    res.Deadline.Format(time.RFC3339),
		DeadlineOn:  res.DeadlineOn.String(),
		WorkingDays: res.Rule.WorkingDays,
		Minutes:     res.Rule.Minutes,
		Standard:    res.Standard.Version,
		Rules:       res.Rules(),
		Skipped:     []skippedOut{},
	}
	for _, d := range res.Skipped {
		out.Skipped = append(out.Skipped, skippedOut{Date: d.Date.String(), Reason: d.Reason(lang)})
	}
	for _, n := range res.Notes {
		out.Explanation = append(out.Explanation, noteOutJSON{Rule: n.Rule, Text: n.Text.In(lang)})
	}
	return out
}
