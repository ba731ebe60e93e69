package casework

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"qyzmet/internal/apperr"
	"qyzmet/internal/calendar"
	"qyzmet/internal/standard"
	"qyzmet/internal/store"
)

// cmdFileComplaint names the registration of a complaint in its event; it is
// FileComplaint, not a command of the table.
const cmdFileComplaint = "file-complaint"

// complaintContact is where a complainant learns of the progress (AC-17: the
// contact centre 1414).
const complaintContact = "1414"

// FileComplaint registers a complaint about an application (CP-7): an
// application of the complaint standard named by the appealed service's
// standard, linked to the application it is about, registered with a number and
// a talon, with the clocks of CP-2 (forward or satisfy within 3 working days,
// when addressed to the provider), CP-3 (review within 5) or CP-4 (15, by the
// quality-control body). Idempotent as Submit. Errors: unauthorized, not_found
// (the application complained about), forbidden, invalid (with the field),
// conflict.
func (e *Engine) FileComplaint(ctx context.Context, a Actor, in ComplaintInput, idempotencyKey string) (*Application, bool, error) {
	if err := checkActor(a); err != nil {
		return nil, false, err
	}
	return e.createOnce(ctx, a, idempotencyKey, "complaint:", in, func(tx *store.Tx) (*Application, error) {
		return e.fileComplaint(ctx, tx, a, in)
	})
}

var (
	addressees   = []string{AddresseeProvider, AddresseeQualityBody, AddresseeStateCorp}
	complaintFor = []string{"paper", "electronic"}
	replyMethods = []string{"post", "electronic", "in-person"}
)

func (e *Engine) fileComplaint(ctx context.Context, tx *store.Tx, actor Actor, in ComplaintInput) (*Application, error) {
	now := tx.Now()
	if strings.TrimSpace(in.About) == "" {
		return nil, required("about")
	}
	about, err := loadApp(ctx, tx, in.About)
	if err != nil {
		return nil, err
	}
	if !visible(actor, about) {
		return nil, notFound(in.About)
	}
	aboutStd, err := e.standardOf(about)
	if err != nil {
		return nil, err
	}
	if aboutStd.Complaints == nil {
		return nil, invalid("no_complaints", "about", "", txt(
			"%s стандартында шағым тәртібі жоқ", "в стандарте %s нет порядка обжалования", "the standard of %s names no complaint procedure"), about.Service)
	}
	filed := now
	if in.FiledAt != nil {
		if actor.Role == RoleApplicant {
			return nil, invalid("filed_at_portal", "filed_at", "CP-7", txt(
				"электрондық шағымның уақытын сервер белгілейді", "время электронной жалобы ставит сервер", "the time of an electronic complaint is set by the server"))
		}
		if in.FiledAt.After(now) {
			return nil, invalid("filed_in_future", "filed_at", "", txt("уақыт болашақта", "время в будущем", "the time is in the future"))
		}
		filed = in.FiledAt.UTC().Truncate(time.Microsecond)
	}
	std, err := e.Standards().At(aboutStd.Complaints.Service, calendar.DateOf(filed))
	if err != nil {
		return nil, deadlineError(err)
	}
	ch := in.Channel
	if ch == "" {
		ch = standard.ProviderOffice
		if actor.Role == RoleApplicant {
			ch = standard.Portal
		}
	}
	if err := checkComplaint(actor, std, in, ch); err != nil {
		return nil, err
	}

	// Rule CP-7: the complaint is registered — on a working day, within the
	// provider's hours; one made later is registered the next working day (G-3).
	app := &Application{
		ID: newID(), Service: std.Service, StandardVersion: std.Version, Channel: ch,
		Applicant: in.Complainant, Branch: about.Branch, PickupBranch: about.PickupBranch,
		SubmittedAt: filed, StateSince: now,
		Complaint: &Complaint{About: about.ID, AboutService: about.Service, Addressee: in.Addressee, Form: in.Form, Text: in.Text,
			ReplyMethod: in.ReplyMethod, OutgoingNumber: in.OutgoingNumber, OutgoingDate: in.OutgoingDate},
		Links: []Link{{ApplicationID: about.ID, Kind: LinkComplaintAbout, Service: about.Service}},
	}
	switch in.Addressee {
	case AddresseeProvider:
		app.Provider = about.Provider
	case AddresseeStateCorp:
		app.Provider = "state-corp:" + about.Branch
	default:
		app.Provider = AddresseeQualityBody
	}
	sched := e.schedule(std, app)
	day := calendar.DateOf(filed)
	switch {
	case e.Calendar().IsWorkingDay(day) && sched.OpenAt(e.Calendar(), filed):
		app.ReceivedAt, app.ReceivedOn = filed, day
	case e.Calendar().IsWorkingDay(day) && filed.Before(sched.Opening(day)):
		app.ReceivedAt, app.ReceivedOn = sched.Opening(day).UTC(), day
	default:
		app.ReceivedOn = e.Calendar().NextWorkingDay(day)
		app.ReceivedAt = sched.Opening(app.ReceivedOn).UTC()
	}
	year := app.ReceivedOn.Year
	n, err := nextNumber(ctx, tx, app.Provider+"#complaints", year)
	if err != nil {
		return nil, err
	}
	app.Number = fmt.Sprintf("C-%d-%06d", year, n)

	// The clocks decide the reply's deadline, which the talon states.
	// (The clocks themselves are planned, and their timers enqueued, by commit.)
	for _, k := range e.plan(std, app) {
		if k.DueOn.After(app.DeadlineOn) {
			app.DeadlineOn, app.Deadline, app.DeadlineRule = k.DueOn, k.Due, k.Rule
		}
	}
	accepted := actor.Name
	if accepted == "" {
		accepted = actor.ID
	}
	place := map[string]string{"post": in.Complainant.Address, "electronic": "personal cabinet", "in-person": about.Provider}[in.ReplyMethod]
	if in.ReplyMethod == "electronic" && in.Complainant.Email != "" {
		place = in.Complainant.Email
	}
	// Rule CP-7, AC-18: the talon.
	app.Complaint.Talon = Talon{Number: app.Number, Date: app.ReceivedOn, AcceptedBy: accepted,
		ReplyDueOn: app.DeadlineOn, ReplyPlace: place, Contact: complaintContact}

	c := e.newChange(ctx, tx, actor, app, std, cmdFileComplaint)
	c.about = about // read above; the talon's papers need it again
	c.to, c.rule = StateRegistered, "CP-7"
	c.payload = map[string]any{"about": about.ID, "addressee": in.Addressee, "talon": app.Complaint.Talon}
	c.noteText = txt(
		fmt.Sprintf("Талон № %s, %s; жауап мерзімі %s (%s).", app.Number, dateText(app.ReceivedOn), dateText(app.DeadlineOn), app.DeadlineRule),
		fmt.Sprintf("Талон № %s от %s; срок ответа %s (%s).", app.Number, dateText(app.ReceivedOn), dateText(app.DeadlineOn), app.DeadlineRule),
		fmt.Sprintf("Talon No. %s of %s; reply due %s (%s).", app.Number, dateText(app.ReceivedOn), dateText(app.DeadlineOn), app.DeadlineRule))
	// Rule CP-7, AC-18: the talon is a signed paper of the registration.
	talon, err := e.issuePaper(c)
	if err != nil {
		return nil, err
	}
	if err := c.commit(true); err != nil {
		return nil, err
	}
	if talon != nil {
		if err := e.keepPaper(ctx, tx, app, actor, talon); err != nil {
			return nil, err
		}
	}
	if err := insertLink(ctx, tx, app.ID, app.Links[0]); err != nil {
		return nil, err
	}
	if err := insertLink(ctx, tx, about.ID, Link{ApplicationID: app.ID, Kind: LinkComplaint, Service: app.Service}); err != nil {
		return nil, err
	}
	return app, nil
}

