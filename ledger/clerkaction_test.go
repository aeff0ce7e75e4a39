package ledger

import (
	"context"
	"encoding/json"
	"errors"
	"testing"
	"time"
)

func boardEvent(action Action, object string) Event {
	return Event{At: t0.Add(2 * time.Hour), Actor: AccountActor("lan"), Action: action, Object: object}
}

// A late file decided on the board counts once taken, with the account's name; a second
// decision conflicts, as a second clerk's mail would.
func TestRecordClerkAction_LateFile(t *testing.T) {
	ctx := context.Background()
	l := openTest(t)
	if _, err := l.RecordIntake(ctx, testIntake(t, l, "on time", true, "QLDN")); err != nil {
		t.Fatal(err)
	}
	issueV1(t, l)
	in := testIntake(t, l, "after issue", true, "QLDN")
	in.Submissions[0].AfterIssue = true
	res, err := l.RecordIntake(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	late := res.Submissions[0]
	act := ClerkAction{
		LateDecisions: []LateDecision{{SubmissionID: late.ID, Decision: DecisionTaken, By: AccountActor("lan"), At: t0.Add(2 * time.Hour)}},
		Events:        []Event{boardEvent(ActionLateFileTaken, SubmissionObject(late))},
	}
	if err := l.RecordClerkAction(ctx, act); err != nil {
		t.Fatal(err)
	}
	if got := latestVersions(t, l); got["QLDN"] != 2 {
		t.Errorf("counted after taken in on the board: got %v, want QLDN v2", got)
	}
	f, _ := l.LateFileByNotice(ctx, AfterCloseNoticeKey(testForm, testPeriod, "QLDN", 2))
	if f.Decision != DecisionTaken || f.DecidedBy != "account:lan" {
		t.Errorf("late file: got %q by %q, want taken by account:lan", f.Decision, f.DecidedBy)
	}
	act.LateDecisions[0].Decision = DecisionLeftOut
	if err := l.RecordClerkAction(ctx, act); !errors.Is(err, ErrConflict) {
		t.Errorf("second decision: got %v, want ErrConflict", err)
	}
	if err := l.RecordClerkAction(ctx, ClerkAction{}); err == nil {
		t.Error("an action without an event: got nil, want an error")
	}
}

// An extension is read back as the unit's latest; its mail is queued and the unit's pending
// reminders cancelled in the same transaction.
func TestRecordClerkAction_Extension(t *testing.T) {
	ctx := context.Background()
	l := openTest(t)
	nag := OutMail{Key: NagKey(testForm, testPeriod, "QLDN", 1), Kind: KindNag, To: []string{"a@x.vn"}, Subject: "s", Body: "b",
		CreatedAt: t0, NotBefore: t0.Add(48 * time.Hour)}
	if _, _, err := l.Enqueue(ctx, nag); err != nil {
		t.Fatal(err)
	}
	for i, d := range []time.Time{t0.Add(72 * time.Hour), t0.Add(96 * time.Hour)} {
		mail := OutMail{Key: ExtensionKey(testForm, testPeriod, "QLDN", i+1), Kind: KindExtension, To: []string{"a@x.vn"},
			Subject: "gia hạn", Body: "b", CreatedAt: t0, NotBefore: t0}
		err := l.RecordClerkAction(ctx, ClerkAction{
			Extension:  &Extension{Form: testForm, Period: testPeriod, Unit: "QLDN", Deadline: d, GrantedBy: AccountActor("lan"), GrantedAt: t0},
			Mails:      []OutMail{mail},
			CancelKeys: []string{StepsPrefix(KindNag, testForm, testPeriod, "QLDN")},
			Events:     []Event{boardEvent(ActionDeadlineExtended, UnitPeriodObject(testForm, testPeriod, "QLDN"))},
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	ext, err := l.Extensions(ctx, testForm, testPeriod)
	if err != nil {
		t.Fatal(err)
	}
	if got := ext["QLDN"]; !got.Deadline.Equal(t0.Add(96*time.Hour)) || got.GrantedBy != "account:lan" || len(ext) != 1 {
		t.Errorf("extensions: got %+v, want QLDN's latest (t0+96h) only", ext)
	}
	if n, _ := l.CountExtensions(ctx, testForm, testPeriod, "QLDN"); n != 2 {
		t.Errorf("count: got %d, want 2", n)
	}
	if m, _ := l.OutMail(ctx, nag.Key); m.Status != OutCancelled {
		t.Errorf("pending nag: got %q, want cancelled", m.Status)
	}
	if m, err := l.OutMail(ctx, ExtensionKey(testForm, testPeriod, "QLDN", 2)); err != nil || m.Status != OutPending {
		t.Errorf("extension mail: got %q (%v), want pending", m.Status, err)
	}
	bad := ClerkAction{Extension: &Extension{Form: testForm, Period: testPeriod, Unit: "QLDN"}, Events: []Event{boardEvent(ActionDeadlineExtended, "x")}}
	if err := l.RecordClerkAction(ctx, bad); err == nil {
		t.Error("an extension without a deadline: got nil, want an error")
	}
}

// Closing and reopening a period by hand; an unknown period is ErrNotFound; a correction a clerk
// opened carries the new cause through the rebuilt table.
func TestRecordClerkAction_PeriodAndCorrection(t *testing.T) {
	ctx := context.Background()
	l := openTest(t)
	if _, err := l.EnsurePeriod(ctx, Period{Form: testForm, Period: "2026-12", Deadline: t0, OpenedAt: t0}); err != nil {
		t.Fatal(err)
	}
	for _, st := range []string{PeriodClosed, PeriodOpen} {
		err := l.RecordClerkAction(ctx, ClerkAction{PeriodStatus: &PeriodStatus{Form: testForm, Period: "2026-12", Status: st},
			Events: []Event{boardEvent(ActionPeriodClosed, PeriodObject(testForm, "2026-12"))}})
		if err != nil {
			t.Fatal(err)
		}
		if p, _ := l.Period(ctx, testForm, "2026-12"); p.Status != st {
			t.Errorf("status: got %q, want %q", p.Status, st)
		}
	}
	err := l.RecordClerkAction(ctx, ClerkAction{PeriodStatus: &PeriodStatus{Form: testForm, Period: "1999-01", Status: PeriodClosed},
		Events: []Event{boardEvent(ActionPeriodClosed, "x")}})
	if !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown period: got %v, want ErrNotFound", err)
	}
	issueV1(t, l)
	u := ApprovalUpdate{Form: testForm, Period: testPeriod, State: json.RawMessage(`{}`), Revision: 1, At: t0,
		Reopen: &Correction{Replaces: 1, Cause: CauseClerk, OpenedBy: AccountActor("lan"), OpenedAt: t0}}
	if err := l.RecordClerkAction(ctx, ClerkAction{Approval: &u, Events: []Event{boardEvent(ActionCorrectionOpened, PeriodObject(testForm, testPeriod))}}); err != nil {
		t.Fatal(err)
	}
	c, err := l.OpenCorrection(ctx, testForm, testPeriod)
	if err != nil || c.Cause != CauseClerk || c.OpenedBy != "account:lan" {
		t.Errorf("correction: got %+v (%v), want cause clerk by account:lan", c, err)
	}
	if p, _ := l.Period(ctx, testForm, testPeriod); p.Status != PeriodOpen {
		t.Errorf("period after the correction: got %q, want open", p.Status)
	}
}
