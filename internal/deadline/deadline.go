// Package deadline computes when an application is received and when the service
// is due, and explains the computation rule by rule so that an applicant, an
// officer or a judge can follow it. It joins the working-day calendar with the
// service standards and knows nothing of storage or HTTP.
package deadline

import (
	"fmt"
	"time"

	"qyzmet/internal/calendar"
	"qyzmet/internal/i18n"
	"qyzmet/internal/standard"
)

// Request is one application as far as its deadline is concerned.
type Request struct {
	Service standard.ServiceID
	Channel standard.Channel
	// Class is the State Corporation department's class; for a portal request for a
	// paper certificate (travel abroad) it is the class of the branch chosen on the
	// portal (CR-STD-8.3).
	Class           standard.DepartmentClass
	TravelAbroad    bool
	AdditionalCheck bool
	// Path, when set, names the standard's path directly (a complaint's "forward"
	// or "quality-control"); otherwise the two flags above decide.
	Path      standard.Path
	Submitted time.Time
	// ProviderHours, when set, are the working hours of the body that receives and
	// decides; a complaint is handled on the hours of the provider it is about.
	ProviderHours *calendar.Schedule
}

// path is the standard's path this request takes.
func (r Request) path() standard.Path {
	switch {
	case r.Path != standard.PathStandard:
		return r.Path
	case r.AdditionalCheck:
		return standard.PathAdditionalCheck
	case r.TravelAbroad:
		return standard.PathTravelAbroad
	}
	return standard.PathStandard
}

// Note is one step of the explanation, with the rule behind it.
type Note struct {
	Rule string    `json:"rule,omitempty"`
	Text i18n.Text `json:"text"`
}

// Result is the computed receipt and deadline.
type Result struct {
	Request    Request
	Standard   *standard.Standard
	Rule       standard.DeadlineRule
	Received   time.Time     // the moment the application counts as received
	ReceivedOn calendar.Date // its civil date in Almaty
	Deadline   time.Time     // the moment the service is due
	DeadlineOn calendar.Date
	Skipped    []calendar.Day // non-working days passed over between receipt and deadline
	Notes      []Note
}

// Rules lists the rule IDs the computation applied, in the order applied, once each.
func (r Result) Rules() []string {
	seen := map[string]bool{}
	var ids []string
	for _, n := range r.Notes {
		if n.Rule != "" && !seen[n.Rule] {
			seen[n.Rule] = true
			ids = append(ids, n.Rule)
		}
	}
	return ids
}

// Calculator holds the calendar and the standards a deadline is computed under.
type Calculator struct {
	Calendar  *calendar.Calendar
	Standards *standard.Set
}

// Compute receives the request under the standard version in force on its
// submission date and computes its deadline.
func (c Calculator) Compute(req Request) (Result, error) {
	if req.Submitted.IsZero() {
		return Result{}, fmt.Errorf("the submission time is missing")
	}
	submitted := req.Submitted.In(calendar.Almaty)
	std, err := c.Standards.At(req.Service, calendar.DateOf(submitted))
	if err != nil {
		return Result{}, err
	}
	if !std.Offers(req.Channel) {
		return Result{}, fmt.Errorf("%s is not offered through the %s channel", req.Service, req.Channel)
	}
	rule, err := std.Deadline(req.Channel, req.Class, req.path())
	if err != nil {
		return Result{}, err
	}
	provider, providerRule, err := providerHours(std, req)
	if err != nil {
		return Result{}, err
	}
	res := Result{Request: req, Standard: std, Rule: rule}
	res.note("", i18n.Text{
		KK: fmt.Sprintf("Өтініш %s арнасы арқылы %s берілді.", req.Channel, stamp(submitted)),
		RU: fmt.Sprintf("Заявление подано %s через канал %s.", stamp(submitted), req.Channel),
		EN: fmt.Sprintf("Submitted %s through the %s channel.", stamp(submitted), req.Channel),
	})
	if err := c.receive(&res, std, provider, submitted); err != nil {
		return Result{}, err
	}

	if rule.Minutes > 0 {
		// Rule CR-STD-3.1: the automated answer is due minutes after receipt, not days.
		res.Deadline = res.Received.Add(time.Duration(rule.Minutes) * time.Minute)
		res.DeadlineOn = calendar.DateOf(res.Deadline)
		res.note(rule.Rule, i18n.Text{
			KK: fmt.Sprintf("Мерзім — қабылданғаннан кейін %d минут: %s.", rule.Minutes, stamp(res.Deadline)),
			RU: fmt.Sprintf("Срок — %d минут с момента приёма: %s.", rule.Minutes, stamp(res.Deadline)),
			EN: fmt.Sprintf("Deadline: %d minutes after receipt, %s.", rule.Minutes, stamp(res.Deadline)),
		})
		return res, nil
	}

	// Rule G-2: the day of receipt is not counted; the deadline is the N-th working
	// day after it (Rule G-1: working days per the Labour Code).
	res.note("G-2", i18n.Text{
		KK: "Құжаттар қабылданған күн мерзімге есептелмейді.",
		RU: "День приёма документов в срок не входит.",
		EN: "The day of receipt is not counted.",
	})
	res.DeadlineOn, res.Skipped = c.Calendar.AddWorkingDays(res.ReceivedOn, rule.WorkingDays)
	res.note(rule.Rule, i18n.Text{
		KK: fmt.Sprintf("Қызмет көрсету мерзімі — %d жұмыс күні.", rule.WorkingDays),
		RU: fmt.Sprintf("Срок оказания услуги — %d %s.", rule.WorkingDays, ruWorkingDays(rule.WorkingDays)),
		EN: fmt.Sprintf("The service takes %d working %s.", rule.WorkingDays, plural(rule.WorkingDays, "day", "days")),
	})
	for _, d := range res.Skipped {
		res.note("G-1", i18n.Text{
			KK: fmt.Sprintf("%s — жұмыс күні емес: %s.", d.Date, d.Reason(i18n.KK)),
			RU: fmt.Sprintf("%s — нерабочий день: %s.", d.Date, d.Reason(i18n.RU)),
			EN: fmt.Sprintf("%s is not a working day: %s.", d.Date, d.Reason(i18n.EN)),
		})
	}
	res.Deadline = provider.Closing(res.DeadlineOn)
	res.note(providerRule, i18n.Text{
		KK: fmt.Sprintf("Мерзімнің соңы — %s, көрсетілетін қызметті берушінің жұмыс күнінің соңы.", stamp(res.Deadline)),
		RU: fmt.Sprintf("Срок истекает %s — в конце рабочего дня услугодателя.", stamp(res.Deadline)),
		EN: fmt.Sprintf("Due %s, the provider's closing time that day.", stamp(res.Deadline)),
	})
	return res, nil
}

