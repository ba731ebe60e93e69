package document

import (
	"fmt"

	"qyzmet/internal/calendar"
	"qyzmet/internal/i18n"
)

// Papers common to the services: the receipt for accepted documents (AC-12),
// the complaint talon (CP-7), and the application for the prosecution apostille.

func (d *AcceptanceReceipt) check(c *check) {
	c.text("ApplicationNumber", d.ApplicationNumber)
	c.i18n("Service", d.Service)
	checkApplicant(c, "Applicant", d.Applicant)
	c.list("Documents", len(d.Documents), 1, 20)
	for i, doc := range d.Documents {
		c.i18n(fmt.Sprintf("Documents[%d]", i), doc)
	}
	if d.ReceivedAt.IsZero() {
		c.empty("ReceivedAt")
	}
	c.date("ReadyOn", d.ReadyOn)
	c.order("ReadyOn", calendar.DateOf(d.ReceivedAt), d.ReadyOn)
	c.text("AcceptedBy", d.AcceptedBy)
}

// drawAcceptanceReceipt lays out the receipt. Rule AC-12: the State Corporation
// gives a receipt for the accepted documents; AC-13 and G-8: the result is
// handed out against it and the identity document; G-7: how long it is kept.
func drawAcceptanceReceipt(s *sheet, d *AcceptanceReceipt) error {
	s.start(lookLetter)
	s.title()
	rows := []field{
		{label: i18n.Text{KK: "Өтініштің нөмірі", RU: "Номер заявления"}, value: d.ApplicationNumber},
		biField(i18n.Text{KK: "Мемлекеттік көрсетілетін қызмет", RU: "Государственная услуга"}, d.Service),
		{label: i18n.Text{KK: "Көрсетілетін қызметті алушы", RU: "Услугополучатель"}, value: applicantLine(d.Applicant)},
	}
	if d.Applicant.IIN != "" {
		rows = append(rows, field{label: i18n.Text{KK: "ЖСН", RU: "ИИН"}, value: d.Applicant.IIN})
	}
	rows = append(rows,
		field{label: i18n.Text{KK: "Қабылданған күні мен уақыты", RU: "Дата и время приема"}, value: dateTime(d.ReceivedAt)},
		field{label: i18n.Text{KK: "Нәтиже дайын болатын күн", RU: "Дата готовности результата"}, value: dateNum(d.ReadyOn)},
	)
	if d.CollectAt.KK != "" || d.CollectAt.RU != "" {
		rows = append(rows, biField(i18n.Text{KK: "Нәтижені алу орны", RU: "Место получения результата"}, d.CollectAt))
	}
	if d.Department.KK != "" || d.Department.RU != "" {
		rows = append(rows, biField(i18n.Text{KK: "Бөлім", RU: "Отдел"}, d.Department))
	}
	s.fields(rows...)
	s.y += 3
	s.heading(i18n.Text{KK: "Қабылданған құжаттар", RU: "Принятые документы"})
	s.numbered(leftBody(s), d.Documents)
	s.y += 3
	s.bi(s.st.fine, i18n.Text{
		KK: "Дайын нәтиже осы қолхатты және жеке басты куәландыратын құжатты (өкілге – нотариат куәландырған сенімхатты да) көрсеткен кезде беріледі. Мемлекеттік корпорация дайын нәтижені 1 (бір) ай сақтайды, содан кейін ол көрсетілетін қызметті берушіге сақтауға беріледі.",
		RU: "Готовый результат выдается при предъявлении настоящей расписки и документа, удостоверяющего личность (представителю — также нотариальной доверенности). Государственная корпорация хранит готовый результат 1 (один) месяц, после чего он передается на хранение услугодателю.",
	})
	s.blanks(12,
		cell{marginL, 96, d.AcceptedBy, "Құжаттарды қабылдады (Т.А.Ә.) / Документы принял (Ф.И.О.)"},
		cell{130, 60, "", "қолы / подпись"})
	s.blanks(8,
		cell{marginL, 96, applicantLine(d.Applicant), "Қолхатты алдым / Расписку получил(а)"},
		cell{130, 60, "", "қолы / подпись"})
	return nil
}

func (d *ComplaintTalon) check(c *check) {
	if d.RegisteredAt.IsZero() {
		c.empty("RegisteredAt")
	}
	c.text("Complainant", d.Complainant)
	c.i18n("About", d.About)
	c.text("AcceptedBy", d.AcceptedBy)
	c.date("ReplyBy", d.ReplyBy)
	c.order("ReplyBy", calendar.DateOf(d.RegisteredAt), d.ReplyBy)
	c.i18n("ReplyPlace", d.ReplyPlace)
	c.text("Contact", d.Contact)
}

