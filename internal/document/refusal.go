package document

import (
	"fmt"
	"slices"
	"time"

	"qyzmet/internal/calendar"
	"qyzmet/internal/i18n"
	"qyzmet/internal/pdf"
	"qyzmet/internal/standard"
)

// The papers of a refusal: the notice of the preliminary decision and of the
// hearing, the minutes of the hearing, and the motivated refusal.

// serviceStandard is the standard of the form's service in force on the
// paper's date.
func (s *sheet) serviceStandard() (*standard.Standard, error) {
	set, err := standard.Default()
	if err == nil {
		var std *standard.Standard
		if std, err = set.At(s.spec.Service, s.on); err == nil {
			return std, nil
		}
	}
	return nil, &Error{Kind: ErrNoWording, Form: s.spec.ID, Text: i18n.Text{
		KK: standard.Message(err, i18n.KK), RU: standard.Message(err, i18n.RU), EN: standard.Message(err, i18n.EN),
	}}
}

// checkGrounds: a refusal and its notice name only grounds that the service's
// standard lists (Rules AP-STD-9, AR-STD-9, AC-15-1).
func (s *sheet) checkGrounds(std *standard.Standard, grounds []Ground) error {
	if std.Refusal == nil || !std.Refusal.Allowed {
		return &Error{Kind: ErrInvalid, Form: s.spec.ID, Field: "Grounds", Text: i18n.Text{
			KK: fmt.Sprintf("%s стандарты бас тартуды көздемейді", std.Service),
			RU: fmt.Sprintf("стандарт %s не предусматривает отказа", std.Service),
			EN: fmt.Sprintf("the %s standard allows no refusal", std.Service),
		}}
	}
	var known []string
	for _, g := range std.Refusal.Grounds {
		known = append(known, g.ID)
	}
	for i, g := range grounds {
		if !slices.Contains(known, g.ID) {
			c := &check{form: s.spec.ID}
			c.oneOf(fmt.Sprintf("Grounds[%d].ID", i), g.ID, known)
			return c.err
		}
	}
	return nil
}

func checkGroundList(c *check, grounds []Ground) {
	c.list("Grounds", len(grounds), 1, 10)
	for i, g := range grounds {
		c.text(fmt.Sprintf("Grounds[%d].ID", i), g.ID)
		c.i18n(fmt.Sprintf("Grounds[%d].Text", i), g.Text)
	}
}

func groundTexts(grounds []Ground) []i18n.Text {
	out := make([]i18n.Text, len(grounds))
	for i, g := range grounds {
		out[i] = g.Text
	}
	return out
}

// hearingMethods are the ways a hearing is held, as the casework engine names them.
var hearingMethods = map[string]i18n.Text{
	"in-person": {KK: "тікелей қатысумен, көрсетілетін қызметті берушінің үй-жайында", RU: "очно, в помещении услугодателя", EN: "in person, at the provider's office"},
	"video":     {KK: "бейнебайланыс арқылы", RU: "посредством видеосвязи", EN: "by video link"},
	"phone":     {KK: "телефон арқылы", RU: "по телефону", EN: "by phone"},
	"written":   {KK: "жазбаша", RU: "в письменной форме", EN: "in writing"},
}

var hearingMethodNames = []string{"in-person", "video", "phone", "written"}

func checkHearing(c *check, at time.Time, method string, place i18n.Text) {
	if at.IsZero() {
		c.empty("HearingAt")
	}
	c.oneOf("Method", method, hearingMethodNames)
	if method == "in-person" {
		c.i18n("Place", place)
	}
}

func (d *HearingNotice) check(c *check) {
	checkApplicant(c, "Applicant", d.Applicant)
	c.text("ApplicationNumber", d.ApplicationNumber)
	c.date("ReceivedOn", d.ReceivedOn)
	c.date("Deadline", d.Deadline)
	c.order("Deadline", d.ReceivedOn, d.Deadline)
	checkGroundList(c, d.Grounds)
	checkHearing(c, d.HearingAt, d.Method, d.Place)
	// Rule AP-6.4, AR-6.2: the hearing comes before the decision, so before the
	// service deadline. Rule AC-15-1: the court apostille sets no window for
	// its hearing, and its 1-day deadline has passed by the time of any notice
	// (docs/standards.md decision 14), so its notice states the deadline as it
	// stands.
	if !d.HearingAt.IsZero() && c.form != ACHearingNotice {
		c.order("HearingAt", calendar.DateOf(d.HearingAt), d.Deadline)
	}
}

