package web

import (
	"encoding/json"
	"net/http"
)

// healthz answers a load balancer or an operator: the process is up and its
// standards are loaded.
func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	json.NewEncoder(w).Encode(map[string]any{
		"status":   "ok",
		"time":     s.Now().UTC().Format("2006-01-02T15:04:05Z"),
		"services": len(s.standards().Services()),
	})
}
