package api

import (
	"net/http"
	"strconv"

	"qyzmet/internal/casework"
)

// downloadDocument answers the signed PDF of a paper issued for the
// application — the bytes whose SHA-256 the e-Register holds — to whoever may
// read the application; to anyone else it is not found, like the application.
func (h *handler) downloadDocument(w http.ResponseWriter, r *http.Request, a casework.Actor) error {
	doc, file, err := h.engine.Document(r.Context(), a, r.PathValue("id"), r.PathValue("number"))
	if err != nil {
		return err
	}
	hdr := w.Header()
	hdr.Set("Content-Type", "application/pdf")
	hdr.Set("Content-Disposition", `attachment; filename="`+doc.Number+`.pdf"`)
	hdr.Set("Content-Length", strconv.Itoa(len(file)))
	hdr.Set("Cache-Control", "no-store") // personal data
	hdr.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(http.StatusOK)
	w.Write(file)
	return nil
}
