package web

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"qyzmet/internal/apperr"
	"qyzmet/internal/auth"
	"qyzmet/internal/i18n"
	"qyzmet/internal/iin"
	"qyzmet/internal/web/ui"
)

// authPages are the sign-in pages (docs/adr/0005-sign-in.md): citizens by a
// one-time password sent by SMS, staff by login and password, sign-out, and in
// demo mode the page of development SMS messages.
type authPages struct {
	s     *Server
	svc   *auth.Service
	limit *limiter
}

// Paths of the sign-in pages; the ones the portal and the desks send people
// to are the kit's (ui.PathSignIn …).
const (
	PathSignIn      = ui.PathSignIn
	PathSignInOTP   = "/signin/otp"
	PathSignedIn    = "/signin/status"
	PathStaffSignIn = ui.PathStaffSignIn
	PathSignOut     = ui.PathSignOut
	PathDevSMS      = "/dev/sms"
)

// Default allowance of sign-in posts per client address: 10 at once, then one
// every 30 seconds — enough for typos, far too little to try codes or
// passwords at scale (a code also locks after 5 tries).
const (
	defaultSignInBurst = 10
	defaultSignInEvery = 30 * time.Second
)

// authForm is the content of every sign-in page.
type authForm struct {
	Value  string            // the IIN or the login typed
	Errors map[string]string // field → message next to it
	Notice string
	Next   string
	Phone  string // the masked number the code went to
	CSRF   string
	Who    *auth.Principal
	SMS    []auth.SMS
}

func (s *Server) mountAuth(mux *http.ServeMux) {
	if s.Auth == nil {
		return
	}
	rate := s.SignInLimit
	if rate.Burst <= 0 {
		rate.Burst = defaultSignInBurst
	}
	if rate.Every <= 0 {
		rate.Every = defaultSignInEvery
	}
	a := &authPages{s: s, svc: s.Auth, limit: newLimiter(rate, s.Now)}
	deny := http.HandlerFunc(a.refused)
	mux.HandleFunc("GET "+PathSignIn, a.citizenForm)
	mux.Handle("POST "+PathSignIn, auth.Protect(a.limited(a.citizenStart), deny))
	mux.HandleFunc("GET "+PathSignInOTP, a.otpForm)
	mux.Handle("POST "+PathSignInOTP, auth.Protect(a.limited(a.otpVerify), deny))
	mux.Handle("GET "+PathSignedIn, auth.RequireSignIn(PathSignIn)(http.HandlerFunc(a.status)))
	mux.Handle("POST "+PathSignOut, auth.Protect(http.HandlerFunc(a.signOut), deny))
	mux.HandleFunc("GET "+PathStaffSignIn, a.staffForm)
	mux.Handle("POST "+PathStaffSignIn, auth.Protect(a.limited(a.staffSignIn), deny))
	if s.Demo && s.DevSMS != nil {
		mux.HandleFunc("GET "+PathDevSMS, a.devSMS)
	}
}

func (a *authPages) render(w http.ResponseWriter, r *http.Request, status int, lang i18n.Lang, view, title string, f authForm) {
	// Sign-in pages carry tokens and personal data: no cache keeps them.
	w.Header().Set("Cache-Control", "no-store")
	// A signed-in browser posts every form with its session's token, the
	// sign-in forms included (signing in again, as someone else).
	if sess, ok := auth.FromContext(r.Context()); ok {
		f.CSRF = sess.CSRFToken
	}
	a.s.render(w, r, status, view, lang, title, f)
}

func (a *authPages) citizenForm(w http.ResponseWriter, r *http.Request) {
	a.render(w, r, http.StatusOK, ui.RequestLang(w, r), "signin", "signin.title", authForm{Next: r.URL.Query().Get("next")})
}

// citizenStart checks the IIN and sends the code (CR-STD-8.3).
func (a *authPages) citizenStart(w http.ResponseWriter, r *http.Request) {
	lang := ui.RequestLang(w, r)
	f := authForm{Value: r.PostFormValue("iin"), Next: r.PostFormValue("next")}
	ch, err := a.svc.StartOTP(r.Context(), f.Value, a.limit.client(r), lang)
	if err != nil {
		var ie *iin.Error
		if errors.As(err, &ie) {
			f.Errors = map[string]string{"iin": ie.Message(lang)}
		} else {
			f.Notice = a.errText(r, err, lang)
		}
		a.render(w, r, authStatus(err), lang, "signin", "signin.title", f)
		return
	}
	a.svc.SetCookie(w, r, auth.ChallengeCookie, ch.Token, ch.ExpiresAt)
	http.Redirect(w, r, PathSignInOTP+"?next="+url.QueryEscape(f.Next), http.StatusSeeOther)
}

func (a *authPages) otpForm(w http.ResponseWriter, r *http.Request) {
	lang := ui.RequestLang(w, r)
	f := authForm{Next: r.URL.Query().Get("next")}
	status := http.StatusOK
	if c, err := r.Cookie(auth.ChallengeCookie); err == nil {
		if ch, err := a.svc.PendingChallenge(r.Context(), c.Value); err == nil {
			f.Phone = ch.PhoneMasked
		} else {
			f.Notice = a.errText(r, err, lang)
		}
	} else {
		f.Notice = msg(auth.KeyOTPExpired, lang)
	}
	a.render(w, r, status, lang, "otp", "otp.title", f)
}

