package cli

import (
	"bufio"
	"context"
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"qyzmet/internal/archivesearch"
	"qyzmet/internal/i18n"
	"qyzmet/internal/registry"
	"qyzmet/internal/registry/sqlstore"
)

var archiveText = map[string]i18n.Text{
	"empty": {
		KK: "картотека бос: алдымен qyzmet import card-index FILE.csv",
		RU: "картотека пуста: сначала qyzmet import card-index FILE.csv",
		EN: "the card index is empty: load it first with qyzmet import card-index FILE.csv",
	},
	"none":    {KK: "Ештеңе табылмады.", RU: "Ничего не найдено.", EN: "Nothing found."},
	"header":  {KK: "№\tкарточка\tұқсастық\tаты-жөні\tтуған жылы\tқайдан → қайда, күндері", RU: "№\tкарточка\tсходство\tФИО\tгод рожд.\tоткуда → куда, даты", EN: "#\tcard\tscore\tname\tborn\tfrom → to, dates"},
	"batchln": {KK: "%d-жол: %s", RU: "строка %d: %s", EN: "line %d: %s"},
	"noqid":   {KK: "qid бос", RU: "пустой qid", EN: "qid is empty"},
	"dupqid": {
		KK: "%q qid-і %d-жолда бар",
		RU: "qid %q уже есть в строке %d",
		EN: "qid %q is already on line %d",
	},
	"year": {KK: "birth_year %q жыл емес", RU: "birth_year %q — не год", EN: "birth_year %q is not a year"},
	"columns": {
		KK: "сұраулар файлында qid және query бағандары болуы керек",
		RU: "в файле запросов нужны столбцы qid и query",
		EN: "the query file needs the columns qid and query",
	},
}

// runArchive searches the special-settlement card index of the database
// (Rule AR-6.3: the automated search of the card index):
// `qyzmet archive search "QUERY" [--birth-year Y] [--limit 10] [--json]`, or a
// file of queries with --batch. The index is built from the store's card index
// (archivesearch, the engine of the desk and the API).
func runArchive(ctx context.Context, args []string, env Env) int {
	fs := flag.NewFlagSet("archive search", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	dataDir := fs.String("data", "./data", "data directory of the SQLite database, unless QYZMET_DATABASE_URL is set")
	year := fs.Int("birth-year", 0, "the year of birth, if known (roughly right is fine)")
	limit := fs.Int("limit", archivesearch.DefaultLimit, "how many cards to show, best first")
	asJSON := fs.Bool("json", false, "print JSON")
	batch := fs.String("batch", "", "answer a CSV file of queries (columns qid,query,birth_year; others ignored): one line qid,latency_us,ids per query")
	langFlag := fs.String("lang", "", "language of the output: kk, ru or en (default: $QYZMET_LANG or en)")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: qyzmet archive search \"QUERY\" [--birth-year Y] [--limit 10] [--json] [--data DIR]\n"+
			"       qyzmet archive search --batch QUERIES.csv [--limit 10] [--data DIR]\n\n"+
			"Search the card index of persons sent to special settlement 1939–1955 by name, in any spelling.")
		fs.PrintDefaults()
	}
	words, lang, code := parseArgs(fs, args, langFlag, env, "archive")
	if code >= 0 {
		return code
	}
	if len(words) == 0 || words[0] != "search" || (*batch == "") == (len(words) == 1) || len(words) > 2 {
		fs.Usage()
		return exitUsage
	}
	if *limit < 1 || *limit > archivesearch.MaxLimit {
		fmt.Fprintf(env.Stderr, "qyzmet archive: --limit must be between 1 and %d\n", archivesearch.MaxLimit)
		return exitUsage
	}
	var query archivesearch.Query
	var queries []batchQuery
	if *batch != "" {
		// Every query is read and checked before the index is built: a bad
		// file costs nothing and names its line.
		var err error
		if queries, err = readBatchFile(*batch, *limit, lang); err != nil {
			fmt.Fprintln(env.Stderr, "qyzmet archive:", err)
			return exitInvalid
		}
	} else {
		query = archivesearch.Query{Text: words[1], BirthYear: *year, Limit: *limit}
		if err := query.Validate(); err != nil {
			fmt.Fprintln(env.Stderr, "qyzmet archive:", err)
			return exitInvalid
		}
	}

	db, err := openStore(ctx, *dataDir, env)
	if err != nil {
		fmt.Fprintln(env.Stderr, "qyzmet archive:", err)
		return exitFailure
	}
	defer db.Close()
	cards := sqlstore.New(db).Cards
	ix, err := cards.SearchIndex(ctx)
	if err != nil {
		fmt.Fprintln(env.Stderr, "qyzmet archive:", err)
		return exitFailure
	}
	if ix.Len() == 0 {
		fmt.Fprintln(env.Stderr, "qyzmet archive:", tr(lang, archiveText, "empty"))
		return exitFailure
	}
	if *batch != "" {
		if err := runBatch(ix, queries, env.Stdout); err != nil {
			fmt.Fprintln(env.Stderr, "qyzmet archive:", err)
			return exitFailure
		}
		return exitOK
	}

	hits := ix.Search(query)
	found := make([]archiveHit, len(hits))
	for i, h := range hits {
		found[i].Hit = h
		card, err := cards.Card(ctx, h.ID)
		if err != nil {
			fmt.Fprintln(env.Stderr, "qyzmet archive:", err)
			return exitFailure
		}
		found[i].Card = card
	}
	if *asJSON {
		return printJSON(env, struct {
			Query     string       `json:"query"`
			BirthYear int          `json:"birth_year,omitempty"`
			Hits      []archiveHit `json:"hits"`
		}{query.Text, query.BirthYear, found})
	}
	printHits(env.Stdout, found, lang)
	return exitOK
}

