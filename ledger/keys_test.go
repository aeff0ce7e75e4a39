package ledger

import (
	"testing"
	"time"
)

// TestKeys pins every key format: ledgers in use hold these keys, and a mail's idempotency and
// Message-ID depend on them, so a format must never change.
func TestKeys(t *testing.T) {
	const sha = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
	day := time.Date(2026, 11, 24, 23, 30, 0, 0, time.FixedZone("ICT", 7*3600))
	tests := []struct{ got, want string }{
		{ReceiptKey(sha), "receipt:" + sha},
		{RejectionKey(sha), "rejection:" + sha},
		{OversizeRejectionKey(sha), "rejection:oversize:" + sha},
		{UnknownSenderNoticeKey("Ai@Example.VN", day), "notice:unknown-sender:ai@example.vn:2026-11-24"},
		{UnknownSenderNoticeKey("Ai@Bql\u212Acn.VN", day), "notice:unknown-sender:ai@bql\u212Acn.vn:2026-11-24"},
		{UnverifiedSenderNoticeKey("QLDN@Example.VN", day), "notice:unverified-sender:qldn@example.vn:2026-11-24"},
		{UnverifiedSenderNoticeKey("vp@bắcninh.vn", day), "notice:unverified-sender:vp@xn--bcninh-pf8b.vn:2026-11-24"},
		{UnitMessageNoticeKey(sha), "notice:unit-message:" + sha},
		{StuckMailNoticeKey(sha), "notice:stuck-mail:" + sha},
		{AfterCloseNoticeKey("BM.02.01/KH", "2026-11", "QLDN", 3), "notice:after-close:BM.02.01/KH:2026-11:QLDN:v3"},
		{DigestKey(day), "digest:2026-11-24"},
		{DraftKey("BM.02.01/KH", "2026-11", 2), "draft:BM.02.01/KH:2026-11:v2"},
		{IssueKey("BM.04.01/KH", "2026-W48"), "issue:BM.04.01/KH:2026-W48"},
		{ApprovalRequestKey("BM.04.01/KH", "2026-W48", 2, 1, "truong_ban"), "approval:BM.04.01/KH:2026-W48:v2:s1:request:truong_ban"},
		{ApprovalReminderKey("BM.04.01/KH", "2026-W48", 2, 2, 3, "pho_ban"), "approval:BM.04.01/KH:2026-W48:v2:s2:remind3:pho_ban"},
		{ApprovalWithdrawKey("BM.04.01/KH", "2026-W48", 1, "pho_ban"), "approval:BM.04.01/KH:2026-W48:v1:withdraw:pho_ban"},
		{ApprovalReplyKey(sha, "acknowledge"), "approval:reply:0123456789abcdef:acknowledge"},
		{ApprovalReplyKey(sha, "auth"), "approval:reply:0123456789abcdef:auth"},
		{TemplateKey("BM.02.01/KH", "2026-11", "QLDN"), "template:BM.02.01/KH:2026-11:QLDN"},
		{ReminderKey("BM.02.01/KH", "2026-11", "QLDN", 1), "reminder:BM.02.01/KH:2026-11:QLDN:1"},
		{NagKey("BM.02.01/KH", "2026-11", "QLDN", 12), "nag:BM.02.01/KH:2026-11:QLDN:12"},
		{StepsPrefix(KindNag, "BM.02.01/KH", "2026-11", "QLDN"), "nag:BM.02.01/KH:2026-11:QLDN:"},
		{ForwardKey(sha), "forward:" + sha},
		{CorrectionKey("BM.02.01/KH", "2026-11", 1), "correction:BM.02.01/KH:2026-11:1"},
		{ReplacementIssueKey("BM.02.01/KH", "2026-11", 2), "issue:BM.02.01/KH:2026-11:n2"},
		{LateFileDecisionKey("BM.02.01/KH", "2026-11", "QLDN", 4), "late-file:BM.02.01/KH:2026-11:QLDN:v4:decision"},
		{LateFileReplyKey(sha, "ask-again"), "late-file:reply:0123456789abcdef:ask-again"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}

func TestAction_QueuedKind(t *testing.T) {
	for _, k := range []Kind{KindReceipt, KindTemplate, KindApprovalOffice} {
		a := Queued(k)
		if got, ok := a.QueuedKind(); !ok || got != k {
			t.Errorf("Queued(%q).QueuedKind() = %q, %v; want %q, true", k, got, ok, k)
		}
	}
	if string(Queued(KindDigest)) != "outbox.queued.digest" {
		t.Errorf("Queued(KindDigest) = %q, want outbox.queued.digest", Queued(KindDigest))
	}
	for _, a := range []Action{ActionOutboxSent, "outbox.queued.", "outbox.queued", ApprovalAction("request"), ""} {
		if k, ok := a.QueuedKind(); ok {
			t.Errorf("%q.QueuedKind() = %q, true; want not a queued action", a, k)
		}
	}
}

func TestAction_IsApproval(t *testing.T) {
	for _, tt := range []struct {
		a    Action
		want bool
	}{
		{ApprovalAction("request"), true},
		{ActionApprovalReply, true},
		{ActionApprovalReplyRefused, true},
		{ActionReportIssued, false},
		{Queued(KindApprovalRequest), false},
	} {
		if got := tt.a.IsApproval(); got != tt.want {
			t.Errorf("%q.IsApproval() = %v, want %v", tt.a, got, tt.want)
		}
	}
	if got := ApprovalAction("not_your_turn"); got != "approval.not_your_turn" {
		t.Errorf("ApprovalAction(not_your_turn) = %q, want approval.not_your_turn", got)
	}
}
