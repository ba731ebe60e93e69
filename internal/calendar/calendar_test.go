package calendar

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"qyzmet/internal/i18n"
)

// The embedded data must build: Default panics otherwise, and every deadline of
// the system depends on it.
func TestEmbeddedDataBuilds(t *testing.T) {
	c, err := defaultData()
	if err != nil {
		t.Fatalf("Rule G-1: the embedded calendar data is broken: %v", err)
	}
	if len(c.data.Holidays) == 0 || len(c.data.KurbanAit) == 0 || len(c.data.Transfers) == 0 {
		t.Errorf("embedded data lost a section: %d holidays, %d Kurban Ait dates, %d transfers",
			len(c.data.Holidays), len(c.data.KurbanAit), len(c.data.Transfers))
	}
}

// want is one expected non-working (or transferred) day: "2026-03-24 carry-over nauryz 2026-03-21".
type want struct {
	date string
	kind Kind
	id   string
	from string // carry-over source or the other day of a transfer
}

func (w want) String() string {
	return strings.TrimSpace(fmt.Sprintf("%s %s %s %s", w.date, w.kind, w.id, w.from))
}

func got(d Day) want { return want{d.Date.String(), d.Kind, d.ID, d.From.String()} }

// Every non-working day of 2024, 2025 and 2026, checked day by day against the
// holiday law, the carry-over rule and the transfers (Rule G-1). The sources of
// each year are in docs/calendar.md.
func TestNonWorkingDaysByYear(t *testing.T) {
	const (
		H = KindHoliday
		C = KindCarryOver
		O = KindTransferOff
		W = KindTransferWorked
	)
	years := []struct {
		name string
		year int
		days []want
	}{
		{"Rule G-1: 2024 — Law No. 267-II, carry-overs, transfer 4→8 May (labour ministry order of 17.04.2024), Kurban Ait 16 June", 2024, []want{
			{"2024-01-01", H, "new-year", ""},
			{"2024-01-02", H, "new-year", ""},
			{"2024-01-07", H, "orthodox-christmas", ""}, // Sunday, religious: not carried over
			{"2024-03-08", H, "womens-day", ""},
			{"2024-03-21", H, "nauryz", ""},
			{"2024-03-22", H, "nauryz", ""},
			{"2024-03-23", H, "nauryz", ""}, // Saturday
			{"2024-03-25", C, "nauryz", "2024-03-23"},
			{"2024-05-01", H, "unity-day", ""},
			{"2024-05-04", W, "transfer", "2024-05-08"},
			{"2024-05-07", H, "defender-day", ""},
			{"2024-05-08", O, "transfer", "2024-05-04"},
			{"2024-05-09", H, "victory-day", ""},
			{"2024-06-16", H, "kurban-ait", ""}, // Sunday, religious: not carried over
			{"2024-07-06", H, "capital-day", ""},
			{"2024-07-08", C, "capital-day", "2024-07-06"},
			{"2024-08-30", H, "constitution-day", ""},
			{"2024-10-25", H, "republic-day", ""},
			{"2024-12-16", H, "independence-day", ""},
		}},
		{"Rule G-1: 2025 — transfer 5→3 January (labour ministry order), 8 March, Nauryz, 6 July, 30 August, 25 October carried", 2025, []want{
			{"2025-01-01", H, "new-year", ""},
			{"2025-01-02", H, "new-year", ""},
			{"2025-01-03", O, "transfer", "2025-01-05"},
			{"2025-01-05", W, "transfer", "2025-01-03"},
			{"2025-01-07", H, "orthodox-christmas", ""},
			{"2025-03-08", H, "womens-day", ""},
			{"2025-03-10", C, "womens-day", "2025-03-08"},
			{"2025-03-21", H, "nauryz", ""},
			{"2025-03-22", H, "nauryz", ""},
			{"2025-03-23", H, "nauryz", ""},
			{"2025-03-24", C, "nauryz", "2025-03-22"},
			{"2025-03-25", C, "nauryz", "2025-03-23"},
			{"2025-05-01", H, "unity-day", ""},
			{"2025-05-07", H, "defender-day", ""},
			{"2025-05-09", H, "victory-day", ""},
			{"2025-06-06", H, "kurban-ait", ""},
			{"2025-07-06", H, "capital-day", ""},
			{"2025-07-07", C, "capital-day", "2025-07-06"},
			{"2025-08-30", H, "constitution-day", ""},
			{"2025-09-01", C, "constitution-day", "2025-08-30"},
			{"2025-10-25", H, "republic-day", ""},
			{"2025-10-27", C, "republic-day", "2025-10-25"},
			{"2025-12-16", H, "independence-day", ""},
		}},
		{"Rule G-1: 2026 — egov.kz calendar of 02.01.2026, without 30 August (new Constitution, labour ministry 18.03.2026)", 2026, []want{
			{"2026-01-01", H, "new-year", ""},
			{"2026-01-02", H, "new-year", ""},
			{"2026-01-07", H, "orthodox-christmas", ""},
			{"2026-03-08", H, "womens-day", ""},
			{"2026-03-09", C, "womens-day", "2026-03-08"},
			{"2026-03-21", H, "nauryz", ""},
			{"2026-03-22", H, "nauryz", ""},
			{"2026-03-23", H, "nauryz", ""},
			{"2026-03-24", C, "nauryz", "2026-03-21"},
			{"2026-03-25", C, "nauryz", "2026-03-22"},
			{"2026-05-01", H, "unity-day", ""},
			{"2026-05-07", H, "defender-day", ""},
			{"2026-05-09", H, "victory-day", ""},
			{"2026-05-11", C, "victory-day", "2026-05-09"},
			{"2026-05-27", H, "kurban-ait", ""},
			{"2026-07-06", H, "capital-day", ""},
			{"2026-10-25", H, "republic-day", ""},
			{"2026-10-26", C, "republic-day", "2026-10-25"},
			{"2026-12-16", H, "independence-day", ""},
		}},
	}
	for _, y := range years {
		t.Run(y.name, func(t *testing.T) {
			var have []want
			for _, d := range Default().NonWorkingDays(y.year) {
				have = append(have, got(d))
				if d.Working != (d.Kind == KindTransferWorked) {
					t.Errorf("%s: Working = %v for kind %s", d.Date, d.Working, d.Kind)
				}
				if d.Source == "" || !d.Name.Complete() {
					t.Errorf("%s: source %q, name %+v: every listed day needs both", d.Date, d.Source, d.Name)
				}
			}
			for _, w := range y.days {
				if !slices.Contains(have, w) {
					t.Errorf("missing %s", w)
				}
			}
			for _, h := range have {
				if !slices.Contains(y.days, h) {
					t.Errorf("unexpected %s", h)
				}
			}
		})
	}
}

