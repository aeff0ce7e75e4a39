package daemon

import (
	"testing"
	"time"
)

func TestBackoff(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		failures   int
		poll       time.Duration
		authFailed bool
		want       time.Duration // before jitter
	}{
		{"first retry", 1, time.Minute, false, 2 * time.Second},
		{"doubling", 4, time.Minute, false, 16 * time.Second},
		{"capped", 12, time.Minute, false, 5 * time.Minute},
		{"many failures do not overflow", 1000, time.Minute, false, 5 * time.Minute},
		{"long poll interval is the cap", 30, time.Hour, false, time.Hour},
		{"login refused waits the longest at once", 1, time.Minute, true, 5 * time.Minute},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for range 20 {
				got := backoff(tt.failures, tt.poll, tt.authFailed)
				lo, hi := time.Duration(float64(tt.want)*0.8), time.Duration(float64(tt.want)*1.2)
				if got < lo || got > hi {
					t.Fatalf("got %v, want within [%v, %v]", got, lo, hi)
				}
			}
		})
	}
}
