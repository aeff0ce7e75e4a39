package ledger

import (
	"context"
	"testing"
)

func TestFailAttempt(t *testing.T) {
	ctx := context.Background()
	l := openTest(t)
	const sha = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
	steps := []struct {
		err  string
		want int
	}{{"boom", 1}, {"boom", 2}, {"other", 1}, {"other", 2}, {"other", 3}}
	for i, s := range steps {
		if _, err := l.BeginAttempt(ctx, sha, t0); err != nil {
			t.Fatal(err)
		}
		same, err := l.FailAttempt(ctx, sha, s.err, t0)
		if err != nil || same != s.want {
			t.Fatalf("step %d (%s): got %d (%v), want %d", i, s.err, same, err, s.want)
		}
	}
	a, err := l.Attempts(ctx, sha)
	if err != nil {
		t.Fatal(err)
	}
	if a.Started != 5 || a.Ended != 5 || a.LastError != "other" || a.SameErrors != 3 || a.Unfinished() != 0 {
		t.Errorf("attempts: got %+v", a)
	}
	if _, err := l.FailAttempt(ctx, "f"+sha[1:], "x", t0); err == nil {
		t.Error("FailAttempt of a mail never begun: got nil, want an error")
	}
}
