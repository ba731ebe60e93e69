package document

import (
	"qyzmet/internal/i18n"
)

// The motivated reply on a complaint (DIGEST section 5).

// complaintOutcomes are the ends of a review, as the reply states them.
var complaintOutcomes = map[string]i18n.Text{
	"upheld": {
		KK: "Шағым негізді деп танылды. Бұзылған құқықтарыңызды қалпына келтіру бойынша шаралар қабылданды.",
		RU: "Жалоба признана обоснованной. Приняты меры по восстановлению Ваших нарушенных прав.",
	},
	"rejected": {
		KK: "Шағым негізсіз деп танылды: шағымданған шешім, әрекет (әрекетсіздік) заңнамаға сәйкес келеді.",
		RU: "Жалоба признана необоснованной: обжалуемые решение, действие (бездействие) соответствуют законодательству.",
	},
	"satisfied": {
		KK: "Шағым шағымданған көрсетілетін қызметті берушімен толық қанағаттандырылды.",
		RU: "Жалоба полностью удовлетворена обжалуемым услугодателем.",
	},
}

var complaintOutcomeNames = []string{"upheld", "rejected", "satisfied"}

// furtherAppeal is where the complainant goes next: the quality-control body
// (CP-4, AC-20) and the court after the pre-trial complaint (CP-6); after the
// quality-control body, the court only.
var furtherAppeal = map[bool]i18n.Text{
	false: {
		KK: "Шағымды қарау нәтижесімен келіспеген жағдайда, мемлекеттік қызметтер көрсету сапасын бағалау және бақылау жөніндегі уәкілетті органға шағым беруге болады; ол тіркелген күнінен бастап 15 (он бес) жұмыс күні ішінде қаралады. Егер заңда өзгеше көзделмесе, сотқа жүгінуге сотқа дейінгі тәртіппен шағым жасалғаннан кейін жол беріледі.",
		RU: "В случае несогласия с результатами рассмотрения жалобы Вы вправе обратиться с жалобой в уполномоченный орган по оценке и контролю за качеством оказания государственных услуг, который рассматривает её в течение 15 (пятнадцати) рабочих дней со дня регистрации. Обращение в суд допускается после обжалования в досудебном порядке, если иное не предусмотрено законом.",
	},
	true: {
		KK: "Шағымды қарау нәтижесімен келіспеген жағдайда, Қазақстан Республикасының заңнамасында белгіленген тәртіппен сотқа жүгінуге болады.",
		RU: "В случае несогласия с результатами рассмотрения жалобы Вы вправе обратиться в суд в порядке, установленном законодательством Республики Казахстан.",
	},
}

func (d *ComplaintReply) check(c *check) {
	checkApplicant(c, "Complainant", d.Complainant)
	c.text("RegistrationNumber", d.RegistrationNumber)
	c.date("RegisteredOn", d.RegisteredOn)
	c.i18n("About", d.About)
	c.oneOf("Outcome", d.Outcome, complaintOutcomeNames)
	// Rule CP-7: the reply is motivated — it gives its reasons.
	c.i18n("Reasons", d.Reasons)
}

// drawComplaintReply lays out the reply. Rule CP-7 (AC-19): the complaint is
// answered with a motivated reply by post, electronically or by hand; CP-4,
// AC-20: a complainant who disagrees may go to the quality-control body; CP-6:
// then to court.
func drawComplaintReply(s *sheet, d *ComplaintReply) error {
	s.start(lookLetter)
	s.addressee(d.Complainant)
	s.title()
	s.bi(s.st.body, i18n.Text{
		KK: "Сіздің " + dateNum(d.RegisteredOn) + " тіркелген № " + d.RegistrationNumber + " шағымыңыз қаралды.",
		RU: "Ваша жалоба № " + d.RegistrationNumber + ", зарегистрированная " + dateNum(d.RegisteredOn) + ", рассмотрена.",
	})
	s.y += 4
	rows := []field{biField(i18n.Text{KK: "Шағымның мәні", RU: "Предмет жалобы"}, d.About)}
	if d.ApplicationNumber != "" {
		rows = append(rows, field{label: i18n.Text{KK: "Өтініштің нөмірі", RU: "Номер заявления"}, value: d.ApplicationNumber})
	}
	s.fields(rows...)
	s.y += 3
	s.heading(i18n.Text{KK: "Қарау нәтижесі", RU: "Результат рассмотрения"})
	s.bi(s.st.bodyBold, complaintOutcomes[d.Outcome])
	s.y += 2
	s.heading(i18n.Text{KK: "Уәждер", RU: "Мотивы"})
	s.bi(s.st.body, d.Reasons)
	s.y += 3
	appeal := furtherAppeal[d.ByQualityBody]
	s.keepWithSignature(8 + s.biHeight(s.st.fine, appeal))
	s.heading(i18n.Text{KK: "Шағымдану тәртібі", RU: "Порядок обжалования"})
	s.bi(s.st.fine, appeal)
	s.signature(s.position(s.defaultPosition()), s.meta.Signer)
	return nil
}
