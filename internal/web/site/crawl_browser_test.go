package site_test

import (
	"context"
	"fmt"
	"maps"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"qyzmet/internal/auth"
	"qyzmet/internal/browsertest"
	"qyzmet/internal/casework"
	"qyzmet/internal/web/ui"
)

// The crawl's bounds keep it near two minutes on a 2-core machine.
const (
	crawlDepth = 3
	crawlPages = 60
)

// Every page passes the automated accessibility check (issue #6), the desks
// likewise: for a citizen with applications and for each staff role, on a
// site with one of everything, a browser visits every page of this site
// reachable by links from the role's start page, breadth first, and runs the
// check of internal/browsertest on each. It also fails a page that answers a
// server error (5xx), or shows a raw message key instead of words, and a role
// shown a link to a page that refuses it (4xx). All problems are reported
// together, page by page.
func TestBrowserEveryPageIsAccessible(t *testing.T) {
	browsertest.Chromium(t)
	w := newWorld(t)
	visitors := map[string]*visitor{"citizen": w.visitor(t).citizen(t, w.citizen)}
	starts := map[string]string{"citizen": ui.PathCabinet}
	for role, login := range w.logins {
		visitors[string(role)] = w.visitor(t).staff(t, login)
		starts[string(role)] = ui.Home(auth.Principal{Kind: auth.KindStaff, Login: login, Roles: []casework.Role{role}})
	}
	for _, who := range slices.Sorted(maps.Keys(visitors)) {
		t.Run(who, func(t *testing.T) {
			tab := browsertest.New(t)
			visitors[who].into(t, tab)
			began := time.Now()
			problems, refused, visited := crawl(t, tab, w.Base, starts[who])
			t.Logf("%s: %d pages in %s", who, visited, time.Since(began).Round(100*time.Millisecond))
			if len(refused) > 0 {
				t.Errorf("%s is shown links to pages that refuse it: %s", who, strings.Join(refused, ", "))
			}
			if len(problems) > 0 {
				var b strings.Builder
				for _, page := range slices.Sorted(maps.Keys(problems)) {
					fmt.Fprintf(&b, "\n%s\n  %s", page, strings.Join(problems[page], "\n  "))
				}
				t.Errorf("%d of %d pages of %s have problems:%s", len(problems), visited, who, b.String())
			}
		})
	}
}

// into gives the browser the visitor's session cookie, as if it had signed in.
func (v *visitor) into(t *testing.T, tab context.Context) {
	t.Helper()
	base, err := url.Parse(v.base)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range v.http.Jar.Cookies(base) {
		browsertest.Do(t, tab, chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
			_, err := chromedp.Call(ctx, network.SetCookie, network.SetCookieParams{Name: c.Name, Value: c.Value, URL: v.base + "/", HTTPOnly: new(true)})
			return err
		}))
	}
}

// pageFacts is what the crawler reads from a loaded page.
type pageFacts struct {
	Status int      `json:"status"`
	Text   string   `json:"text"`
	Links  []string `json:"links"`
}

const readPage = `({
  status: (performance.getEntriesByType("navigation")[0] || {}).responseStatus || 0,
  text: document.title + "\n" + document.body.innerText,
  links: [...document.querySelectorAll("a[href]")].filter(a => !a.hasAttribute("download"))
    .map(a => new URL(a.getAttribute("href"), location.href).href),
})`

