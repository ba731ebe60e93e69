package registry

import (
	"context"
	"slices"

	"qyzmet/internal/calendar"
)

// Person is a person of the registry of individuals: the identity the services
// check an applicant and a subject against.
type Person struct {
	IIN string `json:"iin"`
	Name
	Sex         Sex           `json:"sex"`
	BirthDate   calendar.Date `json:"birth_date"`
	BirthPlace  string        `json:"birth_place,omitempty"`
	Nationality string        `json:"nationality,omitempty"`
	// FormerNames are the names the person had before, oldest first: a record
	// made under an old name must still find its holder (CR-STD-8.2).
	FormerNames []NameChange `json:"former_names,omitempty"`
	// FatherIIN and MotherIIN link the person to the parents' records when the
	// registry knows them; the children are the persons that link back.
	FatherIIN string `json:"father_iin,omitempty"`
	MotherIIN string `json:"mother_iin,omitempty"`
}

// NameChange is a name the person used until ChangedOn.
type NameChange struct {
	Name
	ChangedOn calendar.Date `json:"changed_on"`
	Reason    string        `json:"reason,omitempty"` // as the civil registry writes it
}

// Names is the current name followed by the former names, newest first.
func (p Person) Names() []Name {
	names := make([]Name, 0, 1+len(p.FormerNames))
	names = append(names, p.Name)
	for _, c := range slices.Backward(p.FormerNames) {
		names = append(names, c.Name)
	}
	return names
}

// AgeOn is the person's age in full years on d.
func (p Person) AgeOn(d calendar.Date) int {
	age := d.Year - p.BirthDate.Year
	if d.Month < p.BirthDate.Month || (d.Month == p.BirthDate.Month && d.Day < p.BirthDate.Day) {
		age--
	}
	return age
}

// NameQuery looks for persons by name and date of birth, the way an old record
// without an IIN identifies a person. Empty name parts match anything.
type NameQuery struct {
	Name
	BirthDate calendar.Date
}

// Persons is the registry of individuals. The SQL registry implements it; a
// real adapter to the national registry would implement the same methods.
type Persons interface {
	// ByIIN returns the person with iin.
	// Errors: apperr.NotFound when the registry has no such person;
	// apperr.Invalid when iin is not a valid IIN.
	ByIIN(ctx context.Context, iin string) (Person, error)

	// Search returns the persons born on q.BirthDate whose current name or a
	// former name matches q (Fold-equal in every non-empty part of q), in IIN
	// order; none is not an error.
	// Errors: apperr.Invalid when q has no birth date or no name at all.
	Search(ctx context.Context, q NameQuery) ([]Person, error)

	// Children returns the persons whose father or mother is iin, in IIN order.
	// Errors: apperr.Invalid when iin is not a valid IIN.
	Children(ctx context.Context, iin string) ([]Person, error)
}
