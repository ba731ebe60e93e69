package cabinet

import (
	"net/http"
	"strings"

	"qyzmet/internal/apperr"
	"qyzmet/internal/auth"
	"qyzmet/internal/calendar"
	"qyzmet/internal/i18n"
	"qyzmet/internal/web/ui"
)

// Acting for a legal entity (CR-3, AR-STD-6, AC-7): the citizen picks an
// organisation their IIN is linked to (auth.BINLink) and the session acts for
// its BIN until they switch back or sign out. The engine then submits and
// shows the organisation's applications (casework: applicant_bin).

const pathOrganisations = ui.PathCabinet + "/organisations"

// inBIN is the input of the organisation chosen.
const inBIN = "bin"

// OrgRow is one organisation the citizen is linked to.
type OrgRow struct {
	BIN, Name string
	Capacity  string // in the user's language
	Until     calendar.Date
	Live      bool // the link counts today (G-8)
	Current   bool // the session acts for it
}

// OrgPage is the page of organisations.
type OrgPage struct {
	Shell
	Orgs []OrgRow
	Err  ui.FormError
}

func (p *Pages) organisations(w http.ResponseWriter, r *http.Request) {
	p.renderOrganisations(w, r, http.StatusOK, ui.FormError{})
}

func (p *Pages) renderOrganisations(w http.ResponseWriter, r *http.Request, status int, fe ui.FormError) {
	lang := ui.RequestLang(w, r)
	who := ui.Principal(r)
	links, err := p.deps.Sys.Auth.Organisations(r.Context(), who.IIN)
	if err != nil {
		p.views.Fail(w, r, err)
		return
	}
	page := OrgPage{Shell: p.shell(r, lang, pathOrganisations), Err: fe}
	today := calendar.DateOf(p.deps.Now())
	for _, l := range links {
		row := OrgRow{BIN: l.BIN, Name: l.OrgName, Until: l.ValidUntil, Live: l.LiveOn(today), Current: l.BIN == who.BIN}
		row.Capacity = ui.T("cabinet.org.head", lang)
		if l.Capacity == auth.CapacityPOA {
			row.Capacity = ui.Tf("cabinet.org.poa", lang, l.POANumber, ui.FormatDate(l.POAIssuedOn))
		}
		page.Orgs = append(page.Orgs, row)
	}
	p.views.Render(w, r, status, "organisations", lang, ui.T("cabinet.org.title", lang), page)
}

// actFor switches the session to act for the BIN chosen, or (an empty BIN)
// back to the citizen themself. A BIN the citizen is not linked to, or whose
// power of attorney has expired, is refused next to the choice and changes
// nothing.
func (p *Pages) actFor(w http.ResponseWriter, r *http.Request) {
	lang := ui.RequestLang(w, r)
	c, err := r.Cookie(auth.SessionCookie)
	if err != nil {
		p.views.Fail(w, r, apperr.E(apperr.Unauthorized, "no session"))
		return
	}
	bin := strings.TrimSpace(r.PostFormValue(inBIN))
	if r.PostFormValue("self") != "" {
		bin = ""
	} else if bin == "" {
		p.renderOrganisations(w, r, http.StatusUnprocessableEntity, ui.FormError{Fields: map[string]string{inBIN: ui.T("cabinet.org.choose", lang)}})
		return
	}
	if _, err := p.deps.Sys.Auth.ActFor(r.Context(), c.Value, bin); err != nil {
		if text, ok := orgErrText(err, lang); ok {
			p.renderOrganisations(w, r, ui.Status(err), ui.FormError{Fields: map[string]string{inBIN: text}})
			return
		}
		p.views.Fail(w, r, err)
		return
	}
	http.Redirect(w, r, ui.PathCabinet, http.StatusSeeOther)
}

// orgErrText words a refused switch; false for an error that is not a refusal.
func orgErrText(err error, lang i18n.Lang) (string, bool) {
	switch apperr.KeyOf(err) {
	case auth.KeyBINInvalid:
		return ui.T("cabinet.org.err.bin", lang), true
	case auth.KeyBINNotLinked:
		return ui.T("cabinet.org.err.not_linked", lang), true
	case auth.KeyPOAExpired:
		return ui.T("cabinet.org.err.expired", lang), true
	}
	return "", false
}

// acting is the organisation the request's session acts for: its name and
// BIN, empty when the citizen acts as themself.
func acting(r *http.Request) (name, bin string) {
	sess, ok := auth.FromContext(r.Context())
	if !ok || sess.Principal.BIN == "" {
		return "", ""
	}
	return sess.OrgName, sess.Principal.BIN
}

