package settings_test

import (
	"context"
	"testing"
	"time"

	"qyzmet/internal/apperr"
	"qyzmet/internal/calendar"
	"qyzmet/internal/i18n"
	"qyzmet/internal/settings"
	"qyzmet/internal/standard"
	"qyzmet/internal/store/storetest"
)

const act = "Order of the Minister of Labour No. 1 of 01.02.2027"

// fieldOf is the form field an error is placed on, "" when it has none.
func fieldOf(err error) string {
	if e, ok := settings.AsError(err); ok {
		return e.Field
	}
	return ""
}

// A stored transfer of days off is validated against the calendar, and once
// applied changes the deadlines counted in working days.
func TestTransfers_G_1(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		ctx := context.Background()
		db := e.Open(t, nil)
		s := &settings.Store{DB: db}
		running := calendar.Default()
		sat, mon := calendar.D(2027, time.July, 3), calendar.D(2027, time.July, 5)

		for _, c := range []struct {
			name  string
			t     calendar.Transfer
			field string
		}{
			{"a weekday cannot be worked instead", calendar.Transfer{Worked: calendar.D(2027, time.July, 1), Off: mon, Source: act}, settings.FieldWorked},
			{"a Sunday cannot be made a day off", calendar.Transfer{Worked: sat, Off: calendar.D(2027, time.July, 4), Source: act}, settings.FieldOff},
			{"Kurban Ait on a Sunday is not moved", calendar.Transfer{Worked: calendar.D(2027, time.May, 16), Off: calendar.D(2027, time.May, 17), Source: act}, settings.FieldWorked},
			{"nothing moves onto Orthodox Christmas", calendar.Transfer{Worked: calendar.D(2027, time.January, 9), Off: calendar.D(2027, time.January, 7), Source: act}, settings.FieldOff},
			{"across a year end", calendar.Transfer{Worked: calendar.D(2026, time.December, 26), Off: calendar.D(2027, time.January, 4), Source: act}, settings.FieldOff},
			{"no act", calendar.Transfer{Worked: sat, Off: mon, Source: "  "}, settings.FieldSource},
			{"script in the act", calendar.Transfer{Worked: sat, Off: mon, Source: "<script>alert(1)</script>"}, settings.FieldSource},
			{"no date", calendar.Transfer{Off: mon, Source: act}, settings.FieldWorked},
		} {
			err := s.AddTransfer(ctx, "root", c.t, running)
			if fieldOf(err) != c.field || apperr.CodeOf(err) != apperr.Invalid {
				t.Errorf("%s: err = %v, want on %s", c.name, err, c.field)
			}
			if e, ok := settings.AsError(err); ok && !e.Text.Complete() {
				t.Errorf("%s: text lacks a language: %+v", c.name, e.Text)
			}
		}
		if got, _ := s.Transfers(ctx); len(got) != 0 {
			t.Fatalf("refused transfers were stored: %+v", got)
		}

		if err := s.AddTransfer(ctx, "root", calendar.Transfer{Worked: sat, Off: mon, Source: act}, running); err != nil {
			t.Fatal(err)
		}
		if err := s.AddTransfer(ctx, "root", calendar.Transfer{Worked: sat, Off: mon, Source: act}, running); err != nil {
			t.Errorf("the same form twice: %v", err)
		}
		err := s.AddTransfer(ctx, "root", calendar.Transfer{Worked: calendar.D(2027, time.July, 10), Off: mon, Source: act}, running)
		if apperr.CodeOf(err) != apperr.Conflict {
			t.Errorf("the same day moved twice: %v", err)
		}

		cal, _, err := settings.Apply(ctx, db, running, nil)
		if err != nil {
			t.Fatal(err)
		}
		friday := calendar.D(2027, time.July, 2)
		before, _ := running.AddWorkingDays(friday, 1)
		after, _ := cal.AddWorkingDays(friday, 1)
		if before != mon || after != sat {
			t.Errorf("one working day after Friday 2 July 2027: %s before the transfer, %s after; want %s and %s", before, after, mon, sat)
		}
		if d := cal.Day(mon); d.Kind != calendar.KindTransferOff || d.Source != act {
			t.Errorf("5 July 2027 = %+v", d)
		}
		if got, _ := s.Transfers(ctx); len(got) != 1 || got[0].CreatedBy != "root" {
			t.Errorf("stored = %+v", got)
		}
	})
}

