package apply

import (
	"slices"

	"qyzmet/internal/apperr"
	"qyzmet/internal/auth"
	"qyzmet/internal/casework"
	"qyzmet/internal/i18n"
	"qyzmet/internal/standard"
	"qyzmet/internal/web/ui"
)

// Applying for a legal entity. A citizen whose session acts for a BIN (the
// cabinet's "act for an organisation", auth.BINLink) applies in its name: the
// organisation is the applicant and, when the citizen holds a power of
// attorney rather than heading it, the citizen is its representative. A
// legal entity has no criminal record or archive file of its own: it asks
// about another person, who consents (CR-STD-8.4).

// draftOwner keeps the drafts of each capacity apart: a form filled in for an
// organisation is not submitted after switching back to oneself.
func draftOwner(who auth.Principal) string {
	if who.BIN == "" {
		return who.IIN
	}
	return who.IIN + "@" + who.BIN
}

// takesLegalEntities reports whether std is provided to legal entities: the
// standard's recipients (CR-3, AR-STD-6, AC-7, AP-STD-6); a standard that
// names none takes anyone.
func takesLegalEntities(std *standard.Standard) bool {
	return std.Recipients == nil || slices.Contains(std.Recipients.Kinds, standard.LegalEntity)
}

// forOrganisation is the form of an organisation's application: it asks
// about another person only, offers only the combined services provided to
// legal entities, and has no on-the-spot consent (that page is for a citizen
// applying in their own name).
func (pr profile) forOrganisation() profile {
	if len(pr.Relations) > 0 {
		pr.Relations = []string{casework.RelationThirdParty}
	}
	pr.Combined = slices.DeleteFunc(slices.Clone(pr.Combined), func(s *standard.Standard) bool { return !takesLegalEntities(s) })
	return pr
}

// profileOf is the form of std for the applicant me.
func (p *Pages) profileOf(std *standard.Standard, me applicant) profile {
	pr := p.profile(std)
	if me.ActingBIN != "" {
		return pr.forOrganisation()
	}
	return pr
}

// checkOrganisation refuses an organisation's application that the
// organisation cannot make: the citizen's authority has ended since the
// switch (G-8), the service or a service asked with it is for individuals
// only (the standard's recipients rule, e.g. AP-STD-6).
func (p *Pages) checkOrganisation(std *standard.Standard, f *formInput, me applicant) error {
	if me.ActingBIN == "" {
		return nil
	}
	if me.Org == nil {
		// Rule G-8: a representative acts on a power of attorney in force.
		return apperr.E(apperr.Forbidden, "the authority to act for the organisation has ended").WithKey(keyOrgEnded)
	}
	if !takesLegalEntities(std) {
		return &fieldErr{Text: recipientText(std)}
	}
	for _, c := range f.Combined {
		if s, err := p.deps.Sys.Standards().At(standard.ServiceID(c), p.today()); err == nil && !takesLegalEntities(s) {
			// The form offers no such service (forOrganisation): a forged
			// choice is answered at the top.
			return &fieldErr{Text: recipientText(s)}
		}
	}
	f.ConsentHere = false
	return nil
}

// recipientText says that std is for individuals only, naming its rule.
func recipientText(std *standard.Standard) i18n.Text {
	in := func(l i18n.Lang) string {
		return ui.Tf("apply.org.individuals_only", l, std.Name.In(l), std.Recipients.Rule)
	}
	return i18n.Text{KK: in(i18n.KK), RU: in(i18n.RU), EN: in(i18n.EN)}
}

// party is the applicant as an individual party of an application.
func (a applicant) party() casework.Party {
	return casework.Party{Kind: casework.KindIndividual, IIN: a.IIN,
		Surname: a.Name.Surname, GivenName: a.Name.GivenName, Patronymic: a.Name.Patronymic}
}

// orgParties are the applicant and the representative of an application
// that me makes for their organisation.
func orgParties(me applicant) (casework.Party, *casework.Representative) {
	org := me.Org
	applicant := casework.Party{Kind: casework.KindLegalEntity, BIN: org.BIN, OrgName: org.OrgName}
	if org.Capacity != auth.CapacityPOA {
		return applicant, nil
	}
	// Rule CR-STD-8.1: the representative acts on the notarized power of
	// attorney the register holds.
	rep := &casework.Representative{Party: me.party(), POA: casework.POA{Number: org.POANumber, IssuedOn: org.POAIssuedOn, Notary: org.POANotary}}
	if !org.ValidUntil.IsZero() {
		until := org.ValidUntil
		rep.POA.ValidUntil = &until
	}
	return applicant, rep
}

const keyOrgEnded = "apply.org.ended"

func init() {
	ui.Add(map[string]i18n.Text{
		"apply.org.acting": {KK: "Өтініш %s (БСН %s) атынан беріледі. Сіздің өкілеттігіңіз: %s.", RU: "Заявление подаётся от имени %s (БИН %s). Ваши полномочия: %s.",
			EN: "The application is made in the name of %s (BIN %s). Your authority: %s."},
		"apply.org.head": {KK: "ұйым басшысы", RU: "руководитель организации", EN: "head of the organisation"},
		"apply.org.poa":  {KK: "сенімхат бойынша өкіл (№ %s)", RU: "представитель по доверенности № %s", EN: "representative on power of attorney No. %s"},
		"apply.org.switch": {KK: "Өз атыңыздан беру үшін кабинетте «Өз атымнан әрекет ету» таңдаңыз.",
			RU: "Чтобы подать от своего имени, выберите в кабинете «Действовать от своего имени».",
			EN: "To apply in your own name, choose “Act as myself” in the cabinet."},
		"apply.org.applicant":      {KK: "%s, БСН %s", RU: "%s, БИН %s", EN: "%s, BIN %s"},
		"apply.org.representative": {KK: "Өкіл", RU: "Представитель", EN: "Representative"},
		"apply.org.individuals_only": {KK: "«%s» қызметі тек жеке тұлғаларға көрсетіледі (%s): оны ұйым атынан сұрауға болмайды.",
			RU: "Услуга «%s» оказывается только физическим лицам (%s): запросить её от имени организации нельзя.",
			EN: "“%s” is provided to individuals only (%s): it cannot be requested in the name of an organisation."},
		keyOrgEnded: {KK: "Ұйым атынан әрекет ету өкілеттігіңіз аяқталды (сенімхаттың мерзімі өтті немесе байланыс жойылды, G-8). Кабинетте басқа ұйымды таңдаңыз немесе өз атыңыздан әрекет етіңіз.",
			RU: "Ваши полномочия действовать от имени организации прекратились (истекла доверенность или связь удалена, G-8). Выберите в кабинете другую организацию или действуйте от своего имени.",
			EN: "Your authority to act for the organisation has ended (the power of attorney expired or the link was removed, G-8). Choose another organisation in the cabinet or act as yourself."},
	})
}

// actingText says for which organisation, and in what capacity, me applies;
// empty when me applies in their own name.
func actingText(me applicant, lang i18n.Lang) string {
	if me.Org == nil {
		return ""
	}
	capacity := ui.T("apply.org.head", lang)
	if me.Org.Capacity == auth.CapacityPOA {
		capacity = ui.Tf("apply.org.poa", lang, me.Org.POANumber)
	}
	return ui.Tf("apply.org.acting", lang, me.Org.OrgName, me.Org.BIN, capacity)
}
