package document

import (
	"time"

	"qyzmet/internal/calendar"
	"qyzmet/internal/i18n"
)

// The data of each form: plain structs with the fields the form prints, filled
// by the casework engine. Text that the paper prints in both languages and that
// differs between them (a place, a document's name, a ground) is an i18n.Text;
// i18n.Text.In falls back from one language to the other, so a value known in
// one language only fills both columns. Names are printed as given.

// Applicant is the person or organization that applies.
type Applicant struct {
	FullName string // surname, name, patronymic (if any), as in the identity document
	IIN      string // 12 digits; may be empty for a foreigner without one
	// IdentityDocument is the number (and date) of the identity document, as the
	// forms print it: "№ 045678912, 12.05.2019".
	IdentityDocument string
	Address          string
	Phone            string
	// Organization and BIN are set when a legal entity applies; FullName is then
	// the person who acts for it.
	Organization string
	BIN          string
}

// Person is whom a criminal-record certificate is about.
type Person struct {
	FullName   string
	IIN        string // optional (a foreigner may have none)
	BirthDate  calendar.Date
	BirthPlace i18n.Text
}

// Ground is a ground for refusal, as the service's standard words it
// (standard.Refusal.Grounds: AP-STD-9, AR-STD-9, AC-15-1).
type Ground struct {
	ID   string // the standard's ground ID, "unreliable"
	Text i18n.Text
}

// CriminalRecordApplication is the application for a criminal-record
// certificate (CRApplication; Rule CR-STD-8.1, annex 1 to the CR rules).
type CriminalRecordApplication struct {
	Applicant Applicant
	// Subject is whom the certificate is about: the applicant, or another person
	// (Rule CR-STD-5.2: on a notarized power of attorney; CR-STD-8.4: with consent).
	Subject      Person
	AboutAnother bool
	// Relation is the subject's kinship to the applicant when the certificate is
	// about a minor close relative (CR-STD-8.1).
	Relation i18n.Text
	// PowerOfAttorney names the notarized power of attorney (number, date,
	// notary) when a representative acts or the certificate is about another person.
	PowerOfAttorney string
	// FormerNames are the subject's former surname, name, patronymic or date of
	// birth (Rule CR-STD-8.2).
	FormerNames []string
	// TravelAbroad asks for the paper certificate for travel abroad (annex 5,
	// CR-3); Branch is the State Corporation branch that hands it out (CR-STD-8.3).
	TravelAbroad  bool
	Branch        i18n.Text
	WithApostille bool // one application with the apostille of the certificate (CR-STD-10)
	Attachments   []i18n.Text
	Date          calendar.Date
}

// CriminalRecordCertificate is the certificate of presence or absence of a
// criminal record: the general form (CRCertificate, annex 4) and the bilingual
// form for travel abroad (CRCertificateTravel, Rule CR-F5, annex 5).
type CriminalRecordCertificate struct {
	FullName   string
	IIN        string // printed on the general form when given; annex 5 has no such line
	BirthDate  calendar.Date
	BirthPlace i18n.Text
	AsOf       calendar.Date // the date the records were checked
	HasRecord  bool
}

// InterimReply tells the applicant that the additional reference check goes on
// and from which date to apply again (CRInterimReply; Rule CR-STD-3.4).
type InterimReply struct {
	Applicant         Applicant
	ApplicationNumber string
	ReceivedOn        calendar.Date
	// SubjectName is whom the request is about, when not the applicant.
	SubjectName string
	// ReapplyFrom is 20 working days after receipt (computed by the casework
	// engine with the calendar).
	ReapplyFrom calendar.Date
}

// ProsecutionApostilleApplication is the application for an apostille on an
// official document of a prosecution, investigation or inquiry body
// (APApplication; Rule AP-STD-8).
type ProsecutionApostilleApplication struct {
	Applicant      Applicant
	Document       i18n.Text // the official document's name
	DocumentNumber string
	DocumentDate   calendar.Date
	IssuedBy       i18n.Text // the body that issued it
	Country        i18n.Text // where it is to be presented
	Documents      int       // how many documents to apostille (the duty is per document, AP-STD-6)
	Payment        i18n.Text // how the state duty was paid: receipt, or the payment gateway
	Attachments    []i18n.Text
	Date           calendar.Date
}

