package providerdesk

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"qyzmet/internal/apperr"
	"qyzmet/internal/calendar"
	"qyzmet/internal/casework"
	"qyzmet/internal/i18n"
	"qyzmet/internal/web/ui"
)

// maxText bounds a free-text field (reasons, minutes, the applicant's
// position): longer input is refused next to the field, not cut.
const maxText = 4000

// actingOrder is the role a staff member with several roles acts in when a
// command allows more than one of them.
var actingOrder = []casework.Role{casework.RoleOfficer, casework.RoleHead, casework.RoleArchivist}

// command runs one decision posted from the application page. Success
// redirects to the page (so a reload posts nothing); a refusal shows the page
// again with the engine's error next to its field.
func (p *Pages) command(w http.ResponseWriter, r *http.Request) {
	lang := ui.RequestLang(w, r)
	id, name := r.PathValue("id"), r.PathValue("command")
	i := slices.IndexFunc(p.deps.Sys.Engine.Commands(), func(s casework.CommandSpec) bool { return s.Name == name })
	if i < 0 || !slices.Contains(deskCommands, name) {
		p.views.NotFound(w, r)
		return
	}
	spec := p.deps.Sys.Engine.Commands()[i]
	actor, ok := actorIn(r, slices.DeleteFunc(slices.Clone(actingOrder), func(r casework.Role) bool { return !slices.Contains(spec.Roles, r) })...)
	if !ok {
		p.views.Forbidden(w, r)
		return
	}
	if err := r.ParseForm(); err != nil {
		p.views.Message(w, r, http.StatusBadRequest, "error.title", ui.T("error.refused", lang))
		return
	}
	version, _ := strconv.Atoi(r.PostForm.Get("version"))
	data, ferr := commandData(name, r.PostForm, lang)
	if ferr.Any() {
		p.refused(w, r, id, name, http.StatusUnprocessableEntity, ferr)
		return
	}
	_, err := p.deps.Sys.Engine.Execute(r.Context(), actor, id, casework.Command{Name: name, ExpectedVersion: version, Data: data})
	switch {
	case err == nil, apperr.CodeOf(err) == apperr.Conflict && p.alreadyDone(r.Context(), actor, id, name, version):
		http.Redirect(w, r, applicationPath(id)+"?done="+url.QueryEscape(name), http.StatusSeeOther)
	case apperr.CodeOf(err) == apperr.NotFound:
		p.views.NotFound(w, r)
	case apperr.CodeOf(err) == apperr.Forbidden && byRule(err):
		// A rule, not the role, stands in the way (AR-6.4: the head signs):
		// the form says which and what to do instead.
		p.refused(w, r, id, name, http.StatusForbidden, placeError(ui.NewFormError(err, lang)))
	case apperr.CodeOf(err) == apperr.Forbidden:
		p.views.Forbidden(w, r)
	case apperr.CodeOf(err) == apperr.Conflict:
		// Rule of the desks (#7): of two officers deciding at once one wins;
		// the other sees the application as it is now, and why.
		p.refused(w, r, id, name, http.StatusConflict, ui.FormError{Notice: ui.T("providerdesk.conflict", lang)})
	case apperr.CodeOf(err) == apperr.Invalid:
		p.refused(w, r, id, name, http.StatusUnprocessableEntity, placeError(ui.NewFormError(err, lang)))
	default:
		p.views.Fail(w, r, err)
	}
}

// byRule reports whether the engine refused by a rule of the digest.
func byRule(err error) bool {
	var ce *casework.Error
	return errors.As(err, &ce) && ce.Rule != ""
}

// alreadyDone reports whether the command at this version is the actor's own
// and done: a double click whose second post meets the first one's version.
func (p *Pages) alreadyDone(ctx context.Context, actor casework.Actor, id, name string, version int) bool {
	events, err := p.deps.Sys.Engine.Events(ctx, actor, id)
	if err != nil {
		return false
	}
	return slices.ContainsFunc(events, func(e casework.Event) bool {
		return e.Version == version+1 && e.Type == name && e.ActorID == actor.ID
	})
}

// refused shows the application again with the failed command's errors and
// the values as they were posted.
func (p *Pages) refused(w http.ResponseWriter, r *http.Request, id, name string, status int, ferr ui.FormError) {
	p.showApplication(w, r, status, id, func(c *appContent) {
		c.Failed, c.Err, c.Values, c.Conflict = name, ferr, r.PostForm, status == http.StatusConflict
	})
}

var indexSuffix = regexp.MustCompile(`\[[0-9]+\]$`)

// formFields are the inputs of the desk's forms that an engine error can
// name; errors of anything else go to the top of the form.
var formFields = []string{"data.assignee", "data.text", "data.grounds", "data.at", "data.method", "data.place",
	"data.position", "data.minutes", "data.result", "data.medium", "data.finding", "data.fields.birth_place",
	"data.fields." + fieldCardID, "hearing_time", "data.apostille.document", "data.apostille.document_number", "data.apostille.pages"}

