package providerdesk_test

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"qyzmet/internal/casework"
	"qyzmet/internal/decision"
	"qyzmet/internal/web/ui"
)

var keyRe = regexp.MustCompile(`"(providerdesk\.[a-z0-9_.-]*[a-z0-9_-])"`)

// Every word the desk shows exists in Kazakh, Russian and English: the keys
// the templates and the code name, and the families they build from data.
func TestEveryMessageExists(t *testing.T) {
	files, _ := filepath.Glob("templates/*.html")
	gofiles, _ := filepath.Glob("*.go")
	var keys []string
	for _, f := range append(files, gofiles...) {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range keyRe.FindAllStringSubmatch(string(b), -1) {
			keys = append(keys, m[1])
		}
	}
	if len(keys) < 150 {
		t.Fatalf("found only %d message keys: the scan is broken", len(keys))
	}
	families := map[string][]string{
		"providerdesk.check.":         {"signer", "position", "body", "seal", "date", "body_kind", "amount", "budget_code", "application", "reference"},
		"providerdesk.evidence.":      {string(decision.EvidenceNotInRegistry), string(decision.EvidenceRegistryDiffers), string(decision.EvidenceSeveralPersons), string(decision.EvidenceSimilarName), string(decision.EvidenceNamesake)},
		"providerdesk.record.":        {string(decision.NoRecord), string(decision.HasRecord), string(decision.AdditionalCheck), string(decision.ConsentRequired), string(casework.RecordUndecided)},
		"providerdesk.payment.":       {string(decision.Paid), string(decision.NotPaid), string(decision.AwaitingConfirmation), string(decision.Free)},
		"providerdesk.outcome.":       {casework.OutcomeIssued, casework.OutcomeRefused, casework.OutcomeInterimReply},
		"providerdesk.finding.":       {casework.FindingNoRecord, casework.FindingHasRecord},
		"providerdesk.method.":        {"in-person", "video", "phone", "written"},
		"providerdesk.level.":         {"ok", "soon", "late"},
		"providerdesk.sign.":          {"title", "lead", "submit"},
		"providerdesk.dispatch.":      {"title", "lead", "submit"},
		"providerdesk.recorded.kind.": {casework.VerifiedApostille, casework.VerifiedCard, casework.VerifiedNoData},
	}
	for prefix, ids := range families {
		for _, id := range ids {
			keys = append(keys, prefix+id)
		}
	}
	for _, k := range keys {
		if _, ok := ui.Lookup(k); !ok {
			t.Errorf("message %q is missing", k)
		}
	}
}
