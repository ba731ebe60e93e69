package complaintsdesk

import (
	"net/http"
	"regexp"
	"slices"
	"strings"
	"time"

	"qyzmet/internal/apperr"
	"qyzmet/internal/auth"
	"qyzmet/internal/calendar"
	"qyzmet/internal/casework"
	"qyzmet/internal/i18n"
	"qyzmet/internal/standard"
	"qyzmet/internal/web/ui"
)

// textFields are the free-text inputs of the registration form, checked for
// markup before anything reaches the engine.
var textFields = []string{"about", "complainant.iin", "complainant.bin", "complainant.surname", "complainant.given_name",
	"complainant.patronymic", "complainant.org_name", "complainant.phone", "complainant.email", "complainant.address",
	"outgoing_number", "text"}

// registerView is the registration form: the values typed, the choices and
// the errors next to their fields.
type registerView struct {
	V          map[string]string
	Err        ui.FormError
	Addressees []ui.Option
	Kinds      []ui.Option
	Forms      []ui.Option
	Channels   []ui.Option
	Replies    []ui.Option
	Key        string
}

func (p *Pages) registerForm(w http.ResponseWriter, r *http.Request) {
	lang := ui.RequestLang(w, r)
	v := map[string]string{"about": r.URL.Query().Get("about"), "form": "paper", "channel": string(standard.ProviderOffice),
		"complainant.kind": casework.KindIndividual, "reply_method": "post"}
	p.renderRegister(w, r, http.StatusOK, lang, v, ui.FormError{}, ui.NewKey())
}

func (p *Pages) renderRegister(w http.ResponseWriter, r *http.Request, status int, lang i18n.Lang, v map[string]string, fe ui.FormError, key string) {
	who := ui.Principal(r)
	opts := func(prefix string, values ...string) []ui.Option {
		out := make([]ui.Option, 0, len(values))
		for _, val := range values {
			out = append(out, ui.Option{Value: val, Label: ui.T(prefix+val, lang)})
		}
		return out
	}
	var channels []ui.Option
	for _, ch := range []standard.Channel{standard.ProviderOffice, standard.StateCorp, standard.Portal} {
		channels = append(channels, ui.Option{Value: string(ch), Label: ch.Name().In(lang)})
	}
	view := registerView{V: v, Err: fe, Key: key, Channels: channels,
		Addressees: opts("complaintsdesk.addressee.", addresseesOf(who)...),
		Kinds:      opts("complaintsdesk.kind.", casework.KindIndividual, casework.KindLegalEntity),
		Forms:      opts("complaintsdesk.form.", "paper", "electronic"),
		Replies:    opts("complaintsdesk.reply.", "post", "electronic", "in-person")}
	p.views.RenderAt(w, r, status, "register", lang, ui.T("complaintsdesk.register.title", lang), ui.PathComplaintDesk+"/new", view)
}

// register files the complaint (Engine.FileComplaint) and shows its talon. A
// double submission carries the same idempotency key, made when the form was
// rendered, and so gives the one complaint.
func (p *Pages) register(w http.ResponseWriter, r *http.Request) {
	lang := ui.RequestLang(w, r)
	who := ui.Principal(r)
	if err := r.ParseForm(); err != nil {
		p.views.Message(w, r, http.StatusBadRequest, "error.title", "")
		return
	}
	v := map[string]string{}
	for k := range r.PostForm {
		v[k] = strings.TrimSpace(r.PostForm.Get(k))
	}
	key := v["idempotency_key"]
	if key == "" {
		key = ui.NewKey()
	}
	in, fe := p.complaintInput(r, who, v, lang)
	if fe.Any() {
		p.renderRegister(w, r, http.StatusUnprocessableEntity, lang, v, fe, key)
		return
	}
	actor, _ := who.ActorAs(filerRole(who, in.Addressee))
	app, _, err := p.deps.Sys.Engine.FileComplaint(r.Context(), actor, in, key)
	if err != nil {
		if apperr.CodeOf(err) == apperr.Internal {
			p.deps.Log.Error("file complaint", "err", err)
		}
		p.renderRegister(w, r, ui.Status(err), lang, v, ui.NewFormError(err, lang), key)
		return
	}
	http.Redirect(w, r, ui.PathComplaintDesk+"/"+app.ID+"?filed=1", http.StatusSeeOther)
}

