package cli

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"qyzmet/internal/api"
	"qyzmet/internal/auth"
	"qyzmet/internal/casework"
	"qyzmet/internal/eregister/eregistertest"
	"qyzmet/internal/pdf/pdftest"
	"qyzmet/internal/sign"
	"qyzmet/internal/web/ui"
)

// server is a `qyzmet serve --demo` process of the test.
type server struct {
	cmd    *exec.Cmd
	url    string
	output *bytes.Buffer // stdout up to the listening line
	done   chan error
}

// buildQyzmet builds the binary into a temporary directory.
func buildQyzmet(t *testing.T) string {
	t.Helper()
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("the go command is needed to build qyzmet: %v", err)
	}
	bin := filepath.Join(t.TempDir(), "qyzmet")
	if out, err := exec.Command(gobin, "build", "-o", bin, "qyzmet/cmd/qyzmet").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// startDemo starts `qyzmet serve --demo` on a free port with data in dir, on
// SQLite, and waits for its listening line.
func startDemo(t *testing.T, bin, dir string) *server {
	t.Helper()
	cmd := exec.Command(bin, "serve", "--demo", "--addr", "127.0.0.1:0", "--data", dir)
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "QYZMET_") {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	s := &server{cmd: cmd, output: &bytes.Buffer{}, done: make(chan error, 1)}
	found := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			line := sc.Text()
			if rest, ok := strings.CutPrefix(line, "qyzmet: listening on "); ok {
				found <- strings.Fields(rest)[0]
				break
			}
			s.output.WriteString(line + "\n")
		}
		io.Copy(io.Discard, stdout)
		s.done <- cmd.Wait()
	}()
	t.Cleanup(func() { s.stop(t) })
	select {
	case s.url = <-found:
	case err := <-s.done:
		t.Fatalf("qyzmet serve --demo ended before listening: %v\n%s", err, stderr.String())
	case <-time.After(90 * time.Second):
		t.Fatalf("qyzmet serve --demo did not listen within 90 s\n%s", stderr.String())
	}
	return s
}

// stop interrupts the server, as Ctrl-C does, and waits for it.
func (s *server) stop(t *testing.T) {
	if s.cmd.ProcessState != nil || s.cmd.Process == nil {
		return
	}
	s.cmd.Process.Signal(os.Interrupt)
	select {
	case <-s.done:
	case <-time.After(30 * time.Second):
		s.cmd.Process.Kill()
		<-s.done
		t.Error("qyzmet serve did not stop within 30 s of the interrupt")
	}
}

// call sends one API request and decodes a JSON answer into out (unless nil).
func (s *server) call(t *testing.T, method, path, token string, body any, out any) []byte {
	t.Helper()
	var r io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			t.Fatal(err)
		}
		r = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, s.url+path, r)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+token)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Idempotency-Key", fmt.Sprintf("e2e-%d", time.Now().UnixNano()))
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	if res.StatusCode >= 300 {
		t.Fatalf("%s %s: status %d\n%s", method, path, res.StatusCode, b)
	}
	if out != nil {
		if err := json.Unmarshal(b, out); err != nil {
			t.Fatalf("%s %s: %v\n%s", method, path, err, b)
		}
	}
	return b
}

// applyAndWait submits the demo applicant's criminal-record e-request and
// polls until it is issued.
func (s *server) applyAndWait(t *testing.T, token string, a casework.Actor) casework.Application {
	t.Helper()
	given, surname, _ := strings.Cut(a.Name, " ")
	if i := strings.LastIndex(a.Name, " "); i >= 0 {
		surname = a.Name[i+1:]
	}
	var app casework.Application
	s.call(t, "POST", api.Prefix+"/applications", token, map[string]any{
		"service": "criminal-record", "channel": "portal",
		"applicant": map[string]any{"kind": "individual", "iin": a.IIN, "surname": surname, "given_name": given},
		"documents": []map[string]any{{"id": "e-request", "provided": true}},
	}, &app)
	deadline := time.Now().Add(10 * time.Second)
	for app.State != casework.StateIssued {
		if time.Now().After(deadline) {
			t.Fatalf("application %s is %s after 10 s, want issued (CR-STD-3.1)", app.ID, app.State)
		}
		time.Sleep(100 * time.Millisecond)
		s.call(t, "GET", api.Prefix+"/applications/"+app.ID, token, nil, &app)
	}
	return app
}

