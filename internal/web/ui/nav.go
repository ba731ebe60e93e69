package ui

import (
	"net/http"
	"strings"

	"qyzmet/internal/apperr"
	"qyzmet/internal/auth"
	"qyzmet/internal/casework"
)

// Paths of the areas; the navigation and the sign-in's landing use them.
const (
	PathHome          = "/"
	PathVerify        = "/verify"
	PathSignIn        = "/signin"
	PathStaffSignIn   = "/staff/signin"
	PathSignOut       = "/signout"
	PathApply         = "/apply"   // /apply/{service}
	PathCabinet       = "/cabinet" // the citizen's applications, notifications, consents
	PathFrontDesk     = "/desk/front"
	PathProviderDesk  = "/desk/provider"
	PathComplaintDesk = "/desk/complaints"
	PathQuality       = "/desk/quality"
	PathAdmin         = "/admin"
)

// NavLink is one entry of the main menu.
type NavLink struct {
	Href    string
	Key     string // message key of the label
	Current bool
}

// deskOf is each staff role's start page, in the order the menu lists them.
var deskOf = []struct {
	role casework.Role
	path string
	key  string
}{
	{casework.RoleOperator, PathFrontDesk, "nav.front_desk"},
	{casework.RoleOfficer, PathProviderDesk, "nav.provider_desk"},
	{casework.RoleHead, PathProviderDesk, "nav.provider_desk"},
	{casework.RoleArchivist, PathProviderDesk, "nav.provider_desk"},
	{casework.RoleQuality, PathQuality, "nav.quality"},
	// Complaints reach the complaints officer, the provider's head and officer
	// (CP-1) and the authorized body (CP-4).
	{casework.RoleComplaints, PathComplaintDesk, "nav.complaints"},
	{casework.RoleHead, PathComplaintDesk, "nav.complaints"},
	{casework.RoleOfficer, PathComplaintDesk, "nav.complaints"},
	{casework.RoleQuality, PathComplaintDesk, "nav.complaints"},
	{casework.RoleAdmin, PathAdmin, "nav.admin"},
}

// Nav is the main menu for who (nil: nobody signed in) on the page at path.
func Nav(who *auth.Principal, path string) []NavLink {
	links := []NavLink{{Href: PathHome, Key: "nav.services"}, {Href: PathVerify, Key: "nav.verify"}}
	switch {
	case who == nil:
		links = append(links, NavLink{Href: PathSignIn, Key: "nav.signin"})
	case who.Kind == auth.KindCitizen:
		links = append(links, NavLink{Href: PathCabinet, Key: "nav.cabinet"})
	default:
		seen := map[string]bool{}
		for _, d := range deskOf {
			if who.Has(d.role) && !seen[d.path] {
				seen[d.path] = true
				links = append(links, NavLink{Href: d.path, Key: d.key})
			}
		}
	}
	for i := range links {
		l := &links[i]
		l.Current = path == l.Href || (l.Href != PathHome && strings.HasPrefix(path, l.Href+"/"))
	}
	return links
}

// Home is where a person lands after signing in: a citizen in the cabinet,
// staff at the desk of their first role.
func Home(p auth.Principal) string {
	if p.Kind == auth.KindCitizen {
		return PathCabinet
	}
	for _, d := range deskOf {
		if p.Has(d.role) {
			return d.path
		}
	}
	return PathHome
}

// Citizen lets through only a signed-in citizen; others go to the sign-in
// page, staff get 403.
func (v *Views) Citizen(next http.Handler) http.Handler {
	return auth.RequireSignIn(PathSignIn)(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sess, _ := auth.FromContext(r.Context())
		if sess.Principal.Kind != auth.KindCitizen {
			v.Forbidden(w, r)
			return
		}
		next.ServeHTTP(w, r)
	}))
}

// Staff lets through only staff holding one of roles: nobody signed in goes
// to the staff sign-in, anyone else gets a 403 page in their language. Every
// desk route is wrapped in it, and every command is checked again by the
// engine against the role the desk acts in.
func (v *Views) Staff(next http.Handler, roles ...casework.Role) http.Handler {
	return auth.RequireSignIn(PathStaffSignIn)(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sess, _ := auth.FromContext(r.Context())
		if sess.Principal.Kind != auth.KindStaff || !sess.Principal.Has(roles...) {
			v.Forbidden(w, r)
			return
		}
		next.ServeHTTP(w, r)
	}))
}

// Protect guards a state-changing handler: the browser's cross-origin check
// and the session's CSRF token (auth.Protect); a refused form gets a page
// saying so in the user's language.
func (v *Views) Protect(next http.Handler) http.Handler {
	return auth.Protect(next, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		v.Message(w, r, http.StatusForbidden, "error.title", T("error.refused", RequestLang(w, r)))
	}))
}

// Forbidden answers a role that may not see the page.
func (v *Views) Forbidden(w http.ResponseWriter, r *http.Request) {
	v.Message(w, r, http.StatusForbidden, "error.forbidden", "")
}

// NotFound answers a page that does not exist or may not be seen: the same
// answer for both, so that an id in the URL reveals nothing.
func (v *Views) NotFound(w http.ResponseWriter, r *http.Request) {
	v.Message(w, r, http.StatusNotFound, "error.notfound", "")
}

// Fail answers a request that failed outright: the same 404 for a missing
// id and for one the person may not see, else the error's own words (a
// refusal names its rule); an internal error is logged once and its details
// never reach the page.
func (v *Views) Fail(w http.ResponseWriter, r *http.Request, err error) {
	switch apperr.CodeOf(err) {
	case apperr.NotFound:
		v.NotFound(w, r)
	default:
		if apperr.CodeOf(err) == apperr.Internal {
			v.log.Error("page", "path", r.URL.Path, "err", err)
		}
		v.Message(w, r, Status(err), "error.title", ErrText(err, RequestLang(w, r)))
	}
}

// Message renders the shared message page: a title and one paragraph.
func (v *Views) Message(w http.ResponseWriter, r *http.Request, status int, titleKey, text string) {
	lang := RequestLang(w, r)
	v.Render(w, r, status, "message", lang, T(titleKey, lang), text)
}

// Principal is the signed-in person of the request (the guards ensure one).
func Principal(r *http.Request) auth.Principal {
	sess, _ := auth.FromContext(r.Context())
	return sess.Principal
}
