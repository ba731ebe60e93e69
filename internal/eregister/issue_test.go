package eregister_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"qyzmet/internal/apperr"
	"qyzmet/internal/calendar"
	"qyzmet/internal/eregister"
	"qyzmet/internal/eregister/eregistertest"
	"qyzmet/internal/i18n"
	"qyzmet/internal/pdf"
	"qyzmet/internal/sign"
	"qyzmet/internal/store"
	"qyzmet/internal/store/storetest"
)

func TestIssue(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		t.Parallel()
		f := eregistertest.New(t, e)
		ctx := context.Background()
		out := f.Issue(t)

		t.Run("numbered, with the number in the file and a QR link with a code", func(t *testing.T) {
			year := calendar.DateOf(f.Clock.Now()).Year
			if n, err := eregister.ParseNumber(out.Number); err != nil || n != out.Number || !strings.HasPrefix(out.Number, "CR-"+strconv.Itoa(year)+"-") {
				t.Errorf("number %q (%v): want CR-%d-NNNN-NNNN-C", out.Number, err, year)
			}
			info, err := pdf.ReadInfo(out.PDF)
			if err != nil || info.Number != out.Number {
				t.Errorf("the file carries number %q (%v), want %q", info.Number, err, out.Number)
			}
			u, err := url.Parse(out.VerifyURL)
			if err != nil || u.Host != "qyzmet.example" || u.Path != "/verify/"+out.Number || u.Query().Get("c") != out.Code || out.Code == "" {
				t.Errorf("verify URL %q (code %q)", out.VerifyURL, out.Code)
			}
			if !out.IssuedAt.Equal(f.DB.Now()) {
				t.Errorf("issued at %v, want the transaction's time %v", out.IssuedAt, f.DB.Now())
			}
		})

		t.Run("AR-STD-5 signed with the provider's key, verifiable offline", func(t *testing.T) {
			res, err := sign.Verify(out.PDF, f.Roots)
			if err != nil {
				t.Fatal(err)
			}
			// The fixture's clock is on a whole second, which /M can hold exactly.
			if !res.SigningTime.Equal(out.IssuedAt) {
				t.Errorf("signed at %v, want the issue time %v", res.SigningTime, out.IssuedAt)
			}
			sum := sha256.Sum256(out.PDF)
			if out.SHA256 != hex.EncodeToString(sum[:]) {
				t.Errorf("SHA256 %s is not the hash of the PDF", out.SHA256)
			}
		})

		t.Run("AP-6.3 recorded with kind, issuer, signer and capacity", func(t *testing.T) {
			got, err := f.Register.Lookup(ctx, out.Number)
			if err != nil {
				t.Fatal(err)
			}
			req := eregistertest.Request()
			if got.Number != out.Number || got.Form != eregistertest.FormID || got.Kind.EN != "Certificate" ||
				got.Issuer != req.Issuer || got.Signer != req.Signer || got.Capacity != req.Capacity ||
				got.Holder != req.Holder || got.SHA256 != out.SHA256 || got.Size != int64(len(out.PDF)) ||
				got.Status != eregister.StatusValid || got.Annulment != nil || got.Specimen ||
				!got.IssuedAt.Equal(out.IssuedAt) || got.IssuedOn != calendar.DateOf(out.IssuedAt) ||
				!strings.Contains(got.Certificate, "Qyzmet Demo Provider") {
				t.Errorf("entry = %+v", got)
			}
			evs, err := f.Register.Events(ctx, out.Number)
			if err != nil || len(evs) != 1 || evs[0].Type != eregister.EventIssued || evs[0].Actor != "officer-7" || !evs[0].At.Equal(out.IssuedAt) {
				t.Errorf("events = %+v (%v), want one issued by officer-7", evs, err)
			}
		})

		t.Run("numbers are unique", func(t *testing.T) {
			seen := map[string]bool{out.Number: true}
			for range 5 {
				n := f.Issue(t).Number
				if seen[n] {
					t.Fatalf("number %s issued twice", n)
				}
				seen[n] = true
			}
		})
	})
}

