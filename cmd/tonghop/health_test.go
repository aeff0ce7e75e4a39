package main

import (
	"encoding/json"
	"net"
	"net/http"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"

	"github.com/tonghop/tonghop/health"
	"github.com/tonghop/tonghop/internal/officetest"
)

// TestRun_HealthEndpoint: `tonghop run` serves /metrics in Prometheus' text format and /healthz
// on health.listen (here a free loopback port, which the log names), and stops them with itself.
func TestRun_HealthEndpoint(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	_, cfgPath := testOffice(t)
	p := startDaemon(t, cfgPath)
	addrLine := regexp.MustCompile(`msg="health endpoint listening".* addr=(127\.0\.0\.1:\d+)`)
	var addr string
	officetest.WaitFor(t, 30*time.Second, "health endpoint", func() bool {
		if m := addrLine.FindStringSubmatch(p.log()); m != nil {
			addr = m[1]
		}
		return addr != "" && strings.Contains(p.log(), "tonghop started")
	})

	resp, err := http.Get("http://" + addr + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	parser := expfmt.NewTextParser(model.UTF8Validation)
	fams, err := parser.TextToMetricFamilies(resp.Body)
	resp.Body.Close()
	if err != nil {
		t.Fatalf("parse /metrics: %v", err)
	}
	for _, name := range []string{"tonghop_outbox_backlog", "tonghop_outbox_oldest_age_seconds", "tonghop_drafts_total", "tonghop_issue_latency_seconds"} {
		if _, ok := fams[name]; !ok {
			t.Errorf("/metrics: no %s", name)
		}
	}

	var r health.Report
	officetest.WaitFor(t, 30*time.Second, "a successful poll in /healthz", func() bool {
		resp, err := http.Get("http://" + addr + "/healthz")
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
			t.Fatal(err)
		}
		return r.IMAP.LastPoll != nil
	})
	if r.Status != "ok" || !r.Ledger.Writable {
		t.Errorf("/healthz: got %+v, want ok with a writable ledger", r)
	}

	if err := p.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if err := p.wait(t, 20*time.Second); err != nil {
		t.Fatalf("exit: %v; log:\n%s", err, p.log())
	}
	if _, err := http.Get("http://" + addr + "/healthz"); err == nil {
		t.Error("the health endpoint still answers after the daemon stopped")
	}
}

func TestLoopback(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		addr string
		want bool
	}{
		{"127.0.0.1:9464", true}, {"[::1]:9464", true}, {"0.0.0.0:9464", false}, {"[::]:9464", false}, {"192.0.2.7:9464", false},
	} {
		a, err := net.ResolveTCPAddr("tcp", tt.addr)
		if err != nil {
			t.Fatal(err)
		}
		if got := loopback(a); got != tt.want {
			t.Errorf("loopback(%s): got %v, want %v", tt.addr, got, tt.want)
		}
	}
}
