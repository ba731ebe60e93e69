package apply

import (
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"net/http"
	"slices"
	"strings"

	"qyzmet/internal/apperr"
	"qyzmet/internal/calendar"
	"qyzmet/internal/casework"
	"qyzmet/internal/i18n"
	"qyzmet/internal/iin"
	"qyzmet/internal/org"
	"qyzmet/internal/standard"
	"qyzmet/internal/upload"
	"qyzmet/internal/web/ui"
)

// formInput is what the applicant typed and attached, as typed: a form with
// errors comes back with every value and every accepted upload kept. Input
// names are the engine's field names where the engine has one, so that its
// errors land next to them (ui.NewFormError).
type formInput struct {
	Key          string          `json:"key"` // the rendered form's idempotency key
	Relation     string          `json:"relation,omitempty"`
	SubjectIIN   string          `json:"subject_iin,omitempty"`
	Surname      string          `json:"surname,omitempty"`
	GivenName    string          `json:"given_name,omitempty"`
	Patronymic   string          `json:"patronymic,omitempty"`
	BirthDate    string          `json:"birth_date,omitempty"`
	TravelAbroad bool            `json:"travel_abroad,omitempty"`
	PickupBranch string          `json:"pickup_branch,omitempty"`
	Combined     []string        `json:"combined,omitempty"`
	Document     string          `json:"document,omitempty"`
	Country      string          `json:"country,omitempty"`
	FatherName   string          `json:"father_name,omitempty"`
	MotherName   string          `json:"mother_name,omitempty"`
	NameChanged  bool            `json:"name_changed,omitempty"`
	PayMethod    string          `json:"pay_method,omitempty"`
	ReceiptRef   string          `json:"receipt_ref,omitempty"`
	ReceiptDate  string          `json:"receipt_date,omitempty"`
	ConsentHere  bool            `json:"consent_here,omitempty"`
	Files        map[string]kept `json:"files,omitempty"` // slot → upload
}

// kept is an accepted upload of the form.
type kept struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Size int    `json:"size"`
}

// Input names of the form.
const (
	inRelation     = "subject.relation"
	inSubjectIIN   = "subject.person.iin"
	inSurname      = "subject.person.surname"
	inGivenName    = "subject.person.given_name"
	inPatronymic   = "subject.person.patronymic"
	inBirthDate    = "subject.birth_date"
	inTravelAbroad = "travel_abroad"
	inPickup       = "pickup_branch"
	inCombined     = "combined"
	inDocument     = "fields.document"
	inCountry      = "fields.country"
	inFather       = "fields.father_name"
	inMother       = "fields.mother_name"
	inParents      = "fields.parents-data" // the engine's field for AR-6.1
	inNameChanged  = "name_changed"
	inPayMethod    = "payment.method"
	inReceiptRef   = "payment.reference"
	inReceiptDate  = "payment.paid_on"
	inConsentHere  = "consent_here"
	inKey          = "key"
	filePrefix     = "file."
	keptPrefix     = "kept."
)

// Field names the engine's application keeps for this form.
const (
	fieldDocument = "document"
	fieldCountry  = "country"
	fieldFather   = "father_name"
	fieldMother   = "mother_name"
	fieldParents  = "parents-data"
)

// Upload slots that are no checklist item on the portal: kinship documents
// (AR-STD-8.1 names them for the State Corporation; on the portal they are
// attached as evidence).
const slotKinship = "kinship"

// Maximum length of a text field: longer input is refused, not cut.
const maxText = 300

// profile is what the form of a standard asks, read from the standard in
// force: the engine has no per-service branch, and neither has the form.
type profile struct {
	Std         *standard.Standard
	Relations   []string // the subject relations offered; none: no subject section
	Consent     bool     // a third party consents (CR-STD-8.4)
	Travel      bool     // a travel-abroad path (CR-STD-3.1, CR-STD-8.3)
	Branch      *standard.DocumentRule
	Parents     *standard.DocumentRule // AR-6.1
	Apostille   bool                   // the result is an apostilled document: name it and the country
	Scans       []standard.DocumentRule
	Combined    []*standard.Standard // services asked with this one that the portal does not take itself
	Kinship     bool                 // kinship documents attached as files
	Fee         bool                 // the service itself has a state duty
	NameChange  *standard.DocumentRule
	ReceiptScan *standard.DocumentRule // the scan of a receipt when not paid through the gateway
}

