package document

import (
	"strings"

	"qyzmet/internal/i18n"
	"qyzmet/internal/pdf"
)

func (d *Apostille) check(c *check) {
	c.i18n("Country", d.Country)
	c.text("SignedBy", d.SignedBy)
	c.i18n("Capacity", d.Capacity)
	c.i18n("SealOf", d.SealOf)
	c.i18n("Place", d.Place)
	c.i18n("Document", d.Document)
	if d.DocumentPages < 0 {
		c.fail("DocumentPages", "парақ саны теріс", "отрицательное число листов", "a negative number of pages")
	}
}

// apostilleMin is the least side of the apostille's box: the model annexed to
// the Hague Convention of 5 October 1961 is a square of at least 9 cm.
const apostilleMin = 90.0

// The labels of the ten numbered fields of the Convention's model, in Kazakh,
// Russian and English, and the lines between them.
var (
	apostilleThis      = i18n.Text{KK: "Осы ресми құжат", RU: "Настоящий официальный документ", EN: "This public document"}
	apostilleCertified = i18n.Text{KK: "Куәландырылды", RU: "Удостоверено", EN: "Certified"}
	apostilleFields    = [10]i18n.Text{
		{KK: "Мемлекет", RU: "Страна", EN: "Country"},
		{KK: "қол қойған", RU: "подписан", EN: "has been signed by"},
		{KK: "лауазымы", RU: "выступающим в качестве", EN: "acting in the capacity of"},
		{KK: "мөрімен (мөртаңбасымен) бекітілген", RU: "скреплен печатью (штампом)", EN: "bears the seal/stamp of"},
		{KK: "жері", RU: "в", EN: "at"},
		{KK: "күні", RU: "дата", EN: "the"},
		{KK: "кім куәландырды", RU: "кем", EN: "by"},
		{KK: "нөмірі", RU: "за №", EN: "No"},
		{KK: "Мөр (мөртаңба)", RU: "Печать (штамп)", EN: "Seal/stamp"},
		{KK: "Қолы", RU: "Подпись", EN: "Signature"},
	}
	// apostilleScope is the statement the HCCH recommends outside the box.
	apostilleScope = i18n.Text{
		KK: "Бұл апостиль ресми құжатқа қол қойған адамның қолының түпнұсқалығын, оның қандай лауазымда әрекет еткенін және, қажет болған жағдайда, құжаттағы мөрдің немесе мөртаңбаның түпнұсқалығын ғана куәландырады. Апостиль құжаттың мазмұнын куәландырмайды.",
		RU: "Настоящий апостиль удостоверяет только подлинность подписи, качество, в котором выступало лицо, подписавшее официальный документ, и, в надлежащем случае, подлинность печати или штампа, которыми скреплен этот документ. Апостиль не удостоверяет содержание документа.",
		EN: "This Apostille only certifies the authenticity of the signature and the capacity of the person who has signed the public document, and, where appropriate, the identity of the seal or stamp which the public document bears. It does not certify the content of the document.",
	}
)

