package registry

import (
	"context"

	"qyzmet/internal/calendar"
)

// Card is one card of the index of persons sent to special settlement
// 1939–1955 (AR-6.3).
type Card struct {
	ID string `json:"id"`
	Name
	Sex          Sex           `json:"sex,omitempty"`
	BirthYear    int           `json:"birth_year,omitempty"` // 0 when the card has none
	BirthPlace   string        `json:"birth_place,omitempty"`
	Nationality  string        `json:"nationality,omitempty"` // as the card writes it
	FromRegion   string        `json:"from_region,omitempty"` // where the person was sent from
	ToRegion     string        `json:"to_region,omitempty"`   // where to
	ResettledOn  calendar.Date `json:"resettled_on,omitzero"`
	ReleasedOn   calendar.Date `json:"released_on,omitzero"` // removed from the register
	ReleaseBasis string        `json:"release_basis,omitempty"`
	FatherID     string        `json:"father_id,omitempty"` // the parents' own cards
	MotherID     string        `json:"mother_id,omitempty"`
	// Children are the children written on the card. A child under 16 on
	// 1 January 1940 has no card of their own (AR-STD-9) and is found only here
	// (AR-6.1).
	Children []CardChild `json:"children,omitempty"`
}

// CardChild is a child written on a parent's card.
type CardChild struct {
	CardID string `json:"card_id,omitempty"` // the child's own card, if any
	Name
	BirthYear int `json:"birth_year,omitempty"`
}

// CardIndex is the card index of persons sent to special settlement.
type CardIndex interface {
	// Card returns the card with id.
	// Errors: apperr.NotFound.
	Card(ctx context.Context, id string) (Card, error)
}
