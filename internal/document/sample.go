package document

import (
	"slices"
	"time"

	"qyzmet/internal/calendar"
	"qyzmet/internal/i18n"
	"qyzmet/internal/standard"
)

// Samples: realistic data for every form, with Kazakh and Russian names that
// use the letters of Kazakh (Ә Ғ Қ Ң Ө Ұ Ү Һ І), for tests, the docs/forms
// renderings and `qyzmet render`. Dates fit the sample issue date, 20 March 2026.

// sampleIssued is when the sample papers are drawn up.
var sampleIssued = time.Date(2026, 3, 20, 10, 4, 0, 0, calendar.Almaty)

var sampleToday = calendar.DateOf(sampleIssued)

// Sample bodies: the territorial bodies that issue the papers in Almaty.
var (
	sampleCLSSA = i18n.Text{
		KK: "Қазақстан Республикасы Бас прокуратурасының Құқықтық статистика және арнайы есепке алу жөніндегі комитетінің Алматы қаласы бойынша басқармасы",
		RU: "Управление Комитета по правовой статистике и специальным учетам Генеральной прокуратуры Республики Казахстан по городу Алматы",
		EN: "Almaty City Department of the Committee on Legal Statistics and Special Accounts of the General Prosecutor's Office of the Republic of Kazakhstan",
	}
	sampleDEAC = i18n.Text{
		KK: "Қазақстан Республикасы Жоғарғы Сотының жанындағы Соттардың қызметін қамтамасыз ету департаментінің Алматы қаласы бойынша соттар әкімшісі",
		RU: "Администратор судов по городу Алматы Департамента по обеспечению деятельности судов при Верховном Суде Республики Казахстан",
		EN: "Administrator of Courts of Almaty, Department for Ensuring the Activity of Courts at the Supreme Court of the Republic of Kazakhstan",
	}
	sampleStateCorp = i18n.Text{
		KK: "«Азаматтарға арналған үкімет» мемлекеттік корпорациясы» КЕАҚ-ның Алматы қаласы бойынша филиалы",
		RU: "Филиал НАО «Государственная корпорация «Правительство для граждан» по городу Алматы",
		EN: "Almaty City Branch of the State Corporation “Government for Citizens”",
	}
)

// SampleMeta is the meta of a sample paper of form id: the sample date, a
// signer and an issuing body in Almaty, and for an issued form a number and an
// e-Register link.
func SampleMeta(id FormID) Meta {
	spec, _ := Spec(id)
	m := Meta{IssuedAt: sampleIssued}
	prefix := map[standard.ServiceID]string{
		standard.CriminalRecord: "CR", standard.ApostilleProsecution: "AP", standard.ArchivalCertificate: "AR",
		standard.ApostilleCourt: "AC", standard.Complaint: "CP",
	}[spec.Service]
	if prefix == "" {
		prefix = "SC"
	}
	if spec.Issued { // papers that are not issued carry no number of their own
		m.Number = "KZ-" + prefix + "-2026-00012345"
	}
	switch spec.Kind {
	case KindAcceptanceReceipt, KindRefusalReceipt:
		m.Provider, m.Signer = sampleStateCorp, "Г. Ү. Нұрпейісова"
		m.SignerTitle = i18n.Text{KK: "Бөлім басшысы", RU: "Руководитель отдела", EN: "Head of department"}
	default:
		if spec.Service == standard.ApostilleCourt {
			m.Provider, m.Signer = sampleDEAC, "Ө. Қ. Сәрсенбаева"
			m.SignerTitle = i18n.Text{KK: "Бас маман", RU: "Главный специалист", EN: "Chief specialist"}
		} else {
			m.Provider, m.Signer = sampleCLSSA, "Ж. Ә. Жиһаншин"
			m.SignerTitle = i18n.Text{KK: "Басқарма бастығы", RU: "Начальник управления", EN: "Head of department"}
		}
	}
	if spec.Issued {
		m.VerifyURL = "https://qyzmet.example/verify/" + m.Number
	}
	return m
}

