package admin

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"qyzmet/internal/apperr"
	"qyzmet/internal/calendar"
	"qyzmet/internal/i18n"
	"qyzmet/internal/settings"
	"qyzmet/internal/web/ui"
)

// MCIRow is the MCI of one year.
type MCIRow struct {
	settings.MCIValue
	// Pending: stored but not yet in the law this process runs (another
	// process stored it; the poll brings it within a minute).
	Pending bool
}

// MCIPage is the MCI table and the form for the next year.
type MCIPage struct {
	Base
	Rows     []MCIRow
	NextYear int
	V        map[string]string
	Err      ui.FormError
}

var mciFields = []string{settings.FieldYear, settings.FieldTenge, settings.FieldRef, settings.FieldActKK, settings.FieldActRU, settings.FieldActEN}

func (p *Pages) mci(w http.ResponseWriter, r *http.Request) {
	p.renderMCI(w, r, http.StatusOK, nil, ui.FormError{})
}

func (p *Pages) renderMCI(w http.ResponseWriter, r *http.Request, status int, v map[string]string, ferr ui.FormError) {
	lang := ui.RequestLang(w, r)
	table, err := p.settings.MCITable(r.Context())
	if err != nil {
		p.failed(w, r, err)
		return
	}
	page := MCIPage{Base: base(r, pathMCI), V: v, Err: ferr}
	for i := len(table) - 1; i >= 0; i-- { // the newest year first
		row := MCIRow{MCIValue: table[i]}
		tenge, _, err := p.deps.Sys.Engine.Standards().MCI(calendar.D(row.Year, time.January, 1))
		row.Pending = row.Stored && (err != nil || tenge != row.Tenge)
		page.Rows = append(page.Rows, row)
	}
	if len(table) > 0 {
		page.NextYear = table[len(table)-1].Year + 1
	}
	if page.V == nil {
		page.V = map[string]string{settings.FieldYear: strconv.Itoa(page.NextYear)}
	}
	p.views.RenderAt(w, r, status, "mci", lang, ui.T("admin.mci.title", lang), pathMCI, page)
}

func (p *Pages) addMCI(w http.ResponseWriter, r *http.Request) {
	lang := ui.RequestLang(w, r)
	v := map[string]string{}
	for _, f := range mciFields {
		v[f] = strings.TrimSpace(r.PostFormValue(f))
	}
	value := settings.MCIValue{Ref: v[settings.FieldRef],
		Act: i18n.Text{KK: v[settings.FieldActKK], RU: v[settings.FieldActRU], EN: v[settings.FieldActEN]}}
	err := numberField(v, settings.FieldYear, &value.Year)
	if err == nil {
		err = numberField(v, settings.FieldTenge, &value.Tenge)
	}
	if err == nil {
		err = p.settings.AddMCI(r.Context(), ui.Principal(r).Login, value)
	}
	if err != nil {
		if !isUserError(err) {
			p.failed(w, r, err)
			return
		}
		p.renderMCI(w, r, ui.Status(err), v, mciError(err, lang))
		return
	}
	p.reloadLaw(r)
	done(w, r, pathMCI, "added")
}

// numberField reads the whole-number input name.
func numberField(v map[string]string, name string, n *int) error {
	parsed, err := strconv.Atoi(strings.ReplaceAll(v[name], " ", ""))
	if err != nil {
		return apperr.E(apperr.Invalid, "not a whole number").WithKey("admin.number_format." + name)
	}
	*n = parsed
	return nil
}

func mciError(err error, lang i18n.Lang) ui.FormError {
	if f, ok := strings.CutPrefix(apperr.KeyOf(err), "admin.number_format."); ok {
		return ui.FormError{Fields: map[string]string{f: ui.T("admin.number_format", lang)}}
	}
	return settingsError(err, lang, settings.FieldYear)
}
