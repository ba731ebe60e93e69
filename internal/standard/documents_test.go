package standard

import (
	"slices"
	"strings"
	"testing"
)

func TestRequiredDocuments(t *testing.T) {
	set := mustDefault(t)
	tests := []struct {
		name    string
		service ServiceID
		channel Channel
		holds   []Condition
		want    string // document IDs in file order
	}{
		{"CR-STD-8.1 at the State Corporation", CriminalRecord, StateCorp, nil,
			"application identity"},
		{"CR-STD-8.1 representative needs a notarized POA", CriminalRecord, StateCorp, []Condition{CondRepresentative},
			"application identity power-of-attorney"},
		{"CR-STD-5.2 another person's data needs that person's POA", CriminalRecord, StateCorp, []Condition{CondThirdPartyRequest},
			"application identity subject-power-of-attorney"},
		{"CR-STD-8.1 birth certificate only when the registry lacks it", CriminalRecord, StateCorp, []Condition{CondMinorRelativeNotInRegistry},
			"application identity birth-certificate"},
		{"CR-STD-8.2 former data changed and not in the registry", CriminalRecord, StateCorp, []Condition{CondFormerDataChangedNotInRegistry},
			"application identity former-data-proof"},
		{"CR-STD-8.3 portal e-request", CriminalRecord, Portal, nil,
			"e-request"},
		{"CR-STD-8.3 portal travel abroad chooses a branch", CriminalRecord, Portal, []Condition{CondTravelAbroad},
			"e-request branch"},
		{"CR-STD-8.4 portal third-party request needs consent", CriminalRecord, Portal, []Condition{CondThirdPartyRequest, CondRepresentative},
			"e-request subject-consent"},
		{"AP-STD-8 paid through the gateway", ApostilleProsecution, StateCorp, nil,
			"application identity official-document"},
		{"AP-STD-8 paid at a bank needs the receipt", ApostilleProsecution, StateCorp, []Condition{CondNotPaidViaGateway},
			"application identity official-document duty-receipt"},
		{"AR-STD-8.1 kinship documents only when the registry lacks them", ArchivalCertificate, StateCorp, []Condition{CondKinshipNotInRegistry, CondRepresentative},
			"application identity kinship-documents power-of-attorney"},
		{"AR-STD-8.2 portal always chooses a branch", ArchivalCertificate, Portal, nil,
			"e-request branch"},
		{"AR-6.1 person under 16 in 1940 needs the parents' data", ArchivalCertificate, Portal, []Condition{CondSubjectUnder16In1940},
			"e-request branch parents-data"},
		{"AC-9 name change registered after 2008 and gateway payment", ApostilleCourt, StateCorp, nil,
			"application identity court-document"},
		{"AC-9 everything needed", ApostilleCourt, ProviderOffice, []Condition{CondRepresentative, CondNameChangedNotRegistered, CondNotPaidViaGateway},
			"application identity court-document power-of-attorney name-change-copy duty-payment-proof"},
		{"AC-9 consulate request through the DEAC office", ApostilleCourt, Consulate, []Condition{CondNotPaidViaGateway},
			"application identity court-document duty-payment-proof"},
		{"AC-9-1 portal, paid through the gateway", ApostilleCourt, Portal, nil,
			"e-application document-scan"},
		{"AC-9-1 portal scans when not paid through the gateway and name not registered", ApostilleCourt, Portal, []Condition{CondNotPaidViaGateway, CondNameChangedNotRegistered},
			"e-application document-scan duty-payment-scan name-change-scan"},
		{"CP-7 complaint", Complaint, Portal, nil,
			"complaint"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			std := mustAt(t, set, tt.service, today)
			docs := std.RequiredDocuments(tt.channel, func(c Condition) bool { return slices.Contains(tt.holds, c) })
			got := strings.Join(ids(docs, func(d DocumentRule) string { return d.ID }), " ")
			if got != tt.want {
				t.Errorf("RequiredDocuments(%s, %v) = %s; want %s", tt.channel, tt.holds, got, tt.want)
			}
		})
	}
}

func TestRequiredDocumentsWithNoConditionFunction(t *testing.T) {
	std := mustAt(t, mustDefault(t), ApostilleCourt, today)
	got := ids(std.RequiredDocuments(Portal, nil), func(d DocumentRule) string { return d.ID })
	if strings.Join(got, " ") != "e-application document-scan" {
		t.Errorf("RequiredDocuments(portal, nil) = %v", got)
	}
}

func TestDocumentDetails(t *testing.T) {
	set := mustDefault(t)
	cr := mustAt(t, set, CriminalRecord, today)
	ac := mustAt(t, set, ApostilleCourt, today)
	find := func(std *Standard, id string) DocumentRule {
		for _, d := range std.Documents {
			if d.ID == id {
				return d
			}
		}
		t.Fatalf("%s has no document %q", std.Service, id)
		return DocumentRule{}
	}
	if d := find(cr, "e-request"); !slices.Equal(d.Signatures, []Signature{EDS, OTP}) || d.Rule != "CR-STD-8.3" {
		t.Errorf("CR-STD-8.3 e-request: %+v; want EDS or OTP", d)
	}
	if d := find(ac, "e-application"); !slices.Equal(d.Signatures, []Signature{EDS}) || d.Rule != "AC-9-1" {
		t.Errorf("AC-9-1 e-application: %+v; want EDS only", d)
	}
	if d := find(ac, "document-scan"); d.Kind != KindScan {
		t.Errorf("AC-9-1 scanned copy: kind %s", d.Kind)
	}
	if d := find(cr, "identity"); !d.DigitalAlternative {
		t.Error("CR-STD-8.1: a digital document may replace the identity document")
	}
	if d := find(ac, "identity"); d.DigitalAlternative {
		t.Error("AC-9: the court apostille text knows no digital documents")
	}
	if d := find(ac, "application"); d.Form != "application" {
		t.Errorf("AC-9(1): application form %q", d.Form)
	}
	if f, ok := ac.Form("application"); !ok || f.Rule != "AC-F1" || f.Annex != 1 || len(f.Texts) == 0 {
		t.Errorf("AC-F1 form: %+v", f)
	}
	if f, ok := ac.Form(ac.IncompletePackage.Form); !ok || f.Rule != "AC-F2" || ac.IncompletePackage.Rule != "AC-15" {
		t.Errorf("AC-15 incomplete package with the AC-F2 receipt: %+v", f)
	}
	if f, ok := cr.Form("certificate-travel-abroad"); !ok || f.Rule != "CR-F5" || f.Annex != 5 {
		t.Errorf("CR-F5 form: %+v", f)
	}
}

func TestConditions(t *testing.T) {
	all := Conditions()
	if len(all) == 0 {
		t.Fatal("no conditions")
	}
	for _, c := range all {
		if !c.Valid() || !c.Name().Complete() {
			t.Errorf("condition %q: valid %v, name %+v", c, c.Valid(), c.Name())
		}
	}
	if Condition("registered-after-2008").Valid() {
		t.Error("an unknown condition is valid")
	}
	// Every condition is used by some standard, so none is dead.
	used := map[Condition]bool{}
	set := mustDefault(t)
	for _, id := range set.Services() {
		for _, std := range set.Versions(id) {
			for _, d := range std.Documents {
				for _, c := range d.When {
					used[c] = true
				}
			}
		}
	}
	for _, c := range all {
		if !used[c] {
			t.Errorf("condition %q is used by no standard", c)
		}
	}
}
