package casework

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"qyzmet/internal/apperr"
	"qyzmet/internal/calendar"
	"qyzmet/internal/i18n"
	"qyzmet/internal/standard"
)

// Command names.
const (
	cmdUpdateChecklist      = "update-checklist"
	cmdAccept               = "accept"
	cmdRefuseAtIntake       = "refuse-at-intake"
	cmdGiveConsent          = "give-consent"
	cmdDeclineConsent       = "decline-consent"
	cmdRegister             = "register"
	cmdAssign               = "assign"
	cmdStartVerification    = "start-verification"
	cmdStartAdditionalCheck = "start-additional-check"
	cmdInterimReply         = "interim-reply"
	cmdPreliminaryRefusal   = "preliminary-refusal"
	cmdScheduleHearing      = "schedule-hearing"
	cmdHoldHearing          = "hold-hearing"
	cmdRecordVerification   = "record-verification"
	cmdIssue                = "issue"
	cmdRefuse               = "refuse"
	cmdDispatch             = "dispatch"
	cmdReceiveAtBranch      = "receive-at-branch"
	cmdHandOver             = "hand-over"
	cmdReturnToProvider     = "return-to-provider"
	cmdRequestBack          = "request-back"
	cmdFile                 = "file"
	cmdForward              = "forward"
	cmdSatisfy              = "satisfy"
	cmdReply                = "reply"
)

// commandDef is one command of the state machine: who may issue it, from which
// states, what the standard must allow, and what it does.
type commandDef struct {
	spec CommandSpec
	// allowed checks that the application's standard uses this command at all
	// (a refusal, a hearing, a registration step …); its error names the rule.
	allowed func(c *change) error
	run     func(c *change, data []byte) error
}

var (
	decisionStates = []State{StateVerification, StateAdditionalCheck, StateHearingHeld}
	openStates     = []State{StateSubmitted, StateAccepted, StateRegistered, StateVerification, StateAdditionalCheck,
		StatePreliminaryRefusal, StateHearingScheduled, StateHearingHeld, StateIssued, StateRefused, StateDispatched,
		StateReadyForPickup, StateReturnedToProvider, StateForwarded}
	staff = []Role{RoleOfficer, RoleHead}
)

func txt(kk, ru, en string) i18n.Text { return i18n.Text{KK: kk, RU: ru, EN: en} }

// commandTable is the state machine. docs/adr/0003-casework.md shows it as a table.
var commandTable = []commandDef{
	{spec: CommandSpec{Name: cmdUpdateChecklist, Roles: []Role{RoleOperator, RoleOfficer, RoleHead}, From: []State{StateSubmitted},
		Rule: "AC-9", Description: txt("Құжаттар тізбесін жаңарту", "Обновить перечень документов", "Update the documents checklist")},
		allowed: serviceOnly, run: runUpdateChecklist},
	{spec: CommandSpec{Name: cmdAccept, Roles: []Role{RoleOperator, RoleOfficer, RoleHead, RoleSystem}, From: []State{StateSubmitted}, To: StateAccepted,
		Rule: "G-2", Description: txt("Құжаттарды қабылдау", "Принять документы", "Accept the documents")},
		allowed: serviceOnly, run: runAccept},
	{spec: CommandSpec{Name: cmdRefuseAtIntake, Roles: []Role{RoleOperator, RoleOfficer, RoleHead}, From: []State{StateSubmitted}, To: StateRefusedAtIntake,
		Rule: "AC-15", Description: txt("Толық емес топтама: қабылдаудан бас тарту", "Неполный пакет: отказать в приёме", "Incomplete package: refuse to accept")},
		allowed: serviceOnly, run: runRefuseAtIntake},
	{spec: CommandSpec{Name: cmdGiveConsent, Roles: []Role{RoleApplicant}, From: []State{StateSubmitted},
		Rule: "CR-STD-8.4", Description: txt("Мәліметтерді беруге келісім беру", "Дать согласие на предоставление сведений", "Consent to the request about me")},
		allowed: needsConsent, run: runGiveConsent},
	{spec: CommandSpec{Name: cmdDeclineConsent, Roles: []Role{RoleApplicant}, From: []State{StateSubmitted}, To: StateRefusedAtIntake,
		Rule: "CR-STD-8.4", Description: txt("Келісім беруден бас тарту", "Отказать в согласии", "Decline the request about me")},
		allowed: needsConsent, run: runDeclineConsent},
	{spec: CommandSpec{Name: cmdRegister, Roles: staff, From: []State{StateAccepted}, To: StateRegistered,
		Rule: "AP-6.1", Description: txt("Журналда тіркеу", "Зарегистрировать в журнале", "Register in the journal")},
		allowed: stepNamed(stepRegister), run: runRegister},
	{spec: CommandSpec{Name: cmdAssign, Roles: staff, From: openStates,
		Description: txt("Орындаушыны тағайындау", "Назначить исполнителя", "Assign an officer")},
		run: runAssign},
	{spec: CommandSpec{Name: cmdStartVerification, Roles: append(slices.Clone(staff), RoleSystem), From: []State{StateAccepted, StateRegistered}, To: StateVerification,
		Rule: "AP-6.2", Description: txt("Тексеруді бастау", "Начать проверку", "Start the verification")},
		allowed: serviceOnly, run: runStartVerification},
	{spec: CommandSpec{Name: cmdStartAdditionalCheck, Roles: append(slices.Clone(staff), RoleSystem), From: []State{StateVerification}, To: StateAdditionalCheck,
		Rule: "CR-STD-3.1", Description: txt("Қосымша анықтамалық тексеріс", "Дополнительная справочная проверка", "Start an additional reference check")},
		allowed: pathNamed(standard.PathAdditionalCheck), run: runStartAdditionalCheck},
	{spec: CommandSpec{Name: cmdInterimReply, Roles: append(slices.Clone(staff), RoleSystem), From: []State{StateAdditionalCheck}, To: StateInterimReply,
		Rule: "CR-STD-3.4", Description: txt("Аралық жауап жіберу", "Направить промежуточный ответ", "Send the interim reply")},
		allowed: stepNamed(stepInterimReply), run: runInterimReply},
	{spec: CommandSpec{Name: cmdPreliminaryRefusal, Roles: staff, From: []State{StateVerification, StateAdditionalCheck}, To: StatePreliminaryRefusal,
		Rule: "AP-6.4", Description: txt("Бас тарту туралы алдын ала шешім", "Предварительное решение об отказе", "Preliminary refusal")},
		allowed: hearingRequired, run: runPreliminaryRefusal},
	{spec: CommandSpec{Name: cmdScheduleHearing, Roles: staff, From: []State{StatePreliminaryRefusal}, To: StateHearingScheduled,
		Rule: "AP-6.4", Description: txt("Тыңдау туралы хабарлау", "Уведомить о заслушивании", "Send the hearing notice")},
		allowed: hearingRequired, run: runScheduleHearing},
	{spec: CommandSpec{Name: cmdHoldHearing, Roles: staff, From: []State{StateHearingScheduled}, To: StateHearingHeld,
		Rule: "AP-6.4", Description: txt("Тыңдау өткізу", "Провести заслушивание", "Hold the hearing")},
		allowed: hearingRequired, run: runHoldHearing},
	{spec: CommandSpec{Name: cmdRecordVerification, Roles: []Role{RoleOfficer, RoleHead, RoleArchivist}, From: decisionStates,
		Rule: "AP-6.2", Description: txt("Тексеру қорытындысын жазу", "Записать результат проверки", "Record the verification")},
		allowed: recordable, run: runRecordVerification},
	{spec: CommandSpec{Name: cmdIssue, Roles: append(slices.Clone(staff), RoleSystem), From: decisionStates, To: StateIssued,
		Rule: "AP-6.3", Description: txt("Нәтижені ресімдеу", "Оформить результат", "Issue the result")},
		allowed: serviceOnly, run: runIssue},
	{spec: CommandSpec{Name: cmdRefuse, Roles: staff, From: decisionStates, To: StateRefused,
		Rule: "AP-STD-9", Description: txt("Уәжді бас тарту", "Мотивированный отказ", "Refuse with grounds")},
		allowed: refuseAllowed, run: runRefuse},
	{spec: CommandSpec{Name: cmdDispatch, Roles: staff, From: []State{StateIssued, StateRefused}, To: StateDispatched,
		Rule: "AP-6.5", Description: txt("Мемлекеттік корпорацияға жіберу", "Направить в Государственную корпорацию", "Send to the State Corporation")},
		allowed: paperResult, run: runDispatch},
	{spec: CommandSpec{Name: cmdReceiveAtBranch, Roles: []Role{RoleOperator}, From: []State{StateDispatched}, To: StateReadyForPickup,
		Rule: "G-7", Description: txt("Филиалда қабылдау", "Принять в филиале", "Receive at the branch")},
		allowed: paperResult, run: runReceiveAtBranch},
	{spec: CommandSpec{Name: cmdHandOver, Roles: []Role{RoleOperator}, From: []State{StateReadyForPickup}, To: StateHandedOver,
		Rule: "G-8", Description: txt("Нәтижені беру", "Выдать результат", "Hand over the result")},
		allowed: paperResult, run: runHandOver},
	{spec: CommandSpec{Name: cmdReturnToProvider, Roles: []Role{RoleOperator, RoleSystem}, From: []State{StateReadyForPickup}, To: StateReturnedToProvider,
		Rule: "G-7", Description: txt("Көрсетілетін қызметті берушіге қайтару", "Вернуть услугодателю", "Return to the provider")},
		allowed: paperResult, run: runReturnToProvider},
	{spec: CommandSpec{Name: cmdRequestBack, Roles: []Role{RoleOperator}, From: []State{StateReturnedToProvider}, To: StateDispatched,
		Rule: "G-7", Description: txt("Нәтижені қайта сұрату", "Запросить результат обратно", "Request the result back")},
		allowed: paperResult, run: runRequestBack},
	{spec: CommandSpec{Name: cmdFile, Roles: []Role{RoleArchivist, RoleSystem}, From: []State{StateReturnedToProvider}, To: StateFiled,
		Rule: "G-7", Description: txt("Номенклатуралық іске тігу", "Поместить в номенклатурное дело", "File in the nomenclature file")},
		allowed: paperResult, run: runFile},
	{spec: CommandSpec{Name: cmdForward, Roles: staff, From: []State{StateRegistered}, To: StateForwarded,
		Rule: "CP-2", Description: txt("Шағымды қарайтын органға жіберу", "Направить жалобу в орган, рассматривающий жалобы", "Forward to the reviewing body")},
		allowed: forwardStep, run: runForward},
	{spec: CommandSpec{Name: cmdSatisfy, Roles: staff, From: []State{StateRegistered}, To: StateSatisfied,
		Rule: "CP-2", Description: txt("Шағымды толық қанағаттандыру", "Полностью удовлетворить жалобу", "Satisfy the complaint in full")},
		allowed: forwardStep, run: runSatisfy},
	{spec: CommandSpec{Name: cmdReply, Roles: []Role{RoleComplaints, RoleQuality, RoleHead}, From: []State{StateRegistered, StateForwarded}, To: StateReviewed,
		Rule: "CP-3", Description: txt("Шағымға уәжді жауап", "Мотивированный ответ на жалобу", "Reply to the complaint")},
		allowed: complaintOnly, run: runReply},
}

