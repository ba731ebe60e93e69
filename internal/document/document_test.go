package document

import (
	"errors"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"qyzmet/internal/calendar"
	"qyzmet/internal/i18n"
	"qyzmet/internal/pdf"
	"qyzmet/internal/pdf/pdftest"
	"qyzmet/internal/standard"
)

// formCase is what a form's sample must print, spelled as the originals (or,
// for the forms the seed texts do not contain, as the project words them).
// Every form of Forms() needs one: a new form without a case fails the table.
type formCase struct {
	kk, ru string   // the title in Kazakh and Russian as printed
	also   []string // more phrases the sample must print
	not    []string // phrases it must not print
}

const (
	crTitleKK = "Соттылықтың болуы не болмауы туралы АНЫҚТАМА"
	crTitleRU = "СПРАВКА о наличии либо отсутствии судимости"
	// The warning of annex 5 (seed 000), both languages.
	crWarnKK = "Осы анықтамада көрсетілген мәліметтер қылмыстық істер бойынша процестік шешімді қабылдау кезінде"
	crWarnRU = "Указанные в настоящей справке сведения не подлежат использованию при принятии процессуальных решений по уголовным делам"
)

var apostilleLabels = []string{
	"1. Мемлекет / Страна / Country",
	"Осы ресми құжат / Настоящий официальный документ / This public document",
	"2. қол қойған / подписан / has been signed by",
	"3. лауазымы / выступающим в качестве / acting in the capacity of",
	"4. мөрімен (мөртаңбасымен) бекітілген / скреплен печатью (штампом) / bears the seal/stamp of",
	"Куәландырылды / Удостоверено / Certified",
	"5. жері / в / at",
	"6. күні / дата / the",
	"7. кім куәландырды / кем / by",
	"8. нөмірі / за № / No",
	"9. Мөр (мөртаңба) / Печать (штамп) / Seal/stamp",
	"10. Қолы / Подпись / Signature",
}

