package cli

import (
	"bytes"
	"context"
	"regexp"
	"strings"
	"testing"

	"qyzmet/internal/auth"
	"qyzmet/internal/store"
	"qyzmet/internal/store/storetest"
)

// usersCLI runs `qyzmet users` against the database of cfg, with stdin.
func usersCLI(t *testing.T, cfg store.Config, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	if cfg.DatabaseURL == "" {
		args = append(args, "--data", cfg.DataDir)
	}
	var out, errb bytes.Buffer
	getenv := func(k string) string {
		if k == "QYZMET_DATABASE_URL" {
			return cfg.DatabaseURL
		}
		return ""
	}
	code = Main(context.Background(), append([]string{"users"}, args...), Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb, Getenv: getenv})
	return code, out.String(), errb.String()
}

var printedPassword = regexp.MustCompile(`: ([A-Z2-7]{26})\n`)

func TestUsersCommand(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		t.Parallel()
		cfg := e.Config(t)
		if code, out, errs := migrateCLI(t, cfg); code != exitOK {
			t.Fatalf("migrate: %d\n%s%s", code, out, errs)
		}
		code, out, errs := usersCLI(t, cfg, "", "add", "--login", "root", "--name", "Бас әкімші", "--role", "admin")
		if code != exitOK {
			t.Fatalf("add: exit %d\n%s%s", code, out, errs)
		}
		m := printedPassword.FindStringSubmatch(out)
		if m == nil {
			t.Fatalf("no generated password printed:\n%s", out)
		}
		code, out, errs = usersCLI(t, cfg, "a long enough password\n", "add", "--login", "op.one", "--name", "Оператор",
			"--role", "operator,quality-officer", "--branch", "astana-esil", "--password-stdin")
		if code != exitOK || printedPassword.MatchString(out) {
			t.Fatalf("add from stdin: exit %d\n%s%s", code, out, errs)
		}
		for _, bad := range [][]string{
			{"add", "--login", "op.two", "--name", "X", "--role", "operator"},                        // no branch
			{"add", "--login", "op.two", "--name", "X", "--role", "operator", "--branch", "nowhere"}, // unknown branch
			{"add", "--login", "op.two", "--name", "X", "--role", "wizard"},                          // unknown role
			{"add", "--login", "root", "--name", "X", "--role", "admin"},                             // taken
			{"disable", "root"}, // the last administrator
			{"disable", "nobody"},
		} {
			if code, out, errs := usersCLI(t, cfg, "", bad...); code != exitInvalid {
				t.Errorf("%v: exit %d, want %d\n%s%s", bad, code, exitInvalid, out, errs)
			}
		}
		code, out, _ = usersCLI(t, cfg, "", "disable", "op.one", "--lang", "ru")
		if code != exitOK || !strings.Contains(out, "заблокирована") {
			t.Errorf("disable: exit %d\n%s", code, out)
		}
		code, out, _ = usersCLI(t, cfg, "", "list")
		if code != exitOK || !regexp.MustCompile(`op\.one\s+Оператор\s+operator,quality-officer\s+astana-esil\s+disabled`).MatchString(out) ||
			!regexp.MustCompile(`root\s+Бас әкімші\s+admin\s+-\s+active`).MatchString(out) {
			t.Errorf("list: exit %d\n%s", code, out)
		}

		db, err := store.Open(context.Background(), cfg)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		svc := &auth.Service{DB: db}
		if _, err := svc.StaffSignIn(context.Background(), "root", m[1]); err != nil {
			t.Errorf("the printed password: %v", err)
		}
		if _, err := svc.StaffSignIn(context.Background(), "op.one", "a long enough password"); err == nil {
			t.Error("a disabled account signed in")
		}
	})
}
