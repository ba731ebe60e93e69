package calendar

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"time"

	"go.yaml.in/yaml/v3"

	"qyzmet/internal/i18n"
)

// Data is the law of days off as data: the holidays with the years they are in
// force, the first day of Kurban Ait for each year, and the transfers of days off.
// The embedded files under data/ are one Data each; an administrator's additions
// (Calendar.With) are another, in the same format (docs/calendar.md).
type Data struct {
	Holidays  []Holiday   `yaml:"holidays,omitempty" json:"holidays,omitempty"`
	KurbanAit []KurbanAit `yaml:"kurban_ait,omitempty" json:"kurban_ait,omitempty"`
	Transfers []Transfer  `yaml:"transfers,omitempty" json:"transfers,omitempty"`
}

// Holiday is a public holiday that is a day off, or a religious day off (Labour
// Code art. 84(5)), in force from year From to year To.
type Holiday struct {
	ID   string    `yaml:"id" json:"id"`
	Name i18n.Text `yaml:"name" json:"name"`
	// Date is the month and day of the first day, "03-21"; empty for the movable
	// holiday, whose date each year is listed under kurban_ait.
	Date string `yaml:"date,omitempty" json:"date,omitempty"`
	// Days is how many consecutive days it lasts (Nauryz 3); 1 when omitted.
	Days    int  `yaml:"days,omitempty" json:"days,omitempty"`
	Movable bool `yaml:"movable,omitempty" json:"movable,omitempty"`
	// Religious days off (Orthodox Christmas, the first day of Kurban Ait) are
	// never carried over when they fall on a weekend (Labour Code art. 84(5)).
	Religious bool `yaml:"religious,omitempty" json:"religious,omitempty"`
	// From and To are the first and last years in force; 0 leaves that end open.
	From   int    `yaml:"from,omitempty" json:"from,omitempty"`
	To     int    `yaml:"to,omitempty" json:"to,omitempty"`
	Source string `yaml:"source" json:"source"`
}

// KurbanAit is the first day of Kurban Ait in one year, as the labour ministry
// and the Spiritual Administration of Muslims of Kazakhstan set it.
type KurbanAit struct {
	Date Date `yaml:"date" json:"date"`
	// Projected marks a date computed in advance, to be replaced by the official one.
	Projected bool   `yaml:"projected,omitempty" json:"projected,omitempty"`
	Source    string `yaml:"source" json:"source"`
}

// Transfer is a transfer of a day off by the Government (until 2023) or the
// labour ministry (since 2024) under Labour Code art. 85(3): Worked, a day off,
// becomes a working day and Off, a working day, becomes a day off.
type Transfer struct {
	Worked Date   `yaml:"worked" json:"worked"`
	Off    Date   `yaml:"off" json:"off"`
	Source string `yaml:"source" json:"source"`
}

// The calendar knows the days off of these years; outside them every Saturday and
// Sunday is a day off and every other day a working day.
const (
	firstYear = 1992
	lastYear  = 2100
)

// ParseData reads one YAML document in the format of the files under data/.
// Unknown fields are an error, so a misspelt key never silently drops a rule.
// Empty input is empty Data.
func ParseData(b []byte) (Data, error) {
	var d Data
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(&d); err != nil {
		if errors.Is(err, io.EOF) {
			return Data{}, nil
		}
		return Data{}, errorf("",
			"күнтізбе деректері оқылмады: %v",
			"не удалось прочитать данные календаря: %v",
			"cannot read the calendar data: %v", err)
	}
	var more any
	if err := dec.Decode(&more); !errors.Is(err, io.EOF) {
		return Data{}, errorf("",
			"бір YAML құжаты күтілді, бірнешеуі берілді",
			"ожидается один YAML-документ, а не несколько",
			"expected one YAML document, found more")
	}
	if err := d.check(); err != nil {
		return Data{}, err
	}
	return d, nil
}

var idPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// check validates what can be judged without building the calendar.
func (d Data) check() error {
	ranges := map[string][][2]int{}
	movable := ""
	for i, h := range d.Holidays {
		at := fmt.Sprintf("holidays[%d]", i)
		if !idPattern.MatchString(h.ID) {
			return errorf(at+".id",
				"id %q: кіші латын әріптері, цифрлар және сызықша керек (мысалы, nauryz)",
				"id %q: нужны строчные латинские буквы, цифры и дефис (например, nauryz)",
				"id %q: use lower-case letters, digits and hyphens (e.g. nauryz)", h.ID)
		}
		at = fmt.Sprintf("holidays[%d] (%s)", i, h.ID)
		if !h.Name.Complete() {
			return errorf(at+".name",
				"атауы үш тілде (kk, ru, en) берілуі керек",
				"название нужно на трёх языках (kk, ru, en)",
				"the name is needed in all three languages (kk, ru, en)")
		}
		switch {
		case h.Movable && h.Date != "":
			return errorf(at,
				"movable мерекенің date өрісі болмайды: оның күндері kurban_ait тізімінде",
				"у movable-праздника не бывает date: его даты — в списке kurban_ait",
				"a movable holiday has no date: its dates are listed under kurban_ait")
		case h.Movable:
			if movable != "" && movable != h.ID {
				return errorf(at,
					"movable мереке біреу ғана бола алады (%s бар)",
					"movable-праздник может быть только один (уже есть %s)",
					"only one holiday may be movable (%s already is)", movable)
			}
			movable = h.ID
		default:
			if _, err := time.Parse("2006-01-02", "2001-"+h.Date); err != nil || len(h.Date) != 5 {
				return errorf(at+".date",
					"күні %q: АА-КК пішімі керек (мысалы, 03-21)",
					"дата %q: нужен формат ММ-ДД (например, 03-21)",
					"date %q: want MM-DD (e.g. 03-21)", h.Date)
			}
		}
		if h.Days < 0 || h.Days > 10 {
			return errorf(at+".days",
				"days %d: 1-ден 10-ға дейін",
				"days %d: от 1 до 10",
				"days %d: must be 1 to 10", h.Days)
		}
		for _, y := range []int{h.From, h.To} {
			if y != 0 && (y < firstYear || y > lastYear) {
				return errorf(at,
					"%d жылы %d–%d аралығынан тыс",
					"год %d вне диапазона %d–%d",
					"year %d is outside %d–%d", y, firstYear, lastYear)
			}
		}
		lo, hi := h.years()
		if lo > hi {
			return errorf(at,
				"from (%d) to-дан (%d) кейін тұр",
				"from (%d) позже to (%d)",
				"from (%d) is after to (%d)", h.From, h.To)
		}
		for _, r := range ranges[h.ID] {
			if lo <= r[1] && r[0] <= hi {
				return errorf(at,
					"%s мерекесі %d–%d жылдары екі рет берілген",
					"праздник %s задан дважды на годы %d–%d",
					"holiday %s is given twice for the years %d–%d", h.ID, max(lo, r[0]), min(hi, r[1]))
			}
		}
		ranges[h.ID] = append(ranges[h.ID], [2]int{lo, hi})
		if h.Source == "" {
			return sourceMissing(at)
		}
	}

	years := map[int]bool{}
	for i, k := range d.KurbanAit {
		at := fmt.Sprintf("kurban_ait[%d]", i)
		if err := inRange(at+".date", k.Date); err != nil {
			return err
		}
		if years[k.Date.Year] {
			return errorf(at,
				"Құрбан айттың %d жылғы күні екі рет берілген",
				"дата Курбан айта за %d год задана дважды",
				"the Kurban Ait date of %d is given twice", k.Date.Year)
		}
		years[k.Date.Year] = true
		if k.Source == "" {
			return sourceMissing(at)
		}
	}

	used := map[Date]int{}
	for i, t := range d.Transfers {
		at := fmt.Sprintf("transfers[%d]", i)
		if err := inRange(at+".worked", t.Worked); err != nil {
			return err
		}
		if err := inRange(at+".off", t.Off); err != nil {
			return err
		}
		if t.Worked == t.Off {
			return errorf(at,
				"worked пен off бір күн (%s)",
				"worked и off — один и тот же день (%s)",
				"worked and off are the same day (%s)", t.Worked)
		}
		for _, day := range []Date{t.Worked, t.Off} {
			if j, ok := used[day]; ok {
				return errorf(at,
					"%s күні transfers[%d] ауыстыруында да бар",
					"день %s уже участвует в переносе transfers[%d]",
					"%s is already moved by transfers[%d]", day, j)
			}
			used[day] = i
		}
		if t.Source == "" {
			return sourceMissing(at)
		}
	}
	return nil
}

// years is the range of years the holiday is in force, with open ends closed at
// the calendar's limits.
func (h Holiday) years() (int, int) {
	lo, hi := h.From, h.To
	if lo == 0 {
		lo = firstYear
	}
	if hi == 0 {
		hi = lastYear
	}
	return lo, hi
}

// length is the number of consecutive days.
func (h Holiday) length() int { return max(h.Days, 1) }

func inRange(at string, d Date) error {
	if d.IsZero() {
		return errorf(at,
			"күні берілмеген",
			"дата не указана",
			"the date is missing")
	}
	if d.Year < firstYear || d.Year > lastYear {
		return errorf(at,
			"%s: жылы %d–%d аралығынан тыс",
			"%s: год вне диапазона %d–%d",
			"%s: the year is outside %d–%d", d, firstYear, lastYear)
	}
	return nil
}

func sourceMissing(at string) error {
	return errorf(at+".source",
		"құқықтық негізі (source) көрсетілмеген",
		"не указан правовой источник (source)",
		"the legal source (source) is missing")
}
