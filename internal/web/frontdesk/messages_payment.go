package frontdesk

import (
	"qyzmet/internal/i18n"
	"qyzmet/internal/web/ui"
)

// The words of the intake's payment, the representative from the registry
// and the parties on the receipts.
func init() {
	ui.Add(map[string]i18n.Text{
		"frontdesk.pay.title":         {KK: "Мемлекеттік баж электрондық үкіметтің төлем шлюзі (ЭҮТШ) арқылы", RU: "Госпошлина через платёжный шлюз электронного правительства (ПШЭП)", EN: "State duty through the e-government payment gateway"},
		"frontdesk.pay.hint":          {KK: "Баж: бір құжатқа %s, төлем күнгі АЕК бойынша. Тізімде өтініш берушінің әлі ешбір өтінішке пайдаланылмаған ЭҮТШ төлемдері: біреуін таңдаңыз немесе қағаз түбіртектегі нөмірді енгізіңіз. Банк арқылы төленсе, «ЭҮТШ арқылы емес» қалдырып, тізбеде банк түбіртегін белгілеңіз.", RU: "Пошлина: %s за документ, по МРП на день оплаты. В списке — платежи заявителя через ПШЭП, ещё не использованные ни одним заявлением: выберите нужный или введите номер с бумажной квитанции. Если оплачено через банк, оставьте «не через ПШЭП» и отметьте квитанцию банка в перечне документов.", EN: "Duty: %s per document, at the MCI of the day of payment. Listed are the applicant's gateway payments no application uses yet: pick one, or type the reference from the paper receipt. If paid at a bank, leave “not through the gateway” and tick the bank receipt in the checklist."},
		"frontdesk.pay.none":          {KK: "ЭҮТШ арқылы емес (банк түбіртегі топтамада)", RU: "Не через ПШЭП (квитанция банка в пакете)", EN: "Not through the gateway (the bank receipt is in the package)"},
		"frontdesk.pay.kbk":           {KK: "БЖК", RU: "КБК", EN: "KBK"},
		"frontdesk.pay.no_choices":    {KK: "Бұл ЖСН бойынша осы қызметке пайдаланылмаған ЭҮТШ төлемі жоқ.", RU: "Неиспользованных платежей через ПШЭП по этому ИИН для этой услуги нет.", EN: "No unused gateway payment of this IIN pays this service."},
		"frontdesk.pay.typed":         {KK: "Қағаз түбіртектегі төлем нөмірі", RU: "Номер платежа с бумажной квитанции", EN: "Payment reference from the paper receipt"},
		"frontdesk.pay.typed_hint":    {KK: "Толтырылса, жоғарыдағы таңдаудан басым.", RU: "Если заполнен, важнее выбора выше.", EN: "When filled in, it wins over the choice above."},
		"frontdesk.pay.err.reference": {KK: "Төлем нөмірі әріптер, цифрлар, сызықша мен көлбеу сызықтан тұрады, 64 таңбаға дейін.", RU: "Номер платежа состоит из букв, цифр, дефисов и косых черт, до 64 знаков.", EN: "A payment reference has letters, digits, dashes and slashes, up to 64."},
		"frontdesk.pay.err.not_found": {KK: "ЭҮТШ төлемдер тізілімінде %s төлемі жоқ (AC-10). Банк арқылы төленсе, түбіртек топтамамен бірге қабылданады.", RU: "Платежа %s нет в реестре платежей ПШЭП (AC-10). Если оплачено через банк, квитанция принимается вместе с пакетом.", EN: "No payment %s in the gateway's payments registry (AC-10). A bank payment's receipt is handed in with the package instead."},
		"frontdesk.pay.err.claimed":   {KK: "Бұл төлем басқа өтініш үшін пайдаланылған: бір төлем бір өтінішке ғана (AP-STD-6).", RU: "Этот платёж уже использован для другого заявления: один платёж — одно заявление (AP-STD-6).", EN: "This payment already pays for another application: one payment, one application (AP-STD-6)."},
		"frontdesk.pay.err.free":      {KK: "Сұралған қызметтер тегін: төлем алынбайды.", RU: "Запрошенные услуги бесплатны: платёж не принимается.", EN: "The services asked are free: no payment is taken."},
		"frontdesk.pay.err.code":      {KK: "Төлем %s БЖК бойынша түскен, ал баж — %s БЖК бойынша (%s).", RU: "Платёж зачислен по КБК %s, а пошлина — по КБК %s (%s).", EN: "The payment went to budget code %s; the duty's is %s (%s)."},
		"frontdesk.pay.err.mci":       {KK: "Төлем күні (%s) үшін АЕК мәні белгісіз.", RU: "МРП на день платежа (%s) неизвестен.", EN: "No MCI is known for %s, the day of the payment."},
		"frontdesk.pay.err.amount":    {KK: "Төленгені %s, ал төлем күнгі АЕК бойынша баж — %s (төлем күні %s; AP-STD-6, AC-7).", RU: "Оплачено %s, а пошлина по МРП на день оплаты — %s (дата оплаты %s; AP-STD-6, AC-7).", EN: "Paid %s; the duty at the MCI of the day of payment is %s (paid on %s; AP-STD-6, AC-7)."},
		"frontdesk.rep.found":         {KK: "Тұлғалар тізіліміндегі аты-жөні", RU: "ФИО по реестру физических лиц", EN: "Name in the person registry"},
		"frontdesk.rep.from_registry": {KK: "Аты-жөні ЖСН бойынша тұлғалар тізілімінен алынады; оны көрсетілген жеке куәлікпен салыстырыңыз.", RU: "ФИО берётся из реестра физических лиц по ИИН; сверьте его с предъявленным удостоверением личности.", EN: "The name is taken from the person registry by the IIN; compare it with the identity document shown."},
		"frontdesk.rep.find":          {KK: "Өкілді тізілімнен табу", RU: "Найти представителя в реестре", EN: "Find the representative in the registry"},
		"frontdesk.rep.not_found":     {KK: "Бұл ЖСН бар адам тұлғалар тізілімінде жоқ.", RU: "Лица с таким ИИН нет в реестре физических лиц.", EN: "No person with this IIN in the person registry."},
		"frontdesk.rep.self":          {KK: "Өтініш беруші өзінің өкілі бола алмайды: өзі келсе, өрісті бос қалдырыңыз.", RU: "Заявитель не может быть своим представителем: если пришёл сам, оставьте поле пустым.", EN: "The applicant cannot be their own representative: leave the field empty when they came in person."},
		"frontdesk.receipt.subject":   {KK: "Сұрау кім туралы", RU: "Лицо, о котором запрос", EN: "The request is about"},
		"frontdesk.receipt.combined":  {KK: "Бір өтініш бойынша қызметтер", RU: "Услуги по одному заявлению", EN: "Services under the one application"},
		"frontdesk.receipt.payment":   {KK: "Мемлекеттік баж", RU: "Государственная пошлина", EN: "State duty"},
		"frontdesk.receipt.paid":      {KK: "%s, %s төленді, ЭҮТШ төлемі %s", RU: "%s, оплачено %s, платёж ПШЭП %s", EN: "%s, paid on %s, gateway payment %s"},
		"frontdesk.receipt.poa_until": {KK: "%s дейін", RU: "до %s", EN: "until %s"},
	})
}
