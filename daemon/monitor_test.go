package daemon

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"

	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"

	"github.com/tonghop/tonghop/health"
)

// TestDaemon_Monitor: what the workers do reaches /metrics and /healthz, scraped over loopback.
func TestDaemon_Monitor(t *testing.T) {
	t.Parallel()
	var mon *health.Monitor
	e := newEnvWith(t, func(o *Options) {
		mon = health.New(health.Options{Ledger: o.Ledger, Now: o.Clock.Now, PollStale: 0})
		o.Monitor = mon
	})
	srv := httptest.NewServer(mon.Handler())
	defer srv.Close()
	ctx := context.Background()
	e.append(t, mail("qldn@kcn.example", "ok@kcn", "", "BM.02.01-KH_2026-11_QLDN.xlsx", e.workbook(t, "QLDN", false)))
	e.append(t, mail("qldt@kcn.example", "bad@kcn", "", "BM.02.01-KH_2026-11_QLDT.xlsx", e.workbook(t, "QLDT", true)))
	e.append(t, mail("stranger@other.example", "who@other", "", "x.xlsx", []byte("PK")))
	if err := e.d.Poll(ctx); err != nil {
		t.Fatal(err)
	}
	if err := e.d.Flush(ctx); err != nil {
		t.Fatal(err)
	}

	resp, err := http.Get(srv.URL + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	p := expfmt.NewTextParser(model.UTF8Validation)
	fams, err := p.TextToMetricFamilies(resp.Body)
	resp.Body.Close()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name, label, value string
		want               float64
	}{
		{"tonghop_mail_read_total", "outcome", "accepted", 1},
		{"tonghop_mail_read_total", "outcome", "rejected", 1},
		{"tonghop_mail_read_total", "outcome", "quarantined", 1},
		{"tonghop_mail_sent_total", "kind", "receipt", 1},
		{"tonghop_mail_sent_total", "kind", "rejection", 1},
	} {
		if got := counter(fams, tt.name, tt.label, tt.value); got != tt.want {
			t.Errorf("%s{%s=%q}: got %v, want %v", tt.name, tt.label, tt.value, got, tt.want)
		}
	}
	if got := counter(fams, "tonghop_submissions_total", "outcome", "accepted") + counter(fams, "tonghop_submissions_total", "outcome", "rejected"); got != 2 {
		t.Errorf("tonghop_submissions_total: got %v in all, want 2 (one accepted, one rejected)", got)
	}
	if got := counter(fams, "tonghop_outbox_backlog", "", ""); got != 0 {
		t.Errorf("tonghop_outbox_backlog after Flush: got %v, want 0", got)
	}

	resp, err = http.Get(srv.URL + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var r health.Report
	if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
		t.Fatal(err)
	}
	now := e.clock.Now()
	if resp.StatusCode != http.StatusOK || r.IMAP.LastPoll == nil || !r.IMAP.LastPoll.Equal(now) ||
		r.SMTP.LastSend == nil || !r.SMTP.LastSend.Equal(now) {
		t.Errorf("/healthz: got %d %+v, want 200, the poll and the send at %v", resp.StatusCode, r, now)
	}
}

// counter sums the family's series whose label has the value (label "": every series).
func counter(fams map[string]*dto.MetricFamily, name, label, value string) float64 {
	var sum float64
	for _, m := range fams[name].GetMetric() {
		match := label == ""
		for _, l := range m.GetLabel() {
			match = match || (l.GetName() == label && l.GetValue() == value)
		}
		if match {
			sum += m.GetCounter().GetValue() + m.GetGauge().GetValue()
		}
	}
	return sum
}
