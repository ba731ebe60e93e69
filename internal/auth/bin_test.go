package auth

import (
	"context"
	"testing"
	"time"

	"qyzmet/internal/apperr"
	"qyzmet/internal/calendar"
	"qyzmet/internal/casework"
	"qyzmet/internal/i18n"
	"qyzmet/internal/iin"
	"qyzmet/internal/store/storetest"
)

// testBIN is the n-th valid BIN of a resident legal entity (iin.NthBIN).
func testBIN(t *testing.T, n int) string {
	t.Helper()
	b, err := iin.NthBIN(time.Date(2015, 3, 1, 0, 0, 0, 0, time.UTC), n)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// signIn opens a citizen session of the fixture's IIN.
func (f *fixture) signIn(t *testing.T) SignIn {
	t.Helper()
	ctx := context.Background()
	ch, err := f.svc.StartOTP(ctx, f.iin, "192.0.2.1", i18n.KK)
	if err != nil {
		t.Fatal(err)
	}
	in, err := f.svc.VerifyOTP(ctx, ch.Token, f.lastCode(t))
	if err != nil {
		t.Fatal(err)
	}
	return in
}

func TestBINLinks_CR_STD_8_1(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		f := newFixture(t, e)
		ctx := context.Background()
		orgs := &DBOrgs{DB: f.db}
		bin := testBIN(t, 1)
		until := calendar.D(2026, 12, 31)
		poa := BINLink{BIN: bin, OrgName: "«Алтын» ЖШС", IIN: f.iin, Capacity: CapacityPOA,
			POANumber: "N-17", POANotary: "А. Нотариус", POAIssuedOn: calendar.D(2026, 1, 10), ValidUntil: until}
		for name, bad := range map[string]BINLink{
			"IIN as BIN":       func() BINLink { l := poa; l.BIN = f.iin; return l }(),
			"wrong BIN digit":  func() BINLink { l := poa; l.BIN = bin[:11] + string('0'+(bin[11]-'0'+1)%10); return l }(),
			"bad IIN":          func() BINLink { l := poa; l.IIN = "123"; return l }(),
			"no name":          func() BINLink { l := poa; l.OrgName = " "; return l }(),
			"unknown capacity": func() BINLink { l := poa; l.Capacity = "owner"; return l }(),
			// Rule CR-STD-8.1: the power of attorney is notarized: number, notary, date.
			"POA without notary": func() BINLink { l := poa; l.POANotary = ""; return l }(),
			"POA without date":   func() BINLink { l := poa; l.POAIssuedOn = calendar.Date{}; return l }(),
		} {
			if err := orgs.Link(ctx, bad); apperr.CodeOf(err) != apperr.Invalid {
				t.Errorf("%s: err = %v, want invalid", name, err)
			}
		}
		if n := f.count(t, "auth_bin_links"); n != 0 {
			t.Fatalf("refused links stored %d rows", n)
		}
		if err := orgs.Link(ctx, poa); err != nil {
			t.Fatal(err)
		}
		head := BINLink{BIN: testBIN(t, 2), OrgName: "«Береке» АҚ", IIN: f.iin, Capacity: CapacityHead}
		if err := orgs.Link(ctx, head); err != nil {
			t.Fatal(err)
		}
		// Linking again replaces: one row per person and BIN.
		poa.OrgName = "«Алтын Тау» ЖШС"
		if err := orgs.Link(ctx, poa); err != nil {
			t.Fatal(err)
		}
		links, err := f.svc.Organisations(ctx, f.iin)
		if err != nil {
			t.Fatal(err)
		}
		if len(links) != 2 || links[0] != poa || links[1] != head {
			t.Errorf("links = %+v, want %+v and %+v", links, poa, head)
		}
		if other, err := f.svc.Organisations(ctx, validIINn(t, 2)); err != nil || len(other) != 0 {
			t.Errorf("another person's links = %+v, %v", other, err)
		}
	})
}

// validIINn is the n-th valid IIN of the fixture's birth date.
func validIINn(t *testing.T, n int) string {
	t.Helper()
	for serial := 1; serial < 1000; serial++ {
		v, err := iin.Generate(time.Date(1990, 5, 17, 0, 0, 0, 0, time.UTC), iin.Female, serial)
		if err != nil {
			continue
		}
		if n--; n == 0 {
			return v
		}
	}
	t.Fatal("no IIN")
	return ""
}

