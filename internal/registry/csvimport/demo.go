package csvimport

import (
	"context"
	"fmt"
	"io"

	"qyzmet/internal/store"
	"qyzmet/internal/synth"
)

// Counts says how many rows of each registry to generate.
type Counts struct {
	Persons, Convictions, Signatories, Payments, CardIndex int
}

// DemoCounts is the small set `serve --demo` loads: enough to find namesakes
// in the card index and people with and without records, loaded in about a
// second.
var DemoCounts = Counts{Persons: 2000, Convictions: 300, Signatories: 150, Payments: 400, CardIndex: 5000}

// Generator writes the synthetic CSV file of kind (package synth).
func Generator(kind Kind, seed uint64, c Counts) func(io.Writer) error {
	switch kind {
	case Persons:
		return func(w io.Writer) error { return synth.WriteRegistryPersonsCSV(w, seed, c.Persons) }
	case Convictions:
		return func(w io.Writer) error { return synth.WriteConvictionsCSV(w, seed, c.Persons, c.Convictions) }
	case Signatories:
		return func(w io.Writer) error { return synth.WriteSignatoriesCSV(w, seed, c.Signatories) }
	case Payments:
		return func(w io.Writer) error { return synth.WritePaymentsCSV(w, seed, c.Persons, c.Payments) }
	case CardIndex:
		return func(w io.Writer) error { return synth.WriteCardIndexCSV(w, seed, c.CardIndex) }
	}
	return nil
}

// Count is the number of rows c asks of kind.
func (c Counts) Count(kind Kind) int {
	return map[Kind]int{Persons: c.Persons, Convictions: c.Convictions, Signatories: c.Signatories,
		Payments: c.Payments, CardIndex: c.CardIndex}[kind]
}

// LoadDemo generates the registries of DemoCounts from seed and imports them
// into db through the same importer as `qyzmet import`. Loading the same seed
// again changes nothing. A generated row that the importer rejects is a bug,
// reported as an error.
func LoadDemo(ctx context.Context, db *store.DB, seed uint64) ([]Summary, error) {
	return Load(ctx, db, seed, DemoCounts)
}

// Load generates the registries of c from seed and imports them into db.
func Load(ctx context.Context, db *store.DB, seed uint64, c Counts) ([]Summary, error) {
	var out []Summary
	for _, kind := range Kinds {
		if c.Count(kind) == 0 {
			continue
		}
		pr, pw := io.Pipe()
		gen := Generator(kind, seed, c)
		go func() { pw.CloseWithError(gen(pw)) }()
		var firstBad *BadRow
		sum, err := Import(ctx, db, kind, pr, Options{OnBadRow: func(b BadRow) {
			if firstBad == nil {
				firstBad = &b
			}
		}})
		pr.CloseWithError(io.ErrClosedPipe) // stops the generator if the import ended early
		if err != nil {
			return out, err
		}
		if firstBad != nil {
			return out, fmt.Errorf("demo %s: %d generated rows rejected, the first on line %d (%s): %s",
				kind, sum.Bad, firstBad.Line, firstBad.Column, firstBad.Reason.EN)
		}
		out = append(out, sum)
	}
	return out, nil
}
