package calendar

import (
	"fmt"
	"time"
)

// Date is a civil date without time or zone: the day a deadline falls on is a
// date in Almaty, not an instant.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// D builds a date; out-of-range days and months are normalised the way time.Date
// does (D(2026, 2, 30) is 2 March 2026).
func D(y int, m time.Month, d int) Date {
	return fromTime(time.Date(y, m, d, 12, 0, 0, 0, time.UTC))
}

// ParseDate reads "2006-01-02" and rejects anything else, including impossible
// dates such as 2026-02-30.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return Date{}, fmt.Errorf("date %q: want YYYY-MM-DD", s)
	}
	return fromTime(t), nil
}

// DateOf is the civil date of t in Almaty.
func DateOf(t time.Time) Date {
	return fromTime(t.In(Almaty))
}

func fromTime(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// noon is the date at noon UTC: far from any midnight, so day arithmetic on it
// never slips across a date line.
func (d Date) noon() time.Time {
	return time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.UTC)
}

// String is "2026-03-20"; the zero date prints as "".
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// IsZero reports whether d is the zero Date (no date).
func (d Date) IsZero() bool { return d == Date{} }

// AddDays is the date n days later (earlier for negative n).
func (d Date) AddDays(n int) Date {
	return fromTime(d.noon().AddDate(0, 0, n))
}

// AddMonths is the same day n months later, clamped to the last day of the target
// month: 31 January + 1 month is 28 (or 29) February, not 3 March.
func (d Date) AddMonths(n int) Date {
	first := time.Date(d.Year, d.Month+time.Month(n), 1, 12, 0, 0, 0, time.UTC)
	last := first.AddDate(0, 1, -1).Day()
	return Date{first.Year(), first.Month(), min(d.Day, last)}
}

// Weekday is the day of the week of d.
func (d Date) Weekday() time.Weekday { return d.noon().Weekday() }

// Compare returns -1, 0 or +1 as d is before, equal to or after o.
func (d Date) Compare(o Date) int {
	switch {
	case d.Year != o.Year:
		return cmpInt(d.Year, o.Year)
	case d.Month != o.Month:
		return cmpInt(int(d.Month), int(o.Month))
	}
	return cmpInt(d.Day, o.Day)
}

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// Before reports whether d is before o.
func (d Date) Before(o Date) bool { return d.Compare(o) < 0 }

// After reports whether d is after o.
func (d Date) After(o Date) bool { return d.Compare(o) > 0 }

// At is the wall-clock time hour:min of d in Almaty (Rule G-1: all deadlines run
// on Almaty time).
func (d Date) At(hour, min int) time.Time {
	return time.Date(d.Year, d.Month, d.Day, hour, min, 0, 0, Almaty)
}

// MarshalText writes "2006-01-02" (empty for the zero date).
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText reads "2006-01-02"; empty text is the zero date.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}
