package site_test

import (
	"fmt"
	"net/http"
	"slices"
	"testing"

	"qyzmet/internal/auth"
	"qyzmet/internal/casework"
	"qyzmet/internal/web/site"
	"qyzmet/internal/web/ui"
	"qyzmet/internal/web/webtest"
)

// Every role reaches its own desk and is refused every other one with a 403
// page in its language; a citizen reaches only the portal's pages; nobody
// signed in is sent to sign in. The areas' own tests check their commands'
// boundaries.
func TestRoleBoundaries(t *testing.T) {
	s := webtest.New(t, webtest.Options{Areas: site.Areas})
	desks := map[string][]casework.Role{
		ui.PathFrontDesk:     {casework.RoleOperator},
		ui.PathProviderDesk:  {casework.RoleOfficer, casework.RoleHead, casework.RoleArchivist},
		ui.PathComplaintDesk: {casework.RoleComplaints, casework.RoleHead, casework.RoleOfficer, casework.RoleQuality},
		ui.PathQuality:       {casework.RoleQuality},
		ui.PathAdmin:         {casework.RoleAdmin},
	}
	citizenOnly := []string{ui.PathCabinet, ui.PathApply}
	for _, role := range auth.StaffRoles() {
		t.Run(string(role), func(t *testing.T) {
			c := s.SignInStaff(t, s.Staff(t, "role-"+string(role), "astana-esil", role))
			for path, allowed := range desks {
				resp, body := c.Get(path + "?lang=en")
				want := http.StatusForbidden
				if slices.Contains(allowed, role) {
					want = http.StatusOK
				}
				if resp.StatusCode != want {
					t.Errorf("%s at %s: %d, want %d", role, path, resp.StatusCode, want)
				}
				if want == http.StatusForbidden && !contains(body, "This page is not open to your role") {
					t.Errorf("%s at %s: the 403 page does not say why", role, path)
				}
			}
			for _, path := range citizenOnly {
				if resp, _ := c.Get(path); resp.StatusCode != http.StatusForbidden {
					t.Errorf("%s at %s: %d, want 403", role, path, resp.StatusCode)
				}
			}
		})
	}
	t.Run("citizen", func(t *testing.T) {
		c := s.SignInCitizen(t, s.CleanCitizen(t, 0))
		for path := range desks {
			if resp, _ := c.Get(path); resp.StatusCode != http.StatusForbidden {
				t.Errorf("citizen at %s: %d, want 403", path, resp.StatusCode)
			}
		}
		for _, path := range citizenOnly {
			if resp, _ := c.Get(path); resp.StatusCode != http.StatusOK {
				t.Errorf("citizen at %s: %d, want 200", path, resp.StatusCode)
			}
		}
	})
	t.Run("nobody", func(t *testing.T) {
		c := s.NewClient(t)
		for path := range desks {
			resp, _ := c.Get(path)
			if loc := resp.Header.Get("Location"); resp.StatusCode != http.StatusSeeOther || loc != fmt.Sprintf("%s?next=%s", ui.PathStaffSignIn, escape(path)) {
				t.Errorf("nobody at %s: %d → %q", path, resp.StatusCode, loc)
			}
		}
		for _, path := range citizenOnly {
			if resp, _ := c.Get(path); resp.StatusCode != http.StatusSeeOther {
				t.Errorf("nobody at %s: %d, want a redirect to sign in", path, resp.StatusCode)
			}
		}
	})
}

// The catalogue offers the portal's forms to citizens and visitors, not to
// staff, whom the forms refuse.
func TestCatalogueOffersFormsToCitizensOnly(t *testing.T) {
	s := webtest.New(t, webtest.Options{Areas: site.Areas})
	for who, c := range map[string]*webtest.Client{
		"visitor": s.NewClient(t),
		"citizen": s.SignInCitizen(t, s.CleanCitizen(t, 1)),
		"officer": s.SignInStaff(t, s.Staff(t, "cat-officer", "", casework.RoleOfficer)),
	} {
		_, body := c.Get("/?lang=en")
		if offered := contains(body, `href="/apply/criminal-record"`); offered != (who != "officer") {
			t.Errorf("%s: the catalogue offers the form: %v", who, offered)
		}
	}
}
