package api

import (
	"encoding/json"
	"fmt"
	"net/http"
)

// writeJSON answers with v as JSON. The body is encoded before the status is
// written, so a value that cannot be encoded becomes a clean, logged 500 rather
// than half an answer. Answers carry personal data: no cache may keep them.
func (h *handler) writeJSON(w http.ResponseWriter, r *http.Request, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		h.writeError(w, r, fmt.Errorf("api: encode the answer: %w", err))
		return
	}
	hdr := w.Header()
	hdr.Set("Content-Type", "application/json; charset=utf-8")
	hdr.Set("Cache-Control", "no-store")
	hdr.Set("X-Content-Type-Options", "nosniff")
	hdr.Set("Content-Language", string(requestLang(r)))
	w.WriteHeader(status)
	w.Write(append(b, '\n'))
}
