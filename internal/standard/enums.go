package standard

import (
	"slices"

	"qyzmet/internal/i18n"
)

// ServiceID names a service; it is also the name of the service's YAML file.
type ServiceID string

// The services the regulations define (DIGEST.md sections 1–5). A new service is a
// new YAML file; these constants exist only for code that names one of these.
const (
	CriminalRecord       ServiceID = "criminal-record"       // section 1, CR
	ApostilleProsecution ServiceID = "apostille-prosecution" // section 2, AP
	ArchivalCertificate  ServiceID = "archival-certificate"  // section 3, AR
	ApostilleCourt       ServiceID = "apostille-court"       // section 4, AC
	Complaint            ServiceID = "complaint"             // section 5, CP
)

// serviceOrder is the order of the digest; services not listed sort after it by name.
var serviceOrder = []ServiceID{CriminalRecord, ApostilleProsecution, ArchivalCertificate, ApostilleCourt, Complaint}

// Channel is a way to apply and to receive the result.
type Channel string

const (
	Portal         Channel = "portal"
	StateCorp      Channel = "state-corp"
	ProviderOffice Channel = "provider-office"
	Consulate      Channel = "consulate"
)

var channels = map[Channel]i18n.Text{
	Portal: {
		KK: "«Электрондық үкімет» веб-порталы (www.egov.kz)",
		RU: "веб-портал «электронного правительства» (www.egov.kz)",
		EN: "e-government portal (www.egov.kz)",
	},
	StateCorp: {
		KK: "«Азаматтарға арналған үкімет» мемлекеттік корпорациясы",
		RU: "Государственная корпорация «Правительство для граждан»",
		EN: "State Corporation “Government for Citizens”",
	},
	ProviderOffice: {
		KK: "көрсетілетін қызметті берушінің кеңсесі",
		RU: "канцелярия услугодателя",
		EN: "the provider's office",
	},
	Consulate: {
		KK: "Қазақстан Республикасының дипломатиялық өкілдіктері мен консулдық мекемелері",
		RU: "дипломатические представительства и консульские учреждения Республики Казахстан",
		EN: "diplomatic missions and consular offices of Kazakhstan",
	},
}

// Valid reports whether c is one of the four channels.
func (c Channel) Valid() bool { _, ok := channels[c]; return ok }

// Name is the channel's generic name; a standard may name it more precisely
// (Standard.ChannelName).
func (c Channel) Name() i18n.Text { return channels[c] }

// Office is the kind of office whose working hours govern the channel.
func (c Channel) Office() OfficeKind {
	// Rule AC-3: a consulate's request reaches the provider through its office.
	switch c {
	case Portal:
		return OfficePortal
	case StateCorp:
		return OfficeStateCorp
	}
	return OfficeProvider
}

// DepartmentClass is the class of a State Corporation department; deadlines differ
// by class (CR-STD-3.1, AP-STD-3, AR-STD-3, AC-4.1). Which department has which
// class is data kept elsewhere.
type DepartmentClass string

const (
	Major DepartmentClass = "major"
	Other DepartmentClass = "other"
)

var classes = map[DepartmentClass]i18n.Text{
	Major: {
		KK: "облыс орталығындағы, республикалық маңызы бар қаладағы немесе астанадағы бөлім",
		RU: "отдел в областном центре, городе республиканского значения или столице",
		EN: "major department (oblast centre, city of republican significance or the capital)",
	},
	Other: {
		KK: "Мемлекеттік корпорация филиалының басқа бөлімі",
		RU: "другой отдел филиала Государственной корпорации",
		EN: "other department",
	},
}

// Valid reports whether c is major or other (the empty class is not valid here).
func (c DepartmentClass) Valid() bool { _, ok := classes[c]; return ok }

// Name is the class's name.
func (c DepartmentClass) Name() i18n.Text { return classes[c] }

// Path is a variant of a service's procedure that has deadlines of its own.
type Path string

