// Package standard holds the service standards as data: one versioned definition
// per service (standards/*.yaml) with everything the engine needs — channels,
// deadlines per channel, department class and path, step deadlines, forms,
// results, fees, schedules, required documents and their conditions, refusal
// grounds, hearings, storage, combinable services — each field carrying the rule
// ID of DIGEST.md behind it. The package loads and checks the files and answers
// questions about them; it computes no dates (package deadline does, with the
// calendar). docs/standards.md describes the file format.
package standard

import (
	"slices"

	"qyzmet/internal/calendar"
	"qyzmet/internal/i18n"
)

// Standard is one version of a service's standard, in force from EffectiveFrom
// to EffectiveTo inclusive (open-ended when EffectiveTo is nil).
type Standard struct {
	Service       ServiceID      `yaml:"service" json:"service"`
	Kind          Kind           `yaml:"kind" json:"kind"`
	Version       string         `yaml:"version" json:"version"`
	EffectiveFrom calendar.Date  `yaml:"effective_from" json:"effective_from"`
	EffectiveTo   *calendar.Date `yaml:"effective_to,omitempty" json:"effective_to,omitempty"`
	Name          i18n.Text      `yaml:"name" json:"name"`
	// Act is the legal act whose text this version follows.
	Act               i18n.Text          `yaml:"act" json:"act"`
	Provider          Provider           `yaml:"provider" json:"provider"`
	Recipients        *Recipients        `yaml:"recipients,omitempty" json:"recipients,omitempty"`
	ServiceForm       *ServiceForm       `yaml:"service_form,omitempty" json:"service_form,omitempty"`
	Channels          []ChannelOffer     `yaml:"channels" json:"channels"`
	Deadlines         []DeadlineRule     `yaml:"deadlines" json:"deadlines"`
	Steps             []StepRule         `yaml:"steps,omitempty" json:"steps,omitempty"`
	Queue             *Queue             `yaml:"queue,omitempty" json:"queue,omitempty"`
	Forms             []Form             `yaml:"forms,omitempty" json:"forms,omitempty"`
	Results           []Result           `yaml:"results,omitempty" json:"results,omitempty"`
	Fee               *Fee               `yaml:"fee,omitempty" json:"fee,omitempty"`
	Schedules         []ScheduleRule     `yaml:"schedules,omitempty" json:"schedules,omitempty"`
	Documents         []DocumentRule     `yaml:"documents,omitempty" json:"documents,omitempty"`
	Refusal           *Refusal           `yaml:"refusal,omitempty" json:"refusal,omitempty"`
	IncompletePackage *IncompletePackage `yaml:"incomplete_package,omitempty" json:"incomplete_package,omitempty"`
	Storage           *Storage           `yaml:"storage,omitempty" json:"storage,omitempty"`
	Combinable        []Combination      `yaml:"combinable,omitempty" json:"combinable,omitempty"`
	Complaints        *ComplaintRef      `yaml:"complaints,omitempty" json:"complaints,omitempty"`
	// Provisions are the standard's remaining obligations, kept as text with their
	// rule IDs so that pages and documents can show them (consents, receipts,
	// notices, home visits, addresses).
	Provisions []Provision `yaml:"provisions,omitempty" json:"provisions,omitempty"`
}

// Provider is the state body that decides.
type Provider struct {
	Name    i18n.Text `yaml:"name" json:"name"`
	Website string    `yaml:"website,omitempty" json:"website,omitempty"`
	Rule    string    `yaml:"rule" json:"rule"`
}

// Recipients says who may receive the service.
type Recipients struct {
	Kinds []Recipient `yaml:"kinds" json:"kinds"`
	Rule  string      `yaml:"rule" json:"rule"`
}

// ServiceForm is the form in which the service is provided.
type ServiceForm struct {
	Media              []Medium `yaml:"media" json:"media"`
	PartiallyAutomated bool     `yaml:"partially_automated,omitempty" json:"partially_automated,omitempty"`
	OneApplication     bool     `yaml:"one_application,omitempty" json:"one_application,omitempty"`
	Rule               string   `yaml:"rule" json:"rule"`
}

// ChannelOffer is a channel the standard offers; Name, when given, names it more
// precisely than the generic Channel.Name (the DEAC office for AC).
type ChannelOffer struct {
	ID   Channel    `yaml:"id" json:"id"`
	Name *i18n.Text `yaml:"name,omitempty" json:"name,omitempty"`
	Rule string     `yaml:"rule" json:"rule"`
}

