package apply

import (
	"errors"
	"net/http"
	"slices"
	"strings"

	"qyzmet/internal/apperr"
	"qyzmet/internal/i18n"
	"qyzmet/internal/org"
	"qyzmet/internal/standard"
	"qyzmet/internal/upload"
	"qyzmet/internal/web/ui"
)

// formBodyLimit bounds a posted form: the files of one application plus the
// text of the form.
const formBodyLimit = upload.MaxApplicationBytes + 1<<20

// limitBody refuses a body larger than formBodyLimit before anything is
// parsed or stored, and parses the rest (in memory: the limit is below
// ParseMultipartForm's memory bound) so that the CSRF check that follows
// reads the parsed form. A body too large is answered 413 with a page that
// says so, not the CSRF refusal its unparsed token would earn.
func (p *Pages) limitBody(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.ContentLength > formBodyLimit {
			p.tooLarge(w, r)
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, formBodyLimit)
		err := r.ParseMultipartForm(formBodyLimit)
		if errors.Is(err, http.ErrNotMultipart) {
			err = r.ParseForm()
		}
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			p.tooLarge(w, r)
			return
		}
		if err != nil {
			p.views.Message(w, r, http.StatusBadRequest, "error.title", ui.T("apply.err.body", ui.RequestLang(w, r)))
			return
		}
		next.ServeHTTP(w, r)
	})
}

func (p *Pages) tooLarge(w http.ResponseWriter, r *http.Request) {
	// The rest of the body is not read: the server closes the connection.
	w.Header().Set("Connection", "close")
	lang := ui.RequestLang(w, r)
	p.views.Message(w, r, http.StatusRequestEntityTooLarge, "error.title", ui.Tf("apply.err.too_large_body", lang, upload.MaxApplicationBytes>>20))
}

// standardOf is the standard in force today of the service in the URL, and
// whether the portal takes it; nil when there is none.
func (p *Pages) standardOf(r *http.Request) *standard.Standard {
	std, err := p.deps.Sys.Standards().At(standard.ServiceID(r.PathValue("service")), p.today())
	if err != nil || std.Kind != standard.KindService {
		return nil
	}
	return std
}

// formView is what the form page shows.
type formView struct {
	Pr        profile
	F         formInput
	Err       ui.FormError
	Me        applicant
	Branches  []ui.Option
	Relations []ui.Option
	Due       int64 // tiyn
	DueText   string
	Notice    string
	Action    string
	FeeRule   string
	Acting    string // the organisation the application is made for, and in what capacity
}

// form shows the service's form: empty with a fresh idempotency key, or a
// draft of the applicant's (?draft=) to correct or to pay again.
func (p *Pages) form(w http.ResponseWriter, r *http.Request) {
	lang := ui.RequestLang(w, r)
	std := p.standardOf(r)
	if std == nil {
		p.views.NotFound(w, r)
		return
	}
	if !std.Offers(standard.Portal) {
		p.apOnly(w, r, std, lang)
		return
	}
	f := formInput{Key: ui.NewKey(), Files: map[string]kept{}}
	var notice string
	if id := r.URL.Query().Get("draft"); id != "" {
		d, err := p.drafts.get(r.Context(), draftOwner(ui.Principal(r)), id)
		if err != nil || d.Service != std.Service {
			p.views.NotFound(w, r)
			return
		}
		if d.ApplicationID != "" {
			http.Redirect(w, r, cabinetPath(d.ApplicationID), http.StatusSeeOther)
			return
		}
		f = d.Data.Form
		if r.URL.Query().Get("declined") != "" {
			notice = ui.T("apply.pay.declined_notice", lang)
		}
	}
	p.renderForm(w, r, http.StatusOK, std, f, ui.FormError{Notice: notice}, lang)
}

func (p *Pages) renderForm(w http.ResponseWriter, r *http.Request, status int, std *standard.Standard, f formInput, fe ui.FormError, lang i18n.Lang) {
	me := p.applicant(r.Context(), ui.Principal(r))
	pr := p.profileOf(std, me)
	if me.ActingBIN != "" && me.Org == nil && !fe.Any() {
		fe.Notice = ui.T(keyOrgEnded, lang)
	}
	if f.Relation == "" && len(pr.Relations) == 1 {
		f.Relation = pr.Relations[0]
	}
	v := formView{Pr: pr, F: f, Err: fe, Me: me, Action: ui.PathApply + "/" + string(std.Service), Acting: actingText(me, lang)}
	if pr.Branch != nil {
		branches, err := p.deps.Sys.Branches.List(r.Context(), org.KindStateCorp)
		if err != nil {
			p.views.Fail(w, r, err)
			return
		}
		v.Branches = []ui.Option{{Value: "", Label: ui.T("apply.branch.choose", lang)}}
		for _, b := range branches {
			if b.Open() {
				v.Branches = append(v.Branches, ui.Option{Value: b.ID, Label: b.Name.In(lang) + " — " + b.Address})
			}
		}
	}
	for _, rel := range pr.Relations {
		v.Relations = append(v.Relations, ui.Option{Value: rel, Label: ui.T("apply.relation."+rel, lang)})
	}
	// The duty shown is the largest the form can lead to, with the rule of
	// the service that charges it (AC-7, AP-STD-6).
	all := f
	all.Combined = nil
	for _, s := range pr.Combined {
		all.Combined = append(all.Combined, string(s.Service))
		if s.Fee != nil && !s.Fee.Free {
			v.FeeRule = s.Fee.Rule
		}
	}
	if pr.Fee {
		v.FeeRule = std.Fee.Rule
	}
	v.Due, _ = p.due(pr, all, p.today())
	v.DueText = tiynText(v.Due)
	p.views.Render(w, r, status, "form", lang, std.Name.In(lang), v)
}

