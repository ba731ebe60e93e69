package iin

// The check digit (12th digit) of an IIN or BIN. The rules of forming identification
// numbers under Law No. 223 are not in our regulations folder, so the algorithm is taken
// from public validators that agree with each other and with every published number we
// tried (921029350851, the BIN 981140001105 of Rule AP-STD-6, python-stdnum's examples):
// github.com/vladimirrabtsun/validate-iin-example readme.md ("Валидация ИИН"; its w1
// and w2 are the two weight rows below), github.com/nmibragimov7/aqsha-ber
// helpers/isValidIin.js (which also rejects a number whose second pass gives 10), and
// the gist "Валидация ИИН/БИН Республики Казахстан"
// (gist.github.com/adilkhash/cca3e4ee73e75c2fc405af901d7672f6):
//
//  1. Multiply digits 1–11 by the weights 1, 2, …, 11 and take the sum modulo 11.
//  2. If that is 10, multiply them instead by 3, 4, …, 11, 1, 2 and take the sum modulo 11.
//  3. If that is 10 again, no check digit exists: such a number is never issued.
var (
	firstWeights  = [11]int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}
	secondWeights = [11]int{3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2}
)

// CheckDigit returns the check digit for the first 11 digits of an IIN or BIN. ok is
// false when both passes give 10 (no check digit exists) and also when first11 is not
// exactly 11 ASCII digits.
func CheckDigit(first11 string) (digit int, ok bool) {
	if len(first11) != 11 || !allDigits(first11) {
		return 0, false
	}
	if d := weightedSum(first11, &firstWeights) % 11; d != 10 {
		return d, true
	}
	if d := weightedSum(first11, &secondWeights) % 11; d != 10 {
		return d, true
	}
	return 0, false
}

func weightedSum(digits string, weights *[11]int) int {
	sum := 0
	for i, w := range weights {
		sum += int(digits[i]-'0') * w
	}
	return sum
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