// three is a text in Kazakh, Russian and English joined by slashes.
func three(t i18n.Text) string {
	seen := map[string]bool{}
	var out []string
	for _, l := range []i18n.Lang{i18n.KK, i18n.RU, i18n.EN} {
		if v := t.In(l); !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	return strings.Join(out, " / ")
}

// drawApostille lays out the apostille as an allonge page. Rule AP-6.3 (and
// AC-6): the result is the document with an apostille certifying the signature,
// the signer's capacity and the seal or stamp. The model of the Hague Convention:
// the French title, the ten numbered fields in a box of at least 9 cm; the extra
// information (the apostilled document, the scope statement, the e-Register)
// outside the box.
func drawApostille(s *sheet, d *Apostille) error {
	s.start(lookForm)
	allongeHead(s)
	box := apostilleBox(s, d)
	s.y = box.Y + box.H + 5

	// Outside the box: the document it is attached to, the scope, the e-Register.
	doc := three(d.Document)
	if d.DocumentNumber != "" {
		doc += ", № " + d.DocumentNumber
	}
	if !d.DocumentDate.IsZero() {
		doc += ", " + dateNum(d.DocumentDate)
	}
	if d.DocumentPages > 0 {
		doc += "; " + itoa(d.DocumentPages) + " п. / л. / p."
	}
	s.para(s.st.label, "Апостиль қоса тіркелген құжат / Документ, к которому прилагается апостиль / Document to which this Apostille is attached:")
	s.y += 0.5
	val := s.st.value
	val.Size = 10
	s.paraAt(val, marginL, contentW, doc)
	s.y += 2.5
	scope := s.st.small
	scope.Size = 7
	for _, l := range []i18n.Lang{i18n.KK, i18n.RU, i18n.EN} {
		s.para(scope, apostilleScope.In(l))
		s.y += 0.6
	}
	s.y += 1.5
	reg := s.st.smallBold
	reg.Color = navy
	s.para(reg, "Апостильді электрондық тізілімде тексеруге болады / Апостиль можно проверить в электронном реестре / This Apostille can be verified in the e-Register: "+s.meta.VerifyURL)
	return nil
}

// allongeHead says what the page is: an allonge attached to the copy of the
// apostilled document.
func allongeHead(s *sheet) {
	top := pdf.Style{Font: pdf.StandardFonts().SansBold, Size: 7.5, Color: navy, Align: pdf.Center}
	s.center(top, "АЛЛОНЖ / ALLONGE: апостиль қойылған құжаттың көшірмесіне қоса тіркелген парақ / лист, прилагаемый к копии апостилированного документа / sheet attached to the copy of the apostilled document")
	s.y += 3
}

// apostilleBox draws the box with the title and the ten fields at the cursor and
// returns it: as wide as the text column allows and at least apostilleMin high.
func apostilleBox(s *sheet, d *Apostille) pdf.Rect {
	f := pdf.StandardFonts()
	box := pdf.Rect{X: 22, Y: s.y, W: 166}
	in := box.Inset(7)
	p := s.p
	y := box.Y + 7

	p.Text(105, y, pdf.Style{Font: f.SerifBold, Size: 22, Align: pdf.Center, Color: navy}, "APOSTILLE")
	y += 8.5
	p.Text(105, y, pdf.Style{Font: f.SerifItalic, Size: 11, Align: pdf.Center}, "(Convention de La Haye du 5 octobre 1961)")
	y += 5
	t := pdf.Style{Font: f.Sans, Size: 7.5, Align: pdf.Center, Color: grey}
	p.Text(105, y, t, s.spec.Title.KK)
	y += 3.3
	p.Text(105, y, t, s.spec.Title.RU)
	y += 4
	p.Line(in.X, y, in.X+in.W, y, pdf.Stroke{Width: 0.5, Color: gold})
	y += 2.5

	label := pdf.Style{Font: f.Sans, Size: 7.5, Color: grey, LineHeight: 1.2}
	value := pdf.Style{Font: f.SerifBold, Size: 9.5, LineHeight: 1.18}
	long := pdf.Style{Font: f.Serif, Size: 8.5, LineHeight: 1.15} // the names of bodies in three languages
	num := pdf.Style{Font: f.SansBold, Size: 9, Color: navy}
	fieldIn := func(st pdf.Style, x, w float64, n int, v string) float64 {
		p.Text(x, y, num, itoa(n)+".")
		lx := x + 6
		h := p.TextBox(pdf.Rect{X: lx, Y: y + 0.4, W: w - 6}, label, three(apostilleFields[n-1]))
		h += p.TextBox(pdf.Rect{X: lx, Y: y + h + 0.8, W: w - 6}, st, v) + 0.8
		return h
	}
	field := func(x, w float64, n int, v string) float64 { return fieldIn(value, x, w, n, v) }
	line := func(t i18n.Text) {
		st := pdf.Style{Font: f.SerifItalic, Size: 9.5, Color: navy}
		p.Text(in.X, y, st, three(t))
		y += 5
	}
	provider := three(s.body)
	signer := s.meta.Signer
	if pos := s.position(i18n.Text{}); pos.KK != "" || pos.RU != "" {
		signer = three(pos) + ", " + signer
	}

	y += field(in.X, in.W, 1, three(d.Country)) + 1
	line(apostilleThis)
	y += field(in.X, in.W, 2, d.SignedBy) + 1.2
	y += field(in.X, in.W, 3, three(d.Capacity)) + 1.2
	y += fieldIn(long, in.X, in.W, 4, three(d.SealOf)) + 1.2
	p.Line(in.X, y, in.X+in.W, y, pdf.Stroke{Width: 0.3, Color: gold})
	y += 3
	line(apostilleCertified)
	half := in.W/2 - 3
	h5 := field(in.X, half, 5, three(d.Place))
	h6 := field(in.X+in.W/2+3, half, 6, dateNum(s.on))
	y += max(h5, h6) + 1.2
	y += fieldIn(long, in.X, in.W, 7, provider+"\n"+signer) + 1.2
	y += field(in.X, in.W, 8, s.meta.Number) + 2

	// 9: the place of the seal; 10: the signature.
	h9 := field(in.X, half, 9, "")
	var seal pdf.Path
	seal.Circle(in.X+half/2+3, y+h9+9, 10)
	p.Stroke(&seal, pdf.Stroke{Width: 0.5, Color: grey, Dash: []float64{2, 2}})
	p.Text(in.X+half/2+3, y+h9+7.5, pdf.Style{Font: f.Sans, Size: 6.5, Color: grey, Align: pdf.Center}, "М.О. / М.П.")
	x10 := in.X + in.W/2 + 3
	h10 := field(x10, half, 10, "")
	p.Line(x10+6, y+h10+11, x10+half, y+h10+11, pdf.Stroke{Width: 0.5})
	p.TextBox(pdf.Rect{X: x10 + 6, Y: y + h10 + 12, W: half - 6}, pdf.Style{Font: f.Serif, Size: 9}, s.meta.Signer)
	y += max(h9, h10) + 20

	box.H = max(y-box.Y+4, apostilleMin)
	p.Rect(box, pdf.Stroke{Width: 1.4, Color: navy})
	p.Rect(box.Inset(1.5), pdf.Stroke{Width: 0.4, Color: navy})
	return box
}
