package csvimport_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"qyzmet/internal/apperr"
	"qyzmet/internal/calendar"
	"qyzmet/internal/registry/csvimport"
	"qyzmet/internal/registry/sqlstore"
	"qyzmet/internal/store/storetest"
)

// brokenFile is one file of each registry with good rows and a bad row of every
// kind the importer must catch; bad lists the bad rows as "line:column".
var brokenFiles = []struct {
	kind  csvimport.Kind
	table string
	csv   string
	good  int
	bad   []string
}{
	{kind: csvimport.Persons, table: "persons", good: 4, csv: `iin,surname,given_name,patronymic,sex,birth_date,birth_place,nationality,former_names,father_iin,mother_iin,extra
880315300014,Ахметов,Серік,Болатұлы,M,1988-03-15,г. Алматы,kazakh,,,,ignored
900704400011,Ахметова,Анна,Петровна,F,1990-07-04,,russian,Иванова/Анна/Петровна/2012-05-19/заключение брака,,,
880315300015,Ошибкин,Иван,,M,1988-03-15,,,,,,
150101500011,Ахметов,Данияр,Серікұлы,M,2015-01-01,,,,880315300014,900704400011,
880315300024,Ахметов,Ержан,,M,1988-03-16,,,,,,
880315300024,Ахметов,Ержан,,F,1988-03-15,,,,,,
880315300034,,Ержан,,M,1988-03-15,,,,,,
751120300010,Сейтов,Ерлан,,M,1975-11-20,,,Сейтов/Ерлан,,,
751120300020,Сейтов,Ерлан,,M,1975-11-20,,,,,,
751120300020,Сейтов,Ерлан,,M,1975-11-20,,,,,,
"unterminated,quote,,,,,,,,,
`, bad: []string{"4:iin", "6:iin", "7:iin", "8:surname", "9:former_names", "11:iin", "12:"}},
	// Line 12 opens a quote that never closes: the rest of the file is one bad row.

	{kind: csvimport.Convictions, table: "convictions", good: 2, csv: `record_id,iin,surname,given_name,patronymic,birth_date,article,court,convicted_on,sentence,expunged_on,removed_on
K-1,880315300014,Ахметов,Серік,Болатұлы,1988-03-15,ст. 188 ч. 2 УК РК,Медеуский районный суд,2019-04-01,2 года ограничения свободы,2022-04-01,
K-2,,Иванова,Анна,Петровна,1990-07-04,ст. 177 УК КазССР,суд Октябрьского района,2010-01-12,штраф,,
K-3,880315300014,Ахметов,Серік,,1988-03-16,ст. 188,суд,2019-04-01,штраф,,
K-4,,Иванова,Анна,,1990-07-04,ст. 177,суд,2010-01-12,штраф,2009-01-01,
K-5,,Иванова,Анна,,1990-07-04,,суд,2010-01-12,штраф,,
K-6,,Иванова,Анна,,04.07.1990,ст. 177,суд,2010-01-12,штраф,,
K-7,,Иванова,Анна
`, bad: []string{"4:iin", "5:expunged_on", "6:article", "7:birth_date", "8:"}},

	{kind: csvimport.Signatories, table: "signatory_specimens", good: 2, csv: `id,surname,given_name,patronymic,position,body,body_kind,seal_id,valid_from,valid_to
S-1,Құрманов,Ерлан,Серікұлы,прокурор,Прокуратура г. Астаны,prosecution,P-001,2020-01-01,
S-2,Ким,Виктор,Андреевич,судья,Медеуский районный суд,Court,C-001,2018-06-01,2025-12-31
S-3,Ли,Ольга,,следователь,ДП г. Алматы,police,I-001,2020-01-01,
S-4,Ли,Ольга,,следователь,ДП г. Алматы,investigation,I-001,2020-01-01,2019-01-01
S-5,Ли,Ольга,,следователь,ДП г. Алматы,investigation,,2020-01-01,
`, bad: []string{"4:body_kind", "5:valid_to", "6:seal_id"}},

	{kind: csvimport.Payments, table: "payments", good: 3, csv: `reference,payer_iin,payer_name,amount,budget_code,paid_on
GW-1,880315300014,Ахметов С.Б.,1531.50,108125,2026-03-01
GW-2,981140001105,ТОО Пример,3063,108125,2026-03-01
GW-3,900704400011,Ахметова А.П.,"1531,5",108125,2026-03-02
GW-4,900704400011,Ахметова А.П.,-5,108125,2026-03-02
GW-5,900704400012,Ахметова А.П.,1531.50,108125,2026-03-02
GW-6,900704400011,Ахметова А.П.,1531.505,108125,2026-03-02
GW-7,900704400011,Ахметова А.П.,1531.50,10812,2026-03-02
GW-1,880315300014,Ахметов С.Б.,1531.50,108125,2026-03-01
`, bad: []string{"5:amount", "6:payer_iin", "7:amount", "8:budget_code", "9:reference"}},

	{kind: csvimport.CardIndex, table: "settlement_cards", good: 2, csv: `id,surname,given_name,patronymic,birth_year,birth_place,nationality,children
AR1,Шмидт,Мария,Андреевна,1901,с. Мариенталь,немка,AR2/Шмидт/Иван/Карлович/1922;/Шмидт/Эмма/Карловна/1930
AR2,Шмидт,Иван,Карлович,1922,с. Мариенталь,немец,
AR3,,,,1900,,,
AR4,Шмидт,Иван,,19x2,,,
AR5,Шмидт,Иван,,1922,,,/Шмидт/Эмма
AR6,Шмидт,Иван,,1722,,,
,Шмидт,Иван,,1922,,,
`, bad: []string{"4:surname", "5:birth_year", "6:children", "7:birth_year", "8:id"}},
}

