package casework

import (
	"fmt"
	"slices"
	"strings"

	"qyzmet/internal/calendar"
	"qyzmet/internal/i18n"
	"qyzmet/internal/standard"
)

// Subject relations.
const (
	RelationSelf          = "self"
	RelationMinorRelative = "minor-relative"
	RelationThirdParty    = "third-party"
)

// derivedConditions are the conditions that follow from the application itself;
// the others (what the information systems lack) are declared by the applicant
// or the operator until the registries answer them.
var derivedConditions = map[standard.Condition]func(a *Application) bool{
	// Rule CR-STD-8.1, AR-STD-8.1, AC-9: a representative acts on a notarized POA.
	standard.CondRepresentative: func(a *Application) bool { return a.Representative != nil },
	// Rule CR-STD-5.2, CR-STD-8.4: a request about another person.
	standard.CondThirdPartyRequest: func(a *Application) bool {
		return a.Subject != nil && a.Subject.Relation == RelationThirdParty
	},
	// Rule CR-STD-8.3: a paper certificate for travel abroad.
	standard.CondTravelAbroad: func(a *Application) bool { return a.TravelAbroad },
	// Rule AC-9(6), AC-10: a payment through the gateway needs no proof.
	standard.CondNotPaidViaGateway: func(a *Application) bool {
		return a.Payment == nil || a.Payment.Method != PaymentGateway
	},
	// Rule AR-6.1: a person under 16 on 1 January 1940 is found through the parents.
	standard.CondSubjectUnder16In1940: func(a *Application) bool {
		return a.Subject != nil && a.Subject.BirthDate != nil && Under16On1January1940(*a.Subject.BirthDate)
	},
}

// Under16On1January1940 is the rule of AR-6.1 and AR-STD-9 that cannot be data:
// whether a person born on birth had not turned 16 by 1 January 1940 — persons
// resettled under that age were not registered separately and are found through
// their parents.
func Under16On1January1940(birth calendar.Date) bool {
	// Rule AR-6.1: the sixteenth birthday falls after 1 January 1940.
	return birth.AddMonths(16 * 12).After(calendar.D(1940, 1, 1))
}

// Payment methods.
const (
	PaymentGateway = "gateway"
	PaymentReceipt = "receipt"
)

// holds reports whether condition c holds for the application.
func holds(a *Application, c standard.Condition) bool {
	if f, ok := derivedConditions[c]; ok && f(a) {
		return true
	}
	return slices.Contains(a.Declared, c)
}

// holdingConditions lists the conditions that hold, in the standard package's order.
func holdingConditions(a *Application) []standard.Condition {
	var out []standard.Condition
	for _, c := range standard.Conditions() {
		if holds(a, c) {
			out = append(out, c)
		}
	}
	return out
}

// buildChecklist derives the documents checklist from the standard for the
// application's channel: every item of the channel, waived when a condition of
// its "when" does not hold, else provided, fetched or missing. primary is the
// checklist of the application whose one-application request this one joins
// (nil for a primary).
func buildChecklist(std *standard.Standard, a *Application, inputs map[string]DocumentInput, primary []ChecklistItem) []ChecklistItem {
	var out []ChecklistItem
	for _, d := range std.Documents {
		if !slices.Contains(d.Channels, a.Channel) {
			continue
		}
		item := ChecklistItem{DocumentID: d.ID, Name: d.Name, Rule: d.Rule}
		if len(d.When) > 0 {
			item.Condition = d.When[0]
		}
		waived := false
		for _, c := range d.When {
			if !holds(a, c) {
				item.Status, item.Condition, waived = DocWaived, c, true
				break
			}
		}
		if !waived {
			item.Status, item.FileRef = documentStatus(d, a, inputs, primary)
		}
		out = append(out, item)
	}
	return out
}

