package document

import (
	"strings"
	"unicode"

	"qyzmet/internal/i18n"
	"qyzmet/internal/pdf"
	"qyzmet/internal/standard"
)

// The criminal-record service (DIGEST section 1): its application, the two
// forms of the certificate and the interim reply.

func (d *CriminalRecordCertificate) check(c *check) {
	c.text("FullName", d.FullName)
	c.optionalIIN("IIN", d.IIN)
	c.date("BirthDate", d.BirthDate)
	c.i18n("BirthPlace", d.BirthPlace)
	c.date("AsOf", d.AsOf)
	c.order("BirthDate", d.BirthDate, d.AsOf)
}

// crWording is the fixed wording of annex 5 as the standard carries it. Annex 4
// (the general form) is not in the seed text; it prints the same title, labels,
// statement and warning, less the sentence on travel abroad (ADR 0002, Forms).
func crWording(s *sheet) (*wording, error) {
	return s.wordingOf(standard.CriminalRecord, "certificate-travel-abroad")
}

// drawCRCertificate lays out the general certificate. Rule CR-STD-5.1: the
// result is the certificate of annex 4 (or annex 5 for travel abroad).
func drawCRCertificate(s *sheet, d *CriminalRecordCertificate) error {
	w, err := crWording(s)
	if err != nil {
		return err
	}
	rows := []field{{label: w.get("full-name", nil), value: d.FullName}}
	if d.IIN != "" {
		rows = append(rows, field{label: i18n.Text{KK: "ЖСН", RU: "ИИН"}, value: d.IIN})
	}
	crCertificate(s, w, d, rows, false)
	return w.done()
}

// drawCRCertificateTravel lays out the bilingual certificate for travel abroad.
// Rule CR-F5: the annex 5 form — Kazakh and Russian, the title, full name, date
// and place of birth, the statement as of a date, the sentence on travel abroad,
// the head of department's signature and the warning on the use of the records.
func drawCRCertificateTravel(s *sheet, d *CriminalRecordCertificate) error {
	w, err := crWording(s)
	if err != nil {
		return err
	}
	crCertificate(s, w, d, []field{{label: w.get("full-name", nil), value: d.FullName}}, true)
	return w.done()
}

func crCertificate(s *sheet, w *wording, d *CriminalRecordCertificate, rows []field, travel bool) {
	s.start(lookCertificate)
	title := w.get("title", nil)
	s.y += 1
	for _, t := range []string{title.KK, title.RU} {
		before, caps, after := splitCaps(t)
		if before != "" {
			s.center(s.st.subtitle, before)
		}
		s.center(s.st.title, caps)
		if after != "" {
			s.center(s.st.subtitle, after)
		}
		s.y += 2
	}
	s.y += 4

	rows = append(rows,
		field{label: w.get("date-of-birth", nil), value: dateNum(d.BirthDate)},
		biField(w.get("place-of-birth", nil), d.BirthPlace),
	)
	s.fields(rows...)

	// The statement, as of the date the records were checked.
	s.y += 8
	key := "no-record"
	if d.HasRecord {
		key = "has-record"
	}
	state := w.get(key, map[string]i18n.Text{"date": dateAttr(d.AsOf)})
	if travel {
		purpose := w.get("purpose", nil)
		state = i18n.Text{KK: state.KK + " " + purpose.KK, RU: state.RU + " " + purpose.RU}
	}
	body := s.st.body
	body.Size = 11.5
	s.bi(body, state)

	position := s.meta.SignerTitle
	if position.KK == "" && position.RU == "" {
		position = w.get("signatory", nil)
	}
	s.y += 8
	s.signature(position, s.meta.Signer)

	// The warning on the use of the records, boxed, in small print.
	s.y += 6
	warn := pdf.Style{Font: pdf.StandardFonts().Sans, Size: 7.5, LineHeight: 1.25, Color: grey}
	head := pdf.Style{Font: pdf.StandardFonts().SansBold, Size: 8, Color: navy}
	wt, use, limits := w.get("warning-title", nil), w.get("warning-use", nil), w.get("warning-limits", nil)
	kk, ru := use.KK+"\n"+limits.KK, use.RU+"\n"+limits.RU
	const cw = 80.0
	h := max(warn.Height(kk, cw), warn.Height(ru, cw)) + 12
	s.need(h)
	s.p.Rect(pdf.Rect{X: marginL - 2, Y: s.y, W: contentW + 4, H: h}, pdf.Stroke{Width: 0.4, Color: grey})
	s.p.Text(marginL+1, s.y+3, head, wt.KK)
	s.p.Text(ruX-1, s.y+3, head, wt.RU)
	s.p.TextBox(pdf.Rect{X: marginL + 1, Y: s.y + 8, W: cw}, warn, kk)
	s.p.TextBox(pdf.Rect{X: ruX - 1, Y: s.y + 8, W: cw}, warn, ru)
	s.y += h
}

