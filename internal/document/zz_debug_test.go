package document

import (
	"os"
	"testing"
)

func TestDebugDump(t *testing.T) {
	dir := os.Getenv("QYZMET_DUMP")
	if dir == "" {
		t.Skip()
	}
	for _, s := range Forms() {
		b := renderSample(t, s.ID)
		os.WriteFile(dir+"/"+string(s.ID)+".pdf", b, 0o644)
	}
}
