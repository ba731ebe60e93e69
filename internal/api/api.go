// Package api is Qyzmet's JSON API v1 under /api/v1: create and submit an
// application, read it with its checklist and deadlines, list its events, run a
// lifecycle command, download the signed documents issued for it, file a
// complaint, read notifications and the command catalogue. The OpenAPI 3.1
// document that describes it is embedded (openapi.json) and served at
// /api/v1/openapi.json; tests hold the routes, the document and real answers to
// one another. docs/api.md is the guide.
//
// Every error is JSON with a stable code, a message in the request's language
// and the field at fault (errors.go); the code → HTTP status map is statusByCode.
package api

import (
	"fmt"
	"log/slog"
	"net/http"
	"slices"
	"strings"

	"qyzmet/internal/apperr"
	"qyzmet/internal/casework"
)

// Prefix is where the API is mounted; the server routes every path under
// Prefix+"/" to the handler New returns.
const Prefix = "/api/v1"

// Config is what the API needs.
type Config struct {
	Engine *casework.Engine
	// Tokens are the static development tokens, each naming the actor it signs
	// in, until [portal] and [desks] bring real sign-in.
	Tokens map[string]casework.Actor
	Log    *slog.Logger // nil: slog.Default()
}

// handler holds the dependencies of every route.
type handler struct {
	engine *casework.Engine
	tokens tokens
	log    *slog.Logger
}

// route is one endpoint. The route table is data so that a test can check every
// route against the OpenAPI document, and the document against the routes.
type route struct {
	method string
	path   string // as in the OpenAPI document and the mux: "/api/v1/applications/{id}"
	public bool   // answered without a token
	serve  func(h *handler, w http.ResponseWriter, r *http.Request, a casework.Actor) error
}

// routes lists every endpoint of the API; one file per resource holds the
// handlers.
var routes = []route{
	{"POST", Prefix + "/applications", false, (*handler).createApplication},
	{"GET", Prefix + "/applications", false, (*handler).listApplications},
	{"GET", Prefix + "/applications/{id}", false, (*handler).getApplication},
	{"GET", Prefix + "/applications/{id}/events", false, (*handler).listEvents},
	{"POST", Prefix + "/applications/{id}/commands", false, (*handler).executeCommand},
	{"GET", Prefix + "/applications/{id}/documents/{number}", false, (*handler).downloadDocument},
	{"GET", Prefix + "/commands", false, (*handler).listCommands},
	{"POST", Prefix + "/complaints", false, (*handler).fileComplaint},
	{"GET", Prefix + "/notifications", false, (*handler).listNotifications},
	{"GET", Prefix + "/openapi.json", true, (*handler).openAPI},
}

// New returns the handler of every path under Prefix+"/".
func New(cfg Config) http.Handler {
	h := &handler{engine: cfg.Engine, tokens: newTokens(cfg.Tokens), log: cfg.Log}
	if h.log == nil {
		h.log = slog.Default()
	}
	mux := http.NewServeMux()
	// paths knows each path without its method, to tell 405 from 404.
	paths := http.NewServeMux()
	allowed := map[string][]string{}
	for _, rt := range routes {
		mux.Handle(rt.method+" "+rt.path, h.endpoint(rt))
		if _, seen := allowed[rt.path]; !seen {
			paths.Handle(rt.path, http.NotFoundHandler())
		}
		allowed[rt.path] = append(allowed[rt.path], rt.method)
	}
	mux.HandleFunc(Prefix+"/", func(w http.ResponseWriter, r *http.Request) {
		if _, pattern := paths.Handler(r); pattern != "" {
			methods := slices.Clone(allowed[pattern])
			if slices.Contains(methods, http.MethodGet) {
				methods = append(methods, http.MethodHead)
			}
			w.Header().Set("Allow", strings.Join(methods, ", "))
			h.writeError(w, r, &requestError{status: http.StatusMethodNotAllowed, code: apperr.Invalid, key: keyMethodNotAllowed})
			return
		}
		h.writeError(w, r, &requestError{status: http.StatusNotFound, code: apperr.NotFound, key: keyRouteNotFound})
	})
	return mux
}

// endpoint wraps a route's handler: it signs the actor in, turns a returned
// error into its JSON answer, and turns a panic into a logged internal error
// rather than a dropped connection.
func (h *handler) endpoint(rt route) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				h.writeError(w, r, fmt.Errorf("api: panic in %s %s: %v", rt.method, rt.path, v))
			}
		}()
		var a casework.Actor
		if !rt.public {
			var err error
			if a, err = h.tokens.actor(r); err != nil {
				h.writeError(w, r, err)
				return
			}
		}
		if err := rt.serve(h, w, r, a); err != nil {
			h.writeError(w, r, err)
		}
	})
}
