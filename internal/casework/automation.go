package casework

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/riverqueue/river"

	"qyzmet/internal/apperr"
	"qyzmet/internal/calendar"
	"qyzmet/internal/decision"
	"qyzmet/internal/i18n"
	"qyzmet/internal/registry"
	"qyzmet/internal/standard"
	"qyzmet/internal/store"
)

// CriminalRecordDecider answers a criminal-record request from the registries:
// *decision.CriminalRecords over the SQL registries (registry/sqlstore) in
// production, which writes every read of the records to the audit log first.
type CriminalRecordDecider interface {
	// Decide answers req. Errors: apperr.Invalid for a request that contradicts
	// itself (nothing was read); the registries' errors otherwise.
	Decide(ctx context.Context, req decision.CriminalRecordRequest) (decision.CriminalRecordDecision, error)
}

// RecordCheck is the registries' answer to a criminal-record application, as
// decision.CriminalRecordDecision gives it, kept on the application so that
// the officer of the additional check sees what the automatic check saw.
type RecordCheck struct {
	// Outcome is the decision's outcome (no-record, has-record,
	// additional-check, consent-required), or "undecided" when the application
	// could not be put to the registries (Reason says why).
	Outcome   decision.Outcome `json:"outcome"`
	Rule      string           `json:"rule,omitempty"`
	AsOf      calendar.Date    `json:"as_of,omitempty,omitzero"`
	CheckedAt time.Time        `json:"checked_at"`
	Basis     decision.Basis   `json:"basis,omitempty"`
	BasisRule string           `json:"basis_rule,omitempty"`
	// Person is the subject as the person registry knows them.
	Person *registry.Person `json:"person,omitempty"`
	// Convictions are those in force (has-record), and Matched how each was tied
	// to the subject ("iin" or "name").
	Convictions []registry.Conviction `json:"convictions,omitempty"`
	Matched     map[string]string     `json:"matched,omitempty"`
	// Evidence is what the officer must resolve in the additional check.
	Evidence []decision.Evidence `json:"evidence,omitempty"`
	Reason   i18n.Text           `json:"reason"`
}

// RecordUndecided is the outcome of a check the registries could not be asked:
// the application contradicts itself (a request "about oneself" naming another
// IIN, a request about another person without the IINs). An officer decides.
const RecordUndecided decision.Outcome = "undecided"

// Findings of a criminal-record certificate (Decision.Finding).
const (
	FindingNoRecord  = string(decision.NoRecord)
	FindingHasRecord = string(decision.HasRecord)
)

// NoteRecordCheck tells the officers' desk that an automatic check needs them.
const NoteRecordCheck = "record-check"

// recordCheckAttempts bounds the runs of a check whose registries fail; after
// them the application waits for an officer, and its 10-minute clock warns and
// flags it like any other.
const recordCheckAttempts = 5

// recordCheckArgs is the River job that checks the registries for one
// application, enqueued in the transaction that accepts it.
type recordCheckArgs struct {
	ApplicationID string `json:"application_id"`
}

func (recordCheckArgs) Kind() string { return "casework_record_check" }

// recordCheckWorker runs the checks.
type recordCheckWorker struct {
	river.WorkerDefaults[recordCheckArgs]
	e *Engine
}

func (w *recordCheckWorker) Work(ctx context.Context, job *river.Job[recordCheckArgs]) error {
	return w.e.checkRecords(ctx, job.Args.ApplicationID)
}

// automatedRecordCheck says whether the criminal-record decision answers the
// applications of std: a service the standard calls partially automated
// (CR-STD-4) whose result the registries decide (CR-STD-3.1). The decision is
// named Go code, like the rules of docs/adr/0003-casework.md §5. Request to the
// standards' owner: a service_form field naming the automated check would make
// the service ID data.
func automatedRecordCheck(std *standard.Standard) bool {
	return std.Service == standard.CriminalRecord && std.ServiceForm != nil && std.ServiceForm.PartiallyAutomated
}

