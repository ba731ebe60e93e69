package admin

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"qyzmet/internal/apperr"
	"qyzmet/internal/i18n"
	"qyzmet/internal/org"
	"qyzmet/internal/standard"
	"qyzmet/internal/web/ui"
)

// BranchForm is the add or change form of a branch.
type BranchForm struct {
	V       map[string]string // the inputs by name
	Kinds   []ui.Option
	Classes []ui.Option
	Err     ui.FormError
	New     bool
}

// BranchesPage lists the branches and offers the add form.
type BranchesPage struct {
	Base
	Branches []org.Branch
	Form     BranchForm
}

// BranchPage is one branch: its change form and close or reopen.
type BranchPage struct {
	Base
	Branch org.Branch
	Form   BranchForm
}

// branchFields are the text inputs of the branch form, in order.
var branchFields = []string{"id", "name.kk", "name.ru", "name.en", "region", "address", "department", "windows"}

// maxBranchText bounds a branch's texts as receipts print them.
const maxBranchText = 200

func (p *Pages) branchForm(lang i18n.Lang, b org.Branch) BranchForm {
	v := map[string]string{
		"id": b.ID, "kind": b.Kind, "name.kk": b.Name.KK, "name.ru": b.Name.RU, "name.en": b.Name.EN,
		"region": b.Region, "address": b.Address, "department": b.Department, "class": string(b.Class),
	}
	if b.Windows > 0 {
		v["windows"] = strconv.Itoa(b.Windows)
	}
	return BranchForm{V: v,
		Kinds: []ui.Option{
			{Value: org.KindStateCorp, Label: ui.T("admin.branches.kind.state-corp", lang)},
			{Value: org.KindProvider, Label: ui.T("admin.branches.kind.provider", lang)},
		},
		Classes: []ui.Option{
			{Value: string(standard.Major), Label: ui.T("admin.branches.class.major", lang)},
			{Value: string(standard.Other), Label: ui.T("admin.branches.class.other", lang)},
		}}
}

func (p *Pages) branches(w http.ResponseWriter, r *http.Request) {
	lang := ui.RequestLang(w, r)
	form := p.branchForm(lang, org.Branch{Kind: org.KindStateCorp, Class: standard.Major, Windows: 4})
	form.New = true
	p.renderBranches(w, r, http.StatusOK, form)
}

func (p *Pages) renderBranches(w http.ResponseWriter, r *http.Request, status int, form BranchForm) {
	lang := ui.RequestLang(w, r)
	all, err := p.deps.Sys.Branches.List(r.Context(), "")
	if err != nil {
		p.failed(w, r, err)
		return
	}
	page := BranchesPage{Base: base(r, pathBranches), Branches: all, Form: form}
	p.views.RenderAt(w, r, status, "branches", lang, ui.T("admin.branches.title", lang), pathBranches, page)
}

// readBranch is the branch the posted form describes, or the field whose
// text is refused.
func readBranch(r *http.Request) (org.Branch, error) {
	val := func(name string) string { return strings.TrimSpace(r.PostFormValue(name)) }
	for _, f := range branchFields {
		s := val(f)
		if utf8.RuneCountInString(s) > maxBranchText || strings.ContainsAny(s, "<>") || strings.ContainsFunc(s, unicode.IsControl) {
			return org.Branch{}, apperr.E(apperr.Invalid, "text with markup or too long").WithKey("admin.text_format." + f)
		}
	}
	b := org.Branch{ID: val("id"), Kind: val("kind"), Name: i18n.Text{KK: val("name.kk"), RU: val("name.ru"), EN: val("name.en")},
		Region: val("region"), Address: val("address"), Department: val("department"), Class: standard.DepartmentClass(val("class"))}
	w, err := strconv.Atoi(val("windows"))
	if err != nil {
		return b, apperr.E(apperr.Invalid, "windows is a number").WithKey("org.windows")
	}
	b.Windows = w
	return b, b.Validate()
}

// branchErrorField is the input a branch error belongs to.
func branchErrorField(err error, b org.Branch) string {
	key := apperr.KeyOf(err)
	if f, ok := strings.CutPrefix(key, "admin.text_format."); ok {
		return f
	}
	switch key {
	case "org.id", "admin.branches.id_taken":
		return "id"
	case "org.kind":
		return "kind"
	case "org.class":
		return "class"
	case "org.windows":
		return "windows"
	case "org.name":
		for _, f := range []struct{ field, v string }{{"name.kk", b.Name.KK}, {"name.ru", b.Name.RU}} {
			if f.v == "" {
				return f.field
			}
		}
		return "name.en"
	}
	return ""
}