var formCases = map[FormID]formCase{
	CRApplication: {
		kk: "Соттылықтың болуы не болмауы туралы анықтама беру туралы арыз",
		ru: "Заявление о выдаче справки о наличии либо отсутствии судимости",
		also: []string{"Һашимова Әйгерім Ғалымқызы", "Ғалымова Әйгерім Ғалымқызы", "на бумажном носителе для выезда за границу",
			"Руководителю", "Согласен на использование сведений, составляющих охраняемую законом тайну"},
	},
	CRCertificate: {
		kk: crTitleKK, ru: crTitleRU,
		also: []string{"ҺАШИМОВА ӘЙГЕРІМ ҒАЛЫМҚЫЗЫ", "900215450129", "15.02.1990",
			"2026 жылғы «20» наурыздағы жағдай бойынша соттылығы жоқ.", "По состоянию на «20» марта 2026 года судимости не имеет.",
			"НАЗАР АУДАРЫҢЫЗ!!!", "ВНИМАНИЕ!!!", crWarnKK, crWarnRU},
		not: []string{"для выезда за границу", "шет елге шығу үшін"},
	},
	CRCertificateTravel: {
		kk: crTitleKK, ru: crTitleRU,
		also: []string{"ҺАШИМОВА ӘЙГЕРІМ ҒАЛЫМҚЫЗЫ", "15.02.1990", "Шығыс Қазақстан облысы, Үржар ауданы, Үржар ауылы",
			"Восточно-Казахстанская область, Урджарский район, село Урджар",
			"2026 жылғы «20» наурыздағы жағдай бойынша соттылығы жоқ. Осы анықтама шет елге шығу үшін беріледі.",
			"По состоянию на «20» марта 2026 года судимости не имеет. Настоящая справка выдается для выезда за границу.",
			"Басқарма бастығы", "Начальник управления", "Ж. Ә. Жиһаншин",
			"НАЗАР АУДАРЫҢЫЗ!!!", "ВНИМАНИЕ!!!", crWarnKK, crWarnRU},
	},
	CRInterimReply: {
		kk: "Аралық жауап", ru: "Промежуточный ответ",
		also: []string{"қосымша анықтамалық тексеріс", "дополнительная справочная проверка",
			"20 (жиырма) жұмыс күні", "20 (двадцати) рабочих дней", "KZ-CR-2026-00011872"},
	},
	APApplication: {
		kk: "Ресми құжатқа апостиль қою туралы арыз", ru: "Заявление о проставлении апостиля на официальном документе",
		also: []string{"Прошу проставить апостиль на официальном документе", "Федеративная Республика Германия"},
	},
	APJournal: {
		kk: "Апостиль қойылған құжаттарды есепке алу журналы", ru: "Журнал учета апостилированных документов",
		also: []string{"01.03.2026 – 31.03.2026", "Жақсылықов Ерұлан Бақытжанұлы", "KZ-AP-2026-00011902", "Бас тарту / Отказ"},
	},
	APApostille: {
		kk: "Апостиль (1961 жылғы 5 қазандағы Гаага конвенциясы)", ru: "Апостиль (Гаагская конвенция от 5 октября 1961 года)",
		also: append([]string{"APOSTILLE", "(Convention de La Haye du 5 octobre 1961)",
			"Қазақстан Республикасы / Республика Казахстан / Republic of Kazakhstan", "KZ-AP-2026-00012345",
			"This Apostille can be verified in the e-Register: https://qyzmet.example/verify/KZ-AP-2026-00012345"}, apostilleLabels...),
	},
	APHearingNotice: {
		kk:   "Мемлекеттік қызметті көрсетуден бас тарту туралы алдын ала шешім және тыңдау туралы хабарлама",
		ru:   "Уведомление о предварительном решении об отказе в оказании государственной услуги и о заслушивании",
		also: []string{"24.03.2026, 11:00", "недостоверность представленных документов", "Апостилирование официальных документов, исходящих из органов прокуратуры"},
	},
	APHearingMinutes: {
		kk: "Тыңдау хаттамасы", ru: "Протокол заслушивания",
		also: []string{"Құрманғазы Нұрлан Өтегенұлы", "Основания для отказа не подтвердились"},
	},
	APRefusal: {
		kk: "Мемлекеттік қызметті көрсетуден бас тарту туралы уәжді жауап", ru: "Мотивированный ответ об отказе в оказании государственной услуги",
		also: []string{"недостоверность представленных документов", "19.03.2026", "15 (пятнадцати) рабочих дней"},
	},
	ARApplication: {
		kk:   "Архивтік анықтамаларды және/немесе архивтік құжаттардың көшірмелерін беру туралы арыз",
		ru:   "Заявление о выдаче архивных справок и (или) копий архивных документов",
		also: []string{"Бейсембаева Күлпаш Омарқызы", "Бейсембаев Омар", "Отец", "Мать"},
	},
	ARCertificate: {
		kk: "АРХИВТІК АНЫҚТАМА", ru: "АРХИВНАЯ СПРАВКА",
		also: []string{"Бейсембаева Күлпаш Омарқызы", "1931", "Ф. 2, оп. 1, д. 7743, л. 15–17", "12.03.1944", "16.07.1956"},
	},
	ARNoData: {
		kk: "Сұралған мәліметтердің жоқтығы туралы жауап", ru: "Ответ об отсутствии запрашиваемых сведений",
		also: []string{"Әбдірахманов Сұлтанғали Үмбетұлы", "Сведения в отношении указанного лица не обнаружены.",
			"неавтоматизированной (бумажной) картотеке", "подписанного ЭЦП уполномоченного лица"},
	},
	ARHearingNotice: {
		kk:   "Мемлекеттік қызметті көрсетуден бас тарту туралы алдын ала шешім және тыңдау туралы хабарлама",
		ru:   "Уведомление о предварительном решении об отказе в оказании государственной услуги и о заслушивании",
		also: []string{"на спецучет не ставились", "Выдача архивных справок"},
	},
	ARHearingMinutes: {
		kk: "Тыңдау хаттамасы", ru: "Протокол заслушивания",
		also: []string{"Бейсембаев Омар (1901 г.р.)"},
	},
	ARRefusal: {
		kk: "Мемлекеттік қызметті көрсетуден бас тарту туралы уәжді жауап", ru: "Мотивированный ответ об отказе в оказании государственной услуги",
		also: []string{"на спецучет не ставились"},
	},
	ACApplication: {
		kk: "Өтініш", ru: "Заявление",
		also: []string{"Прошу Вас проставить апостиль на «решение Медеуского районного суда города Алматы",
			"подлежащий предъявлению в «Федеративная Республика Германия».",
			"апостиль мөртаңбасын қойып, беруіңізді сұраймын.",
			"К настоящему заявлению прилагаются:", "Осы өтінішке келесілер қоса беріледі:",
			"Согласен на использование сведений, составляющих охраняемую законом тайну, содержащихся в информационных системах.",
			"кесу сызығы / линия отрыва", "Документы принял", "Время выдачи документов", "Құжаттарды беру уақыты"},
	},
	ACRefusalReceipt: {
		kk: "Құжаттарды қабылдаудан бас тарту туралы қолхат", ru: "Расписка об отказе в приеме документов",
		also: []string{"отдел № 3 филиала Государственной корпорации по адресу: г. Алматы, проспект Абая, 10, отказывает в приеме документов",
			"«Апостилирование официальных документов, исходящих из судебных органов»",
			"1) официальный документ, исходящий из судебных органов, представляемый для апостилирования",
			"2) документ, подтверждающий оплату государственной пошлины",
			"Настоящая расписка составлена в 2 экземплярах, по одному для каждой стороны.",
			"Осы қолхат әр тарап үшін бір-бірден 2 данада жасалды.", "Жаңабаев Ерғали Құдайбергенұлы", "+7 727 300 14 14"},
	},
	ACApostille: {
		kk: "Апостиль (1961 жылғы 5 қазандағы Гаага конвенциясы)", ru: "Апостиль (Гаагская конвенция от 5 октября 1961 года)",
		also: append([]string{"APOSTILLE", "(Convention de La Haye du 5 octobre 1961)", "Судья / Judge",
			"Медеуский районный суд города Алматы", "KZ-AC-2026-00012345"}, apostilleLabels...),
	},
	ACHearingNotice: {
		kk:   "Мемлекеттік қызметті көрсетуден бас тарту туралы алдын ала шешім және тыңдау туралы хабарлама",
		ru:   "Уведомление о предварительном решении об отказе в оказании государственной услуги и о заслушивании",
		also: []string{"посредством видеосвязи", "https://meet.sud.example/h/7511", "Апостилирование официальных документов, исходящих из судебных органов"},
	},
	ACHearingMinutes: {
		kk: "Тыңдау хаттамасы", ru: "Протокол заслушивания",
		also: []string{"Основания для отказа подтвердились", "Ө. Қ. Сәрсенбаева"},
	},
	ACRefusal: {
		kk: "Мемлекеттік қызмет көрсетуден бас тарту туралы дәлелді жауап", ru: "Мотивированный отказ в оказании государственной услуги",
		also: []string{"Единым правилам о порядке и условиях проставления апостиля", "не заверена печатью суда"},
	},
	SCAcceptanceReceipt: {
		kk: "Құжаттарды қабылдау туралы қолхат", ru: "Расписка о приеме документов",
		also: []string{"KZ-AC-2026-00012001", "20.03.2026, 09:41", "копия решения суда, 3 листа", "Г. Ү. Нұрпейісова"},
	},
	CPComplaintTalon: {
		kk: "Шағымды қабылдау туралы талон", ru: "Талон о принятии жалобы",
		also: []string{"KZ-CP-2026-00012345", "C-2026-000117", "Р. Ө. Бейсенқұлова", "20.03.2026, 09:15", "нарушение срока выдачи архивной справки",
			"в течение 5 (пяти) рабочих дней"},
	},
	CPComplaintReply: {
		kk: "Шағымды қарау нәтижелері туралы дәлелді жауап", ru: "Мотивированный ответ о результатах рассмотрения жалобы",
		also: []string{"C-2026-000117", "20.03.2026", "Жалоба признана обоснованной", "11 рабочих дней вместо 8",
			"уполномоченный орган по оценке и контролю"},
	},
}

