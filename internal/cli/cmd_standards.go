package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"qyzmet/internal/calendar"
	"qyzmet/internal/i18n"
	"qyzmet/internal/standard"
)

// runStandards lists the service standards in force on a date, or shows one in
// full with the rule ID behind every line:
//
//	qyzmet standards [--at DATE] [--lang kk|ru|en] [--json]
//	qyzmet standards show SERVICE [--at DATE] [--lang kk|ru|en] [--json]
func runStandards(ctx context.Context, args []string, env Env) int {
	fs := flag.NewFlagSet("standards", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	atFlag := fs.String("at", "", "date the standards must be in force on, YYYY-MM-DD (default: today in Almaty)")
	langFlag := fs.String("lang", "", "language of the output: kk, ru or en (default: $QYZMET_LANG or en)")
	asJSON := fs.Bool("json", false, "print JSON (every text in the three languages)")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: qyzmet standards [--at DATE] [--lang kk|ru|en] [--json]\n"+
			"       qyzmet standards show SERVICE [--at DATE] [--lang kk|ru|en] [--json]\n\n"+
			"List the service standards in force, or show one in full with the rule ID behind every line.")
		fs.PrintDefaults()
	}
	words, lang, code := parseArgs(fs, args, langFlag, env, "standards")
	if code >= 0 {
		return code
	}
	at := calendar.DateOf(time.Now())
	if *atFlag != "" {
		var err error
		if at, err = calendar.ParseDate(*atFlag); err != nil {
			fmt.Fprintln(env.Stderr, "qyzmet standards: --at:", err)
			return exitUsage
		}
	}
	show := len(words) == 2 && words[0] == "show"
	if len(words) != 0 && !show {
		fmt.Fprintf(env.Stderr, "qyzmet standards: unexpected arguments %q\n", words)
		fs.Usage()
		return exitUsage
	}
	set, err := standard.Default()
	if err != nil {
		fmt.Fprintln(env.Stderr, "qyzmet standards:", standard.Message(err, lang))
		return exitFailure
	}
	if show {
		std, err := set.At(standard.ServiceID(words[1]), at)
		if err != nil {
			fmt.Fprintln(env.Stderr, "qyzmet standards:", standard.Message(err, lang))
			return exitInvalid
		}
		if *asJSON {
			return printJSON(env, std)
		}
		p := &printer{w: env.Stdout, lang: lang}
		p.standard(set, std, at)
		return p.result(env)
	}
	var inForce []*standard.Standard
	for _, id := range set.Services() {
		if std, err := set.At(id, at); err == nil {
			inForce = append(inForce, std)
		}
	}
	if *asJSON {
		out := make([]summaryJSON, 0, len(inForce))
		for _, std := range inForce {
			out = append(out, summaryOf(std))
		}
		return printJSON(env, out)
	}
	p := &printer{w: env.Stdout, lang: lang}
	p.list(inForce, at)
	return p.result(env)
}

// summaryJSON is one line of the list in JSON.
type summaryJSON struct {
	Service       standard.ServiceID      `json:"service"`
	Version       string                  `json:"version"`
	EffectiveFrom calendar.Date           `json:"effective_from"`
	EffectiveTo   *calendar.Date          `json:"effective_to,omitempty"`
	Name          i18n.Text               `json:"name"`
	Channels      []standard.Channel      `json:"channels"`
	Deadlines     []standard.DeadlineRule `json:"deadlines"`
}

func summaryOf(std *standard.Standard) summaryJSON {
	s := summaryJSON{Service: std.Service, Version: std.Version, EffectiveFrom: std.EffectiveFrom,
		EffectiveTo: std.EffectiveTo, Name: std.Name, Deadlines: std.Deadlines}
	for _, c := range std.Channels {
		s.Channels = append(s.Channels, c.ID)
	}
	return s
}

// printer writes the text output; the first write error is kept and reported once.
type printer struct {
	w    io.Writer
	lang i18n.Lang
	err  error
}

func (p *printer) printf(format string, args ...any) {
	if p.err == nil {
		_, p.err = fmt.Fprintf(p.w, format, args...)
	}
}

func (p *printer) result(env Env) int {
	if p.err != nil {
		fmt.Fprintln(env.Stderr, "qyzmet standards:", p.err)
		return exitFailure
	}
	return exitOK
}

// t is a label in the printer's language.
func (p *printer) t(key string) string { return standardsLabels[key].In(p.lang) }

