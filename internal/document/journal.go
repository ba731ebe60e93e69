package document

import (
	"fmt"

	"qyzmet/internal/calendar"
	"qyzmet/internal/i18n"
	"qyzmet/internal/pdf"
)

// The journal of apostilled documents (AP-6.1, annex 4 to the AP rules), drawn
// as a PDF table here and written as a workbook by JournalXLSX. Annex 4 is not
// in the seed text: the columns hold what AP-6.1 registers on the day the
// documents arrive (the applicant's data), what the Hague Convention (art. 7)
// requires a register of apostilles to hold (the number and date of each
// certificate, the person who signed the document and the capacity, or the
// authority whose seal it bears), and the duty and the hand-over.

// journalColumn is one column of the journal in both outputs.
type journalColumn struct {
	title i18n.Text
	mm    float64 // width on the A4 page
	chars float64 // width in the workbook, in characters
	// text is the cell as text; date, when not nil, gives the cell as a date
	// (the workbook writes a real date).
	text func(n int, e JournalEntry) string
	date func(e JournalEntry) calendar.Date
}

// The journal's table is wider than the text of the other papers: 180 mm
// between margins of 15 mm.
const journalLeft = 15.0

var journalColumns = []journalColumn{
	{title: i18n.Text{KK: "№", RU: "№"}, mm: 7, chars: 5,
		text: func(n int, _ JournalEntry) string { return itoa(n) }},
	{title: i18n.Text{KK: "Құжаттар келіп түскен күн", RU: "Дата поступления документов"}, mm: 16, chars: 13,
		text: func(_ int, e JournalEntry) string { return dateNum(e.ReceivedOn) }, date: func(e JournalEntry) calendar.Date { return e.ReceivedOn }},
	{title: i18n.Text{KK: "Көрсетілетін қызметті алушының Т.А.Ә., ЖСН", RU: "Ф.И.О., ИИН услугополучателя"}, mm: 25, chars: 28,
		text: func(_ int, e JournalEntry) string { return joinNonEmpty(", ", e.Applicant, e.IIN) }},
	{title: i18n.Text{KK: "Ресми құжаттың атауы, нөмірі, күні", RU: "Наименование, номер, дата официального документа"}, mm: 30, chars: 36,
		text: func(_ int, e JournalEntry) string { return e.Document }},
	{title: i18n.Text{KK: "Құжатқа қол қойған адам, лауазымы, орган", RU: "Лицо, подписавшее документ, должность, орган"}, mm: 24, chars: 30,
		text: func(_ int, e JournalEntry) string { return e.SignedBy }},
	{title: i18n.Text{KK: "Ұсынылатын мемлекет", RU: "Страна предъявления"}, mm: 17, chars: 16,
		text: func(_ int, e JournalEntry) string { return e.Country }},
	{title: i18n.Text{KK: "Мемлекеттік баж", RU: "Государственная пошлина"}, mm: 18, chars: 20,
		text: func(_ int, e JournalEntry) string { return e.Payment }},
	{title: i18n.Text{KK: "Апостильдің нөмірі мен күні не бас тарту", RU: "Номер и дата апостиля либо отказ"}, mm: 27, chars: 26,
		text: func(_ int, e JournalEntry) string { return journalResult(e) }},
	{title: i18n.Text{KK: "Берілген күн", RU: "Дата выдачи"}, mm: 16, chars: 13,
		text: func(_ int, e JournalEntry) string { return dateNum(e.HandedOverOn) }, date: func(e JournalEntry) calendar.Date { return e.HandedOverOn }},
}

// journalResult is the result column: the apostille's number and date, or the refusal.
func journalResult(e JournalEntry) string {
	if e.Refusal != "" {
		return "Бас тарту / Отказ: " + e.Refusal
	}
	return joinNonEmpty("\n", e.ApostilleNumber, dateNum(e.ApostilleDate))
}

