package providerdesk_test

import (
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
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

// A command's heading names the rule of the application's own service: the
// engine's issue command cites AP-6.3, which a criminal-record page must not
// show; the additional check's own rule (CR-STD-3.1) shows.
func TestCommandsNameTheirServicesRules_CR_STD_3_1(t *testing.T) {
	d := newDesk(t, nil)
	app := d.crAdditionalCheck(d.unknownPerson())
	c := d.staff("rules.officer", casework.RoleOfficer)
	resp, body := c.Get(appPath(app.ID) + "?lang=en")
	wantStatus(t, resp, body, http.StatusOK)
	if strings.Contains(body, `<span class="rule">AP-6.3</span>`) {
		t.Error("a criminal-record application's page cites the apostille's AP-6.3")
	}
	if !strings.Contains(body, `<span class="rule">CR-STD-3.1</span>`) {
		t.Error("the page does not cite CR-STD-3.1")
	}
}
