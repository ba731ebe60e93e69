package auth

import (
	"context"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"qyzmet/internal/casework"
)

// DemoStaffFile keeps the demo's staff passwords in the data directory.
const DemoStaffFile = "dev-staff.json"

// DemoAccount is a demo staff account with its password.
type DemoAccount struct {
	Login    string        `json:"login"`
	Password string        `json:"password"`
	Role     casework.Role `json:"role"`
	Name     string        `json:"name"`
	Branch   string        `json:"branch,omitempty"`
}

// DemoStaff makes sure there is one demo account per staff role: the
// passwords are random on the first start and kept (owner-readable only) in
// DATA/dev-staff.json; an account missing from the database is created from
// that file, one present is left as it is. Running it again changes nothing.
func (s *Service) DemoStaff(ctx context.Context, dataDir string) ([]DemoAccount, error) {
	path := filepath.Join(dataDir, DemoStaffFile)
	var accounts []DemoAccount
	b, err := os.ReadFile(path)
	switch {
	case err == nil:
		if err := json.Unmarshal(b, &accounts); err != nil {
			return nil, fmt.Errorf("demo staff: %s: %w", path, err)
		}
	case errors.Is(err, fs.ErrNotExist):
		for _, r := range StaffRoles() {
			a := DemoAccount{Login: "demo-" + string(r), Password: rand.Text(), Role: r, Name: "Demo " + string(r)}
			if r == casework.RoleOperator {
				a.Branch = "astana-esil"
			}
			accounts = append(accounts, a)
		}
		b, _ := json.MarshalIndent(accounts, "", "  ")
		if err := os.MkdirAll(dataDir, 0o750); err != nil {
			return nil, fmt.Errorf("demo staff: %w", err)
		}
		if err := os.WriteFile(path, append(b, '\n'), 0o600); err != nil {
			return nil, fmt.Errorf("demo staff: %w", err)
		}
	default:
		return nil, fmt.Errorf("demo staff: %w", err)
	}
	for _, a := range accounts {
		ok, err := s.UserExists(ctx, a.Login)
		if err != nil {
			return nil, err
		}
		if ok {
			continue
		}
		u := User{Login: a.Login, Name: a.Name, Roles: []casework.Role{a.Role}, Branch: a.Branch}
		if err := s.AddUser(ctx, u, a.Password); err != nil {
			return nil, fmt.Errorf("demo staff %s: %w", a.Login, err)
		}
	}
	return accounts, nil
}
