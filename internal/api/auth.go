package api

import (
	"crypto/sha256"
	"net/http"
	"strings"

	"qyzmet/internal/apperr"
	"qyzmet/internal/casework"
)

// tokens are the static development tokens by the SHA-256 of the token, so that
// looking one up takes the same time whatever prefix a guess shares with a real
// token ([portal] and [desks] replace them with real sign-in).
type tokens map[[sha256.Size]byte]casework.Actor

func newTokens(byToken map[string]casework.Actor) tokens {
	t := make(tokens, len(byToken))
	for token, actor := range byToken {
		if token != "" {
			t[sha256.Sum256([]byte(token))] = actor
		}
	}
	return t
}

// actor is who sends r: the actor of its bearer token. No token or an unknown
// one is unauthorized, with the Authorization header as the field at fault.
func (t tokens) actor(r *http.Request) (casework.Actor, error) {
	scheme, token, ok := strings.Cut(strings.TrimSpace(r.Header.Get("Authorization")), " ")
	token = strings.TrimSpace(token)
	if !ok || !strings.EqualFold(scheme, "Bearer") || token == "" {
		return casework.Actor{}, &requestError{status: http.StatusUnauthorized, code: apperr.Unauthorized, key: keyAuthMissing, field: "Authorization"}
	}
	a, found := t[sha256.Sum256([]byte(token))]
	if !found {
		return casework.Actor{}, &requestError{status: http.StatusUnauthorized, code: apperr.Unauthorized, key: keyAuthUnknown, field: "Authorization"}
	}
	return a, nil
}
