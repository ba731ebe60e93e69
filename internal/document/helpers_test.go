package document

import (
	"strings"
	"testing"

	"qyzmet/internal/pdf/pdftest"
)

// renderSample draws form id from its sample and sample meta.
func renderSample(t testing.TB, id FormID) []byte {
	t.Helper()
	data, err := Sample(id)
	if err != nil {
		t.Fatal(err)
	}
	return render(t, id, data, SampleMeta(id))
}

func render(t testing.TB, id FormID, data any, meta Meta) []byte {
	t.Helper()
	doc, err := Render(id, data, meta)
	if err != nil {
		t.Fatalf("%s: %v", id, err)
	}
	b, err := doc.Bytes()
	if err != nil {
		t.Fatalf("%s: %v", id, err)
	}
	return b
}

// text is the text layer of a PDF as pdftotext extracts it, in content order
// (-raw), with every run of white space made one space, so that a phrase
// wrapped over lines is still found.
func text(t testing.TB, name string, b []byte) string {
	t.Helper()
	file := pdftest.WriteFile(t, name+".pdf", b)
	out, ok := pdftest.Run(t, "pdftotext", "-raw", "-enc", "UTF-8", file, "-")
	if !ok {
		t.Fatalf("pdftotext: %s", out)
	}
	return strings.Join(strings.Fields(out), " ")
}
