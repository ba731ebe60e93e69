package casework_test

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"qyzmet/internal/apperr"
	"qyzmet/internal/calendar"
	"qyzmet/internal/casework"
	"qyzmet/internal/eregister"
	"qyzmet/internal/eregister/eregistertest"
	"qyzmet/internal/pdf/pdftest"
	"qyzmet/internal/registry"
	"qyzmet/internal/registry/sqlstore"
	"qyzmet/internal/sign"
	"qyzmet/internal/standard"
	"qyzmet/internal/store"
	"qyzmet/internal/store/storetest"
)

// paperEnv is an engine that issues papers, the e-Register that trusts its
// demonstration CA, and an NSS database for pdfsig that trusts it too.
type paperEnv struct {
	*env
	reg *eregister.Register
	nss string
}

func newPaperEnv(t *testing.T, kind storetest.Engine, start time.Time) *paperEnv {
	t.Helper()
	pdftest.Tool(t, "pdfsig")
	pdftest.Tool(t, "pdftotext")
	pdftest.Tool(t, "certutil")
	v, _, reg, pki := newIssuingEnv(t, kind, start)
	return &paperEnv{env: v, reg: reg, nss: eregistertest.NSSTrusting(t, filepath.Join(pki, sign.DemoCAFile))}
}

// wantPaper checks that the application's last document is a form: registered
// in the e-Register for the application with the same SHA-256, its PDF valid
// in pdfsig, and its text holding every one of texts. It returns the document.
func (v *paperEnv) wantPaper(t *testing.T, app *casework.Application, form string, texts ...string) casework.IssuedDocument {
	t.Helper()
	if len(app.Documents) == 0 || app.Documents[len(app.Documents)-1].Form != form {
		t.Fatalf("documents %+v, want the last one a %s", app.Documents, form)
	}
	doc := app.Documents[len(app.Documents)-1]
	e, err := v.reg.Lookup(v.ctx, doc.Number)
	if err != nil || e.Form != form || e.SHA256 != doc.SHA256 || e.Application != app.ID {
		t.Fatalf("e-Register entry %+v (%v) for %+v", e, err, doc)
	}
	_, file, err := v.e.Document(v.ctx, admin, app.ID, doc.Number)
	if err != nil {
		t.Fatal(err)
	}
	if ok, report := eregistertest.PdfsigValid(t, v.nss, file); !ok {
		t.Fatalf("pdfsig does not validate %s:\n%s", doc.Number, report)
	}
	out, ok := pdftest.Run(t, "pdftotext", "-raw", "-enc", "UTF-8", pdftest.WriteFile(t, doc.Number+".pdf", file), "-")
	if !ok {
		t.Fatalf("pdftotext: %s", out)
	}
	got := strings.Join(strings.Fields(out), " ")
	for _, want := range texts {
		if !strings.Contains(got, want) {
			t.Errorf("%s lacks %q:\n%s", form, want, got)
		}
	}
	return doc
}

// wantSigner checks who signed a document, as the e-Register holds it.
func (v *paperEnv) wantSigner(t *testing.T, number, signer, capacity string) {
	t.Helper()
	e, err := v.reg.Lookup(v.ctx, number)
	if err != nil || e.Signer != signer || e.Capacity.EN != capacity {
		t.Errorf("%s signed by %q as %q (%v), want %q as %q", number, e.Signer, e.Capacity.EN, err, signer, capacity)
	}
}

// dotted is a date as the papers print it.
func dotted(d calendar.Date) string { return fmt.Sprintf("%02d.%02d.%d", d.Day, d.Month, d.Year) }

// seed writes registry rows in one transaction.
func seed(t *testing.T, db *store.DB, write func(ctx context.Context, tx *store.Tx) error) {
	t.Helper()
	if err := db.Tx(context.Background(), func(tx *store.Tx) error { return write(context.Background(), tx) }); err != nil {
		t.Fatal(err)
	}
}

