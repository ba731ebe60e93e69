package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func runGenIn(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Main(context.Background(), append([]string{"gen"}, args...), Env{Stdout: &out, Stderr: &errb})
	return code, out.String(), errb.String()
}

func TestGenCommand(t *testing.T) {
	dir := t.TempDir()
	code, out, errs := runGenIn(t, "--persons", "50", "--convictions", "10", "--card-index", "30", "--seed", "7", "--out", dir)
	if code != exitOK {
		t.Fatalf("exit %d\n%s%s", code, out, errs)
	}
	want := map[string]int{"persons.csv": 50, "convictions.csv": 10, "card-index.csv": 30}
	entries, _ := os.ReadDir(dir)
	if len(entries) != len(want) {
		t.Errorf("files %v, want %v", entries, want)
	}
	first := map[string]string{}
	for name, rows := range want {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		first[name] = string(b)
		if n := strings.Count(string(b), "\n"); n != rows+1 {
			t.Errorf("%s: %d lines, want %d", name, n, rows+1)
		}
		if !strings.Contains(out, name+": ") {
			t.Errorf("output does not name %s:\n%s", name, out)
		}
	}
	// The same seed gives the same files.
	if code, _, _ := runGenIn(t, "--persons", "50", "--convictions", "10", "--card-index", "30", "--seed", "7", "--out", dir); code != exitOK {
		t.Fatal(code)
	}
	for name := range want {
		if b, _ := os.ReadFile(filepath.Join(dir, name)); string(b) != first[name] {
			t.Errorf("%s changed with the same seed", name)
		}
	}
}

func TestGenCommandDefaultsAndUsage(t *testing.T) {
	dir := t.TempDir()
	if code, out, errs := runGenIn(t, "--out", dir, "--lang", "kk"); code != exitOK || !strings.Contains(out, "жол") {
		t.Errorf("the demo set: exit %d\n%s%s", code, out, errs)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 5 {
		t.Errorf("the demo set wrote %d files", len(entries))
	}
	for _, args := range [][]string{{"--persons", "5"}, {"--persons", "-1", "--out", dir}, {"--out", dir, "extra"}} {
		if code, _, _ := runGenIn(t, args...); code != exitUsage {
			t.Errorf("%v: exit %d, want %d", args, code, exitUsage)
		}
	}
}
