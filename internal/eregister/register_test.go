package eregister_test

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"qyzmet/internal/apperr"
	"qyzmet/internal/calendar"
	"qyzmet/internal/eregister"
	"qyzmet/internal/eregister/eregistertest"
	"qyzmet/internal/pdf/samplecert"
	"qyzmet/internal/sign"
	"qyzmet/internal/store/storetest"
)

// The public question: number + date (or the QR code) opens the entry; a wrong
// date, a wrong code and a number never issued get one and the same answer.
func TestCheck(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		t.Parallel()
		f := eregistertest.New(t, e)
		ctx := context.Background()
		out := f.Issue(t)
		on := calendar.DateOf(out.IssuedAt)
		// A well-formed number (right check digit) that was never issued.
		unknown := otherNumber(t, out.Number)

		for _, tt := range []struct {
			name  string
			proof eregister.Proof
		}{
			{"number and date", eregister.Proof{IssuedOn: on}},
			{"QR code", eregister.Proof{Code: out.Code}},
			{"QR code typed in lower case", eregister.Proof{Code: strings.ToLower(out.Code)}},
			{"both", eregister.Proof{IssuedOn: on, Code: out.Code}},
		} {
			got, err := f.Register.Check(ctx, out.Number, tt.proof)
			if err != nil || got.Number != out.Number || got.Holder != eregistertest.Request().Holder || got.Status != eregister.StatusValid {
				t.Errorf("%s: %+v, %v", tt.name, got, err)
			}
		}

		var answers []string
		for _, tt := range []struct {
			name   string
			number string
			proof  eregister.Proof
		}{
			{"wrong date", out.Number, eregister.Proof{IssuedOn: on.AddDays(-1)}},
			{"wrong code", out.Number, eregister.Proof{Code: "0000000000"}},
			{"right date, wrong code", out.Number, eregister.Proof{IssuedOn: on, Code: "0000000000"}},
			{"unknown number", unknown, eregister.Proof{IssuedOn: on}},
			{"unknown number with a code", unknown, eregister.Proof{Code: out.Code}},
		} {
			got, err := f.Register.Check(ctx, tt.number, tt.proof)
			if apperr.CodeOf(err) != apperr.NotFound || apperr.KeyOf(err) != eregister.KeyNoMatch || got.Holder != "" || got.Number != "" {
				t.Errorf("%s: %+v, %v; want the no-match answer and nothing else", tt.name, got, err)
				continue
			}
			answers = append(answers, err.Error())
		}
		for _, a := range answers[1:] {
			if a != answers[0] {
				t.Errorf("answers differ: %q and %q", a, answers[0])
			}
		}

		if _, err := f.Register.Check(ctx, "CR-2026-1", eregister.Proof{IssuedOn: on}); apperr.CodeOf(err) != apperr.Invalid {
			t.Errorf("malformed number: %v", err)
		}
		if _, err := f.Register.Check(ctx, out.Number, eregister.Proof{}); apperr.KeyOf(err) != eregister.KeyProofMissing {
			t.Errorf("no proof: %v", err)
		}
	})
}

// otherNumber is a well-formed number of the same kind and year that differs from n.
func otherNumber(t *testing.T, n string) string {
	t.Helper()
	for d := '0'; d <= '9'; d++ {
		c := []byte(n)
		c[8] = byte(d) // the first serial digit
		for check := '0'; check <= '9'; check++ {
			c[len(c)-1] = byte(check)
			if got, err := eregister.ParseNumber(string(c)); err == nil && got != n {
				return got
			}
		}
	}
	t.Fatal("no other number")
	return ""
}

func TestParseProof(t *testing.T) {
	for _, tt := range []struct {
		date, code string
		want       eregister.Proof
		key        string
	}{
		{"2026-03-20", "", eregister.Proof{IssuedOn: calendar.D(2026, 3, 20)}, ""},
		{"20.03.2026", "", eregister.Proof{IssuedOn: calendar.D(2026, 3, 20)}, ""},
		{"", " abcd-efgh12 ", eregister.Proof{Code: "ABCDEFGH12"}, ""},
		{"2026-02-30", "", eregister.Proof{}, eregister.KeyDateFormat},
		{"yesterday", "", eregister.Proof{}, eregister.KeyDateFormat},
		{" ", "", eregister.Proof{}, eregister.KeyProofMissing},
	} {
		got, err := eregister.ParseProof(tt.date, tt.code)
		if got != tt.want || apperr.KeyOf(err) != tt.key && !(tt.key == "" && err == nil) {
			t.Errorf("ParseProof(%q, %q) = %+v, %v; want %+v, key %q", tt.date, tt.code, got, err, tt.want, tt.key)
		}
	}
}

