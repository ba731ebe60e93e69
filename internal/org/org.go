// Package org holds the places where services are given: the State
// Corporation's branches (departments) with their class, which sets the
// deadlines where a standard distinguishes them (AR-STD-3), and the number of
// windows of their electronic queue. Administrators edit them; the portal
// offers them for pick-up and queue slots; the front desk works in one.
package org

import (
	"context"
	"database/sql"
	"time"

	"qyzmet/internal/apperr"
	"qyzmet/internal/i18n"
	"qyzmet/internal/standard"
	"qyzmet/internal/store"
)

// Branch kinds.
const (
	KindStateCorp = "state-corp"
	KindProvider  = "provider"
)

// Branch is a State Corporation department or a provider's office.
type Branch struct {
	ID         string
	Kind       string
	Name       i18n.Text
	Region     string
	Address    string
	Department string // the department's number, printed on receipts
	Class      standard.DepartmentClass
	Windows    int // service windows of the electronic queue
	ClosedAt   *time.Time
}

// Open reports whether the branch still receives applicants.
func (b Branch) Open() bool { return b.ClosedAt == nil }

// Validate checks an administrator's entry.
func (b Branch) Validate() error {
	switch {
	case b.ID == "" || len(b.ID) > 40:
		return apperr.E(apperr.Invalid, "a branch needs a short code of at most 40 characters").WithKey("org.id")
	case b.Kind != KindStateCorp && b.Kind != KindProvider:
		return apperr.E(apperr.Invalid, "a branch is a state-corp department or a provider office").WithKey("org.kind")
	case !b.Name.Complete():
		return apperr.E(apperr.Invalid, "a branch needs its name in Kazakh, Russian and English").WithKey("org.name")
	case b.Class != standard.Major && b.Class != standard.Other:
		return apperr.E(apperr.Invalid, "a department's class is major or other").WithKey("org.class")
	case b.Windows < 1 || b.Windows > 100:
		return apperr.E(apperr.Invalid, "a department has 1 to 100 windows").WithKey("org.windows")
	}
	return nil
}

// Directory reads and writes branches.
type Directory struct{ DB *store.DB }

const columns = `id, kind, name_kk, name_ru, name_en, region, address, department, class, windows, closed_at`

func scan(row interface{ Scan(...any) error }) (Branch, error) {
	var b Branch
	var class string
	var closed sql.NullTime
	err := row.Scan(&b.ID, &b.Kind, &b.Name.KK, &b.Name.RU, &b.Name.EN, &b.Region, &b.Address, &b.Department, &class, &b.Windows, &closed)
	b.Class = standard.DepartmentClass(class)
	if closed.Valid {
		b.ClosedAt = &closed.Time
	}
	return b, err
}

// List is every branch of kind ("" for all), open ones first, by region and name.
func (d *Directory) List(ctx context.Context, kind string) ([]Branch, error) {
	var out []Branch
	err := d.DB.ReadTx(ctx, func(tx *store.Tx) error {
		rows, err := tx.Query(ctx, `SELECT `+columns+` FROM org_branches WHERE (? = '' OR kind = ?)
			ORDER BY closed_at IS NOT NULL, region, name_ru`, kind, kind)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			b, err := scan(rows)
			if err != nil {
				return err
			}
			out = append(out, b)
		}
		return rows.Err()
	})
	return out, err
}

// Branch is the branch id. Errors: apperr.NotFound.
func (d *Directory) Branch(ctx context.Context, id string) (Branch, error) {
	var b Branch
	err := d.DB.ReadTx(ctx, func(tx *store.Tx) error {
		var err error
		b, err = scan(tx.QueryRow(ctx, `SELECT `+columns+` FROM org_branches WHERE id = ?`, id))
		return err
	})
	if apperr.CodeOf(err) == apperr.NotFound {
		return Branch{}, apperr.E(apperr.NotFound, "no branch "+id).WithKey("org.not_found")
	}
	return b, err
}

// Save adds or changes a branch.
func (d *Directory) Save(ctx context.Context, b Branch) error {
	if err := b.Validate(); err != nil {
		return err
	}
	return d.DB.Tx(ctx, func(tx *store.Tx) error {
		_, err := tx.Exec(ctx, `INSERT INTO org_branches (`+columns+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, name_kk = excluded.name_kk, name_ru = excluded.name_ru,
			name_en = excluded.name_en, region = excluded.region, address = excluded.address, department = excluded.department,
			class = excluded.class, windows = excluded.windows, closed_at = excluded.closed_at`,
			b.ID, b.Kind, b.Name.KK, b.Name.RU, b.Name.EN, b.Region, b.Address, b.Department, string(b.Class), b.Windows, b.ClosedAt)
		return err
	})
}
