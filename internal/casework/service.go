// Package casework is Qyzmet's application engine: applications under the
// standard version in force at receipt, their documents checklist, the lifecycle
// state machine driven by the standard (intake, registration, verification,
// additional check, preliminary refusal and hearing, decision, dispatch, pick-up,
// storage), complaints, the durable timers of every deadline the digest names,
// and the notifications outbox. Every change is a command by an actor with a
// role that appends an event and updates the application in one transaction,
// with optimistic concurrency. docs/adr/0003-casework.md explains the design.
package casework

import (
	"encoding/json"
	"time"

	"qyzmet/internal/calendar"
	"qyzmet/internal/i18n"
	"qyzmet/internal/standard"
)

// Role is what an actor does in the system; commands name the roles that may
// issue them.
type Role string

const (
	RoleApplicant  Role = "applicant"          // citizen, legal entity or representative
	RoleOperator   Role = "operator"           // State Corporation front desk
	RoleOfficer    Role = "officer"            // provider's officer
	RoleHead       Role = "head"               // provider's head, who signs
	RoleArchivist  Role = "archivist"          // provider's archive (nomenclature files)
	RoleComplaints Role = "complaints-officer" // body reviewing complaints
	RoleQuality    Role = "quality-officer"    // authorized body for the quality of state services
	RoleAdmin      Role = "admin"
	RoleSystem     Role = "system" // timers and automated decisions
)

// Roles lists every role.
func Roles() []Role {
	return []Role{RoleApplicant, RoleOperator, RoleOfficer, RoleHead, RoleArchivist, RoleComplaints, RoleQuality, RoleAdmin, RoleSystem}
}

// Actor is who issues a command.
type Actor struct {
	ID     string `json:"id"`
	Role   Role   `json:"role"`
	Name   string `json:"name,omitempty"`
	IIN    string `json:"iin,omitempty"`    // applicants who are individuals
	BIN    string `json:"bin,omitempty"`    // applicants acting for a legal entity
	Branch string `json:"branch,omitempty"` // operators: the State Corporation branch
}

// State is a lifecycle state of an application.
type State string

// The states of a service application (DIGEST AP-6, AR-6, CR-STD-3, AC-15, G-7,
// G-8) and of a complaint (CP-2 to CP-7).
const (
	StateSubmitted          State = "submitted"
	StateRefusedAtIntake    State = "refused-at-intake"
	StateAccepted           State = "accepted"
	StateRegistered         State = "registered"
	StateVerification       State = "verification"
	StateAdditionalCheck    State = "additional-check"
	StatePreliminaryRefusal State = "preliminary-refusal"
	StateHearingScheduled   State = "hearing-scheduled"
	StateHearingHeld        State = "hearing-held"
	StateIssued             State = "issued"
	StateRefused            State = "refused"
	StateInterimReply       State = "interim-reply"
	StateDispatched         State = "dispatched"
	StateReadyForPickup     State = "ready-for-pickup"
	StateHandedOver         State = "handed-over"
	StateReturnedToProvider State = "returned-to-provider"
	StateFiled              State = "filed"

	// Complaints: registered on filing (CP-7), then forwarded or satisfied by the
	// appealed provider (CP-2), then reviewed (CP-3, CP-4).
	StateForwarded State = "forwarded"
	StateSatisfied State = "satisfied"
	StateReviewed  State = "reviewed"
)

// Party is an applicant, a representative or the person a request is about.
type Party struct {
	Kind       string `json:"kind"` // "individual" | "legal-entity"
	IIN        string `json:"iin,omitempty"`
	BIN        string `json:"bin,omitempty"`
	Surname    string `json:"surname,omitempty"`
	GivenName  string `json:"given_name,omitempty"`
	Patronymic string `json:"patronymic,omitempty"`
	OrgName    string `json:"org_name,omitempty"`
	Phone      string `json:"phone,omitempty"`
	Email      string `json:"email,omitempty"`
	Address    string `json:"address,omitempty"`
}

// POA is a notarized power of attorney.
type POA struct {
	Number     string         `json:"number"`
	IssuedOn   calendar.Date  `json:"issued_on"`
	Notary     string         `json:"notary"`
	ValidUntil *calendar.Date `json:"valid_until,omitempty"`
}

// Representative acts for the applicant on a notarized power of attorney.
type Representative struct {
	Party
	POA POA `json:"poa"`
}

