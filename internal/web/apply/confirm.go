package apply

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"qyzmet/internal/deadline"
	"qyzmet/internal/standard"

	"qyzmet/internal/apperr"
	"qyzmet/internal/auth"
	"qyzmet/internal/casework"
	"qyzmet/internal/i18n"
	"qyzmet/internal/web/ui"
)

// The certification of an application (CR-STD-8.3, AR-STD-8.2): the
// applicant reads the summary and types the one-time password sent to the
// number of their portal account; only then is the application submitted.
// The challenge's token rides in a cookie scoped to /apply; the code is bound
// to the draft and to the applicant (auth.ConfirmRequest).

const confirmCookie = "qyzmet_confirm"

var submitSMS = i18n.Text{
	KK: "Qyzmet: өтінішті растау коды %s. Кодты ешкімге айтпаңыз.",
	RU: "Qyzmet: код подтверждения заявления %s. Никому не сообщайте код.",
	EN: "Qyzmet: the code to certify your application is %s. Do not tell it to anyone.",
}

func submitPurpose(d draft) string { return "submit:" + d.ID }

// confirmView is the confirmation page.
type confirmView struct {
	Draft   draft
	Summary []fact
	Phone   string
	Pending bool
	Err     ui.FormError
	Consent bool // a third party will consent on the spot next
	// Timing is when the application counts as received and is due if it is
	// certified now (G-3: after hours, on the next working day); nil when it
	// cannot be computed, and the page then says nothing rather than guess.
	Timing *deadline.Result
}

// fact is one line of the summary.
type fact struct{ Label, Value string }

// sendCode sends the certification code for d unless one is pending (a
// double click sends one message), and shows the confirmation page.
func (p *Pages) sendCode(w http.ResponseWriter, r *http.Request, d draft, lang i18n.Lang) {
	p.startCode(w, r, d, lang, true)
}

// startCode sends a code for d; reuse keeps a pending one instead.
func (p *Pages) startCode(w http.ResponseWriter, r *http.Request, d draft, lang i18n.Lang, reuse bool) {
	who := ui.Principal(r)
	if c, err := r.Cookie(confirmCookie); err == nil && reuse {
		if _, err := p.deps.Sys.Auth.PendingConfirm(r.Context(), c.Value, who.IIN, submitPurpose(d)); err == nil {
			http.Redirect(w, r, ui.PathApply+"/confirm/"+d.ID, http.StatusSeeOther)
			return
		}
	}
	c, err := p.deps.Sys.Auth.StartConfirm(r.Context(), auth.ConfirmRequest{Requester: who.IIN, Holder: who.IIN,
		Purpose: submitPurpose(d), Text: submitSMS, Lang: lang})
	if err != nil {
		p.renderConfirm(w, r, d, ui.FormError{Notice: ui.ErrText(err, lang)}, ui.Status(err))
		return
	}
	setConfirmCookie(w, r, c)
	http.Redirect(w, r, ui.PathApply+"/confirm/"+d.ID, http.StatusSeeOther)
}

func setConfirmCookie(w http.ResponseWriter, r *http.Request, c auth.Confirmation) {
	http.SetCookie(w, &http.Cookie{Name: confirmCookie, Value: c.Token, Path: ui.PathApply, Expires: c.ExpiresAt,
		HttpOnly: true, SameSite: http.SameSiteStrictMode, Secure: r.TLS != nil})
}

func (p *Pages) confirmPage(w http.ResponseWriter, r *http.Request) {
	d, _, ok := p.openDraft(w, r)
	if !ok {
		return
	}
	p.renderConfirm(w, r, d, ui.FormError{}, http.StatusOK)
}

