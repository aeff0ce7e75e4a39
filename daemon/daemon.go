// Package daemon runs one office's cycle: its workers and the routing between the stages. It
// reads the shared mailbox (intake), routes each mail — a reply in an approval thread to the
// approval stage (package approve), anything else to the receive stage (package receive) —
// records what the stage decided in one ledger transaction and then moves the message; it sends
// the outbox (mailer), asking the scheduler (package ask) whether a scheduled mail is still
// needed. Deciding belongs to the stages; the daemon only runs them.
//
// Four workers run under one context: intake, scheduler (ask), reports (report, then approve)
// and outbox. Step runs each once, in that order: the demo and the tests drive it with a
// simulated clock. Run steps the scheduler, the reports and the outbox when woken — a recorded
// mail wakes the outbox and the reports, queued mail wakes the outbox (see wake.go) — and on
// tickers as the fallback, and the intake on the mailbox itself: IDLE where the server offers it,
// the poll interval otherwise, with backoff while the server cannot be reached.
package daemon

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/tonghop/tonghop/approve"
	"github.com/tonghop/tonghop/ask"
	"github.com/tonghop/tonghop/clock"
	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/health"
	"github.com/tonghop/tonghop/intake"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/mailer"
	"github.com/tonghop/tonghop/office"
	"github.com/tonghop/tonghop/period"
	"github.com/tonghop/tonghop/report"
	"github.com/tonghop/tonghop/review"
	"github.com/tonghop/tonghop/templates"
	"github.com/tonghop/tonghop/upstream"
)

// Options are what a Daemon is built from.
type Options struct {
	Office *office.Office // the compiled office, with its template key
	// Config and TemplateKey are compiled into the office when Office is nil (tests, tools).
	Config      *config.Config
	TemplateKey []byte
	Ledger      *ledger.Ledger
	Clock       clock.Clock  // nil: the wall clock
	Logger      *slog.Logger // nil: discard
	// Converter turns legacy .xls workbooks into .xlsx; nil answers them with how to save as .xlsx.
	Converter templates.Converter
	// DrainTimeout bounds how long in-flight work may go on after Run's context ends (default 8s).
	DrainTimeout time.Duration
	// MailBudget bounds the time judging one received mail takes (default DefaultMailBudget); a
	// mail that runs out of it twice is quarantined unread.
	MailBudget time.Duration
	// LookupTXT resolves the DKIM keys of leaders' replies and units' mail when mail_auth.verify_dkim is
	// set; nil: the system resolver.
	LookupTXT func(domain string) ([]string, error)
	// Monitor is told what the workers do, for /healthz and /metrics; nil: nobody.
	Monitor *health.Monitor
	// PDF converts the issued document to PDF (issue 20); nil: the .docx goes alone.
	PDF func(ctx context.Context, docx []byte) ([]byte, error)
}

// Daemon runs the cycle of one office.
type Daemon struct {
	o      *office.Office
	ledger *ledger.Ledger
	clock  clock.Clock
	log    *slog.Logger
	conv   templates.Converter
	sender *mailer.Sender
	drain  time.Duration
	ask    *ask.Asker // the scheduler

	mailBudget time.Duration
	monitor    *health.Monitor              // nil: its hooks do nothing
	checked    atomic.Pointer[RecordsCheck] // the last check of the records (records.go)

	approver *approve.Approver
	drafter  *report.Drafter
	reviewer *review.Reviewer // issue 19, part V: the units' supervisors
	upstream *upstream.Stage  // issue 19, part 3: this office as a unit of an upper office

	mu      sync.Mutex // guards mailbox: the intake worker owns it, Close may race with it
	mailbox *intake.Mailbox

	// Run's workers: woken when there is work for them, and stepping every interval anyway.
	wakeOutbox, wakeReports wake
	reportsHeld             heldWake // the reports' wake while intake drains a backlog (wake.go)
	every                   intervals
	onStep                  func(worker string, cause stepCause) // tests: told after each step of Run's workers
}

