package review

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/tonghop/tonghop/intake"
	"github.com/tonghop/tonghop/internal/officetest"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/letters"
	"github.com/tonghop/tonghop/period"
)

const testKey = "review-test-key"

// testNow is a Monday morning of the test office's first month.
var testNow = time.Date(2026, 11, 16, 9, 0, 0, 0, period.DefaultLocation())

// newReviewer is a Reviewer on the test office whose monthly form is reviewed by each unit's
// supervisor ("ptb"), with a ledger on a real file; replies are authenticated by the office's MX.
func newReviewer(t *testing.T, mode string) *Reviewer {
	t.Helper()
	o, l := officetest.Site(t, testKey)
	o.Forms[0].Supervisor = mode
	return &Reviewer{Office: o, Ledger: l, Now: func() time.Time { return testNow }}
}

// held records QLDN's valid file of November, held as the office says.
func held(t *testing.T, rv *Reviewer, raw string) ledger.Submission {
	t.Helper()
	sha := put(t, rv, raw)
	f, _ := rv.Office.Form("BM.02.01/KH")
	u, _ := rv.Office.Unit("QLDN")
	p, _ := period.Parse("2026-11")
	sub := ledger.Submission{Form: f.Code, Unit: u.Code, Period: "2026-11", FileName: "bc.xlsx", FileSHA256: put(t, rv, raw+" file"),
		Valid: true, ReceivedAt: testNow, Review: rv.Office.ReviewHold(f, u, p, testNow)}
	res, err := rv.Ledger.RecordIntake(context.Background(), ledger.Intake{
		Mail: ledger.Mail{SHA256: sha, MessageID: "<" + raw + "@kcn.example>", From: officetest.UnitAddr("QLDN"), Mailbox: "INBOX",
			UIDValidity: 1, UID: 1, ReceivedAt: testNow, Outcome: ledger.OutcomeAccepted},
		Submissions: []ledger.Submission{sub},
	})
	if err != nil {
		t.Fatal(err)
	}
	return res.Submissions[0]
}

