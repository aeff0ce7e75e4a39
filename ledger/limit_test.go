package ledger

import (
	"context"
	"strings"
	"testing"
	"time"
)

// TestCountEvents_SearchesByActionAndTime: the counts behind the hourly limits read the events of
// the actions counted since the time given, found by index, not the whole audit trail.
func TestCountEvents_SearchesByActionAndTime(t *testing.T) {
	l := openTest(t)
	const want = "INDEX events_action_at (action=? AND at>?)" // covering for the second
	for name, plan := range map[string]string{
		"CountEvents":      queryPlan(t, l, countEvents, "a", "2026-01-01", "", ""),
		"CountEventsSince": queryPlan(t, l, countEventsSince, "2026-01-01", `["a","b"]`),
	} {
		if !strings.Contains(plan, "SEARCH events USING") || !strings.Contains(plan, want) {
			t.Errorf("%s: plan %q, want a search by %s", name, plan, want)
		}
	}
}

func TestCountEvents(t *testing.T) {
	ctx := context.Background()
	l := openTest(t)
	notice := Queued(KindNotice)
	err := l.Record(ctx,
		Event{At: t0.Add(-2 * time.Hour), Actor: "a@x.vn", Action: notice},
		Event{At: t0.Add(-time.Hour), Actor: "a@x.vn", Action: notice},
		Event{At: t0.Add(-time.Minute), Actor: "a@x.vn", Action: notice},
		Event{At: t0, Actor: "b@x.vn", Action: notice},
		Event{At: t0, Actor: "a@x.vn", Action: ActionNoticeHeldUnknownSender},
	)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		action Action
		actor  string
		want   int
	}{
		{"BySenderInTheHour", notice, "a@x.vn", 2},
		{"AllSendersInTheHour", notice, "", 3},
		{"OtherSender", notice, "b@x.vn", 1},
		{"OtherAction", ActionNoticeHeldUnknownSender, "", 1},
		{"Nobody", notice, "c@x.vn", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := l.CountEvents(ctx, tt.action, tt.actor, t0.Add(-time.Hour))
			if err != nil || got != tt.want {
				t.Errorf("got %d, %v; want %d", got, err, tt.want)
			}
		})
	}
}

func TestSubmittedBefore(t *testing.T) {
	ctx := context.Background()
	l := openTest(t)
	in := testIntake(t, l, "raw mail 1", true, "PKH")
	if _, err := l.RecordIntake(ctx, in); err != nil {
		t.Fatal(err)
	}
	file := in.Submissions[0].FileSHA256
	for _, tt := range []struct {
		name, unit, sha string
		want            bool
	}{
		{"SameUnitSameFile", "PKH", file, true},
		{"OtherUnit", "VP", file, false},
		{"OtherFile", "PKH", sha256Hex("other"), false},
		{"EmptyFile", "PKH", "", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := l.SubmittedBefore(ctx, tt.unit, tt.sha)
			if err != nil || got != tt.want {
				t.Errorf("got %v, %v; want %v", got, err, tt.want)
			}
		})
	}
}
