package api

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"reflect"
	"sort"
	"strconv"
	"strings"

	"qyzmet/internal/apperr"
)

// maxBodyBytes bounds a request body. Applications and complaints are a few
// kilobytes of JSON; scanned documents do not travel through this API.
const maxBodyBytes = 1 << 20

// decodeJSON reads the request body as one JSON value into dst, strictly: the
// content type must be JSON, the body at most maxBodyBytes, every field one that
// dst knows, and nothing may follow the value. Each failure is a requestError
// naming what was wrong and, where there is one, the JSON path at fault.
func decodeJSON(w http.ResponseWriter, r *http.Request, dst any) error {
	mt, params, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || mt != "application/json" || (params["charset"] != "" && !strings.EqualFold(params["charset"], "utf-8")) {
		return &requestError{status: http.StatusUnsupportedMediaType, code: apperr.Invalid, key: keyContentType, field: "Content-Type", err: err}
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBodyBytes))
	if err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			return &requestError{status: http.StatusRequestEntityTooLarge, code: apperr.Invalid, key: keyTooLarge, err: err}
		}
		return &requestError{status: http.StatusBadRequest, code: apperr.Invalid, key: keyMalformed, err: err}
	}
	if len(bytes.TrimSpace(body)) == 0 {
		return &requestError{status: http.StatusBadRequest, code: apperr.Invalid, key: keyEmpty}
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(dst); err != nil {
		return decodeError(err, body, reflect.TypeOf(dst))
	}
	if _, err := dec.Token(); err != io.EOF {
		return &requestError{status: http.StatusBadRequest, code: apperr.Invalid, key: keyMalformed, err: errors.New("data after the JSON value")}
	}
	return nil
}

// decodeError turns an encoding/json error into a requestError with the JSON
// path of the value at fault.
func decodeError(err error, body []byte, t reflect.Type) error {
	bad := func(key, field string) error {
		return &requestError{status: http.StatusBadRequest, code: apperr.Invalid, key: key, field: field, err: err}
	}
	var syntaxErr *json.SyntaxError
	if errors.As(err, &syntaxErr) || errors.Is(err, io.ErrUnexpectedEOF) {
		return bad(keyMalformed, "")
	}
	// encoding/json names an unknown field without its path, and a mistyped
	// one without array indexes; the walk finds the full path.
	if m, ok := firstMismatch(body, t); ok {
		if m.unknown {
			return bad(keyUnknownField, m.path)
		}
		return bad(keyWrongType, m.path)
	}
	var typeErr *json.UnmarshalTypeError
	if errors.As(err, &typeErr) {
		return bad(keyWrongType, typeErr.Field)
	}
	return bad(keyMalformed, "")
}

// mismatchAt is where a JSON body does not fit its Go type: an object key the
// type lacks (unknown) or a value of the wrong JSON kind.
type mismatchAt struct {
	path    string // such as "documents[1].kind"; "$" is the whole body
	unknown bool
}

// firstMismatch walks a syntactically valid JSON body beside the Go type it was
// decoded into and reports the first place where they disagree, visiting object
// keys in sorted order so that the answer does not depend on map order.
func firstMismatch(body []byte, t reflect.Type) (mismatchAt, bool) {
	var v any
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	if dec.Decode(&v) != nil {
		return mismatchAt{}, false
	}
	m := mismatch(v, t, "")
	return m, m.path != ""
}

var (
	rawMessageType      = reflect.TypeFor[json.RawMessage]()
	unmarshalerType     = reflect.TypeFor[json.Unmarshaler]()
	textUnmarshalerType = reflect.TypeFor[encoding.TextUnmarshaler]()
)

func mismatch(v any, t reflect.Type, path string) mismatchAt {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if v == nil || t == rawMessageType || t.Kind() == reflect.Interface ||
		reflect.PointerTo(t).Implements(unmarshalerType) {
		return mismatchAt{}
	}
	if reflect.PointerTo(t).Implements(textUnmarshalerType) {
		// A date and its kin travel as a string that must also parse.
		if s, ok := v.(string); ok {
			u := reflect.New(t).Interface().(encoding.TextUnmarshaler)
			if u.UnmarshalText([]byte(s)) == nil {
				return mismatchAt{}
			}
		}
		return mismatchAt{path: orRoot(path)}
	}
	switch v := v.(type) {
	case map[string]any:
		switch t.Kind() {
		case reflect.Map:
			for _, k := range sortedKeys(v) {
				if m := mismatch(v[k], t.Elem(), join(path, k)); m.path != "" {
					return m
				}
			}
			return mismatchAt{}
		case reflect.Struct:
			fields := jsonFields(t)
			for _, k := range sortedKeys(v) {
				f, ok := fields[strings.ToLower(k)]
				if !ok {
					return mismatchAt{path: join(path, k), unknown: true}
				}
				if m := mismatch(v[k], f.Type, join(path, k)); m.path != "" {
					return m
				}
			}
			return mismatchAt{}
		}
	case []any:
		if t.Kind() == reflect.Slice || t.Kind() == reflect.Array {
			for i, e := range v {
				if m := mismatch(e, t.Elem(), path+"["+strconv.Itoa(i)+"]"); m.path != "" {
					return m
				}
			}
			return mismatchAt{}
		}
	case string:
		if t.Kind() == reflect.String {
			return mismatchAt{}
		}
	case json.Number:
		switch t.Kind() {
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
			reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
			reflect.Float32, reflect.Float64:
			return mismatchAt{}
		}
	case bool:
		if t.Kind() == reflect.Bool {
			return mismatchAt{}
		}
	}
	return mismatchAt{path: orRoot(path)}
}

// orRoot names the whole body "$" (JSONPath's root), so that a path is never empty.
func orRoot(path string) string {
	if path == "" {
		return "$"
	}
	return path
}

// jsonFields maps the lower-cased JSON name of each field of struct type t to
// the field, as encoding/json matches keys (case-insensitively), with the fields
// of untagged embedded structs promoted as encoding/json promotes them.
func jsonFields(t reflect.Type) map[string]reflect.StructField {
	fields := map[string]reflect.StructField{}
	for f := range t.Fields() {
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			continue
		}
		ft := f.Type
		if ft.Kind() == reflect.Pointer {
			ft = ft.Elem()
		}
		if f.Anonymous && name == "" && ft.Kind() == reflect.Struct {
			for k, promoted := range jsonFields(ft) {
				if _, shadowed := fields[k]; !shadowed {
					fields[k] = promoted
				}
			}
			continue
		}
		if !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		fields[strings.ToLower(name)] = f
	}
	return fields
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}
