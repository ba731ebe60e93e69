package web

import "qyzmet/internal/i18n"

// messages are the interface's words by key; a key missing here shows as itself,
// which a test catches.
var messages = map[string]i18n.Text{
	"app.name":         {KK: "Qyzmet — мемлекеттік қызметтер", RU: "Qyzmet — государственные услуги", EN: "Qyzmet — state services"},
	"app.tagline":      {KK: "Соттылық туралы анықтама, апостиль және мұрағаттық анықтамалар", RU: "Справки о судимости, апостиль и архивные справки", EN: "Criminal-record certificates, apostilles and archival certificates"},
	"nav.skip":         {KK: "Негізгі мазмұнға өту", RU: "Перейти к основному содержанию", EN: "Skip to main content"},
	"nav.language":     {KK: "Тіл", RU: "Язык", EN: "Language"},
	"standards.title":  {KK: "Күшіндегі мемлекеттік көрсетілетін қызмет стандарттары", RU: "Действующие стандарты государственных услуг", EN: "Service standards in force"},
	"standards.asof":   {KK: "Күні", RU: "На дату", EN: "As of"},
	"standards.open":   {KK: "Толығырақ", RU: "Подробнее", EN: "Details"},
	"col.service":      {KK: "Қызмет", RU: "Услуга", EN: "Service"},
	"col.provider":     {KK: "Көрсетілетін қызметті беруші", RU: "Услугодатель", EN: "Provider"},
	"col.channels":     {KK: "Арналар", RU: "Каналы", EN: "Channels"},
	"col.deadlines":    {KK: "Мерзімдер", RU: "Сроки", EN: "Deadlines"},
	"col.fee":          {KK: "Төлем", RU: "Стоимость", EN: "Fee"},
	"col.version":      {KK: "Нұсқа", RU: "Версия", EN: "Version"},
	"col.rule":         {KK: "Ереже", RU: "Правило", EN: "Rule"},
	"fee.free":         {KK: "Тегін", RU: "Бесплатно", EN: "Free of charge"},
	"fee.mci":          {KK: "құжатқа АЕК", RU: "МРП за документ", EN: "MCI per document"},
	"unit.minutes":     {KK: "минут", RU: "минут", EN: "minutes"},
	"unit.workingdays": {KK: "жұмыс күні", RU: "рабочих дней", EN: "working days"},
	"std.steps":        {KK: "Рәсімнің мерзімдері", RU: "Сроки процедур", EN: "Procedure deadlines"},
	"std.step":         {KK: "Кезең", RU: "Этап", EN: "Step"},
	"std.documents":    {KK: "Қажетті құжаттар", RU: "Необходимые документы", EN: "Required documents"},
	"std.document":     {KK: "Құжат", RU: "Документ", EN: "Document"},
	"std.refusal":      {KK: "Бас тарту негіздері", RU: "Основания для отказа", EN: "Grounds for refusal"},
	"std.norefusal":    {KK: "Бас тарту үшін негіздер жоқ.", RU: "Оснований для отказа нет.", EN: "There are no grounds for refusal."},
	"error.notfound":   {KK: "Бет табылмады", RU: "Страница не найдена", EN: "Page not found"},
	"error.back":       {KK: "Басты бетке оралу", RU: "Вернуться на главную", EN: "Back to the start page"},
	"footer.law":       {KK: "Мерзімдер Қазақстан Республикасының Еңбек кодексі бойынша жұмыс күндерімен есептеледі (Астана уақыты).", RU: "Сроки исчисляются в рабочих днях по Трудовому кодексу Республики Казахстан (время Астаны).", EN: "Deadlines are counted in working days under the Labour Code of Kazakhstan (Astana time)."},
}

// msg looks a message up by key for the page language.
func msg(key string, l i18n.Lang) string {
	if t, ok := messages[key]; ok {
		return t.In(l)
	}
	return key
}
