package calendar_test

import (
	"fmt"

	"qyzmet/internal/calendar"
	"qyzmet/internal/i18n"
)

// A deadline of one working day from Friday 20 March 2026 passes the Nauryz
// holidays and their carry-overs (Rule G-1).
func ExampleCalendar_AddWorkingDays() {
	due, skipped := calendar.Default().AddWorkingDays(calendar.D(2026, 3, 20), 1)
	fmt.Println("due:", due)
	for _, d := range skipped {
		fmt.Printf("%s %s\n", d.Date, d.Reason(i18n.EN))
	}
	// Output:
	// due: 2026-03-26
	// 2026-03-21 Nauryz (Saturday; the day off is carried over to 2026-03-24)
	// 2026-03-22 Nauryz (Sunday; the day off is carried over to 2026-03-25)
	// 2026-03-23 Nauryz
	// 2026-03-24 Nauryz (carried over from 2026-03-21)
	// 2026-03-25 Nauryz (carried over from 2026-03-22)
}

// An administrator adds a transfer of a day off announced after the release.
func ExampleCalendar_With() {
	extra, err := calendar.ParseData([]byte(`
transfers:
  - worked: 2026-12-19
    off: 2026-12-18
    source: Order of the Minister of Labour and Social Protection (example)
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	c, err := calendar.Default().With(extra)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(c.Day(calendar.D(2026, 12, 18)).Reason(i18n.EN))
	// Output:
	// Day off transferred from 2026-12-19 (Order of the Minister of Labour and Social Protection (example))
}
