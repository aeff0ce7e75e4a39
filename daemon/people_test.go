package daemon

import (
	"context"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/tonghop/tonghop/approval"
	"github.com/tonghop/tonghop/internal/officetest"
	"github.com/tonghop/tonghop/ledger"
)

// TestPeople_Routing: what becomes of a configured person's mail. Each case brings the office
// to a state, then takes in one mail (Ingest: decided and recorded as the mailbox would) and
// checks its outcome, what it queued (recipient role / kind) and where the approval stands.
// Nothing a person writes is lost: whatever the approval does not count reaches the clerks;
// the clerks' own mail is never sent back to them.
func TestPeople_Routing(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		from    string                            // "submitted", "issued" or "" (a new office)
		mail    func(t *testing.T, e *env) []byte // sets the office up, returns the mail
		outcome string                            // as Ingested says it
		queued  map[string]int                    // "role/kind" → mails
		status  approval.Status
		says    string // a letter queued says this ("" none)
	}{
		{name: "ApprovalReply", from: "submitted", outcome: "accepted", status: approval.Reviewing,
			queued: map[string]int{"ptb/approval_notice": 1, "tb/approval_request": 1},
			mail: func(t *testing.T, e *env) []byte {
				return replyRaw(ptb, "r@kcn.example", e.request(t, ptb, 1), "Đồng ý", authPass)
			}},
		{name: "CorrectionRequest", from: "issued", outcome: "accepted", status: approval.Correcting, says: words,
			queued: map[string]int{"clerk/correction": 1, "tb/approval_notice": 1},
			mail: func(t *testing.T, e *env) []byte {
				return replyRaw(tb, "r@kcn.example", e.issueMail(t), words, authPass)
			}},
		{name: "CorrectionByReplyToRequest", from: "issued", outcome: "accepted", status: approval.Correcting, says: words,
			queued: map[string]int{"clerk/correction": 1, "ptb/approval_notice": 1},
			mail: func(t *testing.T, e *env) []byte {
				return replyRaw(ptb, "r@kcn.example", e.request(t, ptb, 1), words, authPass)
			}},
		{name: "IssuedThanks", from: "issued", outcome: "accepted", status: approval.Issued, says: "Thư không đề nghị điều chỉnh",
			queued: map[string]int{"clerk/forward": 1},
			mail: func(t *testing.T, e *env) []byte {
				return replyRaw(tb, "r@kcn.example", e.issueMail(t), "Cảm ơn Văn phòng.", authPass)
			}},
		{name: "ForwardedNote", from: "submitted", outcome: "accepted", status: approval.Reviewing, says: "> Đề nghị Văn phòng nhắc Phòng QLDT gửi sớm.",
			queued: map[string]int{"clerk/forward": 1},
			mail: func(t *testing.T, e *env) []byte {
				return officetest.Delivered(newMailRaw(ptb, "n@kcn.example", "Nhắc đơn vị", "Đề nghị Văn phòng nhắc Phòng QLDT gửi sớm.", ""))
			}},
		{name: "ReplyWhileCorrecting", from: "issued", outcome: "accepted", status: approval.Correcting, says: "Báo cáo đang được điều chỉnh",
			queued: map[string]int{"clerk/forward": 1},
			mail: func(t *testing.T, e *env) []byte {
				e.answer(t, tb, "fix@kcn.example", e.issueMail(t), words, authPass)
				return replyRaw(tb, "r@kcn.example", e.one(t, tb, "Đã nhận đề nghị điều chỉnh"), "Văn phòng lưu ý thêm chỉ tiêu 3.", authPass)
			}},
		{name: "StaleReply", from: "issued", outcome: "accepted", status: approval.Reviewing, says: "Ý kiến là về một dự thảo đã được thay thế",
			queued: map[string]int{"tb/approval_notice": 1, "clerk/forward": 1},
			mail: func(t *testing.T, e *env) []byte {
				e.answer(t, tb, "fix@kcn.example", e.issueMail(t), words, authPass)
				e.append(t, mail(officetest.UnitAddr("QLDN"), "resend@kcn.example", authPass, "bc.xlsx", e.workbook(t, "QLDN", false)))
				e.step(t)
				e.request(t, ptb, 2)
				return replyRaw(tb, "r@kcn.example", e.request(t, tb, 1), "Duyệt", authPass)
			}},
		{name: "ForgedLeader", from: "issued", outcome: "quarantined", status: approval.Issued, says: "LƯU Ý: Thư không qua được bước xác thực",
			queued: map[string]int{"clerk/forward": 1},
			mail: func(t *testing.T, e *env) []byte {
				return replyRaw(tb, "r@kcn.example", e.issueMail(t), words, failAuth)
			}},
		{name: "ForgedLeaderNewMail", from: "submitted", outcome: "quarantined", status: approval.Reviewing, says: "LƯU Ý: Thư không qua được bước xác thực",
			queued: map[string]int{"clerk/forward": 1},
			mail: func(t *testing.T, e *env) []byte {
				return newMailRaw(ptb, "n@kcn.example", "Chuyển tiền", "Đề nghị chuyển khoản gấp.", failAuth)
			}},
		{name: "LeaderWorkbookOutsideThread", from: "submitted", outcome: "accepted", status: approval.Reviewing,
			queued: map[string]int{"clerk/forward": 1},
			mail: func(t *testing.T, e *env) []byte {
				return mail(tb, "w@kcn.example", authPass, "ghi-chu.xlsx", e.workbook(t, "QLDN", false))
			}},
		{name: "SupervisorReportsForUnit", outcome: "accepted", status: approval.Waiting,
			queued: map[string]int{"ptb/receipt": 1, "qldn/receipt": 1},
			mail: func(t *testing.T, e *env) []byte {
				return mail(ptb, "s@kcn.example", authPass, "bc.xlsx", e.workbook(t, "QLDN", false))
			}},
		{name: "ClerkDecision", from: "issued", outcome: "accepted", status: approval.Issued, says: "không được đưa vào báo cáo",
			queued: map[string]int{"qldt/late_decision": 1, "clerk/late_file": 1},
			mail: func(t *testing.T, e *env) []byte {
				e.lateFile(t)
				return replyRaw(clerk, "d@kcn.example", e.lateNotice(t), "Không đưa vào", authPass)
			}},
		{name: "ClerkForgedDecision", from: "issued", outcome: "quarantined", status: approval.Issued,
			queued: map[string]int{"clerk/approval_office": 1},
			mail: func(t *testing.T, e *env) []byte {
				e.lateFile(t)
				return replyRaw(clerk, "d@kcn.example", e.lateNotice(t), "Đồng ý đưa vào", failAuth)
			}},
		{name: "ClerkDecisionBySubjectTag", from: "issued", outcome: "accepted", status: approval.Issued,
			queued: map[string]int{"qldt/late_decision": 1, "clerk/late_file": 1},
			mail: func(t *testing.T, e *env) []byte {
				e.lateFile(t)
				subject := "Re: " + e.lateNotice(t).Subject // a mail program that drops In-Reply-To
				return officetest.Delivered(newMailRaw(clerk, "d@kcn.example", subject, "Không đưa vào", ""))
			}},
		{name: "ClerkDecisionForgedTag", from: "issued", outcome: "quarantined", status: approval.Issued,
			queued: map[string]int{"clerk/approval_office": 1},
			mail: func(t *testing.T, e *env) []byte {
				e.lateFile(t)
				e.lateNotice(t)
				subject := "Re: [TH BM.02.01/KH 2026-11 QLDT v2 k00000000] Báo cáo gửi sau khi ban hành"
				return officetest.Delivered(newMailRaw(clerk, "d@kcn.example", subject, "Đồng ý đưa vào", ""))
			}},
		{name: "ClerkOwnMail", from: "submitted", outcome: "ignored", status: approval.Reviewing, queued: map[string]int{},
			mail: func(t *testing.T, e *env) []byte {
				return officetest.Delivered(newMailRaw(clerk, "c@kcn.example", "Ghi chú", "Chiều nay chị đi họp.", ""))
			}},
		{name: "ClerkAnswersForward", from: "submitted", outcome: "ignored", status: approval.Reviewing, queued: map[string]int{},
			mail: func(t *testing.T, e *env) []byte {
				e.write(t, ptb, "n@kcn.example", "Nhắc đơn vị", "Đề nghị Văn phòng nhắc Phòng QLDT gửi sớm.", "")
				return replyRaw(clerk, "c@kcn.example", e.one(t, clerk, "Thư của Phó Trưởng Ban"), "Em đã nhắc ạ.", authPass)
			}},
		{name: "ClerkAnswersDraftNotice", from: "submitted", outcome: "ignored", status: approval.Reviewing, queued: map[string]int{},
			mail: func(t *testing.T, e *env) []byte {
				return replyRaw(clerk, "c@kcn.example", e.one(t, clerk, "Đã lập dự thảo:"), "Đã xem.", authPass)
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var e *env
			switch tt.from { // the states are built once (startFrom), each case gets a copy
			case "submitted":
				e = submittedEnv(t, correctionForms)
			case "issued":
				e = issuedEnv(t)
			default:
				e = newCorrectionEnv(t)
			}
			ctx := context.Background()
			raw := tt.mail(t, e)
			before := lastOutID(t, e)
			res, err := e.d.Ingest(ctx, raw)
			if err != nil {
				t.Fatal(err)
			}
			if res.Outcome != tt.outcome {
				t.Errorf("outcome: got %s (%s), want %s", res.Outcome, res.Note, tt.outcome)
			}
			got, says := queuedSince(t, e, before, tt.says)
			if !maps.Equal(got, tt.queued) {
				t.Errorf("queued: got %v, want %v", got, tt.queued)
			}
			if tt.says != "" && !says {
				t.Errorf("no letter queued says %q", tt.says)
			}
			if st := approvalStatus(t, e); st != tt.status {
				t.Errorf("approval: %s, want %s", st, tt.status)
			}
		})
	}
}

