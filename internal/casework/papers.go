package casework

import (
	"fmt"
	"strings"

	"qyzmet/internal/apperr"
	"qyzmet/internal/document"
	"qyzmet/internal/i18n"
	"qyzmet/internal/org"
	"qyzmet/internal/registry"
	"qyzmet/internal/standard"
)

// The data of the papers of intake, apostilles, archival answers and
// complaints (documents.go has the certificates, notices and refusals).

// stateCorporation issues the receipts of its front desk (AC-12, AC-15).
func stateCorporation(*change) (i18n.Text, error) {
	return document.DefaultBody(document.SCAcceptanceReceipt), nil
}

// qualityBody is the authorized body for assessing and controlling the quality
// of state services (CP-4, AC-20).
var qualityBody = txt("Мемлекеттік қызметтер көрсету сапасын бағалау және бақылау жөніндегі уәкілетті орган",
	"Уполномоченный орган по оценке и контролю за качеством оказания государственных услуг",
	"Authorized body for assessing and controlling the quality of state services")

// complaintBody: Rules CP-1, CP-4, CP-5 — the body a complaint is addressed to
// registers it and replies: the appealed provider, the quality-control body,
// or the State Corporation.
func complaintBody(c *change) (i18n.Text, error) {
	switch c.app.Complaint.Addressee {
	case AddresseeQualityBody:
		return qualityBody, nil
	case AddresseeStateCorp:
		return stateCorporation(c)
	}
	_, std, err := complained(c)
	if err != nil {
		return i18n.Text{}, err
	}
	return std.Provider.Name, nil
}

// complained is the application a complaint is about, and its standard;
// the talon, the body that replies and its place all ask, so it is read once.
func complained(c *change) (*Application, *standard.Standard, error) {
	if c.about == nil {
		about, err := loadApp(c.ctx, c.tx, c.app.Complaint.About)
		if err != nil {
			return nil, nil, err
		}
		c.about = about
	}
	std, err := c.e.standardOf(c.about)
	return c.about, std, err
}

// staffName is the name of the staff member who acts, else their ID.
func staffName(a Actor) string {
	if strings.TrimSpace(a.Name) != "" {
		return a.Name
	}
	return a.ID
}

// branchOf is a branch of the directory; ok is false for a code the directory
// does not know (the papers then print the code).
func branchOf(c *change, id string) (b org.Branch, ok bool, err error) {
	if id == "" {
		return b, false, nil
	}
	b, err = (&org.Directory{DB: c.e.db}).Branch(c.ctx, id)
	if apperr.CodeOf(err) == apperr.NotFound {
		return b, false, nil
	}
	return b, err == nil, err
}

// branchText is the branch's name and address, or its code.
func branchText(c *change, id string) (i18n.Text, error) {
	b, ok, err := branchOf(c, id)
	if err != nil || !ok {
		return both(id), err
	}
	return txt(b.Name.KK+", "+b.Address, b.Name.RU+", "+b.Address, b.Name.EN+", "+b.Address), nil
}

// acceptanceReceipt: Rule AC-12 — the State Corporation's receipt lists the
// documents accepted, the day the result is ready and where it is collected;
// AC-13: the result is handed out against it.
func acceptanceReceipt(c *change) (any, error) {
	a := c.app
	d := &document.AcceptanceReceipt{ApplicationNumber: applicationNumber(a), Service: c.std.Name, Applicant: applicantData(a),
		ReceivedAt: a.ReceivedAt, ReadyOn: a.DeadlineOn, AcceptedBy: staffName(c.actor)}
	for _, it := range a.Checklist {
		if it.Status == DocProvided || it.Status == DocFetched {
			d.Documents = append(d.Documents, it.Name)
		}
	}
	var err error
	if d.Department, err = branchText(c, a.Branch); err != nil {
		return nil, err
	}
	pickup := a.PickupBranch
	if pickup == "" {
		pickup = a.Branch
	}
	d.CollectAt, err = branchText(c, pickup)
	return d, err
}

