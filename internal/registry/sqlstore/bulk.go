package sqlstore

import (
	"context"
	"strings"
	"sync"

	"qyzmet/internal/store"
)

// rowsPerStatement is how many rows one multi-row INSERT carries. Fewer
// statements mean less parsing per row; more rows mean a larger statement
// journal on SQLite. BenchmarkUpsertCards measures the choice.
const rowsPerStatement = 100

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

// deleteWhereIn deletes the rows of table whose col is one of keys, in
// statements of at most rowsPerStatement keys: the dependent rows (former
// names, children) of the rows an upsert is about to write again.
func deleteWhereIn(ctx context.Context, tx *store.Tx, table, col string, keys []any) error {
	for len(keys) > 0 {
		n := min(len(keys), rowsPerStatement)
		q := "DELETE FROM " + table + " WHERE " + col + " IN (" + strings.TrimSuffix(strings.Repeat("?, ", n), ", ") + ")"
		if _, err := tx.Exec(ctx, q, keys[:n]...); err != nil {
			return err
		}
		keys = keys[n:]
	}
	return nil
}
