package synth

import "time"

// Places and resettlement waves per nationality. The names are those of the
// period (oblasts and republics of 1939–1955), written as a card of the time
// would. The waves and release bases follow the well-known deportations and the
// decrees that lifted special settlement; they make the data plausible, they are
// not a historical record of any person.

type wave struct {
	from       time.Time // first day of the wave
	days       int       // how long it lasted
	fromRegion []string  // where people were sent from
}

type release struct {
	on    time.Time // the decree (or the start of the period of removals)
	lagD  int       // removals from the register spread over this many days after it
	basis string
}

type peoplePlaces struct {
	birthPlaces []string
	waves       []wave
	releases    []release
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

var places = map[Nationality]peoplePlaces{
	Kazakh: {
		birthPlaces: []string{"Акмолинская обл.", "Семипалатинская обл.", "Карагандинская обл.", "Актюбинская обл.",
			"Кзыл-Ординская обл.", "Южно-Казахстанская обл.", "Павлодарская обл.", "Кустанайская обл.",
			"Джамбулская обл.", "Гурьевская обл.", "Западно-Казахстанская обл.", "Алма-Атинская обл."},
		waves: []wave{
			{day(1939, time.March, 1), 3000, []string{"Акмолинская обл.", "Семипалатинская обл.", "Алма-Атинская обл.", "Южно-Казахстанская обл."}},
		},
		releases: []release{{day(1954, time.July, 5), 540, "Постановление СМ СССР от 05.07.1954"}},
	},
	Russian: {
		birthPlaces: []string{"Курская обл.", "Воронежская обл.", "Тамбовская обл.", "Саратовская обл.", "Пензенская обл.",
			"Ставропольский край", "Ленинградская обл.", "Московская обл.", "Смоленская обл.", "Орловская обл.",
			"Рязанская обл.", "Калининская обл.", "Куйбышевская обл.", "Алтайский край"},
		waves: []wave{
			{day(1945, time.September, 1), 500, []string{"Ленинградская обл.", "Московская обл.", "Калининская обл."}},
			{day(1948, time.June, 2), 700, []string{"Курская обл.", "Воронежская обл.", "Тамбовская обл.", "Рязанская обл."}},
		},
		releases: []release{{day(1954, time.July, 5), 700, "Постановление СМ СССР от 05.07.1954"}},
	},
	German: {
		birthPlaces: []string{"с. Марксштадт", "с. Бальцер", "с. Зельман", "г. Энгельс", "с. Франк", "с. Норка",
			"с. Гнаденфлюр", "с. Шиллинг", "с. Мариенталь", "с. Гримм", "с. Базель", "с. Шталь",
			"с. Лизандергей", "с. Мессер", "с. Гоньба", "с. Гальбштадт", "с. Люстдорф"},
		waves: []wave{
			{day(1941, time.September, 3), 20, []string{"АССР Немцев Поволжья", "Саратовская обл.", "Сталинградская обл."}},
			{day(1941, time.October, 1), 45, []string{"Краснодарский край", "Орджоникидзевский край", "Грузинская ССР", "Азербайджанская ССР", "Ростовская обл."}},
		},
		releases: []release{{day(1955, time.December, 13), 300, "Указ ПВС СССР от 13.12.1955"}},
	},
	Chechen: {
		birthPlaces: []string{"с. Шали", "с. Урус-Мартан", "с. Ведено", "г. Гудермес", "г. Грозный", "с. Ачхой-Мартан",
			"с. Старые Атаги", "с. Шатой", "с. Курчалой", "с. Гойты", "с. Бачи-Юрт", "с. Аллерой"},
		waves: []wave{
			{day(1944, time.February, 23), 20, []string{"Чечено-Ингушская АССР", "Дагестанская АССР"}},
		},
		releases: []release{{day(1956, time.July, 16), 400, "Указ ПВС СССР от 16.07.1956"}},
	},
	Ingush: {
		birthPlaces: []string{"с. Назрань", "с. Сурхахи", "с. Барсуки", "с. Экажево", "с. Галашки", "с. Плиево",
			"с. Кантышево", "с. Насыр-Корт", "с. Долаково", "с. Базоркино", "с. Ангушт"},
		waves: []wave{
			{day(1944, time.February, 23), 20, []string{"Чечено-Ингушская АССР", "Северо-Осетинская АССР"}},
		},
		releases: []release{{day(1956, time.July, 16), 400, "Указ ПВС СССР от 16.07.1956"}},
	},
	Korean: {
		birthPlaces: []string{"Приморский край", "г. Владивосток", "Посьетский р-н", "Сучанский р-н", "Корея",
			"с. Синельниково", "Хабаровский край", "г. Никольск-Уссурийский"},
		waves: []wave{
			{day(1945, time.March, 1), 600, []string{"Дальневосточный край", "Приморский край", "Хабаровский край"}},
		},
		releases: []release{{day(1947, time.March, 1), 900, "снят с учёта спецпоселения"}},
	},
	Polish: {
		birthPlaces: []string{"Львовская обл.", "Тарнопольская обл.", "Станиславская обл.", "Волынская обл.", "Ровенская обл.",
			"Белостокская обл.", "Брестская обл.", "Барановичская обл.", "Пинская обл.", "Вилейская обл.", "г. Варшава"},
		waves: []wave{
			{day(1940, time.February, 10), 10, []string{"Западная Украина", "Западная Белоруссия"}},
			{day(1940, time.April, 13), 10, []string{"Западная Украина", "Западная Белоруссия"}},
			{day(1940, time.June, 29), 10, []string{"Западная Украина", "Западная Белоруссия"}},
		},
		releases: []release{
			{day(1941, time.August, 12), 120, "Указ ПВС СССР от 12.08.1941 об амнистии польских граждан"},
			{day(1954, time.July, 5), 500, "Постановление СМ СССР от 05.07.1954"},
		},
	},
	CrimeanTatar: {
		birthPlaces: []string{"г. Бахчисарай", "г. Симферополь", "г. Карасубазар", "г. Евпатория", "г. Ялта", "с. Кокташ",
			"с. Бия-Сала", "г. Алушта", "г. Судак", "г. Старый Крым", "с. Коуш", "с. Тувак"},
		waves: []wave{
			{day(1944, time.May, 18), 3, []string{"Крымская АССР"}},
		},
		releases: []release{{day(1956, time.April, 28), 300, "Указ ПВС СССР от 28.04.1956"}},
	},
	Kalmyk: {
		birthPlaces: []string{"Яшкульский улус", "Приютненский улус", "Черноземельский улус", "Малодербетовский улус",
			"Кетченеровский улус", "Сарпинский улус", "г. Элиста", "Большедербетовский улус", "Западный улус", "Юстинский улус"},
		waves: []wave{
			{day(1943, time.December, 28), 4, []string{"Калмыцкая АССР"}},
			{day(1944, time.June, 2), 30, []string{"Ростовская обл.", "Сталинградская обл."}},
		},
		releases: []release{{day(1956, time.March, 17), 400, "Указ ПВС СССР от 17.03.1956"}},
	},
	Greek: {
		birthPlaces: []string{"Краснодарский край", "г. Анапа", "г. Геленджик", "г. Новороссийск", "г. Феодосия", "г. Керчь",
			"г. Сухуми", "г. Батуми", "Цалкский р-н", "Трапезунд (Турция)", "Карс (Турция)"},
		waves: []wave{
			{day(1944, time.June, 27), 5, []string{"Крымская АССР"}},
			{day(1949, time.June, 1), 30, []string{"Краснодарский край", "Грузинская ССР", "Армянская ССР", "Азербайджанская ССР"}},
		},
		releases: []release{{day(1956, time.March, 27), 400, "Указ ПВС СССР от 27.03.1956"}},
	},
}

// destinations are where special settlers were sent in the Kazakh SSR: an oblast
// and one of its districts.
var destinations = [][2]string{
	{"Акмолинская обл.", "Вишневский р-н"}, {"Акмолинская обл.", "Макинский р-н"},
	{"Актюбинская обл.", "Мартукский р-н"}, {"Алма-Атинская обл.", "Каскеленский р-н"},
	{"Восточно-Казахстанская обл.", "Шемонаихинский р-н"}, {"Гурьевская обл.", "Макатский р-н"},
	{"Джамбулская обл.", "Меркенский р-н"}, {"Западно-Казахстанская обл.", "Чапаевский р-н"},
	{"Карагандинская обл.", "Осакаровский р-н"}, {"Карагандинская обл.", "Тельманский р-н"},
	{"Кзыл-Ординская обл.", "Кармакчинский р-н"}, {"Кокчетавская обл.", "Зерендинский р-н"},
	{"Кустанайская обл.", "Федоровский р-н"}, {"Павлодарская обл.", "Иртышский р-н"},
	{"Северо-Казахстанская обл.", "Булаевский р-н"}, {"Семипалатинская обл.", "Бескарагайский р-н"},
	{"Талды-Курганская обл.", "Капальский р-н"}, {"Южно-Казахстанская обл.", "Ленгерский р-н"},
}

// shares is the synthetic composition of the card index by nationality: loosely
// the composition of special settlers in the Kazakh SSR, with Kazakhs and
// Russians (local and transferred settlers) added.
var shares = map[Nationality]float64{
	German: 0.28, Chechen: 0.16, Russian: 0.15, Kazakh: 0.10, Korean: 0.08,
	Polish: 0.06, Ingush: 0.05, CrimeanTatar: 0.04, Kalmyk: 0.04, Greek: 0.04,
}