// commandIndex finds a command by name. It is filled in init because commands
// run other commands (cascades, timers), which a variable initializer cannot.
var commandIndex = map[string]*commandDef{}

func init() {
	for i := range commandTable {
		commandIndex[commandTable[i].spec.Name] = &commandTable[i]
	}
}

// Commands lists every command with its roles, states and rule.
func (e *Engine) Commands() []CommandSpec {
	out := make([]CommandSpec, len(commandTable))
	for i, d := range commandTable {
		out[i] = d.spec
		out[i].Roles = slices.Clone(d.spec.Roles)
		out[i].From = slices.Clone(d.spec.From)
	}
	return out
}

// ---- what the standard allows ----

func notUsed(rule string, text i18n.Text, args ...any) error {
	return invalid("not_in_standard", "command", rule, text, args...)
}

func serviceOnly(c *change) error {
	if c.app.Complaint != nil {
		return notUsed("CP-7", txt("бұл команда шағымға қолданылмайды", "эта команда не применяется к жалобе", "this command does not apply to a complaint"))
	}
	return nil
}

func complaintOnly(c *change) error {
	if c.app.Complaint == nil {
		return notUsed("CP-1", txt("бұл команда тек шағымға қолданылады", "эта команда применяется только к жалобе", "this command applies to complaints only"))
	}
	return nil
}

// stepNamed allows a command only when the standard names its step.
func stepNamed(id string) func(c *change) error {
	return func(c *change) error {
		if err := serviceOnly(c); err != nil {
			return err
		}
		if _, ok := c.std.Step(id); !ok {
			return notUsed("", txt("%s стандартында (%s нұсқасы) «%s» кезеңі жоқ", "в стандарте %s (редакция %s) нет этапа «%s»",
				"the standard of %s (version %s) has no %q step"), c.std.Service, c.std.Version, id)
		}
		return nil
	}
}

// pathNamed allows a command only when the standard has deadlines for the path.
func pathNamed(p standard.Path) func(c *change) error {
	return func(c *change) error {
		if err := serviceOnly(c); err != nil {
			return err
		}
		if !hasPath(c.std, p) {
			return notUsed("", txt("%s стандартында «%s» тәртібі жоқ", "в стандарте %s нет порядка «%s»",
				"the standard of %s has no %q path"), c.std.Service, p)
		}
		return nil
	}
}

// refusalAllowed: Rule CR-STD-9 — a service whose standard states no grounds for
// refusal can never be refused.
func refusalAllowed(c *change) error {
	if err := serviceOnly(c); err != nil {
		return err
	}
	r := c.std.Refusal
	if r == nil || !r.Allowed {
		rule := ""
		if r != nil {
			rule = r.Rule
		}
		return invalid("refusal_not_allowed", "command", rule, txt(
			"%s стандартында бас тарту негіздері жоқ: қызметтен бас тартуға болмайды",
			"стандарт %s не содержит оснований для отказа: в услуге отказать нельзя",
			"the standard of %s has no grounds for refusal: the service cannot be refused"), c.std.Service)
	}
	return nil
}

