package daemon

import (
	"context"
	"testing"

	"github.com/tonghop/tonghop/internal/officetest"
)

// TestIntake_UnverifiedSubmission: with [mail_auth], a unit's mail without its MX's passing
// Authentication-Results, and a mail from a look-alike of the unit's address (a Kelvin sign for
// the "k"), land in the quarantine folder, answer nobody, count in no draft; the clerks are told.
// The unit's authenticated mail then counts as always.
func TestIntake_UnverifiedSubmission(t *testing.T) {
	t.Parallel()
	e := newApprovalEnv(t)
	qldn := officetest.UnitAddr("QLDN")
	// Not through the office's MX: only an outside server's word for it.
	outside := "Authentication-Results: mx.attacker.example; dkim=pass header.d=kcn.example\r\n"
	e.append(t, mail(qldn, "forged@attacker.example", outside, "bc.xlsx", e.workbook(t, "QLDN", false)))
	e.append(t, mail("qldn@\u212Acn.example", "kelvin@attacker.example", authPass, "bc.xlsx", e.workbook(t, "QLDN", false)))
	e.step(t)
	if q, in := e.count(t, "Quarantine"), e.count(t, "INBOX"); q != 2 || in != 0 {
		t.Errorf("folders: got %d in Quarantine, %d in INBOX; want 2 and 0", q, in)
	}
	for _, id := range []string{"forged@attacker.example", "kelvin@attacker.example"} {
		if n := e.deliveredMentioning(id); n != 0 {
			t.Errorf("mail answering %s: got %d, want none", id, n)
		}
	}
	if n := len(e.received(t, officetest.Clerk, "Thư chưa xác thực được người gửi")); n != 1 {
		t.Errorf("notices of the unverified mail to the clerk: got %d, want 1", n)
	}
	ctx := context.Background()
	if got, err := e.ledger.LatestValid(ctx, "BM.02.01/KH", "2026-11"); err != nil || len(got) != 0 {
		t.Fatalf("latest valid after the forged mails: got %d units, %v; want none", len(got), err)
	}
	e.submitAll(t)
	got, err := e.ledger.LatestValid(ctx, "BM.02.01/KH", "2026-11")
	if err != nil || len(got) != len(officetest.Units) || got["QLDN"].Version != 2 {
		t.Errorf("latest valid after the units' genuine mail: got %d units (QLDN's version %d), %v; want %d, 2",
			len(got), got["QLDN"].Version, err, len(officetest.Units))
	}
	e.request(t, officetest.Supervisor, 1) // the first draft went up the chain
}
