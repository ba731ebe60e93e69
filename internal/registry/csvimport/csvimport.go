// Package csvimport loads the registries from CSV files: streaming (memory holds
// the batches in flight and the keys seen, not the file), in batches of one
// transaction each, as upserts on the registries' natural keys (importing a
// file twice changes nothing), with every bad row reported by its line number,
// column and reason while the good rows still load. docs/registries.md lists
// the columns of every format.
package csvimport

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"qyzmet/internal/apperr"
	"qyzmet/internal/i18n"
	"qyzmet/internal/registry/sqlstore"
	"qyzmet/internal/store"
)

// Kind names a registry that can be imported.
type Kind string

const (
	Persons     Kind = "persons"
	Convictions Kind = "convictions"
	Signatories Kind = "signatories"
	Payments    Kind = "payments"
	CardIndex   Kind = "card-index"
)

// Kinds lists the registries in the order they are best imported (a person
// before the records that name them).
var Kinds = []Kind{Persons, Convictions, Signatories, Payments, CardIndex}

// DefaultBatchSize is how many rows one transaction writes: large enough that
// the commit (an fsync on SQLite) is a small part of the cost and that a batch
// sorted by key writes the pages of a randomly ordered file mostly in order
// (persons cost half the CPU per row at 20,000 than at 5,000), small enough
// that a batch of parsed rows is some tens of megabytes.
const DefaultBatchSize = 20000

// Options tune an import.
type Options struct {
	// BatchSize is the number of rows per transaction; 0 means DefaultBatchSize.
	BatchSize int
	// Size is the length of the input in bytes when known (for Progress).
	Size int64
	// OnBadRow is called with every rejected row, in file order.
	OnBadRow func(BadRow)
	// OnProgress is called after every committed batch.
	OnProgress func(Progress)
}

// BadRow is a row that was not loaded, and why.
type BadRow struct {
	Line   int    // the line the row starts on; the header is line 1
	Column string // the column at fault; "" when the row as a whole is
	Reason i18n.Text
}

// Progress is how far an import has come.
type Progress struct {
	Bytes   int64 // read so far
	Size    int64 // Options.Size
	Rows    int   // data rows read
	Loaded  int
	Bad     int
	Elapsed time.Duration
}

// Summary is the outcome of an import.
type Summary struct {
	Kind    Kind          `json:"kind"`
	Rows    int           `json:"rows"`   // data rows read
	Loaded  int           `json:"loaded"` // rows written (new or replaced)
	Bad     int           `json:"bad"`    // rows rejected
	Bytes   int64         `json:"bytes"`
	Elapsed time.Duration `json:"elapsed_ns"`
}

// RowsPerSecond is the import's rate over the rows read.
func (s Summary) RowsPerSecond() float64 {
	if s.Elapsed <= 0 {
		return 0
	}
	return float64(s.Rows) / s.Elapsed.Seconds()
}

// Import reads a CSV file of kind from r and loads it into db. A file whose
// header lacks a required column is refused before anything is written
// (apperr.Invalid). Otherwise every row is checked: a bad row is reported to
// Options.OnBadRow and skipped, the good rows are written in batches of one
// transaction each. An error from the database or the reader stops the import;
// the batches committed before it stay, and importing the file again completes
// it.
func Import(ctx context.Context, db *store.DB, kind Kind, r io.Reader, opt Options) (Summary, error) {
	switch kind {
	case Persons:
		return run(ctx, db, personsFormat, r, opt)
	case Convictions:
		return run(ctx, db, convictionsFormat, r, opt)
	case Signatories:
		return run(ctx, db, signatoriesFormat, r, opt)
	case Payments:
		return run(ctx, db, paymentsFormat, r, opt)
	case CardIndex:
		return run(ctx, db, cardIndexFormat, r, opt)
	}
	return Summary{}, apperr.E(apperr.Invalid, fmt.Sprintf("unknown registry %q (known: %s)", kind, kindList()))
}

// ParseKind reads a registry name as the CLI takes it.
func ParseKind(s string) (Kind, error) {
	for _, k := range Kinds {
		if string(k) == s {
			return k, nil
		}
	}
	return "", fmt.Errorf("unknown registry %q (known: %s)", s, kindList())
}

func kindList() string {
	names := make([]string, len(Kinds))
	for i, k := range Kinds {
		names[i] = string(k)
	}
	return strings.Join(names, ", ")
}

// format is one registry's CSV format: its columns, how a row becomes an item
// (and the item's natural key), and how a batch of items is encoded for the
// upsert.
type format[T any] struct {
	kind     Kind
	required []string
	optional []string
	parse    func(r *row) (T, string, error)
	encode   func(items []T) (sqlstore.Rows, error)
}

// Columns lists the columns of kind's CSV format: those a file must have and
// those it may have. Other columns are ignored.
func Columns(kind Kind) (required, optional []string) {
	switch kind {
	case Persons:
		return personsFormat.required, personsFormat.optional
	case Convictions:
		return convictionsFormat.required, convictionsFormat.optional
	case Signatories:
		return signatoriesFormat.required, signatoriesFormat.optional
	case Payments:
		return paymentsFormat.required, paymentsFormat.optional
	case CardIndex:
		return cardIndexFormat.required, cardIndexFormat.optional
	}
	return nil, nil
}

// batch is what the reading goroutine hands to the writing one: the good rows
// encoded for the upsert, and the bad ones.
type batch struct {
	good  sqlstore.Rows
	n     int // good rows
	bad   []BadRow
	rows  int   // data rows read so far
	bytes int64 // bytes read so far
	err   error // a read error that ends the import
}

