package document

import (
	"fmt"

	"qyzmet/internal/i18n"
	"qyzmet/internal/pdf"
	"qyzmet/internal/standard"
)

// The court apostille service (DIGEST section 4): the application of annex 1
// (AC-F1) and the receipt of refusal to accept documents of annex 2 (AC-F2),
// both worded by the standard's data (apostille-court.yaml, forms[].texts).

func (d *CourtApostilleApplication) check(c *check) {
	checkApplicant(c, "Applicant", d.Applicant)
	c.i18n("Document", d.Document)
	c.i18n("Country", d.Country)
	c.list("Attachments", len(d.Attachments), 0, 4)
	c.date("Date", d.Date)
	c.order("IssueOn", d.AcceptedOn, d.IssueOn)
}

// quoted puts a filled-in value in guillemets, as a blank of the form that
// holds it: the form's sentence stays as the law words it.
func quoted(t i18n.Text) i18n.Text {
	return i18n.Text{KK: "«" + t.In(i18n.KK) + "»", RU: "«" + t.In(i18n.RU) + "»", EN: "“" + t.In(i18n.EN) + "”"}
}

// caption is a form's caption in Kazakh over Russian.
func caption(t i18n.Text) string { return t.In(i18n.KK) + "\n" + t.In(i18n.RU) }

// drawACApplication lays out the application. Rule AC-F1: addressed to the head
// of the provider; from the applicant, with address and phone, identity
// document and IIN; "I ask to affix an apostille on (the court document) to be
// presented in (country)"; attachments 1)–4); the consent to the use of secrets
// (AC-11); signature and date, the seal of a legal entity; and the tear-off slip
// "documents accepted by", "time of issue".
func drawACApplication(s *sheet, d *CourtApostilleApplication) error {
	w, err := s.wordingOf(standard.ApostilleCourt, "application")
	if err != nil {
		return err
	}
	s.start(lookForm)
	s.annexRef("«Сот органдарынан шығатын ресми құжаттарға апостиль қою» мемлекеттік көрсетілетін қызмет стандартына 1-қосымша",
		"Приложение 1 к стандарту государственной услуги «Апостилирование официальных документов, исходящих из судебных органов»")
	s.applicationHead(w.texts["addressee"], d.Applicant)
	s.center(s.st.title, w.get("title", nil).KK+" / "+w.get("title", nil).RU)
	s.y += 5
	s.bi(s.st.body, w.get("request", map[string]i18n.Text{"document": quoted(d.Document), "country": quoted(d.Country)}))
	s.y += 4
	s.bi(s.st.bodyBold, w.get("attachments", nil))
	s.y += 1.5
	items := d.Attachments
	for len(items) < 4 { // the form has four numbered lines
		items = append(items, i18n.Text{KK: "—", RU: "—"})
	}
	s.numbered(leftBody(s), items)
	s.consent(w.get("consent", nil))
	seal := ""
	if d.Applicant.Organization != "" {
		seal = caption(w.get("seal", nil))
	}
	s.blanks(10,
		cell{marginL, 96, d.Applicant.FullName, caption(w.get("signature", nil))},
		cell{122, 30, "", "қолы / подпись"},
		cell{158, 32, dateNum(d.Date), "күні / дата"})
	if seal != "" {
		s.y += 2
		s.p.TextBox(pdf.Rect{X: marginL, Y: s.y, W: 80}, s.st.small, seal)
		s.y += 7
	}

	// The tear-off slip that the applicant keeps.
	s.need(40)
	s.y += 9
	s.p.Line(marginL-8, s.y, marginR+8, s.y, pdf.Stroke{Width: 0.6, Color: grey, Dash: []float64{4, 3}})
	tear := s.st.small
	tear.Align = pdf.Center
	tl := w.get("tear-line", nil)
	s.p.FillRect(pdf.Rect{X: 80, Y: s.y - 2, W: 50, H: 4}, pdf.White)
	s.p.Text(105, s.y-1.6, tear, tl.KK+" / "+tl.RU)
	s.y += 4
	s.blanks(5,
		cell{marginL, 120, d.AcceptedBy, caption(w.get("accepted-by", nil))},
		cell{150, 40, dateNum(d.AcceptedOn), "күні / дата"})
	s.blanks(5,
		cell{marginL, 120, "", caption(w.get("issue-time", nil))},
		cell{150, 40, dateNum(d.IssueOn), "күні / дата"})
	return w.done()
}

func (d *RefusalToAcceptReceipt) check(c *check) {
	c.text("Recipient", d.Recipient)
	c.text("Department", d.Department)
	c.i18n("BranchAddress", d.BranchAddress)
	// Rule AC-15: the receipt lists the missing documents.
	c.list("Missing", len(d.Missing), 1, 10)
	for i, m := range d.Missing {
		c.i18n(fmt.Sprintf("Missing[%d]", i), m)
	}
	c.text("Executor", d.Executor)
}

// drawRefusalReceipt lays out the receipt of refusal to accept documents.
// Rule AC-15: an incomplete package is refused with the receipt of annex 2
// listing the missing documents. Rule AC-F2: the applicant's name or
// organization and address; "department No. … of the State Corporation branch
// at (address) refuses to accept documents … namely: 1)…"; made in 2 copies;
// the executor's name, signature and phone; received by the applicant.
func drawRefusalReceipt(s *sheet, d *RefusalToAcceptReceipt) error {
	w, err := s.wordingOf(standard.ApostilleCourt, "refusal-receipt")
	if err != nil {
		return err
	}
	s.start(lookLetter)
	s.y += 1
	s.blanks(0, cell{headX, headW, d.Recipient, caption(w.get("recipient", nil))})
	s.blanks(3, cell{headX, headW, d.Address, caption(w.get("address", nil))})
	s.y += 8
	title := w.get("title", nil)
	s.center(s.st.titleSmall, title.KK)
	s.y += 1
	s.center(s.st.titleSmall, title.RU)
	s.y += 5
	s.bi(s.st.body, w.get("body", map[string]i18n.Text{"address": d.BranchAddress, "department": same(d.Department)}))
	s.y += 2
	s.numbered(leftBody(s), d.Missing)
	label := s.st.label
	label.Align = pdf.Center
	s.center(label, slash(w.get("missing-label", nil)))
	s.y += 4
	s.bi(s.st.body, w.get("copies", nil))
	s.blanks(10,
		cell{marginL, 96, d.Executor, caption(w.get("executor", nil))},
		cell{122, 30, "", "қолы / подпись"},
		cell{158, 32, d.ExecutorPhone, "телефоны / телефон"})
	s.blanks(10,
		cell{marginL, 96, "", caption(w.get("received", nil))},
		cell{122, 30, "", "қолы / подпись"},
		cell{158, 32, "", "күні / дата"})
	return w.done()
}
