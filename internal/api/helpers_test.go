package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/pb33f/libopenapi"
	validator "github.com/pb33f/libopenapi-validator"
	liberrors "github.com/pb33f/libopenapi-validator/errors"

	"qyzmet/internal/casework"
	"qyzmet/internal/iin"
	"qyzmet/internal/store"
	"qyzmet/internal/store/storetest"
)

// start is a Monday morning in Astana: a working day, inside every office's hours.
var start = time.Date(2026, 3, 2, 10, 0, 0, 0, time.FixedZone("Asia/Almaty", 5*3600))

// The development tokens of the tests, one per actor.
const (
	tokenAlice    = "tok-applicant-alice"
	tokenBob      = "tok-applicant-bob"
	tokenOperator = "tok-operator"
	tokenOfficer  = "tok-officer"
	tokenHead     = "tok-head"
	tokenQuality  = "tok-quality"
)

// Two applicants with valid IINs, so that one can try to read the other's
// application.
var (
	aliceIIN = mustIIN(time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC), iin.Female)
	bobIIN   = mustIIN(time.Date(1985, 6, 15, 0, 0, 0, 0, time.UTC), iin.Male)
)

func mustIIN(birth time.Time, sex iin.Sex) string {
	for serial := 1; ; serial++ {
		n, err := iin.Generate(birth, sex, serial)
		if errors.Is(err, iin.ErrNoCheckDigit) {
			continue
		}
		if err != nil {
			panic(err)
		}
		return n
	}
}

// badChecksum is n with its check digit changed.
func badChecksum(n string) string {
	last := n[len(n)-1]
	return n[:len(n)-1] + string('0'+(last-'0'+1)%10)
}

func testTokens() map[string]casework.Actor {
	return map[string]casework.Actor{
		tokenAlice:    {ID: "applicant-alice", Role: casework.RoleApplicant, Name: "Алия Ахметова", IIN: aliceIIN},
		tokenBob:      {ID: "applicant-bob", Role: casework.RoleApplicant, Name: "Болат Сейтов", IIN: bobIIN},
		tokenOperator: {ID: "operator-1", Role: casework.RoleOperator, Name: "Operator", Branch: "astana-1"},
		tokenOfficer:  {ID: "officer-1", Role: casework.RoleOfficer, Name: "Officer"},
		tokenHead:     {ID: "head-1", Role: casework.RoleHead, Name: "Head"},
		tokenQuality:  {ID: "quality-1", Role: casework.RoleQuality, Name: "Quality"},
	}
}

func sqliteEngine() storetest.Engine { return storetest.Engines()[0] }

// newEngine opens a fresh database of engine e with a fake clock at start and
// builds the casework engine on it.
func newEngine(t *testing.T, e storetest.Engine, clock *storetest.Clock) (*casework.Engine, *store.DB) {
	t.Helper()
	if clock == nil {
		clock = storetest.NewClock(start)
	}
	db := e.Open(t, clock)
	eng, err := casework.New(casework.Config{DB: db, Log: quietLog()})
	if err != nil {
		t.Fatal(err)
	}
	return eng, db
}

// newAPI is the API on a fresh database of engine e, wrapped so that every
// answer is validated against the OpenAPI document.
func newAPI(t *testing.T, e storetest.Engine) (http.Handler, *store.DB) {
	t.Helper()
	return newAPIWithClock(t, e, storetest.NewClock(start))
}

// newAPIWithClock is newAPI on a clock the test moves.
func newAPIWithClock(t *testing.T, e storetest.Engine, clock *storetest.Clock) (http.Handler, *store.DB) {
	t.Helper()
	eng, db := newEngine(t, e, clock)
	return checkedAgainstDocument(t, New(Config{Engine: eng, Tokens: testTokens(), Log: quietLog()})), db
}

