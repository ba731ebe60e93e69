package apply

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"qyzmet/internal/apperr"
	"qyzmet/internal/auth"
	"qyzmet/internal/calendar"
	"qyzmet/internal/casework"
	"qyzmet/internal/registry"
	"qyzmet/internal/standard"
	"qyzmet/internal/store"
	"qyzmet/internal/upload"
	"qyzmet/internal/web/ui"
)

// draft is an application between its form and its certification: what was
// typed, the payment once made, and the application it became.
type draft struct {
	ID            string
	Owner         string
	Service       standard.ServiceID
	Data          draftData
	ApplicationID string
}

type draftData struct {
	Form    formInput         `json:"form"`
	Payment *casework.Payment `json:"payment,omitempty"`
}

// drafts keeps drafts in apply_drafts.
type drafts struct{ db *store.DB }

// save writes the form as owner's draft under its idempotency key: the same
// key posted twice (a double click) is one draft. A draft that already
// became an application is returned unchanged; otherwise its form is
// replaced and a payment for another amount is dropped.
func (ds drafts) save(ctx context.Context, owner string, service standard.ServiceID, f formInput, due int64) (draft, error) {
	var d draft
	err := ds.db.Tx(ctx, func(tx *store.Tx) error {
		var err error
		d, err = loadDraft(ctx, tx, `owner_iin = ? AND form_key = ?`, owner, f.Key)
		switch {
		case apperr.CodeOf(err) == apperr.NotFound:
			d = draft{ID: "drf_" + ui.NewKey(), Owner: owner, Service: service, Data: draftData{Form: f}}
			b, _ := json.Marshal(d.Data)
			_, err = tx.Exec(ctx, `INSERT INTO apply_drafts (id, owner_iin, form_key, service, input, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)`, d.ID, owner, f.Key, string(service), string(b), tx.Now(), tx.Now())
			return err
		case err != nil:
			return err
		case d.ApplicationID != "":
			return nil
		case d.Service != service:
			return apperr.E(apperr.Conflict, "the form key belongs to another service")
		}
		d.Data.Form = f
		if pay := d.Data.Payment; pay != nil && (due == 0 || int64(pay.AmountTenge)*100 < due) {
			d.Data.Payment = nil
		}
		return ds.write(ctx, tx, d)
	})
	return d, err
}

// get returns owner's draft id; another person's draft is NotFound.
func (ds drafts) get(ctx context.Context, owner, id string) (draft, error) {
	var d draft
	err := ds.db.ReadTx(ctx, func(tx *store.Tx) error {
		var err error
		d, err = loadDraft(ctx, tx, `id = ? AND owner_iin = ?`, id, owner)
		return err
	})
	return d, err
}

// unfinished are owner's drafts not yet certified, newest first: the portal
// offers them again, so that a form left before its code — paid or not — is
// not lost until the purge's retention ends (upload.DraftRetention).
func (ds drafts) unfinished(ctx context.Context, owner string) ([]draft, error) {
	var out []draft
	err := ds.db.ReadTx(ctx, func(tx *store.Tx) error {
		rows, err := tx.Query(ctx, `SELECT `+draftColumns+` FROM apply_drafts WHERE owner_iin = ? AND application_id = ''
			ORDER BY updated_at DESC LIMIT 10`, owner)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			d, err := scanDraft(rows)
			if err != nil {
				return err
			}
			out = append(out, d)
		}
		return rows.Err()
	})
	return out, err
}

// update changes a draft that has not become an application yet.
func (ds drafts) update(ctx context.Context, d draft) error {
	return ds.db.Tx(ctx, func(tx *store.Tx) error { return ds.write(ctx, tx, d) })
}

func (ds drafts) write(ctx context.Context, tx *store.Tx, d draft) error {
	b, err := json.Marshal(d.Data)
	if err != nil {
		return err
	}
	_, err = tx.Exec(ctx, `UPDATE apply_drafts SET input = ?, application_id = ?, updated_at = ? WHERE id = ?`,
		string(b), d.ApplicationID, tx.Now(), d.ID)
	return err
}

