package letters

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/unicode/norm"
)

// The letters of the consolidation and approval cycle. Every subject carries the draft's token
// ("[TH BM.02.01/KH 2026-11 v2]"), so a leader's reply names the version it answers even when
// the mail program drops In-Reply-To.

// Draft describes one consolidated draft for the letters about it.
type Draft struct {
	Office   Office
	Request  Request // form code and title, period label
	Period   string  // canonical period ("2026-11"), for the token
	Version  int
	FileName string
	Expected int      // units expected
	Counted  []string // names of the units counted
	Missing  []string // names of the units missing
	Changes  []string // what changed since the previous version, one sentence each
	Warnings int      // findings listed in the workbook for the clerk
	// MAC, in a letter to one person of the chain, goes into the subject token (see
	// SignedApprovalToken): a reply quoting it answers that letter.
	MAC string
	// Unauthenticated says the approvals were counted without authenticating the leaders'
	// mail (mail_auth.insecure_unauthenticated_approvals): the issue letter warns of it.
	Unauthenticated bool
	// Replaces, for the correction of an issued report, is the issue it replaces.
	Replaces *Replacement
}

// Person is someone a letter names: "Chánh Văn phòng Trần Thị Bình".
type Person struct{ Title, Name string }

func (p Person) String() string { return strings.TrimSpace(p.Title + " " + p.Name) }

// Decided is one approval recorded for a version.
type Decided struct {
	Person    Person
	At        time.Time
	Version   int    // the version approved
	MessageID string // of the reply that approved it
}

// ApprovalToken is the subject tag of a draft: "[TH BM.02.01/KH 2026-11 v2]".
func ApprovalToken(formCode, period string, version int) string {
	return fmt.Sprintf("[TH %s %s v%d]", formCode, period, version)
}

// SignedApprovalToken is the subject tag of a letter to one person of the chain, with the
// MAC that binds it to that person: "[TH BM.02.01/KH 2026-11 v2 k3f9a1c0e]". The MAC is
// computed by the caller (the office's key); letters only writes and reads it.
func SignedApprovalToken(formCode, period string, version int, mac string) string {
	if mac == "" {
		return ApprovalToken(formCode, period, version)
	}
	return fmt.Sprintf("[TH %s %s v%d k%s]", formCode, period, version, mac)
}

var tokenPattern = regexp.MustCompile(`\[TH ([^\]\s]{1,64}) ([0-9]{4}(?:-[A-Z0-9]{1,3})?) [vV]([0-9]{1,6})(?: [kK]([0-9a-fA-F]{8}))?\]`)

// ParseApprovalToken finds the last draft token in a subject ("Re: Fwd: [TH …]"), the one the
// latest reply added least to.
func ParseApprovalToken(subject string) (formCode, period string, version int, ok bool) {
	formCode, period, version, _, ok = ParseSignedApprovalToken(subject)
	return formCode, period, version, ok
}

// ParseSignedApprovalToken is ParseApprovalToken that also returns the token's MAC, in lower
// case ("" when the token has none).
func ParseSignedApprovalToken(subject string) (formCode, period string, version int, mac string, ok bool) {
	all := tokenPattern.FindAllStringSubmatch(subject, -1)
	if len(all) == 0 {
		return "", "", 0, "", false
	}
	m := all[len(all)-1]
	v, err := strconv.Atoi(m[3])
	if err != nil || v < 1 {
		return "", "", 0, "", false
	}
	return m[1], m[2], v, strings.ToLower(m[4]), true
}

func (d Draft) token() string {
	return SignedApprovalToken(d.Request.FormCode, d.Period, d.Version, d.MAC)
}

// what names the report: "Báo cáo kết quả thực hiện tháng 11/2026 (biểu mẫu BM.02.01/KH)".
func (d Draft) what() string { return upperFirst(requested(d.Request)) + formCode(d.Request) }

// summary is the paragraph every letter about a draft carries: units counted and missing.
func (d Draft) summary() string { return d.summaryOf("Bản tổng hợp dự thảo lần") }

func (d Draft) summaryOf(what string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %d gồm số liệu của %d/%d đơn vị.", what, d.Version, len(d.Counted), d.Expected)
	if len(d.Missing) > 0 {
		fmt.Fprintf(&b, " Chưa có số liệu: %s.", strings.Join(d.Missing, ", "))
	}
	if len(d.Changes) > 0 {
		b.WriteString("\nThay đổi so với dự thảo trước:")
		for _, c := range d.Changes {
			b.WriteString("\n  - " + c)
		}
	}
	return b.String()
}

