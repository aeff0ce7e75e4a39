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
	// DocName is the administrative document sent with the workbook (issue 20, part D); "" none.
	DocName  string
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
	// To are the recipients of the approved report, greeted by name in its letter; ToOthers says
	// some recipients are addresses without a name. More than a few, or any unnamed, and the
	// letter greets the office's leaders as a body ("Lãnh đạo Ban"); none, and the report goes
	// to the clerks.
	To       []Person
	ToOthers bool
}

// Decided is one approval recorded for a version.
type Decided struct {
	Person    Person
	At        time.Time
	Version   int    // the version approved
	MessageID string // of the reply that approved it
	Initial   bool   // the step initialled (ký nháy) rather than approved (issue 19)
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

// what names the report: "Báo cáo kết quả thực hiện nhiệm vụ tháng 11/2026 (biểu mẫu BM.02.01/KH)",
// the report's name keeping its capital, as a document's name does.
func (d Draft) what() string { return upperFirst(withCode(d.Request)) }

// subject is what a subject says of the draft: "Báo cáo kết quả thực hiện nhiệm vụ tháng 11/2026
// (dự thảo lần 2)".
func (d Draft) subject() string { return upperFirst(brief(d.Request)) + d.drafted() }

func (d Draft) drafted() string { return fmt.Sprintf(" (dự thảo lần %d)", d.Version) }

// draftOf is "dự thảo lần 2 Báo cáo … (biểu mẫu …)".
func (d Draft) draftOf() string { return fmt.Sprintf("dự thảo lần %d %s", d.Version, d.what()) }

// summary is the paragraph every letter about a draft carries: units counted and missing, and
// what changed since the draft before.
func (d Draft) summary() string {
	return d.summaryOf(fmt.Sprintf("Dự thảo lần %d", d.Version), true)
}

// summaryOf is the summary of what, with the changes since the draft before when withChanges.
func (d Draft) summaryOf(what string, withChanges bool) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s tổng hợp số liệu của %d/%d đơn vị", what, len(d.Counted), d.Expected)
	if len(d.Missing) > 0 {
		fmt.Fprintf(&b, "; chưa có số liệu của: %s", strings.Join(d.Missing, ", "))
	}
	b.WriteString(".")
	if withChanges && len(d.Changes) > 0 {
		b.WriteString("\nThay đổi so với dự thảo trước:")
		for _, c := range d.Changes {
			b.WriteString("\n  - " + c)
		}
	}
	return b.String()
}

func attachedLine(d Draft) string {
	switch {
	case d.FileName == "":
		return ""
	case d.DocName != "": // issue 20: the document, and the workbook as its appendix
		return "Văn bản " + quoted(d.DocName) + " và bảng tổng hợp kèm theo (phụ lục) " + quoted(d.FileName) +
			" được gửi kèm thư này."
	}
	return "Tệp " + quoted(d.FileName) + " được gửi kèm thư này."
}

// AnswerInstruction asks a leader to decide by replying. Package reply removes this very
// paragraph (or its first sentence alone) from a reply that quotes it without quotation marks, so
// that its “Duyệt” never counts as the leader's: a test holds the two together.
const AnswerInstruction = "Kính đề nghị đồng chí cho ý kiến bằng cách trả lời thư này: ghi “Duyệt” hoặc “Đồng ý” nếu " +
	"đồng ý; hoặc ghi rõ nội dung cần chỉnh sửa. Nếu chỉnh sửa trực tiếp trên tệp, kính đề nghị đồng chí gửi kèm " +
	"tệp đã sửa khi trả lời."

// answerAgain is the first sentence of AnswerInstruction, for a leader asked to answer again.
var answerAgain = AnswerInstruction[:strings.Index(AnswerInstruction, ".")+1]

