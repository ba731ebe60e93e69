// Package samplecert lays out a bilingual criminal-record certificate (annex 5, for
// travel abroad) with the internal/pdf drawing API. It is the reference for the
// engineer who lays out the official forms, and the fixture that the PDF, signature
// and verification tests and the document benchmarks draw.
package samplecert

import (
	"fmt"
	"time"

	"qyzmet/internal/i18n"
	"qyzmet/internal/pdf"
)

// Data is what one certificate says.
type Data struct {
	Number     string    // the document's unique number
	Issued     time.Time // date and time of issue
	AsOf       time.Time // the date the records were checked
	FullName   string
	IIN        string
	BirthDate  time.Time
	BirthPlace i18n.Text
	HasRecord  bool
	Official   string // the head of department who signs, "Ж. Ә. Жиһаншин"
	VerifyURL  string // the e-Register page of this document; the QR code opens it
}

// Example is a complete set of data that also uses every letter of the Kazakh
// alphabet that Russian lacks, in both cases, so tests can check each is drawn.
func Example() Data {
	almaty := time.FixedZone("Asia/Almaty", 5*3600)
	return Data{
		Number:    "KZ-CR-2026-00012345",
		Issued:    time.Date(2026, 3, 20, 10, 4, 0, 0, almaty),
		AsOf:      time.Date(2026, 3, 20, 0, 0, 0, 0, almaty),
		FullName:  "ҺАШИМОВА ӘЙГЕРІМ ҒАЛЫМҚЫЗЫ",
		IIN:       "900215450123",
		BirthDate: time.Date(1990, 2, 15, 0, 0, 0, 0, almaty),
		BirthPlace: i18n.Text{
			KK: "Шығыс Қазақстан облысы, Үржар ауданы, Үржар ауылы",
			RU: "Восточно-Казахстанская область, Урджарский район, село Урджар",
		},
		Official:  "Ж. Ә. Жиһаншин",
		VerifyURL: "https://qyzmet.example/verify/KZ-CR-2026-00012345",
	}
}

var (
	navy  = pdf.Hex(0x1F3864)
	gold  = pdf.Hex(0xB08D3C)
	grey  = pdf.Hex(0x595959)
	faint = pdf.Hex(0xF3F0E6)
)

// monthsKK are in the locative-attributive form the Kazakh date needs ("наурыздағы").
var monthsKK = [...]string{"қаңтардағы", "ақпандағы", "наурыздағы", "сәуірдегі", "мамырдағы", "маусымдағы",
	"шілдедегі", "тамыздағы", "қыркүйектегі", "қазандағы", "қарашадағы", "желтоқсандағы"}
var monthsRU = [...]string{"января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"}