// Single days of past and coming years, each checked against a published
// calendar (the sources are in docs/calendar.md).
func TestDaysAcrossYears(t *testing.T) {
	tests := []struct {
		name    string
		date    string
		kind    Kind
		working bool
	}{
		{"Rule G-1: 2016 New Year 2 Jan (Sat) carried to Mon 4 Jan", "2016-01-04", KindCarryOver, false},
		{"Rule G-1: 2016 transfer: Sat 5 March worked", "2016-03-05", KindTransferWorked, true},
		{"Rule G-1: 2016 transfer: Mon 7 March off", "2016-03-07", KindTransferOff, false},
		{"Rule G-1: 2017 New Year 1 Jan (Sun) carried past 2 Jan to Tue 3 Jan", "2017-01-03", KindCarryOver, false},
		{"Rule G-1: 2017 Orthodox Christmas on a Saturday is not carried to Mon 9 Jan", "2017-01-09", KindWorking, true},
		{"Rule G-1: 2017 Independence Day 16–17 Dec (Sat–Sun) carried to Mon 18", "2017-12-18", KindCarryOver, false},
		{"Rule G-1: 2017 Independence Day 16–17 Dec (Sat–Sun) carried to Tue 19", "2017-12-19", KindCarryOver, false},
		{"Rule G-1: 2018 First President Day 1 Dec (Sat) carried to Mon 3 Dec", "2018-12-03", KindCarryOver, false},
		{"Rule G-1: 2018 Independence Day 16 Dec (Sun) carried past 17 Dec to Tue 18 Dec", "2018-12-18", KindCarryOver, false},
		{"Rule G-1: 2018 transfer (Government decree): Mon 31 Dec off", "2018-12-31", KindTransferOff, false},
		{"Rule G-1: 2019 Kurban Ait on Sunday 11 Aug is not carried to Mon 12 Aug", "2019-08-12", KindWorking, true},
		{"Rule G-1: 2019 First President Day 1 Dec (Sun) carried to Mon 2 Dec", "2019-12-02", KindCarryOver, false},
		{"Rule G-1: 2020 carried-over Mon 11 May transferred to Fri 8 May: 11 May worked", "2020-05-11", KindTransferWorked, true},
		{"Rule G-1: 2021 Nauryz 21 Mar (Sun) carried past 22–23 to Wed 24 Mar", "2021-03-24", KindCarryOver, false},
		{"Rule G-1: 2021 last year of First President Day", "2021-12-01", KindHoliday, false},
		{"Rule G-1: 2021 last year of 17 December", "2021-12-17", KindHoliday, false},
		{"Rule G-1: 2022 New Year 1–2 Jan (Sat–Sun) carried to Mon 3 Jan", "2022-01-03", KindCarryOver, false},
		{"Rule G-1: 2022 New Year 1–2 Jan (Sat–Sun) carried to Tue 4 Jan", "2022-01-04", KindCarryOver, false},
		{"Rule G-1: 2022 Defender Day 7 May (Sat) carried past Victory Day to Tue 10 May", "2022-05-10", KindCarryOver, false},
		{"Rule G-1: 2022 Kurban Ait on Saturday 9 July", "2022-07-09", KindHoliday, false},
		{"Rule G-1: 2022 Republic Day restored (Law of 29.09.2022)", "2022-10-25", KindHoliday, false},
		{"Rule G-1: 2022 First President Day dropped (Law of 29.09.2022)", "2022-12-01", KindWorking, true},
		{"Rule G-1: 2022 17 December dropped: Saturday, nothing carried to Mon 19 Dec", "2022-12-19", KindWorking, true},
		{"Rule G-1: 2023 transfer (Decree of 25.04.2023): Fri 7 July off", "2023-07-07", KindTransferOff, false},
		{"Rule G-1: 2026 Constitution Day no longer a day off: Mon 31 Aug works", "2026-08-31", KindWorking, true},
		{"Rule G-1: 2026 30 August is an ordinary Sunday", "2026-08-30", KindWeekend, false},
		{"Rule G-1: 2027 Constitution Day on 15 March (new Constitution art. 94(2))", "2027-03-15", KindHoliday, false},
		{"Rule G-1: 2027 30 August is an ordinary Monday", "2027-08-30", KindWorking, true},
		{"Rule G-1: an ordinary Saturday", "2026-04-04", KindWeekend, false},
		{"Rule G-1: an ordinary Wednesday", "2026-04-08", KindWorking, true},
		{"Rule G-1: outside the data, only weekends are off", "2150-01-01", KindWorking, true},
	}
	for _, tt := range tests {
		d := Default().Day(mustDate(t, tt.date))
		if d.Kind != tt.kind || d.Working != tt.working || Default().IsWorkingDay(d.Date) != tt.working {
			t.Errorf("%s: Day(%s) = %s, working %v; want %s, working %v", tt.name, tt.date, d.Kind, d.Working, tt.kind, tt.working)
		}
	}
}

