// Package health serves what an operator's monitoring reads while the daemon runs: /healthz, a
// JSON answer to "is it working" (can the ledger still record, when did the mailbox last answer
// a poll and the relay last take a mail, how much of the outbox is waiting and since when), and
// /metrics, the daemon's counters in Prometheus' text format through the official client.
//
// The daemon tells a Monitor what happens through its hooks (Read, Sent, Polled, …); a nil
// *Monitor ignores them, so the daemon's tests and tools run without one. What the ledger holds
// (the outbox backlog) is read when scraped, never kept twice.
package health

import (
	"context"
	"strconv"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"github.com/tonghop/tonghop/ledger"
)

// Ledger is what the Monitor reads from the ledger; *ledger.Ledger is one.
type Ledger interface {
	Probe(ctx context.Context) error
	Backlog(ctx context.Context, now time.Time) (ledger.Backlog, error)
}

var _ Ledger = (*ledger.Ledger)(nil)

// Options are what a Monitor is built from.
type Options struct {
	Ledger Ledger
	Now    func() time.Time // nil: time.Now
	// PollStale is how long after the last successful poll of the mailbox /healthz calls the
	// intake stale and answers 503. The daemon polls at least every poll interval, IDLE or not.
	PollStale time.Duration
	// ProbeTimeout bounds the ledger's write probe and backlog query per request (default 5s).
	ProbeTimeout time.Duration
}

// Monitor holds the registry of the daemon's metrics and what /healthz reports.
type Monitor struct {
	opt Options
	reg *prometheus.Registry

	mailRead     *prometheus.CounterVec
	submissions  *prometheus.CounterVec
	sent         *prometheus.CounterVec
	failed       *prometheus.CounterVec
	cancelled    *prometheus.CounterVec
	reminders    *prometheus.CounterVec
	drafts       prometheus.Counter
	approvals    *prometheus.CounterVec
	issueLatency prometheus.Histogram

	started            time.Time // a poll is stale from here until the first one succeeds
	mu                 sync.Mutex
	lastPoll, lastSend time.Time
	lastPollErr        string
	lastCheck          time.Time // the last check of the records, and how many problems it found
	damaged            int
}

