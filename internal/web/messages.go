package web

import (
	"qyzmet/internal/i18n"
	"qyzmet/internal/web/ui"
)

// messages are the interface's words by key; a key missing here shows as itself,
// which a test catches.
var messages = map[string]i18n.Text{
	"standards.title":          {KK: "Күшіндегі мемлекеттік көрсетілетін қызмет стандарттары", RU: "Действующие стандарты государственных услуг", EN: "Service standards in force"},
	"standards.asof":           {KK: "Күні", RU: "На дату", EN: "As of"},
	"catalogue.gives":          {KK: "Нәтижесі", RU: "Результат", EN: "What you get"},
	"catalogue.bring":          {KK: "Өзіңізбен алып келу керек", RU: "Что взять с собой", EN: "What to bring"},
	"catalogue.where":          {KK: "Қайда", RU: "Где", EN: "Where"},
	"catalogue.apply":          {KK: "Порталда өтініш беру", RU: "Подать заявление на портале", EN: "Apply on the portal"},
	"catalogue.apply_combined": {KK: "Басқа қызметпен бірге порталда сұрау", RU: "Запросить на портале вместе с другой услугой", EN: "Ask on the portal with another service"},
	"standards.open":           {KK: "Толығырақ", RU: "Подробнее", EN: "Details"},
	"col.service":              {KK: "Қызмет", RU: "Услуга", EN: "Service"},
	"col.provider":             {KK: "Көрсетілетін қызметті беруші", RU: "Услугодатель", EN: "Provider"},
	"col.channels":             {KK: "Арналар", RU: "Каналы", EN: "Channels"},
	"col.deadlines":            {KK: "Мерзімдер", RU: "Сроки", EN: "Deadlines"},
	"col.fee":                  {KK: "Төлем", RU: "Стоимость", EN: "Fee"},
	"col.version":              {KK: "Нұсқа", RU: "Версия", EN: "Version"},
	"col.rule":                 {KK: "Ереже", RU: "Правило", EN: "Rule"},
	"fee.free":                 {KK: "Тегін", RU: "Бесплатно", EN: "Free of charge"},
	"fee.mci":                  {KK: "құжатқа АЕК", RU: "МРП за документ", EN: "MCI per document"},
	"unit.minutes":             {KK: "минут", RU: "минут", EN: "minutes"},
	"unit.workingdays":         {KK: "жұмыс күні", RU: "рабочих дней", EN: "working days"},
	"std.steps":                {KK: "Рәсімнің мерзімдері", RU: "Сроки процедур", EN: "Procedure deadlines"},
	"std.step":                 {KK: "Кезең", RU: "Этап", EN: "Step"},
	"std.documents":            {KK: "Қажетті құжаттар", RU: "Необходимые документы", EN: "Required documents"},
	"std.document":             {KK: "Құжат", RU: "Документ", EN: "Document"},
	"std.refusal":              {KK: "Бас тарту негіздері", RU: "Основания для отказа", EN: "Grounds for refusal"},
	"std.norefusal":            {KK: "Бас тарту үшін негіздер жоқ.", RU: "Оснований для отказа нет.", EN: "There are no grounds for refusal."},
	// The public e-Register (eregister*.go, templates/verify*.html).
	"verify.title":                {KK: "Құжаттың түпнұсқалығын тексеру", RU: "Проверка подлинности документа", EN: "Verify a document"},
	"verify.result_title":         {KK: "Тексеру нәтижесі", RU: "Результат проверки", EN: "Verification result"},
	"verify.lead":                 {KK: "Qyzmet берген анықтаманы немесе апостильді тексеру үшін құжатта басылған нөмір мен берілген күнді енгізіңіз немесе оның QR-кодын сканерлеңіз.", RU: "Чтобы проверить справку или апостиль, выданные Qyzmet, введите номер и дату выдачи, напечатанные на документе, или отсканируйте его QR-код.", EN: "To verify a certificate or an apostille issued by Qyzmet, enter the number and the date of issue printed on the document, or scan its QR code."},
	"verify.by_number":            {KK: "Нөмірі мен күні бойынша", RU: "По номеру и дате", EN: "By number and date"},
	"verify.number":               {KK: "Құжат нөмірі", RU: "Номер документа", EN: "Document number"},
	"verify.number_hint":          {KK: "Құжатта басылғандай, мысалы CR-2026-4831-0275-3", RU: "Как напечатан на документе, например CR-2026-4831-0275-3", EN: "As printed on the document, for example CR-2026-4831-0275-3"},
	"verify.issued_on":            {KK: "Берілген күні", RU: "Дата выдачи", EN: "Date of issue"},
	"verify.issued_hint":          {KK: "Құжатта басылған күн", RU: "Дата, напечатанная на документе", EN: "The date printed on the document"},
	"verify.submit":               {KK: "Тексеру", RU: "Проверить", EN: "Verify"},
	"verify.by_file":              {KK: "PDF файлын тексеру", RU: "Проверка PDF-файла", EN: "Check a PDF file"},
	"verify.file_lead":            {KK: "Алған PDF файлыңызды жүктеңіз: оның Qyzmet берген өзгертілмеген түпнұсқа екенін тексереміз. Файл сақталмайды.", RU: "Загрузите полученный PDF-файл: мы проверим, что это неизменённый оригинал документа, выданного Qyzmet. Файл не сохраняется.", EN: "Upload the PDF you received: we check whether it is the unaltered original of a document Qyzmet issued. The file is not kept."},
	"verify.file":                 {KK: "PDF файл (ең көбі %d МБ)", RU: "PDF-файл (не более %d МБ)", EN: "PDF file (at most %d MB)"},
	"verify.file_submit":          {KK: "Файлды тексеру", RU: "Проверить файл", EN: "Check the file"},
	"verify.file_missing":         {KK: "PDF файлын таңдаңыз.", RU: "Выберите PDF-файл.", EN: "Choose a PDF file."},
	"verify.privacy":              {KK: "Тізілім құжат иесінің атын нөмірі мен күні (немесе QR-коды) сәйкес келгенде ғана көрсетеді. Бір мекенжайдан жіберілетін сұраулар саны шектеулі.", RU: "Реестр показывает имя владельца документа, только если совпадают номер и дата (или QR-код). Число запросов с одного адреса ограничено.", EN: "The register shows the holder's name only when the number and the date (or the QR code) match. The number of requests from one address is limited."},
	"verify.found":                {KK: "Бұл құжатты Qyzmet берген", RU: "Этот документ выдан Qyzmet", EN: "Qyzmet issued this document"},
	"verify.specimen":             {KK: "Бұл — үлгі деректері бар демонстрациялық құжат, нақты құжат емес.", RU: "Это демонстрационный документ с образцом данных, а не настоящий документ.", EN: "This is a demonstration document with sample data, not a real document."},
	"verify.status":               {KK: "Мәртебесі", RU: "Статус", EN: "Status"},
	"verify.annulled_on":          {KK: "Күші жойылған күні", RU: "Дата аннулирования", EN: "Annulled on"},
	"verify.annul_reason":         {KK: "Себебі", RU: "Причина", EN: "Reason"},
	"verify.kind":                 {KK: "Құжат түрі", RU: "Вид документа", EN: "Kind of document"},
	"verify.issuer":               {KK: "Берген орган", RU: "Выдавший орган", EN: "Issued by"},
	"verify.signer":               {KK: "Қол қойған", RU: "Подписал", EN: "Signed by"},
	"verify.capacity":             {KK: "Лауазымы", RU: "Должность", EN: "Capacity"},
	"verify.holder":               {KK: "Кімге / кім туралы", RU: "Кому / о ком", EN: "Issued to / concerning"},
	"verify.sha256":               {KK: "Түпнұсқа файлдың SHA-256 хэші", RU: "SHA-256 оригинального файла", EN: "SHA-256 of the original file"},
	"verify.again":                {KK: "Басқа құжатты тексеру", RU: "Проверить другой документ", EN: "Verify another document"},
	"verify.original":             {KK: "Файл — Qyzmet берген құжаттың өзгертілмеген түпнұсқасы.", RU: "Файл — неизменённый оригинал документа, выданного Qyzmet.", EN: "The file is the unaltered original of a document Qyzmet issued."},
	"verify.not_original":         {KK: "Файл Qyzmet берген түпнұсқа емес.", RU: "Файл не является оригиналом, выданным Qyzmet.", EN: "The file is not an original issued by Qyzmet."},
	"verify.rate_limited":         {KK: "Сіздің мекенжайыңыздан сұраулар тым көп. %s секундтан кейін қайталаңыз.", RU: "Слишком много запросов с вашего адреса. Повторите через %s с.", EN: "Too many requests from your address. Try again in %s seconds."},
	"verify.cross_origin":         {KK: "Пішін басқа сайттан жіберілгендіктен қабылданбады. Тексеру бетін ашып, қайта жіберіңіз.", RU: "Форма отправлена с другого сайта и отклонена. Откройте страницу проверки и отправьте форму снова.", EN: "The form was sent from another site and was refused. Open the verification page and send it again."},
	"eregister.number_format":     {KK: "Нөмір CR-2026-4831-0275-3 түрінде жазылады.", RU: "Номер имеет вид CR-2026-4831-0275-3.", EN: "A document number looks like CR-2026-4831-0275-3."},
	"eregister.number_check":      {KK: "Нөмір қате терілген (бақылау цифры сәйкес келмейді). Құжаттағы нөмірмен салыстырыңыз.", RU: "Номер набран с ошибкой (не сходится контрольная цифра). Сверьте его с документом.", EN: "The number is mistyped (its check digit does not match). Compare it with the document."},
	"eregister.date_format":       {KK: "Күнді КК.АА.ЖЖЖЖ немесе ЖЖЖЖ-АА-КК түрінде енгізіңіз.", RU: "Введите дату в виде ДД.ММ.ГГГГ или ГГГГ-ММ-ДД.", EN: "Enter the date as DD.MM.YYYY or YYYY-MM-DD."},
	"eregister.proof_missing":     {KK: "Құжатта басылған берілген күнін енгізіңіз.", RU: "Введите дату выдачи, напечатанную на документе.", EN: "Enter the date of issue printed on the document."},
	"eregister.no_match":          {KK: "Мұндай нөмірі мен күні бар құжат жоқ.", RU: "Документа с таким номером и датой нет.", EN: "There is no document with this number and date."},
	"eregister.not_pdf":           {KK: "Файл PDF емес.", RU: "Файл не является PDF.", EN: "The file is not a PDF."},
	"eregister.file_too_large":    {KK: "Файл тым үлкен: ең көбі 20 МБ.", RU: "Файл слишком большой: не более 20 МБ.", EN: "The file is too large: at most 20 MB."},
	"eregister.file_not_signed":   {KK: "Файлда электрондық цифрлық қолтаңба жоқ.", RU: "Файл не подписан электронной цифровой подписью.", EN: "The file carries no digital signature."},
	"eregister.file_modified":     {KK: "Файл қол қойылғаннан кейін өзгертілген.", RU: "Файл изменён после подписания.", EN: "The file was changed after it was signed."},
	"eregister.file_untrusted":    {KK: "Файлға Qyzmet сенетін көрсетілетін қызметті берушінің кілтімен қол қойылмаған.", RU: "Файл подписан не ключом услугодателя, которому доверяет Qyzmet.", EN: "The file is not signed with the key of a provider Qyzmet trusts."},
	"eregister.file_damaged":      {KK: "Файлдың қолтаңбасы немесе құрылымы бүлінген.", RU: "Подпись или структура файла повреждены.", EN: "The file's signature or structure is damaged."},
	"eregister.file_unregistered": {KK: "Файлдың нөмірі e-Тізілімде жоқ.", RU: "Номера файла нет в e-Реестре.", EN: "The file's number is not in the e-Register."},
	"eregister.file_differs":      {KK: "Файл e-Тізілімде тіркелген түпнұсқадан өзгеше.", RU: "Файл отличается от оригинала, зарегистрированного в e-Реестре.", EN: "The file differs from the original registered in the e-Register."},
}

func init() {
	ui.Add(messages)
	ui.Add(authMessages)
}

// msg looks a message up by key for the page language.
func msg(key string, l i18n.Lang) string { return ui.T(key, l) }
