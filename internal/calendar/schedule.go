package calendar

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// Clock is a wall-clock time of day, "09:00".
type Clock struct{ Hour, Min int }

// ParseClock reads "HH:MM" (two digits each, 00:00 to 23:59).
func ParseClock(s string) (Clock, error) {
	t, err := time.Parse("15:04", s)
	if err != nil || len(s) != 5 {
		return Clock{}, errorf("",
			"уақыт %q: СС:ММ пішімі керек (мысалы, 09:00)",
			"время %q: нужен формат ЧЧ:ММ (например, 09:00)",
			"time %q: want HH:MM (e.g. 09:00)", s)
	}
	return Clock{t.Hour(), t.Minute()}, nil
}

func (c Clock) String() string { return fmt.Sprintf("%02d:%02d", c.Hour, c.Min) }

// minutes is the minute of the day.
func (c Clock) minutes() int { return c.Hour*60 + c.Min }

// MarshalText writes "09:00".
func (c Clock) MarshalText() ([]byte, error) { return []byte(c.String()), nil }

// UnmarshalText reads "09:00".
func (c *Clock) UnmarshalText(b []byte) error {
	v, err := ParseClock(string(b))
	if err != nil {
		return err
	}
	*c = v
	return nil
}

// Schedule is an office's working hours as a service standard states them
// (CR-STD-7: provider Mon–Fri 09:00–18:30, lunch 13:00–14:30; State Corporation
// Mon–Fri 09:00–18:00; AC-8: State Corporation Mon–Sat 09:00–20:00; the portal
// round the clock). In YAML and JSON the days are three-letter lower-case names:
//
//	days: [mon, tue, wed, thu, fri]
//	open: "09:00"
//	close: "18:30"
//	lunch_from: "13:00"
//	lunch_to: "14:30"
type Schedule struct {
	Days          []time.Weekday `yaml:"days"`
	Open          Clock          `yaml:"open"`
	Close         Clock          `yaml:"close"`
	LunchFrom     *Clock         `yaml:"lunch_from"`
	LunchTo       *Clock         `yaml:"lunch_to"`
	RoundTheClock bool           `yaml:"round_the_clock"`
}

// OpenOn reports whether the office works on d (Rule G-1): its weekday is one of
// Days and the day is not a public holiday, carry-over or transferred day off. A
// day the law made a working day by a transfer (a worked Saturday or Sunday) is
// open for any office that works on weekdays. A round-the-clock office (the
// portal) is always open.
func (s Schedule) OpenOn(c *Calendar, d Date) bool {
	if s.RoundTheClock {
		return true
	}
	switch c.Day(d).Kind {
	case KindHoliday, KindCarryOver, KindTransferOff:
		return false
	case KindTransferWorked:
		return slices.ContainsFunc(s.Days, func(wd time.Weekday) bool {
			return wd != time.Saturday && wd != time.Sunday
		})
	}
	return slices.Contains(s.Days, d.Weekday())
}

// OpenAt reports whether the office is open at t: on a day it works, within its
// hours, and not at lunch.
func (s Schedule) OpenAt(c *Calendar, t time.Time) bool {
	if s.RoundTheClock {
		return true
	}
	local := t.In(Almaty)
	if !s.OpenOn(c, DateOf(local)) {
		return false
	}
	m := local.Hour()*60 + local.Minute()
	if m < s.Open.minutes() || m >= s.Close.minutes() {
		return false
	}
	if s.LunchFrom != nil && s.LunchTo != nil && m >= s.LunchFrom.minutes() && m < s.LunchTo.minutes() {
		return false
	}
	return true
}

// Opening is when the office opens on d, in Almaty; midnight for round the clock.
func (s Schedule) Opening(d Date) time.Time {
	if s.RoundTheClock {
		return d.At(0, 0)
	}
	return d.At(s.Open.Hour, s.Open.Min)
}

// Closing is when the office closes on d, in Almaty; the next midnight for round
// the clock.
func (s Schedule) Closing(d Date) time.Time {
	if s.RoundTheClock {
		return d.AddDays(1).At(0, 0)
	}
	return d.At(s.Close.Hour, s.Close.Min)
}

