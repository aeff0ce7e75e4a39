package daemon

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"
	"time"

	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/internal/officetest"
	"github.com/tonghop/tonghop/internal/xlsxbomb"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/templates"
)

func shaOf(raw []byte) string {
	sum := sha256.Sum256(raw)
	return hex.EncodeToString(sum[:])
}

// mailBySHA returns the recorded mail with these bytes.
func mailBySHA(t *testing.T, e *env, raw []byte) ledger.Mail {
	t.Helper()
	m, err := e.ledger.MailBySHA(context.Background(), shaOf(raw))
	if err != nil {
		t.Fatalf("mail not recorded: %v", err)
	}
	return m
}

// TestDaemon_MailThatKilledTheDaemonQuarantined simulates a mail that killed the daemon while it
// was judged: the tries marked before it was parsed never ended. After one such death the mail
// is judged again; after two it is quarantined unread, the clerk told once, and the mail behind
// it is taken in at the same poll.
func TestDaemon_MailThatKilledTheDaemonQuarantined(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		deaths  int
		outcome ledger.Outcome
		folder  string // where the killer goes
		inThere int    // messages in that folder then
		notices int
	}{
		{"OneDeath", 1, ledger.OutcomeAccepted, "Processed", 2, 0},
		{"TwoDeaths", 2, ledger.OutcomeQuarantined, "Quarantine", 1, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := newEnv(t)
			ctx := context.Background()
			killer := mail("qldn@kcn.example", "killer@kcn", "", "BM.02.01-KH_2026-11_QLDN.xlsx", e.workbook(t, "QLDN", false))
			next := mail("qldt@kcn.example", "next@kcn", "", "BM.02.01-KH_2026-11_QLDT.xlsx", e.workbook(t, "QLDT", false))
			e.append(t, killer)
			e.append(t, next)
			for range tc.deaths {
				if _, err := e.ledger.BeginAttempt(ctx, shaOf(killer), e.clock.Now()); err != nil {
					t.Fatal(err)
				}
			}
			if err := e.d.Poll(ctx); err != nil {
				t.Fatalf("Poll: %v", err)
			}
			m := mailBySHA(t, e, killer)
			if m.Outcome != tc.outcome {
				t.Errorf("killer: got outcome %q (%s), want %q", m.Outcome, m.Note, tc.outcome)
			}
			if n := e.count(t, tc.folder); n != tc.inThere {
				t.Errorf("%s: got %d messages, want %d", tc.folder, n, tc.inThere)
			}
			if got := mailBySHA(t, e, next).Outcome; got != ledger.OutcomeAccepted {
				t.Errorf("mail behind it: got outcome %q, want accepted", got)
			}
			a, err := e.ledger.Attempts(ctx, shaOf(killer))
			if err != nil || a.DoneAt.IsZero() || a.Started != tc.deaths+1 {
				t.Errorf("tries: got %+v, %v; want %d, done", a, err, tc.deaths+1)
			}
			if err := e.d.Poll(ctx); err != nil { // nothing left: no second notice
				t.Fatal(err)
			}
			if err := e.d.Flush(ctx); err != nil {
				t.Fatal(err)
			}
			if got := e.deliveredTo(officetest.Clerk); got != tc.notices {
				t.Errorf("notices to the clerk: got %d, want %d", got, tc.notices)
			}
			if tc.outcome != ledger.OutcomeQuarantined {
				return
			}
			// Quarantined unread: nothing of the mail was parsed, nobody but the clerk is told.
			if m.MessageID != "" || m.From != "" || !strings.Contains(m.Note, "2 never ended") {
				t.Errorf("killer recorded as %+v, want it unread with the reason", m)
			}
			if got := e.deliveredTo("qldn@kcn.example"); got != 0 {
				t.Errorf("mails to the unit: got %d, want none", got)
			}
			notice, err := e.ledger.OutMail(ctx, ledger.StuckMailNoticeKey(m.SHA256))
			if err != nil || notice.Subject != "Thư không đọc được, đã tạm giữ" || len(notice.Attachments) != 0 ||
				!strings.Contains(notice.Body, "“Quarantine”") {
				t.Errorf("notice: got %+v, %v; want the stuck-mail letter pointing to Quarantine, nothing attached", notice, err)
			}
		})
	}
}

// hangingConverter converts nothing: it waits until its context ends, as a converter stuck on
// a file would.
type hangingConverter struct{}

func (hangingConverter) ToXLSX(ctx context.Context, _ []byte) ([]byte, error) {
	<-ctx.Done()
	return nil, ctx.Err()
}

var _ templates.Converter = hangingConverter{}

