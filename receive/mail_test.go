package receive

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/tonghop/tonghop/internal/officetest"
	"github.com/tonghop/tonghop/ledger"
)

// TestJudge_Mail judges whole mails from each kind of sender into the intake the daemon records.
func TestJudge_Mail(t *testing.T) {
	o, cfg := testOffice(t)
	wb := func(unit string, mistakes bool) []byte {
		return officetest.Workbook(t, cfg, unit, []byte(testKey), mistakes)
	}
	mail := func(from, name string, data []byte) []byte {
		return officetest.Mail(from, officetest.OfficeAddr, "m@kcn", "", name, data)
	}
	var many []officetest.File
	for i := range o.Mailbox.MaxAttachments + 1 {
		many = append(many, officetest.File{Name: fmt.Sprintf("anh%d.jpg", i), Data: []byte("x")})
	}
	qldn, supervisor := officetest.UnitAddr("QLDN"), officetest.Supervisor
	strangerToday := "notice:unknown-sender:" + officetest.StrangerAddr + ":2026-11-16"
	tests := []struct {
		name    string
		raw     []byte
		ledger  *fakeLedger
		outcome ledger.Outcome
		outbox  string // kinds
		subs    int    // submissions, each with its blob
		periods int
		check   func(t *testing.T, in ledger.Intake)
	}{
		{name: "Accepted", raw: mail(qldn, "a.xlsx", wb("QLDN", false)), outcome: ledger.OutcomeAccepted, outbox: "receipt", subs: 1, periods: 1},
		{name: "Invalid", raw: mail(qldn, "a.xlsx", wb("QLDN", true)), outcome: ledger.OutcomeRejected, outbox: "rejection", subs: 1, periods: 1},
		{name: "TwoFilesOnePeriod", raw: officetest.MailFiles(qldn, officetest.OfficeAddr, "two@kcn",
			officetest.File{Name: "a.xlsx", Data: wb("QLDN", false)}, officetest.File{Name: "b.xlsx", Data: wb("QLDN", false)}),
			ledger:  &fakeLedger{next: map[string]int{"BM.02.01/KH QLDN 2026-11": 3}},
			outcome: ledger.OutcomeAccepted, outbox: "receipt", subs: 2, periods: 1,
			check: func(t *testing.T, in ledger.Intake) {
				if v := []int{in.Submissions[0].Version, in.Submissions[1].Version}; !slices.Equal(v, []int{3, 4}) {
					t.Errorf("versions: got %v, want 3 and 4", v)
				}
			}},
		{name: "ClosedPeriod", raw: mail(qldn, "a.xlsx", wb("QLDN", false)),
			ledger:  &fakeLedger{periods: map[string]ledger.Period{"BM.02.01/KH 2026-11": {Status: ledger.PeriodClosed}}},
			outcome: ledger.OutcomeAccepted, outbox: "late_file,receipt", subs: 1, periods: 1,
			check: func(t *testing.T, in ledger.Intake) {
				// One clear thing: valid and kept, the report issued, the Office decides and tells.
				receipt := in.Outbox[1].Body
				if !in.Submissions[0].AfterIssue || !strings.Contains(receipt, "hợp lệ") || strings.Contains(receipt, "được tiếp nhận") ||
					strings.Contains(receipt, "khóa sổ") || !strings.Contains(receipt, "sẽ xem xét có đưa lần gửi này vào báo cáo điều chỉnh") {
					t.Errorf("after issue %v, receipt:\n%s", in.Submissions[0].AfterIssue, receipt)
				}
				if n := in.Outbox[0]; len(n.Attachments) != 1 || n.About.Unit != "QLDN" || !strings.Contains(n.Subject, "[TH BM.02.01/KH 2026-11 QLDN v1 k") {
					t.Errorf("notice: attachments %v, about %+v, subject %q", n.Attachments, n.About, n.Subject)
				}
			}},
		{name: "BySupervisor", raw: mail(supervisor, "a.xlsx", wb("QLDN", false)), outcome: ledger.OutcomeAccepted, outbox: "receipt", subs: 1, periods: 1,
			check: func(t *testing.T, in ledger.Intake) {
				if cc := in.Outbox[0].Cc; !slices.Equal(cc, []string{qldn}) {
					t.Errorf("receipt cc: got %v, want the unit", cc)
				}
			}},
		{name: "SupervisorForOtherUnit", raw: mail(supervisor, "a.xlsx", wb("QLDT", false)), outcome: ledger.OutcomeRejected, outbox: "rejection"},
		{name: "RateLimited", raw: mail(qldn, "a.xlsx", wb("QLDN", false)), ledger: &fakeLedger{sent: o.Mailbox.RepliesPerHour, repeat: true},
			outcome: ledger.OutcomeAccepted, subs: 1, periods: 1,
			check: func(t *testing.T, in ledger.Intake) {
				if !strings.Contains(in.Mail.Note, "not answered") {
					t.Errorf("note: got %q, want the drop explained", in.Mail.Note)
				}
			}},
		{name: "NoWorkbook", raw: mail(qldn, "", nil), outcome: ledger.OutcomeRejected, outbox: "rejection"},
		{name: "TooManyFiles", raw: officetest.MailFiles(qldn, officetest.OfficeAddr, "many@kcn", many...), outcome: ledger.OutcomeQuarantined, outbox: "rejection"},
		{name: "Stranger", raw: mail(officetest.StrangerAddr, "a.xlsx", wb("QLDN", false)), outcome: ledger.OutcomeQuarantined, outbox: "notice"},
		{name: "StrangerToldToday", raw: mail(officetest.StrangerAddr, "a.xlsx", wb("QLDN", false)),
			ledger: &fakeLedger{outbox: map[string]bool{strangerToday: true}}, outcome: ledger.OutcomeQuarantined},
		{name: "PersonOutsideThread", raw: mail(officetest.Approver, "a.xlsx", wb("QLDN", false)), outcome: ledger.OutcomeIgnored},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			l := tc.ledger
			if l == nil {
				l = &fakeLedger{}
			}
			in, blobs := judgeMail(t, o, l, tc.raw)
			if in.Mail.Outcome != tc.outcome || kinds(in.Outbox) != tc.outbox || len(in.Submissions) != tc.subs ||
				len(blobs) != tc.subs || len(in.Periods) != tc.periods {
				t.Errorf("got outcome %q, outbox %q, %d submissions, %d blobs, %d periods; want %q, %q, %d, %d, %d",
					in.Mail.Outcome, kinds(in.Outbox), len(in.Submissions), len(blobs), len(in.Periods),
					tc.outcome, tc.outbox, tc.subs, tc.subs, tc.periods)
			}
			if tc.check != nil {
				tc.check(t, in)
			}
		})
	}
}

