package receive

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/letters"
	"github.com/tonghop/tonghop/office"
	"github.com/tonghop/tonghop/period"
	"github.com/tonghop/tonghop/templates"
)

// Ledger is what a judgement reads of the ledger; *ledger.Ledger has these methods. Each
// answers with an error wrapping ledger.ErrNotFound when there is nothing.
type Ledger interface {
	// NextVersion is the version the next submission of form, unit and period gets.
	NextVersion(ctx context.Context, form, unit, period string) (int, error)
	// Period is a form's period as recorded, to tell a workbook for a closed one.
	Period(ctx context.Context, form, period string) (ledger.Period, error)
	// OutMail is the outbox mail with key, to tell a notice already queued.
	OutMail(ctx context.Context, key string) (ledger.OutMail, error)
	// CountMailTo counts the mails of kinds queued to addr since a time, for the reply limit.
	CountMailTo(ctx context.Context, addr string, since time.Time, kinds ...ledger.Kind) (int, error)
	// CountEvents counts the events of action since a time, by actor unless actor is "": the
	// notices a sender's mail caused, for the notice limits.
	CountEvents(ctx context.Context, action ledger.Action, actor string, since time.Time) (int, error)
	// SubmittedBefore reports whether unit sent the file with this sha256 before: an answer
	// about new work is never held back by the reply limit.
	SubmittedBefore(ctx context.Context, unit, fileSHA string) (bool, error)
	// LatestIssue is the issue in force of a form's period, for a file that arrives after it.
	LatestIssue(ctx context.Context, form, period string) (ledger.Issue, error)
	// Request is a one-off request of a form (a Once period): the units it asked and by when.
	Request(ctx context.Context, form, period string) (ledger.Request, error)
}

var _ Ledger = (*ledger.Ledger)(nil)

// NoLedger is an empty ledger, for judging a workbook outside the daemon (the check command):
// every submission is version 1, no period or outbox mail is recorded, nobody was answered or
// sent anything before.
type NoLedger struct{}

var _ Ledger = NoLedger{}

// NextVersion answers 1.
func (NoLedger) NextVersion(context.Context, string, string, string) (int, error) { return 1, nil }

// Period answers ledger.ErrNotFound.
func (NoLedger) Period(context.Context, string, string) (ledger.Period, error) {
	return ledger.Period{}, ledger.ErrNotFound
}

// OutMail answers ledger.ErrNotFound.
func (NoLedger) OutMail(context.Context, string) (ledger.OutMail, error) {
	return ledger.OutMail{}, ledger.ErrNotFound
}

// CountMailTo answers 0.
func (NoLedger) CountMailTo(context.Context, string, time.Time, ...ledger.Kind) (int, error) {
	return 0, nil
}

// CountEvents answers 0.
func (NoLedger) CountEvents(context.Context, ledger.Action, string, time.Time) (int, error) {
	return 0, nil
}

// SubmittedBefore answers false.
func (NoLedger) SubmittedBefore(context.Context, string, string) (bool, error) { return false, nil }

// LatestIssue answers ledger.ErrNotFound.
func (NoLedger) LatestIssue(context.Context, string, string) (ledger.Issue, error) {
	return ledger.Issue{}, ledger.ErrNotFound
}

// Request answers ledger.ErrNotFound.
func (NoLedger) Request(context.Context, string, string) (ledger.Request, error) {
	return ledger.Request{}, ledger.ErrNotFound
}

// Judge judges received mail and workbooks for one office. It does no I/O of its own beyond
// reading Ledger (and converting legacy workbooks with Converter); building one is free, so
// the daemon builds one per mail.
type Judge struct {
	Office *office.Office
	Ledger Ledger // nil: NoLedger
	// Events answers deadlines counted from other forms' events (office.EventTimes); nil: the
	// office's rules alone, with no event of the ledger.
	Events period.EventTimes
	// Converter turns legacy .xls workbooks into .xlsx; nil answers them with how to save as .xlsx.
	Converter templates.Converter
	Now       func() time.Time // nil: time.Now
	Log       *slog.Logger     // nil: discard; warns of what needs an operator (no clerk to tell)
	// LookupTXT resolves DKIM keys when mail_auth.verify_dkim is set; nil: the system resolver.
	LookupTXT func(domain string) ([]string, error)
}

func (j *Judge) now() time.Time {
	if j.Now == nil {
		return time.Now()
	}
	return j.Now()
}

func (j *Judge) ledger() Ledger {
	if j.Ledger == nil {
		return NoLedger{}
	}
	return j.Ledger
}

func (j *Judge) log() *slog.Logger {
	if j.Log == nil {
		return slog.New(slog.DiscardHandler)
	}
	return j.Log
}

func (j *Judge) events() period.EventTimes {
	if j.Events == nil {
		return j.Office.EventTimes(context.Background(), nil, nil)
	}
	return j.Events
}

// request describes what a unit was asked for; a form or period it cannot name stays empty.
func (j *Judge) request(formCode, periodName string) letters.Request {
	return j.Office.Request(formCode, periodName, j.events())
}

func (j *Judge) event(actor string, action ledger.Action, object, detail string) ledger.Event {
	return ledger.Event{At: j.now(), Actor: actor, Action: action, Object: object, Detail: detail}
}

// checkRequest judges a workbook for one-off request p of form f by the ledger's rows, not by a
// schedule: the request must exist and name the unit; the file is late after the period row's
// deadline. Outside the daemon (NoLedger: tonghop check) the file is accepted without a
// deadline, as the request cannot be looked up.
func (j *Judge) checkRequest(ctx context.Context, f *config.Form, unit config.Unit, p period.Period, v *Verdict) error {
	if _, none := j.ledger().(NoLedger); none {
		return nil
	}
	r, err := j.ledger().Request(ctx, f.Code, p.String())
	switch {
	case errors.Is(err, ledger.ErrNotFound):
		v.Errors = append(v.Errors, letters.ProblemNoRequest(p.Label()))
		return nil
	case err != nil:
		return fmt.Errorf("look up request: %w", err)
	}
	label := office.RequestLabel(r)
	asked := false
	for _, u := range r.Units {
		asked = asked || u == unit.Code
	}
	if !asked {
		v.Errors = append(v.Errors, letters.ProblemNotAsked(label))
		return nil
	}
	row, err := j.ledger().Period(ctx, f.Code, p.String())
	if err != nil {
		return fmt.Errorf("look up period: %w", err)
	}
	v.Submission.Late = j.now().After(row.Deadline)
	v.Period = &row
	if row.Status == ledger.PeriodClosed {
		v.Warnings = append(v.Warnings, letters.ProblemPeriodClosed(label))
	}
	return nil
}
