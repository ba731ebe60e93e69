package auth

import (
	"context"
	"crypto/subtle"
	"net/http"
	"net/url"
	"time"

	"qyzmet/internal/casework"
)

// Cookie names and the hidden field of the CSRF token.
const (
	SessionCookie   = "qyzmet_session"
	ChallengeCookie = "qyzmet_otp"
	CSRFField       = "csrf"
)

// SetCookie sets an HttpOnly, SameSite=Lax cookie, Secure on TLS (or when the
// service is told it sits behind TLS). An expiry in the past deletes it.
func (s *Service) SetCookie(w http.ResponseWriter, r *http.Request, name, value string, expires time.Time) {
	c := &http.Cookie{Name: name, Value: value, Path: "/", HttpOnly: true, SameSite: http.SameSiteLaxMode,
		Secure: s.SecureCookies || r.TLS != nil}
	if expires.IsZero() || value == "" {
		c.MaxAge = -1
	} else {
		c.Expires = expires
	}
	http.SetCookie(w, c)
}

type sessionKey struct{}

// FromContext is the session the Middleware found for the request.
func FromContext(ctx context.Context) (Session, bool) {
	s, ok := ctx.Value(sessionKey{}).(Session)
	return s, ok
}

// Middleware puts the request's live session, if any, into its context. A
// cookie of an ended session is deleted.
func (s *Service) Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, err := r.Cookie(SessionCookie)
		if err != nil {
			next.ServeHTTP(w, r)
			return
		}
		sess, err := s.Session(r.Context(), c.Value)
		if err != nil {
			s.SetCookie(w, r, SessionCookie, "", time.Time{})
			if err != errNoSession {
				s.log().Error("read session", "err", err)
			}
			next.ServeHTTP(w, r)
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), sessionKey{}, sess)))
	})
}

// RequireSignIn sends a request without a session to signinPath, with the
// page asked for as ?next=. Wrap it inside Middleware.
func RequireSignIn(signinPath string) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if _, ok := FromContext(r.Context()); !ok {
				redirectToSignIn(w, r, signinPath)
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}

// RequireRole lets through only sessions holding one of roles: without a
// session the request goes to signinPath, with a session lacking the roles it
// is refused with 403. Wrap it inside Middleware.
func RequireRole(signinPath string, roles ...casework.Role) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			sess, ok := FromContext(r.Context())
			switch {
			case !ok:
				redirectToSignIn(w, r, signinPath)
			case !sess.Principal.Has(roles...):
				http.Error(w, http.StatusText(http.StatusForbidden), http.StatusForbidden)
			default:
				next.ServeHTTP(w, r)
			}
		})
	}
}

func redirectToSignIn(w http.ResponseWriter, r *http.Request, signinPath string) {
	w.Header().Set("Cache-Control", "no-store")
	http.Redirect(w, r, signinPath+"?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
}

// ValidCSRF reports whether a signed-in request's form carries its session's
// CSRF token. Requests without a session have no token to carry: their forms
// (sign-in) rely on the cross-origin check alone.
func ValidCSRF(r *http.Request) bool {
	sess, ok := FromContext(r.Context())
	if !ok {
		return true
	}
	got := r.PostFormValue(CSRFField)
	return got != "" && subtle.ConstantTimeCompare([]byte(got), []byte(sess.CSRFToken)) == 1
}

// Protect guards a state-changing handler: the browser's cross-origin check
// (Sec-Fetch-Site / Origin, Go's http.CrossOriginProtection) and, for
// signed-in requests, the session's CSRF token in the form. deny answers a
// refused request.
func Protect(next, deny http.Handler) http.Handler {
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(deny)
	return cop.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !ValidCSRF(r) {
			deny.ServeHTTP(w, r)
			return
		}
		next.ServeHTTP(w, r)
	}))
}

// SafeNext is a local path to go to after sign-in: next when it is a path on
// this site, else fallback. It refuses "//host" and "/\host", which browsers
// treat as other sites.
func SafeNext(next, fallback string) string {
	if len(next) == 0 || next[0] != '/' || (len(next) > 1 && (next[1] == '/' || next[1] == '\\')) {
		return fallback
	}
	u, err := url.Parse(next)
	if err != nil || u.Host != "" || u.Scheme != "" {
		return fallback
	}
	return next
}
