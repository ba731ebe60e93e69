package auth

import (
	"context"
	"errors"
	"regexp"
	"testing"
	"time"

	"qyzmet/internal/apperr"
	"qyzmet/internal/casework"
	"qyzmet/internal/i18n"
	"qyzmet/internal/iin"
	"qyzmet/internal/store"
	"qyzmet/internal/store/storetest"
)

// The demo citizen: a valid IIN with a registered number.
const (
	testIIN   = "900517400001"
	testPhone = "+77011234567"
)

type fixture struct {
	svc   *Service
	sms   *DevSMS
	clock *storetest.Clock
	db    *store.DB
	iin   string
}

func newFixture(t *testing.T, e storetest.Engine) *fixture {
	t.Helper()
	clock := storetest.NewClock(time.Date(2026, 3, 20, 10, 0, 0, 0, time.UTC))
	db := e.Open(t, clock)
	sms := &DevSMS{Now: clock.Now}
	dir := &DBDirectory{DB: db}
	number := validIIN(t)
	if err := dir.RegisterPhone(context.Background(), number, testPhone); err != nil {
		t.Fatal(err)
	}
	svc := &Service{DB: db, SMS: sms, Directory: dir, password: PasswordParams{Time: 1, Memory: 1024, Threads: 1}}
	return &fixture{svc: svc, sms: sms, clock: clock, db: db, iin: number}
}

func validIIN(t *testing.T) string {
	for serial := 1; ; serial++ {
		n, err := iin.Generate(time.Date(1990, 5, 17, 0, 0, 0, 0, time.UTC), iin.Female, serial)
		if err == nil {
			return n
		}
		if serial > 100 {
			t.Fatal(err)
		}
	}
}

var codeInSMS = regexp.MustCompile(`\b[0-9]{6}\b`)

// lastCode is the code of the newest dev SMS.
func (f *fixture) lastCode(t *testing.T) string {
	t.Helper()
	msgs := f.sms.Messages()
	if len(msgs) == 0 {
		t.Fatal("no SMS sent")
	}
	code := codeInSMS.FindString(msgs[0].Text)
	if code == "" {
		t.Fatalf("no code in %q", msgs[0].Text)
	}
	return code
}

