package sqlstore

import (
	"context"

	"qyzmet/internal/apperr"
	"qyzmet/internal/registry"
	"qyzmet/internal/store"
)

// Signatories is the card index of specimens in the database; it implements
// registry.Signatories.
type Signatories struct{ db *store.DB }

var _ registry.Signatories = (*Signatories)(nil)

const signatoryColumns = `id, surname, given_name, patronymic, surname_key, position, body, body_kind, seal_id, valid_from, valid_to`

var signatoriesTable = &bulkTable{name: "signatory_specimens", key: []string{"id"}, cols: splitColumns(signatoryColumns)}

// SignatoryRows encodes ss (valid, with distinct IDs) for an upsert.
func SignatoryRows(ss []registry.Signatory) (Rows, error) {
	args := make([]any, 0, len(ss)*len(signatoriesTable.cols))
	for _, s := range ss {
		args = append(args, s.ID, s.Surname, s.GivenName, s.Patronymic, registry.Fold(s.Surname), s.Position, s.Body,
			string(s.BodyKind), registry.SealKey(s.SealID), dateArg(s.ValidFrom), dateArg(s.ValidTo))
	}
	return Rows{signatoriesTable, args}, nil
}

// UpsertSignatories writes ss (valid, with distinct IDs) in tx.
func UpsertSignatories(ctx context.Context, tx *store.Tx, ss []registry.Signatory) error {
	rows, err := SignatoryRows(ss)
	if err != nil {
		return err
	}
	return rows.Write(ctx, tx)
}

// Specimens returns the specimens with the seal or the signer's surname of q.
func (s *Signatories) Specimens(ctx context.Context, q registry.SpecimenQuery) ([]registry.Signatory, error) {
	key, seal := registry.Fold(q.Surname), registry.SealKey(q.SealID)
	if seal == "" && key == "" {
		return nil, apperr.E(apperr.Invalid, "a specimen is looked up by the seal or the signer's surname")
	}
	var out []registry.Signatory
	err := s.db.ReadTx(ctx, func(tx *store.Tx) error {
		rows, err := tx.Query(ctx, `SELECT `+signatoryColumns+` FROM signatory_specimens
			WHERE seal_id = ? OR surname_key = ? ORDER BY id`, seal, key)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var sg registry.Signatory
			var surnameKey, kind string
			if err := rows.Scan(&sg.ID, &sg.Surname, &sg.GivenName, &sg.Patronymic, &surnameKey, &sg.Position, &sg.Body,
				&kind, &sg.SealID, dateCol{&sg.ValidFrom}, dateCol{&sg.ValidTo}); err != nil {
				return err
			}
			sg.BodyKind = registry.BodyKind(kind)
			out = append(out, sg)
		}
		return rows.Err()
	})
	return out, err
}
