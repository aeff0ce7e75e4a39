package ledger

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"
)

// issueV1 stores draft v1 (QLDN v1, QLDT v1), its approval and its first issue, closing the
// period, as the approval stage does.
func issueV1(t *testing.T, l *Ledger) {
	t.Helper()
	ctx := context.Background()
	if _, err := l.EnsurePeriod(ctx, Period{Form: testForm, Period: testPeriod, Deadline: t0, OpenedAt: t0}); err != nil {
		t.Fatal(err)
	}
	if _, err := l.AddDraft(ctx, testDraft(t, l, testPeriod, "v1", map[string]int{"QLDN": 1, "QLDT": 1})); err != nil {
		t.Fatal(err)
	}
	err := l.SaveApproval(ctx, ApprovalUpdate{Form: testForm, Period: testPeriod, State: json.RawMessage(`{"Status":"issued"}`),
		At: t0, ClosePeriod: true, Issue: &Issue{Number: 1, Version: 1, FileSHA256: mustPut(t, l, "stamped v1"), At: t0}})
	if err != nil {
		t.Fatal(err)
	}
}

func TestIssue_RecordedWithTheApproval(t *testing.T) {
	ctx := context.Background()
	l := openTest(t)
	if _, err := l.LatestIssue(ctx, testForm, testPeriod); !errors.Is(err, ErrNotFound) {
		t.Fatalf("before any issue: got %v, want ErrNotFound", err)
	}
	issueV1(t, l)
	is, err := l.LatestIssue(ctx, testForm, testPeriod)
	if err != nil {
		t.Fatal(err)
	}
	if is.Number != 1 || is.Version != 1 || !is.At.Equal(t0) || !reflect.DeepEqual(is.Basis, map[string]int{"QLDN": 1, "QLDT": 1}) {
		t.Errorf("issue: got %+v, want number 1 of v1 at t0 with the draft's basis", is)
	}
	// A second issue numbered 1 again (two writers) is refused, and nothing of its step is kept.
	err = l.SaveApproval(ctx, ApprovalUpdate{Form: testForm, Period: testPeriod, State: json.RawMessage(`{}`), Revision: 1,
		At: t0, Issue: &Issue{Number: 1, Version: 1, At: t0}})
	if !errors.Is(err, ErrConflict) {
		t.Errorf("issue number 1 twice: got %v, want ErrConflict", err)
	}
}

