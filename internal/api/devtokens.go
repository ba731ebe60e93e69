package api

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"time"

	"qyzmet/internal/casework"
	"qyzmet/internal/iin"
)

// DevTokensFile is the name of the demo's token file in the data directory.
const DevTokensFile = "dev-tokens.json"

// LoadTokens reads static development tokens from a JSON file that maps each
// token to its actor:
//
//	{"s3cr3t…": {"id": "officer-1", "role": "officer", "name": "…"}}
//
// Every actor needs an ID and a known role (not "system", which is the engine's
// own); a token must be at least 16 characters, so that it is not guessed.
func LoadTokens(path string) (map[string]casework.Actor, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("api tokens: %w", err)
	}
	var byToken map[string]casework.Actor
	if err := json.Unmarshal(b, &byToken); err != nil {
		return nil, fmt.Errorf("api tokens: %s: %w", path, err)
	}
	for token, a := range byToken {
		switch {
		case len(token) < 16:
			return nil, fmt.Errorf("api tokens: %s: the token of %q is shorter than 16 characters", path, a.ID)
		case a.ID == "":
			return nil, fmt.Errorf("api tokens: %s: an actor has no id", path)
		case a.Role == casework.RoleSystem || !slices.Contains(casework.Roles(), a.Role):
			return nil, fmt.Errorf("api tokens: %s: actor %q has role %q: use one of the roles of people", path, a.ID, a.Role)
		}
	}
	return byToken, nil
}

// DemoTokens are the demo's development tokens, one per role of people: read
// from DATA/dev-tokens.json, or created there with random tokens on the first
// start, so that they survive restarts (and a curl session) but are never
// guessable. The file is readable by its owner only.
func DemoTokens(dataDir string) (map[string]casework.Actor, string, error) {
	path := filepath.Join(dataDir, DevTokensFile)
	tokens, err := LoadTokens(path)
	if err == nil || !errors.Is(err, fs.ErrNotExist) {
		return tokens, path, err
	}
	tokens = map[string]casework.Actor{}
	for _, a := range demoActors() {
		b := make([]byte, 16)
		if _, err := rand.Read(b); err != nil {
			return nil, "", err
		}
		tokens["dev-"+string(a.Role)+"-"+hex.EncodeToString(b)] = a
	}
	b, err := json.MarshalIndent(tokens, "", "  ")
	if err != nil {
		return nil, "", err
	}
	if err := os.MkdirAll(dataDir, 0o750); err != nil {
		return nil, "", fmt.Errorf("api tokens: %w", err)
	}
	if err := os.WriteFile(path, append(b, '\n'), 0o600); err != nil {
		return nil, "", fmt.Errorf("api tokens: %w", err)
	}
	return tokens, path, nil
}

// demoActors are the demo's people: an applicant with a valid IIN and one
// member of staff of every other role.
func demoActors() []casework.Actor {
	// The first serial that has a check digit (a few have none) gives the IIN.
	var applicantIIN string
	for serial := 1; serial <= 9999 && applicantIIN == ""; serial++ {
		applicantIIN, _ = iin.Generate(time.Date(1990, 5, 17, 0, 0, 0, 0, time.UTC), iin.Female, serial)
	}
	return []casework.Actor{
		{ID: "demo-applicant", Role: casework.RoleApplicant, Name: "Айгүл Серікқызы Нұрланова", IIN: applicantIIN},
		{ID: "demo-operator", Role: casework.RoleOperator, Name: "Demo operator", Branch: "astana-esil"},
		{ID: "demo-officer", Role: casework.RoleOfficer, Name: "Demo officer"},
		{ID: "demo-head", Role: casework.RoleHead, Name: "Demo head"},
		{ID: "demo-archivist", Role: casework.RoleArchivist, Name: "Demo archivist"},
		{ID: "demo-complaints", Role: casework.RoleComplaints, Name: "Demo complaints officer"},
		{ID: "demo-quality", Role: casework.RoleQuality, Name: "Demo quality officer"},
		{ID: "demo-admin", Role: casework.RoleAdmin, Name: "Demo administrator"},
	}
}
