package daemon

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/tonghop/tonghop/intake"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/letters"
)

// One mail can never stop intake. Each try to judge a mail is marked in the ledger, and the mark
// committed, before the mail is parsed; the mark ends when the try ends, and is done when the
// mail is recorded. A mail that kills the process (a crash, an out-of-memory kill) leaves a try
// that began and never ended; one whose judging takes longer than the mail budget ends its try
// out of budget. Either way the mail stays first in the inbox, and without the marks it would
// stop intake at every start. After two such tries it is quarantined unread instead, and the
// clerks are told once.

// maxFailedTries is how many tries to judge a mail may die or run out of budget before the mail
// is quarantined unread.
const maxFailedTries = 2

// DefaultMailBudget bounds the time judging one mail takes: far above what the largest genuine
// mail takes, each of its workbooks having its own time budget (templates.Limits).
const DefaultMailBudget = 5 * time.Minute

var errMailBudget = errors.New("mail budget spent")

// rawMail is a mail to take in, not recorded by its bytes, and where it was read.
type rawMail struct {
	f           intake.Fetched
	sha         string
	mailbox     string // the folder it was read from, or "ingest"
	uidValidity uint32
}

// taken is what taking in a mail did: the intake recorded, or the mail recorded before that it
// is a copy of (the same sender and Message-ID, other bytes), when nothing was recorded.
type taken struct {
	in     ledger.Intake
	res    ledger.IntakeResult
	copyOf *ledger.Mail
}

func (t taken) outcome() ledger.Outcome {
	if t.copyOf != nil {
		return t.copyOf.Outcome
	}
	return t.in.Mail.Outcome
}

// take judges and records a mail, marking the try in the ledger before the mail is parsed. A
// mail whose earlier tries died or ran out of budget twice is recorded quarantined, unread.
func (d *Daemon) take(ctx context.Context, m rawMail, log *slog.Logger) (taken, error) {
	before, err := d.ledger.BeginAttempt(ctx, m.sha, d.now())
	if err != nil {
		return taken{}, fmt.Errorf("mark the mail: %w", err)
	}
	var t taken
	if before.Failed() >= maxFailedTries {
		log.Error("mail quarantined unread: judging it died or ran out of budget twice", "sha256", m.sha,
			"tries", before.Started, "unfinished", before.Unfinished(), "out_of_budget", before.OutOfBudget)
		t.in = d.stuck(m, before)
		t.res, err = d.recordTaken(ctx, t.in, nil, log)
	} else {
		t, err = d.try(ctx, m, log)
	}
	if err != nil && !errors.Is(err, errMailBudget) && ctx.Err() == nil {
		return d.failedTry(ctx, m, err, log)
	}
	if err != nil {
		end := ledger.AttemptError
		if errors.Is(err, errMailBudget) {
			end = ledger.AttemptOutOfBudget
		}
		// The try ends even when ctx ended it: only a death leaves a try unfinished.
		return taken{}, errors.Join(err, d.ledger.EndAttempt(context.WithoutCancel(ctx), m.sha, end, d.now()))
	}
	if t.copyOf != nil {
		// Nothing recorded (a copy of a mail recorded before): the tries end here. A mail
		// recorded had them marked done in its own transaction (recordTaken).
		if err := d.ledger.FinishAttempts(ctx, m.sha, d.now()); err != nil {
			return taken{}, fmt.Errorf("mark the mail recorded: %w", err)
		}
	}
	return t, nil
}

// try judges a mail within the mail budget and records it. A copy of a mail recorded before is
// found by its sender and Message-ID first, which parses the mail's header.
func (d *Daemon) try(ctx context.Context, m rawMail, log *slog.Logger) (taken, error) {
	if known, found, err := d.recordedByMessageID(ctx, m.f.Raw); err != nil {
		return taken{}, err
	} else if found {
		return taken{copyOf: &known}, nil
	}
	budget, cancel := context.WithTimeoutCause(ctx, d.mailBudget, errMailBudget)
	defer cancel()
	in, copies, err := d.decide(budget, m.f, m.uidValidity, m.sha, log)
	if err != nil {
		if errors.Is(context.Cause(budget), errMailBudget) {
			err = fmt.Errorf("%w (%s): %w", errMailBudget, d.mailBudget, err)
		}
		return taken{}, err
	}
	in.Mail.Mailbox = m.mailbox
	res, err := d.recordTaken(ctx, in, copies, log)
	return taken{in: in, res: res}, err
}

// stuck is the intake of a mail whose judging died or ran out of budget twice: quarantined
// unread, and the clerks told once (never with the mail attached).
func (d *Daemon) stuck(m rawMail, before ledger.Attempts) ledger.Intake {
	now := d.now()
	in := ledger.Intake{Mail: ledger.Mail{
		SHA256: m.sha, Size: int64(len(m.f.Raw)), Mailbox: m.mailbox,
		UIDValidity: m.uidValidity, UID: m.f.UID, ReceivedAt: now,
	}}
	note := fmt.Sprintf("quarantined unread: judging it began %d times; %d never ended (a crash or an out-of-memory kill), %d ran out of the mail budget (%s)",
		before.Started, before.Unfinished(), before.OutOfBudget, d.mailBudget)
	in.Settle(now, ledger.OutcomeQuarantined, note, ledger.ActionMailQuarantined)
	folder := ""
	if m.mailbox == d.o.Mailbox.Inbox {
		folder = d.o.Mailbox.Quarantine
	}
	l := letters.StuckMailLetter(letters.StuckMail{
		Office: d.o.Letterhead(), Tries: before.Started, ReceivedAt: before.FirstAt.In(d.o.Location),
		Size: in.Mail.Size, SHA256: m.sha, Folder: folder,
	})
	notice := ledger.OutMail{Key: ledger.StuckMailNoticeKey(m.sha), Kind: ledger.KindNotice, Subject: l.Subject, Body: l.Body}
	for _, p := range d.o.Clerks() {
		notice.To = append(notice.To, p.Emails[0])
	}
	if len(notice.To) > 0 {
		in.Queue(now, notice, "office:clerks")
	}
	return in
}