// drawHearingNotice lays out the notice. Rule AP-6.4 (AR-6.2): with grounds to
// refuse, the provider notifies the applicant of the preliminary decision to
// refuse and of the time and place (or method) of the hearing where the
// applicant may state a position.
func drawHearingNotice(s *sheet, d *HearingNotice) error {
	std, err := s.serviceStandard()
	if err != nil {
		return err
	}
	if err := s.checkGrounds(std, d.Grounds); err != nil {
		return err
	}
	s.start(lookLetter)
	s.addressee(d.Applicant)
	s.title()
	s.bi(s.st.body, i18n.Text{
		KK: "«" + std.Name.KK + "» мемлекеттік көрсетілетін қызметті алу туралы өтінішіңіз бойынша мемлекеттік қызметті көрсетуден бас тарту үшін негіздер бар екенін хабарлаймыз. Көрсетілетін қызметті беруші бас тарту туралы алдын ала шешім қабылдады.",
		RU: "Сообщаем, что по Вашему заявлению на оказание государственной услуги «" + std.Name.RU + "» имеются основания для отказа в оказании государственной услуги. Услугодателем принято предварительное решение об отказе.",
	})
	s.y += 4
	s.fields(
		field{label: i18n.Text{KK: "Өтініштің нөмірі", RU: "Номер заявления"}, value: d.ApplicationNumber},
		field{label: i18n.Text{KK: "Өтініш алынған күн", RU: "Дата получения заявления"}, value: dateNum(d.ReceivedOn)},
		field{label: i18n.Text{KK: "Қызмет көрсету мерзімі", RU: "Срок оказания услуги"}, value: dateNum(d.Deadline)},
	)
	s.y += 3
	s.heading(i18n.Text{KK: "Бас тарту негіздері", RU: "Основания для отказа"})
	s.numbered(leftBody(s), groundTexts(d.Grounds))
	if d.Reasons.KK != "" || d.Reasons.RU != "" {
		s.y += 1
		s.bi(s.st.body, d.Reasons)
	}
	s.y += 3
	s.heading(i18n.Text{KK: "Тыңдау", RU: "Заслушивание"})
	rows := []field{
		{label: i18n.Text{KK: "Күні мен уақыты", RU: "Дата и время"}, value: dateTime(d.HearingAt)},
		biField(i18n.Text{KK: "Өткізу тәсілі", RU: "Способ проведения"}, hearingMethods[d.Method]),
	}
	if d.Place.KK != "" || d.Place.RU != "" {
		rows = append(rows, biField(i18n.Text{KK: "Орны (байланыс)", RU: "Место (связь)"}, d.Place))
	}
	if d.Contact != "" {
		rows = append(rows, field{label: i18n.Text{KK: "Байланыс үшін", RU: "Для связи"}, value: d.Contact})
	}
	s.fields(rows...)
	s.y += 4
	closing := i18n.Text{
		KK: "Алдын ала шешім бойынша ұстанымыңызды білдіру үшін тыңдауға қатыса аласыз не ұстанымыңызды тыңдауға дейін жазбаша жібере аласыз. Тыңдау нәтижесі бойынша Сізге мемлекеттік көрсетілетін қызметтің нәтижесі не мемлекеттік қызметті көрсетуден бас тарту туралы уәжді жауап жіберіледі.",
		RU: "Вы вправе участвовать в заслушивании, чтобы выразить свою позицию по предварительному решению, либо направить её в письменной форме до заслушивания. По результатам заслушивания Вам будет направлен результат оказания государственной услуги либо мотивированный ответ об отказе в её оказании.",
	}
	s.keepWithSignature(s.biHeight(s.st.body, closing))
	s.bi(s.st.body, closing)
	s.signature(s.position(s.defaultPosition()), s.meta.Signer)
	return nil
}

// leftBody is the body style without justification, for lists.
func leftBody(s *sheet) pdf.Style {
	st := s.st.body
	st.Align = pdf.Left
	return st
}

// hearingOutcomes are the two ends of a hearing.
var hearingOutcomes = map[string]i18n.Text{
	"service": {
		KK: "Бас тарту үшін негіздер расталмады: мемлекеттік қызмет көрсетіледі.",
		RU: "Основания для отказа не подтвердились: государственная услуга будет оказана.",
	},
	"refusal": {
		KK: "Бас тарту үшін негіздер расталды: мемлекеттік қызметті көрсетуден бас тарту туралы уәжді жауап жіберіледі.",
		RU: "Основания для отказа подтвердились: будет направлен мотивированный ответ об отказе в оказании государственной услуги.",
	},
}

