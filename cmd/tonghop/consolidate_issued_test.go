package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tonghop/tonghop/ledger"
)

// issueOctober builds October's first draft with the command, then records its issue as the
// approval stage does (the period is closed already); it returns the issued workbook's bytes.
func issueOctober(t *testing.T, cfg, dataDir string) []byte {
	t.Helper()
	out := filepath.Join(t.TempDir(), "v1.xlsx")
	if code, _, stderr := runCLI(t, "consolidate", "--config", cfg, "--form", "BM.02.01/KH", "--period", "2025-10", "-o", out,
		"--at", "2025-10-20 09:00"); code != 0 {
		t.Fatalf("first draft: exit %d, %s", code, stderr)
	}
	ctx := context.Background()
	l, err := ledger.Open(ctx, dataDir)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	stamped := []byte("PK stamped issue of v1")
	sha, err := l.PutBlob(stamped)
	if err != nil {
		t.Fatal(err)
	}
	err = l.SaveApproval(ctx, ledger.ApprovalUpdate{Form: "BM.02.01/KH", Period: "2025-10", State: json.RawMessage(`{"Status":"issued","Version":1}`),
		At: officeTime(t, "2025-10-22 10:00"), ClosePeriod: true,
		Issue: &ledger.Issue{Number: 1, Version: 1, FileSHA256: sha, At: officeTime(t, "2025-10-22 10:00")}})
	if err != nil {
		t.Fatal(err)
	}
	return stamped
}

// TestConsolidate_IssuedPeriod: on an issued period the command writes the issued report and
// says so, refuses --force (a draft that would never be sent), and once a correction is open
// builds the corrected draft.
func TestConsolidate_IssuedPeriod(t *testing.T) {
	t.Parallel()
	cfg, dataDir := statusOffice(t)
	issued := issueOctober(t, cfg, dataDir)
	out := filepath.Join(t.TempDir(), "bao-cao.xlsx")
	args := []string{"consolidate", "--config", cfg, "--form", "BM.02.01/KH", "--period", "2025-10", "-o", out, "--at", "2025-10-25 09:00"}

	code, stdout, stderr := runCLI(t, args...)
	if code != 0 || !strings.HasPrefix(stdout, "Báo cáo BM.02.01/KH tháng 10/2025 đã duyệt ngày 22/10/2025 (dự thảo lần 1, 2/") ||
		!strings.Contains(stdout, "không lập dự thảo mới") {
		t.Fatalf("issued period: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	if got, _ := os.ReadFile(out); !bytes.Equal(got, issued) {
		t.Error("the file written is not the issued report")
	}
	code, _, stderr = runCLI(t, append(args, "--force")...)
	if code != 1 || !strings.Contains(stderr, "Không lập dự thảo mới vì dự thảo này sẽ không được trình duyệt") {
		t.Errorf("--force on an issued period: exit %d, stderr %q; want 1 and the refusal", code, stderr)
	}
	ctx := context.Background()
	l, err := ledger.Open(ctx, dataDir)
	if err != nil {
		t.Fatal(err)
	}
	if drafts, _ := l.Drafts(ctx, "BM.02.01/KH", "2025-10"); len(drafts) != 1 {
		t.Errorf("drafts after the refusal: %d, want the issued one only", len(drafts))
	}
	err = l.SaveApproval(ctx, ledger.ApprovalUpdate{Form: "BM.02.01/KH", Period: "2025-10", State: json.RawMessage(`{"Status":"correcting","Version":1}`),
		Revision: 1, At: officeTime(t, "2025-10-24 08:00"),
		Reopen: &ledger.Correction{Replaces: 1, Cause: ledger.CauseLeader, OpenedBy: "tb", Words: "Sửa chỉ tiêu 2", OpenedAt: officeTime(t, "2025-10-24 08:00")}})
	l.Close()
	if err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr = runCLI(t, append(args, "--force")...)
	if code != 0 || !strings.Contains(stdout, "đang điều chỉnh. Đã lập dự thảo lần 2") {
		t.Errorf("--force under a correction: exit %d, stdout %q, stderr %q; want the corrected draft v2", code, stdout, stderr)
	}
}

// TestStatus_IssuedPeriod: status shows the version the issued report counted, and a version
// received after the issue as waiting for the Planning Office's decision, not as counted.
func TestStatus_IssuedPeriod(t *testing.T) {
	t.Parallel()
	cfg, dataDir := statusOffice(t)
	issueOctober(t, cfg, dataDir)
	ctx := context.Background()
	l, err := ledger.Open(ctx, dataDir)
	if err != nil {
		t.Fatal(err)
	}
	raw := []byte("late mail from QLDT")
	mailSHA, _ := l.PutBlob(raw)
	fileSHA, _ := l.PutBlob(append(raw, " workbook"...))
	_, err = l.RecordIntake(ctx, ledger.Intake{
		Mail: ledger.Mail{SHA256: mailSHA, From: "qldt@kcn.example", Size: int64(len(raw)), Mailbox: "INBOX",
			ReceivedAt: officeTime(t, "2025-10-23 09:00"), Outcome: ledger.OutcomeAccepted},
		Submissions: []ledger.Submission{{Form: "BM.02.01/KH", Unit: "QLDT", Period: "2025-10", FileName: "QLDT.xlsx",
			FileSHA256: fileSHA, Valid: true, AfterIssue: true}},
	})
	l.Close()
	if err != nil {
		t.Fatal(err)
	}
	args := []string{"status", "--config", cfg, "--form", "BM.02.01/KH", "--period", "2025-10", "--at", "2025-10-25 09:00"}
	code, stdout, stderr := runCLI(t, args...)
	if code != 0 || !strings.Contains(stdout, "báo cáo đã duyệt ngày 22/10/2025, theo dự thảo lần 1") ||
		!strings.Contains(stdout, "đúng hạn, lần 2; lần 3 sau khi duyệt: chờ quyết định") {
		t.Errorf("text: exit %d, stderr %q, stdout:\n%s", code, stderr, stdout)
	}
	code, stdout, _ = runCLI(t, append(args, "--tsv")...)
	if code != 0 || !strings.Contains(stdout, "\tissued_version\tafter_issue\n") ||
		!strings.Contains(stdout, "QLDT\tBM.02.01/KH\t2025-10\ton_time\t2\t3\t") || !strings.Contains(stdout, "\t2\tv3:pending\n") {
		t.Errorf("tsv: exit %d, stdout:\n%s", code, stdout)
	}
}
