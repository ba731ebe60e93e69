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
	from_region, to_region, resettled_on, released_on, release_basis, father_id, mother_id`

var cardsTable = &bulkTable{name: "settlement_cards", key: []string{"id"}, cols: splitColumns(cardColumns)}

var cardChildrenTable = &bulkTable{name: "settlement_card_children",
	cols: []string{"card_id", "seq", "child_id", "surname", "given_name", "patronymic", "birth_year"}}

// UpsertCards writes cs (valid, with distinct IDs) in tx, each with the
// children written on it.
func UpsertCards(ctx context.Context, tx *store.Tx, cs []registry.Card) error {
	args := make([]any, 0, len(cs)*len(cardsTable.cols))
	keys := make([]any, 0, len(cs))
	var kids []any
	for _, c := range cs {
		args = append(args, c.ID, c.Surname, c.GivenName, c.Patronymic, string(c.Sex), nullInt(c.BirthYear), c.BirthPlace,
			c.Nationality, c.FromRegion, c.ToRegion, dateArg(c.ResettledOn), dateArg(c.ReleasedOn), c.ReleaseBasis,
			c.FatherID, c.MotherID)
		keys = append(keys, c.ID)
		for i, k := range c.Children {
			kids = append(kids, c.ID, i+1, k.CardID, k.Surname, k.GivenName, k.Patronymic, nullInt(k.BirthYear))
		}
	}
	if err := cardsTable.write(ctx, tx, args); err != nil {
		return err
	}
	if err := deleteWhereIn(ctx, tx, "settlement_card_children", "card_id", keys); err != nil {
		return err
	}
	return cardChildrenTable.write(ctx, tx, kids)
}

// cardsWithChildren selects cards and their children, one row per child (or
// one row for a card without children), in card order: one cursor, which
// PostgreSQL needs (a connection streams one result at a time).
const cardsWithChildren = `SELECT c.id, c.surname, c.given_name, c.patronymic, c.sex, c.birth_year, c.birth_place,
	c.nationality, c.from_region, c.to_region, c.resettled_on, c.released_on, c.release_basis, c.father_id, c.mother_id,
	k.seq, k.child_id, k.surname, k.given_name, k.patronymic, k.birth_year
	FROM settlement_cards c LEFT JOIN settlement_card_children k ON k.card_id = c.id`

// scanCards reads rows of cardsWithChildren ordered by card and seq and calls
// yield with each card; it stops when yield returns false.
func scanCards(rows *sql.Rows, yield func(registry.Card) bool) error {
	var cur registry.Card
	have := false
	for rows.Next() {
		var c registry.Card
		var sex string
		var seq sql.NullInt64
		var k registry.CardChild
		var kidID, kidSurname, kidGiven, kidPatronymic sql.NullString
		if err := rows.Scan(&c.ID, &c.Surname, &c.GivenName, &c.Patronymic, &sex, intCol{&c.BirthYear}, &c.BirthPlace,
			&c.Nationality, &c.FromRegion, &c.ToRegion, dateCol{&c.ResettledOn}, dateCol{&c.ReleasedOn}, &c.ReleaseBasis,
			&c.FatherID, &c.MotherID, &seq, &kidID, &kidSurname, &kidGiven, &kidPatronymic, intCol{&k.BirthYear}); err != nil {
			return err
		}
		c.Sex = registry.Sex(sex)
		if !have || c.ID != cur.ID {
			if have && !yield(cur) {
				return nil
			}
			cur, have = c, true
		}
		if seq.Valid {
			k.CardID, k.Surname, k.GivenName, k.Patronymic = kidID.String, kidSurname.String, kidGiven.String, kidPatronymic.String
			cur.Children = append(cur.Children, k)
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if have {
		yield(cur)
	}
	return nil
}

// Card returns the card with id and the children written on it.
func (s *Cards) Card(ctx context.Context, id string) (registry.Card, error) {
	var card registry.Card
	found := false
	err := s.db.ReadTx(ctx, func(tx *store.Tx) error {
		rows, err := tx.Query(ctx, cardsWithChildren+` WHERE c.id = ? ORDER BY k.seq`, id)
		if err != nil {
			return err
		}
		defer rows.Close()
		return scanCards(rows, func(c registry.Card) bool {
			card, found = c, true
			return false
		})
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
		rows, err := tx.Query(ctx, cardsWithChildren+` ORDER BY c.id, k.seq`)
		if err != nil {
			return err
		}
		defer rows.Close()
		return scanCards(rows, yield)
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
