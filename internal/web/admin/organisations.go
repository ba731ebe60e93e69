package admin

import (
	"context"
	"net/http"
	"strings"

	"qyzmet/internal/apperr"
	"qyzmet/internal/audit"
	"qyzmet/internal/auth"
	"qyzmet/internal/calendar"
	"qyzmet/internal/casework"
	"qyzmet/internal/i18n"
	"qyzmet/internal/iin"
	"qyzmet/internal/web/ui"
)

// The links of legal entities (CR-3): who may act for which BIN — its head
// or a representative on a notarized power of attorney (CR-STD-8.1, G-8).
// Until the state register of legal entities and the notaries' register are
// connected, administrators keep them here from the documents the
// organisation presents. A link is never deleted: ending it keeps it, ended,
// in the list.

const pathOrganisations = ui.PathAdmin + "/organisations"

// Inputs of the add form; the names are the fields the errors point at.
const (
	fBIN        = "bin"
	fOrgName    = "org_name"
	fIIN        = "iin"
	fCapacity   = "capacity"
	fPOANumber  = "poa_number"
	fPOANotary  = "poa_notary"
	fPOAIssued  = "poa_issued_on"
	fValidUntil = "valid_until"
)

// linkInputs are the inputs of the add form read as text.
var linkInputs = []string{fBIN, fOrgName, fIIN, fCapacity, fPOANumber, fPOANotary, fPOAIssued, fValidUntil}

// LinkRow is one link of the list.
type LinkRow struct {
	auth.BINLink
	PersonName string // from the person registry; empty when it does not know the IIN
	State      auth.LinkState
}

// LinkForm is the add form of a link.
type LinkForm struct {
	V          map[string]string
	Capacities []ui.Option
	Key        string // the hidden idempotency key made when the form is shown
	Err        ui.FormError
}

// OrganisationsPage is the list of links and the add form.
type OrganisationsPage struct {
	Base
	Links []LinkRow
	Form  LinkForm
}

func (p *Pages) orgs() *auth.DBOrgs { return &auth.DBOrgs{DB: p.deps.Sys.DB} }

func linkForm(lang i18n.Lang, v map[string]string) LinkForm {
	return LinkForm{V: v, Capacities: []ui.Option{
		{Value: string(auth.CapacityHead), Label: ui.T("admin.orgs.capacity.head", lang)},
		{Value: string(auth.CapacityPOA), Label: ui.T("admin.orgs.capacity.poa", lang)},
	}}
}

func (p *Pages) organisations(w http.ResponseWriter, r *http.Request) {
	lang := ui.RequestLang(w, r)
	form := linkForm(lang, map[string]string{fCapacity: string(auth.CapacityHead)})
	form.Key = formKey()
	p.renderOrganisations(w, r, http.StatusOK, form)
}

func (p *Pages) renderOrganisations(w http.ResponseWriter, r *http.Request, status int, form LinkForm) {
	lang := ui.RequestLang(w, r)
	rows, err := p.linkRows(r)
	if err != nil {
		p.failed(w, r, err)
		return
	}
	page := OrganisationsPage{Base: base(r, pathOrganisations), Links: rows, Form: form}
	p.views.RenderAt(w, r, status, "organisations", lang, ui.T("admin.orgs.title", lang), pathOrganisations, page)
}

// linkRows are every link with its person's name. The names are personal
// data: the view is logged before it is shown.
func (p *Pages) linkRows(r *http.Request) ([]LinkRow, error) {
	ctx := r.Context()
	links, err := p.orgs().All(ctx)
	if err != nil || len(links) == 0 {
		return nil, err
	}
	actor, _ := ui.Principal(r).ActorAs(casework.RoleAdmin)
	if err := p.deps.Sys.Audit.Record(ctx, audit.View{Actor: actor, What: audit.ViewPerson, Detail: "admin: links of legal entities"}); err != nil {
		return nil, err
	}
	today := calendar.DateOf(p.deps.Sys.DB.Now())
	rows := make([]LinkRow, 0, len(links))
	for _, l := range links {
		row := LinkRow{BINLink: l, State: l.StateOn(today)}
		if person, err := p.deps.Sys.Registries.Persons.ByIIN(ctx, l.IIN); err == nil {
			row.PersonName = person.Name.String()
		}
		rows = append(rows, row)
	}
	return rows, nil
}