// Subject is the person a request is about.
type Subject struct {
	Relation  string         `json:"relation"` // "self" | "minor-relative" | "third-party"
	Person    Party          `json:"person"`
	BirthDate *calendar.Date `json:"birth_date,omitempty"`
}

// Payment of a state duty.
type Payment struct {
	Method      string        `json:"method"` // "gateway" | "receipt"
	Reference   string        `json:"reference,omitempty"`
	AmountTenge int           `json:"amount_tenge"`
	PaidOn      calendar.Date `json:"paid_on"`
}

// DocumentInput says what the applicant or the operator brings for one item of
// the standard's package. Fetched means the item came from a state information
// system or the digital documents service instead of the applicant.
type DocumentInput struct {
	ID       string `json:"id"` // a DocumentRule ID of the standard ("service/id" for a combined service)
	Provided bool   `json:"provided"`
	Fetched  bool   `json:"fetched,omitempty"`
	FileRef  string `json:"file_ref,omitempty"`
}

// SubmitInput is a new application.
type SubmitInput struct {
	Service         standard.ServiceID       `json:"service"`
	Channel         standard.Channel         `json:"channel"`
	Applicant       Party                    `json:"applicant"`
	Representative  *Representative          `json:"representative,omitempty"`
	Subject         *Subject                 `json:"subject,omitempty"`
	Branch          string                   `json:"branch,omitempty"`
	DepartmentClass standard.DepartmentClass `json:"department_class,omitempty"`
	PickupBranch    string                   `json:"pickup_branch,omitempty"`
	// Provider is the provider's territorial body that handles the application;
	// empty means the standard's provider. Journal numbers run per provider.
	Provider     string `json:"provider,omitempty"`
	TravelAbroad bool   `json:"travel_abroad,omitempty"`
	// Conditions the applicant or operator declares (registries will answer some later).
	Conditions []standard.Condition `json:"conditions,omitempty"`
	Documents  []DocumentInput      `json:"documents,omitempty"`
	Payment    *Payment             `json:"payment,omitempty"`
	// Combined services of one application: each becomes a linked application
	// (CR-STD-4, CR-STD-10, AP-STD-10, AR-STD-10).
	Combined []standard.ServiceID `json:"combined,omitempty"`
	// Fields are service-specific: the document to apostille, the country of use,
	// the parents' data of AR-6.1 …
	Fields map[string]string `json:"fields,omitempty"`
	// SubmittedAt back-dates paper intake; nil means now by the engine's clock.
	SubmittedAt *time.Time `json:"submitted_at,omitempty"`
}

// Checklist item statuses.
const (
	DocProvided = "provided"
	DocFetched  = "fetched"
	DocWaived   = "waived"
	DocMissing  = "missing"
)

// ChecklistItem is one item of the package the standard requires on the
// application's channel.
type ChecklistItem struct {
	DocumentID string    `json:"document_id"`
	Name       i18n.Text `json:"name"`
	Rule       string    `json:"rule"`
	Status     string    `json:"status"` // "provided" | "fetched" | "waived" | "missing"
	// Condition is the condition that makes the item required (or, when the item
	// is waived, the one that does not hold).
	Condition standard.Condition `json:"condition,omitempty"`
	FileRef   string             `json:"file_ref,omitempty"`
}

// Clock is a deadline of the application: the service deadline or a step of the
// standard.
type Clock struct {
	ID      string        `json:"id"` // "deadline" or a step ID of the standard
	Name    i18n.Text     `json:"name"`
	DueOn   calendar.Date `json:"due_on"`
	Due     time.Time     `json:"due"`
	Rule    string        `json:"rule"`
	Done    bool          `json:"done"`
	DoneAt  *time.Time    `json:"done_at,omitempty"`
	Overdue bool          `json:"overdue"`
	// Late is set when the step was done after its due time.
	Late bool `json:"late,omitempty"`
}

// Link kinds.
const (
	LinkCombined       = "combined"
	LinkComplaintAbout = "complaint-about" // on a complaint: the application it is about
	LinkComplaint      = "complaint"       // on an application: a complaint about it
)

// Parts of a one-application request.
const (
	PartPrimary   = "primary"
	PartSecondary = "secondary"
)

// Link connects two applications.
type Link struct {
	ApplicationID string `json:"application_id"`
	Kind          string `json:"kind"` // "combined" | "complaint-about" | "complaint"
	// Part is, for combined applications, "primary" (the application whose result
	// the others act on, such as the certificate to apostille) or "secondary".
	Part    string             `json:"part,omitempty"`
	Service standard.ServiceID `json:"service,omitempty"`
}

