package ask

import (
	"context"
	"errors"
	"time"

	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/letters"
	"github.com/tonghop/tonghop/period"
	"github.com/tonghop/tonghop/schedule"
)

// lateUnit is a unit listed in the office's digest.
type lateUnit struct {
	action schedule.Action
	dueAt  time.Time
}

// queueDigest sends the clerks, once a working day from the digest time on, the units still
// late after the nag from which their form lists them, and the count of the notices the hourly
// limits held back since the last digest. A unit that becomes due for the digest later in the
// day is in the next day's; so is a notice held back after the digest left.
func (a *Asker) queueDigest(ctx context.Context, late []lateUnit) error {
	loc := a.Office.Location
	now := a.now().In(loc)
	at, err := period.ParseClock(a.Office.Office.DigestTime)
	if err != nil || !a.Office.Calendar.InWorkingHours(now) || now.Before(at.On(now, loc)) {
		return err
	}
	key := ledger.DigestKey(now)
	since, today, err := a.lastDigest(ctx, now)
	if err != nil || today {
		return err
	}
	held, err := a.heldNotices(ctx, since)
	if err != nil || len(late) == 0 && len(held) == 0 {
		return err
	}
	var to []string
	for _, p := range a.Office.Clerks() {
		to = append(to, p.Emails...)
	}
	if len(to) == 0 {
		a.log().Warn("late units and held notices not reported in a digest: no person has the clerk role", "units", len(late), "held", len(held))
		return nil
	}
	l := letters.DigestLetter(letters.Digest{Office: a.Office.Letterhead(), Day: now, Items: a.digestItems(late), Held: held})
	m := ledger.OutMail{Key: key, Kind: ledger.KindDigest, To: to, Subject: l.Subject, Body: l.Body, NotBefore: now, CreatedAt: a.now()}
	_, _, err = a.Ledger.Enqueue(ctx, m, a.event(ledger.Queued(ledger.KindDigest), "office", l.Subject))
	return err
}

// heldKind is a kind of notice the hourly limits hold back, with the folder its mails are in.
type heldKind struct {
	action ledger.Action
	reason letters.NoticeReason
	folder string
}

func (a *Asker) heldKinds() []heldKind {
	mb := a.Office.Mailbox
	return []heldKind{
		{ledger.ActionNoticeHeldUnknownSender, letters.NoticeUnknownSender, mb.Quarantine},
		{ledger.ActionNoticeHeldUnitMessage, letters.NoticeUnitMessage, mb.Processed},
		{ledger.ActionNoticeHeldAfterClose, letters.NoticeAfterClose, mb.Processed},
		{ledger.ActionNoticeHeldUnverified, letters.NoticeUnverifiedSender, mb.Quarantine},
		{ledger.ActionNoticeHeldRefusedReply, letters.NoticeRefusedReply, mb.Quarantine},
		{ledger.ActionNoticeHeldForward, letters.NoticeForwarded, mb.Processed},
	}
}

// heldNotices counts, by kind, the notices held back since the last digest.
func (a *Asker) heldNotices(ctx context.Context, since time.Time) ([]letters.HeldNotices, error) {
	kinds := a.heldKinds()
	actions := make([]ledger.Action, len(kinds))
	for i, k := range kinds {
		actions[i] = k.action
	}
	counts, err := a.Ledger.CountEventsSince(ctx, since, actions...) // one pass over the events
	if err != nil {
		return nil, err
	}
	var held []letters.HeldNotices
	for _, k := range kinds {
		if n := counts[k.action]; n > 0 {
			held = append(held, letters.HeldNotices{Reason: k.reason, Count: n, Folder: k.folder})
		}
	}
	return held, nil
}

// digestLookback is how far back the digest looks for notices held back when it finds no
// earlier digest: a week covers holidays.
const digestLookback = 7

// lastDigest is when the last digest before today's was queued, or a week ago without one;
// today tells that today's is queued already. One query answers both: the latest digest of the
// week up to today.
func (a *Asker) lastDigest(ctx context.Context, now time.Time) (since time.Time, today bool, err error) {
	m, err := a.Ledger.LatestDigest(ctx, now.AddDate(0, 0, -digestLookback), now)
	switch {
	case errors.Is(err, ledger.ErrNotFound):
		return now.AddDate(0, 0, -digestLookback), false, nil
	case err != nil:
		return time.Time{}, false, err
	}
	return m.CreatedAt, m.Key == ledger.DigestKey(now), nil
}

// digestItems are the digest's lines: each late unit, what it owes and how often it was nagged.
func (a *Asker) digestItems(late []lateUnit) []letters.DigestItem {
	items := make([]letters.DigestItem, 0, len(late))
	for _, l := range late {
		act := l.action
		unit, _ := a.Office.Unit(act.Unit)
		it := letters.DigestItem{Request: a.scheduledRequest(act, l.dueAt), Unit: unit.Name, Nags: act.N}
		if sup, ok := a.copied(act, unit); ok {
			it.Copied = letters.Person{Title: sup.Title, Name: sup.Name}
		}
		items = append(items, it)
	}
	return items
}
