package review

import (
	"context"
	"log/slog"
	"time"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/letters"
	"github.com/tonghop/tonghop/office"
)

// Reviewer runs the supervisors' part of one office's cycle. Build it as a struct literal (it
// does no I/O until called) and use it by pointer; Advance and Reply may run on different
// workers, the ledger's revisions keeping them apart.
type Reviewer struct {
	Office *office.Office
	Ledger *ledger.Ledger
	Now    func() time.Time // nil: the wall clock
	Log    *slog.Logger     // nil: discard
	// LookupTXT resolves the DKIM keys of supervisors' replies when mail_auth.verify_dkim is set;
	// nil: the system resolver.
	LookupTXT func(domain string) ([]string, error)
}

func (rv *Reviewer) now() time.Time {
	if rv.Now == nil {
		return time.Now()
	}
	return rv.Now()
}

func (rv *Reviewer) log() *slog.Logger {
	if rv.Log == nil {
		return slog.New(slog.DiscardHandler)
	}
	return rv.Log
}

// file describes a recorded file for the letters about it, the MAC binding the supervisor's
// answer to them.
func (rv *Reviewer) file(ctx context.Context, r ledger.Review) letters.ReviewFile {
	o, sub := rv.Office, r.Submission
	f := letters.ReviewFile{
		Office: o.Letterhead(), Contact: o.Contact(), Unit: sub.Unit, Request: rv.request(ctx, sub),
		File: sub.FileName, Version: sub.Version, ReceivedAt: sub.ReceivedAt.In(o.Location),
		Plan: r.Mode == ledger.ReviewApprove, ID: sub.ID, MAC: o.ReviewMAC(sub.ID, r.Supervisor),
	}
	if !r.Due.IsZero() {
		f.Due = r.Due.In(o.Location)
	}
	if u, ok := o.Unit(sub.Unit); ok {
		f.Unit = u.Name
	}
	if p, ok := o.Person(r.Supervisor); ok {
		f.Supervisor = letters.Person{Title: p.Title, Name: p.Name}
	}
	return f
}

// request names the file's form and period, with the unit's deadline.
func (rv *Reviewer) request(ctx context.Context, sub ledger.Submission) letters.Request {
	return rv.Office.Request(sub.Form, sub.Period, rv.Office.EventTimes(ctx, rv.Ledger, rv.log()))
}

// supervisor is the person a review is with, when the configuration still names them.
func (rv *Reviewer) supervisor(r ledger.Review) (config.Person, bool) {
	p, ok := rv.Office.Person(r.Supervisor)
	return p, ok && len(p.Emails) > 0
}

// workingTime is the next moment in working hours from t: reminders and notices to leaders
// leave then, not at night.
func (rv *Reviewer) workingTime(t time.Time) time.Time {
	return rv.Office.Calendar.NextWorkingTime(t)
}
