package daemon

import (
	"context"
	"slices"
	"sync"
	"time"

	"github.com/tonghop/tonghop/ledger"
)

// A worker of Run is woken as soon as there is work for it, and its ticker remains as the
// fallback: recording a mail wakes the outbox when the mail queued an answer and the reports
// worker when it can make a draft due or move an approval chain; a scheduler or reports step
// wakes the outbox, since either may have queued mail. A unit's receipt therefore leaves as soon
// as its mail is recorded, and the draft as soon as the last unit's file is in, instead of at the
// next tick. The tickers catch what no wake announces: mail queued by another process (tonghop
// ingest, tonghop consolidate), retries falling due, deadlines passing.

// wake is a worker's doorbell. Ringing never blocks: a ring while the worker is busy is kept (one
// at most) and makes the worker step once more when it is done, so any number of rings during a
// step coalesce into one further step.
type wake chan struct{}

func newWake() wake { return make(wake, 1) }

// ring asks the worker for one more step.
func (w wake) ring() {
	select {
	case w <- struct{}{}:
	default:
	}
}

// stepCause is why a worker of Run stepped.
type stepCause string

const (
	causeStart stepCause = "start" // Run began
	causeTick  stepCause = "tick"  // the fallback interval passed
	causeWake  stepCause = "wake"  // another worker rang
)

// intervals are how often each worker of Run steps when nothing wakes it.
type intervals struct {
	scheduler, reports, outbox time.Duration
}

// fallbackIntervals: the scheduler and the reports every poll interval; the outbox at least every
// five seconds, for mail other processes queue.
func fallbackIntervals(poll time.Duration) intervals {
	return intervals{scheduler: poll, reports: poll, outbox: min(poll, 5*time.Second)}
}

// recorded rings the workers that a recorded mail gives work to.
func (d *Daemon) recorded(in ledger.Intake, res ledger.IntakeResult) {
	if res.Duplicate {
		return // nothing was written
	}
	if len(in.Outbox) > 0 {
		d.wakeOutbox.ring()
	}
	if reportsMayChange(in) {
		d.reportsHeld.ring(d.wakeReports)
	}
}

// A flood of files would wake the reports worker after every one of them, and each step
// consolidates and renders the period's draft again, only for the next file to make it stale:
// measured on the binary draining 500 files, that step took 57% of the CPU and cut the intake
// to a third of its rate. So while intake drains a backlog (its batches come back full) the
// wake is held, and given when the backlog is drained, or at least every reportsHoldMax, so a
// mailbox that never empties still gets its drafts. Mail recorded outside a batch (tonghop
// ingest) rings at once. The receipts' outbox wake is never held.
const reportsHoldMax = 30 * time.Second

// heldWake holds a worker's wake while a backlog drains.
type heldWake struct {
	mu      sync.Mutex
	holding bool      // a batch of a backlog is being handled
	backlog bool      // the last batch came back full: more mail is waiting
	pending bool      // a ring came while holding
	since   time.Time // when the first held ring came
}

// defers says whether a step of the worker at its tick should wait for the backlog to drain:
// a ring is then pending and given when it drains (or reportsHoldMax after the first), so the
// step is only put off. A short poll interval (a test office's second) would otherwise
// consolidate every second of a flood all the same.
func (h *heldWake) defers() bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	switch {
	case !h.backlog:
		return false
	case !h.pending:
		h.pending, h.since = true, time.Now()
		return true
	case time.Since(h.since) >= reportsHoldMax:
		h.pending = false // this step is the one held
		return false
	}
	return true
}

// ring rings w now, or keeps the ring for release when holding.
func (h *heldWake) ring(w wake) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if !h.holding {
		w.ring()
		return
	}
	if !h.pending {
		h.pending, h.since = true, time.Now()
	}
}

// hold starts holding rings, for one batch.
func (h *heldWake) hold() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.holding = true
}

// reportsStep is the reports worker's step, put off while intake drains a backlog.
func (d *Daemon) reportsStep(ctx context.Context) error {
	if d.reportsHeld.defers() {
		return nil
	}
	return d.Report(ctx)
}

// release ends a batch: the held ring is given when the backlog is drained (more false) or has
// been held reportsHoldMax; otherwise it stays held for the next batch.
func (h *heldWake) release(w wake, more bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.holding, h.backlog = false, more
	if h.pending && (!more || time.Since(h.since) >= reportsHoldMax) {
		h.pending = false
		w.ring()
	}
}

// reportsMayChange says whether a recorded mail can change what the reports worker decides: a
// file counted in a period (the last unit's file makes the draft due), an edited draft, an
// approval step taken (a correction opened is one), a clerk's decision to take a late file in.
// An upper office's template (filled at once when our report is issued) and a clerk's answer
// about a filled one (sent at once on "Gửi") are work for its upstream step. Other mail leaves
// drafts and chains as they were.
func reportsMayChange(in ledger.Intake) bool {
	return len(in.Submissions) > 0 || len(in.Drafts) > 0 || in.Approval != nil || in.LateDecision != nil ||
		len(in.Upstream) > 0 || slices.ContainsFunc(in.Outbox, func(m ledger.OutMail) bool { return m.Kind == ledger.KindUpstreamOffice })
}