// drawComplaintTalon lays out the talon. Rule CP-7 (AC-18): the complainant
// gets a talon with the number and date, the name of the person who accepted
// the complaint, the deadline and place of the reply, and a contact for the
// progress; CP-3, CP-4: 5 working days, 15 at the quality-control body.
func drawComplaintTalon(s *sheet, d *ComplaintTalon) error {
	s.start(lookLetter)
	s.title()
	rows := []field{
		{label: i18n.Text{KK: "Талонның нөмірі", RU: "Номер талона"}, value: s.meta.Number},
	}
	if d.RegistrationNumber != "" {
		rows = append(rows, field{label: i18n.Text{KK: "Шағымның тіркеу нөмірі", RU: "Регистрационный номер жалобы"}, value: d.RegistrationNumber})
	}
	rows = append(rows,
		field{label: i18n.Text{KK: "Шағым тіркелген күні мен уақыты", RU: "Дата и время регистрации жалобы"}, value: dateTime(d.RegisteredAt)},
		field{label: i18n.Text{KK: "Шағым беруші", RU: "Заявитель"}, value: d.Complainant},
		biField(i18n.Text{KK: "Шағымның мәні", RU: "Предмет жалобы"}, d.About),
	)
	if d.ApplicationNumber != "" {
		rows = append(rows, field{label: i18n.Text{KK: "Өтініштің нөмірі", RU: "Номер заявления"}, value: d.ApplicationNumber})
	}
	rows = append(rows,
		field{label: i18n.Text{KK: "Шағымды қабылдаған", RU: "Жалобу принял(а)"}, value: d.AcceptedBy},
		field{label: i18n.Text{KK: "Жауап берілетін мерзім", RU: "Срок ответа"}, value: dateNum(d.ReplyBy)},
		biField(i18n.Text{KK: "Жауап беру орны мен тәсілі", RU: "Место и способ ответа"}, d.ReplyPlace),
		field{label: i18n.Text{KK: "Қарау барысы туралы білу үшін", RU: "Справки о ходе рассмотрения"}, value: d.Contact},
	)
	s.fields(rows...)
	s.y += 5
	s.bi(s.st.fine, i18n.Text{
		KK: "Шағым тіркелген күнінен бастап 5 (бес) жұмыс күні ішінде қаралады; мемлекеттік қызметтер көрсету сапасын бағалау және бақылау жөніндегі уәкілетті органға келіп түскен шағым 15 (он бес) жұмыс күні ішінде қаралады. Дәлелді жауап поштамен, электрондық түрде не қолма-қол беріледі.",
		RU: "Жалоба рассматривается в течение 5 (пяти) рабочих дней со дня регистрации; жалоба, поступившая в уполномоченный орган по оценке и контролю за качеством оказания государственных услуг, — в течение 15 (пятнадцати) рабочих дней. Мотивированный ответ направляется почтой, в электронной форме либо выдается нарочно.",
	})
	s.blanks(12,
		cell{marginL, 96, d.AcceptedBy, "Шағымды қабылдады (Т.А.Ә.) / Жалобу принял(а) (Ф.И.О.)"},
		cell{130, 60, "", "қолы / подпись"})
	return nil
}

func (d *ProsecutionApostilleApplication) check(c *check) {
	checkApplicant(c, "Applicant", d.Applicant)
	c.i18n("Document", d.Document)
	c.i18n("IssuedBy", d.IssuedBy)
	c.i18n("Country", d.Country)
	if d.Documents < 1 {
		c.fail("Documents", "кемінде бір құжат", "не меньше одного документа", "at least one document")
	}
	c.date("Date", d.Date)
	c.order("DocumentDate", d.DocumentDate, d.Date)
}

// drawAPApplication lays out the application. Rule AP-STD-8: the application of
// annex 1 to the rules, with the identity document, the official document of a
// prosecution, investigation or inquiry body, and the receipt of the state duty
// (AP-STD-6: 0.5 MCI per document).
func drawAPApplication(s *sheet, d *ProsecutionApostilleApplication) error {
	s.start(lookForm)
	s.annexRef("«Прокуратура органдарынан, тергеу және анықтау органдарынан шығатын ресми құжаттарға апостиль қою» мемлекеттік қызметті көрсету қағидаларына 1-қосымша",
		"Приложение 1 к Правилам оказания государственной услуги «Апостилирование официальных документов, исходящих из органов прокуратуры, следствия и дознания»")
	s.applicationHead(defaultAddressee, d.Applicant)
	s.title()
	s.bi(s.st.body, i18n.Text{
		KK: "Төменде көрсетілген ресми құжатқа апостиль қоюыңызды сұраймын.",
		RU: "Прошу проставить апостиль на официальном документе, указанном ниже.",
	})
	s.y += 4
	rows := []field{
		biField(i18n.Text{KK: "Ресми құжаттың атауы", RU: "Наименование официального документа"}, d.Document),
	}
	if d.DocumentNumber != "" || !d.DocumentDate.IsZero() {
		rows = append(rows, field{label: i18n.Text{KK: "Нөмірі мен күні", RU: "Номер и дата"}, value: joinNonEmpty(", ", prefixed("№ ", d.DocumentNumber), dateNum(d.DocumentDate))})
	}
	rows = append(rows,
		biField(i18n.Text{KK: "Құжатты берген орган", RU: "Орган, выдавший документ"}, d.IssuedBy),
		biField(i18n.Text{KK: "Ұсынылатын мемлекет", RU: "Страна предъявления"}, d.Country),
		field{label: i18n.Text{KK: "Құжаттар саны", RU: "Количество документов"}, value: itoa(d.Documents)},
	)
	if d.Payment.KK != "" || d.Payment.RU != "" {
		rows = append(rows, biField(i18n.Text{KK: "Мемлекеттік баж", RU: "Государственная пошлина"}, d.Payment))
	}
	s.fields(rows...)
	s.attachments(d.Attachments)
	s.consent(consentText)
	s.signHere(d.Applicant.FullName, d.Date)
	return nil
}