// Rule G-1: a holiday on a weekend is flagged and points at its carry-over; a
// religious day on a weekend is flagged and points nowhere.
func TestHolidayOnWeekendFlags(t *testing.T) {
	nauryz := Default().Day(D(2026, time.March, 21))
	if !nauryz.OnWeekend || nauryz.CarriedTo != D(2026, time.March, 24) {
		t.Errorf("Nauryz 2026-03-21: OnWeekend %v, CarriedTo %s; want true, 2026-03-24", nauryz.OnWeekend, nauryz.CarriedTo)
	}
	kurban := Default().Day(D(2024, time.June, 16))
	if !kurban.OnWeekend || !kurban.CarriedTo.IsZero() {
		t.Errorf("Kurban Ait 2024-06-16: OnWeekend %v, CarriedTo %s; want true and no carry-over", kurban.OnWeekend, kurban.CarriedTo)
	}
	if d := Default().Day(D(2024, time.June, 17)); !d.Working {
		t.Errorf("Rule G-1: 2024-06-17 must be a working day (Kurban Ait is not carried over), got %s", d.Kind)
	}
}

// Rule G-1: one working day after Friday 20 March 2026 is Thursday 26 March:
// Saturday and Sunday are weekend and Nauryz, Monday is Nauryz, Tuesday and
// Wednesday are Nauryz carried over.
func TestAddWorkingDaysAcrossNauryz2026(t *testing.T) {
	due, skipped := Default().AddWorkingDays(D(2026, time.March, 20), 1)
	if due != D(2026, time.March, 26) {
		t.Fatalf("AddWorkingDays(2026-03-20, 1) = %s, want 2026-03-26", due)
	}
	wantReasons := []struct{ date, kk, ru, en string }{
		{"2026-03-21", "Наурыз мейрамы (сенбі; демалыс 2026-03-24 күніне ауыстырылады)", "Наурыз мейрамы (суббота; выходной переносится на 2026-03-24)", "Nauryz (Saturday; the day off is carried over to 2026-03-24)"},
		{"2026-03-22", "Наурыз мейрамы (жексенбі; демалыс 2026-03-25 күніне ауыстырылады)", "Наурыз мейрамы (воскресенье; выходной переносится на 2026-03-25)", "Nauryz (Sunday; the day off is carried over to 2026-03-25)"},
		{"2026-03-23", "Наурыз мейрамы", "Наурыз мейрамы", "Nauryz"},
		{"2026-03-24", "Наурыз мейрамы (2026-03-21 күнінен ауыстырылған)", "Наурыз мейрамы (перенос с 2026-03-21)", "Nauryz (carried over from 2026-03-21)"},
		{"2026-03-25", "Наурыз мейрамы (2026-03-22 күнінен ауыстырылған)", "Наурыз мейрамы (перенос с 2026-03-22)", "Nauryz (carried over from 2026-03-22)"},
	}
	if len(skipped) != len(wantReasons) {
		t.Fatalf("skipped %d days, want %d: %v", len(skipped), len(wantReasons), skipped)
	}
	for i, w := range wantReasons {
		d := skipped[i]
		if d.Date.String() != w.date {
			t.Errorf("skipped[%d] = %s, want %s", i, d.Date, w.date)
		}
		for _, c := range []struct {
			lang i18n.Lang
			want string
		}{{i18n.KK, w.kk}, {i18n.RU, w.ru}, {i18n.EN, w.en}} {
			if got := d.Reason(c.lang); got != c.want {
				t.Errorf("%s Reason(%s) = %q, want %q", d.Date, c.lang, got, c.want)
			}
		}
	}
}

