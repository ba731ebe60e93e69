package web

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"qyzmet/internal/standard"
	"qyzmet/internal/web/ui"
)

func testServer(t *testing.T) *httptest.Server {
	t.Helper()
	set, err := standard.Default()
	if err != nil {
		t.Fatal(err)
	}
	s, err := New(Server{Standards: set,
		Now: func() time.Time { return time.Date(2026, 3, 20, 5, 0, 0, 0, time.UTC) }})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(s.Handler())
	t.Cleanup(srv.Close)
	return srv
}

func get(t *testing.T, url string, header ...string) (*http.Response, string) {
	t.Helper()
	req, _ := http.NewRequest("GET", url, nil)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

func TestHealthz(t *testing.T) {
	srv := testServer(t)
	resp, body := get(t, srv.URL+"/healthz")
	if resp.StatusCode != 200 {
		t.Fatalf("status %d", resp.StatusCode)
	}
	var h struct {
		Status   string
		Services int
	}
	if err := json.Unmarshal([]byte(body), &h); err != nil || h.Status != "ok" || h.Services < 5 {
		t.Fatalf("healthz = %s (%v)", body, err)
	}
}

// TestStandardsPageLanguages: the catalogue shows every service in force in the
// chosen language, Kazakh by default, with deadlines and their rule IDs, and the
// court apostille's fee in tenge at the MCI of the day (AC-7).
func TestStandardsPageLanguages(t *testing.T) {
	srv := testServer(t)
	tests := []struct {
		lang  string
		wants []string
	}{
		{"", []string{`lang="kk"`, "Күшіндегі", "AC-4.1", "CR-STD-3.1"}},
		{"ru", []string{`lang="ru"`, "Действующие стандарты", "AR-STD-3"}},
		{"en", []string{`lang="en"`, "Service standards in force", "AP-STD-3", "MCI per document"}},
	}
	for _, tt := range tests {
		url := srv.URL + "/"
		if tt.lang != "" {
			url += "?lang=" + tt.lang
		}
		resp, body := get(t, url)
		if resp.StatusCode != 200 {
			t.Fatalf("%s: status %d", tt.lang, resp.StatusCode)
		}
		for _, w := range tt.wants {
			if !strings.Contains(body, w) {
				t.Errorf("lang %q: page lacks %q", tt.lang, w)
			}
		}
	}
	// AC-7: 0.5 MCI at 4325 ₸ (2026) is 2162.50 ₸.
	_, body := get(t, srv.URL+"/?lang=en")
	if !strings.Contains(body, "2\u202f162,50 ₸") {
		t.Errorf("the court apostille's fee for 2026 is not shown as 2 162,50 ₸")
	}
}

func TestLanguageIsRemembered(t *testing.T) {
	srv := testServer(t)
	resp, _ := get(t, srv.URL+"/?lang=ru")
	var cookie *http.Cookie
	for _, c := range resp.Cookies() {
		if c.Name == ui.LangCookie {
			cookie = c
		}
	}
	if cookie == nil || cookie.Value != "ru" {
		t.Fatalf("no language cookie set: %v", resp.Cookies())
	}
	_, body := get(t, srv.URL+"/", "Cookie", ui.LangCookie+"=ru")
	if !strings.Contains(body, `lang="ru"`) {
		t.Error("the remembered language was not used")
	}
	_, body = get(t, srv.URL+"/", "Accept-Language", "en-GB,en;q=0.8")
	if !strings.Contains(body, `lang="en"`) {
		t.Error("Accept-Language was not used")
	}
}

func TestStandardPageAndNotFound(t *testing.T) {
	srv := testServer(t)
	resp, body := get(t, srv.URL+"/standards/criminal-record?lang=en")
	if resp.StatusCode != 200 || !strings.Contains(body, "CR-STD-9") {
		t.Errorf("criminal-record page: status %d, CR-STD-9 (no grounds for refusal) shown: %v", resp.StatusCode, strings.Contains(body, "CR-STD-9"))
	}
	resp, body = get(t, srv.URL+"/standards/<script>?lang=en")
	if resp.StatusCode != 404 || strings.Contains(body, "<script>") {
		t.Errorf("unknown service: status %d, echoes input: %v", resp.StatusCode, strings.Contains(body, "<script>"))
	}
}

func TestEveryMessageHasThreeLanguages(t *testing.T) {
	for key, text := range messages {
		if !text.Complete() {
			t.Errorf("message %q lacks a language: %+v", key, text)
		}
	}
}

// The catalogue offers the portal's form for every service given there, the
// apostille of prosecution documents only together with another service
// (AP-STD-10), and no form for complaints, which are filed about an application.
func TestCatalogueApplyLinks_AP_STD_10(t *testing.T) {
	srv := testServer(t)
	_, body := get(t, srv.URL+"/?lang=en")
	for _, want := range []string{`href="/apply/criminal-record">Apply on the portal`, `href="/apply/archival-certificate">Apply on the portal`,
		`href="/apply/apostille-court">Apply on the portal`, `href="/apply/apostille-prosecution">Ask on the portal with another service`} {
		if !strings.Contains(body, want) {
			t.Errorf("catalogue lacks %s", want)
		}
	}
	if strings.Contains(body, `href="/apply/complaint"`) {
		t.Error("the catalogue offers a form for complaints")
	}
	for _, want := range []string{"What you get", "What to bring", "Where"} {
		if !strings.Contains(body, want) {
			t.Errorf("catalogue lacks %q", want)
		}
	}
}