// checkComplaint validates a complaint: Rule CP-7 — an individual states full
// name, postal address and phone; a legal entity its name, postal address,
// outgoing number and date.
func checkComplaint(actor Actor, std *standard.Standard, in ComplaintInput, ch standard.Channel) error {
	if !std.Offers(ch) {
		var offered []standard.Channel
		for _, c := range std.Channels {
			offered = append(offered, c.ID)
		}
		return badValue("channel", string(ch), offered)
	}
	switch {
	case !slices.Contains(addressees, in.Addressee):
		return badValue("addressee", in.Addressee, addressees)
	case !slices.Contains(complaintFor, in.Form):
		return badValue("form", in.Form, complaintFor)
	case !slices.Contains(replyMethods, in.ReplyMethod):
		return badValue("reply_method", in.ReplyMethod, replyMethods)
	case strings.TrimSpace(in.Text) == "":
		return required("text")
	}
	if in.OutgoingDate != nil {
		if err := checkDate(*in.OutgoingDate, "outgoing_date"); err != nil {
			return err
		}
	}
	p := in.Complainant
	if err := checkParty(p, "complainant", true); err != nil {
		return err
	}
	if strings.TrimSpace(p.Address) == "" {
		return invalid("complaint_address", "complainant.address", "CP-7", txt(
			"пошталық мекенжай көрсетілуі тиіс", "нужно указать почтовый адрес", "the postal address is required"))
	}
	if p.Kind == KindIndividual && strings.TrimSpace(p.Phone) == "" {
		return invalid("complaint_phone", "complainant.phone", "CP-7", txt(
			"байланыс телефоны көрсетілуі тиіс", "нужно указать контактный телефон", "the phone is required"))
	}
	if p.Kind == KindLegalEntity {
		if strings.TrimSpace(in.OutgoingNumber) == "" {
			return invalid("complaint_outgoing", "outgoing_number", "CP-7", txt(
				"шығыс нөмірі көрсетілуі тиіс", "нужно указать исходящий номер", "the outgoing number is required"))
		}
		if in.OutgoingDate == nil {
			return invalid("complaint_outgoing", "outgoing_date", "CP-7", txt(
				"шығыс күні көрсетілуі тиіс", "нужно указать исходящую дату", "the outgoing date is required"))
		}
	}
	if actor.Role == RoleApplicant && !(p.IIN != "" && p.IIN == actor.IIN) && !(p.BIN != "" && p.BIN == actor.BIN) {
		return fail(apperr.Forbidden, "not_own", "complainant", "", txt(
			"шағымды өз атыңыздан бересіз", "жалоба подаётся от своего имени", "you file a complaint in your own name"))
	}
	return nil
}