func attachedLine(d Draft) string {
	if d.FileName == "" {
		return ""
	}
	return "Tệp tổng hợp " + quoted(d.FileName) + " được gửi kèm thư này."
}

// howToAnswer tells a leader how to decide by replying.
const howToAnswer = "Trả lời thư này: Duyệt / Đồng ý để duyệt; hoặc ghi ý kiến cần sửa. " +
	"Nếu sửa trực tiếp trên tệp, xin gửi kèm tệp đã sửa khi trả lời."

// DraftNoticeLetter tells the Planning Office a draft was built and where it goes next (next:
// the person the approval request went to, or "" when the form has no approval chain).
func DraftNoticeLetter(d Draft, next string) Letter {
	route := "Biểu mẫu này không có quy trình duyệt qua thư; bản tổng hợp được lưu để Văn phòng sử dụng."
	if next != "" {
		route = "Bản dự thảo đã được gửi xin ý kiến " + next + "."
	}
	warn := ""
	if d.Warnings > 0 {
		warn = fmt.Sprintf("Có %d điểm cần lưu ý khi tổng hợp, ghi ở cuối trang “Tổng hợp”.", d.Warnings)
	}
	return letter(Request{}, d.token()+" Đã tổng hợp: "+requested(d.Request),
		"Kính gửi: "+desk(d.Office),
		d.what()+" đã được tổng hợp.", d.summary(), warn, route, attachedLine(d), signature(d.Office))
}

// ApprovalRequestLetter asks one step of the chain to decide on a draft. done lists the steps
// that approved this version already; replaces is the version this request replaces (0: none).
func ApprovalRequestLetter(d Draft, to Person, done []Decided, replaces int) Letter {
	var before []string
	for _, a := range done {
		before = append(before, fmt.Sprintf("%s đã duyệt lúc %s.", a.Person, FormatDateTime(a.At)))
	}
	replaced := ""
	if replaces > 0 {
		replaced = fmt.Sprintf("Dự thảo này thay thế dự thảo lần %d đã gửi trước đây; ý kiến về dự thảo lần %d không còn được tính.", replaces, replaces)
	}
	return letter(Request{}, d.token()+" Xin ý kiến duyệt: "+requested(d.Request),
		"Kính gửi: "+to.String(),
		fmt.Sprintf("%s trân trọng trình %s.", officeName(d.Office), lowerFirst(d.what())),
		correctionLine(d), d.summary(), strings.Join(before, "\n"), replaced, attachedLine(d), howToAnswer, signature(d.Office))
}

// ApprovalReminderLetter reminds a step that a draft waits for its decision since since.
func ApprovalReminderLetter(d Draft, to Person, n int, since time.Time) Letter {
	return letter(Request{}, fmt.Sprintf("%s Nhắc lần %d – xin ý kiến duyệt: %s", d.token(), n, requested(d.Request)),
		"Kính gửi: "+to.String(),
		fmt.Sprintf("%s gửi lúc %s vẫn đang chờ ý kiến.", upperFirst(requested(d.Request))+fmt.Sprintf(" (dự thảo lần %d)", d.Version), FormatDateTime(since)),
		d.summary(), attachedLine(d), howToAnswer, signature(d.Office))
}

// AcknowledgeLetter confirms to a leader what tonghop recorded from their reply, so a misreading
// shows at once. next says what happens now ("" when nothing more).
func AcknowledgeLetter(d Draft, to Person, approved bool, comment, next string) Letter {
	recorded := fmt.Sprintf("Hệ thống đã ghi nhận ý kiến DUYỆT dự thảo lần %d.", d.Version)
	if !approved {
		recorded = fmt.Sprintf("Hệ thống đã ghi nhận ý kiến CẦN SỬA dự thảo lần %d:\n%s", d.Version, indent(comment))
	}
	return letter(Request{}, d.token()+" Đã ghi nhận ý kiến: "+requested(d.Request),
		"Kính gửi: "+to.String(), recorded, next,
		"Nếu ghi nhận này chưa đúng ý kiến, xin trả lời thư này để Văn phòng điều chỉnh.", signature(d.Office))
}