var (
	sampleApplicant = Applicant{
		FullName:         "Һашимова Әйгерім Ғалымқызы",
		IIN:              "900215450129",
		IdentityDocument: "№ 045678912, 12.05.2019, ҚР ІІМ / МВД РК",
		Address:          "Алматы қ., Медеу ауданы, Көктем-1 ш/а, 15-үй, 42-пәтер",
		Phone:            "+7 701 234 56 78",
	}
	sampleApplicant2 = Applicant{
		FullName:         "Құрманғазы Нұрлан Өтегенұлы",
		IIN:              "850711300458",
		IdentityDocument: "№ 038112745, 03.09.2021, ҚР ІІМ / МВД РК",
		Address:          "Алматы қ., Әуезов ауданы, Шаңырақ ш/а, Жұлдыз к-сі, 7",
		Phone:            "+7 777 102 33 44",
	}
	sampleBirthPlace = i18n.Text{
		KK: "Шығыс Қазақстан облысы, Үржар ауданы, Үржар ауылы",
		RU: "Восточно-Казахстанская область, Урджарский район, село Урджар",
	}
	sampleBranch = i18n.Text{
		KK: "Алматы қаласы бойынша филиал, Медеу ауданы бойынша № 3 бөлім, Абай даңғылы, 10",
		RU: "Филиал по городу Алматы, отдел № 3 по Медеускому району, проспект Абая, 10",
	}
	sampleIDDocument = i18n.Text{KK: "жеке куәлік", RU: "удостоверение личности"}
)

// workingDays is d plus n working days of the calendar.
func workingDays(d calendar.Date, n int) calendar.Date {
	out, _ := calendar.Default().AddWorkingDays(d, n)
	return out
}

// groundsOf are the service's refusal grounds with the given IDs, as the
// standard in force on the sample date words them.
func groundsOf(service standard.ServiceID, ids ...string) []Ground {
	set, err := standard.Default()
	if err != nil {
		return nil
	}
	std, err := set.At(service, sampleToday)
	if err != nil || std.Refusal == nil {
		return nil
	}
	var out []Ground
	for _, g := range std.Refusal.Grounds {
		if slices.Contains(ids, g.ID) {
			out = append(out, Ground{ID: g.ID, Text: g.Name})
		}
	}
	return out
}

func serviceName(service standard.ServiceID) i18n.Text {
	if set, err := standard.Default(); err == nil {
		if std, err := set.At(service, sampleToday); err == nil {
			return std.Name
		}
	}
	return i18n.Text{}
}

func sampleCRApplication() *CriminalRecordApplication {
	return &CriminalRecordApplication{
		Applicant: sampleApplicant,
		Subject: Person{
			FullName: "Һашимова Әйгерім Ғалымқызы", IIN: "900215450129",
			BirthDate: calendar.D(1990, 2, 15), BirthPlace: sampleBirthPlace,
		},
		FormerNames:   []string{"Ғалымова Әйгерім Ғалымқызы (2014 жылға дейін / до 2014 года)"},
		TravelAbroad:  true,
		Branch:        sampleBranch,
		WithApostille: true,
		Attachments: []i18n.Text{
			sampleIDDocument,
			{KK: "неке қию туралы куәлік (тегінің өзгергенін растайтын құжат)", RU: "свидетельство о заключении брака (документ, подтверждающий смену фамилии)"},
		},
		Date: calendar.D(2026, 3, 16),
	}
}

func sampleCRCertificate() *CriminalRecordCertificate {
	return &CriminalRecordCertificate{
		FullName: "ҺАШИМОВА ӘЙГЕРІМ ҒАЛЫМҚЫЗЫ", IIN: "900215450129",
		BirthDate: calendar.D(1990, 2, 15), BirthPlace: sampleBirthPlace, AsOf: sampleToday,
	}
}

func sampleCRCertificateTravel() *CriminalRecordCertificate {
	d := sampleCRCertificate()
	d.IIN = ""
	return d
}

func sampleInterimReply() *InterimReply {
	received := calendar.D(2026, 3, 16)
	return &InterimReply{
		Applicant: sampleApplicant2, ApplicationNumber: "KZ-CR-2026-00011872", ReceivedOn: received,
		ReapplyFrom: workingDays(received, 20),
	}
}