func (p *Pages) profile(std *standard.Standard) profile {
	pr := profile{Std: std, Fee: std.Fee != nil && !std.Fee.Free}
	for i := range std.Documents {
		d := &std.Documents[i]
		if !slices.Contains(d.Channels, standard.Portal) {
			continue
		}
		switch {
		case d.Kind == standard.KindConsent:
			pr.Consent = true
		case d.Kind == standard.KindSelection:
			pr.Branch = d
		case d.Kind == standard.KindData:
			pr.Parents = d
		case d.Kind == standard.KindScan && slices.Contains(d.When, standard.CondNotPaidViaGateway):
			pr.ReceiptScan = d
		case d.Kind == standard.KindScan && slices.Contains(d.When, standard.CondNameChangedNotRegistered):
			pr.NameChange = d
		case d.Kind == standard.KindScan:
			pr.Scans = append(pr.Scans, *d)
		}
	}
	switch {
	case pr.Consent:
		pr.Relations = []string{casework.RelationSelf, casework.RelationMinorRelative, casework.RelationThirdParty}
	case pr.Parents != nil:
		// Rule AR-6.1: the archive is asked about oneself or a relative.
		pr.Relations = []string{casework.RelationSelf, casework.RelationThirdParty}
		pr.Kinship = true
	}
	for _, dl := range std.Deadlines {
		if dl.Path == standard.PathTravelAbroad {
			pr.Travel = true
		}
	}
	for _, r := range std.Results {
		if r.ID == "apostilled-document" {
			pr.Apostille = true
		}
	}
	for _, c := range std.Combinable {
		if o, err := p.deps.Sys.Standards().At(c.Service, p.today()); err == nil && !o.Offers(standard.Portal) {
			pr.Combined = append(pr.Combined, o)
		}
	}
	return pr
}

// readForm reads the posted form (already parsed by limitBody) into a
// formInput and the files attached now.
func readForm(r *http.Request) (formInput, map[string]posted, error) {
	v := r.PostForm
	f := formInput{
		Key: v.Get(inKey), Relation: v.Get(inRelation), SubjectIIN: strings.TrimSpace(v.Get(inSubjectIIN)),
		Surname: v.Get(inSurname), GivenName: v.Get(inGivenName), Patronymic: v.Get(inPatronymic), BirthDate: strings.TrimSpace(v.Get(inBirthDate)),
		TravelAbroad: v.Get(inTravelAbroad) != "", PickupBranch: v.Get(inPickup), Combined: v[inCombined],
		Document: v.Get(inDocument), Country: v.Get(inCountry), FatherName: v.Get(inFather), MotherName: v.Get(inMother),
		NameChanged: v.Get(inNameChanged) != "", PayMethod: v.Get(inPayMethod), ReceiptRef: strings.TrimSpace(v.Get(inReceiptRef)),
		ReceiptDate: strings.TrimSpace(v.Get(inReceiptDate)), ConsentHere: v.Get(inConsentHere) != "", Files: map[string]kept{},
	}
	for name, vals := range v {
		if slot, ok := strings.CutPrefix(name, keptPrefix); ok && len(vals) > 0 && vals[0] != "" {
			f.Files[slot] = kept{ID: vals[0]}
		}
	}
	files := map[string]posted{}
	if r.MultipartForm == nil {
		return f, files, nil
	}
	for name, hs := range r.MultipartForm.File {
		slot, ok := strings.CutPrefix(name, filePrefix)
		if !ok || len(hs) == 0 || hs[0].Size == 0 {
			continue
		}
		fh, err := hs[0].Open()
		if err != nil {
			return f, nil, err
		}
		b, err := io.ReadAll(io.LimitReader(fh, upload.MaxFileBytes+1))
		fh.Close()
		if err != nil {
			return f, nil, err
		}
		files[slot] = posted{Name: hs[0].Filename, Bytes: b}
	}
	return f, files, nil
}

// posted is a file attached to this post.
type posted struct {
	Name  string
	Bytes []byte
}

// fieldErr is an error of one input (none: of the whole form), in the
// user's language.
type fieldErr struct {
	Field string
	Text  i18n.Text
}

func (e *fieldErr) Error() string { return e.Field + ": " + e.Text.EN }

func errAt(field, key string, args ...any) error {
	t, _ := ui.Lookup(key)
	if len(args) > 0 {
		t = i18n.Text{KK: fmt.Sprintf(t.KK, args...), RU: fmt.Sprintf(t.RU, args...), EN: fmt.Sprintf(t.EN, args...)}
	}
	return &fieldErr{Field: field, Text: t}
}