// line prints an indented line ending with its rule IDs.
func (p *printer) line(text string, rules ...string) {
	var ids []string
	for _, r := range rules {
		if r != "" {
			ids = append(ids, r)
		}
	}
	p.printf("  %s  [%s]\n", text, strings.Join(ids, ", "))
}

func (p *printer) section(key string) { p.printf("\n%s\n", p.t(key)) }

func (p *printer) list(stds []*standard.Standard, at calendar.Date) {
	p.printf("%s %s\n", p.t("in-force-on"), at)
	for _, std := range stds {
		p.printf("\n%s  %s %s  %s\n  %s\n", std.Service, p.t("version"), std.Version, p.period(std), std.Name.In(p.lang))
		var chans []string
		for _, c := range std.Channels {
			chans = append(chans, string(c.ID))
		}
		p.printf("  %s: %s\n", p.t("channels"), strings.Join(chans, ", "))
		var short []string
		for _, d := range std.Deadlines {
			short = append(short, fmt.Sprintf("%s: %s [%s]", p.deadlineCase(d, true), p.duration(d, true), d.Rule))
		}
		p.printf("  %s: %s\n", p.t("deadlines"), strings.Join(short, "; "))
	}
}

func (p *printer) period(std *standard.Standard) string {
	to := "…"
	if std.EffectiveTo != nil {
		to = std.EffectiveTo.String()
	}
	return fmt.Sprintf("%s – %s", std.EffectiveFrom, to)
}

// deadlineCase names the requests a deadline rule is for: channels, class, path.
func (p *printer) deadlineCase(d standard.DeadlineRule, short bool) string {
	var parts []string
	if len(d.Channels) == 0 {
		parts = append(parts, p.t("all-channels"))
	} else {
		var chans []string
		for _, c := range d.Channels {
			chans = append(chans, string(c))
		}
		parts = append(parts, strings.Join(chans, ", "))
	}
	if d.Class != "" {
		if short {
			parts = append(parts, string(d.Class))
		} else {
			parts = append(parts, d.Class.Name().In(p.lang))
		}
	}
	if d.Path != standard.PathStandard {
		if short {
			parts = append(parts, string(d.Path))
		} else {
			parts = append(parts, d.Path.Name().In(p.lang))
		}
	}
	return strings.Join(parts, " / ")
}

func (p *printer) duration(d standard.DeadlineRule, short bool) string {
	if d.Minutes > 0 {
		if short {
			return fmt.Sprintf("%d %s", d.Minutes, p.t("min"))
		}
		return p.count(d.Minutes, "minute")
	}
	if short {
		return fmt.Sprintf("%d %s", d.WorkingDays, p.t("wd"))
	}
	return p.count(d.WorkingDays, "working-day")
}

// count is n with its unit, in the plural form the language needs.
func (p *printer) count(n int, unit string) string {
	forms := unitForms[unit][p.lang]
	form := forms[2]
	switch p.lang {
	case i18n.EN:
		if n == 1 {
			form = forms[0]
		}
	case i18n.RU:
		switch {
		case n%100 >= 11 && n%100 <= 14:
		case n%10 == 1:
			form = forms[0]
		case n%10 >= 2 && n%10 <= 4:
			form = forms[1]
		}
	default: // Kazakh nouns after a number do not change
		form = forms[0]
	}
	return fmt.Sprintf("%d %s", n, form)
}