// DeadlineRule is a service deadline: WorkingDays working days (G-1, G-2) or
// Minutes minutes (CR-STD-3.1) from receipt, for the channels listed (all the
// standard's channels when Channels is empty), the department class (any when
// Class is empty) and the path.
type DeadlineRule struct {
	Channels    []Channel       `yaml:"channels,omitempty" json:"channels,omitempty"`
	Class       DepartmentClass `yaml:"class,omitempty" json:"class,omitempty"`
	Path        Path            `yaml:"path,omitempty" json:"path,omitempty"`
	WorkingDays int             `yaml:"working_days,omitempty" json:"working_days,omitempty"`
	Minutes     int             `yaml:"minutes,omitempty" json:"minutes,omitempty"`
	Rule        string          `yaml:"rule" json:"rule"`
}

// covers reports whether the rule applies to channel ch.
func (r DeadlineRule) covers(ch Channel) bool {
	return len(r.Channels) == 0 || slices.Contains(r.Channels, ch)
}

// StepRule is a deadline inside the procedure: WorkingDays working days after
// Anchor (before it when Before is set). Anchor is "received", "registered",
// "deadline" or the ID of another step (counted from that step's completion).
// Bound says whether the date is the latest (the usual "within") or the earliest
// allowed ("after"). WorkingDays 0 means the same day. Paths, when given, limit the
// step to those paths.
type StepRule struct {
	ID          string    `yaml:"id" json:"id"`
	Name        i18n.Text `yaml:"name" json:"name"`
	WorkingDays int       `yaml:"working_days" json:"working_days"`
	Anchor      string    `yaml:"anchor" json:"anchor"`
	Before      bool      `yaml:"before,omitempty" json:"before,omitempty"`
	Bound       StepBound `yaml:"bound,omitempty" json:"bound,omitempty"`
	Paths       []Path    `yaml:"paths,omitempty" json:"paths,omitempty"`
	Rule        string    `yaml:"rule" json:"rule"`
}

// Queue holds the queue figures of G-4 in minutes.
type Queue struct {
	MaxWaitMinutes    int    `yaml:"max_wait_minutes" json:"max_wait_minutes"`
	MaxServiceMinutes int    `yaml:"max_service_minutes" json:"max_service_minutes"`
	Rule              string `yaml:"rule" json:"rule"`
}

// Form is a form annexed to the rules or the standard. Texts holds its fixed
// wording, in order, for the documents that print it.
type Form struct {
	ID    string     `yaml:"id" json:"id"`
	Annex int        `yaml:"annex,omitempty" json:"annex,omitempty"`
	Name  i18n.Text  `yaml:"name" json:"name"`
	Texts []FormText `yaml:"texts,omitempty" json:"texts,omitempty"`
	Rule  string     `yaml:"rule" json:"rule"`
}

// FormText is one fixed piece of a form's wording.
type FormText struct {
	Key  string    `yaml:"key" json:"key"`
	Text i18n.Text `yaml:"text" json:"text"`
}

// Result is a possible outcome of the service.
type Result struct {
	ID       string    `yaml:"id" json:"id"`
	Name     i18n.Text `yaml:"name" json:"name"`
	Media    []Medium  `yaml:"media" json:"media"`
	Form     string    `yaml:"form,omitempty" json:"form,omitempty"`
	Channels []Channel `yaml:"channels,omitempty" json:"channels,omitempty"`
	Paths    []Path    `yaml:"paths,omitempty" json:"paths,omitempty"`
	Rule     string    `yaml:"rule" json:"rule"`
}

// Fee is the service's charge: free, or a state duty of MCIPerDocument MCI for
// each document (0.5 for the apostilles).
type Fee struct {
	Free           bool            `yaml:"free" json:"free"`
	MCIPerDocument float64         `yaml:"mci_per_document,omitempty" json:"mci_per_document,omitempty"`
	Payers         []Recipient     `yaml:"payers,omitempty" json:"payers,omitempty"`
	PaymentMethods []PaymentMethod `yaml:"payment_methods,omitempty" json:"payment_methods,omitempty"`
	Basis          *i18n.Text      `yaml:"basis,omitempty" json:"basis,omitempty"`
	Budget         *Budget         `yaml:"budget,omitempty" json:"budget,omitempty"`
	Rule           string          `yaml:"rule" json:"rule"`
}

// Budget holds the payment details of the state duty.
type Budget struct {
	Recipient i18n.Text `yaml:"recipient" json:"recipient"`
	KBK       string    `yaml:"kbk" json:"kbk"`
	KNP       []string  `yaml:"knp" json:"knp"`
	BIN       string    `yaml:"bin" json:"bin"`
	BIK       string    `yaml:"bik" json:"bik"`
	Account   string    `yaml:"account" json:"account"`
	Rule      string    `yaml:"rule" json:"rule"`
}

