package synth

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// CardIndexColumns is the header of the card-index CSV. The first seven columns
// are the ones every card-index file has; the rest are optional for a reader.
//
// children holds the children written on the card, separated by ";", each as
// "id/surname/given_name/patronymic/birth_year" with an empty id for a child
// who has no card of their own (under 16 on 1 January 1940, Rule AR-STD-9).
var CardIndexColumns = []string{
	"id", "surname", "given_name", "patronymic", "birth_year", "birth_place", "nationality",
	"sex", "from_region", "to_region", "resettled_on", "released_on", "release_basis",
	"father_id", "mother_id", "children",
}

// WriteCardIndexCSV writes n card records made from seed as CSV with the header
// CardIndexColumns.
func WriteCardIndexCSV(w io.Writer, seed uint64, n int) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	cw := csv.NewWriter(bw)
	if err := cw.Write(CardIndexColumns); err != nil {
		return err
	}
	row := make([]string, len(CardIndexColumns))
	for c := range CardIndex(seed, n) {
		row = append(row[:0],
			c.ID, c.Surname, c.GivenName, c.Patronymic, strconv.Itoa(c.BirthYear), c.BirthPlace, c.NationalityText,
			c.Sex.String(), c.FromRegion, c.ToRegion, c.ResettledOn.String(), c.ReleasedOn.String(), c.ReleaseBasis,
			c.FatherID, c.MotherID, childrenField(c.Children))
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("writing the card index: %w", err)
	}
	return bw.Flush()
}

func childrenField(kids []Child) string {
	var b strings.Builder
	for i, k := range kids {
		if i > 0 {
			b.WriteByte(';')
		}
		fmt.Fprintf(&b, "%s/%s/%s/%s/%d", k.ID, k.Surname, k.GivenName, k.Patronymic, k.BirthYear)
	}
	return b.String()
}
