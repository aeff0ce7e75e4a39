package receive

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tonghop/tonghop/internal/officetest"
	"github.com/tonghop/tonghop/ledger"
)

// unitMessage is a unit's mail without a workbook that does not speak of a report: it is shown
// to the clerks, not answered.
func unitMessage(from, id string) []byte {
	return []byte("From: " + from + "\r\nTo: " + officetest.OfficeAddr + "\r\nMessage-ID: <" + id + ">\r\n" +
		"Subject: Xin gia hạn\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nEm xin gia hạn đến thứ Sáu ạ.\r\n")
}

// judged is a mail judged by the test office on l.
func judged(t *testing.T, l Ledger, raw []byte) ledger.Intake {
	t.Helper()
	o, _ := testOffice(t)
	in, _ := judgeMail(t, o, l, raw)
	return in
}

// actions lists the actions of the events, comma-separated.
func actions(events []ledger.Event) string {
	var out []string
	for _, e := range events {
		out = append(out, string(e.Action))
	}
	return strings.Join(out, ",")
}

// TestJudge_ReplyLimit: past replies_per_hour, answers are held back, except those about files
// the unit had not sent before: a busy unit always gets its receipts.
func TestJudge_ReplyLimit(t *testing.T) {
	o, cfg := testOffice(t)
	wb := func(mistakes bool) []byte { return officetest.Workbook(t, cfg, "QLDN", []byte(testKey), mistakes) }
	qldn, full := officetest.UnitAddr("QLDN"), o.Mailbox.RepliesPerHour
	tests := []struct {
		name    string
		raw     []byte
		ledger  *fakeLedger
		outbox  string
		limited bool
	}{
		{name: "NewValidFileAnswered", raw: officetest.Mail(qldn, officetest.OfficeAddr, "n@kcn", "", "a.xlsx", wb(false)),
			ledger: &fakeLedger{sent: full}, outbox: "receipt"},
		{name: "NewInvalidFileAnswered", raw: officetest.Mail(qldn, officetest.OfficeAddr, "i@kcn", "", "a.xlsx", wb(true)),
			ledger: &fakeLedger{sent: full}, outbox: "rejection"},
		{name: "RepeatedFileHeld", raw: officetest.Mail(qldn, officetest.OfficeAddr, "r@kcn", "", "a.xlsx", wb(false)),
			ledger: &fakeLedger{sent: full, repeat: true}, limited: true},
		{name: "RepeatedFileUnderLimit", raw: officetest.Mail(qldn, officetest.OfficeAddr, "u@kcn", "", "a.xlsx", wb(false)),
			ledger: &fakeLedger{sent: full - 1, repeat: true}, outbox: "receipt"},
		{name: "NoWorkbookHeld", raw: officetest.Mail(qldn, officetest.OfficeAddr, "w@kcn", "", "", nil),
			ledger: &fakeLedger{sent: full}, limited: true},
		{name: "NewFileAnsweredUnknownWorkbookHeld", raw: officetest.MailFiles(qldn, officetest.OfficeAddr, "m@kcn",
			officetest.File{Name: "a.xlsx", Data: wb(false)}, officetest.File{Name: "khac.xlsx", Data: []byte("PK\x03\x04 not a workbook")}),
			ledger: &fakeLedger{sent: full}, outbox: "receipt", limited: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := judged(t, tc.ledger, tc.raw)
			if got := kinds(in.Outbox); got != tc.outbox {
				t.Errorf("outbox: got %q, want %q", got, tc.outbox)
			}
			queued := 0
			for _, e := range in.Events {
				if _, ok := e.Action.QueuedKind(); ok {
					queued++
				}
			}
			if queued != len(in.Outbox) {
				t.Errorf("events: got %d queued for %d mails (%s)", queued, len(in.Outbox), actions(in.Events))
			}
			limited := slices.ContainsFunc(in.Events, func(e ledger.Event) bool { return e.Action == ledger.ActionMailRateLimited })
			if limited != tc.limited || strings.Contains(in.Mail.Note, "not answered") != tc.limited {
				t.Errorf("rate-limited event %v, note %q; want limited %v", limited, in.Mail.Note, tc.limited)
			}
		})
	}
}

