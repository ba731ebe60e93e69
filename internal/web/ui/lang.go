package ui

import (
	"net/http"
	"strings"

	"qyzmet/internal/i18n"
)

// LangCookie remembers the chosen language.
const LangCookie = "qyzmet_lang"

// RequestLang picks the page language: an explicit ?lang= (which is then
// remembered in a cookie), else the remembered choice, else the browser's
// Accept-Language, else Kazakh, the state language.
func RequestLang(w http.ResponseWriter, r *http.Request) i18n.Lang {
	if q := r.URL.Query().Get("lang"); q != "" {
		if l, err := i18n.Parse(q); err == nil {
			http.SetCookie(w, &http.Cookie{
				Name: LangCookie, Value: string(l), Path: "/", MaxAge: 365 * 24 * 3600,
				HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: r.TLS != nil,
			})
			return l
		}
	}
	if c, err := r.Cookie(LangCookie); err == nil {
		if l, err := i18n.Parse(c.Value); err == nil {
			return l
		}
	}
	for _, part := range strings.Split(r.Header.Get("Accept-Language"), ",") {
		tag, _, _ := strings.Cut(strings.TrimSpace(part), ";")
		if l, err := i18n.Parse(tag); err == nil {
			return l
		}
	}
	return i18n.Default
}
