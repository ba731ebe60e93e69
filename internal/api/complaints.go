package api

import (
	"net/http"

	"qyzmet/internal/casework"
)

// fileComplaint registers a complaint about an application (CP-7) and answers
// with the complaint application and its talon. Idempotent like
// createApplication.
func (h *handler) fileComplaint(w http.ResponseWriter, r *http.Request, a casework.Actor) error {
	key, err := idempotencyKey(r)
	if err != nil {
		return err
	}
	var in casework.ComplaintInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	app, created, err := h.engine.FileComplaint(r.Context(), a, in, key)
	if err != nil {
		return err
	}
	h.writeCreated(w, r, created, Prefix+"/applications/"+app.ID, present(app))
	return nil
}
