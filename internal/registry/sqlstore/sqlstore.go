// Package sqlstore is the SQL implementation of the registries of package
// registry on the store (SQLite or PostgreSQL, migration 0003_registries.sql):
// the lookups the decisions make, the bulk upserts the importers make, and the
// archive search index built from the card index table.
package sqlstore

import (
	"context"
	"fmt"

	"qyzmet/internal/store"
)

// Registries are the registries of one database.
type Registries struct {
	Persons     *Persons
	Records     *CriminalRecords
	Signatories *Signatories
	Payments    *Payments
	Cards       *Cards
	Audit       *AuditLog
}

// New returns the registries stored in db.
func New(db *store.DB) Registries {
	return Registries{
		Persons:     &Persons{db: db},
		Records:     &CriminalRecords{db: db},
		Signatories: &Signatories{db: db},
		Payments:    &Payments{db: db},
		Cards:       &Cards{db: db},
		Audit:       &AuditLog{db: db},
	}
}

// Tables are the tables of the registries, in the order the CLI reports them.
var Tables = []string{
	"persons", "convictions", "signatory_specimens", "payments", "settlement_cards", "criminal_record_reads",
}

// Count is the number of rows in table, one of Tables.
func Count(ctx context.Context, db *store.DB, table string) (int64, error) {
	known := false
	for _, t := range Tables {
		known = known || t == table
	}
	if !known {
		return 0, fmt.Errorf("sqlstore: no registry table %q", table)
	}
	var n int64
	err := db.ReadTx(ctx, func(tx *store.Tx) error {
		return tx.QueryRow(ctx, `SELECT count(*) FROM `+table).Scan(&n)
	})
	return n, err
}
