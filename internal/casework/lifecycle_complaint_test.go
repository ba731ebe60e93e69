package casework_test

import (
	"strings"
	"testing"

	"qyzmet/internal/apperr"
	"qyzmet/internal/casework"
	"qyzmet/internal/standard"
	"qyzmet/internal/store/storetest"
)

// complaintAbout files a complaint that must succeed.
func (v *env) complain(actor casework.Actor, in casework.ComplaintInput) *casework.Application {
	v.t.Helper()
	app, created, err := v.e.FileComplaint(v.ctx, actor, in, "")
	if err != nil {
		v.t.Fatalf("file complaint: %v", err)
	}
	if !created {
		v.t.Fatal("complaint not created")
	}
	return app
}

func complaintInput(about string, p casework.Party, to string) casework.ComplaintInput {
	return casework.ComplaintInput{About: about, Complainant: p, Addressee: to, Form: "electronic",
		Text: "the certificate was late", ReplyMethod: "electronic"}
}

// TestComplaintLifecycle walks complaints of the 2022 procedure: to the provider
// (forward within 3 working days, review within 5), to the quality-control body
// (15), and one satisfied by the provider.
func TestComplaintLifecycle(t *testing.T) {
	storetest.Run(t, func(t *testing.T, kind storetest.Engine) {
		t.Parallel()
		v := newEnv(t, kind, at(2026, 4, 13, 9, 30)) // Monday
		p, other := person(t, "Aliyev"), person(t, "Other")
		about := v.submit(applicantOf(p), crPortal(p))
		v.advanceTo(at(2026, 4, 13, 10, 0))
		var c *casework.Application

		v.rule("CP-7 validation of the complaint", func(t *testing.T) {
			for _, tt := range []struct {
				name  string
				edit  func(in *casework.ComplaintInput)
				code  apperr.Code
				rule  string
				field string
			}{
				{"CP-7 individual's phone", func(in *casework.ComplaintInput) { in.Complainant.Phone = "" }, apperr.Invalid, "CP-7", "complainant.phone"},
				{"CP-7 postal address", func(in *casework.ComplaintInput) { in.Complainant.Address = "" }, apperr.Invalid, "CP-7", "complainant.address"},
				{"CP-7 text", func(in *casework.ComplaintInput) { in.Text = " " }, apperr.Invalid, "", "text"},
				{"CP-1 addressee", func(in *casework.ComplaintInput) { in.Addressee = "president" }, apperr.Invalid, "", "addressee"},
				{"CP-7 reply method", func(in *casework.ComplaintInput) { in.ReplyMethod = "fax" }, apperr.Invalid, "", "reply_method"},
				{"CP-7 legal entity's outgoing number", func(in *casework.ComplaintInput) {
					in.Complainant = casework.Party{Kind: casework.KindLegalEntity, BIN: newBIN(t), OrgName: "TOO Test", Address: "Almaty"}
				}, apperr.Invalid, "CP-7", "outgoing_number"},
			} {
				t.Run(tt.name, func(t *testing.T) {
					in := complaintInput(about.ID, p, casework.AddresseeProvider)
					tt.edit(&in)
					_, _, err := v.e.FileComplaint(v.ctx, officer, in, "")
					wantErr(t, err, tt.code, tt.rule, tt.field)
				})
			}
			_, _, err := v.e.FileComplaint(v.ctx, applicantOf(other), complaintInput(about.ID, other, casework.AddresseeProvider), "")
			wantErr(t, err, apperr.NotFound, "", "")
		})
		v.rule("CP-7 CP-2 CP-3 registered with a talon and its clocks", func(t *testing.T) {
			c = v.complain(applicantOf(p), complaintInput(about.ID, p, casework.AddresseeProvider))
			wantState(t, c, casework.StateRegistered)
			if c.Service != standard.Complaint || c.StandardVersion != "2022-1" {
				t.Errorf("complaint under %s %s, want complaint 2022-1", c.Service, c.StandardVersion)
			}
			wantClock(t, c, "forward-or-satisfy", date(2026, 4, 16), "CP-2")
			wantClock(t, c, "review", date(2026, 4, 20), "CP-3")
			if hasClock(c, "review-quality-body") {
				t.Error("the quality body's clock runs for a complaint to the provider")
			}
			tl := c.Complaint.Talon
			if tl.Number != "C-2026-000001" || tl.Date != date(2026, 4, 13) || tl.ReplyDueOn != date(2026, 4, 20) || tl.Contact == "" || tl.AcceptedBy == "" || tl.ReplyPlace == "" {
				t.Errorf("talon %+v", tl)
			}
			if len(c.Links) != 1 || c.Links[0].ApplicationID != about.ID || c.Links[0].Kind != casework.LinkComplaintAbout {
				t.Errorf("complaint links %+v", c.Links)
			}
			ab := v.get(about.ID)
			if len(ab.Links) != 1 || ab.Links[0].ApplicationID != c.ID || ab.Links[0].Kind != casework.LinkComplaint {
				t.Errorf("links of the application complained about %+v", ab.Links)
			}
			if !hasNote(v.notes(applicantOf(p)), c.ID, casework.NoteStatus, "CP-7") {
				t.Error("no talon in the cabinet")
			}
		})
		v.rule("CP-2 the provider forwards first; late forwarding is flagged", func(t *testing.T) {
			_, err := v.try(reviewer, c, "reply", map[string]any{"outcome": "upheld", "text": "x"})
			wantErr(t, err, apperr.Invalid, "CP-2", "")
			v.advanceTo(at(2026, 4, 15, 9, 0))
			desk := casework.Actor{ID: "d", Role: casework.RoleOfficer}
			if !hasNote(v.notes(desk), c.ID, casework.NoteWarning, "CP-2") {
				t.Error("no warning a working day before CP-2's 3 days run out")
			}
			v.advanceTo(at(2026, 4, 17, 10, 0))
			c = v.get(c.ID)
			if k := clockOf(t, c, "forward-or-satisfy"); !k.Overdue || !c.Overdue {
				t.Errorf("forwarding not flagged overdue after 3 working days: %+v", k)
			}
			c = v.exec(head, c, "forward", map[string]any{"text": "with the case file"})
			wantState(t, c, casework.StateForwarded)
			if k := clockOf(t, c, "forward-or-satisfy"); !k.Done || !k.Late {
				t.Errorf("forwarding clock %+v, want done late", k)
			}
		})
		v.rule("CP-3 the reviewing body replies within 5 working days", func(t *testing.T) {
			_, err := v.try(quality, c, "reply", map[string]any{"outcome": "upheld", "text": "x"})
			wantErr(t, err, apperr.Forbidden, "", "")
			_, err = v.try(reviewer, c, "reply", map[string]any{"outcome": "maybe", "text": "x"})
			wantErr(t, err, apperr.Invalid, "", "data.outcome")
			v.advanceTo(at(2026, 4, 20, 12, 0))
			c = v.exec(reviewer, c, "reply", map[string]any{"outcome": "upheld", "text": "The certificate was issued late; the officer is warned."})
			wantState(t, c, casework.StateReviewed)
			if d := c.Decision; d.Outcome != casework.OutcomeUpheld || d.Rule != "CP-3" || d.Result != "motivated-reply" {
				t.Errorf("decision %+v", d)
			}
			if k := clockOf(t, c, "review"); !k.Done || k.Late || k.Overdue {
				t.Errorf("review clock %+v, want done on time", k)
			}
			found := false
			for _, n := range v.notes(applicantOf(p)) {
				found = found || (n.ApplicationID == c.ID && n.Rule == "CP-3" && strings.Contains(n.Text.EN, "officer is warned"))
			}
			if !found {
				t.Error("the motivated reply did not reach the complainant")
			}
		})
		v.rule("CP-4 AC-20 to the quality-control body: 15 working days", func(t *testing.T) {
			// Filed on Monday 20 April: 1 May, 7 May and 11 May (Victory Day carried
			// over from Saturday) are not working days.
			q := v.complain(applicantOf(p), complaintInput(about.ID, p, casework.AddresseeQualityBody))
			wantClock(t, q, "review-quality-body", date(2026, 5, 14), "CP-4")
			if hasClock(q, "forward-or-satisfy") || hasClock(q, "review") {
				t.Errorf("clocks %+v: only CP-4 runs at the quality body", q.Clocks)
			}
			if q.DeadlineOn != date(2026, 5, 14) || q.Complaint.Talon.ReplyDueOn != date(2026, 5, 14) {
				t.Errorf("deadline %s, talon %s", q.DeadlineOn, q.Complaint.Talon.ReplyDueOn)
			}
			_, err := v.try(head, q, "forward", nil)
			wantErr(t, err, apperr.Invalid, "CP-2", "command")
			_, err = v.try(reviewer, q, "reply", map[string]any{"outcome": "rejected", "text": "x"})
			wantErr(t, err, apperr.Forbidden, "", "")
			q = v.exec(quality, q, "reply", map[string]any{"outcome": "rejected", "text": "The deadline was kept."})
			wantState(t, q, casework.StateReviewed)
			if q.Decision.Rule != "CP-4" {
				t.Errorf("decision rule %s, want CP-4", q.Decision.Rule)
			}
		})
		v.rule("CP-1 CP-7 complaint commands only on complaints, service commands only on services", func(t *testing.T) {
			// CP-1: a complaint goes to the provider whose decision is appealed.
			if c.Provider != about.Provider || c.Complaint.Addressee != casework.AddresseeProvider {
				t.Errorf("complaint to %q (addressee %q), want the appealed provider %q", c.Provider, c.Complaint.Addressee, about.Provider)
			}
			ab := v.get(about.ID)
			_, err := v.try(head, ab, "reply", map[string]any{"outcome": "upheld", "text": "x"})
			wantErr(t, err, apperr.Invalid, "CP-1", "command")
			_, err = v.try(head, ab, "satisfy", map[string]any{"text": "x"})
			wantErr(t, err, apperr.Invalid, "CP-1", "command")
			_, err = v.try(head, v.get(c.ID), "issue", nil)
			wantErr(t, err, apperr.Invalid, "CP-7", "command")
		})
		v.rule("CP-2 satisfied in full by the provider: not forwarded", func(t *testing.T) {
			s := v.complain(applicantOf(p), complaintInput(about.ID, p, casework.AddresseeProvider))
			_, err := v.try(head, s, "satisfy", nil)
			wantErr(t, err, apperr.Invalid, "", "data.text")
			s = v.exec(head, s, "satisfy", map[string]any{"text": "The certificate is reissued."})
			wantState(t, s, casework.StateSatisfied)
			if !s.Final() || s.Decision.Outcome != casework.OutcomeSatisfied || s.Decision.Rule != "CP-2" {
				t.Errorf("decision %+v", s.Decision)
			}
			for _, k := range s.Clocks {
				if !k.Done {
					t.Errorf("clock %s still runs after satisfaction", k.ID)
				}
			}
			// CP-7: the second complaint registered by this provider this year (the
			// quality-control body keeps its own register).
			if s.Number != "C-2026-000002" {
				t.Errorf("second complaint to the provider numbered %s", s.Number)
			}
		})
		v.rule("CP-5 CP-3 about the State Corporation's employees: to the branch head", func(t *testing.T) {
			desk := v.submit(operator, casework.SubmitInput{Service: standard.CriminalRecord, Channel: standard.StateCorp, Applicant: p,
				Subject: &casework.Subject{Relation: casework.RelationSelf, Person: p},
				Branch:  "ALM-1", DepartmentClass: standard.Major, Documents: provided("application", "identity")})
			sc := v.complain(applicantOf(p), complaintInput(desk.ID, p, casework.AddresseeStateCorp))
			if sc.Provider != "state-corp:ALM-1" || sc.Number != "C-2026-000001" {
				t.Errorf("complaint to %q numbered %s, want the ALM-1 branch's own register", sc.Provider, sc.Number)
			}
			wantClock(t, sc, "review", date(2026, 4, 27), "CP-3")
			if hasClock(sc, "forward-or-satisfy") || hasClock(sc, "review-quality-body") {
				t.Errorf("clocks %+v: the branch head reviews within CP-3's 5 days", sc.Clocks)
			}
			_, err := v.try(head, sc, "forward", nil)
			wantErr(t, err, apperr.Invalid, "CP-2", "command")
			sc = v.exec(head, sc, "reply", map[string]any{"outcome": "upheld", "text": "The operator is instructed."})
			if sc.Decision.Rule != "CP-3" {
				t.Errorf("reply under %s, want CP-3", sc.Decision.Rule)
			}
		})
	})
}

