package samplecert

import (
	"testing"

	"qyzmet/internal/pdf"
)

func TestAnnex5Certificate(t *testing.T) {
	t.Run("CR-F5 draws on one A4 page without a problem", func(t *testing.T) {
		b, err := Draw(Example()).Bytes()
		if err != nil {
			t.Fatal(err)
		}
		info, err := pdf.ReadInfo(b)
		if err != nil {
			t.Fatal(err)
		}
		if info.Number != Example().Number {
			t.Errorf("document number %q, want %q", info.Number, Example().Number)
		}
	})
	t.Run("CR-F5 a record changes the statement", func(t *testing.T) {
		clean, _ := Draw(Example()).Bytes()
		d := Example()
		d.HasRecord = true
		withRecord, err := Draw(d).Bytes()
		if err != nil {
			t.Fatal(err)
		}
		if string(clean) == string(withRecord) {
			t.Error("HasRecord drew the same certificate")
		}
	})
}