// enqueueRecordCheck: Rule CR-STD-3.1 — an accepted criminal-record application
// is answered in 10 minutes, so the registries are asked at once, by a job that
// exists only if the acceptance commits.
func (e *Engine) enqueueRecordCheck(c *change) error {
	if e.records == nil || !automatedRecordCheck(c.std) {
		return nil
	}
	if _, err := e.jobs.InsertTx(c.ctx, c.tx, recordCheckArgs{ApplicationID: c.app.ID}, &river.InsertOpts{MaxAttempts: recordCheckAttempts}); err != nil {
		return fmt.Errorf("casework: enqueue the record check of %s: %w", c.app.ID, err)
	}
	return nil
}

// awaitsRecordCheck: a check applies to an application accepted and not yet
// decided; one that an officer moved on (additional check, decision) or that
// was checked already is left alone.
func awaitsRecordCheck(a *Application) bool {
	return a.RecordCheck == nil && (a.State == StateAccepted || a.State == StateVerification)
}

// checkRecords asks the registries about the application and acts on the
// answer. The decision runs outside the engine's transaction: it writes the
// audit log in a transaction of its own before it reads (on SQLite the engine's
// transaction would hold the one writer it needs), and a read stays logged even
// if what follows fails.
func (e *Engine) checkRecords(ctx context.Context, id string) error {
	if e.records == nil {
		return nil
	}
	var app *Application
	err := e.db.ReadTx(ctx, func(tx *store.Tx) error {
		var err error
		app, err = loadApp(ctx, tx, id)
		return err
	})
	if err != nil {
		return err
	}
	if !awaitsRecordCheck(app) {
		return nil
	}
	d, err := e.records.Decide(ctx, recordRequest(app))
	if err != nil && apperr.CodeOf(err) != apperr.Invalid {
		return fmt.Errorf("casework: criminal-record check of %s: %w", id, err) // River runs it again
	}
	check := newRecordCheck(d, err)
	return e.retry(ctx, func() error {
		return e.db.Tx(ctx, func(tx *store.Tx) error { return e.applyRecordCheck(ctx, tx, id, check) })
	})
}

func newRecordCheck(d decision.CriminalRecordDecision, invalid error) RecordCheck {
	if invalid != nil {
		msg := invalid.Error()
		return RecordCheck{Outcome: RecordUndecided, Rule: "CR-STD-3.1", AsOf: d.AsOf, Reason: txt(
			"Тізілімдерге автоматты сұрау жасалмады: "+msg,
			"Автоматический запрос к реестрам не выполнен: "+msg,
			"The registries could not be asked automatically: "+msg)}
	}
	return RecordCheck{Outcome: d.Outcome, Rule: d.Rule, AsOf: d.AsOf, Basis: d.Basis, BasisRule: d.BasisRule,
		Person: d.Person, Convictions: d.Convictions, Matched: d.Matched, Evidence: d.Evidence, Reason: d.Reason}
}

