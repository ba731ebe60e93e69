package casework

import (
	"slices"
	"strings"
	"time"

	"qyzmet/internal/calendar"
	"qyzmet/internal/i18n"
	"qyzmet/internal/standard"
)

// Clock IDs that are not steps of a standard.
const (
	ClockDeadline       = "deadline"         // the service deadline (CR-STD-3.1, AP-STD-3, AR-STD-3, AC-4.1)
	ClockReturnToBranch = "return-to-branch" // G-7: the provider sends a stored result back within 1 working day
	ClockStorageReturn  = "storage-return"   // G-7: 1 month at the State Corporation, then to the provider
	ClockStorageFile    = "storage-file"     // G-7: 3 months, then the nomenclature file
)

// Step IDs of the standards that the engine ties to its commands (the steps a
// command completes are in commandSteps). A standard that names none of them
// simply has no such clock.
const (
	stepRegister         = "register"       // AP-6.1
	stepCheck            = "check"          // AP-6.2
	stepSearch           = "search"         // AR-6.3
	stepDrawUp           = "draw-up"        // AP-6.3, AR-6.4
	stepHearingNotice    = "hearing-notice" // AP-6.4, AR-6.2 (and hearing-notice-from-receipt)
	stepHearing          = "hearing"        // AP-6.4, AR-6.2
	stepDelivery         = "delivery"       // AP-6.5, AR-6.6
	stepInterimReply     = "interim-reply"  // CR-STD-3.4
	stepReapplyAfter     = "reapply-after"  // CR-STD-3.4
	stepForwardOrSatisfy = "forward-or-satisfy"
	stepReview           = "review"
	stepReviewQuality    = "review-quality-body"
)

// isHearingStep reports whether a step belongs to the hearing before a refusal:
// those clocks run only once a preliminary refusal is made.
func isHearingStep(id string) bool { return strings.HasPrefix(id, stepHearing) }

var clockNames = map[string]i18n.Text{
	ClockDeadline:       {KK: "мемлекеттік қызмет көрсету мерзімі", RU: "срок оказания государственной услуги", EN: "service deadline"},
	ClockReturnToBranch: {KK: "сақталған нәтижені Мемлекеттік корпорацияға қайтару", RU: "возврат хранящегося результата в Государственную корпорацию", EN: "sending the stored result back to the State Corporation"},
	ClockStorageReturn:  {KK: "Мемлекеттік корпорацияда сақтау (1 ай)", RU: "хранение в Государственной корпорации (1 месяц)", EN: "storage at the State Corporation (1 month)"},
	ClockStorageFile:    {KK: "номенклатуралық іске тігу (3 ай)", RU: "помещение в номенклатурное дело (3 месяца)", EN: "filing in the nomenclature file (3 months)"},
}

// paths are the standard's paths the application is on.
func (e *Engine) paths(std *standard.Standard, a *Application) []standard.Path {
	var ps []standard.Path
	if a.TravelAbroad {
		ps = append(ps, standard.PathTravelAbroad)
	}
	if a.AdditionalCheck {
		ps = append(ps, standard.PathAdditionalCheck)
	}
	if a.Complaint != nil {
		switch a.Complaint.Addressee {
		case AddresseeQualityBody:
			// Rule CP-4, AC-21: the quality-control body's own review.
			ps = append(ps, standard.PathQualityControl)
		case AddresseeProvider:
			// Rule CP-2: the appealed provider forwards or satisfies — when the
			// complaint standard in force has that path.
			if hasPath(std, standard.PathForward) {
				ps = append(ps, standard.PathForward)
			}
		}
	}
	return ps
}

func hasPath(std *standard.Standard, p standard.Path) bool {
	return slices.ContainsFunc(std.Deadlines, func(d standard.DeadlineRule) bool { return d.Path == p })
}

func intersects(a, b []standard.Path) bool {
	return slices.ContainsFunc(a, func(p standard.Path) bool { return slices.Contains(b, p) })
}

// stepApplies reports whether step st of std runs for the application.
func stepApplies(std *standard.Standard, st standard.StepRule, a *Application, paths []standard.Path) bool {
	if st.Bound == standard.BoundEarliest {
		return false // a date from which something may happen is no deadline (CR-STD-3.4 reapply-after)
	}
	if len(st.Paths) > 0 {
		return intersects(st.Paths, paths)
	}
	// A step for a path replaces the general step with the same anchor (CP-4's 15
	// days replace CP-3's 5 for the quality-control body).
	for _, o := range std.Steps {
		if o.ID != st.ID && len(o.Paths) > 0 && o.Anchor == st.Anchor && intersects(o.Paths, paths) {
			return false
		}
	}
	if isHearingStep(st.ID) {
		return a.Hearing != nil
	}
	if st.ID == stepForwardOrSatisfy {
		return slices.Contains(paths, standard.PathForward)
	}
	return true
}

// closing is the end of the provider's working day on d: when a step due that
// day is due.
func (e *Engine) schedule(std *standard.Standard, a *Application) calendar.Schedule {
	if s, _, err := std.Schedule(standard.OfficeProvider); err == nil {
		return s
	}
	// A complaint runs on the working hours of the provider complained about.
	if a.Complaint != nil {
		if about, err := e.Standards().At(a.Complaint.AboutService, a.ReceivedOn); err == nil {
			if s, _, err := about.Schedule(standard.OfficeProvider); err == nil {
				return s
			}
		}
	}
	return calendar.Schedule{RoundTheClock: true}
}

