package api

import (
	"bytes"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"qyzmet/internal/apperr"
	"qyzmet/internal/casework"
	"qyzmet/internal/i18n"
	"qyzmet/internal/store/storetest"
)

// allCodes are apperr's codes; the status map must cover each.
var allCodes = []apperr.Code{apperr.Invalid, apperr.NotFound, apperr.Unauthorized, apperr.Forbidden, apperr.Conflict, apperr.Internal}

func TestHTTPStatus(t *testing.T) {
	tests := []struct {
		err  error
		want int
	}{
		{apperr.E(apperr.Invalid, "x"), 422},
		{apperr.E(apperr.NotFound, "x"), 404},
		{apperr.E(apperr.Unauthorized, "x"), 401},
		{apperr.E(apperr.Forbidden, "x"), 403},
		{apperr.E(apperr.Conflict, "x"), 409},
		{apperr.E(apperr.Internal, "x"), 500},
		{errors.New("a driver failed"), 500},
		{fmt.Errorf("wrapped: %w", apperr.E(apperr.Conflict, "x")), 409},
		{&requestError{status: 413, code: apperr.Invalid}, 413},
		{fmt.Errorf("wrapped: %w", &requestError{status: 415, code: apperr.Invalid}), 415},
	}
	for _, tt := range tests {
		if got := httpStatus(tt.err); got != tt.want {
			t.Errorf("httpStatus(%v) = %d, want %d", tt.err, got, tt.want)
		}
	}
	for _, code := range allCodes {
		if statusByCode[code] == 0 {
			t.Errorf("code %q has no HTTP status", code)
		}
	}
}

// TestMessageCatalogueComplete: every message key this package uses has all
// three languages. The keys are found in the source itself: every key…
// constant, every key: field of a requestError literal, and the generic key of
// every code.
func TestMessageCatalogueComplete(t *testing.T) {
	used := map[string]string{} // key → where
	for _, code := range allCodes {
		used[apperr.GenericKey(code)] = "code " + string(code)
	}
	fset := token.NewFileSet()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	constants := map[string]string{}
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.ValueSpec:
				for i, id := range n.Names {
					if strings.HasPrefix(id.Name, "key") && i < len(n.Values) {
						if lit, ok := n.Values[i].(*ast.BasicLit); ok && lit.Kind == token.STRING {
							v, _ := strconv.Unquote(lit.Value)
							constants[id.Name] = v
							used[v] = fset.Position(id.Pos()).String()
						}
					}
				}
			case *ast.KeyValueExpr:
				if k, ok := n.Key.(*ast.Ident); ok && k.Name == "key" {
					switch v := n.Value.(type) {
					case *ast.BasicLit:
						s, _ := strconv.Unquote(v.Value)
						used[s] = fset.Position(v.Pos()).String()
					case *ast.Ident:
						if !strings.HasPrefix(v.Name, "key") {
							t.Errorf("%s: a message key from %s, which the test cannot follow", fset.Position(v.Pos()), v.Name)
						}
					}
				}
			}
			return true
		})
	}
	if len(constants) < 10 {
		t.Fatalf("found only %d key constants: the scan is broken", len(constants))
	}
	for key, where := range used {
		tx, ok := lookup(key)
		if !ok {
			t.Errorf("%s: key %q has no message", where, key)
			continue
		}
		if !tx.Complete() {
			t.Errorf("%s: key %q lacks a language: %+v", where, key, tx)
		}
	}
	for key := range messages {
		if _, ok := used[key]; !ok {
			t.Errorf("message %q is never used", key)
		}
	}
}

func TestAcceptLanguage(t *testing.T) {
	tests := []struct {
		header string
		want   i18n.Lang
		ok     bool
	}{
		{"ru-RU,ru;q=0.9,en;q=0.8", i18n.RU, true},
		{"en;q=0.5, ru;q=0.7", i18n.RU, true},
		{"de-DE, en;q=0.3", i18n.EN, true},
		{"kk", i18n.KK, true},
		{"fr, de", "", false},
		{"ru;q=0, en", i18n.EN, true},
		{"ru;q=abc, en;q=0.1", i18n.EN, true},
		{"", "", false},
		{"en, ru", i18n.EN, true}, // equal q: the first listed wins
	}
	for _, tt := range tests {
		got, ok := acceptLanguage(tt.header)
		if got != tt.want || ok != tt.ok {
			t.Errorf("acceptLanguage(%q) = %q, %v; want %q, %v", tt.header, got, ok, tt.want, tt.ok)
		}
	}
}

// TestErrorLanguage: ?lang= wins over Accept-Language, which wins over the
// default, Kazakh; the wrong IIN check digit is explained in each language and
// names applicant.iin.
func TestErrorLanguage(t *testing.T) {
	h, _ := newAPI(t, sqliteEngine())
	body := aliceApplication()
	body["applicant"].(map[string]any)["iin"] = badChecksum(aliceIIN)
	tests := []struct {
		query, acceptLanguage string
		want                  i18n.Lang
	}{
		{"", "", i18n.KK},
		{"", "ru-RU,ru;q=0.9", i18n.RU},
		{"", "en-GB", i18n.EN},
		{"?lang=kk", "en", i18n.KK},
		{"?lang=ru", "en", i18n.RU},
		{"?lang=xx", "en", i18n.EN},
	}
	seen := map[i18n.Lang]string{}
	for _, tt := range tests {
		header := []string{"Idempotency-Key", "lang-" + tt.query + tt.acceptLanguage}
		if tt.acceptLanguage != "" {
			header = append(header, "Accept-Language", tt.acceptLanguage)
		}
		rec := do(t, h, "POST", Prefix+"/applications"+tt.query, tokenAlice, body, header...)
		e := errorOf(t, rec)
		if rec.Code != 422 || e.Code != apperr.Invalid || e.Field != "applicant.iin" {
			t.Errorf("%s %q: %d %+v, want 422 invalid applicant.iin", tt.query, tt.acceptLanguage, rec.Code, e)
		}
		if got := rec.Header().Get("Content-Language"); got != string(tt.want) {
			t.Errorf("%s %q: Content-Language %q, want %q", tt.query, tt.acceptLanguage, got, tt.want)
		}
		if prev, ok := seen[tt.want]; ok && prev != e.Message {
			t.Errorf("two messages in %s: %q and %q", tt.want, prev, e.Message)
		}
		seen[tt.want] = e.Message
	}
	if seen[i18n.KK] == seen[i18n.RU] || seen[i18n.RU] == seen[i18n.EN] || seen[i18n.KK] == seen[i18n.EN] {
		t.Errorf("the messages are not translated: %q", seen)
	}
	if !hasCyrillic(seen[i18n.KK]) || !hasCyrillic(seen[i18n.RU]) || hasCyrillic(seen[i18n.EN]) {
		t.Errorf("messages in the wrong script: %q", seen)
	}
}

