package decision_test

import (
	"context"
	"strings"
	"testing"

	"qyzmet/internal/apperr"
	"qyzmet/internal/calendar"
	"qyzmet/internal/decision"
	"qyzmet/internal/registry"
	"qyzmet/internal/standard"
)

func standardAt(t testing.TB, id standard.ServiceID) *standard.Standard {
	t.Helper()
	set, err := standard.Default()
	if err != nil {
		t.Fatal(err)
	}
	std, err := set.At(id, calendar.D(2026, 3, 2))
	if err != nil {
		t.Fatal(err)
	}
	return std
}

var (
	prosecutor = registry.Signatory{ID: "SG1", Name: name("Құрманов", "Ерлан", "Серікұлы"), Position: "заместитель прокурора",
		Body: "Прокуратура г. Астаны", BodyKind: registry.Prosecution, SealID: "PR-01-001",
		ValidFrom: calendar.D(2019, 1, 10), ValidTo: calendar.D(2025, 6, 30)}
	judge = registry.Signatory{ID: "SG2", Name: name("Ким", "Виктор", "Андреевич"), Position: "судья",
		Body: "Специализированный межрайонный суд г. Алматы", BodyKind: registry.Court, SealID: "SD-02-001",
		ValidFrom: calendar.D(2015, 4, 1)}
)

// prosecutorDoc is a document prosecutor signed on 3 March 2024.
func prosecutorDoc() decision.OfficialDocument {
	return decision.OfficialDocument{Signer: name("Курманов", "Ерлан", "Серикович"), Position: "Заместитель прокурора",
		Body: "Прокуратура г. Астаны", SealID: "pr-01-001", SignedOn: calendar.D(2024, 3, 3)}
}