// ScheduleRule is the working hours of one kind of office.
type ScheduleRule struct {
	Office OfficeKind        `yaml:"office" json:"office"`
	Hours  calendar.Schedule `yaml:"hours" json:"hours"`
	Rule   string            `yaml:"rule" json:"rule"`
}

// DocumentRule is an item of the package required on the channels listed when
// every condition in When holds (always when When is empty). DigitalAlternative
// means an electronic document from the digital documents service may replace it;
// Signatures lists how an e-request may be signed.
type DocumentRule struct {
	ID                 string       `yaml:"id" json:"id"`
	Name               i18n.Text    `yaml:"name" json:"name"`
	Kind               DocumentKind `yaml:"kind" json:"kind"`
	Channels           []Channel    `yaml:"channels" json:"channels"`
	When               []Condition  `yaml:"when,omitempty" json:"when,omitempty"`
	DigitalAlternative bool         `yaml:"digital_alternative,omitempty" json:"digital_alternative,omitempty"`
	Signatures         []Signature  `yaml:"signatures,omitempty" json:"signatures,omitempty"`
	Form               string       `yaml:"form,omitempty" json:"form,omitempty"`
	Rule               string       `yaml:"rule" json:"rule"`
}

// Refusal says whether the service may be refused, on which grounds, and whether a
// hearing must come first. A service that never refuses (CR-STD-9) says so
// explicitly with Allowed false.
type Refusal struct {
	Allowed bool     `yaml:"allowed" json:"allowed"`
	Grounds []Ground `yaml:"grounds,omitempty" json:"grounds,omitempty"`
	Hearing *Hearing `yaml:"hearing,omitempty" json:"hearing,omitempty"`
	Rule    string   `yaml:"rule" json:"rule"`
}

// Ground is one ground for refusal.
type Ground struct {
	ID   string    `yaml:"id" json:"id"`
	Name i18n.Text `yaml:"name" json:"name"`
	Rule string    `yaml:"rule" json:"rule"`
}

// Hearing says whether a hearing precedes a refusal. Its time limits, where the
// text sets any, are the steps "hearing-notice…" and "hearing"; a required
// hearing without them (AC) is bounded only by its order: notice, hearing, refusal.
type Hearing struct {
	Required bool   `yaml:"required" json:"required"`
	Rule     string `yaml:"rule" json:"rule"`
}

// IncompletePackage is what happens to an incomplete package: acceptance is
// refused with the receipt of Form (AC-15).
type IncompletePackage struct {
	Form string `yaml:"form" json:"form"`
	Rule string `yaml:"rule" json:"rule"`
}

// Storage is the life of an uncollected paper result (G-7): StateCorpMonths at the
// State Corporation, then ProviderMonths at the provider, which sends it back
// within ReturnWorkingDays on request and files it in the nomenclature file after
// NomenclatureAfterMonths. Source is the service's own rule restating G-7.
type Storage struct {
	StateCorpMonths         int    `yaml:"state_corp_months" json:"state_corp_months"`
	ProviderMonths          int    `yaml:"provider_months" json:"provider_months"`
	ReturnWorkingDays       int    `yaml:"return_working_days" json:"return_working_days"`
	NomenclatureAfterMonths int    `yaml:"nomenclature_after_months" json:"nomenclature_after_months"`
	Rule                    string `yaml:"rule" json:"rule"`
	Source                  string `yaml:"source,omitempty" json:"source,omitempty"`
}

// Combination is a service that may be requested with this one under one
// application.
type Combination struct {
	Service ServiceID `yaml:"service" json:"service"`
	Rule    string    `yaml:"rule" json:"rule"`
}

// ComplaintRef names the standard complaints about this service follow.
type ComplaintRef struct {
	Service ServiceID `yaml:"service" json:"service"`
	Rule    string    `yaml:"rule" json:"rule"`
}

// Provision is an obligation of the standard kept as text.
type Provision struct {
	ID       string    `yaml:"id" json:"id"`
	Text     i18n.Text `yaml:"text" json:"text"`
	Channels []Channel `yaml:"channels,omitempty" json:"channels,omitempty"`
	Rule     string    `yaml:"rule" json:"rule"`
}

// InForce reports whether the version is in force on d.
func (s *Standard) InForce(d calendar.Date) bool {
	return !d.Before(s.EffectiveFrom) && (s.EffectiveTo == nil || !d.After(*s.EffectiveTo))
}

// Offers reports whether the standard offers channel ch.
func (s *Standard) Offers(ch Channel) bool {
	return slices.ContainsFunc(s.Channels, func(c ChannelOffer) bool { return c.ID == ch })
}

