package letters

// The catalogue's letters of comment rounds, initials (ký nháy) and dated steps (issue 19,
// part S).

import "time"

var (
	phoVPTuan = Person{Title: "Phó Chánh Văn phòng", Name: "Hoàng Minh Tuấn"}
	comments  = []Comment{
		{Person: phoBanBinh, At: day(17, 9, 40), Words: "Mục II.1 bổ sung số dự án cấp mới trong tháng.\nSố liệu lao động đề nghị kiểm tra lại với Phòng Quản lý lao động."},
		{Person: phoBanDung, At: day(17, 14, 5), Agreed: true},
	}
)

func stepLetters() []entry {
	d2 := draftOf(2, "5b0d27aa")
	due := day(20, 17, 0)
	initialled := []Decided{{Person: chanhVP, At: day(19, 9, 15), Version: 2, Initial: true}}
	approvals := []Decided{{Person: chanhVP, At: day(19, 9, 15), Version: 3, Initial: true}, {Person: truongBan, At: day(20, 10, 30), Version: 3}}
	issued := draftOf(3, "")
	issued.FileName, issued.To = "BM.02.01-KH_2026-11_BaoCao.xlsx", []Person{truongBan}
	return []entry{
		{name: "steps-comment-request", letter: CommentRequestLetter(d2, phoBanBinh, due)},
		{name: "steps-comment-request-correction", letter: CommentRequestLetter(corrected("0badcafe"), phoBanBinh, due)},
		{name: "steps-comment-reminder", letter: CommentReminderLetter(d2, phoBanDung, 1, due)},
		{name: "steps-comment-ack-agreed", letter: CommentAckLetter(d2, phoBanDung, true, "")},
		{name: "steps-comment-ack-words", letter: CommentAckLetter(d2, phoBanBinh, false, comments[0].Words)},
		{name: "steps-comments-gathered", letter: CommentsGatheredLetter(d2, comments, nil, false,
			PersonNames([]Person{chanhVP}))},
		{name: "steps-comments-gathered-due", letter: CommentsGatheredLetter(d2, comments[:1], []Person{phoBanDung, phoVPTuan}, true,
			PersonNames([]Person{chanhVP}))},
		{name: "steps-comments-gathered-none", letter: CommentsGatheredLetter(d2, nil, []Person{phoBanBinh, phoBanDung}, true,
			PersonNames([]Person{chanhVP}))},
		{name: "steps-initial-request", letter: InitialRequestLetter(d2, chanhVP, nil, comments, []Person{phoVPTuan}, due)},
		{name: "steps-initial-request-undated", letter: InitialRequestLetter(d2, chanhVP, nil, nil, nil, time.Time{})},
		{name: "steps-initial-ack", letter: InitialAckLetter(d2, chanhVP, SentOnTo(PersonNames([]Person{truongBan})))},
		{name: "steps-sign-request", letter: StepRequestLetter(d2, truongBan, initialled, nil, nil, day(23, 11, 0))},
		{name: "steps-sign-request-comments", letter: StepRequestLetter(d2, truongBan, nil, comments, nil, time.Time{})},
		{name: "steps-sign-request-initialled", letter: ApprovalRequestLetter(d2, truongBan, initialled, 0)},
		{name: "steps-due-reminder", letter: DueReminderLetter(d2, truongBan, 1, due, false)},
		{name: "steps-due-reminder-initial", letter: DueReminderLetter(d2, chanhVP, 1, due, true)},
		{name: "steps-overdue", letter: OverdueLetter(d2, truongBan, 1, due, false)},
		{name: "steps-overdue-initial", letter: OverdueLetter(d2, chanhVP, 2, due, true)},
		{name: "steps-issued-initialled", letter: IssueLetter(issued, approvals)},
		{name: "steps-comment-after-round", letter: RoundClosedLetter(d2, phoBanBinh)},
		{name: "steps-status-lines", text: StepStandingLine(StepStanding{Label: "Tháng 11/2026", Step: 1, Steps: 3, Version: 2,
			Comment: true, Due: due, Answered: []Person{phoBanBinh}, Awaited: []Person{phoBanDung, phoVPTuan}}) + "\n" +
			StepStandingLine(StepStanding{Label: "Tháng 11/2026", Step: 2, Steps: 3, Version: 2, Initial: true, Awaited: []Person{chanhVP}}) + "\n" +
			StepStandingLine(StepStanding{Label: "Tháng 11/2026", Step: 3, Steps: 3, Version: 2, Due: day(23, 11, 0), Awaited: []Person{truongBan}}) + "\n"},
	}
}
