package admin

import (
	"context"
	"net/http"
	"slices"
	"strings"

	"qyzmet/internal/apperr"
	"qyzmet/internal/auth"
	"qyzmet/internal/casework"
	"qyzmet/internal/i18n"
	"qyzmet/internal/org"
	"qyzmet/internal/web/ui"
)

// Fields of the account forms (the engine's style: the input's name).
const (
	fLogin  = "login"
	fName   = "name"
	fRoles  = "roles"
	fBranch = "branch"
)

// UserForm is the add or change form of an account.
type UserForm struct {
	Login    string
	Name     string
	Branch   string
	Roles    []RoleChoice
	Branches []ui.Option
	Key      string // the create form's hidden key
	Err      ui.FormError
}

// RoleChoice is one role's checkbox.
type RoleChoice struct {
	Value   string
	Label   string
	Checked bool
}

// UserRow is one account of the list.
type UserRow struct {
	auth.User
	RoleLabels []string
	BranchName string
	Self       bool
}

// UsersPage is the list of accounts and the add form.
type UsersPage struct {
	Base
	Users []UserRow
	Form  UserForm
}

// UserPage is one account: its change form and its actions.
type UserPage struct {
	Base
	User UserRow
	Form UserForm
}

// PasswordPage shows a one-time password once.
type PasswordPage struct {
	Base
	Login    string
	Password string
	Created  bool
}

func roleLabel(r casework.Role, lang i18n.Lang) string { return ui.T("admin.role."+string(r), lang) }

func roleChoices(checked []casework.Role, lang i18n.Lang) []RoleChoice {
	var out []RoleChoice
	for _, r := range auth.StaffRoles() {
		out = append(out, RoleChoice{Value: string(r), Label: roleLabel(r, lang), Checked: slices.Contains(checked, r)})
	}
	return out
}

// branchOptions are the open State Corporation departments an operator may
// work in, after a "none" choice; current stays listed even when closed.
func (p *Pages) branchOptions(ctx context.Context, lang i18n.Lang, current string) ([]ui.Option, map[string]org.Branch, error) {
	all, err := p.deps.Sys.Branches.List(ctx, "")
	if err != nil {
		return nil, nil, err
	}
	opts := []ui.Option{{Value: "", Label: ui.T("admin.users.no_branch", lang)}}
	byID := map[string]org.Branch{}
	for _, b := range all {
		byID[b.ID] = b
		if b.Open() || b.ID == current {
			opts = append(opts, ui.Option{Value: b.ID, Label: b.Name.In(lang)})
		}
	}
	return opts, byID, nil
}

func (p *Pages) userForm(ctx context.Context, lang i18n.Lang, u auth.User) (UserForm, error) {
	opts, _, err := p.branchOptions(ctx, lang, u.Branch)
	return UserForm{Login: u.Login, Name: u.Name, Branch: u.Branch, Roles: roleChoices(u.Roles, lang), Branches: opts}, err
}

func (p *Pages) users(w http.ResponseWriter, r *http.Request) {
	lang := ui.RequestLang(w, r)
	form, err := p.userForm(r.Context(), lang, auth.User{})
	if err != nil {
		p.failed(w, r, err)
		return
	}
	form.Key = formKey()
	p.renderUsers(w, r, http.StatusOK, form)
}

func (p *Pages) renderUsers(w http.ResponseWriter, r *http.Request, status int, form UserForm) {
	lang := ui.RequestLang(w, r)
	users, err := p.deps.Sys.Auth.Users(r.Context())
	if err != nil {
		p.failed(w, r, err)
		return
	}
	_, byID, err := p.branchOptions(r.Context(), lang, "")
	if err != nil {
		p.failed(w, r, err)
		return
	}
	page := UsersPage{Base: base(r, pathUsers), Form: form}
	me := ui.Principal(r).Login
	for _, u := range users {
		page.Users = append(page.Users, userRow(u, byID, lang, me))
	}
	p.views.RenderAt(w, r, status, "users", lang, ui.T("admin.users.title", lang), pathUsers, page)
}

