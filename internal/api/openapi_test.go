package api

import (
	"encoding/json"
	"maps"
	"net/http"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/pb33f/libopenapi"
	validator "github.com/pb33f/libopenapi-validator"
	"github.com/pb33f/libopenapi-validator/config"

	"qyzmet/internal/casework"
	"qyzmet/internal/decision"
	"qyzmet/internal/i18n"
	"qyzmet/internal/registry"
)

// TestOpenAPIDocumentValidates checks the embedded document against the OpenAPI
// 3.1 schema with a real validator, and that every schema compiles.
func TestOpenAPIDocumentValidates(t *testing.T) {
	doc, err := libopenapi.NewDocument(openAPIDocument)
	if err != nil {
		t.Fatalf("parse the OpenAPI document: %v", err)
	}
	if v := doc.GetVersion(); !strings.HasPrefix(v, "3.1.") {
		t.Fatalf("OpenAPI version %q, want 3.1.x", v)
	}
	v, errs := validator.NewValidator(doc, config.WithFormatAssertions())
	for _, err := range errs {
		t.Errorf("build the validator: %v", err)
	}
	if v == nil {
		t.FailNow()
	}
	if ok, verrs := v.ValidateDocument(); !ok {
		for _, e := range verrs {
			t.Errorf("document: %s: %s (line %d)", e.Message, e.Reason, e.SpecLine)
			for _, se := range e.SchemaValidationErrors {
				t.Errorf("  at %s (%s): %s", se.FieldPath, se.KeywordLocation, se.Reason)
			}
		}
	}
	model, err := doc.BuildV3Model()
	if err != nil {
		t.Fatalf("build the model: %v", err)
	}
	if model.Model.Components == nil || model.Model.Components.SecuritySchemes.GetOrZero("bearer") == nil {
		t.Error("the document has no bearer security scheme")
	}
}

// openAPIOperations are the (method, path) pairs the document describes.
func openAPIOperations(t *testing.T) map[string]bool {
	t.Helper()
	var doc struct {
		Paths map[string]map[string]json.RawMessage `json:"paths"`
	}
	if err := json.Unmarshal(openAPIDocument, &doc); err != nil {
		t.Fatal(err)
	}
	ops := map[string]bool{}
	for path, item := range doc.Paths {
		for method := range item {
			switch method {
			case "get", "put", "post", "delete", "options", "head", "patch", "trace":
				ops[strings.ToUpper(method)+" "+path] = true
			}
		}
	}
	return ops
}

// TestRoutesAreInOpenAPI checks both ways that every route the server serves is
// in the document and every operation of the document is served.
func TestRoutesAreInOpenAPI(t *testing.T) {
	documented := openAPIOperations(t)
	served := map[string]bool{}
	for _, rt := range routes {
		op := rt.method + " " + rt.path
		served[op] = true
		if !documented[op] {
			t.Errorf("route %s is served but not in openapi.json", op)
		}
	}
	for op := range documented {
		if !served[op] {
			t.Errorf("openapi.json describes %s, which the server does not serve", op)
		}
	}
	// The mux must route each documented operation to its route, not to the
	// catch-all: a pattern typo in the table would otherwise pass unnoticed.
	h := New(Config{})
	mux, ok := h.(*http.ServeMux)
	if !ok {
		t.Fatalf("New returned %T, want *http.ServeMux", h)
	}
	for op := range documented {
		method, path, _ := strings.Cut(op, " ")
		r, _ := http.NewRequest(method, strings.ReplaceAll(path, "{id}", "A-1"), nil)
		if _, pattern := mux.Handler(r); pattern != op {
			t.Errorf("%s %s is routed to %q, want %q", method, r.URL.Path, pattern, op)
		}
	}
}

// TestOpenAPIPublicRoutes checks that the routes answered without a token are
// exactly those the document exempts from security.
func TestOpenAPIPublicRoutes(t *testing.T) {
	var doc struct {
		Paths map[string]map[string]json.RawMessage `json:"paths"`
	}
	if err := json.Unmarshal(openAPIDocument, &doc); err != nil {
		t.Fatal(err)
	}
	for _, rt := range routes {
		var op struct {
			Security *[]map[string][]string `json:"security"`
		}
		if err := json.Unmarshal(doc.Paths[rt.path][strings.ToLower(rt.method)], &op); err != nil {
			t.Fatalf("%s %s: %v", rt.method, rt.path, err)
		}
		documentedPublic := op.Security != nil && len(*op.Security) == 0
		if documentedPublic != rt.public {
			t.Errorf("%s %s: public %v in the route table, %v in openapi.json", rt.method, rt.path, rt.public, documentedPublic)
		}
	}
}

// TestOpenAPIEnumsMatchEngine checks the document's enums of states, roles and
// command names against the engine's own lists, so that a new command or state
// cannot ship undocumented.
func TestOpenAPIEnumsMatchEngine(t *testing.T) {
	var doc struct {
		Components struct {
			Schemas map[string]struct {
				Enum []string `json:"enum"`
			} `json:"schemas"`
		} `json:"components"`
	}
	if err := json.Unmarshal(openAPIDocument, &doc); err != nil {
		t.Fatal(err)
	}
	eng, _ := newEngine(t, sqliteEngine(), nil)
	var commands []string
	for _, c := range eng.Commands() {
		commands = append(commands, c.Name)
	}
	tests := []struct {
		schema string
		want   []string
	}{
		{"State", strs(casework.States())},
		{"Role", strs(casework.Roles())},
		{"CommandName", commands},
	}
	for _, tt := range tests {
		got := slices.Sorted(slices.Values(doc.Components.Schemas[tt.schema].Enum))
		want := slices.Sorted(slices.Values(tt.want))
		if !slices.Equal(got, want) {
			t.Errorf("openapi.json %s enum = %v\nthe engine has      %v", tt.schema, got, want)
		}
	}
}

