package calendar

import (
	"fmt"
	"time"
	"unicode"

	"qyzmet/internal/i18n"
)

// Reason says in l why the day is or is not a working day, for explanations of
// deadlines (Rule G-1): "Nauryz", "Nauryz (carried over from 2026-03-21)",
// "Saturday", "Day off transferred from 2024-05-04 (…)".
func (d Day) Reason(l i18n.Lang) string {
	switch d.Kind {
	case KindWeekend:
		return weekdayName(l, d.Date.Weekday(), true)
	case KindHoliday:
		name := d.Name.In(l)
		if !d.OnWeekend {
			return name
		}
		wd := weekdayName(l, d.Date.Weekday(), false)
		if d.CarriedTo.IsZero() {
			return pick(l,
				fmt.Sprintf("%s (%s; ауыстырылмайды)", name, wd),
				fmt.Sprintf("%s (%s; не переносится)", name, wd),
				fmt.Sprintf("%s (%s; not carried over)", name, wd))
		}
		return pick(l,
			fmt.Sprintf("%s (%s; демалыс %s күніне ауыстырылады)", name, wd, d.CarriedTo),
			fmt.Sprintf("%s (%s; выходной переносится на %s)", name, wd, d.CarriedTo),
			fmt.Sprintf("%s (%s; the day off is carried over to %s)", name, wd, d.CarriedTo))
	case KindCarryOver:
		name := d.Name.In(l)
		return pick(l,
			fmt.Sprintf("%s (%s күнінен ауыстырылған)", name, d.From),
			fmt.Sprintf("%s (перенос с %s)", name, d.From),
			fmt.Sprintf("%s (carried over from %s)", name, d.From))
	case KindTransferOff:
		return pick(l,
			fmt.Sprintf("%s күнінен ауыстырылған демалыс күні (%s)", d.From, d.Source),
			fmt.Sprintf("Выходной день, перенесённый с %s (%s)", d.From, d.Source),
			fmt.Sprintf("Day off transferred from %s (%s)", d.From, d.Source))
	case KindTransferWorked:
		return pick(l,
			fmt.Sprintf("Жұмыс күні: демалыс %s күніне ауыстырылған (%s)", d.From, d.Source),
			fmt.Sprintf("Рабочий день: выходной перенесён на %s (%s)", d.From, d.Source),
			fmt.Sprintf("Working day: the day off is transferred to %s (%s)", d.From, d.Source))
	}
	return pick(l, "Жұмыс күні", "Рабочий день", "Working day")
}

func pick(l i18n.Lang, kk, ru, en string) string {
	return i18n.Text{KK: kk, RU: ru, EN: en}.In(l)
}

var weekdayNames = [7][3]string{ // kk, ru, en; Sunday first as time.Weekday counts
	{"жексенбі", "воскресенье", "Sunday"},
	{"дүйсенбі", "понедельник", "Monday"},
	{"сейсенбі", "вторник", "Tuesday"},
	{"сәрсенбі", "среда", "Wednesday"},
	{"бейсенбі", "четверг", "Thursday"},
	{"жұма", "пятница", "Friday"},
	{"сенбі", "суббота", "Saturday"},
}

// weekdayName is the weekday's name in l; capitalised to stand alone, lower-case
// (in Kazakh and Russian) inside a sentence.
func weekdayName(l i18n.Lang, wd time.Weekday, capital bool) string {
	n := weekdayNames[wd]
	s := pick(l, n[0], n[1], n[2])
	if capital {
		r := []rune(s)
		return string(append([]rune{unicode.ToUpper(r[0])}, r[1:]...))
	}
	return s
}
