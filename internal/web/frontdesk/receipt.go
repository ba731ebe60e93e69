package frontdesk

import (
	"context"
	"fmt"

	"qyzmet/internal/calendar"
	"qyzmet/internal/casework"
	"qyzmet/internal/i18n"
	"qyzmet/internal/web/ui"
)

// receiptParties are who and what a receipt names besides the applicant:
// the person the request is about, the representative with the POA, the
// services asked under the one application and the duty paid. Rule AC-12:
// the receipt states what was accepted, for whom and from whom; the printed
// application form repeats it for the applicant's signature.
type receiptParties struct {
	Subject  *subjectFacts
	RepName  string
	RepIIN   string
	RepPOA   string
	Combined []comboFact
	Payment  string
}

// subjectFacts is the person a request is about, when not the applicant.
type subjectFacts struct {
	Relation, Name, IIN, Kinship string
	BirthDate                    *calendar.Date
}

// comboFact is a service asked under the one application, with the number
// of its own application.
type comboFact struct{ Name, ID string }

func (p *Pages) receiptParties(ctx context.Context, app *casework.Application, lang i18n.Lang) receiptParties {
	var rp receiptParties
	if s := app.Subject; s != nil && s.Relation != casework.RelationSelf {
		rp.Subject = &subjectFacts{Relation: relationName(s.Relation, lang), Name: s.Person.Name(), IIN: s.Person.IIN, BirthDate: s.BirthDate}
		if k := app.Fields[fieldKinship]; k != "" {
			rp.Subject.Kinship = ui.T("frontdesk.kinship."+k, lang)
		}
	}
	if rep := app.Representative; rep != nil {
		rp.RepName, rp.RepIIN = rep.Party.Name(), rep.IIN
		rp.RepPOA = fmt.Sprintf("№ %s, %s, %s", rep.POA.Number, ui.FormatDate(rep.POA.IssuedOn), rep.POA.Notary)
		if until := rep.POA.ValidUntil; until != nil {
			rp.RepPOA += ", " + ui.Tf("frontdesk.receipt.poa_until", lang, ui.FormatDate(*until))
		}
	}
	for _, l := range app.Links {
		if l.Kind == casework.LinkCombined {
			rp.Combined = append(rp.Combined, comboFact{Name: p.serviceName(l.Service, app.SubmittedAt, lang), ID: l.ApplicationID})
		}
	}
	if pay := app.Payment; pay != nil && pay.Method == casework.PaymentGateway && pay.Reference != "" {
		// The registry's amount, to the tiyn; the application keeps whole tenge.
		amount := ui.Tenge(pay.AmountTenge)
		if got, err := p.deps.Sys.Registries.Payments.ByReference(ctx, pay.Reference); err == nil {
			amount = tiynText(got.AmountTiyn)
		}
		rp.Payment = ui.Tf("frontdesk.receipt.paid", lang, amount, ui.FormatDate(pay.PaidOn), pay.Reference)
	}
	return rp
}

// relationName names whom a request is about as the intake form does.
func relationName(relation string, lang i18n.Lang) string {
	switch relation {
	case casework.RelationMinorRelative:
		return ui.T("frontdesk.party.minor", lang)
	case casework.RelationThirdParty:
		return ui.T("frontdesk.party.third", lang)
	}
	return relation
}
