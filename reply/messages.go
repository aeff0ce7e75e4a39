package reply

import "fmt"

// The reasons below are read by the clerk and kept in the audit trail, so
// they are Vietnamese. Quoted words are the reply's own, in “…”.

const (
	reasonEmpty      = "thư trả lời không có nội dung nào ngoài phần trích dẫn thư gốc"
	reasonTooLong    = "phần người trả lời tự viết quá dài, không đọc tự động được"
	reasonQuestion   = "thư trả lời là câu hỏi, chưa phải ý kiến duyệt"
	reasonNoDecision = "không tìm thấy ý kiến duyệt hay yêu cầu sửa"
)

func reasonRefusal(word string) string {
	return fmt.Sprintf("có ý kiến không đồng ý: “%s”", word)
}

func reasonNegated(negation, approval string) string {
	return fmt.Sprintf("có từ phủ định “%s” trước “%s”", negation, approval)
}

func reasonChange(words string) string {
	return fmt.Sprintf("có yêu cầu sửa: “%s”", words)
}

func reasonCondition(approval, condition string) string {
	return fmt.Sprintf("“%s” kèm điều kiện “%s”, chưa phải đồng ý trọn vẹn", approval, condition)
}

func reasonDeferral(words string) string {
	return fmt.Sprintf("người trả lời hẹn xem hoặc chờ thêm: “%s”", words)
}

func reasonAck(words string) string {
	return fmt.Sprintf("chỉ báo “%s”, chưa có ý kiến duyệt", words)
}

func reasonNegationOnly(word string) string {
	return fmt.Sprintf("có từ phủ định “%s” nhưng không rõ ý kiến duyệt hay yêu cầu sửa", word)
}

func reasonExtra(approval, words string) string {
	return fmt.Sprintf("ngoài “%s” còn có nội dung khác (“%s”), cần người đọc xác nhận", approval, words)
}

func reasonStrayNegation(approval, negation string) string {
	return fmt.Sprintf("có “%s” nhưng cũng có từ phủ định “%s”", approval, negation)
}

func reasonApprove(approval string) string {
	return fmt.Sprintf("ý kiến duyệt rõ ràng: “%s”", approval)
}

func reasonBodiesDisagree(reason string) string {
	return fmt.Sprintf("bản HTML và bản văn bản thường của thư không cùng là đồng ý; %s", reason)
}

// Reasons of the request-aware reading (issue 19).

const reasonUnknownKind = "không xác định được loại ý kiến được đề nghị, cần người đọc xem thư"

func reasonApproveWithNote(approval, note string) string {
	return fmt.Sprintf("ý kiến duyệt rõ ràng: “%s”, kèm lưu ý cho các kỳ sau: “%s”", approval, note)
}

func reasonComment(words string) string {
	return fmt.Sprintf("có ý kiến góp ý: “%s”", words)
}

func reasonOthers(who, approval string) string {
	return fmt.Sprintf("“%s” là ý kiến của người khác (“%s”), chưa phải ý kiến của người trả lời", approval, who)
}

func reasonPeriod(named string, asked Period) string {
	if !validPeriod(asked) {
		return fmt.Sprintf("thư trả lời nêu “%s” nhưng không đối chiếu được với kỳ báo cáo trình duyệt", named)
	}
	return fmt.Sprintf("thư trả lời nêu “%s”, trong khi nội dung trình duyệt là %s", named, describePeriod(asked))
}

func reasonVersion(named string, asked int) string {
	if asked <= 0 {
		return fmt.Sprintf("thư trả lời nêu “%s” nhưng không đối chiếu được với bản trình duyệt", named)
	}
	return fmt.Sprintf("thư trả lời nêu “%s”, trong khi bản trình duyệt là bản số %d", named, asked)
}

// describePeriod names a valid period the way an office writes it.
func describePeriod(p Period) string {
	switch p.Kind {
	case PeriodWeek:
		return fmt.Sprintf("tuần %d năm %d", p.Number, p.Year)
	case PeriodMonth:
		return fmt.Sprintf("tháng %d/%d", p.Number, p.Year)
	case PeriodQuarter:
		return fmt.Sprintf("quý %s/%d", [...]string{"", "I", "II", "III", "IV"}[p.Number], p.Year)
	case PeriodHalf:
		if p.Number == 1 {
			return fmt.Sprintf("6 tháng đầu năm %d", p.Year)
		}
		return fmt.Sprintf("6 tháng cuối năm %d", p.Year)
	}
	return fmt.Sprintf("năm %d", p.Year)
}
