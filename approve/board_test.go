package approve

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/tonghop/tonghop/approval"
	"github.com/tonghop/tonghop/ledger"
)

var lan = Account{Actor: ledger.AccountActor("lan"), Name: "Nguyễn Thị Lan"}

// recordLate records QLDN's version 2 of November, received after the issue: a pending late file.
func recordLate(t *testing.T, a *Approver) ledger.Submission {
	t.Helper()
	raw := []byte("From: qldn@kcn.example\r\nSubject: late\r\n\r\nlate\r\n")
	_, in := receivedIntake(t, a, raw)
	sha, err := a.Ledger.PutBlob([]byte("late workbook"))
	if err != nil {
		t.Fatal(err)
	}
	in.Mail.From, in.Mail.Outcome = "qldn@kcn.example", ledger.OutcomeAccepted
	in.Submissions = []ledger.Submission{{Form: form, Period: month, Unit: "QLDN", FileName: "QLDN.xlsx", FileSHA256: sha,
		Valid: true, AfterIssue: true, Data: json.RawMessage(`{}`), Problems: json.RawMessage(`[]`)}}
	res, err := a.Ledger.RecordIntake(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	return res.Submissions[0]
}

// Taking a late file in on the board opens the correction, tells the unit and the clerks, and
// records the account; deciding it again is refused.
func TestApprover_DecideLateFile(t *testing.T) {
	tests := []struct {
		name   string
		taken  bool
		status approval.Status
		action ledger.Action
	}{
		{"Taken", true, approval.Correcting, ledger.ActionLateFileTaken},
		{"LeftOut", false, approval.Issued, ledger.ActionLateFileLeftOut},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			a := newApprover(t)
			issueV1(t, a)
			late := recordLate(t, a)
			if err := a.DecideLateFile(ctx, form, month, late.ID, tt.taken, lan); err != nil {
				t.Fatal(err)
			}
			if st := state(t, a); st.Status != tt.status {
				t.Errorf("approval: got %s, want %s", st.Status, tt.status)
			}
			unit, err := a.Ledger.OutMail(ctx, ledger.LateFileDecisionKey(form, month, "QLDN", late.Version))
			if err != nil || unit.To[0] != "qldn@kcn.example" {
				t.Errorf("the unit's mail: got %v (%v), want it to qldn@kcn.example", unit.To, err)
			}
			if !hasEvent(t, a, tt.action, "account:lan") {
				t.Errorf("no %s event by account:lan", tt.action)
			}
			_, err = a.Ledger.OpenCorrection(ctx, form, month)
			if opened := err == nil; opened != tt.taken {
				t.Errorf("correction open: got %v, want %v", opened, tt.taken)
			}
			if err := a.DecideLateFile(ctx, form, month, late.ID, !tt.taken, lan); !errors.Is(err, ErrNotPending) {
				t.Errorf("decided twice: got %v, want ErrNotPending", err)
			}
		})
	}
}

// A clerk starts a correction of the issued report with their words; not before the issue,
// not twice, not without words.
func TestApprover_StartCorrection(t *testing.T) {
	ctx := context.Background()
	a := newApprover(t)
	addDraft(t, a)
	if err := a.StartCorrection(ctx, form, month, "Sửa chỉ tiêu 2", lan); !errors.Is(err, ErrNotIssued) {
		t.Errorf("before the issue: got %v, want ErrNotIssued", err)
	}
	a2 := newApprover(t)
	issueV1(t, a2)
	if err := a2.StartCorrection(ctx, form, month, "  ", lan); !errors.Is(err, ErrNoWords) {
		t.Errorf("without words: got %v, want ErrNoWords", err)
	}
	if err := a2.StartCorrection(ctx, form, month, "Sửa chỉ tiêu 2", lan); err != nil {
		t.Fatal(err)
	}
	c, err := a2.Ledger.OpenCorrection(ctx, form, month)
	if err != nil || c.Cause != ledger.CauseClerk || c.OpenedBy != "account:lan" || c.Words != "Sửa chỉ tiêu 2" {
		t.Fatalf("correction: got %+v (%v)", c, err)
	}
	m, err := a2.Ledger.OutMail(ctx, ledger.CorrectionKey(form, month, 1))
	if err != nil || !strings.Contains(m.Body, "Nguyễn Thị Lan") || !strings.Contains(m.Body, "Sửa chỉ tiêu 2") {
		t.Errorf("the clerks' mail (%v):\n%s", err, m.Body)
	}
	if !hasEvent(t, a2, ledger.ActionCorrectionOpened, "account:lan") {
		t.Error("no correction.opened event by account:lan")
	}
	if err := a2.StartCorrection(ctx, form, month, "Lần nữa", lan); !errors.Is(err, ErrNotIssued) {
		t.Errorf("twice: got %v, want ErrNotIssued", err)
	}
}

func hasEvent(t *testing.T, a *Approver, action ledger.Action, actor string) bool {
	t.Helper()
	events, err := a.Ledger.Events(context.Background(), 0, 10000)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range events {
		if e.Action == action && e.Actor == actor {
			n++
		}
	}
	if n > 1 {
		t.Errorf("%s by %s recorded %d times, want once", action, actor, n)
	}
	return n == 1
}

// A file kept while the period was closed by hand, before any issue, is not decided here: it
// counts when the period reopens.
func TestApprover_DecideLateFile_NotIssued(t *testing.T) {
	a := newApprover(t)
	late := recordLate(t, a)
	if err := a.DecideLateFile(context.Background(), form, month, late.ID, true, lan); !errors.Is(err, ErrNotIssued) {
		t.Errorf("before any issue: got %v, want ErrNotIssued", err)
	}
}
