package store

import "testing"

func TestRebindDollar(t *testing.T) {
	tests := []struct{ in, want string }{
		{"SELECT 1", "SELECT 1"},
		{"SELECT * FROM a WHERE id = ? AND n > ?", "SELECT * FROM a WHERE id = $1 AND n > $2"},
		{"INSERT INTO a (x, y, z) VALUES (?,?,?)", "INSERT INTO a (x, y, z) VALUES ($1,$2,$3)"},
		{"SELECT '?' || ?", "SELECT '?' || $1"},
		{"SELECT 'it''s ?', ?", "SELECT 'it''s ?', $1"},
		{`SELECT "odd?col" FROM a WHERE b = ?`, `SELECT "odd?col" FROM a WHERE b = $1`},
		{"SELECT ? -- why? because\n, ?", "SELECT $1 -- why? because\n, $2"},
		{"SELECT ? /* a ? here */ + ?", "SELECT $1 /* a ? here */ + $2"},
		{"SELECT $$ is ? here $$, ?", "SELECT $$ is ? here $$, $1"},
		{"SELECT $fn$ ? $fn$ || ?", "SELECT $fn$ ? $fn$ || $1"},
		{"SELECT ?::text, $1", "SELECT $1::text, $1"},
		{"SELECT 'unterminated ?", "SELECT 'unterminated ?"},
		{"SELECT ? -- trailing comment ?", "SELECT $1 -- trailing comment ?"},
	}
	for _, tt := range tests {
		if got := rebindDollar(tt.in); got != tt.want {
			t.Errorf("rebindDollar(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func BenchmarkRebindDollar(b *testing.B) {
	q := "UPDATE applications SET state = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ?"
	for b.Loop() {
		rebindDollar(q)
	}
}
