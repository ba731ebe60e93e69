package document

import "testing"

// BenchmarkRender draws each form from its sample and writes the unsigned PDF
// (the signature's cost is measured in internal/sign and internal/eregister).
//
//	go test ./internal/document -run '^$' -bench Render -benchmem
func BenchmarkRender(b *testing.B) {
	for _, s := range Forms() {
		data, err := Sample(s.ID)
		if err != nil {
			b.Fatal(err)
		}
		meta := SampleMeta(s.ID)
		b.Run(string(s.ID), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				doc, err := Render(s.ID, data, meta)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := doc.Bytes(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkJournalXLSX writes the sample journal (three entries) as a workbook.
func BenchmarkJournalXLSX(b *testing.B) {
	j := sampleJournal()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := JournalXLSX(j); err != nil {
			b.Fatal(err)
		}
	}
}
