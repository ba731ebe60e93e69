package casework_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"path/filepath"
	"testing"
	"time"

	"github.com/riverqueue/river"

	"qyzmet/internal/apperr"
	"qyzmet/internal/calendar"
	"qyzmet/internal/casework"
	"qyzmet/internal/decision"
	"qyzmet/internal/eregister"
	"qyzmet/internal/eregister/forms"
	"qyzmet/internal/pdf"
	"qyzmet/internal/registry"
	"qyzmet/internal/registry/sqlstore"
	"qyzmet/internal/sign"
	"qyzmet/internal/standard"
	"qyzmet/internal/store"
	"qyzmet/internal/store/storetest"
)

// nextWorkingMorning is 10:00 in Almaty on the working day after today: the
// demonstration CA's certificates are valid from an hour ago, so the fake
// clock stays near the real time.
func nextWorkingMorning() time.Time {
	d := calendar.Default().NextWorkingDay(calendar.DateOf(time.Now()).AddDays(1))
	return time.Date(d.Year, d.Month, d.Day, 10, 0, 0, 0, calendar.Almaty)
}

// newAutoEnv is an env whose engine has the criminal-record decision over the
// SQL registries and an Issuer signing with a demonstration CA, and the
// e-Register that trusts that CA.
func newAutoEnv(t *testing.T, kind storetest.Engine) (*env, sqlstore.Registries, *eregister.Register) {
	t.Helper()
	v, regs, reg, _ := newIssuingEnv(t, kind, nextWorkingMorning())
	return v, regs, reg
}

// newIssuingEnv is newAutoEnv from start, with the directory of its
// demonstration CA (for pdfsig).
func newIssuingEnv(t *testing.T, kind storetest.Engine, start time.Time) (*env, sqlstore.Registries, *eregister.Register, string) {
	t.Helper()
	clock := storetest.NewClock(start)
	db := kind.Open(t, clock)
	regs := sqlstore.New(db)
	pki := filepath.Join(t.TempDir(), "pki")
	signer, err := sign.NewDemoCA(pki)
	if err != nil {
		t.Fatal(err)
	}
	roots, err := sign.LoadTrust(pki)
	if err != nil {
		t.Fatal(err)
	}
	e, err := casework.New(casework.Config{DB: db,
		CriminalRecords: &decision.CriminalRecords{Persons: regs.Persons, Records: regs.Records, Audit: regs.Audit, Clock: clock.Now},
		Issuer:          &eregister.Issuer{DB: db, Signer: signer, Forms: forms.Documents{}, BaseURL: "https://qyzmet.example", Location: "Astana"},
	})
	if err != nil {
		t.Fatal(err)
	}
	workers := river.NewWorkers()
	e.RegisterWorkers(workers)
	jobs := storetest.StartJobs(t, db, workers)
	return &env{t: t, ctx: context.Background(), clock: clock, db: db, jobs: jobs, e: e}, regs, &eregister.Register{DB: db, Roots: roots}, pki
}

// registryPerson is a resident of the person registry born on birth.
func registryPerson(t *testing.T, surname, given, patronymic string, birth calendar.Date) registry.Person {
	return registry.Person{IIN: newIIN(t, birth), Name: registry.Name{Surname: surname, GivenName: given, Patronymic: patronymic},
		Sex: registry.Male, BirthDate: birth, BirthPlace: "Алматы", Nationality: "қазақ"}
}

