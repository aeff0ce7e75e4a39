package daemon

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/tonghop/tonghop/intake"
	"github.com/tonghop/tonghop/internal/officetest"
	"github.com/tonghop/tonghop/ledger"
)

// Issue 19, part V: the unit's supervising leader (ptb supervises every unit of the test office).

// supervisedForms gives the monthly report the supervisor mode in extra; replies are
// authenticated by the office's MX.
func supervisedForms(extra string) string {
	return `
[[forms]]
code = "BM.02.01/KH"
period = "month"
deadline = "day 18"
send_template = "5wd"
approval = ["tb"]
` + extra + `

[mail_auth]
trusted_servers = ["mx.kcn.example"]
`
}

// reviewUnits are the units of the supervisors' tests: two, so a draft waits for both.
var reviewUnits = []string{"QLDN", "QLDT"}

func newReviewEnv(t *testing.T, extra string) *env {
	return newOfficeEnv(t, officetest.Options{Units: reviewUnits, Forms: supervisedForms(extra)}, nil)
}

// submit delivers a unit's valid workbook (id names the mail) and steps the daemon.
func (e *env) submit(t *testing.T, unit, id string) {
	t.Helper()
	e.append(t, mail(officetest.UnitAddr(unit), id, authPass, "bc.xlsx", e.workbook(t, unit, false)))
	e.step(t)
}

// reviewRequests are the requests for a view delivered to the supervisor about unit's files.
func (e *env) reviewRequests(t *testing.T, unit string) []*intake.Message {
	t.Helper()
	var out []*intake.Message
	for _, m := range e.received(t, ptb, "[YK ") {
		asks := strings.HasPrefix(m.Subject, "Xin ý kiến: ") || strings.HasPrefix(m.Subject, "Xin phê duyệt kế hoạch: ")
		if asks && strings.Contains(m.Subject, "Phòng "+unit) {
			out = append(out, m)
		}
	}
	return out
}

// lastRequest is the one latest request about unit's file, failing when there are not n.
func (e *env) lastRequest(t *testing.T, unit string, n int) *intake.Message {
	t.Helper()
	reqs := e.reviewRequests(t, unit)
	if len(reqs) != n {
		t.Fatalf("requests to the supervisor about %s: got %d, want %d", unit, len(reqs), n)
	}
	return reqs[n-1]
}

func TestReview_AgreedFileCountsInTheDraft(t *testing.T) {
	t.Parallel()
	e := newReviewEnv(t, `supervisor = "review"`)
	e.submit(t, "QLDN", "sub-qldn@kcn.example")
	receipt := e.one(t, officetest.UnitAddr("QLDN"), "Đã tiếp nhận")
	if !strings.Contains(receipt.Text, "Tệp đã được chuyển đồng chí Trần Thị Bình, Phó Trưởng Ban, cho ý kiến") {
		t.Errorf("the receipt does not say where the file stands:\n%s", receipt.Text)
	}
	req := e.lastRequest(t, "QLDN", 1)
	if len(req.Spreadsheets()) != 1 || !strings.Contains(req.Subject, "[YK ") {
		t.Fatalf("request: %d files, subject %q; want the unit's file and the tag", len(req.Spreadsheets()), req.Subject)
	}
	if got := e.counted(t); len(got) != 0 {
		t.Fatalf("counted before the supervisor's view: %v", got)
	}
	e.answer(t, ptb, "yk1@kcn.example", req, "Đồng ý", authPass)
	if got := e.counted(t); got["QLDN"] != 1 {
		t.Fatalf("after “Đồng ý”: counted %v, want QLDN v1", got)
	}
	if told := e.one(t, officetest.UnitAddr("QLDN"), "Đã được đồng ý"); !strings.Contains(told.Text, "đã đồng ý") {
		t.Errorf("the unit's letter:\n%s", told.Text)
	}
	if _, err := e.ledger.LatestDraft(context.Background(), "BM.02.01/KH", "2026-11"); err == nil {
		t.Fatal("a draft was built while QLDT had sent nothing")
	}
	e.submit(t, "QLDT", "sub-qldt@kcn.example")
	e.answer(t, ptb, "yk2@kcn.example", e.lastRequest(t, "QLDT", 1), "Đồng ý", authPass)
	d, err := e.ledger.LatestDraft(context.Background(), "BM.02.01/KH", "2026-11")
	if err != nil || d.Basis["QLDN"] != 1 || d.Basis["QLDT"] != 1 {
		t.Fatalf("draft: %+v (%v); want both units' agreed files", d.Basis, err)
	}
	e.noDuplicates(t)
}

