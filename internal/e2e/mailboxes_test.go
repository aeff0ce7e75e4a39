package e2e

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tonghop/tonghop/intake"
	"github.com/tonghop/tonghop/ledger"
)

// mailboxes: once every mail tonghop sent is in its recipients' INBOX, every mailbox holds what
// the steps saw arrive and nothing more, no mail twice; the shared mailbox has filed every mail
// sent to it in the folder its outcome calls for, and its INBOX is empty; no mail of the outbox
// failed.
func (c *cycle) mailboxes(t testing.TB) {
	c.settle(t)
	store := c.o.store
	for _, acct := range store.Accounts() {
		if acct.User == sharedAddr {
			continue
		}
		raws := store.MessagesOf(t, acct.User, "INBOX")
		assertNoTwice(t, acct.User+" INBOX", raws)
		var got []string
		for _, raw := range raws {
			h := header(t, raw)
			m, err := c.outMail(h.MessageID)
			if err != nil {
				t.Errorf("INBOX of %s: %q is no mail tonghop sent: %v", acct.User, h.Subject, err)
				continue
			}
			if !strings.Contains(h.Subject, m.Subject) || !slices.Contains(append(m.To, m.Cc...), acct.User) {
				t.Errorf("INBOX of %s: got %q, sent as %q to %v cc %v", acct.User, h.Subject, m.Subject, m.To, m.Cc)
			}
			got = append(got, string(m.Kind))
		}
		var want []string
		for _, k := range c.expect[acct.User] {
			want = append(want, string(k))
		}
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("INBOX of %s: got %v, want %v", acct.User, got, want)
		}
	}
	folders := map[string][]string{}
	for _, id := range slices.Sorted(maps.Keys(c.shared)) {
		folders[c.shared[id]] = append(folders[c.shared[id]], id)
	}
	folders["INBOX"] = nil
	for _, folder := range slices.Sorted(maps.Keys(folders)) {
		raws := store.Messages(t, folder)
		assertNoTwice(t, sharedAddr+" "+folder, raws)
		var got []string
		for _, raw := range raws {
			got = append(got, header(t, raw).MessageID)
		}
		slices.Sort(got)
		if want := folders[folder]; !slices.Equal(got, want) {
			t.Errorf("%s of the shared mailbox: got %v, want %v", folder, got, want)
		}
	}
	for _, status := range []string{ledger.OutFailed, ledger.OutSending} {
		if left, err := c.o.ledger.Outbox(t.Context(), status); err != nil || len(left) > 0 {
			t.Errorf("outbox mails %s: got %d (%v), want none", status, len(left), err)
		}
	}
}

// settle waits until the outbox has sent every mail due and each mail it sent is in the INBOX
// of every recipient: a mail no step awaited is then in the mailboxes compared below, and one
// sent but never delivered fails.
func (c *cycle) settle(t testing.TB) {
	t.Helper()
	ctx := t.Context()
	deadline := time.Now().Add(waitLimit)
	for {
		due, err := c.o.ledger.Outbox(ctx, ledger.OutPending)
		if err != nil {
			t.Fatal(err)
		}
		due = slices.DeleteFunc(due, func(m ledger.OutMail) bool { return m.NotBefore.After(c.o.clock.Now()) })
		sending, err := c.o.ledger.Outbox(ctx, ledger.OutSending)
		if err != nil {
			t.Fatal(err)
		}
		if len(due)+len(sending) == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the outbox still has %d mails due and %d sending after %v", len(due), len(sending), waitLimit)
		}
		time.Sleep(pollEvery)
	}
	sent, err := c.o.ledger.Outbox(ctx, ledger.OutSent)
	if err != nil {
		t.Fatal(err)
	}
	awaited := map[string]map[string]ledger.OutMail{} // by recipient, by Message-ID
	for _, m := range sent {
		for _, to := range append(slices.Clone(m.To), m.Cc...) {
			if awaited[to] == nil {
				awaited[to] = map[string]ledger.OutMail{}
			}
			awaited[to][strings.Trim(m.MessageID, "<>")] = m
		}
	}
	for _, addr := range slices.Sorted(maps.Keys(awaited)) {
		c.awaitDelivery(t, addr, awaited[addr])
	}
}

// awaitDelivery waits for the sent mails in the INBOX of addr, by Message-ID.
func (c *cycle) awaitDelivery(t testing.TB, addr string, mails map[string]ledger.OutMail) {
	t.Helper()
	deadline := time.Now().Add(waitLimit)
	for {
		for _, raw := range c.o.store.MessagesOf(t, addr, "INBOX") {
			delete(mails, header(t, raw).MessageID)
		}
		if len(mails) == 0 {
			return
		}
		if time.Now().After(deadline) {
			for _, m := range mails {
				t.Errorf("%s %q, sent to %s, not in its INBOX after %v", m.Kind, m.Subject, addr, waitLimit)
			}
			t.FailNow()
		}
		time.Sleep(10 * pollEvery)
	}
}

// assertNoTwice fails when two messages of a folder have the same Message-ID: a mail delivered
// twice.
func assertNoTwice(t testing.TB, where string, raws [][]byte) {
	t.Helper()
	seen := map[string]bool{}
	for _, raw := range raws {
		id := header(t, raw).MessageID
		if id == "" || seen[id] {
			t.Errorf("%s: Message-ID %q twice or missing", where, id)
		}
		seen[id] = true
	}
}

func header(t testing.TB, raw []byte) *intake.Message {
	t.Helper()
	h, err := intake.ParseHeader(raw)
	if err != nil {
		t.Fatal(fmt.Errorf("read a delivered mail: %w", err))
	}
	return h
}
