package pdf

import "math"

// Rosette draws a sixteen-petal geometric ornament of radius r around (cx, cy):
// the neutral mark of a letterhead where a state body would put its emblem
// (Qyzmet draws no state emblem). Petals and the inner line take petal, the
// ring and the outer line take ring.
func (p *Page) Rosette(cx, cy, r float64, petal, ring Color) {
	var petals Path
	const n = 16
	for i := range n {
		a := 2 * math.Pi * float64(i) / n
		b := a + math.Pi/n
		c := a - math.Pi/n
		petals.MoveTo(cx+0.35*r*math.Cos(c), cy+0.35*r*math.Sin(c))
		petals.CurveTo(cx+0.8*r*math.Cos(c), cy+0.8*r*math.Sin(c), cx+r*math.Cos(a), cy+r*math.Sin(a),
			cx+r*math.Cos(a), cy+r*math.Sin(a))
		petals.CurveTo(cx+r*math.Cos(a), cy+r*math.Sin(a), cx+0.8*r*math.Cos(b), cy+0.8*r*math.Sin(b),
			cx+0.35*r*math.Cos(b), cy+0.35*r*math.Sin(b))
		petals.Close()
	}
	p.Fill(&petals, petal)
	var disc Path
	disc.Circle(cx, cy, 0.42*r)
	p.Fill(&disc, ring)
	var inner Path
	inner.Circle(cx, cy, 0.3*r)
	p.Stroke(&inner, Stroke{Width: 0.6, Color: petal})
	var outer Path
	outer.Circle(cx, cy, 1.08*r)
	p.Stroke(&outer, Stroke{Width: 0.5, Color: ring})
}
