package apply

import (
	"fmt"
	"net/http"
	"strings"

	"qyzmet/internal/auth"
	"qyzmet/internal/casework"
	"qyzmet/internal/i18n"
	"qyzmet/internal/web/ui"
)

// Consent on the spot. Rule CR-STD-8.4: a third-party e-request is executed
// only with the consent of the person whose data is requested — in their own
// cabinet (the engine asks there at once), or by the one-time password sent
// to their registered number. When the person is with the applicant, the
// code goes to the person's phone, the person tells it, and the consent is
// given as the person: the engine's give-consent command by an actor with
// the person's IIN.

var consentSMS = i18n.Text{
	KK: "Qyzmet: %s сіз туралы соттылық мәліметтерін сұратады. Келісім коды %s. Келіспесеңіз, кодты айтпаңыз.",
	RU: "Qyzmet: %s запрашивает сведения о вашей судимости. Код согласия %s. Если вы не согласны, не сообщайте код.",
	EN: "Qyzmet: %s requests your criminal-record data. Consent code %s. If you do not agree, do not tell the code.",
}

func consentPurpose(id string) string { return "consent:" + id }

// consentView is the page of consent on the spot.
type consentView struct {
	App     *casework.Application
	Subject string
	Phone   string
	Pending bool
	Err     ui.FormError
}

// awaitingConsent is the applicant's own third-party application that waits
// for consent; anything else is NotFound, the same as a missing one.
func (p *Pages) awaitingConsent(w http.ResponseWriter, r *http.Request) (*casework.Application, bool) {
	who := ui.Principal(r)
	actor, _ := who.ActorAs(casework.RoleApplicant)
	app, err := p.deps.Sys.Engine.Get(r.Context(), actor, r.PathValue("id"))
	if err != nil || app.Applicant.IIN != who.IIN || app.State != casework.StateSubmitted ||
		app.Subject == nil || app.Subject.Relation != casework.RelationThirdParty || app.Subject.Person.IIN == "" || app.ConsentGiven != nil {
		if err == nil && app.Applicant.IIN == who.IIN {
			// Consent given, or no longer waited for: the application says.
			http.Redirect(w, r, cabinetPath(app.ID), http.StatusSeeOther)
			return nil, false
		}
		p.views.NotFound(w, r)
		return nil, false
	}
	return app, true
}

func (p *Pages) consentPage(w http.ResponseWriter, r *http.Request) {
	app, ok := p.awaitingConsent(w, r)
	if !ok {
		return
	}
	p.renderConsent(w, r, app, ui.FormError{}, http.StatusOK)
}

func (p *Pages) renderConsent(w http.ResponseWriter, r *http.Request, app *casework.Application, fe ui.FormError, status int) {
	lang := ui.RequestLang(w, r)
	s := app.Subject.Person
	v := consentView{App: app, Err: fe, Subject: strings.TrimSpace(s.Surname + " " + s.GivenName + " " + s.Patronymic)}
	if c, err := r.Cookie(confirmCookie); err == nil {
		if pc, err := p.deps.Sys.Auth.PendingConfirm(r.Context(), c.Value, ui.Principal(r).IIN, consentPurpose(app.ID)); err == nil {
			v.Pending, v.Phone = true, pc.PhoneMasked
		}
	}
	p.views.Render(w, r, status, "consent", lang, ui.T("apply.consent.title", lang), v)
}

// consentSend sends the code to the registered number of the person
// concerned — never to a number the applicant types.
func (p *Pages) consentSend(w http.ResponseWriter, r *http.Request) {
	lang := ui.RequestLang(w, r)
	app, ok := p.awaitingConsent(w, r)
	if !ok {
		return
	}
	who := ui.Principal(r)
	// The applicant's name goes in now; the code's %s stays for StartConfirm.
	name := strings.ReplaceAll(who.Name, "%", "")
	text := i18n.Text{KK: fmt.Sprintf(consentSMS.KK, name, "%s"), RU: fmt.Sprintf(consentSMS.RU, name, "%s"), EN: fmt.Sprintf(consentSMS.EN, name, "%s")}
	c, err := p.deps.Sys.Auth.StartConfirm(r.Context(), auth.ConfirmRequest{Requester: who.IIN, Holder: app.Subject.Person.IIN,
		Purpose: consentPurpose(app.ID), Text: text, Lang: lang})
	if err != nil {
		// No registered number, or too many codes: said on the page.
		p.renderConsent(w, r, app, ui.FormError{Notice: ui.ErrText(err, lang)}, http.StatusUnprocessableEntity)
		return
	}
	setConfirmCookie(w, r, c)
	http.Redirect(w, r, ui.PathApply+"/consent/"+app.ID, http.StatusSeeOther)
}

// consent checks the person's code and gives the consent as the person.
func (p *Pages) consent(w http.ResponseWriter, r *http.Request) {
	lang := ui.RequestLang(w, r)
	app, ok := p.awaitingConsent(w, r)
	if !ok {
		return
	}
	who := ui.Principal(r)
	token := ""
	if c, err := r.Cookie(confirmCookie); err == nil {
		token = c.Value
	}
	code := strings.TrimSpace(r.PostForm.Get("code"))
	if err := p.deps.Sys.Auth.VerifyConfirm(r.Context(), token, who.IIN, consentPurpose(app.ID), code); err != nil {
		p.renderConsent(w, r, app, ui.FormError{Fields: map[string]string{"code": otpText(err, lang)}}, otpStatus(err))
		return
	}
	subject := app.Subject.Person
	// Rule CR-STD-8.4: the consent is the person's own act, certified by the
	// code sent to the person's number.
	actor := casework.Actor{ID: "citizen-" + subject.IIN, Role: casework.RoleApplicant, IIN: subject.IIN,
		Name: strings.TrimSpace(subject.Surname + " " + subject.GivenName)}
	_, err := p.deps.Sys.Engine.Execute(r.Context(), actor, app.ID, casework.Command{Name: "give-consent", ExpectedVersion: app.Version,
		Reason: "consent by one-time password sent to the person's registered number, given in the applicant's presence"})
	if err != nil {
		p.renderConsent(w, r, app, ui.NewFormError(err, lang), ui.Status(err))
		return
	}
	clearConfirmCookie(w, r)
	http.Redirect(w, r, cabinetPath(app.ID), http.StatusSeeOther)
}
