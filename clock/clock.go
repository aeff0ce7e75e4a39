// Package clock gives the daemon its notion of now, so that the demo and tests can run weeks of
// deadlines in seconds while production reads the wall clock. Overdue, late and due are pure
// functions of the time this package returns.
package clock

import (
	"context"
	"sync"
	"time"
)

// Clock tells the time.
type Clock interface {
	Now() time.Time
}

// Real is the wall clock.
type Real struct{}

// Now returns time.Now().
func (Real) Now() time.Time { return time.Now() }

// Manual is a clock moved by hand: the demo steps it through a fortnight of office hours.
type Manual struct {
	mu  sync.Mutex
	now time.Time
}

// NewManual returns a clock stopped at t.
func NewManual(t time.Time) *Manual { return &Manual{now: t} }

// Now returns the time the clock was last set to.
func (m *Manual) Now() time.Time {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.now
}

// Set moves the clock to t (forward or back).
func (m *Manual) Set(t time.Time) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.now = t
}

// Advance moves the clock forward by d and returns the new time.
func (m *Manual) Advance(d time.Duration) time.Time {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.now = m.now.Add(d)
	return m.now
}

// Scaled runs from a start time at speed times the wall clock: with speed 3600 an hour of
// office time passes each second. The daemon uses it under `run --start --speed` so that a real
// process, which can be killed and restarted, lives through days of deadlines in a test.
type Scaled struct {
	start time.Time
	base  time.Time // wall time at start
	speed float64
	wall  func() time.Time
}

// NewScaled returns a clock reading start now and running speed times faster than the wall clock.
func NewScaled(start time.Time, speed float64) *Scaled {
	return &Scaled{start: start, base: time.Now(), speed: speed, wall: time.Now}
}

// Now returns the scaled time.
func (s *Scaled) Now() time.Time {
	elapsed := s.wall().Sub(s.base)
	return s.start.Add(time.Duration(float64(elapsed) * s.speed))
}

// Sleep waits d of wall time, or until ctx ends, whichever comes first; it returns ctx's error
// in the second case. Waits on the network (polling, back-off) are wall time whatever the
// office clock says.
func Sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