func TestReview_CommentsReturnTheFile(t *testing.T) {
	t.Parallel()
	e := newReviewEnv(t, `supervisor = "review"`)
	e.submit(t, "QLDN", "sub-qldn@kcn.example")
	words := "Đề nghị bổ sung tiến độ dự án khu công nghiệp Yên Phong II."
	e.answer(t, ptb, "yk1@kcn.example", e.lastRequest(t, "QLDN", 1), words, authPass)
	returned := e.one(t, officetest.UnitAddr("QLDN"), "Đề nghị chỉnh sửa")
	if !strings.Contains(returned.Text, "> "+words) {
		t.Errorf("the supervisor's words are not in the unit's letter verbatim:\n%s", returned.Text)
	}
	if got := e.counted(t); len(got) != 0 {
		t.Fatalf("a returned file counted: %v", got)
	}
	// The unit answers with its corrected file, which goes to the supervisor again.
	e.submit(t, "QLDN", "sub-qldn-2@kcn.example")
	again := e.lastRequest(t, "QLDN", 2)
	if !strings.Contains(again.Text, "lần gửi thứ 2") {
		t.Errorf("the second request does not name the corrected file:\n%s", again.Text)
	}
	e.answer(t, ptb, "yk2@kcn.example", again, "Đồng ý", authPass)
	if got := e.counted(t); got["QLDN"] != 2 {
		t.Fatalf("after the corrected file was agreed: %v, want QLDN v2", got)
	}
}

func TestReview_NewerFileSupersedesThePendingOne(t *testing.T) {
	t.Parallel()
	e := newReviewEnv(t, `supervisor = "review"`)
	e.submit(t, "QLDN", "sub-qldn@kcn.example")
	first := e.lastRequest(t, "QLDN", 1)
	e.submit(t, "QLDN", "sub-qldn-2@kcn.example")
	e.step(t) // the notice about the replaced file
	if n := e.deliveredWith(t, ptb, "Không cần cho ý kiến"); n != 1 {
		t.Errorf("notices of the replaced file to the supervisor: %d, want 1", n)
	}
	second := e.lastRequest(t, "QLDN", 2)
	if !strings.Contains(second.Text, "thay thế lần gửi thứ 1") {
		t.Errorf("the new request does not say it replaces the first:\n%s", second.Text)
	}
	// An answer to the replaced request changes nothing.
	e.answer(t, ptb, "yk-old@kcn.example", first, "Đồng ý", authPass)
	if got := e.counted(t); len(got) != 0 {
		t.Fatalf("an answer about the replaced file counted: %v", got)
	}
}

func TestReview_CopyModeSendsTheCopy(t *testing.T) {
	t.Parallel()
	e := newReviewEnv(t, `supervisor = "copy"`+"\n"+`copies = ["tb"]`)
	e.submit(t, "QLDN", "sub-qldn@kcn.example")
	for _, to := range []string{ptb, tb} {
		c := e.one(t, to, "Để đồng chí biết")
		if len(c.Spreadsheets()) != 1 {
			t.Errorf("copy to %s: %d files, want the unit's", to, len(c.Spreadsheets()))
		}
	}
	if got := e.counted(t); got["QLDN"] != 1 {
		t.Errorf("a copied file waits: counted %v, want QLDN v1", got)
	}
	if n := len(e.reviewRequests(t, "QLDN")); n != 0 {
		t.Errorf("requests for a view in copy mode: %d", n)
	}
}