func sampleAPApplication() *ProsecutionApostilleApplication {
	return &ProsecutionApostilleApplication{
		Applicant:      sampleApplicant,
		Document:       i18n.Text{KK: "Сотталғандығының болуы не болмауы туралы анықтама", RU: "Справка о наличии либо отсутствии судимости"},
		DocumentNumber: "KZ-CR-2026-00012345",
		DocumentDate:   calendar.D(2026, 3, 16),
		IssuedBy:       sampleCLSSA,
		Country:        i18n.Text{KK: "Германия Федеративтік Республикасы", RU: "Федеративная Республика Германия"},
		Documents:      1,
		Payment:        i18n.Text{KK: "ЭҮТШ арқылы төленді, 18.03.2026, 0,5 АЕК", RU: "оплачено через ПШЭП, 18.03.2026, 0,5 МРП"},
		Attachments:    []i18n.Text{sampleIDDocument, {KK: "апостиль қойылатын ресми құжат", RU: "официальный документ для апостилирования"}},
		Date:           calendar.D(2026, 3, 18),
	}
}

func sampleJournal() *ApostilleJournal {
	return &ApostilleJournal{
		From: calendar.D(2026, 3, 1), To: calendar.D(2026, 3, 31),
		Entries: []JournalEntry{
			{
				ReceivedOn: calendar.D(2026, 3, 2), Applicant: "Жақсылықов Ерұлан Бақытжанұлы", IIN: "771122300997",
				Document: "Қылмыстық істі тоқтату туралы қаулы / Постановление о прекращении уголовного дела № 241-2026, 12.02.2026",
				SignedBy: "Д. Ә. Сұлтанбеков, прокурор Медеуского района г. Алматы",
				Country:  "Түркия / Турция", Payment: "ЭҮТШ / ПШЭП, 02.03.2026",
				ApostilleNumber: "KZ-AP-2026-00011902", ApostilleDate: calendar.D(2026, 3, 5), HandedOverOn: calendar.D(2026, 3, 6),
			},
			{
				ReceivedOn: calendar.D(2026, 3, 4), Applicant: "Иванова Мария Сергеевна", IIN: "880412400563",
				Document: "Справка о наличии либо отсутствии судимости № KZ-CR-2026-00010077, 03.03.2026",
				SignedBy: "Ж. Ә. Жиһаншин, начальник управления КПСиСУ по г. Алматы",
				Country:  "Италия", Payment: "квитанция № 000731, 04.03.2026",
				ApostilleNumber: "KZ-AP-2026-00011955", ApostilleDate: calendar.D(2026, 3, 10), HandedOverOn: calendar.D(2026, 3, 11),
			},
			{
				ReceivedOn: calendar.D(2026, 3, 16), Applicant: "Һашимова Әйгерім Ғалымқызы", IIN: "900215450129",
				Document: "Анықтама / Справка № KZ-CR-2026-00012345, 16.03.2026",
				SignedBy: "Ж. Ә. Жиһаншин, Басқарма бастығы / начальник управления",
				Country:  "Германия", Payment: "ЭҮТШ / ПШЭП, 18.03.2026",
				Refusal: "KZ-AP-2026-00012345, 20.03.2026",
			},
		},
	}
}

func sampleApostille(body i18n.Text) *Apostille {
	return &Apostille{
		Country:  i18n.Text{KK: "Қазақстан Республикасы", RU: "Республика Казахстан", EN: "Republic of Kazakhstan"},
		SignedBy: "Ж. Ә. Жиһаншин",
		Capacity: i18n.Text{KK: "Басқарма бастығы", RU: "Начальник управления", EN: "Head of department"},
		SealOf:   body,
		Place:    i18n.Text{KK: "Алматы", RU: "Алматы", EN: "Almaty"},
		Document: i18n.Text{
			KK: "Соттылықтың болуы не болмауы туралы анықтама (шет елге шығу үшін)",
			RU: "Справка о наличии либо отсутствии судимости (для выезда за границу)",
			EN: "Certificate of presence or absence of a criminal record (for travel abroad)",
		},
		DocumentNumber: "KZ-CR-2026-00012345",
		DocumentDate:   calendar.D(2026, 3, 16),
		DocumentPages:  1,
	}
}

func sampleApostilleProsecution() *Apostille { return sampleApostille(sampleCLSSA) }

func sampleApostilleCourt() *Apostille {
	a := sampleApostille(i18n.Text{
		KK: "Алматы қаласы Медеу аудандық соты", RU: "Медеуский районный суд города Алматы", EN: "Medeu District Court of Almaty",
	})
	a.SignedBy = "Ә. Ғ. Тұрсынбаев"
	a.Capacity = i18n.Text{KK: "Судья", RU: "Судья", EN: "Judge"}
	a.Document = i18n.Text{
		KK: "Некені бұзу туралы сот шешімінің көшірмесі",
		RU: "Копия решения суда о расторжении брака",
		EN: "Copy of the court decision on divorce",
	}
	a.DocumentNumber = "7511-25-00-2/4482"
	a.DocumentDate = calendar.D(2025, 12, 12)
	a.DocumentPages = 3
	return a
}