// DraftNoticeLetter tells the clerks a draft was built and where it goes next (next: the people
// the approval request went to, see PersonNames; "" when the form has no approval chain).
func DraftNoticeLetter(d Draft, next string) Letter {
	route := "Biểu mẫu này không có bước duyệt qua thư điện tử; dự thảo được lưu để " + deskYou(d.Office) + " sử dụng."
	if next != "" {
		route = "Dự thảo đã được kính trình " + setOff(next) + " để xin ý kiến."
	}
	warn := ""
	if d.Warnings > 0 {
		warn = "Có " + count(d.Warnings) + " điểm cần lưu ý khi tổng hợp, ghi ở cuối trang “Tổng hợp” của tệp."
	}
	return tokenLetter(d.token(), "Đã lập dự thảo: "+d.subject(),
		toDesk(d.Office),
		"Hệ thống đã tổng hợp "+d.draftOf()+".", d.summary(), warn, route, attachedLine(d), signature(d.Office))
}

// ApprovalRequestLetter asks one step of the chain to decide on a draft. done lists the steps
// that approved this version already; replaces is the version this request replaces (0: none).
func ApprovalRequestLetter(d Draft, to Person, done []Decided, replaces int) Letter {
	replaced := ""
	if replaces > 0 {
		replaced = fmt.Sprintf("Dự thảo lần %d thay thế dự thảo lần %d %s đã kính trình đồng chí trước đây.",
			d.Version, replaces, desk(d.Office))
	}
	return tokenLetter(d.token(), "Xin ý kiến duyệt: "+d.subject(),
		toLeader(to),
		fmt.Sprintf("%s kính trình đồng chí %s để xem xét, cho ý kiến.", desk(d.Office), d.draftOf()),
		correctionLine(d), d.summary(), doneLines(done), replaced, attachedLine(d), AnswerInstruction,
		signature(d.Office))
}

// ApprovalReminderLetter presents a draft again to a step whose opinion has been awaited since
// since; n counts the reminders, so this is the (n+1)-th time the draft is presented.
func ApprovalReminderLetter(d Draft, to Person, n int, since time.Time) Letter {
	sent := "Trước đây"
	if !since.IsZero() {
		sent = "Lúc " + FormatDateTime(since)
	}
	return tokenLetter(d.token(), fmt.Sprintf("Kính trình lại (lần %d) – xin ý kiến duyệt: %s", n+1, d.subject()),
		toLeader(to),
		fmt.Sprintf("%s, %s đã kính trình đồng chí %s. Đến nay %s chưa nhận được ý kiến của đồng chí, "+
			"xin kính trình lại để đồng chí xem xét, cho ý kiến.", sent, desk(d.Office), d.draftOf(), desk(d.Office)),
		d.summary(), attachedLine(d), AnswerInstruction, signature(d.Office))
}

// AcknowledgeLetter confirms to a leader what was recorded from their reply, so a misreading
// shows at once. next says what happens now ("" when nothing more).
func AcknowledgeLetter(d Draft, to Person, approved bool, comment, next string) Letter {
	recorded := fmt.Sprintf("%s đã nhận được ý kiến của đồng chí: DUYỆT %s.", desk(d.Office), d.draftOf())
	if !approved {
		recorded = fmt.Sprintf("%s đã nhận được ý kiến của đồng chí về %s, đề nghị chỉnh sửa như sau:\n%s",
			desk(d.Office), d.draftOf(), indent(comment))
	}
	return tokenLetter(d.token(), "Đã nhận ý kiến: "+d.subject(),
		toLeader(to), recorded, next,
		"Nếu "+desk(d.Office)+" ghi nhận chưa đúng ý kiến của đồng chí, kính đề nghị đồng chí trả lời thư này để "+
			desk(d.Office)+" điều chỉnh.", signature(d.Office))
}

// RevisionLetter passes a leader's request for changes to the clerks, verbatim. edited names the
// workbook the leader sent back edited, if any.
func RevisionLetter(d Draft, from Person, comment, edited string) Letter {
	file := ""
	if edited != "" {
		file = upperFirst(from.namedThen()) + " gửi kèm tệp đã sửa " + quoted(edited) + "; tệp này được lưu làm dự thảo mới."
	}
	return tokenLetter(d.token(), "Đề nghị chỉnh sửa: "+d.subject(),
		toDesk(d.Office),
		fmt.Sprintf("%s đề nghị chỉnh sửa %s:\n%s", upperFirst(from.namedThen()), d.draftOf(), indent(comment)),
		file,
		"Khi đơn vị gửi lại số liệu, hệ thống tự động lập dự thảo mới và kính trình lại. "+redraftLine(d),
		signature(d.Office))
}