func TestReview_RestartWhilePending(t *testing.T) {
	t.Parallel()
	e := newReviewEnv(t, `supervisor = "approve"`+"\n"+`supervisor_due = "+1wd"`)
	e.submit(t, "QLDN", "sub-qldn@kcn.example")
	e.restart(t)
	e.step(t)
	req := e.lastRequest(t, "QLDN", 1) // not sent again
	if !strings.HasPrefix(req.Subject, "Xin phê duyệt kế hoạch: ") {
		t.Fatalf("subject of the plan's request: %q", req.Subject)
	}
	e.later(13 * time.Hour) // past halfway to the next working day's 09:00: one reminder, left for the morning
	e.step(t)
	e.restart(t)
	e.later(10 * time.Hour)
	e.step(t)
	if n := e.deliveredWith(t, ptb, "Kính gửi lại (lần 1)"); n != 1 {
		t.Errorf("reminders: %d, want 1", n)
	}
	e.restart(t)
	e.answer(t, ptb, "yk1@kcn.example", req, "Duyệt", authPass)
	if got := e.counted(t); got["QLDN"] != 1 {
		t.Fatalf("after the approval across restarts: %v, want QLDN v1", got)
	}
	e.one(t, officetest.UnitAddr("QLDN"), "Đã được phê duyệt")
	e.noDuplicates(t)
}

func TestReview_OverdueToldToTheClerks(t *testing.T) {
	t.Parallel()
	e := newReviewEnv(t, `supervisor = "review"`)
	e.submit(t, "QLDN", "sub-qldn@kcn.example")
	e.later(48 * time.Hour)
	e.step(t)
	e.step(t)
	if n := e.deliveredWith(t, officetest.Clerk, "Quá hạn cho ý kiến"); n != 1 {
		t.Errorf("overdue notices to the clerks: %d, want 1", n)
	}
	if got := e.counted(t); len(got) != 0 {
		t.Errorf("an overdue view counted the file: %v", got)
	}
}

func TestReview_UnreadableAskedAgainThenClerks(t *testing.T) {
	t.Parallel()
	e := newReviewEnv(t, `supervisor = "review"`)
	e.submit(t, "QLDN", "sub-qldn@kcn.example")
	req := e.lastRequest(t, "QLDN", 1)
	e.answer(t, ptb, "yk1@kcn.example", req, "Để chị xem lại đã.", authPass)
	ask := e.one(t, ptb, "Xin đồng chí cho ý kiến lại")
	e.answer(t, ptb, "yk2@kcn.example", ask, "Để chị xem lại đã.", authPass)
	if n := e.deliveredWith(t, officetest.Clerk, "Chưa rõ ý kiến"); n != 1 {
		t.Errorf("notices of an unreadable answer to the clerks: %d, want 1", n)
	}
	if got := e.counted(t); len(got) != 0 {
		t.Errorf("an unreadable answer counted the file: %v", got)
	}
}

// A supervisor's "Đồng ý" that is not authenticated, or not bound to a request sent to its
// sender, never counts a file.
func TestReview_ForgedRepliesNeverCount(t *testing.T) {
	t.Parallel()
	e := newReviewEnv(t, `supervisor = "review"`)
	e.submit(t, "QLDN", "sub-qldn@kcn.example")
	req := e.lastRequest(t, "QLDN", 1)
	cases := []struct {
		name    string
		raw     []byte
		outcome ledger.Outcome
	}{
		{"Unauthenticated", replyRaw(ptb, "forged-1@kcn.example", req, "Đồng ý", failAuth), ledger.OutcomeQuarantined},
		{"NotTheSupervisor", replyRaw(tb, "forged-2@kcn.example", req, "Đồng ý", officetest.AuthPass(tb)), ledger.OutcomeQuarantined},
		{"TagWithoutThread", newMailRaw(ptb, "forged-3@kcn.example", "Re: Xin ý kiến [YK 1 k00000000]", "Đồng ý", authPass),
			ledger.OutcomeQuarantined},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e.append(t, c.raw)
			e.step(t)
			if got := e.counted(t); len(got) != 0 {
				t.Fatalf("counted: %v", got)
			}
			id := strings.SplitN(string(c.raw), "Message-ID: <", 2)[1]
			id = id[:strings.IndexByte(id, '>')]
			from := ptb
			if c.name == "NotTheSupervisor" {
				from = tb
			}
			if m := e.mailNamed(t, id, from); m.Outcome != c.outcome {
				t.Errorf("outcome: %q, want %q", m.Outcome, c.outcome)
			}
		})
	}
	if n := e.deliveredWith(t, officetest.UnitAddr("QLDN"), "Đã được đồng ý"); n != 0 {
		t.Errorf("the unit was told of an agreement nobody gave: %d", n)
	}
}