func sampleHearingNotice(service standard.ServiceID, grounds []Ground, reasons i18n.Text) *HearingNotice {
	received := calendar.D(2026, 3, 16)
	return &HearingNotice{
		Applicant: sampleApplicant2, ApplicationNumber: "KZ-" + map[standard.ServiceID]string{standard.ApostilleProsecution: "AP", standard.ArchivalCertificate: "AR", standard.ApostilleCourt: "AC"}[service] + "-2026-00011990",
		ReceivedOn: received, Deadline: workingDays(received, 8),
		Grounds: grounds, Reasons: reasons,
		HearingAt: time.Date(2026, 3, 24, 11, 0, 0, 0, calendar.Almaty),
		Method:    "in-person",
		Place:     i18n.Text{KK: "Алматы қ., Абай даңғылы, 52, 314-кабинет", RU: "г. Алматы, проспект Абая, 52, кабинет 314"},
		Contact:   "+7 727 261 44 10, almaty@pravstat.example",
	}
}

var (
	sampleReasonsAC = i18n.Text{
		KK: "Ұсынылған сот актісінің көшірмесі соттың мөрімен куәландырылмаған.",
		RU: "Представленная копия судебного акта не заверена печатью суда.",
	}
	sampleReasonsAP = i18n.Text{
		KK: "Ұсынылған қаулыдағы қол қолтаңбалар мен мөрлер үлгілерінің картотекасындағы үлгіге сәйкес келмейді.",
		RU: "Подпись на представленном постановлении не соответствует образцу в картотеке образцов подписей и печатей.",
	}
	sampleReasonsAR = i18n.Text{
		KK: "Сұралған адам 1940 жылғы 1 қаңтарда 16 жасқа толмаған; ата-анасының деректері көрсетілмеген.",
		RU: "Лицо, о котором запрошены сведения, не достигло 16 лет на 1 января 1940 года; данные родителей не указаны.",
	}
)

func sampleHearingNoticeAP() *HearingNotice {
	return sampleHearingNotice(standard.ApostilleProsecution, groundsOf(standard.ApostilleProsecution, "unreliable"), sampleReasonsAP)
}

func sampleHearingNoticeAR() *HearingNotice {
	return sampleHearingNotice(standard.ArchivalCertificate, groundsOf(standard.ArchivalCertificate, "non-compliant"), sampleReasonsAR)
}

func sampleHearingNoticeAC() *HearingNotice {
	n := sampleHearingNotice(standard.ApostilleCourt, groundsOf(standard.ApostilleCourt, "non-compliant"), sampleReasonsAC)
	n.ApplicationNumber = "KZ-AC-2026-00011990"
	n.Deadline = workingDays(n.ReceivedOn, 5)
	n.HearingAt = time.Date(2026, 3, 24, 15, 0, 0, 0, calendar.Almaty)
	n.Method = "video"
	n.Place = i18n.Text{KK: "https://meet.sud.example/h/7511", RU: "https://meet.sud.example/h/7511"}
	n.Contact = "+7 727 271 60 00"
	return n
}

func sampleHearingMinutesAC() *HearingMinutes {
	m := sampleHearingMinutes(groundsOf(standard.ApostilleCourt, "non-compliant"), "KZ-AC-2026-00011990")
	m.HeldAt = time.Date(2026, 3, 24, 15, 0, 0, 0, calendar.Almaty)
	m.Method = "video"
	m.Place = i18n.Text{KK: "https://meet.sud.example/h/7511", RU: "https://meet.sud.example/h/7511"}
	m.Participants = []Participant{
		{Name: "Ө. Қ. Сәрсенбаева", Role: i18n.Text{KK: "бас маман, төрағалық етуші", RU: "главный специалист, председательствующий"}},
		{Name: "Һашимова Әйгерім Ғалымқызы", Role: i18n.Text{KK: "көрсетілетін қызметті алушы", RU: "услугополучатель"}},
	}
	m.Applicant = sampleApplicant
	m.ApplicantPosition = "Өтініш беруші сот актісінің куәландырылған көшірмесін ұсына алмады. / Заявитель не смогла представить заверенную копию судебного акта."
	m.NewDocuments = nil
	m.Outcome = "refusal"
	return m
}

