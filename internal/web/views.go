package web

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"path"
	"strings"

	"qyzmet/internal/i18n"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// pages lists every view; parseViews fails at start-up when one is missing, so a
// typo in a handler never reaches a user as a blank page.
var pages = []string{"standards", "standard", "error", "verify", "verify_result",
	"signin", "otp", "signin_staff", "signin_status", "devsms"}

type views struct {
	byName map[string]*template.Template
}

// page is what every view receives: the language, the navigation and its content.
type page struct {
	Lang    i18n.Lang
	Langs   []i18n.Lang
	Title   string
	Path    string
	Content any
}

func parseViews() (*views, error) {
	v := &views{byName: map[string]*template.Template{}}
	for _, name := range pages {
		t := template.New("layout.html").Funcs(template.FuncMap{
			"t":      msg,
			"tx":     func(t i18n.Text, l i18n.Lang) string { return t.In(l) },
			"static": staticURL,
			"join":   strings.Join,
		})
		t, err := t.ParseFS(templateFS, "templates/layout.html", "templates/"+name+".html")
		if err != nil {
			return nil, fmt.Errorf("web: view %s: %w", name, err)
		}
		v.byName[name] = t
	}
	return v, nil
}

// render writes a whole page; it renders into a buffer first so that a template
// error becomes a clean 500 rather than half a page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, p page) {
	var buf bytes.Buffer
	if err := s.views.byName[name].Execute(&buf, p); err != nil {
		s.Log.Error("render", "view", name, "err", err)
		http.Error(w, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// staticHashes maps each static file to a short content hash, so its URL changes
// when its content does and browsers may cache it for a year.
var staticHashes = func() map[string]string {
	m := map[string]string{}
	fs.WalkDir(staticFS, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, _ := staticFS.ReadFile(p)
		sum := sha256.Sum256(b)
		m[strings.TrimPrefix(p, "static/")] = hex.EncodeToString(sum[:6])
		return nil
	})
	return m
}()

func staticURL(name string) string {
	return "/static/" + name + "?v=" + staticHashes[name]
}

func staticHandler() http.Handler {
	sub, _ := fs.Sub(staticFS, "static")
	files := http.FileServerFS(sub)
	return http.StripPrefix("/static/", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, ok := staticHashes[path.Clean(r.URL.Path)]; !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
		files.ServeHTTP(w, r)
	}))
}