// RevisionLetter passes a leader's request for changes to the Planning Office, verbatim.
// edited names the workbook the leader sent back edited, if any.
func RevisionLetter(d Draft, from Person, comment, edited string) Letter {
	file := ""
	if edited != "" {
		file = "Lãnh đạo gửi kèm tệp đã sửa " + quoted(edited) + "; tệp này được lưu làm dự thảo mới."
	}
	return letter(Request{}, d.token()+" Yêu cầu sửa: "+requested(d.Request),
		"Kính gửi: "+desk(d.Office),
		fmt.Sprintf("%s yêu cầu sửa dự thảo lần %d %s:\n%s", from, d.Version, lowerFirst(requested(d.Request)), indent(comment)),
		file,
		"Khi đơn vị gửi lại số liệu, hệ thống tự động lập dự thảo mới và trình lại. Nếu cần tổng hợp lại mà "+
			"không có số liệu mới của đơn vị, đề nghị Văn phòng liên hệ cán bộ quản trị hệ thống.",
		signature(d.Office))
}

// EditedTooLarge is why, for EditedNotTakenLetter, a workbook too large to be read was not taken.
const EditedTooLarge = "Tệp quá lớn nên hệ thống không đọc được."

// EditedNotTakenLetter tells a leader, with the Planning Office in copy, that the workbook they
// attached to their reply about draft d was not taken as a new draft, and why (a sentence in
// Vietnamese): their decision counts for the draft as it was sent.
func EditedNotTakenLetter(d Draft, to Person, file, why string) Letter {
	why = strings.TrimSpace(why)
	if why != "" && !strings.HasSuffix(why, ".") {
		why += "."
	}
	return letter(Request{}, d.token()+" Tệp sửa không được nhận: "+requested(d.Request),
		"Kính gửi: "+to.String(),
		fmt.Sprintf("Thư trả lời về dự thảo lần %d có kèm tệp %s, nhưng tệp này không được nhận làm dự thảo mới. %s", d.Version, quoted(file), why),
		fmt.Sprintf("Ý kiến trong thư được ghi nhận cho dự thảo lần %d như đã gửi, không gồm nội dung sửa trong tệp.", d.Version),
		"Nếu cần sửa số liệu, xin lưu tệp kiểu Excel Workbook (.xlsx), không đặt mật khẩu, và gửi lại khi trả lời thư xin ý kiến; hoặc báo Văn phòng (đồng gửi thư này) để sửa.",
		signature(d.Office))
}

// AskAgainLetter asks a leader, once, to answer again when their reply could not be read safely.
func AskAgainLetter(d Draft, to Person, written string) Letter {
	quote := "Thư trả lời không có nội dung ý kiến."
	if strings.TrimSpace(written) != "" {
		quote = "Nội dung đã nhận:\n" + indent(written)
	}
	return letter(Request{}, d.token()+" Xin trả lời lại: "+requested(d.Request),
		"Kính gửi: "+to.String(),
		fmt.Sprintf("Hệ thống chưa xác định được ý kiến về dự thảo lần %d %s.", d.Version, lowerFirst(requested(d.Request))),
		quote,
		"Xin trả lời thư này với một trong hai nội dung: “Duyệt” (hoặc “Đồng ý”), hoặc ý kiến cần sửa.",
		signature(d.Office))
}

// UnclearLetter tells the Planning Office that a leader's reply still cannot be read and a
// person must read it.
func UnclearLetter(d Draft, from Person, written, reason string) Letter {
	return letter(Request{}, d.token()+" Cần Văn phòng xem ý kiến: "+requested(d.Request),
		"Kính gửi: "+desk(d.Office),
		fmt.Sprintf("Thư trả lời của %s về dự thảo lần %d chưa đọc được ý kiến rõ ràng (%s), kể cả sau khi đã đề nghị trả lời lại.", from, d.Version, reason),
		"Nội dung đã nhận:\n"+indent(written),
		"Đề nghị Văn phòng liên hệ trực tiếp để xác nhận ý kiến.", signature(d.Office))
}

