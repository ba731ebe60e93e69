package apperr

import (
	"errors"
	"fmt"
	"io/fs"
	"testing"
)

func TestCodeAndKeyOf(t *testing.T) {
	cause := errors.New("disk on fire")
	tests := []struct {
		name     string
		err      error
		wantCode Code
		wantKey  string
	}{
		{"nil", nil, "", ""},
		{"plain error is internal", cause, Internal, "error.internal"},
		{"code with generic key", E(NotFound, "no such application"), NotFound, "error.not_found"},
		{"own key", E(Invalid, "IIN check digit").WithKey("iin.check_digit"), Invalid, "iin.check_digit"},
		{"wrapped with %w keeps the code", fmt.Errorf("submit: %w", E(Conflict, "version moved")), Conflict, "error.conflict"},
		{"internal never shows its own key", E(Internal, "x").WithKey("secret.detail"), Internal, "error.internal"},
		{"empty code counts as internal", &Error{Message: "half-built"}, Internal, "error.internal"},
	}
	for _, tt := range tests {
		if got := CodeOf(tt.err); got != tt.wantCode {
			t.Errorf("%s: CodeOf = %q, want %q", tt.name, got, tt.wantCode)
		}
		if got := KeyOf(tt.err); got != tt.wantKey {
			t.Errorf("%s: KeyOf = %q, want %q", tt.name, got, tt.wantKey)
		}
	}
}

func TestWrapKeepsCause(t *testing.T) {
	err := Wrap(NotFound, fs.ErrNotExist, "calendar file")
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("errors.Is(%v, fs.ErrNotExist) = false, want true", err)
	}
	if got, want := err.Error(), "not_found: calendar file: file does not exist"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	var e *Error
	if !errors.As(fmt.Errorf("outer: %w", err), &e) || e.Message != "calendar file" {
		t.Errorf("errors.As did not find the *Error through a wrap: %v", e)
	}
}

func TestWithKeyCopies(t *testing.T) {
	base := E(Conflict, "duplicate")
	keyed := base.WithKey("application.duplicate")
	if base.Key != "" {
		t.Errorf("WithKey changed the original: Key = %q", base.Key)
	}
	if keyed.Key != "application.duplicate" || keyed.Code != Conflict || keyed.Message != "duplicate" {
		t.Errorf("WithKey = %+v", keyed)
	}
}

func TestGenericMessagesComplete(t *testing.T) {
	for _, c := range []Code{Invalid, NotFound, Unauthorized, Forbidden, Conflict, Internal} {
		text, ok := Generic[GenericKey(c)]
		if !ok {
			t.Errorf("no generic message for %q", c)
			continue
		}
		if !text.Complete() {
			t.Errorf("generic message for %q lacks a language: %+v", c, text)
		}
	}
}
