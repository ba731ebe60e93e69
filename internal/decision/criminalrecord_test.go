package decision_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"qyzmet/internal/apperr"
	"qyzmet/internal/calendar"
	"qyzmet/internal/decision"
	"qyzmet/internal/registry"
	"qyzmet/internal/standard"
)

// now is Monday 2 March 2026, 10:00 in Astana.
var now = time.Date(2026, 3, 2, 5, 0, 0, 0, time.UTC)

func name(s, g, p string) registry.Name {
	return registry.Name{Surname: s, GivenName: g, Patronymic: p}
}

// The people of the tests (valid IINs).
var (
	father = registry.Person{IIN: "880315300014", Name: name("Ахметов", "Серік", "Болатұлы"), Sex: registry.Male,
		BirthDate: calendar.D(1988, 3, 15)}
	mother = registry.Person{IIN: "900704400011", Name: name("Ахметова", "Анна", "Петровна"), Sex: registry.Female,
		BirthDate: calendar.D(1990, 7, 4), FormerNames: []registry.NameChange{
			{Name: name("Иванова", "Анна", "Петровна"), ChangedOn: calendar.D(2012, 5, 19), Reason: "заключение брака"}}}
	son = registry.Person{IIN: "150101500011", Name: name("Ахметов", "Данияр", "Серікұлы"), Sex: registry.Male,
		BirthDate: calendar.D(2015, 1, 1), FatherIIN: father.IIN, MotherIIN: mother.IIN}
	kurmanov = registry.Person{IIN: "751120300010", Name: name("Құрманов", "Ерлан", "Серікұлы"), Sex: registry.Male,
		BirthDate: calendar.D(1975, 11, 20)}
	// namesake is another Құрманов Ерлан born the same day, without a patronymic.
	namesake = registry.Person{IIN: "751120300020", Name: name("Құрманов", "Ерлан", ""), Sex: registry.Male,
		BirthDate: calendar.D(1975, 11, 20)}
	// adult is a grown-up daughter of the Akhmetovs... of another family, born 1999.
	adult = registry.Person{IIN: "990909300016", Name: name("Ахметов", "Бауыржан", "Серікұлы"), Sex: registry.Male,
		BirthDate: calendar.D(1999, 9, 9), FatherIIN: father.IIN}
)

func conviction(id, iin string, n registry.Name, born, on, expunged calendar.Date) registry.Conviction {
	return registry.Conviction{ID: id, IIN: iin, Name: n, BirthDate: born, Article: "ст. 188 ч. 2 УК РК", Court: "суд",
		ConvictedOn: on, Sentence: "2 года ограничения свободы", ExpungedOn: expunged}
}

// fixture is a registry with the people above and their records.
func fixture() *registries {
	return &registries{
		persons: []registry.Person{father, mother, son, kurmanov, adult},
		records: []registry.Conviction{
			// Father: one expunged, one in force.
			conviction("F-OLD", father.IIN, father.Name, father.BirthDate, calendar.D(2008, 1, 10), calendar.D(2011, 1, 10)),
			conviction("F-NOW", father.IIN, father.Name, father.BirthDate, calendar.D(2024, 6, 1), calendar.D(2029, 6, 1)),
			// Mother: an old record without IIN under her maiden name, in force (expunged 2027).
			conviction("M-MAIDEN", "", name("ИВАНОВА", "Анна", "Петровна"), mother.BirthDate, calendar.D(2009, 3, 3), calendar.D(2027, 1, 1)),
			// Құрманов: an old record written in the Russian rendering, in force.
			conviction("K-OLD", "", name("Курманов", "Ерлан", "Серикович"), kurmanov.BirthDate, calendar.D(1996, 2, 2), calendar.Date{}),
		},
		payments: map[string]registry.Payment{},
	}
}

func checker(r *registries) *decision.CriminalRecords {
	return &decision.CriminalRecords{Persons: r, Records: records{r}, Audit: r, Clock: func() time.Time { return now }}
}

func request(applicant string, rel decision.Relation, subject decision.Subject) decision.CriminalRecordRequest {
	return decision.CriminalRecordRequest{
		ApplicationID: "A-1", Actor: decision.Actor{ID: "system", Role: "system"}, Purpose: "criminal-record certificate",
		Channel: standard.Portal, ApplicantIIN: applicant, Relation: rel, Subject: subject,
	}
}