func (f *fixture) count(t *testing.T, table string) int {
	t.Helper()
	var n int
	err := f.db.ReadTx(context.Background(), func(tx *store.Tx) error {
		return tx.QueryRow(context.Background(), "SELECT COUNT(*) FROM "+table).Scan(&n)
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestOTPSignIn_CR_STD_8_3(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		f := newFixture(t, e)
		ctx := context.Background()
		ch, err := f.svc.StartOTP(ctx, f.iin, "192.0.2.1", i18n.RU)
		if err != nil {
			t.Fatal(err)
		}
		if msgs := f.sms.Messages(); len(msgs) != 1 || msgs[0].Phone != testPhone {
			t.Fatalf("SMS = %+v, want one to %s", msgs, testPhone)
		}
		if ch.PhoneMasked != "+7 *** *** 45 67" {
			t.Errorf("masked phone = %q", ch.PhoneMasked)
		}
		code := f.lastCode(t)
		// The code is not kept in the clear.
		var stored string
		f.db.ReadTx(ctx, func(tx *store.Tx) error {
			return tx.QueryRow(ctx, `SELECT code_hash FROM auth_otp_challenges`).Scan(&stored)
		})
		if stored == code || len(stored) != 64 {
			t.Errorf("code at rest = %q", stored)
		}
		in, err := f.svc.VerifyOTP(ctx, ch.Token, code)
		if err != nil {
			t.Fatal(err)
		}
		sess, err := f.svc.Session(ctx, in.Token)
		if err != nil {
			t.Fatal(err)
		}
		a := sess.Principal.Actor()
		if a.Role != casework.RoleApplicant || a.IIN != f.iin || sess.Principal.Kind != KindCitizen {
			t.Errorf("actor = %+v", a)
		}
		if !sess.ExpiresAt.Equal(f.clock.Now().Add(DefaultCitizenTTL)) {
			t.Errorf("expires %v", sess.ExpiresAt)
		}

		// Replay: refused, and nothing changes.
		before := f.count(t, "auth_sessions")
		_, err = f.svc.VerifyOTP(ctx, ch.Token, code)
		if apperr.KeyOf(err) != KeyOTPUsed {
			t.Errorf("replay: err = %v, want %s", err, KeyOTPUsed)
		}
		if after := f.count(t, "auth_sessions"); after != before {
			t.Errorf("replay: sessions %d → %d", before, after)
		}

		// Sign-out revokes.
		if err := f.svc.SignOut(ctx, in.Token); err != nil {
			t.Fatal(err)
		}
		if _, err := f.svc.Session(ctx, in.Token); apperr.CodeOf(err) != apperr.Unauthorized {
			t.Errorf("after sign-out: err = %v", err)
		}
	})
}

func TestOTPRules_CR_STD_8_3(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		ctx := context.Background()
		t.Run("Rule CR-STD-8.3: invalid IIN", func(t *testing.T) {
			f := newFixture(t, e)
			_, err := f.svc.StartOTP(ctx, "900517400000", "", i18n.EN)
			var ie *iin.Error
			if apperr.KeyOf(err) != KeyIINInvalid || !errors.As(err, &ie) {
				t.Fatalf("err = %v", err)
			}
			if len(f.sms.Messages()) != 0 || f.count(t, "auth_otp_challenges") != 0 {
				t.Error("an invalid IIN changed something")
			}
		})
		t.Run("Rule CR-STD-8.3: no phone", func(t *testing.T) {
			f := newFixture(t, e)
			other, _ := iin.Generate(time.Date(1985, 1, 2, 0, 0, 0, 0, time.UTC), iin.Male, 7)
			if _, err := f.svc.StartOTP(ctx, other, "", i18n.EN); apperr.KeyOf(err) != KeyNoPhone {
				t.Fatalf("err = %v", err)
			}
		})
		t.Run("Rule CR-STD-8.3: expires after 5 minutes", func(t *testing.T) {
			f := newFixture(t, e)
			ch, _ := f.svc.StartOTP(ctx, f.iin, "", i18n.EN)
			f.clock.Advance(OTPLifetime)
			if _, err := f.svc.VerifyOTP(ctx, ch.Token, f.lastCode(t)); apperr.KeyOf(err) != KeyOTPExpired {
				t.Fatalf("err = %v", err)
			}
		})
		t.Run("Rule CR-STD-8.3: five attempts", func(t *testing.T) {
			f := newFixture(t, e)
			ch, _ := f.svc.StartOTP(ctx, f.iin, "", i18n.EN)
			code := f.lastCode(t)
			wrong := "000000"
			if code == wrong {
				wrong = "111111"
			}
			for i := 1; i < OTPMaxAttempts; i++ {
				_, err := f.svc.VerifyOTP(ctx, ch.Token, wrong)
				if left, ok := AsWrongCode(err); !ok || left != OTPMaxAttempts-i || apperr.KeyOf(err) != KeyOTPWrong {
					t.Fatalf("try %d: err = %v", i, err)
				}
			}
			if _, err := f.svc.VerifyOTP(ctx, ch.Token, wrong); apperr.KeyOf(err) != KeyOTPLocked {
				t.Fatalf("last try: err = %v", err)
			}
			if _, err := f.svc.VerifyOTP(ctx, ch.Token, code); apperr.KeyOf(err) != KeyOTPLocked {
				t.Fatalf("right code after lock: err = %v", err)
			}
			if n := f.count(t, "auth_sessions"); n != 0 {
				t.Errorf("%d sessions", n)
			}
		})
		t.Run("Rule CR-STD-8.3: malformed code costs no attempt", func(t *testing.T) {
			f := newFixture(t, e)
			ch, _ := f.svc.StartOTP(ctx, f.iin, "", i18n.EN)
			for range OTPMaxAttempts + 1 {
				if _, err := f.svc.VerifyOTP(ctx, ch.Token, "12a45"); apperr.KeyOf(err) != KeyOTPFormat {
					t.Fatalf("err = %v", err)
				}
			}
			if _, err := f.svc.VerifyOTP(ctx, ch.Token, f.lastCode(t)); err != nil {
				t.Fatal(err)
			}
		})
		t.Run("Rule CR-STD-8.3: rate per phone", func(t *testing.T) {
			f := newFixture(t, e)
			for i := 0; i < OTPPerPhone; i++ {
				if _, err := f.svc.StartOTP(ctx, f.iin, "", i18n.EN); err != nil {
					t.Fatal(err)
				}
			}
			if _, err := f.svc.StartOTP(ctx, f.iin, "", i18n.EN); apperr.KeyOf(err) != KeyOTPPhoneRate {
				t.Fatalf("err = %v", err)
			}
			if n := len(f.sms.Messages()); n != OTPPerPhone {
				t.Errorf("%d SMS sent", n)
			}
			f.clock.Advance(OTPPhoneWindow)
			if _, err := f.svc.StartOTP(ctx, f.iin, "", i18n.EN); err != nil {
				t.Fatalf("after the window: %v", err)
			}
		})
	})
}

func TestSessionExpires(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		f := newFixture(t, e)
		ctx := context.Background()
		ch, _ := f.svc.StartOTP(ctx, f.iin, "", i18n.EN)
		in, err := f.svc.VerifyOTP(ctx, ch.Token, f.lastCode(t))
		if err != nil {
			t.Fatal(err)
		}
		f.clock.Advance(DefaultCitizenTTL - time.Second)
		if _, err := f.svc.Session(ctx, in.Token); err != nil {
			t.Fatalf("before expiry: %v", err)
		}
		f.clock.Advance(time.Second)
		if _, err := f.svc.Session(ctx, in.Token); apperr.CodeOf(err) != apperr.Unauthorized {
			t.Fatalf("at expiry: err = %v", err)
		}
		// The token is kept only as its hash.
		var n int
		f.db.ReadTx(ctx, func(tx *store.Tx) error {
			return tx.QueryRow(ctx, `SELECT COUNT(*) FROM auth_sessions WHERE id_hash = ?`, in.Token).Scan(&n)
		})
		if n != 0 {
			t.Error("session token stored in the clear")
		}
	})
}