func sampleHearingMinutes(grounds []Ground, number string) *HearingMinutes {
	return &HearingMinutes{
		ApplicationNumber: number, Applicant: sampleApplicant2,
		HeldAt: time.Date(2026, 3, 24, 11, 0, 0, 0, calendar.Almaty), Method: "in-person",
		Place: i18n.Text{KK: "Алматы қ., Абай даңғылы, 52, 314-кабинет", RU: "г. Алматы, проспект Абая, 52, кабинет 314"},
		Participants: []Participant{
			{Name: "Ж. Ә. Жиһаншин", Role: i18n.Text{KK: "басқарма бастығы, төрағалық етуші", RU: "начальник управления, председательствующий"}},
			{Name: "Р. Ө. Бейсенқұлова", Role: i18n.Text{KK: "бас прокурор-криминалист, хатшы", RU: "старший прокурор-криминалист, секретарь"}},
			{Name: "Құрманғазы Нұрлан Өтегенұлы", Role: i18n.Text{KK: "көрсетілетін қызметті алушы", RU: "услугополучатель"}},
		},
		Grounds:           grounds,
		ApplicantPosition: "Өтініш беруші құжатқа тергеушінің өзі қол қойғанын, ал қол үлгісі 2025 жылы ауысқанын мәлімдеді. / Заявитель пояснил, что документ подписан самим следователем, а образец подписи сменился в 2025 году.",
		NewDocuments:      []i18n.Text{{KK: "тергеу бөлімінің 18.03.2026 № 12-4/117 хаты", RU: "письмо следственного отдела от 18.03.2026 № 12-4/117"}},
		Outcome:           "service",
	}
}

func sampleHearingMinutesAP() *HearingMinutes {
	return sampleHearingMinutes(groundsOf(standard.ApostilleProsecution, "unreliable"), "KZ-AP-2026-00011990")
}

func sampleHearingMinutesAR() *HearingMinutes {
	m := sampleHearingMinutes(groundsOf(standard.ArchivalCertificate, "non-compliant"), "KZ-AR-2026-00011990")
	m.ApplicantPosition = "Өтініш беруші әкесінің деректерін ұсынды: Бейсембаев Омар (1901 ж.т.). / Заявитель представил данные отца: Бейсембаев Омар (1901 г.р.)."
	m.NewDocuments = []i18n.Text{{KK: "туу туралы куәліктің көшірмесі", RU: "копия свидетельства о рождении"}}
	return m
}

func sampleRefusal(service standard.ServiceID, grounds []Ground, reasons, subject i18n.Text, hearing bool) *MotivatedRefusal {
	r := &MotivatedRefusal{
		Applicant: sampleApplicant2, ApplicationNumber: "KZ-" + map[standard.ServiceID]string{
			standard.ApostilleProsecution: "AP", standard.ArchivalCertificate: "AR", standard.ApostilleCourt: "AC"}[service] + "-2026-00011990",
		ReceivedOn: calendar.D(2026, 3, 16), Subject: subject, Grounds: grounds, Reasons: reasons,
	}
	if hearing {
		r.HearingOn = calendar.D(2026, 3, 19)
	}
	return r
}

func sampleRefusalAP() *MotivatedRefusal {
	return sampleRefusal(standard.ApostilleProsecution, groundsOf(standard.ApostilleProsecution, "unreliable"), sampleReasonsAP,
		i18n.Text{KK: "Қылмыстық істі тоқтату туралы қаулыға апостиль қою", RU: "Проставление апостиля на постановлении о прекращении уголовного дела"}, true)
}

func sampleRefusalAR() *MotivatedRefusal {
	return sampleRefusal(standard.ArchivalCertificate, groundsOf(standard.ArchivalCertificate, "non-compliant"), sampleReasonsAR,
		i18n.Text{KK: "Бейсембаева Күлпаш Омарқызы (1931 ж.т.) туралы архивтік анықтама", RU: "Архивная справка о Бейсембаевой Кулпаш Омаровне (1931 г.р.)"}, true)
}

func sampleRefusalAC() *MotivatedRefusal {
	return sampleRefusal(standard.ApostilleCourt, groundsOf(standard.ApostilleCourt, "non-compliant"), sampleReasonsAC,
		i18n.Text{KK: "Некені бұзу туралы сот шешімінің көшірмесіне апостиль қою", RU: "Проставление апостиля на копии решения суда о расторжении брака"}, true)
}

