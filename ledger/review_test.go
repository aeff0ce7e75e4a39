package ledger

import (
	"context"
	"errors"
	"testing"
	"time"
)

// heldIntake is testIntake with each file held for its unit's supervisor under mode.
func heldIntake(t *testing.T, l *Ledger, raw string, valid bool, mode ReviewMode, units ...string) Intake {
	t.Helper()
	in := testIntake(t, l, raw, valid, units...)
	for i := range in.Submissions {
		in.Submissions[i].Review = &ReviewHold{Mode: mode, Supervisor: "pho_tb", Due: t0.Add(24 * time.Hour)}
	}
	return in
}

func TestReview_CountedOnceAgreed(t *testing.T) {
	ctx := context.Background()
	l := openTest(t)
	res, err := l.RecordIntake(ctx, heldIntake(t, l, "first", true, ReviewReview, "QLDN"))
	if err != nil {
		t.Fatal(err)
	}
	if got := latestVersions(t, l); len(got) != 0 {
		t.Fatalf("counted before the supervisor's view: got %v, want nothing", got)
	}
	awaiting, err := l.AwaitingReview(ctx, testForm, testPeriod)
	if err != nil || !awaiting["QLDN"] {
		t.Fatalf("AwaitingReview: got %v (%v), want QLDN", awaiting, err)
	}
	r, err := l.ReviewOf(ctx, res.Submissions[0].ID)
	if err != nil || r.State != ReviewPending || r.Mode != ReviewReview || r.Supervisor != "pho_tb" || !r.Due.Equal(t0.Add(24*time.Hour)) {
		t.Fatalf("ReviewOf: got %+v (%v)", r, err)
	}
	if todo, err := l.ReviewsToDo(ctx); err != nil || len(todo) != 1 {
		t.Fatalf("ReviewsToDo: got %d (%v), want 1", len(todo), err)
	}
	agreed := r
	agreed.State, agreed.DecidedBy, agreed.DecidedAt = ReviewAgreed, "pho_tb", t0.Add(2*time.Hour)
	in := testIntake(t, l, "the supervisor agrees", true)
	in.Review = &ReviewUpdate{Review: agreed, Mails: []OutMail{testOutMail("review-reply:x:unit")}}
	if _, err := l.RecordIntake(ctx, in); err != nil {
		t.Fatal(err)
	}
	if got := latestVersions(t, l); got["QLDN"] != 1 {
		t.Errorf("after the view: got %v, want QLDN v1", got)
	}
	// As the ledger stood before the view, the file did not count.
	before, err := l.LatestValidAt(ctx, testForm, testPeriod, t0.Add(time.Hour))
	if err != nil || len(before) != 0 {
		t.Errorf("LatestValidAt before the view: got %v (%v), want nothing", before, err)
	}
	if _, err := l.OutMail(ctx, "review-reply:x:unit"); err != nil {
		t.Errorf("the mail saved with the decision: %v", err)
	}
	// A save against the revision read before is refused.
	again := testIntake(t, l, "a second answer", true)
	again.Review = &ReviewUpdate{Review: agreed}
	if _, err := l.RecordIntake(ctx, again); !errors.Is(err, ErrConflict) {
		t.Errorf("a stale save: got %v, want ErrConflict", err)
	}
}