// TestDaemon_MailOutOfBudgetTwiceQuarantined feeds a mail whose judging outlasts the mail
// budget: the poll gives up on it and polls again; the second time out of budget, the mail is
// quarantined unread at the next poll, and the mail behind it is taken in.
func TestDaemon_MailOutOfBudgetTwiceQuarantined(t *testing.T) {
	t.Parallel()
	// The budget is spent by the hanging converter's wait, not by work: it must still leave
	// room for reading the ordinary workbook behind it under -race on a loaded machine (200 ms
	// did not, once, at load 17 on 2 cores).
	e := newEnvWith(t, func(o *Options) {
		o.Converter, o.MailBudget = hangingConverter{}, 2*time.Second
	})
	ctx := context.Background()
	slow := mail("qldn@kcn.example", "slow@kcn", "", "baocao.xls", []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 old workbook"))
	next := mail("qldt@kcn.example", "next@kcn", "", "BM.02.01-KH_2026-11_QLDT.xlsx", e.workbook(t, "QLDT", false))
	e.append(t, slow)
	e.append(t, next)
	for i := 1; i <= maxFailedTries; i++ {
		if err := e.d.Poll(ctx); err == nil || !strings.Contains(err.Error(), errMailBudget.Error()) {
			t.Fatalf("poll %d: got %v, want the mail budget spent", i, err)
		}
		a, err := e.ledger.Attempts(ctx, shaOf(slow))
		if err != nil || a.OutOfBudget != i || a.Unfinished() != 0 {
			t.Fatalf("poll %d: got tries %+v, %v; want %d out of budget", i, a, err, i)
		}
		if n := e.count(t, "INBOX"); n != 2 {
			t.Fatalf("poll %d: INBOX has %d messages, want both", i, n)
		}
	}
	if err := e.d.Poll(ctx); err != nil {
		t.Fatalf("poll %d: %v", maxFailedTries+1, err)
	}
	if m := mailBySHA(t, e, slow); m.Outcome != ledger.OutcomeQuarantined || !strings.Contains(m.Note, "2 ran out of the mail budget") {
		t.Errorf("slow mail: got %q (%s), want quarantined out of budget", m.Outcome, m.Note)
	}
	if got := mailBySHA(t, e, next).Outcome; got != ledger.OutcomeAccepted {
		t.Errorf("mail behind it: got outcome %q, want accepted", got)
	}
	if n := e.count(t, "Quarantine"); n != 1 {
		t.Errorf("Quarantine: got %d messages, want 1", n)
	}
}

// bombForms is the test office with the weekly work program, BM.04.01/KH, beside its monthly form.
const bombForms = officetest.FormsDefault + `
[[forms]]
code = "BM.04.01/KH"
`

// sharedStringBomb is QLDN's BM.04.01/KH template whose one shared string of 300,000 characters
// fills 3,000 cells of the work program: a 17 KB file, 38 KB as a mail, that took minutes and
// gigabytes to read and killed the daemon.
func sharedStringBomb(t *testing.T, e *env) []byte {
	t.Helper()
	f := form.Builtins()["BM.04.01/KH"]
	var tpl bytes.Buffer
	meta := templates.Meta{Office: e.cfg.Office.Name, UnitCode: "QLDN", UnitName: "Phòng QLDN", Period: "2026-W47",
		PeriodLabel: "Tuần 47", ReplyTo: e.cfg.SMTP.From, Secret: []byte(testKey)}
	if err := templates.Generate(&tpl, f, meta, nil); err != nil {
		t.Fatal(err)
	}
	bomb := xlsxbomb.SharedString{Sheet: f.Tables[0].Title, FirstRow: templates.HeaderRow + 1,
		Columns: len(f.Tables[0].Columns), Cells: 3000, Chars: 300_000}
	data, err := bomb.Build(tpl.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestDaemon_SharedStringBombAnswered feeds the daemon the mail that killed it: the character
// budget refuses the workbook, the unit is answered, and the daemon goes on with the next mail.
func TestDaemon_SharedStringBombAnswered(t *testing.T) {
	t.Parallel()
	e := newOfficeEnv(t, officetest.Options{Forms: bombForms}, nil)
	ctx := context.Background()
	bomb := mail("qldn@kcn.example", "bomb@kcn", "", "BM.04.01-KH_2026-W47_QLDN.xlsx", sharedStringBomb(t, e))
	next := mail("qldt@kcn.example", "next@kcn", "", "BM.02.01-KH_2026-11_QLDT.xlsx", e.workbook(t, "QLDT", false))
	e.append(t, bomb)
	e.append(t, next)
	if err := e.d.Poll(ctx); err != nil {
		t.Fatalf("Poll: %v", err)
	}
	if m := mailBySHA(t, e, bomb); m.Outcome != ledger.OutcomeRejected {
		t.Errorf("bomb: got outcome %q (%s), want rejected", m.Outcome, m.Note)
	}
	assertRejectionMentions(t, e, "bomb@kcn", "quá nhiều chữ")
	if got := mailBySHA(t, e, next).Outcome; got != ledger.OutcomeAccepted {
		t.Errorf("mail behind it: got outcome %q, want accepted", got)
	}
	if a, err := e.ledger.Attempts(ctx, shaOf(bomb)); err != nil || a.Started != 1 || a.DoneAt.IsZero() {
		t.Errorf("tries: got %+v, %v; want one, done", a, err)
	}
	if err := e.d.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	if got := e.deliveredTo("qldn@kcn.example"); got != 1 {
		t.Errorf("answers to the unit: got %d, want 1", got)
	}
}

// TestIngest_StuckMailQuarantined ingests a saved mail whose judging died twice: it is recorded
// quarantined, unread, and reported so.
func TestIngest_StuckMailQuarantined(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := context.Background()
	raw := mail("qldn@kcn.example", "saved@kcn", "", "BM.02.01-KH_2026-11_QLDN.xlsx", e.workbook(t, "QLDN", false))
	for range maxFailedTries {
		if _, err := e.ledger.BeginAttempt(ctx, shaOf(raw), e.clock.Now()); err != nil {
			t.Fatal(err)
		}
	}
	got, err := e.d.Ingest(ctx, raw)
	if err != nil {
		t.Fatal(err)
	}
	if got.Outcome != "quarantined" || got.Duplicate || !got.OfficeNotified || got.Reply != "none" || !strings.Contains(got.Note, "unread") {
		t.Errorf("got %+v, want quarantined unread, the clerks told", got)
	}
	if m := mailBySHA(t, e, raw); m.Mailbox != "ingest" {
		t.Errorf("mailbox: got %q, want ingest", m.Mailbox)
	}
}