// Draw lays the certificate out on one A4 page. Rule CR-F5: the annex 5 form —
// Kazakh and Russian, the title, full name, date and place of birth, the statement
// as of a date, the head of department's signature and the warning on use.
func Draw(d Data) *pdf.Document {
	fonts := pdf.StandardFonts()
	doc := pdf.New(pdf.Info{
		Title:   "АНЫҚТАМА / СПРАВКА о наличии либо отсутствии судимости",
		Author:  "ҚР Бас прокуратурасының ҚСжАЕК / КПСиСУ ГП РК",
		Subject: "Certificate of criminal record (annex 5) / Справка о наличии либо отсутствии судимости",
		Creator: "Qyzmet",
		Number:  d.Number,
		Lang:    "kk-KZ",
		Created: d.Issued,
	})
	p := doc.AddPage()

	// A double frame and a neutral ornament: the look of an official paper, no state symbol.
	p.Rect(pdf.Rect{X: 10, Y: 10, W: 190, H: 277}, pdf.Stroke{Width: 1.2, Color: navy})
	p.Rect(pdf.Rect{X: 11.6, Y: 11.6, W: 186.8, H: 273.8}, pdf.Stroke{Width: 0.4, Color: gold})
	p.Rosette(105, 27, 9, gold, navy)

	small := pdf.Style{Font: fonts.SerifBold, Size: 8.5, Align: pdf.Center, LineHeight: 1.2, Color: navy}
	p.TextBox(pdf.Rect{X: 18, Y: 18, W: 70}, small,
		"ҚАЗАҚСТАН РЕСПУБЛИКАСЫ БАС ПРОКУРАТУРАСЫНЫҢ ҚҰҚЫҚТЫҚ СТАТИСТИКА ЖӘНЕ АРНАЙЫ ЕСЕПКЕ АЛУ ЖӨНІНДЕГІ КОМИТЕТІ")
	p.TextBox(pdf.Rect{X: 122, Y: 18, W: 70}, small,
		"КОМИТЕТ ПО ПРАВОВОЙ СТАТИСТИКЕ И СПЕЦИАЛЬНЫМ УЧЕТАМ ГЕНЕРАЛЬНОЙ ПРОКУРАТУРЫ РЕСПУБЛИКИ КАЗАХСТАН")
	p.Line(18, 42, 192, 42, pdf.Stroke{Width: 1, Color: navy})
	p.Line(18, 43, 192, 43, pdf.Stroke{Width: 0.3, Color: navy})

	title := pdf.Style{Font: fonts.SerifBold, Size: 17, Align: pdf.Center, Color: navy}
	sub := pdf.Style{Size: 11, Align: pdf.Center}
	p.Text(105, 48, title, "АНЫҚТАМА")
	p.Text(105, 56, sub, "сотталғандығының бар не жоқ екендігі туралы")
	p.Text(105, 63, title, "СПРАВКА")
	p.Text(105, 71, sub, "о наличии либо отсутствии судимости")

	meta := pdf.Style{Font: fonts.Sans, Size: 9, Color: grey}
	p.Text(20, 81, meta, "№ "+d.Number)
	p.Text(190, 81, pdf.Style{Font: fonts.Sans, Size: 9, Color: grey, Align: pdf.Right}, d.Issued.Format("02.01.2006 15:04"))

	// The person, as a table of bilingual labels and values.
	label := pdf.Style{Font: fonts.Sans, Size: 8, Color: grey, LineHeight: 1.15}
	value := pdf.Style{Font: fonts.SerifBold, Size: 11.5}
	y := 90.0
	rows := []struct{ kk, ru, val string }{
		{"Тегі, аты, әкесінің аты", "Фамилия, имя, отчество", d.FullName},
		{"ЖСН", "ИИН", d.IIN},
		{"Туған күні", "Дата рождения", d.BirthDate.Format("02.01.2006")},
		{"Туған жері", "Место рождения", d.BirthPlace.KK + "\n" + d.BirthPlace.RU},
	}
	for _, r := range rows {
		h := max(label.Height(r.kk+"\n"+r.ru, 52), value.Height(r.val, 118)) + 3
		p.FillRect(pdf.Rect{X: 18, Y: y, W: 56, H: h}, faint)
		p.TextBox(pdf.Rect{X: 20, Y: y + 1.5, W: 52}, label, r.kk+"\n"+r.ru)
		p.TextBox(pdf.Rect{X: 76, Y: y + 1.5, W: 114}, value, r.val)
		p.Line(18, y+h, 192, y+h, pdf.Stroke{Width: 0.3, Color: grey})
		y += h
	}

	// The statement, Kazakh on the left and Russian on the right.
	y += 10
	body := pdf.Style{Size: 11.5, LineHeight: 1.35}
	kkState, ruState := "сотталғандығы жоқ", "судимости не имеет"
	if d.HasRecord {
		kkState, ruState = "сотталғандығы бар", "имеет судимость"
	}
	kk := fmt.Sprintf("%d жылғы «%02d» %s жағдай бойынша %s. Осы анықтама шетелге шығу үшін берілді.",
		d.AsOf.Year(), d.AsOf.Day(), monthsKK[d.AsOf.Month()-1], kkState)
	ru := fmt.Sprintf("По состоянию на «%02d» %s %d года %s. Настоящая справка выдана для выезда за рубеж.",
		d.AsOf.Day(), monthsRU[d.AsOf.Month()-1], d.AsOf.Year(), ruState)
	h := max(p.TextBox(pdf.Rect{X: 20, Y: y, W: 80}, body, kk), p.TextBox(pdf.Rect{X: 110, Y: y, W: 80}, body, ru))
	p.Line(105, y, 105, y+h, pdf.Stroke{Width: 0.3, Color: gold})

	// The signature of the head of department.
	y += h + 16
	sig := pdf.Style{Size: 11, LineHeight: 1.3}
	p.TextBox(pdf.Rect{X: 20, Y: y, W: 80}, sig, "Басқарма басшысы\nНачальник управления")
	p.Line(105, y+9, 145, y+9, pdf.Stroke{Width: 0.4})
	p.Text(190, y+4, pdf.Style{Font: fonts.SerifBold, Size: 11, Align: pdf.Right}, d.Official)

	// The warning on the use of the records (CR-F5), in small print.
	y += 26
	warn := pdf.Style{Font: fonts.Sans, Size: 7.5, LineHeight: 1.25, Color: grey}
	kkWarn := "Ескерту: есепке алу деректері заңнамаға сәйкес пайдаланылады және қылмыстық істер бойынша " +
		"процестік шешімдер қабылдау, мемлекеттік функцияларды орындайтын адамдарды арнайы тексеру, " +
		"сондай-ақ қылмыстық жауаптылыққа байланысты шектеулер қолданылатын адамдар үшін пайдаланылмайды."
	ruWarn := "Примечание: сведения учетов используются в соответствии с законодательством и не применяются " +
		"для принятия процессуальных решений по уголовным делам, специальных проверок лиц, выполняющих " +
		"государственные функции, а также лиц, на которых распространяются ограничения, связанные с уголовной ответственностью."
	wh := max(warn.Height(kkWarn, 80), warn.Height(ruWarn, 80)) + 6
	p.Rect(pdf.Rect{X: 18, Y: y, W: 174, H: wh}, pdf.Stroke{Width: 0.4, Color: grey})
	p.TextBox(pdf.Rect{X: 21, Y: y + 3, W: 80}, warn, kkWarn)
	p.TextBox(pdf.Rect{X: 109, Y: y + 3, W: 80}, warn, ruWarn)

	// The QR code to the e-Register and the statement about the electronic signature.
	p.QRCode(d.VerifyURL, 18, 242, 36)
	note := pdf.Style{Font: fonts.Sans, Size: 8, LineHeight: 1.3}
	p.TextBox(pdf.Rect{X: 56, Y: 249, W: 134}, note,
		"Құжаттың түпнұсқалығын QR-код немесе нөмірі бойынша тексеріңіз / "+
			"Проверьте подлинность документа по QR-коду или номеру:\n"+d.VerifyURL+"\n"+
			"Құжат электрондық цифрлық қолтаңбамен қол қойылған / "+
			"Документ подписан электронной цифровой подписью.")
	return doc
}