// refuseAllowed: a refusal needs grounds in the standard (CR-STD-9) and, where
// the standard requires a hearing — every service that can refuse (AP-6.4,
// AR-6.2, AC-15-1; docs/standards.md decision 14) — a held one.
func refuseAllowed(c *change) error {
	if err := refusalAllowed(c); err != nil {
		return err
	}
	if h := c.std.Refusal.Hearing; h != nil && h.Required && c.app.State != StateHearingHeld {
		return invalid("hearing_required", "command", h.Rule, txt(
			"тыңдау өткізілмейінше бас тартуға болмайды: алдымен алдын ала шешім мен тыңдау",
			"отказ невозможен без проведённого заслушивания: сначала предварительное решение и заслушивание",
			"a refusal needs a held hearing first: make a preliminary refusal and hold the hearing"))
	}
	return nil
}

// hearingRequired: the hearing commands exist only where the standard requires a
// hearing before a refusal (AP-6.4, AR-6.2, AC-15-1).
func hearingRequired(c *change) error {
	if err := refusalAllowed(c); err != nil {
		return err
	}
	if h := c.std.Refusal.Hearing; h == nil || !h.Required {
		return invalid("no_hearing", "command", c.std.Refusal.Rule, txt(
			"%s стандартында бас тарту алдында тыңдау көзделмеген: бірден уәжді бас тарту ресімделеді",
			"стандарт %s не предусматривает заслушивания перед отказом: отказ оформляется сразу",
			"the standard of %s has no hearing before a refusal: refuse directly"), c.std.Service)
	}
	return nil
}

func hearingRule(std *standard.Standard) string {
	if std.Refusal != nil && std.Refusal.Hearing != nil {
		return std.Refusal.Hearing.Rule
	}
	return ""
}

// paperResult: dispatch, pick-up and storage exist only for a result on paper (G-7).
func paperResult(c *change) error {
	if err := serviceOnly(c); err != nil {
		return err
	}
	if c.app.Decision == nil || !c.app.Decision.Paper {
		return invalid("not_paper", "command", "G-7", txt(
			"нәтиже электрондық: ол жеке кабинетке жіберілді, жеткізу мен сақтау жоқ",
			"результат электронный: он направлен в личный кабинет, доставки и хранения нет",
			"the result is electronic: it went to the personal cabinet; there is nothing to deliver or store"))
	}
	return nil
}

// forwardStep: Rule CP-2 — only a complaint addressed to the provider it
// appeals, under a complaint standard with the forwarding step.
func forwardStep(c *change) error {
	if err := complaintOnly(c); err != nil {
		return err
	}
	if c.app.clock(stepForwardOrSatisfy) == nil {
		return notUsed("CP-2", txt(
			"жіберу не қанағаттандыру тек шағымданылған көрсетілетін қызметті берушіге берілген шағымға қолданылады",
			"направление либо удовлетворение применяется только к жалобе, поданной обжалуемому услугодателю",
			"forwarding or satisfying applies only to a complaint addressed to the provider it appeals"))
	}
	return nil
}

func needsConsent(c *change) error {
	if err := serviceOnly(c); err != nil {
		return err
	}
	for _, d := range c.std.Documents {
		if d.Kind == standard.KindConsent && slices.ContainsFunc(c.app.Checklist, func(it ChecklistItem) bool {
			return it.DocumentID == d.ID && it.Status != DocWaived
		}) {
			return nil
		}
	}
	return notUsed("CR-STD-8.4", txt("бұл өтінішке келісім қажет емес", "согласие для этого заявления не требуется", "this application needs no consent"))
}

// ---- intake ----

type checklistData struct {
	Documents    []DocumentInput      `json:"documents"`
	Conditions   []standard.Condition `json:"conditions"`
	Payment      *Payment             `json:"payment"`
	PickupBranch *string              `json:"pickup_branch"`
	Fields       map[string]string    `json:"fields"`
}

func runUpdateChecklist(c *change, data []byte) error {
	var d checklistData
	if err := decodeData(data, &d); err != nil {
		return err
	}
	if err := applyChecklist(c, d, true); err != nil {
		return err
	}
	c.extra = func() error { return c.e.updateCombined(c, d) }
	return nil
}

// applyChecklist applies checklist data to the change's application: the
// primary of a one-application request takes the unprefixed documents, a
// combined service those prefixed with its service ("apostille-prosecution/…").
func applyChecklist(c *change, d checklistData, primary bool) error {
	a := c.app
	if d.Conditions != nil {
		if err := checkConditions(d.Conditions, "data.conditions"); err != nil {
			return err
		}
		a.Declared = d.Conditions
	}
	if d.Payment != nil {
		if err := checkPayment(d.Payment, "data.payment"); err != nil {
			return err
		}
		a.Payment = d.Payment
	}
	if d.PickupBranch != nil {
		a.PickupBranch = *d.PickupBranch
	}
	for k, v := range d.Fields {
		if a.Fields == nil {
			a.Fields = map[string]string{}
		}
		a.Fields[k] = v
	}
	inputs, err := documentInputs(c.std, a.Channel, d.Documents, primary)
	if err != nil {
		return prefixField(err, "data.")
	}
	if err := c.e.rebuildChecklist(c.ctx, c.tx, c.std, a, inputs); err != nil {
		return err
	}
	c.payload = d
	c.rule = c.std.Documents[0].Rule
	for id := range inputs {
		for _, it := range a.Checklist {
			if it.DocumentID == id {
				c.rule = it.Rule
			}
		}
	}
	return nil
}

// updateCombined: the package of a one-application request is one (CR-STD-4,
// AP-STD-10, AR-STD-10), so a change to the primary's checklist — a document
// handed in later, the payment, a declared condition — reaches every combined
// service still waiting for intake, as at submission: each is rebuilt against the
// primary's new package, with its own event.
func (e *Engine) updateCombined(c *change, d checklistData) error {
	for _, l := range c.app.Links {
		if l.Kind != LinkCombined || l.Part != PartSecondary {
			continue
		}
		o, err := loadApp(c.ctx, c.tx, l.ApplicationID)
		if err != nil {
			return err
		}
		if o.State != StateSubmitted {
			continue
		}
		std, err := e.standardOf(o)
		if err != nil {
			return err
		}
		oc := e.newChange(c.ctx, c.tx, c.actor, o, std, cmdUpdateChecklist)
		if err := applyChecklist(oc, d, false); err != nil {
			return err
		}
		oc.payload = map[string]any{"with": c.app.ID, "data": d}
		if err := oc.commit(false); err != nil {
			return err
		}
	}
	return nil
}

// intakeAllowed says who accepts a package on each channel: the State
// Corporation operator, the provider's office, the system (the portal, and the
// combined services of one application).
func intakeAllowed(role Role, ch standard.Channel) bool {
	switch {
	case role == RoleSystem:
		return true
	case ch == standard.StateCorp:
		return role == RoleOperator
	case ch == standard.Portal:
		return false
	}
	return role == RoleOfficer || role == RoleHead
}

func intakeForbidden(c *change) error {
	return fail(apperr.Forbidden, "intake_channel", "", "", txt(
		"%s арнасы бойынша құжаттарды %s рөлі қабылдамайды", "документы по каналу %s принимает не роль %s",
		"documents on the %s channel are not accepted by the %s role"), c.app.Channel, c.actor.Role)
}

// incompleteRule is the rule behind refusing an incomplete package: the
// standard's own (AC-15), else the rule that requires the first missing item.
func incompleteRule(std *standard.Standard, miss []ChecklistItem) string {
	if std.IncompletePackage != nil {
		return std.IncompletePackage.Rule
	}
	if len(miss) > 0 {
		return miss[0].Rule
	}
	return ""
}

