package standard

import "qyzmet/internal/i18n"

// Condition is a fact about an application that makes an item of the package
// required. The set is closed: the engine evaluates each condition against an
// application (some through a registry, such as whether the information systems
// hold a birth record), so a standard may only name the conditions listed here and
// the loader rejects any other.
type Condition string

const (
	// Rule CR-STD-8.1, AR-STD-8.1, AC-9(4): a representative needs a notarized power
	// of attorney.
	CondRepresentative Condition = "representative"
	// Rule CR-STD-5.2, CR-STD-8.4: a request about another person needs that person's
	// power of attorney (at the State Corporation) or consent (on the portal).
	CondThirdPartyRequest Condition = "third-party-request"
	// Rule CR-STD-8.1: a certificate about a minor close relative needs the birth
	// certificate only when the information systems lack it.
	CondMinorRelativeNotInRegistry Condition = "minor-relative-not-in-registry"
	// Rule CR-STD-8.2: changed former personal data not in the information systems
	// needs a document confirming the change.
	CondFormerDataChangedNotInRegistry Condition = "former-data-changed-not-in-registry"
	// Rule AR-STD-8.1: asking about relatives needs kinship documents only when the
	// information systems lack them.
	CondKinshipNotInRegistry Condition = "kinship-not-in-registry"
	// Rule AR-6.1: a person under 16 on 1 January 1940 is found through the parents,
	// whose data the applicant gives.
	CondSubjectUnder16In1940 Condition = "subject-under-16-in-1940"
	// Rule AC-9(5), AC-9-1(4), AC-10: a name change needs its document only when it
	// was not registered in Kazakhstan after 2008.
	CondNameChangedNotRegistered Condition = "name-changed-not-registered"
	// Rule AC-9(6), AC-9-1(3), AC-10, AP-STD-8: proof of the state duty only when it
	// was not paid through the payment gateway.
	CondNotPaidViaGateway Condition = "not-paid-via-gateway"
	// Rule CR-STD-8.3: a paper certificate for travel abroad ordered on the portal
	// needs a State Corporation branch chosen for its collection.
	CondTravelAbroad Condition = "travel-abroad"
)

var conditions = []struct {
	id   Condition
	name i18n.Text
}{
	{CondRepresentative, i18n.Text{
		KK: "көрсетілетін қызметті алушының мүддесін басқа адам білдіреді",
		RU: "интересы услугополучателя представляет другое лицо",
		EN: "a representative acts for the applicant",
	}},
	{CondThirdPartyRequest, i18n.Text{
		KK: "мәліметтер басқа адамға қатысты сұратылады",
		RU: "сведения запрашиваются в отношении другого лица",
		EN: "the data of another person is requested",
	}},
	{CondMinorRelativeNotInRegistry, i18n.Text{
		KK: "анықтама кәмелетке толмаған жақын туысына сұратылады және ақпараттық жүйелерде туу туралы мәліметтер жоқ",
		RU: "справка запрашивается на несовершеннолетнего близкого родственника, а в информационных системах нет сведений о рождении",
		EN: "the certificate concerns a minor close relative and the information systems lack the birth record",
	}},
	{CondFormerDataChangedNotInRegistry, i18n.Text{
		KK: "бұрынғы анықтамалық деректер (тегі, аты, әкесінің аты, туған күні) ауыстырылған және ақпараттық жүйелерде бұл туралы мәліметтер жоқ",
		RU: "прежние анкетные данные (фамилия, имя, отчество, дата рождения) изменялись, а в информационных системах нет сведений об этом",
		EN: "former personal data (surname, name, patronymic, date of birth) changed and the information systems lack the change",
	}},
	{CondKinshipNotInRegistry, i18n.Text{
		KK: "туыстарға ақпарат сұратылады және ақпараттық жүйелерде туыстық байланыстар туралы мәліметтер жоқ",
		RU: "запрашиваются сведения о родственниках, а в информационных системах нет сведений о родстве",
		EN: "information about relatives is requested and the information systems lack the kinship",
	}},
	{CondSubjectUnder16In1940, i18n.Text{
		KK: "сұрау салынған адам 1940 жылғы 1 қаңтарда он алты жасқа толмаған",
		RU: "лицу, в отношении которого направлен запрос, на 1 января 1940 года не исполнилось шестнадцати лет",
		EN: "the person concerned was under 16 on 1 January 1940",
	}},
	{CondNameChangedNotRegistered, i18n.Text{
		KK: "тегі, аты, әкесінің аты өзгертілген және өзгерту Қазақстан Республикасының аумағында 2008 жылдан кейін тіркелмеген",
		RU: "фамилия, имя, отчество изменялись, а смена не зарегистрирована на территории Республики Казахстан после 2008 года",
		EN: "the name changed and the change was not registered in Kazakhstan after 2008",
	}},
	{CondNotPaidViaGateway, i18n.Text{
		KK: "мемлекеттік баж «электрондық үкіметтің» төлем шлюзі (ЭҮТШ) арқылы төленбеген",
		RU: "государственная пошлина оплачена не через платежный шлюз «электронного правительства» (ПШЭП)",
		EN: "the state duty was not paid through the e-government payment gateway",
	}},
	{CondTravelAbroad, i18n.Text{
		KK: "шет елге шығу үшін анықтама қағаз нысанда сұратылады",
		RU: "справка запрашивается на бумажном носителе для выезда за границу",
		EN: "a paper certificate for travel abroad is requested",
	}},
}

// Conditions lists every condition a standard may name, in a fixed order.
func Conditions() []Condition {
	out := make([]Condition, len(conditions))
	for i, c := range conditions {
		out[i] = c.id
	}
	return out
}

// Valid reports whether c is one of Conditions().
func (c Condition) Valid() bool {
	for _, k := range conditions {
		if k.id == c {
			return true
		}
	}
	return false
}

// Name is the condition in the three languages.
func (c Condition) Name() i18n.Text {
	for _, k := range conditions {
		if k.id == c {
			return k.name
		}
	}
	return i18n.Text{}
}
