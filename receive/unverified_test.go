package receive

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/internal/officetest"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/letters"
	"github.com/tonghop/tonghop/office"
)

// mx is the office's receiving server in the offices with [mail_auth] below.
const mx = "mx.kcn.example"

// mxReceived is the MX's own Received field: its Authentication-Results count only above it.
var mxReceived = strings.SplitN(officetest.AuthPass("qldn@kcn.example"), "\r\n", 2)[1]

// Authentication-Results fields above a unit's mail: what the office's MX writes for genuine
// mail from the test office's domain, and what it or a forger writes otherwise.
var (
	authPass      = "Authentication-Results: " + mx + "; dkim=pass header.d=kcn.example; spf=pass smtp.mailfrom=kcn.example; dmarc=pass header.from=kcn.example\r\n" + mxReceived
	authDKIMFail  = "Authentication-Results: " + mx + "; dkim=fail header.d=kcn.example; spf=fail smtp.mailfrom=kcn.example; dmarc=fail header.from=kcn.example\r\n" + mxReceived
	authForgedMX  = "Authentication-Results: mx.attacker.example; dkim=pass header.d=kcn.example; dmarc=pass header.from=kcn.example\r\n" + mxReceived
	authOtherPass = "Authentication-Results: " + mx + "; dkim=pass header.d=attacker.example; spf=none smtp.mailfrom=attacker.example\r\n" + mxReceived
)

// authOffice is the test office with [mail_auth] trusting the office's MX.
func authOffice(t testing.TB) (*office.Office, *config.Config) {
	t.Helper()
	_, path := officetest.OfficeWith(t, testKey, officetest.Options{
		Forms: officetest.FormsDefault + "\n[mail_auth]\ntrusted_servers = [\"" + mx + "\"]\n",
	})
	cfg, err := config.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	o, err := office.Compile(cfg, []byte(testKey))
	if err != nil {
		t.Fatal(err)
	}
	return o, cfg
}