// TestForms checks the list of forms itself: unique IDs, complete titles, a
// rule of DIGEST.md behind each, a test case for each.
func TestForms(t *testing.T) {
	set, err := standard.Default()
	if err != nil {
		t.Fatal(err)
	}
	rules := set.RuleIDs()
	seen := map[FormID]bool{}
	for _, s := range Forms() {
		if seen[s.ID] {
			t.Errorf("form %s is listed twice", s.ID)
		}
		seen[s.ID] = true
		if !s.Title.Complete() {
			t.Errorf("%s: title %+v is not in all three languages", s.ID, s.Title)
		}
		if !rules[s.Rule] {
			t.Errorf("%s: rule %q is not a rule of DIGEST.md", s.ID, s.Rule)
		}
		if len(s.Languages) < 2 || s.Languages[0] != i18n.KK || s.Languages[1] != i18n.RU {
			t.Errorf("%s: languages %v, want Kazakh then Russian", s.ID, s.Languages)
		}
		if s.Service != "" {
			if _, err := set.At(s.Service, sampleToday); err != nil {
				t.Errorf("%s: service %q: %v", s.ID, s.Service, err)
			}
		}
		data, err := Sample(s.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got := fmt.Sprintf("%T", data); got != s.Data {
			t.Errorf("%s: sample is %s, spec says %s", s.ID, got, s.Data)
		}
		c, ok := formCases[s.ID]
		if !ok {
			t.Errorf("%s (%s) has no case in formCases: add one", s.ID, s.Rule)
			continue
		}
		if s.Title.KK != c.kk && !strings.EqualFold(s.Title.KK, c.kk) {
			t.Errorf("%s: Kazakh title %q, want %q", s.ID, s.Title.KK, c.kk)
		}
		if s.Title.RU != c.ru && !strings.EqualFold(s.Title.RU, c.ru) {
			t.Errorf("%s: Russian title %q, want %q", s.ID, s.Title.RU, c.ru)
		}
	}
	for id := range formCases {
		if !seen[id] {
			t.Errorf("formCases has %s, which Forms does not list", id)
		}
	}
}

// TestFormsTextLayer renders every form's sample and reads its text back with
// pdftotext: the titles in Kazakh and Russian spelled right, the form's fixed
// wording, its data, and for an issued paper its number; and the metadata.
func TestFormsTextLayer(t *testing.T) {
	for _, s := range Forms() {
		t.Run(string(s.ID)+"/"+s.Rule, func(t *testing.T) {
			c := formCases[s.ID]
			meta := SampleMeta(s.ID)
			b := renderSample(t, s.ID)
			got := text(t, string(s.ID), b)
			for _, want := range append([]string{c.kk, c.ru}, c.also...) {
				if !strings.Contains(got, want) {
					t.Errorf("the text layer lacks %q:\n%s", want, got)
				}
			}
			for _, bad := range c.not {
				if strings.Contains(got, bad) {
					t.Errorf("the text layer has %q, which this form must not print", bad)
				}
			}
			if s.Issued {
				for _, want := range []string{"№ " + meta.Number, meta.VerifyURL, "Документ подписан электронной цифровой подписью"} {
					if !strings.Contains(got, want) {
						t.Errorf("an issued paper lacks %q", want)
					}
				}
			}
			info, err := pdf.ReadInfo(b)
			if err != nil {
				t.Fatal(err)
			}
			if info.Number != meta.Number {
				t.Errorf("metadata number %q, want %q", info.Number, meta.Number)
			}
		})
	}
}

// TestIssuedFormsCarryQRCode renders each issued form's first page and looks for
// the QR code where the footer puts it.
func TestIssuedFormsCarryQRCode(t *testing.T) {
	pdftest.Tool(t, "pdftoppm")
	for _, s := range Forms() {
		if !s.Issued {
			continue
		}
		t.Run(string(s.ID), func(t *testing.T) {
			file := pdftest.WriteFile(t, "f.pdf", renderSample(t, s.ID))
			dir := t.TempDir()
			if out, ok := pdftest.Run(t, "pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", file, filepath.Join(dir, "p")); !ok {
				t.Fatal(out)
			}
			pages, _ := filepath.Glob(filepath.Join(dir, "p-*.png"))
			if len(pages) != 1 {
				t.Fatalf("pdftoppm wrote %v", pages)
			}
			img := readPNG(t, pages[0])
			// The QR square: 20 mm from (18.5, 265) mm; 40 dpi is 1.575 px/mm.
			px := func(mm float64) int { return int(mm * 40 / 25.4) }
			qr := image.Rect(px(20), px(267), px(37), px(283))
			got := ink(img, qr)
			// Text fills a tenth of a block at most; a QR code about half.
			if got < 0.3 {
				t.Errorf("%.2f of the QR square is inked, want a QR code", got)
			}
		})
	}
}

func readPNG(t *testing.T, path string) image.Image {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// ink is the share of dark pixels in r.
func ink(img image.Image, r image.Rectangle) float64 {
	dark, all := 0, 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			cr, cg, cb, _ := img.At(x, y).RGBA()
			if (cr+cg+cb)/3 < 0x8000 {
				dark++
			}
			all++
		}
	}
	return float64(dark) / float64(all)
}

