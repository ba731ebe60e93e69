package iin

import (
	"errors"
	"strings"
	"testing"

	"qyzmet/internal/i18n"
)

var allCodes = []string{
	CodeLength, CodeDigits, CodeKind, CodeIsBIN, CodeIsIIN, CodeDate, CodeCentury, CodeMonth,
	CodeEntityKind, CodeSubKind, CodeChecksum, CodeNoCheckDigit,
}

func TestEveryCodeHasThreeDistinctMessages(t *testing.T) {
	if len(messages) != len(allCodes) {
		t.Errorf("messages has %d codes, allCodes %d: keep them in step", len(messages), len(allCodes))
	}
	seen := map[string]string{}
	for _, code := range allCodes {
		m, ok := messages[code]
		if !ok || !m.Complete() {
			t.Errorf("code %q: message %+v is missing a language", code, m)
			continue
		}
		if m.KK == m.RU || m.RU == m.EN {
			t.Errorf("code %q: languages look untranslated: %+v", code, m)
		}
		if other, dup := seen[m.EN]; dup {
			t.Errorf("codes %q and %q share the message %q", code, other, m.EN)
		}
		seen[m.EN] = code
	}
}

func TestErrorMessageByLanguage(t *testing.T) {
	_, err := ParseIIN("921029350852")
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("ParseIIN error %v is not *Error", err)
	}
	if e.Number != "921029350852" {
		t.Errorf("Number = %q", e.Number)
	}
	for l, word := range map[i18n.Lang]string{i18n.KK: "Бақылау", i18n.RU: "Контрольный", i18n.EN: "check digit"} {
		if got := e.Message(l); !strings.Contains(got, word) {
			t.Errorf("Message(%s) = %q; want it to contain %q", l, got, word)
		}
	}
	// The personal number stays out of Error(), which ends up in logs.
	if strings.Contains(err.Error(), "921029") {
		t.Errorf("Error() = %q contains the number", err.Error())
	}
	if !strings.Contains(err.Error(), "check digit") {
		t.Errorf("Error() = %q; want the English reason", err.Error())
	}
}

func TestUnknownCodeStillSaysSomething(t *testing.T) {
	e := &Error{Code: "made-up"}
	for _, l := range i18n.All {
		if got := e.Message(l); !strings.Contains(got, "made-up") {
			t.Errorf("Message(%s) = %q; want the code in it", l, got)
		}
	}
}

func TestErrorIsByCode(t *testing.T) {
	a := &Error{Code: CodeNoCheckDigit, Number: "05031550059"}
	if !errors.Is(a, ErrNoCheckDigit) {
		t.Error("errors.Is(no-check-digit error, ErrNoCheckDigit) = false")
	}
	if errors.Is(&Error{Code: CodeChecksum}, ErrNoCheckDigit) {
		t.Error("a checksum error matched ErrNoCheckDigit")
	}
	if errors.Is(a, errors.New("no-check-digit")) {
		t.Error("an *Error matched a plain error")
	}
}
