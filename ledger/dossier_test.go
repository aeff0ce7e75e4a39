package ledger

import (
	"context"
	"slices"
	"strings"
	"testing"
)

// A period's mails are its own: the keys of period 2026-1 never match those of 2026-11, nor one
// form's another's.
func TestPeriodOutMails(t *testing.T) {
	ctx := context.Background()
	l := openTest(t)
	const f = "BM.02.01/KH"
	sha := strings.Repeat("ab", 32)
	keys := map[string]bool{ // key → about 2026-11 of f
		TemplateKey(f, "2026-11", "QLDN"):                        true,
		DraftKey(f, "2026-11", 1):                                true,
		ApprovalRequestKey(f, "2026-11", 1, 1, "truong_ban"):     true,
		IssueKey(f, "2026-11"):                                   true,
		ReplacementIssueKey(f, "2026-11", 2):                     true,
		CorrectionKey(f, "2026-11", 1):                           true,
		AfterCloseNoticeKey(f, "2026-11", "QLDN", 2):             true,
		LateFileDecisionKey(f, "2026-11", "QLDN", 2):             true,
		LateFileDecisionKey(f, "2026-1", "QLDN", 2):              false,
		TemplateKey(f, "2026-1", "QLDN"):                         false,
		DraftKey(f, "2026-1", 1):                                 false,
		IssueKey(f, "2026-1"):                                    false,
		ApprovalRequestKey(f+"X", "2026-11", 1, 1, "truong_ban"): false,
		ReceiptKey(sha):                                          false,
	}
	for key := range keys {
		m := testOutMail(key)
		if strings.HasPrefix(key, "template:") {
			m.Kind, m.About = KindTemplate, About{Form: f, Period: "2026-11", Unit: "QLDN"}
			if strings.Contains(key, ":2026-1:") {
				m.About.Period = "2026-1"
			}
		}
		if _, _, err := l.Enqueue(ctx, m); err != nil {
			t.Fatal(err)
		}
	}
	got, err := l.PeriodOutMails(ctx, f, "2026-11")
	if err != nil {
		t.Fatal(err)
	}
	var gotKeys []string
	for _, m := range got {
		gotKeys = append(gotKeys, m.Key)
	}
	for key, want := range keys {
		if slices.Contains(gotKeys, key) != want {
			t.Errorf("%s: listed %v, want %v", key, !want, want)
		}
	}
	answers, err := l.AnswersTo(ctx, sha)
	if err != nil || len(answers) != 1 || answers[0].Key != ReceiptKey(sha) {
		t.Errorf("AnswersTo = %+v, %v; want the receipt", answers, err)
	}
}
