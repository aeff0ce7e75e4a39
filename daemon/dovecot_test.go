package daemon

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/internal/dovecottest"
	"github.com/tonghop/tonghop/internal/officetest"
	"github.com/tonghop/tonghop/ledger"
)

// dovecotEnv is the test office with its shared mailbox on a private Dovecot (the relay stays the
// embedded SMTP server).
func dovecotEnv(t *testing.T, opts dovecottest.Options, set func(*Options)) (*env, *dovecottest.Server) {
	t.Helper()
	dc := dovecottest.Start(t, opts)
	e := newEnvWith(t, func(o *Options) {
		m := &o.Config.Mailbox
		m.Host, m.Port, m.TLS, m.User, m.Password = dc.Host(), dc.Port(), config.TLSNone, dc.User(), dc.Password()
		if set != nil {
			set(o)
		}
	})
	return e, dc
}

// The whole intake against a real Dovecot, with MOVE and without: a message committed to the
// ledger before a crash kept it in the inbox, then a UIDVALIDITY change renumbering the inbox
// with another recorded-but-unmoved message in it. Every message ends filed once, with one
// submission and one reply.
func TestDovecot_Intake(t *testing.T) {
	for _, noMove := range []bool{false, true} {
		t.Run(fmt.Sprintf("NoMove=%v", noMove), func(t *testing.T) {
			t.Parallel()
			e, dc := dovecotEnv(t, dovecottest.Options{NoMove: noMove}, nil)
			ctx := context.Background()
			wb := map[string][]byte{}
			for _, u := range []string{"QLDN", "QLDT", "QHXD", "QLMT"} {
				wb[u] = e.workbook(t, u, false)
			}
			crashed := mail("qldn@kcn.example", "d1@kcn", "", "a.xlsx", wb["QLDN"])
			if _, err := e.d.Ingest(ctx, crashed); err != nil { // committed, never moved
				t.Fatal(err)
			}
			dc.Append(t, "INBOX", crashed)
			dc.Append(t, "INBOX", mail("qldt@kcn.example", "d2@kcn", "", "b.xlsx", wb["QLDT"]))
			dc.Append(t, "INBOX", mail("qldt@kcn.example", "d3@kcn", "Auto-Submitted: auto-replied\r\n", "", nil))
			if err := e.d.Step(ctx); err != nil {
				t.Fatal(err)
			}

			// The server renumbers the inbox while two messages wait, one of them already recorded.
			renumbered := mail("qhxd@kcn.example", "d4@kcn", "", "c.xlsx", wb["QHXD"])
			if _, err := e.d.Ingest(ctx, renumbered); err != nil {
				t.Fatal(err)
			}
			dc.Append(t, "INBOX", renumbered)
			dc.Append(t, "INBOX", mail("qlmt@kcn.example", "d5@kcn", "", "d.xlsx", wb["QLMT"]))
			before := dc.UIDValidity(t, "INBOX")
			if after := dc.ChangeUIDValidity(t, "INBOX"); after == before {
				t.Fatalf("UIDVALIDITY unchanged (%d)", after)
			}
			// The daemon's connection was dropped by the change; the first step notices, the next
			// one dials again.
			_ = e.d.Step(ctx)
			if err := e.d.Step(ctx); err != nil {
				t.Fatal(err)
			}
			assertFiled(t, e, dc, map[string]int{"INBOX": 0, "Processed": 5})
		})
	}
}

func assertFiled(t *testing.T, e *env, dc *dovecottest.Server, want map[string]int) {
	t.Helper()
	for folder, n := range want {
		if got := dc.Count(t, folder); got != n {
			t.Errorf("%s: got %d messages, want %d", folder, got, n)
		}
	}
	ctx := context.Background()
	subs, err := e.ledger.Submissions(ctx, "BM.02.01/KH", "2026-11")
	if err != nil || len(subs) != 4 {
		t.Errorf("submissions: got %d (%v), want 4", len(subs), err)
	}
	receipts, err := e.ledger.Outbox(ctx, ledger.OutSent)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, m := range receipts {
		if m.Kind == ledger.KindReceipt {
			n++
		}
	}
	if n != 4 {
		t.Errorf("receipts sent: got %d, want 4 (one per unit, none twice)", n)
	}
}

// With a poll interval of an hour, only IDLE can make the daemon see a new message within
// seconds: Run must wait on the mailbox, not on its timer.
func TestDovecot_RunWakesOnIdle(t *testing.T) {
	t.Parallel()
	e, dc := dovecotEnv(t, dovecottest.Options{}, func(o *Options) {
		o.Config.Mailbox.PollInterval = config.Duration(time.Hour)
	})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- e.d.Run(ctx) }()
	defer func() {
		cancel()
		<-done
	}()
	// The first poll finds the inbox empty and starts idling; the message arrives after.
	officetest.WaitFor(t, 20*time.Second, "the daemon to create its folders", func() bool {
		for _, f := range dc.Folders(t) {
			if f == "Processed" {
				return true
			}
		}
		return false
	})
	time.Sleep(300 * time.Millisecond)
	dc.Append(t, "INBOX", mail("qldn@kcn.example", "idle@kcn", "", "a.xlsx", e.workbook(t, "QLDN", false)))
	officetest.WaitFor(t, 20*time.Second, "the message to be filed", func() bool { return dc.Count(t, "Processed") == 1 })
}