func TestAddWorkingDays(t *testing.T) {
	tests := []struct {
		name    string
		from    string
		n       int
		want    string
		skipped []string
	}{
		{"Rule G-1: n = 0 returns the day itself", "2026-03-21", 0, "2026-03-21", nil},
		{"Rule G-1: Friday + 1 passes the weekend", "2026-04-03", 1, "2026-04-06", []string{"2026-04-04", "2026-04-05"}},
		{"Rule G-1: Tuesday + 5 passes one weekend", "2026-04-07", 5, "2026-04-14", []string{"2026-04-11", "2026-04-12"}},
		{"Rule G-1: the worked Saturday 4 May 2024 counts, Wednesday 8 May does not", "2024-05-03", 2, "2024-05-06", []string{"2024-05-05"}},
		{"Rule G-1: across the 2024 May holidays", "2024-05-06", 2, "2024-05-13", []string{"2024-05-07", "2024-05-08", "2024-05-09", "2024-05-11", "2024-05-12"}},
		{"Rule G-1: the worked Sunday 5 January 2025 counts", "2025-01-02", 1, "2025-01-05", []string{"2025-01-03", "2025-01-04"}},
		{"Rule G-1: counting back from Thursday 26 March 2026", "2026-03-26", -1, "2026-03-20", []string{"2026-03-21", "2026-03-22", "2026-03-23", "2026-03-24", "2026-03-25"}},
		{"Rule G-1: 10 working days across the New Year 2026", "2025-12-26", 10, "2026-01-14", []string{"2025-12-27", "2025-12-28", "2026-01-01", "2026-01-02", "2026-01-03", "2026-01-04", "2026-01-07", "2026-01-10", "2026-01-11"}},
	}
	for _, tt := range tests {
		due, skipped := Default().AddWorkingDays(mustDate(t, tt.from), tt.n)
		var dates []string
		for _, d := range skipped {
			dates = append(dates, d.Date.String())
			if d.Working {
				t.Errorf("%s: skipped working day %s", tt.name, d.Date)
			}
		}
		if due.String() != tt.want || !slices.Equal(dates, tt.skipped) {
			t.Errorf("%s: AddWorkingDays(%s, %d) = %s skipping %v; want %s skipping %v", tt.name, tt.from, tt.n, due, dates, tt.want, tt.skipped)
		}
	}
}

