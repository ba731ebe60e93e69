package archivesearch

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// BatchQuery is one line of a batch file.
type BatchQuery struct {
	QID   string
	Query Query
}

// ReadBatch reads a batch file: CSV "qid,query,birth_year" (the header line is
// optional; birth_year may be empty). It checks every line before anything is
// searched, so a bad file changes nothing and its error names the line.
func ReadBatch(r io.Reader) ([]BatchQuery, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = 3
	var out []BatchQuery
	seen := map[string]int{}
	for line := 1; ; line++ {
		row, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%w: batch: %v (want qid,query,birth_year)", ErrInvalid, err)
		}
		if line == 1 && strings.TrimPrefix(row[0], "\ufeff") == "qid" && row[1] == "query" {
			continue
		}
		qid := strings.TrimSpace(row[0])
		if qid == "" {
			return nil, fmt.Errorf("%w: batch line %d: empty qid", ErrInvalid, line)
		}
		if first, dup := seen[qid]; dup {
			return nil, fmt.Errorf("%w: batch line %d: qid %q already on line %d", ErrInvalid, line, qid, first)
		}
		seen[qid] = line
		year, err := parseYear(row[2])
		if err != nil {
			return nil, fmt.Errorf("%w: batch line %d: birth_year: %v", ErrInvalid, line, err)
		}
		q := Query{Text: row[1], BirthYear: year}
		if err := q.Validate(); err != nil {
			return nil, fmt.Errorf("batch line %d: %w", line, err)
		}
		out = append(out, BatchQuery{QID: qid, Query: q})
	}
}

// RunBatch answers a batch file: it reads every query first (ReadBatch), then
// searches them one at a time and writes CSV "qid,latency_us,ids" — the time
// Search took in microseconds and the IDs of the first ten hits, best first,
// separated by spaces.
func (ix *Index) RunBatch(in io.Reader, out io.Writer) error {
	queries, err := ReadBatch(in)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(out)
	cw := csv.NewWriter(bw)
	if err := cw.Write([]string{"qid", "latency_us", "ids"}); err != nil {
		return err
	}
	ids := make([]string, 0, DefaultLimit)
	for _, bq := range queries {
		start := time.Now()
		hits := ix.Search(bq.Query)
		us := time.Since(start).Microseconds()
		ids = ids[:0]
		for _, h := range hits {
			ids = append(ids, h.ID)
		}
		if err := cw.Write([]string{bq.QID, strconv.FormatInt(us, 10), strings.Join(ids, " ")}); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}
