package report_test

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/report"
)

// TestDrafter_Correction: a correction reopens an issued period however old: the next draft is
// built when what it would count differs from the issued report, not before; a draft stored
// after the issue and before the correction (an old build on demand) stands for nothing.
func TestDrafter_Correction(t *testing.T) {
	cfg := cfConfig(t)
	of := cfOffice(t, cfg)
	ctx := context.Background()
	fx := newFixture(t, of, "BM.02.01/KH")
	l := fx.record(t, ctx)
	f, _ := cfg.Form(fx.code)
	now := fx.now.Add(7 * 24 * time.Hour)
	dr := &report.Drafter{Office: of, Ledger: l, Now: func() time.Time { return now }}
	if err := dr.Step(ctx); err != nil {
		t.Fatal(err)
	}
	name := fx.target.String()
	err := l.SaveApproval(ctx, ledger.ApprovalUpdate{Form: fx.code, Period: name, State: json.RawMessage(`{}`), At: now,
		ClosePeriod: true, Issue: &ledger.Issue{Number: 1, Version: 1, At: now}})
	if err != nil {
		t.Fatal(err)
	}
	now = now.Add(200 * 24 * time.Hour) // far past the drafter's look-back
	if _, _, err := report.AddDraft(ctx, of, l, f, fx.target, now.Add(-time.Hour), ledger.TriggerDemand); err != nil {
		t.Fatal(err) // the stray v2, as an older consolidate --force stored it
	}
	err = l.SaveApproval(ctx, ledger.ApprovalUpdate{Form: fx.code, Period: name, State: json.RawMessage(`{}`), Revision: 1, At: now,
		Reopen: &ledger.Correction{Replaces: 1, Cause: ledger.CauseLeader, OpenedBy: "tb", OpenedAt: now}})
	if err != nil {
		t.Fatal(err)
	}
	if err := dr.Step(ctx); err != nil {
		t.Fatal(err)
	}
	if head, _ := l.LatestDraft(ctx, fx.code, name); head.Version != 2 {
		t.Fatalf("nothing changed, yet a draft was built: head v%d, want the stray v2", head.Version)
	}
	latest, err := l.LatestValid(ctx, fx.code, name)
	if err != nil {
		t.Fatal(err)
	}
	var unit string
	var again ledger.Submission
	for u, s := range latest {
		unit, again = u, s
		break
	}
	mailSHA, _ := l.PutBlob([]byte("resent by " + unit))
	again.ID, again.Version, again.MailID, again.ReceivedAt = 0, 0, 0, now
	res, err := l.RecordIntake(ctx, ledger.Intake{Mail: ledger.Mail{SHA256: mailSHA, From: "x@kcn.example", ReceivedAt: now,
		Outcome: ledger.OutcomeAccepted}, Submissions: []ledger.Submission{again}})
	if err != nil {
		t.Fatal(err)
	}
	now = now.Add(time.Minute)
	if err := dr.Step(ctx); err != nil {
		t.Fatal(err)
	}
	head, err := l.LatestDraft(ctx, fx.code, name)
	if err != nil || head.Version != 3 || head.Trigger != ledger.TriggerResubmission || head.Basis[unit] != res.Submissions[0].Version {
		t.Errorf("after the resubmission: %+v (%v), want v3 counting %s's new version", head, err, unit)
	}
}