// IssueTx writes in the caller's transaction: when that transaction rolls back,
// no document was issued.
func TestIssueTxRollsBackWithTheCaller(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		t.Parallel()
		f := eregistertest.New(t, e)
		boom := errors.New("the casework command failed after issuing")
		var number string
		err := f.DB.Tx(context.Background(), func(tx *store.Tx) error {
			out, err := f.Issuer.IssueTx(context.Background(), tx, eregistertest.Request())
			if err != nil {
				return err
			}
			number = out.Number
			return boom
		})
		if !errors.Is(err, boom) || number == "" {
			t.Fatalf("err %v, number %q", err, number)
		}
		if _, err := f.Register.Lookup(context.Background(), number); apperr.CodeOf(err) != apperr.NotFound {
			t.Errorf("after rollback Lookup(%s) = %v, want not found", number, err)
		}
		if n := f.Count(t, "eregister_events"); n != 0 {
			t.Errorf("%d events after rollback", n)
		}
	})
}

// Bad input gets a clear error and changes nothing.
func TestIssueRejectsBadRequests(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		t.Parallel()
		f := eregistertest.New(t, e)
		tests := []struct {
			name   string
			change func(*eregister.Request)
			key    string
		}{
			{"unknown form", func(r *eregister.Request) { r.Form = "no-such-form" }, eregister.KeyUnknownForm},
			{"no holder", func(r *eregister.Request) { r.Holder = "  " }, eregister.KeyIncompleteIssue},
			{"no signer", func(r *eregister.Request) { r.Signer = "" }, eregister.KeyIncompleteIssue},
			{"capacity in one language", func(r *eregister.Request) { r.Capacity = i18n.Text{EN: "Head"} }, eregister.KeyIncompleteIssue},
			{"no issuer", func(r *eregister.Request) { r.Issuer = i18n.Text{} }, eregister.KeyIncompleteIssue},
			{"no actor", func(r *eregister.Request) { r.Actor = "" }, eregister.KeyIncompleteIssue},
		}
		for _, tt := range tests {
			req := eregistertest.Request()
			tt.change(&req)
			_, err := f.Issuer.Issue(context.Background(), req)
			if apperr.CodeOf(err) != apperr.Invalid || apperr.KeyOf(err) != tt.key {
				t.Errorf("%s: err %v, want invalid with key %s", tt.name, err, tt.key)
			}
		}
		// A renderer that is handed the wrong data fails the issue, which is the
		// system's fault (internal), not the user's.
		req := eregistertest.Request()
		req.Data = "not a certificate"
		if _, err := f.Issuer.Issue(context.Background(), req); err == nil || apperr.CodeOf(err) != apperr.Internal {
			t.Errorf("wrong data: err %v, want internal", err)
		}
		bad := *f.Issuer
		bad.BaseURL = "qyzmet.example"
		if _, err := bad.Issue(context.Background(), eregistertest.Request()); err == nil {
			t.Error("a relative base URL was accepted")
		}
		// Nothing is issued that its own certificate could not vouch for.
		f.Clock.Advance(5 * 365 * 24 * time.Hour)
		if _, err := f.Issuer.Issue(context.Background(), eregistertest.Request()); err == nil || !strings.Contains(err.Error(), "not valid at") {
			t.Errorf("issued after the certificate expired: %v", err)
		}
		if n := f.Count(t, "eregister_documents") + f.Count(t, "eregister_events"); n != 0 {
			t.Errorf("%d rows written by rejected requests", n)
		}
	})
}

// Concurrent issues all succeed with distinct numbers (on PostgreSQL the
// serializable transactions that collide are run again).
func TestConcurrentIssues(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		t.Parallel()
		f := eregistertest.New(t, e)
		const workers, each = 6, 4
		numbers := make(chan string, workers*each)
		errs := make(chan error, workers*each)
		var wg sync.WaitGroup
		for range workers {
			wg.Go(func() {
				for range each {
					out, err := f.Issuer.Issue(context.Background(), eregistertest.Request())
					if err != nil {
						errs <- err
						continue
					}
					numbers <- out.Number
				}
			})
		}
		wg.Wait()
		close(numbers)
		close(errs)
		for err := range errs {
			t.Error(err)
		}
		seen := map[string]bool{}
		for n := range numbers {
			if seen[n] {
				t.Errorf("number %s issued twice", n)
			}
			seen[n] = true
		}
		if got := f.Count(t, "eregister_documents"); got != len(seen) || got != workers*each {
			t.Errorf("%d rows, %d distinct numbers, want %d", got, len(seen), workers*each)
		}
	})
}
