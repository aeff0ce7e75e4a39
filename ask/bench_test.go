package ask

import (
	"context"
	"testing"
)

// BenchmarkSchedule measures one scheduler pass over the test office once its templates are
// queued: what the daemon pays on every step when nothing new falls due, which is most steps.
//
//	go test -run '^$' -bench Schedule -benchmem ./ask/
func BenchmarkSchedule(b *testing.B) {
	a := newAsker(b)
	ctx := context.Background()
	if err := a.Schedule(ctx); err != nil { // queues the templates; the passes timed queue nothing
		b.Fatal(err)
	}
	for b.Loop() {
		if err := a.Schedule(ctx); err != nil {
			b.Fatal(err)
		}
	}
}
