package providerdesk

import (
	"time"

	"qyzmet/internal/calendar"
	"qyzmet/internal/casework"
	"qyzmet/internal/i18n"
	"qyzmet/internal/web/ui"
)

// Levels of a clock on the desk, shown in colour and in words.
const (
	levelOK   = "ok"   // more than a working day left
	levelSoon = "soon" // due today or on the last working day
	levelLate = "late" // overdue
)

// clockView is the clock that runs out first on an application.
type clockView struct {
	Level string
	Words string
	Name  i18n.Text
	Rule  string
	Due   time.Time
}

// nextClock is the application's running clock with the earliest due time;
// false when every clock is done (a final or decided application).
func nextClock(app *casework.Application) (casework.Clock, bool) {
	var next casework.Clock
	found := false
	for _, c := range app.Clocks {
		if c.Done {
			continue
		}
		if !found || c.Due.Before(next.Due) {
			next, found = c, true
		}
	}
	return next, found
}

// clockOf says how much time the application's first clock has left on now:
// red when overdue, amber when due today or with no more than one working day
// left, green otherwise.
func clockOf(cal *calendar.Calendar, app *casework.Application, now time.Time, lang i18n.Lang) (clockView, bool) {
	c, ok := nextClock(app)
	if !ok {
		return clockView{}, false
	}
	v := clockView{Name: c.Name, Rule: c.Rule, Due: c.Due}
	today := calendar.DateOf(now)
	due := ui.FormatTime(c.Due)
	switch left := cal.WorkingDaysBetween(today, c.DueOn); {
	case c.Overdue || now.After(c.Due):
		v.Level, v.Words = levelLate, ui.Tf("providerdesk.clock.late", lang, due)
	case c.DueOn == today:
		v.Level, v.Words = levelSoon, ui.Tf("providerdesk.clock.today", lang, due)
	case left <= 1:
		v.Level, v.Words = levelSoon, ui.Tf("providerdesk.clock.last_day", lang, due)
	default:
		v.Level, v.Words = levelOK, ui.Tf("providerdesk.clock.left", lang, left, due)
	}
	return v, true
}
