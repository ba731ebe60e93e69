package api

import (
	"net/http"

	"qyzmet/internal/casework"
)

// notificationList is the answer of GET /notifications.
type notificationList struct {
	Notifications []casework.Notification `json:"notifications"`
}

// listNotifications returns the actor's own notifications, newest first: for an
// applicant, the personal cabinet's messages.
func (h *handler) listNotifications(w http.ResponseWriter, r *http.Request, a casework.Actor) error {
	notes, err := h.engine.Notifications(r.Context(), a)
	if err != nil {
		return err
	}
	if notes == nil {
		notes = []casework.Notification{}
	}
	h.writeJSON(w, r, http.StatusOK, notificationList{Notifications: notes})
	return nil
}