// ChannelName is the standard's name for a channel it offers, else the generic one.
func (s *Standard) ChannelName(ch Channel) i18n.Text {
	for _, c := range s.Channels {
		if c.ID == ch && c.Name != nil {
			return *c.Name
		}
	}
	return ch.Name()
}

// Deadline is the deadline rule for a request on channel ch, by a department of
// class (empty when unknown or irrelevant), on path p. The most specific rule
// wins: one for the class over one for any class. It fails when the channel is
// not offered, when the deadline depends on a class that was not given (a State
// Corporation department must be major or other), or when no rule fits.
func (s *Standard) Deadline(ch Channel, class DepartmentClass, p Path) (DeadlineRule, error) {
	if class != "" && !class.Valid() {
		return DeadlineRule{}, errorf(ErrBadRequest, string(s.Service),
			"%q бөлім класы емес: major немесе other",
			"%q — не класс отдела: major или other",
			"%q is not a department class: use major or other", class)
	}
	if !p.Valid() {
		return DeadlineRule{}, errorf(ErrBadRequest, string(s.Service),
			"%q белгісіз жол", "неизвестный порядок %q", "unknown path %q", p)
	}
	if !s.Offers(ch) {
		return DeadlineRule{}, errorf(ErrNotOffered, string(s.Service),
			"%s қызметі %q арнасы арқылы көрсетілмейді",
			"услуга %s не оказывается через канал %q",
			"%s is not offered through the %q channel", s.Service, ch)
	}
	// Rule CR-STD-3.1, AP-STD-3, AR-STD-3, AC-4.1: State Corporation deadlines differ
	// by department class, so a rule for the class beats a rule for any class.
	var anyClass *DeadlineRule
	classRules := 0
	for i, r := range s.Deadlines {
		if r.Path != p || !r.covers(ch) {
			continue
		}
		switch r.Class {
		case "":
			anyClass = &s.Deadlines[i]
		case class:
			return r, nil
		default:
			classRules++
		}
	}
	if anyClass != nil {
		return *anyClass, nil
	}
	if class == "" && classRules > 0 {
		return DeadlineRule{}, errorf(ErrClassRequired, string(s.Service),
			"%q арнасы бойынша мерзім Мемлекеттік корпорация бөлімінің класына байланысты: major немесе other көрсетіңіз",
			"срок по каналу %q зависит от класса отдела Государственной корпорации: укажите major или other",
			"the deadline on the %q channel depends on the State Corporation department's class: give major or other", ch)
	}
	return DeadlineRule{}, errorf(ErrNoDeadline, string(s.Service),
		"%q арнасы, %q класы және %q жолы үшін мерзім белгіленбеген",
		"для канала %q, класса %q и порядка %q срок не установлен",
		"no deadline is set for the %q channel, class %q and path %q", ch, class, p)
}

// Schedule is the working hours of office kind o and the rule stating them.
func (s *Standard) Schedule(o OfficeKind) (calendar.Schedule, string, error) {
	for _, r := range s.Schedules {
		if r.Office == o {
			return r.Hours, r.Rule, nil
		}
	}
	return calendar.Schedule{}, "", errorf(ErrNoSchedule, string(s.Service),
		"стандартта %q кеңсесінің жұмыс кестесі жоқ",
		"в стандарте нет графика работы для %q",
		"the standard states no schedule for the %q office", o)
}

// Step is the step deadline with the given ID.
func (s *Standard) Step(id string) (StepRule, bool) {
	for _, st := range s.Steps {
		if st.ID == id {
			return st, true
		}
	}
	return StepRule{}, false
}

// Form is the form with the given ID.
func (s *Standard) Form(id string) (Form, bool) {
	for _, f := range s.Forms {
		if f.ID == id {
			return f, true
		}
	}
	return Form{}, false
}

// RequiredDocuments lists the items of the package required on channel ch, given
// which conditions hold for the application (holds may be nil when none does).
func (s *Standard) RequiredDocuments(ch Channel, holds func(Condition) bool) []DocumentRule {
	// Rule CR-STD-8.1, AP-STD-8, AR-STD-8.1, AC-9, AC-9-1: an item with conditions is
	// required only when all of them hold.
	var out []DocumentRule
	for _, d := range s.Documents {
		if !slices.Contains(d.Channels, ch) {
			continue
		}
		if slices.ContainsFunc(d.When, func(c Condition) bool { return holds == nil || !holds(c) }) {
			continue
		}
		out = append(out, d)
	}
	return out
}

// CombinesWith reports whether service id may be requested with this one under
// one application, and the rule that allows it.
func (s *Standard) CombinesWith(id ServiceID) (Combination, bool) {
	for _, c := range s.Combinable {
		if c.Service == id {
			return c, true
		}
	}
	return Combination{}, false
}