func (p *printer) standard(set *standard.Set, std *standard.Standard, at calendar.Date) {
	p.printf("%s\n%s: %s  %s: %s  %s: %s\n%s: %s\n",
		std.Name.In(p.lang), p.t("service"), std.Service, p.t("version"), std.Version,
		p.t("in-force"), p.period(std), p.t("act"), std.Act.In(p.lang))

	p.section("provider")
	name := std.Provider.Name.In(p.lang)
	if std.Provider.Website != "" {
		name += " (" + std.Provider.Website + ")"
	}
	p.line(name, std.Provider.Rule)
	if r := std.Recipients; r != nil {
		var kinds []string
		for _, k := range r.Kinds {
			kinds = append(kinds, k.Name().In(p.lang))
		}
		p.line(p.t("recipients")+": "+strings.Join(kinds, ", "), r.Rule)
	}
	if f := std.ServiceForm; f != nil {
		var media []string
		for _, m := range f.Media {
			media = append(media, m.Name().In(p.lang))
		}
		text := p.t("service-form") + ": " + strings.Join(media, ", ")
		if f.PartiallyAutomated {
			text += "; " + p.t("partially-automated")
		}
		if f.OneApplication {
			text += "; " + p.t("one-application")
		}
		p.line(text, f.Rule)
	}

	p.section("channels")
	for _, c := range std.Channels {
		p.line(fmt.Sprintf("%s — %s", c.ID, std.ChannelName(c.ID).In(p.lang)), c.Rule)
	}

	p.section("deadlines")
	for _, d := range std.Deadlines {
		p.line(fmt.Sprintf("%s: %s", p.deadlineCase(d, false), p.duration(d, false)), d.Rule)
	}
	if len(std.Steps) > 0 {
		p.section("steps")
		for _, st := range std.Steps {
			p.line(fmt.Sprintf("%s — %s: %s", st.ID, st.Name.In(p.lang), p.step(st)), st.Rule)
		}
	}
	if q := std.Queue; q != nil {
		p.section("queue")
		p.line(fmt.Sprintf(p.t("queue-text"), q.MaxWaitMinutes, q.MaxServiceMinutes), q.Rule)
	}
	p.fee(set, std, at)
	if len(std.Schedules) > 0 {
		p.section("schedules")
		for _, s := range std.Schedules {
			p.line(fmt.Sprintf("%s: %s", s.Office.Name().In(p.lang), p.hours(s.Hours)), s.Rule)
		}
	}
	p.documents(std)
	if len(std.Results) > 0 {
		p.section("results")
		for _, r := range std.Results {
			var media []string
			for _, m := range r.Media {
				media = append(media, m.Name().In(p.lang))
			}
			text := fmt.Sprintf("%s — %s (%s)", r.ID, r.Name.In(p.lang), strings.Join(media, ", "))
			if len(r.Paths) > 0 {
				text += " — " + p.pathList(r.Paths)
			}
			p.line(text, r.Rule)
		}
	}
	if len(std.Forms) > 0 {
		p.section("forms")
		for _, f := range std.Forms {
			text := fmt.Sprintf("%s — %s", f.ID, f.Name.In(p.lang))
			if f.Annex > 0 {
				text += fmt.Sprintf(" (%s %d)", p.t("annex"), f.Annex)
			}
			p.line(text, f.Rule)
		}
	}
	p.refusal(std)
	if s := std.Storage; s != nil {
		p.section("storage")
		p.line(fmt.Sprintf(p.t("storage-text"),
			p.count(s.StateCorpMonths, "month"), p.count(s.ProviderMonths, "month"),
			p.count(s.ReturnWorkingDays, "working-day"), p.count(s.NomenclatureAfterMonths, "month")), s.Rule, s.Source)
	}
	if len(std.Combinable) > 0 {
		p.section("combinable")
		for _, c := range std.Combinable {
			p.line(string(c.Service), c.Rule)
		}
	}
	if c := std.Complaints; c != nil {
		p.section("complaints")
		p.line(string(c.Service), c.Rule)
	}
	if len(std.Provisions) > 0 {
		p.section("provisions")
		for _, pr := range std.Provisions {
			p.line(pr.Text.In(p.lang), pr.Rule)
		}
	}
}

func (p *printer) pathList(paths []standard.Path) string {
	var names []string
	for _, path := range paths {
		names = append(names, path.Name().In(p.lang))
	}
	return strings.Join(names, ", ")
}

// step says when a step is due: so many working days after (or before) its anchor,
// at the latest or at the earliest.
func (p *printer) step(st standard.StepRule) string {
	anchor := p.t("anchor-" + st.Anchor)
	if anchor == "" {
		anchor = fmt.Sprintf(p.t("anchor-step"), st.Anchor)
	}
	var text string
	switch {
	case st.WorkingDays == 0:
		text = fmt.Sprintf(p.t("same-day"), anchor)
	case st.Before:
		text = fmt.Sprintf(p.t("before"), p.count(st.WorkingDays, "working-day"), anchor)
	default:
		text = fmt.Sprintf(p.t("after"), p.count(st.WorkingDays, "working-day"), anchor)
	}
	text += ", " + p.t("bound-"+string(st.Bound))
	if len(st.Paths) > 0 {
		text += " (" + p.pathList(st.Paths) + ")"
	}
	return text
}