func (d *HearingMinutes) check(c *check) {
	c.text("ApplicationNumber", d.ApplicationNumber)
	checkApplicant(c, "Applicant", d.Applicant)
	checkHearing(c, d.HeldAt, d.Method, d.Place)
	c.list("Participants", len(d.Participants), 1, 12)
	for i, p := range d.Participants {
		c.text(fmt.Sprintf("Participants[%d].Name", i), p.Name)
		c.i18n(fmt.Sprintf("Participants[%d].Role", i), p.Role)
	}
	checkGroundList(c, d.Grounds)
	c.oneOf("Outcome", d.Outcome, []string{"service", "refusal"})
}

// drawHearingMinutes lays out the minutes. Rule AP-6.4 (AR-6.2): after the
// hearing, the apostille (the certificate) or the motivated refusal; the
// minutes record who was heard, on which grounds, what the applicant stated and
// which way the hearing ended, signed by those present.
func drawHearingMinutes(s *sheet, d *HearingMinutes) error {
	std, err := s.serviceStandard()
	if err != nil {
		return err
	}
	if err := s.checkGrounds(std, d.Grounds); err != nil {
		return err
	}
	s.start(lookLetter)
	s.title()
	rows := []field{
		biField(i18n.Text{KK: "Мемлекеттік көрсетілетін қызмет", RU: "Государственная услуга"}, std.Name),
		{label: i18n.Text{KK: "Өтініштің нөмірі", RU: "Номер заявления"}, value: d.ApplicationNumber},
		{label: i18n.Text{KK: "Көрсетілетін қызметті алушы", RU: "Услугополучатель"}, value: applicantLine(d.Applicant)},
		{label: i18n.Text{KK: "Күні мен уақыты", RU: "Дата и время"}, value: dateTime(d.HeldAt)},
		biField(i18n.Text{KK: "Өткізу тәсілі", RU: "Способ проведения"}, hearingMethods[d.Method]),
	}
	if d.Place.KK != "" || d.Place.RU != "" {
		rows = append(rows, biField(i18n.Text{KK: "Орны", RU: "Место"}, d.Place))
	}
	s.fields(rows...)
	s.y += 3
	s.heading(i18n.Text{KK: "Қатысқандар", RU: "Присутствовали"})
	st := leftBody(s)
	for _, p := range d.Participants {
		s.columns(st, p.Name+" — "+p.Role.In(i18n.KK), p.Name+" — "+p.Role.In(i18n.RU))
		s.y += 0.8
	}
	s.y += 2
	s.heading(i18n.Text{KK: "Бас тарту туралы алдын ала шешімнің негіздері", RU: "Основания предварительного решения об отказе"})
	s.numbered(st, groundTexts(d.Grounds))
	s.y += 2
	s.heading(i18n.Text{KK: "Көрсетілетін қызметті алушының ұстанымы", RU: "Позиция услугополучателя"})
	position := d.ApplicantPosition
	if position == "" {
		position = "—"
	}
	s.para(s.st.body, position)
	if len(d.NewDocuments) > 0 {
		s.y += 2
		s.heading(i18n.Text{KK: "Тыңдауда ұсынылған құжаттар", RU: "Документы, представленные на заслушивании"})
		s.numbered(st, d.NewDocuments)
	}
	s.y += 2
	// The outcome and the signatures of those present stay on one page.
	s.need(8 + s.biHeight(s.st.bodyBold, hearingOutcomes[d.Outcome]) + 4 + 15*float64(len(d.Participants)))
	s.heading(i18n.Text{KK: "Тыңдау нәтижесі", RU: "Результат заслушивания"})
	s.bi(s.st.bodyBold, hearingOutcomes[d.Outcome])
	s.y += 4
	for _, p := range d.Participants {
		s.blanks(7, cell{marginL, 95, p.Name, p.Role.In(i18n.KK) + " / " + p.Role.In(i18n.RU)}, cell{130, 60, "", "қолы / подпись"})
	}
	return nil
}

func (d *MotivatedRefusal) check(c *check) {
	checkApplicant(c, "Applicant", d.Applicant)
	c.text("ApplicationNumber", d.ApplicationNumber)
	c.date("ReceivedOn", d.ReceivedOn)
	checkGroundList(c, d.Grounds)
	c.order("HearingOn", d.ReceivedOn, d.HearingOn)
}

