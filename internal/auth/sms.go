package auth

import (
	"context"
	"errors"
	"log/slog"
	"slices"
	"sync"
	"time"
)

// SMSGateway sends a text message to a mobile number (+7XXXXXXXXXX). A real
// adapter talks to the operator's gateway; Send returns once the gateway has
// accepted the message.
type SMSGateway interface {
	Send(ctx context.Context, phone, text string) error
}

// DevSMS is the development gateway: it sends nothing, keeps the last
// messages in memory for the page /dev/sms (serve --demo only) and writes each
// to the log. It keeps no codes in the database, so a demo database never
// holds a usable one-time password.
type DevSMS struct {
	Log *slog.Logger
	Now func() time.Time

	mu   sync.Mutex
	msgs []SMS
}

// SMS is a message the development gateway received.
type SMS struct {
	Phone, Text string
	At          time.Time
}

// devSMSKept bounds the messages DevSMS remembers.
const devSMSKept = 100

// Send records the message.
func (d *DevSMS) Send(ctx context.Context, phone, text string) error {
	now := time.Now
	if d.Now != nil {
		now = d.Now
	}
	d.mu.Lock()
	d.msgs = append(d.msgs, SMS{Phone: phone, Text: text, At: now()})
	if len(d.msgs) > devSMSKept {
		d.msgs = slices.Delete(d.msgs, 0, len(d.msgs)-devSMSKept)
	}
	d.mu.Unlock()
	if d.Log != nil {
		d.Log.Info("dev SMS (not sent)", "phone", phone, "text", text)
	}
	return nil
}

// Messages are the recorded messages, newest first.
func (d *DevSMS) Messages() []SMS {
	d.mu.Lock()
	defer d.mu.Unlock()
	out := slices.Clone(d.msgs)
	slices.Reverse(out)
	return out
}

// NoSMS is the gateway of a server configured without one: every code fails
// to leave, so citizens cannot sign in by OTP until a gateway is configured,
// and no code ever lands in a log.
type NoSMS struct{}

// Send refuses.
func (NoSMS) Send(ctx context.Context, phone, text string) error {
	return errors.New("auth: no SMS gateway is configured")
}
