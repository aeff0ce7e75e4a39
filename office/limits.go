package office

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/tonghop/tonghop/ledger"
)

// EventCounter counts recorded audit events: *ledger.Ledger.
type EventCounter interface {
	CountEvents(ctx context.Context, action ledger.Action, actor string, since time.Time) (int, error)
}

// NoticeHeld says why a notice to the clerks that cause's mail would send must be held back for
// their daily digest, or "" to send it: the notices (queued, by the address that caused them)
// in the last hour, recorded or among pending, reached mailbox.notices_per_sender_per_hour for
// cause or mailbox.notices_per_hour in all. Every stage that tells the clerks about a mail
// applies it, so that a hundred strangers or a hundred forged replies make a handful of mails.
// Notices of the kinds also count in the same budget: mail in one thread (an approval's refused
// replies and the forwards of people's mail) cannot add up past the limits by kind.
func (o *Office) NoticeHeld(ctx context.Context, c EventCounter, queued ledger.Action, pending []ledger.Event, cause string, now time.Time, also ...ledger.Action) (string, error) {
	since, mb := now.Add(-time.Hour), o.Config.Mailbox
	actions := append([]ledger.Action{queued}, also...)
	here := 0
	for _, e := range pending {
		if slices.Contains(actions, e.Action) {
			here++
		}
	}
	mine, all := 0, 0
	for _, a := range actions {
		n, err := c.CountEvents(ctx, a, cause, since)
		if err != nil {
			return "", fmt.Errorf("count notices for the limit: %w", err)
		}
		mine += n
	}
	if mine+here >= mb.NoticesPerSenderPerHour {
		return fmt.Sprintf("notice to the clerks held back for their digest: mail from %s caused %d notices in the last hour "+
			"(mailbox.notices_per_sender_per_hour = %d)", cause, mine+here, mb.NoticesPerSenderPerHour), nil
	}
	for _, a := range actions {
		n, err := c.CountEvents(ctx, a, "", since)
		if err != nil {
			return "", fmt.Errorf("count notices for the limit: %w", err)
		}
		all += n
	}
	if all+here >= mb.NoticesPerHour {
		return fmt.Sprintf("notice to the clerks held back for their digest: %d notices in the last hour "+
			"(mailbox.notices_per_hour = %d)", all+here, mb.NoticesPerHour), nil
	}
	return "", nil
}
