package web

import (
	"fmt"
	"net/http"
	"slices"

	"qyzmet/internal/auth"
	"qyzmet/internal/calendar"
	"qyzmet/internal/i18n"
	"qyzmet/internal/standard"
	"qyzmet/internal/web/ui"
)

// serviceCard is one service of the catalogue as a citizen reads it.
type serviceCard struct {
	ID        standard.ServiceID
	Name      string
	Provider  string
	Version   string
	Channels  []string
	Deadlines []deadlineLine
	Fee       string
	FeeRule   string
	// Gives are the results the service gives; Bring the documents to
	// bring on paper; Where the offices that receive applicants.
	Gives []string
	Bring []string
	Where []string
	// Apply is set when the service is given on the portal: the citizen
	// applies at /apply/{service}.
	Apply         bool
	ApplyCombined bool // only together with another service
	Complaint     bool
}

type deadlineLine struct {
	Text string
	Rule string
}

// standardsPage lists the standards in force today: what each service gives, how
// long it takes on each channel and what it costs.
func (s *Server) standardsPage(w http.ResponseWriter, r *http.Request) {
	lang := ui.RequestLang(w, r)
	today := calendar.DateOf(s.Now())
	// Staff cannot apply as themselves: the forms are the citizens'.
	sess, signedIn := auth.FromContext(r.Context())
	staff := signedIn && sess.Principal.Kind == auth.KindStaff
	// One law for the whole page, even if an administrator changes it meanwhile.
	set := s.standards()
	var cards []serviceCard
	for _, id := range set.Services() {
		std, err := set.At(id, today)
		if err != nil {
			continue // not in force today
		}
		c := card(set, std, today, lang)
		c.Apply = c.Apply && !staff
		cards = append(cards, c)
	}
	s.render(w, r, http.StatusOK, "standards", lang, "standards.title",
		map[string]any{"Cards": cards, "Today": today.String()})
}

// standardPage shows one standard in full, each line with its rule ID.
func (s *Server) standardPage(w http.ResponseWriter, r *http.Request) {
	lang := ui.RequestLang(w, r)
	today := calendar.DateOf(s.Now())
	set := s.standards()
	std, err := set.At(standard.ServiceID(r.PathValue("service")), today)
	if err != nil {
		s.views.NotFound(w, r)
		return
	}
	s.views.Render(w, r, http.StatusOK, "standard", lang, std.Name.In(lang),
		map[string]any{"Card": card(set, std, today, lang), "Std": std, "Today": today.String()})
}

func card(set *standard.Set, std *standard.Standard, today calendar.Date, lang i18n.Lang) serviceCard {
	c := serviceCard{
		ID: std.Service, Name: std.Name.In(lang), Provider: std.Provider.Name.In(lang), Version: std.Version,
	}
	c.Complaint = std.Kind == standard.KindComplaint
	for _, ch := range std.Channels {
		c.Channels = append(c.Channels, std.ChannelName(ch.ID).In(lang))
		if ch.ID == standard.Portal && !c.Complaint {
			c.Apply = true
		}
		if ch.ID != standard.Portal {
			c.Where = append(c.Where, std.ChannelName(ch.ID).In(lang))
		}
	}
	// A service not given on the portal alone may still be asked for there
	// together with another one (AP-STD-10: the apostille of the certificate
	// with the certificate); /apply/{service} explains how.
	if !c.Apply && !c.Complaint && len(std.Combinable) > 0 {
		c.Apply, c.ApplyCombined = true, true
	}
	for _, res := range std.Results {
		if !slices.Contains(c.Gives, res.Name.In(lang)) {
			c.Gives = append(c.Gives, res.Name.In(lang))
		}
	}
	for _, d := range std.Documents {
		if d.Kind == standard.KindDocument && len(d.When) == 0 {
			c.Bring = append(c.Bring, d.Name.In(lang))
		}
	}
	for _, d := range std.Deadlines {
		c.Deadlines = append(c.Deadlines, deadlineLine{Text: describeDeadline(std, d, lang), Rule: d.Rule})
	}
	if std.Fee != nil {
		c.FeeRule = std.Fee.Rule
		if q, err := set.Fee(std, today, 1); err == nil {
			if q.Free {
				c.Fee = msg("fee.free", lang)
			} else {
				c.Fee = fmt.Sprintf("%g %s = %s ₸", std.Fee.MCIPerDocument, msg("fee.mci", lang), tenge(q.Tiyn))
			}
		}
	}
	return c
}

// describeDeadline says a deadline rule in words: "portal, State Corporation: 10 minutes".
func describeDeadline(std *standard.Standard, d standard.DeadlineRule, lang i18n.Lang) string {
	var where string
	chs := d.Channels
	if len(chs) == 0 {
		for _, ch := range std.Channels {
			chs = append(chs, ch.ID)
		}
	}
	for i, ch := range chs {
		if i > 0 {
			where += ", "
		}
		where += shortChannel(ch, lang)
	}
	if d.Class != "" {
		where += " (" + shortClasses[d.Class].In(lang) + ")"
	}
	if d.Path != standard.PathStandard {
		where += " — " + d.Path.Name().In(lang)
	}
	if d.Minutes > 0 {
		return fmt.Sprintf("%s: %d %s", where, d.Minutes, msg("unit.minutes", lang))
	}
	return fmt.Sprintf("%s: %d %s", where, d.WorkingDays, msg("unit.workingdays", lang))
}

var shortChannels = map[standard.Channel]i18n.Text{
	standard.Portal:         {KK: "портал", RU: "портал", EN: "portal"},
	standard.StateCorp:      {KK: "Мемлекеттік корпорация", RU: "Госкорпорация", EN: "State Corporation"},
	standard.ProviderOffice: {KK: "көрсетілетін қызметті беруші кеңсесі", RU: "канцелярия услугодателя", EN: "provider's office"},
	standard.Consulate:      {KK: "шетелдегі мекемелер", RU: "загранучреждения", EN: "consulates"},
}

var shortClasses = map[standard.DepartmentClass]i18n.Text{
	standard.Major: {KK: "ірі бөлім", RU: "крупный отдел", EN: "major department"},
	standard.Other: {KK: "басқа бөлім", RU: "другой отдел", EN: "other department"},
}

func shortChannel(ch standard.Channel, lang i18n.Lang) string {
	if t, ok := shortChannels[ch]; ok {
		return t.In(lang)
	}
	return string(ch)
}

// tenge formats an amount in tiyn as tenge with a thin-space thousands separator.
func tenge(tiyn int64) string {
	whole, frac := tiyn/100, tiyn%100
	s := fmt.Sprint(whole)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "\u202f" + s[i:]
	}
	if frac != 0 {
		s += fmt.Sprintf(",%02d", frac)
	}
	return s
}