func TestVerifyApostille(t *testing.T) {
	tests := []struct {
		name    string
		service standard.ServiceID
		doc     func(d *decision.OfficialDocument)
		ok      bool
		failed  string // the fields that failed
		grounds string // ground IDs
	}{
		{name: "AP-6.2 every point matches the specimen (names in either spelling)", service: standard.ApostilleProsecution, ok: true},
		{name: "AP-6.2 AP-STD-9 another signer under the body's seal: unreliable", service: standard.ApostilleProsecution,
			doc:    func(d *decision.OfficialDocument) { d.Signer = name("Сейтов", "Арман", "") },
			failed: "signer", grounds: "unreliable"},
		{name: "AP-6.2 AP-STD-9 another seal: unreliable", service: standard.ApostilleProsecution,
			doc:    func(d *decision.OfficialDocument) { d.SealID = "PR-09-001" },
			failed: "seal", grounds: "unreliable"},
		{name: "AP-6.2 AP-STD-9 another position: unreliable", service: standard.ApostilleProsecution,
			doc:    func(d *decision.OfficialDocument) { d.Position = "прокурор" },
			failed: "position", grounds: "unreliable"},
		{name: "AP-6.2 AP-STD-9 another body: unreliable", service: standard.ApostilleProsecution,
			doc:    func(d *decision.OfficialDocument) { d.Body = "Прокуратура г. Алматы" },
			failed: "body", grounds: "unreliable"},
		{name: "AP-6.2 AP-STD-9 signed after the specimen ended: unreliable", service: standard.ApostilleProsecution,
			doc:    func(d *decision.OfficialDocument) { d.SignedOn = calendar.D(2025, 7, 1) },
			failed: "date", grounds: "unreliable"},
		{name: "AP-6.2 AP-STD-9 signed before the specimen began: unreliable", service: standard.ApostilleProsecution,
			doc:    func(d *decision.OfficialDocument) { d.SignedOn = calendar.D(2019, 1, 9) },
			failed: "date", grounds: "unreliable"},
		{name: "AP-6.2 AP-STD-9 a signer one letter off is not the signer", service: standard.ApostilleProsecution,
			doc: func(d *decision.OfficialDocument) {
				d.Signer = name("Курманов", "Ерлат", "Серикович")
			},
			failed: "signer", grounds: "unreliable"},
		{name: "AP-6.2 AP-STD-9 unknown seal and signer: unreliable", service: standard.ApostilleProsecution,
			doc: func(d *decision.OfficialDocument) {
				d.Signer, d.SealID = name("Петров", "Пётр", ""), "XX-00-000"
			},
			failed: "signer,seal", grounds: "unreliable"},
		{name: "AP-STD-9 a court's document brought to the prosecution apostille: non-compliant", service: standard.ApostilleProsecution,
			doc: func(d *decision.OfficialDocument) {
				*d = decision.OfficialDocument{Signer: judge.Name, Position: judge.Position, Body: judge.Body, SealID: judge.SealID, SignedOn: calendar.D(2025, 1, 1)}
			},
			failed: "body_kind", grounds: "non-compliant"},
		{name: "AC-15-1 a court's document matches", service: standard.ApostilleCourt, ok: true,
			doc: func(d *decision.OfficialDocument) {
				*d = decision.OfficialDocument{Signer: judge.Name, Position: "Судья", Body: judge.Body, SealID: judge.SealID, SignedOn: calendar.D(2025, 1, 1)}
			}},
		{name: "AC-15-1 a prosecutor's document at the court apostille: non-compliant", service: standard.ApostilleCourt,
			failed: "body_kind", grounds: "non-compliant"},
		{name: "AC-15-1 both grounds at once", service: standard.ApostilleCourt,
			doc:    func(d *decision.OfficialDocument) { d.SignedOn = calendar.D(2025, 7, 1) },
			failed: "date,body_kind", grounds: "unreliable,non-compliant"},
		{name: "AC-15-1 a document dated in the future", service: standard.ApostilleCourt,
			doc: func(d *decision.OfficialDocument) {
				*d = decision.OfficialDocument{Signer: judge.Name, Position: judge.Position, Body: judge.Body, SealID: judge.SealID, SignedOn: calendar.D(2026, 3, 3)}
			},
			failed: "date", grounds: "unreliable"},
	}
	r := &registries{specimens: []registry.Signatory{prosecutor, judge}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := prosecutorDoc()
			if tt.doc != nil {
				tt.doc(&doc)
			}
			std := standardAt(t, tt.service)
			v, err := decision.VerifyApostille(context.Background(), r, std, doc, calendar.D(2026, 3, 2))
			if err != nil {
				t.Fatal(err)
			}
			var failed, grounds []string
			for _, c := range v.Checks {
				if !c.OK {
					failed = append(failed, c.Field)
				}
				if !c.Note.Complete() || c.Rule == "" {
					t.Errorf("check %+v", c)
				}
			}
			for _, g := range v.Grounds {
				grounds = append(grounds, g.ID)
				if g.Rule == "" || !g.Name.Complete() {
					t.Errorf("ground %+v", g)
				}
			}
			if v.Authentic != tt.ok || strings.Join(failed, ",") != tt.failed || strings.Join(grounds, ",") != tt.grounds {
				t.Errorf("authentic %v, failed %v, grounds %v; want %v, %q, %q", v.Authentic, failed, grounds, tt.ok, tt.failed, tt.grounds)
			}
		})
	}
}

func TestVerifyApostilleRefusesOtherServices(t *testing.T) {
	r := &registries{}
	_, err := decision.VerifyApostille(context.Background(), r, standardAt(t, standard.CriminalRecord), prosecutorDoc(), calendar.D(2026, 3, 2))
	if apperr.CodeOf(err) != apperr.Invalid {
		t.Errorf("a criminal-record standard: %v", err)
	}
	doc := prosecutorDoc()
	doc.SealID = ""
	if _, err := decision.VerifyApostille(context.Background(), r, standardAt(t, standard.ApostilleProsecution), doc, calendar.D(2026, 3, 2)); apperr.CodeOf(err) != apperr.Invalid {
		t.Errorf("a document without a seal: %v", err)
	}
}
