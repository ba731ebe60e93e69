// Package calendar is the working-day calendar of Kazakhstan (Rule G-1): which
// days are working days under the Labour Code — weekends, public holidays, their
// carry-overs and the transfers of days off — on Asia/Almaty time, and the office
// schedules the service standards state. The law is data (the YAML files under
// data/, see docs/calendar.md); the package does no I/O beyond reading them.
package calendar

import (
	"embed"
	"fmt"
	"slices"
	"sync"
	"time"

	"qyzmet/internal/i18n"
)

// Kind says why a day is, or is not, a working day.
type Kind int

const (
	KindWorking        Kind = iota // an ordinary working day, Monday to Friday
	KindWeekend                    // an ordinary Saturday or Sunday
	KindHoliday                    // a public holiday or religious day that is a day off
	KindCarryOver                  // a day off carried over from a holiday that fell on a weekend
	KindTransferOff                // a working day made a day off by a transfer
	KindTransferWorked             // a day off made a working day by a transfer
)

var kindNames = [...]string{"working", "weekend", "holiday", "carry-over", "transfer-off", "transfer-worked"}

func (k Kind) String() string {
	if k < 0 || int(k) >= len(kindNames) {
		return fmt.Sprintf("Kind(%d)", int(k))
	}
	return kindNames[k]
}

