package registry

import (
	"context"
	"time"

	"qyzmet/internal/calendar"
)

// RecordRead is one read of the criminal records: who read, when, about which
// person and why. Every read is written before the records are read.
type RecordRead struct {
	At        time.Time `json:"at"`
	ActorID   string    `json:"actor_id"`
	ActorRole string    `json:"actor_role"`
	// The person asked about, as the request names them.
	SubjectIIN       string        `json:"subject_iin,omitempty"`
	SubjectName      Name          `json:"subject_name"`
	SubjectBirthDate calendar.Date `json:"subject_birth_date,omitzero"`
	Purpose          string        `json:"purpose"`                  // why: the service and what the read is for
	ApplicationID    string        `json:"application_id,omitempty"` // the application that asked
	Rule             string        `json:"rule"`                     // the rule the read serves
}

// AuditLog is the append-only log of reads of the criminal records.
type AuditLog interface {
	// RecordRead appends r to the log.
	// Errors: apperr.Invalid when r lacks who, when, whom or why.
	RecordRead(ctx context.Context, r RecordRead) error
}
