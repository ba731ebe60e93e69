package sqlstore

import (
	"context"
	"strings"
	"sync"

	"qyzmet/internal/store"
)

// rowsPerStatement is how many rows one multi-row INSERT carries: enough that
// the per-statement costs vanish, few enough that SQLite's statement journal
// stays in memory (BenchmarkImport in package csvimport measures it).
const rowsPerStatement = 250

// Rows are rows of one table encoded as query parameters, ready to be
// written. Encoding needs no transaction, so an importer encodes the next
// batch while the previous one is written.
type Rows struct {
	table *bulkTable
	args  []any
}

// Write upserts the rows in tx.
func (r Rows) Write(ctx context.Context, tx *store.Tx) error { return r.table.write(ctx, tx, r.args) }

// bulkTable writes many rows of one table with multi-row INSERTs, as an upsert
// on its natural key when key is set. The statement text for each row count is
// built once.
type bulkTable struct {
	name  string
	cols  []string
	key   []string // the conflict target; empty for a plain INSERT
	stmts sync.Map // rows (int) → SQL
}

func (t *bulkTable) statement(rows int) string {
	if s, ok := t.stmts.Load(rows); ok {
		return s.(string)
	}
	var b strings.Builder
	b.WriteString("INSERT INTO ")
	b.WriteString(t.name)
	b.WriteString(" (")
	b.WriteString(strings.Join(t.cols, ", "))
	b.WriteString(") VALUES ")
	row := "(" + strings.TrimSuffix(strings.Repeat("?, ", len(t.cols)), ", ") + ")"
	for i := range rows {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(row)
	}
	if len(t.key) > 0 {
		b.WriteString(" ON CONFLICT (")
		b.WriteString(strings.Join(t.key, ", "))
		b.WriteString(") DO UPDATE SET ")
		first := true
		for _, c := range t.cols {
			if isKey(t.key, c) {
				continue
			}
			if !first {
				b.WriteString(", ")
			}
			first = false
			b.WriteString(c + " = excluded." + c)
		}
	}
	s := b.String()
	t.stmts.Store(rows, s)
	return s
}

// splitColumns turns "a, b, c" into its column names.
func splitColumns(list string) []string {
	return strings.Split(strings.ReplaceAll(list, " ", ""), ",")
}

func isKey(key []string, col string) bool {
	for _, k := range key {
		if k == col {
			return true
		}
	}
	return false
}

// write inserts the rows whose values args holds, len(t.cols) per row, in
// statements of at most rowsPerStatement rows. An upsert's rows must have
// distinct keys (PostgreSQL refuses to update one row twice in a statement).
func (t *bulkTable) write(ctx context.Context, tx *store.Tx, args []any) error {
	per := len(t.cols) * rowsPerStatement
	for len(args) > 0 {
		n := min(len(args), per)
		if _, err := tx.Exec(ctx, t.statement(n/len(t.cols)), args[:n]...); err != nil {
			return err
		}
		args = args[n:]
	}
	return nil
}