// Decision outcomes.
const (
	OutcomeIssued       = "issued"
	OutcomeRefused      = "refused"
	OutcomeInterimReply = "interim-reply"
	// Complaints.
	OutcomeSatisfied = "satisfied"
	OutcomeUpheld    = "upheld"   // the complaint is found justified
	OutcomeRejected  = "rejected" // the complaint is found unjustified
)

// Decision is the outcome of an application.
type Decision struct {
	Outcome string `json:"outcome"`
	// Result is the standard's result ID (certificate, apostilled-document,
	// motivated-refusal …).
	Result string `json:"result,omitempty"`
	// Paper is set when the result exists on paper and goes through the State
	// Corporation's pick-up and storage (G-7).
	Paper bool `json:"paper"`
	// Grounds are ground IDs of the standard's refusal; Rule is their rule ID.
	Grounds     []string       `json:"grounds,omitempty"`
	Rule        string         `json:"rule,omitempty"`
	Text        string         `json:"text,omitempty"`
	ReapplyFrom *calendar.Date `json:"reapply_from,omitempty"` // interim reply (CR-STD-3.4)
	DecidedAt   time.Time      `json:"decided_at"`
	DecidedBy   string         `json:"decided_by"`
	// DocumentRef is the signed PDF: the e-Register number of the document the
	// engine issued (Application.Documents), or a reference staff gave.
	DocumentRef string `json:"document_ref,omitempty"`
	// Finding is what a criminal-record certificate states (CR-STD-5.1):
	// FindingNoRecord or FindingHasRecord.
	Finding string `json:"finding,omitempty"`
	// CardID is the card of the index the archival certificate is drawn from
	// (AR-6.3, AR-6.4).
	CardID string `json:"card_id,omitempty"`
}

// Hearing is the hearing before a refusal (AP-6.4, AR-6.2, AC-15-1). NoticeBy
// and LatestOn are the limits of the standard's hearing steps; a standard that
// sets none (AC) leaves them empty.
type Hearing struct {
	Grounds      []string      `json:"grounds"`
	NoticeSentAt *time.Time    `json:"notice_sent_at,omitempty"`
	NoticeBy     calendar.Date `json:"notice_by,omitempty,omitzero"` // latest day for the notice
	At           *time.Time    `json:"at,omitempty"`
	LatestOn     calendar.Date `json:"latest_on,omitempty,omitzero"` // latest day for the hearing
	Place        string        `json:"place,omitempty"`
	Method       string        `json:"method,omitempty"` // "in-person" | "video" | "phone" | "written"
	HeldAt       *time.Time    `json:"held_at,omitempty"`
	Attended     bool          `json:"attended"`
	Position     string        `json:"position,omitempty"` // the applicant's position
	Minutes      string        `json:"minutes,omitempty"`
}

// Storage is the life of an uncollected paper result (G-7). It counts from the
// result's latest arrival at the branch: one requested back from the provider
// and brought again starts a new period.
type Storage struct {
	ReadyAt  time.Time     `json:"ready_at"`
	ReturnAt time.Time     `json:"return_at"` // to the provider after 1 month
	ReturnOn calendar.Date `json:"return_on"`
	FileAt   time.Time     `json:"file_at"` // to the nomenclature file after 3 months
	FileOn   calendar.Date `json:"file_on"`
	// Rule G-7: after the month, on the State Corporation's request the provider
	// sends the result back within 1 working day.
	RequestedBackAt *time.Time `json:"requested_back_at,omitempty"`
	ReturnedAt      *time.Time `json:"returned_at,omitempty"`
	FiledAt         *time.Time `json:"filed_at,omitempty"`
	HandedTo        string     `json:"handed_to,omitempty"` // "applicant" | "representative"
	HandedAt        *time.Time `json:"handed_at,omitempty"`
}

// Complaint holds what a complaint application adds (CP-7).
type Complaint struct {
	About          string         `json:"about"`
	Addressee      string         `json:"addressee"` // "provider" | "quality-body" | "state-corp"
	Form           string         `json:"form"`      // "paper" | "electronic"
	Text           string         `json:"text"`
	ReplyMethod    string         `json:"reply_method"` // "post" | "electronic" | "in-person"
	OutgoingNumber string         `json:"outgoing_number,omitempty"`
	OutgoingDate   *calendar.Date `json:"outgoing_date,omitempty"`
	Talon          Talon          `json:"talon"`
	// AboutService is the service of the application complained about; a
	// complaint runs on that provider's working hours.
	AboutService standard.ServiceID `json:"about_service"`
	ForwardedAt  *time.Time         `json:"forwarded_at,omitempty"`
}

