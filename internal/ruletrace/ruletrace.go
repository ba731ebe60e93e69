// Package ruletrace maps every rule ID of the digest to the code that implements
// it and the tests that check it, so that a reviewer can go from a paragraph of
// the law to the lines that execute it, and a test can fail when code cites a rule
// that no test names. docs/rules.md is generated from it.
package ruletrace

import (
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strings"
)

// ruleRef matches a rule ID as code and tests write it: CR-STD-3.1, AC-15-1,
// CR-F5, G-7; in a Go test name the dots and dashes may be underscores
// (TestDeadline_CR_STD_3_1).
var ruleRef = regexp.MustCompile(`(?:^|[^A-Za-z0-9])((?:CR|AP|AR|AC|CP|G)(?:[-_](?:STD|F))?[-_]?F?[0-9]+(?:[._-][0-9]+)*)`)

// Place is where a rule ID is cited.
type Place struct {
	File string
	Line int
}

// Trace is, for each rule ID, where Go code cites it, where the standards (YAML
// data) cite it, and where tests name it.
type Trace struct {
	Code  map[string][]Place
	Data  map[string][]Place
	Tests map[string][]Place
}

// Scan reads the Go sources and the standards under root. Known is the set of rule
// IDs the digest defines; a citation that normalises to an unknown ID is ignored
// (it is a number that looks like a rule, not a rule).
func Scan(root fs.FS, known map[string]bool) (Trace, error) {
	tr := Trace{Code: map[string][]Place{}, Data: map[string][]Place{}, Tests: map[string][]Place{}}
	err := fs.WalkDir(root, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			switch d.Name() {
			case ".git", "node_modules", "testdata", "docs":
				return fs.SkipDir
			}
			return nil
		}
		isTest := strings.HasSuffix(p, "_test.go")
		if !strings.HasSuffix(p, ".go") && path.Ext(p) != ".yaml" {
			return nil
		}
		b, err := fs.ReadFile(root, p)
		if err != nil {
			return err
		}
		for i, line := range strings.Split(string(b), "\n") {
			for _, m := range ruleRef.FindAllStringSubmatch(line, -1) {
				id := normalise(m[1], known)
				if id == "" {
					continue
				}
				place := Place{File: p, Line: i + 1}
				switch {
				case isTest:
					tr.Tests[id] = append(tr.Tests[id], place)
				case path.Ext(p) == ".yaml":
					tr.Data[id] = append(tr.Data[id], place)
				default:
					tr.Code[id] = append(tr.Code[id], place)
				}
			}
		}
		return nil
	})
	return tr, err
}

// normalise turns a citation into the digest's spelling: underscores in test
// names stand for the dots and dashes of the ID, so every way of reading them back
// is tried against the known IDs.
func normalise(m string, known map[string]bool) string {
	if known[m] {
		return m
	}
	if !strings.Contains(m, "_") {
		return ""
	}
	parts := strings.Split(m, "_")
	// Try every choice of "-" or "." for each underscore; IDs are short.
	n := len(parts) - 1
	for mask := 0; mask < 1<<n; mask++ {
		var b strings.Builder
		b.WriteString(parts[0])
		for i := 1; i < len(parts); i++ {
			if mask&(1<<(i-1)) != 0 {
				b.WriteByte('.')
			} else {
				b.WriteByte('-')
			}
			b.WriteString(parts[i])
		}
		if known[b.String()] {
			return b.String()
		}
	}
	return ""
}

// Untested lists the rule IDs that Go code cites and no test names. Rules cited
// only in the standards' data are listed in docs/rules.md but not required here:
// many are provisions kept as text (addresses, the contact centre).
func (t Trace) Untested() []string {
	var out []string
	for id := range t.Code {
		if len(t.Tests[id]) == 0 {
			out = append(out, id)
		}
	}
	sort.Strings(out)
	return out
}