// EditedTooLarge is why, for EditedNotTakenLetter, a workbook too large to be read was not taken.
const EditedTooLarge = "Tệp quá lớn nên hệ thống không đọc được."

// EditedNotTakenLetter tells a leader, with the clerks in copy, that the workbook they attached to
// their reply about draft d was not taken as a new draft, and why (a sentence in Vietnamese):
// their decision counts for the draft as it was sent.
func EditedNotTakenLetter(d Draft, to Person, file, why string) Letter {
	why = strings.TrimSpace(why)
	if why != "" && !strings.HasSuffix(why, ".") {
		why += "."
	}
	return tokenLetter(d.token(), "Tệp chỉnh sửa chưa được sử dụng: "+d.subject(),
		toLeader(to),
		fmt.Sprintf("Thư trả lời của đồng chí về dự thảo lần %d có kèm tệp %s, nhưng tệp này chưa được dùng làm dự thảo mới. %s",
			d.Version, quoted(file), why),
		fmt.Sprintf("Ý kiến trong thư được ghi nhận cho dự thảo lần %d như %s đã kính trình, không gồm nội dung chỉnh sửa trong tệp.",
			d.Version, desk(d.Office)),
		"Nếu cần chỉnh sửa số liệu, kính đề nghị đồng chí lưu tệp ở định dạng Excel (.xlsx), không đặt mật khẩu, và gửi "+
			"kèm khi trả lời thư xin ý kiến; hoặc báo "+desk(d.Office)+", nơi cũng nhận thư này, để chỉnh sửa.",
		signature(d.Office))
}

// AskAgainLetter asks a leader, once, to answer again when their reply could not be read safely.
func AskAgainLetter(d Draft, to Person, written string) Letter {
	quote := "Thư trả lời không có nội dung ý kiến."
	if strings.TrimSpace(written) != "" {
		quote = "Nội dung đã nhận:\n" + indent(written)
	}
	return tokenLetter(d.token(), "Kính đề nghị trả lời lại: "+d.subject(),
		toLeader(to),
		fmt.Sprintf("%s chưa xác định được ý kiến của đồng chí về %s.", desk(d.Office), d.draftOf()),
		quote, answerAgain, signature(d.Office))
}

// UnclearLetter tells the clerks that a leader's reply still cannot be read and a person must
// read it; reason says why, in Vietnamese.
func UnclearLetter(d Draft, from Person, written, reason string) Letter {
	return tokenLetter(d.token(), "Cần xác nhận ý kiến của lãnh đạo: "+d.subject(),
		toDesk(d.Office),
		fmt.Sprintf("Hệ thống chưa xác định được ý kiến của %s về dự thảo lần %d, kể cả sau khi đã đề nghị trả lời lại. Lý do: %s.",
			from.namedThen(), d.Version, strings.TrimSuffix(strings.TrimSpace(reason), ".")),
		"Nội dung đã nhận:\n"+indent(written),
		fmt.Sprintf("Đề nghị %s liên hệ trực tiếp với %s để xác nhận ý kiến.", deskYou(d.Office), from.namedThen()),
		signature(d.Office))
}

// StaleLetter tells a leader their answer was about a draft since replaced, and presents the
// current one.
func StaleLetter(d Draft, to Person, answered int) Letter {
	about := fmt.Sprintf("%s đã nhận được ý kiến của đồng chí nhưng chưa xác định được ý kiến đó về dự thảo nào.",
		desk(d.Office))
	if answered > 0 {
		about = fmt.Sprintf("%s đã nhận được ý kiến của đồng chí về dự thảo lần %d. Dự thảo lần %d đã được thay thế "+
			"bằng dự thảo lần %d.", desk(d.Office), answered, answered, d.Version)
	}
	return tokenLetter(d.token(), "Kính trình dự thảo mới: "+d.subject(),
		toLeader(to),
		about+fmt.Sprintf(" %s kính trình đồng chí %s để xem xét, cho ý kiến.", desk(d.Office), d.draftOf()),
		d.summary(), attachedLine(d), AnswerInstruction, signature(d.Office))
}

