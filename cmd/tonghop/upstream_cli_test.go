package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/tonghop/tonghop/ledger"
)

const upstreamCity = `
[[upstream]]
name = "UBNDTP"
emails = ["tonghop@thanhpho.example"]
[[upstream.forms]]
code = "BM.02.01/KH"
from = "BM.02.01/KH"
[mail_auth]
trusted_servers = ["mx.kcn.example"]
`

// TestUpstream_ListHoldSend: the command lists the upper office's request, holds its ready
// file back and lets it go, each move in the audit trail; a request that is not there, or a
// file already held, is a usage error.
func TestUpstream_ListHoldSend(t *testing.T) {
	t.Parallel()
	cfg, dataDir := listingConfig(t, "", bm0201+upstreamCity)
	seedUpstream(t, dataDir)
	code, stdout, stderr := runCLI(t, "upstream", "--config", cfg)
	if code != 0 || !strings.Contains(stdout, "UBNDTP") || !strings.Contains(stdout, "ready") || !strings.Contains(stdout, "2026-11-16 11:00") {
		t.Fatalf("list: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	move := func(flag string) (int, string, string) {
		return runCLI(t, "upstream", "--config", cfg, flag, "--upstream", "UBNDTP", "--form", "BM.02.01/KH", "--period", "2026-11")
	}
	if code, stdout, stderr := move("--hold"); code != 0 || stdout != "UBNDTP BM.02.01/KH 2026-11: held\n" {
		t.Fatalf("hold: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	if code, _, stderr := move("--hold"); code != 2 || !strings.Contains(stderr, "held") {
		t.Errorf("hold twice: exit %d, stderr %q; want a usage error", code, stderr)
	}
	if code, _, stderr := move("--send"); code != 0 {
		t.Fatalf("send: exit %d, stderr %q", code, stderr)
	}
	l, err := ledger.Open(context.Background(), dataDir)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	r, err := l.UpstreamRequest(context.Background(), "UBNDTP", "BM.02.01/KH", "2026-11")
	if err != nil || r.State != ledger.UpstreamReady || !r.SendAfter.Before(time.Now().Add(time.Minute)) {
		t.Errorf("after --send: %+v, %v; want ready to go now", r, err)
	}
	if code, _, _ := runCLI(t, "upstream", "--config", cfg, "--send", "--upstream", "X", "--form", "F", "--period", "2026-11"); code != 2 {
		t.Errorf("an unknown request: exit %d, want 2", code)
	}
}

// seedUpstream records the upper office's template and its filling, ready to go at 11:00.
func seedUpstream(t *testing.T, dataDir string) {
	t.Helper()
	ctx := context.Background()
	l, err := ledger.Open(ctx, dataDir)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	at := time.Date(2026, 11, 16, 9, 0, 0, 0, time.FixedZone("ICT", 7*3600))
	tpl, _ := l.PutBlob([]byte("template"))
	raw, _ := l.PutBlob([]byte("raw mail"))
	r := ledger.UpstreamRequest{Upstream: "UBNDTP", Form: "BM.02.01/KH", Period: "2026-11", Unit: "QBD",
		ReplyTo: "tonghop@thanhpho.example", TemplateSHA256: tpl, ReceivedAt: at}
	if _, err := l.RecordIntake(ctx, ledger.Intake{Mail: ledger.Mail{SHA256: raw, Size: 8, Mailbox: "INBOX", UIDValidity: 1, UID: 1,
		From: r.ReplyTo, ReceivedAt: at, Outcome: ledger.OutcomeAccepted}, Upstream: []ledger.UpstreamRequest{r}}); err != nil {
		t.Fatal(err)
	}
	filled, _ := l.PutBlob([]byte("filled"))
	to := r
	to.State, to.Issue, to.FilledSHA256, to.SendAfter, to.UpdatedAt = ledger.UpstreamReady, 1, filled, at.Add(2*time.Hour), at
	if err := l.UpdateUpstream(ctx, ledger.UpstreamUpdate{From: ledger.UpstreamWaiting, To: to}); err != nil {
		t.Fatal(err)
	}
}