// placeError puts an engine error next to the desk's input of that name
// ("data.grounds[1]" next to the grounds), else at the top of the form.
func placeError(fe ui.FormError) ui.FormError {
	out := ui.FormError{Notice: fe.Notice}
	for field, text := range fe.Fields {
		field = indexSuffix.ReplaceAllString(field, "")
		if slices.Contains(formFields, field) {
			if out.Fields == nil {
				out.Fields = map[string]string{}
			}
			out.Fields[field] = text
			continue
		}
		out.Notice = strings.TrimSpace(out.Notice + " " + text)
	}
	return out
}

// commandData turns a posted form into the command's data (ADR 0003 §3).
// Errors the desk finds itself (a date that is no date, an overlong text)
// come back next to their fields, and nothing is sent.
func commandData(name string, f url.Values, lang i18n.Lang) (json.RawMessage, ui.FormError) {
	var fe ui.FormError
	bad := func(field, key string) {
		if fe.Fields == nil {
			fe.Fields = map[string]string{}
		}
		fe.Fields[field] = ui.T(key, lang)
	}
	text := func(field string) string {
		v := strings.TrimSpace(f.Get(field))
		if utf8.RuneCountInString(v) > maxText {
			bad(field, "providerdesk.too_long")
		}
		return v
	}
	d := map[string]any{}
	put := func(key, v string) {
		if v != "" {
			d[key] = v
		}
	}
	switch name {
	case "assign":
		d["assignee"] = text("data.assignee")
	case "interim-reply":
		put("text", text("data.text"))
	case "preliminary-refusal", "refuse":
		if g := f["data.grounds"]; len(g) > 0 {
			d["grounds"] = g
		}
		put("text", text("data.text"))
	case "schedule-hearing":
		if at, ok := hearingAt(f.Get("data.at"), f.Get("hearing_time"), bad); ok {
			d["at"] = at.Format(time.RFC3339)
		}
		put("method", f.Get("data.method"))
		put("place", text("data.place"))
	case "hold-hearing":
		d["attended"] = f.Get("data.attended") == "yes"
		put("position", text("data.position"))
		put("minutes", text("data.minutes"))
	case cmdRecord:
		recordData(f, d, text, bad)
	case "issue":
		put("result", f.Get("data.result"))
		put("medium", f.Get("data.medium"))
		put("finding", f.Get("data.finding"))
		put("text", text("data.text"))
		fields := map[string]string{}
		for k := range f {
			if key, ok := strings.CutPrefix(k, "data.fields."); ok {
				if v := text(k); v != "" {
					fields[key] = v
				}
			}
		}
		if len(fields) > 0 {
			d["fields"] = fields
		}
	}
	if fe.Any() {
		return nil, fe
	}
	if len(d) == 0 {
		return nil, fe
	}
	raw, _ := json.Marshal(d)
	return raw, fe
}

// hearingAt is the hearing's moment from the date and time inputs, in Astana
// time. An empty date is left to the engine, which names the rule.
func hearingAt(day, clock string, bad func(field, key string)) (time.Time, bool) {
	day, clock = strings.TrimSpace(day), strings.TrimSpace(clock)
	if day == "" {
		return time.Time{}, false
	}
	d, err := calendar.ParseDate(day)
	if err != nil {
		bad("data.at", "providerdesk.hearing.bad_date")
		return time.Time{}, false
	}
	hm, err := time.Parse("15:04", clock)
	if err != nil {
		bad("hearing_time", "providerdesk.hearing.bad_time")
		return time.Time{}, false
	}
	return time.Date(d.Year, d.Month, d.Day, hm.Hour(), hm.Minute(), 0, 0, calendar.Almaty), true
}

// recordData is the data of record-verification from one of the panel's
// forms: the card that answers, "no data" with the applicant's medium, or the
// official document as compared with the specimens (AP-6.2, AR-6.3, AR-6.4).
func recordData(f url.Values, d map[string]any, text func(string) string, bad func(field, key string)) {
	switch {
	case f.Has("data.card_id"):
		d["card_id"] = strings.TrimSpace(f.Get("data.card_id"))
	case f.Get("data.no_data") == "yes":
		d["no_data"] = true
		if m := f.Get("data.medium"); m != "" {
			d["medium"] = m
		}
	case f.Has("data.apostille." + fieldSignerSurname):
		d["apostille"] = apostilleData(f, text, bad)
	}
}

// apostilleData is the official document of the record form, as the engine's
// ApostilleInput reads it.
func apostilleData(f url.Values, text func(string) string, bad func(field, key string)) map[string]any {
	in := func(field string) string { return text("data.apostille." + field) }
	a := map[string]any{
		"signer":   map[string]string{"surname": in(fieldSignerSurname), "given_name": in(fieldSignerGivenName), "patronymic": in(fieldSignerPatronymic)},
		"position": in(fieldSignerPosition), "body": in(fieldSignerBody), "seal_id": in(fieldSealID),
		"document": in("document"), "document_number": in("document_number"),
	}
	if s := in(fieldSignedOn); s != "" {
		if _, err := calendar.ParseDate(s); err != nil {
			bad("data.apostille."+fieldSignedOn, "providerdesk.verify.bad_date")
		} else {
			a["signed_on"] = s
		}
	}
	if s := in("pages"); s != "" {
		if n, err := strconv.Atoi(s); err != nil || n < 0 {
			bad("data.apostille.pages", "providerdesk.recorded.bad_pages")
		} else {
			a["pages"] = n
		}
	}
	return a
}