// receive decides when the application counts as received.
func (c Calculator) receive(res *Result, std *standard.Standard, provider calendar.Schedule, submitted time.Time) error {
	day := calendar.DateOf(submitted)
	switch res.Request.Channel {
	case standard.StateCorp, standard.ProviderOffice:
		// An office receives documents on the day they are handed in, so long as the
		// office works that day (AC-8: the State Corporation opens on Saturdays for
		// the court apostille; CR-STD-7: Monday to Friday for the others).
		office := standard.OfficeStateCorp
		if res.Request.Channel == standard.ProviderOffice {
			office = standard.OfficeProvider
		}
		sched, rule, err := std.Schedule(office)
		if err != nil {
			return err
		}
		if !sched.OpenOn(c.Calendar, day) {
			return fmt.Errorf("the office does not work on %s (%s): documents cannot be handed in that day", day, c.Calendar.Day(day).Reason(i18n.EN))
		}
		res.Received, res.ReceivedOn = submitted, day
		res.note(rule, i18n.Text{
			KK: fmt.Sprintf("Кеңсеге тапсырылған құжаттар сол күні қабылданады: %s.", day),
			RU: fmt.Sprintf("Документы, сданные в офис, принимаются в тот же день: %s.", day),
			EN: fmt.Sprintf("Documents handed in at an office are received that day: %s.", day),
		})
	default:
		// Rule G-3: the portal (and a consulate's request, which reaches the provider
		// by mail) is received within the provider's working hours: after closing
		// time or on a day off it is received on the next working day; before
		// opening on a working day it is received that day at opening.
		switch {
		case c.Calendar.IsWorkingDay(day) && submitted.Before(provider.Opening(day)):
			res.ReceivedOn = day
			res.Received = provider.Opening(day)
		case c.Calendar.IsWorkingDay(day) && submitted.Before(provider.Closing(day)):
			res.ReceivedOn = day
			res.Received = submitted
		default:
			res.ReceivedOn = c.Calendar.NextWorkingDay(day)
			res.Received = provider.Opening(res.ReceivedOn)
		}
		if res.ReceivedOn == day {
			res.note("G-3", i18n.Text{
				KK: fmt.Sprintf("Жұмыс күні берілген өтініш сол күні қабылданады: %s.", day),
				RU: fmt.Sprintf("Заявление, поданное в рабочий день, принимается в тот же день: %s.", day),
				EN: fmt.Sprintf("Made on a working day before the provider's closing time, so received that day: %s.", day),
			})
		} else {
			res.note("G-3", i18n.Text{
				KK: fmt.Sprintf("Жұмыс уақытынан тыс немесе демалыс күні берілген өтініш келесі жұмыс күні қабылданады: %s.", res.ReceivedOn),
				RU: fmt.Sprintf("Заявление, поданное после окончания рабочего времени или в выходной, принимается следующим рабочим днём: %s.", res.ReceivedOn),
				EN: fmt.Sprintf("Made after the provider's working hours or on a day off, so received on the next working day: %s.", res.ReceivedOn),
			})
		}
	}
	return nil
}

// officeHours is the working day of a state body under the Labour Code when a
// standard states none (the complaint procedure): Monday to Friday, 09:00–18:00.
var officeHours = calendar.Schedule{
	Days:  []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday},
	Open:  calendar.Clock{Hour: 9},
	Close: calendar.Clock{Hour: 18},
}

// providerHours are the hours the deadline's receipt and closing time follow.
func providerHours(std *standard.Standard, req Request) (calendar.Schedule, string, error) {
	if req.ProviderHours != nil {
		return *req.ProviderHours, "", nil
	}
	hours, rule, err := std.Schedule(standard.OfficeProvider)
	if err != nil && std.Kind == standard.KindComplaint {
		return officeHours, "G-1", nil
	}
	return hours, rule, err
}

func (r *Result) note(rule string, text i18n.Text) {
	r.Notes = append(r.Notes, Note{Rule: rule, Text: text})
}

// stamp formats a moment in Almaty time with its offset, which changed in 2024.
func stamp(t time.Time) string {
	return t.In(calendar.Almaty).Format("2006-01-02 15:04 (UTC-07:00)")
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// ruWorkingDays agrees "рабочий день" with n: 1 рабочий день, 3 рабочих дня, 5 рабочих дней.
func ruWorkingDays(n int) string {
	switch {
	case n%10 == 1 && n%100 != 11:
		return "рабочий день"
	case n%10 >= 2 && n%10 <= 4 && (n%100 < 12 || n%100 > 14):
		return "рабочих дня"
	}
	return "рабочих дней"
}