func self(p registry.Person) decision.CriminalRecordRequest {
	return request(p.IIN, decision.Self, decision.Subject{IIN: p.IIN})
}

func ids(cs []registry.Conviction) string {
	var s []string
	for _, c := range cs {
		s = append(s, c.ID)
	}
	return strings.Join(s, ",")
}

func evidenceKinds(es []decision.Evidence) string {
	var s []string
	for _, e := range es {
		s = append(s, string(e.Kind))
	}
	return strings.Join(s, ",")
}

func TestCriminalRecordDecision(t *testing.T) {
	consent := &decision.Consent{SubjectIIN: mother.IIN, Method: decision.ConsentOTP, GivenOn: calendar.D(2026, 3, 2)}
	poa := &decision.POA{Number: "№ 1234", Notary: "Нотариус г. Алматы Сейтова А.", PrincipalIIN: kurmanov.IIN,
		AgentIIN: father.IIN, IssuedOn: calendar.D(2025, 12, 1), ValidUntil: calendar.D(2026, 12, 1)}
	tests := []struct {
		name     string
		req      decision.CriminalRecordRequest
		edit     func(*registries)
		outcome  decision.Outcome
		rule     string
		basis    decision.Basis
		records  string // IDs in force
		evidence string // kinds
	}{
		{name: "CR-STD-3.1 IIN with a conviction in force: has a record, the expunged one left out",
			req: self(father), outcome: decision.HasRecord, rule: "CR-STD-3.1", basis: decision.BasisSelf, records: "F-NOW"},
		{name: "CR-STD-3.1 IIN without convictions: has no record", req: self(son),
			outcome: decision.NoRecord, rule: "CR-STD-3.1", basis: decision.BasisSelf},
		{name: "CR-STD-3.1 every conviction expunged or removed: has no record", req: self(father),
			edit: func(r *registries) {
				r.records[1].ExpungedOn = calendar.D(2026, 3, 2) // expunged today
				r.records = append(r.records, registry.Conviction{ID: "F-REMOVED", IIN: father.IIN, Name: father.Name,
					BirthDate: father.BirthDate, Article: "ст. 190", Court: "суд", ConvictedOn: calendar.D(2025, 1, 1),
					Sentence: "лишение свободы 3 года", ExpungedOn: calendar.D(2034, 1, 1), RemovedOn: calendar.D(2026, 1, 15)})
			},
			outcome: decision.NoRecord, rule: "CR-STD-3.1"},
		{name: "CR-STD-8.2 name change: an old record under the maiden name is hers", req: self(mother),
			outcome: decision.HasRecord, rule: "CR-STD-3.1", records: "M-MAIDEN"},
		{name: "CR-STD-8.2 an old record in the Russian rendering of a Kazakh name", req: self(kurmanov),
			outcome: decision.HasRecord, rule: "CR-STD-3.1", records: "K-OLD"},
		{name: "CR-STD-8.2 a former name the registry lacks, declared with a document",
			req: func() decision.CriminalRecordRequest {
				r := self(son)
				r.Subject.DeclaredFormerNames = []registry.Name{name("Смагулов", "Данияр", "")}
				return r
			}(),
			edit: func(r *registries) {
				r.records = append(r.records, conviction("S-OLD", "", name("Смагулов", "Данияр", ""), son.BirthDate, calendar.D(2025, 9, 1), calendar.D(2027, 9, 1)))
			},
			outcome: decision.HasRecord, rule: "CR-STD-3.1", records: "S-OLD"},
		{name: "CR-STD-8.2 without the declared name the same record is not the subject's", req: self(son),
			edit: func(r *registries) {
				r.records = append(r.records, conviction("S-OLD", "", name("Смагулов", "Данияр", ""), son.BirthDate, calendar.D(2025, 9, 1), calendar.D(2027, 9, 1)))
			},
			outcome: decision.NoRecord, rule: "CR-STD-3.1"},
		{name: "CR-STD-3.1 ambiguous: a namesake born the same day goes to the additional check", req: self(kurmanov),
			edit:    func(r *registries) { r.persons = append(r.persons, namesake) },
			outcome: decision.AdditionalCheck, rule: "CR-STD-3.1", evidence: "namesake"},
		{name: "CR-STD-3.1 ambiguous: a name one letter apart goes to the additional check", req: self(father),
			edit: func(r *registries) {
				r.records = append(r.records, conviction("F-TYPO", "", name("Ахмедов", "Серик", "Болатович"), father.BirthDate, calendar.D(2005, 1, 1), calendar.Date{}))
			},
			outcome: decision.AdditionalCheck, rule: "CR-STD-3.1", evidence: "similar-name"},
		{name: "CR-STD-3.1 ambiguous: a record without a patronymic", req: self(father),
			edit: func(r *registries) {
				r.records = append(r.records, conviction("F-NOPATR", "", name("Ахметов", "Серик", ""), father.BirthDate, calendar.D(2005, 1, 1), calendar.Date{}))
			},
			outcome: decision.AdditionalCheck, rule: "CR-STD-3.1", evidence: "similar-name"},
		{name: "CR-STD-3.1 ambiguous: the IIN is not in the person registry",
			req: self(registry.Person{IIN: "620228400015"}), outcome: decision.AdditionalCheck, rule: "CR-STD-3.1", evidence: "not-in-registry"},
		{name: "CR-STD-3.1 ambiguous: the request's date of birth is not the registry's",
			req:     request(father.IIN, decision.Self, decision.Subject{IIN: father.IIN, BirthDate: calendar.D(1988, 3, 16)}),
			outcome: decision.AdditionalCheck, rule: "CR-STD-3.1", evidence: "registry-differs"},
		{name: "CR-STD-3.1 a subject without an IIN found by name and date of birth",
			req:     request("", decision.Self, decision.Subject{Name: name("Ахметова", "Анна", "Петровна"), BirthDate: mother.BirthDate}),
			outcome: decision.HasRecord, rule: "CR-STD-3.1", basis: decision.BasisSelf, records: "M-MAIDEN"},
		{name: "CR-STD-3.1 a subject without an IIN who fits two persons",
			req:     request("", decision.Self, decision.Subject{Name: name("Құрманов", "Ерлан", ""), BirthDate: kurmanov.BirthDate}),
			edit:    func(r *registries) { r.persons = append(r.persons, namesake) },
			outcome: decision.AdditionalCheck, rule: "CR-STD-3.1", evidence: "several-persons,similar-name"},

		{name: "CR-STD-8.4 another person's e-request with consent by OTP",
			req: func() decision.CriminalRecordRequest {
				r := request(father.IIN, decision.ThirdParty, decision.Subject{IIN: mother.IIN})
				r.Consent = consent
				return r
			}(),
			outcome: decision.HasRecord, rule: "CR-STD-3.1", basis: decision.BasisConsent, records: "M-MAIDEN"},
		{name: "CR-STD-8.4 another person's e-request without consent",
			req: request(father.IIN, decision.ThirdParty, decision.Subject{IIN: mother.IIN}), outcome: decision.ConsentRequired, rule: "CR-STD-8.4"},
		{name: "CR-STD-8.4 consent of somebody else does not count",
			req: func() decision.CriminalRecordRequest {
				r := request(father.IIN, decision.ThirdParty, decision.Subject{IIN: kurmanov.IIN})
				r.Consent = consent
				return r
			}(),
			outcome: decision.ConsentRequired, rule: "CR-STD-8.4"},
		{name: "CR-STD-8.4 consent dated tomorrow does not count",
			req: func() decision.CriminalRecordRequest {
				r := request(father.IIN, decision.ThirdParty, decision.Subject{IIN: mother.IIN})
				c := *consent
				c.GivenOn = calendar.D(2026, 3, 3)
				r.Consent = &c
				return r
			}(),
			outcome: decision.ConsentRequired, rule: "CR-STD-8.4"},
		{name: "CR-STD-8.4 consent is for e-requests: at the State Corporation it is not enough",
			req: func() decision.CriminalRecordRequest {
				r := request(father.IIN, decision.ThirdParty, decision.Subject{IIN: mother.IIN})
				r.Channel, r.Consent = standard.StateCorp, consent
				return r
			}(),
			outcome: decision.ConsentRequired, rule: "CR-STD-5.2"},
		{name: "CR-STD-5.2 another person on a notarized POA",
			req: func() decision.CriminalRecordRequest {
				r := request(father.IIN, decision.ThirdParty, decision.Subject{IIN: kurmanov.IIN})
				r.Channel, r.POA = standard.StateCorp, poa
				return r
			}(),
			outcome: decision.HasRecord, rule: "CR-STD-3.1", basis: decision.BasisPOA, records: "K-OLD"},
		{name: "CR-STD-5.2 an expired POA",
			req: func() decision.CriminalRecordRequest {
				r := request(father.IIN, decision.ThirdParty, decision.Subject{IIN: kurmanov.IIN})
				p := *poa
				p.ValidUntil = calendar.D(2026, 3, 1)
				r.Channel, r.POA = standard.StateCorp, &p
				return r
			}(),
			outcome: decision.ConsentRequired, rule: "CR-STD-5.2"},
		{name: "CR-STD-5.2 a POA to somebody else",
			req: func() decision.CriminalRecordRequest {
				r := request(mother.IIN, decision.ThirdParty, decision.Subject{IIN: kurmanov.IIN})
				r.Channel, r.POA = standard.StateCorp, poa
				return r
			}(),
			outcome: decision.ConsentRequired, rule: "CR-STD-5.2"},
		{name: "CR-STD-8.1 a parent asks about a minor child the registry links",
			req: request(mother.IIN, decision.MinorRelative, decision.Subject{IIN: son.IIN}), outcome: decision.NoRecord, rule: "CR-STD-3.1", basis: decision.BasisParent},
		{name: "CR-STD-8.1 a child the registry does not link needs the birth certificate",
			req:     request(kurmanov.IIN, decision.MinorRelative, decision.Subject{IIN: son.IIN}),
			outcome: decision.ConsentRequired, rule: "CR-STD-8.4"},
		{name: "CR-STD-8.1 with the birth certificate",
			req: func() decision.CriminalRecordRequest {
				r := request(kurmanov.IIN, decision.MinorRelative, decision.Subject{IIN: son.IIN})
				r.BirthCertificate = true
				return r
			}(),
			outcome: decision.NoRecord, rule: "CR-STD-3.1", basis: decision.BasisParent},
		{name: "CR-STD-8.1 an adult child is another person: consent needed",
			req: request(father.IIN, decision.MinorRelative, decision.Subject{IIN: adult.IIN}), outcome: decision.ConsentRequired, rule: "CR-STD-8.4"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := fixture()
			if tt.edit != nil {
				tt.edit(r)
			}
			d, err := checker(r).Decide(context.Background(), tt.req)
			if err != nil {
				t.Fatal(err)
			}
			if d.Outcome != tt.outcome || d.Rule != tt.rule || ids(d.Convictions) != tt.records || evidenceKinds(d.Evidence) != tt.evidence {
				t.Errorf("got %s (%s) records %q evidence %q; want %s (%s) records %q evidence %q",
					d.Outcome, d.Rule, ids(d.Convictions), evidenceKinds(d.Evidence), tt.outcome, tt.rule, tt.records, tt.evidence)
			}
			if tt.basis != "" && d.Basis != tt.basis {
				t.Errorf("basis %s, want %s", d.Basis, tt.basis)
			}
			if !d.Reason.Complete() {
				t.Errorf("reason %+v not in three languages", d.Reason)
			}
			// Every read of the records is audited first; a refused request reads nothing.
			if d.Outcome == decision.ConsentRequired {
				if len(r.reads) != 0 || r.recordsRead != 0 {
					t.Errorf("a refused request read the records (%d reads, %d audited)", r.recordsRead, len(r.reads))
				}
				return
			}
			if len(r.reads) != 1 || r.recordsRead == 0 {
				t.Fatalf("%d reads of the records, %d audited", r.recordsRead, len(r.reads))
			}
			for _, e := range d.Evidence {
				if !e.Note.Complete() || e.Rule == "" {
					t.Errorf("evidence %+v", e)
				}
			}
		})
	}
}

