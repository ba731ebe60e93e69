package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"
)

// runIINWith runs the command with buffers and an environment of vars.
func runIINWith(vars map[string]string, args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	env := Env{Stdout: &out, Stderr: &errb, Getenv: func(k string) string { return vars[k] }}
	code = runIIN(context.Background(), args, env)
	return code, out.String(), errb.String()
}

func TestIINCommand(t *testing.T) {
	tests := []struct {
		name       string
		vars       map[string]string
		args       []string
		code       int
		stdout     []string // substrings expected on stdout
		stderr     []string // substrings expected on stderr
		noStdout   bool
		quietError bool // nothing on stderr
	}{
		{name: "AC-F1 acceptance IIN decodes in English by default", args: []string{"921029350851"}, code: exitOK,
			stdout: []string{"921029350851", "IIN", "1992-10-29", "male", "20th"}, quietError: true},
		{name: "AC-F1 acceptance IIN with a wrong check digit", args: []string{"921029350852"}, code: exitInvalid,
			stderr: []string{"check digit"}, noStdout: true},
		{name: "AC-F1 IIN typed unquoted in two groups", args: []string{"921029", "350851"}, code: exitOK,
			stdout: []string{"1992-10-29"}},
		{name: "AC-F1 IIN in Kazakh", args: []string{"--lang", "kk", "921029350851"}, code: exitOK,
			stdout: []string{"Туған күні", "1992-10-29", "ер", "XX ғасыр", "ЖСН"}},
		{name: "AC-F1 IIN in Russian from QYZMET_LANG", vars: map[string]string{"QYZMET_LANG": "ru"},
			args: []string{"921029350851"}, code: exitOK, stdout: []string{"Дата рождения", "мужской", "XX век", "ИИН"}},
		{name: "the flag wins over QYZMET_LANG", vars: map[string]string{"QYZMET_LANG": "ru"},
			args: []string{"921029350851", "--lang=en"}, code: exitOK, stdout: []string{"Birth date"}},
		{name: "a reason in Kazakh", args: []string{"921029350852", "--lang", "kk"}, code: exitInvalid,
			stderr: []string{"Бақылау разряды"}, noStdout: true},
		{name: "a reason in Russian", args: []string{"--lang", "ru", "921329350851"}, code: exitInvalid,
			stderr: []string{"дату рождения"}, noStdout: true},
		{name: "AP-STD-6 BIN", args: []string{"981140001105"}, code: exitOK,
			stdout: []string{"BIN", "1998-11", "resident legal entity", "head organisation", "00110"}},
		{name: "AP-STD-6 BIN in Kazakh", args: []string{"981140001105", "--lang", "kk"}, code: exitOK,
			stdout: []string{"БСН", "1998-11", "резидент заңды тұлға", "бас ұйым"}},
		{name: "female born in the 21st century", args: []string{"050315600000"}, code: exitOK,
			stdout: []string{"2005-03-15", "female", "21st"}, quietError: true},
		{name: "no number", args: nil, code: exitUsage, stderr: []string{"usage: qyzmet iin"}, noStdout: true},
		{name: "unknown language", args: []string{"--lang", "de", "921029350851"}, code: exitUsage,
			stderr: []string{"de"}, noStdout: true},
		{name: "unknown flag", args: []string{"--verbose", "921029350851"}, code: exitUsage, noStdout: true},
		{name: "help", args: []string{"-h"}, code: exitOK, stderr: []string{"usage: qyzmet iin"}, noStdout: true},
	}
	for _, tt := range tests {
		code, stdout, stderr := runIINWith(tt.vars, tt.args...)
		if code != tt.code {
			t.Errorf("%s: exit %d; want %d\nstdout: %s\nstderr: %s", tt.name, code, tt.code, stdout, stderr)
		}
		for _, want := range tt.stdout {
			if !strings.Contains(stdout, want) {
				t.Errorf("%s: stdout lacks %q:\n%s", tt.name, want, stdout)
			}
		}
		for _, want := range tt.stderr {
			if !strings.Contains(stderr, want) {
				t.Errorf("%s: stderr lacks %q:\n%s", tt.name, want, stderr)
			}
		}
		if tt.noStdout && stdout != "" {
			t.Errorf("%s: stdout = %q; want nothing", tt.name, stdout)
		}
		if tt.quietError && stderr != "" {
			t.Errorf("%s: stderr = %q; want nothing", tt.name, stderr)
		}
	}
}

func TestIINCommandJSON(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
		want iinOut
	}{
		{"AC-F1 acceptance IIN", []string{"921029350851", "--json"}, exitOK, iinOut{
			Number: "921029350851", Valid: true, Kind: "iin", KindName: "IIN (individual identification number)",
			BirthDate: "1992-10-29", Sex: "male", SexName: "male", Century: 20, Serial: "5085"}},
		{"AC-F1 acceptance IIN in Russian", []string{"--json", "--lang", "ru", "921029350851"}, exitOK, iinOut{
			Number: "921029350851", Valid: true, Kind: "iin", KindName: "ИИН (индивидуальный идентификационный номер)",
			BirthDate: "1992-10-29", Sex: "male", SexName: "мужской", Century: 20, Serial: "5085"}},
		{"AP-STD-6 BIN", []string{"--json", "981140001105"}, exitOK, iinOut{
			Number: "981140001105", Valid: true, Kind: "bin", KindName: "BIN (business identification number)",
			Registered: "1998-11", EntityKind: "resident-entity", EntityKindName: "resident legal entity",
			SubKind: "head-unit", SubKindName: "head organisation", Serial: "00110"}},
		{"AC-F1 acceptance IIN with a wrong check digit", []string{"--json", "921029 350852"}, exitInvalid, iinOut{
			Number: "921029350852", Error: &iinErrorOut{Code: "checksum",
				Message: "The check digit (12th digit) does not match: the number has a typo."}}},
	}
	for _, tt := range tests {
		code, stdout, stderr := runIINWith(nil, tt.args...)
		if code != tt.code {
			t.Errorf("%s: exit %d; want %d (stderr %q)", tt.name, code, tt.code, stderr)
		}
		var got iinOut
		if err := json.Unmarshal([]byte(stdout), &got); err != nil {
			t.Errorf("%s: stdout is not JSON: %v\n%s", tt.name, err, stdout)
			continue
		}
		gotJSON, _ := json.Marshal(got)
		wantJSON, _ := json.Marshal(tt.want)
		if !bytes.Equal(gotJSON, wantJSON) {
			t.Errorf("%s:\n got %s\nwant %s", tt.name, gotJSON, wantJSON)
		}
		if (stderr != "") != (tt.code != exitOK) {
			t.Errorf("%s: stderr = %q", tt.name, stderr)
		}
	}
}