// New builds a daemon from a validated configuration. It does no I/O.
func New(o Options) (*Daemon, error) {
	if o.Office == nil && o.Config != nil {
		of, err := office.Compile(o.Config, o.TemplateKey)
		if err != nil {
			return nil, err
		}
		o.Office = of
	}
	if o.Office == nil || o.Ledger == nil {
		return nil, errors.New("daemon: office and ledger are required")
	}
	d := &Daemon{o: o.Office, ledger: o.Ledger, clock: o.Clock, log: o.Logger, conv: o.Converter, drain: o.DrainTimeout,
		wakeOutbox: newWake(), wakeReports: newWake(), every: fallbackIntervals(time.Duration(o.Office.Mailbox.PollInterval))}
	if d.clock == nil {
		d.clock = clock.Real{}
	}
	if d.log == nil {
		d.log = slog.New(slog.DiscardHandler)
	}
	if d.drain <= 0 {
		d.drain = 8 * time.Second
	}
	d.monitor = o.Monitor
	if d.mailBudget = o.MailBudget; d.mailBudget <= 0 {
		d.mailBudget = DefaultMailBudget
	}
	d.approver = &approve.Approver{Office: d.o, Ledger: d.ledger, Now: d.now,
		Log: d.log.With("component", "approval"), LookupTXT: o.LookupTXT, PDF: o.PDF}
	d.ask = &ask.Asker{Office: o.Office, Ledger: o.Ledger, Now: d.now, Log: d.log.With("component", "scheduler")}
	d.drafter = &report.Drafter{Office: d.o, Ledger: d.ledger, Now: d.now, Log: d.log}
	d.reviewer = &review.Reviewer{Office: d.o, Ledger: d.ledger, Now: d.now,
		Log: d.log.With("component", "review"), LookupTXT: o.LookupTXT}
	d.upstream = &upstream.Stage{Office: d.o, Ledger: d.ledger, Now: d.now, Log: d.log.With("component", "upstream"),
		LookupTXT: o.LookupTXT, Issued: d.issuedBook}
	var err error
	if d.sender, err = mailer.NewSender(o.Office.Mail, d.log.With("component", "mailer")); err != nil {
		return nil, fmt.Errorf("smtp: %w", err)
	}
	return d, nil
}

// Step runs each worker once: read the mailbox, schedule what is due, consolidate and move the
// approvals, send the outbox. Errors of one worker do not stop the others; all are returned.
func (d *Daemon) Step(ctx context.Context) error {
	return errors.Join(d.Poll(ctx), d.Schedule(ctx), d.Report(ctx), d.Flush(ctx))
}

// Run runs the workers until ctx ends, then lets in-flight work finish for at most the
// drain timeout and returns. It returns nil on a clean shutdown.
func (d *Daemon) Run(ctx context.Context) error {
	if d.o.MailAuth.Unauthenticated() {
		d.log.Warn("INSECURE: approvals are counted WITHOUT authenticating the leaders' mail " +
			"(mail_auth.insecure_unauthenticated_approvals): anyone can forge a leader's approval; " +
			"every issued report says so. Configure mail_auth.trusted_servers, trust_unnamed or verify_dkim.")
	}
	if n, err := d.ledger.RequeueSending(ctx); err != nil {
		return fmt.Errorf("requeue outbox: %w", err)
	} else if n > 0 {
		d.log.Warn("outbox mails interrupted by a crash are queued again", "count", n)
	}
	work, cancel := context.WithCancel(context.WithoutCancel(ctx))
	defer cancel()
	go func() {
		<-ctx.Done()
		t := time.NewTimer(d.drain)
		defer t.Stop()
		select {
		case <-t.C:
			cancel()
		case <-work.Done():
		}
	}()
	var wg sync.WaitGroup
	wg.Go(func() { d.watch(ctx, work) })
	for _, w := range []worker{
		{name: "scheduler", every: d.every.scheduler, do: d.Schedule, then: d.wakeOutbox},
		{name: "reports", every: d.every.reports, woken: d.wakeReports, do: d.reportsStep, then: d.wakeOutbox},
		{name: "outbox", every: d.every.outbox, woken: d.wakeOutbox, do: d.Flush},
		{name: "records", every: recordsEvery, do: d.CheckRecords},
	} {
		wg.Go(func() { d.loop(ctx, work, w) })
	}
	wg.Wait()
	d.closeMailbox()
	_ = d.sender.Close()
	d.log.Info("stopped")
	return nil
}

// worker is one of Run's loops: it steps with do when woken (a nil woken: never) and every
// interval, and after each step rings then (nil: nobody), the worker its step may have given
// work to.
type worker struct {
	name  string
	every time.Duration
	woken wake
	do    func(context.Context) error
	then  wake
}

// loop runs the worker's step at once and then whenever it is woken or its ticker fires, until
// ctx ends; the step itself gets work, which outlives ctx by the drain timeout so that a mail
// half-recorded is finished, not abandoned.
func (d *Daemon) loop(ctx, work context.Context, w worker) {
	log := d.log.With("component", w.name)
	ticker := time.NewTicker(w.every)
	defer ticker.Stop()
	for cause := causeStart; ; {
		if err := w.do(work); err != nil {
			log.Error("worker step failed; retrying at the next tick", "err", err)
		}
		if w.then != nil {
			w.then.ring()
		}
		if d.onStep != nil {
			d.onStep(w.name, cause)
		}
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
			cause = causeTick
		case <-w.woken:
			cause = causeWake
		}
	}
}

// Close releases the mailbox connection and the relay connection kept between mails.
func (d *Daemon) Close() error {
	d.closeMailbox()
	return d.sender.Close()
}

func (d *Daemon) now() time.Time { return d.clock.Now() }

// events answers deadlines counted from other forms' events, from the ledger.
func (d *Daemon) events(ctx context.Context) period.EventTimes {
	return d.o.EventTimes(ctx, d.ledger, d.log)
}
