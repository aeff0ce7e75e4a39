package daemon

import (
	"context"
	"fmt"
	"testing"
	"time"
)

// BenchmarkDrain measures how fast a full inbox drains on loopback: each message is fetched,
// parsed, its workbook read and validated, recorded with its receipt in one transaction, moved,
// and the receipt sent over SMTP. It reports messages per second.
//
//	go test -run '^$' -bench Drain -benchtime 2000x ./daemon/
func BenchmarkDrain(b *testing.B) {
	e := newEnvWith(b, func(o *Options) { o.Config.Mailbox.RepliesPerHour = 1 << 30 })
	ctx := context.Background()
	wb := e.workbook(b, "QLDN", false)
	for i := range b.N {
		e.append(b, mail("qldn@kcn.example", fmt.Sprintf("bench-%d@kcn", i), "", "BM.02.01-KH_2026-11_QLDN.xlsx", wb))
	}
	b.ResetTimer()
	start := time.Now()
	for {
		more, err := e.d.poll(ctx)
		if err != nil {
			b.Fatal(err)
		}
		if !more {
			break
		}
	}
	if err := e.d.Flush(ctx); err != nil {
		b.Fatal(err)
	}
	elapsed := time.Since(start)
	b.StopTimer()
	if n := e.count(b, "Processed"); n != b.N {
		b.Fatalf("Processed: got %d, want %d", n, b.N)
	}
	b.ReportMetric(float64(b.N)/elapsed.Seconds(), "msgs/s")
}
