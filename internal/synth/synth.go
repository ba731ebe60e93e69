// Package synth makes realistic, deterministic synthetic data for Qyzmet's tests,
// demos and benchmarks: the card index of persons sent to special settlement
// 1939–1955, persons of the national registry stand-in, and search queries made
// from card records the way people type them.
//
// Everything is seeded: the same seed gives the same output byte for byte, on
// every machine, so a benchmark figure or a failing test case can be reproduced.
// Generators stream (iter.Seq), so a million records never sit in memory twice.
//
// The building blocks are shared so that later generators (convictions,
// signatories, payments) reuse them: a seeded source (newRand), the name
// generator for ten nationalities (names.go) and the place tables (places_data.go).
package synth

import (
	"math/rand/v2"
)

// Sex is the sex written on a card or in the registry.
type Sex uint8

const (
	Male Sex = iota + 1
	Female
)

// String is "M" or "F", the letters the CSV files use.
func (s Sex) String() string {
	switch s {
	case Male:
		return "M"
	case Female:
		return "F"
	}
	return ""
}

// Nationality is one of the ten peoples the generator knows.
type Nationality string

const (
	Kazakh       Nationality = "kazakh"
	Russian      Nationality = "russian"
	German       Nationality = "german"
	Chechen      Nationality = "chechen"
	Ingush       Nationality = "ingush"
	Korean       Nationality = "korean"
	Polish       Nationality = "polish"
	CrimeanTatar Nationality = "crimean_tatar"
	Kalmyk       Nationality = "kalmyk"
	Greek        Nationality = "greek"
)

// Nationalities lists the ten peoples in a fixed order (the order of the tables).
var Nationalities = []Nationality{Kazakh, Russian, German, Chechen, Ingush, Korean, Polish, CrimeanTatar, Kalmyk, Greek}

// newRand is the one seeded source every generator derives from: PCG with the
// seed and a stream number, so two generators with the same seed (cards and
// persons) do not replay each other's choices.
func newRand(seed, stream uint64) *rand.Rand {
	return rand.New(rand.NewPCG(seed, stream^0x9e3779b97f4a7c15))
}

// pick returns one element of xs chosen uniformly.
func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

// chance is true with probability p.
func chance(r *rand.Rand, p float64) bool { return r.Float64() < p }

// weighted draws an index from cumulative weights cum (ascending, last = total).
func weighted(r *rand.Rand, cum []float64) int {
	x := r.Float64() * cum[len(cum)-1]
	lo, hi := 0, len(cum)-1
	for lo < hi {
		mid := (lo + hi) / 2
		if cum[mid] > x {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
}

// zipf builds cumulative weights for n items ranked by frequency: weight of rank
// i is 1/(i+k) with k = n/4, a gentle skew (the first name of a list of 100 is
// about 4 % of draws), so common names repeat as in real registers without a
// handful of names taking most of the index.
func zipf(n int) []float64 {
	k := float64(n)/4 + 1
	cum := make([]float64, n)
	total := 0.0
	for i := range n {
		total += 1 / (float64(i) + k)
		cum[i] = total
	}
	return cum
}
