package standard

import (
	"errors"
	"slices"
	"testing"
	"time"

	"qyzmet/internal/calendar"
	"qyzmet/internal/i18n"
)

func TestSchedules(t *testing.T) {
	set := mustDefault(t)
	weekdays := []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday}
	monToSat := append(slices.Clone(weekdays), time.Saturday)
	clock := func(h, m int) calendar.Clock { return calendar.Clock{Hour: h, Min: m} }
	tests := []struct {
		name        string
		service     ServiceID
		office      OfficeKind
		days        []time.Weekday
		open, close calendar.Clock
		lunch       bool
		round       bool
		rule        string
	}{
		{"CR-STD-7 provider", CriminalRecord, OfficeProvider, weekdays, clock(9, 0), clock(18, 30), true, false, "CR-STD-7"},
		{"CR-STD-7 State Corporation Mon–Fri 09:00–18:00", CriminalRecord, OfficeStateCorp, weekdays, clock(9, 0), clock(18, 0), false, false, "CR-STD-7"},
		{"CR-STD-7 portal round the clock", CriminalRecord, OfficePortal, nil, calendar.Clock{}, calendar.Clock{}, false, true, "CR-STD-7"},
		{"AP-STD-7 provider", ApostilleProsecution, OfficeProvider, weekdays, clock(9, 0), clock(18, 30), true, false, "AP-STD-7"},
		{"AP-STD-7 State Corporation", ApostilleProsecution, OfficeStateCorp, weekdays, clock(9, 0), clock(18, 0), false, false, "AP-STD-7"},
		{"AR-STD-7 State Corporation", ArchivalCertificate, OfficeStateCorp, weekdays, clock(9, 0), clock(18, 0), false, false, "AR-STD-7"},
		{"AR-STD-7 portal", ArchivalCertificate, OfficePortal, nil, calendar.Clock{}, calendar.Clock{}, false, true, "AR-STD-7"},
		{"AC-8 provider 09:00–17:30", ApostilleCourt, OfficeProvider, weekdays, clock(9, 0), clock(17, 30), true, false, "AC-8"},
		{"AC-8 State Corporation Mon–Sat 09:00–20:00", ApostilleCourt, OfficeStateCorp, monToSat, clock(9, 0), clock(20, 0), false, false, "AC-8"},
		{"AC-8 portal", ApostilleCourt, OfficePortal, nil, calendar.Clock{}, calendar.Clock{}, false, true, "AC-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, rule, err := mustAt(t, set, tt.service, today).Schedule(tt.office)
			if err != nil {
				t.Fatal(err)
			}
			if rule != tt.rule || !slices.Equal(s.Days, tt.days) || s.Open != tt.open || s.Close != tt.close ||
				(s.LunchFrom != nil) != tt.lunch || s.RoundTheClock != tt.round {
				t.Errorf("Schedule(%s) = %+v under %s", tt.office, s, rule)
			}
			if tt.lunch && (*s.LunchFrom != clock(13, 0) || *s.LunchTo != clock(14, 30)) {
				t.Errorf("lunch %s–%s, want 13:00–14:30", s.LunchFrom, s.LunchTo)
			}
		})
	}
	for _, tt := range []struct {
		service ServiceID
		office  OfficeKind
	}{{ApostilleProsecution, OfficePortal}, {Complaint, OfficeProvider}} {
		if _, _, err := mustAt(t, set, tt.service, today).Schedule(tt.office); !errors.Is(err, ErrNoSchedule) {
			t.Errorf("%s %s: err = %v, want ErrNoSchedule", tt.service, tt.office, err)
		}
	}
}

