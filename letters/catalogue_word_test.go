package letters

import "github.com/tonghop/tonghop/form"

// Issue 20, part W: the catalogue's letters and messages about units' Word reports.

// narrativeReport is a report of narrative sections only, which a unit may send in Word.
var narrativeReport = Request{FormCode: "BM-VP-01.01", FormTitle: "Báo cáo kết quả công tác", Period: "Tháng 11/2026",
	Deadline: day(20, 17, 0)}

const wordFile = "Bao cao thang 11 - QLDN.docx"

func wordLetters() []entry {
	sections := []string{"I. Kết quả thực hiện nhiệm vụ", "II.1. Kết quả nổi bật", "II.2. Tồn tại, hạn chế",
		"III. Phương hướng nhiệm vụ kỳ tới"}
	receipt := func(warnings ...form.Problem) Letter {
		return ReceiptLetter(Receipt{Office: office, Contact: contactHa, Unit: qldn, Request: narrativeReport,
			Files: []string{wordFile}, Version: 1, ReceivedAt: day(19, 10, 20), Warnings: warnings,
			Items: []ReceiptItem{{File: wordFile, Request: narrativeReport, Version: 1, Sections: sections}}})
	}
	reject := func(req Request, problems ...form.Problem) Letter {
		return RejectionLetter(Rejection{Office: office, Contact: contactHa, Unit: qldn, Request: req, Reason: RejectInvalid,
			Files: []string{wordFile}, ReceivedAt: day(19, 10, 20), Problems: problems,
			OriginalSubject: "Báo cáo kết quả công tác tháng 11/2026"})
	}
	return []entry{
		{name: "word-receipt", letter: receipt(ProblemWordPeriod("Tháng 11/2026", PeriodInDocument))},
		{name: "word-receipt-guessed", letter: receipt(ProblemWordPeriod("Tháng 11/2026", PeriodCollected),
			ProblemSectionRetitled("direction", "III. Phương hướng nhiệm vụ kỳ tới", "III. Hướng công tác kỳ tới"),
			ProblemSectionExtra("V. Các nội dung khác"))},
		{name: "word-rejection-sections", letter: reject(narrativeReport,
			ProblemSectionMissing("direction", "III. Phương hướng nhiệm vụ kỳ tới"),
			ProblemSectionEmpty("results", "I. Kết quả thực hiện nhiệm vụ", "I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 11"))},
		{name: "word-rejection-macros", letter: reject(Request{}, ProblemWordRefused("Bao cao.docm", WordMacros))},
		{name: "word-rejection-no-form", letter: reject(Request{}, ProblemWordNoForm(wordFile, qldn))},
		{name: "messages-word", text: list("Lỗi và lưu ý về báo cáo gửi bằng văn bản Word", wordProblems())},
	}
}

func wordProblems() []string {
	ps := []form.Problem{}
	for why := WordUnreadable; why <= WordEmbedded; why++ {
		ps = append(ps, ProblemWordRefused(wordFile, why))
	}
	ps = append(ps, ProblemWordNoForm(wordFile, qldn),
		ProblemWordNeedsWorkbook("BM.02.01/KH", "Báo cáo kết quả thực hiện nhiệm vụ"),
		ProblemWordFormUnclear(wordFile, []string{"Báo cáo kết quả công tác", "Báo cáo công tác cải cách hành chính"}))
	for from := PeriodInDocument; from <= PeriodCollected; from++ {
		ps = append(ps, ProblemWordPeriod("Quý IV/2026", from))
	}
	ps = append(ps, ProblemSectionMissing("results", "I. Kết quả thực hiện nhiệm vụ"),
		ProblemSectionEmpty("results", "I. Kết quả thực hiện nhiệm vụ", ""),
		ProblemSectionEmpty("results", "I. Kết quả thực hiện nhiệm vụ", "1. Kết quả"),
		ProblemSectionTooLong("results", "I. Kết quả thực hiện nhiệm vụ", 21500, 20000),
		ProblemSectionRetitled("direction", "III. Phương hướng nhiệm vụ kỳ tới", "III. Hướng công tác kỳ tới"),
		ProblemSectionExtra("V. Các nội dung khác"),
		ProblemWordWholeBody("noi_dung", "Nội dung báo cáo"))
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.Message
	}
	return out
}