// timing computes the receipt and the deadline of d as if certified now, the
// way the engine will (internal/deadline): a portal request made after hours
// is received on the next working day (G-3), and the day of receipt is not
// counted (G-2).
func (p *Pages) timing(r *http.Request, d draft) *deadline.Result {
	f := d.Data.Form
	req := deadline.Request{Service: d.Service, Channel: standard.Portal, TravelAbroad: f.TravelAbroad, Submitted: p.deps.Now()}
	if f.PickupBranch != "" {
		if b, err := p.deps.Sys.Branches.Branch(r.Context(), f.PickupBranch); err == nil {
			req.Class = b.Class
		}
	}
	res, err := deadline.Calculator{Calendar: p.deps.Sys.Calendar(), Standards: p.deps.Sys.Standards()}.Compute(req)
	if err != nil {
		return nil
	}
	return &res
}

func (p *Pages) renderConfirm(w http.ResponseWriter, r *http.Request, d draft, fe ui.FormError, status int) {
	lang := ui.RequestLang(w, r)
	std, err := p.deps.Sys.Standards().At(d.Service, p.today())
	if err != nil {
		p.views.NotFound(w, r)
		return
	}
	v := confirmView{Draft: d, Err: fe, Summary: p.summary(r, std, d, lang),
		Consent: d.Data.Form.Relation == casework.RelationThirdParty && d.Data.Form.ConsentHere, Timing: p.timing(r, d)}
	if c, err := r.Cookie(confirmCookie); err == nil {
		if pc, err := p.deps.Sys.Auth.PendingConfirm(r.Context(), c.Value, ui.Principal(r).IIN, submitPurpose(d)); err == nil {
			v.Pending, v.Phone = true, pc.PhoneMasked
		}
	}
	p.views.Render(w, r, status, "confirm", lang, ui.T("apply.confirm.title", lang), v)
}

// summary lists what will be submitted, in the user's language.
func (p *Pages) summary(r *http.Request, std *standard.Standard, d draft, lang i18n.Lang) []fact {
	f := d.Data.Form
	me := p.applicant(r.Context(), ui.Principal(r))
	out := []fact{
		{ui.T("apply.f.service", lang), std.Name.In(lang)},
		{ui.T("apply.f.applicant", lang), strings.TrimSpace(me.Name.String() + " · " + ui.T("apply.f.iin", lang) + " " + me.IIN)},
	}
	if me.Org != nil {
		out[1].Value = ui.Tf("apply.org.applicant", lang, me.Org.OrgName, me.Org.BIN)
		out = append(out, fact{ui.T("apply.org.representative", lang), actingText(me, lang)})
	}
	add := func(key, v string) {
		if strings.TrimSpace(v) != "" {
			out = append(out, fact{ui.T(key, lang), v})
		}
	}
	if f.Relation != "" {
		add("apply.f.relation", ui.T("apply.relation."+f.Relation, lang))
	}
	if f.Relation != "" && f.Relation != casework.RelationSelf {
		add("apply.f.subject", strings.TrimSpace(strings.Join([]string{f.Surname, f.GivenName, f.Patronymic}, " ")))
		add("apply.f.subject_iin", f.SubjectIIN)
		add("apply.f.birth_date", f.BirthDate)
	}
	if f.TravelAbroad {
		add("apply.f.travel", ui.T("apply.yes", lang))
	}
	if f.PickupBranch != "" {
		if b, err := p.deps.Sys.Branches.Branch(r.Context(), f.PickupBranch); err == nil {
			add("apply.f.branch", b.Name.In(lang)+" — "+b.Address)
		}
	}
	for _, c := range f.Combined {
		if s, err := p.deps.Sys.Standards().At(standard.ServiceID(c), p.today()); err == nil {
			add("apply.f.combined", s.Name.In(lang))
		}
	}
	add("apply.f.document", f.Document)
	add("apply.f.country", f.Country)
	add("apply.f.father", f.FatherName)
	add("apply.f.mother", f.MotherName)
	for slot, k := range f.Files {
		add("apply.f.file", slotLabel(std, slot, lang)+": "+k.Name+" ("+strconv.Itoa((k.Size+1023)/1024)+" KB)")
	}
	if pay := d.Data.Payment; pay != nil {
		add("apply.f.paid", ui.Tenge(pay.AmountTenge)+" · "+pay.Reference+" · "+ui.FormatDate(pay.PaidOn))
	}
	return out
}

