package sqlstore_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"qyzmet/internal/apperr"
	"qyzmet/internal/archivesearch"
	"qyzmet/internal/calendar"
	"qyzmet/internal/registry"
	"qyzmet/internal/registry/sqlstore"
	"qyzmet/internal/store"
	"qyzmet/internal/store/storetest"
)

var start = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)

// Valid IINs: 880315 male (Ахметов), 900704 female with a former name, and her son.
var (
	ahmetov = registry.Person{IIN: "880315300014", Name: registry.Name{Surname: "Ахметов", GivenName: "Серік", Patronymic: "Болатұлы"},
		Sex: registry.Male, BirthDate: calendar.D(1988, 3, 15), BirthPlace: "г. Алматы", Nationality: "kazakh"}
	ivanova = registry.Person{IIN: "900704400011", Name: registry.Name{Surname: "Ахметова", GivenName: "Анна", Patronymic: "Петровна"},
		Sex: registry.Female, BirthDate: calendar.D(1990, 7, 4), FormerNames: []registry.NameChange{
			{Name: registry.Name{Surname: "Иванова", GivenName: "Анна", Patronymic: "Петровна"}, ChangedOn: calendar.D(2012, 5, 19), Reason: "заключение брака"},
		}}
	son = registry.Person{IIN: "150101500011", Name: registry.Name{Surname: "Ахметов", GivenName: "Данияр", Patronymic: "Серікұлы"},
		Sex: registry.Male, BirthDate: calendar.D(2015, 1, 1), FatherIIN: ahmetov.IIN, MotherIIN: ivanova.IIN}
)

func open(t *testing.T, e storetest.Engine) (*store.DB, sqlstore.Registries) {
	t.Helper()
	db := e.Open(t, storetest.NewClock(start))
	return db, sqlstore.New(db)
}

func write(t *testing.T, db *store.DB, fn func(ctx context.Context, tx *store.Tx) error) {
	t.Helper()
	ctx := context.Background()
	if err := db.Tx(ctx, func(tx *store.Tx) error { return fn(ctx, tx) }); err != nil {
		t.Fatal(err)
	}
}

func TestValidFixtures(t *testing.T) {
	for _, p := range []registry.Person{ahmetov, ivanova, son} {
		if err := p.Validate(); err != nil {
			t.Errorf("%s: %v", p.IIN, err)
		}
	}
}

func TestPersons(t *testing.T) {
	t.Run("CR-STD-8.2 persons by IIN and by former names", func(t *testing.T) {
		storetest.Run(t, func(t *testing.T, e storetest.Engine) {
			t.Parallel()
			ctx := context.Background()
			db, r := open(t, e)
			write(t, db, func(ctx context.Context, tx *store.Tx) error {
				return sqlstore.UpsertPersons(ctx, tx, []registry.Person{ahmetov, ivanova, son})
			})
			got, err := r.Persons.ByIIN(ctx, ivanova.IIN)
			if err != nil {
				t.Fatal(err)
			}
			if got.Name != ivanova.Name || got.BirthDate != ivanova.BirthDate || !slices.Equal(got.FormerNames, ivanova.FormerNames) {
				t.Errorf("ByIIN = %+v, want %+v", got, ivanova)
			}
			if _, err := r.Persons.ByIIN(ctx, "880315300015"); apperr.CodeOf(err) != apperr.Invalid {
				t.Errorf("a bad IIN: %v, want invalid", err)
			}
			if _, err := r.Persons.ByIIN(ctx, "880315300024"); apperr.CodeOf(err) != apperr.NotFound {
				t.Errorf("an unknown IIN: %v, want not_found", err)
			}

			// CR-STD-8.2: the former name finds the person, in any spelling.
			for _, q := range []registry.Name{
				{Surname: "ИВАНОВА", GivenName: "Анна"},
				{Surname: "Ахметова", GivenName: "Анна", Patronymic: "Петровна"},
			} {
				found, err := r.Persons.Search(ctx, registry.NameQuery{Name: q, BirthDate: ivanova.BirthDate})
				if err != nil || len(found) != 1 || found[0].IIN != ivanova.IIN {
					t.Errorf("CR-STD-8.2 Search(%v) = %v, %v", q, found, err)
				}
			}
			if found, err := r.Persons.Search(ctx, registry.NameQuery{Name: registry.Name{Surname: "Иванова"}, BirthDate: calendar.D(1990, 7, 5)}); err != nil || len(found) != 0 {
				t.Errorf("another birth date found %v, %v", found, err)
			}
			if _, err := r.Persons.Search(ctx, registry.NameQuery{Name: registry.Name{Surname: "Иванова"}}); apperr.CodeOf(err) != apperr.Invalid {
				t.Errorf("a search without a birth date: %v, want invalid", err)
			}
			kids, err := r.Persons.Children(ctx, ivanova.IIN)
			if err != nil || len(kids) != 1 || kids[0].IIN != son.IIN {
				t.Errorf("Children = %v, %v", kids, err)
			}

			// A re-import replaces the person and the name history.
			changed := ivanova
			changed.FormerNames = nil
			changed.BirthPlace = "г. Астана"
			write(t, db, func(ctx context.Context, tx *store.Tx) error {
				return sqlstore.UpsertPersons(ctx, tx, []registry.Person{changed, ahmetov})
			})
			got, _ = r.Persons.ByIIN(ctx, ivanova.IIN)
			if got.BirthPlace != "г. Астана" || len(got.FormerNames) != 0 {
				t.Errorf("after the re-import: %+v", got)
			}
			if n, err := sqlstore.Count(ctx, db, "persons"); err != nil || n != 3 {
				t.Errorf("Count(persons) = %d, %v; want 3", n, err)
			}
		})
	})
}