func TestChannels(t *testing.T) {
	set := mustDefault(t)
	tests := []struct {
		name    string
		service ServiceID
		want    []Channel
		rule    string
	}{
		{"CR-STD-2", CriminalRecord, []Channel{StateCorp, Portal}, "CR-STD-2"},
		{"AP-STD-2 State Corporation only", ApostilleProsecution, []Channel{StateCorp}, "AP-STD-2"},
		{"AR-STD-2", ArchivalCertificate, []Channel{StateCorp, Portal}, "AR-STD-2"},
		{"AC-3 with the DEAC office and consulates", ApostilleCourt, []Channel{StateCorp, ProviderOffice, Portal, Consulate}, "AC-3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			std := mustAt(t, set, tt.service, today)
			var got []Channel
			for _, c := range std.Channels {
				got = append(got, c.ID)
				if c.Rule != tt.rule {
					t.Errorf("%s rule %s, want %s", c.ID, c.Rule, tt.rule)
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("channels %v, want %v", got, tt.want)
			}
			for _, ch := range []Channel{Portal, StateCorp, ProviderOffice, Consulate} {
				if std.Offers(ch) != slices.Contains(tt.want, ch) {
					t.Errorf("Offers(%s) = %v", ch, std.Offers(ch))
				}
			}
		})
	}
	ac := mustAt(t, set, ApostilleCourt, today)
	if name := ac.ChannelName(ProviderOffice); name == ProviderOffice.Name() || !name.Complete() {
		t.Errorf("AC-3 names the DEAC office: %+v", name)
	}
	if ac.ChannelName(Portal) != Portal.Name() {
		t.Error("the portal keeps its generic name")
	}
	if Consulate.Office() != OfficeProvider || Portal.Office() != OfficePortal || StateCorp.Office() != OfficeStateCorp {
		t.Error("Channel.Office maps a consulate to the provider's office")
	}
}

func TestRefusal(t *testing.T) {
	set := mustDefault(t)
	cr := mustAt(t, set, CriminalRecord, today).Refusal
	if cr == nil || cr.Allowed || cr.Rule != "CR-STD-9" {
		t.Errorf("CR-STD-9: the criminal record service never refuses: %+v", cr)
	}
	for _, tt := range []struct {
		name    string
		service ServiceID
		rule    string
		hearing string // rule of a required hearing; "" when there is none
	}{
		{"AP-STD-9 with AP-6.4 hearing", ApostilleProsecution, "AP-STD-9", "AP-6.4"},
		{"AR-STD-9 with AR-6.2 hearing", ArchivalCertificate, "AR-STD-9", "AR-6.2"},
		// docs/standards.md decision 14: AC's hearing cites the grounds' rule.
		{"AC-15-1 with a hearing", ApostilleCourt, "AC-15-1", "AC-15-1"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := mustAt(t, set, tt.service, today).Refusal
			if !r.Allowed || r.Rule != tt.rule || len(r.Grounds) != 2 {
				t.Fatalf("refusal %+v", r)
			}
			for _, g := range r.Grounds {
				if g.Rule != tt.rule {
					t.Errorf("ground %s under %s", g.ID, g.Rule)
				}
			}
			got := ""
			if r.Hearing != nil && r.Hearing.Required {
				got = r.Hearing.Rule
			}
			if got != tt.hearing {
				t.Errorf("hearing %q, want %q", got, tt.hearing)
			}
		})
	}
}

func TestStorageG7(t *testing.T) {
	set := mustDefault(t)
	for id, source := range map[ServiceID]string{
		CriminalRecord: "CR-STD-5.4", ApostilleProsecution: "AP-STD-5", ArchivalCertificate: "AR-STD-5", ApostilleCourt: "AC-14",
	} {
		st := mustAt(t, set, id, today).Storage
		if st == nil || st.StateCorpMonths != 1 || st.ProviderMonths != 2 || st.ReturnWorkingDays != 1 ||
			st.NomenclatureAfterMonths != 3 || st.Rule != "G-7" || st.Source != source {
			t.Errorf("G-7 %s: storage %+v, want 1+2 months, return in 1 wd, nomenclature at 3, source %s", id, st, source)
		}
	}
}

func TestCombinable(t *testing.T) {
	set := mustDefault(t)
	tests := []struct {
		a, b ServiceID
		ok   bool
		rule string
	}{
		{CriminalRecord, ApostilleProsecution, true, "CR-STD-10"},
		{ApostilleProsecution, CriminalRecord, true, "AP-STD-10"},
		{ApostilleProsecution, ArchivalCertificate, true, "AP-STD-10"},
		{ArchivalCertificate, ApostilleProsecution, true, "AR-STD-10"},
		{CriminalRecord, ArchivalCertificate, false, ""},
		{ApostilleCourt, CriminalRecord, false, ""},
	}
	for _, tt := range tests {
		c, ok := mustAt(t, set, tt.a, today).CombinesWith(tt.b)
		if ok != tt.ok || c.Rule != tt.rule {
			t.Errorf("%s CombinesWith(%s) = %v, %s; want %v, %s", tt.a, tt.b, ok, c.Rule, tt.ok, tt.rule)
		}
	}
}