// TestHearingNotBeforeReceipt_AP_6_4_AR_6_2_G_3: a portal request made after
// working hours is received the next working morning; the hearing of its
// preliminary refusal cannot be set, nor held, before that moment.
func TestHearingNotBeforeReceipt_AP_6_4_AR_6_2_G_3(t *testing.T) {
	storetest.Run(t, func(t *testing.T, kind storetest.Engine) {
		t.Parallel()
		v := newEnv(t, kind, at(2026, 4, 10, 20, 0)) // Friday evening
		p := person(t, "Tokayeva")
		born := date(1930, 5, 1)
		app := v.submit(applicantOf(p), casework.SubmitInput{Service: standard.ArchivalCertificate, Channel: standard.Portal, Applicant: p,
			Subject: &casework.Subject{Relation: casework.RelationThirdParty, BirthDate: &born,
				Person: casework.Party{Kind: casework.KindIndividual, Surname: "Tokayev", GivenName: "Ermek"}},
			Conditions: []standard.Condition{standard.CondKinshipNotInRegistry}, PickupBranch: "ALM-1",
			Fields: map[string]string{"parents-data": "Tokayev Serik, 1901"}})
		received := at(2026, 4, 13, 9, 0)
		if !app.ReceivedAt.Equal(received) {
			t.Fatalf("received at %v, want the Monday opening %v (G-3)", app.ReceivedAt, received)
		}
		v.advanceTo(at(2026, 4, 11, 10, 0)) // Saturday: an officer works ahead
		app = v.exec(officer, app, "start-verification", nil)
		app = v.exec(officer, app, "preliminary-refusal", map[string]any{"grounds": []string{"non-compliant"}})
		_, err := v.try(officer, app, "schedule-hearing", map[string]any{"at": at(2026, 4, 11, 15, 0), "method": "in-person", "place": "room 12"})
		wantErr(t, err, apperr.Invalid, "G-3", "data.at")
		if got := v.get(app.ID); got.State != casework.StatePreliminaryRefusal || got.Hearing.At != nil {
			t.Fatalf("a refused hearing changed the application: %s, %+v", got.State, got.Hearing)
		}
		app = v.exec(officer, app, "schedule-hearing", map[string]any{"at": received.Add(time.Hour), "method": "in-person", "place": "room 12"})
		wantState(t, app, casework.StateHearingScheduled)
	})
}

// TestIntakeReceipts_AC_12_AC_15: at the State Corporation the court
// apostille's package is accepted against a signed receipt (AC-12), or refused
// with the receipt listing what is missing (AC-15, form AC-F2); the
// prosecution apostille's standard gives no such receipt.
func TestIntakeReceipts_AC_12_AC_15(t *testing.T) {
	storetest.Run(t, func(t *testing.T, kind storetest.Engine) {
		t.Parallel()
		v := newPaperEnv(t, kind, nextWorkingMorning())
		desk := casework.Actor{ID: "op-almaly", Role: casework.RoleOperator, Branch: "almaty-almaly", Name: "Нұрпейісова Гүлнар"}
		court := func(docs ...string) casework.SubmitInput {
			return casework.SubmitInput{Service: standard.ApostilleCourt, Channel: standard.StateCorp, Applicant: person(t, "Zhumabay"),
				Branch: "almaty-almaly", DepartmentClass: standard.Major, Documents: provided(docs...),
				Payment: gateway(calendar.DateOf(v.clock.Now()))}
		}
		v.rule("AC-12 the acceptance receipt", func(t *testing.T) {
			app := v.submit(desk, court("application", "identity", "court-document"))
			app = v.exec(desk, app, "accept", nil)
			doc := v.wantPaper(t, app, "acceptance-receipt", app.ID, "Апостилирование официальных документов, исходящих из судебных органов",
				"Нұрпейісова Гүлнар", "Отдел Алмалинского района г. Алматы, Алматы қ., Абылай хан даңғ., 91",
				"официальный документ, исходящий из судебных органов", dotted(app.DeadlineOn))
			v.wantSigner(t, doc.Number, desk.Name, "State Corporation employee")
			if app.Decision != nil {
				t.Errorf("a receipt made a decision: %+v", app.Decision)
			}
			if evs := v.eventTypes(app.ID); evs[len(evs)-1] != "document" {
				t.Errorf("events %v, want the document after the acceptance", evs)
			}
		})
		v.rule("AC-15 AC-F2 the receipt of refusal to accept lists the missing documents", func(t *testing.T) {
			app := v.submit(desk, court("application", "identity"))
			app = v.exec(desk, app, "refuse-at-intake", nil)
			v.wantPaper(t, app, "ac-refusal-receipt", "Zhumabay Aigerim", "отдел № 3 филиала Государственной корпорации по адресу: Алматы қ., Абылай хан даңғ., 91",
				"1) официальный документ, исходящий из судебных органов", "Нұрпейісова Гүлнар")
		})
		v.rule("AC-12 a standard without the receipt issues none", func(t *testing.T) {
			in := apInput(person(t, "Seitkali"))
			in.Branch = "almaty-almaly"
			app := v.exec(desk, v.submit(desk, in), "accept", nil)
			if len(app.Documents) != 0 {
				t.Errorf("documents %+v: AP-STD-8 names no acceptance receipt", app.Documents)
			}
		})
	})
}

