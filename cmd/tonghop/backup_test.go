package main

import (
	"bytes"
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/internal/longtest"
	"github.com/tonghop/tonghop/internal/officetest"
	"github.com/tonghop/tonghop/ledger"
)

// TestBackup_WhileIngesting is the test: a backup taken while the daemon (in this
// process, on embedded mail servers) takes in 500 messages, restored into a new data directory,
// holds every message recorded before the backup began, with its blobs whole, the database
// passing integrity_check and tonghop verify finding nothing wrong.
func TestBackup_WhileIngesting(t *testing.T) {
	t.Parallel()
	longtest.Skip(t, "ingests 500 messages")
	const messages = 500
	_, cfgPath, cfg := floodedOffice(t, messages, "backup")

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	daemonLog := &lockedWriter{w: &bytes.Buffer{}}
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"run", "--config", cfgPath, "--start", "2026-11-16T09:00", "--log-level", "warn"}, &bytes.Buffer{}, daemonLog)
	}()
	live, err := ledger.Open(context.Background(), cfg.DataDir)
	if err != nil {
		t.Fatal(err)
	}
	defer live.Close()
	officetest.WaitFor(t, 2*time.Minute, "the daemon to record its first mails", func() bool { return len(mailSHAs(t, live)) >= 20 })

	before := mailSHAs(t, live)
	dir := filepath.Join(t.TempDir(), "backup")
	var out, errOut bytes.Buffer
	began := time.Now()
	if code := run(context.Background(), []string{"backup", "--config", cfgPath, "--to", dir}, &out, &errOut); code != 0 {
		t.Fatalf("backup: exit %d: %s", code, errOut.String())
	}
	took := time.Since(began)
	atEnd := len(mailSHAs(t, live))
	t.Logf("backup took %v while the daemon ran: %d of %d mails recorded when it began, %d when it ended; %s",
		took.Round(time.Millisecond), len(before), messages, atEnd, strings.TrimSpace(out.String()))

	officetest.WaitFor(t, 10*time.Minute, "every message to be recorded", func() bool { return len(mailSHAs(t, live)) == messages })
	cancel()
	if code := <-done; code != 0 {
		t.Errorf("daemon: exit %d; log:\n%s", code, daemonLog.w)
	}

	restored := restoreInto(t, cfgPath, dir)
	rl, err := ledger.Open(context.Background(), restored.DataDir)
	if err != nil {
		t.Fatal(err)
	}
	defer rl.Close()
	got := mailSHAs(t, rl)
	for sha := range before {
		if !got[sha] {
			t.Errorf("mail %s, recorded before the backup began, is not in the restored ledger", sha)
		}
	}
	if len(got) > atEnd {
		t.Errorf("restored ledger holds %d mails, more than the %d recorded when the backup ended", len(got), atEnd)
	}
	blobs := checkBlobs(t, rl, got)
	checkIntegrity(t, restored.DataDir)
	if code, stdout, stderr := runCmd("verify", "--config", restored.Path); code != 0 || strings.Contains(stdout, "WRONG") {
		t.Errorf("verify of the restored data directory: exit %d\n%s%s", code, stdout, stderr)
	} else {
		t.Logf("verify of the restored data directory: %s", strings.TrimSpace(stdout))
	}
	t.Logf("restored: %d mails (%d recorded before the backup began), %d blobs read back and hash-checked", len(got), len(before), blobs)
}

// mailSHAs returns the sha256 of every mail the ledger holds.
func mailSHAs(t *testing.T, l *ledger.Ledger) map[string]bool {
	t.Helper()
	mails, err := l.Mails(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]bool{}
	for _, m := range mails {
		out[m.SHA256] = true
	}
	return out
}

// restoreInto writes a copy of the configuration at cfgPath in a new directory, so that its
// relative data_dir names a new data directory, and restores the backup in dir there.
func restoreInto(t *testing.T, cfgPath, dir string) *config.Config {
	t.Helper()
	text, err := os.ReadFile(cfgPath)
	if err != nil {
		t.Fatal(err)
	}
	newPath := filepath.Join(t.TempDir(), "tonghop.toml")
	if err := os.WriteFile(newPath, text, 0o600); err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	if code := run(context.Background(), []string{"restore", "--config", newPath, "--from", dir}, &out, &errOut); code != 0 {
		t.Fatalf("restore: exit %d: %s", code, errOut.String())
	}
	if !strings.Contains(out.String(), "not restored (outside the data directory): "+filepath.Join(dir, "config", "tonghop.toml")) {
		t.Errorf("restore does not say where the configuration is:\n%s", out.String())
	}
	cfg, err := config.LoadListing(newPath)
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

// checkBlobs reads every restored mail's raw blob and every submission's file through the
// ledger, which checks each against its sha256, and returns how many it read.
func checkBlobs(t *testing.T, l *ledger.Ledger, mails map[string]bool) int {
	t.Helper()
	n := 0
	for sha := range mails {
		if _, err := l.Blob(sha); err != nil {
			t.Errorf("restored mail blob: %v", err)
		}
		n++
	}
	subs, err := l.Submissions(context.Background(), "BM.02.01/KH", "2026-11")
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range subs {
		if _, err := l.Blob(s.FileSHA256); err != nil {
			t.Errorf("restored submission %s v%d: %v", s.Unit, s.Version, err)
		}
		n++
	}
	return n
}

// checkIntegrity runs SQLite's integrity_check on a restored ledger.
func checkIntegrity(t *testing.T, dataDir string) {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+filepath.Join(dataDir, "ledger.db")+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var result string
	if err := db.QueryRow("PRAGMA integrity_check").Scan(&result); err != nil {
		t.Fatal(err)
	}
	if result != "ok" {
		t.Errorf("integrity_check of the restored ledger: %s", result)
	}
}
