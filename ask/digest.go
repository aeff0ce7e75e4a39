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
// late after the nag from which their form lists them. A unit that becomes due for the digest
// later in the day is in the next day's.
func (a *Asker) queueDigest(ctx context.Context, late []lateUnit) error {
	loc := a.Office.Location
	now := a.now().In(loc)
	at, err := period.ParseClock(a.Office.Office.DigestTime)
	if err != nil || len(late) == 0 || !a.Office.Calendar.InWorkingHours(now) || now.Before(at.On(now, loc)) {
		return err
	}
	key := ledger.DigestKey(now)
	if _, err := a.Ledger.OutMail(ctx, key); !errors.Is(err, ledger.ErrNotFound) {
		return err
	}
	var to []string
	for _, p := range a.Office.Clerks() {
		to = append(to, p.Emails...)
	}
	if len(to) == 0 {
		a.log().Warn("late units not reported in a digest: no person has the clerk role", "units", len(late))
		return nil
	}
	l := letters.DigestLetter(letters.Digest{Office: a.Office.Letterhead(), Day: now, Items: a.digestItems(late)})
	m := ledger.OutMail{Key: key, Kind: ledger.KindDigest, To: to, Subject: l.Subject, Body: l.Body, NotBefore: now, CreatedAt: a.now()}
	_, _, err = a.Ledger.Enqueue(ctx, m, a.event(ledger.Queued(ledger.KindDigest), "office", l.Subject))
	return err
}

// digestItems are the digest's lines: each late unit, what it owes and how often it was nagged.
func (a *Asker) digestItems(late []lateUnit) []letters.DigestItem {
	items := make([]letters.DigestItem, 0, len(late))
	for _, l := range late {
		act := l.action
		unit, _ := a.Office.Unit(act.Unit)
		it := letters.DigestItem{Request: a.scheduledRequest(act, l.dueAt), Unit: unit.Name, Nags: act.N}
		if sup, ok := a.Office.Person(unit.Supervisor); ok && act.Escalate {
			it.SupervisorTitle, it.SupervisorName = sup.Title, sup.Name
		}
		items = append(items, it)
	}
	return items
}