// At the deadline the draft counts no file its supervisor has not agreed to, and its missing
// list tells the unit whose file waits from the unit that sent nothing.
func TestReview_DraftListsWaitingUnits(t *testing.T) {
	t.Parallel()
	e := newReviewEnv(t, `supervisor = "review"`)
	e.submit(t, "QLDN", "sub-qldn@kcn.example")
	e.later(3 * 24 * time.Hour) // past the 18th and the consolidation's grace
	e.step(t)
	d, err := e.ledger.LatestDraft(context.Background(), "BM.02.01/KH", "2026-11")
	if err != nil || len(d.Basis) != 0 {
		t.Fatalf("draft at the deadline: %+v (%v); want one counting nobody", d.Basis, err)
	}
	data, err := e.ledger.Blob(d.FileSHA256)
	if err != nil {
		t.Fatal(err)
	}
	x, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	var text []string
	for _, sh := range x.GetSheetList() {
		rows, _ := x.GetRows(sh)
		for _, r := range rows {
			text = append(text, strings.Join(r, " "))
		}
	}
	all := strings.Join(text, "\n")
	notice := e.one(t, officetest.Clerk, "Đã lập dự thảo")
	if !strings.Contains(notice.Text, "Phòng QLDN (chờ ý kiến lãnh đạo phụ trách)") {
		t.Errorf("the clerks' notice does not say why QLDN is missing:\n%s", notice.Text)
	}
	for _, want := range []string{"Chưa có số liệu: Phòng QLDT.", "Chưa tổng hợp, chờ ý kiến lãnh đạo phụ trách: Phòng QLDN."} {
		if !strings.Contains(all, want) {
			t.Errorf("the draft does not say %q", want)
		}
	}
}

// A unit whose file waits for its supervisor sent its report: it is not nagged; a unit that sent
// nothing is.
func TestReview_WaitingUnitNotNagged(t *testing.T) {
	t.Parallel()
	e := newReviewEnv(t, `supervisor = "review"`+"\n"+`nags = ["+1d"]`)
	e.submit(t, "QLDN", "sub-qldn@kcn.example")
	e.later(4 * 24 * time.Hour) // past the 18th and its first nag (19/11 17:00)
	e.step(t)
	e.step(t)
	if n := e.deliveredWith(t, officetest.UnitAddr("QLDT"), "Đôn đốc gửi"); n == 0 {
		t.Fatal("the unit that sent nothing was not nagged: the test proves nothing")
	}
	if n := e.deliveredWith(t, officetest.UnitAddr("QLDN"), "Đôn đốc gửi"); n != 0 {
		t.Errorf("nags to the unit whose file waits for its supervisor: %d, want 0", n)
	}
}

// The supervisor (who may also send QLDN's reports) answers with comments and their own
// corrected workbook: the file goes back to the unit with both, and no new file of the unit is
// recorded in the supervisor's name.
func TestReview_SupervisorsWorkbookGoesBackToTheUnit(t *testing.T) {
	t.Parallel()
	e := newReviewEnv(t, `supervisor = "review"`)
	e.submit(t, "QLDN", "sub-qldn@kcn.example")
	book := e.workbook(t, "QLDN", false)
	e.answer(t, ptb, "yk1@kcn.example", e.lastRequest(t, "QLDN", 1), "Chị đã sửa trực tiếp mục 2, em xem lại.", authPass,
		officetest.File{Name: "sua.xlsx", Data: book})
	returned := e.one(t, officetest.UnitAddr("QLDN"), "Đề nghị chỉnh sửa")
	if len(returned.Spreadsheets()) != 1 || !strings.Contains(returned.Text, "> Chị đã sửa trực tiếp mục 2") {
		t.Fatalf("the unit's letter: %d files, text:\n%s", len(returned.Spreadsheets()), returned.Text)
	}
	subs, err := e.ledger.Submissions(context.Background(), "BM.02.01/KH", "2026-11")
	if err != nil || len(subs) != 1 {
		t.Fatalf("submissions: %d (%v), want the unit's one", len(subs), err)
	}
}
