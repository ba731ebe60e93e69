package csvimport_test

import (
	"os"
	"strings"
	"testing"

	"qyzmet/internal/registry/csvimport"
)

// docs/registries.md describes every column of every format, in the section
// of its registry.
func TestDocsListEveryColumn(t *testing.T) {
	b, err := os.ReadFile("../../../docs/registries.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(b)
	for _, kind := range csvimport.Kinds {
		start := strings.Index(doc, "### `"+string(kind)+"`")
		if start < 0 {
			t.Errorf("docs/registries.md has no section for %s", kind)
			continue
		}
		section := doc[start+1:]
		if end := strings.Index(section, "\n#"); end >= 0 {
			section = section[:end]
		}
		required, optional := csvimport.Columns(kind)
		for _, col := range append(required, optional...) {
			if !strings.Contains(section, "`"+col+"`") {
				t.Errorf("docs/registries.md, section %s, does not describe the column %s", kind, col)
			}
		}
	}
}
