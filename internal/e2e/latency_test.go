package e2e

import (
	"testing"
	"time"
)

// BenchmarkReceiptLatency measures how long a unit waits for its receipt on the loopback mail
// system: from Postfix accepting the unit's mail to the receipt being in the unit's INBOX,
// through Postfix, LMTP, Dovecot, the daemon's IDLE, judging and recording the file, the
// outbox, Postfix and LMTP again. Each iteration is one unit sending a new version of its file
// and waiting for the answer; the units take turns, and one unit never sends, so no draft is
// built meanwhile. It reports the median and the 95th percentile (target: p95 ≤ 2 s).
//
//	go test -run '^$' -bench ReceiptLatency -benchtime 50x ./internal/e2e/   (bench/latency.sh)
func BenchmarkReceiptLatency(b *testing.B) {
	c := newCycle(b)
	c.templates(b)
	senders := len(units) - 1 // the last unit stays silent: no draft, no approval mail
	var latencies []time.Duration
	b.ResetTimer()
	for n := range b.N {
		i := n % senders
		id, accepted := c.submitFile(b, i, c.version(b, i, n))
		r := c.units[i].waitFor(b, "receipt", inReplyTo(id))
		latencies = append(latencies, r.found.Sub(accepted))
	}
	b.StopTimer()
	s := summarize(latencies)
	b.ReportMetric(float64(s.p50)/float64(time.Millisecond), "p50-ms")
	b.ReportMetric(float64(s.p95)/float64(time.Millisecond), "p95-ms")
	b.ReportMetric(float64(s.max)/float64(time.Millisecond), "max-ms")
	b.Logf("receipt latency over %d files: p50 %v, p95 %v, max %v", len(latencies), s.p50, s.p95, s.max)
}