// TestComplaintPapers_CP_7_AC_18_AC_19: a complaint is registered with a
// signed talon (CP-7, AC-18) and answered with a signed motivated reply, which
// the decision refers to (CP-7, AC-19).
func TestComplaintPapers_CP_7_AC_18_AC_19(t *testing.T) {
	storetest.Run(t, func(t *testing.T, kind storetest.Engine) {
		t.Parallel()
		v := newPaperEnv(t, kind, nextWorkingMorning())
		p := person(t, "Bekova")
		about := v.submit(applicantOf(p), crPortal(p))
		var c *casework.Application
		v.rule("CP-7 AC-18 the talon", func(t *testing.T) {
			c = v.complain(applicantOf(p), complaintInput(about.ID, p, casework.AddresseeProvider))
			doc := v.wantPaper(t, c, "complaint-talon", c.Number, about.ID, "Bekova Aigerim",
				"Портал «электронного правительства» (автоматическая регистрация)", dotted(c.DeadlineOn),
				"По электронной почте: Bekova@example.kz", "1414")
			v.wantSigner(t, doc.Number, "Qyzmet Demo Provider (not for real documents)", "Issued automatically (the provider's electronic signature)")
		})
		v.rule("CP-7 AC-19 the motivated reply", func(t *testing.T) {
			c = v.exec(head, c, "forward", map[string]any{"text": "with the case file"})
			c = v.exec(reviewer, c, "reply", map[string]any{"outcome": "upheld", "text": "The certificate was issued late; the officer is warned."})
			doc := v.wantPaper(t, c, "complaint-reply", c.Number, "Жалоба признана обоснованной",
				"The certificate was issued late; the officer is warned.", "уполномоченный орган по оценке и контролю")
			if c.Decision.DocumentRef != doc.Number || len(c.Documents) != 2 {
				t.Errorf("decision refers to %q, documents %+v", c.Decision.DocumentRef, c.Documents)
			}
			v.wantSigner(t, doc.Number, reviewer.ID, "Complaints officer")
		})
		v.rule("CP-2 CP-7 satisfied by the provider: the reply says so", func(t *testing.T) {
			s := v.complain(applicantOf(p), complaintInput(about.ID, p, casework.AddresseeProvider))
			s = v.exec(head, s, "satisfy", map[string]any{"text": "The certificate is reissued today."})
			doc := v.wantPaper(t, s, "complaint-reply", "Жалоба полностью удовлетворена обжалуемым услугодателем",
				"The certificate is reissued today.")
			if s.Decision.DocumentRef != doc.Number {
				t.Errorf("decision refers to %q, want %s", s.Decision.DocumentRef, doc.Number)
			}
		})
	})
}

// Specimens of signatures and seals, and a card of the index.
var (
	prosecutor = registry.Signatory{ID: "SIG-AP-1", Name: registry.Name{Surname: "Серікбаев", GivenName: "Нұрлан", Patronymic: "Асқарұлы"},
		Position: "Алматы қаласы прокурорының орынбасары", Body: "Алматы қаласының прокуратурасы", BodyKind: registry.Prosecution,
		SealID: "PR-02-001", ValidFrom: calendar.D(2020, 1, 1)}
	judge = registry.Signatory{ID: "SIG-AC-1", Name: registry.Name{Surname: "Тұрсынбаев", GivenName: "Әділ", Patronymic: "Ғаниұлы"},
		Position: "Судья", Body: "Алматы қаласы Медеу аудандық соты", BodyKind: registry.Court,
		SealID: "SUD-75-11", ValidFrom: calendar.D(2019, 6, 1)}
	settler = registry.Card{ID: "KZ-SP-1941-00077", Name: registry.Name{Surname: "Tokayev", GivenName: "Serik"}, Sex: registry.Male,
		BirthYear: 1901, BirthPlace: "Саратов облысы", Nationality: "неміс", FromRegion: "Поволжье", ToRegion: "Қарағанды облысы",
		ResettledOn: calendar.D(1941, 9, 15), ReleasedOn: calendar.D(1956, 1, 10), ReleaseBasis: "КСРО ІІМ-нің 1955 жылғы бұйрығы",
		Children: []registry.CardChild{{Name: registry.Name{Surname: "Tokayev", GivenName: "Ermek"}, BirthYear: 1930}}}
)

