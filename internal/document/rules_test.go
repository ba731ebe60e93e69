package document

import (
	"errors"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"qyzmet/internal/calendar"
	"qyzmet/internal/i18n"
	"qyzmet/internal/pdf"
	"qyzmet/internal/pdf/pdftest"
	"qyzmet/internal/standard"
)

// The rules each form implements, case by case; the table of every form's text
// layer is in document_test.go.

// invalid checks that Render refuses data with ErrInvalid naming field.
func invalid(t *testing.T, id FormID, data any, field string) {
	t.Helper()
	doc, err := Render(id, data, SampleMeta(id))
	var e *Error
	if !errors.Is(err, ErrInvalid) || !errors.As(err, &e) {
		t.Fatalf("error %v, want ErrInvalid", err)
	}
	if e.Field != field {
		t.Errorf("field %q, want %q (%v)", e.Field, field, err)
	}
	if doc != nil {
		t.Error("a document came back with the error")
	}
}

func TestCriminalRecordForms(t *testing.T) {
	t.Run("CR-F5 a record changes the statement in both languages", func(t *testing.T) {
		d := sampleCRCertificateTravel()
		d.HasRecord = true
		got := text(t, "cr", render(t, CRCertificateTravel, d, SampleMeta(CRCertificateTravel)))
		for _, want := range []string{"2026 жылғы «20» наурыздағы жағдай бойынша соттылығы бар.", "По состоянию на «20» марта 2026 года имеет судимость."} {
			if !strings.Contains(got, want) {
				t.Errorf("lacks %q", want)
			}
		}
		if strings.Contains(got, "соттылығы жоқ") || strings.Contains(got, "не имеет") {
			t.Error("still says there is no record")
		}
	})
	t.Run("CR-F5 the as-of date is the one given", func(t *testing.T) {
		d := sampleCRCertificateTravel()
		d.AsOf = calendar.D(2026, 1, 5)
		got := text(t, "cr", render(t, CRCertificateTravel, d, SampleMeta(CRCertificateTravel)))
		if !strings.Contains(got, "2026 жылғы «05» қаңтардағы жағдай бойынша") || !strings.Contains(got, "По состоянию на «05» января 2026 года") {
			t.Errorf("the statement does not carry 5 January 2026:\n%s", got)
		}
	})
	t.Run("CR-F5 the signer's title from meta replaces the form's", func(t *testing.T) {
		m := SampleMeta(CRCertificateTravel)
		m.SignerTitle = i18n.Text{KK: "Басқарма бастығының орынбасары", RU: "Заместитель начальника управления"}
		got := text(t, "cr", render(t, CRCertificateTravel, sampleCRCertificateTravel(), m))
		if !strings.Contains(got, "Заместитель начальника управления") {
			t.Error("the signer's title is not printed")
		}
	})
	t.Run("CR-STD-5.2 a certificate about another person needs the power of attorney", func(t *testing.T) {
		d := sampleCRApplication()
		d.AboutAnother = true
		d.Subject = Person{FullName: "Ғалымов Ерлан Сәкенұлы", IIN: "771122300997", BirthDate: calendar.D(1977, 11, 22), BirthPlace: sampleBirthPlace}
		invalid(t, CRApplication, d, "PowerOfAttorney")
		d.PowerOfAttorney = "№ 1-2/3456, 02.03.2026, нотариус Ә. Б. Ұзақова"
		got := text(t, "cr", render(t, CRApplication, d, SampleMeta(CRApplication)))
		for _, want := range []string{"Ғалымов Ерлан Сәкенұлы", "в отношении лица, указанного ниже", "нотариус Ә. Б. Ұзақова"} {
			if !strings.Contains(got, want) {
				t.Errorf("lacks %q", want)
			}
		}
	})
	t.Run("CR-STD-8.3 the paper for travel abroad needs the branch", func(t *testing.T) {
		d := sampleCRApplication()
		d.Branch = i18n.Text{}
		invalid(t, CRApplication, d, "Branch")
		d.TravelAbroad = false
		got := text(t, "cr", render(t, CRApplication, d, SampleMeta(CRApplication)))
		if !strings.Contains(got, "в электронной форме") {
			t.Error("an electronic certificate is not said to be one")
		}
	})
	t.Run("CR-STD-3.4 the interim reply says from when to apply again", func(t *testing.T) {
		d := sampleInterimReply()
		d.ReapplyFrom = calendar.D(2026, 4, 16)
		got := text(t, "ir", render(t, CRInterimReply, d, SampleMeta(CRInterimReply)))
		for _, want := range []string{"2026 жылғы 16 сәуірден бастап қайта жүгінуіңіз қажет", "то есть с 16 апреля 2026 года", "16.04.2026"} {
			if !strings.Contains(got, want) {
				t.Errorf("lacks %q:\n%s", want, got)
			}
		}
		d.ReapplyFrom = calendar.D(2026, 3, 1)
		invalid(t, CRInterimReply, d, "ReapplyFrom")
	})
}