// Complaint addressees.
const (
	AddresseeProvider    = "provider"     // CP-1: the provider whose decision is appealed
	AddresseeQualityBody = "quality-body" // CP-4, AC-20: the authorized body for the quality of state services
	AddresseeStateCorp   = "state-corp"   // CP-5: the head of the State Corporation (branch)
)

// Talon is the complainant's receipt (CP-7, AC-18).
type Talon struct {
	Number     string        `json:"number"`
	Date       calendar.Date `json:"date"`
	AcceptedBy string        `json:"accepted_by"`
	ReplyDueOn calendar.Date `json:"reply_due_on"`
	ReplyPlace string        `json:"reply_place"`
	Contact    string        `json:"contact"`
}

// Application is one request for a service (or a complaint).
type Application struct {
	ID              string             `json:"id"`
	Number          string             `json:"number,omitempty"` // journal/registration number once registered
	Provider        string             `json:"provider"`
	Service         standard.ServiceID `json:"service"`
	StandardVersion string             `json:"standard_version"`
	Channel         standard.Channel   `json:"channel"`
	State           State              `json:"state"`
	StateSince      time.Time          `json:"state_since"`
	Version         int                `json:"version"`

	Applicant      Party           `json:"applicant"`
	Representative *Representative `json:"representative,omitempty"`
	Subject        *Subject        `json:"subject,omitempty"`

	Branch          string                   `json:"branch,omitempty"`
	DepartmentClass standard.DepartmentClass `json:"department_class,omitempty"`
	PickupBranch    string                   `json:"pickup_branch,omitempty"`
	TravelAbroad    bool                     `json:"travel_abroad"`
	AdditionalCheck bool                     `json:"additional_check"`
	Conditions      []standard.Condition     `json:"conditions,omitempty"` // those that hold
	// Declared are the conditions the applicant or operator declared; the others
	// that hold follow from the application (a representative, a third party …).
	Declared []standard.Condition `json:"declared_conditions,omitempty"`

	// ReceivedOn and DeadlineOn are left out of the JSON until the application is
	// received (omitzero; omitempty beside it does nothing for a struct but marks
	// the field optional to readers of the tag, such as the OpenAPI test).
	SubmittedAt time.Time     `json:"submitted_at"`
	ReceivedAt  time.Time     `json:"received_at"`
	ReceivedOn  calendar.Date `json:"received_on,omitempty,omitzero"`
	DeadlineOn  calendar.Date `json:"deadline_on,omitempty,omitzero"`
	Deadline    time.Time     `json:"deadline"`
	// DeadlineRule is the rule ID of the service deadline (CR-STD-3.1, AP-STD-3 …).
	DeadlineRule string `json:"deadline_rule,omitempty"`

	Checklist []ChecklistItem   `json:"checklist"`
	Payment   *Payment          `json:"payment,omitempty"`
	Fields    map[string]string `json:"fields,omitempty"`

	Clocks    []Clock    `json:"clocks"`
	Links     []Link     `json:"links,omitempty"`
	Decision  *Decision  `json:"decision,omitempty"`
	Hearing   *Hearing   `json:"hearing,omitempty"`
	Storage   *Storage   `json:"storage,omitempty"`
	Complaint *Complaint `json:"complaint,omitempty"`
	// Missing lists the checklist items a refusal at intake named (AC-15).
	Missing []string `json:"missing,omitempty"`
	// ConsentGiven records the consent of the person a third-party portal request
	// is about (CR-STD-8.4).
	ConsentGiven *time.Time `json:"consent_given,omitempty"`
	// RecordCheck is what the registries answered about a criminal-record
	// application (CR-STD-3.1), with the evidence an officer resolves in the
	// additional check. Only provider staff see it (Application.shownTo).
	RecordCheck *RecordCheck `json:"record_check,omitempty"`
	// Apostille is the apostilled document as verified against the specimens
	// of signatures and seals (AP-6.2, AC-15-1), set by the issue of the apostille
	// or when the verification is recorded (record-verification).
	Apostille *ApostilleCheck `json:"apostille,omitempty"`
	// Verification is what staff recorded the verification established
	// (record-verification); the issue of the result reads it when its data
	// names no document, card or result.
	Verification *Verification `json:"verification,omitempty"`
	// Documents are the signed papers issued for the application, registered in
	// the e-Register, oldest first; their PDFs are kept for download.
	Documents []IssuedDocument `json:"documents,omitempty"`

	Assignee  string    `json:"assignee,omitempty"`
	Overdue   bool      `json:"overdue"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

// Event is one entry of an application's history.
type Event struct {
	Seq           int64           `json:"seq"`
	ApplicationID string          `json:"application_id"`
	Version       int             `json:"version"` // the application's version after the event
	Type          string          `json:"type"`
	ActorID       string          `json:"actor_id"`
	Role          Role            `json:"role"`
	At            time.Time       `json:"at"`
	Rule          string          `json:"rule,omitempty"`
	Reason        string          `json:"reason,omitempty"`
	FromState     State           `json:"from_state,omitempty"`
	ToState       State           `json:"to_state,omitempty"`
	Payload       json.RawMessage `json:"payload,omitempty"`
}

// Command is a change an actor asks for. ExpectedVersion is the version the actor
// saw; a different current version is a conflict.
type Command struct {
	Name            string          `json:"command"`
	ExpectedVersion int             `json:"expected_version"`
	Reason          string          `json:"reason,omitempty"`
	Data            json.RawMessage `json:"data,omitempty"`
}

// CommandSpec describes a command for the API's OpenAPI enum and the desks'
// buttons.
type CommandSpec struct {
	Name        string    `json:"name"`
	Roles       []Role    `json:"roles"`
	From        []State   `json:"from"`
	To          State     `json:"to,omitempty"` // empty when the state does not change
	Rule        string    `json:"rule"`
	Description i18n.Text `json:"description"`
}

// Notification is a message of the outbox: for an applicant (recipient IIN or
// BIN) in the personal cabinet, or for staff (recipient an actor ID, or
// "role:officer" when nobody is assigned).
type Notification struct {
	ID            int64      `json:"id"`
	ApplicationID string     `json:"application_id"`
	Recipient     string     `json:"recipient"`
	Kind          string     `json:"kind"`
	Text          i18n.Text  `json:"text"`
	Rule          string     `json:"rule,omitempty"`
	CreatedAt     time.Time  `json:"created_at"`
	ReadAt        *time.Time `json:"read_at,omitempty"`
}

// Notification kinds.
const (
	NoteStatus         = "status"
	NoteHearingNotice  = "hearing-notice"
	NoteReadyForPickup = "ready-for-pickup"
	NoteInterimReply   = "interim-reply"
	NoteWarning        = "deadline-warning"
	NoteOverdue        = "overdue"
	NoteConsentRequest = "consent-request"
)

// ComplaintInput is a new complaint (CP-7).
type ComplaintInput struct {
	About          string         `json:"about"` // application id
	Complainant    Party          `json:"complainant"`
	Addressee      string         `json:"addressee"`    // "provider" | "quality-body" | "state-corp"
	Form           string         `json:"form"`         // "paper" | "electronic"
	Text           string         `json:"text"`         //
	ReplyMethod    string         `json:"reply_method"` // "post" | "electronic" | "in-person"
	OutgoingNumber string         `json:"outgoing_number,omitempty"`
	OutgoingDate   *calendar.Date `json:"outgoing_date,omitempty"`
	// Channel is how the complaint arrived; empty means the portal for an
	// applicant and the provider's office otherwise.
	Channel standard.Channel `json:"channel,omitempty"`
	// FiledAt back-dates a paper complaint; nil means now.
	FiledAt *time.Time `json:"filed_at,omitempty"`
}

// Filter selects applications for List. Zero fields select everything.
type Filter struct {
	Service      standard.ServiceID `json:"service,omitempty"`
	State        State              `json:"state,omitempty"`
	ApplicantIIN string             `json:"applicant_iin,omitempty"`
	ApplicantBIN string             `json:"applicant_bin,omitempty"`
	Branch       string             `json:"branch,omitempty"` // the intake or the pick-up branch
	Assignee     string             `json:"assignee,omitempty"`
	Number       string             `json:"number,omitempty"`
	Overdue      bool               `json:"overdue,omitempty"`
	Limit        int                `json:"limit,omitempty"` // default 100, at most 1000
	// Before pages backwards: applications created before this one's creation.
	Before string `json:"before,omitempty"`
}