// TestIgnoreReason: automatic mail and tonghop's own are never answered.
func TestIgnoreReason(t *testing.T) {
	o, _ := testOffice(t)
	tests := []struct {
		name, from, headers string
		ignored             bool
	}{
		{"Unit", officetest.UnitAddr("QLDN"), "", false},
		{"AutoReply", officetest.UnitAddr("QLDN"), "Auto-Submitted: auto-replied\r\n", true},
		{"Own", officetest.OfficeAddr, "", true},
		{"OwnInCapitals", "TONGHOP@KCN.EXAMPLE", "", true},
		{"OwnLookAlike", "tonghop@\u212Acn.example", "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			msg := parse(t, officetest.Mail(tc.from, officetest.OfficeAddr, "x@kcn", tc.headers, "", nil))
			if got := IgnoreReason(o, msg); (got != "") != tc.ignored {
				t.Errorf("got %q, want ignored %v", got, tc.ignored)
			}
		})
	}
}

// TestJudge_Oversize: a unit's mail too large to read is answered from its header; a
// stranger's is not.
func TestJudge_Oversize(t *testing.T) {
	o, _ := testOffice(t)
	for _, tc := range []struct {
		name, from, outbox string
	}{
		{"Unit", officetest.UnitAddr("QLDN"), "rejection"},
		{"Stranger", officetest.StrangerAddr, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			header := officetest.Mail(tc.from, officetest.OfficeAddr, "big@kcn", "", "", nil)
			in, err := testJudge(o, NoLedger{}).Oversize(context.Background(), header, 50<<20, "abc")
			if err != nil {
				t.Fatal(err)
			}
			if in.Mail.Outcome != ledger.OutcomeQuarantined || kinds(in.Outbox) != tc.outbox || in.Mail.From != tc.from {
				t.Errorf("got outcome %q outbox %q from %q, want quarantined, %q, %q", in.Mail.Outcome, kinds(in.Outbox), in.Mail.From, tc.outbox, tc.from)
			}
		})
	}
}
