// Package web serves Qyzmet's pages: server-rendered HTML that works without
// JavaScript, in Kazakh, Russian and English. Handlers hold their dependencies in
// Server; each page action lives in its own file.
package web

import (
	"cmp"
	"log/slog"
	"net/http"
	"time"

	"qyzmet/internal/app"
	"qyzmet/internal/auth"
	"qyzmet/internal/eregister"
	"qyzmet/internal/standard"
	"qyzmet/internal/web/ui"
)

// Server is the web front of Qyzmet.
type Server struct {
	// System is the running Qyzmet behind the portal and the desks; New takes
	// Auth, DevSMS and Register from it when they are not set, and the pages
	// read the standards in force from it. Nil serves the public pages and the
	// sign-in alone, with Standards.
	System    *app.System
	Standards *standard.Set
	Log       *slog.Logger
	Now       func() time.Time
	Demo      bool
	// Register answers the public e-Register (/verify and its JSON twin); nil
	// leaves those routes out.
	Register *eregister.Register
	// VerifyLimit is the e-Register's rate limit per client; zero fields take
	// the defaults.
	VerifyLimit RateLimit
	// Auth signs people in (docs/adr/0005-sign-in.md); nil leaves the sign-in
	// pages out and every request unsigned.
	Auth *auth.Service
	// SignInLimit is the allowance of sign-in posts per client; zero fields
	// take the defaults (10 at once, then one every 30 seconds).
	SignInLimit RateLimit
	// DevSMS is the development SMS gateway whose messages /dev/sms lists
	// when Demo is set.
	DevSMS *auth.DevSMS

	// Areas build the parts of the site that need the System, each in its own
	// package (the portal's forms and cabinet, the desks, administration);
	// package web/site lists them all. Tests build only the areas they need.
	Areas []AreaFunc

	views   *ui.Views
	mounted []Area
}

// Area is a part of the site in its own package; it mounts its routes.
type Area interface{ Mount(mux *http.ServeMux) }

// AreaFunc builds an area.
type AreaFunc func(ui.Deps) (Area, error)

// New parses the templates once and checks that every view exists.
func New(s Server) (*Server, error) {
	if sys := s.System; sys != nil {
		s.Auth = cmp.Or(s.Auth, sys.Auth)
		s.DevSMS = cmp.Or(s.DevSMS, sys.DevSMS)
		s.Register = cmp.Or(s.Register, sys.Register)
	}
	if s.Now == nil {
		s.Now = time.Now
	}
	if s.Log == nil {
		s.Log = slog.Default()
	}
	v, err := ui.Parse(templateFS, s.Log, pages...)
	if err != nil {
		return nil, err
	}
	s.views = v
	if s.System != nil {
		deps := ui.Deps{Sys: s.System, Log: s.Log, Now: s.Now, Demo: s.Demo}
		for _, build := range s.Areas {
			a, err := build(deps)
			if err != nil {
				return nil, err
			}
			s.mounted = append(s.mounted, a)
		}
	}
	return &s, nil
}

// standards are the standards in force: the System's, which follow an
// administrator's MCI values, else the fixed Standards.
func (s *Server) standards() *standard.Set {
	if s.System != nil {
		return s.System.Standards()
	}
	return s.Standards
}

// Handler routes every request the server answers.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", s.healthz)
	mux.Handle("GET /static/", ui.StaticHandler())
	mux.HandleFunc("GET /{$}", s.standardsPage)
	mux.HandleFunc("GET /standards/{service}", s.standardPage)
	s.mountVerify(mux)
	s.mountAuth(mux)
	for _, a := range s.mounted {
		a.Mount(mux)
	}
	mux.HandleFunc("/", s.views.NotFound)
	var h http.Handler = mux
	if s.Auth != nil {
		h = s.Auth.Middleware(mux)
	}
	return securityHeaders(h)
}

// securityHeaders sets the headers every answer carries: no framing, no sniffing,
// scripts and styles only from this server.
func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'")
		next.ServeHTTP(w, r)
	})
}