func TestCriminalRecords(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		t.Parallel()
		ctx := context.Background()
		db, r := open(t, e)
		cs := []registry.Conviction{
			{ID: "C2", IIN: ahmetov.IIN, Name: ahmetov.Name, BirthDate: ahmetov.BirthDate, Article: "ст. 188 ч. 2 УК РК",
				Court: "Медеуский районный суд г. Алматы", ConvictedOn: calendar.D(2019, 4, 1), Sentence: "2 года ограничения свободы",
				ExpungedOn: calendar.D(2022, 4, 1)},
			{ID: "C1", Name: registry.Name{Surname: "Иванова", GivenName: "Анна"}, BirthDate: ivanova.BirthDate,
				Article: "ст. 177 УК РК", Court: "суд", ConvictedOn: calendar.D(2010, 1, 12), Sentence: "штраф"},
		}
		write(t, db, func(ctx context.Context, tx *store.Tx) error { return sqlstore.UpsertConvictions(ctx, tx, cs) })
		byIIN, err := r.Records.ByIIN(ctx, ahmetov.IIN)
		if err != nil || len(byIIN) != 1 || byIIN[0] != cs[0] {
			t.Errorf("ByIIN = %+v, %v", byIIN, err)
		}
		old, err := r.Records.WithoutIIN(ctx, ivanova.BirthDate)
		if err != nil || len(old) != 1 || old[0] != cs[1] {
			t.Errorf("WithoutIIN = %+v, %v", old, err)
		}
		if _, err := r.Records.WithoutIIN(ctx, calendar.Date{}); apperr.CodeOf(err) != apperr.Invalid {
			t.Errorf("WithoutIIN(zero) = %v", err)
		}
	})
}

func TestSignatories(t *testing.T) {
	t.Run("AP-6.2 specimens by seal or surname", func(t *testing.T) {
		storetest.Run(t, func(t *testing.T, e storetest.Engine) {
			t.Parallel()
			ctx := context.Background()
			db, r := open(t, e)
			s := registry.Signatory{ID: "S1", Name: registry.Name{Surname: "Құрманов", GivenName: "Ерлан"}, Position: "прокурор",
				Body: "Прокуратура г. Астаны", BodyKind: registry.Prosecution, SealID: "P-001", ValidFrom: calendar.D(2020, 1, 1)}
			write(t, db, func(ctx context.Context, tx *store.Tx) error {
				return sqlstore.UpsertSignatories(ctx, tx, []registry.Signatory{s})
			})
			for _, q := range []registry.SpecimenQuery{{SealID: "P-001"}, {Surname: "Курманов"}, {SealID: "X", Surname: "КҰРМАНОВ"}} {
				got, err := r.Signatories.Specimens(ctx, q)
				if err != nil || len(got) != 1 || got[0] != s {
					t.Errorf("AP-6.2 Specimens(%+v) = %+v, %v", q, got, err)
				}
			}
			if _, err := r.Signatories.Specimens(ctx, registry.SpecimenQuery{}); apperr.CodeOf(err) != apperr.Invalid {
				t.Errorf("an empty query: %v", err)
			}
		})
	})
}

