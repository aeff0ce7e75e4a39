package ledger

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"
)

// TestMailWithoutMessageID: mails without a Message-ID are told apart by their content only.
// Two different ones from the same sender are both recorded, and the empty ID never finds
// either of them, so the second is never taken for a copy of the first; the same bytes again
// are the duplicate.
func TestMailWithoutMessageID(t *testing.T) {
	l := openTest(t)
	ctx := context.Background()
	at := time.Date(2026, 11, 16, 9, 0, 0, 0, time.UTC)
	record := func(body string) (IntakeResult, string) {
		t.Helper()
		sha, err := l.PutBlob(fmt.Appendf(nil, "From: a@x.vn\r\nSubject: bao cao\r\n\r\n%s", body))
		if err != nil {
			t.Fatal(err)
		}
		res, err := l.RecordIntake(ctx, Intake{Mail: Mail{SHA256: sha, From: "a@x.vn", ReceivedAt: at, Outcome: OutcomeAccepted}})
		if err != nil {
			t.Fatal(err)
		}
		return res, sha
	}
	first, _ := record("thư thứ nhất")
	second, _ := record("thư thứ hai")
	again, _ := record("thư thứ nhất")
	if first.Duplicate || second.Duplicate || first.MailID == second.MailID {
		t.Errorf("two different mails: got ids %d and %d, duplicate %v and %v; want two new rows",
			first.MailID, second.MailID, first.Duplicate, second.Duplicate)
	}
	if !again.Duplicate || again.MailID != first.MailID {
		t.Errorf("the same bytes again: got id %d duplicate %v, want id %d duplicate", again.MailID, again.Duplicate, first.MailID)
	}
	mails, err := l.Mails(ctx)
	if err != nil || len(mails) != 2 {
		t.Fatalf("mails: got %d, %v; want 2", len(mails), err)
	}
	for _, from := range []string{"a@x.vn", "A@X.VN", ""} {
		if m, err := l.MailByMessageID(ctx, "", from); !errors.Is(err, ErrNotFound) {
			t.Errorf("MailByMessageID(\"\", %q): got mail %d, %v; want ErrNotFound", from, m.ID, err)
		}
	}
}
