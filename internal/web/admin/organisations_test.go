package admin_test

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"qyzmet/internal/auth"
	"qyzmet/internal/calendar"
	"qyzmet/internal/casework"
	"qyzmet/internal/iin"
	"qyzmet/internal/store"
	"qyzmet/internal/web/ui"
	"qyzmet/internal/web/webtest"
)

// testBIN is the n-th valid BIN of a resident legal entity (iin.NthBIN).
func testBIN(t *testing.T, n int) string {
	t.Helper()
	b, err := iin.NthBIN(time.Date(2018, 4, 1, 0, 0, 0, 0, time.UTC), n)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

var linkKey = regexp.MustCompile(`name="key" value="([^"]+)"`)

// orgsForm opens the organisations page and returns its add form's key.
func orgsForm(t *testing.T, c *webtest.Client) string {
	t.Helper()
	resp, body := c.Get("/admin/organisations?lang=en")
	wantStatus(t, "organisations page", resp, body, http.StatusOK)
	m := linkKey.FindStringSubmatch(body)
	if m == nil {
		t.Fatal("the add form has no hidden idempotency key")
	}
	return m[1]
}

func linkCount(t *testing.T, qs *webtest.Site) int {
	t.Helper()
	var n int
	err := qs.DB.ReadTx(context.Background(), func(tx *store.Tx) error {
		return tx.QueryRow(context.Background(), `SELECT COUNT(*) FROM auth_bin_links`).Scan(&n)
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func with(v url.Values, k, val string) url.Values {
	out := url.Values{}
	for key, vs := range v {
		out[key] = append([]string(nil), vs...)
	}
	out.Set(k, val)
	return out
}

// Rule CR-STD-8.1: the add form refuses a wrong BIN or IIN checksum, markup,
// an unknown person and a power of attorney without its number, notary or
// date — each next to its input, in the user's language — and stores
// nothing.
func TestOrganisationsAddRefusals_CR_STD_8_1(t *testing.T) {
	qs := newSite(t, nil)
	c := adminClient(t, qs)
	person := qs.CleanCitizen(t, 1)
	bin := testBIN(t, 1)
	poa := url.Values{"key": {orgsForm(t, c)}, "bin": {bin}, "org_name": {"«Алтын» ЖШС"}, "iin": {person}, "capacity": {"poa"},
		"poa_number": {"Д-17"}, "poa_notary": {"Сейітова А."}, "poa_issued_on": {"2026-01-10"}}
	unknown := unknownIIN(t, qs)
	for _, bad := range []struct {
		name, field, value, errID, text string
	}{
		{"BIN check digit", "bin", bin[:11] + string('0'+(bin[11]-'0'+1)%10), "bin-error", "check digit"},
		{"IIN as BIN", "bin", person, "bin-error", "check digit"},
		{"IIN check digit", "iin", person[:11] + string('0'+(person[11]-'0'+1)%10), "iin-error", "check digit"},
		{"person not in the registry", "iin", unknown, "iin-error", "registry has no such IIN"},
		{"script in the name", "org_name", "<script>alert(1)</script>", "org_name-error", "without &lt; or &gt;"},
		{"POA without number", "poa_number", "", "poa_number-error", "CR-STD-8.1"},
		{"POA without notary", "poa_notary", "", "poa_notary-error", "CR-STD-8.1"},
		{"POA without date", "poa_issued_on", "", "poa_issued_on-error", "CR-STD-8.1"},
		{"POA date not a date", "poa_issued_on", "10.01.2026", "poa_issued_on-error", "DD.MM.YYYY"},
		{"POA already over", "valid_until", "2025-12-31", "valid_until-error", "G-8"},
		{"unknown capacity", "capacity", "owner", "capacity-error", "Choose the head"},
	} {
		resp, body := c.Post("/admin/organisations?lang=en", with(poa, bad.field, bad.value))
		if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, `id="`+bad.errID+`"`) || !strings.Contains(body, bad.text) {
			t.Errorf("%s: %d, want 422 with #%s saying %q", bad.name, resp.StatusCode, bad.errID, bad.text)
		}
		if strings.Contains(body, "<script>alert") {
			t.Errorf("%s: the page echoes markup", bad.name)
		}
	}
	// In Kazakh, the state language.
	if _, body := c.Post("/admin/organisations?lang=kk", with(poa, "poa_notary", "")); !strings.Contains(body, "нотариусты жазыңыз") {
		t.Error("the refusal is not in Kazakh")
	}
	if n := linkCount(t, qs); n != 0 {
		t.Fatalf("refused forms stored %d links", n)
	}
}

// unknownIIN is a valid IIN the demo person registry does not hold.
func unknownIIN(t *testing.T, qs *webtest.Site) string {
	t.Helper()
	for serial := 1; serial < 100; serial++ {
		n, err := iin.Generate(time.Date(1931, 2, 3, 0, 0, 0, 0, time.UTC), iin.Male, serial)
		if err != nil {
			continue
		}
		if _, err := qs.Sys.Registries.Persons.ByIIN(context.Background(), n); err != nil {
			return n
		}
	}
	t.Fatal("every IIN is in the registry")
	return ""
}

// Rule CR-3: an administrator links a person to a legal entity; the list
// names the person from the registry; a double click is one link; a second
// form over the live link is refused next to the IIN.
func TestOrganisationsAddLink_CR_3(t *testing.T) {
	qs := newSite(t, nil)
	c := adminClient(t, qs)
	ctx := context.Background()
	person := qs.CleanCitizen(t, 3)
	bin := testBIN(t, 2)
	key := orgsForm(t, c)
	// The POA inputs of a head are ignored: the head needs none.
	form := url.Values{"key": {key}, "bin": {bin}, "org_name": {"«Береке» АҚ"}, "iin": {person}, "capacity": {"head"}, "poa_number": {"<b>"}}
	for range 2 {
		resp, body := c.Post("/admin/organisations", form)
		if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/admin/organisations?done=added" {
			t.Fatalf("add: %d %q %s", resp.StatusCode, resp.Header.Get("Location"), body)
		}
	}
	if n := linkCount(t, qs); n != 1 {
		t.Fatalf("links after a double click: %d", n)
	}
	resp, body := c.Post("/admin/organisations?lang=en", with(form, "key", orgsForm(t, c)))
	if resp.StatusCode != http.StatusConflict || !strings.Contains(body, `id="iin-error"`) || !strings.Contains(body, "End it first") {
		t.Errorf("second form over a live link: %d", resp.StatusCode)
	}
	l, err := qs.Sys.Auth.LinkFor(ctx, person, bin)
	if err != nil || l.Capacity != auth.CapacityHead || l.POANumber != "" {
		t.Fatalf("link %+v, %v", l, err)
	}
	p, err := qs.Sys.Registries.Persons.ByIIN(ctx, person)
	if err != nil {
		t.Fatal(err)
	}
	_, body = c.Get("/admin/organisations?lang=en&done=added")
	for _, want := range []string{bin, "«Береке» АҚ", person, p.Name.String(), "Head of the organisation", "active", "The entry is added."} {
		if !strings.Contains(body, want) {
			t.Errorf("the list does not show %q", want)
		}
	}
	if !strings.Contains(body, `href="/admin/organisations"`) {
		t.Error("the area's menu has no link to the organisations")
	}
	if _, start := c.Get("/admin?lang=en"); !strings.Contains(start, `href="/admin/organisations"`) {
		t.Error("the start page has no link to the organisations")
	}
}

// Rule G-8: ending a link keeps it in the list as ended, with the day and
// the administrator; from then the person cannot act for the organisation
// (auth's TestAddAndEndLink_CR_3: their session acting for it returns to the
// person); ending a link that does not exist is 404.
func TestOrganisationsEndLink_G_8(t *testing.T) {
	qs := newSite(t, nil)
	c := adminClient(t, qs)
	ctx := context.Background()
	person := qs.CleanCitizen(t, 4)
	bin := testBIN(t, 3)
	today := calendar.DateOf(qs.DB.Now())
	l := auth.BINLink{BIN: bin, OrgName: "«Сенім» ЖШС", IIN: person, Capacity: auth.CapacityPOA,
		POANumber: "Д-5", POANotary: "Омаров Б.", POAIssuedOn: today.AddDays(-30), ValidUntil: today.AddDays(300)}
	if err := (&auth.DBOrgs{DB: qs.DB}).Link(ctx, l); err != nil {
		t.Fatal(err)
	}
	_, body := c.Get("/admin/organisations?lang=en")
	if !strings.Contains(body, "No. Д-5") || !strings.Contains(body, "Омаров Б.") || !strings.Contains(body, `action="/admin/organisations/end"`) {
		t.Fatalf("the list does not show the power of attorney or its End button")
	}
	if resp, _ := c.Post("/admin/organisations/end", url.Values{"bin": {bin}, "iin": {qs.CleanCitizen(t, 5)}}); resp.StatusCode != http.StatusNotFound {
		t.Errorf("ending a missing link: %d, want 404", resp.StatusCode)
	}
	for range 2 {
		resp, _ := c.Post("/admin/organisations/end", url.Values{"bin": {bin}, "iin": {person}})
		if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/admin/organisations?done=ended" {
			t.Fatalf("end: %d %q", resp.StatusCode, resp.Header.Get("Location"))
		}
	}
	if _, err := qs.Sys.Auth.LinkFor(ctx, person, bin); err == nil {
		t.Error("the person still acts for the organisation after the end")
	}
	if n := linkCount(t, qs); n != 1 {
		t.Errorf("links after the end: %d, want the one kept", n)
	}
	_, body = c.Get("/admin/organisations?lang=en")
	if !strings.Contains(body, "ended from "+ui.FormatDate(today)) || !strings.Contains(body, "(root)") || strings.Contains(body, `action="/admin/organisations/end"`) {
		t.Errorf("the list does not show the link ended by root today, or still offers to end it")
	}
	var audited int
	err := qs.DB.ReadTx(ctx, func(tx *store.Tx) error {
		return tx.QueryRow(ctx, `SELECT COUNT(*) FROM audit_views WHERE actor_role = ?`, string(casework.RoleAdmin)).Scan(&audited)
	})
	if err != nil || audited == 0 {
		t.Errorf("the list of persons was shown without an audit entry (%d, %v)", audited, err)
	}
}