// MarshalText writes the kind's name ("carry-over"), for JSON and YAML.
func (k Kind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// UnmarshalText reads a kind's name.
func (k *Kind) UnmarshalText(b []byte) error {
	i := slices.Index(kindNames[:], string(b))
	if i < 0 {
		return fmt.Errorf("unknown day kind %q", b)
	}
	*k = Kind(i)
	return nil
}

// Day is one date with its status and the reason for it.
type Day struct {
	Date    Date   `json:"date"`
	Kind    Kind   `json:"kind"`
	Working bool   `json:"working"`
	ID      string `json:"id,omitempty"` // "nauryz", "kurban-ait", "transfer"…; empty for plain days
	// Name is the holiday's name; for a carry-over, the name of the holiday it comes
	// from. Empty for plain days. When two holidays coincide both names are joined.
	Name i18n.Text `json:"name,omitzero"`
	// From is, for a carry-over, the holiday it comes from; for a transfer, the
	// other day of the transfer (the day off's old date for KindTransferOff, its new
	// date for KindTransferWorked). Zero otherwise.
	From Date `json:"from,omitzero"`
	// OnWeekend flags a holiday that falls on a Saturday or Sunday; CarriedTo is the
	// working day its day off moves to (zero for religious days, which never move).
	OnWeekend bool   `json:"on_weekend,omitempty"`
	CarriedTo Date   `json:"carried_to,omitzero"`
	Source    string `json:"source,omitempty"` // the legal act behind the day
}

// Calendar answers working-day questions. It is immutable and safe for concurrent use.
type Calendar struct {
	data    Data
	kurban  map[int]KurbanAit
	special map[Date]Day // every day that is not a plain weekday or weekend
}

//go:embed data/*.yaml
var embedded embed.FS

// embeddedFiles are read in this order; each is one Data.
var embeddedFiles = []string{"data/holidays.yaml", "data/kurban-ait.yaml", "data/transfers.yaml"}

// Default is the calendar built from the embedded data, once, on first use. It
// panics only if the embedded data is broken, which a test guards against.
func Default() *Calendar { return defaultCalendar() }

var defaultCalendar = sync.OnceValue(func() *Calendar {
	c, err := defaultData()
	if err != nil {
		panic("calendar: embedded data is broken: " + err.Error())
	}
	return c
})

func defaultData() (*Calendar, error) {
	var all Data
	for _, name := range embeddedFiles {
		b, err := embedded.ReadFile(name)
		if err != nil {
			return nil, err
		}
		d, err := ParseData(b)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		all.Holidays = append(all.Holidays, d.Holidays...)
		all.KurbanAit = append(all.KurbanAit, d.KurbanAit...)
		all.Transfers = append(all.Transfers, d.Transfers...)
	}
	return New(all)
}

// New validates d and builds the calendar: dates parse, nothing is given twice,
// every holiday has its names and source, a transfer moves a day off onto a
// working day, and so on. Errors are *Error.
func New(d Data) (*Calendar, error) {
	if err := d.check(); err != nil {
		return nil, err
	}
	c := &Calendar{
		data: Data{
			Holidays:  slices.Clone(d.Holidays),
			KurbanAit: slices.Clone(d.KurbanAit),
			Transfers: slices.Clone(d.Transfers),
		},
		kurban:  map[int]KurbanAit{},
		special: map[Date]Day{},
	}
	for _, k := range d.KurbanAit {
		c.kurban[k.Date.Year] = k
	}
	if err := c.placeHolidays(); err != nil {
		return nil, err
	}
	if err := c.applyTransfers(); err != nil {
		return nil, err
	}
	return c, nil
}

// placeHolidays marks every holiday date of every year in force and applies the
// carry-over rule.
func (c *Calendar) placeHolidays() error {
	occ := occurrences{}
	var movable *Holiday
	for i, h := range c.data.Holidays {
		if h.Movable {
			movable = &c.data.Holidays[i]
			continue
		}
		lo, hi := h.years()
		month, day := parseMonthDay(h.Date)
		for y := lo; y <= hi; y++ {
			for n := range h.length() {
				occ.add(D(y, month, day+n), h)
			}
		}
	}
	if len(c.kurban) > 0 && movable == nil {
		return errorf("kurban_ait",
			"Құрбан айт күндері берілген, бірақ movable мереке жоқ",
			"даты Курбан айта заданы, но нет movable-праздника",
			"Kurban Ait dates are given but no holiday is movable")
	}
	for _, k := range c.kurban {
		if lo, hi := movable.years(); k.Date.Year < lo || k.Date.Year > hi {
			return errorf("kurban_ait",
				"%s: %s мерекесі %d жылы күшінде емес",
				"%s: праздник %s не действует в %d году",
				"%s: holiday %s is not in force in %d", k.Date, movable.ID, k.Date.Year)
		}
		for n := range movable.length() {
			occ.add(k.Date.AddDays(n), *movable)
		}
	}
	dates := make([]Date, 0, len(occ))
	for d, o := range occ {
		c.special[d] = o.day
		dates = append(dates, d)
	}
	slices.SortFunc(dates, Date.Compare)
	for _, d := range dates {
		if o := occ[d]; o.carries && o.day.OnWeekend {
			c.carryOver(d)
		}
	}
	return nil
}

// occurrence is a holiday on one date while the calendar is built.
type occurrence struct {
	day     Day
	carries bool // false for religious days off, which never move
}

type occurrences map[Date]*occurrence

// add records h on d. Two holidays on one date (Kurban Ait can fall in Nauryz)
// give one day off under both names, carried over if either would be.
func (occ occurrences) add(d Date, h Holiday) {
	if o, ok := occ[d]; ok {
		o.day.Name = i18n.Text{
			KK: o.day.Name.KK + "; " + h.Name.KK,
			RU: o.day.Name.RU + "; " + h.Name.RU,
			EN: o.day.Name.EN + "; " + h.Name.EN,
		}
		o.day.Source += "; " + h.Source
		o.carries = o.carries || !h.Religious
		return
	}
	occ[d] = &occurrence{
		day:     Day{Date: d, Kind: KindHoliday, ID: h.ID, Name: h.Name, Source: h.Source, OnWeekend: isWeekend(d)},
		carries: !h.Religious,
	}
}

// carryOver applies the carry-over rule (Law No. 267-II art. 5, Labour Code
// art. 85) to the holiday on weekend day d: its day off moves to the next working
// day after it. Called in date order, so a run of holidays is passed over whole:
// Nauryz 2026 (Sat 21, Sun 22, Mon 23) gives Tue 24 and Wed 25.
func (c *Calendar) carryOver(d Date) {
	to := d.AddDays(1)
	for {
		if _, taken := c.special[to]; !taken && !isWeekend(to) {
			break
		}
		to = to.AddDays(1)
	}
	h := c.special[d]
	h.CarriedTo = to
	c.special[d] = h
	c.special[to] = Day{
		Date: to, Kind: KindCarryOver, ID: h.ID, Name: h.Name, From: d,
		Source: "Law No. 267-II «On holidays in the Republic of Kazakhstan», art. 5",
	}
}

// transferName labels transfer days.
var transferName = i18n.Text{
	KK: "Демалыс күнін ауыстыру",
	RU: "Перенос дня отдыха",
	EN: "Transfer of a day off",
}

// applyTransfers applies the transfers of days off (Labour Code art. 85(3)) on
// top of holidays and carry-overs: the decrees are written against that calendar
// (2020: the carried-over Monday 11 May was moved to Friday 8 May).
func (c *Calendar) applyTransfers() error {
	for i, t := range c.data.Transfers {
		at := fmt.Sprintf("transfers[%d]", i)
		worked := c.Day(t.Worked)
		if worked.Kind != KindWeekend && worked.Kind != KindCarryOver {
			return &Error{Where: at + ".worked", Text: i18n.Text{
				KK: fmt.Sprintf("%s демалыс күні емес (%s): ауыстыру сенбі, жексенбі не ауыстырылған демалыс күнін жұмыс күніне айналдырады", t.Worked, worked.Reason(i18n.KK)),
				RU: fmt.Sprintf("%s — не выходной день (%s): перенос делает рабочим субботу, воскресенье или перенесённый выходной", t.Worked, worked.Reason(i18n.RU)),
				EN: fmt.Sprintf("%s is not a day off that can be worked (%s): a transfer makes a Saturday, Sunday or carried-over day a working day", t.Worked, worked.Reason(i18n.EN)),
			}}
		}
		off := c.Day(t.Off)
		if off.Kind != KindWorking {
			return &Error{Where: at + ".off", Text: i18n.Text{
				KK: fmt.Sprintf("%s жұмыс күні емес (%s): демалыс жұмыс күніне ғана ауыстырылады", t.Off, off.Reason(i18n.KK)),
				RU: fmt.Sprintf("%s — не рабочий день (%s): выходной переносится только на рабочий день", t.Off, off.Reason(i18n.RU)),
				EN: fmt.Sprintf("%s is not a working day (%s): a day off can only move onto a working day", t.Off, off.Reason(i18n.EN)),
			}}
		}
	}
	for _, t := range c.data.Transfers {
		c.special[t.Worked] = Day{Date: t.Worked, Kind: KindTransferWorked, Working: true, ID: "transfer", Name: transferName, From: t.Off, Source: t.Source}
		c.special[t.Off] = Day{Date: t.Off, Kind: KindTransferOff, ID: "transfer", Name: transferName, From: t.Worked, Source: t.Source}
	}
	return nil
}

func parseMonthDay(s string) (time.Month, int) {
	t, _ := time.Parse("01-02", s) // validated by check
	return t.Month(), t.Day()
}

func isWeekend(d Date) bool {
	wd := d.Weekday()
	return wd == time.Saturday || wd == time.Sunday
}

// With is the calendar plus an administrator's additions — transfers of days off,
// Kurban Ait dates, new holidays — which is how the calendar follows a new decree
// without a release. A Kurban Ait date in extra replaces the one of the same year
// (a projection, or a date the ministry corrected, as it did in June 2024); a
// transfer already in the calendar may be repeated unchanged. Everything is
// validated again; on error c is unchanged and no calendar is returned.
func (c *Calendar) With(extra Data) (*Calendar, error) {
	if err := extra.check(); err != nil {
		return nil, err
	}
	merged := Data{
		Holidays:  append(slices.Clone(c.data.Holidays), extra.Holidays...),
		Transfers: slices.Clone(c.data.Transfers),
	}
	replaced := map[int]bool{}
	for _, k := range extra.KurbanAit {
		replaced[k.Date.Year] = true
	}
	for _, k := range c.data.KurbanAit {
		if !replaced[k.Date.Year] {
			merged.KurbanAit = append(merged.KurbanAit, k)
		}
	}
	merged.KurbanAit = append(merged.KurbanAit, extra.KurbanAit...)
	for _, t := range extra.Transfers {
		if !slices.ContainsFunc(c.data.Transfers, func(o Transfer) bool { return o.Worked == t.Worked && o.Off == t.Off }) {
			merged.Transfers = append(merged.Transfers, t)
		}
	}
	return New(merged)
}

// Data is a copy of the data the calendar was built from.
func (c *Calendar) Data() Data {
	return Data{
		Holidays:  slices.Clone(c.data.Holidays),
		KurbanAit: slices.Clone(c.data.KurbanAit),
		Transfers: slices.Clone(c.data.Transfers),
	}
}

// KurbanAit is the first day of Kurban Ait in year, if the calendar knows it.
// Beyond the known years Kurban Ait is not a day off in this calendar, so a
// caller planning that far ahead can warn.
func (c *Calendar) KurbanAit(year int) (KurbanAit, bool) {
	k, ok := c.kurban[year]
	return k, ok
}

// Day is the status of d (Rule G-1).
func (c *Calendar) Day(d Date) Day {
	if s, ok := c.special[d]; ok {
		return s
	}
	if isWeekend(d) {
		return Day{Date: d, Kind: KindWeekend}
	}
	return Day{Date: d, Kind: KindWorking, Working: true}
}

// IsWorkingDay reports whether d is a working day under the Labour Code (Rule G-1).
func (c *Calendar) IsWorkingDay(d Date) bool { return c.Day(d).Working }

// NonWorkingDays lists, in date order, every day of year that is not an ordinary
// working day or an ordinary weekend: holidays (those on weekends flagged
// OnWeekend), carry-overs, and transfers in both directions.
func (c *Calendar) NonWorkingDays(year int) []Day {
	var days []Day
	for d := D(year, time.January, 1); d.Year == year; d = d.AddDays(1) {
		if s, ok := c.special[d]; ok {
			days = append(days, s)
		}
	}
	return days
}

// NextWorkingDay is the first working day strictly after d.
func (c *Calendar) NextWorkingDay(d Date) Date {
	for d = d.AddDays(1); !c.IsWorkingDay(d); d = d.AddDays(1) {
	}
	return d
}

// AddWorkingDays is the n-th working day strictly after d (Rule G-1; the caller
// applies G-2 by passing the day of receipt). It also returns every non-working
// day passed over between d and the result, weekends included, so an explanation
// can name each with its reason. n == 0 returns d; a negative n counts back, to
// the |n|-th working day strictly before d.
func (c *Calendar) AddWorkingDays(d Date, n int) (Date, []Day) {
	step := 1
	if n < 0 {
		step, n = -1, -n
	}
	var skipped []Day
	for n > 0 {
		d = d.AddDays(step)
		day := c.Day(d)
		if day.Working {
			n--
		} else {
			skipped = append(skipped, day)
		}
	}
	if step < 0 {
		slices.Reverse(skipped)
	}
	return d, skipped
}

// WorkingDaysBetween counts the working days in (from, to]; it is negative when to
// is before from (minus the count in (to, from]).
func (c *Calendar) WorkingDaysBetween(from, to Date) int {
	if to.Before(from) {
		return -c.WorkingDaysBetween(to, from)
	}
	n := 0
	for d := from.AddDays(1); !d.After(to); d = d.AddDays(1) {
		if c.IsWorkingDay(d) {
			n++
		}
	}
	return n
}