func runAccept(c *change, data []byte) error {
	if err := decodeData(data, &struct{}{}); err != nil {
		return err
	}
	if !intakeAllowed(c.actor.Role, c.app.Channel) {
		return intakeForbidden(c)
	}
	if miss := missing(c.app.Checklist); len(miss) > 0 {
		return incompletePackage("checklist", "", incompleteRule(c.std, miss), miss)
	}
	base, err := c.e.receiptBase(c)
	if err != nil {
		return err
	}
	if err := c.e.accept(c, base); err != nil {
		return err
	}
	c.e.cascadeIntake(c, cmdAccept)
	return nil
}

// receiptBase is the moment the package counts as handed in: its submission, or
// for a combined service received on another channel than its primary (an
// apostille at the branch chosen on the portal, CR-STD-5.3) the primary's receipt.
func (e *Engine) receiptBase(c *change) (time.Time, error) {
	p, err := e.primaryOf(c)
	if err != nil || p == nil || p.Channel == c.app.Channel || p.ReceivedAt.IsZero() {
		return c.app.SubmittedAt, err
	}
	return p.ReceivedAt, nil
}

// primaryOf loads the primary application of a combined one, or nil.
func (e *Engine) primaryOf(c *change) (*Application, error) {
	for _, l := range c.app.Links {
		if l.Kind == LinkCombined && l.Part == PartPrimary {
			return loadApp(c.ctx, c.tx, l.ApplicationID)
		}
	}
	return nil, nil
}

// cascadeIntake applies the intake decision on a one-application request to its
// combined services still waiting (CR-STD-4, AP-STD-4, AR-STD-4).
func (e *Engine) cascadeIntake(c *change, name string) {
	c.extra = func() error {
		for _, l := range c.app.Links {
			if l.Kind != LinkCombined || l.Part != PartSecondary {
				continue
			}
			o, err := loadApp(c.ctx, c.tx, l.ApplicationID)
			if err != nil {
				return err
			}
			if o.State != StateSubmitted {
				continue
			}
			actor := c.actor
			if !intakeAllowed(actor.Role, o.Channel) {
				actor = systemActor
			}
			if _, err := e.execute(c.ctx, c.tx, actor, o, commandIndex[name], Command{Name: name, ExpectedVersion: o.Version}); err != nil {
				return err
			}
		}
		return nil
	}
}

// accept starts the service: the receipt, the deadline and the clocks.
func (e *Engine) accept(c *change, submitted time.Time) error {
	if err := e.receive(c.app, submitted); err != nil {
		return err
	}
	c.to = StateAccepted
	// Rule G-2: the day of receipt is not counted; the deadline rule follows.
	c.rule = "G-2"
	c.payload = map[string]any{"received_at": c.app.ReceivedAt, "deadline_on": c.app.DeadlineOn, "deadline_rule": c.app.DeadlineRule}
	c.noteText = txt(
		fmt.Sprintf("Қабылданған күні: %s; мерзімі: %s (%s).", dateText(c.app.ReceivedOn), dateText(c.app.DeadlineOn), c.app.DeadlineRule),
		fmt.Sprintf("Дата приёма: %s; срок: %s (%s).", dateText(c.app.ReceivedOn), dateText(c.app.DeadlineOn), c.app.DeadlineRule),
		fmt.Sprintf("Received on %s; due on %s (%s).", dateText(c.app.ReceivedOn), dateText(c.app.DeadlineOn), c.app.DeadlineRule))
	return c.e.enqueueRecordCheck(c)
}

func runRefuseAtIntake(c *change, data []byte) error {
	if err := decodeData(data, &struct{}{}); err != nil {
		return err
	}
	if !intakeAllowed(c.actor.Role, c.app.Channel) {
		return intakeForbidden(c)
	}
	miss := missing(c.app.Checklist)
	c.rule = incompleteRule(c.std, miss)
	if len(miss) == 0 {
		// A combined service goes with its primary's refusal: one application.
		p, err := c.e.primaryOf(c)
		if err != nil {
			return err
		}
		if p == nil || p.State != StateRefusedAtIntake {
			return invalid("package_complete", "command", "AC-15", txt(
				"топтама толық: құжаттарды қабылдау керек", "пакет полный: документы нужно принять", "the package is complete: accept it"))
		}
		c.payload = map[string]any{"with": p.ID}
		return nil
	}
	// Rule AC-15: refusal to accept an incomplete package, with the receipt
	// (AC-F2) listing the missing documents.
	c.app.Missing = nil
	for _, it := range miss {
		c.app.Missing = append(c.app.Missing, it.DocumentID)
	}
	c.payload = map[string]any{"missing": c.app.Missing}
	mt := missingText(miss)
	c.noteText = txt("Жетіспейтін құжаттар: "+mt.KK+".", "Отсутствующие документы: "+mt.RU+".", "Missing documents: "+mt.EN+".")
	c.e.cascadeIntake(c, cmdRefuseAtIntake)
	return nil
}

// bySubject: only the person whose data is requested answers the consent request.
func bySubject(c *change) error {
	if s := c.app.Subject; s == nil || s.Person.IIN == "" || s.Person.IIN != c.actor.IIN {
		return fail(apperr.Forbidden, "consent_by_subject", "", "CR-STD-8.4", txt(
			"келісімді мәліметтері сұратылатын адам ғана береді", "согласие даёт только лицо, сведения о котором запрашиваются",
			"only the person whose data is requested can consent"))
	}
	return nil
}

func runDeclineConsent(c *change, data []byte) error {
	if err := decodeData(data, &struct{}{}); err != nil {
		return err
	}
	if err := bySubject(c); err != nil {
		return err
	}
	// Rule CR-STD-8.4: without the consent the third-party request is not executed.
	c.rule = "CR-STD-8.4"
	c.payload = map[string]any{"consent": "declined"}
	c.noteText = txt("Мәліметтері сұратылған адам келісім бермеді.", "Лицо, сведения о котором запрашивались, не дало согласия.",
		"The person whose data was requested declined to consent.")
	return nil
}

func runGiveConsent(c *change, data []byte) error {
	if err := decodeData(data, &struct{}{}); err != nil {
		return err
	}
	a := c.app
	if err := bySubject(c); err != nil {
		return err
	}
	// Rule CR-STD-8.4: a third-party e-request is executed only with the consent
	// of the person concerned, given in the personal cabinet.
	now := c.now
	a.ConsentGiven = &now
	if err := c.e.rebuildChecklist(c.ctx, c.tx, c.std, a, nil); err != nil {
		return err
	}
	c.rule = "CR-STD-8.4"
	if len(missing(a.Checklist)) == 0 && a.Channel == standard.Portal {
		// The request is received when the consent completes it.
		return c.e.accept(c, now)
	}
	return nil
}

// ---- the provider ----

func runRegister(c *change, data []byte) error {
	if err := decodeData(data, &struct{}{}); err != nil {
		return err
	}
	st, _ := c.std.Step(stepRegister)
	// Rule AP-6.1: on the day the documents arrive, the applicant's data goes
	// into the journal of apostilled documents under the next number.
	year := calendar.DateOf(c.now).Year
	n, err := nextNumber(c.ctx, c.tx, c.app.Provider, year)
	if err != nil {
		return err
	}
	c.app.Number = fmt.Sprintf("%d-%06d", year, n)
	c.rule = st.Rule
	c.done = []string{stepRegister}
	c.payload = map[string]any{"number": c.app.Number}
	return nil
}