func (p *printer) fee(set *standard.Set, std *standard.Standard, at calendar.Date) {
	f := std.Fee
	if f == nil {
		return
	}
	p.section("fee")
	if f.Free {
		p.line(p.t("free"), f.Rule)
		return
	}
	text := fmt.Sprintf(p.t("per-document"), f.MCIPerDocument)
	if q, err := set.Fee(std, at, 1); err == nil {
		text += fmt.Sprintf(p.t("amount-on"), at, q.Tiyn/100, q.Tiyn%100, q.MCI, q.MCIRef)
	}
	p.line(text, f.Rule)
	var payers, methods []string
	for _, r := range f.Payers {
		payers = append(payers, r.Name().In(p.lang))
	}
	for _, m := range f.PaymentMethods {
		methods = append(methods, m.Name().In(p.lang))
	}
	p.line(fmt.Sprintf("%s: %s; %s: %s", p.t("payers"), strings.Join(payers, ", "), p.t("paid-through"), strings.Join(methods, ", ")), f.Rule)
	if f.Basis != nil {
		p.line(p.t("basis")+": "+f.Basis.In(p.lang), f.Rule)
	}
	if b := f.Budget; b != nil {
		p.line(fmt.Sprintf("%s: %s; KBK %s; KNP %s; BIN %s; BIK %s; %s %s", p.t("budget"), b.Recipient.In(p.lang),
			b.KBK, strings.Join(b.KNP, ", "), b.BIN, b.BIK, p.t("account"), b.Account), b.Rule)
	}
}

