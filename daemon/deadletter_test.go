package daemon

import (
	"context"
	"database/sql"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tonghop/tonghop/internal/officetest"
	"github.com/tonghop/tonghop/ledger"
)

// TestDaemon_MailFailingSameWaySetAside feeds a mail that the ledger refuses to record, the
// same way every time (a trigger, as a constraint the code does not expect would): it is tried
// again at the next polls, then, the third time, set aside in the Failed folder, the clerks are
// told, and the mail behind it is taken in.
func TestDaemon_MailFailingSameWaySetAside(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := context.Background()
	refuseBad(t, e)
	bad := mail("qldn@kcn.example", "bad@kcn", "", "BM.02.01-KH_2026-11_QLDN.xlsx", e.workbook(t, "QLDN", false))
	next := mail("qldt@kcn.example", "next@kcn", "", "BM.02.01-KH_2026-11_QLDT.xlsx", e.workbook(t, "QLDT", false))
	e.append(t, bad)
	e.append(t, next)
	for i := 1; i < e.cfg.Mailbox.FailedAfter; i++ {
		if err := e.d.Poll(ctx); err == nil || !strings.Contains(err.Error(), "refused by the test") {
			t.Fatalf("poll %d: got %v, want the ledger's refusal", i, err)
		}
		if n := e.count(t, "INBOX"); n != 2 {
			t.Fatalf("poll %d: INBOX has %d messages, want both", i, n)
		}
	}
	if err := e.d.Poll(ctx); err != nil {
		t.Fatalf("poll %d: %v", e.cfg.Mailbox.FailedAfter, err)
	}
	if m := mailBySHA(t, e, bad); m.Outcome != ledger.OutcomeError || !strings.Contains(m.Note, "3 times in a row") ||
		!strings.Contains(m.Note, "refused by the test") {
		t.Errorf("bad mail: got %q (%s), want error, failed 3 times with the refusal", m.Outcome, m.Note)
	}
	if got := mailBySHA(t, e, next).Outcome; got != ledger.OutcomeAccepted {
		t.Errorf("mail behind it: got outcome %q, want accepted", got)
	}
	for folder, want := range map[string]int{"INBOX": 0, "Failed": 1, "Processed": 1} {
		if n := e.count(t, folder); n != want {
			t.Errorf("%s: got %d messages, want %d", folder, n, want)
		}
	}
	notice, err := e.ledger.OutMail(ctx, ledger.FailedMailNoticeKey(shaOf(bad)))
	if err != nil {
		t.Fatalf("notice to the clerks: %v", err)
	}
	if len(notice.To) != 1 || notice.To[0] != officetest.Clerk || !strings.Contains(notice.Body, "“Failed”") {
		t.Errorf("notice: got to %v\n%s", notice.To, notice.Body)
	}
}

// TestDaemon_MailFailingOtherWaysRetried: errors that differ are not "the same way": after two
// tries that failed otherwise, a third failure leaves the mail in the inbox to be tried again.
func TestDaemon_MailFailingOtherWaysRetried(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := context.Background()
	refuseBad(t, e)
	bad := mail("qldn@kcn.example", "bad@kcn", "", "BM.02.01-KH_2026-11_QLDN.xlsx", e.workbook(t, "QLDN", false))
	e.append(t, bad)
	sha := shaOf(bad)
	for _, msg := range []string{"a server away", "a server away"} {
		if _, err := e.ledger.BeginAttempt(ctx, sha, e.clock.Now()); err != nil {
			t.Fatal(err)
		}
		if _, err := e.ledger.FailAttempt(ctx, sha, msg, e.clock.Now()); err != nil {
			t.Fatal(err)
		}
	}
	if err := e.d.Poll(ctx); err == nil || !strings.Contains(err.Error(), "refused by the test") {
		t.Fatalf("poll: got %v, want the ledger's refusal", err)
	}
	if n := e.count(t, "INBOX"); n != 1 {
		t.Errorf("INBOX: got %d messages, want the mail still there", n)
	}
	if a, err := e.ledger.Attempts(ctx, sha); err != nil || a.SameErrors != 1 {
		t.Errorf("attempts: got %+v (%v), want the new error counted once", a, err)
	}
}

// refuseBad makes the ledger refuse to record the mail with Message-ID bad@kcn, as a constraint
// the code does not expect would.
func refuseBad(t *testing.T, e *env) {
	t.Helper()
	db, err := sql.Open("sqlite", filepath.Join(e.cfg.DataDir, "ledger.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`CREATE TRIGGER refuse_bad BEFORE INSERT ON mails WHEN NEW.message_id LIKE '%bad@kcn%'
		BEGIN SELECT RAISE(ABORT, 'refused by the test'); END`); err != nil {
		t.Fatal(err)
	}
}