func put(t *testing.T, rv *Reviewer, s string) string {
	t.Helper()
	sha, err := rv.Ledger.PutBlob([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256([]byte(s))
	if sha != hex.EncodeToString(sum[:]) {
		t.Fatalf("blob %s", sha)
	}
	return sha
}

// answer is a mail from from with subject and body, authenticated by the office's MX unless
// forged; it returns the raw mail and its reading.
func answer(t *testing.T, from, subject, body string, forged bool) ([]byte, *intake.Message) {
	t.Helper()
	head := officetest.AuthPass(from)
	if forged {
		head = ""
	}
	raw := []byte(fmt.Sprintf("%sFrom: %s\r\nTo: %s\r\nMessage-ID: <a%d@kcn.example>\r\nDate: Mon, 16 Nov 2026 10:00:00 +0700\r\n"+
		"Subject: =?UTF-8?B?%s?=\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n%s\r\n",
		head, from, officetest.OfficeAddr, len(body)+len(from), base64.StdEncoding.EncodeToString([]byte(subject)), body))
	msg, err := intake.Parse(raw, intake.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	return raw, msg
}

// replyTo runs Reply on the answer and records the intake, as the daemon does.
func replyTo(t *testing.T, rv *Reviewer, raw []byte, msg *intake.Message) ledger.Intake {
	t.Helper()
	ctx := context.Background()
	ref, ok := rv.Thread(ctx, msg)
	if !ok {
		t.Fatalf("no thread for %q", msg.Subject)
	}
	sha := put(t, rv, string(raw))
	in := ledger.Intake{Mail: ledger.Mail{SHA256: sha, MessageID: msg.MessageID, From: msg.From.Addr, Mailbox: "INBOX",
		UIDValidity: 1, UID: 2, ReceivedAt: testNow}}
	if err := rv.Reply(ctx, &in, msg, raw, ref, slog.New(slog.DiscardHandler)); err != nil {
		t.Fatal(err)
	}
	if _, err := rv.Ledger.RecordIntake(ctx, in); err != nil {
		t.Fatal(err)
	}
	return in
}

func counted(t *testing.T, rv *Reviewer) map[string]ledger.Submission {
	t.Helper()
	latest, err := rv.Ledger.LatestValid(context.Background(), "BM.02.01/KH", "2026-11")
	if err != nil {
		t.Fatal(err)
	}
	return latest
}

func TestReviewer_RequestThenAgreement(t *testing.T) {
	ctx := context.Background()
	rv := newReviewer(t, "review")
	sub := held(t, rv, "qldn-v1")
	for range 2 { // the second pass has nothing to do
		if err := rv.Advance(ctx); err != nil {
			t.Fatal(err)
		}
	}
	req, err := rv.Ledger.OutMail(ctx, ledger.ReviewKey(ledger.KindReviewRequest, sub.ID, 0))
	if err != nil {
		t.Fatal(err)
	}
	id, mac, ok := letters.ParseReviewToken(req.Subject)
	if !ok || id != sub.ID || !rv.Office.VerifyReviewMAC(sub.ID, "ptb", mac) || req.To[0] != officetest.Supervisor {
		t.Fatalf("request: to %v, subject %q", req.To, req.Subject)
	}
	if len(counted(t, rv)) != 0 {
		t.Fatal("counted before the view")
	}
	raw, msg := answer(t, officetest.Supervisor, "Re: "+req.Subject, "Đồng ý", false)
	in := replyTo(t, rv, raw, msg)
	if in.Mail.Outcome != ledger.OutcomeAccepted || counted(t, rv)["QLDN"].ID != sub.ID {
		t.Fatalf("after the agreement: outcome %q, counted %v", in.Mail.Outcome, counted(t, rv))
	}
	if len(in.Review.Mails) != 1 || in.Review.Mails[0].To[0] != officetest.UnitAddr("QLDN") {
		t.Errorf("the unit is not told: %+v", in.Review.Mails)
	}
}

// Only the supervisor's authenticated answer, carrying the tag MAC'd for them, counts.
func TestReviewer_RefusedAnswers(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name, from string
		mac        func(rv *Reviewer, id int64) string
		forged     bool
	}{
		{"Forged", officetest.Supervisor, func(rv *Reviewer, id int64) string { return rv.Office.ReviewMAC(id, "ptb") }, true},
		{"TagOfAnotherPerson", officetest.Approver, func(rv *Reviewer, id int64) string { return rv.Office.ReviewMAC(id, "tb") }, false},
		{"SupervisorWithAnotherPersonsTag", officetest.Supervisor, func(rv *Reviewer, id int64) string { return rv.Office.ReviewMAC(id, "tb") }, false},
		{"NoMAC", officetest.Supervisor, func(*Reviewer, int64) string { return "" }, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rv := newReviewer(t, "approve")
			sub := held(t, rv, "qldn-v1")
			if err := rv.Advance(ctx); err != nil {
				t.Fatal(err)
			}
			subject := "Re: Xin phê duyệt kế hoạch " + letters.ReviewToken(sub.ID, tt.mac(rv, sub.ID))
			raw, msg := answer(t, tt.from, subject, "Duyệt", tt.forged)
			in := replyTo(t, rv, raw, msg)
			if in.Mail.Outcome != ledger.OutcomeQuarantined || in.Review != nil || len(counted(t, rv)) != 0 {
				t.Errorf("outcome %q, review %v, counted %v; want quarantined, nothing counted", in.Mail.Outcome, in.Review, counted(t, rv))
			}
			if len(in.Outbox) != 1 || !strings.Contains(in.Outbox[0].Body, "giả mạo") {
				t.Errorf("the clerks are not told why: %+v", in.Outbox)
			}
		})
	}
}

func TestReviewer_CopyAndNoCopy(t *testing.T) {
	ctx := context.Background()
	rv := newReviewer(t, "copy")
	rv.Office.Forms[0].Copies = []string{"tb"}
	sub := held(t, rv, "qldn-v1")
	if counted(t, rv)["QLDN"].ID != sub.ID {
		t.Fatal("a copied file does not count at once")
	}
	if err := rv.Advance(ctx); err != nil {
		t.Fatal(err)
	}
	m, err := rv.Ledger.OutMail(ctx, ledger.ReviewKey(ledger.KindReviewCopy, sub.ID, 0))
	if err != nil || len(m.To) != 2 || len(m.Attachments) != 1 {
		t.Fatalf("copy: %+v (%v); want ptb and tb, with the file", m, err)
	}
	none := newReviewer(t, "")
	if h := none.Office.ReviewHold(&none.Office.Forms[0], none.Office.Units[0], period.Period{Kind: period.Month, Year: 2026, N: 11}, testNow); h != nil {
		t.Errorf("a form without a supervisor mode holds files: %+v", h)
	}
}

// Comments with the supervisor's own corrected workbook return the file to the unit with their
// words and that workbook, cleaned.
func TestReviewer_ReturnedWithTheirWorkbook(t *testing.T) {
	ctx := context.Background()
	rv := newReviewer(t, "review")
	sub := held(t, rv, "qldn-v1")
	if err := rv.Advance(ctx); err != nil {
		t.Fatal(err)
	}
	req, err := rv.Ledger.OutMail(ctx, ledger.ReviewKey(ledger.KindReviewRequest, sub.ID, 0))
	if err != nil {
		t.Fatal(err)
	}
	book := officetest.Workbook(t, rv.Office.Config, "QLDN", []byte(testKey), false)
	words := "Chị đã sửa trực tiếp mục 2, em xem lại."
	raw := []byte(officetest.AuthPass(officetest.Supervisor) + "From: " + officetest.Supervisor + "\r\nTo: " + officetest.OfficeAddr +
		"\r\nMessage-ID: <edited@kcn.example>\r\nDate: Mon, 16 Nov 2026 10:00:00 +0700\r\nSubject: =?UTF-8?B?" +
		base64.StdEncoding.EncodeToString([]byte("Re: "+req.Subject)) + "?=\r\nMIME-Version: 1.0\r\n" +
		"Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + words +
		"\r\n--b1\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n" +
		"Content-Disposition: attachment; filename=\"sua.xlsx\"\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
		base64.StdEncoding.EncodeToString(book) + "\r\n--b1--\r\n")
	msg, err := intake.Parse(raw, intake.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	in := replyTo(t, rv, raw, msg)
	if in.Review == nil || in.Review.Review.State != ledger.ReviewReturned || len(in.Review.Mails) != 1 {
		t.Fatalf("review after comments: %+v", in.Review)
	}
	m := in.Review.Mails[0]
	if !strings.Contains(m.Body, "> "+words) || len(m.Attachments) != 1 || m.Attachments[0].Name != "sua.xlsx" {
		t.Fatalf("the unit's letter: attachments %+v, body:\n%s", m.Attachments, m.Body)
	}
	if _, err := rv.Ledger.Blob(m.Attachments[0].SHA256); err != nil {
		t.Errorf("the cleaned workbook is not stored: %v", err)
	}
	if len(counted(t, rv)) != 0 {
		t.Error("a returned file counted")
	}
}