// applyRecordCheck records the check on the application (a fact, like the
// overdue flag: the version stays, so an officer's command prepared before it
// still applies) and acts on it as the system:
//
//   - no-record, has-record: the verification starts and the certificate is
//     issued at once (CR-STD-3.1), with its document when an Issuer is set;
//   - additional-check: the verification and the additional check start
//     (CR-STD-3.1: 5 working days; CR-STD-3.4: the interim reply clock), and the
//     officers' desk is told;
//   - consent-required, undecided: the verification starts and the desk is told.
func (e *Engine) applyRecordCheck(ctx context.Context, tx *store.Tx, id string, check RecordCheck) error {
	a, err := loadApp(ctx, tx, id)
	if err != nil {
		return err
	}
	if !awaitsRecordCheck(a) {
		return nil
	}
	std, err := e.standardOf(a)
	if err != nil {
		return err
	}
	now := tx.Now()
	check.CheckedAt = now
	a.RecordCheck, a.UpdatedAt = &check, now
	if err := updateApp(ctx, tx, a, a.Version); err != nil {
		return err
	}
	// The event says what was decided, not about whom: applicants read the
	// events of their application, and the evidence names other persons.
	payload, err := json.Marshal(map[string]any{"outcome": check.Outcome, "as_of": check.AsOf, "evidence": len(check.Evidence)})
	if err != nil {
		return fmt.Errorf("casework: encode the record check: %w", err)
	}
	if err := appendEvent(ctx, tx, &Event{ApplicationID: a.ID, Version: a.Version, Type: "record-check", ActorID: systemActor.ID,
		Role: RoleSystem, At: now, Rule: check.Rule, FromState: a.State, ToState: a.State, Payload: payload}); err != nil {
		return err
	}
	if a.State == StateAccepted {
		if err := e.systemCommand(ctx, tx, a, std, cmdStartVerification); err != nil {
			return err
		}
	}
	switch check.Outcome {
	case decision.NoRecord, decision.HasRecord:
		// Rule CR-STD-3.1: an unambiguous answer is issued at once.
		_, err := e.execute(ctx, tx, systemActor, a, commandIndex[cmdIssue], Command{Name: cmdIssue, ExpectedVersion: a.Version})
		if apperr.CodeOf(err) != apperr.Invalid {
			return err
		}
		// The certificate could not be drawn from what the registries hold (a
		// person without a place of birth): nothing was written for the issue,
		// and an officer completes it.
		t, ok := TextOf(err)
		if !ok {
			t = txt(err.Error(), err.Error(), err.Error())
		}
		return e.staffNote(ctx, tx, a, NoteRecordCheck, "CR-STD-3.1", txt(
			"анықтама автоматты түрде ресімделмеді: "+t.KK, "справка не оформлена автоматически: "+t.RU,
			"the certificate could not be issued automatically: "+t.EN))
	case decision.AdditionalCheck:
		// Rule CR-STD-3.1: anything uncertain goes to the additional reference
		// check, with the evidence on the application for the officer.
		if err := e.systemCommand(ctx, tx, a, std, cmdStartAdditionalCheck); err != nil {
			return err
		}
		var kinds []string
		for _, ev := range check.Evidence {
			if k := string(ev.Kind); !slices.Contains(kinds, k) {
				kinds = append(kinds, k)
			}
		}
		list := strings.Join(kinds, ", ")
		return e.staffNote(ctx, tx, a, NoteRecordCheck, "CR-STD-3.1", txt(
			"тізілімдер бір мәнді жауап бермеді, қосымша тексеріс қажет ("+list+")",
			"реестры не дали однозначного ответа, нужна дополнительная проверка ("+list+")",
			"the registries gave no unambiguous answer; the additional check needs an officer ("+list+")"))
	}
	r := check.Reason
	return e.staffNote(ctx, tx, a, NoteRecordCheck, check.Rule, txt(
		"автоматты шешім жоқ: "+r.KK, "автоматического решения нет: "+r.RU, "no automatic decision: "+r.EN))
}

// The fields of SubmitInput.Fields the check reads (docs/adr/0004-automation.md).
const (
	// FieldFormerNames lists the subject's former names that a name-change
	// document shows and the registry lacks (CR-STD-8.2): "Surname Given
	// Patronymic", separated by ";".
	FieldFormerNames = "former_names"
	// The subject's notarized power of attorney to the applicant (CR-STD-5.2),
	// for a request about another person at the State Corporation.
	FieldSubjectPOANumber     = "subject_poa_number"
	FieldSubjectPOANotary     = "subject_poa_notary"
	FieldSubjectPOAIssuedOn   = "subject_poa_issued_on"   // YYYY-MM-DD
	FieldSubjectPOAValidUntil = "subject_poa_valid_until" // YYYY-MM-DD, empty for none
	// FieldBirthPlace is the subject's place of birth for the certificate
	// when the person registry has none (a person not in it).
	FieldBirthPlace = "birth_place"
)

