package sign

import (
	"fmt"
	"html/template"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"rsc.io/qr"

	"qyzmet/internal/pdf/samplecert"
)

// BenchmarkChromiumCertificate prints the same certificate — the same data, fonts
// and layout, as an HTML page — to PDF through headless Chromium, the way a
// browser-based renderer would, and reports how many times slower that is than
// signing the same certificate natively, which it also times (metric x-native). Chromium adds
// no signature, so the comparison favours it. Each document starts a browser;
// set QYZMET_BENCH_CHROMIUM=1 to run it.
func BenchmarkChromiumCertificate(b *testing.B) {
	if os.Getenv("QYZMET_BENCH_CHROMIUM") == "" {
		b.Skip("set QYZMET_BENCH_CHROMIUM=1 to compare with headless Chromium")
	}
	chromium, err := exec.LookPath("chromium")
	if err != nil {
		b.Fatal("chromium is not installed: run scripts/deps.sh")
	}
	fontDir, err := filepath.Abs("../../assets/fonts")
	if err != nil {
		b.Fatal(err)
	}
	// The native time is measured here, in the same run, before the clock starts
	// (testing.Benchmark cannot be called from inside a benchmark).
	data := samplecert.Example()
	s, _, _ := demo(b)
	nativeDocs, start := 0, time.Now()
	for time.Since(start) < time.Second {
		if _, err := PDF(samplecert.Draw(data), s, Options{}); err != nil {
			b.Fatal(err)
		}
		nativeDocs++
	}
	native := float64(time.Since(start).Nanoseconds()) / float64(nativeDocs)
	dir := b.TempDir()
	n := 0
	for b.Loop() {
		page := filepath.Join(dir, "certificate.html")
		f, err := os.Create(page)
		if err != nil {
			b.Fatal(err)
		}
		if err := certificateHTML.Execute(f, htmlData(data, fontDir)); err != nil {
			b.Fatal(err)
		}
		f.Close()
		out := filepath.Join(dir, "certificate.pdf")
		cmd := exec.Command(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
			"--disable-background-networking", "--disable-component-update", "--disable-sync",
			"--user-data-dir="+filepath.Join(dir, "profile"), "--no-pdf-header-footer",
			"--print-to-pdf="+out, "file://"+page)
		if msg, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("chromium: %v\n%s", err, msg)
		}
		if st, err := os.Stat(out); err != nil || st.Size() == 0 {
			b.Fatalf("chromium wrote no PDF: %v", err)
		}
		n++
	}
	perDoc := float64(b.Elapsed().Nanoseconds()) / float64(n)
	b.ReportMetric(native, "native-ns/doc")
	b.ReportMetric(perDoc/native, "x-native")
}

type certificatePage struct {
	samplecert.Data
	FontDir                  string
	IssuedText, BirthText    string
	StatementKK, StatementRU string
	QR                       template.HTML
	Petals                   []int // rotations of the ornament's petals, in degrees
}

