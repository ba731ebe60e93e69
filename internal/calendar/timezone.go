package calendar

import (
	_ "embed"
	"fmt"
	"time"
	_ "time/tzdata" // Asia/Almaty must resolve on a host without a zoneinfo database
)

// Almaty is the Asia/Almaty time zone that every deadline runs on (Rule G-1):
// UTC+6 until 1 March 2024 00:00 local time, UTC+5 since (Government Decree
// No. 1749 of 23 November 2000 as amended on 19 January 2024).
var Almaty = loadAlmaty(time.LoadLocation)

// almatyTZif is the Asia/Almaty zone of IANA tzdata 2025c, copied from the Go
// distribution's lib/time/zoneinfo.zip. It is used only when the host's zoneinfo
// predates tzdata 2024a and so still puts Almaty at UTC+6 after the change.
//
//go:embed data/Asia_Almaty.tzif
var almatyTZif []byte

// loadAlmaty prefers the zone the runtime finds (the host's database, else Go's
// embedded copy) but refuses one that lacks the 2024 change: a stale host
// database would silently shift every deadline after 1 March 2024 by an hour.
func loadAlmaty(load func(string) (*time.Location, error)) *time.Location {
	if loc, err := load("Asia/Almaty"); err == nil && checkAlmaty(loc) == nil {
		return loc
	}
	loc, err := time.LoadLocationFromTZData("Asia/Almaty", almatyTZif)
	if err != nil {
		panic("calendar: embedded Asia/Almaty zone is broken: " + err.Error())
	}
	if err := checkAlmaty(loc); err != nil {
		panic("calendar: embedded Asia/Almaty zone is broken: " + err.Error())
	}
	return loc
}

// almatyChange is the instant Kazakhstan moved to a single zone, UTC+5: midnight
// of 1 March 2024 at the old UTC+6, when clocks went back to 23:00 of 29 February.
var almatyChange = time.Date(2024, 2, 29, 18, 0, 0, 0, time.UTC)

// checkAlmaty verifies the offsets on both sides of the 2024 change (Rule G-1).
func checkAlmaty(loc *time.Location) error {
	for _, c := range []struct {
		at     time.Time
		offset int
	}{
		{almatyChange.Add(-time.Second), 6 * 3600},
		{almatyChange, 5 * 3600},
	} {
		if _, off := c.at.In(loc).Zone(); off != c.offset {
			return fmt.Errorf("at %s the offset is %+ds, want %+ds", c.at.Format(time.RFC3339), off, c.offset)
		}
	}
	return nil
}
