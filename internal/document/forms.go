package document

import (
	"fmt"

	"qyzmet/internal/i18n"
	"qyzmet/internal/standard"
)

// Titles printed on more than one form.
var (
	titleCRCertificate = i18n.Text{
		KK: "Соттылықтың болуы не болмауы туралы АНЫҚТАМА",
		RU: "СПРАВКА о наличии либо отсутствии судимости",
		EN: "CERTIFICATE of presence or absence of a criminal record",
	}
	titleHearingNotice = i18n.Text{
		KK: "Мемлекеттік қызметті көрсетуден бас тарту туралы алдын ала шешім және тыңдау туралы хабарлама",
		RU: "Уведомление о предварительном решении об отказе в оказании государственной услуги и о заслушивании",
		EN: "Notice of the preliminary decision to refuse the state service and of the hearing",
	}
	titleHearingMinutes = i18n.Text{
		KK: "Тыңдау хаттамасы",
		RU: "Протокол заслушивания",
		EN: "Minutes of the hearing",
	}
	// AP and AR word the refusal "уәжді жауап" (AP-STD-5, AR-STD-5).
	titleRefusalCLSSA = i18n.Text{
		KK: "Мемлекеттік қызметті көрсетуден бас тарту туралы уәжді жауап",
		RU: "Мотивированный ответ об отказе в оказании государственной услуги",
		EN: "Motivated refusal to provide the state service",
	}
	titleApostille = i18n.Text{
		KK: "Апостиль (1961 жылғы 5 қазандағы Гаага конвенциясы)",
		RU: "Апостиль (Гаагская конвенция от 5 октября 1961 года)",
		EN: "APOSTILLE (Convention de La Haye du 5 octobre 1961)",
	}
)

