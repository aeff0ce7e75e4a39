package intake

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"
)

func TestMailbox_WaitForMail_Idle(t *testing.T) {
	srv := startServer(t, serverOptions{caps: imap.CapSet{imap.CapIMAP4rev1: {}, imap.CapMove: {}}})
	mb := dial(t, srv.config())
	if !mb.CanIdle() {
		t.Fatal("CanIdle: got false for a server offering IDLE, want true")
	}
	ctx := context.Background()

	got, err := mb.WaitForMail(ctx, 50*time.Millisecond)
	if got || err != nil {
		t.Fatalf("WaitForMail on a quiet inbox: got (%v, %v), want (false, nil)", got, err)
	}

	type result struct {
		announced bool
		err       error
	}
	done := make(chan result, 1)
	go func() {
		a, err := mb.WaitForMail(ctx, time.Minute)
		done <- result{a, err}
	}()
	// The wait is blocked in IDLE; a message appended meanwhile ends it well before a minute.
	waitIdling(t, srv)
	uid := srv.appendMessage(t, "INBOX", sampleMail(1, 0))
	r := <-done
	if !r.announced || r.err != nil {
		t.Fatalf("WaitForMail after an append: got (%v, %v), want (true, nil)", r.announced, r.err)
	}
	msgs, err := mb.Fetch(ctx, 0, 10)
	if err != nil || len(msgs) != 1 || msgs[0].UID != uid {
		t.Fatalf("Fetch after IDLE: got %d messages, err %v; want the appended one", len(msgs), err)
	}
}

func TestMailbox_WaitForMail_Cancelled(t *testing.T) {
	srv := startServer(t, serverOptions{caps: imap.CapSet{imap.CapIMAP4rev1: {}}})
	mb := dial(t, srv.config())
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		_, err := mb.WaitForMail(ctx, time.Minute)
		done <- err
	}()
	waitIdling(t, srv)
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Fatalf("WaitForMail after cancel: got %v, want context.Canceled", err)
	}
	// IDLE was ended cleanly: the connection still works.
	if _, err := mb.Fetch(context.Background(), 0, 10); err != nil {
		t.Fatalf("Fetch after a cancelled wait: %v", err)
	}
}

func TestMailbox_WaitForMail_ConnectionDropped(t *testing.T) {
	srv := startServer(t, serverOptions{caps: imap.CapSet{imap.CapIMAP4rev1: {}}})
	mb := dial(t, srv.config())
	done := make(chan error, 1)
	go func() {
		_, err := mb.WaitForMail(context.Background(), time.Minute)
		done <- err
	}()
	waitIdling(t, srv)
	_ = mb.client.Close() // the network drops the connection under the IDLE
	if err := <-done; err == nil {
		t.Fatal("WaitForMail on a dropped connection: got nil error, want one")
	}
}

// waitIdling gives the waiting goroutine time to enter IDLE. The in-memory server offers no
// way to observe an idling session, and an append before IDLE starts is announced all the same
// (by the EXISTS of the next command), so a short pause only makes the test exercise IDLE itself.
func waitIdling(t *testing.T, _ *testServer) {
	t.Helper()
	time.Sleep(100 * time.Millisecond)
}
