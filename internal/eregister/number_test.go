package eregister

import (
	"regexp"
	"strings"
	"testing"

	"qyzmet/internal/apperr"
)

func TestDammCheckDigit(t *testing.T) {
	// The worked example of Damm's algorithm: 572 → 4.
	if got := checkDigit("572"); got != '4' {
		t.Errorf("checkDigit(572) = %c, want 4", got)
	}
	// Letters count as their two-digit values, as in an IBAN: C = 12, R = 27.
	if checkDigit("CR2026") != checkDigit("12272026") {
		t.Error("a letter is not read as its two-digit value")
	}
}

func TestNewNumberShapeAndCheck(t *testing.T) {
	shape := regexp.MustCompile(`^CR-2026-[0-9]{4}-[0-9]{4}-[0-9]$`)
	seen := map[string]bool{}
	for range 200 {
		n, err := newNumber("CR", 2026)
		if err != nil {
			t.Fatal(err)
		}
		if !shape.MatchString(n) {
			t.Fatalf("number %q is not shaped CR-2026-NNNN-NNNN-C", n)
		}
		if got, err := ParseNumber(n); err != nil || got != n {
			t.Fatalf("ParseNumber(%q) = %q, %v", n, got, err)
		}
		seen[n] = true
	}
	if len(seen) < 199 {
		t.Errorf("200 draws gave only %d different numbers: the serial is not random", len(seen))
	}
	for _, bad := range []struct {
		kind string
		year int
	}{{"C", 2026}, {"cr", 2026}, {"CRAP", 2026}, {"CR", 99}, {"CR", 10000}} {
		if _, err := newNumber(bad.kind, bad.year); err == nil {
			t.Errorf("newNumber(%q, %d) succeeded", bad.kind, bad.year)
		}
	}
}

func TestParseNumberForgivesHowPeopleType(t *testing.T) {
	const want = "CR-2026-4831-0275-" // + check digit
	n := formatNumber("CR", "2026", "48310275")
	check := n[len(n)-1:]
	if !strings.HasPrefix(n, want) {
		t.Fatalf("formatNumber = %q", n)
	}
	for _, in := range []string{
		n,
		"  " + strings.ToLower(n) + " ",
		"CR 2026 4831 0275 " + check,
		"CR202648310275" + check,
		"СR-2026-4831-0275-" + check, // a Cyrillic С copied by eye
		"CR–2026–4831–0275–" + check, // en dashes from a word processor
	} {
		got, err := ParseNumber(in)
		if err != nil || got != n {
			t.Errorf("ParseNumber(%q) = %q, %v; want %q", in, got, err, n)
		}
	}
}

// Every mistyped digit and every swap of two neighbouring different digits is
// caught by the check digit, before the register is asked.
func TestCheckDigitCatchesTypos(t *testing.T) {
	n := formatNumber("CR", "2026", "48310275")
	digits := []byte(strings.ReplaceAll(n, "-", ""))
	var tried int
	for i := 2; i < len(digits); i++ {
		for d := byte('0'); d <= '9'; d++ {
			if d == digits[i] {
				continue
			}
			typo := append([]byte(nil), digits...)
			typo[i] = d
			tried++
			if _, err := ParseNumber(string(typo)); apperr.KeyOf(err) != KeyNumberCheck {
				t.Errorf("substitution %s: err %v, want the check-digit error", typo, err)
			}
		}
		if i+1 < len(digits) && digits[i] != digits[i+1] {
			swap := append([]byte(nil), digits...)
			swap[i], swap[i+1] = swap[i+1], swap[i]
			tried++
			if _, err := ParseNumber(string(swap)); apperr.KeyOf(err) != KeyNumberCheck {
				t.Errorf("transposition %s: err %v, want the check-digit error", swap, err)
			}
		}
	}
	if tried < 100 {
		t.Fatalf("only %d typos tried", tried)
	}
}

func TestParseNumberRejectsMalformed(t *testing.T) {
	for _, in := range []string{"", "CR", "CR-2026-4831-0275", "CR-26-4831-0275-1", "C-2026-4831-0275-1",
		"CR-2026-4831-02X5-1", "KZ-CR-2026-00012345", "<script>"} {
		_, err := ParseNumber(in)
		if apperr.CodeOf(err) != apperr.Invalid || apperr.KeyOf(err) != KeyNumberFormat {
			t.Errorf("ParseNumber(%q): err %v, want invalid with key %s", in, err, KeyNumberFormat)
		}
	}
}

func TestCodes(t *testing.T) {
	a, b := newCode(), newCode()
	if len(a) != codeLength || a == b || strings.ContainsAny(a, "ILOU") {
		t.Errorf("codes %q, %q: want %d characters of Crockford's base32, different", a, b, codeLength)
	}
	// A code read aloud or copied by hand still matches.
	if hashCode("0123-4567ab") != hashCode("o1234567AB") || hashCode("1L1") != hashCode("iI1") {
		t.Error("hashCode does not apply Crockford's substitutions")
	}
	if hashCode(a) == hashCode(b) {
		t.Error("different codes hash alike")
	}
}