func TestImportBrokenFiles(t *testing.T) {
	for _, f := range brokenFiles {
		t.Run(string(f.kind), func(t *testing.T) {
			storetest.Run(t, func(t *testing.T, e storetest.Engine) {
				t.Parallel()
				ctx := context.Background()
				db := e.Open(t, nil)
				var bad []string
				opt := csvimport.Options{BatchSize: 2, OnBadRow: func(b csvimport.BadRow) {
					bad = append(bad, fmt.Sprintf("%d:%s", b.Line, b.Column))
					if b.Reason.EN == "" || b.Reason.RU == "" || b.Reason.KK == "" {
						t.Errorf("line %d: a reason without all three languages: %+v", b.Line, b.Reason)
					}
				}}
				sum, err := csvimport.Import(ctx, db, f.kind, strings.NewReader(f.csv), opt)
				if err != nil {
					t.Fatal(err)
				}
				if !slices.Equal(bad, f.bad) {
					t.Errorf("bad rows %v, want %v", bad, f.bad)
				}
				if sum.Loaded != f.good || sum.Bad != len(f.bad) || sum.Rows != f.good+len(f.bad) {
					t.Errorf("summary %+v, want %d good and %d bad", sum, f.good, len(f.bad))
				}
				if n, err := sqlstore.Count(ctx, db, f.table); err != nil || n != int64(f.good) {
					t.Errorf("%s holds %d rows (%v), want %d", f.table, n, err, f.good)
				}

				// Idempotent: the same file again leaves the same rows.
				bad = nil
				again, err := csvimport.Import(ctx, db, f.kind, strings.NewReader(f.csv), opt)
				if err != nil || again.Loaded != f.good || !slices.Equal(bad, f.bad) {
					t.Errorf("re-import: %+v, %v, bad %v", again, err, bad)
				}
				if n, _ := sqlstore.Count(ctx, db, f.table); n != int64(f.good) {
					t.Errorf("after the re-import %s holds %d rows, want %d", f.table, n, f.good)
				}
			})
		})
	}
}

func TestImportKeepsWhatTheFileSays(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		t.Parallel()
		ctx := context.Background()
		db := e.Open(t, nil)
		regs := sqlstore.New(db)
		for _, f := range brokenFiles {
			if _, err := csvimport.Import(ctx, db, f.kind, strings.NewReader(f.csv), csvimport.Options{}); err != nil {
				t.Fatal(err)
			}
		}
		p, err := regs.Persons.ByIIN(ctx, "900704400011")
		if err != nil || len(p.FormerNames) != 1 || p.FormerNames[0].Surname != "Иванова" || p.FormerNames[0].ChangedOn != calendar.D(2012, 5, 19) {
			t.Errorf("person with a former name: %+v, %v", p, err)
		}
		kids, err := regs.Persons.Children(ctx, "880315300014")
		if err != nil || len(kids) != 1 || kids[0].GivenName != "Данияр" {
			t.Errorf("children: %+v, %v", kids, err)
		}
		pay, err := regs.Payments.ByReference(ctx, "GW-3")
		if err != nil || pay.AmountTiyn != 153150 || pay.Source != "gateway" {
			t.Errorf("payment: %+v, %v", pay, err)
		}
		card, err := regs.Cards.Card(ctx, "AR1")
		if err != nil || len(card.Children) != 2 || card.Children[0].CardID != "AR2" || card.Children[1].BirthYear != 1930 {
			t.Errorf("card: %+v, %v", card, err)
		}
		old, err := regs.Records.WithoutIIN(ctx, calendar.D(1990, 7, 4))
		if err != nil || len(old) != 1 || old[0].ID != "K-2" {
			t.Errorf("old records: %+v, %v", old, err)
		}
	})
}