func (p *Pages) branchError(err error, b org.Branch, lang i18n.Lang) ui.FormError {
	text := ErrText(err, lang)
	if key := apperr.KeyOf(err); strings.HasPrefix(key, "admin.text_format.") {
		text = ui.T("admin.text_format", lang)
	}
	if f := branchErrorField(err, b); f != "" {
		return ui.FormError{Fields: map[string]string{f: text}}
	}
	return ui.FormError{Notice: text}
}

// postedForm is the form as posted, to show again with its error.
func (p *Pages) postedForm(r *http.Request, lang i18n.Lang, b org.Branch, err error) BranchForm {
	form := p.branchForm(lang, b)
	for _, f := range append(branchFields, "kind", "class") {
		form.V[f] = r.PostFormValue(f)
	}
	form.Err = p.branchError(err, b, lang)
	return form
}

func (p *Pages) addBranch(w http.ResponseWriter, r *http.Request) {
	lang := ui.RequestLang(w, r)
	b, err := readBranch(r)
	if err == nil {
		err = p.createBranch(r.Context(), b)
	}
	if err != nil {
		if !isUserError(err) {
			p.failed(w, r, err)
			return
		}
		form := p.postedForm(r, lang, b, err)
		form.New = true
		p.renderBranches(w, r, ui.Status(err), form)
		return
	}
	done(w, r, pathBranches+"/"+b.ID, "added")
}

// createBranch saves a new branch. The directory's Save also changes an
// existing one, so a taken code is refused here — unless the branch there
// is exactly the one posted: the same form sent twice (the code is the
// form's natural idempotency key).
func (p *Pages) createBranch(ctx context.Context, b org.Branch) error {
	old, err := p.deps.Sys.Branches.Branch(ctx, b.ID)
	switch {
	case err == nil && sameBranch(old, b):
		return nil
	case err == nil:
		return apperr.E(apperr.Conflict, "the code is taken").WithKey("admin.branches.id_taken")
	case apperr.CodeOf(err) != apperr.NotFound:
		return err
	}
	return p.deps.Sys.Branches.Save(ctx, b)
}

func sameBranch(a, b org.Branch) bool {
	a.ClosedAt, b.ClosedAt = nil, nil
	return a == b
}

// target is the branch of the URL; a missing one answers 404.
func (p *Pages) target(w http.ResponseWriter, r *http.Request) (org.Branch, bool) {
	b, err := p.deps.Sys.Branches.Branch(r.Context(), r.PathValue("id"))
	switch {
	case apperr.CodeOf(err) == apperr.NotFound:
		p.views.NotFound(w, r)
		return b, false
	case err != nil:
		p.failed(w, r, err)
		return b, false
	}
	return b, true
}

func (p *Pages) branch(w http.ResponseWriter, r *http.Request) {
	b, ok := p.target(w, r)
	if !ok {
		return
	}
	lang := ui.RequestLang(w, r)
	p.renderBranch(w, r, http.StatusOK, b, p.branchForm(lang, b))
}

func (p *Pages) renderBranch(w http.ResponseWriter, r *http.Request, status int, b org.Branch, form BranchForm) {
	lang := ui.RequestLang(w, r)
	page := BranchPage{Base: base(r, pathBranches), Branch: b, Form: form}
	p.views.RenderAt(w, r, status, "branch", lang, b.Name.In(lang), pathBranches+"/"+b.ID, page)
}

func (p *Pages) saveBranch(w http.ResponseWriter, r *http.Request) {
	old, ok := p.target(w, r)
	if !ok {
		return
	}
	lang := ui.RequestLang(w, r)
	r.PostForm.Set("id", old.ID) // the code names the branch in accounts and applications: it stays
	b, err := readBranch(r)
	if err == nil {
		b.ClosedAt = old.ClosedAt
		err = p.deps.Sys.Branches.Save(r.Context(), b)
	}
	if err != nil {
		if !isUserError(err) {
			p.failed(w, r, err)
			return
		}
		p.renderBranch(w, r, ui.Status(err), old, p.postedForm(r, lang, b, err))
		return
	}
	done(w, r, pathBranches+"/"+b.ID, "saved")
}

func (p *Pages) setClosed(w http.ResponseWriter, r *http.Request, closed bool) {
	b, ok := p.target(w, r)
	if !ok {
		return
	}
	what := "reopened"
	b.ClosedAt = nil
	if closed {
		what = "closed"
		now := p.deps.Sys.DB.Now()
		b.ClosedAt = &now
	}
	if err := p.deps.Sys.Branches.Save(r.Context(), b); err != nil {
		p.failed(w, r, err)
		return
	}
	done(w, r, pathBranches+"/"+b.ID, what)
}

func (p *Pages) closeBranch(w http.ResponseWriter, r *http.Request)  { p.setClosed(w, r, true) }
func (p *Pages) reopenBranch(w http.ResponseWriter, r *http.Request) { p.setClosed(w, r, false) }