func hasCyrillic(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Cyrillic, r) {
			return true
		}
	}
	return false
}

// TestInternalErrorLoggedOnceNeverShown: a failure of the database is a 500
// with the generic message; its cause is logged once and not shown.
func TestInternalErrorLoggedOnceNeverShown(t *testing.T) {
	eng, db := newEngine(t, sqliteEngine(), storetest.NewClock(start))
	var logged bytes.Buffer
	h := New(Config{Engine: eng, Tokens: testTokens(), Log: slog.New(slog.NewTextHandler(&logged, nil))})
	rec := do(t, h, "POST", Prefix+"/applications", tokenAlice, aliceApplication(), "Idempotency-Key", "first")
	if rec.Code != http.StatusCreated {
		t.Fatalf("status %d\n%s", rec.Code, rec.Body)
	}
	db.Close() // the outage

	rec = do(t, h, "GET", Prefix+"/applications?lang=en", tokenAlice, nil)
	e := errorOf(t, rec)
	if rec.Code != 500 || e.Code != apperr.Internal || e.Field != "" {
		t.Errorf("status %d %+v, want 500 internal without a field", rec.Code, e)
	}
	if want := apperr.Generic[apperr.GenericKey(apperr.Internal)].EN; e.Message != want {
		t.Errorf("message %q, want the generic %q", e.Message, want)
	}
	if strings.Contains(rec.Body.String(), "closed") {
		t.Errorf("the answer shows the cause: %s", rec.Body)
	}
	if n := strings.Count(logged.String(), "api: internal error"); n != 1 {
		t.Errorf("the internal error was logged %d times, want once:\n%s", n, logged.String())
	}
	if !strings.Contains(logged.String(), "closed") {
		t.Errorf("the log lacks the cause:\n%s", logged.String())
	}
}

// TestPanicIsInternalError: a panicking handler answers 500 JSON, logged.
func TestPanicIsInternalError(t *testing.T) {
	var logged bytes.Buffer
	h := &handler{tokens: newTokens(testTokens()), log: slog.New(slog.NewTextHandler(&logged, nil))}
	rt := route{"GET", Prefix + "/boom", true, func(*handler, http.ResponseWriter, *http.Request, casework.Actor) error {
		panic("boom")
	}}
	rec := serve(h.endpoint(rt), newRequest(t, "GET", Prefix+"/boom", "", nil))
	if e := errorOf(t, rec); rec.Code != 500 || e.Code != apperr.Internal {
		t.Errorf("status %d %+v, want 500 internal", rec.Code, e)
	}
	if !strings.Contains(logged.String(), "boom") {
		t.Errorf("the panic was not logged:\n%s", logged.String())
	}
}

// TestLoadTokens: the token file's actors must be people with IDs, and tokens
// long enough not to be guessed.
func TestLoadTokens(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name, json string
		ok         bool
	}{
		{"good", `{"0123456789abcdef": {"id": "officer-1", "role": "officer"}}`, true},
		{"short token", `{"abc": {"id": "officer-1", "role": "officer"}}`, false},
		{"no id", `{"0123456789abcdef": {"role": "officer"}}`, false},
		{"system role", `{"0123456789abcdef": {"id": "x", "role": "system"}}`, false},
		{"unknown role", `{"0123456789abcdef": {"id": "x", "role": "king"}}`, false},
		{"not JSON", `{`, false},
	}
	for _, tt := range tests {
		path := filepath.Join(dir, strings.ReplaceAll(tt.name, " ", "-")+".json")
		if err := os.WriteFile(path, []byte(tt.json), 0o600); err != nil {
			t.Fatal(err)
		}
		_, err := LoadTokens(path)
		if (err == nil) != tt.ok {
			t.Errorf("%s: LoadTokens error %v, want ok=%v", tt.name, err, tt.ok)
		}
	}
}

// TestDemoTokensStable: the demo creates its tokens once, private to the owner,
// and reads the same ones on the next start.
func TestDemoTokensStable(t *testing.T) {
	dir := t.TempDir()
	first, path, err := DemoTokens(dir)
	if err != nil {
		t.Fatal(err)
	}
	if info, err := os.Stat(path); err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("token file %s: %v, mode %v; want 0600", path, err, info.Mode())
	}
	again, _, err := DemoTokens(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(first) != len(again) || len(first) != len(demoActors()) {
		t.Fatalf("%d tokens, then %d; want %d", len(first), len(again), len(demoActors()))
	}
	for token, a := range first {
		if again[token] != a {
			t.Errorf("token of %s changed between starts", a.ID)
		}
	}
}