var sampleDeported = ArchivalPerson{
	FullName: "Бейсембаева Күлпаш Омарқызы", BirthYear: 1931,
	BirthPlace:   i18n.Text{KK: "Шешен-Ингуш АКСР, Грозный қаласы", RU: "Чечено-Ингушская АССР, город Грозный"},
	Nationality:  i18n.Text{KK: "шешен", RU: "чеченка"},
	DeportedFrom: i18n.Text{KK: "Шешен-Ингуш АКСР", RU: "Чечено-Ингушская АССР"},
	SettledIn:    i18n.Text{KK: "Қазақ КСР, Ақмола облысы, Макинка ауданы", RU: "Казахская ССР, Акмолинская область, Макинский район"},
}

func sampleARApplication() *ArchivalApplication {
	return &ArchivalApplication{
		Applicant: sampleApplicant2, Person: sampleDeported,
		Relation:   i18n.Text{KK: "әжесі", RU: "бабушка"},
		Father:     "Бейсембаев Омар (1901 ж.т. / г.р.)",
		Mother:     "Бейсембаева Зейнеп (1905 ж.т. / г.р.)",
		Purpose:    i18n.Text{KK: "саяси қуғын-сүргін құрбаны ретінде ақталу үшін", RU: "для реабилитации как жертвы политических репрессий"},
		WithCopies: true, Branch: sampleBranch,
		Attachments: []i18n.Text{sampleIDDocument, {KK: "туыстығын растайтын құжаттар (туу туралы куәліктер)", RU: "документы, подтверждающие родство (свидетельства о рождении)"}},
		Date:        calendar.D(2026, 3, 10),
	}
}

func sampleARCertificate() *ArchivalCertificate {
	return &ArchivalCertificate{
		Applicant: sampleApplicant2, ApplicationNumber: "KZ-AR-2026-00011871", ReceivedOn: calendar.D(2026, 3, 10),
		Person: sampleDeported, DeportedYear: 1944,
		RegisteredOn: calendar.D(1944, 3, 12), ReleasedOn: calendar.D(1956, 7, 16),
		ReleaseBasis: i18n.Text{
			KK: "КСРО Жоғарғы Кеңесі Төралқасының 1956 жылғы 16 шілдедегі Жарлығы",
			RU: "Указ Президиума Верховного Совета СССР от 16 июля 1956 года",
		},
		Notes: i18n.Text{
			KK: "Әкесі Бейсембаев Омармен (1901 ж.т.) және анасы Бейсембаева Зейнеппен (1905 ж.т.) бірге есепке алынған.",
			RU: "Состояла на учете вместе с отцом Бейсембаевым Омаром (1901 г.р.) и матерью Бейсембаевой Зейнеп (1905 г.р.).",
		},
		Source:       "Ф. 2, оп. 1, д. 7743, л. 15–17",
		CopiesSheets: 3,
	}
}

func sampleARNoData() *ArchivalNoDataReply {
	p := sampleDeported
	p.FullName, p.BirthYear = "Әбдірахманов Сұлтанғали Үмбетұлы", 1912
	p.Nationality = i18n.Text{KK: "қазақ", RU: "казах"}
	p.BirthPlace, p.DeportedFrom, p.SettledIn = i18n.Text{}, i18n.Text{}, i18n.Text{}
	return &ArchivalNoDataReply{
		Applicant: sampleApplicant2, ApplicationNumber: "KZ-AR-2026-00011880", ReceivedOn: calendar.D(2026, 3, 11),
		Person: p, Electronic: true,
	}
}

func sampleACApplication() *CourtApostilleApplication {
	return &CourtApostilleApplication{
		Applicant: sampleApplicant,
		Document: i18n.Text{
			KK: "Алматы қаласы Медеу аудандық сотының 2025 жылғы 12 желтоқсандағы некені бұзу туралы шешімінің",
			RU: "решение Медеуского районного суда города Алматы от 12 декабря 2025 года о расторжении брака",
		},
		Country:     i18n.Text{KK: "Германия Федеративтік Республикасы", RU: "Федеративная Республика Германия"},
		Attachments: []i18n.Text{sampleIDDocument, {KK: "сот шешімінің көшірмесі", RU: "копия решения суда"}, {KK: "мемлекеттік баж төленгенін растайтын құжат", RU: "документ об оплате государственной пошлины"}},
		Date:        calendar.D(2026, 3, 18),
		AcceptedBy:  "Г. Ү. Нұрпейісова",
		AcceptedOn:  calendar.D(2026, 3, 18),
		IssueOn:     calendar.D(2026, 3, 19),
	}
}