// slotLabel names an upload slot: the standard's document, or the form's own.
func slotLabel(std *standard.Standard, slot string, lang i18n.Lang) string {
	for _, d := range std.Documents {
		if d.ID == slot {
			return d.Name.In(lang)
		}
	}
	return ui.T("apply.slot."+slot, lang)
}

// confirm checks the code and submits the application under the form's
// idempotency key: a second click, or a replay, finds the first application.
func (p *Pages) confirm(w http.ResponseWriter, r *http.Request) {
	lang := ui.RequestLang(w, r)
	who := ui.Principal(r)
	d, std, ok := p.openDraft(w, r)
	if !ok {
		return
	}
	token := ""
	if c, err := r.Cookie(confirmCookie); err == nil {
		token = c.Value
	}
	code := strings.TrimSpace(r.PostForm.Get("code"))
	if err := p.deps.Sys.Auth.VerifyConfirm(r.Context(), token, who.IIN, submitPurpose(d), code); err != nil {
		// A replayed code of a draft submitted meanwhile: the application.
		if again, gerr := p.drafts.get(r.Context(), draftOwner(who), d.ID); gerr == nil && again.ApplicationID != "" {
			http.Redirect(w, r, cabinetPath(again.ApplicationID), http.StatusSeeOther)
			return
		}
		p.renderConfirm(w, r, d, ui.FormError{Fields: map[string]string{"code": otpText(err, lang)}}, otpStatus(err))
		return
	}
	actor, _ := who.ActorAs(casework.RoleApplicant)
	me := p.applicant(r.Context(), who)
	f := d.Data.Form
	if err := p.checkOrganisation(std, &f, me); err != nil {
		p.formError(w, r, std, d.Data.Form, err, lang)
		return
	}
	in := p.input(r.Context(), me, p.profileOf(std, me), d)
	app, _, err := p.deps.Sys.Engine.Submit(r.Context(), actor, in, d.Data.Form.Key)
	if err != nil {
		// The engine refused what the form let through: back to the form,
		// the error next to its field.
		p.formError(w, r, std, d.Data.Form, err, lang)
		return
	}
	d.ApplicationID = app.ID
	if err := p.drafts.update(r.Context(), d); err != nil {
		p.views.Fail(w, r, err)
		return
	}
	clearConfirmCookie(w, r)
	next := cabinetPath(app.ID)
	if d.Data.Form.ConsentHere && app.State == casework.StateSubmitted && app.Subject != nil && app.Subject.Relation == casework.RelationThirdParty {
		next = ui.PathApply + "/consent/" + app.ID
	}
	http.Redirect(w, r, next, http.StatusSeeOther)
}

// resend sends a new code for the draft (the old one expired or was lost).
func (p *Pages) resend(w http.ResponseWriter, r *http.Request) {
	d, _, ok := p.openDraft(w, r)
	if !ok {
		return
	}
	p.startCode(w, r, d, ui.RequestLang(w, r), false)
}

func clearConfirmCookie(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: confirmCookie, Value: "", Path: ui.PathApply, MaxAge: -1,
		HttpOnly: true, SameSite: http.SameSiteStrictMode, Secure: r.TLS != nil})
}

// otpText words a refused code.
func otpText(err error, lang i18n.Lang) string {
	if left, ok := auth.AsWrongCode(err); ok {
		return ui.Tf(auth.KeyOTPWrong, lang, strconv.Itoa(left))
	}
	return ui.ErrText(err, lang)
}

func otpStatus(err error) int {
	if apperr.CodeOf(err) == apperr.Invalid {
		return http.StatusUnprocessableEntity
	}
	var w *auth.WrongCodeError
	if errors.As(err, &w) || apperr.CodeOf(err) == apperr.Unauthorized || apperr.CodeOf(err) == apperr.NotFound {
		return http.StatusUnprocessableEntity
	}
	return ui.Status(err)
}
