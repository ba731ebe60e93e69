package document

import (
	"strings"

	"qyzmet/internal/i18n"
)

// The archival service (DIGEST section 3): the application, the archival
// certificate and the reply that no data were found.

// under16Born is the first birth year of a person under 16 on 1 January 1940
// (Rule AR-6.1). The card index holds years of birth: a person born in 1924 was
// under 16 on that day unless born on 1 January, so 1924 counts (a careful
// provider asks for the parents rather than search in vain).
const under16Born = 1924

func checkArchivalPerson(c *check, field string, p ArchivalPerson) {
	c.text(field+".FullName", p.FullName)
	if p.BirthYear < 1850 || p.BirthYear > 1955 {
		c.fail(field+".BirthYear",
			"туған жылы 1850–1955 аралығында болуы керек (1939–1955 жылдардың картотекасы)",
			"год рождения должен быть в пределах 1850–1955 (картотека 1939–1955 годов)",
			"the year of birth must lie within 1850–1955 (the card index covers 1939–1955)")
	}
}

func (d *ArchivalApplication) check(c *check) {
	checkApplicant(c, "Applicant", d.Applicant)
	checkArchivalPerson(c, "Person", d.Person)
	// Rule AR-6.1: for a person under 16 on 1 January 1940, the applicant gives the
	// data of the person's parents.
	if d.Person.BirthYear >= under16Born && strings.TrimSpace(d.Father) == "" && strings.TrimSpace(d.Mother) == "" {
		c.fail("Father",
			"1940 жылғы 1 қаңтарда 16 жасқа толмаған адам үшін ата-анасының деректері көрсетіледі (әкесі немесе анасы)",
			"для лица, не достигшего 16 лет на 1 января 1940 года, указываются данные родителей (отца или матери)",
			"for a person under 16 on 1 January 1940, give the parents' data (father or mother)")
	}
	c.date("Date", d.Date)
}

var archivalAnnex = [2]string{
	"«Қазақстан Республикасы Бас прокуратурасының Құқықтық статистика және арнайы есепке алу жөніндегі комитеті мен оның аумақтық органдары архивтерінің шегінде архивтік анықтамаларды және/немесе архивтік құжаттардың көшірмелерін беру» мемлекеттік көрсетілетін қызмет қағидаларына 1-қосымша",
	"Приложение 1 к Правилам оказания государственной услуги «Выдача архивных справок и (или) копий архивных документов в пределах архивов Комитета по правовой статистике и специальным учетам Генеральной прокуратуры Республики Казахстан и его территориальных органов»",
}

// personRows are the card-index data of a person, as the archival papers print them.
func personRows(p ArchivalPerson) []field {
	rows := []field{
		{label: i18n.Text{KK: "Тегі, аты, әкесінің аты", RU: "Фамилия, имя, отчество"}, value: p.FullName},
		{label: i18n.Text{KK: "Туған жылы", RU: "Год рождения"}, value: itoa(p.BirthYear)},
	}
	for _, r := range []field{
		biField(i18n.Text{KK: "Туған жері", RU: "Место рождения"}, p.BirthPlace),
		biField(i18n.Text{KK: "Ұлты", RU: "Национальность"}, p.Nationality),
		biField(i18n.Text{KK: "Қайдан жер аударылды", RU: "Откуда выселен(а)"}, p.DeportedFrom),
		biField(i18n.Text{KK: "Арнайы қоныстану орны", RU: "Место спецпоселения"}, p.SettledIn),
	} {
		if r.text.KK != "" || r.text.RU != "" {
			rows = append(rows, r)
		}
	}
	return rows
}