// TestJudge_NoticeLimit: notices to the clerks are held back past the hourly limits, per sender
// and in all, with an audit event of their kind by the sender; a stranger's mail is never
// attached, a unit's is.
func TestJudge_NoticeLimit(t *testing.T) {
	o, cfg := testOffice(t)
	stranger, qldn := officetest.StrangerAddr, officetest.UnitAddr("QLDN")
	strangerMail := officetest.Mail(stranger, officetest.OfficeAddr, "s@x", "", "a.xlsx", []byte("PK"))
	closed := map[string]ledger.Period{"BM.02.01/KH 2026-11": {Status: ledger.PeriodClosed}}
	late := officetest.Mail(qldn, officetest.OfficeAddr, "late@kcn", "", "a.xlsx", officetest.Workbook(t, cfg, "QLDN", []byte(testKey), false))
	tests := []struct {
		name     string
		raw      []byte
		ledger   *fakeLedger
		outbox   string
		attached bool
		held     ledger.Action // "": none
	}{
		{name: "Stranger", raw: strangerMail, ledger: &fakeLedger{}, outbox: "notice"},
		{name: "StrangerPastTotal", raw: strangerMail, ledger: &fakeLedger{notices: map[string]int{"": o.Mailbox.NoticesPerHour}},
			held: ledger.ActionNoticeHeldUnknownSender},
		{name: "StrangerUnderTotal", raw: strangerMail, ledger: &fakeLedger{notices: map[string]int{"": o.Mailbox.NoticesPerHour - 1}},
			outbox: "notice"},
		{name: "UnitMessage", raw: unitMessage(qldn, "m@kcn"), ledger: &fakeLedger{}, outbox: "notice", attached: true},
		{name: "UnitMessagePastPerSender", raw: unitMessage(qldn, "m@kcn"),
			ledger: &fakeLedger{notices: map[string]int{qldn: o.Mailbox.NoticesPerSenderPerHour, "": o.Mailbox.NoticesPerSenderPerHour}},
			held:   ledger.ActionNoticeHeldUnitMessage},
		{name: "UnitMessageOtherSenderBusy", raw: unitMessage(qldn, "m@kcn"),
			ledger: &fakeLedger{notices: map[string]int{stranger: o.Mailbox.NoticesPerSenderPerHour, "": o.Mailbox.NoticesPerSenderPerHour}},
			outbox: "notice", attached: true},
		// A new file after the issue waits for the clerks' decision: its notice is never held back.
		{name: "AfterClosePastTotal", raw: late, ledger: &fakeLedger{periods: closed, notices: map[string]int{"": o.Mailbox.NoticesPerHour}},
			outbox: "late_file,receipt"},
		{name: "AfterCloseRepeatPastTotal", raw: late, ledger: &fakeLedger{periods: closed, repeat: true,
			notices: map[string]int{"": o.Mailbox.NoticesPerHour}}, outbox: "receipt", held: ledger.ActionNoticeHeldAfterClose},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := judged(t, tc.ledger, tc.raw)
			if got := kinds(in.Outbox); got != tc.outbox {
				t.Fatalf("outbox: got %q, want %q", got, tc.outbox)
			}
			from := in.Mail.From
			for _, m := range in.Outbox {
				if m.Kind != ledger.KindNotice {
					continue
				}
				if got := len(m.Attachments) > 0; got != tc.attached {
					t.Errorf("notice attachments: got %v, want attached %v", m.Attachments, tc.attached)
				}
				if tc.name == "Stranger" && !strings.Contains(m.Body, "thư mục “"+o.Mailbox.Quarantine+"”") {
					t.Errorf("stranger's notice: want it to name the quarantine folder; got\n%s", m.Body)
				}
			}
			ev := slices.IndexFunc(in.Events, func(e ledger.Event) bool {
				return e.Action == ledger.Queued(ledger.KindNotice) || e.Action == ledger.Queued(ledger.KindLateFile)
			})
			if (ev >= 0) != strings.ContainsAny(tc.outbox, "n_") || ev >= 0 && in.Events[ev].Actor != from {
				t.Errorf("queued notice event: got %s, want one by %s when a notice is queued", actions(in.Events), from)
			}
			heldAt := slices.IndexFunc(in.Events, func(e ledger.Event) bool { return strings.HasPrefix(string(e.Action), "notice.held") })
			switch {
			case tc.held == "" && heldAt >= 0:
				t.Errorf("got held event %s, want none", in.Events[heldAt].Action)
			case tc.held != "" && (heldAt < 0 || in.Events[heldAt].Action != tc.held || in.Events[heldAt].Actor != from):
				t.Errorf("events %s: want %s by %s", actions(in.Events), tc.held, from)
			case tc.held != "" && !strings.Contains(in.Mail.Note, "held back"):
				t.Errorf("note: got %q, want the hold explained", in.Mail.Note)
			}
		})
	}
}

