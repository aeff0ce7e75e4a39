package ledger

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

func TestTemplateTimes(t *testing.T) {
	ctx := context.Background()
	l := openTest(t)
	enqueue := func(key string, notBefore time.Time) int64 {
		t.Helper()
		m := testOutMail(key)
		m.Kind, m.NotBefore = KindTemplate, notBefore
		id, _, err := l.Enqueue(ctx, m)
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	sent := enqueue(TemplateKey("F1", "2026-11", "A"), t0.Add(-time.Hour))
	enqueue(TemplateKey("F1", "2026-11", "B"), t0.Add(time.Hour))
	// Neighbours of the range that are not the period's templates.
	enqueue(TemplateKey("F1", "2026-10", "A"), t0)
	enqueue(TemplateKey("F1", "2026-11-extra", "A"), t0)
	enqueue(TemplateKey("F10", "2026-11", "A"), t0)
	enqueue(ReminderKey("F1", "2026-11", "A", 1), t0)
	claimed, err := l.ClaimDue(ctx, t0, 1)
	if err != nil || len(claimed) != 1 || claimed[0].ID != sent {
		t.Fatalf("ClaimDue: got %v (%v), want the template of A", claimed, err)
	}
	if err := l.MarkSent(ctx, sent, "<a@tonghop>", t0.Add(time.Minute)); err != nil {
		t.Fatal(err)
	}

	got, err := l.TemplateTimes(ctx, "F1", "2026-11")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]MailTimes{
		"A": {NotBefore: t0.Add(-time.Hour), SentAt: t0.Add(time.Minute)},
		"B": {NotBefore: t0.Add(time.Hour)},
	}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for unit, w := range want {
		if g := got[unit]; !g.NotBefore.Equal(w.NotBefore) || !g.SentAt.Equal(w.SentAt) {
			t.Errorf("%s: got %+v, want %+v", unit, g, w)
		}
	}
	for key, want := range map[string]bool{TemplateKey("F1", "2026-11", "A"): true, TemplateKey("F1", "2026-11", "C"): false} {
		if got, err := l.InOutbox(ctx, key); err != nil || got != want {
			t.Errorf("InOutbox(%q): got %v (%v), want %v", key, got, err, want)
		}
	}
	if got, err := l.TemplateTimes(ctx, "F2", "2026-11"); err != nil || len(got) != 0 {
		t.Errorf("no templates: got %v, %v; want none", got, err)
	}
}

func TestLatestDigest(t *testing.T) {
	ctx := context.Background()
	l := openTest(t)
	day := func(d int) time.Time { return time.Date(2026, 11, d, 9, 0, 0, 0, time.UTC) }
	if _, err := l.LatestDigest(ctx, day(9), day(16)); !errors.Is(err, ErrNotFound) {
		t.Fatalf("empty outbox: got %v, want ErrNotFound", err)
	}
	for _, d := range []int{5, 10, 12, 17} {
		m := testOutMail(DigestKey(day(d)))
		m.Kind, m.CreatedAt = KindDigest, day(d)
		if _, _, err := l.Enqueue(ctx, m); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []struct {
		name        string
		first, last int
		want        int // day of the digest found; 0: none
	}{
		{"LatestInRange", 9, 16, 12},
		{"LastDayIncluded", 9, 12, 12},
		{"FirstDayIncluded", 10, 11, 10},
		{"None", 13, 16, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			m, err := l.LatestDigest(ctx, day(c.first), day(c.last))
			switch {
			case c.want == 0 && !errors.Is(err, ErrNotFound):
				t.Errorf("got %q, %v; want ErrNotFound", m.Key, err)
			case c.want != 0 && (err != nil || m.Key != DigestKey(day(c.want)) || !m.CreatedAt.Equal(day(c.want))):
				t.Errorf("got %q created %v, %v; want the digest of day %d", m.Key, m.CreatedAt, err, c.want)
			}
		})
	}
}

func TestCountEventsSince(t *testing.T) {
	ctx := context.Background()
	l := openTest(t)
	record := func(a Action, at time.Time) {
		t.Helper()
		if err := l.Record(ctx, Event{At: at, Actor: "x@example.com", Action: a}); err != nil {
			t.Fatal(err)
		}
	}
	record(ActionNoticeHeldForward, t0.Add(-time.Hour)) // before since
	record(ActionNoticeHeldForward, t0)
	record(ActionNoticeHeldForward, t0.Add(time.Hour))
	record(ActionNoticeHeldUnitMessage, t0.Add(time.Minute))
	record(ActionOutboxSent, t0.Add(time.Minute)) // not asked for
	got, err := l.CountEventsSince(ctx, t0, ActionNoticeHeldForward, ActionNoticeHeldUnitMessage, ActionNoticeHeldAfterClose)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range []Action{ActionNoticeHeldForward, ActionNoticeHeldUnitMessage, ActionNoticeHeldAfterClose, ActionOutboxSent} {
		want, err := l.CountEvents(ctx, a, "", t0)
		if err != nil {
			t.Fatal(err)
		}
		if a == ActionOutboxSent {
			want = 0
		}
		if got[a] != want {
			t.Errorf("%s: got %d, want %d", a, got[a], want)
		}
	}
	if len(got) != 2 {
		t.Errorf("got %v, want the two actions recorded since t0", got)
	}
}

// TestScheduledQueries_SeekTheKey checks that the scheduler's outbox queries, run on every
// pass, seek the key's index instead of scanning the outbox.
func TestScheduledQueries_SeekTheKey(t *testing.T) {
	l := openTest(t)
	for name, q := range map[string]string{
		"TemplateTimes": templateTimesQuery,
		"LatestDigest":  latestDigestQuery,
	} {
		if plan := queryPlan(t, l, q, "a", "b"); !strings.Contains(plan, "SEARCH outbox USING INDEX sqlite_autoindex_outbox_1 (key>? AND key<?)") {
			t.Errorf("%s: plan %q, want a search of the key's index", name, plan)
		}
	}
}

// queryPlan is SQLite's plan of query q, its steps joined by "; ".
func queryPlan(t *testing.T, l *Ledger, q string, args ...any) string {
	t.Helper()
	rows, err := l.db.QueryContext(context.Background(), "EXPLAIN QUERY PLAN "+q, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, detail)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return strings.Join(plan, "; ")
}
