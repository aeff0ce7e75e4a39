package main

import (
	"context"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/internal/officetest"
)

// TestRun_SIGKILLLosesNothing kills the daemon while it answers a full inbox and sends templates,
// starts it again, and checks that every received mail is in the ledger and that no mail recorded
// as sent before the kill is sent again.
func TestRun_SIGKILLLosesNothing(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	srv, cfgPath := testOffice(t)
	cfg, err := config.Load(cfgPath)
	if err != nil {
		t.Fatal(err)
	}
	const office = "tonghop@kcn.example"
	inbox := 0
	workbooks := map[string][]byte{} // a unit's workbook is the same in every round; its mail is not
	for _, u := range officetest.Units {
		workbooks[u] = officetest.Workbook(t, cfg, u, []byte(testKey), false)
	}
	for round := range 3 {
		for _, u := range officetest.Units {
			if err := srv.Append(office, "INBOX", officetest.Delivered(submission(u, round, workbooks[u]))); err != nil {
				t.Fatal(err)
			}
			inbox++
		}
	}
	stranger := officetest.Mail("stranger@other.example", office, "s1@other.example", "", "a.xlsx", []byte("not a workbook"))
	if err := srv.Append(office, "INBOX", stranger); err != nil {
		t.Fatal(err)
	}
	inbox++
	srv.FailNext(2, 451, "4.3.0 try again later") // a flaky relay as well

	// 17:00 on 11/11 sends templates; 18/11 deadline; an office hour passes each real second.
	args := []string{"--start", "2026-11-11T16:30", "--speed", "3600"}
	first := startDaemon(t, cfgPath, args...)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	if _, err := srv.WaitDeliveries(ctx, 5); err != nil {
		t.Fatalf("waiting for the first mails: %v; log:\n%s", err, first.log())
	}
	if err := first.cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	_ = first.wait(t, 10*time.Second)
	before := len(srv.Deliveries())
	recorded, sentBefore, _ := ledgerState(t, cfg.DataDir)
	t.Logf("killed after %d deliveries; %d mails recorded, %d outbox mails marked sent", before, recorded, len(sentBefore))

	second := startDaemon(t, cfgPath, args...)
	officetest.WaitFor(t, 60*time.Second, "the inbox to empty and the outbox to drain", func() bool {
		n, err := srv.Count(office, "INBOX")
		if err != nil || n > 0 {
			return false
		}
		_, _, unsent := ledgerState(t, cfg.DataDir)
		return unsent == 0 && len(srv.Deliveries()) > before
	})
	if err := second.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if err := second.wait(t, 10*time.Second); err != nil {
		t.Errorf("second run: exit %v; log:\n%s", err, second.log())
	}

	// The drain above saw the outbox empty. The office's clock runs an hour a second, so work
	// queued after that (a new draft, its request) may still be in flight at the SIGTERM: it is
	// left claimed or pending, and a restart sends it, as RequeueSending says.
	recorded, sentAfter, inFlight := ledgerState(t, cfg.DataDir)
	if recorded != inbox {
		t.Errorf("mails recorded: got %d, want %d", recorded, inbox)
	}
	t.Logf("outbox mails queued after the drain and in flight at the SIGTERM: %d", inFlight)
	ids := messageIDs(t, srv.Deliveries())
	for _, id := range ids[before:] {
		if sentBefore[id] {
			t.Errorf("mail %s was recorded as sent before the kill and was sent again", id)
		}
	}
	seen := map[string]int{}
	for _, id := range ids {
		seen[id]++
	}
	for id := range sentAfter {
		if seen[id] == 0 {
			t.Errorf("outbox mail %s marked sent but never delivered", id)
		}
	}
	for _, f := range []string{"Processed", "Rejected"} {
		msgs, _ := srv.Messages(office, f)
		t.Logf("%s: %d messages", f, len(msgs))
	}
	t.Logf("%d deliveries, %d distinct Message-IDs, %d outbox mails sent; data in %s",
		len(ids), len(seen), len(sentAfter), filepath.Dir(cfg.DataDir))
	if strings.Contains(second.log(), "level=ERROR") {
		t.Logf("errors logged by the second run:\n%s", second.log())
	}
}