// Rule G-1: "today" is the date in Almaty. At 20:00 UTC on 1 March it is
// already 2 March in Almaty, the day the father's conviction is expunged.
func TestCriminalRecordDayIsAlmatysG1(t *testing.T) {
	t.Run("G-1 the day of the decision is Almaty's", func(t *testing.T) {
		r := fixture()
		r.records[1].ExpungedOn = calendar.D(2026, 3, 2)
		c := checker(r)
		c.Clock = func() time.Time { return time.Date(2026, 3, 1, 20, 0, 0, 0, time.UTC) }
		d, err := c.Decide(context.Background(), self(father))
		if err != nil || d.Outcome != decision.NoRecord || d.AsOf != calendar.D(2026, 3, 2) {
			t.Errorf("%s as of %s (%v), want no-record as of 2026-03-02", d.Outcome, d.AsOf, err)
		}
		c.Clock = func() time.Time { return time.Date(2026, 3, 1, 18, 59, 0, 0, time.UTC) } // 23:59 in Almaty
		if d, _ := c.Decide(context.Background(), self(father)); d.Outcome != decision.HasRecord {
			t.Errorf("at 23:59 on 1 March in Almaty: %s, want has-record", d.Outcome)
		}
	})
}

// The audit log says who read, when, about whom and why.
func TestCriminalRecordReadIsAudited(t *testing.T) {
	t.Run("CR-STD-3.1 who read, when, about whom, why", func(t *testing.T) {
		r := fixture()
		req := request(father.IIN, decision.ThirdParty, decision.Subject{IIN: mother.IIN})
		req.Consent = &decision.Consent{SubjectIIN: mother.IIN, Method: decision.ConsentCabinet, GivenOn: calendar.D(2026, 3, 1)}
		req.Actor = decision.Actor{ID: "officer-7", Role: "officer"}
		if _, err := checker(r).Decide(context.Background(), req); err != nil {
			t.Fatal(err)
		}
		want := registry.RecordRead{At: now, ActorID: "officer-7", ActorRole: "officer", SubjectIIN: mother.IIN, SubjectName: mother.Name,
			SubjectBirthDate: mother.BirthDate, Purpose: req.Purpose, ApplicationID: "A-1", Rule: "CR-STD-3.1"}
		if len(r.reads) != 1 || r.reads[0] != want {
			t.Errorf("audit %+v, want %+v", r.reads, want)
		}

		// No audit, no read: the records stay closed when the log cannot be written.
		r = fixture()
		r.auditErr = errAuditDown
		if _, err := checker(r).Decide(context.Background(), self(father)); err == nil || r.recordsRead != 0 {
			t.Errorf("with the audit log down: %v, %d reads", err, r.recordsRead)
		}
	})
}