// check refuses what the engine would refuse, before any code is sent, and
// what the engine cannot see: script-like text, unreadable dates, uploads.
func (p *Pages) check(ctx context.Context, pr profile, f *formInput, me applicant) error {
	texts := map[string]string{inSurname: f.Surname, inGivenName: f.GivenName, inPatronymic: f.Patronymic,
		inDocument: f.Document, inCountry: f.Country, inFather: f.FatherName, inMother: f.MotherName, inReceiptRef: f.ReceiptRef}
	for _, name := range slices.Sorted(maps.Keys(texts)) {
		if err := checkText(name, texts[name]); err != nil {
			return err
		}
	}
	if err := p.checkOrganisation(pr.Std, f, me); err != nil {
		return err
	}
	if len(pr.Relations) > 0 {
		if err := p.checkSubject(pr, f); err != nil {
			return err
		}
	}
	if pr.Apostille {
		if strings.TrimSpace(f.Document) == "" {
			return errAt(inDocument, "apply.err.required")
		}
	}
	if (pr.Apostille || len(f.Combined) > 0) && strings.TrimSpace(f.Country) == "" {
		return errAt(inCountry, "apply.err.required")
	}
	for _, c := range f.Combined {
		if !slices.ContainsFunc(pr.Combined, func(s *standard.Standard) bool { return string(s.Service) == c }) {
			return errAt(inCombined, "apply.err.choice")
		}
	}
	if len(f.Combined) > 0 && pr.Travel && !f.TravelAbroad {
		// Rule CR-STD-5.3: the apostille goes on the paper certificate for
		// travel abroad, collected at the chosen branch.
		return errAt(inCombined, "apply.err.apostille_paper")
	}
	if err := p.checkBranch(ctx, pr, f); err != nil {
		return err
	}
	if pr.Parents != nil && parentsNeeded(f, me) && strings.TrimSpace(f.FatherName+f.MotherName) == "" {
		// Rule AR-6.1: a person under 16 on 1 January 1940 is found through
		// the parents.
		return errAt(inFather, "apply.err.parents")
	}
	for _, d := range pr.Scans {
		if _, ok := f.Files[d.ID]; !ok {
			return errAt(filePrefix+d.ID, "apply.err.file_required")
		}
	}
	if pr.NameChange != nil && f.NameChanged {
		if _, ok := f.Files[pr.NameChange.ID]; !ok {
			return errAt(filePrefix+pr.NameChange.ID, "apply.err.file_required")
		}
	}
	return p.checkPayment(pr, f)
}

// checkText refuses markup and control characters in a name or a title:
// nobody's name has angle brackets, and the text goes onto signed documents.
// Apostrophes and hyphens (O'Brien, Нұр-Сұлтан) are names.
func checkText(name, v string) error {
	if len([]rune(v)) > maxText {
		return errAt(name, "apply.err.too_long", maxText)
	}
	if strings.ContainsAny(v, "<>{}\\`") || strings.ContainsFunc(v, func(r rune) bool { return r < 0x20 || r == 0x7f }) {
		return errAt(name, "apply.err.markup")
	}
	return nil
}

// checkSubject: whom the request is about (CR-STD-8.1, CR-STD-8.4, AR-6.1).
func (p *Pages) checkSubject(pr profile, f *formInput) error {
	if f.Relation == "" && len(pr.Relations) == 1 {
		f.Relation = pr.Relations[0]
	}
	if f.Relation == "" {
		f.Relation = casework.RelationSelf
	}
	if !slices.Contains(pr.Relations, f.Relation) {
		return errAt(inRelation, "apply.err.choice")
	}
	if f.Relation == casework.RelationSelf {
		return nil
	}
	if f.SubjectIIN != "" || f.Relation == casework.RelationThirdParty && pr.Consent {
		// Rule CR-STD-8.4: the person who consents is found by the IIN.
		if f.SubjectIIN == "" {
			return errAt(inSubjectIIN, "apply.err.required")
		}
		if _, err := iin.ParseIIN(f.SubjectIIN); err != nil {
			var ie *iin.Error
			if errors.As(err, &ie) {
				return &fieldErr{Field: inSubjectIIN, Text: i18n.Text{KK: ie.Message(i18n.KK), RU: ie.Message(i18n.RU), EN: ie.Message(i18n.EN)}}
			}
			return errAt(inSubjectIIN, "apply.err.iin")
		}
	}
	if strings.TrimSpace(f.Surname) == "" {
		return errAt(inSurname, "apply.err.required")
	}
	if strings.TrimSpace(f.GivenName) == "" {
		return errAt(inGivenName, "apply.err.required")
	}
	needBirth := f.Relation == casework.RelationMinorRelative || pr.Parents != nil
	if f.BirthDate == "" && needBirth {
		return errAt(inBirthDate, "apply.err.required")
	}
	if f.BirthDate != "" {
		d, err := calendar.ParseDate(f.BirthDate)
		if err != nil {
			return errAt(inBirthDate, "apply.err.date")
		}
		today := calendar.DateOf(p.deps.Now())
		if d.After(today) {
			return errAt(inBirthDate, "apply.err.future")
		}
		if f.Relation == casework.RelationMinorRelative && !d.AddMonths(18*12).After(today) {
			// Rule CR-STD-8.1: the certificate about a relative is for a minor.
			return errAt(inBirthDate, "apply.err.not_minor")
		}
	}
	return nil
}