func userRow(u auth.User, branches map[string]org.Branch, lang i18n.Lang, me string) UserRow {
	row := UserRow{User: u, Self: u.Login == me, BranchName: u.Branch}
	if b, ok := branches[u.Branch]; ok {
		row.BranchName = b.Name.In(lang)
	}
	for _, r := range u.Roles {
		row.RoleLabels = append(row.RoleLabels, roleLabel(r, lang))
	}
	return row
}

// readUser is the account the posted form describes.
func readUser(r *http.Request) auth.User {
	u := auth.User{Login: strings.TrimSpace(r.PostFormValue(fLogin)), Name: strings.TrimSpace(r.PostFormValue(fName)),
		Branch: r.PostFormValue(fBranch)}
	for _, v := range r.PostForm[fRoles] {
		u.Roles = append(u.Roles, casework.Role(v))
	}
	return u
}

// checkBranch refuses an operator without a branch, and a branch that is not
// an open department of the directory (or the account's current one).
func (p *Pages) checkBranch(ctx context.Context, u auth.User, current string) error {
	if u.Branch == "" {
		if u.Has(casework.RoleOperator) {
			return apperr.E(apperr.Invalid, "an operator works in a branch").WithKey("admin.users.branch_required")
		}
		return nil
	}
	b, err := p.deps.Sys.Branches.Branch(ctx, u.Branch)
	if apperr.CodeOf(err) == apperr.NotFound || (err == nil && !b.Open() && b.ID != current) {
		return apperr.E(apperr.Invalid, "no such open branch").WithKey("admin.users.branch_unknown")
	}
	return err
}

// accountField is the form field an account error belongs to.
var accountField = map[string]string{
	auth.KeyLoginFormat:           fLogin,
	auth.KeyLoginTaken:            fLogin,
	auth.KeyNameFormat:            fName,
	auth.KeyRoleUnknown:           fRoles,
	auth.KeyOwnAdmin:              fRoles,
	auth.KeyLastAdmin:             fRoles,
	"admin.users.branch_required": fBranch,
	"admin.users.branch_unknown":  fBranch,
}

// formError places err on its field, or above the form.
func formError(err error, fields map[string]string, lang i18n.Lang) ui.FormError {
	text := ErrText(err, lang)
	if f, ok := fields[apperr.KeyOf(err)]; ok {
		return ui.FormError{Fields: map[string]string{f: text}}
	}
	return ui.FormError{Notice: text}
}

// userError is a refused account form: the user's mistake, shown on the
// form; anything else fails the request.
func isUserError(err error) bool {
	switch apperr.CodeOf(err) {
	case apperr.Invalid, apperr.Conflict, apperr.Forbidden:
		return true
	}
	return false
}

func (p *Pages) addUser(w http.ResponseWriter, r *http.Request) {
	lang := ui.RequestLang(w, r)
	u := readUser(r)
	key := r.PostFormValue("key")
	err := p.checkBranch(r.Context(), u, "")
	var password string
	if err == nil {
		password, err = p.deps.Sys.Auth.CreateUser(r.Context(), u, key)
	}
	if err != nil {
		if !isUserError(err) {
			p.failed(w, r, err)
			return
		}
		form, ferr := p.userForm(r.Context(), lang, u)
		if ferr != nil {
			p.failed(w, r, ferr)
			return
		}
		form.Key, form.Err = key, formError(err, accountField, lang)
		p.renderUsers(w, r, ui.Status(err), form)
		return
	}
	p.showPassword(w, r, u.Login, password, true)
}

// showPassword shows a new one-time password once: the page is not cached
// and the password is kept nowhere but in the account's hash.
func (p *Pages) showPassword(w http.ResponseWriter, r *http.Request, login, password string, created bool) {
	lang := ui.RequestLang(w, r)
	w.Header().Set("Cache-Control", "no-store")
	page := PasswordPage{Base: base(r, pathUsers), Login: login, Password: password, Created: created}
	p.views.RenderAt(w, r, http.StatusOK, "password", lang, ui.T("admin.password.title", lang), pathUsers+"/"+login, page)
}

