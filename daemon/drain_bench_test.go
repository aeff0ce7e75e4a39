package daemon

import (
	"context"
	"fmt"
	"os"
	"syscall"
	"testing"
	"time"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/internal/dovecottest"
	"github.com/tonghop/tonghop/internal/officetest"
)

// BenchmarkDrain measures how fast a full inbox drains on loopback: each message is fetched,
// parsed, its workbook read and validated, recorded with its receipt in one transaction, moved,
// and the receipt sent over SMTP. The files are 40 units' in turn, as in cmd/tonghop's
// TestRun_DrainUnderKills: one sender's flood, with the reply limit lifted, made every message
// count every answer that sender got (the limit is there for a loop). The inbox is a private
// Dovecot's (the embedded server's where Dovecot is missing and TONGHOP_REQUIRE_DOVECOT is not
// set, or with TONGHOP_DRAIN_SERVER=embedded), filled before the timer starts. It reports
// messages per second and this process's CPU per message (the embedded relay's included).
//
//	go test -run '^$' -bench Drain -benchtime 2000x ./daemon/
func BenchmarkDrain(b *testing.B) {
	var dc *dovecottest.Server
	if os.Getenv("TONGHOP_DRAIN_SERVER") != "embedded" && (dovecottest.Installed() || os.Getenv(dovecottest.RequireEnv) == "1") {
		dc = dovecottest.Start(b, dovecottest.Options{})
	}
	units := make([]string, 40)
	for i := range units {
		units[i] = fmt.Sprintf("DV%02d", i+1)
	}
	e := newOfficeEnv(b, officetest.Options{Units: units}, func(o *Options) {
		o.Config.Mailbox.RepliesPerHour = 1 << 30
		if dc != nil {
			m := &o.Config.Mailbox
			m.Host, m.Port, m.TLS, m.User, m.Password = dc.Host(), dc.Port(), config.TLSNone, dc.User(), dc.Password()
		}
	})
	ctx := context.Background()
	workbooks := map[string][]byte{}
	for _, u := range units {
		workbooks[u] = e.workbook(b, u, false)
	}
	raws := make([][]byte, b.N)
	for i := range raws {
		u := units[i%len(units)]
		raws[i] = mail(officetest.UnitAddr(u), fmt.Sprintf("bench-%d@kcn", i), "", "BM.02.01-KH_2026-11_"+u+".xlsx", workbooks[u])
	}
	count := func() int { return e.count(b, "Processed") }
	if dc == nil {
		for _, raw := range raws {
			e.append(b, raw)
		}
	} else {
		appendDovecot(b, dc, raws)
		count = func() int { return dc.Count(b, "Processed") }
	}
	b.ResetTimer()
	start, cpu := time.Now(), cpuTime()
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
	elapsed, used := time.Since(start), cpuTime()-cpu
	b.StopTimer()
	if n := count(); n != b.N {
		b.Fatalf("Processed: got %d, want %d", n, b.N)
	}
	b.ReportMetric(float64(b.N)/elapsed.Seconds(), "msgs/s")
	b.ReportMetric(float64(used.Microseconds())/1000/float64(b.N), "cpu-ms/msg")
}

// appendDovecot fills Dovecot's inbox by IMAP APPEND.
func appendDovecot(b *testing.B, dc *dovecottest.Server, raws [][]byte) {
	a := dc.Appender(b)
	for _, raw := range raws {
		a.Append("INBOX", raw)
	}
	a.Close()
}

// cpuTime is this process's CPU time so far, user and system.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