func TestRenderRejectsBadInput(t *testing.T) {
	cert := sampleCRCertificateTravel()
	meta := SampleMeta(CRCertificateTravel)
	with := func(f func(m *Meta)) Meta { m := meta; f(&m); return m }
	cases := []struct {
		name  string
		id    FormID
		data  any
		meta  Meta
		kind  error
		field string
	}{
		{"unknown form", "cr-passport", cert, meta, ErrUnknownForm, ""},
		{"another form's data", CRCertificateTravel, sampleApostilleCourt(), meta, ErrWrongData, ""},
		{"a value, not a pointer", CRCertificateTravel, *cert, meta, ErrWrongData, ""},
		{"a nil pointer", CRCertificateTravel, (*CriminalRecordCertificate)(nil), meta, ErrWrongData, ""},
		{"nil", CRCertificateTravel, nil, meta, ErrWrongData, ""},
		{"no date", CRCertificateTravel, cert, with(func(m *Meta) { m.IssuedAt = time.Time{} }), ErrInvalid, "Meta.IssuedAt"},
		{"issued without a number", CRCertificateTravel, cert, with(func(m *Meta) { m.Number = "" }), ErrInvalid, "Meta.Number"},
		{"issued without a link for the QR code", CRCertificateTravel, cert, with(func(m *Meta) { m.VerifyURL = "" }), ErrInvalid, "Meta.VerifyURL"},
		{"a link that is not http(s)", CRCertificateTravel, cert, with(func(m *Meta) { m.VerifyURL = "ftp://qyzmet.example/v/1" }), ErrInvalid, "Meta.VerifyURL"},
		{"issued without a signer", CRCertificateTravel, cert, with(func(m *Meta) { m.Signer = " " }), ErrInvalid, "Meta.Signer"},
		{"CR-F5 without a name", CRCertificateTravel, &CriminalRecordCertificate{BirthDate: cert.BirthDate, BirthPlace: cert.BirthPlace, AsOf: cert.AsOf}, meta, ErrInvalid, "FullName"},
		{"CR-F5 checked before birth", CRCertificateTravel, func() any { c := *cert; c.AsOf = calendar.D(1980, 1, 1); return &c }(), meta, ErrInvalid, "BirthDate"},
		{"CR-F5 with a bad IIN", CRCertificate, func() any { c := *cert; c.IIN = "90021545012"; return &c }(), SampleMeta(CRCertificate), ErrInvalid, "IIN"},
		{"CR-F5 before the standard is in force", CRCertificateTravel, cert, with(func(m *Meta) { m.IssuedAt = m.IssuedAt.AddDate(-10, 0, 0) }), ErrNoWording, ""},
		{"a character no font has", CRCertificateTravel, func() any { c := *cert; c.FullName = "ҺАШИМОВА 漢字"; return &c }(), meta, ErrLayout, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc, err := Render(c.id, c.data, c.meta)
			if !errors.Is(err, c.kind) {
				t.Fatalf("error %v, want %v", err, c.kind)
			}
			if doc != nil {
				t.Error("a document came back with the error")
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("%T is not a *document.Error", err)
			}
			if e.Field != c.field {
				t.Errorf("field %q, want %q", e.Field, c.field)
			}
			if e.In(i18n.KK) == e.In(i18n.EN) || e.In(i18n.RU) == e.In(i18n.EN) {
				t.Errorf("the message is not translated: %q", e.In(i18n.KK))
			}
		})
	}
	if _, err := Sample("cr-passport"); !errors.Is(err, ErrUnknownForm) {
		t.Errorf("Sample of an unknown form: %v", err)
	}
}