// readLink is the link the posted form describes. The inputs of a power of
// attorney count only for a representative: the head acts without one.
func readLink(r *http.Request) (auth.BINLink, map[string]string, error) {
	v := map[string]string{}
	for _, f := range linkInputs {
		v[f] = strings.TrimSpace(r.PostFormValue(f))
	}
	l := auth.BINLink{BIN: v[fBIN], OrgName: v[fOrgName], IIN: v[fIIN], Capacity: auth.Capacity(v[fCapacity])}
	if l.Capacity != auth.CapacityPOA {
		return l, v, nil
	}
	l.POANumber, l.POANotary = v[fPOANumber], v[fPOANotary]
	err := parseDateField(v, fPOAIssued, &l.POAIssuedOn)
	if err == nil {
		err = parseDateField(v, fValidUntil, &l.ValidUntil)
	}
	return l, v, err
}

// linkField is the input a refused link's error belongs to.
var linkField = map[string]string{
	auth.KeyBINInvalid:    fBIN,
	auth.KeyIINInvalid:    fIIN,
	auth.KeyOrgNameFormat: fOrgName,
	auth.KeyCapacity:      fCapacity,
	auth.KeyPOANumber:     fPOANumber,
	auth.KeyPOANotary:     fPOANotary,
	auth.KeyPOAIssuedOn:   fPOAIssued,
	auth.KeyPOAValidUntil: fValidUntil,
	auth.KeyBINLinked:     fIIN,
	keyPersonUnknown:      fIIN,
}

const keyPersonUnknown = "admin.orgs.person_unknown"

func linkError(err error, lang i18n.Lang) ui.FormError {
	if f, ok := strings.CutPrefix(apperr.KeyOf(err), "admin.date_format."); ok {
		return ui.FormError{Fields: map[string]string{f: ui.T("admin.date_format", lang)}}
	}
	return formError(err, linkField, lang)
}

func (p *Pages) addLink(w http.ResponseWriter, r *http.Request) {
	lang := ui.RequestLang(w, r)
	key := r.PostFormValue("key")
	l, v, err := readLink(r)
	if err == nil {
		err = p.createLink(r.Context(), l, key)
	}
	if err != nil {
		if !isUserError(err) {
			p.failed(w, r, err)
			return
		}
		form := linkForm(lang, v)
		form.Key, form.Err = key, linkError(err, lang)
		p.renderOrganisations(w, r, ui.Status(err), form)
		return
	}
	done(w, r, pathOrganisations, "added")
}

// createLink records l for a person the registry knows (the page names
// them from it) — Rule CR-3: a legal entity acts through a person.
func (p *Pages) createLink(ctx context.Context, l auth.BINLink, key string) error {
	// A malformed IIN is left to Add, which names its mistake.
	if _, err := iin.ParseIIN(l.IIN); err == nil {
		_, err := p.deps.Sys.Registries.Persons.ByIIN(ctx, l.IIN)
		if apperr.CodeOf(err) == apperr.NotFound {
			return apperr.E(apperr.Invalid, "the person registry has no such IIN").WithKey(keyPersonUnknown)
		}
		if err != nil {
			return err
		}
	}
	return p.orgs().Add(ctx, l, key)
}

// endLink ends the link the form names (in the body: no IIN in URLs and
// logs); a link nobody has answers 404.
func (p *Pages) endLink(w http.ResponseWriter, r *http.Request) {
	err := p.orgs().End(r.Context(), r.PostFormValue(fBIN), r.PostFormValue(fIIN), ui.Principal(r).Login)
	switch {
	case apperr.CodeOf(err) == apperr.NotFound:
		p.views.NotFound(w, r)
	case err != nil:
		p.failed(w, r, err)
	default:
		done(w, r, pathOrganisations, "ended")
	}
}