// Apostille is the certificate of the Hague Convention of 5 October 1961, drawn
// as an allonge page attached to the copy of the apostilled document
// (APApostille, Rule AP-6.3; ACApostille, Rule AC-6). Field 6 (the date) and
// field 8 (the number) are Meta.IssuedAt and Meta.Number; field 7 (by) is
// Meta.Provider, field 10 the signature of Meta.Signer.
type Apostille struct {
	Country  i18n.Text // 1. Country (Kazakh, Russian, English)
	SignedBy string    // 2. has been signed by
	Capacity i18n.Text // 3. acting in the capacity of
	SealOf   i18n.Text // 4. bears the seal/stamp of
	Place    i18n.Text // 5. at (the city where the apostille is affixed)
	// The apostilled document, named on the allonge outside the box.
	Document       i18n.Text
	DocumentNumber string
	DocumentDate   calendar.Date
	DocumentPages  int
}

// ApostilleJournal is the provider's journal of apostilled documents for a
// period (APJournal and JournalXLSX; Rule AP-6.1, annex 4 to the AP rules).
type ApostilleJournal struct {
	From, To calendar.Date
	Entries  []JournalEntry
}

// JournalEntry is one row of the journal, registered on the day the documents
// arrive (AP-6.1) and completed with the result.
type JournalEntry struct {
	ReceivedOn calendar.Date
	Applicant  string // full name
	IIN        string
	Document   string // name, number and date of the official document
	SignedBy   string // who signed it, and the body
	Country    string // where it is to be presented
	Payment    string // the state duty: receipt or gateway payment
	// The result: an apostille's number and date, or a refusal's number.
	ApostilleNumber string
	ApostilleDate   calendar.Date
	Refusal         string
	HandedOverOn    calendar.Date // sent to the State Corporation or handed out
}

// HearingNotice tells the applicant of the preliminary decision to refuse and of
// the hearing (APHearingNotice, Rule AP-6.4; ARHearingNotice, Rule AR-6.2).
type HearingNotice struct {
	Applicant         Applicant
	ApplicationNumber string
	ReceivedOn        calendar.Date
	Deadline          calendar.Date // the service deadline
	Grounds           []Ground
	Reasons           i18n.Text // the facts behind the grounds
	HearingAt         time.Time
	Method            string    // "in-person", "video", "phone" or "written" (as the casework engine)
	Place             i18n.Text // the address, or the link or number to call
	Contact           string    // the officer's phone or e-mail
}

// HearingMinutes records the hearing (APHearingMinutes, Rule AP-6.4;
// ARHearingMinutes, Rule AR-6.2).
type HearingMinutes struct {
	ApplicationNumber string
	Applicant         Applicant
	HeldAt            time.Time
	Method            string
	Place             i18n.Text
	Participants      []Participant
	Grounds           []Ground
	// ApplicantPosition is what the applicant stated, as recorded (in the
	// language spoken); NewDocuments are documents handed in at the hearing.
	ApplicantPosition string
	NewDocuments      []i18n.Text
	// Outcome: "service" (the grounds fell away; the service is provided) or
	// "refusal" (a motivated refusal follows).
	Outcome string
}

// Participant is a person at a hearing.
type Participant struct {
	Name string
	Role i18n.Text
}

// MotivatedRefusal refuses the service on the standard's grounds (APRefusal,
// Rule AP-STD-9; ARRefusal, Rule AR-STD-9; ACRefusal, Rule AC-15-1).
type MotivatedRefusal struct {
	Applicant         Applicant
	ApplicationNumber string
	ReceivedOn        calendar.Date
	Subject           i18n.Text // what was asked: the document to apostille, the person sought
	Grounds           []Ground
	Reasons           i18n.Text
	// HearingOn is the day of the hearing; required where the standard demands a
	// hearing before a refusal (AP-6.4, AR-6.2).
	HearingOn calendar.Date
}

// ArchivalPerson is the person sought in the card index of special settlers.
type ArchivalPerson struct {
	FullName     string
	BirthYear    int
	BirthPlace   i18n.Text
	Nationality  i18n.Text
	DeportedFrom i18n.Text // where the person was sent from
	SettledIn    i18n.Text // the place of special settlement
}

// ArchivalApplication is the application for archival certificates and/or
// copies of archival documents (ARApplication; Rule AR-4, annex 1 to the AR rules).
type ArchivalApplication struct {
	Applicant Applicant
	Person    ArchivalPerson
	Relation  i18n.Text // the applicant's kinship to the person (AR-STD-8.1); empty when about oneself
	// Father and Mother are required when the person was under 16 on 1 January
	// 1940 (Rule AR-6.1): children were registered with their parents.
	Father, Mother string
	Purpose        i18n.Text
	WithCopies     bool // copies of the archival documents as well
	// NoDataElectronic: a "no data" reply goes to the personal cabinet signed
	// with EDS instead of on paper (AR-6.4, AR-STD-5).
	NoDataElectronic bool
	Branch           i18n.Text // the State Corporation branch for the paper result (AR-STD-8.2)
	Attachments      []i18n.Text
	Date             calendar.Date
}