func TestPaymentsPayForOneApplication(t *testing.T) {
	t.Run("AP-STD-6 a payment pays for one application", func(t *testing.T) {
		storetest.Run(t, func(t *testing.T, e storetest.Engine) {
			t.Parallel()
			ctx := context.Background()
			db, r := open(t, e)
			p := registry.Payment{Reference: "GW-1", PayerIIN: ahmetov.IIN, PayerName: "Ахметов С.", AmountTiyn: 216250,
				BudgetCode: "108125", PaidOn: calendar.D(2026, 3, 1), Source: registry.FromGateway}
			write(t, db, func(ctx context.Context, tx *store.Tx) error {
				return sqlstore.UpsertPayments(ctx, tx, []registry.Payment{p})
			})
			got, err := r.Payments.Claim(ctx, "GW-1", "A-1")
			if err != nil || got.ApplicationID != "A-1" {
				t.Fatalf("Claim = %+v, %v", got, err)
			}
			if _, err := r.Payments.Claim(ctx, "GW-1", "A-1"); err != nil {
				t.Errorf("claiming again for the same application: %v", err)
			}
			if _, err := r.Payments.Claim(ctx, "GW-1", "A-2"); apperr.CodeOf(err) != apperr.Conflict {
				t.Errorf("AP-STD-6 a second application: %v, want conflict", err)
			}
			// A re-import of the gateway's file keeps the claim.
			write(t, db, func(ctx context.Context, tx *store.Tx) error {
				return sqlstore.UpsertPayments(ctx, tx, []registry.Payment{p})
			})
			if got, _ := r.Payments.ByReference(ctx, "GW-1"); got.ApplicationID != "A-1" {
				t.Errorf("after a re-import: %+v", got)
			}
			if _, err := r.Payments.Claim(ctx, "GW-404", "A-1"); apperr.CodeOf(err) != apperr.NotFound {
				t.Errorf("an unknown payment: %v", err)
			}

			receipt := registry.Payment{Reference: "BANK-7", PayerIIN: ahmetov.IIN, PayerName: "Ахметов С.", AmountTiyn: 216250,
				BudgetCode: "108125", PaidOn: calendar.D(2026, 3, 1), Source: registry.FromReceipt, ApplicationID: "A-3", ConfirmedBy: "officer-1"}
			if err := r.Payments.AddReceipt(ctx, receipt); err != nil {
				t.Fatal(err)
			}
			if err := r.Payments.AddReceipt(ctx, receipt); err != nil {
				t.Errorf("the same receipt again: %v", err)
			}
			other := receipt
			other.ApplicationID = "A-4"
			if err := r.Payments.AddReceipt(ctx, other); apperr.CodeOf(err) != apperr.Conflict {
				t.Errorf("AC-7 one receipt for two applications: %v, want conflict", err)
			}
			unconfirmed := receipt
			unconfirmed.Reference, unconfirmed.ConfirmedBy = "BANK-8", ""
			if err := r.Payments.AddReceipt(ctx, unconfirmed); apperr.CodeOf(err) != apperr.Invalid {
				t.Errorf("an unconfirmed receipt: %v", err)
			}
		})
	})
}

func TestCardsAndSearchIndex(t *testing.T) {
	t.Run("AR-6.3 the card index and its search index", func(t *testing.T) {
		storetest.Run(t, func(t *testing.T, e storetest.Engine) {
			t.Parallel()
			ctx := context.Background()
			db, r := open(t, e)
			mother := registry.Card{ID: "AR1", Name: registry.Name{Surname: "Шмидт", GivenName: "Мария", Patronymic: "Андреевна"},
				Sex: registry.Female, BirthYear: 1901, Nationality: "немка", FromRegion: "АССР Немцев Поволжья",
				ToRegion: "Карагандинская обл.", ResettledOn: calendar.D(1941, 9, 15), ReleasedOn: calendar.D(1955, 12, 13),
				Children: []registry.CardChild{
					{CardID: "AR2", Name: registry.Name{Surname: "Шмидт", GivenName: "Иван", Patronymic: "Карлович"}, BirthYear: 1922},
					{Name: registry.Name{Surname: "Шмидт", GivenName: "Эмма", Patronymic: "Карловна"}, BirthYear: 1930},
				}}
			son := registry.Card{ID: "AR2", Name: registry.Name{Surname: "Шмидт", GivenName: "Иван", Patronymic: "Карлович"}, BirthYear: 1922, MotherID: "AR1"}
			write(t, db, func(ctx context.Context, tx *store.Tx) error {
				return sqlstore.UpsertCards(ctx, tx, []registry.Card{mother, son})
			})
			got, err := r.Cards.Card(ctx, "AR1")
			if err != nil || got.ToRegion != mother.ToRegion || !slices.Equal(got.Children, mother.Children) || got.ReleasedOn != mother.ReleasedOn {
				t.Errorf("Card = %+v, %v", got, err)
			}
			if _, err := r.Cards.Card(ctx, "AR9"); apperr.CodeOf(err) != apperr.NotFound {
				t.Errorf("an unknown card: %v", err)
			}
			// A re-import with fewer children replaces them.
			mother.Children = mother.Children[:1]
			write(t, db, func(ctx context.Context, tx *store.Tx) error {
				return sqlstore.UpsertCards(ctx, tx, []registry.Card{mother})
			})
			if got, _ := r.Cards.Card(ctx, "AR1"); len(got.Children) != 1 {
				t.Errorf("children after the re-import: %+v", got.Children)
			}
			ix, err := r.Cards.SearchIndex(ctx)
			if err != nil || ix.Len() != 2 {
				t.Fatalf("SearchIndex: %v", err)
			}
			hits := ix.Search(archivesearch.Query{Text: "Шмидт Иван", BirthYear: 1922})
			if len(hits) == 0 || hits[0].ID != "AR2" {
				t.Errorf("AR-6.3 search = %+v", hits)
			}
		})
	})
}