// plan computes every clock of the application from the standard and what has
// happened so far, keeping what the previous clocks recorded (done, overdue).
func (e *Engine) plan(std *standard.Standard, a *Application) []Clock {
	if a.ReceivedOn.IsZero() {
		return nil
	}
	prev := map[string]Clock{}
	for _, c := range a.Clocks {
		prev[c.ID] = c
	}
	sched := e.schedule(std, a)
	var out []Clock
	add := func(c Clock) {
		if p, ok := prev[c.ID]; ok {
			c.Done, c.DoneAt, c.Overdue, c.Late = p.Done, p.DoneAt, p.Overdue, p.Late
		}
		out = append(out, c)
	}
	if a.Complaint == nil && !a.DeadlineOn.IsZero() {
		add(Clock{ID: ClockDeadline, Name: clockNames[ClockDeadline], DueOn: a.DeadlineOn, Due: a.Deadline, Rule: a.DeadlineRule})
	}

	paths := e.paths(std, a)
	due := map[string]calendar.Date{}
	var steps []standard.StepRule
	for _, st := range std.Steps {
		if stepApplies(std, st, a, paths) {
			steps = append(steps, st)
		}
	}
	// Steps anchored on other steps are resolved after their anchors.
	for range len(steps) + 1 {
		for _, st := range steps {
			if _, ok := due[st.ID]; ok {
				continue
			}
			anchor, ok := e.anchorDate(st, a, prev, due)
			if !ok {
				continue
			}
			n := st.WorkingDays
			if st.Before {
				n = -n
			}
			due[st.ID], _ = e.Calendar().AddWorkingDays(anchor, n)
		}
	}
	// Resolution of AR-6.4 (docs/standards.md, decision 9): the steps of the
	// procedure are upper bounds inside the service deadline, and the result must
	// reach the State Corporation by the delivery step (AP-6.5, AR-6.6), so a step
	// counted forward is due by the earlier of its own bound and that one.
	limit := a.DeadlineOn
	if d, ok := due[stepDelivery]; ok {
		limit = d
	}
	for _, st := range steps {
		d, ok := due[st.ID]
		if !ok {
			continue
		}
		if a.Complaint == nil && !st.Before && !isHearingStep(st.ID) && st.ID != stepDelivery && !limit.IsZero() && d.After(limit) {
			d = limit
		}
		add(Clock{ID: st.ID, Name: st.Name, DueOn: d, Due: sched.Closing(d).UTC(), Rule: st.Rule})
	}

	if s := a.Storage; s != nil {
		rule := storageRule(std)
		if s.RequestedBackAt != nil {
			n := 1
			if std.Storage != nil {
				n = std.Storage.ReturnWorkingDays
			}
			d, _ := e.Calendar().AddWorkingDays(calendar.DateOf(*s.RequestedBackAt), n)
			add(Clock{ID: ClockReturnToBranch, Name: clockNames[ClockReturnToBranch], DueOn: d, Due: sched.Closing(d).UTC(), Rule: rule})
		}
		add(Clock{ID: ClockStorageReturn, Name: clockNames[ClockStorageReturn], DueOn: s.ReturnOn, Due: s.ReturnAt, Rule: rule})
		add(Clock{ID: ClockStorageFile, Name: clockNames[ClockStorageFile], DueOn: s.FileOn, Due: s.FileAt, Rule: rule})
	}
	return out
}

// anchorDate is the date step st counts from, when it is known.
func (e *Engine) anchorDate(st standard.StepRule, a *Application, prev map[string]Clock, due map[string]calendar.Date) (calendar.Date, bool) {
	anchor := st.Anchor
	// Rule AP-6.4: with a hearing, the result is drawn up after the hearing, not
	// after the check.
	if st.ID == stepDrawUp && a.Hearing != nil {
		anchor = stepHearing
	}
	switch anchor {
	case standard.AnchorReceived, standard.AnchorRegistered:
		return a.ReceivedOn, true
	case standard.AnchorDeadline:
		return a.DeadlineOn, !a.DeadlineOn.IsZero()
	}
	// Another step: from its completion when it is done, else from its due day.
	if anchor == stepHearingNotice && a.Hearing != nil && a.Hearing.NoticeSentAt != nil {
		return calendar.DateOf(*a.Hearing.NoticeSentAt), true
	}
	if p, ok := prev[anchor]; ok && p.Done && p.DoneAt != nil {
		return calendar.DateOf(*p.DoneAt), true
	}
	d, ok := due[anchor]
	return d, ok
}

// storageRule is the rule of the standard's storage of paper results (G-7).
func storageRule(std *standard.Standard) string {
	if std.Storage != nil && std.Storage.Rule != "" {
		return std.Storage.Rule
	}
	return "G-7"
}

// clock returns the application's clock with the given ID.
func (a *Application) clock(id string) *Clock {
	for i := range a.Clocks {
		if a.Clocks[i].ID == id {
			return &a.Clocks[i]
		}
	}
	return nil
}

// dropClocks forgets the clocks with the given IDs, so that the next plan makes
// them anew (not done, not overdue) with timers of their own.
func (a *Application) dropClocks(ids ...string) {
	a.Clocks = slices.DeleteFunc(a.Clocks, func(c Clock) bool { return slices.Contains(ids, c.ID) })
}

// complete marks the clocks done at now; a clock done after its due time is late.
func (a *Application) complete(now time.Time, ids ...string) {
	for _, id := range ids {
		c := a.clock(id)
		if c == nil || c.Done {
			continue
		}
		t := now
		c.Done, c.DoneAt = true, &t
		c.Late = now.After(c.Due)
	}
}

// closeAll stops every running clock of an application that reached a final state.
func (a *Application) closeAll(now time.Time) {
	for i := range a.Clocks {
		c := &a.Clocks[i]
		if !c.Done {
			t := now
			c.Done, c.DoneAt = true, &t
		}
	}
}