// markup finds a tag in text: a complaint is plain text, and a field carrying
// HTML or a script is refused rather than stored.
var markup = regexp.MustCompile(`<\s*[a-zA-Z/!?]`)

// complaintInput reads the form. What the engine cannot judge — markup, a
// date typed wrong, an addressee outside the principal's desk, the
// application's number — is checked here, next to its field.
func (p *Pages) complaintInput(r *http.Request, who auth.Principal, v map[string]string, lang i18n.Lang) (casework.ComplaintInput, ui.FormError) {
	fe := ui.FormError{Fields: map[string]string{}}
	for _, f := range textFields {
		if markup.MatchString(v[f]) {
			fe.Fields[f] = ui.T("complaintsdesk.err.markup", lang)
		}
	}
	in := casework.ComplaintInput{Addressee: v["addressee"], Form: v["form"], Text: v["text"], ReplyMethod: v["reply_method"],
		Channel: standard.Channel(v["channel"]), OutgoingNumber: v["outgoing_number"],
		Complainant: casework.Party{Kind: v["complainant.kind"], IIN: v["complainant.iin"], BIN: v["complainant.bin"],
			Surname: v["complainant.surname"], GivenName: v["complainant.given_name"], Patronymic: v["complainant.patronymic"],
			OrgName: v["complainant.org_name"], Phone: v["complainant.phone"], Email: v["complainant.email"], Address: v["complainant.address"]}}
	// Only the identifier of the kind of party given is sent: the other box
	// may hold what was typed before the kind was changed.
	if in.Complainant.Kind == casework.KindLegalEntity {
		in.Complainant.IIN = ""
	} else {
		in.Complainant.BIN = ""
	}
	if in.Addressee != "" && !slices.Contains(addresseesOf(who), in.Addressee) {
		fe.Fields["addressee"] = ui.T("complaintsdesk.err.addressee", lang)
	}
	if s := v["outgoing_date"]; s != "" {
		d, err := calendar.ParseDate(s)
		if err != nil {
			fe.Fields["outgoing_date"] = ui.T("complaintsdesk.err.date", lang)
		}
		in.OutgoingDate = &d
	}
	if s := v["filed_at"]; s != "" {
		t, err := time.ParseInLocation("2006-01-02T15:04", s, calendar.Almaty)
		if err != nil {
			fe.Fields["filed_at"] = ui.T("complaintsdesk.err.datetime", lang)
		}
		in.FiledAt = &t
	}
	if len(fe.Fields) == 0 {
		id, err := p.resolveAbout(r, who, v["about"], lang)
		if err != "" {
			fe.Fields["about"] = err
		}
		in.About = id
	}
	if len(fe.Fields) == 0 {
		return in, ui.FormError{}
	}
	return in, fe
}

// resolveAbout finds the application complained about by its ID or by its
// registration number, as an officer reads it off the paper.
func (p *Pages) resolveAbout(r *http.Request, who auth.Principal, ref string, lang i18n.Lang) (string, string) {
	if ref == "" {
		return "", "" // the engine names the missing field
	}
	eng := p.deps.Sys.Engine
	if app, err := eng.Get(r.Context(), viewer(who), ref); err == nil {
		return app.ID, ""
	}
	apps, err := eng.List(r.Context(), viewer(who), casework.Filter{Number: ref, Limit: 2})
	switch {
	case err != nil || len(apps) == 0:
		return "", ui.T("complaintsdesk.err.about_unknown", lang)
	case len(apps) > 1:
		return "", ui.T("complaintsdesk.err.about_ambiguous", lang)
	}
	return apps[0].ID, ""
}