func runAssign(c *change, data []byte) error {
	var d struct {
		Assignee string `json:"assignee"`
	}
	if err := decodeData(data, &d); err != nil {
		return err
	}
	if strings.TrimSpace(d.Assignee) == "" {
		return required("data.assignee")
	}
	c.app.Assignee = d.Assignee
	c.payload = d
	c.noStatus = true
	return nil
}

func runStartVerification(c *change, data []byte) error {
	var d struct {
		Assignee string `json:"assignee"`
	}
	if err := decodeData(data, &d); err != nil {
		return err
	}
	if st, ok := c.std.Step(stepRegister); ok && c.app.State != StateRegistered {
		return invalid("register_first", "command", st.Rule, txt(
			"алдымен журналда тіркеу керек", "сначала нужно зарегистрировать в журнале", "register the application in the journal first"))
	}
	if d.Assignee != "" {
		c.app.Assignee = d.Assignee
	} else if c.app.Assignee == "" && c.actor.Role != RoleSystem {
		c.app.Assignee = c.actor.ID
	}
	c.rule = c.app.DeadlineRule
	for _, id := range []string{stepCheck, stepSearch} {
		if st, ok := c.std.Step(id); ok {
			c.rule = st.Rule // Rule AP-6.2, AR-6.3: the check (search) starts
		}
	}
	c.payload = d
	return nil
}

func runStartAdditionalCheck(c *change, data []byte) error {
	if err := decodeData(data, &struct{}{}); err != nil {
		return err
	}
	a := c.app
	// Rule CR-STD-3.1: with an additional reference check the deadline is 5
	// working days from receipt; CR-STD-3.4 adds the interim reply clock.
	a.AdditionalCheck = true
	if err := c.e.receive(a, a.ReceivedAt); err != nil {
		return err
	}
	c.rule = a.DeadlineRule
	c.payload = map[string]any{"deadline_on": a.DeadlineOn}
	c.noteText = txt(
		fmt.Sprintf("Жаңа мерзім: %s (%s).", dateText(a.DeadlineOn), a.DeadlineRule),
		fmt.Sprintf("Новый срок: %s (%s).", dateText(a.DeadlineOn), a.DeadlineRule),
		fmt.Sprintf("New deadline: %s (%s).", dateText(a.DeadlineOn), a.DeadlineRule))
	return nil
}

func runInterimReply(c *change, data []byte) error {
	var d struct {
		Text string `json:"text"`
	}
	if err := decodeData(data, &d); err != nil {
		return err
	}
	a := c.app
	st, _ := c.std.Step(stepInterimReply)
	// Rule CR-STD-3.4: the interim reply tells the applicant to apply again after
	// 20 working days from receipt; it closes the application.
	dec := &Decision{Outcome: OutcomeInterimReply, Rule: st.Rule, Text: d.Text, DecidedAt: c.now, DecidedBy: c.actor.ID}
	if r, ok := c.std.Step(stepReapplyAfter); ok {
		from, _ := c.e.Calendar().AddWorkingDays(a.ReceivedOn, r.WorkingDays)
		dec.ReapplyFrom = &from
	}
	if res, ok := pickResult(c.std, a, OutcomeInterimReply); ok {
		dec.Result = res.ID
	}
	a.Decision = dec
	c.rule = st.Rule
	c.done = []string{stepInterimReply, ClockDeadline}
	c.payload = dec
	c.noteKind = NoteInterimReply
	if dec.ReapplyFrom != nil {
		c.noteText = txt(
			fmt.Sprintf("Қосымша тексеріс аяқталмады: %s бастап қайта жүгініңіз.", dateText(*dec.ReapplyFrom)),
			fmt.Sprintf("Дополнительная проверка не завершена: обратитесь повторно с %s.", dateText(*dec.ReapplyFrom)),
			fmt.Sprintf("The additional check is not finished: apply again from %s.", dateText(*dec.ReapplyFrom)))
	}
	return nil
}

// grounds checks refusal grounds against the standard.
func grounds(std *standard.Standard, ids []string, field string) error {
	if len(ids) == 0 {
		return required(field)
	}
	var known []string
	for _, g := range std.Refusal.Grounds {
		known = append(known, g.ID)
	}
	for i, id := range ids {
		if !slices.Contains(known, id) {
			return badValue(fmt.Sprintf("%s[%d]", field, i), id, known)
		}
	}
	return nil
}

func groundsText(std *standard.Standard, ids []string) i18n.Text {
	var kk, ru, en []string
	for _, g := range std.Refusal.Grounds {
		if slices.Contains(ids, g.ID) {
			kk, ru, en = append(kk, g.Name.In(i18n.KK)), append(ru, g.Name.In(i18n.RU)), append(en, g.Name.In(i18n.EN))
		}
	}
	return txt(strings.Join(kk, "; "), strings.Join(ru, "; "), strings.Join(en, "; "))
}

func runPreliminaryRefusal(c *change, data []byte) error {
	var d struct {
		Grounds []string `json:"grounds"`
		Text    string   `json:"text"`
	}
	if err := decodeData(data, &d); err != nil {
		return err
	}
	if err := grounds(c.std, d.Grounds, "data.grounds"); err != nil {
		return err
	}
	a := c.app
	// Rule AP-6.4, AR-6.2, AC-15-1: grounds to refuse open the hearing procedure.
	// Where the standard sets limits (AP, AR), the notice is due at least 3
	// working days before the deadline (and, AR-6.2, within 2 working days of
	// receipt); AC's text sets none, so NoticeBy stays empty.
	a.Hearing = &Hearing{Grounds: d.Grounds}
	for _, k := range c.e.plan(c.std, a) {
		if strings.HasPrefix(k.ID, stepHearingNotice) && (a.Hearing.NoticeBy.IsZero() || k.DueOn.Before(a.Hearing.NoticeBy)) {
			a.Hearing.NoticeBy = k.DueOn
		}
	}
	c.rule = hearingRule(c.std)
	c.done = []string{stepCheck, stepSearch}
	c.reason = d.Text
	c.payload = d
	c.noStatus = true // the applicant learns of it with the hearing notice
	return nil
}

// Hearing methods.
var hearingMethods = []string{"in-person", "video", "phone", "written"}