func TestNextWorkingDayAndBetween(t *testing.T) {
	c := Default()
	next := []struct{ name, from, want string }{
		{"Rule G-1: after Friday 20 March 2026 comes Thursday 26 March", "2026-03-20", "2026-03-26"},
		{"Rule G-1: after Friday 3 May 2024 comes the worked Saturday 4 May", "2024-05-03", "2024-05-04"},
		{"Rule G-1: after Tuesday 7 May 2024 comes Friday 10 May", "2024-05-07", "2024-05-10"},
		{"Rule G-1: strictly after: a working Monday gives Tuesday", "2026-04-06", "2026-04-07"},
	}
	for _, tt := range next {
		if got := c.NextWorkingDay(mustDate(t, tt.from)); got.String() != tt.want {
			t.Errorf("%s: NextWorkingDay(%s) = %s, want %s", tt.name, tt.from, got, tt.want)
		}
	}
	between := []struct {
		name     string
		from, to string
		want     int
	}{
		{"Rule G-1: (Fri 20 Mar, Thu 26 Mar 2026] holds one working day", "2026-03-20", "2026-03-26", 1},
		{"Rule G-1: the same day holds none", "2026-03-20", "2026-03-20", 0},
		{"Rule G-1: March 2026 has 18 working days (22 weekdays less 9, 23, 24, 25)", "2026-02-28", "2026-03-31", 18},
		{"Rule G-1: reversed range is negative", "2026-03-26", "2026-03-20", -1},
		{"Rule G-1: 2024 has 249 working days", "2023-12-31", "2024-12-31", 249},
	}
	for _, tt := range between {
		if got := c.WorkingDaysBetween(mustDate(t, tt.from), mustDate(t, tt.to)); got != tt.want {
			t.Errorf("%s: WorkingDaysBetween(%s, %s) = %d, want %d", tt.name, tt.from, tt.to, got, tt.want)
		}
	}
}

// Rule G-1 property: the n-th working day after d is a working day, exactly n
// working days lie in (d, result], and every skipped day is a non-working day.
func TestAddWorkingDaysProperty(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		from := D(2015, time.January, 1).AddDays(r.IntN(21 * 365))
		n := 1 + r.IntN(40)
		checkAddWorkingDays(t, from, n)
	}
}

func FuzzAddWorkingDays(f *testing.F) {
	f.Add(uint16(4097), uint8(1)) // around Nauryz 2026
	f.Add(uint16(3412), uint8(10))
	f.Fuzz(func(t *testing.T, offset uint16, n uint8) {
		checkAddWorkingDays(t, D(2015, time.January, 1).AddDays(int(offset)%(25*365)), 1+int(n)%60)
	})
}

func checkAddWorkingDays(t *testing.T, from Date, n int) {
	t.Helper()
	c := Default()
	due, skipped := c.AddWorkingDays(from, n)
	if !c.IsWorkingDay(due) {
		t.Fatalf("Rule G-1: AddWorkingDays(%s, %d) = %s, not a working day", from, n, due)
	}
	if got := c.WorkingDaysBetween(from, due); got != n {
		t.Fatalf("Rule G-1: WorkingDaysBetween(%s, %s) = %d, want %d", from, due, got, n)
	}
	if span := c.WorkingDaysBetween(from, due) + len(skipped); span != int(due.noon().Sub(from.noon()).Hours()/24) {
		t.Fatalf("Rule G-1: %s..%s: %d working + %d skipped days do not cover the span", from, due, n, len(skipped))
	}
	for _, d := range skipped {
		if d.Working || !d.Date.After(from) || !d.Date.Before(due) {
			t.Fatalf("Rule G-1: skipped %s (%s) is not a non-working day inside (%s, %s)", d.Date, d.Kind, from, due)
		}
	}
	back, _ := c.AddWorkingDays(due, -n)
	if c.IsWorkingDay(from) && back != from {
		t.Fatalf("Rule G-1: counting %d back from %s gives %s, want %s", n, due, back, from)
	}
}

