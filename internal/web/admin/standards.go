package admin

import (
	"net/http"
	"reflect"
	"slices"
	"strings"

	"qyzmet/internal/calendar"
	"qyzmet/internal/standard"
	"qyzmet/internal/web/ui"
)

// ServiceVersions is one service and every version of its standard.
type ServiceVersions struct {
	ID       standard.ServiceID
	Versions []VersionRow
}

// VersionRow is one version of a standard.
type VersionRow struct {
	*standard.Standard
	InForce bool
	Rules   []string // every rule ID the version cites, in natural order (AC-4 before AC-12)
}

// StandardsPage lists every service's versions, read-only: the standards are
// data the release carries (standards/*.yaml), changed by a release.
type StandardsPage struct {
	Base
	Today    calendar.Date
	Services []ServiceVersions
}

func (p *Pages) standards(w http.ResponseWriter, r *http.Request) {
	lang := ui.RequestLang(w, r)
	set := p.deps.Sys.Standards()
	page := StandardsPage{Base: base(r, pathStandards), Today: calendar.DateOf(p.deps.Now())}
	for _, id := range set.Services() {
		sv := ServiceVersions{ID: id}
		versions := set.Versions(id)
		for i := len(versions) - 1; i >= 0; i-- { // the newest first
			v := versions[i]
			sv.Versions = append(sv.Versions, VersionRow{Standard: v, InForce: v.InForce(page.Today), Rules: ruleIDs(v)})
		}
		page.Services = append(page.Services, sv)
	}
	p.views.RenderAt(w, r, http.StatusOK, "standards", lang, ui.T("admin.standards.title", lang), pathStandards, page)
}

// ruleIDs collects the rule IDs a standard cites: every string field named
// Rule, anywhere in it, each once.
func ruleIDs(std *standard.Standard) []string {
	var out []string
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.Pointer, reflect.Interface:
			if !v.IsNil() {
				walk(v.Elem())
			}
		case reflect.Struct:
			for i := range v.NumField() {
				f := v.Type().Field(i)
				if !f.IsExported() {
					continue
				}
				if f.Name == "Rule" && f.Type.Kind() == reflect.String {
					if id := v.Field(i).String(); id != "" && !slices.Contains(out, id) {
						out = append(out, id)
					}
					continue
				}
				walk(v.Field(i))
			}
		case reflect.Slice, reflect.Array:
			for i := range v.Len() {
				walk(v.Index(i))
			}
		case reflect.Map:
			for _, k := range v.MapKeys() {
				walk(v.MapIndex(k))
			}
		}
	}
	walk(reflect.ValueOf(std))
	slices.SortFunc(out, naturalCompare)
	return out
}

// naturalCompare orders rule IDs with their numbers as numbers: AC-4.1 <
// AC-12 < CR-STD-3.1.
func naturalCompare(a, b string) int {
	for a != "" && b != "" {
		ra, rb := leadingRun(a), leadingRun(b)
		if c := compareRun(ra, rb); c != 0 {
			return c
		}
		a, b = a[len(ra):], b[len(rb):]
	}
	return len(a) - len(b)
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// leadingRun is s's first run of digits, or of other characters.
func leadingRun(s string) string {
	i := 1
	for i < len(s) && isDigit(s[i]) == isDigit(s[0]) {
		i++
	}
	return s[:i]
}

func compareRun(a, b string) int {
	if isDigit(a[0]) && isDigit(b[0]) && len(a) != len(b) {
		return len(a) - len(b) // no leading zeros in rule IDs: the longer number is the greater
	}
	return strings.Compare(a, b)
}