// officialDocument is the issue command's apostille data for a specimen.
func officialDocument(s registry.Signatory, seal, name, number string) map[string]any {
	return map[string]any{"signer": s.Name, "position": s.Position, "body": s.Body, "seal_id": seal,
		"signed_on": "2026-03-02", "document": name, "document_number": number, "pages": 2}
}

// TestApostilleAllonge_AP_6_2_AP_6_3_AC_6: the apostille is issued only on a
// document that agrees with a specimen in every point; the allonge certifies
// the specimen's signer, capacity and seal, and the application keeps the
// verification.
func TestApostilleAllonge_AP_6_2_AP_6_3_AC_6(t *testing.T) {
	storetest.Run(t, func(t *testing.T, kind storetest.Engine) {
		t.Parallel()
		v := newPaperEnv(t, kind, nextWorkingMorning())
		seed(t, v.db, func(ctx context.Context, tx *store.Tx) error {
			return sqlstore.UpsertSignatories(ctx, tx, []registry.Signatory{prosecutor, judge})
		})
		v.rule("AP-6.2 AP-6.3 the prosecution apostille", func(t *testing.T) {
			app := v.submit(operator, apInput(person(t, "Seitkali")))
			app = v.exec(operator, app, "accept", nil)
			app = v.exec(officer, app, "register", nil)
			app = v.exec(officer, app, "start-verification", nil)
			_, err := v.try(head, app, "issue", nil)
			wantErr(t, err, apperr.Invalid, "", "data.apostille")
			_, err = v.try(head, app, "issue", map[string]any{"apostille": officialDocument(prosecutor, " ", "", "17/2026")})
			wantErr(t, err, apperr.Invalid, "", "data.apostille.seal_id")
			_, err = v.try(head, app, "issue", map[string]any{"apostille": officialDocument(prosecutor, "PR-02-999", "", "17/2026")})
			wantErr(t, err, apperr.Invalid, "AP-6.2", "data.apostille.seal_id")
			if got := v.get(app.ID); got.State != casework.StateVerification || got.Apostille != nil || len(got.Documents) != 0 {
				t.Fatalf("a document that does not agree changed the application: %s %+v %+v", got.State, got.Apostille, got.Documents)
			}
			app = v.exec(head, app, "issue", map[string]any{"apostille": officialDocument(prosecutor, "pr-02-001", "", "17/2026")})
			wantState(t, app, casework.StateIssued)
			doc := v.wantPaper(t, app, "ap-apostille", "APOSTILLE", "Республика Казахстан", "Серікбаев Нұрлан Асқарұлы",
				prosecutor.Position, prosecutor.Body, "Resolution No. 17 of the Almaty prosecutor, № 17/2026, 02.03.2026", app.Decision.DocumentRef)
			if app.Decision.DocumentRef != doc.Number {
				t.Errorf("decision refers to %q, want %s", app.Decision.DocumentRef, doc.Number)
			}
			k := app.Apostille
			if k == nil || k.SpecimenID != prosecutor.ID || k.SealID != prosecutor.SealID || k.Rule != "AP-6.2" || k.Pages != 2 {
				t.Errorf("verification kept %+v, want specimen %s", k, prosecutor.ID)
			}
			v.wantSigner(t, doc.Number, head.Name, "Head of department")
		})
		v.rule("AC-6 AC-15-1 the court apostille", func(t *testing.T) {
			p := person(t, "Karimov")
			app := v.submit(applicantOf(p), casework.SubmitInput{Service: standard.ApostilleCourt, Channel: standard.Portal, Applicant: p,
				PickupBranch: "KRG-3", Payment: gateway(calendar.DateOf(v.clock.Now())), Documents: provided("document-scan")})
			app = v.exec(officer, app, "start-verification", nil)
			_, err := v.try(officer, app, "issue", map[string]any{"apostille": officialDocument(prosecutor, prosecutor.SealID, "Шешім", "1")})
			wantErr(t, err, apperr.Invalid, "AC-15-1", "data.apostille.body")
			// The desk may keep the document's data among the application's fields.
			fields := map[string]string{"signer_surname": "ТҰРСЫНБАЕВ", "signer_given_name": "Әділ", "signer_patronymic": "Ғаниұлы",
				"signer_position": "судья", "signer_body": judge.Body, "seal_id": "SUD-75-12", "signed_on": "2026-03-02",
				"document": "Копия решения суда о расторжении брака"}
			_, err = v.try(officer, app, "issue", map[string]any{"fields": fields})
			wantErr(t, err, apperr.Invalid, "AC-15-1", "data.fields.seal_id")
			fields["seal_id"] = judge.SealID
			app = v.exec(officer, app, "issue", map[string]any{"fields": fields})
			v.wantPaper(t, app, "ac-apostille", "Тұрсынбаев Әділ Ғаниұлы", "Судья", judge.Body, "Копия решения суда о расторжении брака")
			if app.Apostille == nil || app.Apostille.SpecimenID != judge.ID {
				t.Errorf("verification kept %+v, want specimen %s", app.Apostille, judge.ID)
			}
		})
	})
}