func TestReasonOfEveryKind(t *testing.T) {
	c := Default()
	tests := []struct {
		name, date, kk, ru, en string
	}{
		{"Rule G-1: plain working day", "2026-04-08", "Жұмыс күні", "Рабочий день", "Working day"},
		{"Rule G-1: plain weekend", "2026-04-04", "Сенбі", "Суббота", "Saturday"},
		{"Rule G-1: holiday", "2026-05-27", "Құрбан айт", "Курбан айт", "Kurban Ait"},
		{"Rule G-1: religious day on a weekend", "2024-06-16", "Құрбан айт (жексенбі; ауыстырылмайды)", "Курбан айт (воскресенье; не переносится)", "Kurban Ait (Sunday; not carried over)"},
		{"Rule G-1: carry-over", "2026-05-11", "Жеңіс күні (2026-05-09 күнінен ауыстырылған)", "День Победы (перенос с 2026-05-09)", "Victory Day (carried over from 2026-05-09)"},
		{"Rule G-1: transfer, day off",
			"2024-05-08",
			"2024-05-04 күнінен ауыстырылған демалыс күні (" + c.Day(D(2024, 5, 8)).Source + ")",
			"Выходной день, перенесённый с 2024-05-04 (" + c.Day(D(2024, 5, 8)).Source + ")",
			"Day off transferred from 2024-05-04 (Order of the Minister of Labour and Social Protection of the Population of 17 April 2024 «О переносе дня отдыха в 2024 году»)"},
		{"Rule G-1: transfer, worked day",
			"2024-05-04",
			"Жұмыс күні: демалыс 2024-05-08 күніне ауыстырылған (" + c.Day(D(2024, 5, 4)).Source + ")",
			"Рабочий день: выходной перенесён на 2024-05-08 (" + c.Day(D(2024, 5, 4)).Source + ")",
			"Working day: the day off is transferred to 2024-05-08 (Order of the Minister of Labour and Social Protection of the Population of 17 April 2024 «О переносе дня отдыха в 2024 году»)"},
	}
	for _, tt := range tests {
		d := c.Day(mustDate(t, tt.date))
		for _, l := range []struct {
			lang i18n.Lang
			want string
		}{{i18n.KK, tt.kk}, {i18n.RU, tt.ru}, {i18n.EN, tt.en}} {
			if got := d.Reason(l.lang); got != l.want {
				t.Errorf("%s: %s Reason(%s) = %q, want %q", tt.name, tt.date, l.lang, got, l.want)
			}
		}
	}
}

// Rule G-1: when Kurban Ait falls in Nauryz (projected for 22 March 2032) there is
// one day off under both names, not two.
func TestCoincidingHolidays(t *testing.T) {
	d := Default().Day(D(2032, time.March, 22))
	if d.Kind != KindHoliday || d.ID != "nauryz" || d.Name.EN != "Nauryz; Kurban Ait" {
		t.Errorf("2032-03-22 = %s %s %q, want holiday nauryz named \"Nauryz; Kurban Ait\"", d.Kind, d.ID, d.Name.EN)
	}
	if got := Default().Day(D(2032, time.March, 21)).CarriedTo; got != D(2032, time.March, 24) {
		t.Errorf("Nauryz 2032-03-21 (Sunday) carried to %s, want 2032-03-24", got)
	}
}

func TestKindText(t *testing.T) {
	for k := KindWorking; k <= KindTransferWorked; k++ {
		b, _ := k.MarshalText()
		var back Kind
		if err := back.UnmarshalText(b); err != nil || back != k {
			t.Errorf("Kind %d → %q → %d, %v", k, b, back, err)
		}
	}
	var k Kind
	if err := k.UnmarshalText([]byte("holyday")); err == nil {
		t.Error("UnmarshalText accepted an unknown kind")
	}
}

func mustDate(t testing.TB, s string) Date {
	t.Helper()
	d, err := ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func BenchmarkAddWorkingDays(b *testing.B) {
	c := Default()
	from := D(2026, time.March, 20)
	for b.Loop() {
		c.AddWorkingDays(from, 20)
	}
}

func BenchmarkBuildDefault(b *testing.B) {
	for b.Loop() {
		if _, err := defaultData(); err != nil {
			b.Fatal(err)
		}
	}
}
