package cli

import (
	"bufio"
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"qyzmet/internal/apperr"
	"qyzmet/internal/auth"
	"qyzmet/internal/casework"
	"qyzmet/internal/i18n"
	"qyzmet/internal/org"
	"qyzmet/internal/store"
	"qyzmet/internal/web/admin"
)

// usersText is the command's output in the three languages.
var usersText = map[string]i18n.Text{
	"added":     {KK: "%s тіркелгісі қосылды", RU: "учётная запись %s создана", EN: "account %s added"},
	"password":  {KK: "Бір реттік құпиясөз (қайта көрсетілмейді, иесіне беріңіз): %s", RU: "Одноразовый пароль (больше не будет показан, передайте владельцу): %s", EN: "One-time password (not shown again; hand it to its owner): %s"},
	"disabled":  {KK: "%s тіркелгісі бұғатталды, сеанстары жабылды", RU: "учётная запись %s заблокирована, её сеансы завершены", EN: "account %s disabled and signed out"},
	"enabled":   {KK: "%s тіркелгісі қайта қосылды", RU: "учётная запись %s разблокирована", EN: "account %s enabled"},
	"no-pass":   {KK: "stdin-де құпиясөз жоқ", RU: "во входном потоке нет пароля", EN: "no password on stdin"},
	"branch":    {KK: "операторға филиал керек (--branch)", RU: "оператору нужен филиал (--branch)", EN: "an operator needs a branch (--branch)"},
	"no-branch": {KK: "%q филиалы жоқ", RU: "нет филиала %q", EN: "no branch %q"},
	"header":    {KK: "ЛОГИН\tАТЫ\tРӨЛДЕРІ\tФИЛИАЛ\tКҮЙІ", RU: "ЛОГИН\tИМЯ\tРОЛИ\tФИЛИАЛ\tСОСТОЯНИЕ", EN: "LOGIN\tNAME\tROLES\tBRANCH\tSTATE"},
	"active":    {KK: "белсенді", RU: "активна", EN: "active"},
	"off":       {KK: "бұғатталған", RU: "заблокирована", EN: "disabled"},
}

const usersUsage = `usage:
  qyzmet users add --login L --name N --role R[,R] [--branch B] [--password-stdin]
  qyzmet users list [--json]
  qyzmet users disable LOGIN
  qyzmet users enable LOGIN
  qyzmet users reset-password LOGIN
common flags: [--data DIR] [--lang kk|ru|en]

Manage staff accounts in the database of QYZMET_DATABASE_URL, else DIR/qyzmet.db.
add generates a one-time password and prints it, unless --password-stdin reads
one (the first line of stdin, at least 12 characters). Roles: ` // the roles follow

// usersFlags are the flags every users subcommand takes.
type usersFlags struct {
	fs      *flag.FlagSet
	dataDir *string
	lang    *string
}

func newUsersFlags(sub string, env Env) usersFlags {
	fs := flag.NewFlagSet("users "+sub, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	f := usersFlags{fs: fs,
		dataDir: fs.String("data", "./data", "data directory of the SQLite database, unless QYZMET_DATABASE_URL is set"),
		lang:    fs.String("lang", "", "language of the output: kk, ru or en (default: $QYZMET_LANG or en)")}
	fs.Usage = func() { fmt.Fprintln(fs.Output(), usersUsage+rolesList()) }
	return f
}

func rolesList() string {
	var rs []string
	for _, r := range auth.StaffRoles() {
		rs = append(rs, string(r))
	}
	return strings.Join(rs, ", ") + "."
}

// runUsers adds, lists, disables and enables staff accounts, and resets
// their passwords: the way to make the first administrator of a new
// installation, and to let one back in.
func runUsers(ctx context.Context, args []string, env Env) int {
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		fmt.Fprintln(env.Stderr, usersUsage+rolesList())
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help") {
			return exitOK
		}
		return exitUsage
	}
	sub, args := args[0], args[1:]
	switch sub {
	case "add":
		return usersAdd(ctx, args, env)
	case "list":
		return usersList(ctx, args, env)
	case "disable", "enable", "reset-password":
		return usersChange(ctx, sub, args, env)
	}
	fmt.Fprintf(env.Stderr, "qyzmet users: unknown subcommand %q\n%s%s\n", sub, usersUsage, rolesList())
	return exitUsage
}

// usersSession is an open database, the account service on it and the output
// language of one run.
type usersSession struct {
	db   *store.DB
	svc  *auth.Service
	lang i18n.Lang
	env  Env
}

func (s usersSession) say(key string, args ...any) {
	fmt.Fprintf(s.env.Stdout, usersText[key].In(s.lang)+"\n", args...)
}

// fail reports err in the output language and returns its exit code: a
// refused entry is exitInvalid, anything else exitFailure.
func (s usersSession) fail(err error) int {
	fmt.Fprintln(s.env.Stderr, "qyzmet users:", admin.ErrText(err, s.lang))
	switch apperr.CodeOf(err) {
	case apperr.Invalid, apperr.NotFound, apperr.Conflict, apperr.Forbidden:
		return exitInvalid
	}
	fmt.Fprintln(s.env.Stderr, "qyzmet users:", err)
	return exitFailure
}

// open parses the flags, opens the database (which must be migrated) and
// returns the positional words; code >= 0 ends the run with that code.
func openUsers(ctx context.Context, f usersFlags, args []string, env Env) (s usersSession, words []string, code int) {
	words, lang, code := parseArgs(f.fs, args, f.lang, env, "users")
	if code >= 0 {
		return s, nil, code
	}
	db, err := store.Open(ctx, store.Config{DataDir: *f.dataDir, DatabaseURL: env.Getenv("QYZMET_DATABASE_URL")})
	if err != nil {
		fmt.Fprintln(env.Stderr, "qyzmet users:", err)
		return s, nil, exitFailure
	}
	return usersSession{db: db, svc: &auth.Service{DB: db}, lang: lang, env: env}, words, -1
}