func TestReview_NewerFileSupersedes(t *testing.T) {
	ctx := context.Background()
	l := openTest(t)
	first, err := l.RecordIntake(ctx, heldIntake(t, l, "v1", true, ReviewApprove, "QLDN"))
	if err != nil {
		t.Fatal(err)
	}
	r1, _ := l.ReviewOf(ctx, first.Submissions[0].ID)
	r1.RequestKey, r1.RequestedAt = ReviewKey(KindReviewRequest, r1.Submission.ID, 0), t0
	if err := l.SaveReview(ctx, ReviewUpdate{Review: r1}); err != nil {
		t.Fatal(err)
	}
	if _, err := l.RecordIntake(ctx, heldIntake(t, l, "invalid v2", false, ReviewApprove, "QLDN")); err != nil {
		t.Fatal(err)
	}
	if r, _ := l.ReviewOf(ctx, r1.Submission.ID); r.State != ReviewPending {
		t.Errorf("an invalid file superseded the pending one: got %q", r.State)
	}
	third, err := l.RecordIntake(ctx, heldIntake(t, l, "v3", true, ReviewApprove, "QLDN"))
	if err != nil {
		t.Fatal(err)
	}
	r, _ := l.ReviewOf(ctx, r1.Submission.ID)
	if r.State != ReviewSuperseded || r.SupersededTold {
		t.Errorf("v1 after v3: got %q told %v, want superseded, not told", r.State, r.SupersededTold)
	}
	todo, err := l.ReviewsToDo(ctx)
	if err != nil || len(todo) != 2 || todo[0].Submission.Version != 1 || todo[1].Submission.ID != third.Submissions[0].ID {
		t.Fatalf("ReviewsToDo: got %+v (%v), want v1 (to tell) and v3", todo, err)
	}
	r.SupersededTold = true
	if err := l.SaveReview(ctx, ReviewUpdate{Review: r}); err != nil {
		t.Fatal(err)
	}
	if todo, _ := l.ReviewsToDo(ctx); len(todo) != 1 {
		t.Errorf("ReviewsToDo after telling: got %d, want 1", len(todo))
	}
}

func TestReview_CopyCountsAtOnce(t *testing.T) {
	ctx := context.Background()
	l := openTest(t)
	if _, err := l.RecordIntake(ctx, heldIntake(t, l, "copy", true, ReviewCopy, "QLDN")); err != nil {
		t.Fatal(err)
	}
	if got := latestVersions(t, l); got["QLDN"] != 1 {
		t.Errorf("a copied file: got %v, want QLDN v1 counted", got)
	}
	if awaiting, _ := l.AwaitingReview(ctx, testForm, testPeriod); len(awaiting) != 0 {
		t.Errorf("AwaitingReview of a copy: got %v, want none", awaiting)
	}
}

func TestReview_Purged(t *testing.T) {
	ctx := context.Background()
	l := openTest(t)
	if _, err := l.RecordIntake(ctx, heldIntake(t, l, "purge me", true, ReviewReview, "QLDN")); err != nil {
		t.Fatal(err)
	}
	list, err := l.Reviews(ctx, testForm, testPeriod)
	if err != nil || len(list) != 1 {
		t.Fatalf("Reviews: got %d (%v), want 1", len(list), err)
	}
	var n int
	db := rawDB(t, l.Dir())
	if _, err := db.Exec(`DELETE FROM submissions`); err == nil {
		t.Error("a submission under review was deleted without its review")
	}
	if err := db.QueryRow(`SELECT count(*) FROM reviews`).Scan(&n); err != nil || n != 1 {
		t.Errorf("reviews: got %d (%v), want 1", n, err)
	}
}

func TestReview_HoldChecked(t *testing.T) {
	l := openTest(t)
	in := testIntake(t, l, "bad hold", true, "QLDN")
	in.Submissions[0].Review = &ReviewHold{Mode: "maybe", Supervisor: "pho_tb"}
	if _, err := l.RecordIntake(context.Background(), in); err == nil {
		t.Error("a hold of no mode was recorded")
	}
}

// A period purged takes its files' reviews with them.
func TestReview_PurgePeriod(t *testing.T) {
	ctx := context.Background()
	l := openTest(t)
	if _, err := l.RecordIntake(ctx, heldIntake(t, l, "held then purged", true, ReviewReview, "QLDN", "QLDT")); err != nil {
		t.Fatal(err)
	}
	got, err := l.PurgePeriod(ctx, Purge{Form: testForm, Period: testPeriod, At: t0, Actor: "test"})
	if err != nil {
		t.Fatal(err)
	}
	if got.Submissions != 2 {
		t.Errorf("purged %+v, want 2 submissions", got)
	}
	if list, err := l.Reviews(ctx, testForm, testPeriod); err != nil || len(list) != 0 {
		t.Errorf("reviews after the purge: %d (%v), want none", len(list), err)
	}
}
