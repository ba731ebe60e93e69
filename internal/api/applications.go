package api

import (
	"net/http"
	"strconv"

	"qyzmet/internal/apperr"
	"qyzmet/internal/casework"
	"qyzmet/internal/standard"
)

// Paging of GET /applications: the engine's default page and its ceiling.
const (
	defaultListLimit = 100
	maxListLimit     = 1000
)

// createApplication creates and submits an application. The Idempotency-Key
// header makes a repeated request (a double click, a retry after a lost answer)
// return the first application with 200 instead of creating a second one.
func (h *handler) createApplication(w http.ResponseWriter, r *http.Request, a casework.Actor) error {
	key, err := idempotencyKey(r)
	if err != nil {
		return err
	}
	var in casework.SubmitInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	app, created, err := h.engine.Submit(r.Context(), a, in, key)
	if err != nil {
		return err
	}
	h.writeCreated(w, r, created, Prefix+"/applications/"+app.ID, present(app))
	return nil
}

// applicationList is the answer of GET /applications. NextBefore, when set,
// is the before= of the next (older) page.
type applicationList struct {
	Applications []casework.Application `json:"applications"`
	NextBefore   string                 `json:"next_before,omitempty"`
}

// listApplications lists the applications the actor may see, newest first.
func (h *handler) listApplications(w http.ResponseWriter, r *http.Request, a casework.Actor) error {
	f, err := listFilter(r)
	if err != nil {
		return err
	}
	apps, err := h.engine.List(r.Context(), a, f)
	if err != nil {
		return err
	}
	out := applicationList{Applications: apps}
	if out.Applications == nil {
		out.Applications = []casework.Application{}
	}
	for i := range out.Applications {
		present(&out.Applications[i])
	}
	if len(apps) == f.Limit {
		out.NextBefore = apps[len(apps)-1].ID
	}
	h.writeJSON(w, r, http.StatusOK, out)
	return nil
}

// listFilter reads the filter of GET /applications from the query.
func listFilter(r *http.Request) (casework.Filter, error) {
	q := r.URL.Query()
	f := casework.Filter{
		Service:      standard.ServiceID(q.Get("service")),
		State:        casework.State(q.Get("state")),
		ApplicantIIN: q.Get("applicant_iin"),
		ApplicantBIN: q.Get("applicant_bin"),
		Branch:       q.Get("branch"),
		Assignee:     q.Get("assignee"),
		Number:       q.Get("number"),
		Before:       q.Get("before"),
		Limit:        defaultListLimit,
	}
	badQuery := func(param string, err error) error {
		return &requestError{status: http.StatusBadRequest, code: apperr.Invalid, key: keyQueryInvalid, field: param, err: err}
	}
	if v := q.Get("overdue"); v != "" {
		b, err := strconv.ParseBool(v)
		if err != nil {
			return f, badQuery("overdue", err)
		}
		f.Overdue = b
	}
	if v := q.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > maxListLimit {
			return f, badQuery("limit", err)
		}
		f.Limit = n
	}
	return f, nil
}

// getApplication returns one application with its checklist and deadlines. An
// application the actor may not see is not found, exactly like one that does
// not exist, so that its existence leaks nothing.
func (h *handler) getApplication(w http.ResponseWriter, r *http.Request, a casework.Actor) error {
	app, err := h.engine.Get(r.Context(), a, r.PathValue("id"))
	if err != nil {
		return err
	}
	h.writeJSON(w, r, http.StatusOK, present(app))
	return nil
}

// present prepares an application for the wire: checklist and clocks are
// arrays in the document, never null (a complaint has neither).
func present(app *casework.Application) *casework.Application {
	if app.Checklist == nil {
		app.Checklist = []casework.ChecklistItem{}
	}
	if app.Clocks == nil {
		app.Clocks = []casework.Clock{}
	}
	return app
}

// writeCreated answers an idempotent creation: 201 with Location for a new
// resource, 200 for the one an earlier request with the same key created.
func (h *handler) writeCreated(w http.ResponseWriter, r *http.Request, created bool, location string, v any) {
	w.Header().Set("Location", location)
	status := http.StatusOK
	if created {
		status = http.StatusCreated
	}
	h.writeJSON(w, r, status, v)
}
