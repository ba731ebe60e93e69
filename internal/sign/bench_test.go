package sign

import (
	"testing"

	"qyzmet/internal/pdf/samplecert"
)

// BenchmarkSignedCertificate is the target: one bilingual one-page
// certificate from its data to signed PDF bytes (run with -cpu 1 for one core).
// The fonts are parsed before the clock starts, once per process, as in a server.
func BenchmarkSignedCertificate(b *testing.B) {
	s, _, _ := demo(b)
	data := samplecert.Example()
	if _, err := PDF(samplecert.Draw(data), s, Options{}); err != nil {
		b.Fatal(err)
	}
	size := 0
	for b.Loop() {
		out, err := PDF(samplecert.Draw(data), s, Options{})
		if err != nil {
			b.Fatal(err)
		}
		size = len(out)
	}
	b.ReportMetric(float64(size), "bytes/doc")
}
