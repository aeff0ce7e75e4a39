package ledger

import (
	"context"
	"errors"
	"testing"
	"time"
)

// TestAttempts follows the tries to judge mails: each try is marked before it begins, and what
// the marks say tells a mail that killed the process or ran out of budget from one that met an
// error of the ledger or the mailbox.
func TestAttempts(t *testing.T) {
	ctx := context.Background()
	at := time.Date(2026, 11, 24, 8, 0, 0, 0, time.UTC)
	type step struct {
		end    AttemptEnd // "" leaves the try unfinished; "done" records the mail
		before Attempts   // what BeginAttempt says of the tries before this one
	}
	tests := []struct {
		name                  string
		steps                 []step
		unfinished, failed    int
		started, ended, quota int
	}{
		{"Crashes", []step{{"", Attempts{}}, {"", Attempts{Started: 1}}}, 2, 2, 2, 0, 0},
		{"OutOfBudget", []step{{AttemptOutOfBudget, Attempts{}}, {AttemptOutOfBudget, Attempts{Started: 1, Ended: 1, OutOfBudget: 1}}}, 0, 2, 2, 2, 2},
		{"CrashThenBudget", []step{{"", Attempts{}}, {AttemptOutOfBudget, Attempts{Started: 1}}}, 1, 2, 2, 1, 1},
		{"Errors", []step{{AttemptError, Attempts{}}, {AttemptError, Attempts{Started: 1, Ended: 1}}}, 0, 0, 2, 2, 0},
		{"Recorded", []step{{"", Attempts{}}, {"done", Attempts{Started: 1}}}, 0, 0, 2, 0, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			l := openTest(t)
			const sha = "5ha"
			for i, s := range tc.steps {
				before, err := l.BeginAttempt(ctx, sha, at.Add(time.Duration(i)*time.Minute))
				if err != nil {
					t.Fatal(err)
				}
				if before.Started != s.before.Started || before.Ended != s.before.Ended || before.OutOfBudget != s.before.OutOfBudget {
					t.Errorf("try %d: got before %+v, want %+v", i+1, before, s.before)
				}
				switch s.end {
				case "":
				case "done":
					err = l.FinishAttempts(ctx, sha, at.Add(time.Hour))
				default:
					err = l.EndAttempt(ctx, sha, s.end, at.Add(time.Duration(i)*time.Minute+time.Second))
				}
				if err != nil {
					t.Fatal(err)
				}
			}
			a, err := l.Attempts(ctx, sha)
			if err != nil {
				t.Fatal(err)
			}
			if a.Unfinished() != tc.unfinished || a.Failed() != tc.failed || a.Started != tc.started || a.Ended != tc.ended || a.OutOfBudget != tc.quota {
				t.Errorf("got %+v (unfinished %d, failed %d), want unfinished %d, failed %d, started %d, ended %d, out of budget %d",
					a, a.Unfinished(), a.Failed(), tc.unfinished, tc.failed, tc.started, tc.ended, tc.quota)
			}
			if !a.FirstAt.Equal(at) {
				t.Errorf("got first try at %v, want %v", a.FirstAt, at)
			}
		})
	}
}

func TestAttempts_Unknown(t *testing.T) {
	ctx := context.Background()
	l := openTest(t)
	a, err := l.Attempts(ctx, "none")
	if err != nil || a.Started != 0 || a.SHA256 != "none" {
		t.Errorf("got %+v, %v; want no tries", a, err)
	}
	if err := l.EndAttempt(ctx, "none", AttemptError, time.Now()); !errors.Is(err, ErrNotFound) {
		t.Errorf("EndAttempt of no try: got %v, want ErrNotFound", err)
	}
	if err := l.FinishAttempts(ctx, "none", time.Now()); !errors.Is(err, ErrNotFound) {
		t.Errorf("FinishAttempts of no try: got %v, want ErrNotFound", err)
	}
	if _, err := l.BeginAttempt(ctx, "x", time.Now()); err != nil {
		t.Fatal(err)
	}
	if err := l.EndAttempt(ctx, "x", "crashed", time.Now()); err == nil {
		t.Error("EndAttempt with an unknown end: got nil, want an error")
	}
}