// otpVerify checks the code and opens the citizen's session.
func (a *authPages) otpVerify(w http.ResponseWriter, r *http.Request) {
	lang := ui.RequestLang(w, r)
	f := authForm{Next: r.PostFormValue("next")}
	token := ""
	if c, err := r.Cookie(auth.ChallengeCookie); err == nil {
		token = c.Value
	}
	in, err := a.svc.VerifyOTP(r.Context(), token, r.PostFormValue("code"))
	if err != nil {
		text := a.errText(r, err, lang)
		if left, ok := auth.AsWrongCode(err); ok {
			text = ui.Tf(auth.KeyOTPWrong, lang, strconv.Itoa(left))
		}
		switch apperr.KeyOf(err) {
		case auth.KeyOTPWrong, auth.KeyOTPFormat:
			f.Errors = map[string]string{"code": text}
		default:
			f.Notice = text
		}
		a.render(w, r, authStatus(err), lang, "otp", "otp.title", f)
		return
	}
	// The challenge cookie stays until it expires: a replayed form then gets
	// "this code was used", not a confusing "start again".
	a.signedIn(w, r, in, f.Next)
}

func (a *authPages) signedIn(w http.ResponseWriter, r *http.Request, in auth.SignIn, next string) {
	a.svc.SetCookie(w, r, auth.SessionCookie, in.Token, in.Session.ExpiresAt)
	http.Redirect(w, r, auth.SafeNext(next, ui.Home(in.Session.Principal)), http.StatusSeeOther)
}

func (a *authPages) staffForm(w http.ResponseWriter, r *http.Request) {
	a.render(w, r, http.StatusOK, ui.RequestLang(w, r), "signin_staff", "staff.title", authForm{Next: r.URL.Query().Get("next")})
}

func (a *authPages) staffSignIn(w http.ResponseWriter, r *http.Request) {
	lang := ui.RequestLang(w, r)
	f := authForm{Value: r.PostFormValue("login"), Next: r.PostFormValue("next")}
	in, err := a.svc.StaffSignIn(r.Context(), f.Value, r.PostFormValue("password"))
	if err != nil {
		f.Notice = a.errText(r, err, lang)
		a.render(w, r, authStatus(err), lang, "signin_staff", "staff.title", f)
		return
	}
	a.signedIn(w, r, in, f.Next)
}

// status shows who is signed in, with the sign-out button. The portal's and
// the desks' own start pages will take its place as the target after sign-in.
func (a *authPages) status(w http.ResponseWriter, r *http.Request) {
	sess, _ := auth.FromContext(r.Context())
	a.render(w, r, http.StatusOK, ui.RequestLang(w, r), "signin_status", "signedin.title",
		authForm{Who: &sess.Principal, CSRF: sess.CSRFToken})
}

func (a *authPages) signOut(w http.ResponseWriter, r *http.Request) {
	if c, err := r.Cookie(auth.SessionCookie); err == nil {
		if err := a.svc.SignOut(r.Context(), c.Value); err != nil {
			a.s.Log.Error("sign out", "err", err)
			http.Error(w, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError)
			return
		}
	}
	a.svc.SetCookie(w, r, auth.SessionCookie, "", time.Time{})
	http.Redirect(w, r, PathSignIn, http.StatusSeeOther)
}

// devSMS lists the messages the development gateway did not send.
func (a *authPages) devSMS(w http.ResponseWriter, r *http.Request) {
	a.render(w, r, http.StatusOK, ui.RequestLang(w, r), "devsms", "devsms.title", authForm{SMS: a.s.DevSMS.Messages()})
}

// refused answers a form that failed the cross-origin or CSRF check.
func (a *authPages) refused(w http.ResponseWriter, r *http.Request) {
	lang := ui.RequestLang(w, r)
	a.render(w, r, http.StatusForbidden, lang, "signin", "signin.title", authForm{Notice: msg("signin.refused", lang)})
}

// limited spends a token of the client's sign-in allowance.
func (a *authPages) limited(next http.HandlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if ok, wait := a.limit.allow(r); !ok {
			lang := ui.RequestLang(w, r)
			w.Header().Set("Retry-After", retryAfter(wait))
			a.render(w, r, http.StatusTooManyRequests, lang, "signin", "signin.title",
				authForm{Notice: ui.Tf("signin.rate_limited", lang, retryAfter(wait))})
			return
		}
		next(w, r)
	})
}

// errText is an error in the page's language; an internal one is logged once.
func (a *authPages) errText(r *http.Request, err error, lang i18n.Lang) string {
	if apperr.CodeOf(err) == apperr.Internal {
		a.s.Log.Error("sign-in", "path", r.URL.Path, "err", err)
	}
	return ui.ErrText(err, lang)
}

func authStatus(err error) int {
	switch apperr.CodeOf(err) {
	case apperr.Invalid:
		return http.StatusBadRequest
	case apperr.NotFound:
		return http.StatusNotFound
	case apperr.Unauthorized:
		return http.StatusUnauthorized
	case apperr.Forbidden:
		return http.StatusTooManyRequests
	}
	return http.StatusInternalServerError
}
