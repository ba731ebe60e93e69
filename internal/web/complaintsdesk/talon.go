package complaintsdesk

import (
	"net/http"

	"qyzmet/internal/audit"
	"qyzmet/internal/casework"
	"qyzmet/internal/i18n"
	"qyzmet/internal/web/ui"
)

// talonView is the complainant's talon (Rule CP-7, AC-18): number, date, who
// accepted the complaint, the reply's due day and place, and the contact for
// its progress (AC-17: the contact centre 1414).
type talonView struct {
	Number, Date, AcceptedBy, ReplyDue, ReplyPlace, Contact string
	Complainant, Addressee, About                           string
	Rule                                                    string
	Documents                                               []docView
	ID                                                      string
}

func (p *Pages) talonOf(app *casework.Application, lang i18n.Lang) talonView {
	t := app.Complaint.Talon
	v := talonView{ID: app.ID, Number: t.Number, Date: ui.FormatDate(t.Date), AcceptedBy: t.AcceptedBy, ReplyDue: ui.FormatDate(t.ReplyDueOn),
		ReplyPlace: t.ReplyPlace, Contact: t.Contact, Complainant: app.Applicant.Name(),
		Addressee: ui.T("complaintsdesk.addressee."+app.Complaint.Addressee, lang), Rule: "CP-7"}
	// The 2019 procedure of the court apostille names the talon AC-18.
	if app.StandardVersion < "2022" {
		v.Rule = "AC-18"
	}
	for _, d := range app.Documents {
		v.Documents = append(v.Documents, docView{Number: d.Number, Title: d.Title.In(lang), Issued: ui.FormatTime(d.IssuedAt)})
	}
	return v
}

// talon is the printable talon: the page prints without the site's header
// and menus (complaintsdesk.css), and links the signed PDF once the engine
// has issued one.
func (p *Pages) talon(w http.ResponseWriter, r *http.Request) {
	lang := ui.RequestLang(w, r)
	who := ui.Principal(r)
	app, ok := p.loadComplaint(r.Context(), who, r.PathValue("id"))
	if !ok {
		p.views.NotFound(w, r)
		return
	}
	if err := p.audited(r.Context(), who, audit.ViewApplication, app, "talon "+app.Number); err != nil {
		p.deps.Log.Error("audit", "err", err)
		p.views.Message(w, r, http.StatusInternalServerError, "error.title", "")
		return
	}
	v := p.talonOf(app, lang)
	v.About = p.about(r.Context(), who, app.Complaint.About, lang).Number
	p.views.Render(w, r, http.StatusOK, "talon", lang, ui.Tf("complaintsdesk.talon.title", lang, app.Number), v)
}
