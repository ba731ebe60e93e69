package frontdesk

import (
	"net/http"

	"qyzmet/internal/apperr"
	"qyzmet/internal/audit"
	"qyzmet/internal/casework"
	"qyzmet/internal/i18n"
	"qyzmet/internal/iin"
	"qyzmet/internal/registry"
	"qyzmet/internal/web/ui"
)

// actionFindRep is the intake form's button that looks the representative up
// without sending the package.
const actionFindRep = "find-rep"

// findRep fills the representative's name from the person registry by the
// IIN typed, logging the look (#7: every view of personal data is logged).
// Rule G-8, CR-STD-8.1: the representative acts on a notarized POA; the
// operator compares the registry's name with the identity document shown
// rather than typing it. It returns the error for the IIN's field, "" when
// the IIN is empty or found. A legal entity's representative is the person at
// the window, already found.
func (p *Pages) findRep(r *http.Request, f *intakeForm, lang i18n.Lang) (string, error) {
	if f.Rep.IIN == "" || f.Parties.Kind == casework.KindLegalEntity {
		return "", nil
	}
	if _, err := iin.ParseIIN(f.Rep.IIN); err != nil {
		return ui.ErrText(err, lang), nil
	}
	if f.Rep.IIN == f.IIN {
		return ui.T("frontdesk.rep.self", lang), nil
	}
	per, err := p.deps.Sys.Registries.Persons.ByIIN(r.Context(), f.Rep.IIN)
	if apperr.CodeOf(err) == apperr.NotFound {
		return ui.T("frontdesk.rep.not_found", lang), nil
	}
	if err != nil {
		return "", err
	}
	if err := p.audited(r, audit.View{What: audit.ViewPerson, SubjectIIN: per.IIN, Detail: "front-desk representative"}); err != nil {
		return "", err
	}
	f.Rep.setPerson(per)
	return "", nil
}

func (rf *repForm) setPerson(per registry.Person) {
	rf.Surname, rf.GivenName, rf.Patronymic = per.Surname, per.GivenName, per.Patronymic
}

// Name is the representative's name as the registry gives it.
func (rf repForm) Name() string {
	return casework.Party{Surname: rf.Surname, GivenName: rf.GivenName, Patronymic: rf.Patronymic}.Name()
}

// showRep answers the form's "find the representative" button: the same
// form with the registry's name, or the IIN's error, and nothing sent.
func (p *Pages) showRep(w http.ResponseWriter, r *http.Request, per registry.Person, f *intakeForm) {
	lang := ui.RequestLang(w, r)
	msg, err := p.findRep(r, f, lang)
	if err != nil {
		p.views.Fail(w, r, err)
		return
	}
	status := http.StatusOK
	if msg == "" && f.Rep.IIN == "" && f.Parties.Kind != casework.KindLegalEntity {
		msg = ui.T("frontdesk.err.required", lang)
	}
	if msg != "" {
		status, f.Err = http.StatusUnprocessableEntity, ui.FormError{Fields: map[string]string{"representative.iin": msg}}
	}
	p.renderPerson(w, r, status, per, f)
}
