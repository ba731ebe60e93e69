package api

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"path/filepath"
	"testing"
	"time"

	"github.com/riverqueue/river"

	"qyzmet/internal/calendar"
	"qyzmet/internal/casework"
	"qyzmet/internal/decision"
	"qyzmet/internal/eregister"
	"qyzmet/internal/eregister/forms"
	"qyzmet/internal/registry"
	"qyzmet/internal/registry/sqlstore"
	"qyzmet/internal/sign"
	"qyzmet/internal/store"
	"qyzmet/internal/store/storetest"
)

// TestDownloadDocument: Alice's criminal-record application is answered from
// the registries and its certificate signed and registered (CR-STD-3.1,
// CR-STD-5.1); the download route gives her, and the officer, the bytes whose
// SHA-256 the e-Register holds, and Bob nothing (404, as for the application).
func TestDownloadDocument(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		t.Parallel()
		ctx := context.Background()
		// The demonstration CA is valid from an hour ago: the clock stays near now.
		d := calendar.Default().NextWorkingDay(calendar.DateOf(time.Now()).AddDays(1))
		clock := storetest.NewClock(time.Date(d.Year, d.Month, d.Day, 10, 0, 0, 0, calendar.Almaty))
		db := e.Open(t, clock)
		regs := sqlstore.New(db)
		err := db.Tx(ctx, func(tx *store.Tx) error {
			return sqlstore.UpsertPersons(ctx, tx, []registry.Person{{IIN: aliceIIN,
				Name: registry.Name{Surname: "Ахметова", GivenName: "Алия"}, Sex: registry.Female,
				BirthDate: calendar.D(1990, 1, 1), BirthPlace: "Астана"}})
		})
		if err != nil {
			t.Fatal(err)
		}
		pki := filepath.Join(t.TempDir(), "pki")
		signer, err := sign.NewDemoCA(pki)
		if err != nil {
			t.Fatal(err)
		}
		eng, err := casework.New(casework.Config{DB: db, Log: quietLog(),
			CriminalRecords: &decision.CriminalRecords{Persons: regs.Persons, Records: regs.Records, Audit: regs.Audit, Clock: clock.Now},
			Issuer:          &eregister.Issuer{DB: db, Signer: signer, Forms: forms.Documents{}, BaseURL: "https://qyzmet.example"},
		})
		if err != nil {
			t.Fatal(err)
		}
		workers := river.NewWorkers()
		eng.RegisterWorkers(workers)
		jobs := storetest.StartJobs(t, db, workers)
		h := checkedAgainstDocument(t, New(Config{Engine: eng, Tokens: testTokens(), Log: quietLog()}))

		app := submit(t, h, "download-1")
		if err := jobs.WorkDue(ctx); err != nil {
			t.Fatal(err)
		}
		rec := do(t, h, "GET", Prefix+"/applications/"+app.ID, tokenAlice, nil)
		app = decode[casework.Application](t, rec)
		if app.State != casework.StateIssued || len(app.Documents) != 1 {
			t.Fatalf("application %s with documents %+v, want issued with its certificate", app.State, app.Documents)
		}
		if app.RecordCheck != nil {
			t.Error("the applicant is shown the registries' answer")
		}
		// The officer sees it (and the answer is checked against its schema).
		if seen := decode[casework.Application](t, do(t, h, "GET", Prefix+"/applications/"+app.ID, tokenOfficer, nil)); seen.RecordCheck == nil ||
			seen.RecordCheck.Outcome != decision.NoRecord || seen.RecordCheck.Person == nil {
			t.Errorf("the officer sees the record check %+v, want Alice's no-record answer", seen.RecordCheck)
		}
		number := app.Documents[0].Number
		path := Prefix + "/applications/" + app.ID + "/documents/" + number
		entry, err := (&eregister.Register{DB: db}).Lookup(ctx, number)
		if err != nil {
			t.Fatal(err)
		}

		for _, token := range []string{tokenAlice, tokenOfficer} {
			rec := do(t, h, "GET", path, token, nil)
			sum := sha256.Sum256(rec.Body.Bytes())
			if rec.Code != http.StatusOK || rec.Header().Get("Content-Type") != "application/pdf" || hex.EncodeToString(sum[:]) != entry.SHA256 {
				t.Errorf("%s: status %d, %s, SHA-256 %x; want 200, the PDF the e-Register holds (%s)",
					token, rec.Code, rec.Header().Get("Content-Type"), sum, entry.SHA256)
			}
		}
		for _, tc := range []struct{ token, path string }{
			{tokenBob, path}, // another applicant: the application does not exist for him
			{tokenAlice, Prefix + "/applications/" + app.ID + "/documents/CR-2026-0000-0000-0"},
			{tokenAlice, Prefix + "/applications/nope/documents/" + number},
		} {
			rec := do(t, h, "GET", tc.path, tc.token, nil)
			if rec.Code != http.StatusNotFound || errorOf(t, rec).Code != "not_found" {
				t.Errorf("%s %s: status %d %s, want 404 not_found", tc.token, tc.path, rec.Code, rec.Body)
			}
		}
		if rec := do(t, h, "GET", path, "", nil); rec.Code != http.StatusUnauthorized {
			t.Errorf("without a token: status %d, want 401", rec.Code)
		}
	})
}
