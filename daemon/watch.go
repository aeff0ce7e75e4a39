package daemon

import (
	"context"
	"errors"
	"log/slog"
	"math/rand/v2"
	"time"

	"github.com/tonghop/tonghop/clock"
	"github.com/tonghop/tonghop/intake"
)

// Backoff of the intake worker after a failed poll: the first retry after backoffBase, doubling
// up to backoffMax (or the poll interval, if longer). A rejected login waits the longest at
// once: mail servers lock accounts that keep failing.
const (
	backoffBase = 2 * time.Second
	backoffMax  = 5 * time.Minute
)

// watch is the intake worker of Run: it polls, then waits for new mail (IDLE where the server
// offers it, the poll interval otherwise), and after a failure backs off before dialling again.
// Polling goes on at once while batches come back full, so a flooded inbox drains at full speed.
func (d *Daemon) watch(ctx, work context.Context) {
	log := d.log.With("component", "intake")
	poll := time.Duration(d.o.Mailbox.PollInterval)
	failures := 0
	for ctx.Err() == nil {
		more, err := d.poll(work)
		switch {
		case err != nil:
			failures++
			wait := backoff(failures, poll, errors.Is(err, intake.ErrAuth))
			log.Error("mailbox poll failed; retrying", "err", err, "failures", failures, "retry_in", wait.Round(time.Second))
			if clock.Sleep(ctx, wait) != nil {
				return
			}
		case more:
			failures = 0
		default:
			failures = 0
			d.waitForMail(ctx, poll, log)
		}
	}
}

// waitForMail waits up to the poll interval for new mail, returning early when the server
// announces some. A connection lost while idling is dropped; the next poll dials again.
func (d *Daemon) waitForMail(ctx context.Context, poll time.Duration, log *slog.Logger) {
	d.mu.Lock()
	mb := d.mailbox
	d.mu.Unlock()
	if mb == nil || !mb.CanIdle() {
		_ = clock.Sleep(ctx, poll)
		return
	}
	announced, err := mb.WaitForMail(ctx, poll)
	if err != nil && ctx.Err() == nil {
		log.Warn("mailbox connection lost while waiting for mail; dialling again", "err", err)
		d.closeMailbox()
		return
	}
	if announced {
		log.Debug("new mail announced")
	}
}

// backoff is the wait before retry number failures, with ±20% jitter so that many daemons
// behind one server do not retry in step.
func backoff(failures int, poll time.Duration, authFailed bool) time.Duration {
	limit := max(backoffMax, poll)
	wait := limit
	if !authFailed {
		wait = min(backoffBase<<min(failures-1, 20), limit)
	}
	jitter := 0.8 + 0.4*rand.Float64()
	return time.Duration(float64(wait) * jitter)
}
