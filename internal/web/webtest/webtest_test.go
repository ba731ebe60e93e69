package webtest_test

import (
	"strings"
	"testing"

	"qyzmet/internal/casework"
	"qyzmet/internal/web/site"
	"qyzmet/internal/web/ui"
	"qyzmet/internal/web/webtest"
)

// The fixture signs a citizen and staff in; each lands on their start page
// and the navigation shows only their areas.
func TestSiteSignsPeopleIn(t *testing.T) {
	qs := webtest.New(t, webtest.Options{Areas: site.Areas})
	citizen := qs.SignInCitizen(t, qs.CleanCitizen(t, 0))
	resp, body := citizen.Get(ui.PathCabinet + "?lang=en")
	if resp.StatusCode != 200 || !strings.Contains(body, "My cabinet") {
		t.Fatalf("cabinet: %d", resp.StatusCode)
	}
	if resp, _ := citizen.Get(ui.PathFrontDesk); resp.StatusCode != 403 {
		t.Errorf("a citizen at the front desk: %d, want 403", resp.StatusCode)
	}
	op := qs.SignInStaff(t, qs.Staff(t, "op1", "astana-esil", casework.RoleOperator))
	if resp, _ := op.Get(ui.PathFrontDesk); resp.StatusCode != 200 {
		t.Errorf("operator at the front desk: %d", resp.StatusCode)
	}
	if resp, _ := op.Get(ui.PathCabinet); resp.StatusCode != 403 {
		t.Errorf("operator in a cabinet: %d, want 403", resp.StatusCode)
	}
	if resp, _ := qs.NewClient(t).Get(ui.PathFrontDesk); resp.StatusCode != 303 {
		t.Errorf("nobody at the front desk: %d, want a redirect to sign in", resp.StatusCode)
	}
}