// account is the account of the URL; a missing one answers 404.
func (p *Pages) account(w http.ResponseWriter, r *http.Request) (auth.User, bool) {
	u, err := p.deps.Sys.Auth.User(r.Context(), r.PathValue("login"))
	switch {
	case apperr.CodeOf(err) == apperr.NotFound:
		p.views.NotFound(w, r)
		return u, false
	case err != nil:
		p.failed(w, r, err)
		return u, false
	}
	return u, true
}

func (p *Pages) user(w http.ResponseWriter, r *http.Request) {
	u, ok := p.account(w, r)
	if !ok {
		return
	}
	lang := ui.RequestLang(w, r)
	form, err := p.userForm(r.Context(), lang, u)
	if err != nil {
		p.failed(w, r, err)
		return
	}
	p.renderUser(w, r, http.StatusOK, u, form)
}

func (p *Pages) renderUser(w http.ResponseWriter, r *http.Request, status int, u auth.User, form UserForm) {
	lang := ui.RequestLang(w, r)
	_, byID, err := p.branchOptions(r.Context(), lang, u.Branch)
	if err != nil {
		p.failed(w, r, err)
		return
	}
	page := UserPage{Base: base(r, pathUsers), User: userRow(u, byID, lang, ui.Principal(r).Login), Form: form}
	p.views.RenderAt(w, r, status, "user", lang, u.Login+" · "+ui.T("admin.users.title", lang), pathUsers+"/"+u.Login, page)
}

func (p *Pages) saveUser(w http.ResponseWriter, r *http.Request) {
	old, ok := p.account(w, r)
	if !ok {
		return
	}
	lang := ui.RequestLang(w, r)
	u := readUser(r)
	u.Login = old.Login
	err := p.checkBranch(r.Context(), u, old.Branch)
	if err == nil {
		err = p.deps.Sys.Auth.UpdateUser(r.Context(), ui.Principal(r).Login, u)
	}
	if err != nil {
		p.refuseUser(w, r, old, u, err, lang)
		return
	}
	done(w, r, pathUsers+"/"+u.Login, "saved")
}

// refuseUser shows the account page again with err on its field.
func (p *Pages) refuseUser(w http.ResponseWriter, r *http.Request, old, posted auth.User, err error, lang i18n.Lang) {
	if !isUserError(err) {
		p.failed(w, r, err)
		return
	}
	form, ferr := p.userForm(r.Context(), lang, posted)
	if ferr != nil {
		p.failed(w, r, ferr)
		return
	}
	form.Err = formError(err, accountField, lang)
	p.renderUser(w, r, ui.Status(err), old, form)
}

func (p *Pages) setDisabled(w http.ResponseWriter, r *http.Request, disabled bool) {
	u, ok := p.account(w, r)
	if !ok {
		return
	}
	lang := ui.RequestLang(w, r)
	if err := p.deps.Sys.Auth.SetDisabled(r.Context(), ui.Principal(r).Login, u.Login, disabled); err != nil {
		p.refuseUser(w, r, u, u, err, lang)
		return
	}
	what := "enabled"
	if disabled {
		what = "disabled"
	}
	done(w, r, pathUsers+"/"+u.Login, what)
}

func (p *Pages) disableUser(w http.ResponseWriter, r *http.Request) { p.setDisabled(w, r, true) }
func (p *Pages) enableUser(w http.ResponseWriter, r *http.Request)  { p.setDisabled(w, r, false) }

func (p *Pages) resetPassword(w http.ResponseWriter, r *http.Request) {
	u, ok := p.account(w, r)
	if !ok {
		return
	}
	password, err := p.deps.Sys.Auth.ResetPassword(r.Context(), u.Login)
	if err != nil {
		p.failed(w, r, err)
		return
	}
	p.showPassword(w, r, u.Login, password, false)
}
