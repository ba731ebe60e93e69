package quality

import (
	"qyzmet/internal/i18n"
	"qyzmet/internal/standard"
)

// The words of the charts and exports in the three languages.
var (
	textReceived    = i18n.Text{KK: "Қабылданды", RU: "Принято", EN: "Received"}
	textDecided     = i18n.Text{KK: "Шешім шығарылды", RU: "Решено", EN: "Decided"}
	textOnTime      = i18n.Text{KK: "Мерзімінде", RU: "В срок", EN: "On time"}
	textLate        = i18n.Text{KK: "Мерзімі өткен соң", RU: "С нарушением срока", EN: "Late"}
	textOverdue     = i18n.Text{KK: "Қазір мерзімі өткен", RU: "Просрочено сейчас", EN: "Overdue now"}
	textShare       = i18n.Text{KK: "Мерзімінде үлесі, %", RU: "Доля в срок, %", EN: "On-time share, %"}
	textAvgDays     = i18n.Text{KK: "Нәтижеге дейінгі орташа уақыт, жұмыс күні", RU: "Среднее время до результата, рабочих дней", EN: "Average time to result, working days"}
	textAvgHours    = i18n.Text{KK: "Нәтижеге дейінгі орташа уақыт, сағат", RU: "Среднее время до результата, часов", EN: "Average time to result, hours"}
	textService     = i18n.Text{KK: "Қызмет", RU: "Услуга", EN: "Service"}
	textChannel     = i18n.Text{KK: "Арна", RU: "Канал", EN: "Channel"}
	textBranch      = i18n.Text{KK: "Филиал", RU: "Филиал", EN: "Branch"}
	textMonth       = i18n.Text{KK: "Қабылдау айы", RU: "Месяц приёма", EN: "Month of receipt"}
	textNoBranch    = i18n.Text{KK: "филиалсыз (портал)", RU: "без филиала (портал)", EN: "no branch (portal)"}
	textTotal       = i18n.Text{KK: "Барлығы", RU: "Итого", EN: "Total"}
	textNothing     = i18n.Text{KK: "шешім жоқ", RU: "нет решений", EN: "no decisions"}
	textChartPrefix = i18n.Text{KK: "Мерзімінде шешілген өтініштер үлесі", RU: "Доля заявлений, решённых в срок", EN: "Share of applications decided on time"}
	textChartDesc   = i18n.Text{
		KK: "Әр баған — мерзімінде шешілгендердің шешілгендердің барлығына үлесі; бағанды басып, өтініштерді ашыңыз.",
		RU: "Каждый столбец — доля решённых в срок среди всех решённых; нажмите на столбец, чтобы открыть заявления.",
		EN: "Each bar is the share of decided applications decided on time; select a bar to open the applications.",
	}
)

// dimensionName is the heading of a dimension.
func dimensionName(d Dimension) i18n.Text {
	switch d {
	case ByService:
		return textService
	case ByChannel:
		return textChannel
	case ByBranch:
		return textBranch
	}
	return textMonth
}

// MeasureName is the heading of a measure, for the drill-down page.
func MeasureName(m Measure) i18n.Text {
	switch m {
	case Received:
		return textReceived
	case Decided:
		return textDecided
	case OnTime:
		return textOnTime
	case Late:
		return textLate
	}
	return textOverdue
}

// Label is the value of dimension d in k as a reader sees it on the charts,
// the exports and the dashboard: the service's name from its latest standard,
// the channel's name, the branch code, the month.
func Label(k Key, d Dimension, lang i18n.Lang) string {
	switch d {
	case ByService:
		if set, err := standard.Default(); err == nil {
			if vs := set.Versions(k.Service); len(vs) > 0 {
				return vs[len(vs)-1].Name.In(lang)
			}
		}
		return string(k.Service)
	case ByChannel:
		if k.Channel.Valid() {
			return k.Channel.Name().In(lang)
		}
		return string(k.Channel)
	case ByBranch:
		if k.Branch == "" {
			return textNoBranch.In(lang)
		}
		return k.Branch
	}
	return k.Month
}