func init() {
	ui.Add(map[string]i18n.Text{
		"admin.done.ended": {KK: "Байланыс тоқтатылды: адам бүгіннен бастап ұйым атынан әрекет ете алмайды. Жазба тізімде сақталады.",
			RU: "Связь прекращена: с сегодняшнего дня лицо не может действовать от имени организации. Запись остаётся в списке.",
			EN: "The link is ended: from today the person cannot act for the organisation. The entry stays in the list."},
		"admin.orgs.title": {KK: "Заңды тұлғалардың өкілдері", RU: "Представители юридических лиц", EN: "Representatives of legal entities"},
		"admin.orgs.lead": {KK: "Заңды тұлға өтінішті басшысы немесе нотариат куәландырған сенімхат бойынша өкілі арқылы береді. Мемлекеттік тізілімдер қосылғанға дейін байланыстарды ұйым ұсынған құжаттар бойынша осы жерде енгізіңіз.",
			RU: "Юридическое лицо подаёт заявление через руководителя или представителя по нотариально удостоверенной доверенности. Пока государственные реестры не подключены, вносите связи здесь по документам, которые представила организация.",
			EN: "A legal entity applies through its head or through a representative on a notarized power of attorney. Until the state registers are connected, enter the links here from the documents the organisation presents."},
		"admin.orgs.bin":             {KK: "БСН", RU: "БИН", EN: "BIN"},
		"admin.orgs.bin_hint":        {KK: "Ұйымның 12 цифрлы бизнес-сәйкестендіру нөмірі.", RU: "12-значный бизнес-идентификационный номер организации.", EN: "The organisation's 12-digit business identification number."},
		"admin.orgs.org_name":        {KK: "Ұйымның атауы", RU: "Наименование организации", EN: "Organisation"},
		"admin.orgs.org_name_hint":   {KK: "Тіркеу куәлігіндегідей, мысалы «Береке» ЖШС.", RU: "Как в свидетельстве о регистрации, например ТОО «Береке».", EN: "As registered, e.g. «Bereke» LLP."},
		"admin.orgs.person":          {KK: "Әрекет ететін адам", RU: "Действующее лицо", EN: "Person who acts"},
		"admin.orgs.iin":             {KK: "Адамның ЖСН", RU: "ИИН лица", EN: "Person's IIN"},
		"admin.orgs.iin_hint":        {KK: "Басшының не өкілдің 12 цифрлы ЖСН; ол жеке тұлғалар тізілімінде болуы керек.", RU: "12-значный ИИН руководителя или представителя; он должен быть в реестре физических лиц.", EN: "The 12-digit IIN of the head or representative; the person registry must know it."},
		"admin.orgs.not_in_registry": {KK: "тізілімде жоқ", RU: "нет в реестре", EN: "not in the registry"},
		"admin.orgs.capacity":        {KK: "Өкілеттігі", RU: "Полномочие", EN: "Capacity"},
		"admin.orgs.capacity.head":   {KK: "Ұйым басшысы", RU: "Руководитель организации", EN: "Head of the organisation"},
		"admin.orgs.capacity.poa":    {KK: "Сенімхат бойынша өкіл", RU: "Представитель по доверенности", EN: "Representative on a power of attorney"},
		"admin.orgs.poa_facts":       {KK: "№ %s, %s, нотариус %s", RU: "№ %s от %s, нотариус %s", EN: "No. %s of %s, notary %s"},
		"admin.orgs.poa":             {KK: "Нотариат куәландырған сенімхат", RU: "Нотариально удостоверенная доверенность", EN: "Notarized power of attorney"},
		"admin.orgs.poa_hint":        {KK: "Тек өкіл үшін толтырылады; басшыға сенімхат керек емес.", RU: "Заполняется только для представителя; руководителю доверенность не нужна.", EN: "For a representative only; the head needs no power of attorney."},
		"admin.orgs.poa_number":      {KK: "Сенімхат нөмірі", RU: "Номер доверенности", EN: "Power of attorney number"},
		"admin.orgs.poa_notary":      {KK: "Нотариус", RU: "Нотариус", EN: "Notary"},
		"admin.orgs.poa_issued_on":   {KK: "Берілген күні", RU: "Дата выдачи", EN: "Issued on"},
		"admin.orgs.valid_until":     {KK: "Қолданылу мерзімі", RU: "Действует по", EN: "Valid until"},
		"admin.orgs.valid_until_hint": {KK: "Сенімхаттың соңғы күні; мерзімі көрсетілмесе, бос қалдырыңыз.", RU: "Последний день доверенности; если срок не указан, оставьте пустым.",
			EN: "The last day of the power of attorney; leave empty when it states none."},
		"admin.orgs.no_end":        {KK: "мерзімсіз", RU: "бессрочно", EN: "no end date"},
		"admin.orgs.state":         {KK: "Күйі", RU: "Состояние", EN: "State"},
		"admin.orgs.state.active":  {KK: "қолданыста", RU: "действует", EN: "active"},
		"admin.orgs.state.expired": {KK: "сенімхат мерзімі өтті", RU: "срок доверенности истёк", EN: "power of attorney expired"},
		"admin.orgs.state.ended":   {KK: "%s бастап тоқтатылған (%s)", RU: "прекращена с %s (%s)", EN: "ended from %s (%s)"},
		"admin.orgs.actions":       {KK: "Әрекеттер", RU: "Действия", EN: "Actions"},
		"admin.orgs.end":           {KK: "Тоқтату", RU: "Прекратить", EN: "End"},
		"admin.orgs.end_label":     {KK: "%s ұйымы мен ЖСН %s байланысын тоқтату", RU: "Прекратить связь %s с ИИН %s", EN: "End the link of %s with IIN %s"},
		"admin.orgs.end_hint":      {KK: "Тоқтатылған байланыс бүгіннен бастап күшін жояды және тізімде тарих ретінде қалады; адамның ұйым атынан ашылған сеанстары өз атына ауыстырылады.", RU: "Прекращённая связь перестаёт действовать с сегодняшнего дня и остаётся в списке как история; сеансы лица от имени организации переключаются на его собственное имя.", EN: "An ended link stops counting today and stays in the list as history; the person's sessions acting for the organisation switch back to the person."},
		"admin.orgs.none":          {KK: "Байланыстар әлі жоқ.", RU: "Связей пока нет.", EN: "No links yet."},
		"admin.orgs.add":           {KK: "Байланыс қосу", RU: "Добавить связь", EN: "Add a link"},
		"admin.orgs.add_hint":      {KK: "Мерзімі өткен немесе тоқтатылған байланыс жаңа сенімхатпен қайта жазылады.", RU: "Истёкшая или прекращённая связь перезаписывается новой доверенностью.", EN: "An expired or ended link is renewed by entering the new power of attorney."},
		keyPersonUnknown:           {KK: "Жеке тұлғалар тізілімінде мұндай ЖСН жоқ.", RU: "В реестре физических лиц нет такого ИИН.", EN: "The person registry has no such IIN."},

		"admin.err." + auth.KeyBINInvalid:    {KK: "БСН 12 цифрдан тұрады және бақылау разряды дұрыс болуы керек.", RU: "БИН состоит из 12 цифр с верным контрольным разрядом.", EN: "A BIN is 12 digits with a valid check digit."},
		"admin.err." + auth.KeyIINInvalid:    {KK: "ЖСН 12 цифрдан тұрады және бақылау разряды дұрыс болуы керек.", RU: "ИИН состоит из 12 цифр с верным контрольным разрядом.", EN: "An IIN is 12 digits with a valid check digit."},
		"admin.err." + auth.KeyOrgNameFormat: {KK: "Атауын жазыңыз: ең көбі 200 таңба, < > белгілерінсіз.", RU: "Укажите наименование: не более 200 символов, без знаков < >.", EN: "Give the name: at most 200 characters, without < or >."},
		"admin.err." + auth.KeyCapacity:      {KK: "Басшыны немесе сенімхат бойынша өкілді таңдаңыз.", RU: "Выберите руководителя или представителя по доверенности.", EN: "Choose the head or a representative on a power of attorney."},
		"admin.err." + auth.KeyPOANumber:     {KK: "Сенімхат нөмірін жазыңыз: ең көбі 200 таңба, < > белгілерінсіз (CR-STD-8.1).", RU: "Укажите номер доверенности: не более 200 символов, без знаков < > (CR-STD-8.1).", EN: "Give the power of attorney's number: at most 200 characters, without < or > (CR-STD-8.1)."},
		"admin.err." + auth.KeyPOANotary:     {KK: "Сенімхатты куәландырған нотариусты жазыңыз (CR-STD-8.1).", RU: "Укажите нотариуса, удостоверившего доверенность (CR-STD-8.1).", EN: "Give the notary who certified the power of attorney (CR-STD-8.1)."},
		"admin.err." + auth.KeyPOAIssuedOn:   {KK: "Сенімхаттың берілген күнін көрсетіңіз; ол бүгіннен кейін болмайды (CR-STD-8.1).", RU: "Укажите дату выдачи доверенности; она не может быть позже сегодняшней (CR-STD-8.1).", EN: "Give the date the power of attorney was issued; it cannot be after today (CR-STD-8.1)."},
		"admin.err." + auth.KeyPOAValidUntil: {KK: "Мерзімі өткен сенімхат бойынша әрекет етуге болмайды: соңғы күн бүгіннен және берілген күннен ерте емес (G-8).", RU: "По истёкшей доверенности действовать нельзя: последний день — не раньше сегодняшнего и не раньше даты выдачи (G-8).", EN: "Nobody acts on an expired power of attorney: the last day is today or later, and not before the date of issue (G-8)."},
		"admin.err." + auth.KeyBINLinked:     {KK: "Бұл адам осы ұйыммен байланысқан және байланыс қолданыста. Өзгерту үшін алдымен оны тоқтатыңыз.", RU: "Это лицо уже связано с организацией, связь действует. Чтобы изменить её, сначала прекратите.", EN: "This person is linked to the organisation already and the link is active. End it first to change it."},
	})
}