// TestJudge_HundredStrangers: a hundred strangers writing once each within an hour make at most
// notices_per_hour notices, none carrying their files; the others are recorded as held back for
// the digest. An hour later the next stranger is told of again.
func TestJudge_HundredStrangers(t *testing.T) {
	o, l := officetest.Site(t, testKey)
	ctx := context.Background()
	now := testNow
	j := &Judge{Office: o, Ledger: l, Now: func() time.Time { return now }}
	write := func(i int) {
		t.Helper()
		from := fmt.Sprintf("stranger%d@other.example", i)
		raw := officetest.Mail(from, officetest.OfficeAddr, fmt.Sprintf("s%d@other", i), "", "hoa-don.xlsx", []byte("PK\x03\x04"))
		sha, err := l.PutBlob(raw)
		if err != nil {
			t.Fatal(err)
		}
		msg := parse(t, raw)
		in := ledger.Intake{Mail: ledger.Mail{SHA256: sha, From: from, ReceivedAt: now, Mailbox: "INBOX"}}
		if _, err := j.Mail(ctx, &in, msg, raw, o.SenderOf(from)); err != nil {
			t.Fatal(err)
		}
		if in.Mail.Outcome != ledger.OutcomeQuarantined {
			t.Fatalf("mail %d: got outcome %q, want quarantined", i, in.Mail.Outcome)
		}
		if _, err := l.RecordIntake(ctx, in); err != nil {
			t.Fatal(err)
		}
		now = now.Add(20 * time.Second)
	}
	for i := range 100 {
		write(i)
	}
	out, err := l.Outbox(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(out) != o.Mailbox.NoticesPerHour {
		t.Errorf("outbox: got %d mails, want %d notices", len(out), o.Mailbox.NoticesPerHour)
	}
	for _, m := range out {
		if m.Kind != ledger.KindNotice || len(m.Attachments) != 0 {
			t.Errorf("%s: got kind %q with %d attachments, want a notice without", m.Key, m.Kind, len(m.Attachments))
		}
	}
	held, err := l.CountEvents(ctx, ledger.ActionNoticeHeldUnknownSender, "", testNow)
	if err != nil || held != 100-o.Mailbox.NoticesPerHour {
		t.Errorf("held back: got %d (%v), want %d", held, err, 100-o.Mailbox.NoticesPerHour)
	}
	now = testNow.Add(2 * time.Hour)
	write(100)
	if out, _ := l.Outbox(ctx, ""); len(out) != o.Mailbox.NoticesPerHour+1 {
		t.Errorf("an hour later: got %d mails, want one more notice", len(out))
	}
}

// TestIgnoreReason_Receipts: a unit's read receipt, of any kind, is automatic mail: recorded,
// never answered (answered, it would get "no workbook attached", and reading that makes the
// next receipt).
func TestIgnoreReason_Receipts(t *testing.T) {
	o, _ := testOffice(t)
	for _, file := range []string{
		"mdn__mimekit_disposition-notification.eml",
		"receipt__generated_outlook_tnef_ipnrn.eml",
		"receipt__generated_outlook_text_vi.eml",
	} {
		t.Run(file, func(t *testing.T) {
			raw, err := os.ReadFile("../intake/testdata/" + file)
			if err != nil {
				t.Fatal(err)
			}
			if got := IgnoreReason(o, parse(t, raw)); !strings.Contains(got, "automatic mail") {
				t.Errorf("got %q, want it ignored as automatic mail", got)
			}
		})
	}
}