// ArchivalCertificate is the archival certificate on a person found in the card
// index of special settlers (ARCertificate; Rules AR-6.4, AR-STD-5).
type ArchivalCertificate struct {
	Applicant         Applicant
	ApplicationNumber string
	ReceivedOn        calendar.Date
	Person            ArchivalPerson
	DeportedYear      int
	RegisteredOn      calendar.Date // put on the special-settlement register
	ReleasedOn        calendar.Date // taken off it
	ReleaseBasis      i18n.Text
	Notes             i18n.Text // family members registered with the person, remarks
	Source            string    // archive reference: fond, inventory, file, sheet
	CopiesSheets      int       // sheets of archival copies attached, 0 for none
}

// ArchivalNoDataReply is the written reply that the card index and the
// information system hold no data on the person (ARNoData; Rule AR-STD-5).
type ArchivalNoDataReply struct {
	Applicant         Applicant
	ApplicationNumber string
	ReceivedOn        calendar.Date
	Person            ArchivalPerson
	// Electronic: sent to the personal cabinet as an electronic document signed
	// with the authorized person's EDS rather than on paper (AR-STD-5).
	Electronic bool
}

// CourtApostilleApplication is the application of annex 1 to the court apostille
// standard (ACApplication; Rule AC-F1), with its tear-off slip.
type CourtApostilleApplication struct {
	Applicant   Applicant
	Document    i18n.Text // the court document's name
	Country     i18n.Text // where it is to be presented
	Attachments []i18n.Text
	Date        calendar.Date
	// The tear-off slip, filled in at acceptance; empty values print as blanks.
	AcceptedBy string
	AcceptedOn calendar.Date
	IssueOn    calendar.Date
}

// RefusalToAcceptReceipt is the receipt of refusal to accept documents for an
// incomplete package (ACRefusalReceipt; Rules AC-15, AC-F2).
type RefusalToAcceptReceipt struct {
	Recipient     string // the applicant's full name or organization
	Address       string // the applicant's address
	Department    string // the State Corporation department's number
	BranchAddress i18n.Text
	Missing       []i18n.Text // the missing documents
	Executor      string
	ExecutorPhone string
}

// AcceptanceReceipt is the receipt for accepted documents, against which the
// result is handed out (SCAcceptanceReceipt; Rules AC-12, AC-13).
type AcceptanceReceipt struct {
	ApplicationNumber string
	Service           i18n.Text // the service, or the services of one application
	Applicant         Applicant
	Documents         []i18n.Text
	ReceivedAt        time.Time
	ReadyOn           calendar.Date // the deadline of the service
	CollectAt         i18n.Text     // where the result is collected
	AcceptedBy        string        // the State Corporation operator
	Department        i18n.Text
}

// ComplaintTalon is the talon the complainant gets when a complaint is
// registered (CPComplaintTalon; Rules CP-7, AC-18). Its number is Meta.Number.
type ComplaintTalon struct {
	RegisteredAt time.Time
	// RegistrationNumber is the complaint's incoming number (CP-7), printed
	// beside the talon's own number when given.
	RegistrationNumber string
	Complainant        string
	About              i18n.Text // the decision, action or inaction complained of
	ApplicationNumber  string    // the application concerned, when there is one
	AcceptedBy         string
	ReplyBy            calendar.Date // 5 or 15 working days after registration (CP-3, CP-4)
	ReplyPlace         i18n.Text     // where and how the reply is given
	Contact            string        // phone or address to follow the progress
}

// ComplaintReply is the motivated reply on a complaint (CPComplaintReply; Rules
// CP-7, AC-19): what was reviewed, the outcome and its reasons, and how to
// appeal further (CP-4, AC-20, CP-6).
type ComplaintReply struct {
	Complainant        Applicant
	RegistrationNumber string // the complaint's incoming number
	RegisteredOn       calendar.Date
	About              i18n.Text // the decision, action or inaction complained of
	ApplicationNumber  string    // the application concerned, when there is one
	// Outcome is "upheld" (the complaint is justified), "rejected" (it is not)
	// or "satisfied" (the appealed provider satisfied it in full, CP-2).
	Outcome string
	Reasons i18n.Text
	// ByQualityBody: the authorized body for the quality of state services
	// reviewed it (CP-4), so only the court remains (CP-6).
	ByQualityBody bool
}
