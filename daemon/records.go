package daemon

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/letters"
)

// The daemon checks the records itself, at start and once a day, so that damage (a disk error, a
// file removed by hand, a restore gone wrong) is found while a backup still holds the file, not
// when a report is built. It runs the cheap part of `tonghop verify`: the database's integrity,
// every blob present, and the blobs of recent rows hashed; reading every file again is the
// command's.

// recordsEvery is how often the daemon checks the records.
const recordsEvery = 24 * time.Hour

// recordsHashWindow is how far back the daily check hashes files: a little over the interval, so
// that every file is hashed at least once after it was written.
const recordsHashWindow = 2 * recordsEvery

// RecordsCheck is the outcome of the daemon's last check of the records, for a health report.
type RecordsCheck struct {
	At       time.Time
	Problems int
}

// LastRecordsCheck returns the last check of the records, or nil before the first one ended.
func (d *Daemon) LastRecordsCheck() *RecordsCheck { return d.checked.Load() }

// CheckRecords runs the daemon's check of the records. When it finds something wrong it logs
// each problem and queues a notice to the clerks, at most one a day. An error means the check
// itself could not run.
func (d *Daemon) CheckRecords(ctx context.Context) error {
	now := d.now()
	found, err := d.ledger.VerifyStore(ctx, now.Add(-recordsHashWindow))
	if err != nil {
		return fmt.Errorf("check records: %w", err)
	}
	d.checked.Store(&RecordsCheck{At: now, Problems: len(found)})
	d.monitor.RecordsChecked(now, len(found))
	log := d.log.With("component", "records")
	if len(found) == 0 {
		log.Info("records checked: intact")
		return nil
	}
	details := make([]string, len(found))
	for i, f := range found {
		log.Error("records damaged", "record", f.What, "problem", f.Detail)
		details[i] = f.String()
	}
	l := letters.RecordsDamagedLetter(letters.RecordsDamaged{Office: d.o.Letterhead(), At: now.In(d.o.Location), Problems: len(found)})
	notice := ledger.OutMail{Key: ledger.RecordsDamagedNoticeKey(now.In(d.o.Location).Format(time.DateOnly)),
		Kind: ledger.KindNotice, Subject: l.Subject, Body: l.Body, CreatedAt: now, NotBefore: now}
	for _, p := range d.o.Clerks() {
		notice.To = append(notice.To, p.Emails[0])
	}
	if len(notice.To) == 0 {
		log.Warn("records damaged and no clerk configured to tell")
		return nil
	}
	event := ledger.Event{At: now, Actor: "system", Action: ledger.ActionRecordsDamaged, Object: "records",
		Detail: strings.Join(details, "; ")}
	if _, created, err := d.ledger.Enqueue(ctx, notice, event); err != nil {
		return fmt.Errorf("check records: tell the clerks: %w", err)
	} else if created {
		d.wakeOutbox.ring()
	}
	return nil
}
