package letters

import "time"

// The catalogue's letters of issue 19, part 3: this office as a unit of an upper office — the
// upper office's template received, a copy of the filled file for the clerks, the file sent to
// the upper office, the upper office's other mail shown, and the clerks' answers.

// district is the sample office seen as a unit of the Provincial People's Committee.
func districtUpstream() Upstream {
	return Upstream{Office: office, Upper: "UBND tỉnh Hòa Bình",
		Request:  Request{FormCode: "BC-KCN/UBND", FormTitle: "Báo cáo tình hình các khu công nghiệp", Period: "Tháng 11/2026"},
		FromForm: monthly}
}

func filledUpstream(number int, blank []string, sendAt bool) UpstreamFilled {
	f := UpstreamFilled{Upstream: districtUpstream(), FileName: "BC-KCN-UBND_2026-11_BQLKCN.xlsx",
		Issued: Issued{At: day(20, 10, 30), Version: 3}, Number: number, Figures: 9, Rows: 14, Sections: 7, Blank: blank}
	if sendAt {
		f.SendAt = day(20, 14, 30)
	}
	return f
}

func upstreamLetters() []entry {
	u := districtUpstream()
	blank := []string{
		UpstreamBlank("Chỉ tiêu", "1", "Số dự án cấp mới", []string{"Kế hoạch năm", "Lũy kế từ đầu năm"}, ""),
		UpstreamBlank("Chỉ tiêu", "8", "Số doanh nghiệp giải thể", nil, ""),
		UpstreamBlank("Chỉ tiêu", "7", "Số lao động tuyển mới", []string{"Thực hiện kỳ báo cáo"}, "số liệu tổng hợp có phần thập phân, biểu yêu cầu số nguyên"),
		UpstreamBlank("Nội dung báo cáo", "", "Kiến nghị, đề xuất", nil, ""),
	}
	receipt := UpstreamMail{Office: office, Upper: u.Upper, From: "tonghop@ubnd.hoabinh.example",
		Subject: "Đã tiếp nhận: Báo cáo tình hình các khu công nghiệp tháng 11/2026 [BC-KCN/UBND]", ReceivedAt: day(20, 14, 35),
		Excerpt: "Kính gửi: Ban Quản lý các khu công nghiệp tỉnh Hòa Bình\n\nVăn phòng đã nhận được báo cáo của đơn vị."}
	return []entry{
		{name: "upstream-template", letter: UpstreamTemplateLetter(u, day(12, 8, 0), false)},
		{name: "upstream-template-issued", letter: UpstreamTemplateLetter(u, day(21, 8, 0), true)},
		{name: "upstream-copy-hold", letter: UpstreamCopyLetter(filledUpstream(1, blank, true))},
		{name: "upstream-copy-complete-sent", letter: UpstreamCopyLetter(filledUpstream(1, nil, false))},
		{name: "upstream-copy-corrected", letter: UpstreamCopyLetter(filledUpstream(2, blank[:1], true))},
		{name: "upstream-submission", letter: UpstreamSubmissionLetter(filledUpstream(1, nil, false))},
		{name: "upstream-submission-corrected", letter: UpstreamSubmissionLetter(filledUpstream(2, nil, false))},
		{name: "upstream-mail", letter: UpstreamMailLetter(receipt)},
		{name: "upstream-failed-edited", letter: UpstreamFailedLetter(u, UpstreamWhyEdited)},
		{name: "upstream-failed-template", letter: UpstreamFailedLetter(u, UpstreamWhyTemplate)},
		{name: "upstream-answer-held", letter: UpstreamAnswerLetter(u, clerkHa, UpstreamAnswerHeld, day(20, 14, 30))},
		{name: "upstream-answer-released", letter: UpstreamAnswerLetter(u, clerkHa, UpstreamAnswerReleased, day(20, 11, 0))},
		{name: "upstream-answer-sent", letter: UpstreamAnswerLetter(u, clerkHa, UpstreamAnswerSent, day(20, 14, 30))},
		{name: "upstream-answer-unclear", letter: UpstreamAnswerLetter(u, clerkHa, UpstreamAnswerUnclear, day(20, 14, 30))},
		{name: "upstream-answer-unclear-held", letter: UpstreamAnswerLetter(u, clerkHa, UpstreamAnswerUnclear, time.Time{})},
	}
}
