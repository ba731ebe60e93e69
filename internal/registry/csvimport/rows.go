package csvimport

import (
	"encoding/csv"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"qyzmet/internal/apperr"
	"qyzmet/internal/calendar"
	"qyzmet/internal/i18n"
	"qyzmet/internal/registry"
)

// header maps the column names of a file to their positions.
type header struct {
	index map[string]int
	n     int
}

// FileError is why a whole file is refused before anything is loaded: a
// header without the required columns, a column twice, no header at all.
type FileError struct{ Reason i18n.Text }

// Error is the English reason.
func (e *FileError) Error() string { return e.Reason.EN }

func refuse(reason i18n.Text) error {
	return apperr.Wrap(apperr.Invalid, &FileError{Reason: reason}, "the file is refused")
}

// readHeader reads the first line and checks that it has every required
// column once; columns it does not know are allowed and ignored.
func readHeader(cr *csv.Reader, required, optional []string) (*header, error) {
	fields, err := cr.Read()
	if err != nil {
		return nil, refuse(i18n.Text{
			KK: "файлдың тақырып жолы жоқ: " + err.Error(),
			RU: "в файле нет строки заголовка: " + err.Error(),
			EN: "the file has no header line: " + err.Error(),
		})
	}
	h := &header{index: make(map[string]int, len(fields)), n: len(fields)}
	for i, name := range fields {
		name = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(name, "\ufeff")))
		if _, dup := h.index[name]; dup && name != "" {
			return nil, refuse(i18n.Text{
				KK: fmt.Sprintf("тақырыпта %q бағаны екі рет бар", name),
				RU: fmt.Sprintf("в заголовке столбец %q повторяется", name),
				EN: fmt.Sprintf("the header has the column %q twice", name),
			})
		}
		h.index[name] = i
	}
	var missing []string
	for _, c := range required {
		if _, ok := h.index[c]; !ok {
			missing = append(missing, c)
		}
	}
	if len(missing) > 0 {
		m, req, opt := strings.Join(missing, ", "), strings.Join(required, ","), strings.Join(optional, ",")
		return nil, refuse(i18n.Text{
			KK: fmt.Sprintf("тақырыпта %s бағандары жоқ: бұл тізілім файлында %s бағандары болады (қосымша: %s)", m, req, opt),
			RU: fmt.Sprintf("в заголовке нет столбцов %s: в файле этого реестра столбцы %s (и по желанию %s)", m, req, opt),
			EN: fmt.Sprintf("the header lacks the column(s) %s: a file of this registry has the columns %s (and may have %s)", m, req, opt),
		})
	}
	return h, nil
}

// row is one data row being parsed.
type row struct {
	header *header
	fields []string
}

// get is the trimmed value of col, "" when the file has no such column.
func (r *row) get(col string) string {
	i, ok := r.header.index[col]
	if !ok {
		return ""
	}
	return strings.TrimSpace(r.fields[i])
}

// date reads col as YYYY-MM-DD; empty is the zero date.
func (r *row) date(col string) (calendar.Date, error) {
	return parseDate(col, r.get(col))
}

func parseDate(col, s string) (calendar.Date, error) {
	if s == "" {
		return calendar.Date{}, nil
	}
	d, err := calendar.ParseDate(s)
	if err != nil {
		return d, &registry.FieldError{Field: col, Reason: i18n.Text{
			KK: fmt.Sprintf("%q күні ЖЖЖЖ-АА-КК түрінде болуы керек", s),
			RU: fmt.Sprintf("дата %q должна быть в виде ГГГГ-ММ-ДД", s),
			EN: fmt.Sprintf("the date %q must be YYYY-MM-DD", s),
		}}
	}
	return d, nil
}

// year reads col as a year; empty is 0.
func (r *row) year(col string) (int, error) {
	return parseYear(col, r.get(col))
}