const (
	PathStandard        Path = ""
	PathTravelAbroad    Path = "travel-abroad"    // CR-3, CR-STD-3.1: paper certificate for travel abroad
	PathAdditionalCheck Path = "additional-check" // CR-STD-3.1: an additional reference check
	PathForward         Path = "forward"          // CP-2: the appealed body forwards or satisfies the complaint
	PathQualityControl  Path = "quality-control"  // CP-4: complaint to the quality-control body
)

var paths = map[Path]i18n.Text{
	PathStandard:        {KK: "жалпы тәртіп", RU: "общий порядок", EN: "standard"},
	PathTravelAbroad:    {KK: "шет елге шығу үшін", RU: "для выезда за границу", EN: "for travel abroad"},
	PathAdditionalCheck: {KK: "қосымша анықтамалық тексеріс", RU: "дополнительная справочная проверка", EN: "additional reference check"},
	PathForward: {
		KK: "шағымды қарайтын органға жіберу не шағымды қанағаттандыру",
		RU: "направление жалобы в орган, рассматривающий жалобу, либо её удовлетворение",
		EN: "forwarding the complaint to the reviewing body, or satisfying it",
	},
	PathQualityControl: {
		KK: "мемлекеттік қызметтер көрсету сапасын бағалау және бақылау жөніндегі уәкілетті орган",
		RU: "уполномоченный орган по оценке и контролю за качеством оказания государственных услуг",
		EN: "the authorized body for assessing and controlling the quality of state services",
	},
}

// Valid reports whether p is a known path (the standard path "" included).
func (p Path) Valid() bool { _, ok := paths[p]; return ok }

// Name is the path's name.
func (p Path) Name() i18n.Text { return paths[p] }

// OfficeKind is a kind of office with working hours of its own.
type OfficeKind string

const (
	OfficeProvider  OfficeKind = "provider"
	OfficeStateCorp OfficeKind = "state-corp"
	OfficePortal    OfficeKind = "portal"
)

var offices = map[OfficeKind]i18n.Text{
	OfficeProvider:  {KK: "көрсетілетін қызметті беруші", RU: "услугодатель", EN: "provider"},
	OfficeStateCorp: {KK: "Мемлекеттік корпорация", RU: "Государственная корпорация", EN: "State Corporation"},
	OfficePortal:    {KK: "портал", RU: "портал", EN: "portal"},
}

// Valid reports whether o is a known office kind.
func (o OfficeKind) Valid() bool { _, ok := offices[o]; return ok }

// Name is the office kind's name.
func (o OfficeKind) Name() i18n.Text { return offices[o] }

// Kind tells a service standard from the complaint procedure, which has no fee,
// schedule or result of its own.
type Kind string

const (
	KindService   Kind = "service"
	KindComplaint Kind = "complaint"
)

// Recipient is who may receive a service.
type Recipient string

const (
	Individual  Recipient = "individual"
	LegalEntity Recipient = "legal-entity"
)

// Medium is the form a result or a service takes.
type Medium string

const (
	Electronic Medium = "electronic"
	Paper      Medium = "paper"
)

// PaymentMethod is how a state duty may be paid.
type PaymentMethod string

const (
	PaymentGateway PaymentMethod = "payment-gateway" // ЭҮТШ / ПШЭП
	Bank           PaymentMethod = "bank"            // second-tier banks and organisations doing banking operations
)

// Signature is how an electronic request is signed.
type Signature string

const (
	EDS Signature = "eds" // electronic digital signature
	OTP Signature = "otp" // one-time password sent to the phone registered on the portal
)

// DocumentKind says what an item of the package is.
type DocumentKind string

const (
	KindDocument  DocumentKind = "document"  // a paper document (original or copy) shown or handed in
	KindScan      DocumentKind = "scan"      // an electronic (scanned) copy uploaded on the portal
	KindERequest  DocumentKind = "e-request" // the electronic application itself
	KindSelection DocumentKind = "selection" // a choice made in the application (a State Corporation branch)
	KindConsent   DocumentKind = "consent"   // a consent given by a person
	KindData      DocumentKind = "data"      // information stated in the application
)

