package ledger

import (
	"context"
	"errors"
	"testing"
	"time"
)

func TestCancelPending_OnlyMatchingPendingMails(t *testing.T) {
	ctx := context.Background()
	l := openTest(t)
	at := time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC)
	for _, key := range []string{
		"reminder:BM.02.01/KH:2026-11:QLDN:1",
		"reminder:BM.02.01/KH:2026-11:QLDN:2",
		"nag:BM.02.01/KH:2026-11:QLDN:1",
		"reminder:BM.02.01/KH:2026-11:QLDT:1",
		"reminder:BM_02%01/KH:2026-11:QLDN:1",
	} {
		if _, _, err := l.Enqueue(ctx, OutMail{Key: key, Kind: "reminder", To: []string{"a@b.example"}, CreatedAt: at}); err != nil {
			t.Fatal(err)
		}
	}
	claimed, err := l.ClaimDue(ctx, at, 1) // the first is being sent: it must stay as it is
	if err != nil || len(claimed) != 1 {
		t.Fatalf("claim: %v, %d mails", err, len(claimed))
	}
	n, err := l.CancelPending(ctx, "reminder:BM.02.01/KH:2026-11:QLDN:", "reminder:BM.02.01/KH:2026-11:QLDN:9", "submitted", at)
	if err != nil {
		t.Fatal(err)
	}
	if n != 1 {
		t.Fatalf("cancelled %d mails, want 1 (the second reminder of QLDN)", n)
	}
	want := map[string]string{
		"reminder:BM.02.01/KH:2026-11:QLDN:1": OutSending,
		"reminder:BM.02.01/KH:2026-11:QLDN:2": OutCancelled,
		"nag:BM.02.01/KH:2026-11:QLDN:1":      OutPending,
		"reminder:BM.02.01/KH:2026-11:QLDT:1": OutPending,
		"reminder:BM_02%01/KH:2026-11:QLDN:1": OutPending,
	}
	for key, status := range want {
		m, err := l.OutMail(ctx, key)
		if err != nil {
			t.Fatal(err)
		}
		if m.Status != status {
			t.Errorf("%s: status %s, want %s", key, m.Status, status)
		}
	}
	if err := l.Cancel(ctx, claimed[0].ID, "unit sent its file", at); err != nil {
		t.Fatal(err)
	}
	if m, _ := l.OutMail(ctx, claimed[0].Key); m.Status != OutCancelled || m.LastError != "unit sent its file" {
		t.Errorf("claimed mail after Cancel: %s %q, want cancelled with the reason", m.Status, m.LastError)
	}
	if _, err := l.CancelPending(ctx, "", "", "x", at); err == nil {
		t.Error("an empty prefix was accepted; it would cancel every mail")
	}
}

func TestFirstEvent(t *testing.T) {
	ctx := context.Background()
	l := openTest(t)
	first := time.Date(2026, 11, 13, 9, 0, 0, 0, time.UTC)
	err := l.Record(ctx,
		Event{At: first.Add(time.Hour), Action: "report.issued", Object: "form:BM.04.01/KH/2026-W48", Detail: "again"},
		Event{At: first, Action: "report.issued", Object: "form:BM.04.01/KH/2026-W48", Detail: "first"},
		Event{At: first, Action: "report.issued", Object: "form:BM.04.01/KH/2026-W49"})
	if err != nil {
		t.Fatal(err)
	}
	e, err := l.FirstEvent(ctx, "report.issued", "form:BM.04.01/KH/2026-W48")
	if err != nil || e.Detail != "first" || !e.At.Equal(first) {
		t.Fatalf("FirstEvent = %+v, %v; want the earliest, %s", e, err, first)
	}
	if _, err := l.FirstEvent(ctx, "report.issued", "form:BM.04.01/KH/2026-W50"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("FirstEvent of a period never issued: %v, want ErrNotFound", err)
	}
}