func runScheduleHearing(c *change, data []byte) error {
	var d struct {
		At     time.Time `json:"at"`
		Place  string    `json:"place"`
		Method string    `json:"method"`
	}
	if err := decodeData(data, &d); err != nil {
		return err
	}
	h := c.app.Hearing
	rule := hearingRule(c.std)
	switch {
	case d.At.IsZero():
		return required("data.at")
	case !d.At.After(c.now):
		return invalid("hearing_in_past", "data.at", rule, txt("тыңдау уақыты өтіп кеткен", "время заслушивания уже прошло", "the hearing time has passed"))
	case d.At.Before(c.app.ReceivedAt):
		return beforeReceipt("data.at", c.app)
	case d.Method == "":
		return required("data.method")
	case !slices.Contains(hearingMethods, d.Method):
		return badValue("data.method", d.Method, hearingMethods)
	case d.Method == "in-person" && strings.TrimSpace(d.Place) == "":
		return required("data.place")
	}
	// Rule AP-6.4, AR-6.2: the hearing is held no later than 2 working days after
	// the notice. A standard without the step (AC-15-1) bounds it only by order:
	// after the notice (checked above) and before the refusal (refuseAllowed).
	if st, ok := c.std.Step(stepHearing); ok {
		latest, _ := c.e.Calendar().AddWorkingDays(calendar.DateOf(c.now), st.WorkingDays)
		if calendar.DateOf(d.At).After(latest) {
			return invalid("hearing_too_late", "data.at", st.Rule, txt(
				"тыңдау хабарламадан кейін %d жұмыс күнінен кешіктірмей, %s дейін өткізіледі",
				"заслушивание проводится не позднее %d рабочих дней со дня уведомления, до %s",
				"the hearing is held no later than %d working days after the notice, by %s"), st.WorkingDays, dateText(latest))
		}
		h.LatestOn = latest
	}
	now := c.now
	at := d.At.UTC()
	h.NoticeSentAt, h.At, h.Place, h.Method = &now, &at, d.Place, d.Method
	c.rule = rule
	c.done = []string{stepHearingNotice, stepHearingNotice + "-from-receipt"}
	c.payload = d
	c.noteKind = NoteHearingNotice
	g := groundsText(c.std, h.Grounds)
	c.noteText = txt(
		fmt.Sprintf("Бас тарту туралы алдын ала шешім: %s. Тыңдау: %s, %s %s. Өз ұстанымыңызды білдіре аласыз.", g.KK, stamp(at), d.Method, d.Place),
		fmt.Sprintf("Предварительное решение об отказе: %s. Заслушивание: %s, %s %s. Вы можете выразить свою позицию.", g.RU, stamp(at), d.Method, d.Place),
		fmt.Sprintf("Preliminary refusal: %s. Hearing: %s, %s %s. You may state your position.", g.EN, stamp(at), d.Method, d.Place))
	return nil
}

func runHoldHearing(c *change, data []byte) error {
	var d struct {
		Attended bool   `json:"attended"`
		Position string `json:"position"`
		Minutes  string `json:"minutes"`
	}
	if err := decodeData(data, &d); err != nil {
		return err
	}
	h := c.app.Hearing
	if c.now.Before(c.app.ReceivedAt) {
		return beforeReceipt("command", c.app)
	}
	if h.At != nil && c.now.Before(*h.At) {
		return invalid("hearing_not_yet", "command", hearingRule(c.std), txt(
			"тыңдау %s белгіленген", "заслушивание назначено на %s", "the hearing is set for %s"), stamp(*h.At))
	}
	now := c.now
	h.HeldAt, h.Attended, h.Position, h.Minutes = &now, d.Attended, d.Position, d.Minutes
	c.rule = hearingRule(c.std)
	c.done = []string{stepHearing}
	c.payload = d
	return nil
}

// beforeReceipt: Rule G-3 — a portal application made after working hours is
// received the next working day, and its procedure, the hearing included
// (AP-6.4, AR-6.2), starts no earlier than that moment.
func beforeReceipt(field string, a *Application) error {
	return invalid("before_receipt", field, "G-3", txt(
		"өтініш %s қабылданды: тыңдау одан ерте болмайды", "заявление принято %s: заслушивание не может быть раньше",
		"the application was received at %s: the hearing cannot come earlier"), stamp(a.ReceivedAt))
}

type decisionData struct {
	Result      string   `json:"result"`
	Grounds     []string `json:"grounds"`
	Text        string   `json:"text"`
	DocumentRef string   `json:"document_ref"`
	// Medium is the medium the applicant chose when the standard offers both
	// (AR-6.4: a no-data reply on paper or electronically).
	Medium standard.Medium `json:"medium"`
	// Finding is what a criminal-record certificate states (CR-STD-5.1); by
	// default the automatic check's unambiguous answer.
	Finding string `json:"finding"`
	// Fields are data the result prints that the application lacks (the
	// subject's birth_place for a certificate); they join Application.Fields.
	Fields map[string]string `json:"fields"`
	// Apostille is the official document to apostille, verified against the
	// specimens (AP-6.2, AC-15-1); CardID the card that answered an archival
	// request (AR-6.3). docs/adr/0004-automation.md shows their shapes.
	Apostille *ApostilleInput `json:"apostille"`
	CardID    string          `json:"card_id"`
}

// resultOutcomes says which outcome each result ID of the standards' format
// belongs to; any other result is an issued one.
var resultOutcomes = map[string]string{
	"motivated-refusal": OutcomeRefused,
	"interim-reply":     OutcomeInterimReply,
	"readiness-notice":  "notice", // a notice in the cabinet about the paper result (AC-6), never the result itself
	"motivated-reply":   "complaint",
}

func outcomeOf(resultID string) string {
	if o, ok := resultOutcomes[resultID]; ok {
		return o
	}
	return OutcomeIssued
}

// pickResult is the standard's result for an outcome on the application's
// channel and paths: one for the application's path first, else a general one.
func pickResult(std *standard.Standard, a *Application, outcome string) (standard.Result, bool) {
	var paths []standard.Path
	if a.TravelAbroad {
		paths = append(paths, standard.PathTravelAbroad)
	}
	if a.AdditionalCheck {
		paths = append(paths, standard.PathAdditionalCheck)
	}
	var general *standard.Result
	for i, r := range std.Results {
		if outcomeOf(r.ID) != outcome || (len(r.Channels) > 0 && !slices.Contains(r.Channels, a.Channel)) {
			continue
		}
		if len(r.Paths) > 0 {
			if intersects(r.Paths, paths) {
				return r, true
			}
			continue
		}
		if general == nil {
			general = &std.Results[i]
		}
	}
	if general != nil {
		return *general, true
	}
	return standard.Result{}, false
}

// decide builds a decision with its result and medium.
func decide(c *change, outcome string, d decisionData) (*Decision, error) {
	a := c.app
	var res standard.Result
	if d.Result != "" {
		i := slices.IndexFunc(c.std.Results, func(r standard.Result) bool { return r.ID == d.Result })
		if i < 0 || outcomeOf(d.Result) != outcome {
			var known []string
			for _, r := range c.std.Results {
				if outcomeOf(r.ID) == outcome {
					known = append(known, r.ID)
				}
			}
			return nil, badValue("data.result", d.Result, known)
		}
		res = c.std.Results[i]
	} else if r, ok := pickResult(c.std, a, outcome); ok {
		res = r
	}
	paper := slices.Contains(res.Media, standard.Paper)
	if d.Medium != "" {
		if !slices.Contains(res.Media, d.Medium) {
			return nil, badValue("data.medium", string(d.Medium), res.Media)
		}
		paper = d.Medium == standard.Paper
	}
	return &Decision{Outcome: outcome, Result: res.ID, Paper: paper, Text: d.Text, DocumentRef: d.DocumentRef,
		DecidedAt: c.now, DecidedBy: c.actor.ID}, nil
}

func runIssue(c *change, data []byte) error {
	var d decisionData
	if err := decodeData(data, &d); err != nil {
		return err
	}
	if len(d.Grounds) > 0 {
		return invalid("grounds_on_issue", "data.grounds", "", txt("беру кезінде бас тарту негіздері көрсетілмейді",
			"при выдаче основания отказа не указываются", "an issued result has no grounds for refusal"))
	}
	a := c.app
	if err := c.e.primaryDecided(c); err != nil {
		return err
	}
	d.Result, d.Medium = recordedResult(c, d)
	dec, err := decide(c, OutcomeIssued, d)
	if err != nil {
		return err
	}
	if err := signedByHead(c, dec); err != nil {
		return err
	}
	if dec.Finding, err = finding(c, dec.Result, d.Finding); err != nil {
		return err
	}
	for k, v := range d.Fields {
		if a.Fields == nil {
			a.Fields = map[string]string{}
		}
		a.Fields[k] = v
	}
	a.Decision = dec
	if err := verifyApostille(c, d.Apostille); err != nil {
		return err
	}
	if err := answeringCard(c, d.CardID); err != nil {
		return err
	}
	// Rule AP-6.3, AR-6.4: the result is drawn up after the check (search); an
	// electronic result reaches the personal cabinet at once.
	c.rule = a.DeadlineRule
	if st, ok := c.std.Step(stepDrawUp); ok {
		c.rule = st.Rule
	}
	dec.Rule = c.rule
	c.done = []string{stepCheck, stepSearch, stepDrawUp}
	if !dec.Paper {
		c.done = append(c.done, ClockDeadline)
	}
	c.payload = dec
	return nil
}