func TestCriminalRecordRefusesContradictoryRequests(t *testing.T) {
	bad := []decision.CriminalRecordRequest{
		func() decision.CriminalRecordRequest { r := self(father); r.Actor = decision.Actor{}; return r }(),
		func() decision.CriminalRecordRequest { r := self(father); r.Purpose = ""; return r }(),
		request(father.IIN, decision.Self, decision.Subject{IIN: mother.IIN}),
		request(father.IIN, decision.ThirdParty, decision.Subject{IIN: father.IIN}),
		request(father.IIN, decision.ThirdParty, decision.Subject{Name: mother.Name, BirthDate: mother.BirthDate}),
		request(father.IIN, "cousin", decision.Subject{IIN: mother.IIN}),
		request("", decision.Self, decision.Subject{Name: name("Ахметова", "", "")}),
	}
	for i, req := range bad {
		r := fixture()
		if _, err := checker(r).Decide(context.Background(), req); apperr.CodeOf(err) != apperr.Invalid || len(r.reads) != 0 {
			t.Errorf("request %d: %v, %d audited; want invalid and nothing read", i, err, len(r.reads))
		}
	}
}

// The evidence of an additional check names the record, the subject's name it
// resembles and the other persons it could be.
func TestCriminalRecordEvidenceForTheOfficer(t *testing.T) {
	t.Run("CR-STD-3.1 the evidence of an additional check", func(t *testing.T) {
		r := fixture()
		r.persons = append(r.persons, namesake)
		d, err := checker(r).Decide(context.Background(), self(kurmanov))
		if err != nil || len(d.Evidence) != 1 {
			t.Fatalf("%+v, %v", d, err)
		}
		e := d.Evidence[0]
		if e.Record == nil || e.Record.ID != "K-OLD" || e.Name == nil || *e.Name != kurmanov.Name ||
			len(e.Other) != 1 || e.Other[0].IIN != namesake.IIN || e.Match != "similar" && e.Match != "same" {
			t.Errorf("evidence %+v", e)
		}
		if len(d.Convictions) != 0 {
			t.Errorf("an ambiguous decision issued convictions %v", ids(d.Convictions))
		}
		if !slices.Contains([]string{"same", "similar"}, e.Match) {
			t.Errorf("match %q", e.Match)
		}
	})
}

func BenchmarkCriminalRecordDecisionInMemory(b *testing.B) {
	r := fixture()
	c := checker(r)
	req := self(father)
	for b.Loop() {
		r.reads = r.reads[:0]
		if _, err := c.Decide(context.Background(), req); err != nil {
			b.Fatal(err)
		}
	}
}