// refusalReceipt: Rules AC-15, AC-F2 — the receipt of refusal to accept names
// the applicant and address, the department and its address, the missing
// documents and the executor.
func refusalReceipt(c *change) (any, error) {
	a := c.app
	d := &document.RefusalToAcceptReceipt{Recipient: a.Applicant.Name(), Address: a.Applicant.Address,
		Department: a.Branch, BranchAddress: both(a.Branch), Executor: staffName(c.actor)}
	for _, it := range missing(a.Checklist) {
		d.Missing = append(d.Missing, it.Name)
	}
	b, ok, err := branchOf(c, a.Branch)
	if err != nil {
		return nil, err
	}
	if ok {
		// The form's sentence reads "… the department No. N of the branch at
		// (address) refuses …": the address fills the blank in each language.
		d.Department = b.Department
		d.BranchAddress = txt(b.Address+" мекенжайы бойынша", "адресу: "+b.Address+",", b.Address)
	}
	return d, nil
}

// complaintSubject is what a complaint is about: a decision, action or
// inaction in the service of the application.
func complaintSubject(std *standard.Standard) i18n.Text {
	return txt("«"+std.Name.In(i18n.KK)+"» мемлекеттік көрсетілетін қызметі бойынша шешім, әрекет (әрекетсіздік)",
		"Решение, действие (бездействие) по государственной услуге «"+std.Name.In(i18n.RU)+"»",
		"A decision, action or inaction in the state service “"+std.Name.In(i18n.EN)+"”")
}

// complaintTalon: Rules CP-7, AC-18 — the talon gives the number and date,
// who accepted the complaint, the reply's deadline and place, and a contact
// for the progress.
func complaintTalon(c *change) (any, error) {
	a, t := c.app, c.app.Complaint.Talon
	about, std, err := complained(c)
	if err != nil {
		return nil, err
	}
	accepted := t.AcceptedBy
	if c.actor.Role == RoleApplicant {
		accepted = "«Электрондық үкімет» порталы (автоматты тіркеу) / Портал «электронного правительства» (автоматическая регистрация)"
	}
	place, err := replyPlace(c)
	if err != nil {
		return nil, err
	}
	return &document.ComplaintTalon{RegisteredAt: a.ReceivedAt, RegistrationNumber: a.Number, Complainant: a.Applicant.Name(),
		About: complaintSubject(std), ApplicationNumber: applicationNumber(about), AcceptedBy: accepted,
		ReplyBy: t.ReplyDueOn, ReplyPlace: place, Contact: t.Contact}, nil
}

// replyPlace: Rule CP-7 — the motivated reply goes by post, electronically or
// by hand, as the complainant chose.
func replyPlace(c *change) (i18n.Text, error) {
	p := c.app.Applicant
	switch c.app.Complaint.ReplyMethod {
	case "post":
		return txt("Поштамен: "+p.Address, "Почтой: "+p.Address, "By post: "+p.Address), nil
	case "electronic":
		if p.Email != "" {
			return txt("Электрондық поштамен: "+p.Email, "По электронной почте: "+p.Email, "By e-mail: "+p.Email), nil
		}
		return txt("Порталдағы «жеке кабинетке»", "В «личный кабинет» на портале", "To the personal cabinet on the portal"), nil
	}
	body, err := complaintBody(c)
	if err != nil {
		return i18n.Text{}, err
	}
	return txt("Қолма-қол: "+body.KK, "Нарочно: "+body.RU, "By hand: "+body.EN), nil
}

// complaintReply: Rules CP-7, AC-19 — the motivated reply states the outcome
// of the review and its reasons; CP-4, CP-6 — and where to appeal next.
func complaintReply(c *change) (any, error) {
	a := c.app
	about, std, err := complained(c)
	if err != nil {
		return nil, err
	}
	return &document.ComplaintReply{Complainant: applicantData(a), RegistrationNumber: a.Number, RegisteredOn: a.ReceivedOn,
		About: complaintSubject(std), ApplicationNumber: applicationNumber(about), Outcome: a.Decision.Outcome,
		Reasons: both(a.Decision.Text), ByQualityBody: a.Complaint.Addressee == AddresseeQualityBody}, nil
}

// kazakhstan is field 1 of an apostille: the state that issues it.
var kazakhstan = txt("Қазақстан Республикасы", "Республика Казахстан", "Republic of Kazakhstan")

// apostille: Rules AP-6.3, AC-6 — the apostille certifies the signature, the
// signer's capacity and the seal, as the specimen that the document agrees
// with holds them (the verification of the issue command, verifyApostille).
func apostille(c *change) (any, error) {
	k := c.app.Apostille
	place := "Астана"
	if c.e.issuer.Location != "" {
		place = c.e.issuer.Location
	}
	return &document.Apostille{Country: kazakhstan, SignedBy: k.Signer, Capacity: both(k.Position), SealOf: both(k.Body),
		Place: both(place), Document: both(k.Document), DocumentNumber: k.DocumentNumber, DocumentDate: k.SignedOn,
		DocumentPages: k.Pages}, nil
}

