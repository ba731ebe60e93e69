// Package ui is the kit every page area of Qyzmet is built with: the layout
// with its navigation and language switch, rendering, the words of the
// interface in Kazakh, Russian and English, the role guards, form errors
// placed next to their fields, and the static files. The areas themselves —
// the public site (package web), the portal's application forms and cabinet,
// the desks, administration — each live in their own package and mount
// their routes with Mount(mux, Deps).
package ui

import (
	"bytes"
	"crypto/rand"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"path"
	"slices"
	"strings"
	"sync"
	"time"

	"qyzmet/internal/app"
	"qyzmet/internal/auth"
	"qyzmet/internal/calendar"
	"qyzmet/internal/i18n"
)

//go:embed templates/*.html
var layoutFS embed.FS

//go:embed static
var staticFS embed.FS

// Deps is what a page area works with: the running system, and the clock and
// logger of the site (web.New always sets both).
type Deps struct {
	Sys  *app.System
	Log  *slog.Logger
	Now  func() time.Time
	Demo bool
}

// Views are the parsed pages of one area.
type Views struct {
	byName map[string]*template.Template
	log    *slog.Logger
}

// Page is what every view receives: the language, who is signed in, the
// navigation, and the page's own content.
type Page struct {
	Lang    i18n.Lang
	Langs   []LangLink
	Title   string
	Path    string
	Who     *auth.Principal
	Org     string // the organisation the citizen acts for, when Who.BIN is set
	CSRF    string
	Nav     []NavLink
	Content any
}

// LangLink is one entry of the language switch: the same page in Lang.
type LangLink struct {
	Lang    i18n.Lang
	Href    string
	Current bool
}

// Parse parses each page name from fsys ("templates/NAME.html", defining
// "content") together with the layout, the kit's partials and the area's own
// partials in templates/shared.html when it has one (its menu, its blocks). It fails at
// start-up when a page is missing or broken, so a typo in a handler never
// reaches a user as a blank page.
func Parse(fsys fs.FS, log *slog.Logger, names ...string) (*Views, error) {
	if log == nil {
		log = slog.Default()
	}
	v := &Views{byName: map[string]*template.Template{}, log: log}
	base, err := layout()
	if err != nil {
		return nil, err
	}
	// Every area has the shared message page (errors, refusals).
	if v.byName["message"], err = withPage(base, layoutFS, "message"); err != nil {
		return nil, fmt.Errorf("ui: view message: %w", err)
	}
	area := base
	if hasShared(fsys) {
		if area, err = base.Clone(); err == nil {
			area, err = area.ParseFS(fsys, sharedFile)
		}
		if err != nil {
			return nil, fmt.Errorf("ui: %s: %w", sharedFile, err)
		}
	}
	for _, name := range names {
		if v.byName[name], err = withPage(area, fsys, name); err != nil {
			return nil, fmt.Errorf("ui: view %s: %w", name, err)
		}
	}
	return v, nil
}

// layout is the layout with the kit's partials, parsed once; every page is a
// clone of it with its own content.
var layout = sync.OnceValues(func() (*template.Template, error) {
	return template.New("layout.html").Funcs(Funcs).ParseFS(layoutFS, "templates/layout.html", "templates/partials.html")
})

// withPage is a clone of base with the page name of fsys.
func withPage(base *template.Template, fsys fs.FS, name string) (*template.Template, error) {
	t, err := base.Clone()
	if err != nil {
		return nil, err
	}
	return t.ParseFS(fsys, "templates/"+name+".html")
}

// sharedFile holds an area's partials, parsed with each of its pages.
const sharedFile = "templates/shared.html"

func hasShared(fsys fs.FS) bool {
	_, err := fs.Stat(fsys, sharedFile)
	return err == nil
}

// Render writes a whole page in lang. It fills who is signed in, the form
// token and the navigation from the request, and renders into a buffer first
// so that a template error becomes a clean 500 rather than half a page.
// Pages of a signed-in person are never cached: they carry personal data.
func (v *Views) Render(w http.ResponseWriter, r *http.Request, status int, name string, lang i18n.Lang, title string, content any) {
	path := r.URL.Path
	if r.Method == http.MethodGet {
		// A filtered list or a drill-down keeps its filters in another language.
		q := r.URL.Query()
		q.Del("lang")
		if len(q) > 0 {
			path += "?" + q.Encode()
		}
	}
	v.RenderAt(w, r, status, name, lang, title, path, content)
}

