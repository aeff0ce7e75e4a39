package approve

import (
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tonghop/tonghop/approval"
	"github.com/tonghop/tonghop/intake"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/office"
)

// TestApprover_AdvanceThenReply: a new draft goes to the head; the head's "Duyệt" issues it,
// into the intake and not before it is recorded, with the archive copy filed.
func TestApprover_AdvanceThenReply(t *testing.T) {
	ctx := context.Background()
	a := newApprover(t)
	addDraft(t, a)
	if err := a.Advance(ctx); err != nil {
		t.Fatalf("advance: %v", err)
	}
	if st := state(t, a); st.Status != approval.Reviewing || st.Version != 1 {
		t.Fatalf("after advance: %s v%d, want reviewing v1", st.Status, st.Version)
	}
	msg, raw, in := replyMail(t, a, "Duyệt")
	ref, ok := a.Thread(ctx, msg)
	if !ok || ref.Form.Code != form || ref.Period.String() != month || ref.Version != 1 {
		t.Fatalf("thread: %+v, %v; want %s %s v1", ref, ok, form, month)
	}
	copies, err := a.Reply(ctx, &in, msg, raw, ref, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatalf("reply: %v", err)
	}
	if in.Mail.Outcome != ledger.OutcomeAccepted || in.Approval == nil || !in.Approval.ClosePeriod {
		t.Fatalf("intake: outcome %q, approval %+v; want accepted and the period closed", in.Mail.Outcome, in.Approval)
	}
	if st := state(t, a); st.Status != approval.Reviewing {
		t.Fatalf("stored before the intake is recorded: %s, want still reviewing", st.Status)
	}
	if _, err := a.Ledger.RecordIntake(ctx, in); err != nil {
		t.Fatal(err)
	}
	if st := state(t, a); st.Status != approval.Issued {
		t.Fatalf("after recording: %s, want issued", st.Status)
	}
	if err := a.Office.File(copies); err != nil {
		t.Fatalf("file copies: %v", err)
	}
	issued := filepath.Join(a.Office.DataDir, a.Office.ArchivePath(form, month, office.ReportFolder, office.IssuedFileName(form, month)))
	if _, err := os.Stat(issued); err != nil {
		t.Errorf("archive copy of the issued report: %v", err)
	}
	if err := a.Advance(ctx); err != nil {
		t.Errorf("advance after the issue: %v", err)
	}
}

// TestApprover_ArchiveFailure: an archive copy that cannot be written does not stop the issue:
// Reply returns the copy to file after recording, and filing it fails on its own.
func TestApprover_ArchiveFailure(t *testing.T) {
	ctx := context.Background()
	a := newApprover(t)
	addDraft(t, a)
	if err := a.Advance(ctx); err != nil {
		t.Fatalf("advance: %v", err)
	}
	// A file where the archive directory should be: every copy fails.
	if err := os.WriteFile(filepath.Join(a.Office.DataDir, "archive"), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	msg, raw, in := replyMail(t, a, "Duyệt")
	ref, _ := a.Thread(ctx, msg)
	copies, err := a.Reply(ctx, &in, msg, raw, ref, slog.New(slog.DiscardHandler))
	if err != nil || len(copies) != 1 {
		t.Fatalf("reply: got %d copies, %v; want the issued report's copy and nil", len(copies), err)
	}
	if in.Approval == nil || !in.Approval.ClosePeriod {
		t.Fatalf("intake approval: %+v, want the issue", in.Approval)
	}
	if _, err := a.Ledger.RecordIntake(ctx, in); err != nil {
		t.Fatal(err)
	}
	if st := state(t, a); st.Status != approval.Issued {
		t.Fatalf("after recording: %s, want issued", st.Status)
	}
	if err := a.Office.File(copies); err == nil || !strings.Contains(err.Error(), "archive") {
		t.Fatalf("file copies: got %v, want the archive failure", err)
	}
}

// TestApprover_Thread: only a token of a form with a chain, in the subject or in tonghop's own
// request the mail answers, makes a mail an approval reply.
func TestApprover_Thread(t *testing.T) {
	a := newApprover(t)
	tests := []struct {
		name    string
		subject string
		want    bool
	}{
		{name: "Token", subject: "Re: [TH BM.02.01/KH 2026-11 v3] Xin ý kiến duyệt", want: true},
		{name: "UnknownForm", subject: "Re: [TH BM.99/XX 2026-11 v1] Xin ý kiến duyệt"},
		{name: "BadPeriod", subject: "Re: [TH BM.02.01/KH 2026-13 v1] Xin ý kiến duyệt"},
		{name: "NoToken", subject: "Re: Báo cáo tháng 11"},
		{name: "ForeignReference", subject: "Re: Báo cáo tháng 11"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			msg := &intake.Message{Subject: tt.subject}
			if tt.name == "ForeignReference" {
				msg.InReplyTo = "abc@other.example"
			}
			ref, ok := a.Thread(context.Background(), msg)
			if ok != tt.want {
				t.Fatalf("got %v (%+v), want %v", ok, ref, tt.want)
			}
			if ok && ref.Version != 3 {
				t.Errorf("version: got %d, want 3", ref.Version)
			}
		})
	}
}

// TestApprover_AdvanceLedgerError: a closed ledger is an error of Advance, not a panic.
func TestApprover_AdvanceLedgerError(t *testing.T) {
	a := newApprover(t)
	a.Ledger.Close()
	if err := a.Advance(context.Background()); err == nil {
		t.Fatal("got nil, want the ledger's error")
	}
}
