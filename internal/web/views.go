package web

import (
	"embed"
	"net/http"

	"qyzmet/internal/i18n"
)

//go:embed templates/*.html
var templateFS embed.FS

// pages lists every view of the public site and the sign-in; parsing fails at
// start-up when one is missing.
var pages = []string{"standards", "standard", "verify", "verify_result",
	"signin", "otp", "signin_staff", "signin_status", "devsms"}

// render writes a whole page (ui.Views.Render) titled by the message titleKey.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, lang i18n.Lang, titleKey string, content any) {
	s.views.Render(w, r, status, name, lang, msg(titleKey, lang), content)
}