// TestJudge_MailUnverified: with [mail_auth], a unit's (or a reporting person's) mail that fails
// authentication is quarantined, its workbooks recorded but never valid, nobody answered, and
// the clerks told once a day; an authenticated one is judged as always.
func TestJudge_MailUnverified(t *testing.T) {
	o, cfg := authOffice(t)
	wb := func(unit string, mistakes bool) []byte {
		return officetest.Workbook(t, cfg, unit, []byte(testKey), mistakes)
	}
	qldn := officetest.UnitAddr("QLDN")
	mail := func(from, headers, name string, data []byte) []byte {
		return officetest.Mail(from, officetest.OfficeAddr, "m@kcn", headers, name, data)
	}
	var many []officetest.File
	for range o.Mailbox.MaxAttachments + 1 {
		many = append(many, officetest.File{Name: "a.xlsx", Data: wb("QLDN", false)})
	}
	unverifiedToday := "notice:unverified-sender:" + qldn + ":2026-11-16"
	tests := []struct {
		name    string
		raw     []byte
		ledger  *fakeLedger
		outcome ledger.Outcome
		outbox  string // kinds
		subs    int    // submissions, each with its blob
		valid   bool   // the submissions' validity
		periods int
	}{
		{name: "Authenticated", raw: mail(qldn, authPass, "a.xlsx", wb("QLDN", false)),
			outcome: ledger.OutcomeAccepted, outbox: "receipt", subs: 1, valid: true, periods: 1},
		{name: "NoAuthenticationResults", raw: mail(qldn, "", "a.xlsx", wb("QLDN", false)),
			outcome: ledger.OutcomeQuarantined, outbox: "notice", subs: 1},
		{name: "DKIMFail", raw: mail(qldn, authDKIMFail, "a.xlsx", wb("QLDN", false)),
			outcome: ledger.OutcomeQuarantined, outbox: "notice", subs: 1},
		{name: "UntrustedServer", raw: mail(qldn, authForgedMX, "a.xlsx", wb("QLDN", false)),
			outcome: ledger.OutcomeQuarantined, outbox: "notice", subs: 1},
		{name: "OtherDomainVouched", raw: mail(qldn, authOtherPass, "a.xlsx", wb("QLDN", false)),
			outcome: ledger.OutcomeQuarantined, outbox: "notice", subs: 1},
		{name: "InvalidWorkbook", raw: mail(qldn, "", "a.xlsx", wb("QLDN", true)),
			outcome: ledger.OutcomeQuarantined, outbox: "notice", subs: 1},
		{name: "ToldToday", raw: mail(qldn, "", "a.xlsx", wb("QLDN", false)),
			ledger:  &fakeLedger{outbox: map[string]bool{unverifiedToday: true}},
			outcome: ledger.OutcomeQuarantined, subs: 1},
		{name: "ClosedPeriod", raw: mail(qldn, "", "a.xlsx", wb("QLDN", false)),
			ledger:  &fakeLedger{periods: map[string]ledger.Period{"BM.02.01/KH 2026-11": {Status: ledger.PeriodClosed}}},
			outcome: ledger.OutcomeQuarantined, outbox: "notice", subs: 1},
		{name: "BySupervisor", raw: mail(officetest.Supervisor, "", "a.xlsx", wb("QLDN", false)),
			outcome: ledger.OutcomeQuarantined, outbox: "notice", subs: 1},
		{name: "BySupervisorAuthenticated", raw: mail(officetest.Supervisor, authPass, "a.xlsx", wb("QLDN", false)),
			outcome: ledger.OutcomeAccepted, outbox: "receipt", subs: 1, valid: true, periods: 1},
		{name: "NoWorkbook", raw: mail(qldn, "", "", nil), outcome: ledger.OutcomeQuarantined, outbox: "notice"},
		{name: "OtherUnitsWorkbook", raw: mail(officetest.Supervisor, "", "a.xlsx", wb("QLDT", false)),
			outcome: ledger.OutcomeQuarantined, outbox: "notice"},
		{name: "TooManyFiles", raw: officetest.MailFiles(qldn, officetest.OfficeAddr, "many@kcn", many...),
			outcome: ledger.OutcomeQuarantined, outbox: "notice"},
		{name: "Stranger", raw: mail(officetest.StrangerAddr, "", "a.xlsx", wb("QLDN", false)),
			outcome: ledger.OutcomeQuarantined, outbox: "notice"},
		{name: "PersonOutsideThread", raw: mail(officetest.Approver, "", "a.xlsx", wb("QLDN", false)),
			outcome: ledger.OutcomeIgnored},
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
				t.Fatalf("got outcome %q, outbox %q, %d submissions, %d blobs, %d periods; want %q, %q, %d, %d, %d",
					in.Mail.Outcome, kinds(in.Outbox), len(in.Submissions), len(blobs), len(in.Periods),
					tc.outcome, tc.outbox, tc.subs, tc.subs, tc.periods)
			}
			for _, sub := range in.Submissions {
				if sub.Valid != tc.valid {
					t.Errorf("submission valid: got %v, want %v", sub.Valid, tc.valid)
				}
				if first := firstError(t, sub); (first == letters.CodeUnverified) == tc.valid {
					t.Errorf("first error: got %q, want %q: %v", first, letters.CodeUnverified, !tc.valid)
				}
			}
			for _, m := range in.Outbox {
				if m.Kind == ledger.KindNotice && tc.outcome == ledger.OutcomeQuarantined && tc.name != "Stranger" {
					checkUnverifiedNotice(t, m, unverifiedToday)
				}
			}
		})
	}
}

// checkUnverifiedNotice: the clerks' notice says why, points to the quarantine folder and
// attaches nothing of the mail.
func checkUnverifiedNotice(t *testing.T, m ledger.OutMail, key string) {
	t.Helper()
	if m.Key != key && !strings.HasPrefix(m.Key, "notice:unverified-sender:"+officetest.Supervisor) {
		t.Errorf("notice key: got %q, want %q", m.Key, key)
	}
	if strings.Join(m.To, ",") != officetest.Clerk || len(m.Attachments) != 0 {
		t.Errorf("notice: got to %v with %d attachments, want the clerk and none", m.To, len(m.Attachments))
	}
	for _, w := range []string{"không qua được bước xác thực người gửi", "Chưa xác nhận được thư này do chính", "thư mục “Quarantine”"} {
		if !strings.Contains(m.Body, w) {
			t.Errorf("notice body: got\n%s\nwant it to contain %q", m.Body, w)
		}
	}
}

// firstError is the code of a recorded submission's first error, "" when it has none.
func firstError(t *testing.T, sub ledger.Submission) string {
	t.Helper()
	var p struct {
		Errors []form.Problem `json:"errors"`
	}
	if err := json.Unmarshal(sub.Problems, &p); err != nil {
		t.Fatalf("problems %s: %v", sub.Problems, err)
	}
	if len(p.Errors) == 0 {
		return ""
	}
	return p.Errors[0].Code
}