// parentsNeeded: Rule AR-6.1 — for the applicant themself the registry's
// birth date decides, for another person the date typed.
func parentsNeeded(f *formInput, me applicant) bool {
	if f.Relation == casework.RelationSelf {
		return !me.BirthDate.IsZero() && casework.Under16On1January1940(me.BirthDate)
	}
	d, err := calendar.ParseDate(f.BirthDate)
	return err == nil && casework.Under16On1January1940(d)
}

// checkBranch: the State Corporation branch where a paper result is
// collected (CR-STD-5.3, CR-STD-8.3, AR-STD-8.2).
func (p *Pages) checkBranch(ctx context.Context, pr profile, f *formInput) error {
	if pr.Branch == nil {
		f.PickupBranch = ""
		return nil
	}
	needed := len(pr.Branch.When) == 0 || (f.TravelAbroad && slices.Contains(pr.Branch.When, standard.CondTravelAbroad))
	if !needed {
		f.PickupBranch = ""
		return nil
	}
	if f.PickupBranch == "" {
		return errAt(inPickup, "apply.err.branch")
	}
	b, err := p.deps.Sys.Branches.Branch(ctx, f.PickupBranch)
	if err != nil || b.Kind != org.KindStateCorp || !b.Open() {
		return errAt(inPickup, "apply.err.branch")
	}
	return nil
}

// checkPayment: a service with a state duty is paid through the gateway (the
// simulator) or by a bank receipt whose scan is attached (AC-9-1, AP-STD-8).
func (p *Pages) checkPayment(pr profile, f *formInput) error {
	if !p.feeDue(pr, f) {
		f.PayMethod = ""
		return nil
	}
	switch f.PayMethod {
	case casework.PaymentGateway:
		return nil
	case casework.PaymentReceipt:
	default:
		return errAt(inPayMethod, "apply.err.choice")
	}
	if f.ReceiptRef == "" {
		return errAt(inReceiptRef, "apply.err.required")
	}
	d, err := calendar.ParseDate(f.ReceiptDate)
	if err != nil {
		return errAt(inReceiptDate, "apply.err.date")
	}
	if d.After(calendar.DateOf(p.deps.Now())) {
		return errAt(inReceiptDate, "apply.err.future")
	}
	if _, ok := f.Files[receiptSlot]; !ok {
		return errAt(filePrefix+receiptSlot, "apply.err.file_required")
	}
	return nil
}

// receiptSlot is the upload slot of the duty receipt, whichever service's
// checklist item it fills.
const receiptSlot = "receipt"

// feeDue: the service or a service asked with it has a state duty.
func (p *Pages) feeDue(pr profile, f *formInput) bool {
	if pr.Fee {
		return true
	}
	for _, s := range pr.Combined {
		if slices.Contains(f.Combined, string(s.Service)) && s.Fee != nil && !s.Fee.Free {
			return true
		}
	}
	return false
}

// storeFiles checks and stores the files of this post, and keeps only the
// earlier uploads that belong to the applicant. An upload that fails leaves
// nothing stored and names the slot.
func (p *Pages) storeFiles(ctx context.Context, owner string, f *formInput, files map[string]posted) error {
	for slot, k := range f.Files {
		got, err := p.uploads.Get(ctx, owner, k.ID)
		if err != nil {
			delete(f.Files, slot)
			continue
		}
		f.Files[slot] = kept{ID: got.ID, Name: got.Name, Size: got.Size}
	}
	// Check every file before storing any, so one bad file stores nothing.
	for _, slot := range slices.Sorted(maps.Keys(files)) {
		if !validSlot(slot) {
			return errAt(filePrefix+slot, "apply.err.choice")
		}
		if _, err := upload.Detect(files[slot].Bytes); err != nil {
			return &fieldErr{Field: filePrefix + slot, Text: uploadText(err)}
		}
	}
	for slot, pf := range files {
		saved, err := p.uploads.Save(ctx, owner, pf.Name, pf.Bytes)
		if err != nil {
			return err
		}
		f.Files[slot] = kept{ID: saved.ID, Name: saved.Name, Size: saved.Size}
	}
	return nil
}

// validSlot: a slot name is a document ID of a standard, or one of the form's.
func validSlot(s string) bool {
	if s == "" || len(s) > 40 {
		return false
	}
	return !strings.ContainsFunc(s, func(r rune) bool { return !(r == '-' || r >= 'a' && r <= 'z') })
}

// uploadText words an upload's refusal.
func uploadText(err error) i18n.Text {
	if t, ok := ui.Lookup(apperr.KeyOf(err)); ok {
		return t
	}
	t, _ := ui.Lookup(upload.KeyType)
	return t
}
