package daemon

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	netmail "net/mail"
	"strings"
	"testing"
	"time"

	"github.com/tonghop/tonghop/approval"
	"github.com/tonghop/tonghop/clock"
	"github.com/tonghop/tonghop/internal/officetest"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/period"
)

// sentOne queues m, flushes the outbox and returns the one message delivered, parsed.
func sentOne(t *testing.T, e *env, m ledger.OutMail) *netmail.Message {
	t.Helper()
	ctx := context.Background()
	m.CreatedAt = e.clock.Now()
	if _, _, err := e.ledger.Enqueue(ctx, m); err != nil {
		t.Fatal(err)
	}
	if err := e.d.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	ds := e.srv.Deliveries()
	if len(ds) != 1 {
		t.Fatalf("deliveries: got %d, want 1", len(ds))
	}
	msg, err := netmail.ReadMessage(bytes.NewReader(ds[0].Data))
	if err != nil {
		t.Fatal(err)
	}
	return msg
}

// TestFlush_NamesAndDate: on a machine whose clock runs in UTC, the Date field is written in the
// office's zone; every address the office knows is named in To and Cc (a unit, a person, the
// office's own mailbox), a name given is kept and an address the office does not know stays bare.
func TestFlush_NamesAndDate(t *testing.T) {
	t.Parallel()
	utc := clock.NewManual(time.Date(2026, 11, 16, 2, 30, 0, 0, time.UTC)) // 09:30 in Hà Nội
	e := newEnvWith(t, func(o *Options) { o.Clock = utc })
	e.clock = utc
	msg := sentOne(t, e, ledger.OutMail{
		Key: "notice:names", Kind: ledger.KindNotice, Subject: "Thử", Body: "Nội dung.",
		To: []string{officetest.UnitAddr("QLDN"), officetest.Supervisor, officetest.StrangerAddr},
		Cc: []string{"Văn thư Văn phòng <" + officetest.Clerk + ">", officetest.OfficeAddr},
	})
	if got := msg.Header.Get("Date"); got != "Mon, 16 Nov 2026 09:30:00 +0700" {
		t.Errorf("Date: got %q, want Mon, 16 Nov 2026 09:30:00 +0700", got)
	}
	to, err := msg.Header.AddressList("To")
	if err != nil {
		t.Fatal(err)
	}
	cc, err := msg.Header.AddressList("Cc")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"Phòng QLDN <qldn@kcn.example>", "Trần Thị Bình <ptb@kcn.example>", " <stranger@other.example>",
		"Văn thư Văn phòng <vanthu@kcn.example>", e.d.o.Mail.FromName + " <tonghop@kcn.example>",
	}
	var got []string
	for _, a := range append(to, cc...) {
		got = append(got, a.Name+" <"+a.Address+">")
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("To and Cc:\n got %q\nwant %q", got, want)
	}
	if e.d.o.Mail.FromName == "" {
		t.Error("the test office has no From name: the office's own address was not named")
	}
}

// TestFlush_LogsEachMailAndIssue: at the default level (Info), every mail sent is one line with
// its kind, key, recipient count and Message-ID, and the issued report one more line naming its
// form, period and the version the approval issued.
func TestFlush_LogsEachMailAndIssue(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	logger := slog.New(slog.NewJSONHandler(&buf, &slog.HandlerOptions{Level: slog.LevelInfo}))
	e := newEnvWith(t, func(o *Options) { o.Logger = logger })
	ctx := context.Background()
	form, period := "BM.02.01/KH", "2026-11"
	row := e.d.o.PeriodRow(form, mustPeriod(t, period), e.clock.Now(), e.clock.Now())
	if _, err := e.ledger.EnsurePeriod(ctx, row); err != nil {
		t.Fatal(err)
	}
	state, _ := json.Marshal(approval.State{Form: form, Period: period, Status: approval.Issued, Version: 3})
	if err := e.ledger.SaveApproval(ctx, ledger.ApprovalUpdate{Form: form, Period: period, State: state, At: e.clock.Now()}); err != nil {
		t.Fatal(err)
	}
	sentOne(t, e, ledger.OutMail{Key: ledger.IssueKey(form, period), Kind: ledger.KindIssue, Subject: "Ban hành", Body: "x",
		About: ledger.About{Form: form, Period: period}, To: []string{officetest.Approver}, Cc: []string{officetest.Clerk, officetest.Supervisor}})
	var lines []map[string]any
	for _, l := range strings.Split(strings.TrimSpace(buf.String()), "\n") {
		var rec map[string]any
		if err := json.Unmarshal([]byte(l), &rec); err != nil {
			t.Fatalf("log line %q: %v", l, err)
		}
		if rec["msg"] == "mail sent" || rec["msg"] == "report issued" {
			lines = append(lines, rec)
		}
	}
	if len(lines) != 2 {
		t.Fatalf("log: got %d lines about the mail, want 2 (sent, issued):\n%s", len(lines), buf.String())
	}
	sent, issued := lines[0], lines[1]
	if sent["msg"] != "mail sent" || sent["kind"] != "issue" || sent["key"] != ledger.IssueKey(form, period) ||
		sent["recipients"] != 3.0 || !strings.HasPrefix(sent["message_id"].(string), "<") {
		t.Errorf("mail sent: got %v", sent)
	}
	if issued["msg"] != "report issued" || issued["form"] != form || issued["period"] != period || issued["version"] != 3.0 {
		t.Errorf("report issued: got %v, want %s %s version 3", issued, form, period)
	}
}

func mustPeriod(t *testing.T, s string) period.Period {
	t.Helper()
	p, err := period.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return p
}