// A correction reopens the period; only one is open at a time; the replacement closes it.
func TestCorrection_OpenThenReplaced(t *testing.T) {
	ctx := context.Background()
	l := openTest(t)
	issueV1(t, l)
	c := Correction{Replaces: 1, Cause: CauseLeader, OpenedBy: "tb", Words: "Số liệu chỉ tiêu 2 chưa đúng.", OpenedAt: t0.Add(time.Hour)}
	if err := l.SaveApproval(ctx, ApprovalUpdate{Form: testForm, Period: testPeriod, State: json.RawMessage(`{}`), Revision: 1,
		At: t0.Add(time.Hour), Reopen: &c}); err != nil {
		t.Fatal(err)
	}
	if p, _ := l.Period(ctx, testForm, testPeriod); p.Status != PeriodOpen {
		t.Errorf("period after the correction opened: %q, want open", p.Status)
	}
	if done, err := l.ClosedOrIssued(ctx, testForm, testPeriod); err != nil || !done {
		t.Errorf("ClosedOrIssued while a correction reopens the period: got %v (%v), want true (issued)", done, err)
	}
	open, err := l.OpenCorrection(ctx, testForm, testPeriod)
	if err != nil || open.Words != c.Words || open.Cause != CauseLeader || open.Replaces != 1 || open.Issued != 0 {
		t.Fatalf("open correction: got %+v (%v)", open, err)
	}
	again := ApprovalUpdate{Form: testForm, Period: testPeriod, State: json.RawMessage(`{}`), Revision: 2, At: t0, Reopen: &c}
	if err := l.SaveApproval(ctx, again); !errors.Is(err, ErrConflict) {
		t.Errorf("second open correction: got %v, want ErrConflict", err)
	}
	if _, err := l.AddDraft(ctx, testDraft(t, l, testPeriod, "v2", map[string]int{"QLDN": 2, "QLDT": 1})); err != nil {
		t.Fatal(err)
	}
	err = l.SaveApproval(ctx, ApprovalUpdate{Form: testForm, Period: testPeriod, State: json.RawMessage(`{}`), Revision: 2,
		At: t0.Add(2 * time.Hour), ClosePeriod: true, Issue: &Issue{Number: 2, Version: 2, At: t0.Add(2 * time.Hour)}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := l.OpenCorrection(ctx, testForm, testPeriod); !errors.Is(err, ErrNotFound) {
		t.Errorf("open correction after the replacement: got %v, want none", err)
	}
	all, _ := l.Corrections(ctx, testForm, testPeriod)
	if len(all) != 1 || all[0].Issued != 2 {
		t.Errorf("corrections: got %+v, want one, closed by issue 2", all)
	}
	is, _ := l.LatestIssue(ctx, testForm, testPeriod)
	if is.Number != 2 || is.Basis["QLDN"] != 2 {
		t.Errorf("issue in force: got %+v, want number 2 counting QLDN v2", is)
	}
}

// A file recorded after the issue is not counted until the clerks take it in; a decision is
// taken once.
func TestLateFile_CountedOnceTaken(t *testing.T) {
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
	if late.Version != 2 || late.Decision != DecisionPending {
		t.Fatalf("late submission: got v%d %q, want v2 pending", late.Version, late.Decision)
	}
	if got := latestVersions(t, l); got["QLDN"] != 1 {
		t.Errorf("counted before the decision: got %v, want QLDN v1", got)
	}
	f, err := l.LateFileByNotice(ctx, AfterCloseNoticeKey(testForm, testPeriod, "QLDN", 2))
	if err != nil || f.Submission.ID != late.ID || f.AfterIssue != 1 || f.Decision != DecisionPending {
		t.Fatalf("late file by its notice: got %+v (%v)", f, err)
	}
	ask := testIntake(t, l, "unclear answer", true)
	ask.LateDecision = &LateDecision{SubmissionID: late.ID, Asked: true}
	if _, err := l.RecordIntake(ctx, ask); err != nil {
		t.Fatal(err)
	}
	take := testIntake(t, l, "take it in", true)
	take.LateDecision = &LateDecision{SubmissionID: late.ID, Decision: DecisionTaken, By: "vanthu", At: t0.Add(time.Hour)}
	if _, err := l.RecordIntake(ctx, take); err != nil {
		t.Fatal(err)
	}
	if got := latestVersions(t, l); got["QLDN"] != 2 {
		t.Errorf("counted after it was taken in: got %v, want QLDN v2", got)
	}
	f, _ = l.LateFileByNotice(ctx, f.NoticeKey)
	if f.Decision != DecisionTaken || f.Asked != 1 || f.DecidedBy != "vanthu" || !f.DecidedAt.Equal(t0.Add(time.Hour)) {
		t.Errorf("late file after the decision: got %+v", f)
	}
	twice := testIntake(t, l, "leave it out", true)
	twice.LateDecision = &LateDecision{SubmissionID: late.ID, Decision: DecisionLeftOut, By: "vanthu", At: t0}
	if _, err := l.RecordIntake(ctx, twice); !errors.Is(err, ErrConflict) {
		t.Errorf("a second decision: got %v, want ErrConflict", err)
	}
}

func latestVersions(t *testing.T, l *Ledger) map[string]int {
	t.Helper()
	latest, err := l.LatestValid(context.Background(), testForm, testPeriod)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]int{}
	for u, s := range latest {
		out[u] = s.Version
	}
	heads, err := l.LatestValidHeadsAt(context.Background(), testForm, testPeriod, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if len(heads) != len(latest) {
		t.Errorf("LatestValidHeadsAt: got %v, want the submissions of LatestValid %v", heads, out)
	}
	for u, s := range latest {
		if heads[u].ID != s.ID {
			t.Errorf("LatestValidHeadsAt: got %v, want the submissions of LatestValid %v", heads, out)
		}
	}
	return out
}

// A ledger of an earlier tonghop gets its issues from their audit events, its files received
// after the close as pending late files, and its issue mails' form and period.
func TestMigration_Corrections(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "ledger")
	if err := os.MkdirAll(dir, 0o750); err != nil {
		t.Fatal(err)
	}
	db := rawDB(t, dir)
	migrateTo(t, db, 6)
	sha := "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
	stmts := []string{
		`INSERT INTO mails (id, sha256, received_at, outcome) VALUES (1, '` + sha + `', '` + encodeTime(t0) + `', 'accepted')`,
		`INSERT INTO submissions (mail_id, form, unit, period, version, valid, late, problems, received_at) VALUES
			(1, 'BM.02.01/KH', 'QLDN', '2026-11', 1, 1, 0, '{"errors":null,"warnings":null}', '` + encodeTime(t0) + `'),
			(1, 'BM.02.01/KH', 'QLDN', '2026-11', 2, 1, 1, '{"errors":null,"warnings":[{"code":"period_closed"}]}', '` + encodeTime(t0) + `')`,
		`INSERT INTO drafts (form, period, version, file_name, file_sha256, basis, trigger, built_at) VALUES
			('BM.02.01/KH', '2026-11', 3, 'x.xlsx', '` + sha + `', '{"QLDN":1}', 'all_in', '` + encodeTime(t0) + `')`,
		`INSERT INTO approvals (form, period, state, revision, updated_at) VALUES ('BM.02.01/KH', '2026-11', '{}', 4, '')`,
		`INSERT INTO events (at, actor, action, object, detail) VALUES ('` + encodeTime(t0) + `', 'system', 'report.issued',
			'form:BM.02.01/KH/2026-11', 'v3 sha256=` + sha + ` approvals=tb@x<r2>')`,
		`INSERT INTO outbox (key, kind, to_addrs, status, created_at) VALUES ('issue:BM.02.01/KH:2026-11', 'issue', '["a@b.vn"]', 'sent', '')`,
	}
	for _, s := range stmts {
		if _, err := db.Exec(s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
	db.Close()
	l, err := Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	is, err := l.LatestIssue(ctx, "BM.02.01/KH", "2026-11")
	if err != nil || is.Number != 1 || is.Version != 3 || is.FileSHA256 != sha || !is.At.Equal(t0) || is.Basis["QLDN"] != 1 {
		t.Errorf("issue from the event: got %+v (%v), want number 1 of v3 with its sha", is, err)
	}
	late, err := l.LateFiles(ctx, "BM.02.01/KH", "2026-11")
	if err != nil || len(late) != 1 || late[0].Submission.Version != 2 || late[0].Decision != DecisionPending ||
		late[0].AfterIssue != 1 || late[0].NoticeKey != AfterCloseNoticeKey("BM.02.01/KH", "2026-11", "QLDN", 2) {
		t.Errorf("late files: got %+v (%v), want QLDN v2 pending after issue 1", late, err)
	}
	m, err := l.OutMail(ctx, "issue:BM.02.01/KH:2026-11")
	if err != nil || m.About != (About{Form: "BM.02.01/KH", Period: "2026-11"}) {
		t.Errorf("issue mail about: got %+v (%v)", m.About, err)
	}
}