// Validate checks the schedule makes sense: days named once each, opening before
// closing, a lunch break with both ends inside the hours; a round-the-clock
// schedule states nothing else.
func (s Schedule) Validate() error {
	if s.RoundTheClock {
		if len(s.Days) > 0 || s.Open != (Clock{}) || s.Close != (Clock{}) || s.LunchFrom != nil || s.LunchTo != nil {
			return errorf("",
				"round_the_clock кестесінде күндер мен сағаттар берілмейді",
				"в круглосуточном графике (round_the_clock) дни и часы не указываются",
				"a round_the_clock schedule states no days or hours")
		}
		return nil
	}
	if len(s.Days) == 0 {
		return errorf("days",
			"жұмыс күндері берілмеген",
			"не указаны рабочие дни",
			"no working days are given")
	}
	for i, wd := range s.Days {
		if wd < time.Sunday || wd > time.Saturday {
			return errorf("days", "%d апта күні емес", "%d — не день недели", "%d is not a weekday", int(wd))
		}
		if slices.Contains(s.Days[:i], wd) {
			return errorf("days", "%s екі рет берілген", "%s указан дважды", "%s is given twice", weekdayCodes[wd])
		}
	}
	for _, c := range []Clock{s.Open, s.Close} {
		if c.Hour < 0 || c.Hour > 23 || c.Min < 0 || c.Min > 59 {
			return errorf("", "%s уақыты жоқ", "времени %s не бывает", "there is no time %s", c)
		}
	}
	if s.Open.minutes() >= s.Close.minutes() {
		return errorf("",
			"ашылуы (%s) жабылуынан (%s) бұрын болуы керек",
			"открытие (%s) должно быть раньше закрытия (%s)",
			"opening (%s) must be before closing (%s)", s.Open, s.Close)
	}
	if (s.LunchFrom == nil) != (s.LunchTo == nil) {
		return errorf("",
			"түскі үзілістің басы да, соңы да керек (lunch_from, lunch_to)",
			"у обеда нужны и начало, и конец (lunch_from, lunch_to)",
			"a lunch break needs both lunch_from and lunch_to")
	}
	if s.LunchFrom != nil {
		from, to := *s.LunchFrom, *s.LunchTo
		if from.minutes() >= to.minutes() || from.minutes() <= s.Open.minutes() || to.minutes() >= s.Close.minutes() {
			return errorf("",
				"түскі үзіліс %s–%s жұмыс уақытының %s–%s ішінде болуы керек",
				"обед %s–%s должен быть внутри рабочего времени %s–%s",
				"the lunch break %s–%s must lie inside the hours %s–%s", from, to, s.Open, s.Close)
		}
	}
	return nil
}

var weekdayCodes = [7]string{"sun", "mon", "tue", "wed", "thu", "fri", "sat"}

// scheduleDoc is the schedule as written in YAML and JSON.
type scheduleDoc struct {
	Days          []string `yaml:"days,omitempty" json:"days,omitempty"`
	Open          *Clock   `yaml:"open,omitempty" json:"open,omitempty"`
	Close         *Clock   `yaml:"close,omitempty" json:"close,omitempty"`
	LunchFrom     *Clock   `yaml:"lunch_from,omitempty" json:"lunch_from,omitempty"`
	LunchTo       *Clock   `yaml:"lunch_to,omitempty" json:"lunch_to,omitempty"`
	RoundTheClock bool     `yaml:"round_the_clock,omitempty" json:"round_the_clock,omitempty"`
}

var scheduleKeys = []string{"days", "open", "close", "lunch_from", "lunch_to", "round_the_clock"}

func (s Schedule) doc() scheduleDoc {
	d := scheduleDoc{LunchFrom: s.LunchFrom, LunchTo: s.LunchTo, RoundTheClock: s.RoundTheClock}
	for _, wd := range s.Days {
		d.Days = append(d.Days, weekdayCodes[wd])
	}
	if !s.RoundTheClock {
		d.Open, d.Close = &s.Open, &s.Close
	}
	return d
}

func (d scheduleDoc) schedule() (Schedule, error) {
	s := Schedule{LunchFrom: d.LunchFrom, LunchTo: d.LunchTo, RoundTheClock: d.RoundTheClock}
	for _, name := range d.Days {
		i := slices.Index(weekdayCodes[:], name)
		if i < 0 {
			return Schedule{}, errorf("days",
				"%q апта күні емес: %s",
				"%q — не день недели: %s",
				"%q is not a weekday: use %s", name, strings.Join(weekdayCodes[:], ", "))
		}
		s.Days = append(s.Days, time.Weekday(i))
	}
	if !d.RoundTheClock && (d.Open == nil || d.Close == nil) {
		return Schedule{}, errorf("",
			"open мен close берілуі керек",
			"нужны open и close",
			"open and close are required")
	}
	if d.Open != nil {
		s.Open = *d.Open
	}
	if d.Close != nil {
		s.Close = *d.Close
	}
	if err := s.Validate(); err != nil {
		return Schedule{}, err
	}
	return s, nil
}

// MarshalYAML writes the days as names ("mon").
func (s Schedule) MarshalYAML() (any, error) { return s.doc(), nil }

// UnmarshalYAML reads a schedule strictly: unknown keys and bad values are errors.
func (s *Schedule) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.MappingNode {
		for i := 0; i < len(n.Content); i += 2 {
			if k := n.Content[i].Value; !slices.Contains(scheduleKeys, k) {
				return errorf(fmt.Sprintf("line %d", n.Content[i].Line),
					"кестеде %q өрісі жоқ (бары: %s)",
					"в графике нет поля %q (есть: %s)",
					"a schedule has no field %q (known: %s)", k, strings.Join(scheduleKeys, ", "))
			}
		}
	}
	var d scheduleDoc
	if err := n.Decode(&d); err != nil {
		return err
	}
	v, err := d.schedule()
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// MarshalJSON writes the days as names ("mon").
func (s Schedule) MarshalJSON() ([]byte, error) { return json.Marshal(s.doc()) }

// UnmarshalJSON reads a schedule strictly, like UnmarshalYAML.
func (s *Schedule) UnmarshalJSON(b []byte) error {
	dec := json.NewDecoder(strings.NewReader(string(b)))
	dec.DisallowUnknownFields()
	var d scheduleDoc
	if err := dec.Decode(&d); err != nil {
		return err
	}
	v, err := d.schedule()
	if err != nil {
		return err
	}
	*s = v
	return nil
}
