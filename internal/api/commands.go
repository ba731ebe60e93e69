package api

import (
	"encoding/json"
	"net/http"

	"qyzmet/internal/apperr"
	"qyzmet/internal/casework"
)

// commandList is the answer of GET /commands.
type commandList struct {
	Commands []casework.CommandSpec `json:"commands"`
}

// listCommands is the command catalogue: each command with the roles that may
// issue it, the states it applies in, where it leads and its rule.
func (h *handler) listCommands(w http.ResponseWriter, r *http.Request, a casework.Actor) error {
	specs := h.engine.Commands()
	if specs == nil {
		specs = []casework.CommandSpec{}
	}
	h.writeJSON(w, r, http.StatusOK, commandList{Commands: specs})
	return nil
}

// commandRequest is the body of POST /applications/{id}/commands. It is
// casework.Command with expected_version required: optimistic concurrency only
// protects a client that says which version it saw.
type commandRequest struct {
	Command         string          `json:"command"`
	ExpectedVersion *int            `json:"expected_version"`
	Reason          string          `json:"reason,omitempty"`
	Data            json.RawMessage `json:"data,omitempty"`
}

// executeCommand runs a lifecycle command on an application. A stale
// expected_version is a conflict (409): someone else changed the application
// since the client read it.
func (h *handler) executeCommand(w http.ResponseWriter, r *http.Request, a casework.Actor) error {
	var req commandRequest
	if err := decodeJSON(w, r, &req); err != nil {
		return err
	}
	if req.ExpectedVersion == nil {
		return &requestError{status: http.StatusUnprocessableEntity, code: apperr.Invalid, key: keyExpectedVersion, field: "expected_version"}
	}
	app, err := h.engine.Execute(r.Context(), a, r.PathValue("id"), casework.Command{
		Name:            req.Command,
		ExpectedVersion: *req.ExpectedVersion,
		Reason:          req.Reason,
		Data:            req.Data,
	})
	if err != nil {
		return err
	}
	h.writeJSON(w, r, http.StatusOK, present(app))
	return nil
}
