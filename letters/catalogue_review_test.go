package letters

import "time"

// Issue 19, part V (supervisors): the catalogue's letters about a unit's file before its
// supervising leader.

func reviewLetters() []entry {
	file := func(edit func(*ReviewFile)) ReviewFile {
		f := ReviewFile{Office: office, Contact: contactHa, Unit: qldn, Request: weekly, File: weeklyFile, Version: 1,
			ReceivedAt: day(18, 10, 20), Supervisor: phoBanBinh, Due: day(19, 10, 20), ID: 42, MAC: "3f9a1c0e"}
		if edit != nil {
			edit(&f)
		}
		return f
	}
	plan := func(f *ReviewFile) {
		f.Plan, f.Request, f.File = true, Request{FormCode: "BM.01/KH", FormTitle: "Kế hoạch công tác", Period: "Năm 2027",
			Deadline: time.Date(2026, 12, 10, 17, 0, 0, 0, hanoi)}, "BM.01-KH_2027_QLDN.xlsx"
		f.Due = time.Date(2026, 12, 18, 17, 0, 0, 0, hanoi)
	}
	second := func(f *ReviewFile) { f.Version = 2 }
	words := "Đề nghị bổ sung tiến độ dự án khu công nghiệp Yên Phong II.\nBỏ mục 3, đã hoàn thành tuần trước."
	return []entry{
		{name: "review-copy", letter: ReviewCopyLetter(file(nil), []Person{phoBanBinh})},
		{name: "review-copy-three", letter: ReviewCopyLetter(file(nil), []Person{truongBan, phoBanBinh, chanhVP})},
		{name: "review-request", letter: ReviewRequestLetter(file(nil), 0)},
		{name: "review-request-replaces", letter: ReviewRequestLetter(file(second), 1)},
		{name: "review-request-plan", letter: ReviewRequestLetter(file(plan), 0)},
		{name: "review-reminder", letter: ReviewReminderLetter(file(nil), 0, day(18, 10, 25))},
		{name: "review-reminder-plan", letter: ReviewReminderLetter(file(plan), 1, time.Time{})},
		{name: "review-ask-again", letter: ReviewAskAgainLetter(file(nil), "Để chị xem lại đã.")},
		{name: "review-superseded", letter: ReviewSupersededLetter(file(nil), 2)},
		{name: "review-unit-agreed", letter: ReviewAgreedLetter(file(second), "")},
		{name: "review-unit-agreed-note", letter: ReviewAgreedLetter(file(nil), "Đồng ý. Kỳ sau bổ sung biểu đồ tiến độ.")},
		{name: "review-unit-plan-approved", letter: ReviewAgreedLetter(file(plan), "")},
		{name: "review-unit-returned", letter: ReviewReturnedLetter(file(nil), words, "")},
		{name: "review-unit-returned-edited", letter: ReviewReturnedLetter(file(nil), "Chị đã sửa trực tiếp mục 2, em xem lại.",
			"BM.04.01-KH_2026-W48_QLDN (chi Binh sua).xlsx")},
		{name: "review-unit-plan-returned", letter: ReviewReturnedLetter(file(plan), "Chưa đủ chỉ tiêu năm, đề nghị bổ sung.", "")},
		{name: "review-desk-unclear", letter: ReviewUnclearLetter(file(nil), "Để chị xem lại đã.")},
		{name: "review-desk-overdue", letter: ReviewOverdueLetter(file(nil))},
		{name: "review-unit-receipt", letter: ReceiptLetter(Receipt{Office: office, Contact: contactHa, Unit: qldn,
			Request: weekly, Files: []string{weeklyFile}, Version: 1, ReceivedAt: day(18, 10, 20),
			Items:  []ReceiptItem{{File: weeklyFile, Request: weekly, Version: 1, Rows: 6}},
			Review: ReviewStanding(phoBanBinh, false, day(19, 10, 20))})},
		{name: "review-unit-receipt-plan", letter: ReceiptLetter(Receipt{Office: office, Contact: contactHa, Unit: qldn,
			Request: weekly, Files: []string{weeklyFile}, Version: 1, ReceivedAt: day(18, 10, 20),
			Items:  []ReceiptItem{{File: weeklyFile, Request: weekly, Version: 1, Rows: 6}},
			Review: ReviewStanding(phoBanBinh, true, time.Time{})})},
	}
}
