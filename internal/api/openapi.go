package api

import (
	_ "embed"
	"net/http"

	"qyzmet/internal/casework"
)

// openAPIDocument is the OpenAPI 3.1 description of this API. It is written by
// hand, as the contract is reviewed; tests validate it with an OpenAPI 3.1
// validator, check that it and the route table name the same operations, that
// its command enum is the engine's catalogue, and validate real answers of the
// handlers against it.
//
//go:embed openapi.json
var openAPIDocument []byte

// openAPI serves the document; it needs no token, so that tools can read it.
func (h *handler) openAPI(w http.ResponseWriter, r *http.Request, _ casework.Actor) error {
	hdr := w.Header()
	hdr.Set("Content-Type", "application/json; charset=utf-8")
	hdr.Set("Cache-Control", "public, max-age=300")
	hdr.Set("X-Content-Type-Options", "nosniff")
	w.Write(openAPIDocument)
	return nil
}