func TestActForOrganisation_CR_3(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		f := newFixture(t, e)
		ctx := context.Background()
		mine, theirs := testBIN(t, 1), testBIN(t, 2)
		orgs := &DBOrgs{DB: f.db}
		for _, l := range []BINLink{
			{BIN: mine, OrgName: "«Алтын» ЖШС", IIN: f.iin, Capacity: CapacityHead},
			{BIN: theirs, OrgName: "«Бөтен» ЖШС", IIN: validIINn(t, 2), Capacity: CapacityHead},
		} {
			if err := orgs.Link(ctx, l); err != nil {
				t.Fatal(err)
			}
		}
		in := f.signIn(t)
		for name, c := range map[string]struct {
			bin  string
			key  string
			code apperr.Code
		}{
			"not a BIN":             {"12345", KeyBINInvalid, apperr.Invalid},
			"another person's BIN":  {theirs, KeyBINNotLinked, apperr.Forbidden},
			"a BIN nobody links to": {testBIN(t, 3), KeyBINNotLinked, apperr.Forbidden},
		} {
			_, err := f.svc.ActFor(ctx, in.Token, c.bin)
			if apperr.KeyOf(err) != c.key || apperr.CodeOf(err) != c.code {
				t.Errorf("%s: err = %v, want %s", name, err, c.key)
			}
		}
		if s, _ := f.svc.Session(ctx, in.Token); s.Principal.BIN != "" {
			t.Fatalf("a refused switch changed the session: BIN = %q", s.Principal.BIN)
		}
		// Rule CR-3: the legal entity is the applicant; the engine sees its BIN.
		if _, err := f.svc.ActFor(ctx, in.Token, mine); err != nil {
			t.Fatal(err)
		}
		s, err := f.svc.Session(ctx, in.Token)
		if err != nil {
			t.Fatal(err)
		}
		a, _ := s.Principal.ActorAs(casework.RoleApplicant)
		if a.BIN != mine || a.IIN != f.iin || s.OrgName != "«Алтын» ЖШС" {
			t.Errorf("acting: actor = %+v, org = %q", a, s.OrgName)
		}
		if _, err := f.svc.ActFor(ctx, in.Token, ""); err != nil {
			t.Fatal(err)
		}
		if s, _ := f.svc.Session(ctx, in.Token); s.Principal.BIN != "" || s.OrgName != "" {
			t.Errorf("back to oneself: BIN = %q, org = %q", s.Principal.BIN, s.OrgName)
		}
		// A signed-out session acts for nobody.
		if err := f.svc.SignOut(ctx, in.Token); err != nil {
			t.Fatal(err)
		}
		if _, err := f.svc.ActFor(ctx, in.Token, mine); apperr.CodeOf(err) != apperr.Unauthorized {
			t.Errorf("signed out: err = %v", err)
		}
	})
}

func TestActForExpiredPOA_G_8(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		f := newFixture(t, e)
		ctx := context.Background()
		bin := testBIN(t, 1)
		l := BINLink{BIN: bin, OrgName: "«Алтын» ЖШС", IIN: f.iin, Capacity: CapacityPOA,
			POANumber: "N-17", POANotary: "А. Нотариус", POAIssuedOn: calendar.D(2025, 1, 10), ValidUntil: calendar.D(2026, 3, 20)}
		if err := (&DBOrgs{DB: f.db}).Link(ctx, l); err != nil {
			t.Fatal(err)
		}
		// 23:30 in Almaty: the session outlives the day.
		f.clock.Set(time.Date(2026, 3, 20, 18, 30, 0, 0, time.UTC))
		in := f.signIn(t)
		// Rule G-8: the last day of the power of attorney still counts …
		if _, err := f.svc.ActFor(ctx, in.Token, bin); err != nil {
			t.Fatalf("last day: %v", err)
		}
		// A session acting for the organisation when the power of attorney
		// runs out is the person's again on its next request.
		f.clock.Advance(45 * time.Minute)
		if s, err := f.svc.Session(ctx, in.Token); err != nil || s.Principal.BIN != "" || s.OrgName != "" {
			t.Errorf("after the expiry the session acts for %q (%v)", s.Principal.BIN, err)
		}
		f.clock.Advance(-45 * time.Minute)
		if _, err := f.svc.ActFor(ctx, in.Token, ""); err != nil {
			t.Fatal(err)
		}
		// … the next day it does not, and the session stays the person's.
		f.clock.Advance(45 * time.Minute)
		if _, err := f.svc.LinkFor(ctx, f.iin, bin); apperr.KeyOf(err) != KeyPOAExpired {
			t.Errorf("LinkFor: err = %v, want %s", err, KeyPOAExpired)
		}
		if _, err := f.svc.ActFor(ctx, in.Token, bin); apperr.KeyOf(err) != KeyPOAExpired || apperr.CodeOf(err) != apperr.Forbidden {
			t.Errorf("ActFor: err = %v, want %s", err, KeyPOAExpired)
		}
		if s, _ := f.svc.Session(ctx, in.Token); s.Principal.BIN != "" {
			t.Errorf("expired POA switched the session to %q", s.Principal.BIN)
		}
	})
}