func strs[S ~string](in []S) []string {
	out := make([]string, len(in))
	for i, s := range in {
		out[i] = string(s)
	}
	return out
}

// TestOpenAPIServedAsEmbedded checks the route that serves the document.
func TestOpenAPIServedAsEmbedded(t *testing.T) {
	h := New(Config{})
	rec := do(t, h, "GET", Prefix+"/openapi.json", "", nil)
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d, want 200", rec.Code)
	}
	if got := rec.Body.String(); got != string(openAPIDocument) {
		t.Errorf("served document differs from the embedded one (%d vs %d bytes)", len(got), len(openAPIDocument))
	}
	if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("Content-Type %q", ct)
	}
}

// schemaShape is the part of a JSON Schema the Go types are compared with.
type schemaShape struct {
	Properties map[string]schemaShape `json:"properties"`
	Required   []string               `json:"required"`
}

// TestOpenAPISchemasMatchGoTypes compares each schema of the document with the
// Go type that is encoded or decoded as it: the same JSON field names, and, for
// what the API answers with, "required" exactly the fields that are always
// present (not omitempty). Response validation checks the answers the tests
// happen to produce; this checks every field, so that a field added to the
// engine's types cannot reach clients undocumented.
func TestOpenAPISchemasMatchGoTypes(t *testing.T) {
	var doc struct {
		Components struct {
			Schemas map[string]schemaShape `json:"schemas"`
		} `json:"components"`
	}
	if err := json.Unmarshal(openAPIDocument, &doc); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		schema   string // a component, or component.property for an inline schema
		goType   reflect.Type
		response bool // answered by the API: required must be the fields always present
	}{
		{"Application", reflect.TypeFor[casework.Application](), true},
		{"ApostilleCheck", reflect.TypeFor[casework.ApostilleCheck](), true},
		{"Verification", reflect.TypeFor[casework.Verification](), true},
		{"ApplicationList", reflect.TypeFor[applicationList](), true},
		{"Party", reflect.TypeFor[casework.Party](), true},
		{"Representative", reflect.TypeFor[casework.Representative](), true},
		{"Subject", reflect.TypeFor[casework.Subject](), true},
		{"POA", reflect.TypeFor[casework.POA](), true},
		{"Payment", reflect.TypeFor[casework.Payment](), true},
		{"DocumentInput", reflect.TypeFor[casework.DocumentInput](), true},
		{"ChecklistItem", reflect.TypeFor[casework.ChecklistItem](), true},
		{"Clock", reflect.TypeFor[casework.Clock](), true},
		{"Link", reflect.TypeFor[casework.Link](), true},
		{"Decision", reflect.TypeFor[casework.Decision](), true},
		{"Hearing", reflect.TypeFor[casework.Hearing](), true},
		{"Storage", reflect.TypeFor[casework.Storage](), true},
		{"Complaint", reflect.TypeFor[casework.Complaint](), true},
		{"Talon", reflect.TypeFor[casework.Talon](), true},
		{"Event", reflect.TypeFor[casework.Event](), true},
		{"EventList", reflect.TypeFor[eventList](), true},
		{"CommandSpec", reflect.TypeFor[casework.CommandSpec](), true},
		{"CommandList", reflect.TypeFor[commandList](), true},
		{"Notification", reflect.TypeFor[casework.Notification](), true},
		{"NotificationList", reflect.TypeFor[notificationList](), true},
		{"IssuedDocument", reflect.TypeFor[casework.IssuedDocument](), true},
		{"RecordCheck", reflect.TypeFor[casework.RecordCheck](), true},
		{"RegistryPerson", reflect.TypeFor[registry.Person](), true},
		{"RegistryName", reflect.TypeFor[registry.Name](), true},
		{"NameChange", reflect.TypeFor[registry.NameChange](), true},
		{"Evidence", reflect.TypeFor[decision.Evidence](), true},
		{"Text", reflect.TypeFor[i18n.Text](), true},
		{"Error", reflect.TypeFor[errorResponse](), true},
		{"Error.error", reflect.TypeFor[errorDetail](), true},
		{"SubmitInput", reflect.TypeFor[casework.SubmitInput](), false},
		{"ComplaintInput", reflect.TypeFor[casework.ComplaintInput](), false},
		{"CommandRequest", reflect.TypeFor[commandRequest](), false},
	}
	for _, tt := range tests {
		name, inner, _ := strings.Cut(tt.schema, ".")
		schema, ok := doc.Components.Schemas[name]
		if inner != "" {
			schema, ok = schema.Properties[inner]
		}
		if !ok {
			t.Errorf("openapi.json has no schema %s for %v", tt.schema, tt.goType)
			continue
		}
		fields := jsonFields(tt.goType)
		var goNames, always []string
		for _, f := range fields {
			name, opts, _ := strings.Cut(f.Tag.Get("json"), ",")
			if name == "" {
				name = f.Name
			}
			goNames = append(goNames, name)
			if !slices.Contains(strings.Split(opts, ","), "omitempty") {
				always = append(always, name)
			}
		}
		docNames := slices.Sorted(maps.Keys(schema.Properties))
		if slices.Sort(goNames); !slices.Equal(docNames, goNames) {
			t.Errorf("schema %s has properties %v\n%v encodes %v", tt.schema, docNames, tt.goType, goNames)
		}
		if !tt.response {
			continue
		}
		required := slices.Sorted(slices.Values(schema.Required))
		if slices.Sort(always); !slices.Equal(required, always) {
			t.Errorf("schema %s requires %v\n%v always encodes %v", tt.schema, required, tt.goType, always)
		}
	}
}