// archiveHit is a hit of the index with its card from the store.
type archiveHit struct {
	archivesearch.Hit
	Card registry.Card `json:"card"`
}

func printHits(w io.Writer, hits []archiveHit, lang i18n.Lang) {
	if len(hits) == 0 {
		fmt.Fprintln(w, archiveText["none"].In(lang))
		return
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, archiveText["header"].In(lang))
	for i, h := range hits {
		c := h.Card
		born := ""
		if c.BirthYear != 0 {
			born = strconv.Itoa(c.BirthYear)
		}
		if c.BirthPlace != "" {
			born = strings.TrimSpace(born + ", " + c.BirthPlace)
		}
		route := strings.TrimSpace(strings.Trim(c.FromRegion+" → "+c.ToRegion, " →"))
		if !c.ResettledOn.IsZero() || !c.ReleasedOn.IsZero() {
			route += fmt.Sprintf(" (%s – %s)", c.ResettledOn, c.ReleasedOn)
		}
		fmt.Fprintf(tw, "%d\t%s\t%.2f\t%s\t%s\t%s\n", i+1, h.ID, h.Score, c.Name.String(), born, route)
	}
	tw.Flush()
}

// batchQuery is one line of a batch file.
type batchQuery struct {
	qid   string
	query archivesearch.Query
}

// readBatchFile reads a CSV file of queries: a header naming the columns
// qid, query and (optionally) birth_year in any order, other columns ignored;
// a file without a header is read as qid,query,birth_year. Every line is
// checked; the first bad one is the error.
func readBatchFile(path string, limit int, lang i18n.Lang) ([]batchQuery, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	cr := csv.NewReader(bufio.NewReader(f))
	cr.FieldsPerRecord = -1
	first, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	col := map[string]int{}
	for i, name := range first {
		col[strings.ToLower(strings.TrimSpace(strings.TrimPrefix(name, "\ufeff")))] = i
	}
	_, hasQID := col["qid"]
	_, hasQuery := col["query"]
	header := hasQID && hasQuery
	if hasQID != hasQuery {
		return nil, fmt.Errorf("%s: %s", path, archiveText["columns"].In(lang))
	}
	if !header {
		col = map[string]int{"qid": 0, "query": 1, "birth_year": 2}
	}
	yearCol, hasYear := col["birth_year"]
	field := func(row []string, i int) string {
		if i < len(row) {
			return strings.TrimSpace(row[i])
		}
		return ""
	}
	var out []batchQuery
	seen := map[string]int{}
	parse := func(row []string, line int) error {
		bad := func(msg string) error { return fmt.Errorf("%s: %s", path, tr(lang, archiveText, "batchln", line, msg)) }
		q := batchQuery{qid: field(row, col["qid"]), query: archivesearch.Query{Text: field(row, col["query"]), Limit: limit}}
		if q.qid == "" {
			return bad(tr(lang, archiveText, "noqid"))
		}
		if first, dup := seen[q.qid]; dup {
			return bad(tr(lang, archiveText, "dupqid", q.qid, first))
		}
		seen[q.qid] = line
		if y := field(row, yearCol); hasYear && y != "" {
			var err error
			if q.query.BirthYear, err = strconv.Atoi(y); err != nil {
				return bad(tr(lang, archiveText, "year", y))
			}
		}
		if err := q.query.Validate(); err != nil {
			return bad(err.Error())
		}
		out = append(out, q)
		return nil
	}
	if !header {
		if err := parse(first, 1); err != nil {
			return nil, err
		}
	}
	for {
		row, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		line, _ := cr.FieldPos(0)
		if err := parse(row, line); err != nil {
			return nil, err
		}
	}
}

// runBatch answers the queries in order and writes CSV "qid,latency_us,ids":
// the time the search took in microseconds and the card IDs found, best
// first, separated by spaces.
func runBatch(ix *archivesearch.Index, queries []batchQuery, out io.Writer) error {
	bw := bufio.NewWriter(out)
	cw := csv.NewWriter(bw)
	if err := cw.Write([]string{"qid", "latency_us", "ids"}); err != nil {
		return err
	}
	var ids []string
	for _, q := range queries {
		began := time.Now()
		hits := ix.Search(q.query)
		us := time.Since(began).Microseconds()
		ids = ids[:0]
		for _, h := range hits {
			ids = append(ids, h.ID)
		}
		if err := cw.Write([]string{q.qid, strconv.FormatInt(us, 10), strings.Join(ids, " ")}); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}
