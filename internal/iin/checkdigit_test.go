package iin

import (
	"math/rand/v2"
	"testing"
)

func TestCheckDigit(t *testing.T) {
	tests := []struct {
		name    string
		first11 string
		want    int
		ok      bool
	}{
		// 9·1+2·2+1·3+0·4+2·5+9·6+3·7+5·8+0·9+8·10+5·11 = 276; 276 mod 11 = 1.
		{"AC-F1 acceptance IIN, first pass", "92102935085", 1, true},
		// 9·1+8·2+1·3+1·4+4·5+0+0+0+1·9+1·10+0 = 71; 71 mod 11 = 5.
		{"AP-STD-6 BIN 981140001105, first pass", "98114000110", 5, true},
		// First pass: 0+10+0+12+5+30+35+0+0+50+0 = 142 ≡ 10; second pass with
		// 3,4,…,11,1,2: 0+20+0+18+7+40+45+0+0+5+0 = 135 ≡ 3.
		{"second pass", "05031550050", 3, true},
		// As above with a last digit 9: 142+9·11 = 241 ≡ 10 and 135+9·2 = 153 ≡ 10.
		{"both passes give 10", "05031550059", 0, false},
		{"too short", "9210293508", 0, false},
		{"too long", "921029350851", 0, false},
		{"not digits", "92102935O85", 0, false},
	}
	for _, tt := range tests {
		got, ok := CheckDigit(tt.first11)
		if got != tt.want || ok != tt.ok {
			t.Errorf("%s: CheckDigit(%q) = %d, %v; want %d, %v", tt.name, tt.first11, got, ok, tt.want, tt.ok)
		}
	}
}

// referenceCheckDigit restates the published algorithm as plainly as possible, to
// cross-check CheckDigit on many numbers.
func referenceCheckDigit(first11 string) (int, bool) {
	sum := 0
	for i := 0; i < 11; i++ {
		sum += int(first11[i]-'0') * (i + 1)
	}
	if sum%11 != 10 {
		return sum % 11, true
	}
	sum = 0
	for i := 0; i < 11; i++ {
		w := (i+2)%11 + 1 // 3, 4, …, 11, 1, 2
		sum += int(first11[i]-'0') * w
	}
	if sum%11 != 10 {
		return sum % 11, true
	}
	return 0, false
}

func TestCheckDigitMatchesReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var none, second int
	for range 20000 {
		b := make([]byte, 11)
		for i := range b {
			b[i] = byte('0' + rng.IntN(10))
		}
		s := string(b)
		got, ok := CheckDigit(s)
		want, wantOK := referenceCheckDigit(s)
		if got != want || ok != wantOK {
			t.Fatalf("CheckDigit(%q) = %d, %v; reference says %d, %v", s, got, ok, want, wantOK)
		}
		if !ok {
			none++
		} else if weightedSum(s, &firstWeights)%11 == 10 {
			second++
		}
	}
	// Both branches must have been exercised for the comparison to mean anything.
	if none == 0 || second == 0 {
		t.Errorf("sample exercised no-check-digit %d times and the second pass %d times", none, second)
	}
}
