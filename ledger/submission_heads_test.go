package ledger

import (
	"context"
	"errors"
	"reflect"
	"testing"
	"time"
)

// TestLatestValidHeadsAt: the heads are LatestValidAt's submissions without their content,
// at every point in time, with files invalid, superseded and held for a supervisor among
// them; ReadSubmissionData hands each one's content.
func TestLatestValidHeadsAt(t *testing.T) {
	ctx := context.Background()
	l := openTest(t)
	intakes := []Intake{
		testIntake(t, l, "first", true, "PKH", "VP"),
		testIntake(t, l, "invalid", false, "PKH"),
		testIntake(t, l, "second", true, "PKH"),
		heldIntake(t, l, "held", true, ReviewReview, "QLDN"),
	}
	for i := range intakes {
		at := t0.Add(time.Duration(i) * time.Hour)
		intakes[i].Mail.ReceivedAt = at
		for j := range intakes[i].Submissions {
			intakes[i].Submissions[j].ReceivedAt = at
		}
		if _, err := l.RecordIntake(ctx, intakes[i]); err != nil {
			t.Fatal(err)
		}
	}
	for _, asOf := range []time.Time{{}, t0.Add(-time.Minute), t0, t0.Add(90 * time.Minute), t0.Add(3 * time.Hour)} {
		want, err := l.LatestValidAt(ctx, testForm, testPeriod, asOf)
		if err != nil {
			t.Fatal(err)
		}
		got, err := l.LatestValidHeadsAt(ctx, testForm, testPeriod, asOf)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(want) {
			t.Fatalf("as of %v: got %d heads, want %d", asOf, len(got), len(want))
		}
		for unit, w := range want {
			g := got[unit]
			if g.Data != nil || g.Problems != nil {
				t.Errorf("as of %v, %s: the head has content", asOf, unit)
			}
			data := w.Data
			w.Data, w.Problems = nil, nil
			if !reflect.DeepEqual(g, w) {
				t.Errorf("as of %v, %s:\n got %+v\nwant %+v", asOf, unit, g, w)
			}
			var read string
			if err := l.ReadSubmissionData(ctx, g.ID, func(s string) error {
				read = s
				return nil
			}); err != nil || read != string(data) {
				t.Errorf("as of %v, %s: ReadSubmissionData got %q (%v), want %q", asOf, unit, read, err, data)
			}
		}
	}
	if err := l.ReadSubmissionData(ctx, 1<<40, func(string) error { return nil }); !errors.Is(err, ErrNotFound) {
		t.Errorf("ReadSubmissionData of no submission: got %v, want ErrNotFound", err)
	}
	stop := errors.New("stop")
	if err := l.ReadSubmissionData(ctx, 1, func(string) error { return stop }); !errors.Is(err, stop) {
		t.Errorf("ReadSubmissionData: got %v, want the reader's error", err)
	}
}