func loadDraft(ctx context.Context, tx *store.Tx, where string, args ...any) (draft, error) {
	return scanDraft(tx.QueryRow(ctx, `SELECT `+draftColumns+` FROM apply_drafts WHERE `+where, args...))
}

const draftColumns = `id, owner_iin, service, input, application_id`

func scanDraft(row interface{ Scan(...any) error }) (draft, error) {
	var d draft
	var service, input string
	if err := row.Scan(&d.ID, &d.Owner, &service, &input, &d.ApplicationID); err != nil {
		return d, err
	}
	d.Service = standard.ServiceID(service)
	if err := json.Unmarshal([]byte(input), &d.Data); err != nil {
		return d, fmt.Errorf("apply: draft %s: %w", d.ID, err)
	}
	return d, nil
}

// applicant is the signed-in citizen as the person registry knows them.
type applicant struct {
	IIN  string
	Name registry.Name
	// BirthDate decides AR-6.1 when the archive is asked about the applicant.
	BirthDate calendar.Date
	// ActingBIN is the organisation the session acts for (org.go); Org is
	// the citizen's link to it while that link counts, nil once it has ended.
	ActingBIN string
	Org       *auth.BINLink
}

func (p *Pages) applicant(ctx context.Context, who auth.Principal) applicant {
	a := applicant{IIN: who.IIN, ActingBIN: who.BIN}
	if person, err := p.deps.Sys.Registries.Persons.ByIIN(ctx, who.IIN); err == nil {
		a.Name, a.BirthDate = person.Name, person.BirthDate
	}
	if who.BIN != "" {
		if link, err := p.deps.Sys.Auth.LinkFor(ctx, who.IIN, who.BIN); err == nil {
			a.Org = &link
		}
	}
	return a
}

// input is the engine's SubmitInput for a draft: the applicant from the
// session and the registry, the rest from the form.
func (p *Pages) input(ctx context.Context, me applicant, pr profile, d draft) casework.SubmitInput {
	f := d.Data.Form
	in := casework.SubmitInput{
		Service: d.Service, Channel: standard.Portal,
		Applicant: me.party(), TravelAbroad: f.TravelAbroad && pr.Travel, PickupBranch: f.PickupBranch, Payment: d.Data.Payment,
		Fields: map[string]string{},
	}
	for _, c := range f.Combined {
		in.Combined = append(in.Combined, standard.ServiceID(c))
	}
	if me.Org != nil {
		// Rule CR-3: the legal entity is the applicant.
		in.Applicant, in.Representative = orgParties(me)
	}
	in.Subject = subjectOf(me, pr, f)
	if f.PickupBranch != "" {
		// The branch's class decides the travel-abroad and the combined
		// apostille's deadlines (CR-STD-3.1, AP-STD-3).
		if b, err := p.deps.Sys.Branches.Branch(ctx, f.PickupBranch); err == nil {
			in.DepartmentClass = b.Class
		}
	}
	set := func(k, v string) {
		if v = strings.TrimSpace(v); v != "" {
			in.Fields[k] = v
		}
	}
	set(fieldDocument, f.Document)
	set(fieldCountry, f.Country)
	set(fieldFather, f.FatherName)
	set(fieldMother, f.MotherName)
	if pr.Parents != nil {
		// Rule AR-6.1: the parents' data, as one item of the package.
		set(fieldParents, parentsText(f))
	}
	if k, ok := f.Files[slotKinship]; ok && pr.Kinship {
		set(upload.FieldFiles, k.ID)
	}
	for _, s := range pr.Scans {
		if k, ok := f.Files[s.ID]; ok {
			in.Documents = append(in.Documents, casework.DocumentInput{ID: s.ID, Provided: true, FileRef: k.ID})
		}
	}
	// Only a service with a name-change document reads the tick and its scan:
	// a crafted form naming an empty slot changes nothing elsewhere.
	if f.NameChanged && pr.NameChange != nil {
		in.Conditions = append(in.Conditions, standard.CondNameChangedNotRegistered)
		if k, ok := f.Files[pr.NameChange.ID]; ok {
			in.Documents = append(in.Documents, casework.DocumentInput{ID: pr.NameChange.ID, Provided: true, FileRef: k.ID})
		}
	}
	if f.PayMethod == casework.PaymentReceipt {
		in.Documents = append(in.Documents, p.receiptInputs(pr, f)...)
	}
	if len(in.Fields) == 0 {
		in.Fields = nil
	}
	return in
}