func TestImportRefusesAFileWithoutTheColumns(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		t.Parallel()
		ctx := context.Background()
		db := e.Open(t, nil)
		for _, in := range []struct {
			kind csvimport.Kind
			csv  string
		}{
			{csvimport.CardIndex, "id,surname,given_name,birth_year\nAR1,Шмидт,Иван,1922\n"},
			{csvimport.Payments, ""},
			{csvimport.Persons, "iin,iin,surname,given_name,patronymic,sex,birth_date\n"},
			{"census", "id\n"},
		} {
			sum, err := csvimport.Import(ctx, db, in.kind, strings.NewReader(in.csv), csvimport.Options{})
			if apperr.CodeOf(err) != apperr.Invalid || sum.Loaded != 0 {
				t.Errorf("%s %q: %+v, %v; want invalid", in.kind, in.csv, sum, err)
			}
		}
		if n, _ := sqlstore.Count(ctx, db, "settlement_cards"); n != 0 {
			t.Errorf("a refused file loaded %d cards", n)
		}
	})
}

func TestImportReportsProgressPerBatch(t *testing.T) {
	db := storetest.Engines()[0].Open(t, nil)
	var b strings.Builder
	b.WriteString("id,surname,given_name,patronymic,birth_year,birth_place,nationality\n")
	for i := range 25 {
		fmt.Fprintf(&b, "AR%d,Шмидт,Иван,,1922,,\n", i)
	}
	var seen []csvimport.Progress
	sum, err := csvimport.Import(context.Background(), db, csvimport.CardIndex, strings.NewReader(b.String()),
		csvimport.Options{BatchSize: 10, Size: int64(b.Len()), OnProgress: func(p csvimport.Progress) { seen = append(seen, p) }})
	if err != nil || sum.Loaded != 25 {
		t.Fatalf("%+v, %v", sum, err)
	}
	if len(seen) != 3 || seen[0].Loaded != 10 || seen[2].Loaded != 25 || seen[2].Bytes != int64(b.Len()) || seen[2].Size != int64(b.Len()) {
		t.Errorf("progress %+v", seen)
	}
}

func TestImportStopsWhenCancelled(t *testing.T) {
	db := storetest.Engines()[0].Open(t, nil)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := csvimport.Import(ctx, db, csvimport.CardIndex, strings.NewReader("id,surname,given_name,patronymic,birth_year,birth_place,nationality\nAR1,Шмидт,Иван,,1922,,\n"), csvimport.Options{})
	if err == nil {
		t.Error("a cancelled import reported success")
	}
}

// A file of bad rows is reported as it is read, in order, with every line.
func TestImportReportsManyBadRows(t *testing.T) {
	db := storetest.Engines()[0].Open(t, nil)
	var b strings.Builder
	b.WriteString("id,surname,given_name,patronymic,birth_year,birth_place,nationality\n")
	for i := range 2500 {
		fmt.Fprintf(&b, "AR%d,Шмидт,Иван,,19x%d,,\n", i, i%10)
	}
	b.WriteString("AR-good,Шмидт,Иван,,1922,,\n")
	var lines []int
	var progress int
	sum, err := csvimport.Import(context.Background(), db, csvimport.CardIndex, strings.NewReader(b.String()), csvimport.Options{
		OnBadRow:   func(r csvimport.BadRow) { lines = append(lines, r.Line) },
		OnProgress: func(csvimport.Progress) { progress++ },
	})
	if err != nil || sum.Bad != 2500 || sum.Loaded != 1 || sum.Rows != 2501 {
		t.Fatalf("%+v, %v", sum, err)
	}
	for i, l := range lines {
		if l != i+2 {
			t.Fatalf("bad row %d reported on line %d, want %d", i, l, i+2)
		}
	}
	if progress < 3 {
		t.Errorf("%d progress reports for 2,500 bad rows; the bad rows were held to the end", progress)
	}
}
