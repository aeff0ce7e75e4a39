package intake

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"

	"github.com/tonghop/tonghop/clock"
)

// errIdleEnded is returned when the server or the network ends an IDLE nobody asked to stop.
var errIdleEnded = errors.New("connection closed during IDLE")

// CanIdle reports whether the server offers IDLE (RFC 2177), so new mail is announced at once
// instead of found at the next poll.
func (m *Mailbox) CanIdle() bool {
	caps := m.client.Caps()
	return caps.Has(imap.CapIdle) || caps.Has(imap.CapIMAP4rev2)
}

// WaitForMail blocks until the server announces new mail in the inbox, ctx ends or max has
// passed, and reports whether new mail was announced. With IDLE the wait ends as soon as a
// message arrives; without it WaitForMail simply waits max, and the next Fetch finds what came.
// Mail announced while the caller was busy (during a Fetch) ends the next wait at once, so
// nothing announced is missed. An error means the connection is lost: discard the Mailbox.
func (m *Mailbox) WaitForMail(ctx context.Context, max time.Duration) (bool, error) {
	select {
	case <-m.newMail:
		return true, nil
	default:
	}
	if !m.CanIdle() {
		return false, clock.Sleep(ctx, max)
	}
	var idle *imapclient.IdleCommand
	err := m.within(ctx, m.cfg.Timeout, func() (err error) {
		idle, err = m.client.Idle()
		return err
	})
	if err != nil {
		return false, fmt.Errorf("start idle: %w", err)
	}
	ended := make(chan error, 1)
	go func() { ended <- idle.Wait() }()
	timer := time.NewTimer(max)
	defer timer.Stop()
	announced := false
	select {
	case <-m.newMail:
		announced = true
	case <-timer.C:
	case <-ctx.Done():
	case err := <-ended:
		return false, fmt.Errorf("idle: %w", errors.Join(errIdleEnded, err))
	}
	if err := m.stopIdle(ctx, idle, ended); err != nil {
		return announced, err
	}
	m.logger.Debug("imap idle ended", "new_mail", announced)
	return announced, ctx.Err()
}

// stopIdle sends DONE and waits for the server to end the IDLE, within the command timeout
// even when ctx has ended: the connection must be usable for the next command.
func (m *Mailbox) stopIdle(ctx context.Context, idle *imapclient.IdleCommand, ended <-chan error) error {
	err := m.within(context.WithoutCancel(ctx), m.cfg.Timeout, func() error {
		if err := idle.Close(); err != nil {
			return err
		}
		return <-ended
	})
	if err != nil {
		return fmt.Errorf("stop idle: %w", err)
	}
	return nil
}

// announceNewMail is imapclient's handler of unsolicited mailbox data: an EXISTS response
// means mail arrived. The signal is buffered once; more arrivals before the next wait add
// nothing, since one Fetch takes them all.
func (m *Mailbox) announceNewMail(data *imapclient.UnilateralDataMailbox) {
	if data.NumMessages == nil {
		return
	}
	select {
	case m.newMail <- struct{}{}:
	default:
	}
}
