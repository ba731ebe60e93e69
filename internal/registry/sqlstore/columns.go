package sqlstore

import (
	"database/sql"
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
	return d.String()
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
