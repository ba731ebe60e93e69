// Package qualitydesk holds the quality-control dashboard of the authorized body: on-time share, overdue and time to result as charts with drill-down and exports.
package qualitydesk

import (
	"embed"
	"net/http"
	"net/url"
	"slices"
	"time"

	"qyzmet/internal/calendar"
	"qyzmet/internal/casework"
	"qyzmet/internal/i18n"
	"qyzmet/internal/quality"
	"qyzmet/internal/standard"
	"qyzmet/internal/web/ui"
)

//go:embed templates/*.html
var templateFS embed.FS

// Pages are the area's pages.
type Pages struct {
	deps  ui.Deps
	views *ui.Views
}

// New parses the area's views.
func New(d ui.Deps) (*Pages, error) {
	v, err := ui.Parse(templateFS, d.Log, "dashboard", "drill", "application")
	if err != nil {
		return nil, err
	}
	return &Pages{deps: d, views: v}, nil
}

// Mount adds the area's routes, each open to the quality officer alone.
func (p *Pages) Mount(mux *http.ServeMux) {
	guard := func(h http.HandlerFunc) http.Handler { return p.views.Staff(h, casework.RoleQuality) }
	base := ui.PathQuality
	mux.Handle("GET "+base, guard(p.dashboard))
	mux.Handle("GET "+base+"/drill", guard(p.drill))
	mux.Handle("GET "+base+"/export.csv", guard(p.exportCSV))
	mux.Handle("GET "+base+"/export.xlsx", guard(p.exportXLSX))
	mux.Handle("GET "+base+"/applications/{id}", guard(p.application))
}

// filters are the dashboard's GET form as typed, kept for the links (drill-
// down, exports) so that they carry the same selection.
type filters struct {
	From, To, Service, Channel, Branch string
}

// values are the filters as URL parameters, empty ones left out.
func (f filters) values() url.Values {
	v := url.Values{}
	for k, s := range map[string]string{"from": f.From, "to": f.To, "service": f.Service, "channel": f.Channel, "branch": f.Branch} {
		if s != "" {
			v.Set(k, s)
		}
	}
	return v
}

// query reads the filters of r into a quality query at now. A bad date or an
// unknown service or channel is an error next to its field; the default
// period is the current year up to today.
func (p *Pages) query(r *http.Request, lang i18n.Lang) (quality.Query, filters, ui.FormError) {
	g := r.URL.Query()
	f := filters{From: g.Get("from"), To: g.Get("to"), Service: g.Get("service"), Channel: g.Get("channel"), Branch: g.Get("branch")}
	now := p.deps.Now()
	today := calendar.DateOf(now)
	if f.From == "" && f.To == "" {
		f.From, f.To = calendar.Date{Year: today.Year, Month: time.January, Day: 1}.String(), today.String()
	}
	q := quality.Query{Service: standard.ServiceID(f.Service), Channel: standard.Channel(f.Channel), Branch: f.Branch, Now: now}
	errs := map[string]string{}
	for _, d := range []struct {
		field string
		text  string
		into  *calendar.Date
	}{{"from", f.From, &q.From}, {"to", f.To, &q.To}} {
		if d.text == "" {
			continue
		}
		day, err := calendar.ParseDate(d.text)
		if err != nil {
			errs[d.field] = ui.T("qualitydesk.err.date", lang)
		}
		*d.into = day
	}
	if f.Service != "" && !slices.Contains(p.services(), q.Service) {
		errs["service"] = ui.T("qualitydesk.err.service", lang)
	}
	if f.Channel != "" && !q.Channel.Valid() {
		errs["channel"] = ui.T("qualitydesk.err.channel", lang)
	}
	if len(errs) > 0 {
		return q, f, ui.FormError{Fields: errs}
	}
	return q, f, ui.FormError{}
}

// queryError places an error of the quality package next to its field.
func queryError(err error, lang i18n.Lang) ui.FormError {
	if qe, ok := err.(*quality.Error); ok {
		return ui.FormError{Fields: map[string]string{qe.Field: qe.Text.In(lang)}}
	}
	return ui.FormError{Notice: ui.ErrText(err, lang)}
}

// services are the services whose quality is measured: every service but
// the complaint procedure.
func (p *Pages) services() []standard.ServiceID {
	var out []standard.ServiceID
	for _, s := range p.deps.Sys.Standards().Services() {
		if s != standard.Complaint {
			out = append(out, s)
		}
	}
	return out
}

// serviceName is a service's name from its latest standard.
func (p *Pages) serviceName(id standard.ServiceID, lang i18n.Lang) string {
	if vs := p.deps.Sys.Standards().Versions(id); len(vs) > 0 {
		return vs[len(vs)-1].Name.In(lang)
	}
	return string(id)
}

// keyValue is the value of dimension d in k, as the drill-down link carries it.
func keyValue(k quality.Key, d quality.Dimension) string {
	switch d {
	case quality.ByService:
		return string(k.Service)
	case quality.ByChannel:
		return string(k.Channel)
	case quality.ByBranch:
		return k.Branch
	}
	return k.Month
}

// keyOf is the cell of dimension d with value v.
func keyOf(d quality.Dimension, v string) quality.Key {
	switch d {
	case quality.ByService:
		return quality.Key{Service: standard.ServiceID(v)}
	case quality.ByChannel:
		return quality.Key{Channel: standard.Channel(v)}
	case quality.ByBranch:
		return quality.Key{Branch: v}
	}
	return quality.Key{Month: v}
}

// drillHref is the address of the applications behind measure m of cell k.
func drillHref(f filters, d quality.Dimension, k quality.Key, m quality.Measure) string {
	v := f.values()
	v.Set("by", string(d))
	v.Set("key", keyValue(k, d))
	v.Set("measure", string(m))
	return ui.PathQuality + "/drill?" + v.Encode()
}
