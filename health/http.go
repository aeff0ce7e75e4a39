package health

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus/promhttp"
	"github.com/tonghop/tonghop/internal/httpserve"
)

// Report is /healthz's answer. The last run of `tonghop verify` is not in it yet: the check of
// the records is built separately and reports here once it records its runs.
type Report struct {
	Status   string   `json:"status"`             // "ok", or "failing" with Problems (HTTP 503)
	Problems []string `json:"problems,omitempty"` // in English, for the operator
	Ledger   struct {
		Writable bool   `json:"writable"`
		Error    string `json:"error,omitempty"`
	} `json:"ledger"`
	IMAP struct {
		LastPoll   *time.Time `json:"last_poll"`   // null: none since start
		AgeSeconds float64    `json:"age_seconds"` // since the last poll, or since start when none
		Stale      bool       `json:"stale"`
		LastError  string     `json:"last_error,omitempty"`
	} `json:"imap"`
	SMTP struct {
		LastSend *time.Time `json:"last_send"` // null: nothing sent since start
	} `json:"smtp"`
	Outbox struct {
		Backlog          int     `json:"backlog"`
		OldestAgeSeconds float64 `json:"oldest_age_seconds"`
		Error            string  `json:"error,omitempty"`
	} `json:"outbox"`
	// Records is the daemon's last check of the records (at start and daily: integrity, every
	// stored file present, the recent ones hashed); a check that found problems fails the report.
	Records struct {
		LastCheck *time.Time `json:"last_check"` // null: none finished since start
		Problems  int        `json:"problems"`
	} `json:"records"`
}

// Check builds the report: it commits the ledger's write probe and reads its backlog.
func (m *Monitor) Check(ctx context.Context) Report {
	ctx, cancel := context.WithTimeout(ctx, m.opt.ProbeTimeout)
	defer cancel()
	now := m.opt.Now()
	var r Report
	if err := m.opt.Ledger.Probe(ctx); err != nil {
		r.Ledger.Error = err.Error()
		r.Problems = append(r.Problems, "ledger not writable: "+err.Error())
	} else {
		r.Ledger.Writable = true
	}
	m.mu.Lock()
	lastPoll, lastSend, pollErr := m.lastPoll, m.lastSend, m.lastPollErr
	lastCheck, damaged := m.lastCheck, m.damaged
	m.mu.Unlock()
	if !lastCheck.IsZero() {
		r.Records.LastCheck, r.Records.Problems = &lastCheck, damaged
	}
	if damaged > 0 {
		r.Problems = append(r.Problems, fmt.Sprintf("the check of the records found %d problems (run tonghop verify)", damaged))
	}
	since := m.started
	if !lastPoll.IsZero() {
		r.IMAP.LastPoll, since = &lastPoll, lastPoll
	}
	r.IMAP.AgeSeconds = max(now.Sub(since), 0).Seconds()
	r.IMAP.LastError = pollErr
	if m.opt.PollStale > 0 && now.Sub(since) > m.opt.PollStale {
		r.IMAP.Stale = true
		r.Problems = append(r.Problems, "no successful mailbox poll for "+now.Sub(since).Round(time.Second).String())
	}
	if !lastSend.IsZero() {
		r.SMTP.LastSend = &lastSend
	}
	if b, err := m.opt.Ledger.Backlog(ctx, now); err != nil {
		r.Outbox.Error = err.Error()
		r.Problems = append(r.Problems, "outbox unreadable: "+err.Error())
	} else {
		r.Outbox.Backlog, r.Outbox.OldestAgeSeconds = b.Count, backlogAge(b, now).Seconds()
	}
	r.Status = "ok"
	if len(r.Problems) > 0 {
		r.Status = "failing"
	}
	return r
}

// Handler serves /healthz and /metrics.
func (m *Monitor) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{}))
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		rep := m.Check(r.Context())
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Cache-Control", "no-store")
		if rep.Status != "ok" {
			w.WriteHeader(http.StatusServiceUnavailable)
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		_ = enc.Encode(rep) // the client went away: nothing to tell it
	})
	return mux
}

// Serve answers on ln until ctx ends, then shuts the server down, letting a scrape under way
// finish for at most a few seconds. It returns nil on that shutdown.
func (m *Monitor) Serve(ctx context.Context, ln net.Listener) error {
	srv := &http.Server{Handler: m.Handler(), ReadHeaderTimeout: 5 * time.Second, ReadTimeout: 10 * time.Second,
		WriteTimeout: 30 * time.Second, IdleTimeout: time.Minute, MaxHeaderBytes: 16 << 10}
	return httpserve.Serve(ctx, srv, ln, 3*time.Second)
}
