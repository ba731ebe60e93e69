package ui

import (
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"

	"qyzmet/internal/auth"
	"qyzmet/internal/calendar"
	"qyzmet/internal/casework"
	"qyzmet/internal/i18n"
)

func testViews(t *testing.T) *Views {
	t.Helper()
	v, err := Parse(fstest.MapFS{
		"templates/page.html":   {Data: []byte(`{{define "content"}}<h1>{{.Title}}</h1>{{template "menu" .}}{{end}}`)},
		"templates/shared.html": {Data: []byte(`{{define "menu"}}<nav aria-label="area">menu</nav>{{end}}`)},
	}, nil, "page")
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// The language switch keeps a list's filters; a page answering a form post
// switches language on its own path, without the posted query.
func TestLanguageLinksKeepTheQuery(t *testing.T) {
	v := testViews(t)
	w := httptest.NewRecorder()
	r := httptest.NewRequest("GET", "/desk/quality/drill?from=2026-01-01&service=criminal-record&lang=ru", nil)
	v.Render(w, r, 200, "page", "ru", "Drill", nil)
	body := w.Body.String()
	if !strings.Contains(body, `href="/desk/quality/drill?from=2026-01-01&amp;service=criminal-record&amp;lang=kk"`) {
		t.Errorf("the Kazakh link loses the filters:\n%s", body)
	}
	if !strings.Contains(body, `aria-label="area">menu`) {
		t.Error("the area's shared partial is not parsed with its page")
	}
	w = httptest.NewRecorder()
	v.Render(w, httptest.NewRequest("POST", "/desk/front/intake?x=1", nil), 422, "page", "en", "Intake", nil)
	if body := w.Body.String(); !strings.Contains(body, `href="/desk/front/intake?lang=kk"`) {
		t.Errorf("a posted page's language link: %s", body)
	}
}

// Each role lands on its own desk and sees only its areas in the menu.
func TestNavByRole(t *testing.T) {
	head := auth.Principal{Kind: auth.KindStaff, Login: "h", Roles: []casework.Role{casework.RoleHead}}
	if got := Home(head); got != PathProviderDesk {
		t.Errorf("the head lands on %s", got)
	}
	var hrefs []string
	for _, l := range Nav(&head, PathComplaintDesk+"/x") {
		hrefs = append(hrefs, l.Href)
		if l.Current != (l.Href == PathComplaintDesk) {
			t.Errorf("%s current = %v", l.Href, l.Current)
		}
	}
	if got := strings.Join(hrefs, " "); got != "/ /verify /desk/provider /desk/complaints" {
		t.Errorf("the head's menu: %s", got)
	}
	citizen := auth.Principal{Kind: auth.KindCitizen, IIN: "900517400015", Roles: []casework.Role{casework.RoleApplicant}}
	if Home(citizen) != PathCabinet || Nav(nil, "/")[2].Href != PathSignIn {
		t.Error("a citizen lands in the cabinet; nobody is offered the sign-in")
	}
}

func TestFormats(t *testing.T) {
	if got := Tenge(1234567); got != "1\u202f234\u202f567\u00a0₸" {
		t.Errorf("Tenge = %q", got)
	}
	if got := FormatDate(calendar.D(2026, 3, 6)); got != "06.03.2026" {
		t.Errorf("FormatDate = %q", got)
	}
	if got := FieldID("applicant.poa.number"); got != "applicant-poa-number" {
		t.Errorf("FieldID = %q", got)
	}
	if _, err := dict("a"); err == nil {
		t.Error("dict with an odd number of arguments")
	}
}

func TestAddRefusesDuplicatesAndGaps(t *testing.T) {
	for name, m := range map[string]map[string]map[string]string{"duplicate": {"app.name": {"kk": "x", "ru": "x", "en": "x"}}, "gap": {"ui.test.gap": {"kk": "x"}}} {
		t.Run(name, func(t *testing.T) {
			defer func() {
				if recover() == nil {
					t.Error("no panic")
				}
			}()
			for k, v := range m {
				Add(map[string]i18n.Text{k: {KK: v["kk"], RU: v["ru"], EN: v["en"]}})
			}
		})
	}
}