// TestJudge_MailUnverifiedNeverCounted records an unverified workbook and then the unit's
// authenticated one in a real ledger: only the second is what drafts count.
func TestJudge_MailUnverifiedNeverCounted(t *testing.T) {
	o, cfg := authOffice(t)
	l, err := ledger.Open(context.Background(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	ctx := context.Background()
	qldn := officetest.UnitAddr("QLDN")
	data := officetest.Workbook(t, cfg, "QLDN", []byte(testKey), false)
	record := func(id, headers string) ledger.IntakeResult {
		t.Helper()
		raw := officetest.Mail(qldn, officetest.OfficeAddr, id, headers, "a.xlsx", data)
		sha, err := l.PutBlob(raw)
		if err != nil {
			t.Fatal(err)
		}
		msg := parse(t, raw)
		in := ledger.Intake{Mail: ledger.Mail{SHA256: sha, From: msg.From.Addr, ReceivedAt: testNow}}
		blobs, err := testJudge(o, l).Mail(ctx, &in, msg, raw, o.SenderOf(msg.From.Addr))
		if err != nil {
			t.Fatal(err)
		}
		for _, b := range blobs {
			if _, err := l.PutBlob(b); err != nil {
				t.Fatal(err)
			}
		}
		res, err := l.RecordIntake(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	forged := record("forged@kcn", "")
	if len(forged.Submissions) != 1 || forged.Submissions[0].Valid {
		t.Fatalf("forged: got %+v, want one invalid submission", forged.Submissions)
	}
	for _, asOf := range []bool{false, true} {
		got, err := latest(ctx, l, asOf)
		if err != nil || len(got) != 0 {
			t.Errorf("latest valid (as of: %v) after the forged mail: got %v, %v; want none", asOf, got, err)
		}
	}
	genuine := record("genuine@kcn", authPass)
	got, err := latest(ctx, l, true)
	if err != nil || len(got) != 1 || got["QLDN"].ID != genuine.Submissions[0].ID || got["QLDN"].Version != 2 {
		t.Errorf("latest valid after the genuine mail: got %v, %v; want its version 2", got, err)
	}
}

func latest(ctx context.Context, l *ledger.Ledger, asOf bool) (map[string]ledger.Submission, error) {
	if asOf {
		return l.LatestValidAt(ctx, "BM.02.01/KH", "2026-11", testNow)
	}
	return l.LatestValid(ctx, "BM.02.01/KH", "2026-11")
}

// TestJudge_MailLookAlikeSender: an address that only looks like a unit's (a Kelvin sign, a
// full-width or Cyrillic letter, a dotted capital I) is a stranger's: quarantined, its workbook
// not recorded; the unit's own address in capitals is the unit's.
func TestJudge_MailLookAlikeSender(t *testing.T) {
	o, cfg := testOffice(t)
	data := officetest.Workbook(t, cfg, "QLDN", []byte(testKey), false)
	tests := []struct {
		name, from string
		outcome    ledger.Outcome
		subs       int
	}{
		{"Capitals", "QLDN@KCN.EXAMPLE", ledger.OutcomeAccepted, 1},
		{"KelvinSign", "qldn@\u212Acn.example", ledger.OutcomeQuarantined, 0},
		{"FullWidth", "\uff51ldn@kcn.example", ledger.OutcomeQuarantined, 0},
		{"CyrillicE", "qldn@kcn.\u0435xample", ledger.OutcomeQuarantined, 0},
		{"DottedCapitalI", "qldn@kcn.example\u0130", ledger.OutcomeQuarantined, 0},
		{"TrailingDot", "qldn@kcn.example.", ledger.OutcomeQuarantined, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			raw := officetest.Mail(tc.from, officetest.OfficeAddr, "m@kcn", "", "a.xlsx", data)
			in, _ := judgeMail(t, o, &fakeLedger{}, raw)
			if in.Mail.Outcome != tc.outcome || len(in.Submissions) != tc.subs {
				t.Errorf("from %q: got outcome %q, %d submissions; want %q, %d", in.Mail.From, in.Mail.Outcome, len(in.Submissions), tc.outcome, tc.subs)
			}
		})
	}
}
