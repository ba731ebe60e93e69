package api

import (
	"net/http"

	"qyzmet/internal/apperr"
)

// maxIdempotencyKey bounds the Idempotency-Key header; a UUID needs 36.
const maxIdempotencyKey = 255

// idempotencyKey is the request's Idempotency-Key header: required on every
// request that creates something, 1–255 visible ASCII characters. The engine
// keeps it with what the request created, per actor.
func idempotencyKey(r *http.Request) (string, error) {
	key := r.Header.Get("Idempotency-Key")
	bad := &requestError{status: http.StatusBadRequest, code: apperr.Invalid, key: keyIdempotencyKey, field: "Idempotency-Key"}
	if key == "" || len(key) > maxIdempotencyKey {
		return "", bad
	}
	for i := 0; i < len(key); i++ {
		if key[i] < 0x21 || key[i] > 0x7e {
			return "", bad
		}
	}
	return key, nil
}
