package qualitydesk

import (
	"qyzmet/internal/i18n"
	"qyzmet/internal/web/ui"
)

func init() {
	ui.Add(map[string]i18n.Text{
		"qualitydesk.title":        {KK: "Сапа бақылауы", RU: "Контроль качества", EN: "Quality control"},
		"qualitydesk.lead":         {KK: "Қабылданған өтініштер: мерзімінде шешілгендер үлесі, мерзімі өткендер және нәтижеге дейінгі орташа уақыт (жұмыс күндерімен, қабылдаған күннен кейінгі күннен бастап).", RU: "Принятые заявления: доля решённых в срок, просроченные и среднее время до результата (в рабочих днях, со дня, следующего за днём приёма).", EN: "Received applications: the share decided on time, the overdue, and the average time to result (in working days, from the day after receipt)."},
		"qualitydesk.filters":      {KK: "Кезең мен сүзгілер", RU: "Период и фильтры", EN: "Period and filters"},
		"qualitydesk.f.from":       {KK: "Кезеңнің басы (қабылдау күні)", RU: "Начало периода (дата приёма)", EN: "From (day of receipt)"},
		"qualitydesk.f.to":         {KK: "Кезеңнің соңы", RU: "Конец периода", EN: "To"},
		"qualitydesk.f.service":    {KK: "Қызмет", RU: "Услуга", EN: "Service"},
		"qualitydesk.f.channel":    {KK: "Арна", RU: "Канал", EN: "Channel"},
		"qualitydesk.f.branch":     {KK: "Филиал", RU: "Филиал", EN: "Branch"},
		"qualitydesk.all":          {KK: "барлығы", RU: "все", EN: "all"},
		"qualitydesk.show":         {KK: "Көрсету", RU: "Показать", EN: "Show"},
		"qualitydesk.total":        {KK: "Барлығы", RU: "Итого", EN: "Total"},
		"qualitydesk.export_all":   {KK: "Барлық өлшемдер бойынша жүктеп алу", RU: "Выгрузить по всем измерениям", EN: "Download by every dimension"},
		"qualitydesk.empty":        {KK: "Бұл кезеңде өтініштер жоқ.", RU: "За этот период заявлений нет.", EN: "No applications in this period."},
		"qualitydesk.by.service":   {KK: "Қызметтер бойынша", RU: "По услугам", EN: "By service"},
		"qualitydesk.by.channel":   {KK: "Арналар бойынша", RU: "По каналам", EN: "By channel"},
		"qualitydesk.by.branch":    {KK: "Филиалдар бойынша", RU: "По филиалам", EN: "By branch"},
		"qualitydesk.by.month":     {KK: "Қабылдау айлары бойынша", RU: "По месяцам приёма", EN: "By month of receipt"},
		"qualitydesk.col.share":    {KK: "Мерзімінде, %", RU: "В срок, %", EN: "On time, %"},
		"qualitydesk.col.days":     {KK: "Орташа, жұмыс күні", RU: "Среднее, рабочих дней", EN: "Average, working days"},
		"qualitydesk.col.hours":    {KK: "Орташа, сағат", RU: "Среднее, часов", EN: "Average, hours"},
		"qualitydesk.col.number":   {KK: "Нөмірі", RU: "Номер", EN: "Number"},
		"qualitydesk.col.received": {KK: "Қабылданды", RU: "Принято", EN: "Received"},
		"qualitydesk.col.deadline": {KK: "Мерзімі", RU: "Срок", EN: "Deadline"},
		"qualitydesk.col.decided":  {KK: "Шешім", RU: "Решение", EN: "Decision"},
		"qualitydesk.col.status":   {KK: "Күйі", RU: "Состояние", EN: "Status"},
		"qualitydesk.in_progress":  {KK: "орындалуда, мерзімі өтпеген", RU: "в работе, срок не истёк", EN: "in progress, within the deadline"},
		"qualitydesk.drill.count":  {KK: "өтініштер: %d", RU: "заявлений: %d", EN: "applications: %d"},

		"qualitydesk.application.title": {KK: "Өтініш № %s", RU: "Заявление № %s", EN: "Application No. %s"},
		"qualitydesk.application.lead":  {KK: "Тек оқу үшін. Бұл қарау журналға жазылды.", RU: "Только для просмотра. Этот просмотр записан в журнал.", EN: "Read-only. This view is logged."},
		"qualitydesk.applicant":         {KK: "Өтініш беруші", RU: "Услугополучатель", EN: "Applicant"},
		"qualitydesk.clocks":            {KK: "Мерзімдер", RU: "Сроки", EN: "Deadlines"},
		"qualitydesk.clock.step":        {KK: "Кезең", RU: "Этап", EN: "Step"},
		"qualitydesk.clock.done":        {KK: "мерзімінде орындалды", RU: "выполнено в срок", EN: "done on time"},
		"qualitydesk.clock.late":        {KK: "мерзімі өткен соң орындалды", RU: "выполнено с нарушением срока", EN: "done late"},
		"qualitydesk.clock.overdue":     {KK: "МЕРЗІМІ ӨТТІ", RU: "ПРОСРОЧЕНО", EN: "OVERDUE"},
		"qualitydesk.clock.open":        {KK: "орындалуда", RU: "в работе", EN: "running"},

		"qualitydesk.outcome.issued":        {KK: "нәтиже берілді", RU: "результат оформлен", EN: "issued"},
		"qualitydesk.outcome.refused":       {KK: "уәжді бас тарту", RU: "мотивированный отказ", EN: "refused"},
		"qualitydesk.outcome.interim-reply": {KK: "аралық жауап", RU: "промежуточный ответ", EN: "interim reply"},

		"qualitydesk.err.date":    {KK: "Күнді дұрыс енгізіңіз", RU: "Введите правильную дату", EN: "Enter a valid date"},
		"qualitydesk.err.service": {KK: "Мұндай қызмет жоқ", RU: "Такой услуги нет", EN: "No such service"},
		"qualitydesk.err.channel": {KK: "Мұндай арна жоқ", RU: "Такого канала нет", EN: "No such channel"},
	})
}
