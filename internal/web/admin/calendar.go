package admin

import (
	"net/http"
	"strconv"
	"strings"

	"qyzmet/internal/apperr"
	"qyzmet/internal/calendar"
	"qyzmet/internal/i18n"
	"qyzmet/internal/settings"
	"qyzmet/internal/web/ui"
)

// TransferRow is one transfer of a day off.
type TransferRow struct {
	Worked, Off calendar.Date
	Source      string
	// Added: entered on this page (else the release carries it).
	Added     bool
	CreatedBy string
}

// CalendarPage lists a year's transfers of days off and offers the add form.
type CalendarPage struct {
	Base
	Year      int
	Years     []int
	Transfers []TransferRow
	Pending   []TransferRow // stored for any year, not yet in force here
	V         map[string]string
	Err       ui.FormError
}

func (p *Pages) calendar(w http.ResponseWriter, r *http.Request) {
	p.renderCalendar(w, r, http.StatusOK, map[string]string{}, ui.FormError{})
}

func (p *Pages) renderCalendar(w http.ResponseWriter, r *http.Request, status int, v map[string]string, ferr ui.FormError) {
	lang := ui.RequestLang(w, r)
	today := calendar.DateOf(p.deps.Now())
	year := today.Year
	if y, err := strconv.Atoi(r.URL.Query().Get("year")); err == nil && y >= today.Year-10 && y <= today.Year+2 {
		year = y
	}
	stored, err := p.settings.Transfers(r.Context())
	if err != nil {
		p.failed(w, r, err)
		return
	}
	page := CalendarPage{Base: base(r, pathCalendar), Year: year, V: v, Err: ferr}
	for y := today.Year + 2; y >= today.Year-10; y-- {
		page.Years = append(page.Years, y)
	}
	running := p.deps.Sys.Engine.Calendar()
	added := map[calendar.Date]settings.Transfer{}
	for _, t := range stored {
		added[t.Worked] = t
		if running.Day(t.Worked).Kind != calendar.KindTransferWorked {
			page.Pending = append(page.Pending, TransferRow{Worked: t.Worked, Off: t.Off, Source: t.Source, Added: true, CreatedBy: t.CreatedBy})
		}
	}
	// The transfers in force are the running calendar's: what the engine
	// counts deadlines with.
	for _, d := range running.NonWorkingDays(year) {
		if d.Kind != calendar.KindTransferOff {
			continue
		}
		row := TransferRow{Worked: d.From, Off: d.Date, Source: d.Source}
		if t, ok := added[d.From]; ok {
			row.Added, row.CreatedBy = true, t.CreatedBy
		}
		page.Transfers = append(page.Transfers, row)
	}
	p.views.RenderAt(w, r, status, "calendar", lang, ui.T("admin.calendar.title", lang), pathCalendar, page)
}

func (p *Pages) addTransfer(w http.ResponseWriter, r *http.Request) {
	lang := ui.RequestLang(w, r)
	v := map[string]string{}
	for _, f := range []string{settings.FieldWorked, settings.FieldOff, settings.FieldSource} {
		v[f] = strings.TrimSpace(r.PostFormValue(f))
	}
	t := calendar.Transfer{Source: v[settings.FieldSource]}
	err := parseDateField(v, settings.FieldWorked, &t.Worked)
	if err == nil {
		err = parseDateField(v, settings.FieldOff, &t.Off)
	}
	if err == nil {
		err = p.settings.AddTransfer(r.Context(), ui.Principal(r).Login, t, p.deps.Sys.Engine.Calendar())
	}
	if err != nil {
		if !isUserError(err) {
			p.failed(w, r, err)
			return
		}
		p.renderCalendar(w, r, ui.Status(err), v, settingsError(err, lang, settings.FieldWorked))
		return
	}
	p.reloadLaw(r)
	done(w, r, pathCalendar+"?year="+strconv.Itoa(t.Off.Year), "added")
}

// reloadLaw puts a stored change of the law in force at once (rule G-1: the
// deadlines computed after it count with it). A failure is logged and left to
// the minute's poll (app.System), which sees the new row.
func (p *Pages) reloadLaw(r *http.Request) {
	if err := p.deps.Sys.ReloadLaw(r.Context()); err != nil {
		p.deps.Log.Error("admin: reload the law", "err", err)
	}
}

// parseDateField reads the date input name ("2027-07-03"; empty stays zero).
func parseDateField(v map[string]string, name string, d *calendar.Date) error {
	if v[name] == "" {
		return nil
	}
	parsed, err := calendar.ParseDate(v[name])
	if err != nil {
		return apperr.E(apperr.Invalid, "not a date").WithKey("admin.date_format." + name)
	}
	*d = parsed
	return nil
}

// settingsError places a refused entry of package settings, a date the page
// could not read, or a conflict (on conflictField) next to its field.
func settingsError(err error, lang i18n.Lang, conflictField string) ui.FormError {
	if e, ok := settings.AsError(err); ok {
		return ui.FormError{Fields: map[string]string{e.Field: e.Text.In(lang)}}
	}
	if f, ok := strings.CutPrefix(apperr.KeyOf(err), "admin.date_format."); ok {
		return ui.FormError{Fields: map[string]string{f: ui.T("admin.date_format", lang)}}
	}
	if apperr.CodeOf(err) == apperr.Conflict {
		return ui.FormError{Fields: map[string]string{conflictField: ErrText(err, lang)}}
	}
	return ui.FormError{Notice: ErrText(err, lang)}
}