var weekdayShort = map[i18n.Lang][7]string{
	i18n.KK: {"Жс", "Дс", "Сс", "Ср", "Бс", "Жм", "Сб"},
	i18n.RU: {"Вс", "Пн", "Вт", "Ср", "Чт", "Пт", "Сб"},
	i18n.EN: {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"},
}

func (p *printer) hours(s calendar.Schedule) string {
	if s.RoundTheClock {
		return p.t("round-the-clock")
	}
	names := weekdayShort[p.lang]
	days := ""
	consecutive := true
	for i := 1; i < len(s.Days); i++ {
		consecutive = consecutive && s.Days[i] == s.Days[i-1]+1
	}
	if consecutive && len(s.Days) > 2 {
		days = names[s.Days[0]] + "–" + names[s.Days[len(s.Days)-1]]
	} else {
		var list []string
		for _, d := range s.Days {
			list = append(list, names[d])
		}
		days = strings.Join(list, ", ")
	}
	text := fmt.Sprintf("%s %s–%s", days, s.Open, s.Close)
	if s.LunchFrom != nil && s.LunchTo != nil {
		text += fmt.Sprintf(", %s %s–%s", p.t("lunch"), s.LunchFrom, s.LunchTo)
	} else {
		text += ", " + p.t("no-lunch")
	}
	return text
}

func (p *printer) documents(std *standard.Standard) {
	if len(std.Documents) == 0 {
		return
	}
	p.section("documents")
	for _, c := range std.Channels {
		p.printf("  %s:\n", c.ID)
		for _, d := range std.Documents {
			if !slices.Contains(d.Channels, c.ID) {
				continue
			}
			text := fmt.Sprintf("%s — %s [%s]", d.ID, d.Name.In(p.lang), d.Kind.Name().In(p.lang))
			if d.DigitalAlternative {
				text += "; " + p.t("digital-alternative")
			}
			if len(d.Signatures) > 0 {
				var sigs []string
				for _, s := range d.Signatures {
					sigs = append(sigs, s.Name().In(p.lang))
				}
				text += "; " + p.t("signed-with") + ": " + strings.Join(sigs, ", ")
			}
			if len(d.When) > 0 {
				var conds []string
				for _, w := range d.When {
					conds = append(conds, w.Name().In(p.lang))
				}
				text += "; " + p.t("when") + ": " + strings.Join(conds, "; ")
			}
			p.printf("  ")
			p.line(text, d.Rule)
		}
	}
}

func (p *printer) refusal(std *standard.Standard) {
	r := std.Refusal
	if r == nil && std.IncompletePackage == nil {
		return
	}
	p.section("refusal")
	if r != nil {
		if !r.Allowed {
			p.line(p.t("never-refused"), r.Rule)
		}
		for _, g := range r.Grounds {
			p.line(p.t("ground")+": "+g.Name.In(p.lang), g.Rule)
		}
		if r.Allowed {
			if r.Hearing != nil && r.Hearing.Required {
				p.line(p.t("hearing-required"), r.Hearing.Rule)
			} else {
				p.line(p.t("no-hearing"), r.Rule)
			}
		}
	}
	if ip := std.IncompletePackage; ip != nil {
		form := ip.Form
		if f, ok := std.Form(ip.Form); ok {
			form = f.Name.In(p.lang)
		}
		p.line(fmt.Sprintf(p.t("incomplete-package"), form), ip.Rule)
	}
}

// unitForms holds each unit in the forms its language needs: English singular and
// plural; Russian after 1, after 2–4 and after 5 or more; Kazakh once.
var unitForms = map[string]map[i18n.Lang][3]string{
	"working-day": {
		i18n.EN: {"working day", "working days", "working days"},
		i18n.RU: {"рабочий день", "рабочих дня", "рабочих дней"},
		i18n.KK: {"жұмыс күні", "жұмыс күні", "жұмыс күні"},
	},
	"minute": {
		i18n.EN: {"minute", "minutes", "minutes"},
		i18n.RU: {"минута", "минуты", "минут"},
		i18n.KK: {"минут", "минут", "минут"},
	},
	"month": {
		i18n.EN: {"month", "months", "months"},
		i18n.RU: {"месяц", "месяца", "месяцев"},
		i18n.KK: {"ай", "ай", "ай"},
	},
}

var standardsLabels = map[string]i18n.Text{
	"in-force-on":         {KK: "Қолданыстағы стандарттар, күні:", RU: "Действующие стандарты на", EN: "Standards in force on"},
	"in-force":            {KK: "қолданылады", RU: "действует", EN: "in force"},
	"service":             {KK: "қызмет", RU: "услуга", EN: "service"},
	"version":             {KK: "нұсқа", RU: "редакция", EN: "version"},
	"act":                 {KK: "Акт", RU: "Акт", EN: "Act"},
	"channels":            {KK: "Арналар", RU: "Каналы", EN: "Channels"},
	"all-channels":        {KK: "барлық арналар", RU: "все каналы", EN: "all channels"},
	"deadlines":           {KK: "Мерзімдер", RU: "Сроки", EN: "Deadlines"},
	"wd":                  {KK: "ж.к.", RU: "р.д.", EN: "wd"},
	"min":                 {KK: "мин", RU: "мин", EN: "min"},
	"provider":            {KK: "Көрсетілетін қызметті беруші", RU: "Услугодатель", EN: "Provider"},
	"recipients":          {KK: "алушылар", RU: "получатели", EN: "recipients"},
	"service-form":        {KK: "көрсету нысаны", RU: "форма оказания", EN: "form of service"},
	"partially-automated": {KK: "ішінара автоматтандырылған", RU: "частично автоматизированная", EN: "partially automated"},
	"one-application":     {KK: "«бір өтініш» қағидаты бойынша", RU: "по принципу «одного заявления»", EN: "under the one-application principle"},
	"steps":               {KK: "Рәсім кезеңдерінің мерзімдері", RU: "Сроки этапов", EN: "Step deadlines"},
	"anchor-received":     {KK: "«құжаттарды қабылдау»", RU: "«приём документов»", EN: "«receipt»"},
	"anchor-registered":   {KK: "«шағымды тіркеу»", RU: "«регистрация жалобы»", EN: "«registration»"},
	"anchor-deadline":     {KK: "«мерзімнің аяқталуы»", RU: "«истечение срока»", EN: "«the deadline»"},
	"anchor-step":         {KK: "«%s» кезеңі", RU: "этап «%s»", EN: "step «%s»"},
	"same-day":            {KK: "%s күні", RU: "в день: %s", EN: "the same day as %s"},
	"after":               {KK: "%[2]s сәтінен бастап %[1]s", RU: "%s после: %s", EN: "%s after %s"},
	"before":              {KK: "%[2]s сәтіне дейін %[1]s бұрын", RU: "за %s до: %s", EN: "%s before %s"},
	"bound-latest":        {KK: "кешіктірмей", RU: "не позднее", EN: "at the latest"},
	"bound-earliest":      {KK: "ерте емес", RU: "не ранее", EN: "at the earliest"},
	"queue":               {KK: "Кезек", RU: "Очередь", EN: "Queue"},
	"queue-text": {KK: "күтудің ең ұзақ уақыты — %d минут, қызмет көрсетудің ең ұзақ уақыты — %d минут",
		RU: "ожидание — не более %d минут, обслуживание — не более %d минут",
		EN: "waiting at most %d minutes, service at most %d minutes"},
	"fee":          {KK: "Төлем", RU: "Плата", EN: "Fee"},
	"free":         {KK: "тегін", RU: "бесплатно", EN: "free of charge"},
	"per-document": {KK: "әрбір құжат үшін %g АЕК мемлекеттік баж", RU: "государственная пошлина %g МРП за каждый документ", EN: "state duty of %g MCI per document"},
	"amount-on": {KK: " (%s күні бір құжатқа %d.%02d теңге: АЕК %d теңге, %s)", RU: " (на %s — %d.%02d тенге за документ: МРП %d тенге, %s)",
		EN: " (on %s: %d.%02d tenge per document; MCI %d tenge, %s)"},
	"payers":              {KK: "төлеушілер", RU: "плательщики", EN: "payers"},
	"paid-through":        {KK: "төлеу тәсілі", RU: "способ оплаты", EN: "paid through"},
	"basis":               {KK: "негіз", RU: "основание", EN: "basis"},
	"budget":              {KK: "деректемелер", RU: "реквизиты", EN: "budget details"},
	"account":             {KK: "шот", RU: "счёт", EN: "account"},
	"schedules":           {KK: "Жұмыс кестесі", RU: "График работы", EN: "Working hours"},
	"round-the-clock":     {KK: "тәулік бойы (жөндеу жұмыстарынан басқа)", RU: "круглосуточно (кроме технических перерывов)", EN: "round the clock (except maintenance)"},
	"lunch":               {KK: "түскі үзіліс", RU: "обед", EN: "lunch"},
	"no-lunch":            {KK: "түскі үзіліссіз", RU: "без перерыва на обед", EN: "no lunch break"},
	"documents":           {KK: "Қажетті құжаттар", RU: "Необходимые документы", EN: "Required documents"},
	"digital-alternative": {KK: "не цифрлық құжаттар сервисінен электрондық құжат", RU: "или электронный документ из сервиса цифровых документов", EN: "or a document from the digital documents service"},
	"signed-with":         {KK: "куәландыру", RU: "удостоверяется", EN: "signed with"},
	"when":                {KK: "қашан", RU: "когда", EN: "when"},
	"results":             {KK: "Нәтижелер", RU: "Результаты", EN: "Results"},
	"forms":               {KK: "Нысандар", RU: "Формы", EN: "Forms"},
	"annex":               {KK: "қосымша", RU: "приложение", EN: "annex"},
	"refusal":             {KK: "Бас тарту", RU: "Отказ", EN: "Refusal"},
	"never-refused":       {KK: "бас тартуға негіз жоқ", RU: "оснований для отказа нет", EN: "never refused: there are no grounds for refusal"},
	"ground":              {KK: "негіз", RU: "основание", EN: "ground"},
	"hearing-required":    {KK: "бас тартар алдында тыңдау өткізіледі", RU: "перед отказом проводится заслушивание", EN: "a hearing precedes any refusal"},
	"no-hearing":          {KK: "стандартта тыңдау көзделмеген", RU: "заслушивание стандартом не предусмотрено", EN: "the standard provides no hearing"},
	"incomplete-package": {KK: "құжаттар толық болмаса, қабылдаудан бас тартылады: %s", RU: "при неполном пакете — отказ в приеме: %s",
		EN: "an incomplete package is refused acceptance: %s"},
	"storage": {KK: "Нәтижені сақтау", RU: "Хранение результата", EN: "Storage of the result"},
	"storage-text": {KK: "Мемлекеттік корпорацияда %s, кейін көрсетілетін қызметті берушіде %s; сұрау бойынша %s ішінде қайтарылады; %s өткен соң номенклатуралық іске тігіледі",
		RU: "хранится в Государственной корпорации %s, затем у услугодателя %s; по запросу возвращается за %s; через %s подшивается в номенклатурное дело",
		EN: "%s at the State Corporation, then %s at the provider; sent back within %s on request; filed in the nomenclature file after %s"},
	"combinable": {KK: "«Бір өтініш» бойынша бірге көрсетіледі", RU: "Оказывается вместе по «одному заявлению»", EN: "Combinable under one application"},
	"complaints": {KK: "Шағымдар", RU: "Жалобы", EN: "Complaints"},
	"provisions": {KK: "Өзге талаптар", RU: "Иные требования", EN: "Other provisions"},
}