// documentStatus is the status of a required item.
func documentStatus(d standard.DocumentRule, a *Application, inputs map[string]DocumentInput, primary []ChecklistItem) (string, string) {
	if in, ok := inputs[d.ID]; ok {
		switch {
		case in.Provided:
			return DocProvided, in.FileRef
		case in.Fetched:
			return DocFetched, in.FileRef
		}
	}
	if a.ConsentGiven != nil && d.Kind == standard.KindConsent {
		return DocProvided, ""
	}
	switch d.Kind {
	case standard.KindERequest:
		// Rule CR-STD-8.3, AR-STD-8.2, AC-9-1: the portal submission is the
		// e-request, signed with EDS or certified with an OTP by the portal.
		return DocProvided, ""
	case standard.KindSelection:
		if a.PickupBranch != "" {
			return DocProvided, ""
		}
	case standard.KindData:
		if strings.TrimSpace(a.Fields[d.ID]) != "" {
			return DocProvided, ""
		}
	}
	if primary != nil {
		// One application (CR-STD-4, AP-STD-10, AR-STD-10): the package handed in
		// for the primary service serves the combined one — the same item, or an
		// unconditional document (the application, the identity document, the
		// document to apostille, which is the primary's result).
		for _, p := range primary {
			if p.DocumentID == d.ID && p.Status != DocWaived {
				return p.Status, p.FileRef
			}
		}
		if len(d.When) == 0 && d.Kind == standard.KindDocument {
			return DocFetched, ""
		}
	}
	return DocMissing, ""
}

// missing lists the items of a checklist still missing.
func missing(list []ChecklistItem) []ChecklistItem {
	var out []ChecklistItem
	for _, it := range list {
		if it.Status == DocMissing {
			out = append(out, it)
		}
	}
	return out
}

// missingText names the missing items in the three languages, with their rules.
func missingText(items []ChecklistItem) i18n.Text {
	var kk, ru, en []string
	for i, it := range items {
		kk = append(kk, fmt.Sprintf("%d) %s (%s)", i+1, it.Name.In(i18n.KK), it.Rule))
		ru = append(ru, fmt.Sprintf("%d) %s (%s)", i+1, it.Name.In(i18n.RU), it.Rule))
		en = append(en, fmt.Sprintf("%d) %s (%s)", i+1, it.Name.In(i18n.EN), it.Rule))
	}
	return i18n.Text{KK: strings.Join(kk, "; "), RU: strings.Join(ru, "; "), EN: strings.Join(en, "; ")}
}

// documentInputs checks the documents given for a standard and indexes them by
// ID. prefix is "service/" for the items of a combined service ("" for the
// primary); items with another service's prefix are skipped.
func documentInputs(std *standard.Standard, ch standard.Channel, docs []DocumentInput, primary bool) (map[string]DocumentInput, error) {
	out := map[string]DocumentInput{}
	for i, in := range docs {
		field := fmt.Sprintf("documents[%d]", i)
		id := in.ID
		if svc, rest, ok := strings.Cut(id, "/"); ok {
			if standard.ServiceID(svc) != std.Service {
				continue
			}
			id = rest
		} else if !primary {
			continue
		}
		var rule *standard.DocumentRule
		for j := range std.Documents {
			if std.Documents[j].ID == id && slices.Contains(std.Documents[j].Channels, ch) {
				rule = &std.Documents[j]
			}
		}
		if rule == nil {
			var known []string
			for _, d := range std.Documents {
				if slices.Contains(d.Channels, ch) {
					known = append(known, d.ID)
				}
			}
			return nil, badValue(field+".id", in.ID, known)
		}
		if _, dup := out[id]; dup {
			return nil, invalid("duplicate", field+".id", "", i18n.Text{
				KK: "%q құжаты екі рет берілген", RU: "документ %q указан дважды", EN: "document %q is given twice",
			}, in.ID)
		}
		if in.Fetched && !rule.DigitalAlternative && rule.Kind != standard.KindData {
			return nil, invalid("not_fetchable", field+".fetched", rule.Rule, i18n.Text{
				KK: "%q құжатын ақпараттық жүйеден алуға болмайды: оны ұсыну керек",
				RU: "документ %q нельзя получить из информационной системы: его нужно представить",
				EN: "%q cannot be fetched from an information system: it must be handed in",
			}, id)
		}
		if rule.Kind == standard.KindConsent && in.Provided {
			return nil, invalid("consent_by_subject", field+".provided", "CR-STD-8.4", i18n.Text{
				KK: "келісімді мәліметтері сұратылатын адамның өзі береді",
				RU: "согласие даёт само лицо, сведения о котором запрашиваются",
				EN: "the consent is given by the person whose data is requested, in their own cabinet",
			})
		}
		out[id] = in
	}
	return out, nil
}