// registry is every form, in the order Forms returns them.
var registry = []form{
	entry(FormSpec{ID: CRApplication, Kind: KindApplication, Service: standard.CriminalRecord, Rule: "CR-STD-8.1", Languages: kkru,
		Title: i18n.Text{
			KK: "Соттылықтың болуы не болмауы туралы анықтама беру туралы арыз",
			RU: "Заявление о выдаче справки о наличии либо отсутствии судимости",
			EN: "Application for a certificate of presence or absence of a criminal record",
		}},
		sampleCRApplication, drawCRApplication),
	entry(FormSpec{ID: CRCertificate, Kind: KindCertificate, Service: standard.CriminalRecord, Rule: "CR-STD-5.1", Languages: kkru,
		Issued: true, Title: titleCRCertificate},
		sampleCRCertificate, drawCRCertificate),
	entry(FormSpec{ID: CRCertificateTravel, Kind: KindCertificate, Service: standard.CriminalRecord, Rule: "CR-F5", Languages: kkru,
		Issued: true, Title: titleCRCertificate},
		sampleCRCertificateTravel, drawCRCertificateTravel),
	entry(FormSpec{ID: CRInterimReply, Kind: KindInterimReply, Service: standard.CriminalRecord, Rule: "CR-STD-3.4", Languages: kkru,
		Issued: true, Title: i18n.Text{KK: "Аралық жауап", RU: "Промежуточный ответ", EN: "Interim reply"}},
		sampleInterimReply, drawInterimReply),
	entry(FormSpec{ID: APApplication, Kind: KindApplication, Service: standard.ApostilleProsecution, Rule: "AP-STD-8", Languages: kkru,
		Title: i18n.Text{
			KK: "Ресми құжатқа апостиль қою туралы арыз",
			RU: "Заявление о проставлении апостиля на официальном документе",
			EN: "Application for an apostille on an official document",
		}},
		sampleAPApplication, drawAPApplication),
	entry(FormSpec{ID: APJournal, Kind: KindJournal, Service: standard.ApostilleProsecution, Rule: "AP-6.1", Languages: kkru,
		Title: i18n.Text{
			KK: "Апостиль қойылған құжаттарды есепке алу журналы",
			RU: "Журнал учета апостилированных документов",
			EN: "Journal of apostilled documents",
		}},
		sampleJournal, drawJournal),
	entry(FormSpec{ID: APApostille, Kind: KindApostille, Service: standard.ApostilleProsecution, Rule: "AP-6.3", Languages: kkruen,
		Issued: true, Title: titleApostille},
		sampleApostilleProsecution, drawApostille),
	entry(FormSpec{ID: APHearingNotice, Kind: KindHearingNotice, Service: standard.ApostilleProsecution, Rule: "AP-6.4", Languages: kkru,
		Issued: true, Title: titleHearingNotice},
		sampleHearingNoticeAP, drawHearingNotice),
	entry(FormSpec{ID: APHearingMinutes, Kind: KindHearingMinutes, Service: standard.ApostilleProsecution, Rule: "AP-6.4", Languages: kkru,
		Title: titleHearingMinutes},
		sampleHearingMinutesAP, drawHearingMinutes),
	entry(FormSpec{ID: APRefusal, Kind: KindMotivatedRefusal, Service: standard.ApostilleProsecution, Rule: "AP-STD-9", Languages: kkru,
		Issued: true, Title: titleRefusalCLSSA},
		sampleRefusalAP, drawRefusal),
	entry(FormSpec{ID: ARApplication, Kind: KindApplication, Service: standard.ArchivalCertificate, Rule: "AR-4", Languages: kkru,
		Title: i18n.Text{
			KK: "Архивтік анықтамаларды және/немесе архивтік құжаттардың көшірмелерін беру туралы арыз",
			RU: "Заявление о выдаче архивных справок и (или) копий архивных документов",
			EN: "Application for archival certificates and/or copies of archival documents",
		}},
		sampleARApplication, drawARApplication),
	entry(FormSpec{ID: ARCertificate, Kind: KindCertificate, Service: standard.ArchivalCertificate, Rule: "AR-6.4", Languages: kkru,
		Issued: true, Title: i18n.Text{KK: "Архивтік анықтама", RU: "Архивная справка", EN: "Archival certificate"}},
		sampleARCertificate, drawARCertificate),
	entry(FormSpec{ID: ARNoData, Kind: KindNoDataReply, Service: standard.ArchivalCertificate, Rule: "AR-STD-5", Languages: kkru,
		Issued: true, Title: i18n.Text{
			KK: "Сұралған мәліметтердің жоқтығы туралы жауап",
			RU: "Ответ об отсутствии запрашиваемых сведений",
			EN: "Reply that the requested data are not held",
		}},
		sampleARNoData, drawARNoData),
	entry(FormSpec{ID: ARHearingNotice, Kind: KindHearingNotice, Service: standard.ArchivalCertificate, Rule: "AR-6.2", Languages: kkru,
		Issued: true, Title: titleHearingNotice},
		sampleHearingNoticeAR, drawHearingNotice),
	entry(FormSpec{ID: ARHearingMinutes, Kind: KindHearingMinutes, Service: standard.ArchivalCertificate, Rule: "AR-6.2", Languages: kkru,
		Title: titleHearingMinutes},
		sampleHearingMinutesAR, drawHearingMinutes),
	entry(FormSpec{ID: ARRefusal, Kind: KindMotivatedRefusal, Service: standard.ArchivalCertificate, Rule: "AR-STD-9", Languages: kkru,
		Issued: true, Title: titleRefusalCLSSA},
		sampleRefusalAR, drawRefusal),
	entry(FormSpec{ID: ACApplication, Kind: KindApplication, Service: standard.ApostilleCourt, Rule: "AC-F1", Languages: kkru,
		Title: i18n.Text{KK: "Өтініш", RU: "Заявление", EN: "Application"}},
		sampleACApplication, drawACApplication),
	entry(FormSpec{ID: ACRefusalReceipt, Kind: KindRefusalReceipt, Service: standard.ApostilleCourt, Rule: "AC-F2", Languages: kkru,
		Issued: true, Title: i18n.Text{
			KK: "Құжаттарды қабылдаудан бас тарту туралы қолхат",
			RU: "Расписка об отказе в приеме документов",
			EN: "Receipt of refusal to accept documents",
		}},
		sampleRefusalReceipt, drawRefusalReceipt),
	entry(FormSpec{ID: ACApostille, Kind: KindApostille, Service: standard.ApostilleCourt, Rule: "AC-6", Languages: kkruen,
		Issued: true, Title: titleApostille},
		sampleApostilleCourt, drawApostille),
	// The 2019 AC text has no hearing, but the project holds one before every
	// refusal (standards/apostille-court.yaml cites AC-15-1 for it).
	entry(FormSpec{ID: ACHearingNotice, Kind: KindHearingNotice, Service: standard.ApostilleCourt, Rule: "AC-15-1", Languages: kkru,
		Issued: true, Title: titleHearingNotice},
		sampleHearingNoticeAC, drawHearingNotice),
	entry(FormSpec{ID: ACHearingMinutes, Kind: KindHearingMinutes, Service: standard.ApostilleCourt, Rule: "AC-15-1", Languages: kkru,
		Title: titleHearingMinutes},
		sampleHearingMinutesAC, drawHearingMinutes),
	// AC words the refusal "дәлелді жауап" / "мотивированный отказ" (AC-6).
	entry(FormSpec{ID: ACRefusal, Kind: KindMotivatedRefusal, Service: standard.ApostilleCourt, Rule: "AC-15-1", Languages: kkru,
		Issued: true, Title: i18n.Text{
			KK: "Мемлекеттік қызмет көрсетуден бас тарту туралы дәлелді жауап",
			RU: "Мотивированный отказ в оказании государственной услуги",
			EN: "Motivated refusal to provide the state service",
		}},
		sampleRefusalAC, drawRefusal),
	entry(FormSpec{ID: SCAcceptanceReceipt, Kind: KindAcceptanceReceipt, Rule: "AC-12", Languages: kkru,
		Issued: true, Title: i18n.Text{
			KK: "Құжаттарды қабылдау туралы қолхат",
			RU: "Расписка о приеме документов",
			EN: "Receipt of accepted documents",
		}},
		sampleAcceptanceReceipt, drawAcceptanceReceipt),
	entry(FormSpec{ID: CPComplaintTalon, Kind: KindComplaintTalon, Service: standard.Complaint, Rule: "CP-7", Languages: kkru,
		Issued: true, Title: i18n.Text{
			KK: "Шағымды қабылдау туралы талон",
			RU: "Талон о принятии жалобы",
			EN: "Talon of acceptance of a complaint",
		}},
		sampleComplaintTalon, drawComplaintTalon),
	entry(FormSpec{ID: CPComplaintReply, Kind: KindComplaintReply, Service: standard.Complaint, Rule: "CP-7", Languages: kkru,
		Issued: true, Title: i18n.Text{
			KK: "Шағымды қарау нәтижелері туралы дәлелді жауап",
			RU: "Мотивированный ответ о результатах рассмотрения жалобы",
			EN: "Motivated reply on the review of a complaint",
		}},
		sampleComplaintReply, drawComplaintReply),
}

// entry makes a registry entry for data of type *T; FormSpec.Data names that
// type, so the spec and the renderer never disagree.
func entry[T any, PT interface {
	*T
	checker
}](spec FormSpec, sample func() *T, draw func(s *sheet, d *T) error) form {
	spec.Data = fmt.Sprintf("%T", (*T)(nil))
	return form{spec: spec, sample: func() any { return sample() }, render: renderer[T, PT](draw)}
}
