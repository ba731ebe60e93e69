package cabinet

import (
	"net/http"

	"qyzmet/internal/apperr"
	"qyzmet/internal/casework"
	"qyzmet/internal/i18n"
	"qyzmet/internal/queue"
	"qyzmet/internal/standard"
	"qyzmet/internal/web/ui"
)

// HomeVisitPage asks for a home visit (Rule G-6) and lists my requests.
type HomeVisitPage struct {
	Shell
	Branches, Services []ui.Option
	Form               queue.HomeVisit
	Key                string
	Mine               []VisitRow
	Sent               bool
	Err                ui.FormError
}

// VisitRow is one of my home visit requests.
type VisitRow struct {
	queue.HomeVisit
	BranchName, ServiceName, StatusName string
}

func (p *Pages) homeVisitPage(w http.ResponseWriter, r *http.Request) {
	lang := ui.RequestLang(w, r)
	form := queue.HomeVisit{}
	if phone, err := p.deps.Sys.Auth.Directory.Person(r.Context(), actor(r).IIN); err == nil {
		form.Phone = phone.Phone
	}
	p.renderHomeVisit(w, r, lang, http.StatusOK, form, r.URL.Query().Get("sent") == "1", ui.FormError{})
}

func (p *Pages) renderHomeVisit(w http.ResponseWriter, r *http.Request, lang i18n.Lang, status int, form queue.HomeVisit, sent bool, formErr ui.FormError) {
	ctx := r.Context()
	branches := p.branches(ctx)
	page := HomeVisitPage{Shell: p.shell(r, lang, pathHomeVisit), Branches: branchOptions(branches, lang),
		Services: p.serviceOptions(lang), Form: form, Key: ui.NewKey(), Sent: sent, Err: formErr}
	mine, err := p.deps.Sys.Queue.MyHomeVisits(ctx, actor(r).IIN)
	if err != nil {
		p.views.Fail(w, r, err)
		return
	}
	for _, v := range mine {
		page.Mine = append(page.Mine, VisitRow{HomeVisit: v, BranchName: p.branchName(ctx, v.Branch, lang),
			ServiceName: p.serviceName(v.Service, lang), StatusName: ui.T("cabinet.visit."+v.Status, lang)})
	}
	p.views.Render(w, r, status, "homevisit", lang, ui.T("cabinet.visit.title", lang), page)
}

// requestHomeVisit records the request (Rule G-6).
func (p *Pages) requestHomeVisit(w http.ResponseWriter, r *http.Request) {
	lang := ui.RequestLang(w, r)
	form := queue.HomeVisit{Branch: r.PostFormValue("branch"), Address: r.PostFormValue("address"), Phone: r.PostFormValue("phone"),
		Reason: r.PostFormValue("reason"), Service: standard.ServiceID(r.PostFormValue("service"))}
	if _, err := p.deps.Sys.Queue.RequestHomeVisit(r.Context(), actor(r).IIN, form, r.PostFormValue("idempotency_key")); err != nil {
		if apperr.CodeOf(err) == apperr.Internal {
			p.views.Fail(w, r, err)
			return
		}
		p.renderHomeVisit(w, r, lang, ui.Status(err), form, false, ui.NewFormError(err, lang))
		return
	}
	http.Redirect(w, r, pathHomeVisit+"?sent=1", http.StatusSeeOther)
}

// ComplaintPage is the complaint form about one of my applications (CP-7).
type ComplaintPage struct {
	Shell
	App                     *casework.Application
	Service                 string
	Name                    string
	Addressees, ReplyMethod []ui.Option
	Form                    casework.ComplaintInput
	Key                     string
	Err                     ui.FormError
}

func (p *Pages) complaintForm(w http.ResponseWriter, r *http.Request) {
	lang := ui.RequestLang(w, r)
	form := casework.ComplaintInput{Addressee: casework.AddresseeProvider, ReplyMethod: "electronic"}
	if person, err := p.deps.Sys.Auth.Directory.Person(r.Context(), actor(r).IIN); err == nil {
		form.Complainant.Phone = person.Phone
	}
	p.renderComplaint(w, r, lang, http.StatusOK, form, ui.FormError{})
}