// Annulment is a recorded command: the status changes, an event says who, when
// and why, the public answer shows the date and the reason, and a second
// annulment is refused.
func TestAnnul(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		t.Parallel()
		f := eregistertest.New(t, e)
		ctx := context.Background()
		out := f.Issue(t)
		f.Clock.Advance(26 * time.Hour)

		bad := []struct {
			name string
			a    eregister.Annulment
			code apperr.Code
		}{
			{"unknown reason", eregister.Annulment{Number: out.Number, Actor: "head-1", Reason: "because"}, apperr.Invalid},
			{"no actor", eregister.Annulment{Number: out.Number, Reason: eregister.ReasonIssuedInError}, apperr.Invalid},
			{"malformed number", eregister.Annulment{Number: "CR-1", Actor: "head-1", Reason: eregister.ReasonIssuedInError}, apperr.Invalid},
			{"never issued", eregister.Annulment{Number: otherNumber(t, out.Number), Actor: "head-1", Reason: eregister.ReasonIssuedInError}, apperr.NotFound},
		}
		for _, tt := range bad {
			if _, err := f.Register.Annul(ctx, tt.a); apperr.CodeOf(err) != tt.code {
				t.Errorf("%s: err %v, want %s", tt.name, err, tt.code)
			}
		}
		if n := f.Count(t, "eregister_events"); n != 1 {
			t.Fatalf("rejected annulments wrote events: %d", n)
		}

		got, err := f.Register.Annul(ctx, eregister.Annulment{Number: strings.ToLower(out.Number), Actor: "head-1",
			Reason: eregister.ReasonReplaced, Note: "replaced after the name was corrected"})
		if err != nil {
			t.Fatal(err)
		}
		at := f.DB.Now()
		if got.Status != eregister.StatusAnnulled || got.Annulment == nil || !got.Annulment.At.Equal(at) || got.Annulment.Reason != eregister.ReasonReplaced {
			t.Errorf("annul returned %+v", got)
		}
		seen, err := f.Register.Check(ctx, out.Number, eregister.Proof{Code: out.Code})
		if err != nil || seen.Status != eregister.StatusAnnulled || seen.Annulment == nil || seen.Annulment.On != calendar.DateOf(at) ||
			seen.Annulment.Reason.Text().EN != "Replaced by a new document" {
			t.Errorf("the public answer after annulment: %+v, %v", seen, err)
		}
		evs, err := f.Register.Events(ctx, out.Number)
		if err != nil || len(evs) != 2 {
			t.Fatalf("events %+v, %v", evs, err)
		}
		if ev := evs[1]; ev.Type != eregister.EventAnnulled || ev.Actor != "head-1" || !ev.At.Equal(at) ||
			ev.Reason != eregister.ReasonReplaced || ev.Note != "replaced after the name was corrected" {
			t.Errorf("annulment event %+v", ev)
		}

		_, err = f.Register.Annul(ctx, eregister.Annulment{Number: out.Number, Actor: "head-2", Reason: eregister.ReasonIssuedInError})
		if apperr.CodeOf(err) != apperr.Conflict || apperr.KeyOf(err) != eregister.KeyAlreadyAnnulled {
			t.Errorf("second annulment: err %v, want a conflict", err)
		}
		if again, _ := f.Register.Lookup(ctx, out.Number); again.Annulment == nil || again.Annulment.Reason != eregister.ReasonReplaced {
			t.Errorf("the second annulment changed the first: %+v", again.Annulment)
		}
		if n := f.Count(t, "eregister_events"); n != 2 {
			t.Errorf("%d events after a refused second annulment, want 2", n)
		}
	})
}

func TestEveryReasonHasThreeLanguages(t *testing.T) {
	for _, r := range eregister.Reasons {
		if !r.Text.Complete() {
			t.Errorf("reason %s lacks a language", r.Reason)
		}
	}
	for _, s := range []eregister.Status{eregister.StatusValid, eregister.StatusAnnulled} {
		if !s.Text().Complete() {
			t.Errorf("status %s lacks a language", s)
		}
	}
}

// The upload box: the original passes; a changed byte, another provider's
// signature, a validly signed but unregistered file and a non-PDF do not.
func TestCheckFile(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		t.Parallel()
		f := eregistertest.New(t, e)
		ctx := context.Background()
		out := f.Issue(t)

		got, err := f.Register.CheckFile(ctx, out.PDF)
		if err != nil || !got.Original || got.Entry.Number != out.Number || got.Entry.Holder == "" {
			t.Fatalf("original: %+v, %v", got, err)
		}

		flipped := bytes.Clone(out.PDF)
		flipped[len(flipped)/3] ^= 0x01
		unregistered, err := sign.PDF(samplecert.Draw(samplecert.Example()), f.Signer, sign.Options{Time: f.Clock.Now()})
		if err != nil {
			t.Fatal(err)
		}
		stranger := eregistertest.New(t, e).Issue(t).PDF

		for _, tt := range []struct {
			name string
			data []byte
			key  string
		}{
			{"one byte flipped", flipped, ""}, // modified or damaged, depending on where the byte fell
			{"bytes appended", append(bytes.Clone(out.PDF), "\n%%EOF\n"...), eregister.KeyFileModified},
			{"signed by another provider", stranger, eregister.KeyFileUntrusted},
			{"signed but never registered", unregistered, eregister.KeyFileUnregistered},
		} {
			got, err := f.Register.CheckFile(ctx, tt.data)
			if err != nil || got.Original || got.Reason == "" || (tt.key != "" && got.Reason != tt.key) || got.Entry.Holder != "" {
				t.Errorf("%s: %+v, %v; want not original (%s) without personal data", tt.name, got, err, tt.key)
			}
		}

		for _, tt := range []struct {
			name string
			data []byte
			key  string
		}{
			{"not a PDF", []byte("PK\x03\x04 a zip file named certificate.pdf"), eregister.KeyNotPDF},
			{"empty", nil, eregister.KeyNotPDF},
			{"too large", append(bytes.Clone(out.PDF), make([]byte, eregister.MaxFileSize)...), eregister.KeyFileTooLarge},
		} {
			if _, err := f.Register.CheckFile(ctx, tt.data); apperr.CodeOf(err) != apperr.Invalid || apperr.KeyOf(err) != tt.key {
				t.Errorf("%s: err %v, want invalid with key %s", tt.name, err, tt.key)
			}
		}
	})
}