// primaryDecided: a combined service acts on the primary's result (the
// apostille on the certificate), so it is issued only after the primary is.
func (e *Engine) primaryDecided(c *change) error {
	for _, l := range c.app.Links {
		if l.Kind != LinkCombined || l.Part != PartPrimary {
			continue
		}
		p, err := loadApp(c.ctx, c.tx, l.ApplicationID)
		if err != nil {
			return err
		}
		if p.Decision == nil || p.Decision.Outcome != OutcomeIssued {
			rule := ""
			if comb, ok := c.std.CombinesWith(p.Service); ok {
				rule = comb.Rule
			}
			return invalid("primary_not_issued", "command", rule, txt(
				"бір өтініш: алдымен %s (%s) нәтижесі ресімделуі керек",
				"одно заявление: сначала должен быть оформлен результат %s (%s)",
				"one application: the result of %s (%s) must be issued first"), p.Service, p.ID)
		}
	}
	return nil
}

func runRefuse(c *change, data []byte) error {
	var d decisionData
	if err := decodeData(data, &d); err != nil {
		return err
	}
	a, std := c.app, c.std
	if d.Finding != "" || len(d.Fields) > 0 || d.Apostille != nil || d.CardID != "" {
		field := "data.finding"
		switch {
		case d.Apostille != nil:
			field = "data.apostille"
		case d.CardID != "":
			field = "data.card_id"
		case d.Finding == "":
			field = "data.fields"
		}
		return invalid("not_on_refusal", field, "", txt("бас тартуда бұл өріс қолданылмайды",
			"в отказе это поле не применяется", "a refusal takes no such field"))
	}
	if len(d.Grounds) == 0 && a.Hearing != nil {
		d.Grounds = a.Hearing.Grounds
	}
	if err := grounds(std, d.Grounds, "data.grounds"); err != nil {
		return err
	}
	dec, err := decide(c, OutcomeRefused, d)
	if err != nil {
		return err
	}
	dec.Grounds, dec.Rule = d.Grounds, std.Refusal.Rule
	a.Decision = dec
	c.rule = std.Refusal.Rule
	c.done = []string{stepCheck, stepSearch, stepDrawUp}
	if !dec.Paper {
		c.done = append(c.done, ClockDeadline)
	}
	c.payload = dec
	g := groundsText(std, d.Grounds)
	c.noteText = txt("Негіздері: "+g.KK+".", "Основания: "+g.RU+".", "Grounds: "+g.EN+".")
	return nil
}

// ---- the result on paper ----

func runDispatch(c *change, data []byte) error {
	if err := decodeData(data, &struct{}{}); err != nil {
		return err
	}
	// Rule AP-6.5, AR-6.6: the result reaches the State Corporation no later than
	// one day before the deadline.
	c.rule = storageRule(c.std)
	if st, ok := c.std.Step(stepDelivery); ok {
		c.rule = st.Rule
	}
	c.done = []string{stepDelivery}
	return nil
}

func runReceiveAtBranch(c *change, data []byte) error {
	if err := decodeData(data, &struct{}{}); err != nil {
		return err
	}
	a := c.app
	c.rule = storageRule(c.std)
	if c.std.Storage != nil && (a.Storage == nil || a.Storage.ReturnedAt != nil) {
		// Rule G-7: the State Corporation keeps the result 1 month, then the
		// provider 2 more; at 3 months it goes into the nomenclature file. A
		// result requested back from the provider and at the branch again starts
		// a new period (docs/adr/0003-casework.md, decision 7), so one that is
		// again not collected is again returned and filed: its storage clocks
		// are planned afresh and their timers re-armed.
		ready := c.now.In(calendar.Almaty)
		s := &Storage{ReadyAt: c.now}
		if a.Storage != nil {
			s.RequestedBackAt = a.Storage.RequestedBackAt // keeps the return-to-branch clock
		}
		s.ReturnAt = ready.AddDate(0, c.std.Storage.StateCorpMonths, 0).UTC()
		s.FileAt = ready.AddDate(0, c.std.Storage.NomenclatureAfterMonths, 0).UTC()
		s.ReturnOn, s.FileOn = calendar.DateOf(s.ReturnAt), calendar.DateOf(s.FileAt)
		a.Storage = s
		a.dropClocks(ClockStorageReturn, ClockStorageFile)
	}
	c.done = []string{ClockDeadline, ClockReturnToBranch}
	c.noteKind = NoteReadyForPickup
	branch := a.PickupBranch
	if branch == "" {
		branch = a.Branch
	}
	until := ""
	if a.Storage != nil {
		until = dateText(a.Storage.ReturnOn)
	}
	c.noteText = txt(
		fmt.Sprintf("Нәтижені %s филиалынан жеке басты куәландыратын құжат бойынша алыңыз (%s дейін).", branch, until),
		fmt.Sprintf("Получите результат в филиале %s по документу, удостоверяющему личность (до %s).", branch, until),
		fmt.Sprintf("Collect the result at branch %s with your identity document (until %s).", branch, until))
	return nil
}

func runHandOver(c *change, data []byte) error {
	var d struct {
		To         string `json:"to"`
		IDDocument string `json:"id_document"`
		POANumber  string `json:"poa_number"`
	}
	if err := decodeData(data, &d); err != nil {
		return err
	}
	a := c.app
	switch d.To {
	case "":
		return required("data.to")
	case "applicant":
	case "representative":
		// Rule G-8: a representative shows the notarized POA with the ID.
		if a.Representative == nil {
			return invalid("no_representative", "data.to", "G-8", txt(
				"өтініште өкіл жоқ", "в заявлении нет представителя", "the application names no representative"))
		}
		if d.POANumber != a.Representative.POA.Number {
			return invalid("poa_mismatch", "data.poa_number", "G-8", txt(
				"сенімхат нөмірі өтініштегімен сәйкес келмейді", "номер доверенности не совпадает с указанным в заявлении",
				"the POA number does not match the application's"))
		}
		if v := a.Representative.POA.ValidUntil; v != nil && v.Before(calendar.DateOf(c.now)) {
			return invalid("poa_expired", "data.poa_number", "G-8", txt(
				"сенімхаттың мерзімі %s өтті", "срок доверенности истёк %s", "the POA expired on %s"), dateText(*v))
		}
	default:
		return badValue("data.to", d.To, []string{"applicant", "representative"})
	}
	// Rule G-8: against the identity document.
	if strings.TrimSpace(d.IDDocument) == "" {
		return required("data.id_document")
	}
	now := c.now
	a.Storage.HandedTo, a.Storage.HandedAt = d.To, &now
	c.rule = "G-8"
	c.done = []string{ClockStorageReturn, ClockStorageFile}
	c.payload = d
	return c.e.handOverCombined(c, d.To)
}

