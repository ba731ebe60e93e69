package auth

import (
	"context"
	"regexp"

	"qyzmet/internal/apperr"
	"qyzmet/internal/registry"
	"qyzmet/internal/store"
)

// Person is what sign-in needs to know about a citizen.
type Person struct {
	IIN   string
	Name  string // as the registry of individuals writes it; empty when unknown
	Phone string // the mobile number registered on the portal account
}

// PersonDirectory tells where a citizen's one-time passwords go.
type PersonDirectory interface {
	// Person returns the citizen with iin.
	// Errors: apperr.NotFound when no mobile number is registered for iin.
	Person(ctx context.Context, iin string) (Person, error)
}

// DBDirectory reads the mobile numbers registered on portal accounts
// (auth_portal_phones) and the names from the registry of individuals, which
// itself keeps no phone numbers.
type DBDirectory struct {
	DB      *store.DB
	Persons registry.Persons // nil: names stay empty
}

// Person implements PersonDirectory.
func (d *DBDirectory) Person(ctx context.Context, iin string) (Person, error) {
	p := Person{IIN: iin}
	err := d.DB.ReadTx(ctx, func(tx *store.Tx) error {
		return tx.QueryRow(ctx, `SELECT phone FROM auth_portal_phones WHERE iin = ?`, iin).Scan(&p.Phone)
	})
	if err != nil {
		if apperr.CodeOf(err) == apperr.NotFound {
			return p, apperr.E(apperr.NotFound, "no mobile number registered").WithKey(KeyNoPhone)
		}
		return p, err
	}
	if d.Persons != nil {
		rp, err := d.Persons.ByIIN(ctx, iin)
		switch {
		case err == nil:
			p.Name = rp.Name.String()
		case apperr.CodeOf(err) != apperr.NotFound:
			return p, err
		}
	}
	return p, nil
}

var phonePattern = regexp.MustCompile(`^\+7[0-9]{10}$`)

// RegisterPhone records phone (+7XXXXXXXXXX) as the mobile number of iin's
// portal account, replacing any earlier one.
// Errors: apperr.Invalid for a malformed number.
func (d *DBDirectory) RegisterPhone(ctx context.Context, iin, phone string) error {
	if !phonePattern.MatchString(phone) {
		return apperr.E(apperr.Invalid, "a mobile number is written +7XXXXXXXXXX").WithKey(KeyPhoneFormat)
	}
	return d.DB.Tx(ctx, func(tx *store.Tx) error {
		_, err := tx.Exec(ctx, `INSERT INTO auth_portal_phones (iin, phone, updated_at) VALUES (?, ?, ?)
			ON CONFLICT (iin) DO UPDATE SET phone = excluded.phone, updated_at = excluded.updated_at`, iin, phone, tx.Now())
		return err
	})
}

// maskPhone shows a number the way a page may: +7 *** *** 12 34.
func maskPhone(phone string) string {
	if len(phone) < 4 {
		return phone
	}
	return "+7 *** *** " + phone[len(phone)-4:len(phone)-2] + " " + phone[len(phone)-2:]
}