// checked validates each answer of h against the OpenAPI document (its status
// is documented for the operation, its body matches the schema), and each
// request that succeeded against the request's schema: a request the server
// accepts must be one the document allows. Requests to undocumented paths (the
// 404 and 405 answers of the catch-all) have nothing to be validated against.
type checked struct {
	t         *testing.T
	errorf    func(format string, args ...any) // t.Errorf; a test of the check replaces it
	h         http.Handler
	v         validator.Validator
	routes    *http.ServeMux
	served    int
	validated int
}

func checkedAgainstDocument(t *testing.T, h http.Handler) *checked {
	t.Helper()
	doc, err := libopenapi.NewDocument(openAPIDocument)
	if err != nil {
		t.Fatal(err)
	}
	v, errs := validator.NewValidator(doc)
	if len(errs) > 0 {
		t.Fatalf("validator: %v", errs)
	}
	c := &checked{t: t, errorf: t.Errorf, h: h, v: v, routes: http.NewServeMux()}
	for _, rt := range routes {
		c.routes.Handle(rt.method+" "+rt.path, http.NotFoundHandler())
	}
	t.Cleanup(func() {
		if !t.Failed() && c.validated == 0 && c.served > 0 {
			t.Errorf("%d answers served, none validated against the document", c.served)
		}
	})
	return c
}

func (c *checked) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	c.t.Helper()
	body, err := io.ReadAll(r.Body)
	if err != nil {
		c.t.Fatal(err)
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
	rec := httptest.NewRecorder()
	c.h.ServeHTTP(rec, r)
	for k, vs := range rec.Header() {
		w.Header()[k] = vs
	}
	w.WriteHeader(rec.Code)
	w.Write(rec.Body.Bytes())
	c.served++

	probe := r.Clone(r.Context())
	if _, pattern := c.routes.Handler(probe); pattern == "" {
		return
	}
	probe.Body = io.NopCloser(bytes.NewReader(body))
	res := rec.Result()
	var problems []*liberrors.ValidationError
	if rec.Code < 300 {
		_, problems = c.v.ValidateHttpRequestResponse(probe, res)
	} else {
		_, problems = c.v.ValidateHttpResponse(probe, res)
	}
	c.validated++
	for _, p := range problems {
		c.errorf("OpenAPI: %s %s → %d: %s: %s", r.Method, r.URL, rec.Code, p.Message, p.Reason)
		for _, f := range p.SchemaValidationErrors {
			c.errorf("    at %s: %s", f.FieldPath, f.Reason)
		}
	}
}

// serve sends req to h.
func serve(h http.Handler, req *http.Request) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func quietLog() *slog.Logger {
	return slog.New(slog.NewTextHandler(io.Discard, nil))
}

// do sends one request to h. body is JSON-encoded unless it is a string or
// []byte, which go as they are; header pairs follow ("Idempotency-Key", "k1").
func do(t *testing.T, h http.Handler, method, target, token string, body any, header ...string) *httptest.ResponseRecorder {
	t.Helper()
	return serve(h, newRequest(t, method, target, token, body, header...))
}

func newRequest(t *testing.T, method, target, token string, body any, header ...string) *http.Request {
	t.Helper()
	var r io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		r = strings.NewReader(b)
	case []byte:
		r = bytes.NewReader(b)
	default:
		j, err := json.Marshal(b)
		if err != nil {
			t.Fatal(err)
		}
		r = bytes.NewReader(j)
	}
	req := httptest.NewRequest(method, target, r)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	return req
}

// decode reads rec's JSON body into a value of type T.
func decode[T any](t *testing.T, rec *httptest.ResponseRecorder) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(rec.Body.Bytes(), &v); err != nil {
		t.Fatalf("answer %d is not the JSON expected: %v\n%s", rec.Code, err, rec.Body)
	}
	return v
}

// errorOf reads an error answer.
func errorOf(t *testing.T, rec *httptest.ResponseRecorder) errorDetail {
	t.Helper()
	return decode[errorResponse](t, rec).Error
}
