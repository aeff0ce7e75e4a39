package localmail

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/emersion/go-smtp"
)

// Delivery is one message accepted by the SMTP server.
type Delivery struct {
	From string
	To   []string // envelope recipients
	// Data is the message exactly as the client sent it (after SMTP
	// dot-unstuffing), without the Return-Path and Received headers that
	// the copies in the recipients' mailboxes get.
	Data []byte
	At   time.Time
}

// deliveryLog keeps accepted messages in order and wakes waiters on each.
type deliveryLog struct {
	mu      sync.Mutex
	list    []Delivery
	changed chan struct{} // closed and replaced on every add
}

func (l *deliveryLog) init() { l.changed = make(chan struct{}) }

func (l *deliveryLog) add(d Delivery) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.list = append(l.list, d)
	close(l.changed)
	l.changed = make(chan struct{})
}

// snapshot returns a deep copy and the channel closed on the next add.
func (l *deliveryLog) snapshot() ([]Delivery, <-chan struct{}) {
	l.mu.Lock()
	defer l.mu.Unlock()
	out := make([]Delivery, len(l.list))
	for i, d := range l.list {
		d.To = slices.Clone(d.To)
		d.Data = slices.Clone(d.Data)
		out[i] = d
	}
	return out, l.changed
}

// Deliveries returns a copy of every message accepted by SMTP so far, in
// order. A delivery is recorded after it is in the recipients' mailboxes.
func (s *Server) Deliveries() []Delivery {
	list, _ := s.deliveries.snapshot()
	return list
}

// WaitDeliveries blocks until at least n messages have been accepted and
// returns all of them. It gives up when ctx ends or the server is closed,
// returning what it has so far with the error.
func (s *Server) WaitDeliveries(ctx context.Context, n int) ([]Delivery, error) {
	for {
		list, changed := s.deliveries.snapshot()
		if len(list) >= n {
			return list, nil
		}
		select {
		case <-changed:
		case <-ctx.Done():
			return list, fmt.Errorf("wait for %d deliveries, have %d: %w", n, len(list), ctx.Err())
		case <-s.closed:
			return list, fmt.Errorf("wait for %d deliveries, have %d: %w", n, len(list), ErrClosed)
		}
	}
}

// faultInjector makes the next few DATA commands fail on purpose.
type faultInjector struct {
	mu      sync.Mutex
	left    int
	code    int
	message string
}

// FailNext makes the next n DATA (or BDAT) transactions fail with the given
// SMTP reply after the message has been received, so tests can exercise
// retries: 4xx codes are temporary (e.g. 451), 5xx permanent (e.g. 550).
// A code outside 400..599 is replaced by 451. n <= 0 cancels pending faults.
// Failed messages are neither delivered nor recorded.
func (s *Server) FailNext(n int, code int, message string) {
	if code < 400 || code > 599 {
		code = 451
	}
	if message == "" {
		message = "Injected failure, try again later"
	}
	s.faults.mu.Lock()
	defer s.faults.mu.Unlock()
	s.faults.left = max(n, 0)
	s.faults.code = code
	s.faults.message = message
}

// take consumes one pending fault, or returns nil.
func (f *faultInjector) take() *smtp.SMTPError {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.left == 0 {
		return nil
	}
	f.left--
	// EnhancedCodeNotSet makes go-smtp answer X.0.0, X being the class.
	return &smtp.SMTPError{Code: f.code, EnhancedCode: smtp.EnhancedCodeNotSet, Message: f.message}
}