// splitCaps splits a title around its run of upper-case words:
// "… туралы АНЫҚТАМА" → ("… туралы", "АНЫҚТАМА", "").
func splitCaps(t string) (before, caps, after string) {
	words := strings.Fields(t)
	isCaps := func(w string) bool {
		letters := false
		for _, r := range w {
			if unicode.IsLower(r) {
				return false
			}
			letters = letters || unicode.IsLetter(r)
		}
		return letters
	}
	i := 0
	for i < len(words) && !isCaps(words[i]) {
		i++
	}
	j := i
	for j < len(words) && isCaps(words[j]) {
		j++
	}
	if i == j {
		return "", t, ""
	}
	return strings.Join(words[:i], " "), strings.Join(words[i:j], " "), strings.Join(words[j:], " ")
}

// both is a value in Kazakh and Russian on two lines, or one line when the same.
func both(t i18n.Text) string {
	kk, ru := t.In(i18n.KK), t.In(i18n.RU)
	if kk == ru {
		return kk
	}
	return kk + "\n" + ru
}

func (d *InterimReply) check(c *check) {
	checkApplicant(c, "Applicant", d.Applicant)
	c.text("ApplicationNumber", d.ApplicationNumber)
	c.date("ReceivedOn", d.ReceivedOn)
	c.date("ReapplyFrom", d.ReapplyFrom)
	c.order("ReapplyFrom", d.ReceivedOn, d.ReapplyFrom)
}

// drawInterimReply lays out the interim reply. Rule CR-STD-3.4: with an
// additional reference check, within 4 working days the provider tells the
// applicant to apply again after 20 working days from the receipt; the reply
// closes the application without a certificate.
func drawInterimReply(s *sheet, d *InterimReply) error {
	s.start(lookLetter)
	s.addressee(d.Applicant)
	s.title()
	rows := []field{
		{label: i18n.Text{KK: "Өтініштің нөмірі", RU: "Номер заявления"}, value: d.ApplicationNumber},
		{label: i18n.Text{KK: "Өтініш алынған күн", RU: "Дата получения заявления"}, value: dateNum(d.ReceivedOn)},
	}
	if d.SubjectName != "" {
		rows = append(rows, field{label: i18n.Text{KK: "Кімге қатысты", RU: "В отношении"}, value: d.SubjectName})
	}
	rows = append(rows, field{label: i18n.Text{KK: "Қайта жүгіну күні", RU: "Повторное обращение с"}, value: dateNum(d.ReapplyFrom)})
	s.fields(rows...)
	s.y += 6
	s.bi(s.st.body, i18n.Text{
		KK: "Соттылықтың болуы не болмауы туралы анықтама беру туралы өтінішіңіз бойынша қосымша анықтамалық тексеріс жүргізілуде, ол мемлекеттік қызметті көрсету мерзімі ішінде аяқталмайды.",
		RU: "По Вашему заявлению о выдаче справки о наличии либо отсутствии судимости проводится дополнительная справочная проверка, которая не может быть завершена в срок оказания государственной услуги.",
	})
	s.y += 3
	reapply := dateFrom(d.ReapplyFrom)
	s.bi(s.st.body, i18n.Text{
		KK: "«Соттылықтың болуы не болмауы туралы анықтама беру» мемлекеттік көрсетілетін қызмет стандартына сәйкес өтініш алынған күннен бастап 20 (жиырма) жұмыс күні өткен соң, яғни " +
			reapply.KK + " бастап қайта жүгінуіңіз қажет екенін хабарлаймыз.",
		RU: "В соответствии со стандартом государственной услуги «Выдача справки о наличии либо отсутствии судимости» сообщаем о необходимости повторного обращения по истечении 20 (двадцати) рабочих дней с момента получения заявления, то есть " +
			reapply.RU + ".",
	})
	s.y += 3
	closed := i18n.Text{
		KK: "Осы өтініш бойынша мемлекеттік қызметті көрсету аяқталды.",
		RU: "Оказание государственной услуги по данному заявлению завершено.",
	}
	s.keepWithSignature(s.biHeight(s.st.body, closed))
	s.bi(s.st.body, closed)
	s.signature(s.position(s.defaultPosition()), s.meta.Signer)
	return nil
}