// NotYourTurnLetter tells a leader that the draft waits for the opinion of waiting, an earlier
// step, and will come to them after.
func NotYourTurnLetter(d Draft, to Person, waiting []Person) Letter {
	return tokenLetter(d.token(), "Dự thảo đang chờ ý kiến bước trước: "+d.subject(),
		toLeader(to),
		fmt.Sprintf("%s đã nhận được ý kiến của đồng chí về %s. Dự thảo lần %d hiện đang chờ ý kiến của %s; sau bước này "+
			"%s sẽ kính trình đồng chí dự thảo để đồng chí cho ý kiến.",
			desk(d.Office), d.draftOf(), d.Version, PersonNames(waiting), desk(d.Office)),
		signature(d.Office))
}

// WithdrawLetter tells a leader that the draft they were asked about was replaced by d.
func WithdrawLetter(d Draft, to Person, old int) Letter {
	return tokenLetter(d.token(), fmt.Sprintf("Dự thảo lần %d đã được thay thế: %s", old, d.subject()),
		toLeader(to),
		fmt.Sprintf("%s đã lập %s, thay thế dự thảo lần %d đã kính trình đồng chí. %s sẽ kính trình đồng chí dự thảo "+
			"lần %d theo trình tự duyệt để đồng chí cho ý kiến.", desk(d.Office), d.draftOf(), old, desk(d.Office), d.Version),
		signature(d.Office))
}

// RefusedReplyLetter tells the clerks a reply about a draft was not counted because of who sent it
// or how it arrived (why, in Vietnamese: see NotInChain, NotBound, AuthFailed, NoMailAuth).
func RefusedReplyLetter(o Office, from, subject, why string) Letter {
	from, subject = SafeText(from), SafeText(subject)
	return letter(Request{}, "Thư trả lời không được tính là ý kiến duyệt: "+quoted(subject),
		toDesk(o),
		fmt.Sprintf("Thư từ %s, tiêu đề %s, không được tính là ý kiến duyệt, vì %s.", from, quoted(subject),
			strings.TrimSuffix(strings.TrimSpace(why), ".")),
		"Thư được lưu trong thư mục cách ly để "+deskYou(o)+" kiểm tra.", signature(o))
}

// IssueLetter sends the approved report to its recipients (d.To), saying who approved it when.
func IssueLetter(d Draft, approvals []Decided) Letter {
	var lines []string
	for i, a := range approvals {
		line := "- " + upperFirst(a.Person.namedThen()) + " " + a.verb()
		if a.Version > 0 && a.Version != d.Version {
			line += fmt.Sprintf(" dự thảo lần %d", a.Version)
		}
		line += " lúc " + FormatDateTime(a.At)
		if i < len(approvals)-1 {
			lines = append(lines, line+";")
		} else {
			lines = append(lines, line+".")
		}
	}
	approved := ""
	if len(lines) > 0 {
		approved = "Báo cáo đã được duyệt:\n" + strings.Join(lines, "\n")
	}
	return tokenLetter(d.token(), issueSubject(d)+upperFirst(brief(d.Request)),
		recipients(d),
		fmt.Sprintf("%s trân trọng gửi %s đã được duyệt.", desk(d.Office), d.what()),
		replacementLine(d),
		approved, unauthenticated(d),
		d.summaryOf("Báo cáo", false), attachedLine(d), signature(d.Office))
}

// recipients greets the recipients of the approved report.
func recipients(d Draft) string {
	switch {
	case len(d.To) == 0 && !d.ToOthers:
		return toDesk(d.Office)
	case d.ToOthers:
		return "Kính gửi: " + leadersOf(d.Office)
	}
	return toPeople(d.To, leadersOf(d.Office))
}

// UnauthenticatedApprovals warns, in every approved report of an office that counts approvals
// without authenticating the leaders' mail, that the approvals may have been forged.
const UnauthenticatedApprovals = "CẢNH BÁO: Các ý kiến duyệt nêu trên được nhận qua thư điện tử nhưng hệ thống KHÔNG " +
	"xác thực người gửi, nên có thể là thư giả mạo. Đề nghị đối chiếu trực tiếp với lãnh đạo trước khi sử dụng báo cáo."

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