func parseYear(col, s string) (int, error) {
	if s == "" {
		return 0, nil
	}
	y, err := strconv.Atoi(s)
	if err != nil {
		return 0, &registry.FieldError{Field: col, Reason: i18n.Text{
			KK: fmt.Sprintf("%q жыл емес", s), RU: fmt.Sprintf("%q — не год", s), EN: fmt.Sprintf("%q is not a year", s),
		}}
	}
	return y, nil
}

// parseTiyn reads an amount in tenge — "1531", "1531.5", "1531.50" or with a
// decimal comma — as tiyn, exactly.
func parseTiyn(col, s string) (int64, error) {
	whole, frac, _ := strings.Cut(strings.Replace(s, ",", ".", 1), ".")
	bad := &registry.FieldError{Field: col, Reason: i18n.Text{
		KK: fmt.Sprintf("%q сомасы теңгемен, ең көбі екі ондық белгімен жазылады (1531.50)", s),
		RU: fmt.Sprintf("сумма %q пишется в тенге, не более двух знаков после точки (1531.50)", s),
		EN: fmt.Sprintf("the amount %q must be in tenge with at most two decimals (1531.50)", s),
	}}
	if whole == "" || len(frac) > 2 || strings.Trim(whole+frac, "0123456789") != "" || len(whole) > 15 {
		return 0, bad
	}
	t, _ := strconv.ParseInt(whole, 10, 64) // digits only, at most 15
	f, _ := strconv.ParseInt(frac+strings.Repeat("0", 2-len(frac)), 10, 64)
	return t*100 + f, nil
}

// splitList splits a list cell ("a/b/c;d/e/f") into its entries' parts; each
// entry must have exactly n parts.
func splitList(col, s string, n int, shape string) ([][]string, error) {
	if s == "" {
		return nil, nil
	}
	var out [][]string
	for _, entry := range strings.Split(s, ";") {
		parts := strings.Split(entry, "/")
		if len(parts) != n {
			return nil, &registry.FieldError{Field: col, Reason: i18n.Text{
				KK: fmt.Sprintf("%q: әр жазба %s түрінде, жазбалар «;» арқылы", entry, shape),
				RU: fmt.Sprintf("%q: каждая запись в виде %s, записи через «;»", entry, shape),
				EN: fmt.Sprintf("%q: each entry is %s, entries separated by ';'", entry, shape),
			}}
		}
		for i := range parts {
			parts[i] = strings.TrimSpace(parts[i])
		}
		out = append(out, parts)
	}
	return out, nil
}

// badRow turns a parse or validation error into a report line.
func badRow(line int, err error) BadRow {
	var fe *registry.FieldError
	if errors.As(err, &fe) {
		return BadRow{Line: line, Column: fe.Field, Reason: fe.Reason}
	}
	return BadRow{Line: line, Reason: i18n.Text{KK: err.Error(), RU: err.Error(), EN: err.Error()}}
}

func csvReason(err *csv.ParseError) i18n.Text {
	return i18n.Text{
		KK: fmt.Sprintf("CSV қатесі (%d-баған): %v", err.Column, err.Err),
		RU: fmt.Sprintf("ошибка CSV (позиция %d): %v", err.Column, err.Err),
		EN: fmt.Sprintf("CSV error at column %d: %v", err.Column, err.Err),
	}
}

func fieldCountReason(want, got int) i18n.Text {
	return i18n.Text{
		KK: fmt.Sprintf("тақырыпта %d баған, жолда %d өріс", want, got),
		RU: fmt.Sprintf("в заголовке %d столбцов, в строке %d полей", want, got),
		EN: fmt.Sprintf("the header has %d columns, the row %d fields", want, got),
	}
}

func duplicateReason(first int) i18n.Text {
	return i18n.Text{
		KK: fmt.Sprintf("дәл осы кілт %d-жолда бар; сол жол жүктелді", first),
		RU: fmt.Sprintf("тот же ключ уже в строке %d; загружена она", first),
		EN: fmt.Sprintf("the same key is on line %d, which was loaded", first),
	}
}
