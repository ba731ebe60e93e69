package csvimport

import (
	"strings"

	"qyzmet/internal/calendar"
	"qyzmet/internal/registry"
	"qyzmet/internal/registry/sqlstore"
)

// The formats of the five registries. Every column is described in
// docs/registries.md; a format's first required column is its natural key.

var personsFormat = &format[registry.Person]{
	kind:     Persons,
	required: []string{"iin", "surname", "given_name", "patronymic", "sex", "birth_date"},
	optional: []string{"birth_place", "nationality", "former_names", "father_iin", "mother_iin"},
	parse: func(r *row) (registry.Person, string, error) {
		p := registry.Person{
			IIN:         r.get("iin"),
			Name:        registry.Name{Surname: r.get("surname"), GivenName: r.get("given_name"), Patronymic: r.get("patronymic")},
			Sex:         registry.Sex(strings.ToUpper(r.get("sex"))),
			BirthPlace:  r.get("birth_place"),
			Nationality: r.get("nationality"),
			FatherIIN:   r.get("father_iin"),
			MotherIIN:   r.get("mother_iin"),
		}
		var err error
		if p.BirthDate, err = r.date("birth_date"); err != nil {
			return p, "", err
		}
		entries, err := splitList("former_names", r.get("former_names"), 5, "surname/given_name/patronymic/changed_on/reason")
		if err != nil {
			return p, "", err
		}
		for _, e := range entries {
			on, err := parseDate("former_names", e[3])
			if err != nil {
				return p, "", err
			}
			p.FormerNames = append(p.FormerNames, registry.NameChange{
				Name: registry.Name{Surname: e[0], GivenName: e[1], Patronymic: e[2]}, ChangedOn: on, Reason: e[4]})
		}
		return p, p.IIN, p.Validate()
	},
	encode: sqlstore.PersonRows,
}

var convictionsFormat = &format[registry.Conviction]{
	kind: Convictions,
	required: []string{"record_id", "iin", "surname", "given_name", "patronymic", "birth_date",
		"article", "court", "convicted_on", "sentence", "expunged_on"},
	optional: []string{"removed_on"},
	parse: func(r *row) (registry.Conviction, string, error) {
		c := registry.Conviction{
			ID:       r.get("record_id"),
			IIN:      r.get("iin"),
			Name:     registry.Name{Surname: r.get("surname"), GivenName: r.get("given_name"), Patronymic: r.get("patronymic")},
			Article:  r.get("article"),
			Court:    r.get("court"),
			Sentence: r.get("sentence"),
		}
		for _, d := range []struct {
			col string
			to  *calendar.Date
		}{{"birth_date", &c.BirthDate}, {"convicted_on", &c.ConvictedOn}, {"expunged_on", &c.ExpungedOn}, {"removed_on", &c.RemovedOn}} {
			var err error
			if *d.to, err = r.date(d.col); err != nil {
				return c, "", err
			}
		}
		return c, c.ID, c.Validate()
	},
	encode: sqlstore.ConvictionRows,
}

var signatoriesFormat = &format[registry.Signatory]{
	kind: Signatories,
	required: []string{"id", "surname", "given_name", "patronymic", "position", "body", "body_kind",
		"seal_id", "valid_from"},
	optional: []string{"valid_to"},
	parse: func(r *row) (registry.Signatory, string, error) {
		s := registry.Signatory{
			ID:       r.get("id"),
			Name:     registry.Name{Surname: r.get("surname"), GivenName: r.get("given_name"), Patronymic: r.get("patronymic")},
			Position: r.get("position"),
			Body:     r.get("body"),
			BodyKind: registry.BodyKind(strings.ToLower(r.get("body_kind"))),
			SealID:   r.get("seal_id"),
		}
		var err error
		if s.ValidFrom, err = r.date("valid_from"); err != nil {
			return s, "", err
		}
		if s.ValidTo, err = r.date("valid_to"); err != nil {
			return s, "", err
		}
		return s, s.ID, s.Validate()
	},
	encode: sqlstore.SignatoryRows,
}

var paymentsFormat = &format[registry.Payment]{
	kind:     Payments,
	required: []string{"reference", "payer_iin", "payer_name", "amount", "budget_code", "paid_on"},
	parse: func(r *row) (registry.Payment, string, error) {
		p := registry.Payment{
			Reference:  r.get("reference"),
			PayerIIN:   r.get("payer_iin"),
			PayerName:  r.get("payer_name"),
			BudgetCode: r.get("budget_code"),
			Source:     registry.FromGateway, // the file is the gateway's report
		}
		var err error
		if p.AmountTiyn, err = parseTiyn("amount", r.get("amount")); err != nil {
			return p, "", err
		}
		if p.PaidOn, err = r.date("paid_on"); err != nil {
			return p, "", err
		}
		return p, p.Reference, p.Validate()
	},
	encode: sqlstore.PaymentRows,
}

var cardIndexFormat = &format[registry.Card]{
	kind:     CardIndex,
	required: []string{"id", "surname", "given_name", "patronymic", "birth_year", "birth_place", "nationality"},
	optional: []string{"sex", "from_region", "to_region", "resettled_on", "released_on", "release_basis",
		"father_id", "mother_id", "children"},
	parse: func(r *row) (registry.Card, string, error) {
		c := registry.Card{
			ID:           r.get("id"),
			Name:         registry.Name{Surname: r.get("surname"), GivenName: r.get("given_name"), Patronymic: r.get("patronymic")},
			Sex:          registry.Sex(strings.ToUpper(r.get("sex"))),
			BirthPlace:   r.get("birth_place"),
			Nationality:  r.get("nationality"),
			FromRegion:   r.get("from_region"),
			ToRegion:     r.get("to_region"),
			ReleaseBasis: r.get("release_basis"),
			FatherID:     r.get("father_id"),
			MotherID:     r.get("mother_id"),
		}
		var err error
		if c.BirthYear, err = r.year("birth_year"); err != nil {
			return c, "", err
		}
		if c.ResettledOn, err = r.date("resettled_on"); err != nil {
			return c, "", err
		}
		if c.ReleasedOn, err = r.date("released_on"); err != nil {
			return c, "", err
		}
		entries, err := splitList("children", r.get("children"), 5, "id/surname/given_name/patronymic/birth_year")
		if err != nil {
			return c, "", err
		}
		for _, e := range entries {
			y, err := parseYear("children", e[4])
			if err != nil {
				return c, "", err
			}
			c.Children = append(c.Children, registry.CardChild{CardID: e[0],
				Name: registry.Name{Surname: e[1], GivenName: e[2], Patronymic: e[3]}, BirthYear: y})
		}
		return c, c.ID, c.Validate()
	},
	encode: sqlstore.CardRows,
}