func TestAuditLogIsAppendOnly(t *testing.T) {
	t.Run("CR-STD-3.1 every read is logged, the log is append-only", func(t *testing.T) {
		storetest.Run(t, func(t *testing.T, e storetest.Engine) {
			t.Parallel()
			ctx := context.Background()
			db, r := open(t, e)
			read := registry.RecordRead{ActorID: "system", ActorRole: "system", SubjectIIN: ahmetov.IIN, SubjectName: ahmetov.Name,
				SubjectBirthDate: ahmetov.BirthDate, Purpose: "criminal-record certificate", ApplicationID: "A-1", Rule: "CR-STD-3.1"}
			if err := r.Audit.RecordRead(ctx, read); err != nil {
				t.Fatal(err)
			}
			if err := r.Audit.RecordRead(ctx, registry.RecordRead{ActorID: "x", SubjectIIN: ahmetov.IIN}); apperr.CodeOf(err) != apperr.Invalid {
				t.Errorf("an entry without why: %v", err)
			}
			reads, err := r.Audit.Reads(ctx, ahmetov.IIN)
			read.At = start
			if err != nil || len(reads) != 1 || reads[0] != read {
				t.Errorf("Reads = %+v, %v", reads, err)
			}
			for _, q := range []string{`UPDATE criminal_record_reads SET purpose = 'x'`, `DELETE FROM criminal_record_reads`} {
				err := db.Tx(ctx, func(tx *store.Tx) error { _, err := tx.Exec(ctx, q); return err })
				if err == nil {
					t.Errorf("%s: the audit log changed", q)
				}
			}
			if n, _ := sqlstore.Count(ctx, db, "criminal_record_reads"); n != 1 {
				t.Errorf("%d reads logged", n)
			}
			if _, err := sqlstore.Count(ctx, db, "casework_applications"); err == nil {
				t.Error("Count accepted a table that is not a registry's")
			}
		})
	})
}

func TestDateArgIsDateString(t *testing.T) {
	for _, d := range []calendar.Date{calendar.D(1, 1, 1), calendar.D(1941, 9, 15), calendar.D(2026, 12, 31)} {
		if got := sqlstore.DateArg(d); got != d.String() {
			t.Errorf("dateArg(%v) = %v, want %s", d, got, d)
		}
	}
	if sqlstore.DateArg(calendar.Date{}) != nil {
		t.Error("the zero date is not NULL")
	}
}

// Rule AC-10: the operator sees the applicant's payments no application holds
// yet, newest first, up to the limit.
func TestUnclaimedPayments_AC_10(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		t.Parallel()
		ctx := context.Background()
		db, r := open(t, e)
		pay := func(ref string, day int) registry.Payment {
			return registry.Payment{Reference: ref, PayerIIN: ahmetov.IIN, PayerName: "Ахметов С.", AmountTiyn: 216250,
				BudgetCode: "108125", PaidOn: calendar.D(2026, 3, day), Source: registry.FromGateway}
		}
		write(t, db, func(ctx context.Context, tx *store.Tx) error {
			return sqlstore.UpsertPayments(ctx, tx, []registry.Payment{pay("GW-A", 1), pay("GW-B", 3), pay("GW-C", 2)})
		})
		if _, err := r.Payments.Claim(ctx, "GW-C", "A-1"); err != nil {
			t.Fatal(err)
		}
		got, err := r.Payments.Unclaimed(ctx, []string{ahmetov.IIN, "000000000000"}, 5)
		if err != nil || len(got) != 2 || got[0].Reference != "GW-B" || got[1].Reference != "GW-A" || got[0].AmountTiyn != 216250 {
			t.Fatalf("Unclaimed = %+v, %v; want GW-B then GW-A", got, err)
		}
		if got, _ := r.Payments.Unclaimed(ctx, []string{ahmetov.IIN}, 1); len(got) != 1 {
			t.Errorf("the limit: %d payments", len(got))
		}
		if got, err := r.Payments.Unclaimed(ctx, nil, 5); err != nil || len(got) != 0 {
			t.Errorf("no payers: %v, %v", got, err)
		}
	})
}