func htmlData(d samplecert.Data, fontDir string) certificatePage {
	code, err := qr.Encode(d.VerifyURL, qr.M)
	if err != nil {
		panic(err)
	}
	var svg strings.Builder
	fmt.Fprintf(&svg, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" width="36mm" height="36mm"><path d="`, code.Size+8, code.Size+8)
	for y := range code.Size {
		for x := range code.Size {
			if code.Black(x, y) {
				fmt.Fprintf(&svg, "M%d %dh1v1h-1z", x+4, y+4)
			}
		}
	}
	svg.WriteString(`"/></svg>`)
	kkMonths := []string{"қаңтардағы", "ақпандағы", "наурыздағы", "сәуірдегі", "мамырдағы", "маусымдағы",
		"шілдедегі", "тамыздағы", "қыркүйектегі", "қазандағы", "қарашадағы", "желтоқсандағы"}
	ruMonths := []string{"января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"}
	return certificatePage{
		Data: d, FontDir: fontDir,
		IssuedText: d.Issued.Format("02.01.2006 15:04"), BirthText: d.BirthDate.Format("02.01.2006"),
		StatementKK: fmt.Sprintf("%d жылғы «%02d» %s жағдай бойынша сотталғандығы жоқ. Осы анықтама шетелге шығу үшін берілді.",
			d.AsOf.Year(), d.AsOf.Day(), kkMonths[d.AsOf.Month()-1]),
		StatementRU: fmt.Sprintf("По состоянию на «%02d» %s %d года судимости не имеет. Настоящая справка выдана для выезда за рубеж.",
			d.AsOf.Day(), ruMonths[d.AsOf.Month()-1], d.AsOf.Year()),
		QR:     template.HTML(svg.String()),
		Petals: []int{0, 22, 45, 67, 90, 112, 135, 157, 180, 202, 225, 247, 270, 292, 315, 337},
	}
}

var certificateHTML = template.Must(template.New("certificate").Parse(`<!doctype html>
<html lang="kk"><head><meta charset="utf-8"><title>АНЫҚТАМА / СПРАВКА</title>
<style>
@font-face { font-family: "PT Serif"; src: url("file://{{.FontDir}}/PTSerif-Regular.ttf"); }
@font-face { font-family: "PT Serif"; font-weight: bold; src: url("file://{{.FontDir}}/PTSerif-Bold.ttf"); }
@font-face { font-family: "PT Sans"; src: url("file://{{.FontDir}}/PTSans-Regular.ttf"); }
@page { size: A4; margin: 0; }
body { margin: 0; font-family: "PT Serif"; font-size: 11.5pt; line-height: 1.25; }
.page { position: relative; width: 210mm; height: 297mm; overflow: hidden; }
.frame { position: absolute; left: 10mm; top: 10mm; width: 190mm; height: 277mm; border: 1.2pt solid #1F3864; box-sizing: border-box; }
.frame2 { position: absolute; left: 11.6mm; top: 11.6mm; width: 186.8mm; height: 273.8mm; border: 0.4pt solid #B08D3C; box-sizing: border-box; }
.org { position: absolute; top: 18mm; width: 70mm; font-weight: bold; font-size: 8.5pt; line-height: 1.2; text-align: center; color: #1F3864; }
.rosette { position: absolute; left: 95mm; top: 17mm; width: 20mm; height: 20mm; }
.rule { position: absolute; left: 18mm; width: 174mm; top: 42mm; border-top: 1pt solid #1F3864; border-bottom: 0.3pt solid #1F3864; height: 0.7mm; }
.title { position: absolute; left: 0; width: 210mm; text-align: center; }
.title b { font-size: 17pt; color: #1F3864; }
.meta { position: absolute; top: 81mm; font-family: "PT Sans"; font-size: 9pt; color: #595959; }
table { position: absolute; left: 18mm; top: 90mm; width: 174mm; border-collapse: collapse; }
td { border-bottom: 0.3pt solid #595959; padding: 1.5mm 2mm; vertical-align: top; }
td.l { width: 52mm; background: #F3F0E6; font-family: "PT Sans"; font-size: 8pt; color: #595959; line-height: 1.15; }
td.v { font-weight: bold; }
.cols { position: absolute; left: 20mm; width: 170mm; display: flex; gap: 10mm; line-height: 1.35; }
.cols > div { width: 80mm; }
.warn { position: absolute; left: 18mm; width: 174mm; box-sizing: border-box; border: 0.4pt solid #595959; padding: 3mm; display: flex; gap: 8mm;
  font-family: "PT Sans"; font-size: 7.5pt; color: #595959; }
.warn > div { width: 80mm; }
.qr { position: absolute; left: 18mm; top: 242mm; }
.note { position: absolute; left: 56mm; top: 249mm; width: 134mm; font-family: "PT Sans"; font-size: 8pt; line-height: 1.3; }
</style></head><body><div class="page">
<div class="frame"></div><div class="frame2"></div>
<div class="org" style="left:18mm">ҚАЗАҚСТАН РЕСПУБЛИКАСЫ БАС ПРОКУРАТУРАСЫНЫҢ ҚҰҚЫҚТЫҚ СТАТИСТИКА ЖӘНЕ АРНАЙЫ ЕСЕПКЕ АЛУ ЖӨНІНДЕГІ КОМИТЕТІ</div>
<svg class="rosette" viewBox="-10 -10 20 20"><circle r="9.7" fill="none" stroke="#1F3864" stroke-width="0.2"/>
<g fill="#B08D3C">{{range $i := .Petals}}<ellipse rx="1" ry="4.5" cy="-5.5" transform="rotate({{$i}})"/>{{end}}</g>
<circle r="3.8" fill="#1F3864"/><circle r="2.7" fill="none" stroke="#B08D3C" stroke-width="0.2"/></svg>
<div class="org" style="left:122mm">КОМИТЕТ ПО ПРАВОВОЙ СТАТИСТИКЕ И СПЕЦИАЛЬНЫМ УЧЕТАМ ГЕНЕРАЛЬНОЙ ПРОКУРАТУРЫ РЕСПУБЛИКИ КАЗАХСТАН</div>
<div class="rule"></div>
<div class="title" style="top:48mm"><b>АНЫҚТАМА</b><br>сотталғандығының бар не жоқ екендігі туралы</div>
<div class="title" style="top:63mm"><b>СПРАВКА</b><br>о наличии либо отсутствии судимости</div>
<div class="meta" style="left:20mm">№ {{.Number}}</div><div class="meta" style="right:20mm">{{.IssuedText}}</div>
<table>
<tr><td class="l">Тегі, аты, әкесінің аты<br>Фамилия, имя, отчество</td><td class="v">{{.FullName}}</td></tr>
<tr><td class="l">ЖСН<br>ИИН</td><td class="v">{{.IIN}}</td></tr>
<tr><td class="l">Туған күні<br>Дата рождения</td><td class="v">{{.BirthText}}</td></tr>
<tr><td class="l">Туған жері<br>Место рождения</td><td class="v">{{.BirthPlace.KK}}<br>{{.BirthPlace.RU}}</td></tr>
</table>
<div class="cols" style="top:150mm"><div>{{.StatementKK}}</div><div>{{.StatementRU}}</div></div>
<div class="cols" style="top:178mm"><div>Басқарма басшысы<br>Начальник управления</div><div style="text-align:right"><b>{{.Official}}</b></div></div>
<div class="warn" style="top:200mm">
<div>Ескерту: есепке алу деректері заңнамаға сәйкес пайдаланылады және қылмыстық істер бойынша процестік шешімдер қабылдау, мемлекеттік функцияларды орындайтын адамдарды арнайы тексеру, сондай-ақ қылмыстық жауаптылыққа байланысты шектеулер қолданылатын адамдар үшін пайдаланылмайды.</div>
<div>Примечание: сведения учетов используются в соответствии с законодательством и не применяются для принятия процессуальных решений по уголовным делам, специальных проверок лиц, выполняющих государственные функции, а также лиц, на которых распространяются ограничения, связанные с уголовной ответственностью.</div>
</div>
<div class="qr">{{.QR}}</div>
<div class="note">Құжаттың түпнұсқалығын QR-код немесе нөмірі бойынша тексеріңіз / Проверьте подлинность документа по QR-коду или номеру:<br>{{.VerifyURL}}<br>Құжат электрондық цифрлық қолтаңбамен қол қойылған / Документ подписан электронной цифровой подписью.</div>
</div></body></html>
`))