// StaleLetter tells a leader their answer was about an older version and was not counted.
func StaleLetter(d Draft, to Person, answered int) Letter {
	about := "một dự thảo không xác định được"
	if answered > 0 {
		about = fmt.Sprintf("dự thảo lần %d", answered)
	}
	return letter(Request{}, d.token()+" Ý kiến chưa được tính: "+requested(d.Request),
		"Kính gửi: "+to.String(),
		fmt.Sprintf("Ý kiến vừa nhận là về %s; dự thảo hiện hành là lần %d nên ý kiến này chưa được tính.", about, d.Version),
		d.summary(), attachedLine(d),
		"Xin cho ý kiến về dự thảo hiện hành bằng cách trả lời thư này.", signature(d.Office))
}

// NotYourTurnLetter tells a leader that the draft waits for another step first.
func NotYourTurnLetter(d Draft, to, waiting Person) Letter {
	return letter(Request{}, d.token()+" Chưa đến bước duyệt: "+requested(d.Request),
		"Kính gửi: "+to.String(),
		fmt.Sprintf("Dự thảo lần %d đang chờ ý kiến của %s; ý kiến vừa nhận chưa được tính. Dự thảo sẽ được trình sau khi bước trước hoàn thành.", d.Version, waiting),
		signature(d.Office))
}

// WithdrawLetter tells a leader that the draft they were asked about was replaced.
func WithdrawLetter(d Draft, to Person, old int) Letter {
	return letter(Request{}, d.token()+" Thu hồi dự thảo lần "+strconv.Itoa(old)+": "+requested(d.Request),
		"Kính gửi: "+to.String(),
		fmt.Sprintf("Dự thảo lần %d đã được thay bằng dự thảo lần %d do có số liệu mới; xin không cho ý kiến về dự thảo lần %d. Dự thảo mới sẽ được trình theo thứ tự.", old, d.Version, old),
		signature(d.Office))
}

// RefusedReplyLetter tells the Planning Office a reply about a draft was not counted because of
// who sent it or how it arrived (why, in Vietnamese).
func RefusedReplyLetter(o Office, from, subject, why string) Letter {
	from, subject = SafeText(from), SafeText(subject)
	return letter(Request{}, "Thư trả lời không được tính: "+subject,
		"Kính gửi: "+desk(o),
		fmt.Sprintf("Thư từ %s, tiêu đề %s, không được tính là ý kiến duyệt: %s.", from, quoted(subject), why),
		"Thư được lưu trong thư mục cách ly để Văn phòng kiểm tra.", signature(o))
}

// IssueLetter sends the approved report to its recipients with the approvals recorded.
func IssueLetter(d Draft, approvals []Decided) Letter {
	var lines []string
	for _, a := range approvals {
		line := fmt.Sprintf("  - %s duyệt bản lần %d lúc %s", a.Person, a.Version, FormatDateTime(a.At))
		if a.MessageID != "" {
			line += " (thư trả lời <" + SafeText(a.MessageID) + ">)"
		}
		lines = append(lines, line)
	}
	return letter(Request{}, d.token()+issueVerb(d)+requested(d.Request),
		"Kính gửi: Các đồng chí nhận báo cáo",
		fmt.Sprintf("%s gửi %s (bản tổng hợp lần %d, đã được duyệt).", officeName(d.Office), lowerFirst(d.what()), d.Version),
		replacementLine(d),
		"Quá trình duyệt:\n"+strings.Join(lines, "\n"), unauthenticated(d),
		d.summaryOf("Bản tổng hợp lần"), attachedLine(d), signature(d.Office))
}

// UnauthenticatedApprovals warns, in every issued report of an office that counts approvals
// without authenticating the leaders' mail, that the approvals may have been forged.
const UnauthenticatedApprovals = "CẢNH BÁO: Các ý kiến duyệt nêu trên được nhận qua thư điện tử nhưng KHÔNG được xác thực " +
	"người gửi (cấu hình cho phép duyệt không xác thực), nên có thể là thư giả mạo. " +
	"Đề nghị đối chiếu trực tiếp với lãnh đạo trước khi sử dụng báo cáo."

func unauthenticated(d Draft) string {
	if d.Unauthenticated {
		return UnauthenticatedApprovals
	}
	return ""
}

// indent quotes what a person wrote, line by line, without control or bidirectional formatting
// characters.
func indent(s string) string {
	lines := strings.Split(strings.TrimSpace(norm.NFC.String(strings.ToValidUTF8(s, "\uFFFD"))), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight("    "+strings.Map(hide, l), " ")
	}
	return strings.Join(lines, "\n")
}
