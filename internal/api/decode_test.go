package api

import (
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"

	"qyzmet/internal/casework"
)

// TestFirstMismatch: the path of the first value that does not fit its Go type,
// with array indexes and the fields of embedded structs.
func TestFirstMismatch(t *testing.T) {
	submit := reflect.TypeFor[*casework.SubmitInput]()
	tests := []struct {
		body    string
		path    string
		unknown bool
	}{
		{`{"service": "criminal-record"}`, "", false},
		{`{"colour": 1}`, "colour", true},
		{`{"Service": "criminal-record"}`, "", false}, // keys match case-insensitively, as in encoding/json
		{`{"applicant": {"kind": "individual", "nick": "x"}}`, "applicant.nick", true},
		{`{"applicant": {"kind": 7}}`, "applicant.kind", false},
		{`{"documents": [{"id": "a"}, {"id": "b", "size": 3}]}`, "documents[1].size", true},
		{`{"documents": [{"id": "a"}, {"provided": "yes"}]}`, "documents[1].provided", false},
		{`{"documents": {"id": "a"}}`, "documents", false},
		{`{"representative": {"surname": "Ахметов", "poa": {"number": 12}}}`, "representative.poa.number", false},
		{`{"representative": {"surname": "Ахметов", "poa": {"seal": "x"}}}`, "representative.poa.seal", true},
		{`{"subject": {"birth_date": "2024-13-01"}}`, "subject.birth_date", false},
		{`{"subject": {"birth_date": 20240101}}`, "subject.birth_date", false},
		{`{"subject": {"birth_date": "2024-01-31"}}`, "", false},
		{`{"fields": {"country": "France", "copies": 2}}`, "fields.copies", false},
		{`{"submitted_at": "2026-03-02T10:00:00+05:00"}`, "", false},
		{`{"travel_abroad": null, "payment": null}`, "", false},
		{`"text"`, "$", false},
	}
	for _, tt := range tests {
		m, found := firstMismatch([]byte(tt.body), submit)
		if found != (tt.path != "") || m.path != tt.path || m.unknown != tt.unknown {
			t.Errorf("firstMismatch(%s) = %+v, %v; want path %q unknown %v", tt.body, m, found, tt.path, tt.unknown)
		}
	}
}

// TestDecodeJSONContentType: JSON only, in UTF-8.
func TestDecodeJSONContentType(t *testing.T) {
	tests := []struct {
		contentType string
		status      int
	}{
		{"application/json", 0},
		{"application/json; charset=utf-8", 0},
		{"application/json; charset=UTF-8", 0},
		{"application/json; charset=windows-1251", 415},
		{"text/plain", 415},
		{"", 415},
		{"application/json;;", 415},
	}
	for _, tt := range tests {
		req := httptest.NewRequest("POST", "/", strings.NewReader(`{"service": "x"}`))
		if tt.contentType != "" {
			req.Header.Set("Content-Type", tt.contentType)
		}
		var in casework.SubmitInput
		err := decodeJSON(httptest.NewRecorder(), req, &in)
		status := 0
		if err != nil {
			status = httpStatus(err)
		}
		if status != tt.status {
			t.Errorf("Content-Type %q: status %d (%v), want %d", tt.contentType, status, err, tt.status)
		}
	}
}

// TestResponseValidationCatchesDrift: the response validation of the tests
// fails an answer that breaks the document, so a passing suite means something.
func TestResponseValidationCatchesDrift(t *testing.T) {
	drifted := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`{"id": 7, "surprise": true}`))
	})
	var reported []string
	c := checkedAgainstDocument(t, drifted)
	c.errorf = func(format string, args ...any) { reported = append(reported, format) }
	do(t, c, "GET", Prefix+"/applications/abc", tokenAlice, nil)
	if len(reported) == 0 {
		t.Error("an answer that breaks the document passed the response validation")
	}
}

// TestMethodNotAllowed: a known path with a method it does not take is 405 with
// the methods it does take; an unknown path is 404. Both are JSON errors.
func TestMethodNotAllowed(t *testing.T) {
	h := New(Config{Tokens: testTokens()})
	tests := []struct {
		method, path string
		status       int
		allow        string
	}{
		{"DELETE", Prefix + "/applications/x", 405, "GET, HEAD"},
		{"PUT", Prefix + "/applications", 405, "POST, GET, HEAD"},
		{"GET", Prefix + "/complaints", 405, "POST"},
		{"GET", Prefix + "/nowhere", 404, ""},
		{"GET", Prefix + "/applications/x/y", 404, ""},
	}
	for _, tt := range tests {
		rec := do(t, h, tt.method, tt.path, tokenOfficer, nil)
		if rec.Code != tt.status || rec.Header().Get("Allow") != tt.allow {
			t.Errorf("%s %s: %d Allow %q, want %d Allow %q", tt.method, tt.path, rec.Code, rec.Header().Get("Allow"), tt.status, tt.allow)
		}
		if e := errorOf(t, rec); e.Message == "" {
			t.Errorf("%s %s: no message", tt.method, tt.path)
		}
	}
}
