package auth

import (
	"context"
	"testing"

	"qyzmet/internal/apperr"
	"qyzmet/internal/casework"
	"qyzmet/internal/store/storetest"
)

func roles(rs ...casework.Role) []casework.Role { return rs }

func TestUsersAdministration(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		f := newFixture(t, e)
		ctx := context.Background()
		add := func(login string, rs ...casework.Role) {
			t.Helper()
			if err := f.svc.AddUser(ctx, User{Login: login, Name: "Name " + login, Roles: rs}, "correct horse battery"); err != nil {
				t.Fatal(err)
			}
		}
		add("root", casework.RoleAdmin)
		add("op.one", casework.RoleOperator)

		in, err := f.svc.StaffSignIn(ctx, "op.one", "correct horse battery")
		if err != nil {
			t.Fatal(err)
		}
		u := User{Login: "op.one", Name: "Әлия Операторова", Roles: roles(casework.RoleOperator, casework.RoleOfficer), Branch: "astana-esil"}
		if err := f.svc.UpdateUser(ctx, "root", u); err != nil {
			t.Fatal(err)
		}
		got, err := f.svc.User(ctx, "op.one")
		if err != nil {
			t.Fatal(err)
		}
		if got.Name != u.Name || len(got.Roles) != 2 || got.Branch != "astana-esil" || got.Disabled || got.CreatedAt.IsZero() {
			t.Errorf("after update: %+v", got)
		}
		if _, err := f.svc.Session(ctx, in.Token); apperr.CodeOf(err) != apperr.Unauthorized {
			t.Errorf("the session with the old roles lives on: %v", err)
		}

		if err := f.svc.SetDisabled(ctx, "root", "op.one", true); err != nil {
			t.Fatal(err)
		}
		if _, err := f.svc.StaffSignIn(ctx, "op.one", "correct horse battery"); apperr.KeyOf(err) != KeyBadCredentials {
			t.Errorf("a disabled account signed in: %v", err)
		}
		if err := f.svc.SetDisabled(ctx, "root", "op.one", false); err != nil {
			t.Fatal(err)
		}
		password, err := f.svc.ResetPassword(ctx, "op.one")
		if err != nil || len(password) < MinPasswordLength {
			t.Fatalf("reset: %q, %v", password, err)
		}
		if _, err := f.svc.StaffSignIn(ctx, "op.one", "correct horse battery"); err == nil {
			t.Error("the old password still works")
		}
		if _, err := f.svc.StaffSignIn(ctx, "op.one", password); err != nil {
			t.Errorf("the new password: %v", err)
		}

		users, err := f.svc.Users(ctx)
		if err != nil || len(users) != 2 || users[0].Login != "op.one" || users[1].Login != "root" {
			t.Errorf("users = %+v, %v", users, err)
		}
		for _, c := range []struct {
			name string
			err  error
			key  string
		}{
			{"unknown account", f.svc.UpdateUser(ctx, "root", User{Login: "nobody", Name: "X", Roles: roles(casework.RoleOfficer)}), KeyUserNotFound},
			{"script in the name", f.svc.UpdateUser(ctx, "root", User{Login: "op.one", Name: "<script>alert(1)</script>", Roles: u.Roles}), KeyNameFormat},
			{"no role", f.svc.UpdateUser(ctx, "root", User{Login: "op.one", Name: "X"}), KeyRoleUnknown},
			{"reset of nobody", second(f.svc.ResetPassword(ctx, "nobody")), KeyUserNotFound},
			{"disable nobody", f.svc.SetDisabled(ctx, "root", "nobody", true), KeyUserNotFound},
		} {
			if apperr.KeyOf(c.err) != c.key {
				t.Errorf("%s: err = %v, want %s", c.name, c.err, c.key)
			}
		}
	})
}

func second[T any](_ T, err error) error { return err }

// An administrator cannot lock themselves out, and the system never loses its
// last active administrator.
func TestUsersKeepAnAdministrator(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		f := newFixture(t, e)
		ctx := context.Background()
		for _, login := range []string{"root", "deputy"} {
			if err := f.svc.AddUser(ctx, User{Login: login, Name: login, Roles: roles(casework.RoleAdmin)}, "correct horse battery"); err != nil {
				t.Fatal(err)
			}
		}
		demoted := User{Login: "root", Name: "root", Roles: roles(casework.RoleQuality)}
		if err := f.svc.UpdateUser(ctx, "root", demoted); apperr.KeyOf(err) != KeyOwnAdmin {
			t.Errorf("own admin role dropped: %v", err)
		}
		if err := f.svc.SetDisabled(ctx, "root", "root", true); apperr.KeyOf(err) != KeyOwnAdmin {
			t.Errorf("disabled themselves: %v", err)
		}
		// Another administrator may be demoted while one remains…
		if err := f.svc.UpdateUser(ctx, "root", User{Login: "deputy", Name: "deputy", Roles: roles(casework.RoleQuality)}); err != nil {
			t.Fatal(err)
		}
		// …but the last one, even by someone who is no longer an administrator
		// (a command-line run), is kept.
		if err := f.svc.SetDisabled(ctx, "deputy", "root", true); apperr.KeyOf(err) != KeyLastAdmin {
			t.Errorf("the last administrator was disabled: %v", err)
		}
		if err := f.svc.UpdateUser(ctx, "deputy", demoted); apperr.KeyOf(err) != KeyLastAdmin {
			t.Errorf("the last administrator was demoted: %v", err)
		}
		got, _ := f.svc.User(ctx, "root")
		if !got.Has(casework.RoleAdmin) || got.Disabled {
			t.Errorf("root = %+v", got)
		}
	})
}

// A repeated create form makes one account, and the password shown last is
// the one that works.
func TestCreateUserOnce(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		f := newFixture(t, e)
		ctx := context.Background()
		u := User{Login: "new.officer", Name: "Жаңа Қызметкер", Roles: roles(casework.RoleOfficer)}
		first, err := f.svc.CreateUser(ctx, u, "form-1")
		if err != nil {
			t.Fatal(err)
		}
		again, err := f.svc.CreateUser(ctx, u, "form-1")
		if err != nil || again == first {
			t.Fatalf("repeat: %q, %v", again, err)
		}
		if _, err := f.svc.StaffSignIn(ctx, u.Login, again); err != nil {
			t.Errorf("the last password: %v", err)
		}
		if _, err := f.svc.CreateUser(ctx, u, "form-2"); apperr.KeyOf(err) != KeyLoginTaken {
			t.Errorf("a taken login from another form: %v", err)
		}
		other := User{Login: "other", Name: "Other", Roles: roles(casework.RoleOfficer)}
		if _, err := f.svc.CreateUser(ctx, other, "form-1"); apperr.KeyOf(err) != KeyFormUsed {
			t.Errorf("a used form for another login: %v", err)
		}
		if n := f.count(t, "auth_users"); n != 1 {
			t.Errorf("%d accounts", n)
		}
	})
}