// StepBound says whether a step's date is the latest or the earliest allowed.
type StepBound string

const (
	BoundLatest   StepBound = "latest"   // the step must happen by this date ("within", "no later than")
	BoundEarliest StepBound = "earliest" // the step may happen only from this date ("after")
)

// Step anchors that are not other steps.
const (
	AnchorReceived   = "received"   // the day the application or documents are received (G-2)
	AnchorRegistered = "registered" // the day a complaint is registered (CP-3, CP-4)
	AnchorDeadline   = "deadline"   // the service deadline
)

// labels names the values of the small enumerations in the three languages.
var labels = map[string]i18n.Text{
	string(Individual):     {KK: "жеке тұлға", RU: "физическое лицо", EN: "individual"},
	string(LegalEntity):    {KK: "заңды тұлға", RU: "юридическое лицо", EN: "legal entity"},
	string(Electronic):     {KK: "электрондық", RU: "электронная", EN: "electronic"},
	string(Paper):          {KK: "қағаз", RU: "бумажная", EN: "paper"},
	string(PaymentGateway): {KK: "«электрондық үкіметтің» төлем шлюзі (ЭҮТШ)", RU: "платежный шлюз «электронного правительства» (ПШЭП)", EN: "e-government payment gateway"},
	string(Bank):           {KK: "екінші деңгейдегі банктер", RU: "банки второго уровня", EN: "second-tier banks"},
	string(EDS):            {KK: "ЭЦҚ", RU: "ЭЦП", EN: "EDS"},
	string(OTP):            {KK: "бір реттік пароль", RU: "одноразовый пароль", EN: "one-time password"},
	string(KindDocument):   {KK: "құжат", RU: "документ", EN: "document"},
	string(KindScan):       {KK: "электрондық көшірме", RU: "электронная копия", EN: "scanned copy"},
	string(KindERequest):   {KK: "электрондық сұрау салу", RU: "электронный запрос", EN: "e-request"},
	string(KindSelection):  {KK: "таңдау", RU: "выбор", EN: "choice"},
	string(KindConsent):    {KK: "келісім", RU: "согласие", EN: "consent"},
	string(KindData):       {KK: "мәліметтер", RU: "сведения", EN: "data"},
}

// Name is the recipient kind's name.
func (r Recipient) Name() i18n.Text { return labels[string(r)] }

// Name is the medium's name.
func (m Medium) Name() i18n.Text { return labels[string(m)] }

// Name is the payment method's name.
func (p PaymentMethod) Name() i18n.Text { return labels[string(p)] }

// Name is the signature's name.
func (s Signature) Name() i18n.Text { return labels[string(s)] }

// Name is the document kind's name.
func (k DocumentKind) Name() i18n.Text { return labels[string(k)] }

// known lists the values a YAML file may use for each enumerated field, so the
// loader rejects anything else with the list of what is allowed.
var known = struct {
	kinds       []Kind
	recipients  []Recipient
	media       []Medium
	payments    []PaymentMethod
	signatures  []Signature
	docKinds    []DocumentKind
	bounds      []StepBound
	anchors     []string
	mciPurposes []MCIPurpose
}{
	kinds:       []Kind{KindService, KindComplaint},
	recipients:  []Recipient{Individual, LegalEntity},
	media:       []Medium{Electronic, Paper},
	payments:    []PaymentMethod{PaymentGateway, Bank},
	signatures:  []Signature{EDS, OTP},
	docKinds:    []DocumentKind{KindDocument, KindScan, KindERequest, KindSelection, KindConsent, KindData},
	bounds:      []StepBound{BoundLatest, BoundEarliest},
	anchors:     []string{AnchorReceived, AnchorRegistered, AnchorDeadline},
	mciPurposes: []MCIPurpose{PurposePayments, PurposeSocial},
}

func oneOf[T comparable](v T, allowed []T) bool { return slices.Contains(allowed, v) }