func TestStaffSignIn(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		f := newFixture(t, e)
		ctx := context.Background()
		u := User{Login: "a.officer", Name: "A. Officer", Roles: []casework.Role{casework.RoleOfficer}, Branch: "astana"}
		if err := f.svc.AddUser(ctx, u, "correct horse battery"); err != nil {
			t.Fatal(err)
		}
		if err := f.svc.AddUser(ctx, u, "correct horse battery"); apperr.CodeOf(err) != apperr.Conflict {
			t.Errorf("duplicate: err = %v", err)
		}
		for _, c := range []struct {
			name string
			u    User
			pw   string
			key  string
		}{
			{"short password", User{Login: "x.y", Roles: u.Roles}, "short", KeyPasswordShort},
			{"bad login", User{Login: "X Y", Roles: u.Roles}, "correct horse battery", KeyLoginFormat},
			{"applicant is not staff", User{Login: "x.y", Roles: []casework.Role{casework.RoleApplicant}}, "correct horse battery", KeyRoleUnknown},
		} {
			if err := f.svc.AddUser(ctx, c.u, c.pw); apperr.KeyOf(err) != c.key {
				t.Errorf("%s: err = %v, want %s", c.name, err, c.key)
			}
		}
		in, err := f.svc.StaffSignIn(ctx, "a.officer", "correct horse battery")
		if err != nil {
			t.Fatal(err)
		}
		a := in.Session.Principal.Actor()
		if a.ID != "a.officer" || a.Role != casework.RoleOfficer || a.Branch != "astana" {
			t.Errorf("actor = %+v", a)
		}
		for _, c := range [][2]string{{"a.officer", "wrong horse battery"}, {"nobody", "correct horse battery"}} {
			if _, err := f.svc.StaffSignIn(ctx, c[0], c[1]); apperr.KeyOf(err) != KeyBadCredentials {
				t.Errorf("%v: err = %v", c, err)
			}
		}
		var hash string
		f.db.ReadTx(ctx, func(tx *store.Tx) error {
			return tx.QueryRow(ctx, `SELECT password_hash FROM auth_users`).Scan(&hash)
		})
		if !regexp.MustCompile(`^\$argon2id\$v=19\$m=1024,t=1,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$`).MatchString(hash) {
			t.Errorf("hash = %q", hash)
		}
	})
}

func TestDemoStaffIdempotent(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		f := newFixture(t, e)
		ctx := context.Background()
		dir := t.TempDir()
		first, err := f.svc.DemoStaff(ctx, dir)
		if err != nil {
			t.Fatal(err)
		}
		if len(first) != len(StaffRoles()) {
			t.Fatalf("%d accounts", len(first))
		}
		again, err := f.svc.DemoStaff(ctx, dir)
		if err != nil {
			t.Fatal(err)
		}
		if again[0].Password != first[0].Password || f.count(t, "auth_users") != len(StaffRoles()) {
			t.Error("a second run changed the accounts")
		}
		if _, err := f.svc.StaffSignIn(ctx, first[0].Login, first[0].Password); err != nil {
			t.Errorf("demo sign-in: %v", err)
		}
	})
}

func TestPasswordDefaultParams(t *testing.T) {
	h := hashPassword("correct horse battery", DefaultPasswordParams)
	if !regexp.MustCompile(`^\$argon2id\$v=19\$m=65536,t=3,p=4\$`).MatchString(h) {
		t.Fatalf("hash = %q", h)
	}
	for pw, want := range map[string]bool{"correct horse battery": true, "correct horse batterY": false, "": false} {
		if ok, err := checkPassword(pw, h); err != nil || ok != want {
			t.Errorf("check(%q) = %v, %v; want %v", pw, ok, err, want)
		}
	}
	if _, err := checkPassword("x", "$bcrypt$whatever"); err == nil {
		t.Error("a foreign hash was accepted")
	}
}

func TestActorMapping(t *testing.T) {
	p := Principal{Kind: KindCitizen, IIN: "900517400001", BIN: "123456789012", Name: "N", Roles: []casework.Role{casework.RoleApplicant}}
	a := p.Actor()
	want := casework.Actor{ID: "citizen-900517400001", Role: casework.RoleApplicant, Name: "N", IIN: "900517400001", BIN: "123456789012"}
	if a != want {
		t.Errorf("Actor() = %+v, want %+v", a, want)
	}
	if _, ok := p.ActorAs(casework.RoleOfficer); ok {
		t.Error("a citizen acted as an officer")
	}
}
