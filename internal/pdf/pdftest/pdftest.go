// Package pdftest helps tests check documents with the standard tools of poppler
// (pdftotext, pdfsig, pdftoppm, pdfinfo) and NSS (certutil). Under CI=true a
// missing tool fails the test, so a green CI run has really checked the files;
// elsewhere the test is skipped. scripts/deps.sh installs the tools.
package pdftest

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// Tool returns the path of a command-line tool, or ends the test when it is missing.
func Tool(t testing.TB, name string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err == nil {
		return path
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s is not installed (poppler-utils, libnss3-tools): run scripts/deps.sh", name)
	}
	t.Skipf("%s is not installed (poppler-utils, libnss3-tools); CI=true makes this a failure", name)
	return ""
}

// Run runs a tool and returns its standard output and whether it exited with 0.
// The tool's standard error is appended to the output, as the tools print their
// verdicts on either.
func Run(t testing.TB, name string, args ...string) (string, bool) {
	t.Helper()
	cmd := exec.Command(Tool(t, name), args...)
	var out bytes.Buffer
	cmd.Stdout = &out
	cmd.Stderr = &out
	err := cmd.Run()
	if err != nil {
		if _, exit := err.(*exec.ExitError); !exit {
			t.Fatalf("%s: %v", name, err)
		}
	}
	return out.String(), err == nil
}

// WriteFile writes data to a file in the test's temporary directory and returns its path.
func WriteFile(t testing.TB, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}
