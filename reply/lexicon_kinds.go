package reply

// Phrases that only one kind of request knows, in the vocabulary's notation.
// They are strict, like every phrase that can lead to an approval.
var (
	// commentFillers: in a comment round, agreeing with the draft.
	commentFillers = []string{"nội dung dự thảo", "toàn văn"}
	// initialApprovals: the initialler says it is done ("Đã ký nháy").
	initialApprovals = []string{"ký nháy", "ký tắt", "nháy"}
	// initialFillers: passing the draft on to be signed.
	initialFillers = []string{"trình ký", "chuyển ký", "trình lãnh đạo ký", "trình đồng chí lãnh đạo ký"}
	// reviewFillers: the supervisor sending the unit's file on to be
	// counted ("Đồng ý, gửi Văn phòng tổng hợp").
	reviewFillers = []string{
		"gửi|chuyển [về] văn phòng [ban|sở]", "gửi|chuyển [về] văn phòng [ban|sở] [để] tổng hợp",
		"gửi|chuyển [về] phòng kế hoạch", "gửi|chuyển [về] phòng kế hoạch tổng hợp",
		"gửi|chuyển [về] phòng kế hoạch [để] tổng hợp",
		"gửi|chuyển [để] tổng hợp", "cho tổng hợp", "đưa vào tổng hợp", "cho nộp", "nộp",
	}
	// planFillers: the supervisor letting the unit carry out its plan.
	planFillers = []string{"triển khai", "triển khai thực hiện", "tổ chức thực hiện", "thực hiện", "kế hoạch công tác"}
)