func TestResultsAndForms(t *testing.T) {
	set := mustDefault(t)
	cr := mustAt(t, set, CriminalRecord, today)
	want := map[string]struct {
		media Medium
		rule  string
	}{
		"certificate":               {Electronic, "CR-STD-5.1"},
		"certificate-travel-abroad": {Paper, "CR-STD-5.1"},
		"interim-reply":             {Electronic, "CR-STD-3.4"},
	}
	for _, r := range cr.Results {
		w, ok := want[r.ID]
		if !ok || !slices.Contains(r.Media, w.media) || r.Rule != w.rule {
			t.Errorf("CR result %+v", r)
		}
	}
	if cr.Recipients.Rule != "CR-3" || cr.ServiceForm.Rule != "CR-STD-4" || !cr.ServiceForm.OneApplication {
		t.Errorf("CR-3 recipients %+v, CR-STD-4 form %+v", cr.Recipients, cr.ServiceForm)
	}
	if q := cr.Queue; q == nil || q.MaxWaitMinutes != 15 || q.MaxServiceMinutes != 15 || q.Rule != "G-4" {
		t.Errorf("G-4 queue %+v", q)
	}
	if cr.Complaints == nil || cr.Complaints.Service != Complaint || cr.Complaints.Rule != "CR-11" {
		t.Errorf("CR-11 complaints %+v", cr.Complaints)
	}
}

func TestInForce(t *testing.T) {
	to := calendar.D(2022, 1, 23)
	s := &Standard{EffectiveFrom: calendar.D(2019, 11, 2), EffectiveTo: &to}
	for _, tt := range []struct {
		d    calendar.Date
		want bool
	}{
		{calendar.D(2019, 11, 1), false},
		{calendar.D(2019, 11, 2), true},
		{calendar.D(2022, 1, 23), true},
		{calendar.D(2022, 1, 24), false},
	} {
		if got := s.InForce(tt.d); got != tt.want {
			t.Errorf("InForce(%s) = %v", tt.d, got)
		}
	}
}

func TestEnumerationNames(t *testing.T) {
	var names []i18n.Text
	for _, c := range []Channel{Portal, StateCorp, ProviderOffice, Consulate} {
		names = append(names, c.Name())
	}
	for _, c := range []DepartmentClass{Major, Other} {
		names = append(names, c.Name())
	}
	for _, p := range []Path{PathStandard, PathTravelAbroad, PathAdditionalCheck, PathForward, PathQualityControl} {
		names = append(names, p.Name())
	}
	for _, o := range []OfficeKind{OfficeProvider, OfficeStateCorp, OfficePortal} {
		names = append(names, o.Name())
	}
	for _, r := range known.recipients {
		names = append(names, r.Name())
	}
	for _, m := range known.media {
		names = append(names, m.Name())
	}
	for _, p := range known.payments {
		names = append(names, p.Name())
	}
	for _, s := range known.signatures {
		names = append(names, s.Name())
	}
	for _, k := range known.docKinds {
		names = append(names, k.Name())
	}
	for i, n := range names {
		if !n.Complete() {
			t.Errorf("name %d is not in all three languages: %+v", i, n)
		}
	}
}

func TestMessage(t *testing.T) {
	err := errors.Join(
		errorf(ErrInvalid, "a.yaml", "бір", "один", "one"),
		errorf(ErrInvalid, "", "екі", "два", "two"),
	)
	if got := Message(err, i18n.RU); got != "a.yaml: один\nдва" {
		t.Errorf("Message(ru) = %q", got)
	}
	if got := Message(errors.New("plain"), i18n.KK); got != "plain" {
		t.Errorf("Message(plain) = %q", got)
	}
}