// New builds a Monitor and registers its metrics, the outbox gauges read from the ledger at
// each scrape, and the Go runtime's and the process's own. It does no I/O.
func New(o Options) *Monitor {
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.ProbeTimeout <= 0 {
		o.ProbeTimeout = 5 * time.Second
	}
	m := &Monitor{opt: o, reg: prometheus.NewRegistry(), started: o.Now()}
	counter := func(name, help string, labels ...string) *prometheus.CounterVec {
		c := prometheus.NewCounterVec(prometheus.CounterOpts{Namespace: "tonghop", Name: name, Help: help}, labels)
		m.reg.MustRegister(c)
		return c
	}
	m.mailRead = counter("mail_read_total", "Mail read from the shared mailbox or ingested, by what became of it.", "outcome")
	m.submissions = counter("submissions_total", "Workbooks recorded from units' mail, by outcome (accepted or rejected) and lateness.", "outcome", "late")
	m.sent = counter("mail_sent_total", "Outbox mail handed to the SMTP relay, by kind.", "kind")
	m.failed = counter("mail_send_failures_total", "Outbox mail the relay did not take, by kind; final is true when tonghop gave up on it.", "kind", "final")
	m.cancelled = counter("mail_cancelled_total", "Scheduled outbox mail cancelled as no longer needed, by kind.", "kind")
	m.reminders = counter("reminders_total", "Reminders (before the deadline) and nags (after it) to units, sent or cancelled because the unit sent its file.", "kind", "result")
	m.drafts = prometheus.NewCounter(prometheus.CounterOpts{Namespace: "tonghop", Name: "drafts_total", Help: "Consolidated drafts sent to the clerks."})
	m.approvals = counter("approval_events_total", "Steps of approval chains recorded from leaders' and clerks' replies, by action.", "action")
	m.issueLatency = prometheus.NewHistogram(prometheus.HistogramOpts{Namespace: "tonghop", Name: "issue_latency_seconds",
		Help:    "From a period's first consolidated draft to its approved report leaving for its recipients.",
		Buckets: []float64{3600, 4 * 3600, 8 * 3600, 86400, 2 * 86400, 3 * 86400, 5 * 86400, 7 * 86400, 14 * 86400, 30 * 86400}})
	m.reg.MustRegister(m.drafts, m.issueLatency, &outboxCollector{m: m},
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// Read counts a mail recorded, by its outcome.
func (m *Monitor) Read(outcome ledger.Outcome) {
	if m != nil {
		m.mailRead.WithLabelValues(string(outcome)).Inc()
	}
}

// Submitted counts a workbook recorded.
func (m *Monitor) Submitted(valid, late bool) {
	if m == nil {
		return
	}
	outcome := ledger.OutcomeAccepted
	if !valid {
		outcome = ledger.OutcomeRejected
	}
	m.submissions.WithLabelValues(string(outcome), strconv.FormatBool(late)).Inc()
}

// Approval counts a step of an approval chain recorded from a reply.
func (m *Monitor) Approval(action ledger.Action) {
	if m != nil && action.IsApproval() {
		m.approvals.WithLabelValues(string(action)).Inc()
	}
}

// RecordsChecked notes the daemon's check of the records, at t, and how many problems it found.
func (m *Monitor) RecordsChecked(t time.Time, problems int) {
	if m == nil {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.lastCheck, m.damaged = t, problems
}

// Polled says the mailbox answered a poll: err nil, at the time now; else the error is kept for
// /healthz and the last success stays as it was.
func (m *Monitor) Polled(err error) {
	if m == nil {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if err != nil {
		m.lastPollErr = err.Error()
		return
	}
	m.lastPoll, m.lastPollErr = m.opt.Now(), ""
}

// Sent counts a mail the relay took.
func (m *Monitor) Sent(kind ledger.Kind) {
	if m == nil {
		return
	}
	m.sent.WithLabelValues(string(kind)).Inc()
	switch kind {
	case ledger.KindReminder, ledger.KindNag:
		m.reminders.WithLabelValues(string(kind), "sent").Inc()
	case ledger.KindDraft:
		m.drafts.Inc()
	}
	m.mu.Lock()
	m.lastSend = m.opt.Now()
	m.mu.Unlock()
}

// SendFailed counts a mail the relay did not take; final when it will not be tried again.
func (m *Monitor) SendFailed(kind ledger.Kind, final bool) {
	if m != nil {
		m.failed.WithLabelValues(string(kind), strconv.FormatBool(final)).Inc()
	}
}

// Cancelled counts a scheduled mail cancelled before it was sent.
func (m *Monitor) Cancelled(kind ledger.Kind) {
	if m == nil {
		return
	}
	m.cancelled.WithLabelValues(string(kind)).Inc()
	if kind == ledger.KindReminder || kind == ledger.KindNag {
		m.reminders.WithLabelValues(string(kind), "cancelled").Inc()
	}
}

// Issued observes how long an issued report took from its period's first draft.
func (m *Monitor) Issued(latency time.Duration) {
	if m != nil && latency >= 0 {
		m.issueLatency.Observe(latency.Seconds())
	}
}

// outboxCollector reads the outbox backlog from the ledger at each scrape.
type outboxCollector struct{ m *Monitor }

var (
	backlogDesc = prometheus.NewDesc("tonghop_outbox_backlog", "Outbox mail due and not yet sent.", nil, nil)
	ageDesc     = prometheus.NewDesc("tonghop_outbox_oldest_age_seconds", "How long the longest-waiting due outbox mail has waited (0 when none).", nil, nil)
)

func (c *outboxCollector) Describe(ch chan<- *prometheus.Desc) { ch <- backlogDesc; ch <- ageDesc }

func (c *outboxCollector) Collect(ch chan<- prometheus.Metric) {
	now := c.m.opt.Now()
	ctx, cancel := context.WithTimeout(context.Background(), c.m.opt.ProbeTimeout)
	defer cancel()
	b, err := c.m.opt.Ledger.Backlog(ctx, now)
	if err != nil {
		ch <- prometheus.NewInvalidMetric(backlogDesc, err)
		return
	}
	ch <- prometheus.MustNewConstMetric(backlogDesc, prometheus.GaugeValue, float64(b.Count))
	ch <- prometheus.MustNewConstMetric(ageDesc, prometheus.GaugeValue, backlogAge(b, now).Seconds())
}

func backlogAge(b ledger.Backlog, now time.Time) time.Duration {
	if b.Count == 0 || b.Since.IsZero() {
		return 0
	}
	return max(now.Sub(b.Since), 0)
}