func load(t *testing.T, db *store.DB, ps []registry.Person, cs []registry.Conviction) {
	t.Helper()
	err := db.Tx(context.Background(), func(tx *store.Tx) error {
		if err := sqlstore.UpsertPersons(context.Background(), tx, ps); err != nil {
			return err
		}
		if len(cs) == 0 {
			return nil
		}
		return sqlstore.UpsertConvictions(context.Background(), tx, cs)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// partyOf is the application's party of a registry person.
func partyOf(p registry.Person) casework.Party {
	return casework.Party{Kind: casework.KindIndividual, IIN: p.IIN, Surname: p.Surname, GivenName: p.GivenName,
		Patronymic: p.Patronymic, Phone: "+77011234567"}
}

// wantCertificate checks the issued certificate: its decision, its document in
// the e-Register and the signed PDF kept for download.
func wantCertificate(t *testing.T, v *env, reg *eregister.Register, app *casework.Application, finding string) []byte {
	t.Helper()
	wantState(t, app, casework.StateIssued)
	d := app.Decision
	if d == nil || d.Finding != finding || d.DecidedBy != "system" || d.Result != "certificate" {
		t.Fatalf("decision %+v, want the certificate stating %s, issued by the system", d, finding)
	}
	if len(app.Documents) != 1 || d.DocumentRef != app.Documents[0].Number || app.Documents[0].Form != "cr-certificate" {
		t.Fatalf("documents %+v (ref %q), want the one cr-certificate the decision refers to", app.Documents, d.DocumentRef)
	}
	doc := app.Documents[0]
	got, file, err := v.e.Document(v.ctx, applicantOf(app.Applicant), app.ID, doc.Number)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(file)
	entry, err := reg.Lookup(v.ctx, doc.Number)
	if err != nil {
		t.Fatal(err)
	}
	if hex.EncodeToString(sum[:]) != entry.SHA256 || got.SHA256 != entry.SHA256 || entry.Application != app.ID {
		t.Fatalf("kept file %x, listed %s; the e-Register holds %s for application %q", sum, got.SHA256, entry.SHA256, entry.Application)
	}
	if _, err := sign.Verify(file, reg.Roots); err != nil {
		t.Fatalf("the certificate does not verify against the demonstration root: %v", err)
	}
	info, err := pdf.ReadInfo(file)
	if err != nil || info.Number != doc.Number {
		t.Fatalf("PDF information %+v (%v), want number %s", info, err, doc.Number)
	}
	return file
}

// TestCriminalRecordAutomatic: an accepted criminal-record application is
// answered from the registries by the job its acceptance enqueued, within one
// run of the due jobs — certificate, document, e-Register entry and audit log.
func TestCriminalRecordAutomatic(t *testing.T) {
	storetest.Run(t, func(t *testing.T, kind storetest.Engine) {
		t.Parallel()
		v, regs, reg := newAutoEnv(t, kind)
		clean := registryPerson(t, "Абенов", "Арман", "Серікұлы", date(1985, 4, 12))
		convicted := registryPerson(t, "Бекова", "Дана", "Маратқызы", date(1979, 2, 3))
		expunged := registryPerson(t, "Жанов", "Ерлан", "", date(1975, 9, 30))
		load(t, v.db, []registry.Person{clean, convicted, expunged}, []registry.Conviction{
			{ID: "R-1", IIN: convicted.IIN, Name: convicted.Name, BirthDate: convicted.BirthDate, Article: "190 ч.2", Court: "Алматы",
				ConvictedOn: date(2021, 5, 10), Sentence: "2 года условно", ExpungedOn: date(2030, 5, 10)},
			{ID: "R-2", IIN: expunged.IIN, Name: expunged.Name, BirthDate: expunged.BirthDate, Article: "188 ч.1", Court: "Астана",
				ConvictedOn: date(2004, 3, 1), Sentence: "1 год", ExpungedOn: date(2010, 3, 1)},
		})

		v.rule("CR-STD-3.1 CR-STD-5.1 an unambiguous subject is issued within the same run of due jobs", func(t *testing.T) {
			app := v.submit(applicantOf(partyOf(clean)), crPortal(partyOf(clean)))
			wantState(t, app, casework.StateAccepted)
			if err := v.jobs.WorkDue(v.ctx); err != nil {
				t.Fatal(err)
			}
			app = v.get(app.ID)
			wantCertificate(t, v, reg, app, casework.FindingNoRecord)
			if c := clockOf(t, app, "deadline"); !c.Done || c.Late {
				t.Errorf("10-minute clock %+v, want met", c)
			}
			if got := v.eventTypes(app.ID); !equal(got, []string{"submit", "accept", "record-check", "start-verification", "issue", "document"}) {
				t.Errorf("events %v", got)
			}
			// DESIGN: every read of a criminal record is in the audit log.
			reads, err := regs.Audit.Reads(v.ctx, clean.IIN)
			if err != nil || len(reads) != 1 || reads[0].ApplicationID != app.ID || reads[0].ActorRole != "system" || reads[0].Rule != "CR-STD-3.1" {
				t.Fatalf("audit log %+v (%v), want the system's read for %s", reads, err, app.ID)
			}
		})
		v.rule("CR-STD-3.1 CR-STD-5.1 a conviction in force: has a record", func(t *testing.T) {
			app := v.submit(applicantOf(partyOf(convicted)), crPortal(partyOf(convicted)))
			v.advanceTo(v.clock.Now().Add(time.Minute))
			app = v.get(app.ID)
			wantCertificate(t, v, reg, app, casework.FindingHasRecord)
			if rc := app.RecordCheck; rc == nil || len(rc.Convictions) != 1 || rc.Convictions[0].ID != "R-1" || rc.Matched["R-1"] != "iin" {
				t.Errorf("record check %+v, want conviction R-1 matched by IIN", rc)
			}
		})
		v.rule("CR-STD-3.1 an expunged conviction: has no record", func(t *testing.T) {
			app := v.submit(applicantOf(partyOf(expunged)), crPortal(partyOf(expunged)))
			v.advanceTo(v.clock.Now().Add(time.Minute))
			wantCertificate(t, v, reg, v.get(app.ID), casework.FindingNoRecord)
		})
		v.rule("CR-3 CR-F5 CR-STD-5.1 for travel abroad: the bilingual paper certificate, issued automatically", func(t *testing.T) {
			in := crPortal(partyOf(clean))
			in.TravelAbroad, in.PickupBranch, in.DepartmentClass = true, "ALM-1", standard.Major
			app := v.submit(applicantOf(partyOf(clean)), in)
			v.advanceTo(v.clock.Now().Add(time.Minute))
			app = v.get(app.ID)
			wantState(t, app, casework.StateIssued)
			if d := app.Decision; !d.Paper || d.Result != "certificate-travel-abroad" || d.Finding != casework.FindingNoRecord || app.Final() {
				t.Fatalf("decision %+v: want the paper certificate for travel abroad, to be dispatched", d)
			}
			if len(app.Documents) != 1 || app.Documents[0].Form != "cr-certificate-travel" {
				t.Fatalf("documents %+v, want the cr-certificate-travel", app.Documents)
			}
			if _, err := reg.Lookup(v.ctx, app.Documents[0].Number); err != nil {
				t.Fatal(err)
			}
		})
		v.rule("CR-STD-3.1 the applicant does not see the registries' answer", func(t *testing.T) {
			apps, err := v.e.List(v.ctx, applicantOf(partyOf(convicted)), casework.Filter{})
			if err != nil || len(apps) != 1 {
				t.Fatalf("list: %v (%v)", apps, err)
			}
			if apps[0].RecordCheck != nil {
				t.Error("the applicant's list shows the record check")
			}
			if got, _ := v.e.Get(v.ctx, officer, apps[0].ID); got.RecordCheck == nil {
				t.Error("the officer does not see the record check")
			}
		})
	})
}

// TestCriminalRecordAmbiguousGoesToAdditionalCheck: an old record without an
// IIN that names the subject's former name almost as the registry writes it
// is not decided by the machine: the application moves to the additional check
// with the evidence for the officer, who then issues.
func TestCriminalRecordAmbiguousGoesToAdditionalCheck(t *testing.T) {
	storetest.Run(t, func(t *testing.T, kind storetest.Engine) {
		t.Parallel()
		v, _, reg := newAutoEnv(t, kind)
		birth := date(1968, 11, 20)
		married := registryPerson(t, "Сейтова", "Мария", "Петровна", birth)
		married.Sex = registry.Female
		married.FormerNames = []registry.NameChange{{Name: registry.Name{Surname: "Иванова", GivenName: "Мария", Patronymic: "Петровна"},
			ChangedOn: date(1992, 6, 1), Reason: "брак"}}
		load(t, v.db, []registry.Person{married}, []registry.Conviction{
			// Written "Марья" under the maiden name, before IINs existed.
			{ID: "OLD-7", Name: registry.Name{Surname: "Иванова", GivenName: "Марья", Patronymic: "Петровна"}, BirthDate: birth,
				Article: "ст. 92 УК КазССР", Court: "Народный суд", ConvictedOn: date(1989, 4, 4), Sentence: "2 года", ExpungedOn: date(2035, 1, 1)},
		})
		var app *casework.Application

		v.rule("CR-STD-3.1 CR-STD-8.2 an old record under a former name, spelt differently: additional check with evidence", func(t *testing.T) {
			in := casework.SubmitInput{Service: standard.CriminalRecord, Channel: standard.StateCorp, Applicant: partyOf(married),
				Branch: "ALM-1", DepartmentClass: standard.Major, Documents: provided("application", "identity")}
			app = v.submit(operator, in)
			app = v.exec(operator, app, "accept", nil)
			v.advanceTo(v.clock.Now().Add(time.Minute))
			app = v.get(app.ID)
			wantState(t, app, casework.StateAdditionalCheck)
			if app.DeadlineRule != "CR-STD-3.1" || !app.AdditionalCheck || app.Decision != nil || len(app.Documents) != 0 {
				t.Fatalf("deadline %s (%s), decision %+v, documents %v: want the 5-day check and nothing issued",
					app.DeadlineOn, app.DeadlineRule, app.Decision, app.Documents)
			}
			rc := app.RecordCheck
			if rc == nil || rc.Outcome != decision.AdditionalCheck || len(rc.Evidence) != 1 {
				t.Fatalf("record check %+v, want one piece of evidence", rc)
			}
			ev := rc.Evidence[0]
			if ev.Kind != decision.EvidenceSimilarName || ev.Record == nil || ev.Record.ID != "OLD-7" || ev.Name == nil || ev.Name.Surname != "Иванова" {
				t.Errorf("evidence %+v, want the similar old record OLD-7 against the maiden name", ev)
			}
			if !hasNote(v.notes(officer), app.ID, casework.NoteRecordCheck, "CR-STD-3.1") {
				t.Error("the officers' desk was not told")
			}
			if got, _ := v.e.Get(v.ctx, applicantOf(partyOf(married)), app.ID); got.RecordCheck != nil {
				t.Error("the applicant sees the evidence, which names a record that may be another person's")
			}
		})
		v.rule("CR-STD-5.1 the officer decides the finding and the certificate is issued", func(t *testing.T) {
			_, err := v.try(officer, app, "issue", nil)
			wantErr(t, err, apperr.Invalid, "CR-STD-5.1", "data.finding")
			_, err = v.try(officer, app, "issue", map[string]any{"finding": "maybe"})
			wantErr(t, err, apperr.Invalid, "", "data.finding")
			if got := v.get(app.ID); got.State != casework.StateAdditionalCheck || len(got.Documents) != 0 {
				t.Fatal("a refused issue changed the application")
			}
			app = v.exec(officer, app, "issue", map[string]any{"finding": casework.FindingHasRecord})
			wantState(t, app, casework.StateIssued)
			if len(app.Documents) != 1 || app.Decision.DocumentRef != app.Documents[0].Number || app.Decision.Finding != casework.FindingHasRecord {
				t.Fatalf("decision %+v, documents %+v", app.Decision, app.Documents)
			}
			e, err := reg.Lookup(v.ctx, app.Documents[0].Number)
			if err != nil || e.Signer != officer.Name || e.Holder != "Сейтова Мария Петровна" {
				t.Errorf("e-Register entry %+v (%v), want signed by %s, about Сейтова Мария Петровна", e, err, officer.Name)
			}
		})
	})
}

// TestCriminalRecordThirdPartyWaitsForConsent: a request about another person
// is not put to the registries until that person consents; then it is decided
// on the consent.
func TestCriminalRecordThirdPartyWaitsForConsent(t *testing.T) {
	storetest.Run(t, func(t *testing.T, kind storetest.Engine) {
		t.Parallel()
		v, regs, reg := newAutoEnv(t, kind)
		worker := registryPerson(t, "Нұрланов", "Дәурен", "", date(1990, 7, 7))
		load(t, v.db, []registry.Person{worker}, nil)
		employer := person(t, "Hr")
		var app *casework.Application

		v.rule("CR-STD-8.4 no decision before the consent", func(t *testing.T) {
			app = v.submit(applicantOf(employer), casework.SubmitInput{Service: standard.CriminalRecord, Channel: standard.Portal,
				Applicant: employer, Subject: &casework.Subject{Relation: casework.RelationThirdParty, Person: partyOf(worker)}})
			v.advanceTo(v.clock.Now().Add(time.Hour))
			app = v.get(app.ID)
			wantState(t, app, casework.StateSubmitted)
			if app.RecordCheck != nil || app.Decision != nil {
				t.Fatalf("decided without consent: %+v %+v", app.RecordCheck, app.Decision)
			}
			if reads, err := regs.Audit.Reads(v.ctx, worker.IIN); err != nil || len(reads) != 0 {
				t.Fatalf("the records were read without consent: %+v (%v)", reads, err)
			}
		})
		v.rule("CR-STD-8.4 CR-STD-3.1 decided at once on the consent", func(t *testing.T) {
			v.exec(applicantOf(partyOf(worker)), app, "give-consent", nil)
			v.advanceTo(v.clock.Now().Add(time.Minute))
			app = v.get(app.ID)
			wantCertificate(t, v, reg, app, casework.FindingNoRecord)
			if app.RecordCheck.Basis != decision.BasisConsent || app.RecordCheck.BasisRule != "CR-STD-8.4" {
				t.Errorf("basis %s (%s), want the consent (CR-STD-8.4)", app.RecordCheck.Basis, app.RecordCheck.BasisRule)
			}
			// The certificate is about the worker, and the worker may download it too.
			if _, file, err := v.e.Document(v.ctx, applicantOf(partyOf(worker)), app.ID, app.Documents[0].Number); err != nil || !bytes.HasPrefix(file, []byte("%PDF-")) {
				t.Errorf("the person concerned cannot download the certificate: %v", err)
			}
		})
	})
}

// TestIssuedDocumentDownload: the kept file is the registered one, and only
// who may see the application gets it.
func TestIssuedDocumentDownload(t *testing.T) {
	storetest.Run(t, func(t *testing.T, kind storetest.Engine) {
		t.Parallel()
		v, _, reg := newAutoEnv(t, kind)
		p := registryPerson(t, "Омаров", "Талгат", "", date(1988, 1, 15))
		load(t, v.db, []registry.Person{p}, nil)
		app := v.submit(applicantOf(partyOf(p)), crPortal(partyOf(p)))
		v.advanceTo(v.clock.Now().Add(time.Minute))
		app = v.get(app.ID)
		file := wantCertificate(t, v, reg, app, casework.FindingNoRecord)
		number := app.Documents[0].Number

		v.rule("CR-STD-5.1 staff download the same bytes", func(t *testing.T) {
			_, got, err := v.e.Document(v.ctx, officer, app.ID, number)
			if err != nil || !bytes.Equal(got, file) {
				t.Fatalf("officer's download differs (%v)", err)
			}
		})
		v.rule("CR-STD-8.4 another applicant gets not_found", func(t *testing.T) {
			_, _, err := v.e.Document(v.ctx, applicantOf(person(t, "Stranger")), app.ID, number)
			wantErr(t, err, apperr.NotFound, "", "")
			_, _, err = v.e.Document(v.ctx, applicantOf(partyOf(p)), app.ID, "CR-2026-0000-0000-0")
			wantErr(t, err, apperr.NotFound, "", "number")
		})
	})
}

// TestPapersIssuedWithTheirCommands: with an Issuer, the refusal, the hearing
// notice and the interim reply are signed, registered papers of their
// commands, like the certificate.
func TestPapersIssuedWithTheirCommands(t *testing.T) {
	storetest.Run(t, func(t *testing.T, kind storetest.Engine) {
		t.Parallel()
		v, _, reg := newAutoEnv(t, kind)
		wantPaper := func(t *testing.T, app *casework.Application, form string) {
			t.Helper()
			if len(app.Documents) == 0 || app.Documents[len(app.Documents)-1].Form != form {
				t.Fatalf("documents %+v, want the last one a %s", app.Documents, form)
			}
			doc := app.Documents[len(app.Documents)-1]
			e, err := reg.Lookup(v.ctx, doc.Number)
			if err != nil || e.Form != form || e.SHA256 != doc.SHA256 || e.Application != app.ID {
				t.Fatalf("e-Register entry %+v (%v) for %+v", e, err, doc)
			}
			_, file, err := v.e.Document(v.ctx, applicantOf(app.Applicant), app.ID, doc.Number)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := sign.Verify(file, reg.Roots); err != nil {
				t.Fatalf("%s does not verify: %v", form, err)
			}
		}

		// refuseAfterHearing walks a verified application through the
		// preliminary refusal, the hearing and the refusal; notice is the form
		// of the hearing notice.
		refuseAfterHearing := func(t *testing.T, app *casework.Application, ground, notice, refusal string) *casework.Application {
			t.Helper()
			app = v.exec(officer, app, "preliminary-refusal", map[string]any{"grounds": []string{ground}})
			app = v.exec(officer, app, "schedule-hearing", map[string]any{"at": v.clock.Now().Add(3 * time.Hour), "method": "in-person", "place": "room 12"})
			wantPaper(t, app, notice)
			if app.Decision != nil {
				t.Errorf("a hearing notice made a decision: %+v", app.Decision)
			}
			v.advanceTo(v.clock.Now().Add(4 * time.Hour))
			app = v.exec(officer, app, "hold-hearing", map[string]any{"attended": true})
			app = v.exec(head, app, "refuse", map[string]any{"text": "the seal does not match the specimen"})
			wantPaper(t, app, refusal)
			last := app.Documents[len(app.Documents)-1]
			if app.Decision.DocumentRef != last.Number {
				t.Errorf("decision refers to %q, documents %+v", app.Decision.DocumentRef, app.Documents)
			}
			e, _ := reg.Lookup(v.ctx, last.Number)
			if e.Signer != head.Name || e.Capacity.EN != "Head of department" {
				t.Errorf("refusal signed by %q as %q, want the head", e.Signer, e.Capacity.EN)
			}
			return app
		}

		v.rule("AP-6.4 AP-STD-9 the hearing notice and the motivated refusal", func(t *testing.T) {
			app := v.submit(operator, apInput(person(t, "Seitkali")))
			app = v.exec(operator, app, "accept", nil)
			app = v.exec(officer, app, "register", nil)
			app = v.exec(officer, app, "start-verification", nil)
			app = refuseAfterHearing(t, app, "unreliable", "ap-hearing-notice", "ap-refusal")
			if len(app.Documents) != 2 {
				t.Errorf("documents %+v, want the notice and the refusal", app.Documents)
			}
		})
		v.rule("AR-6.2 AR-STD-9 the archive's hearing notice and refusal", func(t *testing.T) {
			p := person(t, "Tokayeva")
			born := date(1930, 5, 1)
			app := v.submit(applicantOf(p), casework.SubmitInput{Service: standard.ArchivalCertificate, Channel: standard.Portal, Applicant: p,
				Subject: &casework.Subject{Relation: casework.RelationThirdParty, BirthDate: &born,
					Person: casework.Party{Kind: casework.KindIndividual, Surname: "Tokayev", GivenName: "Ermek"}},
				Conditions: []standard.Condition{standard.CondKinshipNotInRegistry}, PickupBranch: "ALM-1",
				Fields: map[string]string{"parents-data": "Tokayev Serik, 1901; Tokayeva Aisha, 1905"}})
			app = v.exec(officer, app, "start-verification", nil)
			refuseAfterHearing(t, app, "non-compliant", "ar-hearing-notice", "ar-refusal")
		})
		v.rule("AC-15-1 the court apostille's hearing notice and refusal", func(t *testing.T) {
			// The next working morning, so that the portal receives the request
			// on the day of its hearing (G-3).
			d := calendar.Default().NextWorkingDay(calendar.DateOf(v.clock.Now()).AddDays(1))
			v.advanceTo(time.Date(d.Year, d.Month, d.Day, 10, 0, 0, 0, calendar.Almaty))
			p := person(t, "Karimov")
			app := v.submit(applicantOf(p), casework.SubmitInput{Service: standard.ApostilleCourt, Channel: standard.Portal, Applicant: p,
				PickupBranch: "KRG-3", Payment: gateway(calendar.DateOf(v.clock.Now())), Documents: provided("document-scan")})
			app = v.exec(officer, app, "start-verification", nil)
			refuseAfterHearing(t, app, "non-compliant", "ac-hearing-notice", "ac-refusal")
		})
		v.rule("CR-STD-3.1 CR-STD-3.4 a subject not in the registry: additional check, then the interim reply", func(t *testing.T) {
			p := person(t, "Unknown")
			app := v.submit(applicantOf(p), crPortal(p))
			v.advanceTo(v.clock.Now().Add(time.Minute))
			app = v.get(app.ID)
			wantState(t, app, casework.StateAdditionalCheck)
			if rc := app.RecordCheck; rc == nil || len(rc.Evidence) != 1 || rc.Evidence[0].Kind != decision.EvidenceNotInRegistry {
				t.Fatalf("record check %+v, want not-in-registry", rc)
			}
			app = v.exec(officer, app, "interim-reply", map[string]any{"text": "the regional records have not answered"})
			wantPaper(t, app, "cr-interim-reply")
		})
	})
}

// TestCriminalRecordOnPowerOfAttorney: at the State Corporation a request
// about another person is decided on that person's notarized power of
// attorney, whose details the operator enters; without them the machine does
// not decide and the desk is told.
func TestCriminalRecordOnPowerOfAttorney(t *testing.T) {
	storetest.Run(t, func(t *testing.T, kind storetest.Engine) {
		t.Parallel()
		v, _, reg := newAutoEnv(t, kind)
		principal := registryPerson(t, "Қасымов", "Бауыржан", "", date(1970, 3, 8))
		load(t, v.db, []registry.Person{principal}, nil)
		agent := person(t, "Agent")
		request := func(fields map[string]string) *casework.Application {
			app := v.submit(operator, casework.SubmitInput{Service: standard.CriminalRecord, Channel: standard.StateCorp, Applicant: agent,
				Subject: &casework.Subject{Relation: casework.RelationThirdParty, Person: partyOf(principal)},
				Branch:  "ALM-1", DepartmentClass: standard.Major, Fields: fields,
				Documents: provided("application", "identity", "subject-power-of-attorney")})
			app = v.exec(operator, app, "accept", nil)
			v.advanceTo(v.clock.Now().Add(time.Minute))
			return v.get(app.ID)
		}

		v.rule("CR-STD-5.2 decided on the notarized power of attorney", func(t *testing.T) {
			app := request(map[string]string{casework.FieldSubjectPOANumber: "POA-12", casework.FieldSubjectPOANotary: "Notary Ivanova",
				casework.FieldSubjectPOAIssuedOn: calendar.DateOf(v.clock.Now()).AddDays(-30).String()})
			wantCertificate(t, v, reg, app, casework.FindingNoRecord)
			if rc := app.RecordCheck; rc.Basis != decision.BasisPOA || rc.BasisRule != "CR-STD-5.2" {
				t.Errorf("basis %s (%s), want the power of attorney (CR-STD-5.2)", rc.Basis, rc.BasisRule)
			}
		})
		v.rule("CR-STD-5.2 without the power of attorney's details the desk decides", func(t *testing.T) {
			app := request(nil)
			wantState(t, app, casework.StateVerification)
			if rc := app.RecordCheck; rc == nil || rc.Outcome != decision.ConsentRequired || rc.Rule != "CR-STD-5.2" || app.Decision != nil {
				t.Fatalf("record check %+v, decision %+v: want consent-required (CR-STD-5.2) and nothing issued", app.RecordCheck, app.Decision)
			}
			if !hasNote(v.notes(officer), app.ID, casework.NoteRecordCheck, "CR-STD-5.2") {
				t.Error("the officers' desk was not told")
			}
		})
		v.rule("CR-STD-8.1 a request the registries cannot be asked (a child without an IIN) is left to the desk", func(t *testing.T) {
			born := calendar.DateOf(v.clock.Now()).AddMonths(-10 * 12)
			app := v.submit(operator, casework.SubmitInput{Service: standard.CriminalRecord, Channel: standard.StateCorp, Applicant: agent,
				Subject: &casework.Subject{Relation: casework.RelationMinorRelative, BirthDate: &born,
					Person: casework.Party{Kind: casework.KindIndividual, Surname: "Agentova", GivenName: "Aru"}},
				Branch: "ALM-1", DepartmentClass: standard.Major, Documents: provided("application", "identity", "birth-certificate")})
			app = v.exec(operator, app, "accept", nil)
			v.advanceTo(v.clock.Now().Add(time.Minute))
			app = v.get(app.ID)
			wantState(t, app, casework.StateVerification)
			if rc := app.RecordCheck; rc == nil || rc.Outcome != casework.RecordUndecided || rc.Reason.EN == "" {
				t.Fatalf("record check %+v, want undecided with the reason", rc)
			}
			if !hasNote(v.notes(officer), app.ID, casework.NoteRecordCheck, "CR-STD-3.1") {
				t.Error("the officers' desk was not told")
			}
		})
	})
}