func (d *CriminalRecordApplication) check(c *check) {
	checkApplicant(c, "Applicant", d.Applicant)
	c.text("Subject.FullName", d.Subject.FullName)
	c.optionalIIN("Subject.IIN", d.Subject.IIN)
	c.date("Subject.BirthDate", d.Subject.BirthDate)
	c.date("Date", d.Date)
	c.order("Subject.BirthDate", d.Subject.BirthDate, d.Date)
	// Rule CR-STD-5.2: a certificate about another person needs a notarized power
	// of attorney from that person.
	if d.AboutAnother && d.Relation.KK == "" && d.Relation.RU == "" {
		c.text("PowerOfAttorney", d.PowerOfAttorney)
	}
	// Rule CR-STD-8.3: the paper certificate for travel abroad is collected at the
	// State Corporation branch chosen with the request.
	if d.TravelAbroad {
		c.i18n("Branch", d.Branch)
	}
}

// drawCRApplication lays out the application. Rule CR-STD-8.1: the application
// of annex 1 to the rules, with the data of the person concerned, former
// personal data (CR-STD-8.2), the power of attorney (CR-STD-5.2) and, for
// travel abroad, the branch that hands out the paper (CR-STD-8.3).
func drawCRApplication(s *sheet, d *CriminalRecordApplication) error {
	s.start(lookForm)
	s.annexRef("«Соттылықтың болуы не болмауы туралы анықтама беру» мемлекеттік қызмет көрсету қағидаларына 1-қосымша",
		"Приложение 1 к Правилам оказания государственной услуги «Выдача справки о наличии либо отсутствии судимости»")
	s.applicationHead(defaultAddressee, d.Applicant)
	s.title()
	// The person concerned: the applicant, or another person (CR-STD-5.2), whose
	// name and IIN are printed only then.
	ask := i18n.Text{
		KK: "Маған қатысты соттылықтың болуы не болмауы туралы анықтама беруіңізді сұраймын.",
		RU: "Прошу выдать справку о наличии либо отсутствии судимости в отношении меня.",
	}
	var rows []field
	if d.AboutAnother || d.Subject.FullName != d.Applicant.FullName {
		ask = i18n.Text{
			KK: "Төменде көрсетілген адамға қатысты соттылықтың болуы не болмауы туралы анықтама беруіңізді сұраймын.",
			RU: "Прошу выдать справку о наличии либо отсутствии судимости в отношении лица, указанного ниже.",
		}
		rows = append(rows,
			field{label: i18n.Text{KK: "Тегі, аты, әкесінің аты (болған жағдайда)", RU: "Фамилия, имя, отчество (при его наличии)"}, value: d.Subject.FullName},
			field{label: i18n.Text{KK: "ЖСН", RU: "ИИН"}, value: d.Subject.IIN})
	}
	s.bi(s.st.body, ask)
	s.y += 4
	rows = append(rows,
		field{label: i18n.Text{KK: "Туған күні", RU: "Дата рождения"}, value: dateNum(d.Subject.BirthDate)},
		biField(i18n.Text{KK: "Туған жері", RU: "Место рождения"}, d.Subject.BirthPlace),
	)
	if len(d.FormerNames) > 0 {
		rows = append(rows, field{label: i18n.Text{KK: "Бұрынғы дербес деректері", RU: "Прежние персональные данные"}, value: strings.Join(d.FormerNames, "; ")})
	}
	if d.Relation.KK != "" || d.Relation.RU != "" {
		rows = append(rows, biField(i18n.Text{KK: "Туыстық қатынасы", RU: "Степень родства"}, d.Relation))
	}
	if d.PowerOfAttorney != "" {
		rows = append(rows, field{label: i18n.Text{KK: "Нотариат куәландырған сенімхат", RU: "Нотариальная доверенность"}, value: d.PowerOfAttorney})
	}
	form := i18n.Text{KK: "электрондық нысанда", RU: "в электронной форме"}
	if d.TravelAbroad {
		form = i18n.Text{KK: "шет елге шығу үшін қағаз нысанда", RU: "на бумажном носителе для выезда за границу"}
	}
	rows = append(rows, biField(i18n.Text{KK: "Анықтаманың нысаны", RU: "Форма справки"}, form))
	if d.TravelAbroad {
		rows = append(rows, biField(i18n.Text{KK: "Мемлекеттік корпорацияның филиалы", RU: "Филиал Государственной корпорации"}, d.Branch))
	}
	if d.WithApostille {
		rows = append(rows, biField(i18n.Text{KK: "Апостиль", RU: "Апостиль"}, i18n.Text{
			KK: "анықтамаға апостиль қоюды «бір өтініш» бойынша сұраймын", RU: "прошу проставить апостиль на справке по принципу «одного заявления»"}))
	}
	s.fields(rows...)
	s.attachments(d.Attachments)
	s.consent(consentText)
	s.signHere(d.Applicant.FullName, d.Date)
	return nil
}