// recordRequest puts an application to the criminal-record decision: who
// asks, about whom, on what basis (CR-STD-8.1 oneself or a minor child,
// CR-STD-5.2 a power of attorney, CR-STD-8.4 the consent given in the cabinet).
func recordRequest(a *Application) decision.CriminalRecordRequest {
	applicant := a.Applicant.IIN
	if applicant == "" {
		applicant = a.Applicant.BIN
	}
	req := decision.CriminalRecordRequest{
		ApplicationID: a.ID,
		Actor:         decision.Actor{ID: systemActor.ID, Role: string(RoleSystem)},
		Purpose:       "certificate of presence or absence of a criminal record: automatic check of the application",
		Channel:       a.Channel,
		ApplicantIIN:  applicant,
		Relation:      decision.Self,
		Subject: decision.Subject{IIN: a.Applicant.IIN,
			Name: registry.Name{Surname: a.Applicant.Surname, GivenName: a.Applicant.GivenName, Patronymic: a.Applicant.Patronymic}},
	}
	if s := a.Subject; s != nil {
		req.Relation = decision.Relation(s.Relation)
		p := s.Person
		req.Subject = decision.Subject{IIN: p.IIN, Name: registry.Name{Surname: p.Surname, GivenName: p.GivenName, Patronymic: p.Patronymic}}
		if s.BirthDate != nil {
			req.Subject.BirthDate = *s.BirthDate
		}
	}
	req.Subject.DeclaredFormerNames = formerNames(a.Fields[FieldFormerNames])
	if a.ConsentGiven != nil && req.Subject.IIN != "" {
		req.Consent = &decision.Consent{SubjectIIN: req.Subject.IIN, Method: decision.ConsentCabinet, GivenOn: calendar.DateOf(*a.ConsentGiven)}
	}
	if n := strings.TrimSpace(a.Fields[FieldSubjectPOANumber]); n != "" {
		poa := &decision.POA{Number: n, Notary: strings.TrimSpace(a.Fields[FieldSubjectPOANotary]),
			PrincipalIIN: req.Subject.IIN, AgentIIN: applicant}
		poa.IssuedOn, _ = calendar.ParseDate(strings.TrimSpace(a.Fields[FieldSubjectPOAIssuedOn]))
		poa.ValidUntil, _ = calendar.ParseDate(strings.TrimSpace(a.Fields[FieldSubjectPOAValidUntil]))
		req.POA = poa // an unreadable date leaves it zero, and the decision finds the POA invalid
	}
	req.BirthCertificate = slices.ContainsFunc(a.Checklist, func(it ChecklistItem) bool {
		return it.DocumentID == "birth-certificate" && (it.Status == DocProvided || it.Status == DocFetched)
	})
	return req
}

// formerNames reads FieldFormerNames: "Surname Given Patronymic; …".
func formerNames(s string) []registry.Name {
	var out []registry.Name
	for _, part := range strings.Split(s, ";") {
		w := strings.Fields(part)
		if len(w) == 0 {
			continue
		}
		n := registry.Name{Surname: w[0]}
		if len(w) > 1 {
			n.GivenName = w[1]
		}
		if len(w) > 2 {
			n.Patronymic = strings.Join(w[2:], " ")
		}
		out = append(out, n)
	}
	return out
}

// shownTo is the application as actor may see it: the record check names
// convictions and other persons (namesakes), so only the provider's staff see
// it (DESIGN: every read of a criminal record is audited; the check's read
// is). The applicant learns the outcome from the certificate.
func (a *Application) shownTo(actor Actor) *Application {
	switch actor.Role {
	case RoleOfficer, RoleHead, RoleAdmin, RoleSystem:
	default:
		a.RecordCheck = nil
	}
	return a
}
