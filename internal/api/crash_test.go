package api

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"qyzmet/internal/casework"
)

// TestCrashAfter201LosesNothing: killing the process (SIGKILL) right after a
// 201 answer loses nothing. It builds the real binary, serves a SQLite data
// directory, submits applications and kills the server the instant the last
// 201 arrives — no graceful shutdown, no chance to flush anything — then starts
// it again on the same directory and finds every acknowledged application with
// its events. An answer is sent only after the commit, and SQLite's WAL with
// synchronous=FULL has the commit on disk when COMMIT returns.
func TestCrashAfter201LosesNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	bin := filepath.Join(t.TempDir(), "qyzmet")
	build := exec.Command("go", "build", "-o", bin, "qyzmet/cmd/qyzmet")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	data := t.TempDir()

	const lives, perLife = 4, 3
	var acknowledged []string // IDs of the applications answered with 201
	for life := 0; life < lives; life++ {
		srv := startServer(t, bin, data)
		for _, id := range acknowledged {
			srv.mustHave(t, id)
		}
		for i := 0; i < perLife; i++ {
			key := fmt.Sprintf("crash-%d-%d", life, i)
			res := srv.post(t, "/api/v1/applications", key, srv.application())
			if res.StatusCode != http.StatusCreated {
				srv.kill()
				t.Fatalf("life %d: submit answered %d, want 201\n%s", life, res.StatusCode, srv.stderr())
			}
			id := strings.TrimPrefix(res.Header.Get("Location"), Prefix+"/applications/")
			if i == perLife-1 {
				// The instant the 201's headers arrive, before its body is read.
				srv.kill()
			}
			res.Body.Close()
			acknowledged = append(acknowledged, id)
		}
		srv.kill()
	}
	srv := startServer(t, bin, data)
	defer srv.kill()
	for _, id := range acknowledged {
		srv.mustHave(t, id)
	}
	if len(acknowledged) != lives*perLife {
		t.Fatalf("%d applications acknowledged, want %d", len(acknowledged), lives*perLife)
	}
}

// server is a qyzmet serve child process.
type server struct {
	cmd       *exec.Cmd
	addr      string
	token     string // the demo applicant's
	applicant casework.Actor
	errOut    *lockedBuffer
	once      sync.Once
}

var (
	listeningLine = regexp.MustCompile(`^qyzmet: listening on (http://\S+)`)
	tokenLine     = regexp.MustCompile(`^qyzmet: API token role=applicant id=\S+ token=(\S+)$`)
)

// startServer starts `qyzmet serve --demo` on a free port and waits until it
// answers /healthz.
func startServer(t *testing.T, bin, data string) *server {
	t.Helper()
	cmd := exec.Command(bin, "serve", "--demo", "--addr", "127.0.0.1:0", "--data", data)
	// SQLite in data, and the demo's own tokens: whatever the test's
	// environment says about databases or tokens does not apply.
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "QYZMET_DATABASE_URL=") && !strings.HasPrefix(kv, "QYZMET_API_TOKENS_FILE=") {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	s := &server{cmd: cmd, errOut: &lockedBuffer{}}
	cmd.Stderr = s.errOut
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.kill)
	lines := bufio.NewScanner(stdout)
	for s.addr == "" && lines.Scan() {
		if m := tokenLine.FindStringSubmatch(lines.Text()); m != nil {
			s.token = m[1]
		}
		if m := listeningLine.FindStringSubmatch(lines.Text()); m != nil {
			s.addr = m[1]
		}
	}
	go func() {
		for lines.Scan() { // keep the pipe drained
		}
	}()
	if s.addr == "" || s.token == "" {
		s.kill()
		t.Fatalf("the server printed no address or applicant token\n%s", s.stderr())
	}
	tokens, err := LoadTokens(filepath.Join(data, DevTokensFile))
	if err != nil {
		t.Fatal(err)
	}
	s.applicant = tokens[s.token]
	for deadline := time.Now().Add(30 * time.Second); ; {
		res, err := http.Get(s.addr + "/healthz")
		if err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return s
			}
		}
		if time.Now().After(deadline) {
			s.kill()
			t.Fatalf("the server does not answer /healthz: %v\n%s", err, s.stderr())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// kill sends SIGKILL and reaps the process.
func (s *server) kill() {
	s.once.Do(func() {
		s.cmd.Process.Kill()
		s.cmd.Wait()
	})
}

func (s *server) stderr() string { return s.errOut.String() }

// application is a complete portal e-request of the demo applicant.
func (s *server) application() map[string]any {
	return map[string]any{
		"service": "criminal-record",
		"channel": "portal",
		"applicant": map[string]any{
			"kind": "individual", "iin": s.applicant.IIN, "surname": "Нұрланова", "given_name": "Айгүл",
		},
		"documents": []map[string]any{{"id": "e-request", "provided": true}},
	}
}

func (s *server) post(t *testing.T, path, key string, body any) *http.Response {
	t.Helper()
	b, err := json.Marshal(body)
	if err != nil {
		t.Fatal(err)
	}
	req, err := http.NewRequest("POST", s.addr+path, bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+s.token)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Idempotency-Key", key)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("POST %s: %v\n%s", path, err, s.stderr())
	}
	return res
}

func (s *server) get(t *testing.T, path string, v any) int {
	t.Helper()
	req, err := http.NewRequest("GET", s.addr+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+s.token)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	defer res.Body.Close()
	if res.StatusCode == http.StatusOK {
		if err := json.NewDecoder(res.Body).Decode(v); err != nil {
			t.Fatalf("GET %s: %v", path, err)
		}
	}
	return res.StatusCode
}

// mustHave checks that the application id is there with its submit event.
func (s *server) mustHave(t *testing.T, id string) {
	t.Helper()
	var app casework.Application
	if status := s.get(t, Prefix+"/applications/"+id, &app); status != http.StatusOK || app.ID != id {
		t.Fatalf("acknowledged application %s: GET answered %d after the crash", id, status)
	}
	var events eventList
	if status := s.get(t, Prefix+"/applications/"+id+"/events", &events); status != http.StatusOK {
		t.Fatalf("acknowledged application %s: events answered %d after the crash", id, status)
	}
	// The events are read after the application: the criminal-record job may
	// have moved it on in between, so the history reaches at least the version
	// read, never less.
	if len(events.Events) == 0 || events.Events[0].Type != "submit" || events.Events[len(events.Events)-1].Version < app.Version {
		t.Fatalf("acknowledged application %s v%d: events %+v after the crash", id, app.Version, events.Events)
	}
}

// lockedBuffer collects a child's stderr while the test reads it.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
