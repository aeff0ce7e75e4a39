package receive

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/intake"
	"github.com/tonghop/tonghop/internal/officetest"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/office"
	"github.com/tonghop/tonghop/period"
)

const testKey = "receive-test-key"

// testNow is when the test office judges: the middle of November 2026's collection.
var testNow = time.Date(2026, 11, 16, 9, 0, 0, 0, period.DefaultLocation())

// fakeLedger is a ledger held in maps; the zero value is an empty ledger.
type fakeLedger struct {
	next    map[string]int           // next versions by "form unit period"; absent: 1
	periods map[string]ledger.Period // by "form period"
	outbox  map[string]bool          // keys queued
	sent    int                      // automatic answers to anyone in the last hour
	notices map[string]int           // notices queued in the last hour by the address that caused them; "": by all
	repeat  bool                     // every file was sent before by its unit
}

var _ Ledger = (*fakeLedger)(nil)

func (f *fakeLedger) LatestIssue(_ context.Context, form, period string) (ledger.Issue, error) {
	return ledger.Issue{}, fmt.Errorf("issue of %s %s: %w", form, period, ledger.ErrNotFound)
}

func (f *fakeLedger) NextVersion(_ context.Context, form, unit, period string) (int, error) {
	if n, ok := f.next[form+" "+unit+" "+period]; ok {
		return n, nil
	}
	return 1, nil
}

func (f *fakeLedger) Period(_ context.Context, form, period string) (ledger.Period, error) {
	if p, ok := f.periods[form+" "+period]; ok {
		return p, nil
	}
	return ledger.Period{}, fmt.Errorf("period %s %s: %w", form, period, ledger.ErrNotFound)
}

func (f *fakeLedger) OutMail(_ context.Context, key string) (ledger.OutMail, error) {
	if f.outbox[key] {
		return ledger.OutMail{Key: key}, nil
	}
	return ledger.OutMail{}, fmt.Errorf("outbox %s: %w", key, ledger.ErrNotFound)
}

func (f *fakeLedger) CountMailTo(context.Context, string, time.Time, ...ledger.Kind) (int, error) {
	return f.sent, nil
}

func (f *fakeLedger) CountEvents(_ context.Context, action ledger.Action, actor string, _ time.Time) (int, error) {
	if k, _ := action.QueuedKind(); k != ledger.KindNotice && k != ledger.KindLateFile {
		return 0, nil
	}
	return f.notices[actor], nil
}

func (f *fakeLedger) Request(_ context.Context, form, period string) (ledger.Request, error) {
	return ledger.Request{}, fmt.Errorf("request %s %s: %w", form, period, ledger.ErrNotFound)
}

func (f *fakeLedger) SubmittedBefore(context.Context, string, string) (bool, error) {
	return f.repeat, nil
}

// testOffice is the office of the daemon's tests (officetest), compiled; its mail servers are
// not used.
func testOffice(t testing.TB) (*office.Office, *config.Config) {
	t.Helper()
	o, cfg := officetest.Compiled(t, testKey)
	// The judgement without [mail_auth], as an office without it judges; authOffice has it.
	cfg.MailAuth = config.MailAuth{}
	return o, cfg
}

// testJudge judges for the test office at testNow, reading l.
func testJudge(o *office.Office, l Ledger) *Judge {
	return &Judge{Office: o, Ledger: l, Now: func() time.Time { return testNow }}
}

func parse(t testing.TB, raw []byte) *intake.Message {
	t.Helper()
	msg, err := intake.Parse(raw, intake.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	return msg
}

// codes lists the problems' codes, comma-separated.
func codes(ps []form.Problem) string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Code)
	}
	return strings.Join(out, ",")
}

// kinds lists the kinds of the outbox mails, comma-separated.
func kinds(out []ledger.OutMail) string {
	var ks []string
	for _, m := range out {
		ks = append(ks, string(m.Kind))
	}
	return strings.Join(ks, ",")
}

// judgeMail judges raw as the daemon routes a mail to intake, by office o reading l at testNow:
// the intake it fills and the workbook bytes to store.
func judgeMail(t testing.TB, o *office.Office, l Ledger, raw []byte) (ledger.Intake, [][]byte) {
	t.Helper()
	msg := parse(t, raw)
	in := ledger.Intake{Mail: ledger.Mail{SHA256: "abc", From: msg.From.Addr, ReceivedAt: testNow}}
	blobs, err := testJudge(o, l).Mail(context.Background(), &in, msg, raw, o.SenderOf(msg.From.Addr))
	if err != nil {
		t.Fatal(err)
	}
	return in, blobs
}