func usersAdd(ctx context.Context, args []string, env Env) int {
	f := newUsersFlags("add", env)
	login := f.fs.String("login", "", "the login: 3–64 of a-z 0-9 . _ -")
	name := f.fs.String("name", "", "the person's full name")
	roleList := f.fs.String("role", "", "roles, comma-separated")
	branch := f.fs.String("branch", "", "the branch (required for an operator)")
	fromStdin := f.fs.Bool("password-stdin", false, "read the password from the first line of stdin instead of generating one")
	s, words, code := openUsers(ctx, f, args, env)
	if code >= 0 {
		return code
	}
	defer s.db.Close()
	if len(words) > 0 {
		fmt.Fprintf(env.Stderr, "qyzmet users add: unexpected argument %q\n", words[0])
		return exitUsage
	}
	u := auth.User{Login: *login, Name: *name, Roles: parseRoles(*roleList), Branch: strings.TrimSpace(*branch)}
	if code := s.checkBranch(ctx, u); code >= 0 {
		return code
	}
	password, generated := auth.NewPassword(), true
	if *fromStdin {
		line, err := firstLine(env.Stdin)
		if err != nil || line == "" {
			fmt.Fprintln(env.Stderr, "qyzmet users add:", usersText["no-pass"].In(s.lang))
			return exitInvalid
		}
		password, generated = line, false
	}
	if err := s.svc.AddUser(ctx, u, password); err != nil {
		return s.fail(err)
	}
	s.say("added", u.Login)
	if generated {
		s.say("password", password)
	}
	return exitOK
}

// checkBranch refuses an operator without a branch and a branch the
// directory does not have; -1 lets the run go on.
func (s usersSession) checkBranch(ctx context.Context, u auth.User) int {
	if u.Branch == "" {
		if u.Has(casework.RoleOperator) {
			fmt.Fprintln(s.env.Stderr, "qyzmet users add:", usersText["branch"].In(s.lang))
			return exitInvalid
		}
		return -1
	}
	_, err := (&org.Directory{DB: s.db}).Branch(ctx, u.Branch)
	switch {
	case apperr.CodeOf(err) == apperr.NotFound:
		fmt.Fprintln(s.env.Stderr, "qyzmet users add:", fmt.Sprintf(usersText["no-branch"].In(s.lang), u.Branch))
		return exitInvalid
	case err != nil:
		return s.fail(err)
	}
	return -1
}

func parseRoles(list string) []casework.Role {
	var rs []casework.Role
	for _, r := range strings.Split(list, ",") {
		if r = strings.TrimSpace(r); r != "" {
			rs = append(rs, casework.Role(r))
		}
	}
	return rs
}

func firstLine(r io.Reader) (string, error) {
	if r == nil {
		return "", errors.New("no stdin")
	}
	sc := bufio.NewScanner(r)
	if !sc.Scan() {
		return "", sc.Err()
	}
	return strings.TrimRight(sc.Text(), "\r"), nil
}

// userJSON is one account as `users list --json` prints it.
type userJSON struct {
	Login    string          `json:"login"`
	Name     string          `json:"name"`
	Roles    []casework.Role `json:"roles"`
	Branch   string          `json:"branch,omitempty"`
	Disabled bool            `json:"disabled"`
}

func usersList(ctx context.Context, args []string, env Env) int {
	f := newUsersFlags("list", env)
	asJSON := f.fs.Bool("json", false, "print JSON")
	s, words, code := openUsers(ctx, f, args, env)
	if code >= 0 {
		return code
	}
	defer s.db.Close()
	if len(words) > 0 {
		fmt.Fprintf(env.Stderr, "qyzmet users list: unexpected argument %q\n", words[0])
		return exitUsage
	}
	users, err := s.svc.Users(ctx)
	if err != nil {
		return s.fail(err)
	}
	if *asJSON {
		out := make([]userJSON, len(users))
		for i, u := range users {
			out[i] = userJSON{Login: u.Login, Name: u.Name, Roles: u.Roles, Branch: u.Branch, Disabled: u.Disabled}
		}
		return printJSON(env, out)
	}
	tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, usersText["header"].In(s.lang))
	for _, u := range users {
		state := usersText["active"].In(s.lang)
		if u.Disabled {
			state = usersText["off"].In(s.lang)
		}
		roles := make([]string, len(u.Roles))
		for i, r := range u.Roles {
			roles[i] = string(r)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", u.Login, u.Name, strings.Join(roles, ","), cmp.Or(u.Branch, "-"), state)
	}
	tw.Flush()
	return exitOK
}

// cliActor is who the audit of an account change names when it is made
// from the command line; it is no login, so the last active administrator
// is still kept, but the "not yourself" rule does not apply.
const cliActor = "qyzmet-cli"

func usersChange(ctx context.Context, sub string, args []string, env Env) int {
	f := newUsersFlags(sub, env)
	s, words, code := openUsers(ctx, f, args, env)
	if code >= 0 {
		return code
	}
	defer s.db.Close()
	if len(words) != 1 {
		fmt.Fprintf(env.Stderr, "qyzmet users %s: give one LOGIN\n", sub)
		return exitUsage
	}
	login := words[0]
	switch sub {
	case "disable", "enable":
		if err := s.svc.SetDisabled(ctx, cliActor, login, sub == "disable"); err != nil {
			return s.fail(err)
		}
		s.say(sub+"d", login)
	default:
		password, err := s.svc.ResetPassword(ctx, login)
		if err != nil {
			return s.fail(err)
		}
		s.say("password", password)
	}
	return exitOK
}