func sampleRefusalReceipt() *RefusalToAcceptReceipt {
	return &RefusalToAcceptReceipt{
		Recipient:     "Һашимова Әйгерім Ғалымқызы",
		Address:       sampleApplicant.Address,
		Department:    "3",
		BranchAddress: i18n.Text{KK: "Алматы қ., Абай даңғылы, 10 мекенжайы бойынша", RU: "адресу: г. Алматы, проспект Абая, 10,"},
		Missing: []i18n.Text{
			{KK: "апостиль қою үшін ұсынылатын сот органдарынан шығатын ресми құжат", RU: "официальный документ, исходящий из судебных органов, представляемый для апостилирования"},
			{KK: "мемлекеттік баждың төленгенін растайтын құжат", RU: "документ, подтверждающий оплату государственной пошлины"},
		},
		Executor:      "Жаңабаев Ерғали Құдайбергенұлы",
		ExecutorPhone: "+7 727 300 14 14",
	}
}

func sampleAcceptanceReceipt() *AcceptanceReceipt {
	received := time.Date(2026, 3, 20, 9, 41, 0, 0, calendar.Almaty)
	return &AcceptanceReceipt{
		ApplicationNumber: "KZ-AC-2026-00012001",
		Service:           serviceName(standard.ApostilleCourt),
		Applicant:         sampleApplicant,
		Documents: []i18n.Text{
			{KK: "өтініш (1-қосымша)", RU: "заявление (приложение 1)"},
			{KK: "жеке куәлік (сәйкестендіру үшін)", RU: "удостоверение личности (для идентификации)"},
			{KK: "сот шешімінің көшірмесі, 3 парақ", RU: "копия решения суда, 3 листа"},
		},
		ReceivedAt: received,
		ReadyOn:    workingDays(calendar.DateOf(received), 1),
		CollectAt:  sampleBranch,
		AcceptedBy: "Г. Ү. Нұрпейісова",
		Department: i18n.Text{KK: "Медеу ауданы бойынша № 3 бөлім", RU: "отдел № 3 по Медеускому району"},
	}
}

func sampleComplaintTalon() *ComplaintTalon {
	registered := time.Date(2026, 3, 20, 9, 15, 0, 0, calendar.Almaty)
	return &ComplaintTalon{
		RegisteredAt:       registered,
		RegistrationNumber: "C-2026-000117",
		Complainant:        "Құрманғазы Нұрлан Өтегенұлы",
		About:              i18n.Text{KK: "архивтік анықтама беру мерзімінің бұзылуы", RU: "нарушение срока выдачи архивной справки"},
		ApplicationNumber:  "KZ-AR-2026-00011871",
		AcceptedBy:         "Р. Ө. Бейсенқұлова",
		ReplyBy:            workingDays(calendar.DateOf(registered), 5),
		ReplyPlace:         i18n.Text{KK: "«жеке кабинетке» және поштамен", RU: "в «личный кабинет» и почтой"},
		Contact:            "1414, +7 727 261 44 10",
	}
}

func sampleComplaintReply() *ComplaintReply {
	return &ComplaintReply{
		Complainant:        Applicant{FullName: "Құрманғазы Нұрлан Өтегенұлы", IIN: sampleApplicant.IIN, Address: sampleApplicant.Address, Phone: sampleApplicant.Phone},
		RegistrationNumber: "C-2026-000117",
		RegisteredOn:       calendar.D(2026, 3, 20),
		About:              i18n.Text{KK: "архивтік анықтама беру мерзімінің бұзылуы", RU: "нарушение срока выдачи архивной справки"},
		ApplicationNumber:  "KZ-AR-2026-00011871",
		Outcome:            "upheld",
		Reasons: i18n.Text{
			KK: "Архивтік анықтама 8 жұмыс күнінің орнына 11 жұмыс күнінде берілді. Жауапты маманға тәртіптік жаза қолданылды.",
			RU: "Архивная справка выдана за 11 рабочих дней вместо 8. К ответственному специалисту применено дисциплинарное взыскание.",
		},
	}
}
