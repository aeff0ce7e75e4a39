package health_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"sync"
	"testing"
	"time"

	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"

	"github.com/tonghop/tonghop/health"
	"github.com/tonghop/tonghop/ledger"
)

var t0 = time.Date(2026, 11, 16, 8, 0, 0, 0, time.UTC)

// fakeClock is a settable time for the Monitor's Now.
type fakeClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *fakeClock) Now() time.Time  { c.mu.Lock(); defer c.mu.Unlock(); return c.now }
func (c *fakeClock) Set(t time.Time) { c.mu.Lock(); c.now = t; c.mu.Unlock() }

func openLedger(t *testing.T) *ledger.Ledger {
	t.Helper()
	l, err := ledger.Open(context.Background(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = l.Close() })
	return l
}

// serve runs the Monitor on a loopback port until the test ends and returns its base URL.
func serve(t *testing.T, m *health.Monitor) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- m.Serve(ctx, ln) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Serve: %v", err)
		}
	})
	return "http://" + ln.Addr().String()
}

func get(t *testing.T, url string) (int, []byte) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Accept", "text/plain")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, body
}

func scrape(t *testing.T, base string) map[string]*dto.MetricFamily {
	t.Helper()
	code, body := get(t, base+"/metrics")
	if code != http.StatusOK {
		t.Fatalf("GET /metrics: got %d, want 200: %s", code, body)
	}
	p := expfmt.NewTextParser(model.UTF8Validation)
	fams, err := p.TextToMetricFamilies(bytes.NewReader(body))
	if err != nil {
		t.Fatalf("parse /metrics: %v\n%s", err, body)
	}
	return fams
}

// value is the value of the family's series with exactly the given labels; found is false
// when there is none.
func value(fams map[string]*dto.MetricFamily, name string, labels map[string]string) (v float64, found bool) {
	fam, ok := fams[name]
	if !ok {
		return 0, false
	}
series:
	for _, m := range fam.GetMetric() {
		if len(m.GetLabel()) != len(labels) {
			continue
		}
		for _, l := range m.GetLabel() {
			if labels[l.GetName()] != l.GetValue() {
				continue series
			}
		}
		switch {
		case m.Counter != nil:
			return m.GetCounter().GetValue(), true
		case m.Gauge != nil:
			return m.GetGauge().GetValue(), true
		case m.Histogram != nil:
			return float64(m.GetHistogram().GetSampleCount()), true
		}
	}
	return 0, false
}

