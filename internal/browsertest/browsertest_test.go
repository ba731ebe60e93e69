package browsertest

import (
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// The check must find each kind of problem it claims to find.
func TestA11yFindsProblems(t *testing.T) {
	tab := New(t)
	bad := `<!doctype html><html><body><div>no main</div>
<input id="x" name="x"><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
<p style="color:#999;background:#fff">pale text</p></body></html>`
	good := `<!doctype html><html lang="en"><body><main><label for="x">Name</label><input id="x" name="x">
<img alt="" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><p style="color:#14213d">dark text</p></main></body></html>`
	mux := http.NewServeMux()
	mux.HandleFunc("/bad", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(bad)) })
	mux.HandleFunc("/good", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(good)) })
	base := Serve(t, mux)

	Do(t, tab, chromedp.Navigate(base+"/bad"))
	problems := A11yProblems(t, tab)
	for _, want := range []string{"html has no lang", "main landmarks: 0", "<input id=x name=x> has no label", "has no alt", `"pale text" contrast`} {
		if !slices.ContainsFunc(problems, func(p string) bool { return strings.Contains(p, want) }) {
			t.Errorf("missing problem %q in %q", want, problems)
		}
	}
	Do(t, tab, chromedp.Navigate(base+"/good"))
	if p := A11yProblems(t, tab); len(p) != 0 {
		t.Errorf("good page: %q", p)
	}
}