func TestApostille(t *testing.T) {
	t.Run("AP-6.3 the box of the ten fields is at least 9 cm", func(t *testing.T) {
		for _, id := range []FormID{APApostille, ACApostille} {
			box := boxOf(id)
			if box.W < apostilleMin || box.H < apostilleMin {
				t.Errorf("%s: the box is %.0f × %.0f mm", id, box.W, box.H)
			}
			if box.X < 10 || box.X+box.W > 200 || box.Y+box.H > bottomIssued {
				t.Errorf("%s: the box %+v leaves the page", id, box)
			}
		}
	})
	t.Run("AP-6.3 the fields are inside the box and the e-Register outside", func(t *testing.T) {
		b := renderSample(t, APApostille)
		words := bboxWords(t, b)
		box := boxOf(APApostille)
		inside := func(w bboxWord) bool {
			return w.x0 >= box.X && w.x1 <= box.X+box.W && w.y0 >= box.Y && w.y1 <= box.Y+box.H
		}
		for _, word := range []string{"APOSTILLE", "Country", "Certified", "Signature", "KZ-AP-2026-00012345"} {
			w, ok := words[word]
			if !ok {
				t.Errorf("no word %q on the page", word)
				continue
			}
			if !inside(w[0]) {
				t.Errorf("%q at %+v is outside the box %+v", word, w[0], box)
			}
		}
		reg, ok := words["e-Register:"]
		if !ok || inside(reg[0]) {
			t.Errorf("the e-Register address is not outside the box: %+v", reg)
		}
	})
	t.Run("AC-6 the authority of field 7 is the issuing body of meta", func(t *testing.T) {
		m := SampleMeta(ACApostille)
		m.Provider = i18n.Text{KK: "Шымкент қаласы бойынша соттар әкімшісі", RU: "Администратор судов по городу Шымкент", EN: "Administrator of Courts of Shymkent"}
		got := text(t, "ac", render(t, ACApostille, sampleApostilleCourt(), m))
		if !strings.Contains(got, "Шымкент қаласы бойынша соттар әкімшісі / Администратор судов по городу Шымкент / Administrator of Courts of Shymkent") {
			t.Errorf("field 7 does not name the body:\n%s", got)
		}
	})
}

// boxOf is where drawApostille draws the box of form id's sample.
func boxOf(id FormID) pdf.Rect {
	spec, _ := Spec(id)
	data, _ := Sample(id)
	s := newSheet(spec, SampleMeta(id))
	s.start(lookForm)
	allongeHead(s)
	return apostilleBox(s, data.(*Apostille))
}

type bboxWord struct{ x0, y0, x1, y1 float64 } // millimetres