// crawl visits the pages reachable from start and returns each page's
// problems, the pages that refused the visitor with a 4xx (listed, not
// failed: a 403 or 404 page is a proper answer, though a link to it is a
// flaw), and how many pages it visited. A link that turns out to be a
// download (the browser aborts the navigation) is skipped.
func crawl(t *testing.T, tab context.Context, base, start string) (map[string][]string, []string, int) {
	t.Helper()
	type visit struct {
		url   string
		depth int
	}
	queue := []visit{{base + start, 0}}
	seen := map[string]bool{pageKey(base + start): true}
	problems := map[string][]string{}
	var refused []string
	visited := 0
	for len(queue) > 0 && visited < crawlPages {
		v := queue[0]
		queue = queue[1:]
		page := strings.TrimPrefix(v.url, base)
		if err := chromedp.Do(tab, chromedp.Navigate(v.url)); err != nil {
			if strings.Contains(err.Error(), "net::ERR_ABORTED") {
				continue // a download
			}
			t.Fatalf("%s: %v", page, err)
		}
		visited++
		facts := browsertest.Get(t, tab, chromedp.Evaluate[pageFacts](readPage))
		var found []string
		switch {
		case facts.Status >= 500:
			found = append(found, fmt.Sprintf("answers %d", facts.Status))
		case facts.Status >= 400:
			refused = append(refused, fmt.Sprintf("%s (%d)", page, facts.Status))
		}
		found = append(found, rawKeys(facts.Text)...)
		found = append(found, browsertest.A11yProblems(t, tab)...)
		if len(found) > 0 {
			problems[page] = found
		}
		if v.depth == crawlDepth {
			continue
		}
		for _, link := range facts.Links {
			if !crawlable(base, link) || seen[pageKey(link)] {
				continue
			}
			seen[pageKey(link)] = true
			queue = append(queue, visit{strings.SplitN(link, "#", 2)[0], v.depth + 1})
		}
	}
	return problems, refused, visited
}

// crawlable is a page of this site the crawler opens: not signing out, not a
// download, not a static file.
func crawlable(base, link string) bool {
	path, ok := strings.CutPrefix(link, base+"/")
	if !ok {
		return false
	}
	path, _, _ = strings.Cut(path, "?")
	path, _, _ = strings.Cut(path, "#")
	for _, skip := range []string{"signout", "static/"} {
		if strings.HasPrefix(path, skip) {
			return false
		}
	}
	for _, download := range []string{".pdf", ".csv", ".xlsx"} {
		if strings.HasSuffix(path, download) {
			return false
		}
	}
	return !strings.Contains(path, "/documents/")
}

// pageKey names a page once whatever its language: the ?lang= variants of a
// page are the same page.
func pageKey(link string) string {
	u, err := url.Parse(link)
	if err != nil {
		return link
	}
	q := u.Query()
	q.Del("lang")
	u.RawQuery, u.Fragment = q.Encode(), ""
	return u.String()
}

var (
	// keyShaped is a word like "apply.title" or "cabinet.col.number": what a
	// message key that is not registered shows instead of its text (ui.T).
	keyShaped = regexp.MustCompile(`(?:^|[\s(«"'])([a-z][a-z0-9]*(?:_[a-z0-9]+)*(?:\.[a-z][a-z0-9]*(?:_[a-z0-9]+)*)+)(?:$|[\s)»"',:;!?])`)
	// notAKey are words of that shape that are names: sites, files, e-mail domains.
	notAKey = regexp.MustCompile(`\.(kz|com|org|net|ru|gov|example|pdf|csv|xlsx|png|jpg|html|js|css|txt|json)$`)
)

// rawKeys are the message keys the page shows instead of words.
func rawKeys(text string) []string {
	var out []string
	for _, m := range keyShaped.FindAllStringSubmatch(text, -1) {
		if !notAKey.MatchString(m[1]) {
			out = append(out, fmt.Sprintf("shows the raw message key %q", m[1]))
		}
	}
	return out
}

// The crawler's own judgement: it finds a raw key among words and passes
// names that look like keys.
func TestRawKeys(t *testing.T) {
	for text, want := range map[string]int{
		"Менің өтініштерім\napply.title\n(cabinet.col.number)":                     2,
		"Write to help@egov.kz or open decision.pdf; see e.g. the CR-STD-8.4 rule": 0,
		"Нөмірі: KZ-2026.01": 0,
	} {
		if got := rawKeys(text); len(got) != want {
			t.Errorf("rawKeys(%q) = %q, want %d", text, got, want)
		}
	}
}