// drawARApplication lays out the application. Rule AR-4: the application of
// annex 1 to the rules, with the documents of the standard; AR-6.1: the parents
// of a person under 16 on 1 January 1940; AR-STD-8.1: kinship when asking about
// a relative; AR-STD-8.2: the branch for a paper result.
func drawARApplication(s *sheet, d *ArchivalApplication) error {
	s.start(lookForm)
	s.annexRef(archivalAnnex[0], archivalAnnex[1])
	s.applicationHead(defaultAddressee, d.Applicant)
	s.title()
	ask := i18n.Text{
		KK: "Арнайы қоныс аударуға жіберілген адамдарды есепке алу деректері бойынша төменде көрсетілген адамға қатысты архивтік анықтама беруіңізді сұраймын.",
		RU: "Прошу выдать архивную справку по данным учета лиц, направленных на спецпоселение, в отношении лица, указанного ниже.",
	}
	if d.WithCopies {
		ask = i18n.Text{
			KK: "Арнайы қоныс аударуға жіберілген адамдарды есепке алу деректері бойынша төменде көрсетілген адамға қатысты архивтік анықтама және архивтік құжаттардың көшірмелерін беруіңізді сұраймын.",
			RU: "Прошу выдать архивную справку и копии архивных документов по данным учета лиц, направленных на спецпоселение, в отношении лица, указанного ниже.",
		}
	}
	s.bi(s.st.body, ask)
	s.y += 4
	rows := personRows(d.Person)
	if d.Relation.KK != "" || d.Relation.RU != "" {
		rows = append(rows, biField(i18n.Text{KK: "Өтініш берушіге туыстығы", RU: "Родство с заявителем"}, d.Relation))
	}
	if d.Father != "" {
		rows = append(rows, field{label: i18n.Text{KK: "Әкесі", RU: "Отец"}, value: d.Father})
	}
	if d.Mother != "" {
		rows = append(rows, field{label: i18n.Text{KK: "Анасы", RU: "Мать"}, value: d.Mother})
	}
	if d.Purpose.KK != "" || d.Purpose.RU != "" {
		rows = append(rows, biField(i18n.Text{KK: "Анықтаманың мақсаты", RU: "Цель получения справки"}, d.Purpose))
	}
	if d.Branch.KK != "" || d.Branch.RU != "" {
		rows = append(rows, biField(i18n.Text{KK: "Нәтижені алу орны", RU: "Место получения результата"}, d.Branch))
	}
	reply := i18n.Text{KK: "қағаз жеткізгіште", RU: "на бумажном носителе"}
	if d.NoDataElectronic {
		reply = i18n.Text{KK: "электрондық нысанда, «жеке кабинетке»", RU: "в электронной форме, в «личный кабинет»"}
	}
	rows = append(rows, biField(i18n.Text{KK: "Мәліметтер болмаған жағдайда жауап", RU: "Ответ при отсутствии сведений"}, reply))
	s.fields(rows...)
	s.attachments(d.Attachments)
	s.consent(consentText)
	s.signHere(d.Applicant.FullName, d.Date)
	return nil
}

func (d *ArchivalCertificate) check(c *check) {
	checkApplicant(c, "Applicant", d.Applicant)
	c.text("ApplicationNumber", d.ApplicationNumber)
	c.date("ReceivedOn", d.ReceivedOn)
	checkArchivalPerson(c, "Person", d.Person)
	c.text("Source", d.Source)
	c.order("ReleasedOn", d.RegisteredOn, d.ReleasedOn)
	if d.CopiesSheets < 0 {
		c.fail("CopiesSheets", "парақ саны теріс", "отрицательное число листов", "a negative number of sheets")
	}
}

// drawARCertificate lays out the archival certificate. Rule AR-6.4: on finding
// the data, the provider forms the archival certificate on paper, signed by the
// head (AR-STD-5: the certificate and/or copies of archival documents).
func drawARCertificate(s *sheet, d *ArchivalCertificate) error {
	s.start(lookCertificate)
	s.y += 2
	s.center(s.st.title, strings.ToUpper(s.spec.Title.KK))
	s.y += 1
	s.center(s.st.title, strings.ToUpper(s.spec.Title.RU))
	s.y += 6
	s.bi(s.st.body, i18n.Text{
		KK: "Арнайы қоныс аударуға жіберілген адамдарды есепке алу картотекасының (1939–1955 жж.) деректері бойынша мынадай мәліметтер бар:",
		RU: "По данным картотеки учета лиц, направленных на спецпоселение (1939–1955 гг.), имеются следующие сведения:",
	})
	s.y += 4
	rows := personRows(d.Person)
	if d.DeportedYear != 0 {
		rows = append(rows, field{label: i18n.Text{KK: "Жер аударылған жылы", RU: "Год выселения"}, value: itoa(d.DeportedYear)})
	}
	if !d.RegisteredOn.IsZero() {
		rows = append(rows, field{label: i18n.Text{KK: "Есепке алынған күні", RU: "Поставлен(а) на учет"}, value: dateNum(d.RegisteredOn)})
	}
	if !d.ReleasedOn.IsZero() {
		rows = append(rows, field{label: i18n.Text{KK: "Есептен шығарылған күні", RU: "Снят(а) с учета"}, value: dateNum(d.ReleasedOn)})
	}
	if d.ReleaseBasis.KK != "" || d.ReleaseBasis.RU != "" {
		rows = append(rows, biField(i18n.Text{KK: "Есептен шығару негізі", RU: "Основание снятия с учета"}, d.ReleaseBasis))
	}
	if d.Notes.KK != "" || d.Notes.RU != "" {
		rows = append(rows, biField(i18n.Text{KK: "Ескертпе", RU: "Примечание"}, d.Notes))
	}
	rows = append(rows,
		field{label: i18n.Text{KK: "Өтініш беруші", RU: "Заявитель"}, value: applicantLine(d.Applicant)},
		field{label: i18n.Text{KK: "Өтініш", RU: "Заявление"}, value: "№\u00a0" + d.ApplicationNumber + ", " + dateNum(d.ReceivedOn)},
	)
	s.fields(rows...)
	s.y += 4
	s.keepWithSignature(20)
	s.para(s.st.bodyBold, "Негіздеме / Основание: "+d.Source)
	if d.CopiesSheets > 0 {
		s.y += 1
		s.bi(s.st.body, i18n.Text{
			KK: "Қосымша: архивтік құжаттардың көшірмелері, " + itoa(d.CopiesSheets) + "\u00a0парақ.",
			RU: "Приложение: копии архивных документов на " + itoa(d.CopiesSheets) + "\u00a0л.",
		})
	}
	s.signature(s.position(s.defaultPosition()), s.meta.Signer)
	return nil
}

