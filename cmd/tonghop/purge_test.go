package main

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/office"
)

// Five years after a period ended its records go, on a simulated date: --dry-run lists them and
// removes nothing; purge removes rows, blobs and the archive folder of those periods only,
// records that it did, and is not repeated.
func TestPurge(t *testing.T) {
	t.Parallel()
	cfg, dataDir := statusOffice(t)
	issueOctober(t, cfg, dataDir)
	archived := filepath.Join(dataDir, "archive", "BM.02.01-KH", "2025-09", "QLDN")
	if err := os.MkdirAll(archived, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(archived, "v1.xlsx"), []byte("copy"), 0o400); err != nil {
		t.Fatal(err)
	}
	septemberBlobs := periodBlobs(t, dataDir, "BM.02.01/KH", "2025-09")
	octoberBlobs := periodBlobs(t, dataDir, "BM.02.01/KH", "2025-10")

	// 2025-09 ended on 1/10/2025, kept until 1/10/2030; 2025-10 until 1/11/2030.
	if code, out, errs := runCLI(t, "purge", "--config", cfg, "--dry-run", "--at", "2030-09-30 09:00"); code != 0 || out != "nothing has passed its retention\n" {
		t.Fatalf("dry run before: exit %d, %q %q", code, out, errs)
	}
	code, out, errs := runCLI(t, "purge", "--config", cfg, "--dry-run", "--at", "2030-10-15 09:00")
	if code != 0 || !strings.Contains(out, "would purge BM.02.01/KH 2025-09 (ended 2025-10-01, kept until 2030-10-01): 3 submissions") ||
		!strings.Contains(out, "would purge BM.04.01/KH 2025-W40") || strings.Contains(out, "2025-10 ") {
		t.Fatalf("dry run: exit %d, %q %q", code, out, errs)
	}
	if got := countSubs(t, dataDir, "BM.02.01/KH", "2025-09"); got != 3 {
		t.Fatalf("after the dry run: %d submissions of 2025-09, want 3", got)
	}

	unlock, err := office.Lock(dataDir)
	if err != nil {
		t.Fatal(err)
	}
	if code, _, errs := runCLI(t, "purge", "--config", cfg, "--at", "2030-10-15 09:00"); code != 1 || !strings.Contains(errs, "daemon must be stopped") {
		t.Errorf("purge while the daemon runs: exit %d, %q", code, errs)
	}
	unlock()

	code, out, errs = runCLI(t, "purge", "--config", cfg, "--at", "2030-10-15 09:00")
	if code != 0 || !strings.Contains(out, "purged BM.02.01/KH 2025-09") || !strings.Contains(out, "submissions=3") {
		t.Fatalf("purge: exit %d, %q %q", code, out, errs)
	}
	l, err := ledger.Open(context.Background(), dataDir)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	ctx := context.Background()
	if subs, _ := l.Submissions(ctx, "BM.02.01/KH", "2025-09"); len(subs) != 0 {
		t.Errorf("2025-09 still holds %d submissions", len(subs))
	}
	if subs, _ := l.Submissions(ctx, "BM.02.01/KH", "2025-10"); len(subs) != 3 {
		t.Errorf("2025-10 holds %d submissions, want its 3 kept", len(subs))
	}
	for _, sha := range septemberBlobs {
		if _, err := l.Blob(sha); !errors.Is(err, ledger.ErrNotFound) {
			t.Errorf("blob %s of 2025-09: %v, want removed", sha[:8], err)
		}
	}
	for _, sha := range octoberBlobs {
		if _, err := l.Blob(sha); err != nil {
			t.Errorf("blob %s of 2025-10: %v, want kept", sha[:8], err)
		}
	}
	if _, err := l.LatestIssue(ctx, "BM.02.01/KH", "2025-10"); err != nil {
		t.Errorf("October's issue: %v, want kept", err)
	}
	if _, err := os.Stat(filepath.Dir(archived)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("archive folder of 2025-09: %v, want removed", err)
	}
	ev, err := l.FirstEvent(ctx, ledger.ActionPeriodPurged, ledger.PeriodObject("BM.02.01/KH", "2025-09"))
	if err != nil || ev.Actor != "purge" || !strings.Contains(ev.Detail, "submissions=3") {
		t.Errorf("purge event: %+v, %v", ev, err)
	}
	if code, out, _ := runCLI(t, "purge", "--config", cfg, "--dry-run", "--at", "2030-10-20 09:00"); code != 0 || out != "nothing has passed its retention\n" {
		t.Errorf("after the purge: exit %d, %q; want nothing left to purge", code, out)
	}
}

// retention_years = 0 keeps a form's periods for ever.
func TestPurge_Forever(t *testing.T) {
	t.Parallel()
	cfg, _ := statusOffice(t)
	text, err := os.ReadFile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	text = []byte(strings.Replace(string(text), "code = \"BM.02.01/KH\"\n", "code = \"BM.02.01/KH\"\nretention_years = 0\n", 1))
	if err := os.WriteFile(cfg, text, 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errs := runCLI(t, "purge", "--config", cfg, "--dry-run", "--at", "2090-01-01 09:00")
	if code != 0 || strings.Contains(out, "BM.02.01/KH") || !strings.Contains(out, "BM.04.01/KH 2025-W40") {
		t.Errorf("dry run: exit %d, %q %q; want only BM.04.01/KH", code, out, errs)
	}
}

// periodBlobs are the blobs of a period's mails and files.
func periodBlobs(t *testing.T, dataDir, form, period string) []string {
	t.Helper()
	l, err := ledger.Open(context.Background(), dataDir)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	subs, err := l.Submissions(context.Background(), form, period)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, s := range subs {
		m, err := l.MailByID(context.Background(), s.MailID)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, s.FileSHA256, m.SHA256)
	}
	return out
}

func countSubs(t *testing.T, dataDir, form, period string) int {
	t.Helper()
	l, err := ledger.Open(context.Background(), dataDir)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	subs, err := l.Submissions(context.Background(), form, period)
	if err != nil {
		t.Fatal(err)
	}
	return len(subs)
}
