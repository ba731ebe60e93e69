package auth

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"qyzmet/internal/casework"
)

func withSession(r *http.Request, s Session) *http.Request {
	return r.WithContext(context.WithValue(r.Context(), sessionKey{}, s))
}

func TestProtect(t *testing.T) {
	ok := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNoContent) })
	deny := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusForbidden) })
	h := Protect(ok, deny)
	sess := Session{CSRFToken: "tok-123"}
	post := func(form url.Values, site string, s *Session) int {
		r := httptest.NewRequest("POST", "http://qyzmet.test/x", strings.NewReader(form.Encode()))
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		if site != "" {
			r.Header.Set("Sec-Fetch-Site", site)
		}
		if s != nil {
			r = withSession(r, *s)
		}
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		return w.Code
	}
	for _, c := range []struct {
		name string
		form url.Values
		site string
		sess *Session
		want int
	}{
		{"signed in, right token", url.Values{CSRFField: {"tok-123"}}, "same-origin", &sess, 204},
		{"signed in, no token", url.Values{}, "same-origin", &sess, 403},
		{"signed in, wrong token", url.Values{CSRFField: {"tok-124"}}, "same-origin", &sess, 403},
		{"cross-site, right token", url.Values{CSRFField: {"tok-123"}}, "cross-site", &sess, 403},
		{"no session, same origin", url.Values{}, "same-origin", nil, 204},
		{"no session, cross-site", url.Values{}, "cross-site", nil, 403},
	} {
		if got := post(c.form, c.site, c.sess); got != c.want {
			t.Errorf("%s: status %d, want %d", c.name, got, c.want)
		}
	}
}

func TestRequireRole(t *testing.T) {
	ok := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNoContent) })
	h := RequireRole("/staff/signin", casework.RoleOfficer, casework.RoleHead)(ok)
	for _, c := range []struct {
		name string
		sess *Session
		want int
	}{
		{"none", nil, http.StatusSeeOther},
		{"citizen", &Session{Principal: Principal{Kind: KindCitizen, Roles: []casework.Role{casework.RoleApplicant}}}, 403},
		{"head", &Session{Principal: Principal{Kind: KindStaff, Roles: []casework.Role{casework.RoleHead}}}, 204},
	} {
		r := httptest.NewRequest("GET", "/desk/provider?x=1", nil)
		if c.sess != nil {
			r = withSession(r, *c.sess)
		}
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if w.Code != c.want {
			t.Errorf("%s: status %d, want %d", c.name, w.Code, c.want)
		}
		if c.want == http.StatusSeeOther && w.Header().Get("Location") != "/staff/signin?next=%2Fdesk%2Fprovider%3Fx%3D1" {
			t.Errorf("%s: Location %q", c.name, w.Header().Get("Location"))
		}
	}
}

func TestSafeNext(t *testing.T) {
	for in, want := range map[string]string{
		"/desk/front?x=1": "/desk/front?x=1", "": "/", "//evil.example/": "/", "/\\evil.example": "/",
		"https://evil.example/": "/", "desk": "/",
	} {
		if got := SafeNext(in, "/"); got != want {
			t.Errorf("SafeNext(%q) = %q, want %q", in, got, want)
		}
	}
}
