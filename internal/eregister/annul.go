package eregister

import (
	"context"
	"fmt"
	"strings"

	"qyzmet/internal/apperr"
	"qyzmet/internal/calendar"
	"qyzmet/internal/i18n"
	"qyzmet/internal/store"
)

// Reason is why a document was annulled. The set is fixed so that the public
// e-Register can say it in Kazakh, Russian and English and never shows an
// officer's free text (which might name people); the officer's own words go in
// the event's note, for the file.
type Reason string

const (
	ReasonIssuedInError   Reason = "issued_in_error"
	ReasonReplaced        Reason = "replaced"
	ReasonComplaintUpheld Reason = "complaint_upheld"
	ReasonCourtDecision   Reason = "court_decision"
	ReasonHolderRequest   Reason = "holder_request"
)

// Reasons lists every annulment reason with its words, in the order a form offers them.
var Reasons = []struct {
	Reason Reason
	Text   i18n.Text
}{
	{ReasonIssuedInError, i18n.Text{KK: "Қате берілген", RU: "Выдан ошибочно", EN: "Issued in error"}},
	{ReasonReplaced, i18n.Text{KK: "Жаңа құжатпен ауыстырылды", RU: "Заменён новым документом", EN: "Replaced by a new document"}},
	{ReasonComplaintUpheld, i18n.Text{KK: "Шағым бойынша шешіммен жойылды", RU: "Отменён решением по жалобе", EN: "Revoked by a decision on a complaint"}},
	{ReasonCourtDecision, i18n.Text{KK: "Сот шешімімен жойылды", RU: "Отменён решением суда", EN: "Revoked by a court decision"}},
	{ReasonHolderRequest, i18n.Text{KK: "Иесінің өтініші бойынша", RU: "По заявлению владельца", EN: "At the holder's request"}},
}

// Text is the reason in words; an unknown reason reads as itself.
func (r Reason) Text() i18n.Text {
	for _, x := range Reasons {
		if x.Reason == r {
			return x.Text
		}
	}
	return i18n.Text{KK: string(r), RU: string(r), EN: string(r)}
}

func (r Reason) known() bool {
	for _, x := range Reasons {
		if x.Reason == r {
			return true
		}
	}
	return false
}

// Annulment is the command that withdraws an issued document.
type Annulment struct {
	Number string // as typed; it is parsed
	Actor  string // the staff member who annuls
	Reason Reason
	Note   string // the officer's words for the file; never shown publicly
}

// Annul annuls a document in a transaction of its own; see AnnulTx.
func (r *Register) Annul(ctx context.Context, a Annulment) (Entry, error) {
	var out Entry
	err := r.DB.Tx(ctx, func(tx *store.Tx) error {
		var err error
		out, err = AnnulTx(ctx, tx, a)
		return err
	})
	return out, err
}

// AnnulTx annuls a document inside the caller's transaction: its status becomes
// annulled with the transaction's time and the reason, and an "annulled" event
// records who, when and why. Errors: apperr.Invalid for a malformed number, an
// unknown reason or no actor; apperr.NotFound for a number never issued;
// apperr.Conflict when the document is already annulled (an annulment is final
// and happens once).
func AnnulTx(ctx context.Context, tx *store.Tx, a Annulment) (Entry, error) {
	number, err := ParseNumber(a.Number)
	if err != nil {
		return Entry{}, err
	}
	if !a.Reason.known() {
		return Entry{}, apperr.E(apperr.Invalid, fmt.Sprintf("annulment reason %q is not one of Reasons", a.Reason)).WithKey(KeyUnknownReason)
	}
	if strings.TrimSpace(a.Actor) == "" {
		return Entry{}, apperr.E(apperr.Invalid, "an annulment needs the actor who annuls").WithKey(KeyIncompleteAnnul)
	}
	e, err := lookupTx(ctx, tx, number)
	if err != nil {
		return Entry{}, err
	}
	if e.Status == StatusAnnulled {
		return Entry{}, apperr.E(apperr.Conflict, fmt.Sprintf("document %s was already annulled on %s", number, e.Annulment.On)).WithKey(KeyAlreadyAnnulled)
	}
	now := tx.Now()
	// The status in the WHERE clause makes a concurrent second annulment update
	// nothing rather than overwrite the first one's time and reason.
	res, err := tx.Exec(ctx, `UPDATE eregister_documents SET status = ?, annulled_at = ?, annul_reason = ? WHERE number = ? AND status = ?`,
		string(StatusAnnulled), now, string(a.Reason), number, string(StatusValid))
	if err != nil {
		return Entry{}, fmt.Errorf("eregister: annul %s: %w", number, err)
	}
	if n, err := res.RowsAffected(); err != nil || n != 1 {
		return Entry{}, apperr.E(apperr.Conflict, fmt.Sprintf("document %s changed while it was being annulled", number)).WithKey(KeyAlreadyAnnulled)
	}
	if err := appendEvent(ctx, tx, Event{Number: number, Type: EventAnnulled, Actor: a.Actor, At: now, Reason: a.Reason, Note: strings.TrimSpace(a.Note)}); err != nil {
		return Entry{}, err
	}
	e.Status = StatusAnnulled
	e.Annulment = &Annulled{At: now, On: calendar.DateOf(now), Reason: a.Reason}
	return e, nil
}