// receiptInputs: the scanned receipt fills the "not paid through the gateway"
// item of the service and of every service asked with it (AC-9-1, AP-STD-8).
func (p *Pages) receiptInputs(pr profile, f formInput) []casework.DocumentInput {
	k, ok := f.Files[receiptSlot]
	if !ok {
		return nil
	}
	var out []casework.DocumentInput
	if pr.ReceiptScan != nil {
		out = append(out, casework.DocumentInput{ID: pr.ReceiptScan.ID, Provided: true, FileRef: k.ID})
	}
	for _, s := range pr.Combined {
		if !containsService(f.Combined, s.Service) {
			continue
		}
		for _, d := range s.Documents {
			if slices.Contains(d.When, standard.CondNotPaidViaGateway) {
				out = append(out, casework.DocumentInput{ID: string(s.Service) + "/" + d.ID, Provided: true, FileRef: k.ID})
			}
		}
	}
	return out
}

func containsService(list []string, s standard.ServiceID) bool {
	return slices.Contains(list, string(s))
}

// subjectOf is whom the request is about: nobody else for oneself (the
// engine takes the applicant), except for the archive, which needs the birth
// date for AR-6.1.
func subjectOf(me applicant, pr profile, f formInput) *casework.Subject {
	if len(pr.Relations) == 0 {
		return nil
	}
	if f.Relation == casework.RelationSelf || f.Relation == "" {
		if pr.Parents == nil {
			return nil
		}
		s := &casework.Subject{Relation: casework.RelationSelf, Person: me.party()}
		if !me.BirthDate.IsZero() {
			b := me.BirthDate
			s.BirthDate = &b
		}
		return s
	}
	s := &casework.Subject{Relation: f.Relation, Person: casework.Party{Kind: casework.KindIndividual, IIN: f.SubjectIIN,
		Surname: strings.TrimSpace(f.Surname), GivenName: strings.TrimSpace(f.GivenName), Patronymic: strings.TrimSpace(f.Patronymic)}}
	if d, err := calendar.ParseDate(f.BirthDate); err == nil {
		s.BirthDate = &d
	}
	return s
}

// parentsText is the parents' data (AR-6.1) as one line, father first, in
// the form the front desk writes and the provider desk's archive search reads
// ("Name[, year]; Name[, year]"); father_name and mother_name keep who is who.
func parentsText(f formInput) string {
	var parts []string
	for _, v := range []string{f.FatherName, f.MotherName} {
		if v = strings.TrimSpace(v); v != "" {
			parts = append(parts, v)
		}
	}
	return strings.Join(parts, "; ")
}

// due is the state duty in tiyn of the service and the services asked with
// it on day: the standard's MCI multiple per document at the MCI of the day
// (AP-STD-6, AC-7); one document each — the one to apostille.
func (p *Pages) due(pr profile, f formInput, day calendar.Date) (int64, error) {
	var total int64
	stds := []*standard.Standard{}
	if pr.Fee {
		stds = append(stds, pr.Std)
	}
	for _, s := range pr.Combined {
		if containsService(f.Combined, s.Service) {
			stds = append(stds, s)
		}
	}
	for _, s := range stds {
		if s.Fee == nil || s.Fee.Free {
			continue
		}
		q, err := p.deps.Sys.Standards().Fee(s, day, 1)
		if err != nil {
			return 0, err
		}
		total += q.Tiyn
	}
	return total, nil
}