func (d *ArchivalNoDataReply) check(c *check) {
	checkApplicant(c, "Applicant", d.Applicant)
	c.text("ApplicationNumber", d.ApplicationNumber)
	c.date("ReceivedOn", d.ReceivedOn)
	checkArchivalPerson(c, "Person", d.Person)
}

// drawARNoData lays out the reply that no data were found. Rule AR-STD-5: with
// no data, a written reply, or an electronic document signed with the EDS of
// the authorized person in the personal cabinet; AR-6.3: both the paper card
// index and the automated information system were searched.
func drawARNoData(s *sheet, d *ArchivalNoDataReply) error {
	s.start(lookLetter)
	s.addressee(d.Applicant)
	s.title()
	s.fields(append([]field{
		{label: i18n.Text{KK: "Өтініштің нөмірі", RU: "Номер заявления"}, value: d.ApplicationNumber},
		{label: i18n.Text{KK: "Өтініш алынған күн", RU: "Дата получения заявления"}, value: dateNum(d.ReceivedOn)},
	}, personRows(d.Person)...)...)
	s.y += 6
	s.bi(s.st.body, i18n.Text{
		KK: "Сіздің өтінішіңіз бойынша арнайы қоныс аударуға жіберілген адамдарды есепке алатын автоматтандырылмаған (қағаз жүзіндегі) картотекада, сондай-ақ көрсетілетін қызметті берушінің автоматтандырылған ақпараттық жүйесінде іздеу жүргізілді. Көрсетілген адамға қатысты мәліметтер табылмады.",
		RU: "По Вашему заявлению проведен поиск в неавтоматизированной (бумажной) картотеке учета лиц, направленных на спецпоселение, а также в автоматизированной информационной системе услугодателя. Сведения в отношении указанного лица не обнаружены.",
	})
	s.y += 3
	under16 := i18n.Text{
		KK: "1939–1955 жылдары 16 жасқа толмай қоныс аударылған адамдар жеке есепке алынбаған: олар туралы мәліметтер ата-анасының деректері бойынша ізделеді.",
		RU: "Лица, переселенные в возрасте до 16 лет в 1939–1955 годах, на отдельный учет не ставились: сведения о них ищутся по данным их родителей.",
	}
	electronic := i18n.Text{
		KK: "Жауап порталдың «жеке кабинетіне» уәкілетті адамның ЭЦҚ-сымен қол қойылған электрондық құжат нысанында жіберілді.",
		RU: "Ответ направлен в «личный кабинет» портала в форме электронного документа, подписанного ЭЦП уполномоченного лица.",
	}
	h := s.biHeight(s.st.bodyItalic, under16)
	if d.Electronic {
		h += 3 + s.biHeight(s.st.body, electronic)
	}
	s.keepWithSignature(h)
	s.bi(s.st.bodyItalic, under16)
	if d.Electronic {
		s.y += 3
		s.bi(s.st.body, electronic)
	}
	s.signature(s.position(s.defaultPosition()), s.meta.Signer)
	return nil
}
