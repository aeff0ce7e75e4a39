package letters

import (
	"strings"
	"testing"
	"time"

	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/reply"
)

// The rules of issue 24 that are behaviour, not wording: one rendering of a deadline, the codes at
// the end of a subject where the reply binding still finds them, the leader's instruction that
// package reply never reads as an approval, the recipients greeted by name, the leader copied on a
// nag named only when copied.

func TestBriefPeriod(t *testing.T) {
	tests := []struct{ label, want string }{
		{"Tuần 48 (23/11 – 29/11/2026)", "tuần 48/2026"},
		{"Tuần 1 (29/12/2025 – 04/01/2026)", "tuần 1/2026"},
		{"Tuần 53 (28/12/2026 – 03/01/2027)", "tuần 53/2026"}, // the year of its Thursday
		{"Tháng 11/2026", "tháng 11/2026"},
		{"Tháng 11/2026 (số liệu từ 15/10/2026 đến 14/11/2026)", "tháng 11/2026"},
		{"Quý IV/2026", "quý IV/2026"},
		{"6 tháng đầu năm 2026", "6 tháng đầu năm 2026"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := briefPeriod(tt.label); got != tt.want {
			t.Errorf("briefPeriod(%q): got %q, want %q", tt.label, got, tt.want)
		}
	}
}

// TestDeadline_OneRendering: a deadline at midnight is the end of the day before in the subject
// and in the body alike (item 3), and the body states it after "Thời hạn gửi:", never as "hạn
// trước …" (item 4).
func TestDeadline_OneRendering(t *testing.T) {
	for _, dl := range []time.Time{day(18, 17, 0), time.Date(2026, 12, 16, 0, 0, 0, 0, hanoi), day(20, 23, 59)} {
		r := Request{FormCode: "BM.03.01/KH", FormTitle: "Báo cáo", Period: "Quý IV/2026", Deadline: dl}
		date := FormatDate(DeadlineDay(dl))
		for name, l := range map[string]Letter{
			"template": TemplateLetter(Template{Office: office, Unit: qldn, Request: r}),
			"reminder": ReminderLetter(Reminder{Office: office, Unit: qldn, Request: r, Now: dl.Add(-30 * time.Hour)}),
		} {
			if !strings.Contains(l.Subject, "hạn "+date) {
				t.Errorf("%s %v: subject %q does not name %s", name, dl, l.Subject, date)
			}
			if !strings.Contains(l.Body, "Thời hạn gửi: "+FormatDeadline(dl)) || !strings.Contains(FormatDeadline(dl), date) {
				t.Errorf("%s %v: body does not state %q:\n%s", name, dl, FormatDeadline(dl), l.Body)
			}
			if strings.Contains(l.Body, "hạn trước") {
				t.Errorf("%s: “hạn trước” in\n%s", name, l.Body)
			}
		}
	}
}

// TestSubjects_TokenLast: every letter of the approval cycle ends its subject with the draft's
// token, and the token reads back from a reply's subject whatever the mail program puts before
// it, MAC included: the reply binding (approve.bound) keeps working.
func TestSubjects_TokenLast(t *testing.T) {
	d := draftOf(2, "5b0d27aa")
	for name, l := range map[string]Letter{
		"request":   ApprovalRequestLetter(d, chanhVP, nil, 0),
		"reminder":  ApprovalReminderLetter(d, chanhVP, 1, day(18, 14, 5)),
		"ack":       AcknowledgeLetter(d, chanhVP, true, "", IssuedNext),
		"ask again": AskAgainLetter(d, chanhVP, ""),
		"stale":     StaleLetter(d, chanhVP, 1),
		"edited":    EditedNotTakenLetter(d, chanhVP, "a.xlsx", EditedTooLarge),
	} {
		if !strings.HasSuffix(l.Subject, "[TH BM.02.01/KH 2026-11 v2 k5b0d27aa]") || strings.HasPrefix(l.Subject, "[") {
			t.Errorf("%s: subject %q does not begin with the action and end with the token", name, l.Subject)
		}
		for _, prefix := range []string{"Re: ", "TR: Re: ", "Trả lời: "} {
			code, p, v, mac, ok := ParseSignedApprovalToken(prefix + l.Subject)
			if !ok || code != "BM.02.01/KH" || p != "2026-11" || v != 2 || mac != "5b0d27aa" {
				t.Errorf("%s: %q reads %q %q %d %q %v", name, prefix+l.Subject, code, p, v, mac, ok)
			}
		}
	}
	for name, l := range map[string]Letter{
		"template":  TemplateLetter(Template{Office: office, Unit: qldn, Request: weekly}),
		"receipt":   ReceiptLetter(Receipt{Office: office, Unit: qldn, Request: weekly, Version: 2}),
		"rejection": RejectionLetter(Rejection{Office: office, Unit: qldn, Request: weekly}),
	} {
		if !strings.HasSuffix(l.Subject, " [BM.04.01/KH]") {
			t.Errorf("%s: subject %q does not end with the form code", name, l.Subject)
		}
		if strings.Contains(l.Subject, qldn) || strings.Contains(l.Subject, "23/11") {
			t.Errorf("%s: subject %q names what its reader knows", name, l.Subject)
		}
	}
}

// TestAnswerInstruction_NeverApproves: the instruction a leader is sent, quoted without marks in
// a reply (a mail program that failed to mark the quote), is not read as the leader's words, even
// wrapped; its “Duyệt” never approves.
func TestAnswerInstruction_NeverApproves(t *testing.T) {
	wrapped := wrap(AnswerInstruction, 72)
	for name, plain := range map[string]string{
		"typed":       "Đồng ý sửa mục 2\n\n" + AnswerInstruction + "\n",
		"wrapped":     "Đồng ý sửa mục 2\n\n" + wrapped + "\n",
		"ask again":   "Đồng ý sửa mục 2\n\n" + answerAgain + "\n",
		"only quoted": AnswerInstruction + "\n",
	} {
		written := reply.Written(plain, "")
		if strings.Contains(written, "Kính đề nghị") {
			t.Errorf("%s: the instruction stayed in the written text %q", name, written)
		}
		if r := reply.Read(plain, ""); r.Decision == reply.Approve {
			t.Errorf("%s: read as an approval: %+v", name, r)
		}
	}
}

// wrap breaks text into lines of at most n bytes at spaces, as a mail program does.
func wrap(text string, n int) string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(text) {
		if line != "" && len(line)+1+len(w) > n {
			lines, line = append(lines, line), ""
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	return strings.Join(append(lines, line), "\n")
}

// TestIssueLetter_Recipients: the approved report greets its recipients by name and title, up to
// three; more, or one known only by address, as the leaders; none, the clerks it then goes to
// (item 5). Nothing technical: no Message-ID, no draft history.
func TestIssueLetter_Recipients(t *testing.T) {
	approvals := []Decided{{Person: truongBan, At: day(20, 10, 30), Version: 3, MessageID: "r1@mail.bqlkcn.example"}}
	tests := []struct {
		name   string
		to     []Person
		others bool
		want   string
	}{
		{"One", []Person{truongBan}, false, "Kính gửi: Đồng chí Nguyễn Văn An, Trưởng Ban\n"},
		{"Three", []Person{truongBan, phoBanBinh, phoBanDung}, false,
			"Kính gửi:\n- Đồng chí Nguyễn Văn An, Trưởng Ban;\n- Đồng chí Trần Thị Bình, Phó Trưởng Ban;\n- Đồng chí Phạm Quốc Dũng, Phó Trưởng Ban.\n"},
		{"Four", []Person{truongBan, phoBanBinh, phoBanDung, chanhVP}, false, "Kính gửi: Lãnh đạo Ban\n"},
		{"AnAddress", []Person{truongBan}, true, "Kính gửi: Lãnh đạo Ban\n"},
		{"None", nil, false, "Kính gửi: Đồng chí Đinh Thu Hà, Chuyên viên tổng hợp\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := draftOf(3, "")
			d.To, d.ToOthers = tt.to, tt.others
			l := IssueLetter(d, approvals)
			if !strings.HasPrefix(l.Body, tt.want) {
				t.Errorf("got\n%s\nwant it to begin %q", l.Body, tt.want)
			}
			for _, bad := range []string{"r1@mail", "<", "dự thảo", "ban hành", "Các đồng chí nhận báo cáo"} {
				if strings.Contains(l.Body, bad) {
					t.Errorf("got %q in\n%s", bad, l.Body)
				}
			}
			if !strings.Contains(l.Body, "Đồng chí Nguyễn Văn An, Trưởng Ban, duyệt lúc 10:30 ngày 20/11/2026.") {
				t.Errorf("who approved when is missing:\n%s", l.Body)
			}
		})
	}
	if got := leadersOf(Office{Name: "Sở Kế hoạch và Đầu tư tỉnh Hòa Bình"}); got != "Lãnh đạo Sở" {
		t.Errorf("leadersOf a Sở: got %q", got)
	}
	if got := leadersOf(Office{Name: "UBND quận Ba Đình"}); got != "Lãnh đạo cơ quan" {
		t.Errorf("leadersOf an office without a known kind: got %q", got)
	}
}

// TestNag_CopiedOnlyWhenTrue: an escalated nag names the supervisor copied, and a nag copied to
// nobody says nothing of one (item 11).
func TestNag_CopiedOnlyWhenTrue(t *testing.T) {
	nag := func(p Person) string {
		return NagLetter(Nag{Office: office, Unit: qhxd, Request: monthly, Now: day(20, 8, 0), Copied: p}).Body
	}
	if body := nag(Person{}); strings.Contains(body, "đồng gửi") || strings.Contains(body, "Phó Trưởng Ban") {
		t.Errorf("nobody copied, yet:\n%s", body)
	}
	if body := nag(phoBanBinh); !strings.Contains(body, "đồng gửi đồng chí Trần Thị Bình, Phó Trưởng Ban phụ trách đơn vị, để biết") {
		t.Errorf("the supervisor copied is not named:\n%s", body)
	}
}

func TestPersonNamed(t *testing.T) {
	tests := []struct {
		p          Person
		named, cut string
	}{
		{chanhVP, "đồng chí Lê Văn Cường, Chánh Văn phòng", "đồng chí Lê Văn Cường, Chánh Văn phòng,"},
		{Person{Name: "Lê Văn Cường"}, "đồng chí Lê Văn Cường", "đồng chí Lê Văn Cường"},
		{Person{Name: "tb@bqlkcn.example"}, "tb@bqlkcn.example", "tb@bqlkcn.example"},
		{Person{Title: "Trưởng Ban"}, "Trưởng Ban", "Trưởng Ban"},
	}
	for _, tt := range tests {
		if got := tt.p.Named(); got != tt.named {
			t.Errorf("%+v Named: got %q, want %q", tt.p, got, tt.named)
		}
		if got := tt.p.namedThen(); got != tt.cut {
			t.Errorf("%+v namedThen: got %q, want %q", tt.p, got, tt.cut)
		}
	}
	if got, want := PersonNames([]Person{chanhVP, phoBanBinh}), "đồng chí Lê Văn Cường, Chánh Văn phòng, hoặc đồng chí Trần Thị Bình, Phó Trưởng Ban"; got != want {
		t.Errorf("PersonNames: got %q, want %q", got, want)
	}
}

func TestFormatNumberAndSize(t *testing.T) {
	for n, want := range map[int64]string{0: "0", 999: "999", 1000: "1.000", 20000: "20.000", 1234567: "1.234.567", -12000: "-12.000"} {
		if got := FormatNumber(n); got != want {
			t.Errorf("FormatNumber(%d): got %q, want %q", n, got, want)
		}
	}
	for n, want := range map[int64]string{33 << 20: "33 MB", 31<<20 + 512<<10: "31,5 MB", 5 << 20: "5 MB", 38 << 10: "38 KB", 1: "1 KB"} {
		if got := FormatSize(n); got != want {
			t.Errorf("FormatSize(%d): got %q, want %q", n, got, want)
		}
	}
}

// TestTerms_OneForOne: the mail server's signature is never called a digital signature, an .xls
// file is an old Excel format, and the close of reporting is "chốt số liệu", in every text of the
// catalogue.
func TestTerms_OneForOne(t *testing.T) {
	for _, e := range catalogue() {
		text := e.text + e.letter.Subject + e.letter.Body
		for _, banned := range []string{"chữ ký số", "khóa sổ", "khoá sổ", "ban hành", "Ban hành", "nộp", "bản tổng hợp lần",
			"phiên bản", "trễ", "chậm gửi", "xoá", "khoá", "tỉ lệ", "hạn trước"} {
			if strings.Contains(text, banned) {
				t.Errorf("%s: %q in\n%s", e.name, banned, text)
			}
		}
	}
	if xls := NoWorkbookProblems([]AttachedFile{{Name: "a.xls", Kind: "xls"}})[0].Message; !strings.Contains(xls, "định dạng Excel cũ (.xls)") {
		t.Errorf("an .xls file: got %q", xls)
	}
}

// TestCounts_ThousandsDot: a count of five digits or more is written with its thousands dot
// wherever a letter states one (item 15).
func TestCounts_ThousandsDot(t *testing.T) {
	many := make([]form.Problem, 12000)
	for i := range many {
		many[i] = form.Problem{Cell: "C7", Message: "Ô C7: chưa nhập."}
	}
	l := RejectionLetter(Rejection{Office: office, Unit: qldn, Request: monthly, Problems: many, Files: []string{"a.xlsx"}})
	d := DigestLetter(Digest{Office: office, Day: day(23, 8, 0), Held: []HeldNotices{{Reason: NoticeUnknownSender, Count: 12480}}})
	for _, text := range []string{l.Body, d.Body} {
		if f := Lint(text); len(f) > 0 {
			t.Errorf("%v in\n%s", f, text)
		}
	}
	if !strings.Contains(l.Body, "còn 12.000 lỗi cần sửa") || !strings.Contains(l.Body, "… và 11.950 lỗi khác.") || !strings.Contains(d.Body, "12.480 thư khác") {
		t.Errorf("counts without their dot:\n%s\n%s", l.Body, d.Body)
	}
}
