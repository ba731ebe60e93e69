package standard

import (
	"errors"
	"testing"

	"qyzmet/internal/calendar"
)

func TestMCI(t *testing.T) {
	set := mustDefault(t)
	tests := []struct {
		date  calendar.Date
		tenge int
		ref   string
	}{
		{calendar.D(2015, 1, 1), 1982, "Law No. 259-V of 28.11.2014"},
		{calendar.D(2015, 12, 31), 1982, "Law No. 259-V of 28.11.2014"},
		{calendar.D(2016, 6, 1), 2121, "Law No. 426-V of 30.11.2015"},
		{calendar.D(2017, 6, 1), 2269, "Law No. 25-VI of 29.11.2016"},
		{calendar.D(2018, 6, 1), 2405, "Law No. 113-VI of 30.11.2017"},
		{calendar.D(2019, 12, 31), 2525, "Law No. 197-VI of 30.11.2018"},
		// The 2020 mid-year change applied to payments too.
		{calendar.D(2020, 1, 1), 2651, "Law No. 276-VI of 04.12.2019"},
		{calendar.D(2020, 3, 31), 2651, "Law No. 276-VI of 04.12.2019"},
		{calendar.D(2020, 4, 1), 2778, "Presidential Decree No. 299 of 08.04.2020"},
		{calendar.D(2020, 12, 31), 2778, "Presidential Decree No. 299 of 08.04.2020"},
		{calendar.D(2021, 7, 1), 2917, "Law No. 379-VI of 02.12.2020"},
		// The 2022 mid-year change (3,180 from 1 April) was for social payments only:
		// state duties stayed at 3,063 all year.
		{calendar.D(2022, 1, 1), 3063, "Law No. 77-VII of 02.12.2021"},
		{calendar.D(2022, 3, 31), 3063, "Law No. 77-VII of 02.12.2021"},
		{calendar.D(2022, 4, 1), 3063, "Law No. 77-VII of 02.12.2021"},
		{calendar.D(2022, 6, 1), 3063, "Law No. 77-VII of 02.12.2021"},
		{calendar.D(2022, 12, 31), 3063, "Law No. 77-VII of 02.12.2021"},
		{calendar.D(2023, 1, 1), 3450, "Law No. 163-VII of 01.12.2022"},
		{calendar.D(2024, 2, 29), 3692, "Law of 05.12.2023 on the budget for 2024–2026"},
		{calendar.D(2025, 12, 31), 3932, "Law No. 141-VIII of 04.12.2024"},
		{calendar.D(2026, 1, 1), 4325, "Law No. 239-VIII of 08.12.2025"},
		{calendar.D(2026, 12, 31), 4325, "Law No. 239-VIII of 08.12.2025"},
	}
	for _, tt := range tests {
		t.Run(tt.date.String(), func(t *testing.T) {
			tenge, ref, err := set.MCI(tt.date)
			if err != nil || tenge != tt.tenge || ref != tt.ref {
				t.Errorf("MCI(%s) = %d, %q, %v; want %d, %q", tt.date, tenge, ref, err, tt.tenge, tt.ref)
			}
		})
	}
}

func TestMCIOutsideTheTable(t *testing.T) {
	set := mustDefault(t)
	for _, d := range []calendar.Date{calendar.D(2014, 12, 31), calendar.D(2027, 1, 1)} {
		if tenge, _, err := set.MCI(d); !errors.Is(err, ErrNoMCI) {
			t.Errorf("MCI(%s) = %d, %v; want ErrNoMCI", d, tenge, err)
		}
	}
}

// The social MCI of 2022 is in the table, for the record, but never used for a fee.
func TestMCISocialValueKept(t *testing.T) {
	v, err := mustDefault(t).mci.lookup(calendar.D(2022, 6, 1), PurposeSocial)
	if err != nil || v.Tenge != 3180 {
		t.Errorf("social MCI on 2022-06-01 = %d, %v; want 3180", v.Tenge, err)
	}
}

func TestFees(t *testing.T) {
	set := mustDefault(t)
	tests := []struct {
		name      string
		service   ServiceID
		date      calendar.Date
		documents int
		free      bool
		tiyn      int64
		rule      string
	}{
		{"CR-STD-6 free", CriminalRecord, today, 3, true, 0, "CR-STD-6"},
		{"AR-STD-6 free", ArchivalCertificate, today, 1, true, 0, "AR-STD-6"},
		{"AP-STD-6 0.5 MCI for one document in 2026", ApostilleProsecution, today, 1, false, 216250, "AP-STD-6"},
		{"AP-STD-6 0.5 MCI per document, three documents", ApostilleProsecution, today, 3, false, 648750, "AP-STD-6"},
		{"AP-STD-6 2022 after 1 April still 3063", ApostilleProsecution, calendar.D(2022, 6, 1), 1, false, 153150, "AP-STD-6"},
		{"AC-7 0.5 MCI before the 2020 change", ApostilleCourt, calendar.D(2020, 3, 31), 1, false, 132550, "AC-7"},
		{"AC-7 0.5 MCI after the 2020 change", ApostilleCourt, calendar.D(2020, 4, 1), 2, false, 277800, "AC-7"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			std := mustAt(t, set, tt.service, tt.date)
			q, err := set.Fee(std, tt.date, tt.documents)
			if err != nil {
				t.Fatal(err)
			}
			if q.Free != tt.free || q.Tiyn != tt.tiyn || q.Rule != tt.rule || q.Documents != tt.documents {
				t.Errorf("Fee = %+v; want free %v, %d tiyn under %s", q, tt.free, tt.tiyn, tt.rule)
			}
			if !q.Free && q.MCIRef == "" {
				t.Error("a paid fee must cite the act that set the MCI")
			}
		})
	}
	if _, err := set.Fee(mustAt(t, set, ApostilleCourt, today), today, 0); !errors.Is(err, ErrBadRequest) {
		t.Errorf("Fee for 0 documents: err = %v, want ErrBadRequest", err)
	}
}

func TestFeeDetailsAPSTD6(t *testing.T) {
	fee := mustAt(t, mustDefault(t), ApostilleProsecution, today).Fee
	if fee.Budget == nil {
		t.Fatal("AP-STD-6: no budget details")
	}
	b := *fee.Budget
	if b.KBK != "108125" || len(b.KNP) != 2 || b.KNP[0] != "911" || b.KNP[1] != "991" ||
		b.BIN != "981140001105" || b.BIK != "KKMFKZ2A" || b.Account != "KZ24070105KSN0000000" || b.Rule != "AP-STD-6" {
		t.Errorf("AP-STD-6 budget details = %+v", b)
	}
	if fee.MCIPerDocument != 0.5 || len(fee.Payers) != 1 || fee.Payers[0] != Individual {
		t.Errorf("AP-STD-6: %v MCI per document for %v; want 0.5 for individuals", fee.MCIPerDocument, fee.Payers)
	}
	ac := mustAt(t, mustDefault(t), ApostilleCourt, today).Fee
	if ac.MCIPerDocument != 0.5 || len(ac.Payers) != 2 || ac.Rule != "AC-7" {
		t.Errorf("AC-7: %v MCI per document for %v under %s; want 0.5 for individuals and legal entities", ac.MCIPerDocument, ac.Payers, ac.Rule)
	}
}