func TestStaffDoNotActForOrganisations(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		f := newFixture(t, e)
		ctx := context.Background()
		u := User{Login: "a.operator", Name: "A. Operator", Roles: []casework.Role{casework.RoleOperator}, Branch: "astana"}
		if err := f.svc.AddUser(ctx, u, "correct horse battery"); err != nil {
			t.Fatal(err)
		}
		in, err := f.svc.StaffSignIn(ctx, u.Login, "correct horse battery")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.svc.ActFor(ctx, in.Token, testBIN(t, 1)); apperr.KeyOf(err) != KeyNotCitizen {
			t.Errorf("staff: err = %v, want %s", err, KeyNotCitizen)
		}
	})
}

func TestDemoOrganisation(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		f := newFixture(t, e)
		ctx := context.Background()
		l, err := f.svc.DemoOrganisation(ctx, f.iin)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := iin.ParseBIN(l.BIN); err != nil || l.Capacity != CapacityHead {
			t.Errorf("demo link = %+v (%v)", l, err)
		}
		again, err := f.svc.DemoOrganisation(ctx, f.iin)
		if err != nil || again != l || f.count(t, "auth_bin_links") != 1 {
			t.Errorf("second run: %+v, %v, %d rows", again, err, f.count(t, "auth_bin_links"))
		}
		if _, err := f.svc.LinkFor(ctx, f.iin, l.BIN); err != nil {
			t.Errorf("the demo citizen cannot act for the demo organisation: %v", err)
		}
	})
}

// Rule CR-STD-8.1: an administrator's link names the notarized power of
// attorney; each refused input has its own key (the form shows it next to
// that input), markup is refused, and nothing is stored.
func TestAddLinkRefusals_CR_STD_8_1(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		f := newFixture(t, e)
		ctx := context.Background()
		orgs := &DBOrgs{DB: f.db}
		poa := BINLink{BIN: testBIN(t, 1), OrgName: "«Алтын» ЖШС", IIN: f.iin, Capacity: CapacityPOA,
			POANumber: "N-17", POANotary: "А. Нотариус", POAIssuedOn: calendar.D(2026, 1, 10), ValidUntil: calendar.D(2026, 12, 31)}
		for key, bad := range map[string]BINLink{
			KeyBINInvalid:    func() BINLink { l := poa; l.BIN = "123456789012"; return l }(),
			KeyIINInvalid:    func() BINLink { l := poa; l.IIN = f.iin[:11] + string('0'+(f.iin[11]-'0'+1)%10); return l }(),
			KeyOrgNameFormat: func() BINLink { l := poa; l.OrgName = "<script>alert(1)</script>"; return l }(),
			KeyCapacity:      func() BINLink { l := poa; l.Capacity = "owner"; return l }(),
			KeyPOANumber:     func() BINLink { l := poa; l.POANumber = "<b>1</b>"; return l }(),
			KeyPOANotary:     func() BINLink { l := poa; l.POANotary = " "; return l }(),
			KeyPOAIssuedOn:   func() BINLink { l := poa; l.POAIssuedOn = calendar.Date{}; return l }(),
			KeyPOAValidUntil: func() BINLink { l := poa; l.ValidUntil = calendar.D(2025, 12, 31); return l }(),
		} {
			if err := orgs.Add(ctx, bad, "k-"+key); apperr.KeyOf(err) != key || apperr.CodeOf(err) != apperr.Invalid {
				t.Errorf("%s: err = %v", key, err)
			}
		}
		if n := f.count(t, "auth_bin_links"); n != 0 {
			t.Fatalf("refused links stored %d rows", n)
		}
	})
}