// submitForm checks the form, stores its files and keeps it as a draft; then
// the duty is paid (the simulator) or the code that certifies the
// application is sent.
func (p *Pages) submitForm(w http.ResponseWriter, r *http.Request) {
	lang := ui.RequestLang(w, r)
	std := p.standardOf(r)
	if std == nil || !std.Offers(standard.Portal) {
		p.views.NotFound(w, r)
		return
	}
	who := ui.Principal(r)
	f, files, err := readForm(r)
	if err != nil {
		p.views.Fail(w, r, err)
		return
	}
	if f.Key == "" || len(f.Key) > 64 {
		f.Key = ui.NewKey()
	}
	ctx := r.Context()
	me := p.applicant(ctx, who)
	pr := p.profileOf(std, me)
	if err := p.storeFiles(ctx, who.IIN, &f, files); err != nil {
		p.formError(w, r, std, f, err, lang)
		return
	}
	if err := p.check(ctx, pr, &f, me); err != nil {
		p.formError(w, r, std, f, err, lang)
		return
	}
	due, err := p.due(pr, f, p.today())
	if err != nil {
		p.views.Fail(w, r, err)
		return
	}
	d, err := p.drafts.save(ctx, draftOwner(who), std.Service, f, due)
	if err != nil {
		p.views.Fail(w, r, err)
		return
	}
	if d.ApplicationID != "" {
		http.Redirect(w, r, cabinetPath(d.ApplicationID), http.StatusSeeOther)
		return
	}
	if f.PayMethod == "receipt" {
		d.Data.Payment = receiptPayment(f, due)
		if err := p.drafts.update(ctx, d); err != nil {
			p.views.Fail(w, r, err)
			return
		}
	}
	if due > 0 && d.Data.Payment == nil {
		http.Redirect(w, r, ui.PathApply+"/pay/"+d.ID, http.StatusSeeOther)
		return
	}
	p.sendCode(w, r, d, lang)
}

// formError shows the form again with err next to its field (a fieldErr or
// an engine error) or at the top.
func (p *Pages) formError(w http.ResponseWriter, r *http.Request, std *standard.Standard, f formInput, err error, lang i18n.Lang) {
	var fe *fieldErr
	switch {
	case errors.As(err, &fe) && fe.Field == "":
		p.renderForm(w, r, http.StatusUnprocessableEntity, std, f, ui.FormError{Notice: fe.Text.In(lang)}, lang)
	case errors.As(err, &fe):
		p.renderForm(w, r, http.StatusUnprocessableEntity, std, f, ui.FormError{Fields: map[string]string{fe.Field: fe.Text.In(lang)}}, lang)
	case apperr.CodeOf(err) == apperr.Invalid || apperr.CodeOf(err) == apperr.Forbidden:
		p.renderForm(w, r, ui.Status(err), std, f, formErrorOf(err, lang), lang)
	default:
		p.views.Fail(w, r, err)
	}
}

// formErrorOf places an engine error next to the input of the same name.
// The parents' data (one item for the engine) is shown at the father's name,
// the first of its inputs; an error of something the form does not ask (the
// applicant's data from the registry, a document of the package) is shown at
// the top.
func formErrorOf(err error, lang i18n.Lang) ui.FormError {
	fe := ui.NewFormError(err, lang)
	for field, text := range fe.Fields {
		switch {
		case field == inParents:
			fe.Fields[inFather] = text
		case !slices.Contains(formInputs, field) && !strings.HasPrefix(field, filePrefix):
			fe.Notice = text
		}
	}
	return fe
}

// formInputs are the names of the form's inputs an engine error may name.
var formInputs = []string{inRelation, inSubjectIIN, inSurname, inGivenName, inPatronymic, inBirthDate, inTravelAbroad,
	inPickup, inCombined, inDocument, inCountry, inFather, inMother, inPayMethod, inReceiptRef, inReceiptDate}

func cabinetPath(id string) string { return ui.PathCabinet + "/applications/" + id }
