package document

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"qyzmet/internal/calendar"
	"qyzmet/internal/i18n"
	"qyzmet/internal/standard"
)

// The bodies that issue papers, for the letterhead when Meta.Provider is empty.
var (
	bodyCLSSA = i18n.Text{
		KK: "Қазақстан Республикасы Бас прокуратурасының Құқықтық статистика және арнайы есепке алу жөніндегі комитеті",
		RU: "Комитет по правовой статистике и специальным учетам Генеральной прокуратуры Республики Казахстан",
		EN: "Committee on Legal Statistics and Special Accounts of the General Prosecutor's Office of the Republic of Kazakhstan",
	}
	bodyDEAC = i18n.Text{
		KK: "Қазақстан Республикасы Жоғарғы Сотының жанындағы Соттардың қызметін қамтамасыз ету департаменті (Қазақстан Республикасы Жоғарғы Сотының аппараты)",
		RU: "Департамент по обеспечению деятельности судов при Верховном Суде Республики Казахстан (аппарат Верховного Суда Республики Казахстан)",
		EN: "Department for Ensuring the Activity of Courts at the Supreme Court of the Republic of Kazakhstan (Office of the Supreme Court)",
	}
	bodyStateCorp = i18n.Text{
		KK: "«Азаматтарға арналған үкімет» мемлекеттік корпорациясы» коммерциялық емес акционерлік қоғамы",
		RU: "Некоммерческое акционерное общество «Государственная корпорация «Правительство для граждан»",
		EN: "Non-profit joint-stock company “State Corporation ‘Government for Citizens’”",
	}
)

// defaultBody is the body that usually issues a form: the State Corporation
// for the receipts it gives at its front desk (AC-12, AC-15), the DEAC for the
// court apostille, the CLSSA for the rest (CR, AP, AR and their complaints).
func defaultBody(spec FormSpec) i18n.Text {
	switch {
	case spec.Kind == KindAcceptanceReceipt || spec.Kind == KindRefusalReceipt:
		return bodyStateCorp
	case spec.Service == standard.ApostilleCourt:
		return bodyDEAC
	}
	return bodyCLSSA
}

// DefaultBody is the body that issues form id when the pipeline names none
// (the State Corporation for its receipts); empty for an unknown form.
func DefaultBody(id FormID) i18n.Text {
	spec, ok := Spec(id)
	if !ok {
		return i18n.Text{}
	}
	return defaultBody(spec)
}

// wording is the fixed wording of a form as the standard in force on the
// paper's date words it (standard.Form.Texts), by key.
type wording struct {
	form  FormID
	texts map[string]i18n.Text
	err   *Error
}

// wordingOf loads the texts of the standard's form formID for service.
func (s *sheet) wordingOf(service standard.ServiceID, formID string) (*wording, error) {
	fail := func(kk, ru, en string) (*wording, error) {
		return nil, &Error{Kind: ErrNoWording, Form: s.spec.ID, Text: i18n.Text{KK: kk, RU: ru, EN: en}}
	}
	set, err := standard.Default()
	if err != nil {
		return fail("стандарттар жүктелмеді: "+err.Error(), "стандарты не загружены: "+err.Error(), "the standards did not load: "+err.Error())
	}
	std, err := set.At(service, s.on)
	if err != nil {
		return fail(standard.Message(err, i18n.KK), standard.Message(err, i18n.RU), standard.Message(err, i18n.EN))
	}
	f, ok := std.Form(formID)
	if !ok || len(f.Texts) == 0 {
		return fail(
			fmt.Sprintf("%s стандартының %s нұсқасында %q нысанының мәтіні жоқ", service, std.Version, formID),
			fmt.Sprintf("в редакции %s стандарта %s нет текста формы %q", std.Version, service, formID),
			fmt.Sprintf("version %s of the %s standard has no wording of the form %q", std.Version, service, formID))
	}
	w := &wording{form: s.spec.ID, texts: make(map[string]i18n.Text, len(f.Texts))}
	for _, t := range f.Texts {
		w.texts[t.Key] = t.Text
	}
	return w, nil
}

// get is the text under key with its {placeholders} filled from kv (name,
// value in each language: kv[name] = i18n.Text). A missing key or an unfilled
// placeholder is kept as the wording's error, reported by done.
func (w *wording) get(key string, kv map[string]i18n.Text) i18n.Text {
	t, ok := w.texts[key]
	if !ok {
		w.fail(fmt.Sprintf("мәтінде %q кілті жоқ", key), fmt.Sprintf("в тексте нет ключа %q", key), fmt.Sprintf("the wording has no key %q", key))
		return t
	}
	fill := func(s string, l i18n.Lang) string {
		for name, v := range kv {
			s = strings.ReplaceAll(s, "{"+name+"}", v.In(l))
		}
		if i := strings.IndexByte(s, '{'); i >= 0 && strings.IndexByte(s[i:], '}') > 0 {
			w.fail(fmt.Sprintf("%q мәтінінде толтырылмаған орын бар: %s", key, s),
				fmt.Sprintf("в тексте %q осталось незаполненное место: %s", key, s),
				fmt.Sprintf("the text %q has an unfilled placeholder: %s", key, s))
		}
		return s
	}
	return i18n.Text{KK: fill(t.KK, i18n.KK), RU: fill(t.RU, i18n.RU), EN: fill(t.EN, i18n.EN)}
}