// TestComplaint2019Procedure: a complaint received before 24 January 2022 runs
// under the court apostille text's procedure (AC-16 to AC-21): no forwarding
// step, review by the provider's head within 5 working days.
func TestComplaint2019Procedure(t *testing.T) {
	storetest.Run(t, func(t *testing.T, kind storetest.Engine) {
		t.Parallel()
		v := newEnv(t, kind, at(2021, 6, 1, 10, 0))
		p := person(t, "Early")
		about := v.submit(applicantOf(p), casework.SubmitInput{Service: standard.ApostilleCourt, Channel: standard.Portal, Applicant: p,
			PickupBranch: "ALM-1", Payment: gateway(date(2021, 6, 1)), Documents: provided("document-scan")})
		v.rule("AC-16 AC-17 AC-18 AC-19 registered under the 2019 procedure, with a talon", func(t *testing.T) {
			c := v.complain(applicantOf(p), complaintInput(about.ID, p, casework.AddresseeProvider))
			if c.StandardVersion != "2019-1" {
				t.Fatalf("version %s, want 2019-1", c.StandardVersion)
			}
			wantClock(t, c, "review", date(2021, 6, 8), "AC-19")
			// AC-18: the talon names the number, the date, who accepted it, the
			// reply's deadline and place; AC-17: progress through the contact centre 1414.
			want := casework.Talon{Number: "C-2021-000001", Date: date(2021, 6, 1), AcceptedBy: p.Surname,
				ReplyDueOn: date(2021, 6, 8), ReplyPlace: p.Email, Contact: "1414"}
			if c.Complaint.Talon != want {
				t.Errorf("talon %+v, want %+v", c.Complaint.Talon, want)
			}
			found := false
			for _, n := range v.notes(applicantOf(p)) {
				found = found || (n.ApplicationID == c.ID && strings.Contains(n.Text.EN, "Talon No. C-2021-000001") && strings.Contains(n.Text.EN, "2021-06-08"))
			}
			if !found {
				t.Error("the talon did not reach the complainant's cabinet (AC-18)")
			}
			if hasClock(c, "forward-or-satisfy") {
				t.Error("the 2019 procedure has no forwarding step")
			}
			_, err := v.try(head, c, "forward", nil)
			wantErr(t, err, apperr.Invalid, "CP-2", "command")
			c = v.exec(head, c, "reply", map[string]any{"outcome": "rejected", "text": "the apostille was on time"})
			if c.Decision.Rule != "AC-19" {
				t.Errorf("reply under %s, want AC-19", c.Decision.Rule)
			}
		})
		v.rule("AC-20 AC-21 disagreeing, to the quality-control body: 15 working days", func(t *testing.T) {
			q := v.complain(applicantOf(p), complaintInput(about.ID, p, casework.AddresseeQualityBody))
			if q.Provider != casework.AddresseeQualityBody || q.Complaint.Addressee != casework.AddresseeQualityBody {
				t.Errorf("complaint to %q (addressee %q), want the quality-control body", q.Provider, q.Complaint.Addressee)
			}
			// Registered on Tuesday 1 June 2021; June 2021 has no holidays.
			wantClock(t, q, "review-quality-body", date(2021, 6, 22), "AC-21")
			if hasClock(q, "review") || q.Complaint.Talon.ReplyDueOn != date(2021, 6, 22) {
				t.Errorf("clocks %+v, talon %+v: only AC-21's 15 days run at the quality body", q.Clocks, q.Complaint.Talon)
			}
			_, err := v.try(head, q, "reply", map[string]any{"outcome": "rejected", "text": "x"})
			wantErr(t, err, apperr.Forbidden, "", "")
			q = v.exec(quality, q, "reply", map[string]any{"outcome": "upheld", "text": "The provider is instructed."})
			if q.Decision.Rule != "AC-21" || q.Decision.Outcome != casework.OutcomeUpheld {
				t.Errorf("decision %+v, want upheld under AC-21", q.Decision)
			}
		})
	})
}
