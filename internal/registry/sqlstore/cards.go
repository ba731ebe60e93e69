package sqlstore

import (
	"context"
	"database/sql"

	"qyzmet/internal/apperr"
	"qyzmet/internal/archivesearch"
	"qyzmet/internal/registry"
	"qyzmet/internal/store"
)

// Cards is the special-settlement card index in the database; it implements
// registry.CardIndex.
type Cards struct{ db *store.DB }

var _ registry.CardIndex = (*Cards)(nil)

const cardColumns = `id, surname, given_name, patronymic, sex, birth_year, birth_place, nationality,
	from_region, to_region, resettled_on, released_on, release_basis, father_id, mother_id, children`

var cardsTable = &bulkTable{name: "settlement_cards", key: []string{"id"}, cols: splitColumns(cardColumns)}

// CardRows encodes cs (valid, with distinct IDs) for an upsert, each with the
// children written on it.
func CardRows(cs []registry.Card) (Rows, error) {
	args := make([]any, 0, len(cs)*len(cardsTable.cols))
	for _, c := range cs {
		kids, err := jsonList(c.Children)
		if err != nil {
			return Rows{}, err
		}
		args = append(args, c.ID, c.Surname, c.GivenName, c.Patronymic, string(c.Sex), nullInt(c.BirthYear), c.BirthPlace,
			c.Nationality, c.FromRegion, c.ToRegion, dateArg(c.ResettledOn), dateArg(c.ReleasedOn), c.ReleaseBasis,
			c.FatherID, c.MotherID, kids)
	}
	return Rows{cardsTable, args}, nil
}

// UpsertCards writes cs (valid, with distinct IDs) in tx.
func UpsertCards(ctx context.Context, tx *store.Tx, cs []registry.Card) error {
	rows, err := CardRows(cs)
	if err != nil {
		return err
	}
	return rows.Write(ctx, tx)
}

func scanCard(rows *sql.Rows) (registry.Card, error) {
	var c registry.Card
	var sex string
	err := rows.Scan(&c.ID, &c.Surname, &c.GivenName, &c.Patronymic, &sex, intCol{&c.BirthYear}, &c.BirthPlace,
		&c.Nationality, &c.FromRegion, &c.ToRegion, dateCol{&c.ResettledOn}, dateCol{&c.ReleasedOn}, &c.ReleaseBasis,
		&c.FatherID, &c.MotherID, jsonCol[registry.CardChild]{&c.Children})
	c.Sex = registry.Sex(sex)
	return c, err
}

// Card returns the card with id and the children written on it.
func (s *Cards) Card(ctx context.Context, id string) (registry.Card, error) {
	var card registry.Card
	found := false
	err := s.db.ReadTx(ctx, func(tx *store.Tx) error {
		rows, err := tx.Query(ctx, `SELECT `+cardColumns+` FROM settlement_cards WHERE id = ?`, id)
		if err != nil {
			return err
		}
		defer rows.Close()
		if rows.Next() {
			card, err = scanCard(rows)
			found = err == nil
			return err
		}
		return rows.Err()
	})
	if err == nil && !found {
		err = apperr.E(apperr.NotFound, "the card index has no such card").WithKey("registry.card_not_found")
	}
	return card, err
}

// Each calls yield with every card, in ID order, within one read transaction,
// until yield returns false.
func (s *Cards) Each(ctx context.Context, yield func(registry.Card) bool) error {
	return s.db.ReadTx(ctx, func(tx *store.Tx) error {
		rows, err := tx.Query(ctx, `SELECT `+cardColumns+` FROM settlement_cards ORDER BY id`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			c, err := scanCard(rows)
			if err != nil {
				return err
			}
			if !yield(c) {
				return nil
			}
		}
		return rows.Err()
	})
}

// SearchIndex builds the archive search index (package archivesearch) from
// the card index table: the one index the CLI, the desk and the API search.
func (s *Cards) SearchIndex(ctx context.Context) (*archivesearch.Index, error) {
	var scanErr error
	records := func(yield func(archivesearch.Record) bool) {
		scanErr = s.Each(ctx, func(c registry.Card) bool { return yield(SearchRecord(c)) })
	}
	ix, err := archivesearch.Build(records)
	if scanErr != nil {
		return nil, scanErr
	}
	return ix, err
}

// SearchRecord is the card in the form the search index takes: the names, the
// year, and the children (the index finds a child under 16 on 1 January 1940
// only on a parent's card).
func SearchRecord(c registry.Card) archivesearch.Record {
	r := archivesearch.Record{ID: c.ID, Surname: c.Surname, GivenName: c.GivenName, Patronymic: c.Patronymic, BirthYear: c.BirthYear}
	for _, k := range c.Children {
		r.Family = append(r.Family, archivesearch.Relative{Relation: archivesearch.Child, ID: k.CardID,
			Surname: k.Surname, GivenName: k.GivenName, Patronymic: k.Patronymic, BirthYear: k.BirthYear})
	}
	return r
}