var bboxRE = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`)

// bboxWords are the words of page 1 with their boxes, from pdftotext -bbox.
func bboxWords(t *testing.T, b []byte) map[string][]bboxWord {
	t.Helper()
	file := pdftest.WriteFile(t, "bbox.pdf", b)
	out, ok := pdftest.Run(t, "pdftotext", "-bbox", "-f", "1", "-l", "1", file, "-")
	if !ok {
		t.Fatal(out)
	}
	words := map[string][]bboxWord{}
	const mm = 25.4 / 72
	for _, m := range bboxRE.FindAllStringSubmatch(out, -1) {
		var v [4]float64
		for i := range v {
			v[i], _ = strconv.ParseFloat(m[i+1], 64)
		}
		words[m[5]] = append(words[m[5]], bboxWord{v[0] * mm, v[1] * mm, v[2] * mm, v[3] * mm})
	}
	return words
}

func TestRefusalPapers(t *testing.T) {
	t.Run("AP-6.4 a refusal follows the hearing", func(t *testing.T) {
		d := sampleRefusalAP()
		d.HearingOn = calendar.Date{}
		invalid(t, APRefusal, d, "HearingOn")
	})
	t.Run("AR-6.2 a refusal follows the hearing", func(t *testing.T) {
		d := sampleRefusalAR()
		d.HearingOn = calendar.Date{}
		invalid(t, ARRefusal, d, "HearingOn")
	})
	t.Run("AP-STD-9 only the standard's grounds", func(t *testing.T) {
		d := sampleRefusalAP()
		d.Grounds = append(d.Grounds, Ground{ID: "late", Text: i18n.Text{KK: "кеш", RU: "поздно"}})
		invalid(t, APRefusal, d, "Grounds[1].ID")
		n := sampleHearingNoticeAP()
		n.Grounds = nil
		invalid(t, APHearingNotice, n, "Grounds")
	})
	t.Run("AR-STD-9 the grounds of AR are not those of AC", func(t *testing.T) {
		d := sampleRefusalAR()
		d.Grounds = groundsOf(standard.ApostilleCourt, "non-compliant")
		d.Grounds[0].ID = "non-compliant-ac"
		invalid(t, ARRefusal, d, "Grounds[0].ID")
	})
	t.Run("AC-15-1 the refusal prints the grounds and the reasons", func(t *testing.T) {
		got := text(t, "ac", renderSample(t, ACRefusal))
		for _, want := range []string{"1) несоответствие представленных материалов", "не заверена печатью суда", "Дата заслушивания 19.03.2026"} {
			if !strings.Contains(got, want) {
				t.Errorf("lacks %q", want)
			}
		}
	})
	t.Run("AP-6.4 the notice names the hearing's time and method", func(t *testing.T) {
		n := sampleHearingNoticeAP()
		n.Method = "phone"
		n.Place = i18n.Text{}
		got := text(t, "n", render(t, APHearingNotice, n, SampleMeta(APHearingNotice)))
		if !strings.Contains(got, "телефон арқылы / по телефону") || !strings.Contains(got, "24.03.2026, 11:00") {
			t.Errorf("the hearing is not described:\n%s", got)
		}
		n.Method = "pigeon"
		invalid(t, APHearingNotice, n, "Method")
		n.Method = "in-person"
		invalid(t, APHearingNotice, n, "Place")
	})
	t.Run("AP-6.4 the hearing comes before the deadline", func(t *testing.T) {
		n := sampleHearingNoticeAP()
		n.HearingAt = n.Deadline.AddDays(1).At(10, 0)
		invalid(t, APHearingNotice, n, "HearingAt")
	})
	t.Run("AR-6.2 the minutes record the outcome", func(t *testing.T) {
		m := sampleHearingMinutesAR()
		m.Outcome = "refusal"
		got := text(t, "m", render(t, ARHearingMinutes, m, SampleMeta(ARHearingMinutes)))
		if !strings.Contains(got, "Бас тарту үшін негіздер расталды") {
			t.Error("the refusal outcome is not printed")
		}
		m.Outcome = "maybe"
		invalid(t, ARHearingMinutes, m, "Outcome")
	})
	t.Run("AP-STD-9 a long refusal flows onto a second page", func(t *testing.T) {
		d := sampleRefusalAP()
		long := strings.Repeat(d.Reasons.RU+" ", 30)
		d.Reasons = i18n.Text{KK: strings.Repeat(d.Reasons.KK+" ", 30), RU: long}
		b := render(t, APRefusal, d, SampleMeta(APRefusal))
		file := pdftest.WriteFile(t, "long.pdf", b)
		info, _ := pdftest.Run(t, "pdfinfo", file)
		if !regexp.MustCompile(`Pages:\s+[23]\n`).MatchString(info) {
			t.Errorf("want 2 or 3 pages:\n%s", info)
		}
		got := text(t, "long", b)
		if !strings.Contains(got, "бет / стр. 2 / ") || strings.Count(got, "Ж. Ә. Жиһаншин") != 1 {
			t.Errorf("no numbered second page or not one signature:\n%s", got)
		}
	})
}

func TestArchivalForms(t *testing.T) {
	t.Run("AR-6.1 a person under 16 on 1 January 1940 needs the parents", func(t *testing.T) {
		for _, c := range []struct {
			year        int
			parents, ok bool
		}{
			{1931, false, false}, {1924, false, false}, {1923, false, true}, {1931, true, true},
		} {
			d := sampleARApplication()
			d.Person.BirthYear = c.year
			if !c.parents {
				d.Father, d.Mother = "", ""
			}
			_, err := Render(ARApplication, d, SampleMeta(ARApplication))
			if c.ok && err != nil {
				t.Errorf("born %d, parents %v: %v", c.year, c.parents, err)
			}
			if !c.ok {
				invalid(t, ARApplication, d, "Father")
			}
		}
	})
	t.Run("AR-STD-5 a paper no-data reply says nothing of the personal cabinet", func(t *testing.T) {
		d := sampleARNoData()
		d.Electronic = false
		got := text(t, "nd", render(t, ARNoData, d, SampleMeta(ARNoData)))
		if strings.Contains(got, "личный кабинет") {
			t.Error("a paper reply says it went to the personal cabinet")
		}
		if !strings.Contains(got, "Сведения в отношении указанного лица не обнаружены.") {
			t.Error("the reply does not say no data were found")
		}
	})
	t.Run("AR-6.4 the certificate needs its archive reference", func(t *testing.T) {
		d := sampleARCertificate()
		d.Source = ""
		invalid(t, ARCertificate, d, "Source")
	})
}

func TestCourtApostilleForms(t *testing.T) {
	t.Run("AC-F1 at most the four attachments of the form", func(t *testing.T) {
		d := sampleACApplication()
		for len(d.Attachments) < 5 {
			d.Attachments = append(d.Attachments, sampleIDDocument)
		}
		invalid(t, ACApplication, d, "Attachments")
	})
	t.Run("AC-F1 a legal entity gets the place of the seal", func(t *testing.T) {
		d := sampleACApplication()
		d.Applicant.Organization, d.Applicant.BIN = "«Жібек Жолы Логистик» ЖШС", "120540012345"
		got := text(t, "ac", render(t, ACApplication, d, SampleMeta(ACApplication)))
		if !strings.Contains(got, "М.П. (для юридического лица)") {
			t.Error("no place for the seal")
		}
		if strings.Contains(text(t, "ac", renderSample(t, ACApplication)), "М.П. (для юридического лица)") {
			t.Error("an individual's application has a place for a seal")
		}
	})
	t.Run("AC-15 the refusal receipt lists the missing documents", func(t *testing.T) {
		d := sampleRefusalReceipt()
		d.Missing = nil
		invalid(t, ACRefusalReceipt, d, "Missing")
	})
	t.Run("AC-F2 the wording follows the standard in force", func(t *testing.T) {
		set, _ := standard.Default()
		std, _ := set.At(standard.ApostilleCourt, sampleToday)
		f, _ := std.Form("refusal-receipt")
		var copies string
		for _, tx := range f.Texts {
			if tx.Key == "copies" {
				copies = tx.Text.RU
			}
		}
		if copies == "" || !strings.Contains(text(t, "rr", renderSample(t, ACRefusalReceipt)), copies) {
			t.Errorf("the receipt does not print the standard's %q", copies)
		}
	})
	t.Run("AC-12 the receipt needs a document and a ready date after receipt", func(t *testing.T) {
		d := sampleAcceptanceReceipt()
		d.Documents = nil
		invalid(t, SCAcceptanceReceipt, d, "Documents")
		d = sampleAcceptanceReceipt()
		d.ReadyOn = calendar.D(2026, 3, 1)
		invalid(t, SCAcceptanceReceipt, d, "ReadyOn")
	})
	t.Run("CP-7 the talon needs the reply's deadline and place", func(t *testing.T) {
		d := sampleComplaintTalon()
		d.ReplyBy = calendar.Date{}
		invalid(t, CPComplaintTalon, d, "ReplyBy")
		d = sampleComplaintTalon()
		d.Contact = ""
		invalid(t, CPComplaintTalon, d, "Contact")
	})
}

func TestFormFor(t *testing.T) {
	cases := []struct {
		service standard.ServiceID
		kind    Kind
		want    FormID
	}{
		{standard.CriminalRecord, KindInterimReply, CRInterimReply},
		{standard.ApostilleProsecution, KindApostille, APApostille},
		{standard.ApostilleCourt, KindApostille, ACApostille},
		{standard.ArchivalCertificate, KindMotivatedRefusal, ARRefusal},
		{standard.ApostilleCourt, KindAcceptanceReceipt, SCAcceptanceReceipt}, // AC-12: the common receipt
		{standard.CriminalRecord, KindAcceptanceReceipt, SCAcceptanceReceipt},
		{standard.Complaint, KindComplaintTalon, CPComplaintTalon},
		{standard.Complaint, KindComplaintReply, CPComplaintReply},
		{standard.CriminalRecord, KindApostille, ""}, // CR-STD-9: no refusal, no apostille of its own
	}
	for _, c := range cases {
		got, ok := FormFor(c.service, c.kind)
		if got.ID != c.want || ok != (c.want != "") {
			t.Errorf("FormFor(%s, %s) = %s, %v; want %s", c.service, c.kind, got.ID, ok, c.want)
		}
	}
}

// TestPopplerReadsEveryForm: every form is an A4 PDF that pdfinfo reads without
// complaint. Signing and pdfsig are the business of internal/sign and
// internal/eregister.
func TestPopplerReadsEveryForm(t *testing.T) {
	pdftest.Tool(t, "pdfinfo")
	for _, s := range Forms() {
		file := pdftest.WriteFile(t, string(s.ID)+".pdf", renderSample(t, s.ID))
		out, ok := pdftest.Run(t, "pdfinfo", file)
		if !ok || strings.Contains(out, "Error") || !strings.Contains(out, "(A4)") {
			t.Errorf("%s: pdfinfo:\n%s", s.ID, out)
		}
	}
}

// TestLegalWording checks the fixed legal sentences the papers print, by the rule
// each carries out.
func TestLegalWording(t *testing.T) {
	tests := []struct {
		name string
		form FormID
		want string
	}{
		// The application asks the applicant's consent to the use of secrets
		// protected by law in the information systems.
		{"AC-11 consent on the court apostille application", "ac-application", "охраняемую законом тайну"},
		// A refusal explains that the court comes only after the pre-trial complaint.
		{"CP-6 court only after the pre-trial complaint", "ap-refusal", "Обращение в суд допускается после обжалования в досудебном порядке"},
		{"CP-3 CP-4 review terms in the refusal", "ar-refusal", "15 (пятнадцати) рабочих дней"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := text(t, string(tt.form), renderSample(t, tt.form))
			if !strings.Contains(got, tt.want) {
				t.Errorf("%s does not print %q", tt.form, tt.want)
			}
		})
	}
}