func TestMonitor_Metrics(t *testing.T) {
	l := openLedger(t)
	clk := &fakeClock{now: t0}
	ctx := context.Background()
	// Two mails due (one since 07:00, queued for then the evening before), one not yet due, one sent.
	for _, m := range []ledger.OutMail{
		{Key: "a", Kind: ledger.KindReminder, To: []string{"u@x.vn"}, CreatedAt: t0.Add(-13 * time.Hour), NotBefore: t0.Add(-time.Hour)},
		{Key: "b", Kind: ledger.KindReceipt, To: []string{"u@x.vn"}, CreatedAt: t0.Add(-10 * time.Minute), NotBefore: t0.Add(-10 * time.Minute)},
		{Key: "c", Kind: ledger.KindNag, To: []string{"u@x.vn"}, CreatedAt: t0.Add(-time.Hour), NotBefore: t0.Add(24 * time.Hour)},
	} {
		if _, _, err := l.Enqueue(ctx, m); err != nil {
			t.Fatal(err)
		}
	}
	m := health.New(health.Options{Ledger: l, Now: clk.Now, PollStale: time.Hour})
	m.Read(ledger.OutcomeAccepted)
	m.Read(ledger.OutcomeAccepted)
	m.Read(ledger.OutcomeQuarantined)
	m.Submitted(true, false)
	m.Submitted(false, true)
	m.Sent(ledger.KindReminder)
	m.Sent(ledger.KindDraft)
	m.Cancelled(ledger.KindNag)
	m.SendFailed(ledger.KindIssue, false)
	m.SendFailed(ledger.KindIssue, true)
	m.Approval(ledger.ApprovalAction("approve"))
	m.Approval(ledger.ActionMailReceived) // not an approval: not counted
	m.Issued(26 * time.Hour)

	fams := scrape(t, serve(t, m))
	tests := []struct {
		name   string
		labels map[string]string
		want   float64
	}{
		{"tonghop_mail_read_total", map[string]string{"outcome": "accepted"}, 2},
		{"tonghop_mail_read_total", map[string]string{"outcome": "quarantined"}, 1},
		{"tonghop_submissions_total", map[string]string{"outcome": "accepted", "late": "false"}, 1},
		{"tonghop_submissions_total", map[string]string{"outcome": "rejected", "late": "true"}, 1},
		{"tonghop_mail_sent_total", map[string]string{"kind": "reminder"}, 1},
		{"tonghop_mail_send_failures_total", map[string]string{"kind": "issue", "final": "false"}, 1},
		{"tonghop_mail_send_failures_total", map[string]string{"kind": "issue", "final": "true"}, 1},
		{"tonghop_mail_cancelled_total", map[string]string{"kind": "nag"}, 1},
		{"tonghop_reminders_total", map[string]string{"kind": "reminder", "result": "sent"}, 1},
		{"tonghop_reminders_total", map[string]string{"kind": "nag", "result": "cancelled"}, 1},
		{"tonghop_drafts_total", nil, 1},
		{"tonghop_approval_events_total", map[string]string{"action": "approval.approve"}, 1},
		{"tonghop_issue_latency_seconds", nil, 1}, // sample count
		{"tonghop_outbox_backlog", nil, 2},
		{"tonghop_outbox_oldest_age_seconds", nil, 3600},
	}
	for _, tt := range tests {
		got, ok := value(fams, tt.name, tt.labels)
		if !ok || got != tt.want {
			t.Errorf("%s%v: got %v (found %v), want %v", tt.name, tt.labels, got, ok, tt.want)
		}
	}
	if _, ok := value(fams, "tonghop_approval_events_total", map[string]string{"action": string(ledger.ActionMailReceived)}); ok {
		t.Errorf("tonghop_approval_events_total counts %s, want approval actions only", ledger.ActionMailReceived)
	}
	if _, ok := fams["go_goroutines"]; !ok {
		t.Error("go_goroutines missing: the runtime's metrics are not registered")
	}
}

func healthz(t *testing.T, base string) (int, health.Report) {
	t.Helper()
	code, body := get(t, base+"/healthz")
	var r health.Report
	if err := json.Unmarshal(body, &r); err != nil {
		t.Fatalf("/healthz: %v: %s", err, body)
	}
	return code, r
}

func TestMonitor_Healthz(t *testing.T) {
	l := openLedger(t)
	clk := &fakeClock{now: t0}
	m := health.New(health.Options{Ledger: l, Now: clk.Now, PollStale: 10 * time.Minute})
	base := serve(t, m)

	t.Run("OK", func(t *testing.T) {
		m.Polled(nil)
		m.Sent(ledger.KindReceipt)
		clk.Set(t0.Add(9 * time.Minute))
		code, r := healthz(t, base)
		if code != http.StatusOK || r.Status != "ok" || len(r.Problems) != 0 {
			t.Fatalf("got %d %q %q, want 200 ok and no problems", code, r.Status, r.Problems)
		}
		if !r.Ledger.Writable || r.IMAP.Stale || r.IMAP.LastPoll == nil || !r.IMAP.LastPoll.Equal(t0) ||
			r.IMAP.AgeSeconds != 540 || r.SMTP.LastSend == nil || !r.SMTP.LastSend.Equal(t0) {
			t.Errorf("got %+v, want a writable ledger, a poll and a send at %v, 540 s ago", r, t0)
		}
	})
	t.Run("StalePoll", func(t *testing.T) {
		m.Polled(errors.New("dial tcp 127.0.0.1:993: connection refused"))
		clk.Set(t0.Add(11 * time.Minute))
		code, r := healthz(t, base)
		if code != http.StatusServiceUnavailable || r.Status != "failing" || !r.IMAP.Stale {
			t.Fatalf("got %d %q stale=%v, want 503 failing with a stale poll", code, r.Status, r.IMAP.Stale)
		}
		if r.IMAP.LastError == "" || !r.IMAP.LastPoll.Equal(t0) || len(r.Problems) != 1 {
			t.Errorf("got %+v, want the last error, the last success at %v and one problem", r.IMAP, t0)
		}
	})
	t.Run("PollsAgain", func(t *testing.T) {
		m.Polled(nil)
		if code, r := healthz(t, base); code != http.StatusOK || r.IMAP.Stale || r.IMAP.LastError != "" {
			t.Errorf("got %d %+v, want 200 and a fresh poll without error", code, r.IMAP)
		}
	})
}