// handOverCombined: the results of one application are handed over together.
func (e *Engine) handOverCombined(c *change, to string) error {
	var others []*Application
	for _, l := range c.app.Links {
		if l.Kind != LinkCombined {
			continue
		}
		o, err := loadApp(c.ctx, c.tx, l.ApplicationID)
		if err != nil {
			return err
		}
		if o.Final() {
			continue
		}
		if o.State != StateReadyForPickup {
			return invalid("combined_not_ready", "command", "CR-STD-5.3", txt(
				"бір өтініш: %s (%s) нәтижесі әлі дайын емес (%s)", "одно заявление: результат %s (%s) ещё не готов (%s)",
				"one application: the result of %s (%s) is not ready yet (%s)"), o.Service, o.ID, o.State)
		}
		others = append(others, o)
	}
	c.extra = func() error {
		for _, o := range others {
			std, err := e.standardOf(o)
			if err != nil {
				return err
			}
			oc := e.newChange(c.ctx, c.tx, c.actor, o, std, cmdHandOver)
			now := c.now
			o.Storage.HandedTo, o.Storage.HandedAt = to, &now
			oc.to, oc.rule = StateHandedOver, "G-8"
			oc.done = []string{ClockStorageReturn, ClockStorageFile}
			oc.payload = map[string]any{"with": c.app.ID}
			if err := oc.commit(false); err != nil {
				return err
			}
		}
		return nil
	}
	return nil
}

func runReturnToProvider(c *change, data []byte) error {
	if err := decodeData(data, &struct{}{}); err != nil {
		return err
	}
	a := c.app
	rule := storageRule(c.std)
	if a.Storage == nil || c.now.Before(a.Storage.ReturnAt) {
		until := ""
		if a.Storage != nil {
			until = stamp(a.Storage.ReturnAt)
		}
		return invalid("storage_month", "command", rule, txt(
			"Мемлекеттік корпорация нәтижені %s дейін сақтайды", "Государственная корпорация хранит результат до %s",
			"the State Corporation keeps the result until %s"), until)
	}
	now := c.now
	a.Storage.ReturnedAt = &now
	c.rule = rule
	c.done = []string{ClockStorageReturn}
	return nil
}

func runRequestBack(c *change, data []byte) error {
	if err := decodeData(data, &struct{}{}); err != nil {
		return err
	}
	// Rule G-7: on the State Corporation's request the provider sends the result
	// back within 1 working day — a new clock at every request.
	now := c.now
	c.app.Storage.RequestedBackAt = &now
	c.app.dropClocks(ClockReturnToBranch)
	c.rule = storageRule(c.std)
	return nil
}

func runFile(c *change, data []byte) error {
	if err := decodeData(data, &struct{}{}); err != nil {
		return err
	}
	a := c.app
	rule := storageRule(c.std)
	if a.Storage == nil || c.now.Before(a.Storage.FileAt) {
		return invalid("storage_file", "command", rule, txt(
			"нәтиже номенклатуралық іске 3 айдан кейін тігіледі", "результат помещается в номенклатурное дело через 3 месяца",
			"the result is filed in the nomenclature file after 3 months"))
	}
	now := c.now
	a.Storage.FiledAt = &now
	c.rule = rule
	c.done = []string{ClockStorageFile}
	return nil
}

// ---- complaints ----

func runForward(c *change, data []byte) error {
	var d struct {
		Text string `json:"text"`
	}
	if err := decodeData(data, &d); err != nil {
		return err
	}
	// Rule CP-2: the appealed provider forwards the complaint with the
	// administrative case file to the reviewing body within 3 working days.
	now := c.now
	c.app.Complaint.ForwardedAt = &now
	c.rule = c.app.clock(stepForwardOrSatisfy).Rule
	c.done = []string{stepForwardOrSatisfy}
	c.payload = d
	return nil
}

func runSatisfy(c *change, data []byte) error {
	var d struct {
		Text string `json:"text"`
	}
	if err := decodeData(data, &d); err != nil {
		return err
	}
	if strings.TrimSpace(d.Text) == "" {
		return required("data.text")
	}
	// Rule CP-2: a complaint satisfied in full within the 3 working days is not forwarded.
	a := c.app
	a.Decision = &Decision{Outcome: OutcomeSatisfied, Rule: a.clock(stepForwardOrSatisfy).Rule, Text: d.Text, DecidedAt: c.now, DecidedBy: c.actor.ID}
	c.rule = a.Decision.Rule
	c.done = []string{stepForwardOrSatisfy}
	c.payload = d
	c.noteText = txt(d.Text, d.Text, d.Text)
	return nil
}

func runReply(c *change, data []byte) error {
	var d struct {
		Outcome string `json:"outcome"`
		Text    string `json:"text"`
	}
	if err := decodeData(data, &d); err != nil {
		return err
	}
	a := c.app
	if k := a.clock(stepForwardOrSatisfy); k != nil && !k.Done {
		return invalid("forward_first", "command", k.Rule, txt(
			"алдымен шағымданылған көрсетілетін қызметті беруші шағымды жібереді не қанағаттандырады",
			"сначала обжалуемый услугодатель направляет жалобу либо удовлетворяет её",
			"the appealed provider forwards or satisfies the complaint first"))
	}
	// Rule CP-4: a complaint to the quality-control body is reviewed by it; the
	// others by the reviewing body (CP-3) or, without forwarding, the head.
	want := []Role{RoleComplaints, RoleHead}
	if a.Complaint.Addressee == AddresseeQualityBody {
		want = []Role{RoleQuality}
	} else if a.State == StateForwarded {
		want = []Role{RoleComplaints}
	}
	if !slices.Contains(want, c.actor.Role) {
		return forbidden(c.actor.Role, cmdReply, want)
	}
	outcomes := []string{OutcomeUpheld, OutcomeRejected}
	switch {
	case d.Outcome == "":
		return required("data.outcome")
	case !slices.Contains(outcomes, d.Outcome):
		return badValue("data.outcome", d.Outcome, outcomes)
	case strings.TrimSpace(d.Text) == "":
		return required("data.text")
	}
	var rule string
	for _, id := range []string{stepReview, stepReviewQuality} {
		if k := a.clock(id); k != nil {
			rule = k.Rule
		}
	}
	a.Decision = &Decision{Outcome: d.Outcome, Rule: rule, Text: d.Text, DecidedAt: c.now, DecidedBy: c.actor.ID}
	if r, ok := pickResult(c.std, a, "complaint"); ok {
		a.Decision.Result = r.ID
	}
	c.rule = rule
	c.done = []string{stepReview, stepReviewQuality, stepForwardOrSatisfy}
	c.payload = d
	c.noteText = txt(d.Text, d.Text, d.Text)
	return nil
}

func forbidden(role Role, cmd string, roles []Role) *Error {
	return fail(apperr.Forbidden, "role", "", "", txt(
		"%s рөлі «%s» командасын бере алмайды (рұқсат: %v)", "роль %s не может выполнять команду «%s» (разрешено: %v)",
		"the %s role may not issue %q (allowed: %v)"), role, cmd, roles)
}

// prefixField puts the command's "data." before an error's field.
func prefixField(err error, prefix string) error {
	if e, ok := err.(*Error); ok && e.Field != "" && !strings.HasPrefix(e.Field, prefix) {
		c := *e
		c.Field = prefix + e.Field
		return &c
	}
	return err
}
