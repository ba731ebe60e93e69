// Package decision holds the rules that decide on registry data: the
// criminal-record decision (who may ask, who the subject is, which records are
// theirs, what is in force — or why an officer must look), the verification of
// an official document against the specimens of signatures and seals before an
// apostille, and the check of the state duty.
//
// The rules take the registries as the small interfaces of package registry
// and a clock, so they run in microsecond tests against fakes and, unchanged,
// against the SQL registries. Every rule cites its ID in DIGEST.md; the
// decisions are described in docs/registries.md.
package decision

import (
	"time"

	"qyzmet/internal/calendar"
	"qyzmet/internal/i18n"
)

// Actor is who makes a decision read the registries: a provider's officer, or
// the system deciding automatically.
type Actor struct {
	ID   string `json:"id"`
	Role string `json:"role"`
}

// Clock is the time source of the decisions; tests pass a fixed time.
type Clock func() time.Time

// today is the civil date in Almaty (Rule G-1) of the clock's time.
func (c Clock) today() calendar.Date {
	if c == nil {
		return calendar.DateOf(time.Now())
	}
	return calendar.DateOf(c())
}

func (c Clock) now() time.Time {
	if c == nil {
		return time.Now()
	}
	return c()
}

// Check is one comparison a decision made: what it compared, whether it held,
// and what a failure means, so an officer sees every step and not only the end.
type Check struct {
	Field    string    `json:"field"`
	OK       bool      `json:"ok"`
	Expected string    `json:"expected,omitempty"` // what the registry says
	Found    string    `json:"found,omitempty"`    // what the request or document says
	Note     i18n.Text `json:"note"`
	Rule     string    `json:"rule"`
	// Ground is the refusal ground (standard.Ground.ID) a failed check supports.
	Ground string `json:"ground,omitempty"`
}