func init() {
	ui.Add(map[string]i18n.Text{
		"cabinet.tab.organisations": {KK: "Ұйымдар", RU: "Организации", EN: "Organisations"},
		"cabinet.org.title":         {KK: "Ұйым атынан әрекет ету", RU: "Действовать от имени организации", EN: "Act for an organisation"},
		"cabinet.org.lead": {
			KK: "Заңды тұлға қызметті басшысы немесе нотариат куәландырған сенімхат бойынша өкілі арқылы алады. ЖСН-іңіз байланған ұйымды таңдаңыз: өтініштер оның атынан беріледі, ал кабинетте оның өтініштері көрсетіледі.",
			RU: "Юридическое лицо получает услуги через руководителя или представителя по нотариально удостоверенной доверенности. Выберите организацию, с которой связан ваш ИИН: заявления будут подаваться от её имени, а кабинет покажет её заявления.",
			EN: "A legal entity receives services through its head or a representative with a notarized power of attorney. Choose an organisation your IIN is linked to: applications are then made in its name, and the cabinet shows its applications."},
		"cabinet.org.legend": {KK: "ЖСН-іңіз байланған ұйымдар", RU: "Организации, с которыми связан ваш ИИН", EN: "Organisations your IIN is linked to"},
		"cabinet.org.bin":    {KK: "БСН %s", RU: "БИН %s", EN: "BIN %s"},
		"cabinet.org.head":   {KK: "басшы", RU: "руководитель", EN: "head"},
		"cabinet.org.poa":    {KK: "сенімхат бойынша өкіл, № %s, %s", RU: "представитель по доверенности № %s от %s", EN: "representative, power of attorney No. %s of %s"},
		"cabinet.org.until":  {KK: "%s дейін", RU: "до %s", EN: "until %s"},
		"cabinet.org.expired": {KK: "сенімхаттың мерзімі өткен — таңдауға болмайды", RU: "срок доверенности истёк — выбрать нельзя",
			EN: "the power of attorney has expired — cannot be chosen"},
		"cabinet.org.current": {KK: "қазір осы ұйым атынан әрекет етудесіз", RU: "сейчас вы действуете от её имени", EN: "you are acting for it now"},
		"cabinet.org.act":     {KK: "Таңдалған ұйым атынан әрекет ету", RU: "Действовать от имени выбранной организации", EN: "Act for the chosen organisation"},
		"cabinet.org.self":    {KK: "Өз атымнан әрекет ету", RU: "Действовать от своего имени", EN: "Act as myself"},
		"cabinet.org.empty": {
			KK: "ЖСН-іңіз ешбір ұйыммен байланыспаған. Байланыс заңды тұлғалар тізілімінен (басшы) немесе нотариаттық сенімхаттан алынады.",
			RU: "Ваш ИИН не связан ни с одной организацией. Связь берётся из реестра юридических лиц (руководитель) или из нотариальной доверенности.",
			EN: "Your IIN is not linked to any organisation. A link comes from the register of legal entities (the head) or from a notarized power of attorney."},
		"cabinet.org.acting":  {KK: "Сіз %s (БСН %s) атынан әрекет етудесіз.", RU: "Вы действуете от имени %s (БИН %s).", EN: "You are acting for %s (BIN %s)."},
		"cabinet.org.change":  {KK: "Ауыстыру", RU: "Сменить", EN: "Change"},
		"cabinet.org.choose":  {KK: "Ұйымды таңдаңыз.", RU: "Выберите организацию.", EN: "Choose an organisation."},
		"cabinet.org.err.bin": {KK: "Бұл БСН емес: 12 цифр және сәйкес бақылау разряды болуы тиіс.", RU: "Это не БИН: нужны 12 цифр с верным контрольным разрядом.", EN: "This is not a BIN: 12 digits with a matching check digit."},
		"cabinet.org.err.not_linked": {
			KK: "ЖСН-іңіз бұл ұйыммен байланыспаған: оның атынан әрекет ете алмайсыз.",
			RU: "Ваш ИИН не связан с этой организацией: действовать от её имени нельзя.",
			EN: "Your IIN is not linked to this organisation: you cannot act for it."},
		"cabinet.org.err.expired": {
			KK: "Сенімхаттың мерзімі өткен: ұйым атынан әрекет ету үшін жаңа нотариаттық сенімхат керек (G-8).",
			RU: "Срок доверенности истёк: чтобы действовать от имени организации, нужна новая нотариальная доверенность (G-8).",
			EN: "The power of attorney has expired: a new notarized power of attorney is needed to act for the organisation (G-8)."},
		"cabinet.apps.org_title": {KK: "%s өтініштері", RU: "Заявления: %s", EN: "Applications of %s"},
	})
}
