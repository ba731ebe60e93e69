package sqlstore

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"qyzmet/internal/calendar"
)

// dateArg is a date as a query parameter: 'YYYY-MM-DD' (a TEXT column on
// SQLite, a date on PostgreSQL), NULL for the zero date.
func dateArg(d calendar.Date) any {
	if d.IsZero() {
		return nil
	}
	// calendar.Date.String without fmt: an import formats millions of dates.
	b := make([]byte, 0, 10)
	b = appendDigits(b, d.Year, 4)
	b = append(b, '-')
	b = appendDigits(b, int(d.Month), 2)
	b = append(b, '-')
	b = appendDigits(b, d.Day, 2)
	return string(b)
}

// appendDigits appends n (0 ≤ n < 10^width) in width digits with leading zeros.
func appendDigits(b []byte, n, width int) []byte {
	for i := width - 1; i >= 0; i-- {
		p := 1
		for range i {
			p *= 10
		}
		b = append(b, byte('0'+n/p%10))
	}
	return b
}

// nullString is s as a parameter, NULL when empty.
func nullString(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// nullInt is n as a parameter, NULL when zero.
func nullInt(n int) any {
	if n == 0 {
		return nil
	}
	return n
}

// dateCol scans a date column of either dialect: SQLite gives the text,
// PostgreSQL a time.Time at midnight UTC; NULL is the zero date.
type dateCol struct{ d *calendar.Date }

func (c dateCol) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*c.d = calendar.Date{}
	case time.Time:
		y, m, d := v.Date()
		*c.d = calendar.D(y, m, d)
	case string:
		return c.parse(v)
	case []byte:
		return c.parse(string(v))
	default:
		return fmt.Errorf("sqlstore: a date column holds %T", src)
	}
	return nil
}

func (c dateCol) parse(s string) error {
	if len(s) > 10 {
		s = s[:10] // a driver that wrote a timestamp
	}
	d, err := calendar.ParseDate(s)
	if err != nil {
		return fmt.Errorf("sqlstore: %w", err)
	}
	*c.d = d
	return nil
}

// stringCol scans a nullable text column; NULL is "".
type stringCol struct{ s *string }

func (c stringCol) Scan(src any) error {
	var ns sql.NullString
	if err := ns.Scan(src); err != nil {
		return err
	}
	*c.s = ns.String
	return nil
}

// intCol scans a nullable integer column; NULL is 0.
type intCol struct{ n *int }

func (c intCol) Scan(src any) error {
	var ni sql.NullInt64
	if err := ni.Scan(src); err != nil {
		return err
	}
	*c.n = int(ni.Int64)
	return nil
}

// jsonList is a list column's value: a JSON array, "[]" for none.
func jsonList[T any](items []T) (string, error) {
	if len(items) == 0 {
		return "[]", nil
	}
	b, err := json.Marshal(items)
	return string(b), err
}

// jsonCol scans a JSON array column (TEXT on SQLite, jsonb on PostgreSQL); an
// empty array is a nil slice.
type jsonCol[T any] struct{ list *[]T }

func (c jsonCol[T]) Scan(src any) error {
	var b []byte
	switch v := src.(type) {
	case string:
		b = []byte(v)
	case []byte:
		b = v
	case nil:
		*c.list = nil
		return nil
	default:
		return fmt.Errorf("sqlstore: a JSON column holds %T", src)
	}
	*c.list = nil
	if string(b) == "[]" {
		return nil
	}
	if err := json.Unmarshal(b, c.list); err != nil {
		return fmt.Errorf("sqlstore: a JSON column: %w", err)
	}
	return nil
}