// TestMonitor_NeverPolled: a daemon whose first poll never succeeds is stale once PollStale has
// passed since it started.
func TestMonitor_NeverPolled(t *testing.T) {
	clk := &fakeClock{now: t0}
	m := health.New(health.Options{Ledger: openLedger(t), Now: clk.Now, PollStale: time.Minute})
	if r := m.Check(context.Background()); r.Status != "ok" || r.IMAP.LastPoll != nil {
		t.Fatalf("at start: got %q last_poll=%v, want ok and no poll yet", r.Status, r.IMAP.LastPoll)
	}
	clk.Set(t0.Add(2 * time.Minute))
	if r := m.Check(context.Background()); r.Status != "failing" || !r.IMAP.Stale || r.IMAP.AgeSeconds != 120 {
		t.Errorf("after 2 min: got %q stale=%v age=%v, want failing, stale, 120", r.Status, r.IMAP.Stale, r.IMAP.AgeSeconds)
	}
}

// brokenLedger is a ledger that can no longer record.
type brokenLedger struct{}

func (brokenLedger) Probe(context.Context) error {
	return errors.New("attempt to write a readonly database")
}
func (brokenLedger) Backlog(context.Context, time.Time) (ledger.Backlog, error) {
	return ledger.Backlog{}, nil
}

var _ health.Ledger = brokenLedger{}

func TestMonitor_LedgerNotWritable(t *testing.T) {
	m := health.New(health.Options{Ledger: brokenLedger{}, Now: func() time.Time { return t0 }, PollStale: time.Hour})
	m.Polled(nil)
	code, r := healthz(t, serve(t, m))
	if code != http.StatusServiceUnavailable || r.Ledger.Writable || r.Ledger.Error == "" {
		t.Errorf("got %d %+v, want 503 and the ledger not writable, with its error", code, r.Ledger)
	}
}

// TestMonitor_RecordsCheck: the daemon's last check of the records is in the report; one that
// found problems fails it, and a clean one after it clears it.
func TestMonitor_RecordsCheck(t *testing.T) {
	m := health.New(health.Options{Ledger: openLedger(t), Now: func() time.Time { return t0 }, PollStale: time.Hour})
	m.Polled(nil)
	if r := m.Check(context.Background()); r.Status != "ok" || r.Records.LastCheck != nil {
		t.Fatalf("before any check: got %q last_check=%v, want ok and none", r.Status, r.Records.LastCheck)
	}
	m.RecordsChecked(t0, 2)
	r := m.Check(context.Background())
	if r.Status != "failing" || r.Records.Problems != 2 || r.Records.LastCheck == nil || !r.Records.LastCheck.Equal(t0) || len(r.Problems) != 1 {
		t.Errorf("after a check with 2 problems: got %q %+v %q, want failing with one problem", r.Status, r.Records, r.Problems)
	}
	m.RecordsChecked(t0.Add(time.Hour), 0)
	if r := m.Check(context.Background()); r.Status != "ok" || r.Records.Problems != 0 {
		t.Errorf("after a clean check: got %q %+v, want ok", r.Status, r.Records)
	}
}
