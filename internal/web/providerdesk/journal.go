package providerdesk

import (
	"net/http"
	"slices"
	"strconv"
	"strings"

	"qyzmet/internal/audit"
	"qyzmet/internal/calendar"
	"qyzmet/internal/casework"
	"qyzmet/internal/document"
	"qyzmet/internal/i18n"
	"qyzmet/internal/standard"
	"qyzmet/internal/web/ui"
)

type journalContent struct {
	From, To string // YYYY-MM-DD, the period's inputs
	Err      ui.FormError
	Entries  []journalRow
	Query    string // the period as a query string, for the downloads
}

type journalRow struct {
	Number string
	ID     string
	Entry  document.JournalEntry
}

// journal is the journal of apostilled documents for a period, with its
// downloads as PDF and XLSX (?format=pdf|xlsx).
//
// Rule AP-6.1: on the day the documents arrive the applicant's data is
// registered in the journal of apostilled documents (annex 4); the journal
// shows every application registered in the period, with its result.
func (p *Pages) journal(w http.ResponseWriter, r *http.Request) {
	lang := ui.RequestLang(w, r)
	today := calendar.DateOf(p.deps.Now())
	c := journalContent{From: r.URL.Query().Get("from"), To: r.URL.Query().Get("to")}
	from, to, ok := period(&c, today, lang)
	if !ok {
		p.views.Render(w, r, http.StatusUnprocessableEntity, "journal", lang, ui.T("providerdesk.journal.title", lang), c)
		return
	}
	actor, _ := actorIn(r, decidingRoles...)
	apps, err := p.listAll(r.Context(), actor, casework.Filter{Service: standard.ApostilleProsecution})
	if err != nil {
		p.views.Fail(w, r, err)
		return
	}
	j := &document.ApostilleJournal{From: from, To: to}
	for i := range apps {
		app := &apps[i]
		if app.Number == "" || app.ReceivedOn.Before(from) || app.ReceivedOn.After(to) {
			continue
		}
		e := journalEntry(app)
		j.Entries = append(j.Entries, e)
		c.Entries = append(c.Entries, journalRow{Number: app.Number, ID: app.ID, Entry: e})
	}
	slices.SortFunc(c.Entries, func(a, b journalRow) int { return strings.Compare(a.Number, b.Number) })
	slices.SortFunc(j.Entries, func(a, b document.JournalEntry) int { return a.ReceivedOn.Compare(b.ReceivedOn) })
	c.Query = query(map[string]string{"from": from.String(), "to": to.String()})
	format := r.URL.Query().Get("format")
	// The journal names applicants with their IINs: who looked at which
	// period, in which form, is logged before it is shown.
	if err := p.deps.Sys.Audit.Record(r.Context(), audit.View{Actor: actor, What: audit.ViewDocument,
		Detail: strings.TrimSpace("ap-journal " + from.String() + " " + to.String() + " " + format)}); err != nil {
		p.views.Fail(w, r, err)
		return
	}
	switch format {
	case "pdf":
		p.journalPDF(w, r, j)
	case "xlsx":
		p.journalXLSX(w, r, j)
	default:
		p.views.Render(w, r, http.StatusOK, "journal", lang, ui.T("providerdesk.journal.title", lang), c)
	}
}

// period reads the journal's period: by default the month so far. A bad
// date is refused next to its input.
func period(c *journalContent, today calendar.Date, lang i18n.Lang) (from, to calendar.Date, ok bool) {
	from, to = calendar.D(today.Year, today.Month, 1), today
	parse := func(field, s string, d *calendar.Date) {
		if s == "" {
			return
		}
		v, err := calendar.ParseDate(s)
		if err != nil {
			c.Err = addFieldError(c.Err, field, ui.T("providerdesk.journal.bad_date", lang))
			return
		}
		*d = v
	}
	parse("from", c.From, &from)
	parse("to", c.To, &to)
	if !c.Err.Any() && to.Before(from) {
		c.Err = addFieldError(c.Err, "to", ui.T("providerdesk.journal.bad_order", lang))
	}
	c.From, c.To = from.String(), to.String()
	return from, to, !c.Err.Any()
}

func addFieldError(fe ui.FormError, field, text string) ui.FormError {
	if fe.Fields == nil {
		fe.Fields = map[string]string{}
	}
	fe.Fields[field] = text
	return fe
}

// journalEntry is the application's line of the journal.
func journalEntry(app *casework.Application) document.JournalEntry {
	e := document.JournalEntry{ReceivedOn: app.ReceivedOn, Applicant: app.Applicant.Name(), IIN: app.Applicant.IIN,
		Document: firstNonEmpty(app.Fields["document"], "—"), Country: app.Fields["country"]}
	if signer := joinWords(app.Fields[fieldSignerSurname], app.Fields[fieldSignerGivenName], app.Fields[fieldSignerPatronymic]); signer != "" {
		e.SignedBy = strings.Join(nonEmpty(signer, app.Fields[fieldSignerPosition], app.Fields[fieldSignerBody]), ", ")
	}
	if pay := app.Payment; pay != nil {
		e.Payment = strings.Join(nonEmpty(pay.Method, pay.Reference, plainTenge(pay.AmountTenge), ui.FormatDate(pay.PaidOn)), ", ")
	}
	if d := app.Decision; d != nil {
		switch d.Outcome {
		case casework.OutcomeIssued:
			e.ApostilleNumber, e.ApostilleDate = firstNonEmpty(d.DocumentRef, app.Number), calendar.DateOf(d.DecidedAt)
		case casework.OutcomeRefused:
			e.Refusal = firstNonEmpty(d.DocumentRef, app.Number) + ", " + ui.FormatDate(calendar.DateOf(d.DecidedAt))
		}
	}
	if s := app.Storage; s != nil && s.HandedAt != nil {
		e.HandedOverOn = calendar.DateOf(*s.HandedAt)
	}
	return e
}

func nonEmpty(ss ...string) []string {
	return slices.DeleteFunc(ss, func(s string) bool { return strings.TrimSpace(s) == "" })
}

func (p *Pages) journalPDF(w http.ResponseWriter, r *http.Request, j *document.ApostilleJournal) {
	doc, err := document.Render(document.APJournal, j, document.Meta{IssuedAt: p.deps.Now()})
	if err != nil {
		p.views.Fail(w, r, err)
		return
	}
	b, err := doc.Bytes()
	if err != nil {
		p.views.Fail(w, r, err)
		return
	}
	download(w, "application/pdf", journalName(j)+".pdf", b)
}

func (p *Pages) journalXLSX(w http.ResponseWriter, r *http.Request, j *document.ApostilleJournal) {
	b, err := document.JournalXLSX(j)
	if err != nil {
		p.views.Fail(w, r, err)
		return
	}
	download(w, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", journalName(j)+".xlsx", b)
}

func journalName(j *document.ApostilleJournal) string {
	return "journal-" + j.From.String() + "-" + j.To.String()
}

func download(w http.ResponseWriter, contentType, name string, b []byte) {
	h := w.Header()
	h.Set("Content-Type", contentType)
	h.Set("Content-Disposition", `attachment; filename="`+name+`"`)
	h.Set("Cache-Control", "no-store")
	w.Write(b)
}

// plainTenge is an amount for the journal's PDF, whose font has neither
// narrow spaces nor the tenge sign: "2162 тг".
func plainTenge(amount int) string { return strconv.Itoa(amount) + " тг" }
