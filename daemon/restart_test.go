package daemon

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// A crash after the ledger committed a message but before it was moved out of the inbox leaves
// it in the inbox, recorded. The next daemon (a new Daemon on the same ledger) must move it
// without a second submission or a second reply — also when the server hands it back with
// other bytes (a header line added on re-delivery), recognised by sender and Message-ID.
func TestDaemon_RestartBetweenCommitAndMove(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name     string
		redelive func([]byte) []byte
	}{
		{"same bytes", func(b []byte) []byte { return b }},
		{"re-delivered with another header line", func(b []byte) []byte {
			return append([]byte("Received: from relay.kcn.example by mx.kcn.example; Mon, 16 Nov 2026 09:01:00 +0700\r\n"), b...)
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t)
			ctx := context.Background()
			raw := mail("qldn@kcn.example", "crash@kcn", "", "BM.02.01-KH_2026-11_QLDN.xlsx", e.workbook(t, "QLDN", false))
			// The first daemon recorded the message (same decision, same transaction as a poll) and
			// died before its MOVE: the message is still in the inbox.
			if _, err := e.d.Ingest(ctx, raw); err != nil {
				t.Fatal(err)
			}
			e.append(t, tt.redelive(raw))

			restarted, err := New(Options{Config: e.cfg, Ledger: e.ledger, Clock: e.clock, TemplateKey: []byte(testKey)})
			if err != nil {
				t.Fatal(err)
			}
			defer restarted.Close()
			if err := restarted.Step(ctx); err != nil {
				t.Fatal(err)
			}
			if n := e.count(t, "INBOX"); n != 0 {
				t.Errorf("INBOX: got %d messages, want 0 (moved after restart)", n)
			}
			if n := e.count(t, "Processed"); n != 1 {
				t.Errorf("Processed: got %d, want 1", n)
			}
			subs, err := e.ledger.Submissions(ctx, "BM.02.01/KH", "2026-11")
			if err != nil || len(subs) != 1 {
				t.Errorf("submissions: got %d (%v), want 1", len(subs), err)
			}
			mails, _ := e.ledger.Mails(ctx)
			if len(mails) != 1 {
				t.Errorf("mails recorded: got %d, want 1", len(mails))
			}
			replies := 0
			for _, d := range e.srv.Deliveries() {
				if bytes.Contains(d.Data, []byte("crash@kcn")) && strings.Contains(strings.Join(d.To, ","), "qldn@") {
					replies++
				}
			}
			if replies != 1 {
				t.Errorf("replies to the unit: got %d, want 1", replies)
			}
		})
	}
}

// On go-imap's server the UIDVALIDITY cannot be changed from outside, so the change is made on
// the daemon's side: the cursor remembers another value, as after the server renumbered the
// inbox. The daemon reads the inbox from the start; what it recorded before is only moved.
func TestDaemon_UIDValidityChanged(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := context.Background()
	recorded := mail("qldn@kcn.example", "uv1@kcn", "", "a.xlsx", e.workbook(t, "QLDN", false))
	if _, err := e.d.Ingest(ctx, recorded); err != nil {
		t.Fatal(err)
	}
	e.append(t, recorded)
	e.append(t, mail("qldt@kcn.example", "uv2@kcn", "", "b.xlsx", e.workbook(t, "QLDT", false)))
	// A cursor past both UIDs under another UIDVALIDITY: trusted, it would skip them.
	if err := e.ledger.SetCursor(ctx, e.cfg.Mailbox.Inbox, 7, 1000); err != nil {
		t.Fatal(err)
	}
	if err := e.d.Step(ctx); err != nil {
		t.Fatal(err)
	}
	if n := e.count(t, "INBOX"); n != 0 {
		t.Errorf("INBOX: got %d, want 0", n)
	}
	subs, err := e.ledger.Submissions(ctx, "BM.02.01/KH", "2026-11")
	if err != nil || len(subs) != 2 {
		t.Errorf("submissions: got %d (%v), want 2", len(subs), err)
	}
}