// lastOutID is the ID of the last mail in the outbox.
func lastOutID(t *testing.T, e *env) int64 {
	t.Helper()
	all, err := e.ledger.Outbox(context.Background(), "")
	if err != nil {
		t.Fatal(err)
	}
	var last int64
	for _, m := range all {
		last = max(last, m.ID)
	}
	return last
}

// queuedSince counts the mails queued after the outbox ID after, by recipient role and kind,
// and says whether one of them holds s.
func queuedSince(t *testing.T, e *env, after int64, s string) (map[string]int, bool) {
	t.Helper()
	all, err := e.ledger.Outbox(context.Background(), "")
	if err != nil {
		t.Fatal(err)
	}
	got, says := map[string]int{}, false
	for _, m := range all {
		if m.ID <= after {
			continue
		}
		for _, to := range append(slices.Clone(m.To), m.Cc...) {
			got[attackRole(to)+"/"+string(m.Kind)]++
		}
		says = says || s != "" && strings.Contains(m.Subject+"\n"+m.Body, s)
	}
	return got, says
}

// approvalStatus is where November's approval stands; Waiting before any draft.
func approvalStatus(t *testing.T, e *env) approval.Status {
	t.Helper()
	if _, err := e.ledger.Approval(context.Background(), "BM.02.01/KH", "2026-11"); err != nil {
		if !strings.Contains(err.Error(), ledger.ErrNotFound.Error()) {
			t.Fatal(err)
		}
		return approval.Waiting
	}
	return e.state(t).Status
}
