package decision_test

import (
	"context"
	"os"
	"slices"
	"strconv"
	"testing"
	"time"

	"qyzmet/internal/calendar"
	"qyzmet/internal/decision"
	"qyzmet/internal/registry"
	"qyzmet/internal/registry/csvimport"
	"qyzmet/internal/registry/sqlstore"
	"qyzmet/internal/standard"
	"qyzmet/internal/store"
	"qyzmet/internal/store/storetest"
	"qyzmet/internal/synth"
)

// onStore loads the fixture into a fresh database of engine e and returns the
// SQL registries.
func onStore(t *testing.T, e storetest.Engine, r *registries) (*store.DB, sqlstore.Registries) {
	t.Helper()
	ctx := context.Background()
	db := e.Open(t, storetest.NewClock(now))
	err := db.Tx(ctx, func(tx *store.Tx) error {
		if err := sqlstore.UpsertPersons(ctx, tx, r.persons); err != nil {
			return err
		}
		if err := sqlstore.UpsertConvictions(ctx, tx, r.records); err != nil {
			return err
		}
		if err := sqlstore.UpsertSignatories(ctx, tx, r.specimens); err != nil {
			return err
		}
		var ps []registry.Payment
		for _, p := range r.payments {
			ps = append(ps, p)
		}
		return sqlstore.UpsertPayments(ctx, tx, ps)
	})
	if err != nil {
		t.Fatal(err)
	}
	return db, sqlstore.New(db)
}

// The decisions run unchanged on the SQL registries of both engines.
func TestDecisionsOnTheStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		t.Parallel()
		ctx := context.Background()
		fx := fixture()
		fx.persons = append(fx.persons, namesake)
		fx.specimens = []registry.Signatory{prosecutor, judge}
		fx.payments["GW-2026"] = gateway("GW-2026", 216250, calendar.D(2026, 1, 15))
		db, regs := onStore(t, e, fx)
		c := &decision.CriminalRecords{Persons: regs.Persons, Records: regs.Records, Audit: regs.Audit, Clock: func() time.Time { return now }}

		withConsent := request(father.IIN, decision.ThirdParty, decision.Subject{IIN: mother.IIN})
		withConsent.Consent = &decision.Consent{SubjectIIN: mother.IIN, Method: decision.ConsentSMS, GivenOn: calendar.D(2026, 3, 2)}
		for _, tt := range []struct {
			name    string
			req     decision.CriminalRecordRequest
			outcome decision.Outcome
			records string
		}{
			{"CR-STD-3.1 has a record by IIN", self(father), decision.HasRecord, "F-NOW"},
			{"CR-STD-3.1 has no record", self(son), decision.NoRecord, ""},
			{"CR-STD-8.2 name change on the store", self(mother), decision.HasRecord, "M-MAIDEN"},
			{"CR-STD-3.1 namesake on the store goes to the additional check", self(kurmanov), decision.AdditionalCheck, ""},
			{"CR-STD-8.4 consent on the store", withConsent, decision.HasRecord, "M-MAIDEN"},
			{"CR-STD-8.4 no consent on the store", request(father.IIN, decision.ThirdParty, decision.Subject{IIN: son.IIN}), decision.ConsentRequired, ""},
			{"CR-STD-8.1 a parent on the store", request(father.IIN, decision.MinorRelative, decision.Subject{IIN: son.IIN}), decision.NoRecord, ""},
		} {
			d, err := c.Decide(ctx, tt.req)
			if err != nil {
				t.Fatalf("%s: %v", tt.name, err)
			}
			if d.Outcome != tt.outcome || ids(d.Convictions) != tt.records {
				t.Errorf("%s: %s %q (evidence %s), want %s %q", tt.name, d.Outcome, ids(d.Convictions), evidenceKinds(d.Evidence), tt.outcome, tt.records)
			}
		}
		// Six decisions read the records; each read is in the log.
		if n, err := sqlstore.Count(ctx, db, "criminal_record_reads"); err != nil || n != 6 {
			t.Errorf("%d reads logged (%v), want 6", n, err)
		}
		reads, err := regs.Audit.Reads(ctx, mother.IIN)
		if err != nil || len(reads) != 2 || reads[1].ActorID != "system" || reads[1].Purpose == "" || !reads[1].At.Equal(now) {
			t.Errorf("reads about the mother: %+v, %v", reads, err)
		}

		// AP-6.2 on the store: the specimen found by its seal.
		v, err := decision.VerifyApostille(ctx, regs.Signatories, standardAt(t, standard.ApostilleProsecution), prosecutorDoc(), calendar.D(2026, 3, 2))
		if err != nil || !v.Authentic || v.Specimen == nil || v.Specimen.ID != "SG1" {
			t.Errorf("AP-6.2 on the store: %+v, %v", v, err)
		}

		// AP-STD-6 on the store: the payment is claimed once.
		set, _ := standard.Default()
		pc := &decision.Payments{Payments: regs.Payments, Standards: set}
		std := standardAt(t, standard.ApostilleProsecution)
		first, err := pc.Check(ctx, std, decision.PaymentRequest{ApplicationID: "A-1", Documents: 1, Reference: "GW-2026"})
		if err != nil || first.Outcome != decision.Paid {
			t.Fatalf("AP-STD-6 first claim: %+v, %v", first, err)
		}
		second, err := pc.Check(ctx, std, decision.PaymentRequest{ApplicationID: "A-2", Documents: 1, Reference: "GW-2026"})
		if err != nil || second.Outcome != decision.NotPaid {
			t.Errorf("AP-STD-6 second application: %+v, %v", second, err)
		}
	})
}