// TestServeDemoIssuesCertificate runs the binary: the demo applicant applies
// for a criminal-record certificate and gets it at once, signed and registered,
// as a PDF that poppler's pdfsig validates against the demonstration CA; a
// restart keeps the registries as they were.
func TestServeDemoIssuesCertificate(t *testing.T) {
	bin := buildQyzmet(t)
	dir := t.TempDir()
	srv := startDemo(t, bin, dir)
	if !strings.Contains(srv.output.String(), "demo registry persons") {
		t.Errorf("the first start did not load the demo registries:\n%s", srv.output)
	}
	tokens, err := api.LoadTokens(filepath.Join(dir, api.DevTokensFile))
	if err != nil {
		t.Fatal(err)
	}
	var token string
	var applicant casework.Actor
	for tok, a := range tokens {
		if a.Role == casework.RoleApplicant {
			token, applicant = tok, a
		}
	}
	if token == "" {
		t.Fatal("no demo applicant among the tokens")
	}

	t.Run("CR-STD-3.1 CR-STD-5.1 the demo applicant's certificate, signed and registered", func(t *testing.T) {
		app := srv.applyAndWait(t, token, applicant)
		if app.Decision == nil || app.Decision.Finding != casework.FindingNoRecord || len(app.Documents) != 1 {
			t.Fatalf("decision %+v, documents %+v: want the no-record certificate and its document", app.Decision, app.Documents)
		}
		number := app.Documents[0].Number
		file := srv.call(t, "GET", api.Prefix+"/applications/"+app.ID+"/documents/"+number, token, nil, nil)
		if _, err := sign.Verify(file, mustTrust(t, filepath.Join(dir, "pki"))); err != nil {
			t.Fatalf("the certificate does not verify: %v", err)
		}
		// pdfsig and certutil (poppler, NSS): skipped without them, failed under CI=true.
		pdftest.Tool(t, "pdfsig")
		nss := eregistertest.NSSTrusting(t, filepath.Join(dir, "pki", sign.DemoCAFile))
		if ok, report := eregistertest.PdfsigValid(t, nss, file); !ok {
			t.Fatalf("pdfsig does not validate %s:\n%s", number, report)
		}
	})
	t.Run("a demo staff account for every role, printed and able to sign in", func(t *testing.T) {
		srv.checkDemoStaff(t)
	})
	t.Run("CR-STD-3.1 a restart keeps the registries and still issues", func(t *testing.T) {
		srv.stop(t)
		again := startDemo(t, bin, dir)
		if strings.Contains(again.output.String(), "demo registry") {
			t.Errorf("the registries were loaded again on restart:\n%s", again.output)
		}
		again.applyAndWait(t, token, applicant)
	})
}

// demoStaffLine is how `serve --demo` prints a staff account.
var demoStaffLine = regexp.MustCompile(`(?m)^qyzmet: demo staff sign-in: /staff/signin login=(\S+) password=(\S+) role=(\S+)$`)

// checkDemoStaff finds a printed demo account for every staff role (#7) and
// signs in with each at the staff sign-in, which sends it to its role's desk.
func (s *server) checkDemoStaff(t *testing.T) {
	t.Helper()
	printed := map[casework.Role][2]string{}
	for _, m := range demoStaffLine.FindAllStringSubmatch(s.output.String(), -1) {
		printed[casework.Role(m[3])] = [2]string{m[1], m[2]}
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	for _, role := range auth.StaffRoles() {
		account, ok := printed[role]
		if !ok {
			t.Errorf("no demo staff account printed for %s:\n%s", role, s.output)
			continue
		}
		res, err := client.PostForm(s.url+ui.PathStaffSignIn, url.Values{"login": {account[0]}, "password": {account[1]}})
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		want := ui.Home(auth.Principal{Kind: auth.KindStaff, Login: account[0], Roles: []casework.Role{role}})
		if loc := res.Header.Get("Location"); res.StatusCode != http.StatusSeeOther || loc != want {
			t.Errorf("sign-in of the demo %s %s: %d → %q, want %q", role, account[0], res.StatusCode, loc, want)
		}
	}
	// The walk-in apostille of docs/walkthrough.md needs an official whose
	// specimen the registry holds.
	if !demoSpecimenLine.MatchString(s.output.String()) {
		t.Errorf("no demo apostille specimen printed:\n%s", s.output)
	}
}

var demoSpecimenLine = regexp.MustCompile(`(?m)^qyzmet: demo apostille specimen: signer="[^"]+ [^"]+" position="[^"]+" body="[^"]+" seal=[A-Z]{2}-\d{2}-\d{3}$`)