// RenderAt is Render with the page the language switch links to (a path,
// with its query when it has one): a page answering a form post, or a link
// with a secret, switches language on its form's page.
func (v *Views) RenderAt(w http.ResponseWriter, r *http.Request, status int, name string, lang i18n.Lang, title, path string, content any) {
	p := Page{Lang: lang, Title: title, Path: path, Content: content}
	sep := "?"
	if strings.Contains(path, "?") {
		sep = "&"
	}
	for _, l := range i18n.All {
		p.Langs = append(p.Langs, LangLink{Lang: l, Href: path + sep + "lang=" + string(l), Current: l == lang})
	}
	if sess, ok := auth.FromContext(r.Context()); ok {
		p.Who, p.CSRF = &sess.Principal, sess.CSRFToken
		if sess.Principal.BIN != "" {
			p.Org = sess.OrgName
		}
		w.Header().Set("Cache-Control", "no-store")
	}
	p.Nav = Nav(p.Who, r.URL.Path)
	t, ok := v.byName[name]
	if !ok {
		v.log.Error("render: no such view", "view", name)
		http.Error(w, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError)
		return
	}
	var buf bytes.Buffer
	if err := t.Execute(&buf, p); err != nil {
		v.log.Error("render", "view", name, "err", err)
		http.Error(w, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// Funcs are the template functions every view may use.
var Funcs = template.FuncMap{
	"t":        T,
	"tf":       func(key string, l i18n.Lang, args ...any) string { return Tf(key, l, args...) },
	"tx":       func(t i18n.Text, l i18n.Lang) string { return t.In(l) },
	"static":   StaticURL,
	"styles":   func() []string { return styles },
	"join":     strings.Join,
	"date":     FormatDate,
	"datetime": FormatTime,
	"isodate":  func(t time.Time) string { return calendar.DateOf(t).String() },
	"tenge":    Tenge,
	"dict":     dict,
	"fieldID":  FieldID,
}

// dict builds a map for a partial: {{template "field" (dict "ID" "iin" …)}}.
func dict(kv ...any) (map[string]any, error) {
	if len(kv)%2 != 0 {
		return nil, fmt.Errorf("dict: odd number of arguments")
	}
	m := make(map[string]any, len(kv)/2)
	for i := 0; i < len(kv); i += 2 {
		k, ok := kv[i].(string)
		if !ok {
			return nil, fmt.Errorf("dict: key %v is not a string", kv[i])
		}
		m[k] = kv[i+1]
	}
	return m, nil
}

// FormatDate writes a day as people in Kazakhstan read it: 26.03.2026.
func FormatDate(d calendar.Date) string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%02d.%02d.%04d", d.Day, int(d.Month), d.Year)
}

// FormatTime writes a moment in Astana time: 26.03.2026 14:05.
func FormatTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(calendar.Almaty).Format("02.01.2006 15:04")
}

// Tenge writes an amount in tenge with thin spaces between thousands: 3 932 ₸.
func Tenge(amount int) string {
	s := fmt.Sprint(amount)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString("\u202f")
		}
		b.WriteRune(c)
	}
	return b.String() + "\u00a0₸"
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

// StaticURL is the cache-busting URL of a static file.
func StaticURL(name string) string {
	return "/static/" + name + "?v=" + staticHashes[name]
}

// styles are the URLs of every style sheet, qyzmet.css first: an area adds its
// own sheet to static/ and every page links it. The files are embedded, so
// the list is made once.
var styles = func() []string {
	var names []string
	for n := range staticHashes {
		if strings.HasSuffix(n, ".css") && n != "qyzmet.css" {
			names = append(names, n)
		}
	}
	slices.Sort(names)
	out := []string{StaticURL("qyzmet.css")}
	for _, n := range names {
		out = append(out, StaticURL(n))
	}
	return out
}()

// StaticHandler serves the static files under /static/.
func StaticHandler() http.Handler {
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

// Option is one choice of a select.
type Option struct {
	Value string
	Label string
}

// NewKey is a fresh random key: the hidden idempotency key a form carries
// from the moment it is rendered (a double click sends it twice and makes one
// thing), or the id of a draft.
func NewKey() string {
	b := make([]byte, 16)
	rand.Read(b) // never fails (crypto/rand)
	return hex.EncodeToString(b)
}

// FieldID is the HTML id of the input named name: dots become dashes
// ("applicant.iin" → "applicant-iin"), so that CSS and the tests can find it.
func FieldID(name string) string {
	return strings.NewReplacer(".", "-", "[", "-", "]", "").Replace(name)
}
