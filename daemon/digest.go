package daemon

import (
	"context"
	"errors"

	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/letters"
	"github.com/tonghop/tonghop/period"
)

// queueDigest sends the clerks, once a working day from the digest time on, the units still
// late after the nag from which their form lists them. A unit that becomes due for the digest
// later in the day is in the next day's.
func (d *Daemon) queueDigest(ctx context.Context, late []lateUnit) error {
	now := d.now().In(d.o.Location)
	at, err := period.ParseClock(d.o.Office.DigestTime)
	if err != nil || len(late) == 0 || !d.o.Calendar.InWorkingHours(now) || now.Before(at.On(now, d.o.Location)) {
		return err
	}
	key := "digest:" + now.Format("2006-01-02")
	if _, err := d.ledger.OutMail(ctx, key); !errors.Is(err, ledger.ErrNotFound) {
		return err
	}
	var to []string
	for _, p := range d.o.Clerks() {
		to = append(to, p.Emails...)
	}
	if len(to) == 0 {
		d.log.Warn("late units not reported in a digest: no person has the clerk role", "units", len(late))
		return nil
	}
	l := letters.DigestLetter(letters.Digest{Office: d.o.Letterhead(), Day: now, Items: d.digestItems(late)})
	m := ledger.OutMail{Key: key, Kind: ledger.KindDigest, To: to, Subject: l.Subject, Body: l.Body, NotBefore: now, CreatedAt: d.now()}
	_, _, err = d.ledger.Enqueue(ctx, m, d.event("system", "outbox.queued."+ledger.KindDigest, "office", l.Subject))
	return err
}

func (d *Daemon) digestItems(late []lateUnit) []letters.DigestItem {
	items := make([]letters.DigestItem, 0, len(late))
	for _, l := range late {
		a := l.action
		unit, _ := d.o.Unit(a.Unit)
		it := letters.DigestItem{Request: d.scheduledRequest(a, l.dueAt), Unit: unit.Name, Nags: a.N}
		if sup, ok := d.o.Person(unit.Supervisor); ok && a.Escalate {
			it.SupervisorTitle, it.SupervisorName = sup.Title, sup.Name
		}
		items = append(items, it)
	}
	return items
}