func (p *Pages) renderComplaint(w http.ResponseWriter, r *http.Request, lang i18n.Lang, status int, form casework.ComplaintInput, formErr ui.FormError) {
	a := actor(r)
	app, err := p.deps.Sys.Engine.Get(r.Context(), a, r.PathValue("id"))
	if err != nil {
		p.views.Fail(w, r, err)
		return
	}
	if app.Complaint != nil {
		p.views.NotFound(w, r)
		return
	}
	page := ComplaintPage{Shell: p.shell(r, lang, ""), App: app, Service: p.serviceName(app.Service, lang), Form: form,
		Key: ui.NewKey(), Err: formErr}
	if who, err := p.complainant(r, a); err == nil {
		page.Name = partyName(who)
	}
	for _, v := range []string{casework.AddresseeProvider, casework.AddresseeQualityBody, casework.AddresseeStateCorp} {
		page.Addressees = append(page.Addressees, ui.Option{Value: v, Label: ui.T("cabinet.complaint.to."+v, lang)})
	}
	for _, v := range []string{"electronic", "post", "in-person"} {
		page.ReplyMethod = append(page.ReplyMethod, ui.Option{Value: v, Label: ui.T("cabinet.complaint.reply."+v, lang)})
	}
	p.views.Render(w, r, status, "complaint", lang, ui.Tf("cabinet.complaint.form_title", lang, app.Number), page)
}

// complainant is the signed-in citizen as the registry of individuals names
// them: Rule CP-7 — an individual's complaint states the full name.
func (p *Pages) complainant(r *http.Request, a casework.Actor) (casework.Party, error) {
	person, err := p.deps.Sys.Registries.Persons.ByIIN(r.Context(), a.IIN)
	if err != nil {
		return casework.Party{}, err
	}
	return casework.Party{Kind: casework.KindIndividual, IIN: a.IIN, Surname: person.Surname, GivenName: person.GivenName,
		Patronymic: person.Patronymic}, nil
}

// fileComplaint files the complaint (CP-7) and shows its talon.
func (p *Pages) fileComplaint(w http.ResponseWriter, r *http.Request) {
	lang := ui.RequestLang(w, r)
	a := actor(r)
	who, err := p.complainant(r, a)
	if err != nil {
		p.views.Fail(w, r, err)
		return
	}
	who.Address, who.Phone, who.Email = r.PostFormValue("complainant.address"), r.PostFormValue("complainant.phone"), r.PostFormValue("complainant.email")
	in := casework.ComplaintInput{About: r.PathValue("id"), Complainant: who, Addressee: r.PostFormValue("addressee"),
		Form: "electronic", Text: r.PostFormValue("text"), ReplyMethod: r.PostFormValue("reply_method")}
	complaint, _, err := p.deps.Sys.Engine.FileComplaint(r.Context(), a, in, r.PostFormValue("idempotency_key"))
	if err != nil {
		switch apperr.CodeOf(err) {
		case apperr.NotFound, apperr.Internal:
			p.views.Fail(w, r, err)
		default:
			p.renderComplaint(w, r, lang, ui.Status(err), in, ui.NewFormError(err, lang))
		}
		return
	}
	http.Redirect(w, r, pathApplications+complaint.ID+"?done=complaint", http.StatusSeeOther)
}

// TalonPage is the printable talon of a complaint (CP-7, AC-18).
type TalonPage struct {
	App     *casework.Application
	About   *casework.Application
	Service string
}

func (p *Pages) talon(w http.ResponseWriter, r *http.Request) {
	lang := ui.RequestLang(w, r)
	a := actor(r)
	app, err := p.deps.Sys.Engine.Get(r.Context(), a, r.PathValue("id"))
	if err == nil && app.Complaint == nil {
		err = apperr.E(apperr.NotFound, "not a complaint")
	}
	if err != nil {
		p.views.Fail(w, r, err)
		return
	}
	page := TalonPage{App: app, Service: p.serviceName(app.Complaint.AboutService, lang)}
	if about, err := p.deps.Sys.Engine.Get(r.Context(), a, app.Complaint.About); err == nil {
		page.About = about
	}
	p.views.Render(w, r, http.StatusOK, "talon", lang, ui.Tf("cabinet.talon.title", lang, app.Complaint.Talon.Number), page)
}
