package api

import (
	"net/http"

	"qyzmet/internal/casework"
)

// eventList is the answer of GET /applications/{id}/events.
type eventList struct {
	Events []casework.Event `json:"events"`
}

// listEvents returns an application's history, oldest first: the audit trail and
// the status history the applicant sees.
func (h *handler) listEvents(w http.ResponseWriter, r *http.Request, a casework.Actor) error {
	events, err := h.engine.Events(r.Context(), a, r.PathValue("id"))
	if err != nil {
		return err
	}
	if events == nil {
		events = []casework.Event{}
	}
	h.writeJSON(w, r, http.StatusOK, eventList{Events: events})
	return nil
}
