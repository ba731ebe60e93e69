package casework

import "qyzmet/internal/i18n"

// finalStates are states no command leaves. issued and refused are final too
// when the result is electronic (Application.Final).
var finalStates = map[State]bool{
	StateRefusedAtIntake: true,
	StateInterimReply:    true,
	StateHandedOver:      true,
	StateFiled:           true,
	StateSatisfied:       true,
	StateReviewed:        true,
}

// Final reports whether the application is in a state no command leaves: a final
// state, or a decision whose result is electronic and so needs no hand-over.
func (a *Application) Final() bool {
	if finalStates[a.State] {
		return true
	}
	return (a.State == StateIssued || a.State == StateRefused) && a.Decision != nil && !a.Decision.Paper
}

// stateNames names the states for the notifications and the desks.
var stateNames = map[State]i18n.Text{
	StateSubmitted:          {KK: "өтініш берілді", RU: "заявление подано", EN: "submitted"},
	StateRefusedAtIntake:    {KK: "құжаттарды қабылдаудан бас тартылды", RU: "отказано в приёме документов", EN: "documents refused at intake"},
	StateAccepted:           {KK: "құжаттар қабылданды", RU: "документы приняты", EN: "accepted"},
	StateRegistered:         {KK: "тіркелді", RU: "зарегистрировано", EN: "registered"},
	StateVerification:       {KK: "тексерілуде", RU: "на проверке", EN: "under verification"},
	StateAdditionalCheck:    {KK: "қосымша анықтамалық тексеріс жүргізілуде", RU: "проводится дополнительная справочная проверка", EN: "additional reference check"},
	StatePreliminaryRefusal: {KK: "бас тарту туралы алдын ала шешім", RU: "предварительное решение об отказе", EN: "preliminary refusal"},
	StateHearingScheduled:   {KK: "тыңдау тағайындалды", RU: "назначено заслушивание", EN: "hearing scheduled"},
	StateHearingHeld:        {KK: "тыңдау өткізілді", RU: "заслушивание проведено", EN: "hearing held"},
	StateIssued:             {KK: "нәтиже ресімделді", RU: "результат оформлен", EN: "result issued"},
	StateRefused:            {KK: "қызмет көрсетуден уәжді бас тартылды", RU: "мотивированный отказ в оказании услуги", EN: "refused"},
	StateInterimReply:       {KK: "аралық жауап жіберілді", RU: "направлен промежуточный ответ", EN: "interim reply sent"},
	StateDispatched:         {KK: "нәтиже Мемлекеттік корпорацияға жіберілді", RU: "результат направлен в Государственную корпорацию", EN: "sent to the State Corporation"},
	StateReadyForPickup:     {KK: "нәтиже алуға дайын", RU: "результат готов к выдаче", EN: "ready for pick-up"},
	StateHandedOver:         {KK: "нәтиже берілді", RU: "результат выдан", EN: "handed over"},
	StateReturnedToProvider: {KK: "нәтиже көрсетілетін қызметті берушіге қайтарылды", RU: "результат возвращён услугодателю", EN: "returned to the provider"},
	StateFiled:              {KK: "номенклатуралық іске тігілді", RU: "помещено в номенклатурное дело", EN: "filed in the nomenclature file"},
	StateForwarded:          {KK: "шағым қарайтын органға жіберілді", RU: "жалоба направлена в орган, рассматривающий жалобы", EN: "forwarded to the reviewing body"},
	StateSatisfied:          {KK: "шағым қанағаттандырылды", RU: "жалоба удовлетворена", EN: "complaint satisfied"},
	StateReviewed:           {KK: "шағым қаралды, жауап жіберілді", RU: "жалоба рассмотрена, ответ направлен", EN: "complaint reviewed, reply sent"},
}

// Name is the state in the three languages.
func (s State) Name() i18n.Text {
	if t, ok := stateNames[s]; ok {
		return t
	}
	return i18n.Text{KK: string(s), RU: string(s), EN: string(s)}
}

// States lists every state in lifecycle order.
func States() []State {
	return []State{StateSubmitted, StateRefusedAtIntake, StateAccepted, StateRegistered, StateVerification,
		StateAdditionalCheck, StatePreliminaryRefusal, StateHearingScheduled, StateHearingHeld, StateIssued,
		StateRefused, StateInterimReply, StateDispatched, StateReadyForPickup, StateHandedOver,
		StateReturnedToProvider, StateFiled, StateForwarded, StateSatisfied, StateReviewed}
}
