package archivesearch

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// requiredColumns are the columns every card-index CSV has; others (birth
// place, regions, dates …) may follow in any order and are ignored, except
// children (the children written on the card), read when present.
var requiredColumns = []string{"id", "surname", "given_name", "patronymic", "birth_year", "birth_place", "nationality"}

// BuildCSV reads a card-index CSV file (a header line, then one card a line) and
// builds the index. children, when present, holds the children written on the
// card separated by ";", each "id/surname/given_name/patronymic/birth_year" with
// an empty id for a child without a card of their own. Errors name the line.
func BuildCSV(r io.Reader) (*Index, error) {
	cr := csv.NewReader(r)
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("%w: card index: reading the header: %v", ErrInvalid, err)
	}
	col := map[string]int{}
	for i, name := range header {
		col[strings.TrimSpace(strings.TrimPrefix(name, "\ufeff"))] = i
	}
	for _, name := range requiredColumns {
		if _, ok := col[name]; !ok {
			return nil, fmt.Errorf("%w: card index: no column %q (the header must have %s)", ErrInvalid, name, strings.Join(requiredColumns, ","))
		}
	}
	kidsCol, hasKids := col["children"]
	var readErr error
	line := 1
	records := func(yield func(Record) bool) {
		for {
			row, err := cr.Read()
			line++
			if errors.Is(err, io.EOF) {
				return
			}
			if err != nil {
				readErr = fmt.Errorf("%w: card index: %v", ErrInvalid, err)
				return
			}
			rec := Record{
				ID:         strings.TrimSpace(row[col["id"]]),
				Surname:    row[col["surname"]],
				GivenName:  row[col["given_name"]],
				Patronymic: row[col["patronymic"]],
			}
			if rec.BirthYear, err = parseYear(row[col["birth_year"]]); err != nil {
				readErr = fmt.Errorf("%w: card index line %d: birth_year: %v", ErrInvalid, line, err)
				return
			}
			if hasKids {
				if rec.Family, err = parseChildren(row[kidsCol]); err != nil {
					readErr = fmt.Errorf("%w: card index line %d: children: %v", ErrInvalid, line, err)
					return
				}
			}
			if !yield(rec) {
				return
			}
		}
	}
	ix, err := Build(records)
	if readErr != nil {
		return nil, readErr
	}
	if err != nil {
		return nil, fmt.Errorf("card index: %w", err)
	}
	return ix, nil
}

// parseYear reads a birth year; empty is 0 (unknown).
func parseYear(s string) (int, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	y, err := strconv.Atoi(s)
	if err != nil || !validYear(y) {
		return 0, fmt.Errorf("%q is not a year between %d and %d", s, MinYear, MaxYear)
	}
	return y, nil
}

func parseChildren(s string) ([]Relative, error) {
	if strings.TrimSpace(s) == "" {
		return nil, nil
	}
	var out []Relative
	for _, entry := range strings.Split(s, ";") {
		f := strings.Split(entry, "/")
		if len(f) != 5 {
			return nil, fmt.Errorf("%q: want id/surname/given_name/patronymic/birth_year", entry)
		}
		y, err := parseYear(f[4])
		if err != nil {
			return nil, fmt.Errorf("%q: %v", entry, err)
		}
		out = append(out, Relative{Relation: Child, ID: strings.TrimSpace(f[0]), Surname: f[1], GivenName: f[2], Patronymic: f[3], BirthYear: y})
	}
	return out, nil
}
