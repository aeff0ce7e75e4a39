package ledger

import (
	"context"
	"errors"
	"reflect"
	"testing"
	"time"
)

func testOutMail(key string) OutMail {
	return OutMail{
		Key:        key,
		Kind:       "receipt",
		To:         []string{"pkh@example.gov.vn"},
		Cc:         []string{"vanphong@example.gov.vn"},
		Subject:    "Đã nhận báo cáo",
		Body:       "Văn phòng đã nhận báo cáo của đơn vị.",
		InReplyTo:  "<abc@example.gov.vn>",
		References: []string{"<abc@example.gov.vn>"},
		NotBefore:  t0.Add(-time.Minute),
		CreatedAt:  t0.Add(-time.Hour),
	}
}

func TestEnqueue_Idempotent(t *testing.T) {
	ctx := context.Background()
	l := openTest(t)
	m := testOutMail("receipt:mail:1")
	m.Attachments = []Attachment{{Name: "bien-nhan.xlsx", ContentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", SHA256: mustPut(t, l, "xlsx")}}
	ev := Event{Actor: "system", Action: "outbox.enqueued", Object: "outbox:receipt:mail:1"}

	id1, created, err := l.Enqueue(ctx, m, ev)
	if err != nil || !created {
		t.Fatalf("first Enqueue = %d, %v, %v; want created", id1, created, err)
	}
	m.Subject = "changed"
	id2, created, err := l.Enqueue(ctx, m, ev)
	if err != nil || created || id2 != id1 {
		t.Fatalf("second Enqueue = %d, %v, %v; want %d, false, nil", id2, created, err, id1)
	}

	all, err := l.Outbox(ctx, "")
	if err != nil || len(all) != 1 {
		t.Fatalf("Outbox: got %d rows (%v), want 1", len(all), err)
	}
	got, err := l.OutMail(ctx, m.Key)
	if err != nil {
		t.Fatalf("OutMail: %v", err)
	}
	want := testOutMail("receipt:mail:1")
	want.ID, want.Status, want.Attachments = id1, OutPending, m.Attachments
	if !reflect.DeepEqual(got, want) {
		t.Errorf("stored mail:\n got %+v\nwant %+v", got, want)
	}
	events, err := l.Events(ctx, 0, 0)
	if err != nil || len(events) != 1 {
		t.Fatalf("Events: got %d (%v), want 1 (recorded only when created)", len(events), err)
	}
	if !events[0].At.Equal(m.CreatedAt) {
		t.Errorf("event time: got %v, want the mail's CreatedAt %v", events[0].At, m.CreatedAt)
	}
}

func TestEnqueue_Invalid(t *testing.T) {
	ctx := context.Background()
	l := openTest(t)
	tests := []struct {
		name   string
		change func(*OutMail)
	}{
		{"NoKey", func(m *OutMail) { m.Key = "" }},
		{"NoKind", func(m *OutMail) { m.Kind = "" }},
		{"NoRecipient", func(m *OutMail) { m.To = nil }},
		{"NoCreatedAt", func(m *OutMail) { m.CreatedAt = time.Time{} }},
		{"BadAttachment", func(m *OutMail) { m.Attachments = []Attachment{{Name: "x", SHA256: "../x"}} }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := testOutMail("k-" + tt.name)
			tt.change(&m)
			if _, _, err := l.Enqueue(ctx, m); err == nil {
				t.Errorf("got nil error, want a refusal")
			}
		})
	}
}

func TestOutbox_StateMachine(t *testing.T) {
	ctx := context.Background()
	l := openTest(t)
	later := testOutMail("later")
	later.NotBefore = t0.Add(time.Hour)
	for _, m := range []OutMail{testOutMail("a"), testOutMail("b"), later} {
		if _, _, err := l.Enqueue(ctx, m); err != nil {
			t.Fatal(err)
		}
	}

	claimed := claimKeys(t, l, t0, 10)
	if want := []string{"a", "b"}; !reflect.DeepEqual(claimed, want) {
		t.Fatalf("ClaimDue at t0: got %v, want %v (not %q, due later)", claimed, want, "later")
	}
	if again := claimKeys(t, l, t0, 10); len(again) != 0 {
		t.Fatalf("second ClaimDue: got %v, want nothing (already sending)", again)
	}

	a, b := mustOutMail(t, l, "a"), mustOutMail(t, l, "b")
	if a.Status != OutSending || a.Attempts != 1 {
		t.Errorf("claimed a: got status %s attempts %d, want sending 1", a.Status, a.Attempts)
	}
	if err := l.MarkSent(ctx, a.ID, "<a@tonghop>", t0.Add(time.Second)); err != nil {
		t.Fatalf("MarkSent: %v", err)
	}
	if err := l.MarkSent(ctx, a.ID, "<a@tonghop>", t0); !errors.Is(err, ErrNotClaimed) {
		t.Errorf("MarkSent twice: got %v, want ErrNotClaimed", err)
	}
	if err := l.MarkRetry(ctx, b.ID, "421 try later", t0.Add(5*time.Minute)); err != nil {
		t.Fatalf("MarkRetry: %v", err)
	}
	if err := l.MarkFailed(ctx, 9999, "x", t0); !errors.Is(err, ErrNotFound) {
		t.Errorf("MarkFailed of unknown id: got %v, want ErrNotFound", err)
	}

	a, b = mustOutMail(t, l, "a"), mustOutMail(t, l, "b")
	if a.Status != OutSent || a.MessageID != "<a@tonghop>" || !a.SentAt.Equal(t0.Add(time.Second)) {
		t.Errorf("sent a: got %s %q %v, want sent <a@tonghop> %v", a.Status, a.MessageID, a.SentAt, t0.Add(time.Second))
	}
	if b.Status != OutPending || b.LastError != "421 try later" || b.Attempts != 1 {
		t.Errorf("retried b: got %s %q attempts %d, want pending, the error, 1", b.Status, b.LastError, b.Attempts)
	}

	if got := claimKeys(t, l, t0.Add(2*time.Minute), 10); len(got) != 0 {
		t.Errorf("ClaimDue before retry time: got %v, want nothing", got)
	}
	if got, want := claimKeys(t, l, t0.Add(2*time.Hour), 1), []string{"b"}; !reflect.DeepEqual(got, want) {
		t.Errorf("ClaimDue limit 1 after retry time: got %v, want %v (oldest first)", got, want)
	}
	if got, want := claimKeys(t, l, t0.Add(2*time.Hour), 10), []string{"later"}; !reflect.DeepEqual(got, want) {
		t.Errorf("ClaimDue: got %v, want %v", got, want)
	}

	if err := l.MarkFailed(ctx, b.ID, "550 no such user", t0.Add(3*time.Hour)); err != nil {
		t.Fatalf("MarkFailed: %v", err)
	}
	if b = mustOutMail(t, l, "b"); b.Status != OutFailed || b.LastError != "550 no such user" || b.Attempts != 2 {
		t.Errorf("failed b: got %s %q attempts %d, want failed with the error, 2", b.Status, b.LastError, b.Attempts)
	}

	events, err := l.Events(ctx, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	var actions []string
	for _, e := range events {
		actions = append(actions, string(e.Action)+" "+e.Object)
	}
	want := []string{"outbox.sent " + outboxObject(a.ID), "outbox.failed " + outboxObject(b.ID)}
	if !reflect.DeepEqual(actions, want) {
		t.Errorf("events: got %v, want %v", actions, want)
	}
}

func TestOutMail_NotFound(t *testing.T) {
	l := openTest(t)
	if _, err := l.OutMail(context.Background(), "nope"); !errors.Is(err, ErrNotFound) {
		t.Errorf("got %v, want ErrNotFound", err)
	}
}

func claimKeys(t *testing.T, l *Ledger, now time.Time, limit int) []string {
	t.Helper()
	got, err := l.ClaimDue(context.Background(), now, limit)
	if err != nil {
		t.Fatalf("ClaimDue: %v", err)
	}
	var keys []string
	for _, m := range got {
		if m.Status != OutSending {
			t.Errorf("claimed %s has status %s, want sending", m.Key, m.Status)
		}
		keys = append(keys, m.Key)
	}
	return keys
}

func mustOutMail(t *testing.T, l *Ledger, key string) OutMail {
	t.Helper()
	m, err := l.OutMail(context.Background(), key)
	if err != nil {
		t.Fatalf("OutMail %s: %v", key, err)
	}
	return m
}

func mustPut(t *testing.T, l *Ledger, content string) string {
	t.Helper()
	sha, err := l.PutBlob([]byte(content))
	if err != nil {
		t.Fatalf("PutBlob: %v", err)
	}
	return sha
}

func TestRequeueSending(t *testing.T) {
	ctx := context.Background()
	l := openTest(t)
	for _, key := range []string{"a", "b", "c"} {
		if _, _, err := l.Enqueue(ctx, testOutMail(key)); err != nil {
			t.Fatal(err)
		}
	}
	claimKeys(t, l, t0, 2)
	// A crash now leaves a and b in "sending".
	n, err := l.RequeueSending(ctx)
	if err != nil || n != 2 {
		t.Fatalf("RequeueSending = %d, %v; want 2, nil", n, err)
	}
	if n, err := l.RequeueSending(ctx); err != nil || n != 0 {
		t.Errorf("RequeueSending again = %d, %v; want 0, nil", n, err)
	}
	a := mustOutMail(t, l, "a")
	if a.Status != OutPending || a.Attempts != 1 {
		t.Errorf("requeued a: got %s attempts %d, want pending 1", a.Status, a.Attempts)
	}
	if got, want := claimKeys(t, l, t0, 10), []string{"a", "b", "c"}; !reflect.DeepEqual(got, want) {
		t.Errorf("ClaimDue after requeue: got %v, want %v", got, want)
	}
	if a = mustOutMail(t, l, "a"); a.Attempts != 2 {
		t.Errorf("a attempts: got %d, want 2", a.Attempts)
	}
}