// TestArchivalAnswers_AR_6_4_AR_STD_5_AR_6_1: the archival certificate is
// drawn from the card the archivist names — a child resettled under 16 from
// the parent's card (AR-6.1) — and the no-data reply names the person sought.
func TestArchivalAnswers_AR_6_4_AR_STD_5_AR_6_1(t *testing.T) {
	storetest.Run(t, func(t *testing.T, kind storetest.Engine) {
		t.Parallel()
		v := newPaperEnv(t, kind, nextWorkingMorning())
		seed(t, v.db, func(ctx context.Context, tx *store.Tx) error {
			return sqlstore.UpsertCards(ctx, tx, []registry.Card{settler})
		})
		request := func(surname, given string, born calendar.Date) *casework.Application {
			p := person(t, "Tokayeva")
			app := v.submit(applicantOf(p), casework.SubmitInput{Service: standard.ArchivalCertificate, Channel: standard.Portal, Applicant: p,
				Subject: &casework.Subject{Relation: casework.RelationThirdParty, BirthDate: &born,
					Person: casework.Party{Kind: casework.KindIndividual, Surname: surname, GivenName: given}},
				Conditions: []standard.Condition{standard.CondKinshipNotInRegistry}, PickupBranch: "ALM-1",
				Fields: map[string]string{"parents-data": "Tokayev Serik, 1901"}})
			return v.exec(officer, app, "start-verification", nil)
		}
		v.rule("AR-6.4 AR-6.1 the certificate from the parent's card", func(t *testing.T) {
			app := request("Tokayev", "Ermek", date(1930, 5, 1))
			_, err := v.try(head, app, "issue", nil)
			wantErr(t, err, apperr.Invalid, "", "data.card_id")
			_, err = v.try(head, app, "issue", map[string]any{"card_id": "KZ-SP-0000-00000"})
			wantErr(t, err, apperr.Invalid, "AR-6.3", "data.card_id")
			app = v.exec(head, app, "issue", map[string]any{"card_id": settler.ID})
			v.wantPaper(t, app, "ar-certificate", "Tokayev Ermek", "1930", "Записан(а) в карточке родителя (Tokayev Serik)",
				"Қарағанды облысы", "15.09.1941", "10.01.1956", settler.ID, app.Number)
			if app.Decision.CardID != settler.ID || app.Decision.DocumentRef != app.Documents[0].Number {
				t.Errorf("decision %+v, want card %s and the certificate", app.Decision, settler.ID)
			}
		})
		v.rule("AR-6.4 the card kept among the application's fields", func(t *testing.T) {
			app := request("Tokayev", "Serik", date(1901, 3, 1))
			app = v.exec(head, app, "issue", map[string]any{"fields": map[string]string{"card_id": settler.ID}})
			v.wantPaper(t, app, "ar-certificate", "Tokayev Serik", "1901", "Саратов облысы", "Tokayev Ermek (1930)")
		})
		v.rule("AR-STD-5 AR-6.4 the no-data reply, electronically as chosen", func(t *testing.T) {
			app := request("Nurlanov", "Asan", date(1915, 1, 1))
			_, err := v.try(head, app, "issue", map[string]any{"result": "no-data-reply", "card_id": settler.ID})
			wantErr(t, err, apperr.Invalid, "AR-STD-5", "data.card_id")
			app = v.exec(head, app, "issue", map[string]any{"result": "no-data-reply", "medium": "electronic"})
			v.wantPaper(t, app, "ar-no-data", "Nurlanov Asan", "1915", "Сведения в отношении указанного лица не обнаружены",
				"Ответ направлен в «личный кабинет» портала")
		})
	})
}
