package document

import (
	"strings"

	"qyzmet/internal/calendar"
	"qyzmet/internal/i18n"
	"qyzmet/internal/pdf"
	"qyzmet/internal/standard"
)

// Blocks shared by several forms: the addressee of a letter, the head of an
// application, the list of attachments, the consent, the applicant's signature.

// The right-hand column of addressee blocks.
const (
	headX = 110.0
	headW = marginR - headX
)

// position is Meta.SignerTitle, or def when the pipeline gave none.
func (s *sheet) position(def i18n.Text) i18n.Text {
	if s.meta.SignerTitle.KK == "" && s.meta.SignerTitle.RU == "" {
		return def
	}
	return s.meta.SignerTitle
}

// defaultPosition is the usual signatory of the form's body.
func (s *sheet) defaultPosition() i18n.Text {
	switch {
	case s.spec.Kind == KindAcceptanceReceipt || s.spec.Kind == KindRefusalReceipt:
		return i18n.Text{KK: "Бөлім басшысы", RU: "Руководитель отдела"}
	case s.spec.Service == standard.ApostilleCourt:
		return i18n.Text{KK: "Бөлім басшысы", RU: "Руководитель отдела"}
	}
	return i18n.Text{KK: "Басқарма бастығы", RU: "Начальник управления"}
}

// addressee prints whom a letter goes to, in the right-hand column. Names are
// not declined: a label says "to whom", so the name stays as in the documents.
func (s *sheet) addressee(a Applicant) {
	s.y += 2
	s.p.Text(headX, s.y, s.st.label, "Кімге / Кому:")
	s.y += 3.5
	s.y += s.p.TextBox(pdf.Rect{X: headX, Y: s.y, W: headW}, s.st.value, applicantLine(a))
	if a.Address != "" {
		st := s.st.body
		st.Align = pdf.Left
		st.Size = 10
		s.y += s.p.TextBox(pdf.Rect{X: headX, Y: s.y, W: headW}, st, a.Address)
	}
	s.y += 5
}

// defaultAddressee is the addressee line of the annexed application forms
// (AC-F1 words it so; the CLSSA forms are not in the seed text and follow it).
var defaultAddressee = i18n.Text{KK: "{provider} басшысына", RU: "Руководителю {provider}"}

// applicationHead prints to whom the application is addressed — tmpl in
// Kazakh (left) and Russian (right), the body's name on a line of its own as in
// the blank of the paper form — and from whom: the applicant's name, IIN,
// identity document, address and phone.
func (s *sheet) applicationHead(tmpl i18n.Text, a Applicant) {
	fill := func(l i18n.Lang) string {
		text, name := tmpl.In(l), s.body.In(l)
		if i := strings.Index(text, "{provider}"); i >= 0 {
			text = joinNonEmpty("\n", strings.TrimSpace(text[:i]), name, strings.TrimSpace(text[i+len("{provider}"):]))
		}
		return text
	}
	s.columns(s.st.bodyBold, fill(i18n.KK), fill(i18n.RU))
	s.y += 2
	s.heading(i18n.Text{KK: "Өтініш беруші", RU: "Заявитель"})
	rows := []field{{label: i18n.Text{KK: "Тегі, аты, әкесінің аты", RU: "Фамилия, имя, отчество"}, value: a.FullName}}
	if a.Organization != "" {
		rows = append(rows, field{label: i18n.Text{KK: "Ұйым", RU: "Организация"}, value: joinNonEmpty(", ", a.Organization, prefixed("БСН / БИН ", a.BIN))})
	}
	for _, r := range []field{
		{label: i18n.Text{KK: "ЖСН", RU: "ИИН"}, value: a.IIN},
		{label: i18n.Text{KK: "Жеке басты куәландыратын құжат", RU: "Документ, удостоверяющий личность"}, value: a.IdentityDocument},
		{label: i18n.Text{KK: "Мекенжайы", RU: "Адрес"}, value: a.Address},
		{label: i18n.Text{KK: "Телефоны", RU: "Телефон"}, value: a.Phone},
	} {
		if r.value != "" {
			rows = append(rows, r)
		}
	}
	s.fields(rows...)
	s.y += 5
}

func prefixed(prefix, v string) string {
	if v == "" {
		return ""
	}
	return prefix + v
}

func joinNonEmpty(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}

// attachments lists the documents attached to an application.
func (s *sheet) attachments(items []i18n.Text) {
	if len(items) == 0 {
		return
	}
	s.y += 3
	s.heading(i18n.Text{KK: "Өтінішке қоса беріледі", RU: "К заявлению прилагаются"})
	st := s.st.body
	st.Align = pdf.Left
	s.numbered(st, items)
}

// consentText is the applicant's consent to the use of secrets protected by law
// in the information systems, as the AC-F1 form words it (AC-11); the CLSSA
// applications ask the same.
var consentText = i18n.Text{
	KK: "Ақпараттық жүйелерде қамтылған заңмен қорғалатын құпияларды құрайтын мәліметтерді қолдануға келісемін.",
	RU: "Согласен на использование сведений, составляющих охраняемую законом тайну, содержащихся в информационных системах.",
}

func (s *sheet) consent(t i18n.Text) {
	s.y += 3
	s.bi(s.st.bodyItalic, t)
}

// signHere is the applicant's signature row: the name, the line to sign on and
// the date, each over its caption.
func (s *sheet) signHere(name string, date calendar.Date) {
	s.blanks(8,
		cell{marginL, 78, name, "Т.А.Ә. / Ф.И.О."},
		cell{104, 38, "", "қолы / подпись"},
		cell{150, 40, dateNum(date), "күні / дата"})
	s.y += 3
}
