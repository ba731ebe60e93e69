package standard

import "regexp"

// boldRule matches a rule ID as DIGEST.md defines one: in bold, a prefix of capital
// letters (CR, CR-STD, AC, G …), then a number that may carry a letter (F5) and
// sub-numbers (3.1, 15-1). Bold words that are not IDs (**major**, **CR**) do not
// match because an ID always has a digit after the prefix.
var boldRule = regexp.MustCompile(`\*\*([A-Z]+(?:-[A-Z]+)*-[A-Z]?[0-9]+(?:[.-][0-9]+)*)\*\*`)

// ParseRuleIDs returns the rule IDs DIGEST.md defines.
func ParseRuleIDs(digest []byte) map[string]bool {
	ids := map[string]bool{}
	for _, m := range boldRule.FindAllSubmatch(digest, -1) {
		ids[string(m[1])] = true
	}
	return ids
}
