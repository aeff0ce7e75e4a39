package ledger

import (
	"context"
	"strings"
	"testing"
	"time"
)

func TestEvents_AppendOnly(t *testing.T) {
	ctx := context.Background()
	l := openTest(t)
	err := l.Record(ctx,
		Event{At: t0, Actor: "system", Action: "period.opened", Object: "form:BM.02.01/KH/2026-11"},
		Event{At: t0.Add(time.Second), Actor: "leader:1", Action: "report.approved", Object: "form:BM.02.01/KH/2026-11"})
	if err != nil {
		t.Fatalf("Record: %v", err)
	}
	db := rawDB(t, l.Dir())
	tests := []struct{ name, sql string }{
		{"Update", `UPDATE events SET detail = 'forged' WHERE id = 1`},
		{"Delete", `DELETE FROM events WHERE id = 1`},
		{"DeleteAll", `DELETE FROM events`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := db.Exec(tt.sql)
			if err == nil || !strings.Contains(err.Error(), "append-only") {
				t.Errorf("got %v, want the append-only trigger to refuse", err)
			}
		})
	}
	events, err := l.Events(ctx, 0, 0)
	if err != nil || len(events) != 2 || events[0].Detail != "" {
		t.Errorf("events after attempts: got %+v (%v), want the 2 untouched", events, err)
	}
}

func TestEvents_Paging(t *testing.T) {
	ctx := context.Background()
	l := openTest(t)
	for i := range 5 {
		if err := l.Record(ctx, Event{At: t0.Add(time.Duration(i) * time.Minute), Action: "tick"}); err != nil {
			t.Fatal(err)
		}
	}
	var ids []int64
	for after := int64(0); ; {
		page, err := l.Events(ctx, after, 2)
		if err != nil {
			t.Fatal(err)
		}
		if len(page) == 0 {
			break
		}
		for _, e := range page {
			ids = append(ids, e.ID)
			if e.At.Location() != time.UTC {
				t.Errorf("event %d time in %v, want UTC", e.ID, e.At.Location())
			}
		}
		after = page[len(page)-1].ID
	}
	if len(ids) != 5 || ids[0] != 1 || ids[4] != 5 {
		t.Errorf("paged ids: got %v, want 1..5", ids)
	}
}

func TestRecord_Invalid(t *testing.T) {
	l := openTest(t)
	tests := []struct {
		name string
		ev   Event
	}{
		{"NoAction", Event{At: t0}},
		{"NoTime", Event{Action: "x"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := l.Record(context.Background(), tt.ev); err == nil {
				t.Error("got nil error, want a refusal")
			}
		})
	}
}

func TestTime_RoundTrip(t *testing.T) {
	hanoi := time.FixedZone("ICT", 7*3600)
	tests := []struct {
		name string
		in   time.Time
	}{
		{"Zero", time.Time{}},
		{"UTC", t0},
		{"Nanos", time.Date(2026, 1, 2, 3, 4, 5, 6, time.UTC)},
		{"OtherZone", time.Date(2026, 11, 20, 15, 0, 0, 500, hanoi)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := decodeTime(encodeTime(tt.in))
			if err != nil || !got.Equal(tt.in) || (!got.IsZero() && got.Location() != time.UTC) {
				t.Errorf("got %v (%v), want %v in UTC", got, err, tt.in)
			}
		})
	}
	// Stored text must sort like the times it encodes (ClaimDue compares text).
	a, b := encodeTime(t0), encodeTime(t0.Add(time.Millisecond))
	if !(a < b) {
		t.Errorf("encoded %q should sort before %q", a, b)
	}
}