// Rule CR-3: an administrator adds the link of a legal entity once (a
// repeated form is the same link, another form over a live link is refused),
// ends it — the person's session stops acting for the organisation at once —
// and the ended link stays in the list; a new power of attorney renews it.
func TestAddAndEndLink_CR_3(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		f := newFixture(t, e)
		ctx := context.Background()
		orgs := &DBOrgs{DB: f.db}
		bin := testBIN(t, 1)
		head := BINLink{BIN: bin, OrgName: "«Алтын» ЖШС", IIN: f.iin, Capacity: CapacityHead}
		for range 2 {
			if err := orgs.Add(ctx, head, "form-1"); err != nil {
				t.Fatalf("add (or its repeat): %v", err)
			}
		}
		if err := orgs.Add(ctx, head, "form-2"); apperr.KeyOf(err) != KeyBINLinked || apperr.CodeOf(err) != apperr.Conflict {
			t.Errorf("a second form over a live link: err = %v", err)
		}
		in := f.signIn(t)
		if _, err := f.svc.ActFor(ctx, in.Token, bin); err != nil {
			t.Fatal(err)
		}

		if err := orgs.End(ctx, bin, validIINn(t, 2), "root"); apperr.KeyOf(err) != KeyLinkNotFound {
			t.Errorf("ending a missing link: err = %v", err)
		}
		for range 2 {
			if err := orgs.End(ctx, bin, f.iin, "root"); err != nil {
				t.Fatalf("end (or its repeat): %v", err)
			}
		}
		if s, _ := f.svc.Session(ctx, in.Token); s.Principal.BIN != "" || s.OrgName != "" {
			t.Errorf("the session still acts for the ended link: %q %q", s.Principal.BIN, s.OrgName)
		}
		if _, err := f.svc.ActFor(ctx, in.Token, bin); apperr.KeyOf(err) != KeyBINNotLinked {
			t.Errorf("acting on an ended link: err = %v", err)
		}
		all, err := orgs.All(ctx)
		today := calendar.DateOf(f.clock.Now())
		if err != nil || len(all) != 1 || all[0].StateOn(today) != LinkEnded || all[0].EndedBy != "root" || all[0].EndedOn != today {
			t.Fatalf("after ending: %+v, %v", all, err)
		}

		renewed := BINLink{BIN: bin, OrgName: "«Алтын» ЖШС", IIN: f.iin, Capacity: CapacityPOA,
			POANumber: "N-18", POANotary: "А. Нотариус", POAIssuedOn: today}
		if err := orgs.Add(ctx, renewed, "form-3"); err != nil {
			t.Fatalf("renewal: %v", err)
		}
		if l, err := f.svc.LinkFor(ctx, f.iin, bin); err != nil || l.POANumber != "N-18" || !l.EndedOn.IsZero() {
			t.Errorf("renewed link %+v, %v", l, err)
		}
	})
}

// Rule G-8: a link counts up to the last day of its power of attorney and
// not from the day an administrator ends it.
func TestLinkStateOn_G_8(t *testing.T) {
	day := calendar.D(2026, 3, 20)
	for _, c := range []struct {
		name string
		link BINLink
		want LinkState
	}{
		{"no end", BINLink{}, LinkActive},
		{"last day", BINLink{ValidUntil: day}, LinkActive},
		{"day after", BINLink{ValidUntil: day.AddDays(-1)}, LinkExpired},
		{"ended today", BINLink{EndedOn: day}, LinkEnded},
		{"ends tomorrow", BINLink{EndedOn: day.AddDays(1)}, LinkActive},
		{"expired, then ended", BINLink{ValidUntil: day.AddDays(-5), EndedOn: day.AddDays(-1)}, LinkEnded},
	} {
		if got := c.link.StateOn(day); got != c.want || c.link.LiveOn(day) != (c.want == LinkActive) {
			t.Errorf("%s: %s, want %s", c.name, got, c.want)
		}
	}
}