func (w *wording) fail(kk, ru, en string) {
	if w.err == nil {
		w.err = &Error{Kind: ErrNoWording, Form: w.form, Text: i18n.Text{KK: kk, RU: ru, EN: en}}
	}
}

// done is the first problem of the wording, or nil.
func (w *wording) done() error {
	if w.err != nil {
		return w.err
	}
	return nil
}

// same is a value that reads the same in every language (a name, a number).
func same(s string) i18n.Text { return i18n.Text{KK: s, RU: s, EN: s} }

var (
	// monthsKKAttr are in the locative-attributive form a Kazakh date takes
	// before a noun ("наурыздағы жағдай бойынша").
	monthsKKAttr = [...]string{"қаңтардағы", "ақпандағы", "наурыздағы", "сәуірдегі", "мамырдағы", "маусымдағы",
		"шілдедегі", "тамыздағы", "қыркүйектегі", "қазандағы", "қарашадағы", "желтоқсандағы"}
	// monthsKKFrom are in the ablative, for "from a date" ("сәуірден бастап").
	monthsKKFrom = [...]string{"қаңтардан", "ақпаннан", "наурыздан", "сәуірден", "мамырдан", "маусымнан",
		"шілдеден", "тамыздан", "қыркүйектен", "қазаннан", "қарашадан", "желтоқсаннан"}
	monthsRU = [...]string{"января", "февраля", "марта", "апреля", "мая", "июня",
		"июля", "августа", "сентября", "октября", "ноября", "декабря"}
	monthsEN = [...]string{"January", "February", "March", "April", "May", "June",
		"July", "August", "September", "October", "November", "December"}
)

// dateNum is "20.03.2026"; the zero date is empty.
func dateNum(d calendar.Date) string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%02d.%02d.%04d", d.Day, d.Month, d.Year)
}

// dateAttr is a date before a noun, as the forms write it with the day in
// quotes: "2026 жылғы «20» наурыздағы" (жағдай бойынша) and "«20» марта 2026"
// (года) — the standards' wording adds the noun.
func dateAttr(d calendar.Date) i18n.Text {
	return i18n.Text{
		KK: fmt.Sprintf("%d жылғы «%02d» %s", d.Year, d.Day, monthsKKAttr[d.Month-1]),
		RU: fmt.Sprintf("«%02d» %s %d", d.Day, monthsRU[d.Month-1], d.Year),
		EN: fmt.Sprintf("%d %s %d", d.Day, monthsEN[d.Month-1], d.Year),
	}
}

// dateFrom is "from a date": "2026 жылғы 16 сәуірден" (бастап), "с 16 апреля 2026 года".
func dateFrom(d calendar.Date) i18n.Text {
	return i18n.Text{
		KK: fmt.Sprintf("%d жылғы %d %s", d.Year, d.Day, monthsKKFrom[d.Month-1]),
		RU: fmt.Sprintf("с %d %s %d года", d.Day, monthsRU[d.Month-1], d.Year),
		EN: fmt.Sprintf("from %d %s %d", d.Day, monthsEN[d.Month-1], d.Year),
	}
}

// clock is the wall time in Almaty, "10:04".
func clock(t time.Time) string { return t.In(calendar.Almaty).Format("15:04") }

// dateTime is "20.03.2026, 10:04" in Almaty.
func dateTime(t time.Time) string {
	return dateNum(calendar.DateOf(t)) + ", " + clock(t)
}

func itoa(n int) string { return strconv.Itoa(n) }

// slash joins the Kazakh and the Russian of a text with a slash, or gives one
// when they are the same.
func slash(t i18n.Text) string {
	kk, ru := t.In(i18n.KK), t.In(i18n.RU)
	if kk == ru {
		return kk
	}
	return kk + " / " + ru
}

// applicantLine is the applicant as one line: the organization first when a
// legal entity applies.
func applicantLine(a Applicant) string {
	s := a.FullName
	if a.Organization != "" {
		s = a.Organization + ", " + a.FullName
	}
	return s
}

// checkApplicant requires what every paper prints of an applicant.
func checkApplicant(c *check, field string, a Applicant) {
	c.text(field+".FullName", a.FullName)
	c.optionalIIN(field+".IIN", a.IIN)
	if a.BIN != "" {
		c.iin(field+".BIN", a.BIN)
	}
}
