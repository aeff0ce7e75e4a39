package clock

import (
	"context"
	"errors"
	"testing"
	"time"
)

func TestManual_Advance(t *testing.T) {
	start := time.Date(2026, 11, 16, 8, 0, 0, 0, time.UTC)
	m := NewManual(start)
	if got := m.Advance(90 * time.Minute); !got.Equal(start.Add(90 * time.Minute)) {
		t.Errorf("Advance: got %v, want %v", got, start.Add(90*time.Minute))
	}
	m.Set(start)
	if got := m.Now(); !got.Equal(start) {
		t.Errorf("Set: got %v, want %v", got, start)
	}
}

func TestScaled_Now(t *testing.T) {
	start := time.Date(2026, 11, 16, 8, 0, 0, 0, time.UTC)
	wall := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	s := &Scaled{start: start, base: wall, speed: 3600, wall: func() time.Time { return wall.Add(2 * time.Second) }}
	if got, want := s.Now(), start.Add(2*time.Hour); !got.Equal(want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestSleep(t *testing.T) {
	if err := Sleep(context.Background(), time.Millisecond); err != nil {
		t.Errorf("Sleep: got %v, want nil", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := Sleep(ctx, time.Hour); !errors.Is(err, context.Canceled) {
		t.Errorf("Sleep with an ended context: got %v, want context.Canceled", err)
	}
}
