package calendar

import (
	"errors"
	"strings"
	"testing"
	"time"

	"qyzmet/internal/i18n"
)

const validExtra = `
transfers:
  - worked: 2026-12-19
    off: 2026-12-18
    source: Order of the Minister of Labour (test)
kurban_ait:
  - date: 2027-05-17
    source: labour ministry production calendar 2027 (test)
`

// ParseData is strict: an unknown or misspelt key is an error, never a rule
// silently dropped (Rule G-1 data).
func TestParseDataRejectsUnknownField(t *testing.T) {
	for _, in := range []string{
		"transfers:\n  - worked: 2026-12-19\n    of: 2026-12-18\n    source: x\n",
		"transfer:\n  - worked: 2026-12-19\n    off: 2026-12-18\n    source: x\n",
		"holidays:\n  - id: x\n    date: \"01-01\"\n    carry: false\n    name: {kk: a, ru: b, en: c}\n    source: s\n",
		"holidays:\n  - id: x\n    date: \"01-01\"\n    name: {kk: a, ru: b, en: c, de: d}\n    source: s\n",
	} {
		_, err := ParseData([]byte(in))
		if err == nil || !strings.Contains(err.Error(), "not found") {
			t.Errorf("ParseData(%q) error = %v, want an unknown-field error", in, err)
		}
	}
}

func TestParseDataValid(t *testing.T) {
	d, err := ParseData([]byte(validExtra))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Transfers) != 1 || d.Transfers[0].Worked != D(2026, time.December, 19) || d.Transfers[0].Off != D(2026, time.December, 18) {
		t.Errorf("transfers = %+v", d.Transfers)
	}
	if len(d.KurbanAit) != 1 || d.KurbanAit[0].Date != D(2027, time.May, 17) {
		t.Errorf("kurban_ait = %+v", d.KurbanAit)
	}
	if empty, err := ParseData(nil); err != nil || len(empty.Holidays)+len(empty.KurbanAit)+len(empty.Transfers) != 0 {
		t.Errorf("ParseData(empty) = %+v, %v; want empty data", empty, err)
	}
}

// Bad input gets a clear error, in three languages, naming the entry.
func TestParseDataRejectsBadData(t *testing.T) {
	const name = "name: {kk: a, ru: b, en: c}"
	tests := []struct {
		name, in, where, msg string
	}{
		{"impossible date", "transfers:\n  - {worked: 2026-02-30, off: 2026-03-02, source: s}\n", "", "2026-02-30"},
		{"missing date", "transfers:\n  - {off: 2026-03-02, source: s}\n", "transfers[0].worked", "missing"},
		{"same day twice", "transfers:\n  - {worked: 2026-03-07, off: 2026-03-07, source: s}\n", "transfers[0]", "same day"},
		{"day in two transfers", "transfers:\n  - {worked: 2026-03-07, off: 2026-03-06, source: s}\n  - {worked: 2026-03-14, off: 2026-03-06, source: s}\n", "transfers[1]", "already moved"},
		{"transfer without source", "transfers:\n  - {worked: 2026-03-07, off: 2026-03-06}\n", "transfers[0].source", "source"},
		{"year out of range", "transfers:\n  - {worked: 1900-03-03, off: 1900-03-05, source: s}\n", "transfers[0].worked", "outside"},
		{"Kurban Ait year twice", "kurban_ait:\n  - {date: 2027-05-16, source: s}\n  - {date: 2027-05-17, source: s}\n", "kurban_ait[1]", "twice"},
		{"Kurban Ait without source", "kurban_ait:\n  - {date: 2027-05-16}\n", "kurban_ait[0].source", "source"},
		{"bad holiday id", "holidays:\n  - {id: New Year, date: \"01-01\", " + name + ", source: s}\n", "holidays[0].id", "lower-case"},
		{"holiday name in two languages", "holidays:\n  - {id: x, date: \"01-01\", name: {kk: a, ru: b}, source: s}\n", "holidays[0] (x).name", "three languages"},
		{"29 February", "holidays:\n  - {id: x, date: \"02-29\", " + name + ", source: s}\n", "holidays[0] (x).date", "MM-DD"},
		{"date without leading zero", "holidays:\n  - {id: x, date: \"3-21\", " + name + ", source: s}\n", "holidays[0] (x).date", "MM-DD"},
		{"movable with a date", "holidays:\n  - {id: x, date: \"01-01\", movable: true, " + name + ", source: s}\n", "holidays[0] (x)", "movable"},
		{"two movable holidays", "holidays:\n  - {id: x, movable: true, " + name + ", source: s}\n  - {id: y, movable: true, " + name + ", source: s}\n", "holidays[1] (y)", "only one"},
		{"from after to", "holidays:\n  - {id: x, date: \"01-01\", from: 2022, to: 2021, " + name + ", source: s}\n", "holidays[0] (x)", "after"},
		{"overlapping ranges of one id", "holidays:\n  - {id: x, date: \"01-01\", to: 2021, " + name + ", source: s}\n  - {id: x, date: \"01-02\", from: 2021, " + name + ", source: s}\n", "holidays[1] (x)", "twice for the years 2021–2021"},
		{"too many days", "holidays:\n  - {id: x, date: \"01-01\", days: 40, " + name + ", source: s}\n", "holidays[0] (x).days", "1 to 10"},
		{"holiday without source", "holidays:\n  - {id: x, date: \"01-01\", " + name + "}\n", "holidays[0] (x).source", "source"},
		{"two documents", "transfers: []\n---\ntransfers: []\n", "", "one YAML document"},
		{"not YAML data", "transfers: 12\n", "", "cannot read"},
	}
	for _, tt := range tests {
		_, err := ParseData([]byte(tt.in))
		var e *Error
		if !errors.As(err, &e) {
			t.Errorf("%s: error = %v, want *Error", tt.name, err)
			continue
		}
		if e.Where != tt.where || !strings.Contains(e.Text.EN, tt.msg) || !e.Text.Complete() {
			t.Errorf("%s: error at %q: %+v; want at %q containing %q in three languages", tt.name, e.Where, e.Text, tt.where, tt.msg)
		}
	}
}

