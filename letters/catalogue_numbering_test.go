package letters

import "github.com/tonghop/tonghop/status"

// The catalogue's letters of issue 20, part R: the register of outgoing documents — the issued
// report with its number, and the registry clerk asked for the number, reminded, asked again
// for each reason her answer may not be taken, and told it was recorded.

var vanThu = Person{Title: "Văn thư", Name: "Lê Thanh Hương"}

func numberRequest() NumberRequest {
	d := draftOf(3, "7c2e91d4")
	return NumberRequest{Draft: d, To: vanThu, Symbol: "BC-BQL",
		Approvals: []Decided{{Person: chanhVP, At: day(19, 9, 15), Version: 3}, {Person: truongBan, At: day(20, 10, 30), Version: 3}}}
}

func numberingLetters() []entry {
	approvals := []Decided{{Person: chanhVP, At: day(19, 9, 15), Version: 3}, {Person: truongBan, At: day(20, 10, 30), Version: 3}}
	issued := draftOf(3, "")
	issued.FileName = "BM.02.01-KH_2026-11_BaoCao.xlsx"
	issued.To = []Person{truongBan, phoBanBinh, phoBanDung}
	replacement := corrected("")
	replacement.To = issued.To
	r := numberRequest()
	return []entry{
		{name: "register-issue-numbered", letter: NumberedIssueLetter(issued, approvals, DocumentNumber{Number: "125/BC-BQL", Dated: day(20, 10, 31)})},
		{name: "register-issue-numbered-replacement", letter: NumberedIssueLetter(replacement,
			[]Decided{{Person: chanhVP, At: day(26, 8, 40), Version: 4}, {Person: truongBan, At: day(26, 9, 0), Version: 4}},
			DocumentNumber{Number: "131/BC-BQL", Dated: day(26, 9, 1), Replaces: "125/BC-BQL"})},
		{name: "register-number-request", letter: NumberRequestLetter(r)},
		{name: "register-number-reminder", letter: NumberReminderLetter(r, 1, day(20, 10, 30))},
		{name: "register-ask-again-unread", letter: NumberAskAgainLetter(r, NumberUnread, "", 2026, "Chiều chị cấp số nhé.")},
		{name: "register-ask-again-two", letter: NumberAskAgainLetter(r, NumberTwo, "", 2026, "Số 125/BC-BQL hoặc 126/BC-BQL")},
		{name: "register-ask-again-range", letter: NumberAskAgainLetter(r, NumberOutOfRange, "0", 2026, "Số 0")},
		{name: "register-ask-again-symbol", letter: NumberAskAgainLetter(r, NumberOtherSymbol, "125/TB-VP", 2026, "125/TB-VP")},
		{name: "register-ask-again-taken", letter: NumberAskAgainLetter(r, NumberTaken, "124/BC-BQL", 2026, "Số 124/BC-BQL\n\nLê Thanh Hương\nVăn thư")},
		{name: "register-ask-again-empty", letter: NumberAskAgainLetter(r, NumberUnread, "", 2026, "")},
		{name: "register-forward-awaiting-number", letter: ForwardLetter(Forward{Office: office, From: truongBan,
			Address: "truong.ban@bqlkcn.example", ReceivedAt: day(20, 11, 0), Why: WhyAwaitingNumber,
			Subject: "Re: Báo cáo đã duyệt: Báo cáo kết quả thực hiện nhiệm vụ tháng 11/2026 [TH BM.02.01/KH 2026-11 v3]",
			Words:   "Đề nghị sửa lại số liệu chỉ tiêu 2.", About: About{Answered: AnsweredIssue, Report: monthly, Version: 3}})},
		{name: "register-listing", text: RegisterTitle(2026) + "\n" + RegisterHeader + "\n" + RegisterVersion(3, 1) + "\t" +
			RegisterHow("auto", "") + "\n" + RegisterVersion(4, 2) + "\t" + RegisterHow("registry", "Lê Thanh Hương") + "\n" +
			RegisterEmpty + "\n" + RegisterWaiting("BM.02.01/KH", "tháng 11/2026", 3) + "\n"},
		{name: "register-status", text: status.LabelAwaitingNumber + "\n"},
		{name: "register-number-recorded", letter: NumberRecordedLetter(r, DocumentNumber{Number: "125/BC-BQL", Dated: day(20, 14, 5)})},
	}
}