// benchSubjects loads a generated registry into a SQLite store once per
// benchmark run and returns the IINs of its persons.
func benchStore(b *testing.B) (*store.DB, []string) {
	b.Helper()
	persons := 100000
	if s := os.Getenv("QYZMET_BENCH_PERSONS"); s != "" {
		persons, _ = strconv.Atoi(s)
	}
	counts := csvimport.Counts{Persons: persons, Convictions: persons / 5}
	db := storetest.Engines()[0].Open(b, nil)
	if _, err := csvimport.Load(context.Background(), db, 1, counts); err != nil {
		b.Fatal(err)
	}
	var iins []string
	for p := range synth.RegistryPersons(1, persons) {
		iins = append(iins, p.IIN)
	}
	return db, iins
}

// BenchmarkCriminalRecordDecision decides for subjects with an IIN against a
// SQLite store of 100,000 persons and 20,000 convictions (QYZMET_BENCH_PERSONS
// changes the size) and reports the 50th and 99th percentile of one decision:
// the registry lookup, the audit write, the reads by IIN and of the old records
// by date of birth, and the rules — everything except the document. The
// sub-benchmark "without-audit" skips the audit write (a no-op log) to show how
// much of the tail is the commit's fsync.
func BenchmarkCriminalRecordDecision(b *testing.B) {
	db, iins := benchStore(b)
	regs := sqlstore.New(db)
	for _, bc := range []struct {
		name  string
		audit registry.AuditLog
	}{{"audited", regs.Audit}, {"without-audit", discardAudit{}}} {
		b.Run(bc.name, func(b *testing.B) {
			c := &decision.CriminalRecords{Persons: regs.Persons, Records: regs.Records, Audit: bc.audit}
			var took []time.Duration
			outcomes := map[decision.Outcome]int{}
			i := 0
			for b.Loop() {
				subject := iins[(i*7919)%len(iins)]
				i++
				req := request(subject, decision.Self, decision.Subject{IIN: subject})
				began := time.Now()
				d, err := c.Decide(context.Background(), req)
				took = append(took, time.Since(began))
				if err != nil {
					b.Fatal(err)
				}
				outcomes[d.Outcome]++
			}
			slices.Sort(took)
			pct := func(p float64) float64 { return float64(took[int(p*float64(len(took)-1))].Microseconds()) / 1000 }
			b.ReportMetric(pct(0.50), "p50-ms")
			b.ReportMetric(pct(0.99), "p99-ms")
			b.ReportMetric(float64(outcomes[decision.HasRecord])/float64(len(took))*100, "%has-record")
		})
	}
}

// discardAudit is an audit log that keeps nothing, for the benchmark only.
type discardAudit struct{}

func (discardAudit) RecordRead(context.Context, registry.RecordRead) error { return nil }