// New checks what needs the whole calendar: a transfer must move a day off onto a
// working day (Labour Code art. 85(3)).
func TestNewRejectsImpossibleTransfers(t *testing.T) {
	tests := []struct {
		name  string
		extra string
		where string
		msg   string
	}{
		{"Rule G-1: the worked day is already a working day", "transfers:\n  - {worked: 2026-12-17, off: 2026-12-18, source: s}\n", "transfers[", "not a day off that can be worked"},
		{"Rule G-1: the worked day is a holiday", "transfers:\n  - {worked: 2026-12-16, off: 2026-12-18, source: s}\n", "transfers[", "Independence Day"},
		{"Rule G-1: the day off lands on a weekend", "transfers:\n  - {worked: 2026-12-19, off: 2026-12-20, source: s}\n", "transfers[", "not a working day (Sunday)"},
		{"Rule G-1: the day off lands on a carry-over", "transfers:\n  - {worked: 2026-12-19, off: 2026-10-26, source: s}\n", "transfers[", "Republic Day (carried over from 2026-10-25)"},
		{"Rule G-1: the day off lands on a transferred day", "transfers:\n  - {worked: 2024-05-11, off: 2024-05-08, source: s}\n", "transfers[", "already moved"},
		{"Rule G-1: Kurban Ait before the holiday was in force", "kurban_ait:\n  - {date: 2005-01-21, source: s}\n", "kurban_ait", "not in force in 2005"},
	}
	for _, tt := range tests {
		extra, err := ParseData([]byte(tt.extra))
		if err == nil {
			_, err = Default().With(extra)
		}
		var e *Error
		if !errors.As(err, &e) || !strings.HasPrefix(e.Where, tt.where) || !strings.Contains(e.Text.EN, tt.msg) || !e.Text.Complete() {
			t.Errorf("%s: error = %v; want at %q… containing %q", tt.name, err, tt.where, tt.msg)
		}
	}
	if _, err := New(Data{KurbanAit: []KurbanAit{{Date: D(2027, 5, 16), Source: "s"}}}); err == nil {
		t.Error("New accepted Kurban Ait dates without a movable holiday")
	}
}

// With adds an administrator's transfer and Kurban Ait date without a release;
// the default calendar is left as it was.
func TestWithAddsTransferAndKurbanAit(t *testing.T) {
	extra, err := ParseData([]byte(validExtra))
	if err != nil {
		t.Fatal(err)
	}
	c, err := Default().With(extra)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		date    Date
		kind    Kind
		working bool
		from    Date
	}{
		{"Rule G-1: added transfer, Saturday worked", D(2026, 12, 19), KindTransferWorked, true, D(2026, 12, 18)},
		{"Rule G-1: added transfer, Friday off", D(2026, 12, 18), KindTransferOff, false, D(2026, 12, 19)},
		{"Rule G-1: Kurban Ait 2027 replaced: 17 May off", D(2027, 5, 17), KindHoliday, false, Date{}},
		{"Rule G-1: Kurban Ait 2027 replaced: 16 May a plain Sunday", D(2027, 5, 16), KindWeekend, false, Date{}},
		{"Rule G-1: embedded transfers stay", D(2024, 5, 4), KindTransferWorked, true, D(2024, 5, 8)},
	}
	for _, tt := range tests {
		d := c.Day(tt.date)
		if d.Kind != tt.kind || d.Working != tt.working || d.From != tt.from {
			t.Errorf("%s: %s = %s working %v from %s; want %s working %v from %s", tt.name, tt.date, d.Kind, d.Working, d.From, tt.kind, tt.working, tt.from)
		}
	}
	if k, ok := c.KurbanAit(2027); !ok || k.Projected || k.Date != D(2027, 5, 17) {
		t.Errorf("KurbanAit(2027) = %+v, %v; want the administrator's date", k, ok)
	}
	if d := Default().Day(D(2026, 12, 18)); d.Kind != KindWorking {
		t.Errorf("With changed the default calendar: 2026-12-18 is %s", d.Kind)
	}
	if k, _ := Default().KurbanAit(2027); !k.Projected || k.Date != D(2027, 5, 16) {
		t.Errorf("With changed the default Kurban Ait 2027: %+v", k)
	}
	// Repeating an embedded transfer unchanged is harmless (a release may later
	// embed what an administrator added).
	again, err := c.With(Data{Transfers: []Transfer{{Worked: D(2024, 5, 4), Off: D(2024, 5, 8), Source: "repeat"}}})
	if err != nil || len(again.Data().Transfers) != len(c.Data().Transfers) {
		t.Errorf("repeating a transfer: %v, %d transfers (want %d)", err, len(again.Data().Transfers), len(c.Data().Transfers))
	}
}

func TestErrorLanguages(t *testing.T) {
	e := errorf("transfers[0]", "kk %d", "ru %d", "en %d", 1)
	if e.Error() != "transfers[0]: en 1" || e.In(i18n.KK) != "transfers[0]: kk 1" || e.In(i18n.RU) != "transfers[0]: ru 1" {
		t.Errorf("Error texts: %q %q %q", e.Error(), e.In(i18n.KK), e.In(i18n.RU))
	}
}