// appealText is how the applicant may appeal (Rules CP-1, CP-3, CP-4, CP-6).
var appealText = i18n.Text{
	KK: "Осы шешімге шағым оны қабылдаған көрсетілетін қызметті берушіге беріледі және тіркелген күнінен бастап 5 (бес) жұмыс күні ішінде қаралады. Мемлекеттік қызметтер көрсету сапасын бағалау және бақылау жөніндегі уәкілетті органға келіп түскен шағым 15 (он бес) жұмыс күні ішінде қаралады. Егер заңда өзгеше көзделмесе, сотқа жүгінуге сотқа дейінгі тәртіппен шағым жасалғаннан кейін жол беріледі.",
	RU: "Жалоба на настоящее решение подается услугодателю, принявшему его, и рассматривается в течение 5 (пяти) рабочих дней со дня ее регистрации. Жалоба, поступившая в уполномоченный орган по оценке и контролю за качеством оказания государственных услуг, рассматривается в течение 15 (пятнадцати) рабочих дней. Обращение в суд допускается после обжалования в досудебном порядке, если иное не предусмотрено законом.",
}

// drawRefusal lays out the motivated refusal. Rules AP-STD-9, AR-STD-9,
// AC-15-1: a refusal names the standard's grounds and the reasons; AP-6.4 and
// AR-6.2: where the standard requires a hearing, the refusal follows it.
func drawRefusal(s *sheet, d *MotivatedRefusal) error {
	std, err := s.serviceStandard()
	if err != nil {
		return err
	}
	if err := s.checkGrounds(std, d.Grounds); err != nil {
		return err
	}
	if std.Refusal.Hearing != nil && std.Refusal.Hearing.Required && d.HearingOn.IsZero() {
		return &Error{Kind: ErrInvalid, Form: s.spec.ID, Field: "HearingOn", Text: i18n.Text{
			KK: "бас тарту алдында тыңдау өткізілуі керек (" + std.Refusal.Hearing.Rule + "): тыңдау күнін көрсетіңіз",
			RU: "отказу должно предшествовать заслушивание (" + std.Refusal.Hearing.Rule + "): укажите дату заслушивания",
			EN: "a hearing must precede the refusal (" + std.Refusal.Hearing.Rule + "): give the hearing's date",
		}}
	}
	s.start(lookLetter)
	s.addressee(d.Applicant)
	s.title()
	s.bi(s.st.body, i18n.Text{
		KK: "«" + std.Name.KK + "» мемлекеттік көрсетілетін қызметті алу туралы өтінішіңізді қарау нәтижесі бойынша мемлекеттік қызметті көрсетуден мынадай негіздер бойынша бас тартылады.",
		RU: "По результатам рассмотрения Вашего заявления на оказание государственной услуги «" + std.Name.RU + "» в оказании государственной услуги отказано по следующим основаниям.",
	})
	s.y += 4
	rows := []field{
		{label: i18n.Text{KK: "Өтініштің нөмірі", RU: "Номер заявления"}, value: d.ApplicationNumber},
		{label: i18n.Text{KK: "Өтініш алынған күн", RU: "Дата получения заявления"}, value: dateNum(d.ReceivedOn)},
	}
	if d.Subject.KK != "" || d.Subject.RU != "" {
		rows = append(rows, biField(i18n.Text{KK: "Өтініштің мәні", RU: "Предмет заявления"}, d.Subject))
	}
	if !d.HearingOn.IsZero() {
		rows = append(rows, field{label: i18n.Text{KK: "Тыңдау өткізілген күн", RU: "Дата заслушивания"}, value: dateNum(d.HearingOn)})
	}
	s.fields(rows...)
	s.y += 3
	s.heading(i18n.Text{KK: "Бас тарту негіздері", RU: "Основания для отказа"})
	s.numbered(leftBody(s), groundTexts(d.Grounds))
	if d.Reasons.KK != "" || d.Reasons.RU != "" {
		s.y += 1
		s.bi(s.st.body, d.Reasons)
	}
	s.y += 3
	s.keepWithSignature(8 + s.biHeight(s.st.fine, appealText))
	s.heading(i18n.Text{KK: "Шағымдану тәртібі", RU: "Порядок обжалования"})
	s.bi(s.st.fine, appealText)
	s.signature(s.position(s.defaultPosition()), s.meta.Signer)
	return nil
}