func (d *ApostilleJournal) check(c *check) {
	c.date("From", d.From)
	c.date("To", d.To)
	c.order("To", d.From, d.To)
	for i, e := range d.Entries {
		f := fmt.Sprintf("Entries[%d]", i)
		c.date(f+".ReceivedOn", e.ReceivedOn)
		c.text(f+".Applicant", e.Applicant)
		c.optionalIIN(f+".IIN", e.IIN)
		c.text(f+".Document", e.Document)
		// Rule AP-6.1: an entry is registered on the day the documents arrive, so
		// it belongs to the period of the journal.
		if !e.ReceivedOn.IsZero() && (e.ReceivedOn.Before(d.From) || e.ReceivedOn.After(d.To)) {
			c.fail(f+".ReceivedOn",
				fmt.Sprintf("%s күні журнал кезеңінен тыс (%s – %s)", e.ReceivedOn, d.From, d.To),
				fmt.Sprintf("дата %s вне периода журнала (%s – %s)", e.ReceivedOn, d.From, d.To),
				fmt.Sprintf("%s lies outside the journal's period (%s – %s)", e.ReceivedOn, d.From, d.To))
		}
		if e.ApostilleNumber != "" && e.Refusal != "" {
			c.fail(f+".Refusal", "апостиль де, бас тарту да көрсетілген", "указаны и апостиль, и отказ", "both an apostille and a refusal are given")
		}
		c.order(f+".ApostilleDate", e.ReceivedOn, e.ApostilleDate)
	}
}

// drawJournal lays out the journal as a table whose header repeats on every
// page. Rule AP-6.1: the provider registers the applicant's data in the journal
// of apostilled documents (annex 4) on the day the documents arrive.
func drawJournal(s *sheet, d *ApostilleJournal) error {
	s.start(lookForm)
	head := s.st.head
	s.center(head, s.body.In(i18n.KK))
	s.center(head, s.body.In(i18n.RU))
	s.y += 4
	s.title()
	period := s.st.subtitle
	s.center(period, "Кезең / Период: "+dateNum(d.From)+" – "+dateNum(d.To))
	s.y += 4

	cellText := pdf.Style{Font: pdf.StandardFonts().Sans, Size: 7, LineHeight: 1.2}
	headText := pdf.Style{Font: pdf.StandardFonts().SansBold, Size: 6, LineHeight: 1.15, Color: navy, Align: pdf.Center}
	const pad = 1.0
	drawRow := func(texts []string, st pdf.Style, fill bool) {
		h := 0.0
		for i, c := range journalColumns {
			h = max(h, st.Height(texts[i], c.mm-2*pad))
		}
		h += 2 * pad
		x := journalLeft
		for i, c := range journalColumns {
			r := pdf.Rect{X: x, Y: s.y, W: c.mm, H: h}
			if fill {
				s.p.FillRect(r, faint)
			}
			s.p.Rect(r, pdf.Stroke{Width: 0.3, Color: grey})
			s.p.TextBox(pdf.Rect{X: x + pad, Y: s.y + pad, W: c.mm - 2*pad}, st, texts[i])
			x += c.mm
		}
		s.y += h
	}
	header := make([]string, len(journalColumns))
	numbers := make([]string, len(journalColumns))
	for i, c := range journalColumns {
		header[i] = slash(c.title)
		numbers[i] = itoa(i + 1)
	}
	headerHeight := func() float64 {
		h := 0.0
		for i, c := range journalColumns {
			h = max(h, headText.Height(header[i], c.mm-2*pad))
		}
		return h + 2*pad + headText.Leading() + 2*pad
	}()
	drawHeader := func() {
		drawRow(header, headText, true)
		drawRow(numbers, headText, true)
	}
	s.need(headerHeight + 10)
	drawHeader()
	for n, e := range d.Entries {
		texts := make([]string, len(journalColumns))
		h := 0.0
		for i, c := range journalColumns {
			texts[i] = c.text(n+1, e)
			h = max(h, cellText.Height(texts[i], c.mm-2*pad))
		}
		if h+2*pad > s.room() {
			s.addPage()
			drawHeader()
		}
		drawRow(texts, cellText, false)
	}
	if len(d.Entries) == 0 {
		s.y += 4
		s.center(s.st.small, "Кезеңде жазба жоқ / За период записей нет")
	}
	return nil
}
