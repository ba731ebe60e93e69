package standard

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"testing"

	"qyzmet/standards"
)

// The embedded copy is the one checked at run time; it must be the project's
// digest, byte for byte.
func TestEmbeddedDigestIsTheSharedDigest(t *testing.T) {
	root := repoRoot(t)
	shared := filepath.Join(root, "..", "shared", "regulations", "DIGEST.md")
	want, err := os.ReadFile(shared)
	if errors.Is(err, fs.ErrNotExist) && os.Getenv("CI") != "true" {
		t.Skipf("%s is not here (outside the workspace); CI must have it", shared)
	}
	if err != nil {
		t.Fatal(err)
	}
	got, err := fs.ReadFile(standards.FS, "DIGEST.md")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("standards/DIGEST.md differs from %s: copy the shared digest into standards/", shared)
	}
}

// repoRoot is the directory holding go.mod.
func repoRoot(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("go.mod not found above the test directory")
		}
		dir = parent
	}
}

func TestParseRuleIDs(t *testing.T) {
	digest := []byte("- **CR-STD-3.1** Deadline … **10 minutes**; **major** departments; **AC-15-1** grounds; " +
		"**CR-F5** form; **G-7** storage; **AR-STD-6** Free. **AR-STD-7** Schedule; **CR** and **AP**.")
	got := ParseRuleIDs(digest)
	want := []string{"AC-15-1", "AR-STD-6", "AR-STD-7", "CR-F5", "CR-STD-3.1", "G-7"}
	var ids []string
	for id := range got {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	if len(ids) != len(want) {
		t.Fatalf("ParseRuleIDs = %v, want %v", ids, want)
	}
	for i := range want {
		if ids[i] != want[i] {
			t.Errorf("ParseRuleIDs = %v, want %v", ids, want)
		}
	}
}

func TestRuleIDsOfTheDigest(t *testing.T) {
	ids := mustDefault(t).RuleIDs()
	for _, id := range []string{"CR-STD-3.1", "CR-STD-9", "AP-STD-6", "AR-6.2", "AC-4.1", "AC-9-1", "AC-15-1", "AC-F1", "AC-F2", "CR-F5", "CP-4", "G-1", "G-8"} {
		if !ids[id] {
			t.Errorf("RuleIDs lacks %s", id)
		}
	}
	for _, notID := range []string{"CR", "AP", "major", "CR-STD-3", "AC-15-2"} {
		if ids[notID] {
			t.Errorf("RuleIDs holds %q, which the digest does not define", notID)
		}
	}
	// The caller gets a copy.
	delete(ids, "CR-STD-3.1")
	if !mustDefault(t).RuleIDs()["CR-STD-3.1"] {
		t.Error("RuleIDs returned the set's own map")
	}
}

// Every rule of sections 0–5 is held by the data, except the three the calendar and
// deadline packages implement in code: working days (G-1), the day of receipt not
// counted (G-2) and portal requests after hours received the next working day (G-3).
func TestEveryRuleOfTheDigestIsCited(t *testing.T) {
	inCode := map[string]bool{"G-1": true, "G-2": true, "G-3": true}
	cited := map[string]bool{}
	field := regexp.MustCompile(`(?m)^\s*(?:- )?(?:rule|source): (\S+)\s*$`)
	files, err := fs.Glob(standards.FS, "*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range files {
		b, err := fs.ReadFile(standards.FS, name)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range field.FindAllSubmatch(b, -1) {
			cited[string(m[1])] = true
		}
	}
	for id := range mustDefault(t).RuleIDs() {
		if !cited[id] && !inCode[id] {
			t.Errorf("rule %s of DIGEST.md is in no standard file", id)
		}
		if cited[id] && inCode[id] {
			t.Errorf("rule %s is listed as implemented in code but a file cites it", id)
		}
	}
}
