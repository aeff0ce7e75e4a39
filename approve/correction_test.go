package approve

import (
	"context"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/tonghop/tonghop/approval"
	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/office"
	"github.com/tonghop/tonghop/period"
)

// issueV1 sends v1 to the head and records his "Duyệt": the report is issued.
func issueV1(t *testing.T, a *Approver) {
	t.Helper()
	ctx := context.Background()
	addDraft(t, a)
	if err := a.Advance(ctx); err != nil {
		t.Fatal(err)
	}
	msg, raw, in := replyMail(t, a, "Duyệt")
	ref, _ := a.Thread(ctx, msg)
	if _, err := a.Reply(ctx, &in, msg, raw, ref, slog.New(slog.DiscardHandler)); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Ledger.RecordIntake(ctx, in); err != nil {
		t.Fatal(err)
	}
	if is, err := a.Ledger.LatestIssue(ctx, form, month); err != nil || is.Number != 1 || is.Version != 1 {
		t.Fatalf("issue: %+v (%v), want number 1 of v1", is, err)
	}
}

// storeDraft stores the next draft, built at builtAt.
func storeDraft(t *testing.T, a *Approver, builtAt time.Time) {
	t.Helper()
	head, err := a.Ledger.LatestDraft(context.Background(), form, month)
	if err != nil {
		t.Fatal(err)
	}
	p, _ := period.Parse(month)
	d := head
	d.ID, d.Version, d.BuiltAt, d.Trigger = 0, head.Version+1, builtAt, ledger.TriggerDemand
	d.FileName = office.ReportFileName(form, p, d.Version)
	if _, err := a.Ledger.AddDraft(context.Background(), d); err != nil {
		t.Fatal(err)
	}
}

// TestApprover_CorrectionTakesOnlyNewDrafts: under a correction, a draft stored before it was
// opened is not sent up the chain; the first one built after it is, from the first step, and
// its request says which issue it corrects.
func TestApprover_CorrectionTakesOnlyNewDrafts(t *testing.T) {
	ctx := context.Background()
	a := newApprover(t)
	issueV1(t, a)
	storeDraft(t, a, testNow.Add(-30*time.Minute)) // v2: built on demand after the issue
	f, _ := a.Office.Form(form)
	p, _ := period.Parse(month)
	stored, err := a.load(ctx, form, month)
	if err != nil {
		t.Fatal(err)
	}
	u, is, err := a.reopenUpdate(ctx, Ref{Form: f, Period: p, Version: 1}, stored, opening{person: mustPerson(t, a, "tb"), cause: ledger.CauseLeader, words: "Sửa"})
	if err != nil || is.Number != 1 {
		t.Fatalf("reopen: issue %+v, %v", is, err)
	}
	if err := a.Ledger.SaveApproval(ctx, u); err != nil {
		t.Fatal(err)
	}
	if err := a.Advance(ctx); err != nil {
		t.Fatal(err)
	}
	if st := state(t, a); st.Status != approval.Correcting || st.Version != 1 {
		t.Fatalf("after the stray draft: %s v%d, want still correcting v1", st.Status, st.Version)
	}
	storeDraft(t, a, testNow.Add(time.Minute)) // v3: the correction's draft
	a.Now = func() time.Time { return testNow.Add(2 * time.Minute) }
	if err := a.Advance(ctx); err != nil {
		t.Fatal(err)
	}
	if st := state(t, a); st.Status != approval.Reviewing || st.Version != 3 || st.Step != 0 {
		t.Fatalf("after the corrected draft: %s v%d step %d, want reviewing v3 at the first step", st.Status, st.Version, st.Step+1)
	}
	req, err := a.Ledger.OutMail(ctx, ledger.ApprovalRequestKey(form, month, 3, 1, "tb"))
	if err != nil || !strings.Contains(req.Body, "Đây là dự thảo điều chỉnh") {
		t.Errorf("request for v3 (%v):\n%s", err, req.Body)
	}
}

func mustPerson(t *testing.T, a *Approver, id string) config.Person {
	t.Helper()
	p, ok := a.Office.Person(id)
	if !ok {
		t.Fatalf("no person %s", id)
	}
	return p
}