// The MCI of a new year is added once, after the last known year, and the
// state duty is computed with it from 1 January of that year.
func TestMCI_AP_STD_6(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		ctx := context.Background()
		db := e.Open(t, nil)
		s := &settings.Store{DB: db}
		law := i18n.Text{KK: "2027 жылғы бюджет туралы заң", RU: "Закон о бюджете на 2027 год", EN: "Budget law for 2027"}
		v := settings.MCIValue{Year: 2027, Tenge: 4500, Ref: "Law No. 1-VIII of 01.12.2026", Act: law}

		for _, c := range []struct {
			name  string
			v     settings.MCIValue
			field string
		}{
			{"a known year is not rewritten", settings.MCIValue{Year: 2026, Tenge: 1, Ref: v.Ref, Act: law}, settings.FieldYear},
			{"no gap", settings.MCIValue{Year: 2028, Tenge: 4500, Ref: v.Ref, Act: law}, settings.FieldYear},
			{"zero tenge", settings.MCIValue{Year: 2027, Tenge: 0, Ref: v.Ref, Act: law}, settings.FieldTenge},
			{"an extra digit", settings.MCIValue{Year: 2027, Tenge: 450000, Ref: v.Ref, Act: law}, settings.FieldTenge},
			{"script in the citation", settings.MCIValue{Year: 2027, Tenge: 4500, Ref: "<b>x</b>", Act: law}, settings.FieldRef},
			{"no Kazakh title", settings.MCIValue{Year: 2027, Tenge: 4500, Ref: v.Ref, Act: i18n.Text{RU: law.RU, EN: law.EN}}, settings.FieldActKK},
		} {
			if err := s.AddMCI(ctx, "root", c.v); fieldOf(err) != c.field {
				t.Errorf("%s: err = %v, want on %s", c.name, err, c.field)
			}
		}

		cal, set, err := settings.Apply(ctx, db, calendar.Default(), nil)
		if err != nil || set != nil || cal != calendar.Default() {
			t.Fatalf("nothing stored, yet Apply changed the law: %v", err)
		}
		if err := s.AddMCI(ctx, "root", v); err != nil {
			t.Fatal(err)
		}
		if err := s.AddMCI(ctx, "root", v); err != nil {
			t.Errorf("the same form twice: %v", err)
		}
		other := v
		other.Tenge = 4600
		if err := s.AddMCI(ctx, "root", other); fieldOf(err) != settings.FieldYear {
			t.Errorf("the same year twice: %v", err)
		}
		_, set, err = settings.Apply(ctx, db, calendar.Default(), nil)
		if err != nil {
			t.Fatal(err)
		}
		std, err := set.At(standard.ServiceID("apostille-court"), calendar.D(2027, time.March, 1))
		if err != nil {
			t.Fatal(err)
		}
		q, err := set.Fee(std, calendar.D(2027, time.March, 1), 2)
		if err != nil {
			t.Fatal(err)
		}
		if q.MCI != 4500 || q.MCIRef != v.Ref || q.Tiyn != 4500*100 {
			t.Errorf("fee in 2027 = %+v, want 2 × 0.5 × 4500 tenge", q)
		}
		if q26, _ := set.Fee(std, calendar.D(2026, time.March, 1), 1); q26.MCI != 4325 {
			t.Errorf("2026 changed: %+v", q26)
		}
		table, err := s.MCITable(ctx)
		if err != nil {
			t.Fatal(err)
		}
		first, last := table[0], table[len(table)-1]
		if first.Year != 2015 || first.Tenge != 1982 || last.Year != 2027 || !last.Stored || last.CreatedBy != "root" {
			t.Errorf("table from %+v to %+v", first, last)
		}
	})
}
