package standard

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"qyzmet/internal/calendar"
	"qyzmet/standards"
)

// today is a date on which every current version is in force.
var today = calendar.D(2026, 3, 20)

func mustDefault(t testing.TB) *Set {
	t.Helper()
	set, err := Default()
	if err != nil {
		t.Fatalf("Default: %v", err)
	}
	return set
}

func mustAt(t testing.TB, set *Set, id ServiceID, d calendar.Date) *Standard {
	t.Helper()
	std, err := set.At(id, d)
	if err != nil {
		t.Fatalf("At(%s, %s): %v", id, d, err)
	}
	return std
}

// realFS is a writable copy of the embedded standards, for variants of the real
// files.
func realFS(t testing.TB) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	err := fs.WalkDir(standards.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(standards.FS, p)
		m[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// edit replaces old by new in file name of m, failing when old is not there so a
// variant never silently tests the unchanged file.
func edit(t testing.TB, m fstest.MapFS, name, old, new string) {
	t.Helper()
	f, ok := m[name]
	if !ok {
		t.Fatalf("no file %s", name)
	}
	s := string(f.Data)
	if !strings.Contains(s, old) {
		t.Fatalf("%s does not contain %q", name, old)
	}
	m[name] = &fstest.MapFile{Data: []byte(strings.Replace(s, old, new, 1))}
}