func run[T any](ctx context.Context, db *store.DB, f *format[T], r io.Reader, opt Options) (Summary, error) {
	began := time.Now()
	size := opt.BatchSize
	if size <= 0 {
		size = DefaultBatchSize
	}
	counter := &countingReader{r: r}
	cr := csv.NewReader(counter)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	header, err := readHeader(cr, f.required, f.optional)
	if err != nil {
		return Summary{Kind: f.kind}, err
	}

	// One goroutine reads and checks rows while this one writes the previous
	// batch: parsing and SQLite then share the two halves of the work.
	batches := make(chan batch, 1)
	stop := make(chan struct{})
	go func() {
		defer close(batches)
		readRows(ctx, cr, counter, f, header, size, batches, stop)
	}()
	defer func() {
		close(stop)
		for range batches { // let the reader finish
		}
	}()

	sum := Summary{Kind: f.kind}
	for b := range batches {
		for _, bad := range b.bad {
			sum.Bad++
			if opt.OnBadRow != nil {
				opt.OnBadRow(bad)
			}
		}
		sum.Rows, sum.Bytes = b.rows, b.bytes
		if b.err != nil {
			sum.Elapsed = time.Since(began)
			return sum, b.err
		}
		if b.n > 0 {
			if err := db.Tx(ctx, func(tx *store.Tx) error { return b.good.Write(ctx, tx) }); err != nil {
				sum.Elapsed = time.Since(began)
				return sum, fmt.Errorf("import %s: %w", f.kind, err)
			}
			sum.Loaded += b.n
		}
		if opt.OnProgress != nil {
			opt.OnProgress(Progress{Bytes: b.bytes, Size: opt.Size, Rows: sum.Rows, Loaded: sum.Loaded, Bad: sum.Bad, Elapsed: time.Since(began)})
		}
	}
	sum.Elapsed = time.Since(began)
	return sum, ctx.Err()
}

// maxPendingBad is how many bad rows the reader holds before handing them over.
const maxPendingBad = 1000

// readRows reads the data rows and sends them in batches of size good rows.
func readRows[T any](ctx context.Context, cr *csv.Reader, counter *countingReader, f *format[T], header *header,
	size int, out chan<- batch, stop <-chan struct{}) {
	seen := map[string]int{} // natural key → line, to refuse a second row with the same key
	var b batch
	items := make([]keyed[T], 0, size)
	rows := 0
	send := func() bool {
		b.rows, b.bytes, b.n = rows, counter.n, len(items)
		if b.err == nil && len(items) > 0 {
			if b.good, b.err = f.encode(inKeyOrder(items)); b.err != nil {
				b.err = fmt.Errorf("import %s: %w", f.kind, b.err)
			}
		}
		failed := b.err != nil
		select {
		case out <- b:
		case <-stop:
			return false
		case <-ctx.Done():
			return false
		}
		b, items = batch{}, make([]keyed[T], 0, size)
		return !failed
	}
	// flushBad hands over the bad rows alone, so that a file of bad rows is
	// reported as it is read and never piles up in memory.
	flushBad := func() bool {
		select {
		case out <- batch{bad: b.bad, rows: rows, bytes: counter.n}:
		case <-stop:
			return false
		case <-ctx.Done():
			return false
		}
		b.bad = nil
		return true
	}
	rec := &row{header: header}
	for {
		fields, err := cr.Read()
		if errors.Is(err, io.EOF) {
			send()
			return
		}
		rows++
		var perr *csv.ParseError
		switch {
		case errors.As(err, &perr):
			b.bad = append(b.bad, BadRow{Line: perr.StartLine, Reason: csvReason(perr)})
		case err != nil:
			b.err = fmt.Errorf("import %s: read: %w", f.kind, err)
			send()
			return
		default:
			line, _ := cr.FieldPos(0)
			if len(fields) != header.n {
				b.bad = append(b.bad, BadRow{Line: line, Reason: fieldCountReason(header.n, len(fields))})
				break
			}
			rec.fields = fields
			item, key, err := f.parse(rec)
			if err != nil {
				b.bad = append(b.bad, badRow(line, err))
				break
			}
			if first, dup := seen[key]; dup {
				b.bad = append(b.bad, BadRow{Line: line, Column: f.required[0], Reason: duplicateReason(first)})
				break
			}
			// A clone: the key is a slice of the whole line, which the map
			// would otherwise keep alive for every row of the file.
			seen[strings.Clone(key)] = line
			items = append(items, keyed[T]{key, item})
		}
		if len(items) == size && !send() {
			return
		}
		if len(b.bad) == maxPendingBad && !flushBad() {
			return
		}
	}
}

// keyed is an item and its natural key.
type keyed[T any] struct {
	key  string
	item T
}

// inKeyOrder returns the items sorted by key. Rows written in key order fill
// the table's pages one after another instead of all over it: a registry's
// file in random order (persons by IIN) then costs a fraction of the page
// reads and writes, and an IIN's leading birth date puts the date index in
// order too.
func inKeyOrder[T any](items []keyed[T]) []T {
	slices.SortFunc(items, func(a, b keyed[T]) int { return strings.Compare(a.key, b.key) })
	out := make([]T, len(items))
	for i, k := range items {
		out[i] = k.item
	}
	return out
}

// countingReader counts the bytes read through it, for the progress bar.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}
