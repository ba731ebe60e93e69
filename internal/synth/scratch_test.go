package synth

import (
	"fmt"
	"testing"
)

func TestScratch(t *testing.T) {
	m := NewQueryMaker(7)
	i := 0
	for c := range CardIndex(3, 4000) {
		i++
		if i%97 != 0 && !(c.Nationality == Kazakh && i%5 == 0) {
			continue
		}
		fmt.Println("CARD", c.ID, c.Name(), c.BirthYear, c.Nationality)
		for _, k := range QueryKinds {
			if q, ok := m.Make(c, k); ok {
				fmt.Printf("   %-16s %q %d\n", k, q.Text, q.BirthYear)
			}
		}
		if i > 600 {
			break
		}
	}
	n := 0
	for fam := range CardFamilies(3, 2000) {
		if pq, ok := m.MakeParentQuery(fam); ok {
			fmt.Printf("PARENTS %q %d %q %v\n", pq.Child.Text, pq.Child.BirthYear, pq.Parents, pq.Want)
			n++
			if n > 8 {
				break
			}
		}
	}
}
