package sqlstore

import (
	"context"
	"database/sql"

	"qyzmet/internal/apperr"
	"qyzmet/internal/iin"
	"qyzmet/internal/registry"
	"qyzmet/internal/store"
)

// Persons is the registry of individuals in the database; it implements
// registry.Persons.
type Persons struct{ db *store.DB }

var _ registry.Persons = (*Persons)(nil)

const personColumns = `iin, surname, given_name, patronymic, sex, birth_date, birth_place, nationality, father_iin, mother_iin, former_names`

var personsTable = &bulkTable{name: "persons", key: []string{"iin"}, cols: splitColumns(personColumns)}

// PersonRows encodes ps (valid, with distinct IINs) for an upsert: new
// persons are added, known ones replaced, former names included.
func PersonRows(ps []registry.Person) (Rows, error) {
	args := make([]any, 0, len(ps)*len(personsTable.cols))
	for _, p := range ps {
		former, err := jsonList(p.FormerNames)
		if err != nil {
			return Rows{}, err
		}
		args = append(args, p.IIN, p.Surname, p.GivenName, p.Patronymic, string(p.Sex), dateArg(p.BirthDate),
			p.BirthPlace, p.Nationality, nullString(p.FatherIIN), nullString(p.MotherIIN), former)
	}
	return Rows{personsTable, args}, nil
}

// UpsertPersons writes ps (valid, with distinct IINs) in tx.
func UpsertPersons(ctx context.Context, tx *store.Tx, ps []registry.Person) error {
	rows, err := PersonRows(ps)
	if err != nil {
		return err
	}
	return rows.Write(ctx, tx)
}

func scanPerson(rows *sql.Rows) (registry.Person, error) {
	var p registry.Person
	var sex string
	err := rows.Scan(&p.IIN, &p.Surname, &p.GivenName, &p.Patronymic, &sex, dateCol{&p.BirthDate},
		&p.BirthPlace, &p.Nationality, stringCol{&p.FatherIIN}, stringCol{&p.MotherIIN}, jsonCol[registry.NameChange]{&p.FormerNames})
	p.Sex = registry.Sex(sex)
	return p, err
}

// queryPersons reads the persons a query selects (personColumns in order).
func queryPersons(ctx context.Context, tx *store.Tx, query string, args ...any) ([]registry.Person, error) {
	rows, err := tx.Query(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ps []registry.Person
	for rows.Next() {
		p, err := scanPerson(rows)
		if err != nil {
			return nil, err
		}
		ps = append(ps, p)
	}
	return ps, rows.Err()
}

func validIIN(number string) error {
	if _, err := iin.ParseIIN(number); err != nil {
		return apperr.Wrap(apperr.Invalid, err, "not a valid IIN")
	}
	return nil
}

// ByIIN returns the person with iin, with the former names.
func (s *Persons) ByIIN(ctx context.Context, number string) (registry.Person, error) {
	if err := validIIN(number); err != nil {
		return registry.Person{}, err
	}
	var ps []registry.Person
	err := s.db.ReadTx(ctx, func(tx *store.Tx) error {
		var err error
		ps, err = queryPersons(ctx, tx, `SELECT `+personColumns+` FROM persons WHERE iin = ?`, number)
		return err
	})
	if err != nil {
		return registry.Person{}, err
	}
	if len(ps) == 0 {
		return registry.Person{}, apperr.E(apperr.NotFound, "the person registry has no such IIN").WithKey("registry.person_not_found")
	}
	return ps[0], nil
}

// Search returns the persons born on q.BirthDate whose current or former name
// matches q. The date of birth selects the rows (an index); the names are
// compared in Go, Fold-equal, so that Құрманов finds Курманов.
func (s *Persons) Search(ctx context.Context, q registry.NameQuery) ([]registry.Person, error) {
	if q.BirthDate.IsZero() || q.Name == (registry.Name{}) {
		return nil, apperr.E(apperr.Invalid, "a person search needs a date of birth and a name")
	}
	var ps []registry.Person
	err := s.db.ReadTx(ctx, func(tx *store.Tx) error {
		var err error
		ps, err = queryPersons(ctx, tx, `SELECT `+personColumns+` FROM persons WHERE birth_date = ? ORDER BY iin`, dateArg(q.BirthDate))
		return err
	})
	if err != nil {
		return nil, err
	}
	out := ps[:0]
	for _, p := range ps {
		for _, n := range p.Names() {
			if q.Name.Matches(n) {
				out = append(out, p)
				break
			}
		}
	}
	return out, nil
}

// Children returns the persons whose father or mother is iin.
func (s *Persons) Children(ctx context.Context, number string) ([]registry.Person, error) {
	if err := validIIN(number); err != nil {
		return nil, err
	}
	var ps []registry.Person
	err := s.db.ReadTx(ctx, func(tx *store.Tx) error {
		var err error
		ps, err = queryPersons(ctx, tx, `SELECT `+personColumns+` FROM persons WHERE father_iin = ? OR mother_iin = ? ORDER BY iin`, number, number)
		return err
	})
	return ps, err
}
