package iin

import "testing"

func BenchmarkParse(b *testing.B) {
	for _, s := range []string{"921029350851", "981140001105", "921029 350851"} {
		b.Run(s, func(b *testing.B) {
			for b.Loop() {
				if _, err := Parse(s); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