// archivalCertificate: Rules AR-6.3, AR-6.4 — the certificate gives what the
// card that answered holds; AR-6.1, AR-STD-9 — a child resettled under 16 has
// no card of their own and is certified as written on the parent's card.
func archivalCertificate(c *change) (any, error) {
	a := c.app
	k, err := card(c, a.Decision.CardID)
	if err != nil {
		return nil, err
	}
	person := document.ArchivalPerson{FullName: k.Name.String(), BirthYear: k.BirthYear, BirthPlace: both(k.BirthPlace),
		Nationality: both(k.Nationality), DeportedFrom: both(k.FromRegion), SettledIn: both(k.ToRegion)}
	notes := childrenNote(k)
	if child, ok := childOnCard(a, k); ok {
		person.FullName, person.BirthYear, person.BirthPlace, person.Nationality = child.Name.String(), child.BirthYear, i18n.Text{}, i18n.Text{}
		notes = txt(fmt.Sprintf("Ата-анасының (%s) карточкасына жазылған: 16 жасқа толмаған балалар жеке есепке алынбаған.", k.Name.String()),
			fmt.Sprintf("Записан(а) в карточке родителя (%s): дети до 16 лет на отдельный учёт не ставились.", k.Name.String()),
			fmt.Sprintf("Written on the card of the parent (%s): children under 16 were not registered separately.", k.Name.String()))
	}
	d := &document.ArchivalCertificate{Applicant: applicantData(a), ApplicationNumber: applicationNumber(a), ReceivedOn: a.ReceivedOn,
		Person: person, RegisteredOn: k.ResettledOn, ReleasedOn: k.ReleasedOn, ReleaseBasis: both(k.ReleaseBasis), Notes: notes,
		Source: "Арнайы қоныс аударылғандар картотекасы / картотека спецпоселенцев, № " + k.ID}
	if !k.ResettledOn.IsZero() {
		d.DeportedYear = k.ResettledOn.Year
	}
	return d, nil
}

// childOnCard is the subject of the request as a child written on the card,
// when the card is a parent's (AR-6.1).
func childOnCard(a *Application, k registry.Card) (registry.CardChild, bool) {
	if a.Subject == nil {
		return registry.CardChild{}, false
	}
	s := registry.Name{Surname: a.Subject.Person.Surname, GivenName: a.Subject.Person.GivenName, Patronymic: a.Subject.Person.Patronymic}
	if registry.CompareNames(s, k.Name) == registry.Same {
		return registry.CardChild{}, false
	}
	for _, ch := range k.Children {
		if registry.CompareNames(s, ch.Name) == registry.Same {
			return ch, true
		}
	}
	return registry.CardChild{}, false
}

// childrenNote lists the children registered with the person.
func childrenNote(k registry.Card) i18n.Text {
	if len(k.Children) == 0 {
		return i18n.Text{}
	}
	var names []string
	for _, ch := range k.Children {
		n := ch.Name.String()
		if ch.BirthYear != 0 {
			n += fmt.Sprintf(" (%d)", ch.BirthYear)
		}
		names = append(names, n)
	}
	list := strings.Join(names, ", ")
	return txt("Бірге есепке алынған балалары: "+list+".", "Вместе состояли на учёте дети: "+list+".", "Children registered with the person: "+list+".")
}

// noDataReply: Rules AR-STD-5, AR-6.4 — with no data found, a written reply
// (on paper or, as the applicant chose, electronically) about the person sought.
func noDataReply(c *change) (any, error) {
	a := c.app
	d := &document.ArchivalNoDataReply{Applicant: applicantData(a), ApplicationNumber: applicationNumber(a), ReceivedOn: a.ReceivedOn,
		Electronic: !a.Decision.Paper}
	sought := a.Applicant
	if a.Subject != nil {
		sought = a.Subject.Person
		if b := a.Subject.BirthDate; b != nil {
			d.Person.BirthYear = b.Year
		}
	}
	d.Person.FullName = fullName(sought)
	if place := strings.TrimSpace(a.Fields[FieldBirthPlace]); place != "" {
		d.Person.BirthPlace = both(place)
	}
	return d, nil
}
