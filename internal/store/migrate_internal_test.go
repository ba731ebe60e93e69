package store

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// TestEmbeddedMigrationsMatch keeps the two dialects in step: every migration
// number exists for both, under the same name.
func TestEmbeddedMigrationsMatch(t *testing.T) {
	lite, err := loadMigrations(embeddedMigrations, SQLite)
	if err != nil {
		t.Fatal(err)
	}
	pg, err := loadMigrations(embeddedMigrations, Postgres)
	if err != nil {
		t.Fatal(err)
	}
	names := func(ms []migration) []string {
		var s []string
		for _, m := range ms {
			s = append(s, m.name)
		}
		return s
	}
	if !slices.Equal(names(lite), names(pg)) {
		t.Errorf("migrations differ between dialects:\n sqlite:   %v\n postgres: %v", names(lite), names(pg))
	}
}

func TestLoadMigrationsRejects(t *testing.T) {
	file := func(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }
	tests := []struct {
		name    string
		files   fstest.MapFS
		wantErr string
	}{
		{"gap", fstest.MapFS{"sqlite/0001_a.sql": file("x"), "sqlite/0003_c.sql": file("x")}, "without gaps"},
		{"double", fstest.MapFS{"sqlite/0001_a.sql": file("x"), "sqlite/0001_b.sql": file("x")}, "without gaps"},
		{"not from one", fstest.MapFS{"sqlite/0002_a.sql": file("x")}, "without gaps"},
		{"bad name", fstest.MapFS{"sqlite/0001_a.sql": file("x"), "sqlite/2_b.sql": file("x")}, "NNNN_what.sql"},
		{"upper case", fstest.MapFS{"sqlite/0001_Add.sql": file("x")}, "NNNN_what.sql"},
		{"empty", fstest.MapFS{"sqlite/.keep": file("")}, "NNNN_what.sql"},
		{"no directory", fstest.MapFS{"postgres/0001_a.sql": file("x")}, "migrations for sqlite"},
	}
	for _, tt := range tests {
		_, err := loadMigrations(tt.files, SQLite)
		if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
			t.Errorf("%s: err = %v, want one containing %q", tt.name, err, tt.wantErr)
		}
	}
}

func TestLoadMigrationsOrdersAndSums(t *testing.T) {
	fsys := fstest.MapFS{
		"sqlite/0002_b.sql": {Data: []byte("CREATE TABLE b (x INTEGER);")},
		"sqlite/0001_a.sql": {Data: []byte("CREATE TABLE a (x INTEGER);")},
	}
	ms, err := loadMigrations(fsys, SQLite)
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) != 2 || ms[0].name != "0001_a.sql" || ms[1].version != 2 {
		t.Fatalf("loadMigrations = %+v", ms)
	}
	if len(ms[0].checksum) != 64 || ms[0].checksum == ms[1].checksum {
		t.Errorf("checksums %q and %q: want two different SHA-256 sums", ms[0].checksum, ms[1].checksum)
	}
}
